//! The router, the top-level contexts, and the gates in front of the pages.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::ErrorAlert;
use crate::config::Config;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{HomePage, LoginPage, NoRoomSelected, RoomPage};
use crate::state::{Phase, SessionContext};

#[component]
pub fn App() -> impl IntoView {
    let config = RwSignal::new(None::<Result<Config, AppError>>);
    spawn_local(async move { config.set(Some(Config::load().await)) });
    let session = SessionContext::provide();

    let page = move || match config.get() {
        None => Loading().into_any(),
        Some(Err(error)) => {
            let error = Signal::stored(Some(error));
            view! { <main class="lt-fatal"><ErrorAlert error /></main> }.into_any()
        }
        Some(Ok(config)) => {
            provide_context(config);
            view! {
                <Router>
                    <Routes fallback=|| view! { <Redirect path="/" /> }>
                        <ParentRoute path=path!("/") view=move || match session.phase.get() {
                            Phase::Restoring => Loading().into_any(),
                            Phase::SignedOut => view! { <Redirect path="/login" /> }.into_any(),
                            Phase::SignedIn(info) => view! { <HomePage info /> }.into_any(),
                        }>
                            <Route path=path!("") view=NoRoomSelected />
                            <Route path=path!("room/:id") view=RoomPage />
                        </ParentRoute>
                        <Route path=path!("/login") view=move || match session.phase.get() {
                            Phase::Restoring => Loading().into_any(),
                            Phase::SignedOut => view! { <LoginPage /> }.into_any(),
                            Phase::SignedIn(_) => view! { <Redirect path="/" /> }.into_any(),
                        } />
                    </Routes>
                </Router>
            }
            .into_any()
        }
    };
    view! { {page} }
}

#[component]
fn Loading() -> impl IntoView {
    view! { <main class="lt-loading" aria-busy="true"><p role="status">{t("loading")}</p></main> }
}
