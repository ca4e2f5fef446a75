//! Avatar thumbnails as `blob:` URLs, fetched once per `mxc://` URI through the SDK's
//! authenticated media and kept for the session.

use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::matrix::{ActiveSession, media};

/// Thumbnail edge in pixels: twice the largest avatar, for high-density screens.
const THUMBNAIL_SIZE: u32 = 96;

#[derive(Clone, Copy)]
pub struct Avatars {
    urls: StoredValue<HashMap<String, RwSignal<Option<String>>>, LocalStorage>,
    session: StoredValue<Rc<ActiveSession>, LocalStorage>,
    /// The shell's owner: the cached signals must outlive the rows that first asked for
    /// them (virtualized rows come and go while scrolling).
    owner: StoredValue<Owner, LocalStorage>,
}

pub fn provide_avatars(session: Rc<ActiveSession>) {
    provide_context(Avatars {
        urls: StoredValue::new_local(HashMap::new()),
        session: StoredValue::new_local(session),
        owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
    });
}

/// The `blob:` URL of `mxc`'s thumbnail once it is loaded; `None` meanwhile, or when it
/// cannot be loaded (the initials stay).
pub fn avatar_url(mxc: &str) -> Option<String> {
    let avatars = use_context::<Avatars>()?;
    let existing = avatars.urls.with_value(|urls| urls.get(mxc).copied());
    let signal = match existing {
        Some(signal) => signal,
        None => {
            let signal = avatars
                .owner
                .with_value(|owner| owner.with(|| RwSignal::new(None)));
            avatars
                .urls
                .update_value(|urls| _ = urls.insert(mxc.to_owned(), signal));
            let session = avatars.session.get_value();
            let mxc = mxc.to_owned();
            spawn_local(async move {
                match media::thumbnail(&session, &mxc, THUMBNAIL_SIZE).await {
                    Ok(bytes) => signal.set(crate::web::blob_url(&bytes, None)),
                    Err(error) => tracing::debug!("no avatar thumbnail: {error}"),
                }
            });
            signal
        }
    };
    signal.get()
}
