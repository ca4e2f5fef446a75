use leptos::prelude::*;

use super::{Dialog, ErrorAlert, RowDialog, TextField};
use crate::i18n::{format_day, format_time, t, t_args};
use crate::matrix::models::ItemId;
use crate::state::media::{MediaUrl, use_media_url};
use crate::state::timeline::{EditHistory, TimelineState};

/// Emoji shown at most in the picker at once.
const PICKER_LIMIT: usize = 80;

/// The dialog a row asked for, one at a time for the whole room.
#[component]
pub fn RowDialogs(timeline: TimelineState, current: RwSignal<Option<RowDialog>>) -> impl IntoView {
    move || {
        let dialog = current.get()?;
        let open = RwSignal::new(true);
        Effect::new(move |_| {
            if !open.get() {
                current.set(None);
            }
        });
        Some(match dialog {
            RowDialog::Delete(item) => view! { <DeleteDialog open item timeline /> }.into_any(),
            RowDialog::Source(event_id) => {
                view! { <SourceDialog open event_id timeline /> }.into_any()
            }
            RowDialog::History(event_id) => {
                view! { <HistoryDialog open event_id timeline /> }.into_any()
            }
            RowDialog::React(item) => view! { <ReactionPicker open item timeline /> }.into_any(),
            RowDialog::Image {
                source,
                mimetype,
                alt,
            } => view! { <ImageViewer open source mimetype alt /> }.into_any(),
        })
    }
}

#[component]
fn DeleteDialog(open: RwSignal<bool>, item: ItemId, timeline: TimelineState) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let delete = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let reason = reason.get_untracked();
        let reason = (!reason.trim().is_empty()).then(|| reason.trim().to_owned());
        timeline.redact(item.clone(), reason);
        open.set(false);
    };
    view! {
        <Dialog open title=t("delete-title")>
            <form class="lt-form" on:submit=delete>
                <p>{t("delete-explain")}</p>
                <TextField id="lt-delete-reason" label=t("delete-reason") value=reason />
                <button class="lt-button lt-button--danger" type="submit">{t("delete-confirm")}</button>
            </form>
        </Dialog>
    }
}

#[component]
fn SourceDialog(open: RwSignal<bool>, event_id: String, timeline: TimelineState) -> impl IntoView {
    let source = RwSignal::new(None::<String>);
    timeline.load_source(event_id, source);
    view! {
        <Dialog open title=t("source-title")>
            <pre class="lt-source" tabindex="0">{move || source.get().unwrap_or_else(|| t("loading"))}</pre>
        </Dialog>
    }
}

#[component]
fn HistoryDialog(open: RwSignal<bool>, event_id: String, timeline: TimelineState) -> impl IntoView {
    let history = RwSignal::new(None::<EditHistory>);
    timeline.load_edit_history(event_id, history);
    let error = Signal::derive(move || {
        history.with(|h| h.as_ref().and_then(|r| r.as_ref().err().cloned()))
    });
    view! {
        <Dialog open title=t("edit-history-title")>
            <ErrorAlert error />
            {move || match history.get() {
                None => view! { <p role="status">{t("loading")}</p> }.into_any(),
                Some(Err(_)) => ().into_any(),
                Some(Ok(revisions)) => view! {
                    <ol class="lt-history">
                        {revisions.into_iter().map(|(when, text)| view! {
                            <li class="lt-history__item">
                                <time class="lt-history__time">{format!("{} {}", format_day(when), format_time(when))}</time>
                                <p class="lt-history__text">{text}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                }
                .into_any(),
            }}
        </Dialog>
    }
}

/// Every emoji, searchable by its name and shortcodes.
#[component]
fn ReactionPicker(open: RwSignal<bool>, item: ItemId, timeline: TimelineState) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let matches = move || {
        let query = query.get().trim().to_lowercase();
        emojis::iter()
            .filter(|emoji| {
                emoji
                    .skin_tone()
                    .is_none_or(|tone| tone == emojis::SkinTone::Default)
            })
            .filter(|emoji| {
                query.is_empty()
                    || emoji.name().contains(&query)
                    || emoji.shortcodes().any(|code| code.contains(&query))
            })
            .take(PICKER_LIMIT)
            .collect::<Vec<_>>()
    };
    view! {
        <Dialog open title=t("react-title")>
            <TextField id="lt-emoji-search" label=t("react-search") value=query />
            <ul class="lt-emoji-grid" aria-label=t("react-results")>
                {move || matches().into_iter().map(|emoji| {
                    let item = item.clone();
                    let key = emoji.as_str();
                    let label = t_args("react-with-named", &[("key", key), ("name", emoji.name())]);
                    view! {
                        <li><button class="lt-emoji-grid__button" type="button" aria-label=label.clone() title=label
                            on:click=move |_| { timeline.toggle_reaction(item.clone(), key.to_owned()); open.set(false); }>{key}</button></li>
                    }
                }).collect_view()}
            </ul>
        </Dialog>
    }
}

/// A picture at full size, fetched when opened.
#[component]
fn ImageViewer(
    open: RwSignal<bool>,
    source: String,
    mimetype: Option<String>,
    alt: String,
) -> impl IntoView {
    let url = use_media_url(source, None, mimetype);
    let title = alt.clone();
    view! {
        <Dialog open title>
            {move || match url.get() {
                MediaUrl::Ready(src) => view! { <img class="lt-viewer__image" src=src alt=alt.clone() /> }.into_any(),
                MediaUrl::Loading => view! { <p role="status">{t("media-loading")}</p> }.into_any(),
                MediaUrl::Failed(error) => view! { <p role="alert">{error.user_message()}</p> }.into_any(),
            }}
        </Dialog>
    }
}
