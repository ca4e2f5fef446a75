//! User Timing marks, read by the benchmark command (scripts/bench.sh) from the page.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks a point in time under `name`.
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Marks a point in time under `name`, with a number as its detail.
pub fn mark_with_detail(name: &str, detail: f64) {
    use wasm_bindgen::JsCast;
    // Through Reflect: web-sys has mark options only behind its unstable APIs.
    let Some(performance) = performance() else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"detail".into(), &detail.into());
    if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into())
        .and_then(|mark| mark.dyn_into::<js_sys::Function>())
    {
        let _ = mark.call2(&performance, &name.into(), &options);
    }
}

/// Records the time from the mark `start` until now as the measure `name`.
pub fn measure(name: &str, start: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// Marks `name` only the first time in this page load: for "first painted" moments.
pub fn mark_once(name: &str) {
    if let Some(performance) = performance()
        && performance.get_entries_by_name(name).length() == 0
    {
        let _ = performance.mark(name);
    }
}

/// Marks `name` once the browser has painted what was just rendered.
pub fn mark_once_after_paint(name: &'static str) {
    // The next animation frame runs before the paint that shows the rendered DOM; a
    // zero-delay timeout from there runs just after it.
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(move || mark_once(name), std::time::Duration::ZERO);
    });
}

/// Bytes of wasm linear memory, for the benchmark's memory figure
/// (`window.wasmBindings.latticeWasmMemoryBytes()`).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = latticeWasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length()
        .into()
}
