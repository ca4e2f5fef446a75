use leptos::prelude::*;

use super::{Avatar, MessageText};
use crate::i18n::{format_day, format_time, t, t_args, t_count};
use crate::matrix::models::{
    EventRow, MessageKind, MessageRow, RowContent, RowKind, SendState, TimelineRow,
};

/// Actions a row can ask for; the room view wires them to the timeline.
#[derive(Clone, Copy)]
pub struct RowActions {
    pub retry: Callback<String>,
    pub cancel: Callback<String>,
}

/// One timeline entry. `grouped`: same sender as the row above, shortly before, so the
/// name and avatar are not repeated.
#[component]
pub fn TimelineRowView(row: TimelineRow, grouped: bool, actions: RowActions) -> impl IntoView {
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
        RowKind::Event(event) => view! { <EventView key=row.key event=*event grouped actions /> }.into_any(),
    }
}

#[component]
fn EventView(key: String, event: EventRow, grouped: bool, actions: RowActions) -> impl IntoView {
    let is_state = matches!(event.content, RowContent::State(_));
    let head = (!grouped && !is_state).then(|| {
        view! {
            <Avatar name=event.sender_name.clone() mxc=event.sender_avatar.clone() />
            <span class="lt-event__sender" title=event.sender_id.clone()>{event.sender_name.clone()}</span>
        }
    });
    let status = send_status(&event.send_state, key, actions);
    view! {
        <li class="lt-event" class:lt-event--grouped=grouped class:lt-event--state=is_state
            class:lt-event--own=event.is_own data-event-id=event.event_id.clone()>
            {head}
            <time class="lt-event__time">{format_time(event.timestamp)}</time>
            <div class="lt-event__body">{content_view(event.content)}</div>
            {status}
        </li>
    }
}

/// The single dispatch over row contents: every kind has its own arm.
fn content_view(content: RowContent) -> AnyView {
    match content {
        RowContent::Message(message) => view! { <MessageView message /> }.into_any(),
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

#[component]
fn MessageView(message: MessageRow) -> impl IntoView {
    let reply = message.reply_to.map(|reply| {
        let sender = reply.sender.unwrap_or_else(|| t("reply-loading"));
        let body = reply.body.unwrap_or_default();
        view! {
            <blockquote class="lt-event__reply">
                <span class="lt-event__reply-sender">{sender}</span>
                <span class="lt-event__reply-body">{body}</span>
            </blockquote>
        }
    });
    let class = match message.kind {
        MessageKind::Emote => "lt-event__text lt-event__text--emote",
        MessageKind::Notice => "lt-event__text lt-event__text--notice",
        MessageKind::Media => "lt-event__text lt-event__text--media",
        MessageKind::Text | MessageKind::Other => "lt-event__text",
    };
    let edited = message
        .edited
        .then(|| view! { <span class="lt-event__edited">{t("event-edited")}</span> });
    let reactions = (!message.reactions.is_empty()).then(|| {
        view! {
            <ul class="lt-event__reactions" aria-label=t("reactions-label")>
                {message.reactions.into_iter().map(|(key, count)| {
                    let label = t_args("reaction-count", &[("key", &key), ("count", &count.to_string())]);
                    view! { <li class="lt-reaction" aria-label=label>{key} " " {count}</li> }
                }).collect_view()}
            </ul>
        }
    });
    let thread = message.thread_replies.map(|count| {
        view! { <p class="lt-event__thread">{t_count("thread-replies", u64::from(count))}</p> }
    });
    view! {
        {reply}
        <p class=class><MessageText body=message.body /> {edited}</p>
        {reactions}
        {thread}
    }
}

fn send_status(state: &SendState, key: String, actions: RowActions) -> Option<AnyView> {
    match state {
        SendState::Remote => None,
        SendState::Sending => {
            Some(view! { <span class="lt-event__status">{t("send-sending")}</span> }.into_any())
        }
        SendState::Sent => {
            Some(view! { <span class="lt-event__status">{t("send-sent")}</span> }.into_any())
        }
        SendState::Failed { .. } => {
            let retry_key = key.clone();
            Some(
                view! {
                    <span class="lt-event__status lt-event__status--failed" role="alert">{t("send-failed")}</span>
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
