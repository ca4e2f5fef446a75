//! A real OpenID Connect provider for the single sign-on tests: the npm `oidc-provider`
//! run by scripts/oidc_provider.mjs on a free loopback port, and the Synapse
//! configuration that delegates sign-in to it.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::browser::Browser;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/oidc_provider.mjs");
/// Synapse prefixes the `idp_id` below with `oidc-`.
pub const PROVIDER_ID: &str = "oidc-lattice-test";
pub const PROVIDER_NAME: &str = "Test Organisation";

pub struct OidcProvider {
    pub issuer: String,
    secret: String,
    port: u16,
    redirect_uri: String,
    child: Option<Child>,
}

impl OidcProvider {
    /// Starts the provider for a homeserver whose public base URL is `homeserver`.
    pub async fn start(homeserver: &str) -> anyhow::Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let mut provider = Self {
            issuer: format!("http://127.0.0.1:{port}"),
            secret: format!("{:032x}", rand::random::<u128>()),
            port,
            redirect_uri: format!(
                "{}/_synapse/client/oidc/callback",
                homeserver.trim_end_matches('/')
            ),
            child: None,
        };
        provider.run().await?;
        Ok(provider)
    }

    async fn run(&mut self) -> anyhow::Result<()> {
        let mut child = Command::new("node")
            .arg(SCRIPT)
            .arg(self.port.to_string())
            .arg(&self.secret)
            .arg(&self.redirect_uri)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await? {
                if line.trim() == "ready" {
                    return Ok(());
                }
            }
            anyhow::bail!("the OIDC provider exited before it was ready")
        })
        .await;
        ready.map_err(|_| anyhow::anyhow!("the OIDC provider was not ready within 30 s"))??;
        // Keep reading: with its output closed, the provider's next write would fail
        // and end it.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        self.child = Some(child);
        Ok(())
    }

    /// Takes the provider down, as when the organisation's sign-in service fails.
    pub async fn stop(&mut self) -> anyhow::Result<()> {
        if let Some(mut child) = self.child.take() {
            child.kill().await?;
        }
        Ok(())
    }

    /// Synapse configuration (YAML, appended to homeserver.yaml) delegating sign-in to
    /// this provider, for a homeserver reached at `public_baseurl` (the app's origin,
    /// which proxies it) and a client at `client_url`; `icon` is the provider's
    /// `idp_icon`.
    pub fn synapse_config(
        &self,
        public_baseurl: &str,
        client_url: &str,
        icon: Option<&str>,
    ) -> String {
        let icon = icon.map_or(String::new(), |mxc| format!("\n    idp_icon: \"{mxc}\""));
        format!(
            r#"
# Overrides the homeserver's own address above: people reach it through the app's origin.
public_baseurl: "{public_baseurl}/"
oidc_providers:
  - idp_id: lattice-test
    idp_name: "{PROVIDER_NAME}"{icon}
    issuer: "{issuer}"
    client_id: synapse
    client_secret: "{secret}"
    scopes: ["openid", "profile"]
    # A plain-http issuer on loopback; the ID token carries only `sub`.
    skip_verification: true
    user_profile_method: userinfo_endpoint
    user_mapping_provider:
      config:
        localpart_template: "{{{{ user.preferred_username }}}}"
        display_name_template: "{{{{ user.name }}}}"
sso:
  client_whitelist: ["{client_url}"]
"#,
            issuer = self.issuer,
            secret = self.secret,
        )
    }
}

/// On the provider's own pages: its login form (any name, any password), then its
/// consent page. The name becomes the person's user name on the homeserver.
pub async fn sign_in_at_provider(browser: &Browser, name: &str) -> anyhow::Result<()> {
    browser.fill("Enter any login", name).await?;
    browser.fill("and password", "correct horse").await?;
    browser.click("button", "Sign-in").await?;
    browser.click("button", "Continue").await?;
    Ok(())
}
