use leptos::prelude::*;

/// A labelled text input; the label is tied to the input so it is its accessible name.
#[component]
pub fn TextField(
    id: &'static str,
    label: String,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    /// Shown but not editable (still focusable and read by screen readers).
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described_by = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="lt-field">
            <label class="lt-field__label" for=id>{label}</label>
            <input class="lt-field__input" id=id type=input_type autocomplete=autocomplete
                aria-describedby=described_by bind:value=value readonly=readonly />
            {hint.map(|hint| view! { <p class="lt-field__hint" id=hint_id>{hint}</p> })}
        </div>
    }
}
