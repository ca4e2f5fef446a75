//! One room: header, member list, the conversation (`conversation.rs`) and a thread
//! beside it. Each room has its own URL, `/room/<encoded room ID>`.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::conversation::Conversation;
use crate::components::{ErrorAlert, IdentityWarnings, MemberList, PeopleDialog, RoomHeaderView};
use crate::error::AppError;
use crate::i18n::{t, t_args};
use crate::load_state::LoadState;
use crate::matrix::models::{MemberSummary, VerificationPhase};
use crate::matrix::permalinks::RoomLink;
use crate::state::conversations::{self, room_id_from_segment};
use crate::state::room_list::use_room_list;
use crate::state::security::{use_identity_warnings, use_security};
use crate::state::timeline::use_timeline;
use crate::state::use_session;

#[component]
pub fn RoomPage() -> impl IntoView {
    let params = use_params_map();
    let room_id = Memo::new(move |_| {
        params.with(|p| {
            p.get("id")
                .map(|id| room_id_from_segment(&id))
                .unwrap_or_default()
        })
    });
    // Servers to ask for a room we are not in, from the permalink that led here.
    let query = use_query_map();
    let via = move || {
        let mut via = query.with_untracked(|q| q.get_all("via").unwrap_or_default());
        // The spec's routing names three; a link can name any number.
        via.truncate(3);
        via
    };
    // Asked of the client (the list lags behind it), again whenever the list changes;
    // flips only when the room comes or goes, so the room is not redrawn for the
    // list's other changes.
    let list = use_room_list();
    let session = use_session();
    let outside = Memo::new(move |_| {
        list.rooms.track();
        let room = room_id.get();
        session
            .active()
            .is_some_and(|active| !crate::matrix::rooms::is_member(&active, &room))
    });
    // A new owner per room: leaving one cancels its tasks and moves its read marker.
    move || {
        let room = room_id.get();
        if room.starts_with('#') {
            view! { <AliasRedirect alias=room /> }.into_any()
        } else if outside.get() {
            view! { <JoinPrompt link=RoomLink { room, via: via() } /> }.into_any()
        } else {
            view! { <RoomView room_id=room /> }.into_any()
        }
    }
}

/// A room we are not in (a permalink someone shared): join it here, asking the
/// servers the link names if ours does not know it.
#[component]
fn JoinPrompt(link: RoomLink) -> impl IntoView {
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    // The room list then gains the room, and the room itself shows.
    let address = link.room.clone();
    let join = move |_| conversations::join_link(link.clone(), busy, error);
    view! {
        <section class="lt-room lt-room--outside" aria-labelledby="lt-outside-title">
            <h2 id="lt-outside-title">{t("room-outside-title")}</h2>
            <p class="lt-room__address" translate="no">{address}</p>
            <p>{t("room-outside-explain")}</p>
            <button class="lt-button lt-button--primary" type="button" on:click=join disabled=busy>
                {t("room-outside-join")}
            </button>
            <ErrorAlert error />
        </section>
    }
}

/// A permalink by alias: find the room and continue at its own URL.
#[component]
fn AliasRedirect(alias: String) -> impl IntoView {
    let error = RwSignal::new(None::<AppError>);
    let navigate = use_navigate();
    if let Some(active) = use_session().active() {
        leptos::task::spawn_local(async move {
            match crate::matrix::rooms::resolve_alias(&active, &alias).await {
                Ok(link) => navigate(
                    &conversations::room_link_href(&link),
                    leptos_router::NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                ),
                Err(e) => error.set(Some(e)),
            }
        });
    }
    view! { <section class="lt-room"><ErrorAlert error /></section> }
}

#[component]
fn RoomView(room_id: String) -> impl IntoView {
    let Some(active) = use_session().active() else {
        return ().into_any();
    };
    let own_user_id = StoredValue::new(active.info().user_id.clone());
    let warnings = use_identity_warnings(active.clone(), room_id.clone());
    let verification = use_security().verification;
    let on_verify = Callback::new(move |user_id: String| verification.start_with_user(user_id));
    let on_acknowledge = Callback::new(move |warning| warnings.acknowledge(warning));
    let timeline = use_timeline(active.clone(), room_id.clone(), None);
    let room_id = StoredValue::new(room_id);
    let show_members = RwSignal::new(false);
    let members = RwSignal::new(None);
    // Loaded when shown, and again when a verification ends: who is verified changed.
    let verification_phase = verification.phase();
    let verification_done =
        Memo::new(move |_| verification_phase.with(|p| p == &Some(VerificationPhase::Done)));
    Effect::new(move |_| {
        verification_done.track();
        if show_members.get() && timeline.load.with(|l| *l == LoadState::Ready) {
            timeline.load_members(members);
        }
    });
    let room_name = Signal::derive(move || timeline.header.with(|h| h.name.clone()));
    let load_error = Signal::derive(move || timeline.load.with(|l| l.error().cloned()));
    let thread = RwSignal::new(None::<String>);
    let room_members = Signal::derive(move || {
        members.with(|m| {
            m.as_ref()
                .and_then(|r| r.as_ref().ok())
                .cloned()
                .unwrap_or_default()
        })
    });
    let load_members = Callback::new(move |()| timeline.load_members(members));

    view! {
        <section class="lt-room" aria-label=move || room_name.get()>
            <ErrorAlert error=load_error />
            // The header shows at once; the conversation once the timeline is open.
            <Show when=move || load_error.with(Option::is_none)>
                <RoomHeaderView header=timeline.header show_members>
                    <RoomActions room_id />
                </RoomHeaderView>
                <IdentityWarnings warnings=warnings.list() on_acknowledge on_verify />
                <ErrorAlert error=warnings.error />
                <Show when=move || timeline.load.get().is_loading()>
                    <p role="status">{t("loading")}</p>
                </Show>
                <div class="lt-room__body">
                    <Show when=move || timeline.load.with(|l| *l == LoadState::Ready)>
                        <Conversation timeline room_id room_name composer_id="lt-composer" members=room_members load_members thread />
                    </Show>
                    {move || thread.get().map(|root| view! {
                        <ThreadPanel root room_id room_name members=room_members load_members thread />
                    })}
                    <Show when=move || show_members.get()>
                        <MemberList members own_user_id=own_user_id.get_value() on_verify />
                    </Show>
                </div>
            </Show>
        </section>
    }
    .into_any()
}

#[component]
fn RoomActions(room_id: StoredValue<String>) -> impl IntoView {
    let invite_open = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let leave_busy = RwSignal::new(false);
    let leave_error = RwSignal::new(None::<AppError>);
    let navigate = use_navigate();
    let on_invite = Callback::new(move |user_id: String| {
        conversations::invite(room_id.get_value(), user_id, busy, error, move |()| {
            invite_open.set(false)
        });
    });
    let leave = move |_| {
        let navigate = navigate.clone();
        conversations::leave(room_id.get_value(), leave_busy, leave_error, move |()| {
            navigate("/", Default::default())
        });
    };
    let prefix = expect_context::<crate::config::Config>().permalink_prefix;
    let copy_result = RwSignal::new(None::<String>);
    let session = use_session();
    let copy = move |_| {
        let Some(active) = session.active() else {
            return;
        };
        let prefix = prefix.clone();
        copy_result.set(None);
        leptos::task::spawn_local(async move {
            let Some(permalink) =
                conversations::share_link(&active, &room_id.get_value(), None, &prefix).await
            else {
                return;
            };
            let id = if crate::web::copy_to_clipboard(&permalink).await {
                "room-link-copied"
            } else {
                "room-link-not-copied"
            };
            copy_result.try_set(Some(t_args(id, &[("link", &permalink)])));
        });
    };
    view! {
        <button class="lt-button lt-button--quiet" type="button" on:click=copy>{t("room-copy-link")}</button>
        <span class="lt-room__copy-result" role="status">{copy_result}</span>
        <button class="lt-button lt-button--quiet" type="button" on:click=move |_| invite_open.set(true)>{t("room-invite")}</button>
        <button class="lt-button lt-button--quiet" type="button" disabled=leave_busy on:click=leave>{t("room-leave")}</button>
        <ErrorAlert error=leave_error />
        <PeopleDialog open=invite_open field_id="lt-invite-query" title=t("invite-title") action_label=t("invite-pick")
            pick_message="invite-who" busy error on_pick=on_invite />
    }
}

/// One thread beside the room: its messages and its own composer.
#[component]
fn ThreadPanel(
    root: String,
    room_id: StoredValue<String>,
    room_name: Signal<String>,
    members: Signal<Vec<MemberSummary>>,
    load_members: Callback<()>,
    thread: RwSignal<Option<String>>,
) -> impl IntoView {
    let Some(active) = use_session().active() else {
        return ().into_any();
    };
    let timeline = use_timeline(active, room_id.get_value(), Some(root));
    let load_error = Signal::derive(move || timeline.load.with(|l| l.error().cloned()));
    view! {
        <aside class="lt-thread" aria-label=t("thread-label")>
            <div class="lt-thread__header">
                <h3 class="lt-thread__title">{t("thread-label")}</h3>
                <button class="lt-button lt-button--quiet" type="button" on:click=move |_| thread.set(None)>
                    {t("thread-close")}
                </button>
            </div>
            <ErrorAlert error=load_error />
            <Show when=move || timeline.load.with(|l| *l == LoadState::Ready)>
                <Conversation timeline room_id room_name composer_id="lt-thread-composer" members load_members thread in_thread=true />
            </Show>
        </aside>
    }
    .into_any()
}
