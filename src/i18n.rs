//! Every user-facing string goes through here. Messages live in `locales/<code>.ftl`
//! (Fluent), so plurals follow CLDR rules and sentences are never glued together.
//! Each `.ftl` file there is a language the app ships (build.rs lists them); dates and
//! times come from the browser's `Intl`, so no locale data is compiled in.
//!
//! The language is chosen once per page load; changing it stores the choice and
//! reloads, as Element does, so no view holds a string of the old language.

use std::borrow::Cow;
use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Messages are looked up here when the chosen language lacks one.
const FALLBACK: &str = "en";
/// A pseudo-locale for testing: English, accented, 30% longer and bracketed, so text
/// that bypasses translation or gets clipped stands out.
pub const PSEUDO: &str = "en-XA";
/// Where a person's explicit choice is kept (not a secret).
const STORAGE_KEY: &str = "lattice.language";

struct Active {
    code: String,
    bundle: FluentBundle<FluentResource>,
    fallback: FluentBundle<FluentResource>,
}

thread_local! {
    static ACTIVE: RefCell<Active> = RefCell::new(Active {
        code: FALLBACK.to_owned(),
        bundle: bundle_for(FALLBACK),
        fallback: bundle_for(FALLBACK),
    });
}

fn source_of(code: &str) -> Option<&'static str> {
    LOCALES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, source)| *source)
}

fn pseudo(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform_dom(text, false, true, true)
}

fn bundle_for(code: &str) -> FluentBundle<FluentResource> {
    let base = if code == PSEUDO { FALLBACK } else { code };
    let langid: LanguageIdentifier = base.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![langid]);
    if code == PSEUDO {
        bundle.set_transform(Some(pseudo));
    }
    // The .ftl files are compiled in and checked by the unit tests below, so a parse
    // error here can only come from a broken build, not from users or the network.
    let text = source_of(base).unwrap_or_default();
    let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Whether a language is shipped (or is the pseudo-locale).
pub fn is_available(code: &str) -> bool {
    code == PSEUDO || source_of(code).is_some()
}

/// Every shipped language code, sorted.
pub fn shipped() -> Vec<String> {
    LOCALES.iter().map(|(code, _)| (*code).to_owned()).collect()
}

/// A language's own name for itself, from its file (`language-name`).
pub fn native_name(code: &str) -> String {
    let bundle = bundle_for(code);
    bundle
        .get_message("language-name")
        .and_then(|m| m.value())
        .map(|pattern| {
            bundle
                .format_pattern(pattern, None, &mut Vec::new())
                .into_owned()
        })
        .unwrap_or_else(|| code.to_owned())
}

/// The current language code, for `lang` attributes and `Intl`.
pub fn current() -> String {
    ACTIVE.with(|active| active.borrow().code.clone())
}

/// Picks the language for this page load: the person's stored choice if it is still
/// offered, else the browser's preferred languages matched against `offered`.
pub fn choose(offered: &[String]) -> String {
    let offered: Vec<String> = if offered.is_empty() {
        shipped()
    } else {
        offered.to_vec()
    };
    let stored = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    if let Some(code) = stored
        && (code == PSEUDO || offered.contains(&code))
    {
        return code;
    }
    let requested: Vec<LanguageIdentifier> = web_sys::window()
        .map(|w| w.navigator().languages().to_vec())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|l| l.as_string()?.parse().ok())
        .collect();
    let available: Vec<LanguageIdentifier> =
        offered.iter().filter_map(|c| c.parse().ok()).collect();
    let default = available.first().cloned().unwrap_or_default();
    let negotiated = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    negotiated
        .first()
        .map(|l| l.to_string())
        .filter(|code| offered.contains(code))
        .unwrap_or_else(|| {
            offered
                .first()
                .cloned()
                .unwrap_or_else(|| FALLBACK.to_owned())
        })
}

/// Makes `code` the language of every message from now on, and of the page.
pub fn activate(code: &str) {
    let code = if is_available(code) { code } else { FALLBACK };
    ACTIVE.with(|active| {
        let mut active = active.borrow_mut();
        active.code = code.to_owned();
        active.bundle = bundle_for(code);
    });
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Stores the person's choice; the caller reloads the page to apply it.
pub fn remember_choice(code: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, code);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
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

/// `t_count` with more named arguments besides the count.
pub fn t_count_args(id: &str, count: u64, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    fluent_args.set("count", FluentValue::from(count));
    for (name, value) in args {
        fluent_args.set(*name, FluentValue::from(*value));
    }
    format(id, Some(&fluent_args))
}

/// The language `Intl` should format dates in.
fn intl_language() -> String {
    let code = current();
    if code == PSEUDO {
        FALLBACK.to_owned()
    } else {
        code
    }
}

/// What a date is written as: a day separator or a message's time of day.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    Day,
    Time,
}

impl DateStyle {
    /// The `Intl.DateTimeFormat` options for this style.
    fn options(self) -> js_sys::Object {
        let options = js_sys::Object::new();
        for (key, value) in self.fields() {
            let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
        }
        options
    }

    fn fields(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Day => &[
                ("weekday", "long"),
                ("year", "numeric"),
                ("month", "long"),
                ("day", "numeric"),
            ],
            Self::Time => &[("hour", "numeric"), ("minute", "2-digit")],
        }
    }
}

thread_local! {
    /// One `Intl.DateTimeFormat` per style and language, built on first use: Chromium
    /// builds a new formatter inside every `toLocale…String` call with options, which
    /// costs 170–340 µs against 1–4 µs with a kept one (bench/analysis.md), and every
    /// timeline row writes a time. A kept formatter keeps the time zone it was built
    /// in until the page is reloaded.
    static DATE_FORMATS: RefCell<Vec<(DateStyle, String, js_sys::Function)>> =
        const { RefCell::new(Vec::new()) };
}

/// `millis` written in `style` in the current language; `None` past what a `Date` holds.
fn format_date(millis: u64, style: DateStyle) -> Option<String> {
    let date = date(millis)?;
    let language = intl_language();
    let kept = DATE_FORMATS.with_borrow(|formats| {
        formats
            .iter()
            .find(|(s, l, _)| *s == style && *l == language)
            .map(|(_, _, format)| format.clone())
    });
    let format = match kept {
        Some(format) => format,
        // Built outside the borrow: a throwing constructor must not leave it held.
        None => {
            let locales = js_sys::Array::of1(&language.as_str().into());
            let format = js_sys::Intl::DateTimeFormat::new(&locales, &style.options()).format();
            DATE_FORMATS.with_borrow_mut(|formats| {
                formats.push((style, language, format.clone()));
            });
            format
        }
    };
    format
        .call1(&wasm_bindgen::JsValue::NULL, &date)
        .ok()
        .and_then(|s| s.as_string())
}

/// A day as the browser's `Intl` writes it in the current language, for day separators.
pub fn format_day(millis: u64) -> String {
    format_date(millis, DateStyle::Day).unwrap_or_else(|| t("date-unknown"))
}

/// A time of day as the browser's `Intl` writes it, for message timestamps.
pub fn format_time(millis: u64) -> String {
    format_date(millis, DateStyle::Time).unwrap_or_else(|| t("time-unknown"))
}

/// A file size as the browser's `Intl` writes it: "850 kB", "4.2 MB".
pub fn format_size(bytes: u64) -> String {
    let (value, unit) = match bytes {
        b if b >= 1_000_000_000 => (b as f64 / 1e9, "gigabyte"),
        b if b >= 1_000_000 => (b as f64 / 1e6, "megabyte"),
        b if b >= 1_000 => (b as f64 / 1e3, "kilobyte"),
        b => (b as f64, "byte"),
    };
    let options = js_sys::Object::new();
    for (key, value) in [
        ("style", "unit"),
        ("unit", unit),
        ("maximumFractionDigits", "1"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let locales = js_sys::Array::of1(&intl_language().into());
    let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
    format
        .call1(&wasm_bindgen::JsValue::NULL, &value.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:.1} {unit}"))
}

/// `None` past the ~275,000 years a `Date` holds: a timestamp a server's bad clock, or
/// a hostile event, can carry (it is any integer up to 2^53), which would otherwise
/// show as "Invalid Date".
fn date(millis: u64) -> Option<js_sys::Date> {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    (!date.get_time().is_nan()).then_some(date)
}

/// `t` for the panic page: `None` instead of a second panic if the translations are
/// borrowed by the code that panicked.
pub fn try_t(id: &str) -> Option<String> {
    ACTIVE
        .try_with(|active| lookup(&*active.try_borrow().ok()?, id, None))
        .ok()
        .flatten()
}

fn format(id: &str, args: Option<&FluentArgs>) -> String {
    ACTIVE
        .with(|active| lookup(&active.borrow(), id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// The message in the current language, else in the fallback one.
fn lookup(active: &Active, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    [&active.bundle, &active.fallback]
        .into_iter()
        .find_map(|bundle| {
            let pattern = bundle.get_message(id)?.value()?;
            Some(
                bundle
                    .format_pattern(pattern, args, &mut Vec::new())
                    .into_owned(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn timestamps_far_in_the_future_are_said_plainly() {
        // 2^53 - 1 ms: the largest timestamp an event can carry.
        let far = 9_007_199_254_740_991;
        assert_eq!(format_day(far), t("date-unknown"));
        assert_eq!(format_time(far), t("time-unknown"));
        // A date in the future that a Date holds is written as any other (mid-year:
        // the same year in every time zone).
        let year_2200 = 7_273_843_200_000;
        assert!(
            format_day(year_2200).contains("2200"),
            "{}",
            format_day(year_2200)
        );
    }

    #[wasm_bindgen_test]
    fn kept_formatters_write_what_the_dates_own_methods_write() {
        let noon = 1_700_000_000_000_u64;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(noon as f64));
        let language = intl_language();
        // Twice each: the second comes from the kept formatter.
        for _ in 0..2 {
            assert_eq!(
                format_time(noon),
                String::from(
                    date.to_locale_time_string_with_options(&language, &DateStyle::Time.options())
                )
            );
            assert_eq!(
                format_day(noon),
                String::from(date.to_locale_date_string(&language, &DateStyle::Day.options()))
            );
        }
    }

    /// Message ids of a Fluent file.
    fn ids(source: &str) -> Vec<String> {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(res, _)| res);
        let mut ids: Vec<String> = resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect();
        ids.sort();
        ids
    }

    #[wasm_bindgen_test]
    fn every_language_parses_and_is_complete() {
        let english = ids(source_of(FALLBACK).unwrap_or_default());
        assert!(english.len() > 100);
        for (code, source) in LOCALES {
            assert!(
                fluent_syntax::parser::parse(*source).is_ok(),
                "{code}.ftl has syntax errors"
            );
            assert_eq!(ids(source), english, "{code}.ftl lacks or adds messages");
        }
    }

    #[wasm_bindgen_test]
    fn english_french_and_german_are_shipped() {
        assert_eq!(shipped(), ["de", "en", "fr"]);
        assert_eq!(native_name("fr"), "Français");
        assert_eq!(native_name("de"), "Deutsch");
    }

    #[wasm_bindgen_test]
    fn plurals_follow_the_language() {
        activate("fr");
        let french = t_count("room-unread", 0);
        activate(FALLBACK);
        let english = t_count("room-unread", 0);
        assert_ne!(french, english);
        // French counts zero as singular (CLDR "one"); English does not.
        assert!(!french.ends_with('s'), "{french}");
    }

    #[wasm_bindgen_test]
    fn pseudo_locale_marks_every_message() {
        activate(PSEUDO);
        let text = t("login-submit");
        activate(FALLBACK);
        assert!(text.starts_with('[') && text.ends_with(']'), "{text}");
        assert_ne!(text, "[Sign in]");
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
