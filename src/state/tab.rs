//! Which tab runs the session: the one-tab lock (storage::tab_lock) as a signal the
//! app's gate renders from.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::SessionContext;
use crate::storage::tab_lock::{self, TabLock};

/// How long a starting tab waits for the lock before saying another tab has it: a
/// reload's old page may still be letting go of it.
const GRACE: Duration = Duration::from_millis(1500);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabState {
    /// Starting: waiting briefly for the lock.
    Checking,
    /// "Use here" was pressed: taking the lock from the other tab.
    Taking,
    /// This tab runs the session.
    Active,
    /// Another tab runs it; "Use here" takes over.
    Elsewhere,
    /// This tab ran it until another tab took over.
    Stopped,
    /// The other tab has gone: this one holds the lock and offers "Use here".
    Free,
}

#[derive(Clone, Copy)]
pub struct TabGate {
    pub state: RwSignal<TabState>,
    session: SessionContext,
    lock: StoredValue<Option<Rc<TabLock>>, LocalStorage>,
    queued: StoredValue<bool, LocalStorage>,
}

impl TabGate {
    /// Provides the gate and starts the session as soon as this tab may run it.
    pub fn provide(session: SessionContext) -> Self {
        let gate = TabGate {
            state: RwSignal::new(TabState::Checking),
            session,
            lock: StoredValue::new_local(None),
            queued: StoredValue::new_local(false),
        };
        provide_context(gate);
        if !tab_lock::supported() {
            tracing::warn!("no Web Locks API: a second tab is not kept from running too");
            gate.state.set(TabState::Active);
            session.restore();
            return gate;
        }
        gate.queue();
        spawn_local(async move {
            gloo_timers::future::sleep(GRACE).await;
            if gate.state.get_untracked() == TabState::Checking {
                gate.state.set(TabState::Elsewhere);
            }
        });
        gate
    }

    /// "Use here": run the session in this tab, taking it from the other tab if needed.
    pub fn use_here(&self) {
        let gate = *self;
        match self.state.get_untracked() {
            TabState::Free => {
                gate.activate();
            }
            TabState::Elsewhere | TabState::Stopped => {
                // A second click while this runs finds `Taking` and does nothing.
                let before = self.state.get_untracked();
                self.state.set(TabState::Taking);
                spawn_local(async move {
                    match tab_lock::steal().await {
                        Some(lock) => {
                            gate.hold(Rc::new(lock));
                            gate.activate();
                        }
                        None => gate.state.set(before),
                    }
                });
            }
            TabState::Checking | TabState::Taking | TabState::Active => {}
        }
    }

    /// Waits in the lock's queue (once): granted when no other tab holds the lock.
    fn queue(&self) {
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        let gate = *self;
        spawn_local(async move {
            let Some(lock) = tab_lock::wait().await else {
                gate.queued.set_value(false);
                return;
            };
            gate.queued.set_value(false);
            crate::perf::mark("lattice:lock-granted");
            gate.hold(Rc::new(lock));
            match gate.state.get_untracked() {
                TabState::Checking => gate.activate(),
                // Already running, or the steal under way will start it.
                TabState::Active | TabState::Taking => {}
                TabState::Elsewhere | TabState::Stopped | TabState::Free => {
                    gate.state.set(TabState::Free)
                }
            }
        });
    }

    /// Keeps `lock` and watches for another tab taking it.
    fn hold(&self, lock: Rc<TabLock>) {
        self.lock.set_value(Some(lock.clone()));
        let gate = *self;
        spawn_local(async move {
            lock.lost().await;
            let still_ours = gate
                .lock
                .with_value(|held| held.as_ref().is_some_and(|h| Rc::ptr_eq(h, &lock)));
            if !still_ours {
                return;
            }
            gate.lock.set_value(None);
            if gate.state.get_untracked() == TabState::Active {
                gate.session.suspend();
                gate.state.set(TabState::Stopped);
            } else {
                gate.state.set(TabState::Elsewhere);
            }
            gate.queue();
        });
    }

    fn activate(&self) {
        self.state.set(TabState::Active);
        self.session.restore();
    }
}
