//! The only layer that names `matrix_sdk` / `matrix_sdk_ui` types. Everything above it
//! sees plain models from `models.rs` and `AppError`.

pub mod discovery;
pub mod encryption;
pub mod errors;
pub mod formatted;
pub mod media;
pub mod models;
pub mod permalinks;
pub mod profile;
pub mod room_list;
pub mod rooms;
pub mod session;
pub mod sso;
mod store_cipher;
pub mod sync;
pub mod timeline;
pub mod uia;
pub mod verification;

pub use session::ActiveSession;
