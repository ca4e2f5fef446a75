use imbl::Vector;
use leptos::html::Div;
use leptos::prelude::*;

use super::RoomListItem;
use crate::i18n::t;
use crate::matrix::models::RoomSummary;

/// Row height in rem; the CSS gives `.lt-room-list__item` the same height.
const ROW_REM: f64 = 3.75;
/// Rows rendered beyond the visible ones on each side, so fast scrolling stays filled.
const OVERSCAN: usize = 6;

/// The room list, virtualized: the DOM holds only the rows in view plus the overscan,
/// positioned inside a spacer as tall as the whole list.
#[component]
pub fn RoomList(
    rooms: Memo<Vector<RoomSummary>>,
    #[prop(into)] selected: Signal<Option<String>>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let row_px = ROW_REM * root_font_px();
    let scroll_top = RwSignal::new(0.0);
    let viewport = RwSignal::new(
        web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0),
    );
    let measure = move || {
        // try_: a scroll event can arrive after the list is gone.
        if let Some(element) = container.try_get_untracked().flatten() {
            scroll_top.set(f64::from(element.scroll_top()));
            viewport.set(f64::from(element.client_height()));
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    Effect::new(move |_| {
        if rooms.with(|rooms| !rooms.is_empty()) {
            crate::perf::mark_once_after_paint("lattice:rooms-painted");
        }
    });
    let total = Memo::new(move |_| rooms.with(Vector::len));
    // Only the rows in view are read from the list, whatever its length.
    let window = Memo::new(move |_| {
        let first = ((scroll_top.get() / row_px).floor() as usize).saturating_sub(OVERSCAN);
        let count = (viewport.get() / row_px).ceil() as usize + 2 * OVERSCAN;
        rooms.with(|rooms| {
            (first..(first + count).min(rooms.len()))
                .filter_map(|position| Some((position, rooms.get(position)?.clone())))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="lt-room-list" node_ref=container on:scroll=move |_| measure()>
            <Show when=move || total.get() == 0>
                <p class="lt-room-list__empty">{t("rooms-none")}</p>
            </Show>
            <ul class="lt-room-list__rows" aria-label=t("rooms-list-label")
                style:height=move || format!("{}px", total.get() as f64 * row_px)>
                // Keyed by the summary, not the position: a room moving up only moves
                // its row, and only a room whose summary changed is drawn again.
                <For each=move || window.get() key=|(_, room)| room.clone() let((_, room))>
                    <RoomListItem position=position_of(window, room.id.clone()) room total
                        row_px selected />
                </For>
            </ul>
        </div>
    }
}

/// Where the row of `room_id` is in the list, following it as rooms move.
fn position_of(window: Memo<Vec<(usize, RoomSummary)>>, room_id: String) -> Signal<usize> {
    Signal::derive(move || {
        window.with(|rows| {
            rows.iter()
                .find(|(_, room)| room.id == room_id)
                .map_or(0, |(position, _)| *position)
        })
    })
}

/// The root font size in pixels, so rows scale with the person's text size.
fn root_font_px() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| web_sys::window()?.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|size| size.trim_end_matches("px").parse().ok())
        .unwrap_or(16.0)
}
