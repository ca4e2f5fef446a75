//! Starting, answering and leaving conversations from the views: each action runs the
//! matrix call on the live session and reports into the caller's signals.

use leptos::prelude::*;

use super::run_action;
use crate::error::AppError;
use crate::matrix::ActiveSession;
use crate::matrix::models::UserSummary;
use crate::matrix::permalinks::RoomLink;
use crate::matrix::rooms::{self, NewRoom};

/// The room's own URL. Room IDs hold `!` and `:`, so the ID is encoded as one segment.
pub fn room_href(room_id: &str) -> String {
    format!(
        "/room/{}",
        String::from(js_sys::encode_uri_component(room_id))
    )
}

/// Joins the room of a permalink we are not in yet.
pub fn join_link(link: RoomLink, busy: RwSignal<bool>, error: RwSignal<Option<AppError>>) {
    run_action(
        move |session| async move { rooms::join_link(&session, &link).await },
        busy,
        error,
        |_| {},
    );
}

/// The link to share for a room or one of its messages, under the permalink
/// `prefix`; `None` when it could not be made (logged).
pub async fn share_link(
    session: &ActiveSession,
    room_id: &str,
    event_id: Option<&str>,
    prefix: &str,
) -> Option<String> {
    crate::matrix::permalinks::share_link(session, room_id, event_id, prefix)
        .await
        .inspect_err(|error| tracing::warn!("no link to share: {error}"))
        .ok()
}

/// A room from a permalink, with the servers to ask for it when we are not in it.
pub fn room_link_href(link: &RoomLink) -> String {
    let mut href = room_href(&link.room);
    for (i, server) in link.via.iter().enumerate() {
        href.push(if i == 0 { '?' } else { '&' });
        href.push_str("via=");
        href.push_str(&String::from(js_sys::encode_uri_component(server)));
    }
    href
}

/// The room ID from the URL segment written by `room_href`.
pub fn room_id_from_segment(segment: &str) -> String {
    js_sys::decode_uri_component(segment)
        .map(String::from)
        .unwrap_or_else(|_| segment.to_owned())
}

pub fn answer_invite(
    room_id: String,
    accept: bool,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
) {
    run_action(
        move |session| async move {
            if accept {
                rooms::accept_invite(&session, &room_id).await
            } else {
                rooms::leave(&session, &room_id).await
            }
        },
        busy,
        error,
        |()| {},
    );
}

pub fn create_room(
    new_room: NewRoom,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(String) + 'static,
) {
    run_action(
        move |session| async move { rooms::create_room(&session, &new_room).await },
        busy,
        error,
        done,
    );
}

pub fn start_dm(
    user_id: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(String) + 'static,
) {
    run_action(
        move |session| async move { rooms::start_dm(&session, &user_id).await },
        busy,
        error,
        done,
    );
}

pub fn invite(
    room_id: String,
    user_id: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(()) + 'static,
) {
    run_action(
        move |session| async move { rooms::invite(&session, &room_id, &user_id).await },
        busy,
        error,
        done,
    );
}

/// Joins by address, ID or permalink (`prefix`: the administrator's permalink prefix).
pub fn join(
    address: String,
    prefix: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(String) + 'static,
) {
    run_action(
        move |session| async move { rooms::join(&session, &address, &prefix).await },
        busy,
        error,
        done,
    );
}

pub fn leave(
    room_id: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(()) + 'static,
) {
    run_action(
        move |session| async move { rooms::leave(&session, &room_id).await },
        busy,
        error,
        done,
    );
}

pub fn search_users(
    term: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(Vec<UserSummary>) + 'static,
) {
    run_action(
        move |session| async move { rooms::search_users(&session, &term).await },
        busy,
        error,
        done,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn room_urls_round_trip() {
        let id = "!abc/def?x=1:example.org";
        let href = room_href(id);
        assert!(!href["/room/".len()..].contains(['/', '?', '#']), "{href}");
        assert_eq!(room_id_from_segment(&href["/room/".len()..]), id);
    }
}
