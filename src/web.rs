//! Small browser services the views need: the clipboard, reading a picked file,
//! cropping a picture, `blob:` URLs, and saving a file.

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

/// The picture in `file`, cropped to its centred square and scaled down to at most
/// `max` pixels a side, as PNG: avatars show round, and a tall photo would otherwise be
/// squeezed. Decoded by the browser, so anything it cannot show is refused here.
pub async fn square_png(file: &web_sys::File, max: u32) -> Result<Vec<u8>, AppError> {
    let unreadable = || AppError::NotAPicture(file.name());
    let url = web_sys::Url::create_object_url_with_blob(file).map_err(|_| unreadable())?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| unreadable())?;
    image.set_src(&url);
    let decoded = wasm_bindgen_futures::JsFuture::from(image.decode()).await;
    revoke_blob_url(&url);
    decoded.map_err(|_| unreadable())?;
    let (width, height) = (image.natural_width(), image.natural_height());
    let side = width.min(height);
    if side == 0 {
        return Err(unreadable());
    }
    let out = side.min(max);
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(unreadable)?;
    canvas.set_width(out);
    canvas.set_height(out);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(unreadable)?;
    context
        .draw_image_with_html_image_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            &image,
            f64::from((width - side) / 2),
            f64::from((height - side) / 2),
            f64::from(side),
            f64::from(side),
            0.0,
            0.0,
            f64::from(out),
            f64::from(out),
        )
        .map_err(|_| unreadable())?;
    // `toBlob` reports through a callback: a promise resolved by it.
    let mut encode = |resolve: js_sys::Function, _reject: js_sys::Function| {
        let _ = canvas.to_blob(&resolve);
    };
    let blob = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut encode))
        .await
        .ok()
        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
        .ok_or_else(unreadable)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| unreadable())?;
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
