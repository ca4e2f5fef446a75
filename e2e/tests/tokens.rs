//! Tokens that expire. Each test runs a Synapse of its own with short token lifetimes:
//! the app renews its access token with the refresh token and keeps the renewed pair
//! across a reload; and when the session's lifetime is over (a soft logout), the person
//! signs in again on the same device and keeps everything.

use std::time::Duration;

use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::peer::Peer;
use lattice_e2e::server::{AppServer, ServerOptions};
use lattice_e2e::synapse::{OwnSynapse, TestUser, register_user};

struct Fixture {
    // Dropping it stops this test's Synapse.
    synapse: OwnSynapse,
    server: AppServer,
    browser: Browser,
    me: TestUser,
    peer_user: TestUser,
    peer: Peer,
    room_id: String,
}

impl Fixture {
    async fn start(token_config: &str) -> anyhow::Result<Self> {
        let env = Env::from_env()?;
        let synapse = OwnSynapse::start_with(token_config).await?;
        let server = AppServer::start(ServerOptions {
            dist: &env.dist,
            upstream: Some(synapse.url.clone()),
            config_json: None,
            extra_connect: vec![],
            bind: "127.0.0.1:0".parse()?,
        })
        .await?;
        let me = register_user(&synapse.url, &synapse.secret, "me").await?;
        let peer_user = register_user(&synapse.url, &synapse.secret, "peer").await?;
        let peer = Peer::login(&synapse.url, &peer_user.localpart, &peer_user.password).await?;
        let room_id = peer.create_room("Shift change", &[&me.user_id]).await?;
        let browser = Browser::start(&env.webdriver_url).await?;
        browser.goto(&format!("{}/login", server.origin)).await?;
        browser.fill("User name", &me.localpart).await?;
        browser.fill("Password", &me.password).await?;
        browser.click("button", "Sign in").await?;
        browser.click("button", "Accept").await?;
        browser.click("link", "Shift change").await?;
        browser.by_role("log", "Messages").await?;
        Ok(Self {
            synapse,
            server,
            browser,
            me,
            peer_user,
            peer,
            room_id,
        })
    }

    /// A message from the peer shows here, and one sent here reaches the peer.
    async fn messages_flow(&self, tag: &str) -> anyhow::Result<()> {
        let theirs = format!("from the peer, {tag}");
        self.peer.send_text(&self.room_id, &theirs).await?;
        self.browser
            .wait_for_texts(".lt-event__text", "the peer's message", |texts| {
                texts.iter().any(|t| t.trim() == theirs)
            })
            .await?;
        let ours = format!("from lattice, {tag}");
        self.browser.send_message(&ours).await?;
        self.peer.wait_for_message(&self.room_id, &ours).await
    }

    async fn device_shown(&self) -> anyhow::Result<String> {
        Ok(self.browser.texts(".lt-account__device").await?.join(" "))
    }

    async fn finish(self) -> anyhow::Result<()> {
        lattice_e2e::fixture::finish(&self.server, self.browser).await
    }
}

#[tokio::test]
async fn an_expired_access_token_is_renewed_and_kept_across_a_reload() -> anyhow::Result<()> {
    let f = Fixture::start("refreshable_access_token_lifetime: 5s").await?;
    f.messages_flow("at first").await?;
    // Several lifetimes later, sync and sending still work: the token was renewed.
    tokio::time::sleep(Duration::from_secs(12)).await;
    f.messages_flow("after renewals").await?;
    // The renewed tokens were kept: a reload resumes with them (the first refresh
    // token is spent by now).
    f.browser.reload().await?;
    f.browser.by_role("log", "Messages").await?;
    f.browser.wait_for_text("status", "running").await?;
    f.messages_flow("after a reload").await?;
    let body = f.browser.body_text().await?;
    anyhow::ensure!(!body.contains("signed out"), "signed out:\n{body}");
    f.finish().await
}

#[tokio::test]
async fn after_a_soft_logout_signing_in_again_keeps_the_device() -> anyhow::Result<()> {
    // The whole session may last 25 s, refreshes included: then the server says the
    // token expired (a soft logout) and refuses to renew it.
    let f = Fixture::start("session_lifetime: 25s").await?;
    let device = f.device_shown().await?;
    f.messages_flow("before").await?;
    f.browser.by_role("heading", "You were signed out").await?;
    f.browser
        .wait_for_text("alert", "Your session has expired")
        .await?;
    f.browser.fill("Password", &f.me.password).await?;
    f.browser.click("button", "Sign in again").await?;
    // Back where it was, as the same device, with the history kept.
    f.browser.click("link", "Shift change").await?;
    f.browser
        .wait_for_texts(".lt-event__text", "history kept", |texts| {
            texts.iter().any(|t| t.trim() == "from lattice, before")
        })
        .await?;
    anyhow::ensure!(
        f.device_shown().await? == device,
        "a new device after signing in again"
    );
    // And it sends again. (The peer signs in anew: its own session has expired too.)
    let peer = Peer::login(
        &f.synapse.url,
        &f.peer_user.localpart,
        &f.peer_user.password,
    )
    .await?;
    f.browser.send_message("after signing in again").await?;
    peer.wait_for_message(&f.room_id, "after signing in again")
        .await?;
    f.finish().await
}
