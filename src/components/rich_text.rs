use leptos::prelude::*;

use super::MessageText;
use crate::config::Config;
use crate::i18n::{t, t_args};
use crate::matrix::models::{RichNode, RichTag};
use crate::matrix::permalinks::{LinkTarget, link_target};
use crate::state::conversations::room_link_href;
use crate::state::media::{MediaUrl, use_media_url};

/// Formatted message text, built element by element from the sanitized tree: no HTML
/// string ever reaches the page.
#[component]
pub fn RichText(nodes: Vec<RichNode>) -> impl IntoView {
    let prefix = use_context::<Config>()
        .map(|c| c.permalink_prefix)
        .unwrap_or_default();
    view! { <div class="lt-rich">{nodes_view(nodes, &prefix)}</div> }
}

fn nodes_view(nodes: Vec<RichNode>, prefix: &str) -> AnyView {
    nodes
        .into_iter()
        .map(|node| node_view(node, prefix))
        .collect_view()
        .into_any()
}

fn node_view(node: RichNode, prefix: &str) -> AnyView {
    let (tag, children) = match node {
        RichNode::Text(text) => return view! { <MessageText body=text /> }.into_any(),
        RichNode::Element(tag, children) => (tag, children),
    };
    let inner = || nodes_view(children.clone(), prefix);
    match tag {
        RichTag::Paragraph => view! { <p>{inner()}</p> }.into_any(),
        RichTag::LineBreak => view! { <br /> }.into_any(),
        RichTag::Rule => view! { <hr /> }.into_any(),
        RichTag::Quote => view! { <blockquote>{inner()}</blockquote> }.into_any(),
        // Headings inside a message stay below the page's own outline.
        RichTag::Heading(level) => {
            view! { <p class=format!("lt-rich__heading lt-rich__heading--{}", level.clamp(1, 6))>{inner()}</p> }.into_any()
        }
        RichTag::List { ordered: false, .. } => view! { <ul>{inner()}</ul> }.into_any(),
        RichTag::List { ordered: true, start } => {
            view! { <ol start=start.map(|s| s.to_string())>{inner()}</ol> }.into_any()
        }
        RichTag::ListItem => view! { <li>{inner()}</li> }.into_any(),
        RichTag::Bold => view! { <strong>{inner()}</strong> }.into_any(),
        RichTag::Italic => view! { <em>{inner()}</em> }.into_any(),
        RichTag::Underline => view! { <u>{inner()}</u> }.into_any(),
        RichTag::Strike => view! { <s>{inner()}</s> }.into_any(),
        RichTag::Superscript => view! { <sup>{inner()}</sup> }.into_any(),
        RichTag::Subscript => view! { <sub>{inner()}</sub> }.into_any(),
        RichTag::Code => view! { <code>{plain(children)}</code> }.into_any(),
        RichTag::CodeBlock => {
            view! { <pre class="lt-rich__code" tabindex="0">{plain(children)}</pre> }.into_any()
        }
        RichTag::Table => view! { <table>{inner()}</table> }.into_any(),
        RichTag::TableHead => view! { <thead>{inner()}</thead> }.into_any(),
        RichTag::TableBody => view! { <tbody>{inner()}</tbody> }.into_any(),
        RichTag::TableRow => view! { <tr>{inner()}</tr> }.into_any(),
        RichTag::HeaderCell => view! { <th>{inner()}</th> }.into_any(),
        RichTag::Cell => view! { <td>{inner()}</td> }.into_any(),
        RichTag::Caption => view! { <caption>{inner()}</caption> }.into_any(),
        RichTag::Details => view! { <details>{inner()}</details> }.into_any(),
        RichTag::Summary => view! { <summary>{inner()}</summary> }.into_any(),
        RichTag::Spoiler(reason) => {
            view! { <Spoiler reason content=children prefix=prefix.to_owned() /> }.into_any()
        }
        RichTag::Link(href) => link_view(href, children, prefix),
        RichTag::Image {
            mxc,
            alt,
            width,
            height,
        } => view! { <InlineImage mxc alt width height /> }.into_any(),
    }
}

/// Code keeps its text exactly: no links, no markup inside.
fn plain(children: Vec<RichNode>) -> String {
    crate::matrix::formatted::plain_text(&children)
}

fn link_view(href: String, children: Vec<RichNode>, prefix: &str) -> AnyView {
    let text = plain(children);
    match link_target(&href, prefix) {
        LinkTarget::User(user_id) => view! {
            <span class="lt-pill" title=user_id>{text}</span>
        }
        .into_any(),
        LinkTarget::Room(room) => view! {
            <a class="lt-link lt-pill" href=room_link_href(&room)>{text}</a>
        }
        .into_any(),
        LinkTarget::Web => view! {
            <a class="lt-link" href=href target="_blank" rel="noopener noreferrer nofollow">{text}</a>
        }
        .into_any(),
    }
}

/// Hidden text, shown when the person asks for it.
#[component]
fn Spoiler(reason: Option<String>, content: Vec<RichNode>, prefix: String) -> impl IntoView {
    let shown = RwSignal::new(false);
    let label = match &reason {
        Some(reason) => t_args("spoiler-reason", &[("reason", reason)]),
        None => t("spoiler"),
    };
    move || {
        if shown.get() {
            view! { <span class="lt-spoiler lt-spoiler--shown">{nodes_view(content.clone(), &prefix)}</span> }.into_any()
        } else {
            view! {
                <button class="lt-spoiler" type="button" on:click=move |_| shown.set(true)>{label.clone()}</button>
            }
            .into_any()
        }
    }
}

/// An image inside formatted text: only `mxc://`, through authenticated media.
#[component]
fn InlineImage(mxc: String, alt: String, width: Option<u32>, height: Option<u32>) -> impl IntoView {
    // Inline images are usually small (custom emoji); bound what is asked for.
    let size = (
        width.unwrap_or(256).min(800),
        height.unwrap_or(256).min(600),
    );
    let url = use_media_url(mxc, Some(size), None);
    move || {
        match url.get() {
        MediaUrl::Ready(src) => view! {
            <img class="lt-rich__image" src=src alt=alt.clone()
                width=width.map(|w| w.min(800).to_string()) height=height.map(|h| h.min(600).to_string()) />
        }
        .into_any(),
        _ => view! { <span class="lt-rich__image-alt">{alt.clone()}</span> }.into_any(),
    }
    }
}
