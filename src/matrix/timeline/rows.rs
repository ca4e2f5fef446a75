//! The SDK's timeline items → plain `TimelineRow`s: one pure mapping, no I/O, no state.
//! Message contents are mapped from ruma's types, which tests can build from JSON.

use std::collections::HashMap;

use matrix_sdk::ruma::events::StateEventContentChange;
use matrix_sdk::ruma::events::room::guest_access::GuestAccess;
use matrix_sdk::ruma::events::room::history_visibility::HistoryVisibility;
use matrix_sdk::ruma::events::room::join_rules::JoinRule;
use matrix_sdk::ruma::events::room::message::{FormattedBody, MessageFormat, MessageType};
use matrix_sdk::ruma::events::room::power_levels::RoomPowerLevelsEventContent;
use matrix_sdk::ruma::{OwnedUserId, UserId};
use matrix_sdk_crypto::types::events::UtdCause;
use matrix_sdk_ui::timeline::{
    AnyOtherStateEventContentChange, EmbeddedEvent, EncryptedMessage, EventSendState,
    EventTimelineItem, MembershipChange, MsgLikeContent, MsgLikeKind, Profile,
    ReactionsByKeyBySender, TimelineDetails, TimelineItem, TimelineItemContent, TimelineItemKind,
    VirtualTimelineItem,
};

use super::send_failure::send_failure;
use crate::matrix::formatted::rich_text;
use crate::matrix::models::{
    EventRow, MediaRow, MessageKind, MessageRow, ReactionRow, ReplyPreview, RowContent, RowKind,
    SendState, Summary, TimelineRow,
};

/// What the mapping needs besides the item: who we are, and the names of the room's
/// members (for reactions and read receipts, which carry only user IDs).
pub struct RowContext<'a> {
    pub own: &'a UserId,
    pub names: &'a HashMap<OwnedUserId, String>,
}

impl RowContext<'_> {
    fn name_of(&self, user: &UserId) -> String {
        self.names
            .get(user)
            .cloned()
            .unwrap_or_else(|| user.to_string())
    }
}

pub fn row_of(item: &TimelineItem, context: &RowContext<'_>) -> TimelineRow {
    let key = item.unique_id().0.clone();
    let kind = match item.kind() {
        TimelineItemKind::Virtual(VirtualTimelineItem::DateDivider(ts)) => {
            RowKind::DayDivider(ts.get().into())
        }
        TimelineItemKind::Virtual(VirtualTimelineItem::ReadMarker) => RowKind::ReadMarker,
        TimelineItemKind::Virtual(VirtualTimelineItem::TimelineStart) => RowKind::TimelineStart,
        TimelineItemKind::Event(event) => RowKind::Event(Box::new(event_row(event, context))),
    };
    TimelineRow { key, kind }
}

fn event_row(event: &EventTimelineItem, context: &RowContext<'_>) -> EventRow {
    let sender = event.sender();
    let (sender_name, sender_avatar) = profile_of(event.sender_profile(), sender);
    let mut row = EventRow {
        event_id: event.event_id().map(|id| id.to_string()),
        transaction_id: event.transaction_id().map(|id| id.to_string()),
        sender_id: sender.to_string(),
        sender_name: sender_name.clone(),
        sender_avatar,
        timestamp: event.timestamp().get().into(),
        is_own: sender == context.own,
        editable: false,
        content: content_of(event.content(), &sender_name, context),
        send_state: match event.send_state() {
            None => SendState::Remote,
            Some(EventSendState::NotSentYet { progress }) => SendState::Sending {
                percent: progress.as_ref().and_then(|p| {
                    let total = p.progress.total.max(1) as u64;
                    u8::try_from(p.progress.current as u64 * 100 / total).ok()
                }),
            },
            Some(EventSendState::Sent { .. }) => SendState::Sent,
            Some(EventSendState::SendingFailed {
                error,
                is_recoverable,
            }) => SendState::Failed(send_failure(error, *is_recoverable)),
        },
        read_by: event
            .read_receipts()
            .keys()
            .filter(|user| *user != context.own && *user != sender)
            .map(|user| (user.to_string(), context.name_of(user)))
            .collect(),
    };
    // Lattice edits text only: an edit of an attachment would replace it with text.
    row.editable = event.is_editable()
        && matches!(&row.content, RowContent::Message(m) if m.media.is_none()
            && matches!(m.kind, MessageKind::Text | MessageKind::Emote | MessageKind::Notice));
    row
}

/// A display name (the user ID until the profile is known) and an avatar.
fn profile_of(profile: &TimelineDetails<Profile>, user: &UserId) -> (String, Option<String>) {
    match profile {
        TimelineDetails::Ready(profile) => (
            shown_name(
                profile.display_name.as_deref(),
                profile.display_name_ambiguous,
                user,
            ),
            profile.avatar_url.as_ref().map(|uri| uri.to_string()),
        ),
        _ => (user.to_string(), None),
    }
}

/// The display name, with the user ID beside it when another member of the room has
/// the same one (so nobody passes for someone else); the user ID when there is none.
fn shown_name(display_name: Option<&str>, ambiguous: bool, user: &UserId) -> String {
    match display_name.filter(|name| !name.trim().is_empty()) {
        Some(name) if ambiguous => format!("{name} ({user})"),
        Some(name) => name.to_owned(),
        None => user.to_string(),
    }
}

/// The single dispatch over what the Timeline hands over: every kind has an arm, and
/// what Lattice cannot show yet says so.
fn content_of(content: &TimelineItemContent, sender: &str, context: &RowContext<'_>) -> RowContent {
    match content {
        TimelineItemContent::MsgLike(msg_like) => msg_like_of(msg_like, context),
        TimelineItemContent::MembershipChange(change) => {
            let user = change
                .display_name()
                .unwrap_or_else(|| change.user_id().to_string());
            summary(
                membership_message(change.change()),
                sender,
                Some(("user", user)),
            )
        }
        TimelineItemContent::ProfileChange(change) => match change.displayname_change() {
            Some(name) => match &name.new {
                Some(new) => summary("state-display-name", sender, Some(("name", new.clone()))),
                None => summary("state-display-name-removed", sender, None),
            },
            None => summary("state-avatar", sender, None),
        },
        TimelineItemContent::OtherState(state) => state_of(state.content(), sender, context),
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

fn membership_message(change: Option<MembershipChange>) -> &'static str {
    match change {
        Some(MembershipChange::Joined | MembershipChange::InvitationAccepted) => "state-joined",
        Some(MembershipChange::Left) => "state-left",
        Some(MembershipChange::Invited) => "state-invited",
        Some(MembershipChange::InvitationRejected) => "state-invite-rejected",
        Some(MembershipChange::InvitationRevoked) => "state-invite-revoked",
        Some(MembershipChange::Kicked) => "state-kicked",
        Some(MembershipChange::Banned | MembershipChange::KickedAndBanned) => "state-banned",
        Some(MembershipChange::Unbanned) => "state-unbanned",
        Some(
            MembershipChange::Knocked
            | MembershipChange::KnockAccepted
            | MembershipChange::KnockRetracted
            | MembershipChange::KnockDenied,
        ) => "state-knock",
        _ => "state-membership-other",
    }
}

/// Room state changes as sentences. The i18n ids are `state-*` in the locale files.
pub(super) fn state_of(
    change: &AnyOtherStateEventContentChange,
    sender: &str,
    context: &RowContext<'_>,
) -> RowContent {
    use AnyOtherStateEventContentChange as C;
    use StateEventContentChange::Original;
    match change {
        C::RoomName(Original { content, .. }) => summary(
            "state-room-name",
            sender,
            Some(("name", content.name.clone())),
        ),
        C::RoomTopic(Original { content, .. }) => summary(
            "state-room-topic",
            sender,
            Some(("topic", content.topic.clone())),
        ),
        C::RoomCreate(_) => summary("state-room-created", sender, None),
        C::RoomEncryption(_) => summary("state-encryption", sender, None),
        C::RoomAvatar(_) => summary("state-room-avatar", sender, None),
        C::RoomPinnedEvents(_) => summary("state-pins", sender, None),
        C::RoomServerAcl(_) => summary("state-server-acl", sender, None),
        C::RoomTombstone(_) => summary("state-tombstone", sender, None),
        C::RoomCanonicalAlias(Original { content, .. }) => match &content.alias {
            Some(alias) => summary("state-alias", sender, Some(("alias", alias.to_string()))),
            None => summary("state-alias-removed", sender, None),
        },
        C::RoomJoinRules(Original { content, .. }) => {
            let id = match content.join_rule {
                JoinRule::Public => "state-join-public",
                JoinRule::Invite => "state-join-invite",
                JoinRule::Knock | JoinRule::KnockRestricted(_) => "state-join-knock",
                JoinRule::Restricted(_) => "state-join-restricted",
                _ => "state-join-other",
            };
            summary(id, sender, None)
        }
        C::RoomHistoryVisibility(Original { content, .. }) => {
            let id = match content.history_visibility {
                HistoryVisibility::WorldReadable => "state-history-world",
                HistoryVisibility::Shared => "state-history-shared",
                HistoryVisibility::Invited => "state-history-invited",
                HistoryVisibility::Joined => "state-history-joined",
                _ => "state-history-other",
            };
            summary(id, sender, None)
        }
        C::RoomGuestAccess(Original { content, .. }) => {
            let id = match content.guest_access {
                GuestAccess::CanJoin => "state-guests-allowed",
                _ => "state-guests-forbidden",
            };
            summary(id, sender, None)
        }
        C::RoomPowerLevels(Original {
            content,
            prev_content,
        }) => power_levels_of(content, prev_content.as_ref(), sender, context),
        other => summary(
            "state-other",
            sender,
            Some(("event_type", other.event_type().to_string())),
        ),
    }
}

/// Who gained or lost a power level, in words; the rest of the permissions as one
/// general sentence.
fn power_levels_of(
    new: &RoomPowerLevelsEventContent,
    old: Option<
        &matrix_sdk::ruma::events::room::power_levels::PossiblyRedactedRoomPowerLevelsEventContent,
    >,
    sender: &str,
    context: &RowContext<'_>,
) -> RowContent {
    let old_users = old.map(|old| &old.users);
    let level_of = |users: Option<&std::collections::BTreeMap<OwnedUserId, _>>, user: &UserId| {
        users
            .and_then(|users| users.get(user).copied())
            .map(i64::from)
    };
    let mut changes: Vec<String> = Vec::new();
    let mut users: Vec<&OwnedUserId> = new.users.keys().collect();
    if let Some(old_users) = old_users {
        users.extend(old_users.keys().filter(|u| !new.users.contains_key(*u)));
    }
    for user in users {
        let before = level_of(old_users, user);
        let after = level_of(Some(&new.users), user);
        if before != after {
            let level = after.unwrap_or_else(|| i64::from(new.users_default));
            changes.push(format!("{} → {level}", context.name_of(user)));
        }
    }
    if old.is_none() || changes.is_empty() {
        return summary("state-power-levels", sender, None);
    }
    summary(
        "state-power-levels-users",
        sender,
        Some(("changes", changes.join(", "))),
    )
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

fn msg_like_of(msg_like: &MsgLikeContent, context: &RowContext<'_>) -> RowContent {
    let (mut message, edited) = match &msg_like.kind {
        MsgLikeKind::Message(message) => (message_of(message.msgtype()), message.is_edited()),
        MsgLikeKind::Sticker(sticker) => {
            let content = sticker.content();
            let media = MediaRow {
                source: serde_json::to_string(&content.source).unwrap_or_default(),
                thumbnail: None,
                filename: content.body.clone(),
                caption: None,
                mimetype: content.info.mimetype.clone(),
                size: content.info.size.map(u64::from),
                width: content.info.width.and_then(|w| u32::try_from(w).ok()),
                height: content.info.height.and_then(|h| u32::try_from(h).ok()),
                blurhash: content.info.blurhash.clone(),
            };
            (
                MessageRow {
                    media: Some(media),
                    ..plain(content.body.clone(), MessageKind::Sticker)
                },
                false,
            )
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
    message.edited = edited;
    message.reactions = reactions_of(&msg_like.reactions, context);
    message.reply_to = msg_like.in_reply_to.as_ref().map(|reply| {
        let (sender, body) = match &reply.event {
            TimelineDetails::Ready(event) => reply_preview(event),
            _ => (None, None),
        };
        ReplyPreview {
            event_id: reply.event_id.to_string(),
            sender,
            body,
        }
    });
    message.thread_replies = msg_like.thread_summary.as_ref().map(|s| s.num_replies);
    RowContent::Message(message)
}

fn plain(body: String, kind: MessageKind) -> MessageRow {
    MessageRow {
        body,
        formatted: None,
        kind,
        media: None,
        edited: false,
        reactions: Vec::new(),
        reply_to: None,
        thread_replies: None,
    }
}

/// One `m.room.message` content: its kind, text, formatted text and attachment.
pub fn message_of(msgtype: &MessageType) -> MessageRow {
    let html = |formatted: &Option<FormattedBody>| {
        formatted
            .as_ref()
            .filter(|f| f.format == MessageFormat::Html)
            .and_then(|f| rich_text(&f.body))
    };
    match msgtype {
        MessageType::Text(c) => MessageRow {
            formatted: html(&c.formatted),
            ..plain(c.body.clone(), MessageKind::Text)
        },
        MessageType::Emote(c) => MessageRow {
            formatted: html(&c.formatted),
            ..plain(c.body.clone(), MessageKind::Emote)
        },
        MessageType::Notice(c) => MessageRow {
            formatted: html(&c.formatted),
            ..plain(c.body.clone(), MessageKind::Notice)
        },
        MessageType::ServerNotice(c) => plain(c.body.clone(), MessageKind::Notice),
        MessageType::Image(c) => {
            let info = c.info.as_deref();
            attachment(
                MessageKind::Image,
                &c.body,
                c.filename.as_deref(),
                html(&c.formatted),
                MediaRow {
                    source: source_json(&c.source),
                    thumbnail: info
                        .and_then(|i| i.thumbnail_source.as_ref())
                        .map(source_json),
                    mimetype: info.and_then(|i| i.mimetype.clone()),
                    size: info.and_then(|i| i.size).map(u64::from),
                    width: info
                        .and_then(|i| i.width)
                        .and_then(|w| u32::try_from(w).ok()),
                    height: info
                        .and_then(|i| i.height)
                        .and_then(|h| u32::try_from(h).ok()),
                    blurhash: info.and_then(|i| i.blurhash.clone()),
                    ..empty_media()
                },
            )
        }
        MessageType::Video(c) => {
            let info = c.info.as_deref();
            attachment(
                MessageKind::Video,
                &c.body,
                c.filename.as_deref(),
                html(&c.formatted),
                MediaRow {
                    source: source_json(&c.source),
                    thumbnail: info
                        .and_then(|i| i.thumbnail_source.as_ref())
                        .map(source_json),
                    mimetype: info.and_then(|i| i.mimetype.clone()),
                    size: info.and_then(|i| i.size).map(u64::from),
                    width: info
                        .and_then(|i| i.width)
                        .and_then(|w| u32::try_from(w).ok()),
                    height: info
                        .and_then(|i| i.height)
                        .and_then(|h| u32::try_from(h).ok()),
                    blurhash: info.and_then(|i| i.blurhash.clone()),
                    ..empty_media()
                },
            )
        }
        MessageType::Audio(c) => {
            let info = c.info.as_deref();
            attachment(
                MessageKind::Audio,
                &c.body,
                c.filename.as_deref(),
                html(&c.formatted),
                MediaRow {
                    source: source_json(&c.source),
                    mimetype: info.and_then(|i| i.mimetype.clone()),
                    size: info.and_then(|i| i.size).map(u64::from),
                    ..empty_media()
                },
            )
        }
        MessageType::File(c) => {
            let info = c.info.as_deref();
            attachment(
                MessageKind::File,
                &c.body,
                c.filename.as_deref(),
                html(&c.formatted),
                MediaRow {
                    source: source_json(&c.source),
                    mimetype: info.and_then(|i| i.mimetype.clone()),
                    size: info.and_then(|i| i.size).map(u64::from),
                    ..empty_media()
                },
            )
        }
        // Unknown or not yet supported msgtypes (locations, verification requests):
        // the body is the fallback the spec asks senders to give.
        other => plain(other.body().to_owned(), MessageKind::Other),
    }
}

fn empty_media() -> MediaRow {
    MediaRow {
        source: String::new(),
        thumbnail: None,
        filename: String::new(),
        caption: None,
        mimetype: None,
        size: None,
        width: None,
        height: None,
        blurhash: None,
    }
}

/// A media message. With `filename` set, a differing body is a caption (MSC2530).
fn attachment(
    kind: MessageKind,
    body: &str,
    filename: Option<&str>,
    formatted: Option<Vec<crate::matrix::models::RichNode>>,
    media: MediaRow,
) -> MessageRow {
    let (filename, caption) = match filename {
        Some(name) if !name.is_empty() && name != body => (name.to_owned(), Some(body.to_owned())),
        _ => (body.to_owned(), None),
    };
    let filename = if filename.trim().is_empty() {
        "attachment".to_owned()
    } else {
        filename
    };
    MessageRow {
        formatted: caption.as_ref().and(formatted),
        media: Some(MediaRow {
            filename,
            caption: caption.clone(),
            ..media
        }),
        ..plain(caption.unwrap_or_default(), kind)
    }
}

fn source_json<T: serde::Serialize>(source: &T) -> String {
    serde_json::to_string(source).unwrap_or_default()
}

fn reactions_of(reactions: &ReactionsByKeyBySender, context: &RowContext<'_>) -> Vec<ReactionRow> {
    reactions
        .iter()
        .filter(|(_, senders)| !senders.is_empty())
        .map(|(key, senders)| ReactionRow {
            key: key.clone(),
            senders: senders.keys().map(|user| context.name_of(user)).collect(),
            own: senders.contains_key(context.own),
        })
        .collect()
}

fn reply_preview(event: &EmbeddedEvent) -> (Option<String>, Option<String>) {
    let sender = profile_of(&event.sender_profile, &event.sender).0;
    let body = match event.content.as_message() {
        Some(message) => {
            let row = message_of(message.msgtype());
            Some(match row.media {
                Some(media) if row.body.is_empty() => media.filename,
                _ => row.body,
            })
        }
        None => None,
    };
    (Some(sender), body)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::models::{RichNode, RichTag};
    use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
    use matrix_sdk::ruma::user_id;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn message(content: serde_json::Value) -> MessageRow {
        let content: RoomMessageEventContent = serde_json::from_value(content).unwrap();
        message_of(&content.msgtype)
    }

    fn state(change: AnyOtherStateEventContentChange) -> RowContent {
        let names = HashMap::from([(user_id!("@bob:x").to_owned(), "Bob".to_owned())]);
        let context = RowContext {
            own: user_id!("@me:x"),
            names: &names,
        };
        state_of(&change, "Alice", &context)
    }

    fn sentence(content: RowContent) -> (&'static str, Vec<(&'static str, String)>) {
        match content {
            RowContent::State(Summary { message_id, args }) => (message_id, args),
            other => panic!("not a state sentence: {other:?}"),
        }
    }

    #[wasm_bindgen_test]
    fn text_with_html_is_formatted_and_without_is_plain() {
        let row = message(json!({
            "msgtype": "m.text", "body": "**hi**",
            "format": "org.matrix.custom.html", "formatted_body": "<strong>hi</strong>"
        }));
        assert_eq!(row.kind, MessageKind::Text);
        assert_eq!(row.body, "**hi**");
        assert_eq!(
            row.formatted,
            Some(vec![RichNode::Element(
                RichTag::Bold,
                vec![RichNode::Text("hi".into())]
            )])
        );
        let row = message(json!({ "msgtype": "m.text", "body": "plain" }));
        assert_eq!((row.formatted, row.media), (None, None));
        // Another format than HTML is not interpreted.
        let row = message(json!({
            "msgtype": "m.text", "body": "x", "format": "org.example.other", "formatted_body": "<b>x</b>"
        }));
        assert_eq!(row.formatted, None);
    }

    #[wasm_bindgen_test]
    fn emotes_and_notices_keep_their_kind() {
        assert_eq!(
            message(json!({ "msgtype": "m.emote", "body": "waves" })).kind,
            MessageKind::Emote
        );
        assert_eq!(
            message(json!({ "msgtype": "m.notice", "body": "bot" })).kind,
            MessageKind::Notice
        );
    }

    #[wasm_bindgen_test]
    fn images_carry_source_size_and_placeholder() {
        let row = message(json!({
            "msgtype": "m.image", "body": "cat.png", "url": "mxc://x/cat",
            "info": { "w": 640, "h": 480, "size": 12345, "mimetype": "image/png",
                      "xyz.amorgan.blurhash": "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
                      "thumbnail_url": "mxc://x/thumb" }
        }));
        assert_eq!(row.kind, MessageKind::Image);
        assert_eq!(row.body, "");
        let media = row.media.unwrap();
        assert_eq!(media.filename, "cat.png");
        assert_eq!(media.caption, None);
        assert_eq!(
            (media.width, media.height, media.size),
            (Some(640), Some(480), Some(12345))
        );
        assert_eq!(media.mimetype.as_deref(), Some("image/png"));
        assert!(media.blurhash.is_some());
        assert_eq!(media.source, r#"{"url":"mxc://x/cat"}"#);
        assert_eq!(
            media.thumbnail.as_deref(),
            Some(r#"{"url":"mxc://x/thumb"}"#)
        );
    }

    #[wasm_bindgen_test]
    fn encrypted_files_keep_their_keys_and_captions_show() {
        let row = message(json!({
            "msgtype": "m.file", "body": "the report", "filename": "report.pdf",
            "file": { "url": "mxc://x/enc", "key": { "kty": "oct", "key_ops": ["encrypt", "decrypt"],
                      "alg": "A256CTR", "k": "qcHVMSgYg-71CauWBezXI5qkaRb0LuIy-Wx5kIaHMIA", "ext": true },
                      "iv": "X85+XgHN+HEAAAAAAAAAAA", "hashes": { "sha256": "5qG4fFnbbVdlAB1Q72JDKwCagV6Dbkx9uds4rSak37c" },
                      "v": "v2" },
            "info": { "size": 2048, "mimetype": "application/pdf" }
        }));
        assert_eq!(row.kind, MessageKind::File);
        assert_eq!(row.body, "the report");
        let media = row.media.unwrap();
        assert_eq!(media.filename, "report.pdf");
        assert_eq!(media.caption.as_deref(), Some("the report"));
        assert!(media.source.contains("\"file\"") && media.source.contains("A256CTR"));
    }

    #[wasm_bindgen_test]
    fn video_audio_and_nameless_files() {
        let video =
            message(json!({ "msgtype": "m.video", "body": "clip.mp4", "url": "mxc://x/v" }));
        assert_eq!(video.kind, MessageKind::Video);
        let audio =
            message(json!({ "msgtype": "m.audio", "body": "memo.ogg", "url": "mxc://x/a" }));
        assert_eq!(audio.kind, MessageKind::Audio);
        let nameless = message(json!({ "msgtype": "m.file", "body": " ", "url": "mxc://x/f" }));
        assert_eq!(nameless.media.unwrap().filename, "attachment");
    }

    #[wasm_bindgen_test]
    fn unknown_msgtypes_show_their_fallback_body() {
        let row = message(json!({ "msgtype": "org.example.poll", "body": "Vote: tea or coffee?" }));
        assert_eq!(row.kind, MessageKind::Other);
        assert_eq!(row.body, "Vote: tea or coffee?");
        let location =
            message(json!({ "msgtype": "m.location", "body": "Here", "geo_uri": "geo:1,2" }));
        assert_eq!(
            (location.kind, location.body.as_str()),
            (MessageKind::Other, "Here")
        );
    }

    #[wasm_bindgen_test]
    fn malformed_content_does_not_deserialize_into_a_row() {
        // The SDK turns these into "failed to parse" items, shown as unsupported.
        for bad in [
            json!({ "msgtype": "m.text", "body": 5 }),
            json!({ "msgtype": "m.image", "body": "x" }),
            json!({ "body": "no msgtype" }),
        ] {
            assert!(serde_json::from_value::<RoomMessageEventContent>(bad).is_err());
        }
    }

    fn original<C>(content: C) -> StateEventContentChange<C>
    where
        C: matrix_sdk::ruma::events::StaticStateEventContent
            + matrix_sdk::ruma::events::RedactContent,
    {
        StateEventContentChange::Original {
            content,
            prev_content: None,
        }
    }

    #[wasm_bindgen_test]
    fn room_settings_read_as_sentences() {
        use matrix_sdk::ruma::events::room::{
            guest_access::RoomGuestAccessEventContent,
            history_visibility::RoomHistoryVisibilityEventContent,
            join_rules::RoomJoinRulesEventContent, tombstone::RoomTombstoneEventContent,
        };
        let cases = [
            (
                AnyOtherStateEventContentChange::RoomJoinRules(original(
                    RoomJoinRulesEventContent::new(JoinRule::Public),
                )),
                "state-join-public",
            ),
            (
                AnyOtherStateEventContentChange::RoomJoinRules(original(
                    RoomJoinRulesEventContent::new(JoinRule::Invite),
                )),
                "state-join-invite",
            ),
            (
                AnyOtherStateEventContentChange::RoomHistoryVisibility(original(
                    RoomHistoryVisibilityEventContent::new(HistoryVisibility::Shared),
                )),
                "state-history-shared",
            ),
            (
                AnyOtherStateEventContentChange::RoomHistoryVisibility(original(
                    RoomHistoryVisibilityEventContent::new(HistoryVisibility::Joined),
                )),
                "state-history-joined",
            ),
            (
                AnyOtherStateEventContentChange::RoomGuestAccess(original(
                    RoomGuestAccessEventContent::new(GuestAccess::Forbidden),
                )),
                "state-guests-forbidden",
            ),
            (
                AnyOtherStateEventContentChange::RoomTombstone(original(
                    RoomTombstoneEventContent::new(
                        "gone".into(),
                        matrix_sdk::ruma::owned_room_id!("!new:x"),
                    ),
                )),
                "state-tombstone",
            ),
        ];
        for (change, expected) in cases {
            let (id, args) = sentence(state(change));
            assert_eq!(id, expected);
            assert_eq!(args[0], ("sender", "Alice".to_owned()));
        }
    }

    #[wasm_bindgen_test]
    fn power_level_changes_name_the_people() {
        let mut old = RoomPowerLevelsEventContent::new(
            &matrix_sdk::ruma::room_version_rules::AuthorizationRules::V10,
        );
        let mut new = old.clone();
        new.users.insert(user_id!("@bob:x").to_owned(), 50.into());
        old.users
            .insert(user_id!("@carol:x").to_owned(), 100.into());
        let previous = serde_json::from_value(serde_json::to_value(&old).unwrap()).unwrap();
        let (id, args) = sentence(state(AnyOtherStateEventContentChange::RoomPowerLevels(
            StateEventContentChange::Original {
                content: new.clone(),
                prev_content: Some(previous),
            },
        )));
        assert_eq!(id, "state-power-levels-users");
        assert_eq!(args[1], ("changes", "Bob → 50, @carol:x → 0".to_owned()));
        // The room's first power levels: one general sentence.
        let (id, _) = sentence(state(AnyOtherStateEventContentChange::RoomPowerLevels(
            StateEventContentChange::Original {
                content: new,
                prev_content: None,
            },
        )));
        assert_eq!(id, "state-power-levels");
    }

    #[wasm_bindgen_test]
    fn a_name_two_members_share_comes_with_the_user_id() {
        let alice = matrix_sdk::ruma::user_id!("@alice:hs.example");
        assert_eq!(shown_name(Some("Alice"), false, alice), "Alice");
        assert_eq!(
            shown_name(Some("Alice"), true, alice),
            "Alice (@alice:hs.example)"
        );
        assert_eq!(shown_name(Some("  "), false, alice), "@alice:hs.example");
        assert_eq!(shown_name(None, true, alice), "@alice:hs.example");
    }
}
