//! Interactive verification by comparing emoji (SAS): this device with another of the
//! person's devices, or the person with someone else, started from either side.

use futures_channel::mpsc;
use futures_util::future::{self, Either};
use futures_util::{Stream, StreamExt, stream};
use matrix_sdk::encryption::verification::{
    SasState, SasVerification, Verification as SdkVerification, VerificationRequest,
    VerificationRequestState,
};
use matrix_sdk::ruma::events::key::verification::request::ToDeviceKeyVerificationRequestEvent;
use matrix_sdk::ruma::events::room::message::{MessageType, OriginalSyncRoomMessageEvent};
use matrix_sdk::ruma::{OwnedUserId, UserId};

use super::ActiveSession;
use super::models::{SasEmoji, VerificationPhase};
use super::sync::FollowPurpose;
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

    /// Neither done nor cancelled (the other side may have given up meanwhile).
    pub fn is_live(&self) -> bool {
        !self.request.is_done() && !self.request.is_cancelled()
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
    /// side starts it too if nothing came after a grace period (some clients wait).
    /// When both start, the SDK keeps one of the two and this follows that one.
    pub async fn run(&self, mut report: impl FnMut(VerificationPhase)) {
        let mut changes = std::pin::pin!(self.request.changes());
        let mut state = self.request.state();
        let mut sas = loop {
            match state {
                VerificationRequestState::Created { .. } => report(VerificationPhase::Waiting),
                VerificationRequestState::Requested { .. } => report(VerificationPhase::Incoming),
                VerificationRequestState::Ready { .. } => {
                    report(VerificationPhase::Starting);
                    if !self.request.we_started() {
                        let grace = matrix_sdk::sleep::sleep(START_GRACE);
                        match future::select(changes.next(), std::pin::pin!(grace)).await {
                            Either::Left((Some(next), _)) => {
                                state = next;
                                continue;
                            }
                            Either::Left((None, _)) => return,
                            Either::Right(_) => {}
                        }
                    }
                    if let Err(reason) = self.start_sas().await {
                        report(VerificationPhase::Cancelled(reason));
                        return;
                    }
                }
                VerificationRequestState::Transitioned {
                    verification: SdkVerification::SasV1(sas),
                    ..
                } => break sas,
                VerificationRequestState::Transitioned { .. } => {
                    let _ = self.request.cancel().await;
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
        // Our SAS can be replaced by theirs when both started: follow the new one.
        while let Some(replacement) = self.follow_sas(&sas, &mut report).await {
            sas = replacement;
        }
    }

    /// Starts the emoji exchange; on failure, cancels and says why.
    async fn start_sas(&self) -> Result<(), &'static str> {
        match self.request.start_sas().await {
            // Its state arrives as a change of the request.
            Ok(Some(_)) => Ok(()),
            // The other side offers no emoji comparison.
            Ok(None) => {
                let _ = self.request.cancel().await;
                Err("verification-cancelled-unsupported")
            }
            Err(error) => {
                tracing::warn!("could not start the emoji comparison: {error}");
                let _ = self.request.cancel().await;
                Err("verification-failed")
            }
        }
    }

    /// Follows one SAS to its end, or returns the SAS that replaced it.
    async fn follow_sas(
        &self,
        sas: &SasVerification,
        report: &mut impl FnMut(VerificationPhase),
    ) -> Option<SasVerification> {
        if !sas.we_started()
            && let Err(error) = sas.accept().await
        {
            tracing::warn!("could not accept the emoji comparison: {error}");
        }
        let sas_changes = sas.changes().map(Event::Sas);
        let request_changes = self.request.changes().map(Event::Request);
        let mut events = std::pin::pin!(stream::select(sas_changes, request_changes));
        if report_sas(sas, sas.state(), report).await {
            return None;
        }
        while let Some(event) = events.next().await {
            match event {
                Event::Sas(state) => {
                    if report_sas(sas, state, report).await {
                        return None;
                    }
                }
                Event::Request(VerificationRequestState::Transitioned {
                    verification: SdkVerification::SasV1(other),
                    ..
                }) if other.we_started() != sas.we_started() => return Some(other),
                Event::Request(_) => {}
            }
        }
        None
    }
}

/// How long the side that accepted a request waits for the other to start.
const START_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

enum Event {
    Sas(SasState),
    Request(VerificationRequestState),
}

/// Reports one SAS state; true when the verification has ended.
async fn report_sas(
    sas: &SasVerification,
    state: SasState,
    report: &mut impl FnMut(VerificationPhase),
) -> bool {
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
            // Without emoji there is nothing to show: the SAS is cancelled, which
            // arrives as the next state.
            None => {
                let _ = sas.cancel().await;
            }
        },
        SasState::Confirmed => report(VerificationPhase::Confirmed),
        SasState::Done { .. } => {
            report(VerificationPhase::Done);
            return true;
        }
        SasState::Cancelled(info) => {
            report(VerificationPhase::Cancelled(cancel_reason(&info)));
            return true;
        }
    }
    false
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
            let followed = self.followed_rooms();
            followed.follow(FollowPurpose::Verification, room_id).await;
        }
        Ok(Verification { request })
    }

    /// Requests from others (or from our other devices) as they arrive, whether sent
    /// to this device or in a room. Requests already over are skipped.
    pub fn incoming_verifications(&self) -> impl Stream<Item = Verification> + use<> {
        let client = self.client().clone();
        let followed = self.followed_rooms().clone();
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
        let own_user_id = client.user_id().map(ToOwned::to_owned);
        let in_room = client.add_event_handler(move |event: OriginalSyncRoomMessageEvent| {
            let sender = sender.clone();
            let own_user_id = own_user_id.clone();
            async move {
                // A request in a shared room may be meant for someone else.
                if let MessageType::VerificationRequest(request) = event.content.msgtype
                    && own_user_id.as_deref() == Some(&*request.to)
                {
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
            let followed = followed.clone();
            let _keep = &guards;
            async move {
                let request = client
                    .encryption()
                    .get_verification_request(&user_id, &flow_id)
                    .await?;
                let live = !request.we_started() && !request.is_done() && !request.is_cancelled();
                if live && let Some(room_id) = request.room_id() {
                    followed.follow(FollowPurpose::Verification, room_id).await;
                }
                live.then_some(Verification { request })
            }
        })
    }
}
