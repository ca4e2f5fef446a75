use leptos::prelude::*;

use super::TextField;
use crate::i18n::t;
use crate::matrix::uia::{Challenge, Confirmation};

/// Answers what the server asks before a protected action: the password, or single
/// sign-on again on the homeserver's page in a new window (the app's own page stays,
/// and the person comes back to it to continue). Both when the server takes either.
#[component]
pub fn ConfirmIdentity(
    challenge: Challenge,
    #[prop(into)] busy: Signal<bool>,
    /// The password field's id, unique on the page.
    id: &'static str,
    /// The button that answers with the password.
    submit_label: String,
    on_answer: Callback<Confirmation>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    // Continuing through single sign-on can take a while: the server may wait for the
    // confirmation still under way in the other window.
    let waiting_for_sso = RwSignal::new(false);
    let session = StoredValue::new(challenge.session.clone());
    let with_password = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        waiting_for_sso.set(false);
        on_answer.run(Confirmation::Password {
            password: password.get_untracked(),
            session: session.get_value(),
        });
    };
    let sso = challenge.sso_url.zip(challenge.session).map(|(url, session)| {
        let session = StoredValue::new(session);
        view! {
            <div class="lt-confirm__sso">
                <p>{t("confirm-sso-hint")}</p>
                // A link, not a script-opened window: it works where pop-ups are blocked.
                <a class="lt-button" href=url target="_blank" rel="noopener noreferrer">{t("confirm-sso-open")}</a>
                <button class="lt-button lt-button--danger" type="button" disabled=move || busy.get()
                    on:click=move |_| {
                        waiting_for_sso.set(true);
                        on_answer.run(Confirmation::SsoFinished { session: session.get_value() });
                    }>
                    {t("confirm-sso-continue")}
                </button>
                {move || (busy.get() && waiting_for_sso.get()).then(|| view! {
                    <p role="status">{t("confirm-sso-waiting")}</p>
                })}
            </div>
        }
    });
    view! {
        {challenge.password.then(|| view! {
            <form class="lt-form" on:submit=with_password>
                <TextField id label=t("login-password") value=password input_type="password" autocomplete="current-password" />
                <button class="lt-button lt-button--danger" type="submit" disabled=move || busy.get()>{submit_label}</button>
            </form>
        })}
        {sso}
    }
}
