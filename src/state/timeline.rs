//! One open room: its rows, header and the actions on them, for the room view.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use futures_util::StreamExt;
use imbl::Vector;
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use send_wrapper::SendWrapper;

use crate::error::AppError;
use crate::i18n::t;
use crate::load_state::LoadState;
use crate::matrix::ActiveSession;
use crate::matrix::models::{
    ItemId, MemberSummary, MessageKind, MessageRow, RoomHeader, RowContent, RowKind, TimelineRow,
};
use crate::matrix::timeline::{self, RoomTimeline, SavedDraft};
use crate::state::composer::{PickedMention, draft_of};

/// Events asked for per back-pagination request.
const PAGE: u16 = 50;
/// How long typing must pause before the composer's draft is saved.
const DRAFT_SAVE_DELAY: Duration = Duration::from_millis(500);

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
    /// What the composer's next message does: a new message, a reply, or an edit.
    pub mode: RwSignal<ComposerMode>,
    /// The composer's text, kept as the room's draft across room switches and reloads.
    pub draft: RwSignal<String>,
    /// Our power level lets us delete other people's messages.
    pub can_redact_others: RwSignal<bool>,
    /// Names of the people typing now.
    pub typing: RwSignal<Vec<String>>,
    /// The event a reply quote asked to see, once it is loaded; the view scrolls to it.
    pub highlight: RwSignal<Option<String>>,
    timeline: StoredValue<Option<Rc<RoomTimeline>>, LocalStorage>,
    /// When we last told the room we are typing (ms since the epoch), to send it
    /// again only every few seconds.
    typing_sent: StoredValue<Option<f64>>,
    /// The last back-pagination failed (offline): wait for a scroll to try again.
    pagination_failed: StoredValue<bool>,
    /// The saved draft is in the composer: from now on changes are saved.
    draft_loaded: StoredValue<bool>,
    /// Bumped by each change of the draft: only the latest, once typing pauses, is saved.
    draft_generation: StoredValue<u64>,
}

/// Earlier versions of a message as (timestamp, text), or why they could not be loaded.
pub type EditHistory = Result<Vec<(u64, String)>, AppError>;

/// What the composer's next message does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ComposerMode {
    #[default]
    New,
    /// Answers this event; the sender and text show above the composer.
    Reply {
        event_id: String,
        sender: String,
        body: String,
    },
    /// Replaces the text of one of our messages.
    Edit { item: ItemId, body: String },
}

/// How often "typing" is repeated while someone keeps typing; the server lets it
/// lapse after the timeout the SDK sends (4 s).
const TYPING_REPEAT_MS: f64 = 3000.0;
/// Pages loaded at most while looking for a quoted message.
const JUMP_PAGES: usize = 20;

/// Opens `room_id`, or the thread rooted at `thread`, for the lifetime of the calling
/// owner. On leaving the room, the fully-read marker moves to the newest event.
pub fn use_timeline(
    session: Rc<ActiveSession>,
    room_id: String,
    thread: Option<String>,
) -> TimelineState {
    let state = TimelineState {
        rows: RwSignal::new(Vector::new()),
        header: RwSignal::new(RoomHeader::default()),
        load: RwSignal::new(LoadState::Loading),
        paginating: RwSignal::new(false),
        at_start: RwSignal::new(false),
        action_error: RwSignal::new(None),
        mode: RwSignal::new(ComposerMode::New),
        draft: RwSignal::new(String::new()),
        can_redact_others: RwSignal::new(false),
        typing: RwSignal::new(Vec::new()),
        highlight: RwSignal::new(None),
        timeline: StoredValue::new_local(None),
        typing_sent: StoredValue::new(None),
        pagination_failed: StoredValue::new(false),
        draft_loaded: StoredValue::new(false),
        draft_generation: StoredValue::new(0),
    };
    // The latest draft, saved once more when the room closes (a switch within the
    // save delay), from a cell that outlives the state's signals.
    let unsaved = SendWrapper::new(Rc::new(RefCell::new(None::<SavedDraft>)));
    let on_change = unsaved.clone();
    // During an edit the box holds the message's old text: the draft waits here and
    // comes back when the edit ends.
    let stash = SendWrapper::new(Rc::new(RefCell::new(None::<String>)));
    Effect::new(move |was_editing: Option<bool>| {
        let text = state.draft.get();
        let reply_to = match state.mode.get() {
            ComposerMode::New => None,
            ComposerMode::Reply { event_id, .. } => Some(event_id),
            ComposerMode::Edit { .. } => {
                if was_editing != Some(true) {
                    *stash.borrow_mut() = on_change.borrow().as_ref().map(|d| d.text.clone());
                }
                return true;
            }
        };
        if was_editing == Some(true) {
            // The edit ended and emptied the box: the draft goes back in (and is saved
            // on the next run).
            if let Some(draft) = stash.borrow_mut().take() {
                state.draft.set(draft);
            }
            return false;
        }
        if state.draft_loaded.get_value() {
            let draft = SavedDraft { text, reply_to };
            *on_change.borrow_mut() = Some(draft.clone());
            state.save_draft_later(draft);
        }
        false
    });
    let opened = SendWrapper::new(Rc::new(std::cell::RefCell::new(None::<Rc<RoomTimeline>>)));
    let on_leave = opened.clone();
    let is_room = thread.is_none();
    on_cleanup(move || {
        let Some(timeline) = on_leave.borrow_mut().take() else {
            return;
        };
        if let Some(draft) = unsaved.borrow_mut().take() {
            let timeline = timeline.clone();
            spawn_local(async move {
                if let Err(error) = timeline.save_draft(&draft).await {
                    tracing::warn!("could not save the draft: {error}");
                }
            });
        }
        if is_room {
            spawn_local(async move {
                if let Err(error) = timeline.mark_fully_read().await {
                    tracing::warn!("could not move the read marker: {error}");
                }
            });
        }
    });
    spawn_local_scoped_with_cancellation(async move {
        let timeline = match timeline::open(&session, &room_id, thread.as_deref()).await {
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
        if let Some(saved) = timeline.load_draft().await {
            // A reply whose event is not loaded yet is kept as a plain draft.
            if let Some(mode) = saved.reply_to.and_then(|id| reply_mode(&rows, &id)) {
                state.mode.set(mode);
            }
            state.draft.set(saved.text);
        }
        state.draft_loaded.set_value(true);
        state.rows.set(rows);
        state.load.set(LoadState::Ready);
        state
            .can_redact_others
            .set(timeline.can_redact_others().await);
        let typing = timeline.typing_updates();
        spawn_local_scoped_with_cancellation(async move {
            let mut typing = std::pin::pin!(typing);
            while let Some(names) = typing.next().await {
                state.typing.set(names);
            }
        });
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

/// The text an edit starts from: an emote keeps its `/me`, so it stays one.
pub fn edit_text(message: &MessageRow) -> String {
    match message.kind {
        MessageKind::Emote => format!("/me {}", message.body),
        _ => message.body.clone(),
    }
}

/// What a reply quotes: the text, or the file's name for an attachment.
pub fn quote_of(message: &MessageRow) -> String {
    match &message.media {
        Some(media) if message.body.is_empty() => media.filename.clone(),
        _ => message.body.clone(),
    }
}

/// The composer's reply banner for `event_id`, if that message is among `rows`.
fn reply_mode(rows: &Vector<TimelineRow>, event_id: &str) -> Option<ComposerMode> {
    rows.iter().find_map(|row| match &row.kind {
        RowKind::Event(event) if event.event_id.as_deref() == Some(event_id) => {
            let RowContent::Message(message) = &event.content else {
                return None;
            };
            Some(ComposerMode::Reply {
                event_id: event_id.to_owned(),
                sender: event.sender_name.clone(),
                body: quote_of(message),
            })
        }
        _ => None,
    })
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

    /// Removes the stored draft at once, dropping any save still waiting.
    fn clear_saved_draft(&self, timeline: &Rc<RoomTimeline>) {
        self.draft_generation
            .update_value(|generation| *generation += 1);
        let timeline = timeline.clone();
        spawn_local(async move {
            if let Err(error) = timeline.save_draft(&SavedDraft::default()).await {
                tracing::warn!("could not clear the draft: {error}");
            }
        });
    }

    /// Saves `draft` once no newer change came for `DRAFT_SAVE_DELAY`.
    fn save_draft_later(&self, draft: SavedDraft) {
        let generation = self.draft_generation.get_value() + 1;
        self.draft_generation.set_value(generation);
        let state = *self;
        spawn_local(async move {
            gloo_timers::future::sleep(DRAFT_SAVE_DELAY).await;
            if state.draft_generation.try_get_value() != Some(generation) {
                return;
            }
            if let Some(timeline) = state.timeline()
                && let Err(error) = timeline.save_draft(&draft).await
            {
                tracing::warn!("could not save the draft: {error}");
            }
        });
    }

    /// Loads older events unless a request is running or the start is reached. After a
    /// failure, only the person scrolling (`by_scroll`) tries again: not every frame.
    pub fn paginate(&self, by_scroll: bool) {
        let state = *self;
        let Some(timeline) = self.timeline() else {
            return;
        };
        let failed = state.pagination_failed.get_value();
        if state.paginating.get_untracked()
            || state.at_start.get_untracked()
            || (failed && !by_scroll)
        {
            return;
        }
        state.paginating.set(true);
        spawn_local(async move {
            let result = timeline.paginate_back(PAGE).await;
            state.pagination_failed.try_set_value(result.is_err());
            match result {
                Ok(reached_start) if reached_start => _ = state.at_start.try_set(true),
                Ok(_) => {}
                Err(error) => _ = state.action_error.try_set(Some(error)),
            }
            state.paginating.try_set(false);
        });
    }

    /// Sends what the composer holds, as the mode says: a new message, a reply or an
    /// edit. If it cannot go out, the text comes back through `restore`.
    pub fn submit(
        &self,
        text: String,
        mentions: Vec<PickedMention>,
        restore: impl FnOnce(String) + 'static,
    ) {
        let state = *self;
        let Some(timeline) = self.timeline() else {
            return;
        };
        let mode = state.mode.get_untracked();
        let reply_to = match &mode {
            ComposerMode::Reply { event_id, .. } => Some(event_id.clone()),
            _ => None,
        };
        let draft = match draft_of(&text, &mentions, reply_to) {
            Ok(draft) => draft,
            Err(error) => {
                state.action_error.set(Some(error));
                restore(text);
                return;
            }
        };
        state.mode.set(ComposerMode::New);
        self.typing(false);
        if !matches!(mode, ComposerMode::Edit { .. }) {
            // Sent: the stored draft goes now, not after the save delay, or a reload
            // right after sending would offer the message again.
            state.clear_saved_draft(&timeline);
        }
        spawn_local(async move {
            let result = match &mode {
                ComposerMode::Edit { item, .. } => timeline.edit(item, draft).await,
                _ => timeline.send(draft).await,
            };
            if let Err(error) = result {
                state.action_error.try_set(Some(error));
                match mode {
                    // The composer fills itself from an edit's body: give it ours.
                    ComposerMode::Edit { item, .. } => {
                        state.mode.try_set(ComposerMode::Edit { item, body: text });
                    }
                    other => {
                        state.mode.try_set(other);
                        restore(text);
                    }
                }
            } else {
                state.action_error.try_set(None);
            }
        });
    }

    /// Uploads a file and sends it (as a reply, if one is being written). Files over the
    /// server's limit are refused before anything is uploaded.
    pub fn send_file(&self, file: web_sys::File) {
        let state = *self;
        let Some(timeline) = self.timeline() else {
            return;
        };
        let reply_to = match state.mode.get_untracked() {
            ComposerMode::Reply { event_id, .. } => {
                state.mode.set(ComposerMode::New);
                Some(event_id)
            }
            _ => None,
        };
        spawn_local(async move {
            let size = file.size() as u64;
            if let Some(max) = timeline.max_upload_size().await
                && size > max
            {
                state
                    .action_error
                    .set(Some(AppError::FileTooLarge { size, max }));
                return;
            }
            let bytes = match crate::web::read_file(&file).await {
                Ok(bytes) => bytes,
                Err(error) => {
                    state.action_error.set(Some(error));
                    return;
                }
            };
            let name = file.name();
            let mimetype = file.type_();
            match timeline
                .send_attachment(name, &mimetype, bytes, reply_to)
                .await
            {
                Ok(()) => state.action_error.set(None),
                Err(error) => state.action_error.set(Some(error)),
            }
        });
    }

    /// Tells the room we are typing (repeated every few seconds while it lasts), or
    /// that we stopped.
    pub fn typing(&self, typing: bool) {
        let now = js_sys::Date::now();
        let last = self.typing_sent.get_value();
        let send = match (typing, last) {
            (true, Some(at)) => now - at > TYPING_REPEAT_MS,
            (true, None) => true,
            (false, Some(_)) => true,
            (false, None) => false,
        };
        if !send {
            return;
        }
        self.typing_sent.set_value(typing.then_some(now));
        if let Some(timeline) = self.timeline() {
            spawn_local(async move { timeline.set_typing(typing).await });
        }
    }

    /// Adds or removes our reaction `key` on a message.
    pub fn toggle_reaction(&self, item: ItemId, key: String) {
        self.run(move |timeline| async move { timeline.toggle_reaction(&item, &key).await });
    }

    /// Deletes a message, with an optional reason.
    pub fn redact(&self, item: ItemId, reason: Option<String>) {
        self.run(move |timeline| async move { timeline.redact(&item, reason.as_deref()).await });
    }

    /// The event's source, for "View source".
    pub fn load_source(&self, event_id: String, into: RwSignal<Option<String>>) {
        let Some(timeline) = self.timeline() else {
            return;
        };
        spawn_local(async move {
            let source = timeline.source_of(&event_id).await;
            into.try_set(Some(source.unwrap_or_else(|| t("source-unavailable"))));
        });
    }

    /// Earlier versions of an edited message.
    pub fn load_edit_history(&self, event_id: String, into: RwSignal<Option<EditHistory>>) {
        let Some(timeline) = self.timeline() else {
            return;
        };
        into.set(None);
        spawn_local(async move {
            into.try_set(Some(timeline.edit_history(&event_id).await));
        });
    }

    /// Our newest message that can still be edited (for the Up arrow).
    pub fn last_editable(&self) -> Option<(ItemId, String)> {
        self.rows.with_untracked(|rows| {
            rows.iter().rev().find_map(|row| match &row.kind {
                RowKind::Event(event) if event.editable => match &event.content {
                    RowContent::Message(message) => Some((event.item_id()?, message.body.clone())),
                    _ => None,
                },
                _ => None,
            })
        })
    }

    /// Brings `event_id` into the loaded rows, paginating back for it if needed, and
    /// highlights it.
    pub fn jump_to(&self, event_id: String) {
        let state = *self;
        let Some(timeline) = self.timeline() else {
            return;
        };
        let target = event_id.clone();
        // `None` once the room view is gone: then the search stops.
        let loaded = move || {
            state.rows.try_with_untracked(|rows| {
                rows.iter().any(|row| {
                    matches!(&row.kind, RowKind::Event(e) if e.event_id.as_deref() == Some(event_id.as_str()))
                })
            })
        };
        spawn_local(async move {
            for _ in 0..JUMP_PAGES {
                match loaded() {
                    Some(true) => {
                        state.highlight.try_set(Some(target));
                        return;
                    }
                    Some(false) => {}
                    None => return,
                }
                match timeline.paginate_back(PAGE).await {
                    Ok(true) if loaded() == Some(false) => break,
                    Ok(_) => {}
                    Err(error) => {
                        state.action_error.try_set(Some(error));
                        return;
                    }
                }
            }
            match loaded() {
                Some(true) => _ = state.highlight.try_set(Some(target)),
                Some(false) => _ = state.action_error.try_set(Some(AppError::MessageNotFound)),
                None => {}
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
