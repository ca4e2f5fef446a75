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
    rooms: Memo<Vec<RoomSummary>>,
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
    let total = move || rooms.with(Vec::len);
    let window = move || {
        let first = ((scroll_top.get() / row_px).floor() as usize).saturating_sub(OVERSCAN);
        let count = (viewport.get() / row_px).ceil() as usize + 2 * OVERSCAN;
        rooms.with(|rooms| {
            let last = (first + count).min(rooms.len());
            let first = first.min(last);
            rooms[first..last]
                .iter()
                .enumerate()
                .map(|(offset, room)| (first + offset, room.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="lt-room-list" node_ref=container on:scroll=move |_| measure()>
            <Show when=move || total() == 0>
                <p class="lt-room-list__empty">{t("rooms-none")}</p>
            </Show>
            <ul class="lt-room-list__rows" aria-label=t("rooms-list-label")
                style:height=move || format!("{}px", total() as f64 * row_px)>
                <For each=window key=|(position, room)| (*position, room.clone()) let:entry>
                    <RoomListItem room=entry.1.clone() position=entry.0 total=Signal::derive(total)
                        top=entry.0 as f64 * row_px selected />
                </For>
            </ul>
        </div>
    }
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
