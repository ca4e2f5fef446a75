//! Why a message did not go out, from the SDK's error, in words a row can show.

use matrix_sdk::QueueWedgeError;
use matrix_sdk::ruma::api::error::ErrorKind;

use crate::matrix::models::SendFailure;

/// `recoverable` is the SDK's verdict: the queue keeps the message and it goes out
/// once sending is resumed (after the network comes back).
pub fn send_failure(error: &matrix_sdk::Error, recoverable: bool) -> SendFailure {
    if recoverable {
        return SendFailure::Waiting;
    }
    // The raw text may name devices or servers: the log, never the screen.
    tracing::warn!("a message could not be sent: {error}");
    match error.client_api_error_kind() {
        Some(ErrorKind::Forbidden) => return SendFailure::Forbidden,
        Some(ErrorKind::TooLarge) => return SendFailure::TooLarge,
        _ => {}
    }
    match QueueWedgeError::from(error) {
        QueueWedgeError::InsecureDevices { .. } => SendFailure::UnverifiedDevices,
        QueueWedgeError::IdentityViolations { .. } => SendFailure::IdentityChanged,
        QueueWedgeError::CrossVerificationRequired => SendFailure::VerifyThisDevice,
        QueueWedgeError::MissingMediaContent | QueueWedgeError::InvalidMimeType { .. } => {
            SendFailure::FileUnusable
        }
        QueueWedgeError::GenericApiError { .. } => SendFailure::Refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn wedged(error: QueueWedgeError) -> matrix_sdk::Error {
        matrix_sdk::Error::SendQueueWedgeError(Box::new(error))
    }

    #[wasm_bindgen_test]
    fn each_reason_is_told_apart() {
        let cases = [
            (
                QueueWedgeError::InsecureDevices {
                    user_device_map: Default::default(),
                },
                SendFailure::UnverifiedDevices,
            ),
            (
                QueueWedgeError::IdentityViolations { users: vec![] },
                SendFailure::IdentityChanged,
            ),
            (
                QueueWedgeError::CrossVerificationRequired,
                SendFailure::VerifyThisDevice,
            ),
            (
                QueueWedgeError::MissingMediaContent,
                SendFailure::FileUnusable,
            ),
            (
                QueueWedgeError::GenericApiError {
                    msg: "secret detail".into(),
                },
                SendFailure::Refused,
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(send_failure(&wedged(error), false), expected);
        }
    }

    #[wasm_bindgen_test]
    fn a_recoverable_error_only_waits() {
        let error = wedged(QueueWedgeError::CrossVerificationRequired);
        assert_eq!(send_failure(&error, true), SendFailure::Waiting);
    }
}
