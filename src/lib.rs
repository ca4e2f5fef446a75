//! Lattice: a Matrix web client. See docs/architecture.md for the layers.

// The SDK's nested async stream types exceed the default when checked for auto traits.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod config;
pub mod crash;
pub mod deadline;
pub mod error;
pub mod i18n;
pub mod load_state;
pub mod matrix;
pub mod pages;
pub mod perf;
pub mod state;
pub mod storage;
pub mod web;

#[cfg(test)]
mod properties;

/// Entry point called by `main`: installs the panic hook and logging, then mounts the app.
pub fn start() {
    perf::mark("lattice:wasm-started");
    crash::install();
    // INFO keeps the SDK's request-level DEBUG output (which names URLs and
    // transaction ids) out of the console; release builds stop at WARN at compile time
    // (Cargo.toml). Spans are not reported as performance marks: that timeline is for
    // Lattice's own start-up marks (perf.rs), and measuring every span costs time.
    tracing_wasm::set_as_global_default_with_config(
        tracing_wasm::WASMLayerConfigBuilder::new()
            .set_max_level(tracing::Level::INFO)
            .set_report_logs_in_timings(false)
            .build(),
    );
    deadline::install();
    // Before anything reads the address: a single sign-on token must not stay in it.
    state::sso::capture();
    leptos::mount::mount_to_body(app::App);
}
