//! Settings: the account, and the language (stored, applied by reloading the page).

use leptos::prelude::*;

use crate::config::Config;
use crate::i18n::{self, t};
use crate::state::{Phase, use_session};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let phase = use_session().phase;
    let offered = if config.languages.is_empty() {
        i18n::shipped()
    } else {
        config.languages.clone()
    };
    let current = i18n::current();
    let choose = move |event: leptos::ev::Event| {
        let code = event_target_value(&event);
        i18n::remember_choice(&code);
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let account = move || match phase.get() {
        Phase::SignedIn(info) => Some(view! {
            <dl class="lt-settings__account">
                <dt>{t("settings-user-id")}</dt><dd translate="no">{info.user_id}</dd>
                <dt>{t("settings-device-id")}</dt><dd translate="no">{info.device_id}</dd>
                <dt>{t("settings-homeserver")}</dt><dd translate="no">{info.homeserver}</dd>
            </dl>
        }),
        _ => None,
    };
    view! {
        <section class="lt-settings" aria-labelledby="lt-settings-title">
            <h2 id="lt-settings-title" class="lt-settings__title">{t("settings-title")}</h2>
            <h3>{t("settings-account")}</h3>
            {account}
            <h3><label for="lt-settings-language">{t("settings-language")}</label></h3>
            <p class="lt-field__hint" id="lt-settings-language-hint">{t("settings-language-hint")}</p>
            <select id="lt-settings-language" class="lt-field__input" aria-describedby="lt-settings-language-hint"
                on:change=choose>
                {offered.into_iter().map(|code| {
                    let selected = code == current;
                    let name = i18n::native_name(&code);
                    view! { <option value=code.clone() lang=code selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            {config.help_url.clone().map(|href| view! {
                <p><a class="lt-link" href=href rel="noopener noreferrer" target="_blank">{t("help-link")}</a></p>
            })}
        </section>
    }
}
