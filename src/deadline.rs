//! A deadline for the requests Lattice and the SDK send. On the web the SDK sets none:
//! its `RequestConfig` timeout is applied by its native HTTP client only, and
//! reqwest's wasm client has no client-wide timeout. A connection that hangs without
//! failing (a half-open TCP connection after a network change, a proxy that never
//! answers) would then hold sync or a send for as long as the browser lets it. So
//! `fetch` is wrapped once at start-up: each call also listens to a timer, and a hung
//! request fails like a lost network, which the session's sync restarts and the send
//! queue's retry already handle.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Longer than any answer a healthy server needs, the sync long-poll included (the
/// server holds it for 30 s).
const DEADLINE_MS: u32 = 90_000;

/// Media is left alone: uploads and downloads of large files may rightly take longer
/// than any fixed time on a slow link.
pub fn has_deadline(url: &str) -> bool {
    !url.contains("/_matrix/media/") && !url.contains("/_matrix/client/v1/media/")
}

/// Wraps `fetch`. Browsers without `AbortSignal.any` and `AbortSignal.timeout`
/// (older than 2023/24) keep the plain `fetch`.
pub fn install() {
    install_with(DEADLINE_MS);
}

/// `install` with another deadline, in milliseconds (the browser test uses a short one).
pub fn install_with(deadline_ms: u32) {
    let global = js_sys::global();
    let get = |target: &JsValue, name: &str| Reflect::get(target, &name.into()).ok();
    let function = |target: &JsValue, name: &str| get(target, name)?.dyn_into::<Function>().ok();
    let Some(abort_signal) = get(&global, "AbortSignal") else {
        return;
    };
    let (Some(fetch), Some(any), Some(timeout)) = (
        function(&global, "fetch"),
        function(&abort_signal, "any"),
        function(&abort_signal, "timeout"),
    ) else {
        tracing::warn!("this browser cannot time requests out");
        return;
    };
    let this = global.clone();
    let wrapped = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(
        move |input: JsValue, init: JsValue| {
            let url = input
                .as_string()
                .or_else(|| get(&input, "url")?.as_string())
                .unwrap_or_default();
            let init = if has_deadline(&url) {
                with_deadline(&input, &init, deadline_ms, &abort_signal, &any, &timeout)
                    .unwrap_or(init)
            } else {
                init
            };
            fetch
                .call2(&this, &input, &init)
                .unwrap_or_else(|error| js_sys::Promise::reject(&error).into())
        },
    );
    if Reflect::set(&global, &"fetch".into(), wrapped.as_ref()).is_ok() {
        // Lives as long as the page: every later fetch calls it.
        wrapped.forget();
    }
}

/// `init` with a signal that aborts when the caller's does (reqwest aborts a request
/// whose future is dropped) or when the deadline passes.
fn with_deadline(
    input: &JsValue,
    init: &JsValue,
    deadline_ms: u32,
    abort_signal: &JsValue,
    any: &Function,
    timeout: &Function,
) -> Option<JsValue> {
    let own = [init, input]
        .into_iter()
        .filter(|v| v.is_object())
        .filter_map(|v| Reflect::get(v, &"signal".into()).ok())
        .find(|s| s.is_object());
    let timer = timeout.call1(abort_signal, &deadline_ms.into()).ok()?;
    let signals = match own {
        Some(own) => Array::of2(&own, &timer),
        None => Array::of1(&timer),
    };
    let signal = any.call1(abort_signal, &signals).ok()?;
    let init = if init.is_object() {
        Object::assign(&Object::new(), init.unchecked_ref())
    } else {
        Object::new()
    };
    Reflect::set(&init, &"signal".into(), &signal).ok()?;
    Some(init.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn everything_but_media_gets_a_deadline() {
        assert!(has_deadline(
            "https://hs.example/_matrix/client/unstable/org.matrix.simplified_msc3575/sync?timeout=30000"
        ));
        assert!(has_deadline(
            "https://hs.example/_matrix/client/v3/rooms/!r:hs/send/m.room.message/t1"
        ));
        assert!(has_deadline("/config.json"));
        assert!(!has_deadline("https://hs.example/_matrix/media/v3/upload"));
        assert!(!has_deadline(
            "https://hs.example/_matrix/client/v1/media/download/hs/abc"
        ));
    }
}
