use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::i18n::t;

/// The message box: Enter sends, Shift+Enter starts a new line. Markdown is rendered by
/// the SDK when the message is sent.
#[component]
pub fn Composer(
    room_name: Signal<String>,
    on_send: Callback<(String, WriteSignal<String>)>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let send = move || {
        let body = text.get_untracked();
        if body.trim().is_empty() {
            return;
        }
        text.set(String::new());
        on_send.run((body, text.write_only()));
    };
    let on_keydown = move |event: KeyboardEvent| {
        // While an input method is composing, Enter confirms the composition.
        if event.key() == "Enter" && !event.shift_key() && !event.is_composing() {
            event.prevent_default();
            send();
        }
    };
    view! {
        <form class="lt-composer" on:submit=move |event| { event.prevent_default(); send(); }>
            <label class="lt-visually-hidden" for="lt-composer-input">
                {move || crate::i18n::t_args("composer-label", &[("room", &room_name.get())])}
            </label>
            <textarea id="lt-composer-input" class="lt-composer__input" rows="1"
                placeholder=t("composer-placeholder") aria-describedby="lt-composer-hint"
                prop:value=text on:input=move |event| text.set(event_target_value(&event))
                on:keydown=on_keydown></textarea>
            <p id="lt-composer-hint" class="lt-visually-hidden">{t("composer-hint")}</p>
            <button class="lt-button" type="submit">{t("composer-send")}</button>
        </form>
    }
}
