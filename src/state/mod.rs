//! Reactive glue between the matrix layer and the views. No DOM here.

pub mod session;

pub use session::{Phase, SessionContext, use_session};
