//! The common start of an end-to-end test: the app served under its production CSP
//! with a config.json of the test's choosing, a fresh Chromium, and users on the run's
//! Synapse.

use std::time::Duration;

use crate::Env;
use crate::browser::{Browser, BrowserOptions};
use crate::peer::Peer;
use crate::server::{AppServer, ServerOptions};
use crate::synapse::{TestUser, register_user};

#[derive(Default)]
pub struct AppOptions {
    /// Served as `/config.json`; `None` serves the one in dist/.
    pub config_json: Option<String>,
    pub browser: BrowserOptions,
}

pub struct App {
    pub env: Env,
    pub server: AppServer,
    pub browser: Browser,
}

impl App {
    pub async fn start(options: AppOptions) -> anyhow::Result<Self> {
        let env = Env::from_env()?;
        let server = serve(&env, options.config_json).await?;
        let browser = Browser::start_with(&env.webdriver_url, &options.browser).await?;
        Ok(Self {
            env,
            server,
            browser,
        })
    }

    /// A fresh user on the run's Synapse.
    pub async fn user(&self, prefix: &str) -> anyhow::Result<TestUser> {
        register_user(&self.env.synapse_url, &self.env.synapse_secret, prefix).await
    }

    /// Another person, signed in as a `Peer`, and a room `name` they made that `user`
    /// has already joined (from another device).
    pub async fn shared_room(&self, user: &TestUser, name: &str) -> anyhow::Result<(Peer, String)> {
        let other = self.user("peer").await?;
        let peer = Peer::login(&self.env.synapse_url, &other.localpart, &other.password).await?;
        let room_id = peer.create_room(name, &[&user.user_id]).await?;
        Peer::login(&self.env.synapse_url, &user.localpart, &user.password)
            .await?
            .join(&room_id)
            .await?;
        Ok((peer, room_id))
    }

    /// Signs in on the login page with the user name alone (this origin's server).
    pub async fn sign_in(&self, user: &TestUser) -> anyhow::Result<()> {
        self.browser
            .goto(&format!("{}/login", self.server.origin))
            .await?;
        self.browser.fill("User name", &user.localpart).await?;
        self.browser.fill("Password", &user.password).await?;
        self.browser.click("button", "Sign in").await?;
        self.browser.by_role("button", "Start chat").await?;
        Ok(())
    }

    /// Every test ends here: see `finish`.
    pub async fn finish(self) -> anyhow::Result<()> {
        finish(&self.server, self.browser).await
    }
}

/// Every end-to-end test ends here: the page must not have broken the policy (CSP
/// reports) nor panicked (a panic kills the wasm app; Chromium's console shows it).
pub async fn finish(server: &AppServer, browser: Browser) -> anyhow::Result<()> {
    // Chromium sends violation reports asynchronously.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let reports = server.csp_reports();
    let panics: Vec<String> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|m| m.contains("panicked"))
        .collect();
    browser.close().await?;
    anyhow::ensure!(reports.is_empty(), "CSP violations: {reports:#?}");
    anyhow::ensure!(panics.is_empty(), "the app panicked: {panics:#?}");
    Ok(())
}

/// The app served from dist/ with `config_json`, `/_matrix` proxied to the run's Synapse.
pub async fn serve(env: &Env, config_json: Option<String>) -> anyhow::Result<AppServer> {
    AppServer::start(ServerOptions {
        dist: &env.dist,
        upstream: Some(env.synapse_url.clone()),
        config_json,
        extra_connect: vec![],
        bind: "127.0.0.1:0".parse()?,
    })
    .await
}
