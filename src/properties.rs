//! Shared settings of the property tests (proptest), which feed arbitrary input to
//! what reads data from the network: the HTML sanitizer, markdown, event → row.
//!
//! They run as wasm in Node, where there is no environment and no file system, so the
//! number of cases is fixed when the tests are built:
//! `LATTICE_PROPTEST_CASES=100000 cargo test -p lattice --target wasm32-unknown-unknown`
//! (the README's "Longer property runs").

use proptest::test_runner::{Config, TestRunner};

/// Cases per property in the normal test run: enough to catch a regression, small
/// enough to keep the suite fast.
const DEFAULT_CASES: u32 = 256;

/// A runner with the configured number of cases and no failure file (none can be
/// written from wasm): a failing case is printed, shrunk, by the assertion.
pub fn runner() -> TestRunner {
    let cases = option_env!("LATTICE_PROPTEST_CASES")
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

use proptest::prelude::*;

use crate::matrix::models::{RichNode, RichTag};

/// Every address in a sanitized tree that is not one the view may use: links to the
/// web or mail, images from `mxc://` only. (The view creates no other attribute from
/// a message, so these are all the ways one could load or run something.)
pub fn unsafe_addresses(nodes: &[RichNode]) -> Vec<String> {
    let mut found = Vec::new();
    for node in nodes {
        if let RichNode::Element(tag, children) = node {
            match tag {
                RichTag::Link(href) => {
                    let lower = href.to_ascii_lowercase();
                    let web = ["https:", "http:", "mailto:"]
                        .iter()
                        .any(|s| lower.starts_with(s));
                    let clean = !href.chars().any(|c| c.is_control() || c.is_whitespace());
                    if !(web && clean) {
                        found.push(href.clone());
                    }
                }
                RichTag::Image { mxc, .. } if !mxc.starts_with("mxc://") => found.push(mxc.clone()),
                _ => {}
            }
            found.extend(unsafe_addresses(children));
        }
    }
    found
}

/// Markup made of what an attacker would try: dangerous and harmless tags, event
/// handlers, script and data URLs in their disguises, arbitrary text and values,
/// elements left unclosed so that they nest.
pub fn hostile_html() -> impl Strategy<Value = String> {
    let tags = vec![
        "a",
        "img",
        "script",
        "style",
        "svg",
        "math",
        "iframe",
        "object",
        "form",
        "input",
        "textarea",
        "title",
        "b",
        "p",
        "span",
        "div",
        "ol",
        "li",
        "table",
        "td",
        "pre",
        "code",
        "details",
        "font",
        "mx-reply",
        "blockquote",
        "h1",
        "br",
    ];
    let names = vec![
        "href",
        "src",
        "onerror",
        "onclick",
        "style",
        "data-mx-spoiler",
        "start",
        "width",
        "alt",
        "xlink:href",
        "srcdoc",
        "data-mx-color",
        "formaction",
        "color",
    ];
    let values = prop_oneof![
        prop::sample::select(vec![
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            " javascript:x",
            "java\tscript:x",
            "&#106;avascript:x",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example",
            "mxc://server/media",
            "https://ok.example/",
            "http://x",
            "mailto:a@b.example",
            "x\" onerror=\"alert(1)",
            "9999999999999",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ];
    let element = (
        prop::sample::select(tags),
        prop::collection::vec((prop::sample::select(names), values), 0..3),
        any::<String>(),
        any::<bool>(),
    )
        .prop_map(|(tag, attributes, text, closed)| {
            let attributes: String = attributes
                .iter()
                .map(|(name, value)| format!(" {name}=\"{value}\""))
                .collect();
            let close = if closed {
                format!("</{tag}>")
            } else {
                String::new()
            };
            format!("<{tag}{attributes}>{text}{close}")
        });
    prop::collection::vec(element, 0..24).prop_map(|parts| parts.concat())
}
