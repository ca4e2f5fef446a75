//! SDK errors turned into `AppError`s people can read. The SDK's own text can hold
//! server names, room IDs or URLs with tokens in them: it goes to the log with what
//! was being done, never to the screen.

use std::fmt::Display;
use std::time::Duration;

use matrix_sdk::HttpError;
use matrix_sdk::ruma::api::error::{ErrorKind, RetryAfter};

use crate::error::AppError;

/// An error of the main SDK type, while doing `action` (for the log).
pub fn sdk(action: &str, error: &matrix_sdk::Error) -> AppError {
    match error {
        matrix_sdk::Error::Http(http) => self::http(action, http),
        other => failed(action, other),
    }
}

/// An HTTP-level error: the server's error code, or no answer at all.
pub fn http(action: &str, error: &HttpError) -> AppError {
    tracing::warn!("{action}: {error}");
    match error.client_api_error_kind() {
        Some(kind) => api(kind),
        None if matches!(error, HttpError::Reqwest(_)) => AppError::Offline,
        None => AppError::Server,
    }
}

/// No answer from our homeserver: none at all (no network, the request's deadline),
/// or a reverse proxy's own 502/503/504 without a Matrix body (the server behind it
/// is down or restarting).
pub fn server_unreachable(error: &HttpError) -> bool {
    if matches!(error, HttpError::Reqwest(_)) {
        return true;
    }
    let gateway = error
        .as_client_api_error()
        .is_some_and(|api| matches!(api.status_code.as_u16(), 502..=504));
    gateway && error.client_api_error_kind().is_none()
}

/// For an action that involves another server (joining its room, inviting or looking
/// up its people): our homeserver answered 502/504 in Matrix JSON, so it could not
/// reach that server. A reverse proxy's own 502 (our server down) has no Matrix body.
pub fn remote_unreachable(error: &HttpError) -> bool {
    let gateway = error
        .as_client_api_error()
        .is_some_and(|api| matches!(api.status_code.as_u16(), 502 | 504));
    gateway && error.client_api_error_kind().is_some()
}

/// The server's error code in plain words.
pub fn api(kind: &ErrorKind) -> AppError {
    match kind {
        ErrorKind::Forbidden => AppError::Forbidden,
        ErrorKind::LimitExceeded { .. } => AppError::RateLimited,
        ErrorKind::UnknownToken { .. } => AppError::SessionExpired,
        ErrorKind::TooLarge => AppError::TooLarge,
        ErrorKind::ResourceLimitExceeded { .. } => AppError::ServerFull,
        _ => AppError::Server,
    }
}

/// How long the server asked us to wait before trying again (a 429's
/// `retry_after_ms`), if it said. The SDK does not retry by itself on the web.
pub fn retry_after(error: &matrix_sdk::Error) -> Option<Duration> {
    match error.client_api_error_kind()? {
        ErrorKind::LimitExceeded(data) => match data.retry_after.as_ref()? {
            RetryAfter::Delay(delay) => Some(*delay),
            // A wall-clock time: our own backoff is used instead.
            RetryAfter::DateTime(_) => None,
        },
        _ => None,
    }
}

/// Any other SDK failure (timeline, room list, media cache): logged in full, shown
/// as the server not managing it.
pub fn failed(action: &str, error: impl Display) -> AppError {
    tracing::warn!("{action}: {error}");
    AppError::Server
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn server_codes_read_plainly() {
        assert_eq!(api(&ErrorKind::Forbidden), AppError::Forbidden);
        assert_eq!(api(&ErrorKind::TooLarge), AppError::TooLarge);
        assert_eq!(api(&ErrorKind::Unrecognized), AppError::Server);
    }

    /// An HTTP error as the SDK makes it from a server's answer.
    pub(crate) fn answered(status: u16, kind: Option<ErrorKind>) -> HttpError {
        use matrix_sdk::RumaApiError;
        use matrix_sdk::ruma::api::error::{
            Error, ErrorBody, FromHttpResponseError, StandardErrorBody,
        };
        let body = match kind {
            Some(kind) => ErrorBody::Standard(StandardErrorBody::new(kind, "detail".into())),
            None => ErrorBody::NotJson {
                bytes: Default::default(),
                deserialization_error: std::sync::Arc::new(
                    serde_json::from_str::<()>("<html>").expect_err("not json"),
                ),
            },
        };
        let status = matrix_sdk::reqwest::StatusCode::from_u16(status).expect("status");
        HttpError::Api(Box::new(FromHttpResponseError::Server(
            RumaApiError::MatrixError(Error::new(status, body)),
        )))
    }

    #[wasm_bindgen_test]
    fn a_gateway_error_from_our_server_means_the_other_server() {
        assert!(remote_unreachable(&answered(502, Some(ErrorKind::Unknown))));
        assert!(remote_unreachable(&answered(504, Some(ErrorKind::Unknown))));
        // A proxy's own 502 (our server is down) is not about another organisation.
        assert!(!remote_unreachable(&answered(502, None)));
        assert!(!remote_unreachable(&answered(
            403,
            Some(ErrorKind::Forbidden)
        )));
    }

    #[wasm_bindgen_test]
    fn no_answer_or_a_proxy_error_means_our_server_is_out_of_reach() {
        assert!(server_unreachable(&answered(502, None)));
        assert!(server_unreachable(&answered(503, None)));
        // Our server answered in Matrix: it is there, whatever it said.
        assert!(!server_unreachable(&answered(
            502,
            Some(ErrorKind::Unknown)
        )));
        assert!(!server_unreachable(&answered(500, None)));
        assert!(!server_unreachable(&answered(
            429,
            Some(ErrorKind::LimitExceeded(Default::default()))
        )));
    }

    #[wasm_bindgen_test]
    fn the_detail_never_reaches_the_message() {
        let shown = failed("testing", "secret https://server/?access_token=abc").user_message();
        assert!(!shown.contains("abc"), "{shown}");
    }
}
