//! Property tests: markdown going out, and any message content coming in, never give
//! the view an address it must not use, and never panic (in wasm a panic stops the
//! app, and stops this test with it).

use matrix_sdk::ruma::events::room::message::{
    MessageType, RoomMessageEventContentWithoutRelation,
};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};
use wasm_bindgen_test::wasm_bindgen_test;

use super::rows::message_of;
use crate::matrix::formatted::rich_text;
use crate::properties::{hostile_html, runner, unsafe_addresses};

/// Text as people type it, with the markdown and inline HTML a prankster would try.
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        select(vec![
            "[link](javascript:alert(1))",
            "[ok](https://ok.example)",
            "[a]: javascript:x\n\n[a]",
            "![picture](https://evil.example/x.png)",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:x\">a</a>",
            "```\ncode\n```\n",
            "* item\n",
            "1. one\n",
            "# heading\n",
            "> quote\n",
            "|a|b|\n|-|-|\n|1|2|\n",
            "**bold**",
            "_it_",
            "~~gone~~",
            "\n\n",
            "<details><summary>s</summary>x</details>",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

#[wasm_bindgen_test]
fn markdown_never_carries_a_dangerous_address() {
    runner()
        .run(&markdown(), |text| {
            let content = RoomMessageEventContentWithoutRelation::text_markdown(&text);
            if let MessageType::Text(sent) = &content.msgtype
                && let Some(formatted) = &sent.formatted
            {
                let nodes = rich_text(&formatted.body).unwrap_or_default();
                let found = unsafe_addresses(&nodes);
                prop_assert!(found.is_empty(), "{text:?} → {found:?}");
            }
            Ok(())
        })
        .unwrap();
}

/// A value of any JSON type, some of them what a field of that name should hold.
fn field_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        select(vec![
            "org.matrix.custom.html",
            "mxc://server/media",
            "image/png",
            "geo:1,2"
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        hostile_html().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        Just(json!({ "w": "wide", "h": -1, "mimetype": 7, "size": "big" })),
        Just(json!(["not", "an", "object"])),
    ]
}

/// Message content as any server could send it: known and unknown types, fields
/// missing, of the wrong type, or hostile.
fn message_content() -> impl Strategy<Value = Value> {
    let msgtype = select(vec![
        "m.text",
        "m.emote",
        "m.notice",
        "m.image",
        "m.file",
        "m.audio",
        "m.video",
        "m.location",
        "m.server_notice",
        "m.key.verification.request",
        "org.example.custom",
        "",
    ]);
    let field = select(vec![
        "body",
        "body",
        "format",
        "formatted_body",
        "formatted_body",
        "url",
        "info",
        "filename",
        "file",
        "geo_uri",
        "m.relates_to",
        "m.new_content",
    ]);
    (msgtype, prop::collection::vec((field, field_value()), 0..8)).prop_map(|(msgtype, fields)| {
        let mut content = serde_json::Map::new();
        content.insert("msgtype".into(), msgtype.into());
        for (name, value) in fields {
            content.insert(name.into(), value);
        }
        Value::Object(content)
    })
}

#[wasm_bindgen_test]
fn any_message_content_becomes_a_safe_row() {
    runner()
        .run(&message_content(), |content| {
            // Content the SDK cannot read never reaches a row: it shows as unsupported.
            let Ok(msgtype) = serde_json::from_value::<MessageType>(content) else {
                return Ok(());
            };
            let row = message_of(&msgtype);
            let found = row
                .formatted
                .as_deref()
                .map(unsafe_addresses)
                .unwrap_or_default();
            prop_assert!(found.is_empty(), "{msgtype:?} → {found:?}");
            Ok(())
        })
        .unwrap();
}
