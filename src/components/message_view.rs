use leptos::prelude::*;

use super::{MediaView, MessageText, RichText, RowActions, RowDialog};
use crate::i18n::{t, t_args, t_count};
use crate::matrix::models::{ItemId, MessageKind, MessageRow, ReactionRow, ReplyPreview};

/// A message: the quote it answers, its text or attachment, "(edited)", reactions and
/// its thread's size.
#[component]
pub fn MessageView(
    message: MessageRow,
    /// The sender's display name, for emotes ("* Alice waves").
    sender: String,
    item: Option<ItemId>,
    actions: RowActions,
) -> impl IntoView {
    let reply = message
        .reply_to
        .map(|reply| view! { <ReplyQuote reply actions /> });
    let class = match message.kind {
        MessageKind::Emote => "lt-event__text lt-event__text--emote",
        MessageKind::Notice => "lt-event__text lt-event__text--notice",
        _ => "lt-event__text",
    };
    let emote = (message.kind == MessageKind::Emote).then(
        || view! { <span class="lt-event__emote-sender">"* " <bdi>{sender}</bdi> " "</span> },
    );
    let edited = message.edited.then(|| {
        let event_id = match &item {
            Some(ItemId::Event(id)) => Some(id.clone()),
            _ => None,
        };
        view! {
            " "
            <button class="lt-event__edited" type="button" aria-label=t("edit-history-open")
                on:click=move |_| if let Some(id) = event_id.clone() { actions.open.run(RowDialog::History(id)) }>
                {t("event-edited")}
            </button>
        }
    });
    let media = message
        .media
        .map(|media| view! { <MediaView media kind=message.kind actions /> });
    let text = match message.formatted {
        Some(nodes) => {
            Some(view! { <div class=class>{emote}<RichText nodes />{edited}</div> }.into_any())
        }
        None if message.body.is_empty() && edited.is_none() => None,
        None => Some(
            view! { <p class=class>{emote}<MessageText body=message.body />{edited}</p> }
                .into_any(),
        ),
    };
    let reactions = (!message.reactions.is_empty()).then(|| {
        let item = item.clone();
        view! {
            <ul class="lt-event__reactions" aria-label=t("reactions-label")>
                {message.reactions.into_iter().map(|reaction| {
                    view! { <Reaction reaction item=item.clone() actions /> }
                }).collect_view()}
            </ul>
        }
    });
    let root = match &item {
        Some(ItemId::Event(id)) => Some(id.clone()),
        _ => None,
    };
    let thread = message.thread_replies.zip(root).map(|(count, root)| {
        view! {
            <button class="lt-event__thread" type="button" aria-label=t_count("thread-open", u64::from(count))
                on:click=move |_| actions.open_thread.run(root.clone())>
                {t_count("thread-replies", u64::from(count))}
            </button>
        }
    });
    view! { {reply} {media} {text} {reactions} {thread} }
}

/// The quoted message above a reply; activating it shows the original.
#[component]
fn ReplyQuote(reply: ReplyPreview, actions: RowActions) -> impl IntoView {
    let sender = reply.sender.unwrap_or_else(|| t("reply-loading"));
    let body = reply.body.unwrap_or_default();
    let label = t_args("reply-jump", &[("sender", &sender)]);
    let event_id = reply.event_id;
    view! {
        <button class="lt-event__reply" type="button" aria-label=label
            on:click=move |_| actions.jump.run(event_id.clone())>
            <bdi class="lt-event__reply-sender">{sender}</bdi>
            <span class="lt-event__reply-body">{body}</span>
        </button>
    }
}

/// One reaction key: its count, marked when ours; who reacted on hover and focus.
#[component]
fn Reaction(reaction: ReactionRow, item: Option<ItemId>, actions: RowActions) -> impl IntoView {
    let who = t_args(
        "reaction-who",
        &[
            ("key", &reaction.key),
            ("names", &reaction.senders.join(", ")),
        ],
    );
    let count = reaction.senders.len();
    let key = reaction.key.clone();
    view! {
        <li>
            <button class="lt-reaction" class:lt-reaction--own=reaction.own type="button"
                aria-pressed=reaction.own.to_string() aria-label=who.clone() title=who
                on:click=move |_| if let Some(item) = item.clone() { actions.react.run((item, key.clone())) }>
                {reaction.key} " " {count}
            </button>
        </li>
    }
}
