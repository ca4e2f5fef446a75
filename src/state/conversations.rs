//! Starting, answering and leaving conversations from the views: each action runs the
//! matrix call on the live session and reports into the caller's signals.

use leptos::prelude::*;

use super::run_action;
use crate::error::AppError;
use crate::matrix::models::UserSummary;
use crate::matrix::rooms::{self, NewRoom};

/// The room's own URL. Room IDs hold `!` and `:`, so the ID is encoded as one segment.
pub fn room_href(room_id: &str) -> String {
    format!(
        "/room/{}",
        String::from(js_sys::encode_uri_component(room_id))
    )
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

pub fn join(
    address: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<AppError>>,
    done: impl FnOnce(String) + 'static,
) {
    run_action(
        move |session| async move { rooms::join(&session, &address).await },
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
