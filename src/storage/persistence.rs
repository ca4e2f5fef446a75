//! Persistent storage: without it the browser may evict the site's data under storage
//! pressure, and with it the encryption keys, so we ask for it and warn when refused.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Asks for persistent storage (`navigator.storage.persist()`); `true` when granted,
/// already granted, or the browser has no such notion.
pub async fn request() -> bool {
    let Some(storage) = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"storage".into()).ok())
        .filter(|s| !s.is_undefined())
    else {
        return true;
    };
    if call(&storage, "persisted").await == Some(true) {
        return true;
    }
    call(&storage, "persist").await.unwrap_or(true)
}

async fn call(storage: &JsValue, method: &str) -> Option<bool> {
    let function: Function = Reflect::get(storage, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: Promise = function.call0(storage).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
