//! The room list as a signal, and the pure filtering the sidebar shows.

use std::rc::Rc;

use imbl::Vector;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::error::AppError;
use crate::matrix::models::RoomSummary;
use crate::matrix::{ActiveSession, room_list};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RoomFilter {
    #[default]
    All,
    Unread,
    People,
    Rooms,
}

#[derive(Clone, Copy)]
pub struct RoomListState {
    /// Every room we are in or invited to, most recent activity first.
    pub rooms: RwSignal<Vector<RoomSummary>>,
    /// False until the first batch arrived (from the cache or the server).
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<AppError>>,
}

/// Starts following the room list for the lifetime of the calling owner and provides it.
pub fn provide_room_list(session: Rc<ActiveSession>) -> RoomListState {
    let state = RoomListState {
        rooms: RwSignal::new(Vector::new()),
        loaded: RwSignal::new(false),
        error: RwSignal::new(None),
    };
    provide_context(state);
    spawn_local_scoped_with_cancellation(async move {
        let followed = room_list::follow(&session, |diffs| {
            state.rooms.update(|rooms| {
                for diff in diffs {
                    diff.apply(rooms);
                }
            });
            state.loaded.set(true);
        })
        .await;
        if let Err(error) = followed {
            state.error.set(Some(error));
        }
    });
    state
}

pub fn use_room_list() -> RoomListState {
    expect_context::<RoomListState>()
}

/// The rooms the sidebar shows: pending invites first, then the rest in the SDK's
/// order, narrowed by the filter and a case-insensitive name search.
pub fn visible_rooms(
    rooms: &Vector<RoomSummary>,
    filter: RoomFilter,
    query: &str,
) -> Vec<RoomSummary> {
    let query = query.trim().to_lowercase();
    let matches = |room: &&RoomSummary| {
        let kind = match filter {
            RoomFilter::All => true,
            RoomFilter::Unread => room.has_unread() || room.is_invite,
            RoomFilter::People => room.is_dm,
            RoomFilter::Rooms => !room.is_dm,
        };
        kind && (query.is_empty() || room.name.to_lowercase().contains(&query))
    };
    let invites = rooms.iter().filter(|room| room.is_invite).filter(matches);
    let joined = rooms.iter().filter(|room| !room.is_invite).filter(matches);
    invites.chain(joined).cloned().collect()
}

/// Unread messages across all rooms, for the tab title.
pub fn total_unread(rooms: &Vector<RoomSummary>) -> u64 {
    rooms.iter().map(|room| room.unread).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn room(id: &str, name: &str) -> RoomSummary {
        RoomSummary {
            id: id.into(),
            name: name.into(),
            avatar: None,
            preview: None,
            unread: 0,
            mentions: 0,
            marked_unread: false,
            is_dm: false,
            is_invite: false,
        }
    }

    fn ids(rooms: &[RoomSummary]) -> Vec<&str> {
        rooms.iter().map(|r| r.id.as_str()).collect()
    }

    #[wasm_bindgen_test]
    fn invites_come_first_and_order_is_kept() {
        let mut invite = room("!c", "Invite");
        invite.is_invite = true;
        let rooms = Vector::from(vec![room("!a", "A"), room("!b", "B"), invite]);
        assert_eq!(
            ids(&visible_rooms(&rooms, RoomFilter::All, "")),
            ["!c", "!a", "!b"]
        );
    }

    #[wasm_bindgen_test]
    fn filters_and_search_narrow_the_list() {
        let mut dm = room("!dm", "Alice");
        dm.is_dm = true;
        let mut busy = room("!busy", "Team Chat");
        busy.unread = 3;
        let rooms = Vector::from(vec![dm, busy, room("!quiet", "Quiet")]);
        assert_eq!(ids(&visible_rooms(&rooms, RoomFilter::People, "")), ["!dm"]);
        assert_eq!(
            ids(&visible_rooms(&rooms, RoomFilter::Rooms, "")),
            ["!busy", "!quiet"]
        );
        assert_eq!(
            ids(&visible_rooms(&rooms, RoomFilter::Unread, "")),
            ["!busy"]
        );
        assert_eq!(
            ids(&visible_rooms(&rooms, RoomFilter::All, " team ")),
            ["!busy"]
        );
        assert_eq!(total_unread(&rooms), 3);
    }
}
