use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::matrix::models::SyncStatus;
use crate::state::use_session;

/// The sync state as a live status line.
#[component]
pub fn SyncStatusBadge(#[prop(into)] status: Signal<SyncStatus>) -> impl IntoView {
    let class = move || {
        let modifier = status.get().message_id().trim_start_matches("sync-");
        format!("lt-sync lt-sync--{modifier}")
    };
    view! {
        <p class=class role="status" aria-live="polite">
            {move || t_args("sync-status", &[("status", &t(status.get().message_id()))])}
        </p>
    }
}

/// Said while sync is stopped by a fault (the server out of reach, an error, or the
/// server asking us to wait), with a way to try at once instead of waiting for the
/// next automatic attempt, except when the server asked us to wait. Nothing written
/// is lost meanwhile: the SDK's send queue keeps it.
#[component]
pub fn ConnectionBanner() -> impl IntoView {
    let session = use_session();
    let status = session.sync_status;
    let message = move || match status.get() {
        SyncStatus::Offline => Some("connection-lost"),
        SyncStatus::Slowed => Some("connection-slowed"),
        SyncStatus::Error => Some("connection-error"),
        _ => None,
    };
    // Trying at once is what the server asked us not to do.
    let can_retry = move || status.get() != SyncStatus::Slowed;
    view! {
        <Show when=move || message().is_some()>
            <div class="lt-alert lt-alert--warning lt-connection" role="status">
                <p>{move || message().map(t)}</p>
                <Show when=can_retry>
                    <button class="lt-button lt-button--small" type="button" on:click=move |_| session.retry_now()>
                        {t("connection-retry")}
                    </button>
                </Show>
            </div>
        </Show>
    }
}
