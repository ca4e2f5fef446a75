use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use gloo_timers::callback::Timeout;
use url::Url;

use crate::components::{ErrorAlert, SsoButtons, TextField};
use crate::config::Config;
use crate::error::AppError;
use crate::i18n::{t, t_args};
use crate::load_state::LoadState;
use crate::matrix::sso::LoginFlows;
use crate::matrix::{discovery, session};
use crate::state::sso::{self, Offered, SsoReturn};
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
    // What is under way while `state` is loading, for the status line.
    let progress = RwSignal::new(None::<&'static str>);
    let navigate = use_navigate();
    // Arrived here after the server ended the session (a full load, so the reason
    // comes in the address), or after signing out.
    let (ended, signed_out) = use_query_map().with_untracked(|query| {
        (
            query.get("ended").is_some(),
            query.get("signed-out").is_some(),
        )
    });
    let ended_notice = ended.then_some(AppError::SessionEndedByServer);

    // A full user ID names its server: show that in the homeserver field, when the
    // policy lets people choose their server.
    Effect::new(move |_| {
        if editable && let Some(server) = discovery::server_from_user_id(&username.get()) {
            homeserver.set(server.to_owned());
        }
    });

    let options = sign_in_options(homeserver, editable, allow_insecure);
    let password_allowed = config.password_login;
    let offered = Memo::new(move |_| {
        let flows = options.with(|o| {
            o.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|(_, f)| f.clone())
        });
        Offered::new(flows.as_ref(), password_allowed)
    });

    let go_to_provider = move |provider: Option<String>| {
        let Some(Ok((base, _))) = options.get_untracked() else {
            return;
        };
        state.set(LoadState::Loading);
        progress.set(Some("login-sso-going"));
        if let Err(error) = sso::begin(&base, provider.as_deref(), false) {
            state.set(LoadState::Failed(error));
        }
    };

    // Back from the identity provider: finish with its token, or say why not.
    let finish_navigate = navigate.clone();
    match sso::take_return() {
        // A sign-in again whose session is gone meanwhile: a new sign-in then.
        SsoReturn::Token {
            homeserver, token, ..
        } => {
            state.set(LoadState::Loading);
            progress.set(Some("login-sso-finishing"));
            let epoch = session_context.epoch();
            spawn_local(async move {
                match sso::finish(&homeserver, &token, allow_insecure).await {
                    Ok(active) => {
                        state.set(LoadState::Ready);
                        session_context.signed_in(epoch, active);
                        finish_navigate("/", Default::default());
                    }
                    Err(error) => state.set(LoadState::Failed(error)),
                }
            });
        }
        SsoReturn::NotFinished => state.set(LoadState::Failed(AppError::SsoNotFinished)),
        SsoReturn::None => {}
    }

    // Straight on to the organisation's provider, when the policy names one: once, on
    // the first answer about the default server. Not after signing out or coming back
    // from the provider (for the page's whole life), nor when there is something to
    // read here.
    let quiet = !sso::came_back()
        && !ended
        && !signed_out
        && session_context.notice.get_untracked().is_none();
    let wanted = config.sso_provider.clone();
    let decided = StoredValue::new(!quiet || wanted.is_none());
    Effect::new(move |_| {
        if decided.get_value() || options.with(Option::is_none) {
            return;
        }
        decided.set_value(true);
        let target = offered.with(|o| o.straight_to(wanted.as_deref()).map(str::to_owned));
        if let Some(id) = target
            && state.get_untracked() == LoadState::Idle
        {
            go_to_provider(Some(id));
        }
    });

    let allowed = default_homeserver.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if state.get_untracked().is_loading() || !offered.get_untracked().password {
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
        progress.set(None);
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
            .or_else(|| {
                // Nothing to offer once the server answered: say why (it could not be
                // asked, or it has no way in that the policy leaves).
                let answered = options.with(Option::is_some);
                (answered && offered.get().nothing()).then(|| match options.get() {
                    Some(Err(error)) => error,
                    _ => AppError::NoSignInMethod,
                })
            })
    });
    let busy = Signal::derive(move || state.get().is_loading());

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
    // Only when the form comes or goes: redrawing it would lose the focus and the typing.
    let show_password = Memo::new(move |_| offered.with(|o| o.password));
    let password_fields = move || {
        show_password.get().then(|| view! {
            <TextField id="lt-login-username" label=t("login-username") hint=t("login-username-hint")
                value=username autocomplete="username" />
            <TextField id="lt-login-password" label=t("login-password") value=password
                autocomplete="current-password" input_type="password" />
            <button class="lt-button lt-button--primary" type="submit" disabled=move || busy.get()>
                {move || if busy.get() && progress.get().is_none() { t("login-in-progress") } else { t("login-submit") }}
            </button>
        })
    };
    view! {
        <main class="lt-login">
            {config.brand_logo.clone().map(|src| view! { <img class="lt-login__logo" src=src alt="" /> })}
            <h1 class="lt-login__title">{t_args("login-title", &[("brand", &config.brand_name)])}</h1>
            <form class="lt-login__form" on:submit=on_submit aria-busy=move || busy.get().to_string()>
                {server_field}
                {password_fields}
            </form>
            {move || {
                let offered = offered.get();
                offered.sso().then(|| view! {
                    <SsoButtons providers=offered.providers server_choice=offered.server_choice
                        after_password=offered.password disabled=busy
                        on_choose=Callback::new(go_to_provider) />
                })
            }}
            {move || progress.get().filter(|_| busy.get()).map(|id| view! {
                <p class="lt-login__progress" role="status">{t(id)}</p>
            })}
            <ErrorAlert error=error />
            <Show when=move || session_context.notice.get() == Some(AppError::LocalDataUnreadable)>
                <ResetLocalData />
            </Show>
            {config.help_url.clone().map(|href| view! {
                <p class="lt-login__help"><a class="lt-link" href=href rel="noopener noreferrer" target="_blank">{t("help-link")}</a></p>
            })}
        </main>
    }
}

/// How people sign in on the server the homeserver field names, asked again once the
/// field has settled (when it can be edited); `None` until the server answers.
fn sign_in_options(
    homeserver: RwSignal<String>,
    editable: bool,
    allow_insecure: bool,
) -> RwSignal<Option<Result<(Url, LoginFlows), AppError>>> {
    let options = RwSignal::new(None);
    let pending = StoredValue::new_local(None::<Timeout>);
    let ask = move |server: String| {
        spawn_local(async move {
            let answer = sso::sign_in_options(server.clone(), allow_insecure).await;
            // A later edit asks again: only the answer for what the field holds counts.
            // (`try_`: the page may be gone by now.)
            if homeserver.try_get_untracked() == Some(server) {
                options.try_set(Some(answer));
            }
        });
    };
    ask(homeserver.get_untracked());
    if editable {
        Effect::new(move |first: Option<()>| {
            let server = homeserver.get();
            if first.is_some() {
                options.set(None);
                // Not on every key press: once typing pauses.
                pending.set_value(Some(Timeout::new(600, move || ask(server))));
            }
        });
    }
    options
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
