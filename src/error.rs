//! The one error type of the app. People see `user_message()`, never `Debug` output.

use crate::i18n::{format_size, t, t_args};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    /// The user name or the password was rejected.
    #[error("wrong user name or password")]
    WrongCredentials,
    /// The server asked us to slow down.
    #[error("rate limited")]
    RateLimited,
    /// Nothing answered at this address: offline, wrong address, or refused.
    #[error("cannot reach {0}")]
    Unreachable(String),
    /// Our homeserver could not reach another organisation's server (federation).
    #[error("remote server unreachable")]
    RemoteUnreachable,
    /// Something answered, but not with a valid Matrix `/versions` response.
    #[error("{0} is not a Matrix server")]
    NotMatrixServer(String),
    /// A Matrix server that does not offer simplified sliding sync (MSC4186).
    #[error("{0} lacks simplified sliding sync")]
    NoSlidingSync(String),
    /// What was typed is neither a server name nor a URL.
    #[error("invalid homeserver address {0:?}")]
    InvalidHomeserver(String),
    /// A homeserver over plain http:// that is not on this machine.
    #[error("{0} is not served over https")]
    InsecureHomeserver(String),
    /// A full user ID that does not parse.
    #[error("invalid user id {0:?}")]
    InvalidUserId(String),
    /// The browser refused or lost its storage (IndexedDB, WebCrypto).
    #[error("storage: {0}")]
    Storage(String),
    /// The browser refused a write: this site's storage quota is used up.
    #[error("storage full")]
    StorageFull,
    /// What this browser keeps for the session (the vault, the SDK's stores) cannot be
    /// read: damaged, or written by something else. Resetting local data is the way out.
    #[error("local data unreadable")]
    LocalDataUnreadable,
    /// IndexedDB is refused (site data blocked, some private windows): nothing can be
    /// kept, not even the encryption keys.
    #[error("storage unavailable: {0}")]
    StorageUnavailable(String),
    /// The server answered with an error we have no special words for (its detail is
    /// in the log: `matrix::errors`).
    #[error("server error")]
    Server,
    /// Larger than the server accepts.
    #[error("too large")]
    TooLarge,
    /// The server is at a limit of its own (e.g. monthly active users).
    #[error("server limit reached")]
    ServerFull,
    /// `config.json` is present but is not valid JSON or cannot be read.
    #[error("config: {0}")]
    Config(String),
    /// `config.json` has a bad value: the field, and what is wrong with it.
    #[error("config field {0}: {1}")]
    ConfigField(String, String),
    /// The administrator's policy allows signing in only to this homeserver.
    #[error("homeserver not allowed; only {0}")]
    HomeserverNotAllowed(String),
    /// The one-time token sent back by single sign-on was refused: already used (a
    /// page opened again from history), or too old.
    #[error("login token refused")]
    LoginTokenRefused,
    /// Signing in again after the session expired, someone else signed in at the
    /// identity provider; the session stays with its own user.
    #[error("another account signed in")]
    OtherAccount(String),
    /// The person left for their organisation's sign-in page and came back without
    /// signing in: cancelled there, or that page could not be reached.
    #[error("single sign-on not finished")]
    SsoNotFinished,
    /// The server offers no way of signing in that Lattice supports (or the policy
    /// hides the one it offers).
    #[error("no supported sign-in method")]
    NoSignInMethod,
    /// The saved session could not be used any more (e.g. the token was revoked).
    #[error("session expired")]
    SessionExpired,
    /// The server refused the token (signed out elsewhere, device deleted) and this
    /// device's data for it was deleted.
    #[error("session ended by the server")]
    SessionEndedByServer,
    /// No room with this ID or address, or none we are in.
    #[error("room not found: {0}")]
    RoomNotFound(String),
    /// The server refused: not enough power in the room, or not allowed at all.
    #[error("forbidden")]
    Forbidden,
    /// No such user on that server.
    #[error("unknown user {0}")]
    UnknownUser(String),
    /// A room address that does not parse.
    #[error("invalid room address {0:?}")]
    InvalidRoomAddress(String),
    /// A public room's address part that is empty or has forbidden characters.
    #[error("invalid alias {0:?}")]
    InvalidAlias(String),
    /// The server could not be reached for an action; nothing was changed.
    #[error("offline")]
    Offline,
    /// Another room already has this address.
    #[error("alias taken {0:?}")]
    AliasTaken(String),
    /// The password typed to confirm an action (user-interactive authentication) was
    /// refused.
    #[error("wrong password")]
    WrongPassword,
    /// Confirming through single sign-on was not finished when the person continued.
    #[error("sso confirmation not finished")]
    SsoConfirmNotFinished,
    /// The server asks for a confirmation Lattice cannot give (e-mail, captcha, several
    /// steps); nothing was changed.
    #[error("cannot confirm")]
    CannotConfirm,
    /// A key backup made elsewhere, without secret storage, is in the way.
    #[error("backup exists")]
    BackupExists,
    /// The identity reset was refused half way (wrong password) after the old backup
    /// was already turned off.
    #[error("reset not finished")]
    ResetNotFinished,
    /// The same, when confirming through single sign-on was not finished.
    #[error("reset not confirmed")]
    ResetNotConfirmed,
    /// The same, when the server asks for a confirmation Lattice cannot give.
    #[error("reset cannot be confirmed")]
    ResetCannotConfirm,
    /// The recovery key does not open this account's secret storage.
    #[error("wrong recovery key")]
    WrongRecoveryKey,
    /// The account has no recovery set up to restore from.
    #[error("no recovery on the server")]
    NoRecoveryOnServer,
    /// The person has never set up encryption, so there is nothing to verify.
    #[error("no identity for {0}")]
    NoIdentity(String),
    /// The message an action was meant for is not in the room (any more).
    #[error("message not found")]
    MessageNotFound,
    /// Editing, reacting to or deleting a message failed (the detail is logged).
    #[error("message action failed")]
    MessageActionFailed,
    /// A slash command Lattice does not know; the text was not sent.
    #[error("unknown command {0}")]
    UnknownCommand(String),
    /// A file larger than the server accepts; nothing was uploaded.
    #[error("file too large: {size} > {max}")]
    FileTooLarge { size: u64, max: u64 },
    /// The browser could not read a file the person picked.
    #[error("file unreadable {0}")]
    FileUnreadable(String),
    /// A file picked as a picture (an avatar) is not one the browser can show.
    #[error("not a picture {0}")]
    NotAPicture(String),
    /// A picture or file could not be fetched or decrypted.
    #[error("media unavailable")]
    MediaUnavailable,
    /// An encryption step failed for a reason with no special words (logged).
    #[error("encryption step failed")]
    EncryptionFailed,
}

impl AppError {
    /// A storage failure described by the browser: a full quota gets its own words
    /// (what to do about it), anything else keeps the detail.
    pub fn storage(detail: String) -> AppError {
        if detail.contains("QuotaExceeded") {
            AppError::StorageFull
        } else {
            AppError::Storage(detail)
        }
    }

    /// A sentence in plain words for the person in front of the screen.
    pub fn user_message(&self) -> String {
        match self {
            AppError::WrongCredentials => t("error-wrong-credentials"),
            AppError::RateLimited => t("error-rate-limited"),
            AppError::Unreachable(server) => t_args("error-unreachable", &[("server", server)]),
            AppError::NotMatrixServer(server) => t_args("error-not-matrix", &[("server", server)]),
            AppError::NoSlidingSync(server) => {
                t_args("error-no-sliding-sync", &[("server", server)])
            }
            AppError::InsecureHomeserver(server) => {
                t_args("error-insecure-homeserver", &[("server", server)])
            }
            AppError::InvalidHomeserver(input) => {
                t_args("error-invalid-homeserver", &[("input", input)])
            }
            AppError::InvalidUserId(input) => t_args("error-invalid-user-id", &[("input", input)]),
            AppError::Storage(detail) => t_args("error-storage", &[("detail", detail)]),
            AppError::StorageUnavailable(_) => t("error-storage-unavailable"),
            AppError::LocalDataUnreadable => t("error-local-data-unreadable"),
            AppError::StorageFull => t("error-storage-full"),
            AppError::Server => t("error-server"),
            AppError::TooLarge => t("error-too-large"),
            AppError::ServerFull => t("error-server-full"),
            AppError::Config(detail) => t_args("error-config", &[("detail", detail)]),
            AppError::ConfigField(field, problem) => t_args(
                "error-config-field",
                &[("field", field), ("problem", problem)],
            ),
            AppError::HomeserverNotAllowed(server) => {
                t_args("error-homeserver-not-allowed", &[("server", server)])
            }
            AppError::RemoteUnreachable => t("error-remote-unreachable"),
            AppError::LoginTokenRefused => t("error-login-token-refused"),
            AppError::SsoNotFinished => t("error-sso-not-finished"),
            AppError::OtherAccount(user) => t_args("error-other-account", &[("user", user)]),
            AppError::NoSignInMethod => t("error-no-sign-in-method"),
            AppError::SessionExpired => t("error-session-expired"),
            AppError::SessionEndedByServer => t("error-session-ended-by-server"),
            AppError::RoomNotFound(room) => t_args("error-room-not-found", &[("room", room)]),
            AppError::Forbidden => t("error-forbidden"),
            AppError::Offline => t("error-offline"),
            AppError::UnknownUser(user) => t_args("error-unknown-user", &[("user", user)]),
            AppError::InvalidRoomAddress(input) => {
                t_args("error-invalid-room-address", &[("input", input)])
            }
            AppError::InvalidAlias(input) => t_args("error-invalid-alias", &[("input", input)]),
            AppError::AliasTaken(alias) => t_args("error-alias-taken", &[("alias", alias)]),
            AppError::WrongPassword => t("error-wrong-password"),
            AppError::SsoConfirmNotFinished => t("error-sso-confirm-not-finished"),
            AppError::CannotConfirm => t("error-cannot-confirm"),
            AppError::WrongRecoveryKey => t("error-wrong-recovery-key"),
            AppError::BackupExists => t("error-backup-exists"),
            AppError::ResetNotFinished => t("error-reset-not-finished"),
            AppError::ResetNotConfirmed => t("error-reset-not-confirmed"),
            AppError::ResetCannotConfirm => t("error-reset-cannot-confirm"),
            AppError::NoRecoveryOnServer => t("error-no-recovery"),
            AppError::NoIdentity(user) => t_args("error-no-identity", &[("user", user)]),
            AppError::EncryptionFailed => t("error-encryption-failed"),
            AppError::MessageNotFound => t("error-message-not-found"),
            AppError::MessageActionFailed => t("error-message-action"),
            AppError::UnknownCommand(command) => {
                t_args("error-unknown-command", &[("command", command)])
            }
            AppError::FileTooLarge { size, max } => t_args(
                "error-file-too-large",
                &[("size", &format_size(*size)), ("max", &format_size(*max))],
            ),
            AppError::MediaUnavailable => t("error-media-unavailable"),
            AppError::FileUnreadable(name) => t_args("error-file-unreadable", &[("name", name)]),
            AppError::NotAPicture(name) => t_args("error-not-a-picture", &[("name", name)]),
        }
    }
}
