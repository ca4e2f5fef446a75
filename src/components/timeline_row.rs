use leptos::prelude::*;

use super::{Avatar, MessageActions, MessageView};
use crate::i18n::{format_day, format_time, t, t_args};
use crate::matrix::models::{
    EventRow, ItemId, RowContent, RowKind, SendFailure, SendState, TimelineRow,
};

/// What a row can ask the room view to open in a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowDialog {
    Delete(ItemId),
    Source(String),
    History(String),
    React(ItemId),
    Image {
        source: String,
        mimetype: Option<String>,
        alt: String,
    },
}

/// Actions a row can ask for; the room view wires them to the timeline.
#[derive(Clone, Copy)]
pub struct RowActions {
    pub retry: Callback<String>,
    pub cancel: Callback<String>,
    /// (event ID, sender name, text) of the message to answer.
    pub reply: Callback<(String, String, String)>,
    pub edit: Callback<(ItemId, String)>,
    pub react: Callback<(ItemId, String)>,
    pub open: Callback<RowDialog>,
    /// Scroll to an event (a reply's quote), loading history if needed.
    pub jump: Callback<String>,
    /// Open the thread rooted at this event beside the room.
    pub open_thread: Callback<String>,
    pub copy_link: Callback<String>,
    pub can_redact_others: Signal<bool>,
    /// The rows are a thread's: no thread can be started from them.
    pub in_thread: bool,
}

/// One timeline entry. `grouped`: same sender as the row above, shortly before, so the
/// name and avatar are not repeated.
#[component]
pub fn TimelineRowView(
    row: TimelineRow,
    grouped: bool,
    actions: RowActions,
    highlighted: Signal<bool>,
    /// Who has read up to here: (user ID, name).
    read_by: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    match row.kind {
        // Plain list items: a role on an <li> would take it out of the list.
        RowKind::DayDivider(millis) => view! {
            <li class="lt-timeline__day"><span>{format_day(millis)}</span></li>
        }
        .into_any(),
        RowKind::ReadMarker => view! {
            <li class="lt-timeline__read-marker"><span class="lt-visually-hidden">{t("timeline-read-marker")}</span></li>
        }
        .into_any(),
        RowKind::TimelineStart => view! {
            <li class="lt-timeline__start">{t("timeline-start")}</li>
        }
        .into_any(),
        RowKind::Event(event) => {
            view! { <EventView key=row.key event=*event grouped actions highlighted read_by /> }.into_any()
        }
    }
}

#[component]
fn EventView(
    key: String,
    event: EventRow,
    grouped: bool,
    actions: RowActions,
    highlighted: Signal<bool>,
    read_by: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let is_state = matches!(event.content, RowContent::State(_));
    let head = (!grouped && !is_state).then(|| {
        view! {
            <Avatar name=event.sender_name.clone() mxc=event.sender_avatar.clone() />
            <span class="lt-event__sender" title=event.sender_id.clone()><bdi>{event.sender_name.clone()}</bdi></span>
        }
    });
    let status = send_status(&event.send_state, key, actions);
    let toolbar = matches!(event.content, RowContent::Message(_))
        .then(|| view! { <MessageActions event=event.clone() actions /> });
    let receipts = move || read_by.with(|r| read_receipts(r));
    let sender = event.sender_name.clone();
    let item = event.item_id();
    view! {
        <li class="lt-event" class:lt-event--grouped=grouped class:lt-event--state=is_state
            class:lt-event--own=event.is_own class:lt-event--highlight=highlighted
            data-event-id=event.event_id.clone()>
            {head}
            <time class="lt-event__time">{format_time(event.timestamp)}</time>
            <div class="lt-event__body">{content_view(event.content, sender, item, actions)}</div>
            {toolbar}
            {status}
            {receipts}
        </li>
    }
}

/// The single dispatch over row contents: every kind has its own arm.
fn content_view(
    content: RowContent,
    sender: String,
    item: Option<ItemId>,
    actions: RowActions,
) -> AnyView {
    match content {
        RowContent::Message(message) => view! { <MessageView message sender item actions /> }.into_any(),
        RowContent::Redacted => view! { <p class="lt-event__notice">{t("event-redacted")}</p> }.into_any(),
        RowContent::UnableToDecrypt { reason_id } => view! {
            <p class="lt-event__notice lt-event__notice--warning">
                {t("event-utd")} " " <span class="lt-event__reason">{t(reason_id)}</span>
            </p>
        }
        .into_any(),
        RowContent::State(summary) => {
            let args: Vec<(&str, &str)> = summary.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            view! { <p class="lt-event__state">{t_args(summary.message_id, &args)}</p> }.into_any()
        }
        RowContent::Unsupported { event_type } => view! {
            <p class="lt-event__notice">{t_args("event-unsupported", &[("event_type", &event_type)])}</p>
        }
        .into_any(),
    }
}

/// Who has read up to here: a few small avatars, all names for assistive technology.
fn read_receipts(read_by: &[(String, String)]) -> Option<AnyView> {
    const SHOWN: usize = 4;
    if read_by.is_empty() {
        return None;
    }
    let names: Vec<&str> = read_by.iter().map(|(_, name)| name.as_str()).collect();
    let label = t_args("read-by", &[("names", &names.join(", "))]);
    let more = read_by.len().saturating_sub(SHOWN);
    Some(
        view! {
            <div class="lt-receipts" role="img" aria-label=label.clone() title=label>
                {read_by.iter().take(SHOWN).map(|(_, name)| view! { <Avatar name=name.clone() mxc=None /> }).collect_view()}
                {(more > 0).then(|| view! { <span class="lt-receipts__more">{format!("+{more}")}</span> })}
            </div>
        }
        .into_any(),
    )
}

fn send_status(state: &SendState, key: String, actions: RowActions) -> Option<AnyView> {
    match state {
        SendState::Remote => None,
        SendState::Sending { percent: None } => {
            Some(view! { <span class="lt-event__status">{t("send-sending")}</span> }.into_any())
        }
        SendState::Sending {
            percent: Some(percent),
        } => {
            let percent = *percent;
            Some(
                view! {
                    <span class="lt-event__status">
                        <progress max="100" value=percent.to_string() aria-label=t("upload-progress")></progress>
                        " " {format!("{percent} %")}
                    </span>
                    <button class="lt-button lt-button--small lt-button--quiet" type="button"
                        on:click=move |_| actions.cancel.run(key.clone())>{t("upload-cancel")}</button>
                }
                .into_any(),
            )
        }
        SendState::Sent => {
            Some(view! { <span class="lt-event__status">{t("send-sent")}</span> }.into_any())
        }
        SendState::Failed(SendFailure::Waiting) => {
            // Not an error yet: it goes out by itself; "retry" only skips the wait.
            let retry_key = key.clone();
            Some(
                view! {
                    <span class="lt-event__status">{t(SendFailure::Waiting.message_id())}</span>
                    <button class="lt-button lt-button--small lt-button--quiet" type="button"
                        on:click=move |_| actions.retry.run(retry_key.clone())>{t("send-retry-now")}</button>
                    <button class="lt-button lt-button--small lt-button--quiet" type="button"
                        on:click=move |_| actions.cancel.run(key.clone())>{t("send-cancel")}</button>
                }
                .into_any(),
            )
        }
        SendState::Failed(reason) => {
            let retry_key = key.clone();
            let reason = *reason;
            Some(
                view! {
                    <span class="lt-event__status lt-event__status--failed" role="alert">
                        {t(reason.message_id())}
                    </span>
                    <button class="lt-button lt-button--small" type="button"
                        on:click=move |_| actions.retry.run(retry_key.clone())>{t("send-retry")}</button>
                    <button class="lt-button lt-button--small lt-button--quiet" type="button"
                        on:click=move |_| actions.cancel.run(key.clone())>{t("send-cancel")}</button>
                }
                .into_any(),
            )
        }
    }
}
