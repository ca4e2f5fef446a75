//! A conversation: a timeline with back-pagination, read receipts and live
//! announcements, the composer, and the dialogs its messages open. The room and each
//! thread panel have one.

use std::collections::{HashMap, HashSet};

use leptos::html::Div;
use leptos::prelude::*;

use crate::components::{
    Composer, ComposerActions, ErrorAlert, Outgoing, RowActions, RowDialog, RowDialogs,
    TimelineRowView,
};
use crate::i18n::{t, t_args, t_count, t_count_args};
use crate::matrix::models::{MemberSummary, RowContent, RowKind, TimelineRow};
use crate::state::timeline::{ComposerMode, TimelineState};
use crate::state::timeline_entries::{Entry, entries_of};

/// Older events are loaded when the view is this close to the top, in pixels.
const PAGINATE_MARGIN: i32 = 600;

#[component]
pub fn Conversation(
    timeline: TimelineState,
    room_id: StoredValue<String>,
    room_name: Signal<String>,
    /// Prefix of the composer's element ids: unique per conversation on the page.
    composer_id: &'static str,
    members: Signal<Vec<MemberSummary>>,
    load_members: Callback<()>,
    /// The thread shown beside the room; rows open theirs here.
    thread: RwSignal<Option<String>>,
    /// This conversation is a thread (no threads start from its rows).
    #[prop(optional)]
    in_thread: bool,
) -> impl IntoView {
    let dialog = RwSignal::new(None::<RowDialog>);
    let composer = ComposerActions {
        send: Callback::new(move |out: Outgoing| {
            let restore = out.restore;
            timeline.submit(out.text, out.mentions, move |text| restore.set(text));
        }),
        file: Callback::new(move |file| timeline.send_file(file)),
        typing: Callback::new(move |typing| timeline.typing(typing)),
        edit_last: Callback::new(move |()| match timeline.last_editable() {
            Some((item, body)) => {
                timeline.mode.set(ComposerMode::Edit { item, body });
                true
            }
            None => false,
        }),
        load_members,
    };
    // Files dropped anywhere on the conversation are sent to it.
    let on_drop = move |event: leptos::ev::DragEvent| {
        let Some(files) = event.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        event.prevent_default();
        event.stop_propagation();
        for i in 0..files.length() {
            if let Some(file) = files.get(i) {
                timeline.send_file(file);
            }
        }
    };
    view! {
        <div class="lt-conversation" on:dragover=move |event| event.prevent_default() on:drop=on_drop>
            <Timeline timeline room_id dialog thread composer_id in_thread />
            <ErrorAlert error=timeline.action_error />
            <TypingNotice typing=timeline.typing />
            <Composer id=composer_id room_name mode=timeline.mode text=timeline.draft members actions=composer />
            <RowDialogs timeline current=dialog />
        </div>
    }
}

/// The timeline: newest at the bottom, kept there while new messages arrive; scrolling
/// up loads older ones. `column-reverse` on the scroller makes the browser anchor it to
/// the bottom, while the rows stay in reading order for screen readers.
#[component]
fn Timeline(
    timeline: TimelineState,
    room_id: StoredValue<String>,
    dialog: RwSignal<Option<RowDialog>>,
    thread: RwSignal<Option<String>>,
    composer_id: &'static str,
    in_thread: bool,
) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let config = expect_context::<crate::config::Config>();
    let session = crate::state::use_session();
    let actions = RowActions {
        retry: Callback::new(move |key| timeline.retry(key)),
        cancel: Callback::new(move |key| timeline.cancel(key)),
        reply: Callback::new(move |(event_id, sender, body)| {
            timeline.mode.set(ComposerMode::Reply {
                event_id,
                sender,
                body,
            });
            focus_composer(composer_id);
        }),
        edit: Callback::new(move |(item, body)| {
            timeline.mode.set(ComposerMode::Edit { item, body })
        }),
        react: Callback::new(move |(item, key)| timeline.toggle_reaction(item, key)),
        open: Callback::new(move |which| dialog.set(Some(which))),
        jump: Callback::new(move |event_id| timeline.jump_to(event_id)),
        // Opening the thread already shown would rebuild the panel and lose its draft.
        open_thread: Callback::new(move |root: String| {
            if thread.with_untracked(|t| t.as_ref() != Some(&root)) {
                thread.set(Some(root));
            }
        }),
        copy_link: Callback::new(move |event_id: String| {
            let Some(active) = session.active() else {
                return;
            };
            let prefix = config.permalink_prefix.clone();
            leptos::task::spawn_local(async move {
                let room_id = room_id.get_value();
                let link = crate::state::conversations::share_link(
                    &active,
                    &room_id,
                    Some(&event_id),
                    &prefix,
                );
                let Some(link) = link.await else {
                    return;
                };
                if !crate::web::copy_to_clipboard(&link).await {
                    tracing::info!("clipboard refused the link");
                }
            });
        }),
        can_redact_others: timeline.can_redact_others.into(),
        in_thread,
    };
    // A quote was followed: show the original in the middle of the view.
    Effect::new(move |_| {
        let Some(event_id) = timeline.highlight.get() else {
            return;
        };
        request_animation_frame(move || {
            if let Some(scroller) = scroller.try_get_untracked().flatten() {
                scroll_to_event(&scroller, &event_id);
            }
        });
    });
    // Near the top, or not yet filling the view: load older events. Also called from
    // an animation frame and scroll events, which can come after the view is gone.
    // `by_scroll`: the person scrolled, so a pagination that failed is tried again.
    let maybe_paginate = move |by_scroll: bool| {
        if let Some(element) = scroller.try_get_untracked().flatten() {
            let hidden_above =
                element.scroll_height() - element.client_height() + element.scroll_top();
            if hidden_above < PAGINATE_MARGIN {
                timeline.paginate(by_scroll);
            }
        }
    };
    Effect::new(move |_| {
        timeline.rows.track();
        timeline.paginating.track();
        request_animation_frame(move || maybe_paginate(false));
    });
    use_read_receipts(timeline, scroller);

    // Read receipts move all the time: they come from their own map, so that a moved
    // receipt does not rebuild the rows it left and reached (keys leave them out).
    let receipts = Memo::new(move |_| {
        timeline.rows.with(|rows| {
            rows.iter()
                .filter_map(|row| match &row.kind {
                    RowKind::Event(event) if !event.read_by.is_empty() => {
                        Some((row.key.clone(), event.read_by.clone()))
                    }
                    _ => None,
                })
                .collect::<HashMap<_, _>>()
        })
    });
    let entries = move || {
        timeline.with_shown_rows(|rows| {
            entries_of(rows)
                .into_iter()
                .map(without_receipts)
                .collect::<Vec<_>>()
        })
    };
    let row_view = move |row: TimelineRow, grouped: bool| {
        let key = row.key.clone();
        let read_by =
            Signal::derive(move || receipts.with(|r| r.get(&key).cloned().unwrap_or_default()));
        let event_id = match &row.kind {
            RowKind::Event(event) => event.event_id.clone(),
            _ => None,
        };
        let highlighted = Signal::derive(move || {
            event_id.is_some() && timeline.highlight.with(|h| h == &event_id)
        });
        view! { <TimelineRowView row grouped actions highlighted read_by /> }
    };
    view! {
        <div class="lt-timeline" node_ref=scroller on:scroll=move |_| maybe_paginate(true)>
            <div class="lt-timeline__content">
                <Show when=move || timeline.paginating.get()>
                    <p class="lt-timeline__loading" role="status">{t("timeline-loading")}</p>
                </Show>
                // The log itself stays silent: it also grows with history and our own
                // sends. Live arrivals are announced by `LiveAnnouncer` instead.
                <div role="log" aria-live="off" aria-label=t("timeline-label") tabindex="0">
                    <ol class="lt-timeline__rows">
                        <For each=entries key=|entry| entry.clone() let:entry>
                            {match entry {
                                Entry::Row { row, grouped } => row_view(row, grouped).into_any(),
                                Entry::Changes { summary, rows } => {
                                    let args: Vec<(&str, &str)> = summary.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                                    view! {
                                        <li class="lt-changes">
                                            <details>
                                                <summary class="lt-event__state">{t_args(summary.message_id, &args)}</summary>
                                                <ol class="lt-timeline__rows">
                                                    {rows.into_iter().map(|row| row_view(row, false)).collect_view()}
                                                </ol>
                                            </details>
                                        </li>
                                    }
                                    .into_any()
                                }
                            }}
                        </For>
                    </ol>
                </div>
            </div>
            <LiveAnnouncer timeline />
        </div>
    }
}

/// The entry with its rows' read receipts left out (they are shown from `receipts`).
fn without_receipts(entry: Entry) -> Entry {
    let strip = |mut row: TimelineRow| {
        if let RowKind::Event(event) = &mut row.kind {
            event.read_by.clear();
        }
        row
    };
    match entry {
        Entry::Row { row, grouped } => Entry::Row {
            row: strip(row),
            grouped,
        },
        Entry::Changes { summary, rows } => Entry::Changes {
            summary,
            rows: rows.into_iter().map(strip).collect(),
        },
    }
}

fn focus_composer(composer_id: &str) {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("{composer_id}-input")))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = input.focus();
    }
}

/// Scrolls the row of `event_id` to the middle of the view and gives it focus.
fn scroll_to_event(scroller: &web_sys::HtmlDivElement, event_id: &str) {
    let selector = format!("[data-event-id=\"{}\"]", event_id.replace(['"', '\\'], ""));
    // Within this conversation: a thread's root shows in the room as well.
    let Some(row) = scroller
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    row.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = row.set_attribute("tabindex", "-1");
    let _ = row.focus();
}

/// Who is typing, under the timeline.
#[component]
fn TypingNotice(typing: RwSignal<Vec<String>>) -> impl IntoView {
    let text = move || {
        typing.with(|names| match names.as_slice() {
            [] => String::new(),
            [one] => t_args("typing-one", &[("name", one)]),
            [a, b] => t_args("typing-two", &[("first", a), ("second", b)]),
            [first, rest @ ..] => {
                t_count_args("typing-many", rest.len() as u64, &[("name", first)])
            }
        })
    };
    view! { <p class="lt-typing" aria-live="polite">{text}</p> }
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
