//! A room's matrix-sdk-ui Timeline → plain `TimelineRow` diffs, plus the actions on it:
//! back-pagination, sending through the send queue, retry and cancel, read receipts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use eyeball_im::VectorDiff;
use futures_util::{Stream, StreamExt};
use imbl::Vector;
use matrix_sdk::room::Receipts;
use matrix_sdk::ruma::api::client::receipt::create_receipt::v3::ReceiptType;
use matrix_sdk::ruma::events::StateEventContentChange;
use matrix_sdk::ruma::events::receipt::ReceiptThread;
use matrix_sdk::ruma::events::room::message::{MessageType, RoomMessageEventContent};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, UserId};
use matrix_sdk::send_queue::SendHandle;
use matrix_sdk::{Room, RoomMemberships, RoomState};
use matrix_sdk_crypto::types::events::UtdCause;
use matrix_sdk_ui::Timeline;
use matrix_sdk_ui::timeline::{
    AnyOtherStateEventContentChange, EmbeddedEvent, EncryptedMessage, EventSendState,
    EventTimelineItem, MembershipChange, MsgLikeContent, MsgLikeKind, Profile, RoomExt,
    TimelineDetails, TimelineItem, TimelineItemContent, TimelineItemKind, VirtualTimelineItem,
};

use super::ActiveSession;
use super::models::{
    EventRow, MemberSummary, MessageKind, MessageRow, ReplyPreview, RoomHeader, RowContent,
    RowKind, SendState, Summary, TimelineRow,
};
use super::room_list::room_name;
use super::sync::FollowPurpose;
use crate::error::AppError;

/// An open room: its Timeline and the send handles of our unsent messages.
pub struct RoomTimeline {
    room: Room,
    timeline: Timeline,
    send_handles: Rc<RefCell<HashMap<String, SendHandle>>>,
}

/// Opens the room's timeline, and asks sliding sync for the room's full state while it
/// is open.
pub async fn open(session: &ActiveSession, room_id: &str) -> Result<RoomTimeline, AppError> {
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
    let timeline = room
        .timeline()
        .await
        .map_err(|e| AppError::Server(e.to_string()))?;
    Ok(RoomTimeline {
        room,
        timeline,
        send_handles: Rc::default(),
    })
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
        let rows = items
            .iter()
            .map(|item| row_of(item, &own, &handles))
            .collect();
        let stream = stream.map(move |diffs| {
            diffs
                .into_iter()
                .map(|diff| diff.map(|item| row_of(&item, &own, &handles)))
                .collect()
        });
        (rows, stream)
    }

    /// Loads up to `count` older events. `true` once the start of the room is reached.
    pub async fn paginate_back(&self, count: u16) -> Result<bool, AppError> {
        self.timeline
            .paginate_backwards(count)
            .await
            .map_err(|e| AppError::Server(e.to_string()))
    }

    /// Queues a message: plain text, or markdown rendered by the SDK. The local echo
    /// appears at once; the send queue keeps it across reloads until it is sent.
    pub async fn send(&self, text: &str) -> Result<(), AppError> {
        let content = RoomMessageEventContent::text_markdown(text);
        self.timeline
            .send(content.into())
            .await
            .map(|_| ())
            .map_err(|e| AppError::Server(e.to_string()))
    }

    /// Tries a failed message again.
    pub async fn retry(&self, key: &str) -> Result<(), AppError> {
        let handle = self.send_handles.borrow().get(key).cloned();
        match handle {
            Some(handle) => handle
                .unwedge()
                .await
                .map_err(|e| AppError::Server(e.to_string())),
            None => Ok(()),
        }
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

    /// Sends a public `m.read` receipt for `event_id` (unthreaded: Lattice shows threads
    /// inline), so the server's counts and other sessions follow.
    pub async fn mark_read(&self, event_id: &str) -> Result<(), AppError> {
        let event_id = OwnedEventId::try_from(event_id)
            .map_err(|_| AppError::Server(format!("invalid event id {event_id}")))?;
        self.room
            .send_single_receipt(ReceiptType::Read, ReceiptThread::Unthreaded, event_id)
            .await
            .map_err(|e| AppError::Server(e.to_string()))
    }

    /// Moves the fully-read marker to the newest event (on leaving the room).
    pub async fn mark_fully_read(&self) -> Result<(), AppError> {
        let Some(event_id) = self.timeline.latest_event_id().await else {
            return Ok(());
        };
        self.room
            .send_multiple_receipts(Receipts::new().fully_read_marker(event_id))
            .await
            .map_err(|e| AppError::Server(e.to_string()))
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
            .map_err(|e| AppError::Server(e.to_string()))?;
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

fn row_of(
    item: &Arc<TimelineItem>,
    own: &UserId,
    handles: &RefCell<HashMap<String, SendHandle>>,
) -> TimelineRow {
    let key = item.unique_id().0.clone();
    let kind = match item.kind() {
        TimelineItemKind::Virtual(VirtualTimelineItem::DateDivider(ts)) => {
            RowKind::DayDivider(ts.get().into())
        }
        TimelineItemKind::Virtual(VirtualTimelineItem::ReadMarker) => RowKind::ReadMarker,
        TimelineItemKind::Virtual(VirtualTimelineItem::TimelineStart) => RowKind::TimelineStart,
        TimelineItemKind::Event(event) => {
            match event.local_echo_send_handle() {
                Some(handle) => {
                    handles.borrow_mut().insert(key.clone(), handle);
                }
                None => {
                    handles.borrow_mut().remove(&key);
                }
            }
            RowKind::Event(Box::new(event_row(event, own)))
        }
    };
    TimelineRow { key, kind }
}

fn event_row(event: &EventTimelineItem, own: &UserId) -> EventRow {
    let sender = event.sender();
    let (sender_name, sender_avatar) = profile_of(event.sender_profile(), sender);
    EventRow {
        event_id: event.event_id().map(|id| id.to_string()),
        sender_id: sender.to_string(),
        sender_name,
        sender_avatar,
        timestamp: event.timestamp().get().into(),
        is_own: sender == own,
        content: content_of(event.content(), &sender_display(event)),
        send_state: match event.send_state() {
            None => SendState::Remote,
            Some(EventSendState::NotSentYet { .. }) => SendState::Sending,
            Some(EventSendState::Sent { .. }) => SendState::Sent,
            Some(EventSendState::SendingFailed { is_recoverable, .. }) => SendState::Failed {
                recoverable: *is_recoverable,
            },
        },
    }
}

fn sender_display(event: &EventTimelineItem) -> String {
    profile_of(event.sender_profile(), event.sender()).0
}

/// A display name (the user ID until the profile is known) and an avatar.
fn profile_of(profile: &TimelineDetails<Profile>, user: &UserId) -> (String, Option<String>) {
    match profile {
        TimelineDetails::Ready(profile) => (
            profile
                .display_name
                .clone()
                .filter(|name| !name.trim().is_empty())
                .unwrap_or_else(|| user.to_string()),
            profile.avatar_url.as_ref().map(|uri| uri.to_string()),
        ),
        _ => (user.to_string(), None),
    }
}

/// The single dispatch over what the Timeline hands over: every kind has an arm, and
/// what Lattice cannot show yet says so.
fn content_of(content: &TimelineItemContent, sender: &str) -> RowContent {
    match content {
        TimelineItemContent::MsgLike(msg_like) => msg_like_of(msg_like),
        TimelineItemContent::MembershipChange(change) => {
            let user = change
                .display_name()
                .unwrap_or_else(|| change.user_id().to_string());
            let message_id = match change.change() {
                Some(MembershipChange::Joined | MembershipChange::InvitationAccepted) => {
                    "state-joined"
                }
                Some(MembershipChange::Left) => "state-left",
                Some(MembershipChange::Invited) => "state-invited",
                Some(MembershipChange::InvitationRejected) => "state-invite-rejected",
                Some(MembershipChange::InvitationRevoked) => "state-invite-revoked",
                Some(MembershipChange::Kicked) => "state-kicked",
                Some(MembershipChange::Banned | MembershipChange::KickedAndBanned) => {
                    "state-banned"
                }
                Some(MembershipChange::Unbanned) => "state-unbanned",
                Some(
                    MembershipChange::Knocked
                    | MembershipChange::KnockAccepted
                    | MembershipChange::KnockRetracted
                    | MembershipChange::KnockDenied,
                ) => "state-knock",
                _ => "state-membership-other",
            };
            summary(message_id, sender, Some(("user", user)))
        }
        TimelineItemContent::ProfileChange(change) => match change.displayname_change() {
            Some(name) => match &name.new {
                Some(new) => summary("state-display-name", sender, Some(("name", new.clone()))),
                None => summary("state-display-name-removed", sender, None),
            },
            None => summary("state-avatar", sender, None),
        },
        TimelineItemContent::OtherState(state) => match state.content() {
            AnyOtherStateEventContentChange::RoomName(StateEventContentChange::Original {
                content,
                ..
            }) => summary(
                "state-room-name",
                sender,
                Some(("name", content.name.clone())),
            ),
            AnyOtherStateEventContentChange::RoomTopic(StateEventContentChange::Original {
                content,
                ..
            }) => summary(
                "state-room-topic",
                sender,
                Some(("topic", content.topic.clone())),
            ),
            AnyOtherStateEventContentChange::RoomCreate(_) => {
                summary("state-room-created", sender, None)
            }
            AnyOtherStateEventContentChange::RoomEncryption(_) => {
                summary("state-encryption", sender, None)
            }
            other => summary(
                "state-other",
                sender,
                Some(("event_type", other.event_type().to_string())),
            ),
        },
        TimelineItemContent::FailedToParseMessageLike { event_type, .. } => {
            RowContent::Unsupported {
                event_type: event_type.to_string(),
            }
        }
        TimelineItemContent::FailedToParseState { event_type, .. } => RowContent::Unsupported {
            event_type: event_type.to_string(),
        },
        TimelineItemContent::CallInvite => RowContent::Unsupported {
            event_type: "m.call.invite".into(),
        },
        TimelineItemContent::RtcNotification { .. } => RowContent::Unsupported {
            event_type: "m.rtc.notification".into(),
        },
    }
}

fn summary(
    message_id: &'static str,
    sender: &str,
    arg: Option<(&'static str, String)>,
) -> RowContent {
    let mut args = vec![("sender", sender.to_owned())];
    args.extend(arg);
    RowContent::State(Summary { message_id, args })
}

fn msg_like_of(msg_like: &MsgLikeContent) -> RowContent {
    let (body, kind, edited) = match &msg_like.kind {
        MsgLikeKind::Message(message) => {
            let kind = match message.msgtype() {
                MessageType::Text(_) => MessageKind::Text,
                MessageType::Emote(_) => MessageKind::Emote,
                MessageType::Notice(_) | MessageType::ServerNotice(_) => MessageKind::Notice,
                MessageType::Image(_)
                | MessageType::File(_)
                | MessageType::Audio(_)
                | MessageType::Video(_) => MessageKind::Media,
                _ => MessageKind::Other,
            };
            (message.body().to_owned(), kind, message.is_edited())
        }
        MsgLikeKind::Sticker(sticker) => {
            (sticker.content().body.clone(), MessageKind::Media, false)
        }
        MsgLikeKind::Redacted => return RowContent::Redacted,
        MsgLikeKind::UnableToDecrypt(encrypted) => {
            return RowContent::UnableToDecrypt {
                reason_id: utd_reason(encrypted),
            };
        }
        MsgLikeKind::Poll(_) => {
            return RowContent::Unsupported {
                event_type: "m.poll.start".into(),
            };
        }
        MsgLikeKind::LiveLocation(_) => {
            return RowContent::Unsupported {
                event_type: "m.beacon_info".into(),
            };
        }
        MsgLikeKind::Other(other) => {
            return RowContent::Unsupported {
                event_type: other.event_type().to_string(),
            };
        }
    };
    RowContent::Message(MessageRow {
        body,
        kind,
        edited,
        reactions: msg_like
            .reactions
            .iter()
            .map(|(key, senders)| (key.clone(), senders.len()))
            .collect(),
        reply_to: msg_like
            .in_reply_to
            .as_ref()
            .map(|reply| match &reply.event {
                TimelineDetails::Ready(event) => reply_preview(event),
                _ => ReplyPreview {
                    sender: None,
                    body: None,
                },
            }),
        thread_replies: msg_like.thread_summary.as_ref().map(|s| s.num_replies),
    })
}

fn reply_preview(event: &EmbeddedEvent) -> ReplyPreview {
    ReplyPreview {
        sender: Some(profile_of(&event.sender_profile, &event.sender).0),
        body: event.content.as_message().map(|m| m.body().to_owned()),
    }
}

fn utd_reason(encrypted: &EncryptedMessage) -> &'static str {
    let EncryptedMessage::MegolmV1AesSha2 { cause, .. } = encrypted else {
        return "utd-unknown";
    };
    match cause {
        UtdCause::SentBeforeWeJoined => "utd-sent-before-joined",
        UtdCause::VerificationViolation => "utd-verification-violation",
        UtdCause::UnsignedDevice | UtdCause::UnknownDevice => "utd-unverified-sender",
        UtdCause::HistoricalMessageAndBackupIsDisabled => "utd-historical-no-backup",
        UtdCause::HistoricalMessageAndDeviceIsUnverified => "utd-historical-unverified",
        UtdCause::WithheldForUnverifiedOrInsecureDevice => "utd-withheld-unverified",
        UtdCause::WithheldBySender => "utd-withheld",
        _ => "utd-unknown",
    }
}
