//! Sign in, stay signed in, sign out, and the failures of each on the login page.
//! Real Chromium, real Synapse, the release build under the production CSP.

use std::time::Duration;

use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::peer::Peer;
use lattice_e2e::server::{AppServer, ServerOptions, dead_origin, start_plain_server};
use lattice_e2e::synapse::{TestUser, register_user, token_is_valid};

struct Fixture {
    env: Env,
    server: AppServer,
    browser: Browser,
}

impl Fixture {
    async fn start(extra_connect: Vec<String>) -> anyhow::Result<Self> {
        let env = Env::from_env()?;
        let server = AppServer::start(ServerOptions {
            dist: &env.dist,
            upstream: Some(env.synapse_url.clone()),
            // These tests type other homeservers, which the policy must allow.
            config_json: Some(r#"{"allow_custom_homeservers": true}"#.to_owned()),
            extra_connect,
            bind: "127.0.0.1:0".parse()?,
        })
        .await?;
        let browser = Browser::start(&env.webdriver_url).await?;
        Ok(Self {
            env,
            server,
            browser,
        })
    }

    async fn user(&self) -> anyhow::Result<TestUser> {
        register_user(&self.env.synapse_url, &self.env.synapse_secret, "login").await
    }

    async fn submit_login(
        &self,
        homeserver: Option<&str>,
        user: &str,
        password: &str,
    ) -> anyhow::Result<()> {
        self.browser
            .goto(&format!("{}/login", self.server.origin))
            .await?;
        self.browser.by_role("heading", "Sign in").await?;
        self.browser.fill("User name", user).await?;
        if let Some(homeserver) = homeserver {
            self.browser.fill("Homeserver", homeserver).await?;
        }
        self.browser.fill("Password", password).await?;
        self.browser.click("button", "Sign in").await
    }

    async fn sign_in(&self, user: &TestUser) -> anyhow::Result<()> {
        self.submit_login(None, &user.localpart, &user.password)
            .await?;
        self.expect_signed_in(user).await
    }

    async fn expect_signed_in(&self, user: &TestUser) -> anyhow::Result<()> {
        self.browser.wait_for_text("status", "running").await?;
        let body = self.browser.body_text().await?;
        anyhow::ensure!(body.contains(&user.user_id), "user id not shown:\n{body}");
        Ok(())
    }

    async fn finish(self) -> anyhow::Result<()> {
        lattice_e2e::fixture::finish(&self.server, self.browser).await
    }
}

#[tokio::test]
async fn wrong_password_shows_its_error() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    let user = fixture.user().await?;
    fixture
        .submit_login(None, &user.localpart, "not-the-password")
        .await?;
    fixture
        .browser
        .wait_for_text("alert", "Wrong user name or password")
        .await?;
    fixture.finish().await
}

#[tokio::test]
async fn right_password_signs_in_with_full_user_id() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    let user = fixture.user().await?;
    fixture
        .browser
        .goto(&format!("{}/login", fixture.server.origin))
        .await?;
    // A full user ID moves its server name into the homeserver field...
    fixture.browser.fill("User name", &user.user_id).await?;
    let homeserver = fixture.browser.by_role("textbox", "Homeserver").await?;
    let server_name = user
        .user_id
        .split_once(':')
        .map(|(_, s)| s)
        .unwrap_or_default();
    anyhow::ensure!(homeserver.prop("value").await?.as_deref() == Some(server_name));
    // ...where it can still be corrected: the test server name is not resolvable,
    // so point it at the proxy that serves this page.
    fixture
        .browser
        .fill("Homeserver", &fixture.server.origin)
        .await?;
    fixture.browser.fill("Password", &user.password).await?;
    fixture.browser.click("button", "Sign in").await?;
    fixture.expect_signed_in(&user).await?;
    fixture.finish().await
}

#[tokio::test]
async fn reload_keeps_the_session() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    let user = fixture.user().await?;
    fixture.sign_in(&user).await?;
    fixture.browser.client.refresh().await?;
    fixture.expect_signed_in(&user).await?;
    let url = fixture.browser.client.current_url().await?;
    anyhow::ensure!(url.path() == "/", "reload went to {url}");
    fixture.finish().await
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    let user = fixture.user().await?;
    fixture.sign_in(&user).await?;
    let tokens = fixture.server.access_tokens();
    anyhow::ensure!(
        !tokens.is_empty(),
        "the app sent no access token through the proxy"
    );
    for token in &tokens {
        anyhow::ensure!(
            token_is_valid(&fixture.env.synapse_url, token).await?,
            "token dead before logout"
        );
    }
    fixture.browser.click("button", "Sign out").await?;
    // A new account has no key backup yet: signing out says what would be lost first.
    fixture
        .browser
        .wait_for_text("alert", "not backed up")
        .await?;
    fixture.browser.click("button", "Sign out anyway").await?;
    fixture.browser.by_role("heading", "Sign in").await?;
    for token in &tokens {
        anyhow::ensure!(
            !token_is_valid(&fixture.env.synapse_url, token).await?,
            "token still valid"
        );
    }
    // This session's databases are deleted, and nothing secret is left in the vault.
    expect_session_databases_deleted(&fixture.browser).await?;
    // Signed out for good: a reload stays on the login page.
    fixture.browser.client.refresh().await?;
    fixture.browser.by_role("heading", "Sign in").await?;
    fixture.finish().await
}

/// Waits until no SDK database of a session is left (the vault's own may stay).
async fn expect_session_databases_deleted(browser: &Browser) -> anyhow::Result<()> {
    let mut left = Vec::new();
    for _ in 0..100 {
        let names = browser.client.execute_async(
            "const done = arguments[arguments.length - 1]; \
             indexedDB.databases().then(dbs => done(dbs.map(db => db.name)))",
            vec![],
        );
        left = names.await?.as_array().cloned().unwrap_or_default();
        left.retain(|name| {
            name.as_str()
                .is_some_and(|n| n.starts_with("lattice-") && n != "lattice-vault")
        });
        if left.is_empty() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("databases left after the session ended: {left:?}")
}

#[tokio::test]
async fn a_session_ended_on_the_server_says_why_then_deletes_its_data() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    let user = fixture.user().await?;
    fixture.sign_in(&user).await?;
    let shown = fixture
        .browser
        .texts(".lt-account__device")
        .await?
        .join(" ");
    let device = shown
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_owned();
    // The person removes this browser from another device of theirs.
    let other = Peer::login(&fixture.env.synapse_url, &user.localpart, &user.password).await?;
    other.delete_device(&device, &user.password).await?;
    // The next sync is refused. A new account has no key backup: the app says what
    // deleting this device's data would lose before it does.
    fixture
        .browser
        .by_role("heading", "You were signed out")
        .await?;
    fixture
        .browser
        .wait_for_text("alert", "no longer accepts this session")
        .await?;
    let body = fixture.browser.body_text().await?;
    anyhow::ensure!(
        body.contains("not in a key backup"),
        "no warning about keys:\n{body}"
    );
    fixture
        .browser
        .click("button", "Delete this device's data and sign in again")
        .await?;
    fixture.browser.by_role("heading", "Sign in").await?;
    fixture
        .browser
        .wait_for_text("alert", "Its data on this device has been deleted")
        .await?;
    expect_session_databases_deleted(&fixture.browser).await?;
    // Nothing is restored on the next visit.
    fixture
        .browser
        .goto(&format!("{}/", fixture.server.origin))
        .await?;
    fixture.browser.by_role("heading", "Sign in").await?;
    fixture.finish().await
}

#[tokio::test]
async fn damaged_local_data_is_explained_and_can_be_reset() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    let user = fixture.user().await?;
    fixture.sign_in(&user).await?;
    // Something outside the app damages the SDK's state store: its cipher key export
    // becomes garbage, so the stores can no longer be opened.
    let damaged = fixture
        .browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             indexedDB.databases().then(dbs => { \
               const name = dbs.map(db => db.name).find(n => n.endsWith('::matrix-sdk-state')); \
               if (!name) return done('no state store'); \
               const open = indexedDB.open(name); \
               open.onerror = () => done('open failed'); \
               open.onsuccess = () => { \
                 const db = open.result; \
                 const tx = db.transaction('matrix-sdk-state', 'readwrite'); \
                 tx.objectStore('matrix-sdk-state').put('damaged', 'store_key'); \
                 tx.oncomplete = () => { db.close(); done('damaged'); }; \
                 tx.onerror = () => done('write failed'); \
               }; \
             })",
            vec![],
        )
        .await?;
    anyhow::ensure!(
        damaged == "damaged",
        "could not damage the store: {damaged}"
    );
    fixture.browser.reload().await?;
    fixture
        .browser
        .wait_for_text("alert", "can't be read")
        .await?;
    fixture
        .browser
        .by_role("heading", "Reset local data")
        .await?;
    fixture.browser.click("button", "Delete local data").await?;
    // A clean start: no error, nothing of the old session left, and signing in works.
    fixture.browser.by_role("heading", "Sign in").await?;
    expect_session_databases_deleted(&fixture.browser).await?;
    anyhow::ensure!(
        fixture
            .browser
            .try_by_role("heading", "Reset local data")
            .await?
            .is_none(),
        "still offering a reset"
    );
    fixture.sign_in(&user).await?;
    fixture.finish().await
}

#[tokio::test]
async fn logout_with_the_server_down_offers_this_device_only() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    let user = fixture.user().await?;
    fixture.sign_in(&user).await?;
    let tokens = fixture.server.access_tokens();
    fixture.server.set_upstream_down(true);
    fixture.browser.click("button", "Sign out").await?;
    fixture.browser.click("button", "Sign out anyway").await?;
    fixture
        .browser
        .wait_for_text("alert", "can't be reached")
        .await?;
    // Nothing was deleted: the session is still here.
    let body = fixture.browser.body_text().await?;
    anyhow::ensure!(
        body.contains(&user.user_id),
        "session gone after failed logout:\n{body}"
    );
    fixture
        .browser
        .click("button", "Sign out on this device only")
        .await?;
    fixture.browser.by_role("heading", "Sign in").await?;
    fixture.browser.client.refresh().await?;
    fixture.browser.by_role("heading", "Sign in").await?;
    // Only this device forgot the session: the server still knows the token.
    fixture.server.set_upstream_down(false);
    for token in &tokens {
        anyhow::ensure!(token_is_valid(&fixture.env.synapse_url, token).await?);
    }
    fixture.finish().await
}

#[tokio::test]
async fn address_nobody_listens_on_cannot_be_reached() -> anyhow::Result<()> {
    let dead = dead_origin()?;
    let fixture = Fixture::start(vec![dead.clone()]).await?;
    fixture
        .submit_login(Some(&dead), "someone", "password")
        .await?;
    fixture
        .browser
        .wait_for_text("alert", "Can't reach")
        .await?;
    fixture.finish().await
}

/// A plain http:// homeserver off this machine is refused before anything is sent.
#[tokio::test]
async fn plain_http_homeserver_elsewhere_is_refused() -> anyhow::Result<()> {
    let fixture = Fixture::start(vec![]).await?;
    fixture
        .submit_login(Some("http://matrix.example.org"), "someone", "password")
        .await?;
    fixture
        .browser
        .wait_for_text("alert", "is not served over https")
        .await?;
    fixture.finish().await
}

#[tokio::test]
async fn plain_web_server_is_not_a_matrix_server() -> anyhow::Result<()> {
    let (plain, _server) = start_plain_server().await?;
    let fixture = Fixture::start(vec![plain.clone()]).await?;
    fixture
        .submit_login(Some(&plain), "someone", "password")
        .await?;
    fixture
        .browser
        .wait_for_text("alert", "not a Matrix server")
        .await?;
    fixture.finish().await
}
