use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::{ErrorAlert, TextField};
use crate::config::Config;
use crate::error::AppError;
use crate::i18n::{t, t_args};
use crate::load_state::LoadState;
use crate::matrix::{discovery, session};
use crate::state::use_session;

#[component]
pub fn LoginPage() -> impl IntoView {
    let session_context = use_session();
    let config = expect_context::<Config>();
    let default_homeserver = config.homeserver_or_origin();
    let homeserver = RwSignal::new(default_homeserver.clone());
    let editable = config.homeserver_editable();
    let allow_insecure = config.allow_insecure_homeserver;
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let state = RwSignal::new(LoadState::Idle);
    let navigate = use_navigate();
    // Arrived here after the server ended the session (a full load, so the reason
    // comes in the address).
    let ended = use_query_map().with_untracked(|query| query.get("ended").is_some());
    let ended_notice = ended.then_some(AppError::SessionEndedByServer);

    // A full user ID names its server: show that in the homeserver field, when the
    // policy lets people choose their server.
    Effect::new(move |_| {
        if editable && let Some(server) = discovery::server_from_user_id(&username.get()) {
            homeserver.set(server.to_owned());
        }
    });

    let allowed = default_homeserver.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if state.get_untracked().is_loading() {
            return;
        }
        // Checked before any request: the security policy would block the request
        // anyway, and this says why in words.
        if !editable && homeserver.get_untracked().trim() != allowed.trim() {
            state.set(LoadState::Failed(AppError::HomeserverNotAllowed(
                allowed.clone(),
            )));
            return;
        }
        state.set(LoadState::Loading);
        crate::perf::mark("lattice:login-submit");
        let navigate = navigate.clone();
        let epoch = session_context.epoch();
        spawn_local(async move {
            let result = session::login(
                &homeserver.get_untracked(),
                &username.get_untracked(),
                &password.get_untracked(),
                allow_insecure,
            )
            .await;
            match result {
                Ok(active) => {
                    password.set(String::new());
                    state.set(LoadState::Ready);
                    session_context.signed_in(epoch, active);
                    navigate("/", Default::default());
                }
                Err(error) => state.set(LoadState::Failed(error)),
            }
        });
    };

    let error = Signal::derive(move || {
        state
            .get()
            .error()
            .cloned()
            .or_else(|| session_context.notice.get())
            .or_else(|| ended_notice.clone())
    });

    let locked = config.lock_homeserver;
    let server_field = if locked {
        view! { <p class="lt-login__server">{t_args("login-server-locked", &[("server", &default_homeserver)])}</p> }
            .into_any()
    } else {
        view! {
            <TextField id="lt-login-homeserver" label=t("login-homeserver") hint=t("login-homeserver-hint")
                value=homeserver autocomplete="url" readonly=!editable />
        }
        .into_any()
    };
    view! {
        <main class="lt-login">
            {config.brand_logo.clone().map(|src| view! { <img class="lt-login__logo" src=src alt="" /> })}
            <h1 class="lt-login__title">{t_args("login-title", &[("brand", &config.brand_name)])}</h1>
            <form class="lt-login__form" on:submit=on_submit aria-busy=move || state.get().is_loading().to_string()>
                {server_field}
                <TextField id="lt-login-username" label=t("login-username") hint=t("login-username-hint")
                    value=username autocomplete="username" />
                <TextField id="lt-login-password" label=t("login-password") value=password
                    autocomplete="current-password" input_type="password" />
                <ErrorAlert error=error />
                <button class="lt-button lt-button--primary" type="submit" disabled=move || state.get().is_loading()>
                    {move || if state.get().is_loading() { t("login-in-progress") } else { t("login-submit") }}
                </button>
            </form>
            <Show when=move || session_context.notice.get() == Some(AppError::LocalDataUnreadable)>
                <ResetLocalData />
            </Show>
            {config.help_url.clone().map(|href| view! {
                <p class="lt-login__help"><a class="lt-link" href=href rel="noopener noreferrer" target="_blank">{t("help-link")}</a></p>
            })}
        </main>
    }
}

/// The way out when this browser's saved data cannot be read: delete it all and sign
/// in again. Says first what comes back (everything on the server, and encrypted
/// history through key backup) and what does not.
#[component]
fn ResetLocalData() -> impl IntoView {
    let resetting = RwSignal::new(LoadState::Idle);
    let reset = move |_| {
        resetting.set(LoadState::Loading);
        spawn_local(async move {
            match session::reset_local_data().await {
                // A full load: the databases go once this page lets go of them.
                Ok(()) => {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().replace("/login");
                    }
                }
                Err(error) => resetting.set(LoadState::Failed(error)),
            }
        });
    };
    let error = Signal::derive(move || resetting.get().error().cloned());
    view! {
        <section class="lt-login__reset" aria-labelledby="lt-reset-title">
            <h2 id="lt-reset-title">{t("reset-local-data-title")}</h2>
            <p>{t("reset-local-data-explain")}</p>
            // A lock or a hiccup of the browser's storage passes: a fresh start reads again.
            <button class="lt-button" type="button" on:click=move |_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }>{t("reset-try-again")}</button>
            <button class="lt-button lt-button--danger" type="button" on:click=reset
                disabled=move || resetting.get().is_loading()>
                {t("reset-local-data")}
            </button>
            <ErrorAlert error=error />
        </section>
    }
}
