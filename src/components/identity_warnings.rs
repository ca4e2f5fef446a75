use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::matrix::models::{IdentityWarning, WarningKind};

/// People in this room whose encryption changed: a new identity or an unverified
/// device can mean someone else reading along. Each stays until acknowledged or, for
/// an identity we had verified, verified again.
#[component]
pub fn IdentityWarnings(
    #[prop(into)] warnings: Signal<Vec<IdentityWarning>>,
    on_acknowledge: Callback<IdentityWarning>,
    on_verify: Callback<String>,
) -> impl IntoView {
    move || {
        warnings
            .get()
            .into_iter()
            .map(|warning| {
                let name = format!("{} ({})", warning.name, warning.user_id);
                let (text, acknowledge, device) = match &warning.kind {
                    WarningKind::IdentityChanged => ("identity-changed", "identity-acknowledge", None),
                    WarningKind::VerifiedIdentityChanged => {
                        ("identity-changed-verified", "identity-withdraw-verification", None)
                    }
                    WarningKind::UnverifiedDevice(device) => {
                        ("identity-unverified-device", "identity-acknowledge", Some(device.clone()))
                    }
                };
                let message = t_args(text, &[("name", &name), ("device", device.as_deref().unwrap_or_default())]);
                let can_verify = device.is_none();
                let user_id = warning.user_id.clone();
                view! {
                    <div class="lt-banner lt-banner--danger" role="alert">
                        <p class="lt-banner__text">{message}</p>
                        <button class="lt-button lt-button--small" type="button"
                            on:click=move |_| on_acknowledge.run(warning.clone())>{t(acknowledge)}</button>
                        {can_verify.then(|| view! {
                            <button class="lt-button lt-button--small lt-button--quiet" type="button"
                                on:click=move |_| on_verify.run(user_id.clone())>{t("identity-verify")}</button>
                        })}
                    </div>
                }
            })
            .collect_view()
    }
}
