//! Every user-facing string goes through here. Messages live in `locales/<lang>.ftl`
//! (Fluent), so plurals follow CLDR rules and sentences are never glued together.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::langid;

const EN: &str = include_str!("../locales/en.ftl");
/// The language of the messages, also given to `Intl` for dates.
const LANGUAGE: &str = "en";

thread_local! {
    static BUNDLE: FluentBundle<FluentResource> = english_bundle();
}

fn english_bundle() -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![langid!("en")]);
    // The .ftl file is compiled in and checked by the unit tests below, so a parse
    // error here can only come from a broken build, not from users or the network.
    let resource = FluentResource::try_new(EN.to_owned()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The message `id` in the current language; the id itself when it is missing,
/// so a gap is visible rather than blank.
pub fn t(id: &str) -> String {
    format(id, None)
}

/// The message `id` with named arguments.
pub fn t_args(id: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, FluentValue::from(*value));
    }
    format(id, Some(&fluent_args))
}

/// The message `id` with a `count` argument, so plurals follow the language's CLDR rules.
pub fn t_count(id: &str, count: u64) -> String {
    let mut fluent_args = FluentArgs::new();
    fluent_args.set("count", FluentValue::from(count));
    format(id, Some(&fluent_args))
}

/// A day as the browser's `Intl` writes it in the current language, for day separators.
pub fn format_day(millis: u64) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("weekday", "long"),
        ("year", "numeric"),
        ("month", "long"),
        ("day", "numeric"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date(millis)
        .to_locale_date_string(LANGUAGE, &options)
        .into()
}

/// A time of day as the browser's `Intl` writes it, for message timestamps.
pub fn format_time(millis: u64) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("hour", "numeric"), ("minute", "2-digit")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date(millis)
        .to_locale_time_string_with_options(LANGUAGE, &options)
        .into()
}

fn date(millis: u64) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64))
}

fn format(id: &str, args: Option<&FluentArgs>) -> String {
    BUNDLE.with(|bundle| {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn english_parses_without_errors() {
        assert!(FluentResource::try_new(EN.to_owned()).is_ok());
    }

    #[wasm_bindgen_test]
    fn arguments_are_filled_in() {
        let text = t_args("error-unreachable", &[("server", "example.org")]);
        assert!(text.contains("example.org"), "{text}");
        assert!(!text.contains("{"), "{text}");
    }

    #[wasm_bindgen_test]
    fn missing_message_shows_its_id() {
        assert_eq!(t("no-such-message"), "no-such-message");
    }
}
