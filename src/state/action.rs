//! One way to run an action on the live session from a view: `busy` while it runs,
//! its error into `error`, its result to `done`.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::use_session;
use crate::error::AppError;
use crate::matrix::ActiveSession;

fn session() -> Result<Rc<ActiveSession>, AppError> {
    use_session().active().ok_or(AppError::SessionExpired)
}

/// Runs `action` on the session with `busy` set, putting any error into `error` and the
/// result into `done`.
pub fn run_action<T: 'static, F>(
    action: impl FnOnce(Rc<ActiveSession>) -> F,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(T) + 'static,
) where
    F: Future<Output = Result<T, AppError>> + 'static,
{
    if busy.get_untracked() {
        return;
    }
    let session = match session() {
        Ok(session) => session,
        Err(e) => return error.set(Some(e)),
    };
    busy.set(true);
    error.set(None);
    let future = action(session);
    spawn_local(async move {
        let result = future.await;
        busy.set(false);
        match result {
            Ok(value) => done(value),
            Err(e) => error.set(Some(e)),
        }
    });
}
