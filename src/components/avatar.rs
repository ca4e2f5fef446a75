use leptos::prelude::*;

use crate::state::avatars::avatar_url;

/// A round avatar: the thumbnail once loaded, the name's initial until then or without
/// one. Decorative: the name is always written next to it. A name is not text to
/// translate (`translate="no"`).
#[component]
pub fn Avatar(#[prop(into)] name: String, mxc: Option<String>) -> impl IntoView {
    let initial = initial_of(&name);
    let url = move || mxc.as_deref().and_then(avatar_url);
    view! {
        <span class="lt-avatar" aria-hidden="true" translate="no">
            {move || match url() {
                Some(src) => view! { <img class="lt-avatar__img" src=src alt="" /> }.into_any(),
                None => view! { <span class="lt-avatar__initial">{initial.clone()}</span> }.into_any(),
            }}
        </span>
    }
}

/// The first letter or digit, skipping the sigils of Matrix IDs.
fn initial_of(name: &str) -> String {
    name.chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_else(|| "?".to_owned())
}
