//! Whole-page notices shown instead of the app when it cannot run here: a bad
//! config.json, storage refused by the browser, the session open in another tab, or
//! ended by the server.
//! Each says what happened in plain words and what can be done.

use leptos::prelude::*;

use leptos::task::spawn_local;

use url::Url;

use crate::components::{ErrorAlert, SsoButtons, TextField};
use crate::config::Config;
use crate::error::AppError;
use crate::i18n::{t, t_args};
use crate::load_state::LoadState;
use crate::matrix::session::Credentials;
use crate::matrix::sso::LoginFlows;
use crate::state::sso::{self, Offered, SsoReturn};
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

/// Signing in again after a soft logout: with the password, or through the
/// organisation's identity provider, whichever the server offers and the policy allows.
#[component]
fn SignInAgain() -> impl IntoView {
    let session = use_session();
    let config = expect_context::<Config>();
    let password = RwSignal::new(String::new());
    let state = RwSignal::new(LoadState::Idle);
    let options = RwSignal::new(None::<(Url, LoginFlows)>);
    spawn_local(async move { options.set(sso::saved_sign_in_options().await) });
    let password_allowed = config.password_login;
    let offered = Memo::new(move |_| {
        options.with(|o| Offered::new(o.as_ref().map(|(_, flows)| flows), password_allowed))
    });
    let again = move |credentials: Credential| {
        state.set(LoadState::Loading);
        spawn_local(async move {
            let result = match &credentials {
                Credential::Password(typed) => {
                    session
                        .sign_in_again(Credentials::Password {
                            username: "",
                            password: typed,
                        })
                        .await
                }
                Credential::Token(token) => {
                    session.sign_in_again(Credentials::LoginToken(token)).await
                }
            };
            match result {
                Ok(()) => password.set(String::new()),
                Err(error) => state.set(LoadState::Failed(error)),
            }
        });
    };
    // Back from the identity provider to sign in again.
    match sso::take_return() {
        SsoReturn::Token {
            token,
            resume: true,
            ..
        } => again(Credential::Token(token)),
        SsoReturn::NotFinished => state.set(LoadState::Failed(AppError::SsoNotFinished)),
        _ => {}
    }
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !state.get_untracked().is_loading() {
            again(Credential::Password(password.get_untracked()));
        }
    };
    let to_provider = Callback::new(move |provider: Option<String>| {
        if let Some((base, _)) = options.get_untracked()
            && let Err(error) = sso::begin(&base, provider.as_deref(), true)
        {
            state.set(LoadState::Failed(error));
        }
    });
    let error = Signal::derive(move || state.get().error().cloned());
    let busy = Signal::derive(move || state.get().is_loading());
    view! {
        {move || offered.get().password.then(|| view! {
            <form class="lt-login__form" on:submit=submit aria-busy=move || busy.get().to_string()>
                <TextField id="lt-sign-in-again-password" label=t("login-password") value=password
                    autocomplete="current-password" input_type="password" />
                <button class="lt-button lt-button--primary" type="submit" disabled=move || busy.get()>
                    {t("session-sign-in-again")}
                </button>
            </form>
        })}
        {move || {
            let offered = offered.get();
            offered.sso().then(|| view! {
                <SsoButtons providers=offered.providers server_choice=offered.server_choice
                    after_password=offered.password disabled=busy on_choose=to_provider />
            })
        }}
        <ErrorAlert error=error />
    }
}

/// What the person signs in again with.
enum Credential {
    Password(String),
    Token(String),
}
