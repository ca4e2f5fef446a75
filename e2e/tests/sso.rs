//! Single sign-on: a real OpenID Connect provider (npm `oidc-provider`) on loopback,
//! a Synapse of the test's own delegating sign-in to it, and the app on the origin
//! Synapse names as its public address. The browser signs in on the provider's own
//! form, comes back signed in, reloads and signs out; a cancelled sign-in, a token
//! used twice and a provider that is down each say what happened.

use anyhow::Context;
use lattice_e2e::Env;
use lattice_e2e::browser::{Browser, BrowserOptions};
use lattice_e2e::oidc::{self, OidcProvider, PROVIDER_ID, PROVIDER_NAME};
use lattice_e2e::peer::Peer;
use lattice_e2e::server::{AppServer, ServerOptions};
use lattice_e2e::synapse::{OwnSynapse, add_device, register_user};

struct Fixture {
    provider: OidcProvider,
    // Dropping it stops this test's Synapse.
    synapse: OwnSynapse,
    server: AppServer,
    browser: Browser,
}

impl Fixture {
    async fn start(config_json: Option<&str>) -> anyhow::Result<Self> {
        Self::start_with(config_json, "").await
    }

    /// `synapse_extra`: more homeserver.yaml for this test's Synapse.
    async fn start_with(config_json: Option<&str>, synapse_extra: &str) -> anyhow::Result<Self> {
        let env = Env::from_env()?;
        // The app's address first: Synapse must know it as its public one.
        let bind = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
        let origin = format!("http://{bind}");
        let provider = OidcProvider::start(&origin).await?;
        let config = provider.synapse_config(&origin, &format!("{origin}/"), None) + synapse_extra;
        let synapse = OwnSynapse::start_with(&config).await?;
        let server = AppServer::start(ServerOptions {
            dist: &env.dist,
            upstream: Some(synapse.url.clone()),
            config_json: config_json.map(str::to_owned),
            extra_connect: vec![],
            bind,
        })
        .await?;
        let browser = Browser::start_with(
            &env.webdriver_url,
            &BrowserOptions {
                log_network: true,
                ..Default::default()
            },
        )
        .await?;
        Ok(Self {
            provider,
            synapse,
            server,
            browser,
        })
    }

    fn login_url(&self) -> String {
        format!("{}/login", self.server.origin)
    }

    /// Ends the provider's own session in this browser (cookies are per host, and the
    /// app keeps none), so that the next sign-in there shows its form again.
    async fn forget_provider_session(&self) -> anyhow::Result<()> {
        Ok(self.browser.client.delete_all_cookies().await?)
    }

    async fn sign_in_at_provider(&self, name: &str) -> anyhow::Result<()> {
        oidc::sign_in_at_provider(&self.browser, name).await
    }

    /// Follows the app's link to the homeserver's confirmation page, confirms there
    /// through the provider (whose form and consent show only if it asks again), and
    /// comes back to the app's window.
    async fn confirm_in_new_window(&self, name: &str) -> anyhow::Result<()> {
        let client = &self.browser.client;
        let app_window = client.window().await?;
        self.browser
            .click("link", "Confirm in a new window")
            .await?;
        let mut popup = None;
        for _ in 0..50 {
            popup = client
                .windows()
                .await?
                .into_iter()
                .find(|w| *w != app_window);
            if popup.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        client
            .switch_to_window(popup.context("no new window opened")?)
            .await?;
        self.browser
            .click("link", &format!("Continue with {PROVIDER_NAME}"))
            .await?;
        let mut confirmed = false;
        for _ in 0..200 {
            let body = self.browser.body_text().await.unwrap_or_default();
            if body.contains("Now we know it") {
                confirmed = true;
                break;
            }
            if self
                .browser
                .try_by_role("textbox", "Enter any login")
                .await?
                .is_some()
            {
                oidc::sign_in_at_provider(&self.browser, name).await?;
            } else if let Some(button) = self.browser.try_by_role("button", "Continue").await? {
                button.click().await?;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let at = self.browser.current_url().await.unwrap_or_default();
        let page = self.browser.body_text().await.unwrap_or_default();
        anyhow::ensure!(
            confirmed,
            "not confirmed at {at}, the page saying:\n{page}\nSynapse:\n{}",
            self.synapse.log_tail()
        );
        client.close_window().await?;
        client.switch_to_window(app_window).await?;
        Ok(())
    }

    /// Back in the app, signed in as `name` (new to the homeserver, which creates the
    /// account from what the provider says about them).
    async fn expect_signed_in(&self, name: &str) -> anyhow::Result<()> {
        if let Err(error) = self.browser.by_role("button", "Start chat").await {
            let at = self.browser.current_url().await.unwrap_or_default();
            let log = self.synapse.log_tail();
            anyhow::bail!("{error}\nat {at}\nSynapse's log:\n{log}");
        }
        let body = self.browser.body_text().await?;
        anyhow::ensure!(
            body.to_lowercase().contains(&format!("@{name}:localhost")),
            "not signed in as {name}:\n{body}"
        );
        Ok(())
    }

    /// Signs out, past the warning that keys are not backed up where it shows (a new
    /// account has no key backup yet).
    async fn sign_out(&self) -> anyhow::Result<()> {
        self.browser.click("button", "Sign out").await?;
        for _ in 0..200 {
            if let Some(anyway) = self
                .browser
                .try_by_role("button", "Sign out anyway")
                .await?
            {
                anyway.click().await?;
                return Ok(());
            }
            if self
                .browser
                .try_by_role("heading", "Sign in")
                .await?
                .is_some()
            {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        anyhow::bail!("still signed in: {}", self.browser.body_text().await?)
    }

    /// The attempt the tab is on now, as its way back names it in the homeserver's
    /// SSO redirect (seen in the browser's network log).
    async fn attempt_under_way(&self) -> anyhow::Result<String> {
        let redirect = self
            .browser
            .requests_seen()
            .await?
            .into_iter()
            .rev()
            .find(|r| r.url.contains("/login/sso/redirect"))
            .context("no SSO redirect requested")?;
        let back =
            query_value(&url::Url::parse(&redirect.url)?, "redirectUrl").context("no way back")?;
        query_value(&url::Url::parse(&back)?, "sso").context("no attempt in the way back")
    }

    async fn finish(self) -> anyhow::Result<()> {
        lattice_e2e::fixture::finish(&self.server, self.browser).await
    }
}

fn query_value(url: &url::Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// The icon drawn in the provider's button, from a `blob:` URL (fetched by the app
/// from the homeserver, so the page's CSP needs nothing more).
async fn wait_for_provider_icon(browser: &lattice_e2e::browser::Browser) -> anyhow::Result<()> {
    let drawn = "const img = document.querySelector('.lt-login__provider img');
        return !!img && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0;";
    for _ in 0..100 {
        if browser.execute(drawn).await? == serde_json::Value::Bool(true) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    anyhow::bail!("the provider's icon was not drawn")
}

fn fresh_name(prefix: &str) -> String {
    format!("{prefix}{:08x}", rand::random::<u32>())
}

#[tokio::test]
async fn signing_in_through_the_organisation_reaches_the_rooms_and_ends_like_any_other()
-> anyhow::Result<()> {
    let f = Fixture::start(None).await?;
    // The organisation's icon, set up as docs/deployment.md says: uploaded to the
    // homeserver, let out to people not signed in yet, and named in `idp_icon`.
    let admin = register_user(&f.synapse.url, &f.synapse.secret, "admin").await?;
    let icon = Peer::login(&f.synapse.url, &admin.localpart, &admin.password)
        .await?
        .upload(include_bytes!("fixtures/avatar.png"), "image/png")
        .await?;
    f.synapse.stop().await?;
    f.synapse.serve_before_sign_in(&icon).await?;
    let origin = &f.server.origin;
    f.synapse
        .reconfigure(
            &f.provider
                .synapse_config(origin, &format!("{origin}/"), Some(&icon)),
        )
        .await?;

    f.browser.goto(&f.login_url()).await?;
    // Both ways in that the server offers, the provider with its icon.
    f.browser.by_role("textbox", "Password").await?;
    wait_for_provider_icon(&f.browser).await?;
    f.browser
        .click("button", &format!("Sign in with {PROVIDER_NAME}"))
        .await?;
    let at_provider = f.browser.current_url().await?;
    anyhow::ensure!(
        at_provider.starts_with(&f.provider.issuer),
        "not at the provider: {at_provider}"
    );
    let name = fresh_name("jane");
    f.sign_in_at_provider(&name).await?;
    f.expect_signed_in(&name).await?;
    // The one-time token is gone from the address at once.
    let address = f.browser.current_url().await?;
    anyhow::ensure!(!address.contains("loginToken"), "token left in {address}");
    // The app's pages never sent a request to the provider: it was only ever a
    // place the whole tab went to.
    let app_requests = f.browser.requests_seen().await?;
    let to_provider: Vec<_> = app_requests
        .iter()
        .filter(|r| r.url.starts_with(&f.provider.issuer))
        .filter(|r| r.document_url.starts_with(&f.server.origin) && r.kind != "Document")
        .collect();
    anyhow::ensure!(
        to_provider.is_empty(),
        "requests from the app to the provider: {to_provider:#?}"
    );

    // Still signed in after a reload.
    f.browser.reload().await?;
    f.browser.by_role("button", "Start chat").await?;

    // Signing another device out: the account has no password, so the server asks
    // to confirm at the provider again, on its own page in a new window.
    add_device(
        &f.synapse.url,
        &f.synapse.secret,
        &format!("@{name}:localhost"),
        "OLDLAPTOP",
    )
    .await?;
    f.browser.click("link", "Security").await?;
    f.browser
        .click("button", "Sign out device OLDLAPTOP")
        .await?;
    f.browser.click("button", "Sign it out").await?;
    // Continuing before confirming changes nothing and says why.
    f.browser
        .click("button", "I have confirmed, continue")
        .await?;
    f.browser
        .wait_for_text("alert", "has not confirmed it is you yet")
        .await?;
    f.confirm_in_new_window(&name).await?;
    f.browser
        .click("button", "I have confirmed, continue")
        .await?;
    f.browser
        .wait_for_texts(".lt-devices__meta", "the old laptop gone", |t| {
            !t.is_empty() && !t.iter().any(|t| t.contains("OLDLAPTOP"))
        })
        .await?;
    // Resetting encryption is confirmed the same way, and ends with a new recovery key.
    // Continued before confirming, it waits for the confirmation under way.
    f.browser.click("button", "Reset encryption").await?;
    f.browser.click("button", "Reset encryption").await?;
    f.browser
        .click("button", "I have confirmed, continue")
        .await?;
    f.browser
        .wait_for_text("status", "Waiting for your organisation")
        .await?;
    f.confirm_in_new_window(&name).await?;
    f.browser
        .wait_for_texts(".lt-recovery-key__value", "a recovery key shown", |t| {
            t.iter().any(|k| !k.is_empty())
        })
        .await?;
    f.browser.goto(&f.server.origin).await?;
    f.browser.by_role("button", "Start chat").await?;

    // Signing out works as after a password sign-in.
    f.sign_out().await?;
    f.browser
        .by_role("button", &format!("Sign in with {PROVIDER_NAME}"))
        .await?;
    f.browser.reload().await?;
    f.browser.by_role("heading", "Sign in").await?;
    anyhow::ensure!(
        f.browser.current_url().await?.starts_with(&f.server.origin),
        "left the app after signing out"
    );
    f.finish().await
}

#[tokio::test]
async fn a_cancelled_sign_in_and_a_token_used_twice_are_explained() -> anyhow::Result<()> {
    let f = Fixture::start(None).await?;
    let button = format!("Sign in with {PROVIDER_NAME}");

    // Cancelled on the provider's page: the homeserver shows its error page; back in
    // the app, the login page says what happened.
    f.browser.goto(&f.login_url()).await?;
    f.browser.click("button", &button).await?;
    f.browser.click("link", "Cancel").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !f
        .browser
        .current_url()
        .await?
        .contains("/_synapse/client/oidc/callback")
    {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "no error page from Synapse"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    f.browser.goto(&f.login_url()).await?;
    f.browser.wait_for_text("alert", "did not finish").await?;

    // A real sign-in, whose token is then offered again in a later attempt of this
    // tab (brought back by the server twice, say): the server refuses it, in words.
    f.browser.click("button", &button).await?;
    let name = fresh_name("joe");
    f.sign_in_at_provider(&name).await?;
    f.expect_signed_in(&name).await?;
    let arrived = f
        .browser
        .execute("return performance.getEntriesByType('navigation')[0].name")
        .await?;
    let arrived = url::Url::parse(arrived.as_str().unwrap_or_default())?;
    let spent = query_value(&arrived, "loginToken").context("no token came back")?;
    f.sign_out().await?;
    f.forget_provider_session().await?;
    f.browser.requests_seen().await?;
    f.browser.click("button", &button).await?;
    f.browser.by_role("textbox", "Enter any login").await?;
    let attempt = f.attempt_under_way().await?;
    f.browser
        .goto(&format!(
            "{}?sso={attempt}&loginToken={spent}",
            f.login_url()
        ))
        .await?;
    f.browser
        .wait_for_text("alert", "expired or was already used")
        .await?;
    anyhow::ensure!(
        !f.browser.current_url().await?.contains("loginToken"),
        "the spent token stayed in the address"
    );

    // The address it first came back to, opened again (from history, or a link sent
    // by someone else): not this tab's attempt, so not used at all.
    f.browser.click("button", &button).await?;
    f.browser.by_role("textbox", "Enter any login").await?;
    f.browser.goto(arrived.as_str()).await?;
    f.browser.by_role("heading", "Sign in").await?;
    let body = f.browser.body_text().await?;
    anyhow::ensure!(
        !body.contains("already used") && !body.contains("Start chat"),
        "a token of another attempt was used:\n{body}"
    );
    f.finish().await
}

#[tokio::test]
async fn a_provider_that_is_down_is_explained_on_return() -> anyhow::Result<()> {
    let mut f = Fixture::start(None).await?;
    f.browser.goto(&f.login_url()).await?;
    f.browser
        .by_role("button", &format!("Sign in with {PROVIDER_NAME}"))
        .await?;
    f.provider.stop().await?;
    f.browser
        .click("button", &format!("Sign in with {PROVIDER_NAME}"))
        .await?;
    // The browser cannot open the provider's page; the person goes back.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while f.browser.current_url().await?.starts_with(&f.server.origin) {
        anyhow::ensure!(std::time::Instant::now() < deadline, "never left the app");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    f.browser.client.back().await?;
    f.browser
        .wait_for_text("alert", "could not be reached")
        .await?;
    f.finish().await
}

#[tokio::test]
async fn the_policy_can_hide_the_password_and_go_straight_to_the_provider() -> anyhow::Result<()> {
    let config = format!(r#"{{"password_login": false, "sso_provider": "{PROVIDER_ID}"}}"#);
    let f = Fixture::start(Some(&config)).await?;
    f.browser.goto(&f.login_url()).await?;
    // No page of ours to click through: straight to the provider's form.
    f.browser.by_role("textbox", "Enter any login").await?;
    anyhow::ensure!(
        f.browser
            .current_url()
            .await?
            .starts_with(&f.provider.issuer),
        "not sent to the provider"
    );
    let name = fresh_name("ann");
    f.sign_in_at_provider(&name).await?;
    f.expect_signed_in(&name).await?;
    f.browser.requests_seen().await?;
    f.sign_out().await?;
    // After signing out: the provider's button only, no password form, and the page
    // stays (it would send the person straight back into the account just left).
    f.browser
        .by_role("button", &format!("Sign in with {PROVIDER_NAME}"))
        .await?;
    // Watched for 2 s: a redirect would start as soon as the page has the server's
    // answer, which the button shows it has.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let bounced: Vec<_> = f
        .browser
        .requests_seen()
        .await?
        .into_iter()
        .filter(|r| r.kind == "Document" && !r.url.starts_with(&f.server.origin))
        .collect();
    anyhow::ensure!(
        bounced.is_empty(),
        "sent on after signing out: {bounced:#?}"
    );
    anyhow::ensure!(
        f.browser
            .try_by_role("textbox", "Password")
            .await?
            .is_none(),
        "the password form shows although the policy hides it"
    );
    f.finish().await
}

#[tokio::test]
async fn after_the_session_expires_signing_in_again_through_the_provider_keeps_the_device()
-> anyhow::Result<()> {
    // The whole session may last 25 s: then the server expires it (a soft logout).
    let f = Fixture::start_with(None, "\nsession_lifetime: 25s\n").await?;
    let button = format!("Sign in with {PROVIDER_NAME}");
    f.browser.goto(&f.login_url()).await?;
    f.browser.click("button", &button).await?;
    let name = fresh_name("kim");
    f.sign_in_at_provider(&name).await?;
    f.expect_signed_in(&name).await?;
    let device = f.browser.texts(".lt-account__device").await?.join(" ");

    f.browser.by_role("heading", "You were signed out").await?;
    // An account of the identity provider's has no password: the provider again.
    f.forget_provider_session().await?;
    f.browser.click("button", &button).await?;
    f.sign_in_at_provider(&name).await?;
    f.expect_signed_in(&name).await?;
    let again = f.browser.texts(".lt-account__device").await?.join(" ");
    anyhow::ensure!(
        again == device,
        "a new device ({again}) instead of {device}"
    );
    f.finish().await
}
