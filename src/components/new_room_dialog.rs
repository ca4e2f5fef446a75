use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{Dialog, ErrorAlert, TextField};
use crate::config::Config;
use crate::i18n::t;
use crate::matrix::rooms::NewRoom;
use crate::state::conversations;

/// Creates a private (invite-only, encrypted) or public (open, with an address) room.
#[component]
pub fn NewRoomDialog(open: RwSignal<bool>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let alias = RwSignal::new(String::new());
    let public = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    let navigate = use_navigate();
    // The administrator's policy: public rooms are unencrypted, so they are not offered.
    let encryption_required = expect_context::<Config>().require_encryption;
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let new_room = NewRoom {
            name: name.get_untracked(),
            topic: topic.get_untracked(),
            public: public.get_untracked() && !encryption_required,
            alias: alias.get_untracked(),
        };
        let navigate = navigate.clone();
        conversations::create_room(new_room, busy, error, move |room_id| {
            open.set(false);
            name.set(String::new());
            topic.set(String::new());
            alias.set(String::new());
            public.set(false);
            navigate(&conversations::room_href(&room_id), Default::default());
        });
    };
    view! {
        <Dialog open title=t("new-room-title")>
            <form class="lt-form" on:submit=submit>
                <TextField id="lt-new-room-name" label=t("new-room-name") value=name />
                <TextField id="lt-new-room-topic" label=t("new-room-topic") value=topic />
                <Show when=move || encryption_required>
                    <p class="lt-field__hint">{t("new-room-encryption-required")}</p>
                </Show>
                <Show when=move || !encryption_required>
                <fieldset class="lt-fieldset">
                    <legend>{t("new-room-access")}</legend>
                    <label class="lt-choice">
                        <input type="radio" name="lt-new-room-access" prop:checked=move || !public.get()
                            on:change=move |_| public.set(false) />
                        <span>{t("new-room-private")}</span>
                    </label>
                    <label class="lt-choice">
                        <input type="radio" name="lt-new-room-access" prop:checked=move || public.get()
                            on:change=move |_| public.set(true) />
                        <span>{t("new-room-public")}</span>
                    </label>
                </fieldset>
                </Show>
                <Show when=move || public.get()>
                    <TextField id="lt-new-room-alias" label=t("new-room-alias") value=alias
                        hint=t("new-room-alias-hint") />
                </Show>
                <ErrorAlert error />
                <button class="lt-button" type="submit" disabled=busy>{t("new-room-create")}</button>
            </form>
        </Dialog>
    }
}
