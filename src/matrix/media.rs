//! Authenticated media: thumbnails for avatars, cached by the SDK's media store.

use matrix_sdk::media::{MediaFormat, MediaRequestParameters, MediaThumbnailSettings};
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::{OwnedMxcUri, UInt};

use super::ActiveSession;
use crate::error::AppError;

/// The bytes of a square thumbnail of `mxc`, at least `size` pixels wide.
pub async fn thumbnail(session: &ActiveSession, mxc: &str, size: u32) -> Result<Vec<u8>, AppError> {
    let uri = OwnedMxcUri::from(mxc);
    uri.validate()
        .map_err(|_| AppError::Server(format!("invalid media address {mxc}")))?;
    let size = UInt::from(size);
    let request = MediaRequestParameters {
        source: MediaSource::Plain(uri),
        format: MediaFormat::Thumbnail(MediaThumbnailSettings::new(size, size)),
    };
    session
        .client()
        .media()
        .get_media_content(&request, true)
        .await
        .map_err(|e| AppError::Server(e.to_string()))
}
