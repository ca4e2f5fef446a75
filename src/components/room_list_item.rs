use leptos::prelude::*;

use super::Avatar;
use crate::i18n::{t, t_count};
use crate::matrix::models::RoomSummary;
use crate::state::conversations;

/// One row of the room list: a link to the room, or an invite with accept and decline.
#[component]
pub fn RoomListItem(
    room: RoomSummary,
    /// Place in the whole list, from 0.
    position: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
    /// Row height in pixels: the row is placed at `position * row_px`.
    row_px: f64,
    selected: Signal<Option<String>>,
) -> impl IntoView {
    let href = conversations::room_href(&room.id);
    let id = room.id.clone();
    let is_selected = Signal::derive(move || selected.get().as_deref() == Some(id.as_str()));
    let unread = room.has_unread();
    let class = move || {
        let mut class = String::from("lt-room-list__item");
        if unread {
            class.push_str(" lt-room-list__item--unread");
        }
        if is_selected.get() {
            class.push_str(" lt-room-list__item--selected");
        }
        class
    };
    let badge = (room.unread > 0 || room.mentions > 0).then(|| {
        let label = if room.mentions > 0 {
            t_count("room-mentions", room.mentions)
        } else {
            t_count("room-unread", room.unread)
        };
        let mention = room.mentions > 0;
        // The number is for the eye; screen readers read the sentence instead.
        view! {
            <span class="lt-badge" class:lt-badge--mention=mention aria-hidden="true" title=label.clone()>
                {room.unread.max(room.mentions)}
            </span>
            <span class="lt-visually-hidden">{label}</span>
        }
    });
    let preview = if room.is_invite {
        Some(t("room-invited"))
    } else {
        room.preview.clone()
    };
    let invite = room
        .is_invite
        .then(|| view! { <InviteActions room_id=room.id.clone() /> });
    view! {
        <li class=class style:transform=move || format!("translateY({}px)", position.get() as f64 * row_px)
            aria-setsize=move || total.get() aria-posinset=move || position.get() + 1>
            <a class="lt-room-list__link" href=href
                aria-current=move || if is_selected.get() { Some("page") } else { None }>
                <Avatar name=room.name.clone() mxc=room.avatar.clone() />
                <span class="lt-room-list__text">
                    <span class="lt-room-list__name">{room.name.clone()}</span>
                    <span class="lt-room-list__preview">{preview}</span>
                </span>
                {badge}
            </a>
            {invite}
        </li>
    }
}

#[component]
fn InviteActions(room_id: String) -> impl IntoView {
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    let act = move |accept: bool| {
        let room_id = room_id.clone();
        move |_| conversations::answer_invite(room_id.clone(), accept, busy, error)
    };
    view! {
        <span class="lt-room-list__invite">
            <button class="lt-button lt-button--small" type="button" disabled=busy on:click=act(true)>
                {t("invite-accept")}
            </button>
            <button class="lt-button lt-button--small lt-button--quiet" type="button" disabled=busy
                on:click=act(false)>
                {t("invite-decline")}
            </button>
            <super::ErrorAlert error=error />
        </span>
    }
}
