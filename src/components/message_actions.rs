use leptos::prelude::*;

use super::{RowActions, RowDialog};
use crate::i18n::{t, t_args};
use crate::matrix::models::{EventRow, RowContent};
use crate::state::timeline::quote_of;

/// Reactions offered in one click, as in most clients.
pub const QUICK_REACTIONS: [&str; 4] = ["👍", "❤️", "😂", "🎉"];

/// A message's actions: shown on hover and when anything in the message has keyboard
/// focus. Each button names its action and the message's sender.
#[component]
pub fn MessageActions(event: EventRow, actions: RowActions) -> impl IntoView {
    let RowContent::Message(message) = &event.content else {
        return ().into_any();
    };
    let Some(item) = event.item_id() else {
        return ().into_any();
    };
    let sender = event.sender_name.clone();
    let label = |id: &str| t_args(id, &[("sender", &sender)]);
    let quick = QUICK_REACTIONS
        .iter()
        .map(|key| {
            let item = item.clone();
            let name = t_args("react-with", &[("key", key)]);
            view! {
                <button class="lt-actions__button" type="button" aria-label=name.clone() title=name
                    on:click=move |_| actions.react.run((item.clone(), (*key).to_owned()))>{*key}</button>
            }
        })
        .collect_view();
    let more_item = item.clone();
    let reply = event.event_id.clone().map(|event_id| {
        let reply_sender = sender.clone();
        let body = quote_of(message);
        view! {
            <button class="lt-actions__button" type="button" aria-label=label("action-reply")
                on:click=move |_| actions.reply.run((event_id.clone(), reply_sender.clone(), body.clone()))>
                {t("action-reply-short")}
            </button>
        }
    });
    let in_thread = event.event_id.clone().filter(|_| !actions.in_thread).map(|root| {
        view! {
            <button class="lt-actions__button" type="button" aria-label=label("action-thread")
                on:click=move |_| actions.open_thread.run(root.clone())>{t("action-thread-short")}</button>
        }
    });
    let edit = event.editable.then(|| {
        let item = item.clone();
        let body = crate::state::timeline::edit_text(message);
        view! {
            <button class="lt-actions__button" type="button" aria-label=t("action-edit")
                on:click=move |_| actions.edit.run((item.clone(), body.clone()))>{t("action-edit-short")}</button>
        }
    });
    let is_own = event.is_own;
    let delete_item = item.clone();
    let delete_label = label("action-delete");
    let delete = move || {
        (is_own || actions.can_redact_others.get()).then(|| {
            let item = delete_item.clone();
            view! {
                <button class="lt-actions__button" type="button" aria-label=delete_label.clone()
                    on:click=move |_| actions.open.run(RowDialog::Delete(item.clone()))>{t("action-delete-short")}</button>
            }
        })
    };
    let linked = event.event_id.clone().map(|event_id| {
        let source_id = event_id.clone();
        view! {
            <button class="lt-actions__button" type="button" aria-label=t("action-copy-link")
                on:click=move |_| actions.copy_link.run(event_id.clone())>{t("action-copy-link-short")}</button>
            <button class="lt-actions__button" type="button" aria-label=t("action-source")
                on:click=move |_| actions.open.run(RowDialog::Source(source_id.clone()))>{t("action-source-short")}</button>
        }
    });
    view! {
        <div class="lt-actions" role="toolbar" aria-label=label("actions-label")>
            {quick}
            <button class="lt-actions__button" type="button" aria-label=t("action-react-more")
                on:click=move |_| actions.open.run(RowDialog::React(more_item.clone()))>{t("action-react-more-short")}</button>
            {reply}
            {in_thread}
            {edit}
            {delete}
            {linked}
        </div>
    }
    .into_any()
}
