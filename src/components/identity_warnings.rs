use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::matrix::models::IdentityWarning;

/// People in this room whose identity changed: a new identity can mean a new device
/// of theirs, or someone else reading along. Each stays until acknowledged or, for
/// someone we had verified, verified again.
#[component]
pub fn IdentityWarnings(
    #[prop(into)] warnings: Signal<Vec<IdentityWarning>>,
    on_acknowledge: Callback<String>,
    on_verify: Callback<String>,
) -> impl IntoView {
    move || {
        warnings.get().into_iter().map(|warning| {
            let name = format!("{} ({})", warning.name, warning.user_id);
            let (text, acknowledge) = if warning.was_verified {
                ("identity-changed-verified", "identity-withdraw-verification")
            } else {
                ("identity-changed", "identity-acknowledge")
            };
            let acknowledged = warning.user_id.clone();
            let verified = warning.user_id.clone();
            view! {
                <div class="lt-banner lt-banner--danger" role="alert">
                    <p class="lt-banner__text">{t_args(text, &[("name", &name)])}</p>
                    <button class="lt-button lt-button--small" type="button"
                        on:click=move |_| on_acknowledge.run(acknowledged.clone())>{t(acknowledge)}</button>
                    <button class="lt-button lt-button--small lt-button--quiet" type="button"
                        on:click=move |_| on_verify.run(verified.clone())>{t("identity-verify")}</button>
                </div>
            }
        }).collect_view()
    }
}
