use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::matrix::sso::{self, IdentityProvider};
use crate::web;

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
        vec![(None, t("login-sso"), None)]
    } else {
        providers
            .into_iter()
            .map(|p| {
                (
                    Some(p.id),
                    t_args("login-sso-with", &[("provider", &p.name)]),
                    p.icon_url,
                )
            })
            .collect()
    };
    view! {
        <div class="lt-login__sso">
            {after_password.then(|| view! { <p class="lt-login__or">{t("login-or")}</p> })}
            {buttons.into_iter().map(|(id, label, icon_url)| view! {
                <button class="lt-button lt-login__provider" type="button" disabled=move || disabled.get()
                    on:click=move |_| on_choose.run(id.clone())>
                    {icon_url.map(|url| view! { <ProviderIcon url /> })}
                    {label}
                </button>
            }).collect_view()}
        </div>
    }
}

/// The provider's icon, fetched from the homeserver and drawn from a `blob:` URL;
/// nothing while it loads or when the homeserver does not serve it. Decorative: the
/// button's words name the provider.
#[component]
fn ProviderIcon(url: String) -> impl IntoView {
    let src = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        let Some((bytes, mimetype)) = sso::provider_icon(&url).await else {
            return;
        };
        if let Some(blob) = web::blob_url(&bytes, Some(&mimetype)) {
            // Handed back when the button is gone already: nothing draws it.
            if let Some(Some(unused)) = src.try_set(Some(blob)) {
                web::revoke_blob_url(&unused);
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(url)) = src.try_get_untracked() {
            web::revoke_blob_url(&url);
        }
    });
    move || {
        src.get().map(|src| {
            view! {
                <img class="lt-login__provider-icon" src=src alt="" width="24" height="24" />
            }
        })
    }
}
