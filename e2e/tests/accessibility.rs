//! Accessibility: an axe-core audit of every page, a keyboard-only session, and what
//! the timeline announces to screen readers.

use std::time::Duration;

use lattice_e2e::browser::{ENTER, ESCAPE};
use lattice_e2e::fixture::{App, AppOptions};

async fn audit(app: &App, page: &str, found: &mut Vec<String>) -> anyhow::Result<()> {
    for violation in app.browser.axe_violations().await? {
        found.push(format!("{page}: {violation}"));
    }
    Ok(())
}

#[tokio::test]
async fn axe_finds_nothing_serious_on_any_page() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let b = &app.browser;
    let user = app.user("axe").await?;
    let mut found = Vec::new();

    b.goto(&format!("{}/login", app.server.origin)).await?;
    b.by_role("button", "Sign in").await?;
    audit(&app, "login", &mut found).await?;

    app.sign_in(&user).await?;
    b.click("button", "New room").await?;
    b.fill("Name", "Audited").await?;
    b.click("button", "Create room").await?;
    b.by_role("log", "Messages").await?;
    let composer = b.by_role("textbox", "Message to").await?;
    composer.send_keys(&format!("hello{ENTER}")).await?;
    b.wait_for_texts(".lt-event__text", "message", |t| !t.is_empty())
        .await?;
    audit(&app, "room", &mut found).await?;

    b.goto(&app.server.origin).await?;
    b.by_role("link", "Audited").await?;
    audit(&app, "room list", &mut found).await?;

    b.click("link", "Settings").await?;
    b.by_role("heading", "Settings").await?;
    audit(&app, "settings", &mut found).await?;
    anyhow::ensure!(found.is_empty(), "{found:#?}");
    app.finish().await
}

#[tokio::test]
async fn the_keyboard_alone_signs_in_opens_a_room_sends_and_uses_dialogs() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let b = &app.browser;
    let user = app.user("keys").await?;
    let (peer, room_id) = app.shared_room(&user, "Keyboard").await?;

    b.goto(&format!("{}/login", app.server.origin)).await?;
    b.by_role("button", "Sign in").await?;
    b.tab_to("textbox", "User name", 5).await?;
    b.press(&user.localpart).await?;
    b.tab_to("textbox", "Password", 3).await?;
    b.press(&format!("{}{ENTER}", user.password)).await?;
    b.by_role("button", "Start chat").await?;

    b.tab_to("link", "Keyboard", 20).await?;
    let outline = b
        .execute("return getComputedStyle(document.activeElement).outlineStyle;")
        .await?;
    anyhow::ensure!(outline != "none", "the focused room has no visible focus");
    b.press(ENTER).await?;
    b.by_role("log", "Messages").await?;
    b.tab_to("textbox", "Message to", 20).await?;
    b.press(&format!("typed, not clicked{ENTER}")).await?;
    peer.wait_for_message(&room_id, "typed, not clicked")
        .await?;

    // A dialog opens from the keyboard, holds the focus, and Escape closes it.
    b.tab_to("button", "Invite", 20).await?;
    b.press(ENTER).await?;
    b.by_role("dialog", "Invite").await?;
    let (_, focused) = b.focused().await?;
    let inside = b
        .execute("return !!document.activeElement.closest('dialog[open]');")
        .await?;
    anyhow::ensure!(inside == true, "focus is outside the dialog: {focused}");
    b.press(ESCAPE).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    anyhow::ensure!(
        b.try_by_role("dialog", "Invite").await?.is_none(),
        "Escape did not close the dialog"
    );
    let (role, name) = b.focused().await?;
    anyhow::ensure!(
        role == "button" && name.contains("Invite"),
        "focus did not return to the Invite button: {role} {name}"
    );
    app.finish().await
}

#[tokio::test]
async fn only_live_arrivals_from_others_are_announced() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let b = &app.browser;
    let user = app.user("live").await?;
    let (peer, room_id) = app.shared_room(&user, "Announcements").await?;
    for i in 0..5 {
        peer.send_text(&room_id, &format!("old news {i}")).await?;
    }
    app.sign_in(&user).await?;
    b.click("link", "Announcements").await?;
    b.by_role("log", "Messages").await?;
    b.wait_for_texts(".lt-event__text", "history", |t| {
        t.iter().any(|t| t.contains("old news 4"))
    })
    .await?;
    let announced = || async {
        let texts = b.texts(".lt-room [role=status][aria-live=polite]").await?;
        anyhow::Ok(texts.join(" "))
    };
    tokio::time::sleep(Duration::from_secs(2)).await;
    let now = announced().await?;
    anyhow::ensure!(!now.contains("old news"), "history was announced: {now}");

    let composer = b.by_role("textbox", "Message to").await?;
    composer.send_keys(&format!("my own words{ENTER}")).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let now = announced().await?;
    anyhow::ensure!(
        !now.contains("my own words"),
        "our own send was announced: {now}"
    );

    peer.send_text(&room_id, "fresh news").await?;
    b.wait_for_texts(
        ".lt-room [role=status][aria-live=polite]",
        "live arrival announced",
        |t| t.iter().any(|t| t.contains("fresh news")),
    )
    .await?;
    app.finish().await
}

#[tokio::test]
async fn text_stays_usable_at_200_percent_zoom() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let b = &app.browser;
    let user = app.user("zoom").await?;
    let (peer, room_id) = app.shared_room(&user, "Zoomed").await?;
    peer.send_text(&room_id, "large print").await?;
    app.sign_in(&user).await?;
    // 200% zoom of a 1280×900 window: half the CSS pixels each way.
    b.client.set_window_size(640, 450).await?;
    let fits =
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;";
    anyhow::ensure!(b.execute(fits).await? == true, "the page scrolls sideways");
    let room = b.by_role("link", "Zoomed").await?;
    room.click().await?;
    b.wait_for_texts(".lt-event__text", "message readable", |t| {
        t.iter().any(|t| t.contains("large print"))
    })
    .await?;
    let composer = b.by_role("textbox", "Message to").await?;
    composer.send_keys(&format!("still usable{ENTER}")).await?;
    peer.wait_for_message(&room_id, "still usable").await?;
    anyhow::ensure!(b.execute(fits).await? == true, "the room scrolls sideways");
    app.finish().await
}
