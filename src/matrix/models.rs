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
            SyncStatus::Error => "sync-error",
            SyncStatus::Stopped => "sync-stopped",
        }
    }
}
