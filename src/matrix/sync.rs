//! SyncService start and its state as a stream of plain `SyncStatus`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{Stream, StreamExt, future, stream};
use matrix_sdk::Client;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use matrix_sdk_ui::encryption_sync_service;
use matrix_sdk_ui::room_list_service::{self, RoomListService};
use matrix_sdk_ui::sync_service::{self, State, SyncService};

use super::errors;
use super::models::SyncStatus;
use crate::error::AppError;

/// Builds and starts the SyncService. Without the SDK's offline mode: that mode takes
/// every failure, a 429 too, for a lost network and starts again as soon as
/// `/versions` answers, without saying why. Stopped in its error state instead, the
/// service hands us the error, and the session's supervisor restarts it as the error
/// calls for (`updates`, `restart_delay`).
pub async fn start(client: &Client) -> Result<SyncService, AppError> {
    let service = SyncService::builder(client.clone())
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

/// Why sync stopped, which decides what the person sees and when it starts again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// No answer from our server: no network, or its reverse proxy's own 502-504.
    Unreachable,
    /// A 429, with the wait the server asked for if it gave one.
    Slowed(Option<Duration>),
    /// The server forgot the sliding sync session (`M_UNKNOWN_POS`); the SDK has
    /// already reset it, and starting again at once (with the rooms followed in full
    /// sent again) is all it takes; the supervisor does so once between calm spells.
    Expired,
    Other,
}

impl Fault {
    pub fn status(self) -> SyncStatus {
        match self {
            Fault::Unreachable => SyncStatus::Offline,
            Fault::Slowed(_) => SyncStatus::Slowed,
            Fault::Expired => SyncStatus::Starting,
            Fault::Other => SyncStatus::Error,
        }
    }

    /// Whether it counts towards the backoff: a forgotten session is not a failure.
    pub fn counts(self) -> bool {
        self != Fault::Expired
    }
}

/// Sync's state as shown, and the fault it stopped with, if it did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncUpdate {
    pub status: SyncStatus,
    pub fault: Option<Fault>,
}

impl From<SyncStatus> for SyncUpdate {
    fn from(status: SyncStatus) -> Self {
        Self {
            status,
            fault: None,
        }
    }
}

impl From<Fault> for SyncUpdate {
    fn from(fault: Fault) -> Self {
        Self {
            status: fault.status(),
            fault: Some(fault),
        }
    }
}

/// What a failed sync means for the person and for the next try.
pub fn fault_of(error: &sync_service::Error) -> Fault {
    let failed = match error {
        sync_service::Error::RoomList(room_list_service::Error::SlidingSync(e))
        | sync_service::Error::EncryptionSync(encryption_sync_service::Error::SlidingSync(e)) => e,
        _ => return Fault::Other,
    };
    match failed.client_api_error_kind() {
        Some(ErrorKind::LimitExceeded(_)) => return Fault::Slowed(errors::retry_after(failed)),
        Some(ErrorKind::UnknownPos) => return Fault::Expired,
        _ => {}
    }
    match failed {
        // A gateway's own 429 has no Matrix body, and so no wait we can read.
        matrix_sdk::Error::Http(http)
            if http
                .as_client_api_error()
                .is_some_and(|api| api.status_code.as_u16() == 429) =>
        {
            Fault::Slowed(None)
        }
        matrix_sdk::Error::Http(http) if errors::server_unreachable(http) => Fault::Unreachable,
        _ => Fault::Other,
    }
}

fn update_of(state: &State) -> SyncUpdate {
    match state {
        State::Idle => SyncStatus::Starting.into(),
        State::Running => SyncStatus::Running.into(),
        // Only in the SDK's offline mode, which we do not use.
        State::Offline => SyncStatus::Offline.into(),
        State::Error(error) => fault_of(error).into(),
        State::Terminated => SyncStatus::Stopped.into(),
    }
}

/// The current state followed by every change. After a fault, the fault stays shown
/// until the room list has had an answer from the server again: a restarted service
/// says `Running` before its first request, and one that fails again at once must
/// not blink "running". (The encryption loop long-polls and is not waited for: a
/// fault of its own shows once it fails again.) The subscribers themselves only yield
/// changes, and the service is already started by the time anyone subscribes.
pub fn updates(service: &SyncService) -> impl Stream<Item = SyncUpdate> + use<> {
    enum Change {
        Service(State),
        RoomList(room_list_service::State),
    }
    let subscriber = service.state();
    let current = subscriber.get();
    let service_states = stream::once(future::ready(current))
        .chain(subscriber)
        .map(Change::Service);
    let room_list_states = service.room_list_service().state().map(Change::RoomList);
    stream::select(service_states, room_list_states)
        .scan(false, |after_fault, change| {
            let update = match change {
                Change::Service(State::Running) if *after_fault => None,
                Change::Service(state) => {
                    *after_fault = matches!(state, State::Error(_));
                    Some(update_of(&state))
                }
                Change::RoomList(state) if *after_fault && answered(&state) => {
                    *after_fault = false;
                    Some(SyncStatus::Running.into())
                }
                Change::RoomList(_) => None,
            };
            future::ready(Some(update))
        })
        .filter_map(future::ready)
}

/// The room list's state machine moves out of `Error`/`Terminated` only on a sync
/// response.
fn answered(state: &room_list_service::State) -> bool {
    !matches!(
        state,
        room_list_service::State::Error { .. } | room_list_service::State::Terminated { .. }
    )
}

/// How long to wait before starting sync again after `fault`, after `failures` failed
/// tries in a row. A lost network or server is checked at least every 8 s, so sync
/// resumes soon after it is back; a 429 waits as long as asked.
pub fn restart_delay(fault: Fault, failures: u32) -> Duration {
    const OFFLINE_LONGEST: Duration = Duration::from_secs(8);
    match fault {
        Fault::Unreachable => retry_delay(failures).min(OFFLINE_LONGEST),
        Fault::Slowed(asked) => wait_before_retry(failures, asked),
        Fault::Expired => Duration::ZERO,
        Fault::Other => retry_delay(failures),
    }
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
        self.rooms.borrow_mut().insert(purpose, room_id.to_owned());
        self.resend().await;
    }

    /// Sends the whole set (again: a sliding sync session the server forgot, with
    /// `M_UNKNOWN_POS`, took the subscriptions with it).
    pub async fn resend(&self) {
        let ids: Vec<OwnedRoomId> = self.rooms.borrow().values().cloned().collect();
        if ids.is_empty() {
            return;
        }
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

    fn sync_failed(status: u16, kind: Option<ErrorKind>) -> sync_service::Error {
        let http = errors::tests::answered(status, kind);
        let failed = matrix_sdk::Error::Http(Box::new(http));
        sync_service::Error::RoomList(room_list_service::Error::SlidingSync(failed))
    }

    #[wasm_bindgen_test]
    fn a_failed_sync_is_told_apart_by_what_the_server_said() {
        use matrix_sdk::ruma::api::error::{LimitExceededErrorData, RetryAfter};
        let mut limit = LimitExceededErrorData::new();
        limit.retry_after = Some(RetryAfter::Delay(Duration::from_secs(5)));
        let limited = sync_failed(429, Some(ErrorKind::LimitExceeded(limit)));
        assert_eq!(
            fault_of(&limited),
            Fault::Slowed(Some(Duration::from_secs(5)))
        );
        // A gateway's 429 without a Matrix body is still a request to slow down.
        assert_eq!(fault_of(&sync_failed(429, None)), Fault::Slowed(None));
        // Whichever loop failed, a lost server is offline and not an error.
        let offline =
            sync_service::Error::EncryptionSync(encryption_sync_service::Error::SlidingSync(
                matrix_sdk::Error::Http(Box::new(errors::tests::answered(502, None))),
            ));
        assert_eq!(fault_of(&offline), Fault::Unreachable);
        assert_eq!(
            fault_of(&sync_failed(500, Some(ErrorKind::Unknown))),
            Fault::Other
        );
        let expired = fault_of(&sync_failed(400, Some(ErrorKind::UnknownPos)));
        assert_eq!(expired, Fault::Expired);
        assert!(!expired.counts());
        assert_eq!(SyncUpdate::from(expired).status, SyncStatus::Starting);
    }

    #[wasm_bindgen_test]
    fn restarts_wait_as_the_fault_calls_for() {
        let delays: Vec<u64> = (0..6)
            .map(|n| restart_delay(Fault::Unreachable, n).as_secs())
            .collect();
        // A lost server is looked for again at least every 8 s.
        assert_eq!(delays, [1, 2, 4, 8, 8, 8]);
        assert_eq!(restart_delay(Fault::Other, 5), Duration::from_secs(32));
        let asked = Fault::Slowed(Some(Duration::from_secs(20)));
        assert_eq!(restart_delay(asked, 0), Duration::from_secs(20));
        assert_eq!(
            restart_delay(Fault::Slowed(None), 1),
            Duration::from_secs(2)
        );
        assert_eq!(restart_delay(Fault::Expired, 7), Duration::ZERO);
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
