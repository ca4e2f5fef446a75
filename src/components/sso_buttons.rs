use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::matrix::sso::IdentityProvider;

/// One button per identity provider the homeserver offers, or a single one when it
/// lists none (it then chooses, or asks on its own page).
#[component]
pub fn SsoButtons(
    providers: Vec<IdentityProvider>,
    server_choice: bool,
    /// Below the password form: an "or" goes between them.
    after_password: bool,
    #[prop(into)] disabled: Signal<bool>,
    on_choose: Callback<Option<String>>,
) -> impl IntoView {
    let buttons = if server_choice {
        vec![(None, t("login-sso"))]
    } else {
        providers
            .into_iter()
            .map(|p| {
                (
                    Some(p.id),
                    t_args("login-sso-with", &[("provider", &p.name)]),
                )
            })
            .collect()
    };
    view! {
        <div class="lt-login__sso">
            {after_password.then(|| view! { <p class="lt-login__or">{t("login-or")}</p> })}
            {buttons.into_iter().map(|(id, label)| view! {
                <button class="lt-button lt-login__provider" type="button" disabled=move || disabled.get()
                    on:click=move |_| on_choose.run(id.clone())>
                    {label}
                </button>
            }).collect_view()}
        </div>
    }
}
