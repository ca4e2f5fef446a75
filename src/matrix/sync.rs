//! SyncService start and its state as a stream of plain `SyncStatus`.

use futures_util::{Stream, StreamExt, future, stream};
use matrix_sdk::Client;
use matrix_sdk_ui::sync_service::{State, SyncService};

use super::models::SyncStatus;
use crate::error::AppError;

/// Builds and starts the SyncService. Offline mode turns network loss into the
/// `Offline` state and retries on its own, instead of stopping with an error.
pub async fn start(client: &Client) -> Result<SyncService, AppError> {
    let service = SyncService::builder(client.clone())
        .with_offline_mode()
        .build()
        .await
        .map_err(|e| AppError::Server(e.to_string()))?;
    service.start().await;
    Ok(service)
}

pub fn status_of(state: &State) -> SyncStatus {
    match state {
        State::Idle => SyncStatus::Starting,
        State::Running => SyncStatus::Running,
        State::Offline => SyncStatus::Offline,
        State::Error(_) => SyncStatus::Error,
        State::Terminated => SyncStatus::Stopped,
    }
}

/// The current state followed by every change. (The subscriber itself only yields
/// changes, and the service is already started by the time anyone subscribes.)
pub fn statuses(service: &SyncService) -> impl Stream<Item = SyncStatus> + use<> {
    let subscriber = service.state();
    let current = status_of(&subscriber.get());
    stream::once(future::ready(current)).chain(subscriber.map(|state| status_of(&state)))
}
