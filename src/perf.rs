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

/// Records the time from the mark `start` until now as the measure `name`.
pub fn measure(name: &str, start: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start);
    }
}
