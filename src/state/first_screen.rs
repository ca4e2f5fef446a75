//! The room list's first screen, kept encrypted in the vault, so that a start draws the
//! person's rooms at once, before the SDK's stores are open (most of a warm start);
//! the live list replaces it as soon as the session runs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use imbl::Vector;
use leptos::task::spawn_local;

use crate::matrix::models::RoomSummary;
use crate::storage::vault;

/// More rows than any window shows at once.
const ROOMS_KEPT: usize = 40;
/// At most one save per this interval.
const SAVE_DELAY: Duration = Duration::from_secs(2);

/// The kept first screen, if there is one that can be read.
pub async fn load() -> Option<Vector<RoomSummary>> {
    // Only beside a saved session: never a list left over from a signed-out one.
    if !matches!(vault::read_record().await, Ok(Some(_))) {
        return None;
    }
    let bytes = match vault::load_first_screen().await {
        Ok(bytes) => bytes?,
        Err(error) => {
            tracing::warn!("the kept room list could not be read: {error}");
            return None;
        }
    };
    serde_json::from_slice::<Vec<RoomSummary>>(&bytes)
        .ok()
        .map(Vector::from)
}

/// What the unfiltered list shows first (invites first, as `visible_rooms` orders
/// them). Lazy: called for every frame of changes, it clones only the rows it keeps.
pub fn first_screen_of(rooms: &Vector<RoomSummary>) -> Vec<RoomSummary> {
    let invites = rooms.iter().filter(|room| room.is_invite);
    let joined = rooms.iter().filter(|room| !room.is_invite);
    invites.chain(joined).take(ROOMS_KEPT).cloned().collect()
}

/// Saves the list's first screen when it changed, at most once per `SAVE_DELAY`: a
/// busy account whose top rooms change all the time still gets it saved.
#[derive(Clone, Default)]
pub struct Keeper {
    /// The first screen as it is now.
    latest: Rc<RefCell<Vec<RoomSummary>>>,
    /// As it was last saved.
    saved: Rc<RefCell<Vec<RoomSummary>>>,
    /// A save is scheduled.
    pending: Rc<Cell<bool>>,
}

impl Keeper {
    /// `alive` is asked again before saving: nothing is written once the list is gone
    /// (signed out).
    pub fn keep(&self, first_screen: Vec<RoomSummary>, alive: impl Fn() -> bool + 'static) {
        if *self.latest.borrow() == first_screen {
            return;
        }
        *self.latest.borrow_mut() = first_screen;
        if self.pending.replace(true) {
            return;
        }
        let keeper = self.clone();
        spawn_local(async move {
            gloo_timers::future::sleep(SAVE_DELAY).await;
            keeper.pending.set(false);
            let latest = keeper.latest.borrow().clone();
            if !alive() || *keeper.saved.borrow() == latest {
                return;
            }
            let Ok(bytes) = serde_json::to_vec(&latest) else {
                return;
            };
            match vault::save_first_screen(&bytes).await {
                Ok(()) => *keeper.saved.borrow_mut() = latest,
                Err(error) => tracing::warn!("could not keep the room list: {error}"),
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn room(id: usize, is_invite: bool) -> RoomSummary {
        RoomSummary {
            id: format!("!{id}"),
            name: format!("Room {id}"),
            avatar: None,
            preview: None,
            unread: 0,
            mentions: 0,
            marked_unread: false,
            is_dm: false,
            is_invite,
        }
    }

    #[wasm_bindgen_test]
    fn the_first_screen_is_the_unfiltered_list_cut_short() {
        let rooms: Vector<RoomSummary> = (0..100).map(|id| room(id, id == 70)).collect();
        let first = first_screen_of(&rooms);
        assert_eq!(first.len(), ROOMS_KEPT);
        assert_eq!(first[0].id, "!70", "invites come first, as in the list");
        assert_eq!(first[1].id, "!0");
    }
}
