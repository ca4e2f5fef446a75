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
    EventRow, ItemId, MemberSummary, MessageKind, MessageRow, ReplyPreview, RoomHeader, RowContent,
    RowKind, SendState, TimelineRow,
};
use crate::matrix::timeline::{self, Draft, RoomTimeline, SavedDraft};
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
    /// Messages drawn the moment they were sent, until their local echo arrives.
    pending: RwSignal<Vec<PendingEcho>>,
    /// Numbers the pending rows' keys.
    pending_count: StoredValue<u64>,
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

/// A message drawn in the frame it was sent, until the SDK's local echo takes its
/// place: the echo itself waits for the send queue's encrypted IndexedDB write.
#[derive(Clone, Debug)]
struct PendingEcho {
    row: TimelineRow,
    /// When the send queue took the message (its echo's mark), once it has.
    queued_at: Option<u64>,
}

/// How long a pending row waits for its local echo once the send queue has the
/// message; the echo normally follows within milliseconds.
const ECHO_WAIT: Duration = Duration::from_secs(5);

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
    // The header is drawn at once, from what the client holds; the rows follow.
    let header = timeline::header_now(&session, &room_id).unwrap_or_default();
    let state = TimelineState {
        rows: RwSignal::new(Vector::new()),
        header: RwSignal::new(header),
        load: RwSignal::new(LoadState::Loading),
        paginating: RwSignal::new(false),
        at_start: RwSignal::new(false),
        action_error: RwSignal::new(None),
        mode: RwSignal::new(ComposerMode::New),
        draft: RwSignal::new(String::new()),
        can_redact_others: RwSignal::new(false),
        typing: RwSignal::new(Vec::new()),
        highlight: RwSignal::new(None),
        pending: RwSignal::new(Vec::new()),
        pending_count: StoredValue::new(0),
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
    let keeper = SendWrapper::new(session.clone());
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
            keeper.recent_timelines().keep(timeline.clone());
            spawn_local(async move {
                if let Err(error) = timeline.mark_fully_read().await {
                    tracing::warn!("could not move the read marker: {error}");
                }
            });
        }
    });
    spawn_local_scoped_with_cancellation(async move {
        // The room switch, step by step, for the benchmark (scripts/bench.sh).
        crate::perf::mark("lattice:room-open");
        let timeline = match timeline::open(&session, &room_id, thread.as_deref()).await {
            Ok(timeline) => timeline,
            Err(error) => {
                state.load.set(LoadState::Failed(error));
                return;
            }
        };
        *opened.borrow_mut() = Some(timeline.clone());
        state.timeline.set_value(Some(timeline.clone()));
        state.header.set(timeline.header());
        let (rows, diffs) = timeline.subscribe().await;
        crate::perf::mark("lattice:room-rows-read");
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
        crate::perf::mark("lattice:room-ready");
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
        let mut first_change = true;
        while let Some(batch) = diffs.next().await {
            if std::mem::take(&mut first_change) {
                crate::perf::mark("lattice:room-rows-changed");
            }
            state.rows.update(|rows| {
                for diff in batch {
                    diff.apply(rows);
                }
                state.at_start.set(starts_room(rows));
            });
            // In the same task as the rows: the echo replaces its row in one render.
            if state
                .pending
                .with_untracked(|p| p.iter().any(|e| e.queued_at.is_some()))
            {
                state
                    .pending
                    .update(|pending| drop_echoed(pending, |at| timeline.take_local_echo(at)));
            }
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

/// The row of a message just sent: ours, named as our newest row names us, still sending.
fn pending_row(
    key: String,
    message: MessageRow,
    (own_id, own_name): (String, String),
    rows: &Vector<TimelineRow>,
    now: u64,
) -> TimelineRow {
    let newest_own = rows.iter().rev().find_map(|row| match &row.kind {
        RowKind::Event(event) if event.is_own => Some(event),
        _ => None,
    });
    let (sender_name, sender_avatar) = match newest_own {
        Some(event) => (event.sender_name.clone(), event.sender_avatar.clone()),
        None => (own_name, None),
    };
    TimelineRow {
        key,
        kind: RowKind::Event(Box::new(EventRow {
            event_id: None,
            transaction_id: None,
            sender_id: own_id,
            sender_name,
            sender_avatar,
            timestamp: now,
            is_own: true,
            editable: false,
            content: RowContent::Message(message),
            send_state: SendState::Sending { percent: None },
            read_by: Vec::new(),
        })),
    }
}

/// Drops the pending rows whose local echo has arrived.
fn drop_echoed(pending: &mut Vec<PendingEcho>, echoed: impl Fn(u64) -> bool) {
    pending.retain(|echo| !echo.queued_at.is_some_and(&echoed));
}

fn starts_room(rows: &Vector<TimelineRow>) -> bool {
    rows.iter().any(|row| row.kind == RowKind::TimelineStart)
}

impl TimelineState {
    /// The rows to draw: the timeline's, then the messages sent but not echoed yet.
    pub fn with_shown_rows<T>(&self, f: impl FnOnce(&Vector<TimelineRow>) -> T) -> T {
        self.pending.with(|pending| {
            if pending.is_empty() {
                return self.rows.with(f);
            }
            self.rows.with(|rows| {
                let mut shown = rows.clone();
                shown.extend(pending.iter().map(|echo| echo.row.clone()));
                f(&shown)
            })
        })
    }

    /// Draws `draft` at once as a pending row; returns its key.
    fn show_pending(
        &self,
        timeline: &RoomTimeline,
        draft: &Draft,
        mode: &ComposerMode,
    ) -> Option<String> {
        let mut message = match timeline.preview(draft) {
            Ok(message) => message,
            Err(error) => {
                tracing::debug!("no pending row: {error}");
                return None;
            }
        };
        if let ComposerMode::Reply {
            event_id,
            sender,
            body,
        } = mode
        {
            message.reply_to = Some(ReplyPreview {
                event_id: event_id.clone(),
                sender: Some(sender.clone()),
                body: Some(body.clone()),
            });
        }
        let count = self.pending_count.get_value() + 1;
        self.pending_count.set_value(count);
        let key = format!("pending-{count}");
        let row = self.rows.with_untracked(|rows| {
            pending_row(
                key.clone(),
                message,
                timeline.own_sender(),
                rows,
                js_sys::Date::now() as u64,
            )
        });
        self.pending.update(|pending| {
            pending.push(PendingEcho {
                row,
                queued_at: None,
            })
        });
        Some(key)
    }

    /// The send queue took the pending row `key` at `queued_at`: its echo replaces it,
    /// or, should none come, the row goes after `ECHO_WAIT`.
    fn expect_echo(&self, timeline: &RoomTimeline, key: String, queued_at: u64) {
        let state = *self;
        state.pending.try_update(|pending| {
            if let Some(echo) = pending.iter_mut().find(|echo| echo.row.key == key) {
                echo.queued_at = Some(queued_at);
            }
            drop_echoed(pending, |at| timeline.take_local_echo(at));
        });
        spawn_local(async move {
            gloo_timers::future::sleep(ECHO_WAIT).await;
            state.drop_pending(&key);
        });
    }

    fn drop_pending(&self, key: &str) {
        let present = self
            .pending
            .try_with_untracked(|pending| pending.iter().any(|echo| echo.row.key == key));
        if present == Some(true) {
            self.pending
                .update(|pending| pending.retain(|echo| echo.row.key != key));
        }
    }

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
        crate::perf::mark("lattice:room-paginate");
        spawn_local(async move {
            let result = timeline.paginate_back(PAGE).await;
            crate::perf::mark("lattice:room-paginated");
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
            restore(text);
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
        let mut pending = None;
        if !matches!(mode, ComposerMode::Edit { .. }) {
            // Sent: the stored draft goes now, not after the save delay, or a reload
            // right after sending would offer the message again.
            state.clear_saved_draft(&timeline);
            pending = state.show_pending(&timeline, &draft, &mode);
        }
        spawn_local(async move {
            let result = match &mode {
                ComposerMode::Edit { item, .. } => timeline.edit(item, draft).await,
                _ => timeline.send(draft).await.map(|queued_at| {
                    if let Some(key) = pending.clone() {
                        state.expect_echo(&timeline, key, queued_at);
                    }
                }),
            };
            if let Err(error) = result {
                if let Some(key) = &pending {
                    state.drop_pending(key);
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn message(body: &str) -> MessageRow {
        MessageRow {
            body: body.into(),
            formatted: None,
            kind: MessageKind::Text,
            media: None,
            edited: false,
            reactions: vec![],
            reply_to: None,
            thread_replies: None,
        }
    }

    fn own_id() -> (String, String) {
        ("@me:example.org".into(), "@me:example.org".into())
    }

    #[wasm_bindgen_test]
    fn a_pending_row_is_ours_sending_and_named_as_our_last_row() {
        let none = pending_row("p-1".into(), message("hi"), own_id(), &Vector::new(), 7);
        let RowKind::Event(event) = &none.kind else {
            panic!("not an event row");
        };
        assert_eq!(event.sender_name, "@me:example.org");
        assert!(event.is_own && !event.editable);
        assert_eq!(event.send_state, SendState::Sending { percent: None });
        assert_eq!(event.item_id(), None, "no action may address it yet");
        assert_eq!(event.timestamp, 7);

        let mut earlier = event.clone();
        earlier.sender_name = "Me".into();
        earlier.sender_avatar = Some("mxc://example.org/a".into());
        let rows = Vector::from(vec![TimelineRow {
            key: "e-1".into(),
            kind: RowKind::Event(earlier),
        }]);
        let named = pending_row("p-2".into(), message("hi"), own_id(), &rows, 8);
        let RowKind::Event(event) = &named.kind else {
            panic!("not an event row");
        };
        assert_eq!(event.sender_name, "Me");
        assert_eq!(event.sender_avatar.as_deref(), Some("mxc://example.org/a"));
        assert_eq!(named.key, "p-2");
    }

    #[wasm_bindgen_test]
    fn only_echoed_pending_rows_are_dropped() {
        let echo = |key: &str, queued_at| PendingEcho {
            row: pending_row(key.into(), message(key), own_id(), &Vector::new(), 0),
            queued_at,
        };
        let mut pending = vec![echo("a", Some(1)), echo("b", Some(2)), echo("c", None)];
        drop_echoed(&mut pending, |at| at == 1);
        let left: Vec<&str> = pending.iter().map(|e| e.row.key.as_str()).collect();
        assert_eq!(left, ["b", "c"], "not echoed yet, or not queued yet: kept");
    }
}
