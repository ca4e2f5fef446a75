//! This device's encryption standing and the verification under way, for the shell:
//! what the security banner asks of the person, and the verification dialog's state.

use std::rc::Rc;

use futures_util::StreamExt;
use futures_util::future::{AbortHandle, abortable};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::error::AppError;
use crate::matrix::ActiveSession;
use crate::matrix::models::{
    DeviceTrust, IdentityWarning, RecoveryStatus, SecurityStatus, VerificationPhase,
};
use crate::matrix::verification::Verification;
use crate::state::{run_action, use_session};

/// What the person still has to do so that no encrypted message is lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecurityPrompt {
    /// The account has an identity but this device is not part of it yet.
    VerifyThisDevice,
    /// Nothing backs the keys up: a lost browser profile loses all history.
    SetUpRecovery,
    /// Recovery is set up but this device lacks some of its secrets.
    CompleteRecovery,
}

/// The prompt for `status`, if any. Nothing is asked while the state is unknown (the
/// first key query has not answered), so an offline start shows no false alarm.
pub fn prompt_for(status: SecurityStatus) -> Option<SecurityPrompt> {
    match (status.device, status.recovery) {
        (DeviceTrust::Unverified, _) => Some(SecurityPrompt::VerifyThisDevice),
        (DeviceTrust::Verified, RecoveryStatus::Disabled) => Some(SecurityPrompt::SetUpRecovery),
        (DeviceTrust::Verified, RecoveryStatus::Incomplete) => {
            Some(SecurityPrompt::CompleteRecovery)
        }
        _ => None,
    }
}

/// Whether rooms stay closed until the prompt is dealt with: only when the
/// administrator requires secure backup (config.json `require_secure_backup`).
pub fn blocks_rooms(status: SecurityStatus, require_secure_backup: bool) -> bool {
    require_secure_backup && prompt_for(status).is_some()
}

/// Whether the typed recovery key is the one shown. Spaces do not count (keys are
/// shown in groups of four); case does: the key is base58.
pub fn same_recovery_key(typed: &str, key: &str) -> bool {
    let normal = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    !key.trim().is_empty() && normal(typed) == normal(key)
}

/// The shell's encryption state, provided as context.
#[derive(Clone, Copy)]
pub struct SecurityContext {
    status: RwSignal<SecurityStatus>,
    /// A recovery key just made: it stays on screen, wherever the person goes, until
    /// they have shown they kept it.
    pub new_recovery_key: RwSignal<Option<String>>,
    /// The verification shown in the dialog, if any.
    pub verification: VerificationView,
}

/// The verification dialog's state: one verification at a time.
#[derive(Clone, Copy)]
pub struct VerificationView {
    phase: RwSignal<Option<VerificationPhase>>,
    other_user: RwSignal<String>,
    is_self: RwSignal<bool>,
    is_incoming: RwSignal<bool>,
    pub error: RwSignal<Option<AppError>>,
    pub busy: RwSignal<bool>,
    flow: StoredValue<Option<Verification>, LocalStorage>,
    /// A request that came in while another verification was on screen.
    waiting: StoredValue<Option<Verification>, LocalStorage>,
    task: StoredValue<Option<AbortHandle>, LocalStorage>,
}

pub fn use_security() -> SecurityContext {
    expect_context::<SecurityContext>()
}

/// Follows the session's encryption state and incoming verification requests for as
/// long as the calling owner (the shell) lives.
pub fn provide_security(session: Rc<ActiveSession>) -> SecurityContext {
    let context = SecurityContext {
        status: RwSignal::new(SecurityStatus::default()),
        new_recovery_key: RwSignal::new(None),
        verification: VerificationView {
            phase: RwSignal::new(None),
            other_user: RwSignal::new(String::new()),
            is_self: RwSignal::new(false),
            is_incoming: RwSignal::new(false),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
            flow: StoredValue::new_local(None),
            waiting: StoredValue::new_local(None),
            task: StoredValue::new_local(None),
        },
    };
    provide_context(context);
    let updates = session.security_updates();
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let mut updates = std::pin::pin!(updates);
        while let Some(status) = updates.next().await {
            context.status.set(status);
        }
    });
    let incoming = session.incoming_verifications();
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let mut incoming = std::pin::pin!(incoming);
        while let Some(verification) = incoming.next().await {
            // One at a time: a request arriving while another verification is on
            // screen is shown when the person closes that one.
            if context.verification.phase.get_untracked().is_none() {
                context.verification.follow(verification);
            } else {
                context.verification.waiting.set_value(Some(verification));
            }
        }
    });
    on_cleanup(move || context.verification.stop_task());
    context
}

/// The warnings about people in `room_id` (see `ActiveSession::identity_warnings`),
/// for as long as the calling owner (the room view) lives.
#[derive(Clone, Copy)]
pub struct IdentityWarnings {
    list: RwSignal<Vec<IdentityWarning>>,
    pub busy: RwSignal<bool>,
    pub error: RwSignal<Option<AppError>>,
}

pub fn use_identity_warnings(session: Rc<ActiveSession>, room_id: String) -> IdentityWarnings {
    let warnings = IdentityWarnings {
        list: RwSignal::new(Vec::new()),
        busy: RwSignal::new(false),
        error: RwSignal::new(None),
    };
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let stream = match session.identity_warnings(&room_id).await {
            Ok(stream) => stream,
            Err(error) => return tracing::warn!("identity changes not followed: {error}"),
        };
        let mut stream = std::pin::pin!(stream);
        while let Some(list) = stream.next().await {
            // Setting re-renders the alerts, which screen readers announce again.
            if warnings.list.with_untracked(|current| *current != list) {
                warnings.list.set(list);
            }
        }
    });
    warnings
}

impl IdentityWarnings {
    pub fn list(&self) -> Signal<Vec<IdentityWarning>> {
        self.list.into()
    }

    /// Accepts `warning`. It goes at once: an acknowledged device brings no update
    /// from the SDK, and a pinned identity's update only confirms it.
    pub fn acknowledge(&self, warning: IdentityWarning) {
        let list = self.list;
        let acknowledged = warning.clone();
        run_action(
            move |session| async move { session.acknowledge_warning(&warning).await },
            self.busy,
            self.error,
            move |()| list.update(|l| l.retain(|w| *w != acknowledged)),
        );
    }
}

impl SecurityContext {
    pub fn status(&self) -> Signal<SecurityStatus> {
        self.status.into()
    }

    pub fn prompt(&self) -> Signal<Option<SecurityPrompt>> {
        let status = self.status;
        Signal::derive(move || prompt_for(status.get()))
    }

    /// Whether the rooms stay closed (see `blocks_rooms`); also while a new recovery
    /// key is on screen, so that it cannot vanish before the person kept it.
    pub fn rooms_blocked(&self, require_secure_backup: bool) -> Signal<bool> {
        let (status, new_key) = (self.status, self.new_recovery_key);
        Signal::derive(move || {
            blocks_rooms(status.get(), require_secure_backup)
                || (require_secure_backup && new_key.with(Option::is_some))
        })
    }
}

impl VerificationView {
    pub fn phase(&self) -> Signal<Option<VerificationPhase>> {
        self.phase.into()
    }

    /// Whom we verify with: our own user ID for one of our devices.
    pub fn other_user(&self) -> Signal<String> {
        self.other_user.into()
    }

    pub fn is_self(&self) -> Signal<bool> {
        self.is_self.into()
    }

    /// Whether the other side asked (else we did).
    pub fn is_incoming(&self) -> Signal<bool> {
        self.is_incoming.into()
    }

    /// Asks the person's other devices to verify this one.
    pub fn start_self(&self) {
        self.other_user.set(String::new());
        self.is_self.set(true);
        self.start(|session| async move { session.verify_this_device().await });
    }

    /// Asks `user_id` to verify each other.
    pub fn start_with_user(&self, user_id: String) {
        self.other_user.set(user_id.clone());
        self.is_self.set(false);
        self.start(|session| async move { session.verify_user(&user_id).await });
    }

    fn start<F>(&self, request: impl FnOnce(Rc<ActiveSession>) -> F)
    where
        F: Future<Output = Result<Verification, AppError>> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        let Some(session) = use_session().active() else {
            return;
        };
        let request = request(session);
        let view = *self;
        view.busy.set(true);
        view.error.set(None);
        view.is_incoming.set(false);
        view.phase.set(Some(VerificationPhase::Waiting));
        spawn_local(async move {
            let result = request.await;
            view.busy.set(false);
            match result {
                // Closed while the request was being made: take it back.
                Ok(verification) if view.phase.get_untracked().is_none() => {
                    let _ = verification.cancel().await;
                }
                Ok(verification) => view.follow(verification),
                Err(error) => {
                    view.phase.set(None);
                    view.error.set(Some(error));
                }
            }
        });
    }

    /// Shows `verification` and follows it until it ends.
    fn follow(&self, verification: Verification) {
        self.stop_task();
        let view = *self;
        view.other_user.set(verification.other_user());
        view.is_self.set(verification.is_self_verification());
        view.is_incoming.set(verification.is_incoming());
        view.flow.set_value(Some(verification.clone()));
        let (run, abort) = abortable(async move {
            verification
                .run(|phase| {
                    let _ = view.phase.try_set(Some(phase));
                })
                .await;
        });
        view.task.set_value(Some(abort));
        spawn_local(async move {
            let _ = run.await;
        });
    }

    fn stop_task(&self) {
        if let Some(task) = self.task.try_get_value().flatten() {
            task.abort();
        }
    }

    /// Runs one step of the verification (accept, confirm, …) with `busy` set.
    fn step<F>(&self, step: impl FnOnce(Verification) -> F)
    where
        F: Future<Output = Result<(), AppError>> + 'static,
    {
        let Some(flow) = self.flow.get_value() else {
            return;
        };
        if self.busy.get_untracked() {
            return;
        }
        let view = *self;
        view.busy.set(true);
        view.error.set(None);
        let future = step(flow);
        spawn_local(async move {
            let result = future.await;
            let _ = view.busy.try_set(false);
            if let Err(error) = result {
                let _ = view.error.try_set(Some(error));
            }
        });
    }

    pub fn accept(&self) {
        self.step(|flow| async move { flow.accept().await });
    }

    pub fn confirm(&self) {
        self.step(|flow| async move { flow.confirm().await });
    }

    pub fn mismatch(&self) {
        self.step(|flow| async move { flow.mismatch().await });
    }

    /// Cancels a verification still under way, or closes the dialog after its end.
    pub fn close(&self) {
        let ended = matches!(
            self.phase.get_untracked(),
            None | Some(VerificationPhase::Done | VerificationPhase::Cancelled(_))
        );
        if !ended && let Some(flow) = self.flow.get_value() {
            spawn_local(async move {
                if let Err(error) = flow.cancel().await {
                    tracing::warn!("could not cancel the verification: {error}");
                }
            });
        }
        self.stop_task();
        self.flow.set_value(None);
        self.error.set(None);
        self.phase.set(None);
        if let Some(next) = self.waiting.try_get_value().flatten() {
            self.waiting.set_value(None);
            if next.is_live() {
                self.follow(next);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(device: DeviceTrust, recovery: RecoveryStatus) -> SecurityStatus {
        SecurityStatus { device, recovery }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn an_unverified_device_is_asked_to_verify_whatever_recovery_says() {
        for recovery in [
            RecoveryStatus::Unknown,
            RecoveryStatus::Enabled,
            RecoveryStatus::Disabled,
            RecoveryStatus::Incomplete,
        ] {
            assert_eq!(
                prompt_for(status(DeviceTrust::Unverified, recovery)),
                Some(SecurityPrompt::VerifyThisDevice)
            );
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_verified_device_is_asked_about_recovery() {
        let verified = |recovery| prompt_for(status(DeviceTrust::Verified, recovery));
        assert_eq!(
            verified(RecoveryStatus::Disabled),
            Some(SecurityPrompt::SetUpRecovery)
        );
        assert_eq!(
            verified(RecoveryStatus::Incomplete),
            Some(SecurityPrompt::CompleteRecovery)
        );
        assert_eq!(verified(RecoveryStatus::Enabled), None);
        assert_eq!(verified(RecoveryStatus::Unknown), None);
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn nothing_is_asked_or_blocked_while_the_state_is_unknown() {
        let unknown = status(DeviceTrust::Unknown, RecoveryStatus::Disabled);
        assert_eq!(prompt_for(unknown), None);
        assert!(!blocks_rooms(unknown, true));
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_recovery_key_matches_whatever_its_spacing_but_not_its_case() {
        let key = "EsTc abcd EFGH 1234";
        assert!(same_recovery_key("EsTcabcdEFGH1234", key));
        assert!(same_recovery_key("  EsTc abcd\tEFGH 1234\n", key));
        assert!(!same_recovery_key("estc ABCD efgh 1234", key));
        assert!(!same_recovery_key("EsTc abcd EFGH 1235", key));
        assert!(!same_recovery_key("EsTc abcd EFGH", key));
        assert!(!same_recovery_key("", ""));
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn rooms_are_blocked_only_when_the_administrator_requires_secure_backup() {
        let needs_setup = status(DeviceTrust::Verified, RecoveryStatus::Disabled);
        assert!(blocks_rooms(needs_setup, true));
        assert!(!blocks_rooms(needs_setup, false));
        let done = status(DeviceTrust::Verified, RecoveryStatus::Enabled);
        assert!(!blocks_rooms(done, true));
    }
}
