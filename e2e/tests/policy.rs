//! The administrator's policy in config.json: each switch turned on by a config of its
//! own, and what a bad config.json does to the page.

use lattice_e2e::browser::plain;
use lattice_e2e::fixture::{App, AppOptions, serve};

fn with_config(json: &str) -> AppOptions {
    AppOptions {
        config_json: Some(json.to_owned()),
        ..AppOptions::default()
    }
}

#[tokio::test]
async fn default_locked_homeserver_brand_and_help_link_shape_the_login_page() -> anyhow::Result<()>
{
    // The homeserver on an origin of its own: the CSP generated from this config must
    // let the app reach it, and sign-in goes there directly.
    let synapse = lattice_e2e::Env::from_env()?.synapse_url;
    let config = serde_json::json!({
        "default_homeserver": synapse,
        "lock_homeserver": true,
        "brand_name": "Ministry Chat",
        "brand_logo": "/favicon.svg",
        "help_url": "https://help.example.org/chat",
    });
    let app = App::start(with_config(&config.to_string())).await?;
    let b = &app.browser;
    b.goto(&format!("{}/login", app.server.origin)).await?;
    b.by_role("heading", "Sign in to Ministry Chat").await?;
    let title = b.execute("return document.title;").await?;
    anyhow::ensure!(title == "Ministry Chat", "title is {title}");
    // Locked: no field to change the server, only where one signs in.
    anyhow::ensure!(
        b.try_by_role("textbox", "Homeserver").await?.is_none(),
        "a homeserver field is offered although the homeserver is locked"
    );
    let body = plain(&b.body_text().await?);
    anyhow::ensure!(
        body.contains(&format!("You are signing in to {synapse}")),
        "{body}"
    );
    let logo = b
        .execute("const i = document.querySelector('img.lt-login__logo'); return i && i.complete ? i.naturalWidth : 0;")
        .await?;
    anyhow::ensure!(logo.as_u64().unwrap_or(0) > 0, "the logo is not shown");
    let help = b.by_role("link", "Help and support").await?;
    anyhow::ensure!(help.attr("href").await?.as_deref() == Some("https://help.example.org/chat"));

    let user = app.user("brand").await?;
    app.sign_in(&user).await?;
    b.by_role("heading", "Ministry Chat").await?;
    b.click("link", "Settings").await?;
    let settings = plain(&b.body_text().await?);
    anyhow::ensure!(
        settings.contains(&synapse),
        "not signed in to {synapse}:\n{settings}"
    );
    app.finish().await
}

#[tokio::test]
async fn homeserver_cannot_be_changed_unless_custom_ones_are_allowed() -> anyhow::Result<()> {
    let app = App::start(with_config("{}")).await?;
    let b = &app.browser;
    b.goto(&format!("{}/login", app.server.origin)).await?;
    let field = b.by_role("textbox", "Homeserver").await?;
    anyhow::ensure!(
        field.prop("readOnly").await?.as_deref() == Some("true"),
        "the homeserver field can be edited without allow_custom_homeservers"
    );
    // A user ID on another server does not move the sign-in elsewhere.
    b.fill("User name", "@someone:elsewhere.example").await?;
    let value = field.prop("value").await?.unwrap_or_default();
    anyhow::ensure!(value == app.server.origin, "homeserver became {value}");
    app.finish().await
}

#[tokio::test]
async fn encryption_can_be_required_and_permalinks_use_the_configured_prefix() -> anyhow::Result<()>
{
    let app = App::start(with_config(
        r#"{"require_encryption": true, "permalink_prefix": "https://links.example.org"}"#,
    ))
    .await?;
    let b = &app.browser;
    let user = app.user("policy").await?;
    app.sign_in(&user).await?;

    b.click("button", "New room").await?;
    b.by_role("dialog", "New room").await?;
    anyhow::ensure!(
        b.try_by_role("radio", "Public").await?.is_none(),
        "public (unencrypted) rooms are offered although encryption is required"
    );
    b.fill("Name", "Secure room").await?;
    b.click("button", "Create room").await?;
    b.by_role("log", "Messages").await?;
    b.wait_for_texts(".lt-event__state", "encryption turned on", |texts| {
        texts.iter().any(|t| t.contains("end-to-end encryption"))
    })
    .await?;
    let secure_url = b.current_url().await?;
    b.click("button", "Copy link to this room").await?;
    // Copied, or (headless Chromium may refuse the clipboard) shown to copy by hand.
    let said = b
        .wait_for_text("status", "https://links.example.org")
        .await?;
    let permalink = said
        .split_whitespace()
        .find(|word| word.starts_with("https://"))
        .unwrap_or_default()
        .to_owned();
    anyhow::ensure!(
        permalink.starts_with("https://links.example.org/#/!"),
        "permalink {permalink}"
    );

    // A permalink in a message opens the room inside the app.
    b.click("button", "New room").await?;
    b.fill("Name", "Lobby").await?;
    b.click("button", "Create room").await?;
    b.by_role("log", "Messages").await?;
    let composer = b.by_role("textbox", "Message to").await?;
    composer
        .send_keys(&format!("see {permalink}{}", lattice_e2e::browser::ENTER))
        .await?;
    // The link in the message (the room list's Lobby link names it too, in its
    // preview). The row is redrawn when the server confirms the message: retry then.
    let mut attempts = 0;
    loop {
        let clicked = async {
            let link = b
                .client
                .find(fantoccini::Locator::Css(".lt-timeline a.lt-link"))
                .await?;
            anyhow::ensure!(
                link.text().await? == permalink,
                "the message's link is not the permalink"
            );
            link.click().await?;
            anyhow::Ok(())
        };
        match clicked.await {
            Ok(()) => break,
            Err(error) if attempts < 50 => {
                attempts += 1;
                eprintln!("retrying the link: {error}");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            Err(error) => return Err(error),
        }
    }
    b.by_role("heading", "Secure room").await?;
    // The link names the servers to ask for the room (`?via=`): the same room.
    let url = b.current_url().await?;
    anyhow::ensure!(
        url.split('?').next() == Some(secure_url.as_str()),
        "the permalink led to {url}"
    );
    app.finish().await
}

#[tokio::test]
async fn room_creation_can_be_disabled() -> anyhow::Result<()> {
    let app = App::start(with_config(r#"{"disable_room_creation": true}"#)).await?;
    let user = app.user("nocreate").await?;
    app.sign_in(&user).await?;
    anyhow::ensure!(
        app.browser
            .try_by_role("button", "New room")
            .await?
            .is_none(),
        "New room is offered although room creation is disabled"
    );
    app.browser.by_role("button", "Start chat").await?;
    app.finish().await
}

#[tokio::test]
async fn secure_backup_can_be_required_before_rooms_open() -> anyhow::Result<()> {
    let app = App::start(with_config(r#"{"require_secure_backup": true}"#)).await?;
    let user = app.user("backup").await?;
    app.sign_in(&user).await?;
    let b = &app.browser;
    // Rooms stay closed: the main area is the security page until recovery is set up.
    b.by_role("heading", "Security and devices").await?;
    anyhow::ensure!(
        !plain(&b.body_text().await?).contains("Choose a room from the list"),
        "rooms are open although secure backup is required"
    );
    b.click("button", "Set up recovery").await?;
    b.by_role("button", "I saved my key").await?;
    let key = b.texts(".lt-recovery-key__value").await?.join("");
    b.fill("Type or paste your recovery key", &key).await?;
    // Once the key is confirmed, the rooms open where the person was.
    b.click("button", "I saved my key").await?;
    b.wait_for_texts(".lt-main__empty", "rooms open once recovery is on", |t| {
        t.iter().any(|t| t.contains("Choose a room from the list"))
    })
    .await?;
    app.finish().await
}

#[tokio::test]
async fn offered_languages_limit_the_choice() -> anyhow::Result<()> {
    let app = App::start(with_config(r#"{"languages": ["de"]}"#)).await?;
    app.browser
        .goto(&format!("{}/login", app.server.origin))
        .await?;
    app.browser
        .by_role("heading", "Bei Lattice anmelden")
        .await?;
    let lang = app
        .browser
        .execute("return document.documentElement.lang;")
        .await?;
    anyhow::ensure!(lang == "de", "html lang is {lang}");
    app.finish().await
}

#[tokio::test]
async fn bad_config_names_the_field_and_unknown_fields_are_ignored() -> anyhow::Result<()> {
    let app = App::start(with_config(r#"{"default_homeserver": 3}"#)).await?;
    let b = &app.browser;
    b.goto(&app.server.origin).await?;
    b.by_role("heading", "The app can't start").await?;
    let alert = b.wait_for_text("alert", "default_homeserver").await?;
    anyhow::ensure!(alert.contains("config.json"), "{alert}");

    let broken = serve(&app.env, Some("{ this is not JSON".to_owned())).await?;
    b.goto(&broken.origin).await?;
    b.by_role("heading", "The app can't start").await?;
    b.wait_for_text("alert", "configuration file is invalid")
        .await?;

    let unknown = serve(
        &app.env,
        Some(r#"{"brand_name": "Known", "colour": "red"}"#.to_owned()),
    )
    .await?;
    b.goto(&format!("{}/login", unknown.origin)).await?;
    b.by_role("heading", "Sign in to Known").await?;
    anyhow::ensure!(broken.csp_reports().is_empty() && unknown.csp_reports().is_empty());
    app.finish().await
}
