use leptos::prelude::*;
use leptos::task::spawn_local;

use super::TextField;
use crate::i18n::t;
use crate::state::security::same_recovery_key;

/// A new recovery key, shown once: copy it or save it as a file, then type it back to
/// show it was kept. `on_saved` runs only after a matching key is typed.
#[component]
pub fn RecoveryKeyView(key: String, on_saved: Callback<()>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let key = StoredValue::new(key);
    let copy = move |_| {
        spawn_local(async move {
            let ok = crate::web::copy_to_clipboard(&key.get_value()).await;
            copied.set(Some(if ok {
                "recovery-key-copied"
            } else {
                "recovery-key-not-copied"
            }));
        });
    };
    let download = move |_| {
        if !crate::web::download_text("recovery-key.txt", &key.get_value()) {
            copied.set(Some("recovery-key-not-saved"));
        }
    };
    let confirm = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if same_recovery_key(&typed.get_untracked(), &key.get_value()) {
            mismatch.set(false);
            on_saved.run(());
        } else {
            mismatch.set(true);
        }
    };
    view! {
        <div class="lt-recovery-key">
            <p>{t("recovery-key-intro")}</p>
            <p class="lt-field__label" id="lt-recovery-key-label">{t("recovery-key-label")}</p>
            <p class="lt-recovery-key__value" aria-labelledby="lt-recovery-key-label" translate="no">{key.get_value()}</p>
            <div class="lt-recovery-key__actions">
                <button class="lt-button lt-button--small" type="button" on:click=copy>{t("recovery-key-copy")}</button>
                <button class="lt-button lt-button--small" type="button" on:click=download>{t("recovery-key-download")}</button>
            </div>
            {move || copied.get().map(|id| view! { <p role="status">{t(id)}</p> })}
            <form class="lt-form" on:submit=confirm>
                <TextField id="lt-recovery-key-confirm" label=t("recovery-key-confirm") value=typed hint=t("recovery-key-confirm-hint") />
                <Show when=move || mismatch.get()>
                    <p class="lt-alert lt-alert--error" role="alert">{t("recovery-key-mismatch")}</p>
                </Show>
                <button class="lt-button" type="submit">{t("recovery-key-saved")}</button>
            </form>
        </div>
    }
}
