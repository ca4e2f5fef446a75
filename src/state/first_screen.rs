//! The room list's first screen, kept encrypted in the vault, so that a start draws the
//! person's rooms at once, before the SDK's stores are open (most of a warm start);
//! the live list replaces it as soon as the session runs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use imbl::Vector;
use leptos::task::spawn_local;

use crate::matrix::models::RoomSummary;
use crate::state::room_list::{RoomFilter, Totals, visible_rooms};
use crate::storage::vault;

/// More rows than any window shows at once.
const ROOMS_KEPT: usize = 40;
/// The list must stay unchanged this long before it is saved again.
const SAVE_DELAY: Duration = Duration::from_secs(2);

/// The kept first screen, if there is one that can be read.
pub async fn load() -> Option<Vector<RoomSummary>> {
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

/// What the unfiltered list shows first.
pub fn first_screen_of(rooms: &Vector<RoomSummary>, totals: Totals) -> Vec<RoomSummary> {
    visible_rooms(rooms, totals, RoomFilter::All, "")
        .iter()
        .take(ROOMS_KEPT)
        .cloned()
        .collect()
}

/// Saves the list's first screen whenever it changed and then stayed still a while.
#[derive(Clone, Default)]
pub struct Keeper {
    generation: Rc<Cell<u64>>,
    saved: Rc<RefCell<Vec<RoomSummary>>>,
}

impl Keeper {
    /// `alive` is asked again before saving: nothing is written once the list is gone
    /// (signed out).
    pub fn keep(&self, first_screen: Vec<RoomSummary>, alive: impl Fn() -> bool + 'static) {
        if *self.saved.borrow() == first_screen {
            return;
        }
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        let keeper = self.clone();
        spawn_local(async move {
            gloo_timers::future::sleep(SAVE_DELAY).await;
            if keeper.generation.get() != generation || !alive() {
                return;
            }
            let Ok(bytes) = serde_json::to_vec(&first_screen) else {
                return;
            };
            match vault::save_first_screen(&bytes).await {
                Ok(()) => *keeper.saved.borrow_mut() = first_screen,
                Err(error) => tracing::warn!("could not keep the room list: {error}"),
            }
        });
    }
}
