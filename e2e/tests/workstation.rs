//! What an institution's IT checks on a locked-down workstation: one tab at a time,
//! storage refused by policy, and no request to anyone but the app's own origin.

use std::time::{Duration, Instant};

use lattice_e2e::browser::{BrowserOptions, ENTER};
use lattice_e2e::fixture::{App, AppOptions};
use lattice_e2e::peer::Peer;

async fn send(app: &App, text: &str) -> anyhow::Result<()> {
    let composer = app.browser.by_role("textbox", "Message to").await?;
    composer.send_keys(&format!("{text}{ENTER}")).await?;
    app.browser
        .wait_for_texts(".lt-event__text", "message shown", |texts| {
            texts.iter().any(|t| t.trim() == text)
        })
        .await?;
    Ok(())
}

#[tokio::test]
async fn one_tab_at_a_time_with_use_here() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let b = &app.browser;
    let user = app.user("tabs").await?;
    app.sign_in(&user).await?;
    // An encrypted room: both tabs must keep the same crypto store intact.
    b.click("button", "New room").await?;
    b.fill("Name", "Two tabs").await?;
    b.click("button", "Create room").await?;
    b.by_role("log", "Messages").await?;
    let room_url = b.current_url().await?;
    send(&app, "from the first tab").await?;
    let first = b.client.window().await?;

    // A second tab with the same session waits, and offers to take over.
    let second = b.client.new_window(true).await?.handle;
    b.client.switch_to_window(second.clone()).await?;
    b.goto(&room_url).await?;
    b.by_role("heading", "Lattice is open in another tab")
        .await?;
    b.click("button", "Use here").await?;
    b.by_role("log", "Messages").await?;
    send(&app, "from the second tab").await?;

    // The first tab has stopped and says so; taking it back stops the second.
    b.client.switch_to_window(first.clone()).await?;
    b.by_role("heading", "Lattice is now open in another tab")
        .await?;
    b.click("button", "Use here").await?;
    b.by_role("log", "Messages").await?;
    b.wait_for_texts(".lt-event__text", "both messages readable", |texts| {
        let has = |s: &str| texts.iter().any(|t| t.trim() == s);
        has("from the first tab") && has("from the second tab")
    })
    .await?;
    send(&app, "first tab again").await?;

    // Each message reached the server once.
    let other = Peer::login(&app.env.synapse_url, &user.localpart, &user.password).await?;
    let room_id = url_room_id(&room_url);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let sent = other
            .count_events(&room_id, &user.user_id, "m.room.encrypted")
            .await?;
        if sent == 3 {
            break;
        }
        anyhow::ensure!(
            sent < 3 && Instant::now() < deadline,
            "{sent} encrypted events for 3 messages"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    // Closing the active tab lets the waiting one offer "Use here".
    b.client.switch_to_window(second.clone()).await?;
    b.by_role("heading", "Lattice is now open in another tab")
        .await?;
    b.client.switch_to_window(first).await?;
    b.client.close_window().await?;
    b.client.switch_to_window(second).await?;
    b.by_role("heading", "The other tab was closed").await?;
    b.click("button", "Use here").await?;
    b.by_role("log", "Messages").await?;

    // Reloading the only tab never shows the notice.
    b.reload().await?;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let body = b.body_text().await.unwrap_or_default();
        anyhow::ensure!(
            !body.contains("open in another tab"),
            "a reload of the only tab showed the other-tab notice"
        );
        if b.try_by_role("log", "Messages").await?.is_some() {
            break;
        }
        anyhow::ensure!(Instant::now() < deadline, "the room never came back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.finish().await
}

fn url_room_id(url: &str) -> String {
    let segment = url.rsplit('/').next().unwrap_or_default();
    url::form_urlencoded::parse(format!("r={segment}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn storage_blocked_by_policy_is_explained() -> anyhow::Result<()> {
    let app = App::start(AppOptions {
        browser: BrowserOptions {
            block_site_data: true,
            ..BrowserOptions::default()
        },
        ..AppOptions::default()
    })
    .await?;
    app.browser.goto(&app.server.origin).await?;
    app.browser
        .by_role("heading", "This browser can't keep data for this site")
        .await?;
    let body = app.browser.body_text().await?;
    anyhow::ensure!(body.contains("For IT"), "no advice for IT:\n{body}");
    app.finish().await
}

#[tokio::test]
async fn refused_persistent_storage_is_warned_about() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let user = app.user("persist").await?;
    app.sign_in(&user).await?;
    // The app asks as the signed-in shell opens; give it a moment to hear back.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let persisted = app
        .browser
        .client
        .execute_async(
            "const done = arguments[0]; navigator.storage.persisted().then(done);",
            vec![],
        )
        .await?;
    let warned = app
        .browser
        .body_text()
        .await?
        .contains("may delete the app's data");
    anyhow::ensure!(
        warned == (persisted == false),
        "persisted {persisted}, warning shown {warned}"
    );
    app.finish().await
}

#[tokio::test]
async fn a_whole_session_talks_only_to_its_own_origin() -> anyhow::Result<()> {
    let app = App::start(AppOptions {
        browser: BrowserOptions {
            log_network: true,
            ..BrowserOptions::default()
        },
        ..AppOptions::default()
    })
    .await?;
    let b = &app.browser;
    let user = app.user("origin").await?;
    let peer_user = app.user("origin-peer").await?;
    let peer = Peer::login(
        &app.env.synapse_url,
        &peer_user.localpart,
        &peer_user.password,
    )
    .await?;
    let room_id = peer.create_room("Pictures", &[&user.user_id]).await?;
    peer.set_room_avatar(&room_id, include_bytes!("fixtures/avatar.png"))
        .await?;
    peer.send_text(&room_id, "see https://matrix.to/#/#nowhere:example.org")
        .await?;

    app.sign_in(&user).await?;
    b.click("button", "Accept").await?;
    b.click("link", "Pictures").await?;
    b.by_role("log", "Messages").await?;
    b.wait_for_texts(".lt-event__text", "peer message", |t| {
        t.iter().any(|t| t.contains("matrix.to"))
    })
    .await?;
    b.wait_for_texts(".lt-room-list img", "avatar shown", |imgs| !imgs.is_empty())
        .await?;
    b.click("button", "Sign out").await?;
    b.click("button", "Sign out anyway").await?;
    b.by_role("heading", "Sign in").await?;

    let urls = b.requested_urls().await?;
    anyhow::ensure!(urls.len() > 10, "too few requests recorded: {urls:#?}");
    // Every request that leaves the browser (http, https, ws, …) goes to our origin;
    // chrome:// pages (the start page before our first navigation), blob: and data:
    // never leave it.
    let own = format!("{}/", app.server.origin);
    let foreign: Vec<&String> = urls
        .iter()
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
    let media = urls.iter().any(|u| u.contains("/_matrix/client/v1/media/"));
    anyhow::ensure!(media, "the avatar was not loaded in this session");
    app.finish().await
}
