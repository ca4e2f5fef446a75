//! The person's own profile: display name and avatar. The server copies changes into
//! the member event of every room they are in, which is how others see them.

use matrix_sdk::ruma::api::client::profile::{AvatarUrl, DisplayName};

use super::{ActiveSession, errors};
use crate::error::AppError;

/// Our display name (none set: `None`) and avatar (`mxc://`), as the server has them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnProfile {
    pub display_name: Option<String>,
    pub avatar: Option<String>,
}

pub async fn own_profile(session: &ActiveSession) -> Result<OwnProfile, AppError> {
    let profile = session
        .client()
        .account()
        .fetch_user_profile()
        .await
        .map_err(|e| errors::sdk("read the profile", &e))?;
    // A field of the wrong type reads as unset rather than failing the page.
    Ok(OwnProfile {
        display_name: profile.get_static::<DisplayName>().ok().flatten(),
        avatar: profile
            .get_static::<AvatarUrl>()
            .ok()
            .flatten()
            .map(|uri| uri.to_string()),
    })
}

/// Sets the display name; an empty one removes it (others then see the user ID).
pub async fn set_display_name(session: &ActiveSession, name: &str) -> Result<(), AppError> {
    let name = Some(name.trim()).filter(|name| !name.is_empty());
    session
        .client()
        .account()
        .set_display_name(name)
        .await
        .map_err(|e| errors::sdk("change the display name", &e))
}

/// Uploads `png` and makes it the avatar; returns its `mxc://` address.
pub async fn set_avatar(session: &ActiveSession, png: Vec<u8>) -> Result<String, AppError> {
    session
        .client()
        .account()
        .upload_avatar(&mime::IMAGE_PNG, png)
        .await
        .map(|uri| uri.to_string())
        .map_err(|e| errors::sdk("change the avatar", &e))
}

pub async fn remove_avatar(session: &ActiveSession) -> Result<(), AppError> {
    session
        .client()
        .account()
        .set_avatar_url(None)
        .await
        .map_err(|e| errors::sdk("remove the avatar", &e))
}
