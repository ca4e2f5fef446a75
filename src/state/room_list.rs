//! The room list as a signal, and the pure filtering the sidebar shows.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use eyeball_im::VectorDiff;
use imbl::Vector;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::error::AppError;
use crate::matrix::models::RoomSummary;
use crate::matrix::{ActiveSession, room_list};
use crate::state::first_screen::{Keeper, first_screen_of};

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
    /// Counts over `rooms`, kept in step with each diff rather than recounted.
    pub totals: RwSignal<Totals>,
    /// False until the first batch arrived (from the cache or the server).
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<AppError>>,
}

/// Counts the sidebar and the tab title need, over the whole list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub unread: u64,
    pub invites: usize,
}

impl Totals {
    fn add(&mut self, room: &RoomSummary) {
        self.unread += room.unread;
        self.invites += usize::from(room.is_invite);
    }

    fn remove(&mut self, room: &RoomSummary) {
        self.unread = self.unread.saturating_sub(room.unread);
        self.invites = self.invites.saturating_sub(usize::from(room.is_invite));
    }
}

/// Applies one of the SDK's diffs to the list and keeps `totals` in step: the work is
/// proportional to the diff, not to the list.
pub fn apply_diff(
    rooms: &mut Vector<RoomSummary>,
    totals: &mut Totals,
    diff: VectorDiff<RoomSummary>,
) {
    match &diff {
        VectorDiff::Append { values } => values.iter().for_each(|room| totals.add(room)),
        VectorDiff::PushFront { value }
        | VectorDiff::PushBack { value }
        | VectorDiff::Insert { value, .. } => totals.add(value),
        VectorDiff::PopFront => rooms
            .front()
            .into_iter()
            .for_each(|room| totals.remove(room)),
        VectorDiff::PopBack => rooms
            .back()
            .into_iter()
            .for_each(|room| totals.remove(room)),
        VectorDiff::Set { index, value } => {
            rooms
                .get(*index)
                .into_iter()
                .for_each(|room| totals.remove(room));
            totals.add(value);
        }
        VectorDiff::Remove { index } => {
            rooms
                .get(*index)
                .into_iter()
                .for_each(|room| totals.remove(room));
        }
        VectorDiff::Truncate { length } => {
            rooms
                .iter()
                .skip(*length)
                .for_each(|room| totals.remove(room));
        }
        VectorDiff::Clear => *totals = Totals::default(),
        VectorDiff::Reset { values } => {
            *totals = Totals::default();
            values.iter().for_each(|room| totals.add(room));
        }
    }
    diff.apply(rooms);
}

/// Diffs waiting for the next animation frame: during a cold start the SDK sends many
/// small batches, and the sidebar needs to be redrawn once per frame, not per batch.
#[derive(Clone, Default)]
struct PendingDiffs {
    diffs: Rc<RefCell<Vec<VectorDiff<RoomSummary>>>>,
    scheduled: Rc<Cell<bool>>,
    /// Rooms in the SDK's list, applied or not: for the benchmark's profile.
    received: Rc<Cell<usize>>,
    /// Keeps the first screen for the next start.
    keeper: Keeper,
}

/// How long diffs may wait when no frame comes (a hidden tab runs no animation frames,
/// yet its title shows the unread count).
const FLUSH_FALLBACK: Duration = Duration::from_millis(250);

impl PendingDiffs {
    fn push(&self, diffs: Vec<VectorDiff<RoomSummary>>, state: RoomListState) {
        let received = diffs.iter().fold(self.received.get(), length_after);
        if received != self.received.replace(received) {
            // When the SDK delivered how many rooms, to compare with when they showed.
            crate::perf::mark_with_detail("lattice:rooms-received", received as f64);
        }
        self.diffs.borrow_mut().extend(diffs);
        if self.scheduled.replace(true) {
            return;
        }
        let on_frame = self.clone();
        request_animation_frame(move || on_frame.flush(state));
        let on_timeout = self.clone();
        set_timeout(move || on_timeout.flush(state), FLUSH_FALLBACK);
    }

    /// Applies what is pending; the later of the two scheduled calls finds nothing.
    fn flush(&self, state: RoomListState) {
        self.scheduled.set(false);
        let diffs = std::mem::take(&mut *self.diffs.borrow_mut());
        if diffs.is_empty() {
            return;
        }
        let mut totals = state.totals.try_get_untracked().unwrap_or_default();
        // try_: the list may be gone by the time the frame comes.
        state.rooms.try_update(|rooms| {
            for diff in diffs {
                apply_diff(rooms, &mut totals, diff);
            }
        });
        state.totals.try_set(totals);
        state.loaded.try_set(true);
        if let Some(first_screen) = state.rooms.try_with_untracked(first_screen_of) {
            let alive = move || state.rooms.try_with_untracked(|_| ()).is_some();
            self.keeper.keep(first_screen, alive);
        }
    }
}

/// The list's length after `diff`, given its length before.
fn length_after(length: usize, diff: &VectorDiff<RoomSummary>) -> usize {
    match diff {
        VectorDiff::Append { values } => length + values.len(),
        VectorDiff::PushFront { .. } | VectorDiff::PushBack { .. } | VectorDiff::Insert { .. } => {
            length + 1
        }
        VectorDiff::PopFront | VectorDiff::PopBack | VectorDiff::Remove { .. } => {
            length.saturating_sub(1)
        }
        VectorDiff::Set { .. } => length,
        VectorDiff::Truncate { length: kept } => length.min(*kept),
        VectorDiff::Clear => 0,
        VectorDiff::Reset { values } => values.len(),
    }
}

/// Starts following the room list for the lifetime of the calling owner and provides it.
pub fn provide_room_list(session: Rc<ActiveSession>) -> RoomListState {
    let state = RoomListState {
        rooms: RwSignal::new(Vector::new()),
        totals: RwSignal::new(Totals::default()),
        loaded: RwSignal::new(false),
        error: RwSignal::new(None),
    };
    provide_context(state);
    spawn_local_scoped_with_cancellation(async move {
        let pending = PendingDiffs::default();
        let followed = room_list::follow(&session, |diffs| {
            let first = !state.loaded.get_untracked();
            pending.push(diffs, state);
            if first {
                // The first screen (from the cache on a warm start) is not held back.
                pending.flush(state);
                crate::perf::mark_once("lattice:rooms-first-batch");
            }
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
/// order, narrowed by the filter and a case-insensitive name search. Unfiltered and
/// without invites, this is the list itself, shared rather than copied.
pub fn visible_rooms(
    rooms: &Vector<RoomSummary>,
    totals: Totals,
    filter: RoomFilter,
    query: &str,
) -> Vector<RoomSummary> {
    let query = query.trim().to_lowercase();
    if filter == RoomFilter::All && query.is_empty() && totals.invites == 0 {
        return rooms.clone();
    }
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

    fn ids(rooms: &Vector<RoomSummary>) -> Vec<&str> {
        rooms.iter().map(|r| r.id.as_str()).collect()
    }

    fn totals_of(rooms: &Vector<RoomSummary>) -> Totals {
        let mut totals = Totals::default();
        rooms.iter().for_each(|room| totals.add(room));
        totals
    }

    #[wasm_bindgen_test]
    fn invites_come_first_and_order_is_kept() {
        let mut invite = room("!c", "Invite");
        invite.is_invite = true;
        let rooms = Vector::from(vec![room("!a", "A"), room("!b", "B"), invite]);
        let totals = totals_of(&rooms);
        assert_eq!(
            ids(&visible_rooms(&rooms, totals, RoomFilter::All, "")),
            ["!c", "!a", "!b"]
        );
        // Without invites the unfiltered list is the same list, not a copy.
        let rooms = Vector::from(vec![room("!a", "A"), room("!b", "B")]);
        let visible = visible_rooms(&rooms, totals_of(&rooms), RoomFilter::All, " ");
        assert!(visible.ptr_eq(&rooms));
    }

    #[wasm_bindgen_test]
    fn filters_and_search_narrow_the_list() {
        let mut dm = room("!dm", "Alice");
        dm.is_dm = true;
        let mut busy = room("!busy", "Team Chat");
        busy.unread = 3;
        let rooms = Vector::from(vec![dm, busy, room("!quiet", "Quiet")]);
        let totals = totals_of(&rooms);
        assert_eq!(
            ids(&visible_rooms(&rooms, totals, RoomFilter::People, "")),
            ["!dm"]
        );
        assert_eq!(
            ids(&visible_rooms(&rooms, totals, RoomFilter::Rooms, "")),
            ["!busy", "!quiet"]
        );
        assert_eq!(
            ids(&visible_rooms(&rooms, totals, RoomFilter::Unread, "")),
            ["!busy"]
        );
        assert_eq!(
            ids(&visible_rooms(&rooms, totals, RoomFilter::All, " team ")),
            ["!busy"]
        );
        assert_eq!(totals.unread, 3);
    }

    /// Every kind of diff keeps the counts equal to a full recount.
    #[wasm_bindgen_test]
    fn totals_follow_every_kind_of_diff() {
        let unread = |id: &str, n: u64| {
            let mut r = room(id, id);
            r.unread = n;
            r
        };
        let mut invite = room("!i", "I");
        invite.is_invite = true;
        let diffs = vec![
            VectorDiff::Reset {
                values: Vector::from(vec![unread("!a", 1), unread("!b", 2)]),
            },
            VectorDiff::Append {
                values: Vector::from(vec![unread("!c", 4), invite.clone()]),
            },
            VectorDiff::PushFront {
                value: unread("!d", 8),
            },
            VectorDiff::PushBack {
                value: unread("!e", 16),
            },
            VectorDiff::Insert {
                index: 2,
                value: unread("!f", 32),
            },
            VectorDiff::Set {
                index: 0,
                value: unread("!d", 0),
            },
            VectorDiff::Remove { index: 1 },
            VectorDiff::PopFront,
            VectorDiff::PopBack,
            VectorDiff::Truncate { length: 2 },
            VectorDiff::PushBack { value: invite },
        ];
        let mut rooms = Vector::new();
        let mut totals = Totals::default();
        for diff in diffs {
            let length = length_after(rooms.len(), &diff);
            apply_diff(&mut rooms, &mut totals, diff);
            assert_eq!(totals, totals_of(&rooms), "after {:?}", ids(&rooms));
            assert_eq!(length, rooms.len());
        }
        assert_eq!(
            totals,
            Totals {
                unread: 34,
                invites: 1
            }
        );
        apply_diff(&mut rooms, &mut totals, VectorDiff::Clear);
        assert_eq!(totals, Totals::default());
    }
}
