//! The rich timeline against another real client (`Peer`, raw client-server API): what
//! Element-style clients send shows correctly (formatting, replies, edits, reactions,
//! threads, emotes, pictures, files), what Lattice sends has the right event content,
//! and hostile HTML can neither run, navigate, nor load anything.

use lattice_e2e::browser::{Browser, BrowserOptions};
use lattice_e2e::fixture::{App, AppOptions};
use lattice_e2e::peer::Peer;
use lattice_e2e::synapse::TestUser;
use serde_json::{Value, json};

const PNG: &[u8] = include_bytes!("fixtures/avatar.png");

/// Me in the browser, in a room with another person (the peer), the room open.
async fn scene(app: &App, room: &str) -> anyhow::Result<(TestUser, Peer, String)> {
    let me = app.user("me").await?;
    let (peer, room_id) = app.shared_room(&me, room).await?;
    app.sign_in(&me).await?;
    app.browser.click("link", room).await?;
    app.browser.by_role("log", "Messages").await?;
    Ok((me, peer, room_id))
}

/// Marks the newest message whose own text (not a quote) holds `text` so that CSS can find it, and returns that CSS.
/// Rows re-render whenever they change (a reaction, a receipt): mark right before use.
async fn mark_row(browser: &Browser, text: &str) -> anyhow::Result<String> {
    let what = format!("a message saying {text:?}");
    browser
        .wait_for_texts(".lt-event__text", &what, |rows| {
            rows.iter().any(|r| r.contains(text))
        })
        .await?;
    let script = format!(
        "const rows = Array.from(document.querySelectorAll('.lt-event'));\
         const row = rows.reverse().find(r => Array.from(r.querySelectorAll('.lt-event__text'))\
             .some(e => e.textContent.includes({text:?})));\
         if (row) row.setAttribute('data-test-row', {text:?}); return !!row;"
    );
    browser.execute(&script).await?;
    Ok(format!(".lt-event[data-test-row={text:?}]"))
}

/// Waits until `check` holds for the texts of `inner` (CSS) inside the newest message
/// whose own text holds `text`.
async fn wait_in_row(
    browser: &Browser,
    text: &str,
    inner: &str,
    what: &str,
    check: impl Fn(&[String]) -> bool,
) -> anyhow::Result<()> {
    let script = format!(
        "const rows = Array.from(document.querySelectorAll('.lt-event'));\
         const row = rows.reverse().find(r => Array.from(r.querySelectorAll('.lt-event__text'))\
             .some(e => e.textContent.includes({text:?})));\
         return row ? Array.from(row.querySelectorAll({inner:?})).map(e => e.textContent) : [];"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let texts: Vec<String> = serde_json::from_value(browser.execute(&script).await?)?;
        if check(&texts) {
            return Ok(());
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "{what}: {inner} in the message {text:?} holds {texts:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Points at a message and clicks one of its actions (again if the row re-rendered
/// under the pointer).
async fn act_on(browser: &Browser, text: &str, action: &str) -> anyhow::Result<()> {
    let mut last_error = None;
    for _ in 0..3 {
        let row = mark_row(browser, text).await?;
        let attempt = async {
            browser.hover(&row).await?;
            browser.click("button", action).await
        };
        match attempt.await {
            Ok(()) => return Ok(()),
            Err(error) => last_error = Some(error),
        }
    }
    Err(last_error.unwrap_or_else(|| anyhow::anyhow!("no {action} on {text:?}")))
}

#[tokio::test]
async fn what_other_clients_send_shows_as_they_meant_it() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let (_me, peer, room) = scene(&app, "Rich from peer").await?;
    let b = &app.browser;

    let root = peer
        .send_event(
            &room,
            "m.room.message",
            json!({
                "msgtype": "m.text", "body": "**Budget** see `total`",
                "format": "org.matrix.custom.html",
                "formatted_body": "<strong>Budget</strong> see <code>total</code> and \
                    <a href=\"https://example.org/report\">the report</a> \
                    <span data-mx-spoiler=\"ending\">it balances</span>"
            }),
        )
        .await?;
    b.wait_for_texts(".lt-rich strong", "bold text", |t| {
        t.iter().any(|t| t == "Budget")
    })
    .await?;
    b.wait_for_texts(".lt-rich code", "inline code", |t| {
        t.iter().any(|t| t == "total")
    })
    .await?;
    let rel = b
        .execute("return document.querySelector('.lt-rich a.lt-link').getAttribute('rel');")
        .await?;
    anyhow::ensure!(
        rel.as_str()
            .is_some_and(|r| r.contains("noopener") && r.contains("noreferrer")),
        "link rel is {rel}"
    );
    // The spoiler stays hidden until asked for.
    anyhow::ensure!(
        !b.body_text().await?.contains("it balances"),
        "spoiler shown at once"
    );
    b.click("button", "Spoiler (ending)").await?;
    b.wait_for_texts(".lt-spoiler--shown", "spoiler revealed", |t| {
        t.iter().any(|t| t.contains("it balances"))
    })
    .await?;

    // A reply with the old-style fallback, as Element sends it: the quote shows, the
    // fallback does not.
    peer.send_event(
        &room,
        "m.room.message",
        json!({
            "msgtype": "m.text", "body": "> <@x:y> Budget\n\nAgreed",
            "format": "org.matrix.custom.html",
            "formatted_body": "<mx-reply><blockquote>In reply to Budget</blockquote></mx-reply>Agreed",
            "m.relates_to": { "m.in_reply_to": { "event_id": root } }
        }),
    )
    .await?;
    b.wait_for_texts(".lt-event__reply", "reply quote", |t| {
        t.iter().any(|t| t.contains("Budget"))
    })
    .await?;
    b.wait_for_texts(".lt-event__text", "reply text without fallback", |t| {
        t.iter().any(|t| t.trim() == "Agreed")
    })
    .await?;
    // The quote leads to the original, highlighted.
    b.click("button", "show the original message").await?;
    b.wait_for_texts(".lt-event--highlight", "original highlighted", |t| {
        t.iter().any(|t| t.contains("Budget"))
    })
    .await?;

    // An edit, a reaction and a thread reply to one message.
    let edited = peer.send_text(&room, "Meeting at 10").await?;
    peer.send_event(
        &room,
        "m.room.message",
        json!({
            "msgtype": "m.text", "body": "* Meeting at 11",
            "m.new_content": { "msgtype": "m.text", "body": "Meeting at 11" },
            "m.relates_to": { "rel_type": "m.replace", "event_id": edited }
        }),
    )
    .await?;
    peer.send_event(
        &room,
        "m.reaction",
        json!({ "m.relates_to": { "rel_type": "m.annotation", "event_id": edited, "key": "👍" } }),
    )
    .await?;
    peer.send_event(
        &room,
        "m.room.message",
        json!({
            "msgtype": "m.text", "body": "In the small room",
            "m.relates_to": { "rel_type": "m.thread", "event_id": edited }
        }),
    )
    .await?;
    let meeting = "Meeting at 11";
    wait_in_row(b, meeting, ".lt-event__edited", "edited mark", |t| {
        !t.is_empty()
    })
    .await?;
    wait_in_row(b, meeting, ".lt-reaction", "reaction", |t| {
        t.iter().any(|t| t.contains("👍") && t.contains('1'))
    })
    .await?;
    wait_in_row(b, meeting, ".lt-event__thread", "thread summary", |t| {
        t.iter().any(|t| t.contains('1'))
    })
    .await?;
    // The edit history opens from "(edited)".
    b.click("button", "Edited: show earlier versions").await?;
    b.wait_for_texts(".lt-history__text", "edit history", |t| {
        t.iter().any(|t| t == "Meeting at 10")
    })
    .await?;
    b.press("\u{e00c}").await?;

    // An emote names its sender.
    peer.send_event(
        &room,
        "m.room.message",
        json!({ "msgtype": "m.emote", "body": "waves" }),
    )
    .await?;
    b.wait_for_texts(".lt-event__text--emote", "emote", |t| {
        t.iter()
            .any(|t| t.starts_with("* ") && t.trim_end().ends_with("waves"))
    })
    .await?;

    // A picture, shown from a blob: URL at its aspect ratio, and a file with its name.
    let mxc = peer.upload(PNG, "image/png").await?;
    peer.send_event(
        &room,
        "m.room.message",
        json!({ "msgtype": "m.image", "body": "chart.png", "url": mxc,
                "info": { "w": 64, "h": 64, "mimetype": "image/png", "size": PNG.len() } }),
    )
    .await?;
    b.wait_for_texts(".lt-media__image", "picture", |t| !t.is_empty())
        .await?;
    let src = b
        .execute("return document.querySelector('img.lt-media__image').getAttribute('src');")
        .await?;
    anyhow::ensure!(
        src.as_str().is_some_and(|s| s.starts_with("blob:")),
        "image src {src}"
    );
    // A click shows it at full size.
    b.click("button", "Open the picture chart.png").await?;
    b.wait_for_texts(
        "dialog[open] img.lt-viewer__image",
        "full-size picture",
        |t| !t.is_empty(),
    )
    .await?;
    b.press("\u{e00c}").await?;
    let file = peer.upload(b"minutes of the meeting", "text/plain").await?;
    peer.send_event(
        &room,
        "m.room.message",
        json!({ "msgtype": "m.file", "body": "minutes.txt", "url": file,
                "info": { "mimetype": "text/plain", "size": 22 } }),
    )
    .await?;
    b.wait_for_texts(".lt-file__name", "file name", |t| {
        t.iter().any(|t| t == "minutes.txt")
    })
    .await?;
    b.by_role("button", "Save minutes.txt").await?;

    // Typing and read receipts.
    peer.set_typing(&room, true).await?;
    b.wait_for_texts(".lt-typing", "typing notice", |t| {
        t.iter().any(|t| t.contains("is typing"))
    })
    .await?;
    b.send_message("Read this please").await?;
    let mine = peer
        .wait_for_event(&room, &_me.user_id, "my message", |e| {
            e["content"]["body"] == "Read this please"
        })
        .await?;
    peer.send_read_receipt(&room, mine["event_id"].as_str().unwrap_or_default())
        .await?;
    b.by_role("image", "Read by").await?;
    app.finish().await
}

/// The newest event from `sender` of `event_type`.
async fn wait_sent(
    peer: &Peer,
    room: &str,
    sender: &str,
    what: &str,
    check: impl Fn(&Value) -> bool,
) -> anyhow::Result<Value> {
    peer.wait_for_event(room, sender, what, check).await
}

#[tokio::test]
async fn what_lattice_sends_carries_the_right_content() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let (me, peer, room) = scene(&app, "Rich to peer").await?;
    let b = &app.browser;
    let me_id = me.user_id.as_str();

    // Markdown goes out as formatted_body.
    b.send_message("**hello** world").await?;
    wait_sent(&peer, &room, me_id, "formatted message", |e| {
        e["content"]["formatted_body"]
            .as_str()
            .is_some_and(|h| h.contains("<strong>hello</strong>"))
    })
    .await?;

    // A reply to the peer's message.
    let question = peer.send_text(&room, "Lunch at noon?").await?;
    act_on(b, "Lunch at noon?", "Reply to").await?;
    b.wait_for_text("status", "Replying to").await?;
    b.send_message("Yes").await?;
    wait_sent(&peer, &room, me_id, "reply", |e| {
        e["content"]["m.relates_to"]["m.in_reply_to"]["event_id"] == question.as_str()
    })
    .await?;

    // A thread: opened from the message, answered in its own composer, and the room's
    // typing notice sent while writing.
    act_on(b, "Lunch at noon?", "in a thread").await?;
    b.by_role("complementary", "Thread").await?;
    let thread_box = b.find("#lt-thread-composer-input").await?;
    thread_box.send_keys("Sandwiches").await?;
    peer.wait_for_typing(&room, me_id).await?;
    thread_box.send_keys("\u{e007}").await?;
    wait_sent(&peer, &room, me_id, "thread reply", |e| {
        e["content"]["m.relates_to"]["rel_type"] == "m.thread"
            && e["content"]["m.relates_to"]["event_id"] == question.as_str()
            && e["content"]["body"] == "Sandwiches"
    })
    .await?;
    b.click("button", "Close thread").await?;

    // A reaction from the quick picks.
    act_on(b, "Lunch at noon?", "React with 👍").await?;
    wait_in_row(
        b,
        "Lunch at noon?",
        ".lt-reaction--own",
        "own reaction shown",
        |t| t.iter().any(|t| t.contains("👍")),
    )
    .await?;
    wait_sent(&peer, &room, me_id, "reaction", |e| {
        e["type"] == "m.reaction"
            && e["content"]["m.relates_to"]["event_id"] == question.as_str()
            && e["content"]["m.relates_to"]["key"] == "👍"
    })
    .await?;
    // Any emoji, found by name in the picker.
    act_on(b, "Lunch at noon?", "More reactions").await?;
    b.fill("Search emoji", "rocket").await?;
    b.click("button", "React with 🚀").await?;
    wait_sent(&peer, &room, me_id, "reaction from the picker", |e| {
        e["type"] == "m.reaction" && e["content"]["m.relates_to"]["key"] == "🚀"
    })
    .await?;

    // Up in the empty composer edits our last message.
    b.send_message("Typo hree").await?;
    let typo = wait_sent(&peer, &room, me_id, "message to edit", |e| {
        e["content"]["body"] == "Typo hree"
    })
    .await?;
    let composer = b.by_role("textbox", "Message to").await?;
    composer.click().await?;
    b.press("\u{e013}").await?;
    b.wait_for_text("status", "Editing your message").await?;
    composer.clear().await?;
    composer.send_keys("Typo here\u{e007}").await?;
    wait_sent(&peer, &room, me_id, "edit", |e| {
        e["content"]["m.relates_to"]["rel_type"] == "m.replace"
            && e["content"]["m.relates_to"]["event_id"] == typo["event_id"]
            && e["content"]["m.new_content"]["body"] == "Typo here"
    })
    .await?;

    // Deleting our message, with a reason.
    act_on(b, "Typo here", "Delete").await?;
    b.fill("Reason", "wrong room").await?;
    b.find("dialog[open] button[type=submit]")
        .await?
        .click()
        .await?;
    wait_sent(&peer, &room, me_id, "redaction", |e| {
        e["type"] == "m.room.redaction"
            && (e["redacts"] == typo["event_id"] || e["content"]["redacts"] == typo["event_id"])
    })
    .await?;
    b.wait_for_texts(".lt-event__notice", "deleted message", |t| {
        t.iter().any(|t| t.contains("Message deleted"))
    })
    .await?;

    // @ offers members; the pick becomes a pill and an intentional mention.
    let encoded_peer = peer.user_id.replace('@', "%40").replace(':', "%3A");
    let composer = b.by_role("textbox", "Message to").await?;
    composer.send_keys("thanks @peer").await?;
    b.by_role("listbox", "People to mention").await?;
    b.press("\u{e007}").await?;
    composer.send_keys("for lunch\u{e007}").await?;
    wait_sent(&peer, &room, me_id, "mention", |e| {
        let content = &e["content"];
        content["m.mentions"]["user_ids"]
            .as_array()
            .is_some_and(|ids| ids.iter().any(|id| id == peer.user_id.as_str()))
            && content["formatted_body"]
                .as_str()
                .is_some_and(|h| h.contains(&format!("https://matrix.to/#/{encoded_peer}")))
    })
    .await?;

    // An unknown command is refused and not sent.
    let composer = b.by_role("textbox", "Message to").await?;
    composer.send_keys("/frobnicate now\u{e007}").await?;
    b.wait_for_text("alert", "not a command Lattice knows")
        .await?;
    let events = peer.events(&room).await?;
    anyhow::ensure!(
        !events.iter().any(|e| e["content"]["body"]
            .as_str()
            .is_some_and(|b| b.contains("frobnicate"))),
        "the unknown command was sent"
    );
    composer.clear().await?;

    // A file through the picker: uploaded, then sent with its url.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("agenda.txt");
    std::fs::write(&path, "1. budget\n2. lunch\n")?;
    let picker = b.find("#lt-composer-file").await?;
    picker.send_keys(&path.to_string_lossy()).await?;
    let sent = wait_sent(&peer, &room, me_id, "file", |e| {
        e["content"]["msgtype"] == "m.file" && e["content"]["body"] == "agenda.txt"
    })
    .await?;
    anyhow::ensure!(
        sent["content"]["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("mxc://")),
        "file event without url: {sent}"
    );
    b.wait_for_texts(".lt-file__name", "own file shown", |t| {
        t.iter().any(|t| t == "agenda.txt")
    })
    .await?;
    app.finish().await
}

/// Markup that tries to run script, navigate, or load from elsewhere.
const HOSTILE: [&str; 14] = [
    "<img src=x onerror=\"alert('img')\">",
    "<script>alert('script')</script>",
    "<a href=\"javascript:alert('link')\">click me</a>",
    "<svg onload=\"alert('svg')\"></svg>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<img src=\"https://evil.example/track.png\">",
    "<img srcset=\"https://evil.example/a.png 1x\">",
    "<p style=\"background:url(https://evil.example/bg.png)\">styled</p>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<base href=\"https://evil.example/\"><a href=\"/x\">relative</a>",
    "<form action=\"https://evil.example/\"><button>go</button></form>",
    "<object data=\"https://evil.example/x\"></object>",
    "<details open ontoggle=\"alert('details')\"><summary>s</summary></details>",
    "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
];

#[tokio::test]
async fn hostile_html_can_neither_run_nor_navigate_nor_load() -> anyhow::Result<()> {
    let app = App::start(AppOptions {
        browser: BrowserOptions {
            log_network: true,
            ..Default::default()
        },
        ..Default::default()
    })
    .await?;
    let (_me, peer, room) = scene(&app, "Hostile").await?;
    let b = &app.browser;
    let url_before = b.current_url().await?;
    // Any dialog would be recorded here (and would block WebDriver).
    b.execute("window.__dialogs = []; for (const f of ['alert','confirm','prompt']) { window[f] = (m) => window.__dialogs.push(String(m)); } return true;")
        .await?;
    for (i, html) in HOSTILE.iter().enumerate() {
        peer.send_event(
            &room,
            "m.room.message",
            json!({ "msgtype": "m.text", "body": format!("hostile {i}"),
                    "format": "org.matrix.custom.html", "formatted_body": format!("{html} marker{i}") }),
        )
        .await?;
    }
    let last = format!("marker{}", HOSTILE.len() - 1);
    b.wait_for_texts(".lt-rich", "the last hostile message", |t| {
        t.iter().any(|t| t.contains(&last))
    })
    .await?;
    // Give anything that was going to fire a moment: an image error, a toggle.
    b.execute("return new Promise(r => setTimeout(() => r(true), 1000));")
        .await?;
    let dialogs = b.execute("return window.__dialogs;").await?;
    anyhow::ensure!(dialogs == json!([]), "dialogs opened: {dialogs}");
    anyhow::ensure!(b.current_url().await? == url_before, "the page navigated");
    let forbidden = b
        .execute("return document.querySelectorAll('.lt-timeline script, .lt-timeline iframe, .lt-timeline object, .lt-timeline form, .lt-timeline svg, .lt-timeline [style*=url], .lt-timeline [onerror], .lt-timeline [onload]').length;")
        .await?;
    anyhow::ensure!(
        forbidden == json!(0),
        "{forbidden} dangerous elements in the timeline"
    );
    let own = format!("{}/", app.server.origin);
    let foreign: Vec<String> = b
        .requested_urls()
        .await?
        .into_iter()
        .filter(|u| {
            let internal = ["chrome:", "blob:", "data:", "about:"]
                .iter()
                .any(|scheme| u.starts_with(scheme));
            !internal && !u.starts_with(&own)
        })
        .collect();
    anyhow::ensure!(
        foreign.is_empty(),
        "requests to other origins: {foreign:#?}"
    );
    app.finish().await
}

#[tokio::test]
async fn a_thread_reply_marks_the_room_until_the_thread_is_read() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let (_me, peer, room) = scene(&app, "Threads").await?;
    let b = &app.browser;
    let root = peer.send_text(&room, "Root question").await?;
    mark_row(b, "Root question").await?;
    // Read in the room: the receipt leaves after a second in view.
    let receipt = format!("receipt/m.read/{root}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !app.server.requests().iter().any(|r| r.contains(&receipt)) {
        let sent: Vec<String> = app
            .server
            .requests()
            .into_iter()
            .filter(|r| r.contains("receipt"))
            .collect();
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "no receipt for {root}; receipts sent: {sent:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    b.wait_for_texts(".lt-badge", "no unread badge", |t| t.is_empty())
        .await?;
    // A reply inside the thread does not show in the room, but marks it.
    peer.send_event(
        &room,
        "m.room.message",
        json!({
            "msgtype": "m.text", "body": "Thread answer",
            "m.relates_to": { "rel_type": "m.thread", "event_id": root }
        }),
    )
    .await?;
    b.by_role("link", "1 unread message").await?;
    // Reading the thread clears it.
    b.click("button", "Open the thread").await?;
    b.wait_for_texts(".lt-thread .lt-event__text", "thread reply", |t| {
        t.iter().any(|t| t.contains("Thread answer"))
    })
    .await?;
    b.wait_for_texts(".lt-badge", "badge cleared by reading the thread", |t| {
        t.is_empty()
    })
    .await?;
    app.finish().await
}
