//! One tab at a time, through the Web Locks API.
//!
//! Two tabs running the same session would both sync, both send what the send queue
//! holds, and both write the crypto store. So only the tab holding the lock runs the
//! session; another tab waits in the lock's queue and offers "Use here", which steals
//! the lock. A tab whose lock is stolen stops its session and says so. Locks die with
//! their tab, so closing the active tab grants the lock to a waiting one, and a reload
//! gets the lock back once the old page is gone.

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::oneshot;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "lattice-session";

/// A held lock: released when dropped, and `lost()` resolves when another tab steals it.
pub struct TabLock {
    release: Rc<RefCell<Option<Function>>>,
    finished: Promise,
}

impl TabLock {
    /// Resolves when the lock is taken away by another tab's "Use here".
    pub async fn lost(&self) {
        let _ = JsFuture::from(self.finished.clone()).await;
    }
}

impl Drop for TabLock {
    fn drop(&mut self) {
        if let Some(release) = self.release.borrow_mut().take() {
            let _ = release.call0(&JsValue::UNDEFINED);
        }
    }
}

/// Whether this browser has the Web Locks API (every current browser; not some
/// embedded or very old ones, where the app runs without the one-tab guard).
pub fn supported() -> bool {
    locks().is_some()
}

/// Waits in the queue for the lock: granted when no other tab holds it.
pub async fn wait() -> Option<TabLock> {
    request(&Object::new()).await
}

/// Takes the lock from whichever tab holds it ("Use here").
pub async fn steal() -> Option<TabLock> {
    let options = Object::new();
    let _ = Reflect::set(&options, &"steal".into(), &JsValue::TRUE);
    request(&options).await
}

/// `navigator.locks`, through Reflect: web-sys has `LockManager` only behind
/// `--cfg=web_sys_unstable_apis`.
fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined() && !l.is_null())
}

async fn request(options: &Object) -> Option<TabLock> {
    let locks = locks()?;
    let request: Function = Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let (granted_tx, granted_rx) = oneshot::channel::<()>();
    let release = Rc::new(RefCell::new(None::<Function>));
    let slot = release.clone();
    // Called once the lock is ours; the lock is held until the promise it returns
    // settles, i.e. until `TabLock` is dropped.
    let on_granted = Closure::once_into_js(move |_lock: JsValue| -> Promise {
        let held = Promise::new(&mut |resolve, _reject| *slot.borrow_mut() = Some(resolve));
        let _ = granted_tx.send(());
        held
    });
    let finished: Promise = request
        .call3(&locks, &LOCK_NAME.into(), options, &on_granted)
        .ok()?
        .dyn_into()
        .ok()?;
    // The request can also fail before any grant (the page is going away, or the
    // browser refuses): then the callback never runs.
    let failed = JsFuture::from(finished.clone());
    match futures_util::future::select(granted_rx, std::pin::pin!(failed)).await {
        futures_util::future::Either::Left((Ok(()), _)) => Some(TabLock { release, finished }),
        _ => None,
    }
}
