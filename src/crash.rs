//! What people see when Lattice panics. A panic stops the whole wasm app, leaving a
//! frozen page: the hook replaces it with "Lattice stopped", a reload button and an
//! error report to copy for IT. The page is built with plain DOM calls, since leptos
//! may be what broke.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::try_t;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        // The console keeps the full message for developers on this machine.
        console_error_panic_hook::hook(info);
        show_page(&report(info));
    }));
}

/// The report holds where it happened and, for fixed messages only, what: a formatted
/// panic message can carry data (a token, a line of someone's message), so it is left
/// out.
fn report(info: &PanicHookInfo<'_>) -> String {
    let place = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
        .unwrap_or_else(|| "unknown".to_owned());
    let what = info
        .payload()
        .downcast_ref::<&'static str>()
        .copied()
        .unwrap_or("(details left out: they may contain personal data)");
    let browser = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let when = js_sys::Date::new_0().to_iso_string();
    format!(
        "Lattice {} stopped\nat: {place}\nreason: {what}\ntime: {}\nbrowser: {browser}",
        env!("CARGO_PKG_VERSION"),
        String::from(when),
    )
}

fn show_page(report: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Some(notice)) = (document.body(), notice(&document, report)) else {
        return;
    };
    body.set_text_content(None);
    let _ = body.append_child(&notice);
}

/// The notice itself: title, explanation, reload button and report (public for the
/// browser test, which cannot replace its own page).
pub fn notice(document: &web_sys::Document, report: &str) -> Option<web_sys::Element> {
    let text = |id: &str, fallback: &str| try_t(id).unwrap_or_else(|| fallback.to_owned());
    let element = |tag: &str, class: &str, content: Option<String>| {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        if let Some(content) = content {
            element.set_text_content(Some(&content));
        }
        Some(element)
    };
    let main = element("main", "lt-notice lt-crash", None)?;
    let _ = main.set_attribute("role", "alert");
    let title = element(
        "h1",
        "lt-notice__title",
        Some(text("crash-title", "Lattice stopped")),
    );
    let explain = element(
        "p",
        "",
        Some(text(
            "crash-explain",
            "Something went wrong and Lattice had to stop. Reload to continue; messages you sent are kept.",
        )),
    );
    let reload = element("button", "lt-button", Some(text("crash-reload", "Reload")));
    if let Some(button) = &reload {
        let _ = button.set_attribute("type", "button");
        let on_click = Closure::<dyn Fn()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        // The page lives until it is reloaded.
        on_click.forget();
    }
    let label = element(
        "label",
        "",
        Some(text(
            "crash-report",
            "Error report for IT (no passwords, no messages)",
        )),
    );
    let report_box = element("textarea", "lt-crash__report", Some(report.to_owned()));
    if let (Some(label), Some(report_box)) = (&label, &report_box) {
        let _ = label.set_attribute("for", "lt-crash-report");
        report_box.set_id("lt-crash-report");
        let _ = report_box.set_attribute("readonly", "");
        let _ = report_box.set_attribute("rows", "6");
    }
    for child in [title, explain, reload, label, report_box]
        .into_iter()
        .flatten()
    {
        let _ = main.append_child(&child);
    }
    Some(main)
}
