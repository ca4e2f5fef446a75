//! The session context: who is signed in, the sync state, and the live session handle.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::future::{AbortHandle, abortable};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::error::AppError;
use imbl::Vector;

use crate::matrix::models::{RoomSummary, SessionInfo, SyncStatus};
use crate::matrix::session::{Credentials, SessionEvent, TokenRefused};
use crate::matrix::{ActiveSession, session, sync};
use crate::perf;
use crate::state::first_screen;

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Looking for a saved session at start-up.
    Restoring,
    SignedOut,
    SignedIn(SessionInfo),
    /// The server refused the session's token. Its data stays until the person has
    /// read what deleting it would lose, or, after a soft logout (the tokens expired),
    /// has signed in again on the same device.
    Ended {
        keys_at_risk: bool,
        soft_logout: bool,
    },
}

#[derive(Clone, Copy)]
pub struct SessionContext {
    pub phase: RwSignal<Phase>,
    pub sync_status: RwSignal<SyncStatus>,
    /// Why the last session ended or could not be restored, shown on the login page.
    pub notice: RwSignal<Option<AppError>>,
    /// The room list as it last looked, drawn while the session is being restored.
    pub first_screen: RwSignal<Option<Vector<RoomSummary>>>,
    active: StoredValue<Option<Rc<ActiveSession>>, LocalStorage>,
    status_task: StoredValue<Option<AbortHandle>, LocalStorage>,
    /// Counts `suspend`s: a restore or login that began before the latest one must
    /// not start its session (another tab runs it now).
    epoch: StoredValue<u64, LocalStorage>,
}

/// The session context provided by `App`.
pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}

impl SessionContext {
    /// Creates the context and provides it; `restore` starts the session.
    pub fn provide() -> Self {
        let context = SessionContext {
            phase: RwSignal::new(Phase::Restoring),
            sync_status: RwSignal::new(SyncStatus::Starting),
            notice: RwSignal::new(None),
            first_screen: RwSignal::new(None),
            active: StoredValue::new_local(None),
            status_task: StoredValue::new_local(None),
            epoch: StoredValue::new_local(0),
        };
        provide_context(context);
        context
    }

    /// Taken when a restore or login begins, and handed back to `signed_in`.
    pub fn epoch(&self) -> u64 {
        self.epoch.get_value()
    }

    /// Looks for a saved session and resumes it (at start-up, and when this tab
    /// becomes the active one again).
    pub fn restore(&self) {
        let context = *self;
        context.first_screen.set(None);
        context.phase.set(Phase::Restoring);
        let epoch = context.epoch();
        // Read beside the session (both are small vault records): drawn at once.
        spawn_local(async move {
            let first_screen = first_screen::load().await;
            if context.phase.get_untracked() == Phase::Restoring && context.epoch() == epoch {
                context.first_screen.set(first_screen);
            }
        });
        spawn_local(async move {
            let restored = session::restore().await;
            context.first_screen.set(None);
            if context.epoch() != epoch {
                // Another tab took over meanwhile: it runs the session, not us.
                if let Ok(Some(active)) = restored {
                    active.stop().await;
                }
                return;
            }
            // Only a definite answer (a session, or none) says which stores are
            // orphans: after a failed restore the saved session's stores must stay.
            let sweep = restored.is_ok();
            match restored {
                Ok(Some(active)) => {
                    context.signed_in(epoch, active);
                    perf::measure("lattice:signed-in", "lattice:restore");
                }
                Ok(None) => {
                    // No session: a kept room list can only be a leftover; it must
                    // not show to whoever signs in next.
                    if let Err(error) = crate::storage::vault::clear().await {
                        tracing::warn!("could not clear the vault: {error}");
                    }
                    context.first_screen.set(None);
                    context.phase.set(Phase::SignedOut);
                }
                Err(error) => {
                    context.notice.set(Some(error));
                    context.phase.set(Phase::SignedOut);
                }
            }
            let active = context.active();
            if sweep && let Err(error) = session::sweep_orphan_stores(active.as_deref()).await {
                tracing::warn!("could not delete old stores: {error}");
            }
        });
    }

    /// Stops the session in this tab because another tab took over: no more syncing
    /// or sending here. The stores stay for the other tab.
    pub fn suspend(&self) {
        self.epoch.update_value(|epoch| *epoch += 1);
        self.first_screen.set(None);
        self.replace_status_task(None);
        if let Some(active) = self.active.get_value() {
            spawn_local(async move { active.stop().await });
        }
        self.active.set_value(None);
        self.sync_status.set(SyncStatus::Starting);
        self.phase.set(Phase::Restoring);
    }

    pub fn active(&self) -> Option<Rc<ActiveSession>> {
        self.active.get_value()
    }

    /// Adopts a running session and follows its sync state, unless this tab was
    /// suspended since `epoch` was taken: then the session is stopped instead.
    pub fn signed_in(&self, epoch: u64, active: ActiveSession) {
        if epoch != self.epoch() {
            spawn_local(async move { active.stop().await });
            return;
        }
        self.follow(Rc::new(active));
    }

    /// Shows `active` as the signed-in session and supervises it.
    fn follow(&self, active: Rc<ActiveSession>) {
        let info = active.info().clone();
        let (supervise, abort) = abortable(supervise(*self, active.clone()));
        spawn_local(async move {
            let _ = supervise.await;
        });
        self.replace_status_task(Some(abort));
        self.active.set_value(Some(active));
        self.notice.set(None);
        self.phase.set(Phase::SignedIn(info));
    }

    /// Starts sync and sending again at once (the offline banner's "retry now"), unless
    /// sync was stopped on purpose (a refused token being renewed, a sign-out).
    pub fn retry_now(&self) {
        if let Some(active) = self.active() {
            spawn_local(async move {
                if active.restart_sync().await {
                    active.resume_sending().await;
                }
            });
        }
    }

    /// The server refused our token: stop, and delete this device's data at once
    /// unless that would lose keys, or the tokens merely expired (a soft logout, where
    /// signing in again keeps the device): then the person decides (`Phase::Ended`).
    fn token_refused(&self, active: Rc<ActiveSession>, refused: TokenRefused) {
        tracing::warn!("the server refused this session's token ({refused:?})");
        self.replace_status_task(None);
        let context = *self;
        let epoch = self.epoch();
        spawn_local(async move {
            active.stop().await;
            if refused.soft_logout {
                // Maybe only the network failed the renewal: try again a few times.
                let current = || {
                    context.epoch() == epoch
                        && context.active().is_some_and(|a| Rc::ptr_eq(&a, &active))
                };
                if active.refresh_tokens().await && current() {
                    active.resume().await;
                    context.follow(active);
                    return;
                }
            }
            let keys_at_risk = active.keys_at_risk().await;
            // Another tab took over meanwhile: the session is its business now.
            if context.epoch() != epoch {
                return;
            }
            if keys_at_risk || refused.soft_logout {
                context.phase.set(Phase::Ended {
                    keys_at_risk,
                    soft_logout: refused.soft_logout,
                });
            } else {
                context.forget_ended_session();
            }
        });
    }

    /// After a soft logout: signs in again on the same device (its stores and keys
    /// stay), with the password or the token single sign-on sent back, and carries on
    /// as before. The error, if any, is for the page.
    pub async fn sign_in_again(&self, credentials: Credentials<'_>) -> Result<(), AppError> {
        let epoch = self.epoch();
        let active = session::sign_in_again(credentials).await?;
        // The old session is stopped; its Client goes with the last handle.
        self.signed_in(epoch, active);
        Ok(())
    }

    /// Deletes the refused session's data, then opens the login page saying why.
    pub fn forget_ended_session(&self) {
        let Some(active) = self.active() else {
            return;
        };
        spawn_local(async move {
            if let Err(error) = active.logout_local().await {
                tracing::warn!("could not delete the ended session's data: {error}");
            }
            // A full load, as after a sign-out: the SDK lets go of its databases only
            // when the page goes, and the start-up sweep deletes what is left.
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(SESSION_ENDED_LOGIN);
            }
        });
    }

    /// Drops the session handle after a logout.
    pub fn signed_out(&self) {
        self.replace_status_task(None);
        self.active.set_value(None);
        self.sync_status.set(SyncStatus::Starting);
        self.phase.set(Phase::SignedOut);
    }

    fn replace_status_task(&self, next: Option<AbortHandle>) {
        if let Some(previous) = self.status_task.get_value() {
            previous.abort();
        }
        self.status_task.set_value(next);
    }
}

/// The login page's address after a session the server ended; it says why.
pub const SESSION_ENDED_LOGIN: &str = "/login?ended=1";
/// The login page's address after signing out: it does not send the person straight
/// back to their identity provider, which could sign them in again at once.
pub const SIGNED_OUT_LOGIN: &str = "/login?signed-out=1";

/// Follows a running session: shows its sync state, restarts sync after a fault as
/// the fault calls for, lets held-back messages go once the server answers again,
/// keeps renewed tokens, and notices a refused token. Runs until aborted (sign-out,
/// another tab, a refused token), and what it scheduled ends with it.
async fn supervise(context: SessionContext, active: Rc<ActiveSession>) {
    // Consecutive failures: sync restarts and send retries wait longer each time,
    // and start afresh once sync has run for a while.
    let failures = Rc::new(Cell::new(0u32));

    let statuses = {
        let active = active.clone();
        let failures = failures.clone();
        // A forgotten sliding sync session is restarted at once only once between calm
        // spells: a server that keeps forgetting it would otherwise get one full
        // initial sync after another.
        let expired = Rc::new(Cell::new(false));
        async move {
            // What sync's last change scheduled: a restart, or forgetting the failures.
            let mut scheduled = OwnedTask::default();
            let mut updates = std::pin::pin!(sync::updates(active.sync_service()));
            while let Some(update) = updates.next().await {
                context.sync_status.set(update.status);
                scheduled.cancel();
                if let Some(mut fault) = update.fault {
                    if fault == sync::Fault::Expired && expired.replace(true) {
                        fault = sync::Fault::Other;
                        context.sync_status.set(fault.status());
                    }
                    let delay = sync::restart_delay(fault, failures.get());
                    if fault.counts() {
                        failures.set(failures.get() + 1);
                    }
                    let active = active.clone();
                    scheduled.spawn(async move {
                        gloo_timers::future::sleep(delay).await;
                        // Held while a sign-out is under way: if it fails, sync must
                        // still come back (if it succeeds, this task ends with us).
                        while !active.restart_sync().await {
                            gloo_timers::future::sleep(delay.max(Duration::from_secs(1))).await;
                        }
                    });
                } else if update.status == SyncStatus::Running {
                    // Back online (or just started): messages queued meanwhile, or
                    // before a reload, go out now.
                    active.resume_sending().await;
                    // Only calm that lasts resets the backoff: the encryption loop,
                    // which long-polls, can still fail right after the room list
                    // answered.
                    let failures = failures.clone();
                    let expired = expired.clone();
                    scheduled.spawn(async move {
                        gloo_timers::future::sleep(CALM).await;
                        failures.set(0);
                        expired.set(false);
                    });
                }
            }
        }
    };

    // The browser says the network is back: look for the server at once rather than
    // at the next check.
    let online = {
        let active = active.clone();
        async move {
            let (sender, mut back) = futures_channel::mpsc::unbounded();
            let listener = window_event_listener(leptos::ev::online, move |_| {
                let _ = sender.unbounded_send(());
            });
            let _listener = RemovedOnDrop(Some(listener));
            while back.next().await.is_some() {
                if context.sync_status.get_untracked() == SyncStatus::Offline
                    && active.restart_sync().await
                {
                    active.resume_sending().await;
                }
            }
        }
    };

    // A send that failed for lack of a network or a server, or was rate limited, stops
    // its room's queue. Sync can go on running meanwhile (a 502 on one request), so
    // nothing else would start the queue again.
    let sends = {
        let active = active.clone();
        let failures = failures.clone();
        async move {
            let mut failed = std::pin::pin!(active.send_failures());
            while let Some(asked) = failed.next().await {
                let delay = sync::wait_before_retry(failures.get(), asked);
                failures.set(failures.get() + 1);
                gloo_timers::future::sleep(delay).await;
                active.resume_sending().await;
            }
        }
    };

    let tokens = {
        let active = active.clone();
        async move {
            let mut events = std::pin::pin!(active.session_events());
            while let Some(event) = events.next().await {
                match event {
                    // Already written to the vault by the SDK's save callback.
                    SessionEvent::TokensRefreshed => {}
                    SessionEvent::Refused(refused) => {
                        context.token_refused(active.clone(), refused);
                        break;
                    }
                }
            }
        }
    };

    futures_util::future::join4(statuses, online, sends, tokens).await;
}

/// How long sync must run without a fault before the backoff starts afresh: longer
/// than one long poll (the server holds it 30 s).
const CALM: Duration = Duration::from_secs(45);

/// A task spawned for its owner, aborted when the owner drops it or schedules
/// another. (Dropping a bare `AbortHandle` aborts nothing.)
#[derive(Default)]
struct OwnedTask(Option<AbortHandle>);

impl OwnedTask {
    fn spawn(&mut self, task: impl std::future::Future<Output = ()> + 'static) {
        self.cancel();
        let (task, abort) = abortable(task);
        spawn_local(async move {
            let _ = task.await;
        });
        self.0 = Some(abort);
    }

    fn cancel(&mut self) {
        if let Some(abort) = self.0.take() {
            abort.abort();
        }
    }
}

impl Drop for OwnedTask {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// A window listener removed when this is dropped (the handle alone stays).
struct RemovedOnDrop(Option<WindowListenerHandle>);

impl Drop for RemovedOnDrop {
    fn drop(&mut self) {
        if let Some(listener) = self.0.take() {
            listener.remove();
        }
    }
}
