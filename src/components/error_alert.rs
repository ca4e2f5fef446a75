use leptos::prelude::*;

use crate::error::AppError;

/// An error in plain words, announced by screen readers when it appears.
#[component]
pub fn ErrorAlert(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            view! { <p class="lt-alert lt-alert--error" role="alert">{error.user_message()}</p> }
        })
    }
}
