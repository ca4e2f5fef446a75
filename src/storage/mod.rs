//! Browser storage that is ours, not the SDK's: the encrypted session vault and the
//! clean-up of per-session IndexedDB databases, persistence, and the one-tab lock.

pub mod databases;
pub mod persistence;
pub mod tab_lock;
pub mod vault;
