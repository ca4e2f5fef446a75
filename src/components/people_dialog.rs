use leptos::prelude::*;

use super::{Avatar, Dialog, ErrorAlert, TextField};
use crate::i18n::{t, t_args};
use crate::matrix::models::UserSummary;
use crate::state::conversations;

/// Finds a person in the server's user directory; `on_pick` gets their user ID (used
/// for starting a DM and for inviting). A full user ID can be used as typed.
#[component]
pub fn PeopleDialog(
    open: RwSignal<bool>,
    /// Unique per dialog: the search field's id, which its label points at.
    field_id: &'static str,
    title: String,
    action_label: String,
    /// Message id of the button's accessible name, with the person as `$name`.
    pick_message: &'static str,
    busy: RwSignal<bool>,
    error: RwSignal<Option<crate::error::AppError>>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    // `None` until a search ran.
    let results = RwSignal::new(None::<Vec<UserSummary>>);
    let searching = RwSignal::new(false);
    let search = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let term = query.get_untracked();
        if term.trim().is_empty() {
            return;
        }
        conversations::search_users(term, searching, error, move |found| {
            results.set(Some(found))
        });
    };
    let typed_id = move || {
        let q = query.get();
        let q = q.trim();
        (q.starts_with('@') && q.contains(':')).then(|| q.to_owned())
    };
    view! {
        <Dialog open title>
            <form class="lt-form lt-form--inline" on:submit=search>
                <TextField id=field_id label=t("people-search") value=query hint=t("people-search-hint") />
                <button class="lt-button" type="submit" disabled=searching>{t("people-search-submit")}</button>
            </form>
            <ErrorAlert error />
            <ul class="lt-people" aria-label=t("people-results")>
                {
                    let action_label = action_label.clone();
                    move || typed_id().map(|user_id| {
                        let user = UserSummary { user_id, name: None, avatar: None };
                        view! { <PersonRow user action_label=action_label.clone() pick_message busy on_pick /> }
                    })
                }
                <For each=move || results.get().unwrap_or_default() key=|user| user.user_id.clone() let:user>
                    <PersonRow user action_label=action_label.clone() pick_message busy on_pick />
                </For>
            </ul>
            <Show when=move || results.with(|r| r.as_ref().is_some_and(Vec::is_empty))>
                <p class="lt-people__empty">{t("people-none")}</p>
            </Show>
        </Dialog>
    }
}

#[component]
fn PersonRow(
    user: UserSummary,
    action_label: String,
    pick_message: &'static str,
    busy: RwSignal<bool>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let name = user.name.clone().unwrap_or_else(|| user.user_id.clone());
    let user_id = user.user_id.clone();
    let label = t_args(pick_message, &[("name", &name)]);
    view! {
        <li class="lt-people__item">
            <Avatar name=name.clone() mxc=user.avatar.clone() />
            <span class="lt-people__name">{name}</span>
            <span class="lt-people__id">{user.user_id.clone()}</span>
            <button class="lt-button lt-button--small" type="button" disabled=busy aria-label=label
                on:click=move |_| on_pick.run(user_id.clone())>{action_label.clone()}</button>
        </li>
    }
}
