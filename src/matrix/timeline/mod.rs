//! A room's matrix-sdk-ui Timeline → plain `TimelineRow` diffs (mapped in `rows.rs`),
//! plus the actions on it: back-pagination, sending, replies, edits, reactions,
//! deletes and attachments through the send queue, retry and cancel, read receipts.

#[cfg(test)]
mod properties;
mod rows;
mod send_failure;

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use eyeball_im::VectorDiff;
use futures_util::{Stream, StreamExt};
use imbl::Vector;
use matrix_sdk::room::Receipts;
use matrix_sdk::room::edit::EditedContent;
use matrix_sdk::ruma::api::client::receipt::create_receipt::v3::ReceiptType;
use matrix_sdk::ruma::events::receipt::ReceiptThread;
use matrix_sdk::ruma::events::room::message::{
    RoomMessageEventContent, RoomMessageEventContentWithoutRelation,
};
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, Mentions, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomId};
use matrix_sdk::send_queue::SendHandle;
use matrix_sdk::{ComposerDraft, ComposerDraftType, Room, RoomMemberships, RoomState};
use matrix_sdk_ui::Timeline;
use matrix_sdk_ui::timeline::{
    AttachmentConfig, AttachmentSource, RoomExt, TimelineEventItemId, TimelineFocus, TimelineItem,
    TimelineItemKind, default_event_filter,
};

use rows::message_of;
use rows::{RowContext, row_of};

use super::models::{ItemId, MemberSummary, MessageRow, RoomHeader, TimelineRow};
use super::room_list::room_name;
use super::sync::FollowPurpose;
use super::{ActiveSession, errors};
use crate::error::AppError;

/// An open room: its Timeline, the send handles of our unsent messages, and the
/// members' names (reactions and receipts name people only by user ID).
pub struct RoomTimeline {
    room: Room,
    timeline: Timeline,
    send_handles: Rc<RefCell<HashMap<String, SendHandle>>>,
    /// When each local echo seen was queued (its send handle's `created_at`), by row
    /// key, until `take_local_echo` claims it for the row drawn before it.
    echoes: Rc<RefCell<HashMap<String, u64>>>,
    names: Rc<RefCell<HashMap<OwnedUserId, String>>>,
    /// Focused on one thread rather than the room.
    is_thread: bool,
    /// The thread's root, whose composer draft is kept apart from the room's.
    thread_root: Option<OwnedEventId>,
}

/// What a composer held when the person left it: kept in the SDK's state store, which
/// is encrypted, per room and per thread.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedDraft {
    pub text: String,
    /// The event the draft answers.
    pub reply_to: Option<String>,
}

/// A message to send: markdown text, who it mentions on purpose, and what it answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub markdown: String,
    pub emote: bool,
    pub mentions: Vec<String>,
    pub reply_to: Option<String>,
}

/// Rooms whose timelines stay built after the person leaves them.
const KEPT_TIMELINES: usize = 5;

/// The timelines of the last rooms left, kept built with their rows: going back to one
/// of them shows its rows at once, instead of building the SDK Timeline again (~0.1 s)
/// and waiting for the room subscription's events (~0.2 s; BENCHMARKS.md).
#[derive(Default)]
pub struct RecentTimelines {
    kept: RefCell<VecDeque<Rc<RoomTimeline>>>,
    /// The session stopped (another tab took over): nothing is kept any more.
    closed: Cell<bool>,
}

impl RecentTimelines {
    /// Keeps a room's timeline (not a thread's), dropping the oldest beyond the limit.
    pub fn keep(&self, timeline: Rc<RoomTimeline>) {
        if timeline.is_thread || self.closed.get() {
            return;
        }
        let mut kept = self.kept.borrow_mut();
        kept.retain(|t| t.room.room_id() != timeline.room.room_id());
        kept.push_front(timeline);
        kept.truncate(KEPT_TIMELINES);
    }

    /// Lets go of every kept timeline, now and from now on. A stopped session's
    /// timelines would otherwise live on with the event cache they follow, which
    /// another tab's session now writes to.
    pub fn close(&self) {
        self.closed.set(true);
        self.kept.borrow_mut().clear();
    }

    fn take(&self, room_id: &RoomId) -> Option<Rc<RoomTimeline>> {
        let mut kept = self.kept.borrow_mut();
        let position = kept.iter().position(|t| t.room.room_id() == room_id)?;
        kept.remove(position)
    }
}

/// The room's header from what the client already holds, drawn while its timeline opens.
pub fn header_now(session: &ActiveSession, room_id: &str) -> Option<RoomHeader> {
    let room_id = RoomId::parse(room_id).ok()?;
    session
        .client()
        .get_room(&room_id)
        .map(|room| header_of(&room))
}

/// Opens the room's timeline, or one thread of it (`thread`: the root's event ID), and
/// asks sliding sync for the room's full state while it is open. The room's own
/// timeline leaves thread replies to the thread's timeline. A room left a moment ago
/// comes back from `RecentTimelines` as it was.
pub async fn open(
    session: &ActiveSession,
    room_id: &str,
    thread: Option<&str>,
) -> Result<Rc<RoomTimeline>, AppError> {
    let room_id =
        OwnedRoomId::try_from(room_id).map_err(|_| AppError::RoomNotFound(room_id.to_owned()))?;
    let room = session
        .client()
        .get_room(&room_id)
        .ok_or_else(|| AppError::RoomNotFound(room_id.to_string()))?;
    session
        .followed_rooms()
        .follow(FollowPurpose::OpenRoom, &room_id)
        .await;
    crate::perf::mark("lattice:room-followed");
    if thread.is_none()
        && let Some(kept) = session.recent_timelines().take(&room_id)
    {
        return Ok(kept);
    }
    let thread_root = thread.map(parse_event_id).transpose()?;
    let focus = match &thread_root {
        Some(root) => TimelineFocus::Thread {
            root_event_id: root.clone(),
        },
        None => TimelineFocus::Live {
            hide_threaded_events: true,
        },
    };
    let timeline = room
        .timeline_builder()
        .with_focus(focus)
        .event_filter(|event, rules| default_event_filter(event, rules) || is_message(event))
        .build()
        .await
        .map_err(|e| errors::failed("open the timeline", e))?;
    crate::perf::mark("lattice:room-timeline-built");
    // Uploads report their progress into the local echo.
    session.client().send_queue().enable_upload_progress(true);
    // Names known locally, for reactions and receipts; the user ID stands in for the rest.
    let names = match room.members_no_sync(RoomMemberships::JOIN).await {
        Ok(members) => members
            .iter()
            .map(|m| (m.user_id().to_owned(), m.name().to_owned()))
            .collect(),
        Err(error) => {
            tracing::debug!("no member names for the timeline: {error}");
            HashMap::new()
        }
    };
    crate::perf::mark("lattice:room-members-read");
    Ok(Rc::new(RoomTimeline {
        room,
        timeline,
        send_handles: Rc::default(),
        echoes: Rc::default(),
        names: Rc::new(RefCell::new(names)),
        is_thread: thread.is_some(),
        thread_root,
    }))
}

impl RoomTimeline {
    /// The rows now, then every change to them.
    pub async fn subscribe(
        &self,
    ) -> (
        Vector<TimelineRow>,
        impl Stream<Item = Vec<VectorDiff<TimelineRow>>> + use<>,
    ) {
        let (items, stream) = self.timeline.subscribe().await;
        let own = self.room.own_user_id().to_owned();
        let handles = self.send_handles.clone();
        let echoes = self.echoes.clone();
        let names = self.names.clone();
        let map = move |item: &TimelineItem| {
            track_send_handle(item, &handles, &echoes);
            let names = names.borrow();
            row_of(
                item,
                &RowContext {
                    own: &own,
                    names: &names,
                },
            )
        };
        let rows = items.iter().map(|item| map(item)).collect();
        let stream = stream.map(move |diffs| {
            diffs
                .into_iter()
                .map(|diff| diff.map(|item| map(&item)))
                .collect()
        });
        (rows, stream)
    }

    /// Loads up to `count` older events. `true` once the start of the room is reached.
    pub async fn paginate_back(&self, count: u16) -> Result<bool, AppError> {
        self.timeline
            .paginate_backwards(count)
            .await
            .map_err(|e| errors::failed("load older messages", e))
    }

    /// Queues a message, rendered from markdown by the SDK, as a reply if it answers
    /// one. The local echo appears at once; the send queue keeps it across reloads.
    /// Queues a message; returns when the send queue took it (ms since the epoch),
    /// which `has_local_echo` recognises its echo by.
    pub async fn send(&self, draft: Draft) -> Result<u64, AppError> {
        let reply_to = draft.reply_to.clone();
        let content = content_of_draft(draft)?;
        let sent = match reply_to {
            Some(event_id) => {
                let event_id = parse_event_id(&event_id)?;
                self.timeline.send_reply(content, event_id).await
            }
            None => {
                self.timeline
                    .send(RoomMessageEventContent::from(content).into())
                    .await
            }
        };
        sent.map(|handle| handle.created_at.get().into())
            .map_err(|e| errors::failed("send a message", e))
    }

    /// How `draft` will show once sent, mapped as its local echo will be, so that it
    /// can be drawn before the SDK's echo (which waits for the send queue's encrypted
    /// write) and nothing moves when the echo takes its place.
    pub fn preview(&self, draft: &Draft) -> Result<MessageRow, AppError> {
        Ok(message_of(&content_of_draft(draft.clone())?.msgtype))
    }

    /// Whether a local echo of a message queued at `queued_at` (see `send`) has been
    /// seen and not claimed yet; claims it. One echo per call, so that two messages
    /// queued in the same millisecond each wait for their own. (The SDK's send handle
    /// does not tell its transaction ID.)
    pub fn take_local_echo(&self, queued_at: u64) -> bool {
        let mut echoes = self.echoes.borrow_mut();
        let Some(key) = echoes
            .iter()
            .find_map(|(key, at)| (*at == queued_at).then(|| key.clone()))
        else {
            return false;
        };
        echoes.remove(&key);
        true
    }

    /// Our user ID and the name the room knows us by.
    pub fn own_sender(&self) -> (String, String) {
        let own = self.room.own_user_id();
        let name = self.names.borrow().get(own).cloned();
        (own.to_string(), name.unwrap_or_else(|| own.to_string()))
    }

    /// Replaces the text of one of our messages.
    pub async fn edit(&self, item: &ItemId, draft: Draft) -> Result<(), AppError> {
        let content = content_of_draft(draft)?;
        self.timeline
            .edit(&item_id(item)?, EditedContent::RoomMessage(content))
            .await
            .map_err(|e| action_failed("edit", e))
    }

    /// Adds our reaction `key`, or takes it back if it is there.
    pub async fn toggle_reaction(&self, item: &ItemId, key: &str) -> Result<(), AppError> {
        self.timeline
            .toggle_reaction(&item_id(item)?, key)
            .await
            .map(|_| ())
            .map_err(|e| action_failed("react", e))
    }

    /// Deletes (redacts) a message, with an optional reason.
    pub async fn redact(&self, item: &ItemId, reason: Option<&str>) -> Result<(), AppError> {
        self.timeline
            .redact(&item_id(item)?, reason)
            .await
            .map_err(|e| action_failed("delete", e))
    }

    /// The event as it came from the server, pretty-printed, for "View source".
    pub async fn source_of(&self, event_id: &str) -> Option<String> {
        let event_id = parse_event_id(event_id).ok()?;
        let item = self.timeline.item_by_event_id(&event_id).await?;
        let json = item.original_json()?;
        let value: serde_json::Value = json.deserialize_as().ok()?;
        serde_json::to_string_pretty(&value).ok()
    }

    /// Earlier versions of an edited message, oldest first, as (timestamp, text).
    pub async fn edit_history(&self, event_id: &str) -> Result<Vec<(u64, String)>, AppError> {
        let event_id = parse_event_id(event_id)?;
        let revisions = self
            .timeline
            .edit_revisions(&event_id)
            .await
            .map_err(|e| action_failed("edit history", e))?;
        Ok(revisions
            .into_iter()
            .map(|revision| {
                let text = revision
                    .content
                    .as_message()
                    .map(|m| message_of(m.msgtype()).body)
                    .unwrap_or_default();
                let when = revision.timestamp.map_or(0, |ts| ts.get().into());
                (when, text)
            })
            .collect())
    }

    /// Uploads a file and sends it; encrypted rooms get an encrypted attachment. The
    /// local echo shows at once; `progress` hears (sent, total) bytes.
    pub async fn send_attachment(
        &self,
        filename: String,
        mimetype: &str,
        bytes: Vec<u8>,
        reply_to: Option<String>,
    ) -> Result<(), AppError> {
        let mime = mimetype.parse().unwrap_or(mime::APPLICATION_OCTET_STREAM);
        let config = AttachmentConfig {
            in_reply_to: reply_to.map(|id| parse_event_id(&id)).transpose()?,
            ..Default::default()
        };
        self.timeline
            .send_attachment(AttachmentSource::Data { bytes, filename }, mime, config)
            .use_send_queue()
            .await
            .map_err(|e| errors::failed("send a file", e))
    }

    /// Tells the room whether we are typing (the server lets it lapse after a while).
    pub async fn set_typing(&self, typing: bool) {
        if let Err(error) = self.room.typing_notice(typing).await {
            tracing::debug!("typing notice not sent: {error}");
        }
    }

    /// The names of who is typing now, each time that changes. Ends when the room is
    /// closed.
    pub fn typing_updates(&self) -> impl Stream<Item = Vec<String>> + use<> {
        let (guard, receiver) = self.room.subscribe_to_typing_notifications();
        let names = self.names.clone();
        futures_util::stream::unfold((guard, receiver), move |(guard, mut receiver)| {
            let names = names.clone();
            async move {
                loop {
                    match receiver.recv().await {
                        Ok(users) => {
                            let names = names.borrow();
                            let typing = users
                                .iter()
                                .map(|u| names.get(u).cloned().unwrap_or_else(|| u.to_string()))
                                .collect();
                            return Some((typing, (guard, receiver)));
                        }
                        // Missed a few updates: the next one says it all again.
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(_) => return None,
                    }
                }
            }
        })
    }

    /// Whether our power level lets us delete other people's messages.
    pub async fn can_redact_others(&self) -> bool {
        match self.room.power_levels().await {
            Ok(levels) => levels.user_can_redact_event_of_other(self.room.own_user_id()),
            Err(error) => {
                tracing::debug!("power levels unknown: {error}");
                false
            }
        }
    }

    /// The largest file the server accepts, in bytes (asked once, then cached).
    pub async fn max_upload_size(&self) -> Option<u64> {
        match self.room.client().load_or_fetch_max_upload_size().await {
            Ok(size) => Some(size.into()),
            Err(error) => {
                tracing::debug!("upload size limit unknown: {error}");
                None
            }
        }
    }

    /// Tries a failed message again at once: a refused one is released, and a room
    /// queue paused by a network failure starts again.
    pub async fn retry(&self, key: &str) -> Result<(), AppError> {
        let handle = self.send_handles.borrow().get(key).cloned();
        if let Some(handle) = handle {
            handle.unwedge().await.map_err(|e| {
                tracing::warn!("could not release a message for retry: {e}");
                AppError::Storage(e.to_string())
            })?;
        }
        self.room.send_queue().set_enabled(true);
        Ok(())
    }

    /// Drops an unsent message.
    pub async fn cancel(&self, key: &str) -> Result<(), AppError> {
        let handle = self.send_handles.borrow_mut().remove(key);
        match handle {
            Some(handle) => handle
                .abort()
                .await
                .map(|_| ())
                .map_err(|e| AppError::Storage(e.to_string())),
            None => Ok(()),
        }
    }

    /// The draft saved for this room or thread, if any.
    pub async fn load_draft(&self) -> Option<SavedDraft> {
        let draft = match self
            .room
            .load_composer_draft(self.thread_root.as_deref())
            .await
        {
            Ok(draft) => draft?,
            Err(error) => {
                tracing::warn!("could not read the saved draft: {error}");
                return None;
            }
        };
        let reply_to = match draft.draft_type {
            ComposerDraftType::Reply { event_id } => Some(event_id.to_string()),
            ComposerDraftType::NewMessage | ComposerDraftType::Edit { .. } => None,
        };
        Some(SavedDraft {
            text: draft.plain_text,
            reply_to,
        })
    }

    /// Keeps `draft` for this room or thread; an empty one removes what was kept.
    pub async fn save_draft(&self, draft: &SavedDraft) -> Result<(), AppError> {
        let thread = self.thread_root.as_deref();
        let result = if draft.text.trim().is_empty() {
            self.room.clear_composer_draft(thread).await
        } else {
            let draft_type = match draft.reply_to.as_deref().map(parse_event_id) {
                Some(Ok(event_id)) => ComposerDraftType::Reply { event_id },
                _ => ComposerDraftType::NewMessage,
            };
            let saved = ComposerDraft {
                plain_text: draft.text.clone(),
                html_text: None,
                draft_type,
                attachments: Vec::new(),
            };
            self.room.save_composer_draft(saved, thread).await
        };
        result.map_err(|e| AppError::Storage(e.to_string()))
    }

    /// Sends a public `m.read` receipt for `event_id`, so the server's counts and other
    /// sessions follow. Unthreaded, for thread-unaware clients and for the room's unread
    /// count (which counts thread replies too); a thread also gets its threaded receipt.
    pub async fn mark_read(&self, event_id: &str) -> Result<(), AppError> {
        let event_id = parse_event_id(event_id)?;
        if self.is_thread {
            // The SDK picks the thread from the timeline's focus.
            self.timeline
                .send_single_receipt(ReceiptType::Read, event_id.clone())
                .await
                .map_err(|e| errors::failed("send a thread receipt", e))?;
        }
        self.room
            .send_single_receipt(ReceiptType::Read, ReceiptThread::Unthreaded, event_id)
            .await
            .map_err(|e| errors::sdk("send a read receipt", &e))
    }

    /// Moves the fully-read marker to the newest event (on leaving the room).
    pub async fn mark_fully_read(&self) -> Result<(), AppError> {
        let Some(event_id) = self.timeline.latest_event_id().await else {
            return Ok(());
        };
        self.room
            .send_multiple_receipts(Receipts::new().fully_read_marker(event_id))
            .await
            .map_err(|e| errors::sdk("move the read marker", &e))
    }

    pub fn header(&self) -> RoomHeader {
        header_of(&self.room)
    }

    /// The header again whenever the room's info changes.
    pub fn header_updates(&self) -> impl Stream<Item = RoomHeader> + use<> {
        let room = self.room.clone();
        self.room.subscribe_info().map(move |_| header_of(&room))
    }

    pub async fn members(&self) -> Result<Vec<MemberSummary>, AppError> {
        let members = self
            .room
            .members(RoomMemberships::JOIN)
            .await
            .map_err(|e| errors::sdk("list members", &e))?;
        let mut summaries: Vec<MemberSummary> = members
            .iter()
            .map(|member| MemberSummary {
                user_id: member.user_id().to_string(),
                name: member.name().to_owned(),
                avatar: member.avatar_url().map(|uri| uri.to_string()),
                power_level: match member.power_level() {
                    matrix_sdk::ruma::events::room::power_levels::UserPowerLevel::Int(level) => {
                        Some(level.into())
                    }
                    _ => None,
                },
                verified: false,
            })
            .collect();
        // Our crypto store knows whom we verified: no request to the server.
        let encryption = self.room.client().encryption();
        for (member, summary) in members.iter().zip(summaries.iter_mut()) {
            summary.verified = matches!(
                encryption.get_user_identity(member.user_id()).await,
                Ok(Some(identity)) if identity.is_verified()
            );
        }
        let mut members = summaries;
        // Most powerful first, then by name, as member lists usually read.
        members.sort_by(|a, b| {
            let rank = |m: &MemberSummary| m.power_level.unwrap_or(i64::MAX);
            rank(b).cmp(&rank(a)).then_with(|| a.name.cmp(&b.name))
        });
        Ok(members)
    }
}

fn header_of(room: &Room) -> RoomHeader {
    RoomHeader {
        name: room_name(room),
        topic: room.topic().filter(|topic| !topic.trim().is_empty()),
        avatar: room.avatar_url().map(|uri| uri.to_string()),
        member_count: room.joined_members_count(),
        encrypted: room.encryption_state().is_encrypted(),
        is_invite: room.state() == RoomState::Invited,
    }
}

/// Every `m.room.message` shows: the SDK's default filter hides message types it does
/// not know, which then show by their fallback body (the spec asks senders for one).
fn is_message(event: &AnySyncTimelineEvent) -> bool {
    matches!(
        event,
        AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
            SyncMessageLikeEvent::Original(_)
        ))
    )
}

/// Keeps the send handle of each local echo, so that a failed send can be retried or
/// cancelled by its row key, and notes when each echo was queued: kept after the echo
/// is sent, as its first sight and its "sent" can come in one batch of diffs.
fn track_send_handle(
    item: &TimelineItem,
    handles: &RefCell<HashMap<String, SendHandle>>,
    echoes: &RefCell<HashMap<String, u64>>,
) {
    /// Echoes noted and never claimed (sent from another tab, restored after a
    /// reload): past this many, the notes start over.
    const NOTED_ECHOES: usize = 64;
    let key = &item.unique_id().0;
    let TimelineItemKind::Event(event) = item.kind() else {
        return;
    };
    match event.local_echo_send_handle() {
        Some(handle) => {
            let mut echoes = echoes.borrow_mut();
            if !echoes.contains_key(key) && !handles.borrow().contains_key(key) {
                if echoes.len() >= NOTED_ECHOES {
                    echoes.clear();
                }
                echoes.insert(key.clone(), handle.created_at.get().into());
            }
            handles.borrow_mut().insert(key.clone(), handle);
        }
        None => {
            handles.borrow_mut().remove(key);
        }
    }
}

fn content_of_draft(draft: Draft) -> Result<RoomMessageEventContentWithoutRelation, AppError> {
    let content = if draft.emote {
        RoomMessageEventContentWithoutRelation::emote_markdown(&draft.markdown)
    } else {
        RoomMessageEventContentWithoutRelation::text_markdown(&draft.markdown)
    };
    let users: Vec<OwnedUserId> = draft
        .mentions
        .iter()
        .filter_map(|id| OwnedUserId::try_from(id.as_str()).ok())
        .collect();
    Ok(content.add_mentions(Mentions::with_user_ids(users)))
}

fn parse_event_id(event_id: &str) -> Result<OwnedEventId, AppError> {
    OwnedEventId::try_from(event_id).map_err(|_| AppError::MessageNotFound)
}

fn item_id(item: &ItemId) -> Result<TimelineEventItemId, AppError> {
    Ok(match item {
        ItemId::Event(id) => TimelineEventItemId::EventId(parse_event_id(id)?),
        ItemId::Transaction(txn) => {
            TimelineEventItemId::TransactionId(OwnedTransactionId::from(txn.as_str()))
        }
    })
}

/// An action on a message failed: the detail goes to the log, the person gets the gist.
fn action_failed(action: &str, error: impl std::fmt::Display) -> AppError {
    tracing::warn!("{action} failed: {error}");
    AppError::MessageActionFailed
}
