use leptos::ev::KeyboardEvent;
use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MentionList;
use crate::i18n::{t, t_args};
use crate::matrix::models::MemberSummary;
use crate::state::composer::{PickedMention, mention_query};
use crate::state::timeline::ComposerMode;

/// What the composer hands to the room when a message is to be sent.
pub struct Outgoing {
    pub text: String,
    pub mentions: Vec<PickedMention>,
    /// Gives the text back if it could not be sent.
    pub restore: WriteSignal<String>,
}

/// The room's callbacks for the composer.
#[derive(Clone, Copy)]
pub struct ComposerActions {
    pub send: Callback<Outgoing>,
    pub file: Callback<web_sys::File>,
    pub typing: Callback<bool>,
    /// Up in an empty composer: edit our last message. `false` if there is none.
    pub edit_last: Callback<(), bool>,
    /// The room's members, loaded the first time someone types `@`.
    pub load_members: Callback<()>,
}

/// The message box: Enter sends, Shift+Enter starts a new line, `@` suggests members,
/// Up edits the last message, Escape leaves a reply or edit. Files come in through the
/// attach button, paste, or drag and drop onto the room.
#[component]
pub fn Composer(
    /// Prefix of the element ids (`{id}-input` …): unique per composer on the page.
    id: &'static str,
    room_name: Signal<String>,
    mode: RwSignal<ComposerMode>,
    /// The text in the box: the room's draft, which the room keeps.
    text: RwSignal<String>,
    members: Signal<Vec<MemberSummary>>,
    actions: ComposerActions,
) -> impl IntoView {
    let mentions = StoredValue::new(Vec::<PickedMention>::new());
    let input = NodeRef::<Textarea>::new();
    let file_input = NodeRef::<Input>::new();
    // The `@` being completed: where it starts and what follows it.
    let query = RwSignal::new(None::<(usize, String)>);
    let active = RwSignal::new(0usize);
    // An edit starts with the old text in the box.
    Effect::new(move |_| {
        if let ComposerMode::Edit { body, .. } = mode.get() {
            query.set(None);
            text.set(body);
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        }
    });
    let send = move || {
        let body = text.get_untracked();
        if body.trim().is_empty() {
            return;
        }
        text.set(String::new());
        query.set(None);
        actions.send.run(Outgoing {
            text: body,
            mentions: mentions.get_value(),
            restore: text.write_only(),
        });
        mentions.set_value(Vec::new());
    };
    let suggestions = Memo::new(move |_| {
        let Some((_, q)) = query.get() else {
            return Vec::new();
        };
        let q = q.to_lowercase();
        members.with(|list| {
            list.iter()
                .filter(|m| m.name.to_lowercase().contains(&q) || m.user_id.contains(&q))
                .take(6)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let pick = move |member: MemberSummary| {
        let Some((at, q)) = query.get_untracked() else {
            return;
        };
        // Only if the `@query` is still where it was typed (the text may have changed).
        let end = at + 1 + q.len();
        text.update(|t| {
            if t.get(at..end)
                .is_some_and(|typed| typed.strip_prefix('@') == Some(q.as_str()))
            {
                t.replace_range(at..end, &format!("{} ", member.name));
            }
        });
        mentions.update_value(|m| {
            m.push(PickedMention {
                name: member.name.clone(),
                user_id: member.user_id.clone(),
            })
        });
        query.set(None);
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        actions.typing.run(!value.trim().is_empty());
        let cursor = input
            .get_untracked()
            .and_then(|i| i.selection_start().ok().flatten())
            .map_or(value.len(), |c| c as usize);
        let found = mention_query(&value, utf16_to_byte(&value, cursor));
        if found.is_some() && members.with_untracked(Vec::is_empty) {
            actions.load_members.run(());
        }
        active.set(0);
        query.set(found);
        text.set(value);
    };
    let on_keydown = move |event: KeyboardEvent| {
        let open = !suggestions.with_untracked(Vec::is_empty);
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if open => {
                event.prevent_default();
                let count = suggestions.with_untracked(Vec::len);
                let step = if event.key() == "ArrowDown" {
                    1
                } else {
                    count - 1
                };
                active.update(|a| *a = (*a + step) % count);
            }
            "Enter" | "Tab" if open => {
                event.prevent_default();
                if let Some(member) =
                    suggestions.with_untracked(|s| s.get(active.get_untracked()).cloned())
                {
                    pick(member);
                }
            }
            "Escape" if open => query.set(None),
            "Escape" if mode.get_untracked() != ComposerMode::New => {
                if matches!(mode.get_untracked(), ComposerMode::Edit { .. }) {
                    text.set(String::new());
                }
                mode.set(ComposerMode::New);
            }
            "ArrowUp" if text.with_untracked(String::is_empty) => {
                if actions.edit_last.run(()) {
                    event.prevent_default();
                }
            }
            // While an input method is composing, Enter confirms the composition.
            "Enter" if !event.shift_key() && !event.is_composing() => {
                event.prevent_default();
                send();
            }
            _ => {}
        }
    };
    let on_paste = move |event: leptos::ev::ClipboardEvent| {
        let files = event.clipboard_data().and_then(|data| data.files());
        if let Some(files) = files.filter(|f| f.length() > 0) {
            event.prevent_default();
            for i in 0..files.length() {
                if let Some(file) = files.get(i) {
                    actions.file.run(file);
                }
            }
        }
    };
    let on_file_picked = move |event: leptos::ev::Event| {
        let Some(picker) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = picker.files() {
            for i in 0..files.length() {
                if let Some(file) = files.get(i) {
                    actions.file.run(file);
                }
            }
        }
        picker.set_value("");
    };
    let active_id = move || {
        (!suggestions.with(Vec::is_empty)).then(|| format!("{id}-mentions-{}", active.get()))
    };
    view! {
        <ModeBanner mode text />
        <form class="lt-composer" on:submit=move |event| { event.prevent_default(); send(); }>
            <label class="lt-visually-hidden" for=format!("{id}-input")>
                {move || t_args("composer-label", &[("room", &room_name.get())])}
            </label>
            <input type="file" class="lt-visually-hidden" id=format!("{id}-file") multiple=true node_ref=file_input
                tabindex="-1" aria-hidden="true" on:change=on_file_picked />
            <button class="lt-button lt-button--quiet" type="button" aria-label=t("composer-attach")
                on:click=move |_| if let Some(picker) = file_input.get_untracked() { picker.click() }>
                {t("composer-attach-short")}
            </button>
            <div class="lt-composer__field">
                <MentionList id=format!("{id}-mentions") suggestions active on_pick=Callback::new(pick) />
                <textarea id=format!("{id}-input") class="lt-composer__input" rows="1" node_ref=input
                    placeholder=t("composer-placeholder") aria-describedby=format!("{id}-hint")
                    aria-autocomplete="list" aria-controls=format!("{id}-mentions") aria-activedescendant=active_id
                    prop:value=text on:input=on_input on:keydown=on_keydown on:paste=on_paste
                    on:blur=move |_| actions.typing.run(false)></textarea>
            </div>
            <p id=format!("{id}-hint") class="lt-visually-hidden">{t("composer-hint")}</p>
            <button class="lt-button" type="submit">
                {move || if matches!(mode.get(), ComposerMode::Edit { .. }) { t("composer-save") } else { t("composer-send") }}
            </button>
        </form>
    }
}

/// What the next message does, above the box: replying to someone, or editing.
#[component]
fn ModeBanner(mode: RwSignal<ComposerMode>, text: RwSignal<String>) -> impl IntoView {
    move || {
        let (label, quote) = match mode.get() {
            ComposerMode::New => return None,
            ComposerMode::Reply { sender, body, .. } => (
                t_args("composer-replying", &[("sender", &sender)]),
                Some(body),
            ),
            ComposerMode::Edit { .. } => (t("composer-editing"), None),
        };
        Some(view! {
            <div class="lt-composer__mode" role="status">
                <span class="lt-composer__mode-label">{label}</span>
                {quote.map(|q| view! { <span class="lt-composer__mode-quote">{q}</span> })}
                <button class="lt-button lt-button--small lt-button--quiet" type="button"
                    on:click=move |_| {
                        if matches!(mode.get_untracked(), ComposerMode::Edit { .. }) {
                            text.set(String::new());
                        }
                        mode.set(ComposerMode::New);
                    }>{t("composer-mode-cancel")}</button>
            </div>
        })
    }
}

/// The textarea counts its cursor in UTF-16 units; Rust strings in bytes.
fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= utf16 {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}
