//! Plain, cloneable models the UI renders.

/// Who is signed in, for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionInfo {
    pub user_id: String,
    pub device_id: String,
    pub homeserver: String,
}

/// The sync loop's state as the person needs to know it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SyncStatus {
    #[default]
    Starting,
    Running,
    Offline,
    /// The server answered 429: sync waits as long as it asked.
    Slowed,
    Error,
    Stopped,
}

impl SyncStatus {
    /// The i18n message id naming this state.
    pub fn message_id(self) -> &'static str {
        match self {
            SyncStatus::Starting => "sync-starting",
            SyncStatus::Running => "sync-running",
            SyncStatus::Offline => "sync-offline",
            SyncStatus::Slowed => "sync-slowed",
            SyncStatus::Error => "sync-error",
            SyncStatus::Stopped => "sync-stopped",
        }
    }
}

/// One room as the room list shows it. Serialisable: the first screen of them is kept
/// in the vault (`state::first_screen`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RoomSummary {
    pub id: String,
    pub name: String,
    /// `mxc://` URI of the room's avatar, fetched as a thumbnail through authenticated media.
    pub avatar: Option<String>,
    /// Plain text of the latest message, if there is one to show.
    pub preview: Option<String>,
    /// The SDK's client-side counts, which stay right in encrypted rooms.
    pub unread: u64,
    pub mentions: u64,
    pub marked_unread: bool,
    pub is_dm: bool,
    pub is_invite: bool,
}

impl RoomSummary {
    pub fn has_unread(&self) -> bool {
        self.unread > 0 || self.mentions > 0 || self.marked_unread
    }
}

/// The room view's header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoomHeader {
    pub name: String,
    pub topic: Option<String>,
    pub avatar: Option<String>,
    pub member_count: u64,
    pub encrypted: bool,
    pub is_invite: bool,
}

/// One member of a room, for the member list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MemberSummary {
    pub user_id: String,
    pub name: String,
    pub avatar: Option<String>,
    /// `None` for "infinite" (room creators from room version 12 on).
    pub power_level: Option<i64>,
    /// We verified their identity.
    pub verified: bool,
}

/// A person found in the server's user directory.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UserSummary {
    pub user_id: String,
    pub name: Option<String>,
    pub avatar: Option<String>,
}

/// One entry of a room's timeline, keyed by the SDK's stable unique id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimelineRow {
    pub key: String,
    pub kind: RowKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// A day separator; milliseconds since the epoch.
    DayDivider(u64),
    /// Where the person stopped reading.
    ReadMarker,
    /// The room's creation: nothing more to load above.
    TimelineStart,
    Event(Box<EventRow>),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EventRow {
    pub event_id: Option<String>,
    /// The send queue's id while the event is a local echo.
    pub transaction_id: Option<String>,
    pub sender_id: String,
    pub sender_name: String,
    pub sender_avatar: Option<String>,
    pub timestamp: u64,
    pub is_own: bool,
    /// Ours, and a kind of message that can be edited.
    pub editable: bool,
    pub content: RowContent,
    pub send_state: SendState,
    /// Who has read up to here (not us), as (user ID, display name).
    pub read_by: Vec<(String, String)>,
}

impl EventRow {
    /// What edits, reactions and deletes address: the event, or its local echo.
    pub fn item_id(&self) -> Option<ItemId> {
        match (&self.event_id, &self.transaction_id) {
            (Some(id), _) => Some(ItemId::Event(id.clone())),
            (None, Some(txn)) => Some(ItemId::Transaction(txn.clone())),
            (None, None) => None,
        }
    }
}

/// A timeline item, named as the SDK's actions want it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ItemId {
    Event(String),
    Transaction(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RowContent {
    Message(MessageRow),
    Redacted,
    /// Message ids name the SDK's reason (`utd-*` in the locale files).
    UnableToDecrypt {
        reason_id: &'static str,
    },
    /// A state change summarised in one line: a message id and its arguments.
    State(Summary),
    /// Anything else, named by its event type.
    Unsupported {
        event_type: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MessageRow {
    /// The plain body: what shows when there is no usable formatted body.
    pub body: String,
    /// The sanitized `formatted_body`, when the message has one.
    pub formatted: Option<Vec<RichNode>>,
    /// How the body should be read: `m.text`, `m.emote`, `m.notice`, or a media kind.
    pub kind: MessageKind,
    pub media: Option<MediaRow>,
    pub edited: bool,
    pub reactions: Vec<ReactionRow>,
    pub reply_to: Option<ReplyPreview>,
    pub thread_replies: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageKind {
    Text,
    Emote,
    Notice,
    Image,
    Video,
    Audio,
    File,
    Sticker,
    Other,
}

/// A file, image, video or audio clip attached to a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MediaRow {
    /// Where the content is: the SDK's media source (plain `mxc://` or an encrypted
    /// file), kept as JSON so that the view layer stays free of SDK types.
    pub source: String,
    /// A smaller picture of it, in the same form, if the sender made one.
    pub thumbnail: Option<String>,
    /// The name to save it under.
    pub filename: String,
    /// A caption, when the body says more than the file name.
    pub caption: Option<String>,
    pub mimetype: Option<String>,
    pub size: Option<u64>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub blurhash: Option<String>,
}

/// One reaction key under a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReactionRow {
    pub key: String,
    /// Display names of who reacted, in the order they did.
    pub senders: Vec<String>,
    /// Whether we are among them: clicking removes ours.
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReplyPreview {
    pub event_id: String,
    /// `None` while the replied-to event is still being fetched.
    pub sender: Option<String>,
    pub body: Option<String>,
}

/// Sanitized formatted text: only what Lattice knows how to show safely.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RichNode {
    Text(String),
    Element(RichTag, Vec<RichNode>),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RichTag {
    Paragraph,
    LineBreak,
    Rule,
    Quote,
    Heading(u8),
    List {
        ordered: bool,
        start: Option<u32>,
    },
    ListItem,
    Bold,
    Italic,
    Underline,
    Strike,
    Superscript,
    Subscript,
    Code,
    CodeBlock,
    Table,
    TableHead,
    TableBody,
    TableRow,
    HeaderCell,
    Cell,
    Caption,
    Details,
    Summary,
    /// Hidden until clicked; with the sender's reason, if given.
    Spoiler(Option<String>),
    /// An `https:`, `http:` or `mailto:` address; permalinks open inside the app.
    Link(String),
    /// Only `mxc://` sources, fetched through authenticated media.
    Image {
        mxc: String,
        alt: String,
        width: Option<u32>,
        height: Option<u32>,
    },
}

/// A localisable one-line summary.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Summary {
    pub message_id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SendState {
    /// A remote event: nothing to show.
    Remote,
    /// Queued or on its way; an upload says how far it got.
    Sending {
        percent: Option<u8>,
    },
    Sent,
    Failed(SendFailure),
}

/// Why a message did not go out, as the row says it (the SDK's error text goes to
/// the log only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SendFailure {
    /// No network, or the server did not answer: it goes out by itself once the
    /// server answers again.
    Waiting,
    /// A verified person has a device they have not verified, and this device is set
    /// to send only to verified devices.
    UnverifiedDevices,
    /// Someone verified before has a new identity: verify them again, or accept it.
    IdentityChanged,
    /// This device must be verified before it may send.
    VerifyThisDevice,
    /// The file went away before it could be uploaded, or its type is not accepted.
    FileUnusable,
    /// Larger than the server accepts.
    TooLarge,
    /// Not allowed in this room (any more).
    Forbidden,
    /// The server refused it for another reason.
    Refused,
}

impl SendFailure {
    /// The i18n message id naming this failure.
    pub fn message_id(self) -> &'static str {
        match self {
            SendFailure::Waiting => "send-waiting",
            SendFailure::UnverifiedDevices => "send-failed-unverified-devices",
            SendFailure::IdentityChanged => "send-failed-identity-changed",
            SendFailure::VerifyThisDevice => "send-failed-verify-this-device",
            SendFailure::FileUnusable => "send-failed-file",
            SendFailure::TooLarge => "send-failed-too-large",
            SendFailure::Forbidden => "send-failed-forbidden",
            SendFailure::Refused => "send-failed-refused",
        }
    }
}

/// Whether this device is verified: signed by the account's cross-signing identity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DeviceTrust {
    /// Not known yet (the first key query has not answered).
    #[default]
    Unknown,
    Verified,
    Unverified,
}

/// Recovery: secret storage with the cross-signing keys and the key-backup key, opened
/// by the recovery key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RecoveryStatus {
    #[default]
    Unknown,
    /// Set up, and this device holds every secret.
    Enabled,
    /// Not set up for this account.
    Disabled,
    /// Set up, but this device lacks some secrets: the recovery key completes it.
    Incomplete,
}

/// This device's standing in the account's encryption.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SecurityStatus {
    pub device: DeviceTrust,
    pub recovery: RecoveryStatus,
}

/// One of the account's devices, for the device list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeviceSummary {
    pub id: String,
    pub name: String,
    pub last_seen_ms: Option<u64>,
    pub trust: DeviceTrust,
    pub is_current: bool,
}

/// Someone in a room whose encryption changed in a way the person should know about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IdentityWarning {
    pub user_id: String,
    pub name: String,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// Their identity changed since we first saw it.
    IdentityChanged,
    /// Their identity changed although we had verified it: more serious.
    VerifiedIdentityChanged,
    /// We verified them, and they signed in on a device they have not verified.
    UnverifiedDevice(String),
}

/// One emoji of the seven both sides compare.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SasEmoji {
    pub symbol: String,
    /// The spec's English name, e.g. "Dog".
    pub description: String,
}

/// Where an interactive verification stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VerificationPhase {
    /// Our request is out; the other side has not accepted yet.
    Waiting,
    /// Someone asks us to verify; we have not accepted yet.
    Incoming,
    /// Accepted; the emoji are being worked out.
    Starting,
    Compare(Vec<SasEmoji>),
    /// We said they match; waiting for the other side to say so too.
    Confirmed,
    Done,
    /// Ended early; the i18n id says why.
    Cancelled(&'static str),
}
