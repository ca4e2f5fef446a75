//! Small views without protocol logic.

pub mod error_alert;
pub mod sync_status_badge;
pub mod text_field;

pub use error_alert::ErrorAlert;
pub use sync_status_badge::SyncStatusBadge;
pub use text_field::TextField;
