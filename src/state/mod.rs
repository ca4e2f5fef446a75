//! Reactive glue between the matrix layer and the views. No DOM here.

pub mod action;
pub mod avatars;
pub mod composer;
pub mod conversations;
pub mod first_screen;
pub mod media;
pub mod profile;
pub mod room_list;
pub mod security;
pub mod session;
pub mod sso;
pub mod tab;
pub mod timeline;
pub mod timeline_entries;

pub use action::run_action;
pub use session::{Phase, SessionContext, use_session};
