//! One open room: its rows, header and the actions on them, for the room view.

use std::rc::Rc;

use futures_util::StreamExt;
use imbl::Vector;
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use send_wrapper::SendWrapper;

use crate::error::AppError;
use crate::load_state::LoadState;
use crate::matrix::ActiveSession;
use crate::matrix::models::{MemberSummary, RoomHeader, RowKind, TimelineRow};
use crate::matrix::timeline::{self, RoomTimeline};

/// Events asked for per back-pagination request.
const PAGE: u16 = 50;

#[derive(Clone, Copy)]
pub struct TimelineState {
    pub rows: RwSignal<Vector<TimelineRow>>,
    pub header: RwSignal<RoomHeader>,
    /// Opening the room.
    pub load: RwSignal<LoadState>,
    pub paginating: RwSignal<bool>,
    /// The room's first event is loaded: nothing more above.
    pub at_start: RwSignal<bool>,
    /// The last failed action (send, retry, pagination), shown above the composer.
    pub action_error: RwSignal<Option<AppError>>,
    timeline: StoredValue<Option<Rc<RoomTimeline>>, LocalStorage>,
}

/// Opens `room_id` for the lifetime of the calling owner. On leaving, the fully-read
/// marker moves to the newest event.
pub fn use_timeline(session: Rc<ActiveSession>, room_id: String) -> TimelineState {
    let state = TimelineState {
        rows: RwSignal::new(Vector::new()),
        header: RwSignal::new(RoomHeader::default()),
        load: RwSignal::new(LoadState::Loading),
        paginating: RwSignal::new(false),
        at_start: RwSignal::new(false),
        action_error: RwSignal::new(None),
        timeline: StoredValue::new_local(None),
    };
    let opened = SendWrapper::new(Rc::new(std::cell::RefCell::new(None::<Rc<RoomTimeline>>)));
    let on_leave = opened.clone();
    on_cleanup(move || {
        if let Some(timeline) = on_leave.borrow_mut().take() {
            spawn_local(async move {
                if let Err(error) = timeline.mark_fully_read().await {
                    tracing::warn!("could not move the read marker: {error}");
                }
            });
        }
    });
    spawn_local_scoped_with_cancellation(async move {
        let timeline = match timeline::open(&session, &room_id).await {
            Ok(timeline) => Rc::new(timeline),
            Err(error) => {
                state.load.set(LoadState::Failed(error));
                return;
            }
        };
        *opened.borrow_mut() = Some(timeline.clone());
        state.timeline.set_value(Some(timeline.clone()));
        state.header.set(timeline.header());
        let (rows, diffs) = timeline.subscribe().await;
        state.at_start.set(starts_room(&rows));
        state.rows.set(rows);
        state.load.set(LoadState::Ready);
        let headers = timeline.header_updates();
        spawn_local_scoped_with_cancellation(async move {
            let mut headers = std::pin::pin!(headers);
            while let Some(header) = headers.next().await {
                state.header.set(header);
            }
        });
        let mut diffs = std::pin::pin!(diffs);
        while let Some(batch) = diffs.next().await {
            state.rows.update(|rows| {
                for diff in batch {
                    diff.apply(rows);
                }
                state.at_start.set(starts_room(rows));
            });
        }
    });
    state
}

fn starts_room(rows: &Vector<TimelineRow>) -> bool {
    rows.iter().any(|row| row.kind == RowKind::TimelineStart)
}

impl TimelineState {
    /// The open timeline; `None` before it opens, or once the room view is gone (the
    /// actions below can be called from timers and events that outlive it).
    fn timeline(&self) -> Option<Rc<RoomTimeline>> {
        self.timeline.try_get_value().flatten()
    }

    /// Loads older events unless a request is running or the start is reached.
    pub fn paginate(&self) {
        let state = *self;
        let Some(timeline) = self.timeline() else {
            return;
        };
        if state.paginating.get_untracked() || state.at_start.get_untracked() {
            return;
        }
        state.paginating.set(true);
        spawn_local(async move {
            match timeline.paginate_back(PAGE).await {
                Ok(reached_start) if reached_start => state.at_start.set(true),
                Ok(_) => {}
                Err(error) => state.action_error.set(Some(error)),
            }
            state.paginating.set(false);
        });
    }

    /// Queues a message. On failure to queue, the text comes back through `restore`.
    pub fn send(&self, text: String, restore: impl FnOnce(String) + 'static) {
        let state = *self;
        let Some(timeline) = self.timeline() else {
            return;
        };
        spawn_local(async move {
            match timeline.send(&text).await {
                Ok(()) => state.action_error.set(None),
                Err(error) => {
                    state.action_error.set(Some(error));
                    restore(text);
                }
            }
        });
    }

    pub fn retry(&self, key: String) {
        self.run(move |timeline| async move { timeline.retry(&key).await });
    }

    pub fn cancel(&self, key: String) {
        self.run(move |timeline| async move { timeline.cancel(&key).await });
    }

    /// Sends the read receipt for `event_id`.
    pub fn mark_read(&self, event_id: String) {
        self.run(move |timeline| async move { timeline.mark_read(&event_id).await });
    }

    fn run<F>(&self, action: impl FnOnce(Rc<RoomTimeline>) -> F)
    where
        F: Future<Output = Result<(), AppError>> + 'static,
    {
        let state = *self;
        let Some(timeline) = self.timeline() else {
            return;
        };
        let future = action(timeline);
        spawn_local(async move {
            if let Err(error) = future.await {
                state.action_error.set(Some(error));
            }
        });
    }

    /// Loads the joined members into `members`.
    pub fn load_members(&self, members: RwSignal<Option<Result<Vec<MemberSummary>, AppError>>>) {
        let Some(timeline) = self.timeline() else {
            return;
        };
        spawn_local(async move { members.set(Some(timeline.members().await)) });
    }
}
