use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{Dialog, ErrorAlert, TextField};
use crate::config::Config;
use crate::i18n::t;
use crate::state::conversations;

/// Joins a room by its address (#name:server), ID (!id:server) or a permalink.
#[component]
pub fn JoinRoomDialog(open: RwSignal<bool>) -> impl IntoView {
    let address = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let navigate = navigate.clone();
        let prefix = expect_context::<Config>().permalink_prefix;
        conversations::join(
            address.get_untracked(),
            prefix,
            busy,
            error,
            move |room_id| {
                open.set(false);
                address.set(String::new());
                navigate(&conversations::room_href(&room_id), Default::default());
            },
        );
    };
    view! {
        <Dialog open title=t("join-title")>
            <form class="lt-form" on:submit=submit>
                <TextField id="lt-join-address" label=t("join-address") value=address hint=t("join-address-hint") />
                <ErrorAlert error />
                <button class="lt-button" type="submit" disabled=busy>{t("join-submit")}</button>
            </form>
        </Dialog>
    }
}
