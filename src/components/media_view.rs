use leptos::prelude::*;

use super::{ErrorAlert, RowActions, RowDialog};
use crate::i18n::{format_size, t, t_args};
use crate::matrix::models::{MediaRow, MessageKind};
use crate::state::media::{MediaUrl, blurhash_data_url, use_media_url};

/// Largest thumbnail shown in the timeline, in CSS pixels.
const MAX_WIDTH: u32 = 320;
const MAX_HEIGHT: u32 = 240;

/// An attachment: a picture (click for full size), a player, or a file to save.
#[component]
pub fn MediaView(media: MediaRow, kind: MessageKind, actions: RowActions) -> impl IntoView {
    match kind {
        MessageKind::Image | MessageKind::Sticker => {
            view! { <ImageThumbnail media actions /> }.into_any()
        }
        MessageKind::Video | MessageKind::Audio => {
            view! { <Player media video=kind == MessageKind::Video /> }.into_any()
        }
        _ => view! { <FileCard media /> }.into_any(),
    }
}

/// The size to show a picture at: its own aspect ratio, within the timeline's bounds.
fn display_size(width: Option<u32>, height: Option<u32>) -> (u32, u32) {
    match (width, height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => {
            let scale = f64::min(
                1.0,
                f64::min(MAX_WIDTH as f64 / w as f64, MAX_HEIGHT as f64 / h as f64),
            );
            (
                ((w as f64 * scale).round() as u32).max(1),
                ((h as f64 * scale).round() as u32).max(1),
            )
        }
        _ => (MAX_WIDTH, MAX_HEIGHT),
    }
}

#[component]
fn ImageThumbnail(media: MediaRow, actions: RowActions) -> impl IntoView {
    let (width, height) = display_size(media.width, media.height);
    // Twice the shown size, for high-density screens; the sender's own thumbnail if any.
    let source = media
        .thumbnail
        .clone()
        .unwrap_or_else(|| media.source.clone());
    let url = use_media_url(
        source,
        Some((width * 2, height * 2)),
        media.mimetype.clone(),
    );
    let placeholder = media.blurhash.as_deref().and_then(blurhash_data_url);
    let alt = media
        .caption
        .clone()
        .unwrap_or_else(|| media.filename.clone());
    let dialog = RowDialog::Image {
        source: media.source.clone(),
        mimetype: media.mimetype.clone(),
        alt: alt.clone(),
    };
    let label = t_args("image-open", &[("name", &alt)]);
    view! {
        <button class="lt-media lt-media--image" type="button" aria-label=label
            style:width=format!("{width}px") style:aspect-ratio=format!("{width} / {height}")
            on:click=move |_| actions.open.run(dialog.clone())>
            {move || match url.get() {
                MediaUrl::Ready(src) => view! { <img class="lt-media__image" src=src alt=alt.clone() /> }.into_any(),
                MediaUrl::Loading => match placeholder.clone() {
                    Some(src) => view! { <img class="lt-media__image lt-media__placeholder" src=src alt="" /> }.into_any(),
                    None => view! { <span class="lt-media__loading">{t("media-loading")}</span> }.into_any(),
                },
                MediaUrl::Failed(_) => view! { <span class="lt-media__failed">{t("error-media-unavailable")}</span> }.into_any(),
            }}
        </button>
    }
}

/// Video or audio in the browser's own player, loaded when shown.
#[component]
fn Player(media: MediaRow, video: bool) -> impl IntoView {
    let url = use_media_url(media.source.clone(), None, media.mimetype.clone());
    let name = media.filename.clone();
    view! {
        <div class="lt-media lt-media--player">
            {move || match url.get() {
                MediaUrl::Ready(src) if video => view! { <video class="lt-media__video" src=src controls=true aria-label=name.clone()></video> }.into_any(),
                MediaUrl::Ready(src) => view! { <audio src=src controls=true aria-label=name.clone()></audio> }.into_any(),
                MediaUrl::Loading => view! { <span class="lt-media__loading">{t("media-loading")}</span> }.into_any(),
                MediaUrl::Failed(_) => view! { <span class="lt-media__failed">{t("error-media-unavailable")}</span> }.into_any(),
            }}
            <FileCard media />
        </div>
    }
}

/// A file's name and size, and a button that saves it under its own name. Fetched only
/// when asked for.
#[component]
fn FileCard(media: MediaRow) -> impl IntoView {
    let requested = RwSignal::new(false);
    let error = RwSignal::new(None);
    let size = media.size.map(format_size);
    let name = media.filename.clone();
    let label = t_args("file-save", &[("name", &name)]);
    view! {
        <div class="lt-file">
            <span class="lt-file__name"><bdi>{name.clone()}</bdi></span>
            {size.map(|s| view! { <span class="lt-file__size">{s}</span> })}
            <button class="lt-button lt-button--small" type="button" aria-label=label
                on:click=move |_| { error.set(None); requested.set(true) }>{t("file-save-short")}</button>
            <Show when=move || requested.get()>
                <FileSaver media=media.clone() done=requested error />
            </Show>
            <ErrorAlert error />
        </div>
    }
}

/// Fetches the file, saves it, and is gone again; on failure it says why through
/// `error`, and Save can be pressed again.
#[component]
fn FileSaver(
    media: MediaRow,
    done: RwSignal<bool>,
    error: RwSignal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let url = use_media_url(media.source.clone(), None, media.mimetype.clone());
    Effect::new(move |_| match url.get() {
        MediaUrl::Ready(src) => {
            crate::web::save_url(&src, &media.filename);
            done.set(false);
        }
        MediaUrl::Failed(e) => {
            error.set(Some(e));
            done.set(false);
        }
        MediaUrl::Loading => {}
    });
}
