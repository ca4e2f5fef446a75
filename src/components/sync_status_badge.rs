use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::matrix::models::SyncStatus;

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
