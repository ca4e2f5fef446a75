//! Message attachments as `blob:` URLs: fetched through authenticated media when a
//! view asks, and revoked when that view goes away.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::error::AppError;
use crate::matrix::media;
use crate::state::use_session;

/// Where a picture or file stands for the view showing it.
#[derive(Clone, Debug, PartialEq)]
pub enum MediaUrl {
    Loading,
    Ready(String),
    Failed(AppError),
}

/// Loads `source` (a `MediaRow` source, or a bare `mxc://` URI for inline images) for
/// the lifetime of the calling owner. `thumbnail`: a scaled copy of about that size.
pub fn use_media_url(
    source: String,
    thumbnail: Option<(u32, u32)>,
    mimetype: Option<String>,
) -> ReadSignal<MediaUrl> {
    let (url, set_url) = signal(MediaUrl::Loading);
    let source = if source.starts_with("mxc://") {
        serde_json::json!({ "url": source }).to_string()
    } else {
        source
    };
    on_cleanup(move || {
        if let Some(MediaUrl::Ready(url)) = url.try_get_untracked() {
            crate::web::revoke_blob_url(&url);
        }
    });
    let Some(session) = use_session().active() else {
        set_url.set(MediaUrl::Failed(AppError::MediaUnavailable));
        return url;
    };
    spawn_local(async move {
        let loaded = match media::content(&session, &source, thumbnail).await {
            Ok(bytes) => match crate::web::blob_url(&bytes, mimetype.as_deref()) {
                Some(blob) => MediaUrl::Ready(blob),
                None => MediaUrl::Failed(AppError::MediaUnavailable),
            },
            Err(error) => MediaUrl::Failed(error),
        };
        // The view may be gone by now: then nobody will revoke the URL but us.
        let blob = match &loaded {
            MediaUrl::Ready(blob) => Some(blob.clone()),
            _ => None,
        };
        if set_url.try_set(loaded).is_some()
            && let Some(blob) = blob
        {
            crate::web::revoke_blob_url(&blob);
        }
    });
    url
}

/// Edge of a blurhash placeholder in pixels: the browser scales it up, blurred anyway.
const PLACEHOLDER_EDGE: u32 = 16;

/// A `data:` image for a blurhash (an uncompressed BMP: nothing to fetch, and a few
/// lines to write), or `None` for a hash that does not decode.
pub fn blurhash_data_url(hash: &str) -> Option<String> {
    use base64::Engine;
    // The decoder slices the string by bytes: only well-formed ASCII hashes go in.
    if !hash.is_ascii() || !(6..=100).contains(&hash.len()) {
        return None;
    }
    let edge = PLACEHOLDER_EDGE;
    let rgba = blurhash::decode(hash, edge, edge, 1.0).ok()?;
    let row_bytes = (edge * 3).div_ceil(4) * 4;
    let pixel_bytes = row_bytes * edge;
    let mut bmp = Vec::with_capacity(54 + pixel_bytes as usize);
    bmp.extend_from_slice(b"BM");
    bmp.extend_from_slice(&(54 + pixel_bytes).to_le_bytes());
    bmp.extend_from_slice(&[0; 4]);
    bmp.extend_from_slice(&54u32.to_le_bytes());
    bmp.extend_from_slice(&40u32.to_le_bytes());
    bmp.extend_from_slice(&(edge as i32).to_le_bytes());
    bmp.extend_from_slice(&(edge as i32).to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&24u16.to_le_bytes());
    bmp.extend_from_slice(&[0; 4]);
    bmp.extend_from_slice(&pixel_bytes.to_le_bytes());
    bmp.extend_from_slice(&[0; 16]);
    // Bottom-up rows of blue, green, red, padded to four bytes.
    for y in (0..edge).rev() {
        let start = bmp.len();
        for x in 0..edge {
            let i = ((y * edge + x) * 4) as usize;
            bmp.extend_from_slice(&[rgba[i + 2], rgba[i + 1], rgba[i]]);
        }
        bmp.resize(start + row_bytes as usize, 0);
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(&bmp);
    Some(format!("data:image/bmp;base64,{encoded}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn blurhashes_become_small_images_and_bad_ones_nothing() {
        let url = blurhash_data_url("LEHV6nWB2yk8pyo0adR*.7kCMdnj").unwrap();
        assert!(url.starts_with("data:image/bmp;base64,Qk"));
        for bad in [
            "",
            "LEHV",
            "LEHV6nWB2yk8pyo0adR*.7kCMdn",
            "ÄÖÜ6nWB2yk8pyo0adR*.7kCMdnj",
            "~~~~~~~~",
        ] {
            assert_eq!(blurhash_data_url(bad), None, "{bad}");
        }
    }
}
