//! Whole-page notices shown instead of the app when it cannot run here: a bad
//! config.json, storage refused by the browser, the session open in another tab, or
//! ended by the server.
//! Each says what happened in plain words and what can be done.

use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::components::{ErrorAlert, TextField};
use crate::error::AppError;
use crate::i18n::{t, t_args};
use crate::load_state::LoadState;
use crate::state::tab::TabState;
use crate::state::use_session;

/// config.json is unreadable or has a bad value: name the field, never a blank page.
#[component]
pub fn ConfigErrorPage(error: AppError) -> impl IntoView {
    view! {
        <main class="lt-notice">
            <h1 class="lt-notice__title">{t("config-error-title")}</h1>
            <p role="alert">{error.user_message()}</p>
            <p>{t("config-error-admin")}</p>
        </main>
    }
}

/// IndexedDB is refused: explain, and say what IT can change.
#[component]
pub fn StorageUnavailablePage(error: AppError) -> impl IntoView {
    tracing::warn!("storage unavailable: {error}");
    view! {
        <main class="lt-notice">
            <h1 class="lt-notice__title">{t("storage-unavailable-title")}</h1>
            <p role="alert">{error.user_message()}</p>
            <p>{t("storage-unavailable-user")}</p>
            <p>{t("storage-unavailable-it")}</p>
        </main>
    }
}

/// The session runs in another tab of this browser.
#[component]
pub fn OtherTabPage(state: TabState, on_use_here: impl Fn() + 'static) -> impl IntoView {
    let (title, body) = match state {
        TabState::Stopped => ("tab-stopped-title", "tab-stopped-body"),
        TabState::Free => ("tab-free-title", "tab-free-body"),
        _ => ("tab-elsewhere-title", "tab-elsewhere-body"),
    };
    let brand = use_context::<crate::config::Config>()
        .map(|c| c.brand_name)
        .unwrap_or_default();
    view! {
        <main class="lt-notice">
            <h1 class="lt-notice__title">{t_args(title, &[("brand", &brand)])}</h1>
            <p role="status">{t(body)}</p>
            <button class="lt-button lt-button--primary" type="button" on:click=move |_| on_use_here()>
                {t("tab-use-here")}
            </button>
        </main>
    }
}

/// The server no longer accepts this session. After a soft logout (the tokens
/// expired) the person signs in again on the same device and keeps everything.
/// Otherwise (signed out elsewhere, device deleted) this is shown before the device's
/// data is deleted when that loses keys, so the person knows what goes with it.
#[component]
pub fn SessionEndedPage(keys_at_risk: bool, soft_logout: bool) -> impl IntoView {
    let session = use_session();
    let deleting = RwSignal::new(false);
    let forget = move |_| {
        deleting.set(true);
        session.forget_ended_session();
    };
    let (why, continue_label) = if soft_logout {
        ("session-expired-why", "session-ended-delete-instead")
    } else {
        ("session-ended-why", "session-ended-continue")
    };
    view! {
        <main class="lt-notice">
            <h1 class="lt-notice__title">{t("session-ended-title")}</h1>
            <p role="alert">{t(why)}</p>
            {soft_logout.then(|| view! { <SignInAgain /> })}
            {keys_at_risk.then(|| view! { <p class="lt-alert lt-alert--warning">{t("session-ended-keys-at-risk")}</p> })}
            <button class="lt-button lt-button--danger" type="button" on:click=forget
                disabled=move || deleting.get()>
                {t(continue_label)}
            </button>
        </main>
    }
}

/// The password form of a soft logout.
#[component]
fn SignInAgain() -> impl IntoView {
    let session = use_session();
    let password = RwSignal::new(String::new());
    let state = RwSignal::new(LoadState::Idle);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if state.get_untracked().is_loading() {
            return;
        }
        state.set(LoadState::Loading);
        let typed = password.get_untracked();
        spawn_local(async move {
            match session.sign_in_again(typed).await {
                Ok(()) => password.set(String::new()),
                Err(error) => state.set(LoadState::Failed(error)),
            }
        });
    };
    let error = Signal::derive(move || state.get().error().cloned());
    view! {
        <form class="lt-login__form" on:submit=submit aria-busy=move || state.get().is_loading().to_string()>
            <TextField id="lt-sign-in-again-password" label=t("login-password") value=password
                autocomplete="current-password" input_type="password" />
            <ErrorAlert error=error />
            <button class="lt-button lt-button--primary" type="submit" disabled=move || state.get().is_loading()>
                {t("session-sign-in-again")}
            </button>
        </form>
    }
}
