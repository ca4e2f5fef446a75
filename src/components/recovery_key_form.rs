use leptos::prelude::*;

use super::{ErrorAlert, TextField};
use crate::i18n::t;
use crate::state::run_action;

/// Typing the recovery key: this device gets the account's secrets, counts as
/// verified, and restores the key backup. A wrong key is refused and changes nothing.
#[component]
pub fn RecoveryKeyForm() -> impl IntoView {
    let key = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    let done = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = key.get_untracked();
        done.set(false);
        run_action(
            move |session| async move { session.recover(&typed).await },
            busy,
            error,
            move |()| {
                key.set(String::new());
                done.set(true);
            },
        );
    };
    view! {
        <form class="lt-form" on:submit=submit>
            <TextField id="lt-recovery-key" label=t("recovery-key-field") value=key hint=t("recovery-key-field-hint") />
            <ErrorAlert error />
            <Show when=move || done.get()><p role="status">{t("recovery-restored")}</p></Show>
            <button class="lt-button" type="submit" disabled=busy>
                {move || if busy.get() { t("recovery-checking-key") } else { t("recovery-use-key") }}
            </button>
        </form>
    }
}
