//! Small browser services the views need: the clipboard, reading a picked file,
//! `blob:` URLs, and saving a file.

use wasm_bindgen::JsCast;

use crate::error::AppError;

/// Copies `text` to the clipboard; false when the browser has no clipboard API or
/// refuses (then the link is shown for the person to copy). Looked up by hand because
/// `navigator.clipboard` is missing outside secure contexts, which web-sys's binding
/// does not allow for.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(clipboard) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined())
    else {
        return false;
    };
    let promise = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|write| write.call1(&clipboard, &text.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match promise {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}

/// The bytes of a file the person picked, pasted or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, AppError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| AppError::FileUnreadable(file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A `blob:` URL for `bytes`, to show or save them without another request. Revoke it
/// with `revoke_blob_url` once it is no longer shown.
pub fn blob_url(bytes: &[u8], mimetype: Option<&str>) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    if let Some(mimetype) = mimetype {
        options.set_type(mimetype);
    }
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke_blob_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Saves what `url` (a `blob:` URL) holds under `filename`.
pub fn save_url(url: &str, filename: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|link| {
            link.set_href(url);
            link.set_download(filename);
            link.click();
        })
        .is_some()
}

/// Offers `text` as a file download named `filename`, through a `blob:` URL that is
/// revoked right after (a download is a navigation: the CSP's connect-src is not involved).
pub fn download_text(filename: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let saved = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|link| {
            link.set_href(&url);
            link.set_download(filename);
            link.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    saved
}
