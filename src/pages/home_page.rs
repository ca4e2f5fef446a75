use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{ErrorAlert, SyncStatusBadge};
use crate::error::AppError;
use crate::i18n::{t, t_args};
use crate::load_state::LoadState;
use crate::matrix::models::SessionInfo;
use crate::state::use_session;

#[component]
pub fn HomePage(info: SessionInfo) -> impl IntoView {
    let session_context = use_session();
    let logout_state = RwSignal::new(LoadState::Idle);

    let sign_out = move |local_only: bool| {
        let Some(active) = session_context.active() else {
            return;
        };
        logout_state.set(LoadState::Loading);
        spawn_local(async move {
            let result = if local_only {
                active.logout_local().await
            } else {
                active.logout().await
            };
            match result {
                Ok(()) => {
                    session_context.signed_out();
                    // The SDK holds its IndexedDB connections until the page goes away,
                    // and the databases can only be deleted after that: a full load of
                    // the login page lets the deletions finish, and its start-up sweep
                    // removes whatever is left.
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().replace("/login");
                    }
                }
                Err(error) => logout_state.set(LoadState::Failed(error)),
            }
        });
    };

    let unreachable = move || matches!(logout_state.get().error(), Some(AppError::Unreachable(_)));
    let other_error = Signal::derive(move || {
        logout_state
            .get()
            .error()
            .filter(|e| !matches!(e, AppError::Unreachable(_)))
            .cloned()
    });

    view! {
        <main class="lt-home">
            <header class="lt-home__header">
                <h1 class="lt-home__title">{t("app-name")}</h1>
                <SyncStatusBadge status=session_context.sync_status />
            </header>
            <p class="lt-home__who">{t_args("home-signed-in-as", &[("user", &info.user_id)])}</p>
            <p class="lt-home__device">{t_args("home-device", &[("device", &info.device_id)])}</p>
            <button class="lt-button" type="button" on:click=move |_| sign_out(false)
                disabled=move || logout_state.get().is_loading()>
                {move || if logout_state.get().is_loading() { t("logout-in-progress") } else { t("logout") }}
            </button>
            <Show when=unreachable>
                <div class="lt-home__logout-offline" role="alert">
                    <p>{t("logout-unreachable")}</p>
                    <button class="lt-button lt-button--danger" type="button"
                        on:click=move |_| sign_out(true)>
                        {t("logout-local-only")}
                    </button>
                </div>
            </Show>
            <ErrorAlert error=other_error />
        </main>
    }
}
