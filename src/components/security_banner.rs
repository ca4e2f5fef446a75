use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;
use crate::state::security::SecurityPrompt;

/// What the person still has to do for their encrypted messages, with the way there.
#[component]
pub fn SecurityBanner(#[prop(into)] prompt: Signal<Option<SecurityPrompt>>) -> impl IntoView {
    move || {
        prompt.get().map(|prompt| {
            let (text, action) = match prompt {
                SecurityPrompt::VerifyThisDevice => {
                    ("security-banner-verify", "security-verify-device")
                }
                SecurityPrompt::SetUpRecovery => ("security-banner-setup", "recovery-set-up"),
                SecurityPrompt::CompleteRecovery => {
                    ("security-banner-complete", "recovery-enter-key")
                }
            };
            view! {
                <div class="lt-banner" role="status">
                    <p class="lt-banner__text">{t(text)}</p>
                    <A href="/security" attr:class="lt-button lt-button--small">{t(action)}</A>
                </div>
            }
        })
    }
}
