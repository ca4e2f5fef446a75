//! SyncService start and its state as a stream of plain `SyncStatus`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{Stream, StreamExt, future, stream};
use matrix_sdk::Client;
use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use matrix_sdk_ui::room_list_service::RoomListService;
use matrix_sdk_ui::sync_service::{State, SyncService};

use super::errors;
use super::models::SyncStatus;
use crate::error::AppError;

/// Builds and starts the SyncService. Offline mode turns network loss into the
/// `Offline` state and retries on its own, instead of stopping with an error.
pub async fn start(client: &Client) -> Result<SyncService, AppError> {
    let service = SyncService::builder(client.clone())
        .with_offline_mode()
        .build()
        .await
        .map_err(|e| errors::failed("start sync", e))?;
    service.start().await;
    Ok(service)
}

/// How long to wait before the next try after `failures` failed ones in a row:
/// 1 s, doubling, at most a minute, so a server coming back is not flooded.
pub fn retry_delay(failures: u32) -> Duration {
    const FIRST: Duration = Duration::from_secs(1);
    const LONGEST: Duration = Duration::from_secs(60);
    FIRST
        .saturating_mul(2u32.saturating_pow(failures))
        .min(LONGEST)
}

/// How long to wait before trying again after `failures` failed tries in a row, when
/// the server asked for `asked` (a 429's `retry_after_ms`): never sooner than it
/// asked, but never more than an hour on a server's word.
pub fn wait_before_retry(failures: u32, asked: Option<Duration>) -> Duration {
    let asked = asked.unwrap_or_default().min(Duration::from_secs(3600));
    retry_delay(failures).max(asked)
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

/// Why sliding sync follows a room in full (every event, not only the latest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FollowPurpose {
    /// The room open on screen.
    OpenRoom,
    /// The direct chat where a verification with another person runs: the room list
    /// asks for one event per room, which could skip a step of the exchange.
    Verification,
}

/// The rooms sliding sync follows in full. `set_room_subscriptions` replaces the whole
/// set, so every change goes through here and sends the union.
#[derive(Clone)]
pub struct FollowedRooms {
    room_list: Arc<RoomListService>,
    rooms: Rc<RefCell<BTreeMap<FollowPurpose, OwnedRoomId>>>,
}

impl FollowedRooms {
    pub fn new(service: &SyncService) -> Self {
        Self {
            room_list: service.room_list_service(),
            rooms: Rc::default(),
        }
    }

    pub async fn follow(&self, purpose: FollowPurpose, room_id: &RoomId) {
        let ids: Vec<OwnedRoomId> = {
            let mut rooms = self.rooms.borrow_mut();
            rooms.insert(purpose, room_id.to_owned());
            rooms.values().cloned().collect()
        };
        let ids: Vec<&RoomId> = ids.iter().map(AsRef::as_ref).collect();
        self.room_list.set_room_subscriptions(&ids).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn retries_back_off_to_a_minute() {
        let delays: Vec<u64> = (0..9).map(|n| retry_delay(n).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(retry_delay(u32::MAX), Duration::from_secs(60));
    }

    #[wasm_bindgen_test]
    fn a_rate_limit_is_waited_out_but_not_for_ever() {
        let asked = Some(Duration::from_secs(30));
        assert_eq!(wait_before_retry(0, asked), Duration::from_secs(30));
        // Longer than our own backoff only when asked; at most an hour on its word.
        assert_eq!(wait_before_retry(6, asked), Duration::from_secs(60));
        let week = Some(Duration::from_secs(7 * 24 * 3600));
        assert_eq!(wait_before_retry(0, week), Duration::from_secs(3600));
        assert_eq!(wait_before_retry(2, None), Duration::from_secs(4));
    }
}
