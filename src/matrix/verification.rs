//! Interactive verification by comparing emoji (SAS): this device with another of the
//! person's devices, or the person with someone else, started from either side.

use futures_channel::mpsc;
use futures_util::{Stream, StreamExt};
use matrix_sdk::encryption::verification::{
    SasState, SasVerification, Verification as SdkVerification, VerificationRequest,
    VerificationRequestState,
};
use matrix_sdk::ruma::events::key::verification::request::ToDeviceKeyVerificationRequestEvent;
use matrix_sdk::ruma::events::room::message::{MessageType, OriginalSyncRoomMessageEvent};
use matrix_sdk::ruma::{OwnedUserId, UserId};
use matrix_sdk_ui::room_list_service::RoomListService;

use super::ActiveSession;
use super::models::{SasEmoji, VerificationPhase};
use crate::error::AppError;

/// One verification, ours or theirs, from request to done or cancelled.
#[derive(Clone)]
pub struct Verification {
    request: VerificationRequest,
}

impl Verification {
    /// The other side: our own user ID for one of our devices.
    pub fn other_user(&self) -> String {
        self.request.other_user_id().to_string()
    }

    pub fn is_self_verification(&self) -> bool {
        self.request.is_self_verification()
    }

    pub fn is_incoming(&self) -> bool {
        !self.request.we_started()
    }

    /// Accepts an incoming request; the other side then starts the emoji comparison.
    pub async fn accept(&self) -> Result<(), AppError> {
        self.request
            .accept()
            .await
            .map_err(|e| failed("accept", &e))
    }

    pub async fn cancel(&self) -> Result<(), AppError> {
        if let Some(sas) = self.sas() {
            return sas.cancel().await.map_err(|e| failed("cancel", &e));
        }
        self.request
            .cancel()
            .await
            .map_err(|e| failed("cancel", &e))
    }

    /// The emoji match: the SDK marks the other side verified once both said so.
    pub async fn confirm(&self) -> Result<(), AppError> {
        let sas = self.sas().ok_or(AppError::EncryptionFailed)?;
        sas.confirm().await.map_err(|e| failed("confirm", &e))
    }

    /// The emoji differ: the verification is cancelled as a possible attack.
    pub async fn mismatch(&self) -> Result<(), AppError> {
        let sas = self.sas().ok_or(AppError::EncryptionFailed)?;
        sas.mismatch().await.map_err(|e| failed("mismatch", &e))
    }

    fn sas(&self) -> Option<SasVerification> {
        match self.request.state() {
            VerificationRequestState::Transitioned {
                verification: SdkVerification::SasV1(sas),
                ..
            } => Some(sas),
            _ => None,
        }
    }

    /// Follows the verification to its end, reporting each phase. The side that sent
    /// the request starts the emoji exchange as soon as the other accepts; the other
    /// side accepts it. Returns when done or cancelled.
    pub async fn run(&self, mut report: impl FnMut(VerificationPhase)) {
        let mut changes = std::pin::pin!(self.request.changes());
        let mut state = self.request.state();
        let sas = loop {
            match state {
                VerificationRequestState::Created { .. } => report(VerificationPhase::Waiting),
                VerificationRequestState::Requested { .. } => report(VerificationPhase::Incoming),
                VerificationRequestState::Ready { .. } => {
                    report(VerificationPhase::Starting);
                    if self.request.we_started() {
                        match self.request.start_sas().await {
                            Ok(Some(sas)) => break sas,
                            // The other side started first: its SAS arrives as a change.
                            Ok(None) => {}
                            Err(error) => {
                                tracing::warn!("could not start the emoji comparison: {error}")
                            }
                        }
                    }
                }
                VerificationRequestState::Transitioned {
                    verification: SdkVerification::SasV1(sas),
                    ..
                } => break sas,
                VerificationRequestState::Transitioned { .. } => {
                    report(VerificationPhase::Cancelled(
                        "verification-cancelled-unsupported",
                    ));
                    return;
                }
                VerificationRequestState::Done => {
                    report(VerificationPhase::Done);
                    return;
                }
                VerificationRequestState::Cancelled(info) => {
                    report(VerificationPhase::Cancelled(cancel_reason(&info)));
                    return;
                }
            }
            match changes.next().await {
                Some(next) => state = next,
                None => return,
            }
        };
        follow_sas(sas, report).await;
    }
}

async fn follow_sas(sas: SasVerification, mut report: impl FnMut(VerificationPhase)) {
    if !sas.we_started()
        && let Err(error) = sas.accept().await
    {
        tracing::warn!("could not accept the emoji comparison: {error}");
    }
    let mut changes = std::pin::pin!(sas.changes());
    let mut state = sas.state();
    loop {
        match state {
            SasState::Created { .. } | SasState::Started { .. } | SasState::Accepted { .. } => {
                report(VerificationPhase::Starting)
            }
            SasState::KeysExchanged { .. } => match sas.emoji() {
                Some(emoji) => report(VerificationPhase::Compare(
                    emoji
                        .iter()
                        .map(|e| SasEmoji {
                            symbol: e.symbol.to_owned(),
                            description: e.description.to_owned(),
                        })
                        .collect(),
                )),
                // Every client this one meets offers emoji; without them we cannot
                // show anything to compare.
                None => {
                    let _ = sas.cancel().await;
                }
            },
            SasState::Confirmed => report(VerificationPhase::Confirmed),
            SasState::Done { .. } => {
                report(VerificationPhase::Done);
                return;
            }
            SasState::Cancelled(info) => {
                report(VerificationPhase::Cancelled(cancel_reason(&info)));
                return;
            }
        }
        match changes.next().await {
            Some(next) => state = next,
            None => return,
        }
    }
}

/// The i18n id of why a verification ended early.
fn cancel_reason(info: &matrix_sdk::encryption::verification::CancelInfo) -> &'static str {
    use matrix_sdk::ruma::events::key::verification::cancel::CancelCode;
    match info.cancel_code() {
        CancelCode::Timeout => "verification-cancelled-timeout",
        CancelCode::MismatchedSas | CancelCode::KeyMismatch | CancelCode::MismatchedCommitment => {
            "verification-cancelled-mismatch"
        }
        CancelCode::Accepted => "verification-cancelled-elsewhere",
        _ if info.cancelled_by_us() => "verification-cancelled-by-us",
        _ => "verification-cancelled-by-them",
    }
}

/// A verification with another person runs as events in a room. The room list asks
/// sliding sync for one event per room, which could skip a step of the exchange:
/// a room subscription gets every event of that room.
async fn follow_room(room_list: &RoomListService, room_id: &matrix_sdk::ruma::RoomId) {
    room_list.set_room_subscriptions(&[room_id]).await;
}

fn failed(action: &str, error: &dyn std::fmt::Display) -> AppError {
    tracing::warn!("verification: {action} failed: {error}");
    AppError::EncryptionFailed
}

impl ActiveSession {
    /// Asks the person's other devices to verify this one.
    pub async fn verify_this_device(&self) -> Result<Verification, AppError> {
        let client = self.client();
        let own = client.user_id().ok_or(AppError::SessionExpired)?.to_owned();
        self.request_verification(&own).await
    }

    /// Asks another person to verify each other (in a direct chat, made if needed).
    pub async fn verify_user(&self, user_id: &str) -> Result<Verification, AppError> {
        let user_id =
            UserId::parse(user_id).map_err(|_| AppError::InvalidUserId(user_id.to_owned()))?;
        self.request_verification(&user_id).await
    }

    async fn request_verification(&self, user_id: &OwnedUserId) -> Result<Verification, AppError> {
        let encryption = self.client().encryption();
        let identity = encryption
            .request_user_identity(user_id)
            .await
            .map_err(|e| failed("get identity", &e))?
            .ok_or(AppError::NoIdentity(user_id.to_string()))?;
        let request = identity
            .request_verification()
            .await
            .map_err(|e| failed("request", &e))?;
        if let Some(room_id) = request.room_id() {
            follow_room(&self.sync_service().room_list_service(), room_id).await;
        }
        Ok(Verification { request })
    }

    /// Requests from others (or from our other devices) as they arrive, whether sent
    /// to this device or in a room. Requests already over are skipped.
    pub fn incoming_verifications(&self) -> impl Stream<Item = Verification> + use<> {
        let client = self.client().clone();
        let room_list = self.sync_service().room_list_service();
        let (sender, receiver) = mpsc::unbounded::<(OwnedUserId, String)>();
        let to_device = sender.clone();
        let to_device =
            client.add_event_handler(move |event: ToDeviceKeyVerificationRequestEvent| {
                let to_device = to_device.clone();
                async move {
                    let _ = to_device
                        .unbounded_send((event.sender, event.content.transaction_id.to_string()));
                }
            });
        let in_room = client.add_event_handler(move |event: OriginalSyncRoomMessageEvent| {
            let sender = sender.clone();
            async move {
                if let MessageType::VerificationRequest(_) = event.content.msgtype {
                    let _ = sender.unbounded_send((event.sender, event.event_id.to_string()));
                }
            }
        });
        // Dropping the stream removes the handlers.
        let guards = (
            client.event_handler_drop_guard(to_device),
            client.event_handler_drop_guard(in_room),
        );
        receiver.filter_map(move |(user_id, flow_id)| {
            let client = client.clone();
            let room_list = room_list.clone();
            let _keep = &guards;
            async move {
                let request = client
                    .encryption()
                    .get_verification_request(&user_id, &flow_id)
                    .await?;
                let live = !request.we_started() && !request.is_done() && !request.is_cancelled();
                if live && let Some(room_id) = request.room_id() {
                    follow_room(&room_list, room_id).await;
                }
                live.then_some(Verification { request })
            }
        })
    }
}
