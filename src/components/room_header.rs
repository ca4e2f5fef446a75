use leptos::prelude::*;

use super::Avatar;
use crate::i18n::{t, t_count};
use crate::matrix::models::RoomHeader;

/// Name, topic and member count; `actions` holds the room's buttons.
#[component]
pub fn RoomHeaderView(
    header: RwSignal<RoomHeader>,
    show_members: RwSignal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <header class="lt-room__header">
            {move || header.with(|h| view! { <Avatar name=h.name.clone() mxc=h.avatar.clone() /> })}
            <div class="lt-room__title">
                <h2 class="lt-room__name">{move || header.with(|h| h.name.clone())}</h2>
                {move || header.with(|h| h.topic.clone()).map(|topic| view! { <p class="lt-room__topic">{topic}</p> })}
                <p class="lt-room__encryption" class:lt-room__encryption--on=move || header.with(|h| h.encrypted)>
                    {move || if header.with(|h| h.encrypted) { t("room-encrypted") } else { t("room-not-encrypted") }}
                </p>
            </div>
            <button class="lt-button lt-button--quiet" type="button"
                aria-expanded=move || show_members.get().to_string() aria-controls="lt-member-list"
                on:click=move |_| show_members.update(|shown| *shown = !*shown)>
                {move || t_count("room-members", header.with(|h| h.member_count))}
            </button>
            {children()}
        </header>
    }
}
