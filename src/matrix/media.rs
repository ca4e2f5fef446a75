//! Authenticated media (`/_matrix/client/v1/media`): avatar thumbnails and message
//! attachments, cached by the SDK's media store.

use matrix_sdk::media::{MediaFormat, MediaRequestParameters, MediaThumbnailSettings};
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::{OwnedMxcUri, UInt};

use super::{ActiveSession, errors};
use crate::error::AppError;

/// The bytes of a square thumbnail of `mxc`, at least `size` pixels wide.
pub async fn thumbnail(session: &ActiveSession, mxc: &str, size: u32) -> Result<Vec<u8>, AppError> {
    let uri = OwnedMxcUri::from(mxc);
    uri.validate()
        .map_err(|e| errors::failed("read a media address", e))?;
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
        .map_err(|e| errors::sdk("fetch a thumbnail", &e))
}

/// The bytes of a message's attachment, or of a thumbnail of it at about `thumbnail`
/// (width, height). `source` is the JSON kept in `MediaRow`; encrypted files are
/// decrypted by the SDK. Everything goes through authenticated media.
pub async fn content(
    session: &ActiveSession,
    source: &str,
    thumbnail: Option<(u32, u32)>,
) -> Result<Vec<u8>, AppError> {
    let source: MediaSource = serde_json::from_str(source).map_err(|error| {
        tracing::warn!("unusable media source: {error}");
        AppError::MediaUnavailable
    })?;
    // Thumbnails exist only for plain media: the server cannot scale encrypted files.
    let format = match (&source, thumbnail) {
        (MediaSource::Plain(_), Some((width, height))) => MediaFormat::Thumbnail(
            MediaThumbnailSettings::new(UInt::from(width), UInt::from(height)),
        ),
        _ => MediaFormat::File,
    };
    let request = MediaRequestParameters { source, format };
    session
        .client()
        .media()
        .get_media_content(&request, true)
        .await
        .map_err(|error| {
            tracing::warn!("media not loaded: {error}");
            AppError::MediaUnavailable
        })
}
