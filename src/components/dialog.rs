use leptos::html;
use leptos::prelude::*;

use crate::i18n::t;

/// A modal `<dialog>`: the browser traps focus inside, Escape closes it, and focus
/// returns to the button that opened it.
#[component]
pub fn Dialog(open: RwSignal<bool>, title: String, children: Children) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
    let title_id = format!("lt-dialog-{}", title.to_lowercase().replace(' ', "-"));
    let labelled_by = title_id.clone();
    view! {
        <dialog class="lt-dialog" node_ref=dialog aria-labelledby=labelled_by
            on:close=move |_| open.set(false)>
            <div class="lt-dialog__header">
                <h2 class="lt-dialog__title" id=title_id>{title}</h2>
                <button class="lt-button lt-button--quiet" type="button" on:click=move |_| open.set(false)>
                    {t("dialog-close")}
                </button>
            </div>
            {children()}
        </dialog>
    }
}
