//! RoomListService → a stream of plain `RoomSummary` diffs, sorted by recent activity.

use eyeball_im::VectorDiff;
use futures_util::{Stream, StreamExt};
use matrix_sdk::latest_events::LatestEventValue;
use matrix_sdk::{Room, RoomState};
use matrix_sdk_ui::room_list_service::filters::new_filter_non_left;

use super::models::RoomSummary;
use super::{ActiveSession, errors};
use crate::error::AppError;

/// All rooms are kept in the list (the view virtualizes the DOM, not the data): the
/// SDK's paging is for clients that render every row.
const PAGE_SIZE: usize = 100_000;

/// Follows the room list until the stream ends or the caller drops the future.
/// `apply` receives each batch of diffs; the first one is a `Reset`.
pub async fn follow(
    session: &ActiveSession,
    mut apply: impl FnMut(Vec<VectorDiff<RoomSummary>>),
) -> Result<(), AppError> {
    let service = session.sync_service().room_list_service();
    let list = service
        .all_rooms()
        .await
        .map_err(|e| errors::failed("open the room list", e))?;
    let (stream, controller) = list.entries_with_dynamic_adapters(PAGE_SIZE);
    // Rooms the person left stay out; filtering by name or kind happens in the view,
    // which also needs the unfiltered counts for the tab title.
    controller.set_filter(Box::new(new_filter_non_left()));
    let mut stream = std::pin::pin!(summaries(stream));
    while let Some(diffs) = stream.next().await {
        apply(diffs);
    }
    Ok(())
}

fn summaries<R: std::ops::Deref<Target = Room> + Clone>(
    stream: impl Stream<Item = Vec<VectorDiff<R>>>,
) -> impl Stream<Item = Vec<VectorDiff<RoomSummary>>> {
    stream.map(|diffs| {
        diffs
            .into_iter()
            .map(|diff| diff.map(|room| summary_of(&room)))
            .collect()
    })
}

pub fn summary_of(room: &Room) -> RoomSummary {
    RoomSummary {
        id: room.room_id().to_string(),
        name: room_name(room),
        avatar: room.avatar_url().map(|uri| uri.to_string()),
        preview: preview_of(&room.latest_event()),
        unread: room.num_unread_messages(),
        mentions: room.num_unread_mentions(),
        marked_unread: room.is_marked_unread(),
        is_dm: !room.direct_targets().is_empty(),
        is_invite: room.state() == RoomState::Invited,
    }
}

/// The computed display name (for DMs, the other person's), or the ID before it is known.
pub fn room_name(room: &Room) -> String {
    room.cached_display_name()
        .map(|name| name.to_string())
        .unwrap_or_else(|| room.room_id().to_string())
}

/// What a preview needs from a message's content; everything else is ignored.
#[derive(serde::Deserialize)]
struct PreviewContent {
    body: Option<String>,
}

fn preview_of(value: &LatestEventValue) -> Option<String> {
    let content = match value {
        LatestEventValue::Remote(event) => event
            .raw()
            .get_field::<PreviewContent>("content")
            .ok()
            .flatten(),
        LatestEventValue::LocalIsSending(local)
        | LatestEventValue::LocalCannotBeSent(local)
        | LatestEventValue::LocalHasBeenSent { value: local, .. } => {
            serde_json::from_str::<PreviewContent>(local.content.raw().0.json().get()).ok()
        }
        LatestEventValue::None | LatestEventValue::RemoteInvite { .. } => None,
    };
    let body = content?.body?;
    // One line is shown: the first one, without trailing blanks.
    let line = body.lines().next().unwrap_or_default().trim();
    (!line.is_empty()).then(|| line.to_owned())
}
