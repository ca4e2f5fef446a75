//! The signed-in shell: the sidebar with the room list and conversation actions, and
//! the selected room (or a placeholder) beside it.

use imbl::Vector;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Outlet, Redirect};
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::{
    ConnectionBanner, ErrorAlert, JoinRoomDialog, NewRoomDialog, PeopleDialog, RoomList,
    SecurityBanner, SyncStatusBadge, VerificationDialog,
};
use crate::config::Config;
use crate::error::AppError;
use crate::i18n::{format_size, t, t_args, t_count_args};
use crate::load_state::LoadState;
use crate::matrix::models::{RoomSummary, SessionInfo};
use crate::pages::SecurityPage;
use crate::state::avatars::provide_avatars;
use crate::state::conversations::{self, room_id_from_segment};
use crate::state::room_list::{RoomFilter, provide_room_list, visible_rooms};
use crate::state::security::provide_security;
use crate::state::session::SIGNED_OUT_LOGIN;
use crate::state::use_session;
use crate::storage::{persistence, vault};

#[component]
pub fn HomePage(info: SessionInfo) -> impl IntoView {
    let session = use_session();
    let Some(active) = session.active() else {
        return view! { <Redirect path="/login" /> }.into_any();
    };
    let config = expect_context::<Config>();
    let brand = config.brand_name.clone();
    let security = provide_security(active.clone());
    // The administrator's policy: no rooms until this device can keep its keys.
    let rooms_blocked = security.rooms_blocked(config.require_secure_backup);
    provide_avatars(active.clone());
    let room_list = provide_room_list(active);
    let filter = RwSignal::new(RoomFilter::All);
    let query = RwSignal::new(String::new());
    let visible = Memo::new(move |_| {
        let totals = room_list.totals.get();
        room_list
            .rooms
            .with(|rooms| visible_rooms(rooms, totals, filter.get(), &query.get()))
    });
    let title_brand = brand.clone();
    Effect::new(move |_| {
        let unread = room_list.totals.with(|totals| totals.unread);
        let title = if unread > 0 {
            t_count_args("title-unread", unread, &[("brand", &title_brand)])
        } else {
            title_brand.clone()
        };
        crate::app::set_document_title(&title);
    });
    // Eviction would lose the encryption keys: ask the browser to keep our data.
    let not_persistent = RwSignal::new(false);
    spawn_local(async move { not_persistent.set(!persistence::request().await) });
    let storage_warning = storage_warning_signal();
    let location = use_location();
    let selected = Signal::derive(move || {
        location
            .pathname
            .with(|path| path.strip_prefix("/room/").map(room_id_from_segment))
    });

    view! {
        <div class="lt-shell">
            <nav class="lt-sidebar" aria-label=t("sidebar-label")>
                <header class="lt-sidebar__header">
                    <h1 class="lt-sidebar__title">{brand}</h1>
                    <SyncStatusBadge status=session.sync_status />
                </header>
                <ConversationActions />
                <RoomFilters filter query />
                <ErrorAlert error=room_list.error />
                <Show when=move || room_list.loaded.get()
                    fallback=|| view! { <p class="lt-room-list__empty" role="status">{t("rooms-loading")}</p> }>
                    <RoomList rooms=visible selected />
                </Show>
                {move || storage_warning.get().map(|warning| view! {
                    <p class="lt-alert lt-alert--warning" role="alert">
                        {match warning {
                            StorageWarning::Full => AppError::StorageFull.user_message(),
                            StorageWarning::NearlyFull(usage) => t_args("storage-nearly-full", &[
                                ("used", &format_size(usage.used as u64)),
                                ("quota", &format_size(usage.quota as u64)),
                            ]),
                        }}
                    </p>
                })}
                <Show when=move || not_persistent.get()>
                    <p class="lt-alert lt-alert--warning" role="status">{t("storage-not-persistent")}</p>
                </Show>
                <AccountPanel info=info.clone() />
            </nav>
            <main class="lt-main">
                <ConnectionBanner />
                <SecurityBanner prompt=security.prompt() />
                <Show when=move || !rooms_blocked.get() fallback=|| view! { <SecurityPage /> }>
                    <Outlet />
                </Show>
            </main>
            <VerificationDialog verification=security.verification />
        </div>
    }
    .into_any()
}

/// The shell drawn from the kept first screen while the session is being restored:
/// the person's rooms show at once; the live list replaces them when the session runs.
#[component]
pub fn StartingShell(rooms: Vector<RoomSummary>) -> impl IntoView {
    let brand = expect_context::<Config>().brand_name;
    let rooms = Memo::new(move |_| rooms.clone());
    crate::perf::mark_once("lattice:first-screen-drawn");
    view! {
        <div class="lt-shell">
            <nav class="lt-sidebar" aria-label=t("sidebar-label") aria-busy="true">
                <header class="lt-sidebar__header">
                    <h1 class="lt-sidebar__title">{brand}</h1>
                </header>
                <RoomList rooms selected=Signal::derive(|| None::<String>) />
            </nav>
            <main class="lt-main lt-loading" aria-busy="true"><p role="status">{t("loading")}</p></main>
        </div>
    }
}

/// Shown beside the room list when no room is open.
#[component]
pub fn NoRoomSelected() -> impl IntoView {
    view! { <div class="lt-main__empty"><p>{t("room-none-selected")}</p></div> }
}

#[component]
fn RoomFilters(filter: RwSignal<RoomFilter>, query: RwSignal<String>) -> impl IntoView {
    let button = move |value: RoomFilter, label: String| {
        view! {
            <button class="lt-filter" type="button" aria-pressed=move || (filter.get() == value).to_string()
                on:click=move |_| filter.set(value)>{label}</button>
        }
    };
    view! {
        <div class="lt-filters" role="group" aria-label=t("filters-label")>
            {button(RoomFilter::All, t("filter-all"))}
            {button(RoomFilter::Unread, t("filter-unread"))}
            {button(RoomFilter::People, t("filter-people"))}
            {button(RoomFilter::Rooms, t("filter-rooms"))}
        </div>
        <div class="lt-search">
            <label class="lt-visually-hidden" for="lt-room-search">{t("rooms-search")}</label>
            <input id="lt-room-search" class="lt-field__input" type="search" placeholder=t("rooms-search")
                prop:value=query on:input=move |event| query.set(event_target_value(&event)) />
        </div>
    }
}

#[component]
fn ConversationActions() -> impl IntoView {
    let new_room = RwSignal::new(false);
    let join = RwSignal::new(false);
    let dm = RwSignal::new(false);
    let dm_busy = RwSignal::new(false);
    let dm_error = RwSignal::new(None);
    let navigate = use_navigate();
    let can_create_rooms = !expect_context::<Config>().disable_room_creation;
    let start_dm = Callback::new(move |user_id: String| {
        let navigate = navigate.clone();
        conversations::start_dm(user_id, dm_busy, dm_error, move |room_id| {
            dm.set(false);
            navigate(&conversations::room_href(&room_id), Default::default());
        });
    });
    view! {
        <div class="lt-sidebar__actions">
            <button class="lt-button lt-button--small" type="button" on:click=move |_| dm.set(true)>{t("action-start-chat")}</button>
            <Show when=move || can_create_rooms>
                <button class="lt-button lt-button--small" type="button" on:click=move |_| new_room.set(true)>{t("action-new-room")}</button>
            </Show>
            <button class="lt-button lt-button--small" type="button" on:click=move |_| join.set(true)>{t("action-join-room")}</button>
        </div>
        <PeopleDialog open=dm field_id="lt-start-chat-query" title=t("start-chat-title") action_label=t("start-chat-pick")
            pick_message="start-chat-with" busy=dm_busy error=dm_error on_pick=start_dm />
        <NewRoomDialog open=new_room />
        <JoinRoomDialog open=join />
    }
}

/// What is wrong with this site's storage, if anything.
#[derive(Clone, Copy, Debug, PartialEq)]
enum StorageWarning {
    /// A write was refused: nothing new can be kept.
    Full,
    NearlyFull(persistence::Usage),
}

/// This site's storage, checked now and every few minutes while the app is open: a
/// tiny write that must succeed, then the browser's estimate against the quota.
fn storage_warning_signal() -> RwSignal<Option<StorageWarning>> {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(300);
    let warning = RwSignal::new(None);
    let (check, stop) = futures_util::future::abortable(async move {
        loop {
            let found = match vault::check_writable().await {
                Err(AppError::StorageFull) => Some(StorageWarning::Full),
                _ => persistence::usage()
                    .await
                    .filter(|u| u.nearly_full())
                    .map(StorageWarning::NearlyFull),
            };
            warning.set(found);
            gloo_timers::future::sleep(EVERY).await;
        }
    });
    spawn_local(async move {
        let _ = check.await;
    });
    on_cleanup(move || stop.abort());
    warning
}

/// Who is signed in, and signing out.
#[component]
fn AccountPanel(info: SessionInfo) -> impl IntoView {
    let session_context = use_session();
    let logout_state = RwSignal::new(LoadState::Idle);
    // Signing out would lose keys nothing else holds: say so first.
    let keys_at_risk = RwSignal::new(false);

    let sign_out = move |local_only: bool, despite_risk: bool| {
        let Some(active) = session_context.active() else {
            return;
        };
        logout_state.set(LoadState::Loading);
        spawn_local(async move {
            if !despite_risk && !local_only && active.keys_at_risk().await {
                keys_at_risk.set(true);
                logout_state.set(LoadState::Idle);
                return;
            }
            keys_at_risk.set(false);
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
                        let _ = window.location().replace(SIGNED_OUT_LOGIN);
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
        <footer class="lt-account">
            <p class="lt-account__who">{t_args("home-signed-in-as", &[("user", &info.user_id)])}</p>
            <p class="lt-account__device">{t_args("home-device", &[("device", &info.device_id)])}</p>
            <A href="/settings" attr:class="lt-link">{t("settings-open")}</A>
            <A href="/security" attr:class="lt-link">{t("security-open")}</A>
            <button class="lt-button lt-button--small" type="button" on:click=move |_| sign_out(false, false)
                disabled=move || logout_state.get().is_loading()>
                {move || if logout_state.get().is_loading() { t("logout-in-progress") } else { t("logout") }}
            </button>
            <Show when=move || keys_at_risk.get()>
                <div class="lt-account__offline" role="alert">
                    <p>{t("logout-keys-at-risk")}</p>
                    <A href="/security" attr:class="lt-button lt-button--small">{t("security-open")}</A>
                    <button class="lt-button lt-button--danger" type="button"
                        on:click=move |_| sign_out(false, true)>
                        {t("logout-anyway")}
                    </button>
                </div>
            </Show>
            <Show when=unreachable>
                <div class="lt-account__offline" role="alert">
                    <p>{t("logout-unreachable")}</p>
                    <button class="lt-button lt-button--danger" type="button"
                        on:click=move |_| sign_out(true, true)>
                        {t("logout-local-only")}
                    </button>
                </div>
            </Show>
            <ErrorAlert error=other_error />
        </footer>
    }
}
