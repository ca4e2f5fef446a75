//! A message's `formatted_body` (HTML) → a small tree of known, harmless nodes.
//!
//! Two layers: ruma's sanitizer keeps only the tags and attributes the Matrix spec
//! lists (and drops the reply fallback); then only the elements named below become
//! nodes, each with the few typed values it needs. Everything else is unwrapped to its
//! text. The view builds DOM from this tree, never from HTML, so no markup from the
//! network reaches the page as markup.

use matrix_sdk::ruma::html::{Html, HtmlSanitizerMode, NodeData, NodeRef, SanitizerConfig};

use super::models::{RichNode, RichTag};

/// Elements whose content must not show even as text.
const DROPPED: [&str; 12] = [
    "script", "style", "template", "noscript", "title", "head", "svg", "math", "iframe", "object",
    "select", "textarea",
];

/// Link schemes that may be followed; anything else shows as plain text.
const LINK_SCHEMES: [&str; 3] = ["https:", "http:", "mailto:"];

/// More start tags than this and the message shows its plain body instead: the parsed
/// tree is freed recursively, and a hostile message nested thousands deep would
/// exhaust the wasm stack. Real messages stay far below it.
const MAX_TAGS: usize = 1000;

/// The sanitized tree of `html`, or `None` if nothing visible remains (or it is too
/// large to parse safely).
pub fn rich_text(html: &str) -> Option<Vec<RichNode>> {
    // Every element, however nested, starts with `<` and a letter: this bounds the depth.
    let tags = html
        .as_bytes()
        .windows(2)
        .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .count();
    if tags > MAX_TAGS {
        return None;
    }
    let config = SanitizerConfig::with_mode(HtmlSanitizerMode::Strict)
        .remove_reply_fallback()
        .remove_elements(DROPPED);
    let tree = Html::parse(html);
    tree.sanitize_with(&config);
    let nodes = children_of(tree.children(), false);
    // Markup that sanitizes down to nothing readable (say, elements nested too deep,
    // cut off with their text) shows the plain body instead of an empty message.
    let readable = !plain_text(&nodes).trim().is_empty() || has_image(&nodes);
    readable.then_some(nodes)
}

fn has_image(nodes: &[RichNode]) -> bool {
    nodes.iter().any(|node| match node {
        RichNode::Element(RichTag::Image { .. }, _) => true,
        RichNode::Element(_, children) => has_image(children),
        RichNode::Text(_) => false,
    })
}

/// The plain text a tree reads as, for previews and announcements.
pub fn plain_text(nodes: &[RichNode]) -> String {
    let mut text = String::new();
    for node in nodes {
        match node {
            RichNode::Text(t) => text.push_str(t),
            RichNode::Element(RichTag::LineBreak, _) => text.push('\n'),
            RichNode::Element(_, children) => text.push_str(&plain_text(children)),
        }
    }
    text
}

fn children_of(children: impl Iterator<Item = NodeRef>, in_pre: bool) -> Vec<RichNode> {
    let mut nodes = Vec::new();
    for child in children {
        push_node(&mut nodes, &child, in_pre);
    }
    nodes
}

/// Appends `node` as zero or more rich nodes. Depth is bounded: the strict sanitizer
/// removes anything nested more than 100 levels deep.
fn push_node(out: &mut Vec<RichNode>, node: &NodeRef, in_pre: bool) {
    match node.data() {
        NodeData::Text(text) => {
            let text = text.borrow();
            if !text.is_empty() {
                out.push(RichNode::Text(text.to_string()));
            }
        }
        NodeData::Element(element) => {
            let name = element.name.local.as_ref();
            let attr = |wanted: &str| {
                element
                    .attrs
                    .borrow()
                    .iter()
                    .find(|a| a.name.local.as_ref() == wanted)
                    .map(|a| a.value.to_string())
            };
            let in_pre = in_pre || name == "pre";
            let Some(tag) = tag_of(name, &attr) else {
                // Unknown or unusable: keep what it says, not what it is.
                out.extend(children_of(node.children(), in_pre));
                return;
            };
            if let RichTag::Image { .. } | RichTag::LineBreak | RichTag::Rule = tag {
                out.push(RichNode::Element(tag, Vec::new()));
                return;
            }
            let children = children_of(node.children(), in_pre);
            out.push(RichNode::Element(tag, children));
        }
        NodeData::Document | NodeData::Other => {}
    }
}

fn tag_of(name: &str, attr: &dyn Fn(&str) -> Option<String>) -> Option<RichTag> {
    Some(match name {
        "p" | "div" => RichTag::Paragraph,
        "br" => RichTag::LineBreak,
        "hr" => RichTag::Rule,
        "blockquote" => RichTag::Quote,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => RichTag::Heading(name[1..].parse().unwrap_or(6)),
        "ul" => RichTag::List {
            ordered: false,
            start: None,
        },
        "ol" => RichTag::List {
            ordered: true,
            start: attr("start").and_then(|s| s.trim().parse().ok()),
        },
        "li" => RichTag::ListItem,
        "b" | "strong" => RichTag::Bold,
        "i" | "em" => RichTag::Italic,
        "u" => RichTag::Underline,
        "s" | "del" | "strike" => RichTag::Strike,
        "sup" => RichTag::Superscript,
        "sub" => RichTag::Subscript,
        "pre" => RichTag::CodeBlock,
        "code" => RichTag::Code,
        "table" => RichTag::Table,
        "thead" => RichTag::TableHead,
        "tbody" => RichTag::TableBody,
        "tr" => RichTag::TableRow,
        "th" => RichTag::HeaderCell,
        "td" => RichTag::Cell,
        "caption" => RichTag::Caption,
        "details" => RichTag::Details,
        "summary" => RichTag::Summary,
        "span" => {
            let reason = attr("data-mx-spoiler")?;
            RichTag::Spoiler(Some(reason).filter(|r| !r.trim().is_empty()))
        }
        "a" => RichTag::Link(safe_link(&attr("href")?)?),
        "img" => {
            let src = attr("src")?;
            if !src.starts_with("mxc://") {
                return None;
            }
            let size = |name: &str| attr(name).and_then(|v| v.trim().parse::<u32>().ok());
            RichTag::Image {
                mxc: src,
                alt: attr("alt").or_else(|| attr("title")).unwrap_or_default(),
                width: size("width"),
                height: size("height"),
            }
        }
        _ => return None,
    })
}

/// `href` if it is a web or mail link; the sanitizer already checked the scheme, this
/// checks again with no parsing leeway (no whitespace, no control characters).
fn safe_link(href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    let allowed = LINK_SCHEMES.iter().any(|s| lower.starts_with(s));
    let clean = !href.chars().any(|c| c.is_control() || c.is_whitespace());
    (allowed && clean).then(|| href.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Everything in a tree that could make the browser run or load something: link
    /// targets and image sources. The view creates no other attributes from a message.
    fn addresses(nodes: &[RichNode], out: &mut Vec<String>) {
        for node in nodes {
            if let RichNode::Element(tag, children) = node {
                match tag {
                    RichTag::Link(href) => out.push(href.clone()),
                    RichTag::Image { mxc, .. } => out.push(mxc.clone()),
                    _ => {}
                }
                addresses(children, out);
            }
        }
    }

    fn assert_harmless(html: &str) {
        let nodes = rich_text(html).unwrap_or_default();
        let mut found = Vec::new();
        addresses(&nodes, &mut found);
        for address in found {
            let lower = address.to_ascii_lowercase();
            let safe = lower.starts_with("https:")
                || lower.starts_with("http:")
                || lower.starts_with("mailto:")
                || lower.starts_with("mxc://");
            assert!(safe, "{html:?} kept the address {address:?}");
        }
        // Images come from mxc:// only, never from the web.
        let mut images = Vec::new();
        collect_images(&nodes, &mut images);
        for src in images {
            assert!(src.starts_with("mxc://"), "{html:?} kept image {src:?}");
        }
    }

    fn collect_images(nodes: &[RichNode], out: &mut Vec<String>) {
        for node in nodes {
            if let RichNode::Element(tag, children) = node {
                if let RichTag::Image { mxc, .. } = tag {
                    out.push(mxc.clone());
                }
                collect_images(children, out);
            }
        }
    }

    const HOSTILE: [&str; 48] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"mxc://a/b\" onerror=\"alert(1)\">",
        "<b onmouseover=alert(1)>hover</b>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;vascript&colon;alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"VBScript:msgbox(1)\">x</a>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><input name=x><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<style>body{background:url(https://evil.example/x.png)}</style>",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<p style=\"background:url(https://evil.example/track.png)\">x</p>",
        "<span style=\"behavior:url(x.htc)\">x</span>",
        "<img srcset=\"https://evil.example/a.png 1x\" src=\"mxc://a/b\">",
        "<img src=\"https://evil.example/track.png\">",
        "<img src=\"http://evil.example/track.png\">",
        "<img src=\"//evil.example/track.png\">",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<video src=\"https://evil.example/v.mp4\" autoplay></video>",
        "<audio src=\"https://evil.example/a.mp3\" autoplay></audio>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<a href=\"https://ok.example\" target=\"_self\">x</a>",
        "<<b>>unbalanced</b",
        "<b><i>unclosed",
        "<p><div><table><tr><td>mis</p>nested</td></div>",
        "<!-- <script>alert(1)</script> -->text",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<template><script>alert(1)</script></template>",
    ];

    #[wasm_bindgen_test]
    fn hostile_markup_can_neither_run_nor_load_anything() {
        for html in HOSTILE {
            assert_harmless(html);
        }
    }

    #[wasm_bindgen_test]
    fn deep_nesting_is_cut_off_and_does_not_exhaust_the_stack() {
        // Just under the limit: parsed, and cut to the sanitizer's 100 levels.
        let html = format!("top{}deep", "<blockquote>".repeat(MAX_TAGS));
        let nodes = rich_text(&html).unwrap();
        fn depth(nodes: &[RichNode]) -> usize {
            nodes
                .iter()
                .map(|n| match n {
                    RichNode::Element(_, c) => 1 + depth(c),
                    RichNode::Text(_) => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&nodes) <= 100);
        // Far over it (a 64 KiB event holds ~20,000 tags): the plain body shows instead.
        for depth in [MAX_TAGS + 1, 20_000] {
            let html = format!("{}deep{}", "<b>".repeat(depth), "</b>".repeat(depth));
            assert_eq!(rich_text(&html), None);
        }
    }

    #[wasm_bindgen_test]
    fn allowed_formatting_survives() {
        let nodes = rich_text(
            "<p><strong>bold</strong> <code>x &lt; y</code></p>\
             <pre><code class=\"language-rust\">fn main() {}</code></pre>\
             <a href=\"https://example.org\">site</a>\
             <span data-mx-spoiler=\"plot\">hidden</span>\
             <img src=\"mxc://example.org/abc\" alt=\"cat\" width=\"32\" height=\"32\">\
             <ol start=\"3\"><li>three</li></ol>",
        )
        .unwrap();
        assert_eq!(
            nodes[0],
            RichNode::Element(
                RichTag::Paragraph,
                vec![
                    RichNode::Element(RichTag::Bold, vec![RichNode::Text("bold".into())]),
                    RichNode::Text(" ".into()),
                    RichNode::Element(RichTag::Code, vec![RichNode::Text("x < y".into())]),
                ]
            )
        );
        assert!(matches!(
            &nodes[1],
            RichNode::Element(RichTag::CodeBlock, _)
        ));
        assert_eq!(
            nodes[2],
            RichNode::Element(
                RichTag::Link("https://example.org".into()),
                vec![RichNode::Text("site".into())]
            )
        );
        assert_eq!(
            nodes[3],
            RichNode::Element(
                RichTag::Spoiler(Some("plot".into())),
                vec![RichNode::Text("hidden".into())]
            )
        );
        assert_eq!(
            nodes[4],
            RichNode::Element(
                RichTag::Image {
                    mxc: "mxc://example.org/abc".into(),
                    alt: "cat".into(),
                    width: Some(32),
                    height: Some(32)
                },
                vec![]
            )
        );
        assert!(matches!(
            &nodes[5],
            RichNode::Element(
                RichTag::List {
                    ordered: true,
                    start: Some(3)
                },
                _
            )
        ));
    }

    #[wasm_bindgen_test]
    fn markup_without_readable_content_leaves_the_plain_body() {
        let cut_off = format!("{}deep", "<b>".repeat(150));
        assert_eq!(rich_text(&cut_off), None);
        assert_eq!(rich_text("<p> </p><br>"), None);
        assert!(rich_text("<img src=\"mxc://x/y\" alt=\"\">").is_some());
    }

    #[wasm_bindgen_test]
    fn the_reply_fallback_is_dropped() {
        let nodes = rich_text(
            "<mx-reply><blockquote><a href=\"https://matrix.to/#/!r:x/$e\">In reply to</a> \
             quoted</blockquote></mx-reply>the answer",
        )
        .unwrap();
        assert_eq!(plain_text(&nodes), "the answer");
    }

    #[wasm_bindgen_test]
    fn script_and_style_bodies_do_not_show_as_text() {
        let nodes = rich_text("before<script>var secret = 1;</script><style>p{}</style>after");
        assert_eq!(plain_text(&nodes.unwrap()), "beforeafter");
        assert_eq!(rich_text("<script>alert(1)</script>"), None);
    }

    #[wasm_bindgen_test]
    fn no_generated_markup_keeps_a_dangerous_address() {
        use crate::properties::{hostile_html, runner, unsafe_addresses};
        use proptest::prelude::*;
        let strategy = prop_oneof![hostile_html(), any::<String>()];
        runner()
            .run(&strategy, |html| {
                let nodes = rich_text(&html).unwrap_or_default();
                let found = unsafe_addresses(&nodes);
                prop_assert!(found.is_empty(), "{html:?} kept {found:?}");
                Ok(())
            })
            .unwrap();
    }
}
