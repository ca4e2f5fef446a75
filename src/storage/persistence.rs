//! Persistent storage: without it the browser may evict the site's data under storage
//! pressure, and with it the encryption keys, so we ask for it and warn when refused.
//! And the room left: a full quota stops the stores from saving anything new.

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

/// Bytes used and the most this site may use (`navigator.storage.estimate()`), when
/// the browser says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub used: f64,
    pub quota: f64,
}

impl Usage {
    /// So close to the quota that the next sync or message may not fit.
    pub fn nearly_full(self) -> bool {
        self.quota > 0.0 && self.used >= self.quota * FULL_SHARE
    }
}

/// Beyond this share of the quota, people are told before writes start to fail.
const FULL_SHARE: f64 = 0.9;

pub async fn usage() -> Option<Usage> {
    let storage = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"storage".into()).ok())
        .filter(|s| !s.is_undefined())?;
    let estimate = call_js(&storage, "estimate").await?;
    let number = |name: &str| Reflect::get(&estimate, &name.into()).ok()?.as_f64();
    Some(Usage {
        used: number("usage")?,
        quota: number("quota")?,
    })
}

async fn call(storage: &JsValue, method: &str) -> Option<bool> {
    call_js(storage, method).await?.as_bool()
}

async fn call_js(storage: &JsValue, method: &str) -> Option<JsValue> {
    let function: Function = Reflect::get(storage, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: Promise = function.call0(storage).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn full_means_nine_tenths_of_a_known_quota() {
        let usage = |used, quota| Usage { used, quota };
        assert!(usage(95.0, 100.0).nearly_full());
        assert!(usage(120.0, 100.0).nearly_full());
        assert!(!usage(50.0, 100.0).nearly_full());
        assert!(
            !usage(10.0, 0.0).nearly_full(),
            "an unknown quota is not full"
        );
    }
}
