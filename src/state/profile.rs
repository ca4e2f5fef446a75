//! The settings page's profile: our display name and avatar, loaded from the server
//! and changed there.

use leptos::prelude::*;

use super::run_action;
use crate::error::AppError;
use crate::matrix::profile::{self, OwnProfile};

/// Longest side of an uploaded avatar, in pixels: avatars show at most 64 px, twice
/// that on dense screens, with room to spare.
const AVATAR_SIZE: u32 = 512;

#[derive(Clone, Copy)]
pub struct ProfileState {
    /// `None` until loaded.
    pub profile: RwSignal<Option<OwnProfile>>,
    pub busy: RwSignal<bool>,
    pub error: RwSignal<Option<AppError>>,
    /// What the last change did, once done (a locale message id), for a status line.
    pub done: RwSignal<Option<&'static str>>,
}

/// Loads our profile for the lifetime of the calling owner.
pub fn use_profile() -> ProfileState {
    let state = ProfileState {
        profile: RwSignal::new(None),
        busy: RwSignal::new(false),
        error: RwSignal::new(None),
        done: RwSignal::new(None),
    };
    run_action(
        |session| async move { profile::own_profile(&session).await },
        state.busy,
        state.error,
        move |loaded| state.profile.set(Some(loaded)),
    );
    state
}

impl ProfileState {
    /// Changes the display name; an empty one removes it.
    pub fn rename(&self, name: String) {
        let state = *self;
        state.done.set(None);
        run_action(
            move |session| async move {
                profile::set_display_name(&session, &name).await?;
                Ok(Some(name.trim().to_owned()).filter(|name| !name.is_empty()))
            },
            state.busy,
            state.error,
            move |name| {
                state.update(|p| p.display_name = name);
                state.done.set(Some("profile-name-saved"));
            },
        );
    }

    /// Crops the picture in `file` to a square, uploads it and makes it the avatar.
    pub fn change_avatar(&self, file: web_sys::File) {
        let state = *self;
        state.done.set(None);
        run_action(
            move |session| async move {
                let png = crate::web::square_png(&file, AVATAR_SIZE).await?;
                profile::set_avatar(&session, png).await
            },
            state.busy,
            state.error,
            move |mxc| {
                state.update(|p| p.avatar = Some(mxc));
                state.done.set(Some("profile-avatar-saved"));
            },
        );
    }

    pub fn remove_avatar(&self) {
        let state = *self;
        state.done.set(None);
        run_action(
            |session| async move { profile::remove_avatar(&session).await },
            state.busy,
            state.error,
            move |()| {
                state.update(|p| p.avatar = None);
                state.done.set(Some("profile-avatar-removed"));
            },
        );
    }

    fn update(&self, change: impl FnOnce(&mut OwnProfile)) {
        self.profile.try_update(|profile| {
            if let Some(profile) = profile {
                change(profile);
            }
        });
    }
}
