use leptos::prelude::*;
use linkify::{LinkFinder, LinkKind};

use crate::config::Config;
use crate::matrix::permalinks::room_in_link;
use crate::state::conversations::room_link_href;

/// A plain message body with its web addresses as links. Permalinks to rooms open
/// inside the app; other links open in a new tab and send no referrer.
#[component]
pub fn MessageText(body: String) -> impl IntoView {
    let prefix = use_context::<Config>()
        .map(|c| c.permalink_prefix)
        .unwrap_or_default();
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    finder
        .spans(&body)
        .map(|span| {
            let text = span.as_str().to_owned();
            let web = text.starts_with("https://") || text.starts_with("http://");
            match (span.kind(), room_in_link(&text, &prefix)) {
                (Some(_), Some(room)) => {
                    view! { <a class="lt-link" href=room_link_href(&room)>{text}</a> }.into_any()
                }
                (Some(_), None) if web => {
                    let href = text.clone();
                    view! {
                        <a class="lt-link" href=href target="_blank" rel="noopener noreferrer nofollow">{text}</a>
                    }
                    .into_any()
                }
                _ => text.into_any(),
            }
        })
        .collect_view()
}
