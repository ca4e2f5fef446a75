//! Settings: the account, the profile (display name and picture), and the language
//! (stored, applied by reloading the page).

use leptos::prelude::*;

use crate::components::{Avatar, ErrorAlert};
use crate::config::Config;
use crate::i18n::{self, t};
use crate::state::profile::use_profile;
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
            <ProfileSection />
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

/// Our display name and picture, as others see them.
#[component]
fn ProfileSection() -> impl IntoView {
    let profile = use_profile();
    let name = RwSignal::new(String::new());
    // The field starts from the server's name once, then is the person's to edit.
    Effect::new(move |filled: Option<bool>| {
        if filled == Some(true) {
            return true;
        }
        profile.profile.with(|loaded| match loaded {
            Some(loaded) => {
                name.set(loaded.display_name.clone().unwrap_or_default());
                true
            }
            None => false,
        })
    });
    let picker = NodeRef::<leptos::html::Input>::new();
    let on_picked = move |_| {
        let Some(input) = picker.get_untracked() else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            profile.change_avatar(file);
        }
        // The same file picked again still counts as a change.
        input.set_value("");
    };
    let shown_name = move || {
        profile.profile.with(|p| {
            p.as_ref()
                .and_then(|p| p.display_name.clone())
                .unwrap_or_default()
        })
    };
    let avatar = move || {
        profile
            .profile
            .with(|p| p.as_ref().and_then(|p| p.avatar.clone()))
    };
    view! {
        <h3>{t("settings-profile")}</h3>
        <Show when=move || profile.profile.with(Option::is_some)
            fallback=move || view! { <Show when=move || profile.busy.get()><p role="status">{t("profile-loading")}</p></Show> }>
            <form class="lt-settings__profile" on:submit=move |event| {
                event.prevent_default();
                profile.rename(name.get_untracked());
            }>
                <div class="lt-field">
                    <label class="lt-field__label" for="lt-profile-name">{t("profile-display-name")}</label>
                    <input class="lt-field__input" id="lt-profile-name" type="text" autocomplete="nickname"
                        aria-describedby="lt-profile-name-hint" bind:value=name />
                    <p class="lt-field__hint" id="lt-profile-name-hint">{t("profile-display-name-hint")}</p>
                </div>
                <button class="lt-button" type="submit" disabled=move || profile.busy.get()>{t("profile-save-name")}</button>
            </form>
            <div class="lt-settings__avatar">
                {move || view! { <Avatar name=shown_name() mxc=avatar() /> }}
                <p class="lt-field__hint" id="lt-profile-avatar-hint">{t("profile-avatar-hint")}</p>
                <input type="file" class="lt-visually-hidden" id="lt-profile-avatar" accept="image/*"
                    tabindex="-1" aria-hidden="true" node_ref=picker on:change=on_picked />
                <button class="lt-button lt-button--quiet" type="button" aria-describedby="lt-profile-avatar-hint"
                    disabled=move || profile.busy.get()
                    on:click=move |_| if let Some(input) = picker.get_untracked() { input.click() }>
                    {t("profile-avatar-upload")}
                </button>
                <Show when=move || avatar().is_some()>
                    <button class="lt-button lt-button--quiet" type="button" disabled=move || profile.busy.get()
                        on:click=move |_| profile.remove_avatar()>
                        {t("profile-avatar-remove")}
                    </button>
                </Show>
            </div>
        </Show>
        <p role="status">{move || profile.done.get().map(t)}</p>
        <ErrorAlert error=profile.error />
    }
}
