//! Browser storage that is ours, not the SDK's: the encrypted session vault and the
//! clean-up of per-session IndexedDB databases.

pub mod databases;
pub mod vault;
