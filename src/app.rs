//! The router, the top-level contexts, and the gates in front of the pages: the
//! administrator's config, browser storage, and the one-tab lock.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::config::Config;
use crate::error::AppError;
use crate::i18n::{self, t};
use crate::pages::{
    ConfigErrorPage, HomePage, LoginPage, NoRoomSelected, OtherTabPage, RoomPage, SecurityPage,
    SessionEndedPage, SettingsPage, StartingShell, StorageUnavailablePage,
};
use crate::state::tab::{TabGate, TabState};
use crate::state::{Phase, SessionContext};
use crate::storage::vault;

/// What start-up found before any page can show.
#[derive(Clone)]
enum Startup {
    Loading,
    BadConfig(AppError),
    NoStorage(AppError),
    Ready(Config),
}

#[component]
pub fn App() -> impl IntoView {
    let startup = RwSignal::new(Startup::Loading);
    spawn_local(async move {
        let config = Config::load().await;
        crate::perf::mark("lattice:config-loaded");
        let offered = config
            .as_ref()
            .map(|c| c.languages.clone())
            .unwrap_or_default();
        i18n::activate(&i18n::choose(&offered));
        startup.set(match config {
            Err(error) => Startup::BadConfig(error),
            Ok(config) => match vault::check_available().await.inspect(|()| {
                crate::perf::mark("lattice:storage-checked");
            }) {
                Err(error) => Startup::NoStorage(error),
                Ok(()) => Startup::Ready(config),
            },
        });
    });

    move || match startup.get() {
        Startup::Loading => Loading().into_any(),
        Startup::BadConfig(error) => view! { <ConfigErrorPage error /> }.into_any(),
        Startup::NoStorage(error) => view! { <StorageUnavailablePage error /> }.into_any(),
        Startup::Ready(config) => {
            set_document_title(&config.brand_name);
            provide_context(config);
            let session = SessionContext::provide();
            let gate = TabGate::provide(session);
            view! { <ActiveTab session gate /> }.into_any()
        }
    }
}

/// The app itself while this tab runs the session; otherwise the one-tab notice.
#[component]
fn ActiveTab(session: SessionContext, gate: TabGate) -> impl IntoView {
    move || match gate.state.get() {
        TabState::Checking | TabState::Taking => Loading().into_any(),
        TabState::Active => app_routes(session).into_any(),
        state => view! { <OtherTabPage state on_use_here=move || gate.use_here() /> }.into_any(),
    }
}

fn app_routes(session: SessionContext) -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <Redirect path="/" /> }>
                <ParentRoute path=path!("/") view=move || match session.phase.get() {
                    Phase::Restoring => match session.first_screen.get() {
                        Some(rooms) => view! { <StartingShell rooms /> }.into_any(),
                        None => Loading().into_any(),
                    },
                    Phase::SignedOut => view! { <Redirect path="/login" /> }.into_any(),
                    Phase::SignedIn(info) => view! { <HomePage info /> }.into_any(),
                    Phase::Ended { keys_at_risk, soft_logout } => view! { <SessionEndedPage keys_at_risk soft_logout /> }.into_any(),
                }>
                    <Route path=path!("") view=NoRoomSelected />
                    <Route path=path!("room/:id") view=RoomPage />
                    <Route path=path!("settings") view=SettingsPage />
                    <Route path=path!("security") view=SecurityPage />
                </ParentRoute>
                <Route path=path!("/login") view=move || match session.phase.get() {
                    Phase::Restoring => Loading().into_any(),
                    Phase::SignedOut => view! { <LoginPage /> }.into_any(),
                    Phase::SignedIn(_) => view! { <Redirect path="/" /> }.into_any(),
                    Phase::Ended { keys_at_risk, soft_logout } => view! { <SessionEndedPage keys_at_risk soft_logout /> }.into_any(),
                } />
            </Routes>
        </Router>
    }
}

/// The tab's title: the brand (the shell adds the unread count).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

#[component]
fn Loading() -> impl IntoView {
    view! { <main class="lt-loading" aria-busy="true"><p role="status">{t("loading")}</p></main> }
}
