//! Rooms and messages with another person: a second real client (`Peer`) on the same
//! Synapse, Lattice's release build in Chromium under the production CSP.

use std::time::{Duration, Instant};

use anyhow::Context;

use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::peer::Peer;
use lattice_e2e::server::{AppServer, ServerOptions};
use lattice_e2e::synapse::{OwnSynapse, TestUser, register_user};

struct Fixture {
    synapse_url: String,
    server: AppServer,
    browser: Browser,
    me: TestUser,
    peer: Peer,
}

impl Fixture {
    /// On the run's shared Synapse.
    async fn start() -> anyhow::Result<Self> {
        let env = Env::from_env()?;
        Self::start_on(&env.synapse_url, &env.synapse_secret).await
    }

    async fn start_on(synapse_url: &str, synapse_secret: &str) -> anyhow::Result<Self> {
        let env = Env::from_env()?;
        let server = AppServer::start(ServerOptions {
            dist: &env.dist,
            upstream: Some(synapse_url.to_owned()),
            config_json: None,
            extra_connect: vec![],
            bind: "127.0.0.1:0".parse()?,
        })
        .await?;
        let browser = Browser::start(&env.webdriver_url).await?;
        let me = register_user(synapse_url, synapse_secret, "me").await?;
        let peer_user = register_user(synapse_url, synapse_secret, "peer").await?;
        let peer = Peer::login(synapse_url, &peer_user.localpart, &peer_user.password).await?;
        Ok(Self {
            synapse_url: synapse_url.to_owned(),
            server,
            browser,
            me,
            peer,
        })
    }

    /// Our user, signed in over HTTP as another device.
    async fn my_other_session(&self) -> anyhow::Result<Peer> {
        Peer::login(&self.synapse_url, &self.me.localpart, &self.me.password).await
    }

    async fn sign_in(&self) -> anyhow::Result<()> {
        self.browser
            .goto(&format!("{}/login", self.server.origin))
            .await?;
        self.browser.fill("User name", &self.me.localpart).await?;
        self.browser.fill("Password", &self.me.password).await?;
        self.browser.click("button", "Sign in").await?;
        self.browser.by_role("button", "Start chat").await?;
        Ok(())
    }

    /// A room made by the peer that we have already joined (over HTTP, as another device).
    async fn shared_room(&self, name: &str) -> anyhow::Result<String> {
        let room_id = self.peer.create_room(name, &[&self.me.user_id]).await?;
        self.my_other_session().await?.join(&room_id).await?;
        Ok(room_id)
    }

    async fn open_room(&self, name: &str) -> anyhow::Result<()> {
        self.browser.click("link", name).await?;
        self.browser.by_role("log", "Messages").await?;
        Ok(())
    }

    async fn send(&self, text: &str) -> anyhow::Result<()> {
        self.browser.send_message(text).await
    }

    async fn wait_for_message(&self, text: &str) -> anyhow::Result<()> {
        let what = format!("message {text:?} shown");
        let shown = self
            .browser
            .wait_for_texts(".lt-event__text", &what, |texts| {
                texts.iter().any(|t| t.trim() == text)
            })
            .await;
        if let Err(error) = shown {
            // What the page and its console said, to tell a lost keystroke, a stuck
            // timeline and a dead app apart.
            let body = self.browser.body_text().await.unwrap_or_default();
            let console = self.browser.console_errors().await.unwrap_or_default();
            anyhow::bail!("{error}\npage:\n{body}\nconsole: {console:#?}");
        }
        Ok(())
    }

    async fn finish(self) -> anyhow::Result<()> {
        lattice_e2e::fixture::finish(&self.server, self.browser).await
    }
}

#[tokio::test]
async fn invite_is_accepted_and_messages_flow_both_ways() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    let room_id = f.peer.create_room("Project chat", &[&f.me.user_id]).await?;
    f.sign_in().await?;

    f.browser.click("button", "Accept").await?;
    f.open_room("Project chat").await?;
    let url = f.browser.current_url().await?;
    anyhow::ensure!(
        url.contains("/room/"),
        "the room has no URL of its own: {url}"
    );

    f.peer.send_text(&room_id, "hello from the peer").await?;
    f.wait_for_message("hello from the peer").await?;

    f.send("hello from lattice").await?;
    f.wait_for_message("hello from lattice").await?;
    f.peer
        .wait_for_message(&room_id, "hello from lattice")
        .await?;

    // A reload keeps the place: the same room is open again. The pause is for an SDK
    // race, not for Lattice: the event cache writes a sync's events in a task of its
    // own, after the state store has saved the sync position, so a reload in between
    // leaves the sent message out of the local timeline for good (seen under load in
    // about one full run in five). Worth reporting upstream.
    tokio::time::sleep(Duration::from_secs(2)).await;
    f.browser.reload().await?;
    f.browser.by_role("log", "Messages").await?;
    f.wait_for_message("hello from lattice").await?;
    f.finish().await
}

/// What the composer holds is each room's own draft: it survives a room switch and a
/// reload, and sending it clears it.
#[tokio::test]
async fn a_draft_survives_a_room_switch_and_a_reload() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    let room_id = f.shared_room("Drafts one").await?;
    f.shared_room("Drafts two").await?;
    f.sign_in().await?;
    let draft = "half-written thought";
    f.open_room("Drafts one").await?;
    let composer = f.browser.by_role("textbox", "Message to").await?;
    composer.send_keys(draft).await?;
    composer_holds(&f.browser, draft).await?;
    f.open_room("Drafts two").await?;
    composer_holds(&f.browser, "").await?;
    f.open_room("Drafts one").await?;
    composer_holds(&f.browser, draft).await?;

    f.browser.reload().await?;
    f.browser.by_role("log", "Messages").await?;
    composer_holds(&f.browser, draft).await?;

    // Sent: gone from the composer, and after a reload too.
    f.browser
        .by_role("textbox", "Message to")
        .await?
        .send_keys(lattice_e2e::browser::ENTER)
        .await?;
    f.peer.wait_for_message(&room_id, draft).await?;
    composer_holds(&f.browser, "").await?;
    f.open_room("Drafts two").await?;
    f.open_room("Drafts one").await?;
    f.browser.reload().await?;
    f.browser.by_role("log", "Messages").await?;
    f.wait_for_message(draft).await?;
    composer_holds(&f.browser, "").await?;
    f.finish().await
}

/// The room list's first screen is kept (encrypted) and drawn at the next start before
/// the session is open; signing out removes it.
#[tokio::test]
async fn the_room_list_shows_at_once_on_reload_and_is_forgotten_at_sign_out() -> anyhow::Result<()>
{
    let f = Fixture::start().await?;
    f.shared_room("Kept room").await?;
    f.sign_in().await?;
    f.browser.by_role("link", "Kept room").await?;
    let kept = "return new Promise(done => { const r = indexedDB.open('lattice-vault'); \
        r.onsuccess = () => { const g = r.result.transaction('vault').objectStore('vault').get('first-screen'); \
        g.onsuccess = () => { done(g.result !== undefined); r.result.close(); }; g.onerror = () => done(false); }; \
        r.onerror = () => done(false); });";
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while f.browser.execute(kept).await? != serde_json::json!(true) {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the first screen was never kept"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    f.browser.reload().await?;
    f.browser.by_role("link", "Kept room").await?;
    let drawn = "return performance.getEntriesByName('lattice:first-screen-drawn').length > 0;";
    anyhow::ensure!(
        f.browser.execute(drawn).await? == serde_json::json!(true),
        "the kept first screen was not drawn on reload"
    );

    f.browser.click("button", "Sign out").await?;
    // A new account has no key backup: signing out asks first.
    f.browser.click("button", "Sign out anyway").await?;
    f.browser.by_role("heading", "Sign in").await?;
    anyhow::ensure!(
        f.browser.execute(kept).await? == serde_json::json!(false),
        "the kept first screen outlived the session"
    );
    f.finish().await
}

/// Waits until the composer holds exactly `text`.
async fn composer_holds(browser: &Browser, text: &str) -> anyhow::Result<()> {
    let value =
        "const c = document.getElementById('lt-composer-input'); return c ? c.value : null;";
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let now = browser.execute(value).await?;
        if now == serde_json::json!(text) {
            return Ok(());
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the composer holds {now}, not {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn back_pagination_loads_300_messages_in_order() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    let room_id = f.shared_room("History").await?;
    let expected: Vec<String> = (0..300).map(|i| format!("history {i:03}")).collect();
    for body in &expected {
        f.peer.send_text(&room_id, body).await?;
    }
    f.sign_in().await?;
    f.open_room("History").await?;
    f.wait_for_message("history 299").await?;

    // Scroll to the top until the room's start is reached.
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while f.browser.texts(".lt-timeline__start").await?.is_empty() {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "never reached the start of the room"
        );
        f.browser
            .execute(
                "const t = document.querySelector('.lt-timeline'); t.scrollTop = -t.scrollHeight;",
            )
            .await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let shown: Vec<String> = f
        .browser
        .texts(".lt-event__text")
        .await?
        .into_iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| t.starts_with("history "))
        .collect();
    anyhow::ensure!(
        shown == expected,
        "history out of order or duplicated: {} rows, first {:?}",
        shown.len(),
        shown.iter().take(5).collect::<Vec<_>>()
    );
    f.finish().await
}

/// Starts a chat with `name` through the user directory; returns the room's URL.
async fn start_chat_with(f: &Fixture, name: &str) -> anyhow::Result<String> {
    f.browser.click("button", "Start chat").await?;
    f.browser.fill("Name or user ID", name).await?;
    f.browser.click("button", "Search").await?;
    f.browser
        .click("button", &format!("Start a chat with {name}"))
        .await?;
    f.browser.by_role("log", "Messages").await?;
    f.browser.current_url().await
}

#[tokio::test]
async fn dm_through_user_search_reaches_the_peer_once() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    // Unique, as earlier tests on this server left other peers in the directory.
    let name = format!("Pat {}", &f.me.localpart[3..]);
    f.peer.set_display_name(&name).await?;
    f.sign_in().await?;

    let first = start_chat_with(&f, &name).await?;
    let room_id = first.rsplit('/').next().unwrap_or_default().to_owned();
    let room_id: String = url::form_urlencoded::parse(format!("r={room_id}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    f.peer.wait_for_invite(&room_id).await?;

    let second = start_chat_with(&f, &name).await?;
    anyhow::ensure!(
        first == second,
        "a second DM was made: {first} then {second}"
    );
    f.finish().await
}

#[tokio::test]
async fn reading_clears_the_unread_badge_here_and_on_another_session() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    let room_id = f.shared_room("News").await?;
    f.sign_in().await?;
    f.browser.by_role("link", "News").await?;

    f.peer.send_text(&room_id, "news flash").await?;
    f.browser.by_role("link", "1 unread message").await?;
    let other = f.my_other_session().await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    // At least the message: under load Synapse has been seen to count the invite
    // that preceded our join too (it counts from the membership it finds).
    while other.notification_count(&room_id).await? < 1 {
        let sync = other.sync_once().await?;
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the server does not count it unread: {}",
            sync["rooms"]["join"][&room_id]
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    f.open_room("News").await?;
    f.wait_for_message("news flash").await?;
    // The receipt goes out after a second in view; the badge goes with it.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let badges = f.browser.texts(".lt-badge").await?;
        let count = other.notification_count(&room_id).await?;
        if badges.is_empty() && count == 0 {
            break;
        }
        if std::time::Instant::now() > deadline {
            let sync = other.sync_once().await?;
            let body = f.browser.body_text().await?;
            let receipts: Vec<String> = f
                .server
                .requests()
                .into_iter()
                .filter(|r| r.contains("receipt") || r.contains("read_markers"))
                .collect();
            anyhow::bail!(
                "still unread: badges {badges:?}, server count {count} {}, receipts sent: \
                 {receipts:?}\n{body}",
                sync["rooms"]["join"][&room_id]["ephemeral"]
            );
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    f.finish().await
}

#[tokio::test]
async fn offline_reload_shows_cached_rooms_and_queued_message_is_sent_once() -> anyhow::Result<()> {
    // Synapse really stops here, so this test has a homeserver of its own.
    let synapse = OwnSynapse::start().await?;
    let f = Fixture::start_on(&synapse.url, &synapse.secret).await?;
    let room_id = f.shared_room("Field notes").await?;
    f.sign_in().await?;
    f.open_room("Field notes").await?;
    f.browser.wait_for_text("status", "running").await?;

    synapse.stop().await?;
    f.browser.reload().await?;
    f.browser.by_role("link", "Field notes").await?;
    f.browser.wait_for_text("status", "offline").await?;

    f.send("written offline").await?;
    f.wait_for_message("written offline").await?;
    // The queued message survives a reload while still offline.
    f.browser.reload().await?;
    f.browser.by_role("log", "Messages").await?;
    f.wait_for_message("written offline").await?;

    synapse.restart().await?;
    f.peer.wait_for_message(&room_id, "written offline").await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let copies = f
        .peer
        .message_bodies(&room_id)
        .await?
        .into_iter()
        .filter(|b| b == "written offline")
        .count();
    anyhow::ensure!(copies == 1, "delivered {copies} times");
    // And once here too: the local echo became the sent message, not a second row.
    let shown = f
        .browser
        .texts(".lt-event__text")
        .await?
        .into_iter()
        .filter(|t| t.trim() == "written offline")
        .count();
    anyhow::ensure!(shown == 1, "shown {shown} times here");
    f.finish().await
}

#[tokio::test]
async fn twenty_messages_sent_offline_arrive_once_and_in_order_after_a_reload() -> anyhow::Result<()>
{
    let f = Fixture::start().await?;
    let room_id = f.shared_room("Night train").await?;
    f.sign_in().await?;
    f.open_room("Night train").await?;
    f.browser.wait_for_text("status", "running").await?;

    f.browser.set_offline(true).await?;
    let bodies: Vec<String> = (1..=20)
        .map(|i| format!("from the tunnel {i:02}"))
        .collect();
    for body in &bodies {
        f.send(body).await?;
    }
    f.wait_for_message(&bodies[19]).await?;
    f.browser
        .wait_for_text("status", "can't be reached")
        .await?;

    // Reloaded while the server is still out of reach: only the page itself may load.
    f.browser.block_requests(&["*/_matrix/*"]).await?;
    f.browser.set_offline(false).await?;
    f.browser.reload().await?;
    f.browser.by_role("log", "Messages").await?;
    f.wait_for_message(&bodies[19]).await?;

    f.browser.block_requests(&[]).await?;
    f.peer.wait_for_message(&room_id, &bodies[19]).await?;
    // Give a duplicate time to show up before counting.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let arrived: Vec<String> = f
        .peer
        .message_bodies(&room_id)
        .await?
        .into_iter()
        .filter(|body| body.starts_with("from the tunnel"))
        .collect();
    anyhow::ensure!(arrived == bodies, "arrived: {arrived:?}");
    f.browser.wait_for_text("status", "running").await?;
    f.finish().await
}

#[tokio::test]
async fn sync_waits_as_long_as_a_rate_limiting_server_asks() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    let room_id = f.shared_room("Slow lane").await?;
    f.sign_in().await?;
    f.open_room("Slow lane").await?;
    f.browser.wait_for_text("status", "running").await?;

    let span = Duration::from_secs(8);
    f.server.limit_sync_for(span);
    // The peer's message ends the long poll in flight; the next one is refused.
    f.peer.send_text(&room_id, "before the limit").await?;
    f.browser
        .wait_for_text("status", "waiting at the server's request")
        .await?;
    let banner = f.browser.find(".lt-connection").await?.text().await?;
    anyhow::ensure!(
        banner.contains("asked Lattice to wait") && !banner.contains("Retry now"),
        "banner: {banner}"
    );
    f.peer.send_text(&room_id, "after the limit").await?;
    f.wait_for_message("after the limit").await?;
    let shown = Instant::now();
    f.browser.wait_for_text("status", "running").await?;

    // Sync was refused for the request that came first (the other loop's long poll
    // is cancelled with it, or refused at the same moment), and not tried again
    // before the time the server asked for was up: the SDK's offline mode tried again
    // at once, over and over, and our own backoff alone would have after 1 s.
    let refused = f.server.sync_refused();
    let first = *refused.first().context("no sync request was refused")?;
    let late: Vec<Duration> = refused.iter().map(|at| *at - first).collect();
    anyhow::ensure!(
        refused.len() <= 2 && late.iter().all(|d| *d < Duration::from_millis(500)),
        "sync refused {} times, at {late:?} after the first",
        refused.len()
    );
    // And not much longer either: the message sent meanwhile came with the first
    // answer after the wait (a wide margin, for this shared machine).
    let waited = shown - first;
    anyhow::ensure!(
        waited < span + Duration::from_secs(6),
        "the message came {waited:?} after the refusal"
    );
    f.finish().await
}

#[tokio::test]
async fn room_avatar_is_shown_from_authenticated_media() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    let room_id = f.shared_room("Pictures").await?;
    f.peer
        .set_room_avatar(&room_id, include_bytes!("fixtures/avatar.png"))
        .await?;
    f.sign_in().await?;
    f.browser.by_role("link", "Pictures").await?;
    wait_for_avatar(&f).await?;
    // The row goes away under a filter and comes back: its avatar is served from the
    // cache, whose signals outlive the rows that first asked for them.
    f.browser.click("button", "People").await?;
    f.browser
        .wait_for_texts(".lt-room-list__name", "room filtered out", |names| {
            !names.iter().any(|n| n == "Pictures")
        })
        .await?;
    f.browser.click("button", "All").await?;
    wait_for_avatar(&f).await?;
    f.finish().await
}

/// Waits until the room list shows a loaded thumbnail from a `blob:` URL.
async fn wait_for_avatar(f: &Fixture) -> anyhow::Result<()> {
    let script = "const i = document.querySelector('.lt-room-list img.lt-avatar__img'); \
                  return i && i.complete && i.naturalWidth > 0 ? i.src : null;";
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let src = f.browser.execute(script).await?;
        if src.as_str().is_some_and(|s| s.starts_with("blob:")) {
            return Ok(());
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "no avatar image in the room list (img src {src})"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test]
async fn rooms_are_created_joined_and_left_with_clear_errors() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    f.sign_in().await?;
    let alias = format!("lobby-{}", &f.me.localpart[3..]);

    // A public room gets its address; the peer can join it by that address.
    f.browser.click("button", "New room").await?;
    f.browser.fill("Name", "Lobby").await?;
    f.browser.click("radio", "Public").await?;
    f.browser.fill("Address", &alias).await?;
    f.browser.click("button", "Create room").await?;
    f.browser.by_role("log", "Messages").await?;
    let url = f.browser.current_url().await?;
    let room_id: String = url::form_urlencoded::parse(
        format!("r={}", url.rsplit('/').next().unwrap_or_default()).as_bytes(),
    )
    .next()
    .map(|(_, v)| v.into_owned())
    .unwrap_or_default();
    f.peer.join(&format!("#{alias}:localhost")).await?;
    f.peer.send_text(&room_id, "joined by address").await?;
    f.wait_for_message("joined by address").await?;

    // A private room is encrypted from the start.
    f.browser.click("button", "New room").await?;
    f.browser.fill("Name", "Private corner").await?;
    f.browser.click("button", "Create room").await?;
    f.browser.by_role("log", "Messages").await?;
    f.browser
        .wait_for_texts(".lt-event__state", "encryption turned on", |texts| {
            texts.iter().any(|t| t.contains("end-to-end encryption"))
        })
        .await?;

    // Errors in plain words.
    f.browser.click("button", "Join room").await?;
    f.browser
        .fill("Room address or ID", "#nowhere-to-be-found:localhost")
        .await?;
    f.browser.click("button", "Join").await?;
    f.browser.wait_for_text("alert", "There is no room").await?;
    f.browser.click("button", "Close").await?;

    f.browser.click("button", "Invite").await?;
    f.browser
        .fill("Name or user ID", "@nobody-here:localhost")
        .await?;
    f.browser
        .click("button", "Invite @nobody-here:localhost")
        .await?;
    f.browser.wait_for_text("alert", "There is no user").await?;
    f.browser.click("button", "Close").await?;

    // Leaving takes the room out of the list.
    f.browser.click("button", "Leave").await?;
    f.browser
        .wait_for_texts(".lt-room-list__name", "room left", |names| {
            !names.iter().any(|n| n == "Private corner")
        })
        .await?;
    f.finish().await
}

/// A picture 100 × 60 as a BMP (which every browser decodes), so that the test needs
/// no image encoder: the app must crop it to a 60 × 60 square.
fn wide_bmp() -> Vec<u8> {
    let (width, height) = (100u32, 60u32);
    let row = (width * 3).div_ceil(4) * 4;
    let pixels = row * height;
    let mut bmp = Vec::new();
    bmp.extend(b"BM");
    for value in [54 + pixels, 0, 54, 40, width, height] {
        bmp.extend(value.to_le_bytes());
    }
    bmp.extend(1u16.to_le_bytes()); // planes
    bmp.extend(24u16.to_le_bytes()); // bits per pixel
    for value in [0, pixels, 2835, 2835, 0, 0] {
        bmp.extend(value.to_le_bytes());
    }
    for y in 0..height {
        for x in 0..width {
            bmp.extend([(x * 2) as u8, (y * 4) as u8, 200]);
        }
        bmp.resize(bmp.len() + (row - width * 3) as usize, 0);
    }
    bmp
}

#[tokio::test]
async fn a_changed_name_and_picture_are_seen_by_the_other_person() -> anyhow::Result<()> {
    let f = Fixture::start().await?;
    let room_id = f.shared_room("Profiles").await?;
    f.sign_in().await?;
    f.browser.click("link", "Settings").await?;
    let name = f.browser.by_role("textbox", "Display name").await?;
    name.clear().await?;
    name.send_keys("Margarethe Vestager").await?;
    f.browser.click("button", "Save name").await?;
    f.browser
        .wait_for_text("status", "Display name saved")
        .await?;
    // The server copies the name into our member event in every room.
    f.peer
        .wait_for_event(&room_id, &f.me.user_id, "the new name", |event| {
            event["type"] == "m.room.member"
                && event["content"]["displayname"] == "Margarethe Vestager"
        })
        .await?;

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("portrait.bmp");
    std::fs::write(&path, wide_bmp())?;
    f.browser
        .find("#lt-profile-avatar")
        .await?
        .send_keys(&path.to_string_lossy())
        .await?;
    f.browser.wait_for_text("status", "Picture changed").await?;
    let profile = f.peer.profile_of(&f.me.user_id).await?;
    let mxc = profile["avatar_url"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let png = f.peer.download(&mxc).await?;
    anyhow::ensure!(png.starts_with(b"\x89PNG"), "the avatar is not a PNG");
    let side = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    anyhow::ensure!(
        (side(16), side(20)) == (60, 60),
        "the avatar is {} × {}, not the picture's 60 × 60 middle",
        side(16),
        side(20)
    );
    f.peer
        .wait_for_event(&room_id, &f.me.user_id, "the new picture", |event| {
            event["type"] == "m.room.member" && event["content"]["avatar_url"] == mxc.as_str()
        })
        .await?;

    // Not a picture: refused in plain words, nothing changed.
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a picture")?;
    f.browser
        .find("#lt-profile-avatar")
        .await?
        .send_keys(&text.to_string_lossy())
        .await?;
    f.browser
        .wait_for_text("alert", "notes.txt is not a picture")
        .await?;
    anyhow::ensure!(f.peer.profile_of(&f.me.user_id).await?["avatar_url"] == mxc.as_str());

    f.browser.click("button", "Remove picture").await?;
    f.browser.wait_for_text("status", "Picture removed").await?;
    let profile = f.peer.profile_of(&f.me.user_id).await?;
    anyhow::ensure!(
        profile
            .get("avatar_url")
            .is_none_or(|url| url.is_null() || url == ""),
        "the avatar is still set: {profile}"
    );
    f.finish().await
}
