//! One room: header, member list, the timeline with back-pagination and read receipts,
//! and the composer. Each room has its own URL, `/room/<encoded room ID>`.

use std::collections::HashSet;

use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::{
    Composer, ErrorAlert, IdentityWarnings, MemberList, PeopleDialog, RoomHeaderView, RowActions,
    TimelineRowView,
};
use crate::error::AppError;
use crate::i18n::{t, t_args, t_count, t_count_args};
use crate::load_state::LoadState;
use crate::matrix::models::{RowContent, RowKind, TimelineRow, VerificationPhase};
use crate::state::conversations::{self, room_id_from_segment};
use crate::state::security::{use_identity_warnings, use_security};
use crate::state::timeline::{TimelineState, use_timeline};
use crate::state::use_session;

/// Events by one sender closer together than this are grouped under one name.
const GROUP_WINDOW_MS: u64 = 5 * 60 * 1000;
/// Older events are loaded when the view is this close to the top, in pixels.
const PAGINATE_MARGIN: i32 = 600;

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
    // A new owner per room: leaving one cancels its tasks and moves its read marker.
    move || {
        let room = room_id.get();
        if room.starts_with('#') {
            view! { <AliasRedirect alias=room /> }.into_any()
        } else {
            view! { <RoomView room_id=room /> }.into_any()
        }
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
                Ok(room_id) => navigate(
                    &conversations::room_href(&room_id),
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
    let timeline = use_timeline(active, room_id.clone());
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
    let on_send = Callback::new(move |(text, restore): (String, WriteSignal<String>)| {
        timeline.send(text, move |text| restore.set(text));
    });

    view! {
        <section class="lt-room" aria-label=move || room_name.get()>
            <ErrorAlert error=load_error />
            <Show when=move || timeline.load.with(|l| *l == LoadState::Ready)
                fallback=move || view! { <Show when=move || timeline.load.get().is_loading()><p role="status">{t("loading")}</p></Show> }>
                <RoomHeaderView header=timeline.header show_members>
                    <RoomActions room_id />
                </RoomHeaderView>
                <IdentityWarnings warnings=warnings.list() on_acknowledge on_verify />
                <ErrorAlert error=warnings.error />
                <div class="lt-room__body">
                    <Timeline timeline />
                    <Show when=move || show_members.get()>
                        <MemberList members own_user_id=own_user_id.get_value() on_verify />
                    </Show>
                </div>
                <ErrorAlert error=timeline.action_error />
                <Composer room_name on_send />
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
    let permalink = expect_context::<crate::config::Config>().room_permalink(&room_id.get_value());
    let copy_result = RwSignal::new(None::<String>);
    let copy = move |_| {
        let permalink = permalink.clone();
        copy_result.set(None);
        leptos::task::spawn_local(async move {
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

/// The timeline: newest at the bottom, kept there while new messages arrive; scrolling
/// up loads older ones. `column-reverse` on the scroller makes the browser anchor it to
/// the bottom, while the rows stay in reading order for screen readers.
#[component]
fn Timeline(timeline: TimelineState) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let actions = RowActions {
        retry: Callback::new(move |key| timeline.retry(key)),
        cancel: Callback::new(move |key| timeline.cancel(key)),
    };
    // Near the top, or not yet filling the view: load older events. Also called from
    // an animation frame and scroll events, which can come after the view is gone.
    let maybe_paginate = move || {
        if let Some(element) = scroller.try_get_untracked().flatten() {
            let hidden_above =
                element.scroll_height() - element.client_height() + element.scroll_top();
            if hidden_above < PAGINATE_MARGIN {
                timeline.paginate();
            }
        }
    };
    Effect::new(move |_| {
        timeline.rows.track();
        timeline.paginating.track();
        request_animation_frame(maybe_paginate);
    });
    use_read_receipts(timeline, scroller);

    let entries = move || {
        timeline.rows.with(|rows| {
            let mut previous: Option<&TimelineRow> = None;
            rows.iter()
                .map(|row| {
                    let grouped = previous.is_some_and(|prev| continues(prev, row));
                    previous = Some(row);
                    (row.clone(), grouped)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="lt-timeline" node_ref=scroller on:scroll=move |_| maybe_paginate()>
            <div class="lt-timeline__content">
                <Show when=move || timeline.paginating.get()>
                    <p class="lt-timeline__loading" role="status">{t("timeline-loading")}</p>
                </Show>
                // The log itself stays silent: it also grows with history and our own
                // sends. Live arrivals are announced by `LiveAnnouncer` instead.
                <div role="log" aria-live="off" aria-label=t("timeline-label") tabindex="0">
                    <ol class="lt-timeline__rows">
                        <For each=entries key=|entry| entry.clone() let:entry>
                            <TimelineRowView row=entry.0 grouped=entry.1 actions />
                        </For>
                    </ol>
                </div>
            </div>
            <LiveAnnouncer timeline />
        </div>
    }
}

/// How long arrivals are gathered before one announcement.
const ANNOUNCE_BATCH: std::time::Duration = std::time::Duration::from_millis(1200);

/// Announces messages from others arriving at the bottom, politely and in batches.
/// Rows added above (history) and our own sends are never announced.
#[component]
fn LiveAnnouncer(timeline: TimelineState) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    // Rows that are history or already announced. A message that arrives unreadable
    // and is decrypted later is announced then.
    let known = StoredValue::new(None::<HashSet<String>>);
    let pending = StoredValue::new(Vec::<(String, String)>::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(timer) = timer.try_get_value().flatten() {
            timer.clear();
        }
    });
    let flush = move || {
        timer.try_set_value(None);
        if let Some(arrived) = pending.try_update_value(std::mem::take) {
            announcement.try_set(announce(&arrived));
        }
    };
    Effect::new(move |_| {
        let arrived = timeline.rows.with(|rows| {
            let mut known_keys = known.write_value();
            let Some(known_keys) = known_keys.as_mut() else {
                // The rows the room opened with are history.
                *known_keys = Some(rows.iter().map(|r| r.key.clone()).collect());
                return Vec::new();
            };
            // Everything above the first known row was loaded from history.
            let first_known = rows.iter().position(|r| known_keys.contains(&r.key));
            let below = first_known.unwrap_or(rows.len());
            known_keys.extend(rows.iter().take(below).map(|r| r.key.clone()));
            let mut arrived = Vec::new();
            for row in rows.iter().skip(below) {
                if known_keys.contains(&row.key) {
                    continue;
                }
                if let Some(message) = arrival(row) {
                    arrived.push(message);
                    known_keys.insert(row.key.clone());
                } else if matches!(&row.kind, RowKind::Event(event) if event.is_own) {
                    known_keys.insert(row.key.clone());
                }
            }
            arrived
        });
        if arrived.is_empty() {
            return;
        }
        pending.update_value(|p| p.extend(arrived));
        if timer.with_value(Option::is_none) {
            // Emptied first, so that the same words twice are still announced twice.
            announcement.set(String::new());
            timer.set_value(set_timeout_with_handle(flush, ANNOUNCE_BATCH).ok());
        }
    });
    view! { <div class="lt-visually-hidden" role="status" aria-live="polite" aria-atomic="true">{announcement}</div> }
}

/// A message from someone else, as (sender, text), worth announcing.
fn arrival(row: &TimelineRow) -> Option<(String, String)> {
    let RowKind::Event(event) = &row.kind else {
        return None;
    };
    let RowContent::Message(message) = &event.content else {
        return None;
    };
    (!event.is_own).then(|| (event.sender_name.clone(), message.body.clone()))
}

/// One sentence for a batch: the message itself when alone, else a count.
fn announce(arrived: &[(String, String)]) -> String {
    match arrived {
        [] => String::new(),
        [(sender, body)] => t_args("live-message", &[("sender", sender), ("body", body)]),
        [(sender, _), rest @ ..] if rest.iter().all(|(s, _)| s == sender) => t_count_args(
            "live-messages-from",
            arrived.len() as u64,
            &[("sender", sender)],
        ),
        _ => t_count("live-messages", arrived.len() as u64),
    }
}

/// Whether `row` is a message that continues `previous`'s group.
fn continues(previous: &TimelineRow, row: &TimelineRow) -> bool {
    let (RowKind::Event(previous), RowKind::Event(row)) = (&previous.kind, &row.kind) else {
        return false;
    };
    let message = |content: &RowContent| !matches!(content, RowContent::State(_));
    previous.sender_id == row.sender_id
        && message(&previous.content)
        && message(&row.content)
        && row.timestamp.saturating_sub(previous.timestamp) < GROUP_WINDOW_MS
}

/// Sends `m.read` once the newest event has stayed in view for a second in a visible,
/// focused tab. Checked every second: a receipt goes out on the second tick that finds
/// the same newest event in view. Receipts point at the newest event from someone
/// else: the spec has them skip our own.
fn use_read_receipts(timeline: TimelineState, scroller: NodeRef<Div>) {
    let candidate = StoredValue::new(None::<String>);
    let sent_for = StoredValue::new(None::<String>);
    let tick = move || {
        let newest = timeline.rows.with_untracked(|rows| {
            rows.iter().rev().find_map(|row| match &row.kind {
                RowKind::Event(event) if !event.is_own => event.event_id.clone(),
                _ => None,
            })
        });
        let in_view = scroller
            .try_get_untracked()
            .flatten()
            .is_some_and(|e| e.scroll_top() > -8);
        let attentive = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| {
                d.visibility_state() == web_sys::VisibilityState::Visible
                    && d.has_focus().unwrap_or(false)
            });
        if newest.is_none() || !in_view || !attentive {
            candidate.set_value(None);
            return;
        }
        if sent_for.get_value() == newest {
            return;
        }
        if candidate.get_value() == newest
            && let Some(event_id) = newest.clone()
        {
            sent_for.set_value(newest);
            timeline.mark_read(event_id);
        } else {
            candidate.set_value(newest);
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::models::{EventRow, MessageKind, MessageRow, SendState, Summary};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn row(sender: &str, timestamp: u64, state: bool) -> TimelineRow {
        let content = if state {
            RowContent::State(Summary {
                message_id: "state-joined",
                args: vec![],
            })
        } else {
            RowContent::Message(MessageRow {
                body: "hi".into(),
                kind: MessageKind::Text,
                edited: false,
                reactions: vec![],
                reply_to: None,
                thread_replies: None,
            })
        };
        TimelineRow {
            key: format!("{sender}-{timestamp}"),
            kind: RowKind::Event(Box::new(EventRow {
                event_id: None,
                sender_id: sender.into(),
                sender_name: sender.into(),
                sender_avatar: None,
                timestamp,
                is_own: false,
                content,
                send_state: SendState::Remote,
            })),
        }
    }

    #[wasm_bindgen_test]
    fn messages_group_by_sender_within_five_minutes() {
        assert!(continues(&row("@a", 0, false), &row("@a", 60_000, false)));
        assert!(!continues(&row("@a", 0, false), &row("@b", 60_000, false)));
        assert!(!continues(
            &row("@a", 0, false),
            &row("@a", GROUP_WINDOW_MS, false)
        ));
        assert!(!continues(&row("@a", 0, true), &row("@a", 1, false)));
        let divider = TimelineRow {
            key: "d".into(),
            kind: RowKind::DayDivider(0),
        };
        assert!(!continues(&divider, &row("@a", 1, false)));
    }
}
