//! The deployment smoke test: the release build behind real nginx running
//! deploy/nginx/lattice.conf itself (same-origin mode, `/_matrix` proxied to Synapse),
//! as docs/deployment.md tells an administrator to set it up.

use lattice_e2e::Env;
use lattice_e2e::browser::{Browser, ENTER};
use lattice_e2e::peer::Peer;
use lattice_e2e::synapse::register_user;

/// nginx started by scripts/nginx.sh, stopped when dropped.
struct Nginx {
    dir: tempfile::TempDir,
    origin: String,
}

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/nginx.sh");

impl Nginx {
    fn start(env: &Env) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let synapse_port = url::Url::parse(&env.synapse_url)?
            .port()
            .ok_or_else(|| anyhow::anyhow!("Synapse URL without a port"))?;
        let output = std::process::Command::new(SCRIPT)
            .arg("start")
            .arg(dir.path())
            .arg(port.to_string())
            .arg(&env.dist)
            .arg(synapse_port.to_string())
            .output()?;
        anyhow::ensure!(
            output.status.success(),
            "nginx.sh start failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        Ok(Self {
            dir,
            origin: format!("http://127.0.0.1:{port}"),
        })
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = std::process::Command::new(SCRIPT)
            .arg("stop")
            .arg(self.dir.path())
            .status();
    }
}

#[tokio::test]
async fn signs_in_and_sends_through_nginx_with_the_shipped_config() -> anyhow::Result<()> {
    let env = Env::from_env()?;
    let nginx = Nginx::start(&env)?;

    // The headers the guide promises, on the page and on a hashed asset.
    let http = reqwest::Client::new();
    let page = http.get(format!("{}/", nginx.origin)).send().await?;
    let csp = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    anyhow::ensure!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && !csp.contains("unsafe-inline"),
        "CSP from nginx: {csp:?}"
    );
    let html = page.text().await?;
    let wasm = std::fs::read_dir(&env.dist)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|name| name.ends_with(".wasm"))
        .ok_or_else(|| anyhow::anyhow!("no .wasm in dist"))?;
    let asset = http
        .get(format!("{}/{wasm}", nginx.origin))
        .header("accept-encoding", "br")
        .send()
        .await?;
    let header = |name: &str| {
        asset
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    anyhow::ensure!(
        header("content-encoding") == "br",
        "wasm not served precompressed"
    );
    anyhow::ensure!(header("cache-control").contains("immutable"));
    anyhow::ensure!(html.contains("<html"), "index.html not served");

    let me = register_user(&env.synapse_url, &env.synapse_secret, "nginx").await?;
    let peer_user = register_user(&env.synapse_url, &env.synapse_secret, "nginx-peer").await?;
    let peer = Peer::login(&env.synapse_url, &peer_user.localpart, &peer_user.password).await?;
    let room_id = peer.create_room("Through nginx", &[&me.user_id]).await?;

    let browser = Browser::start(&env.webdriver_url).await?;
    browser.goto(&format!("{}/login", nginx.origin)).await?;
    browser.fill("User name", &me.localpart).await?;
    browser.fill("Password", &me.password).await?;
    browser.click("button", "Sign in").await?;
    browser.click("button", "Accept").await?;
    browser.click("link", "Through nginx").await?;
    let composer = browser.by_role("textbox", "Message to").await?;
    composer
        .send_keys(&format!("sent through nginx{ENTER}"))
        .await?;
    peer.wait_for_message(&room_id, "sent through nginx")
        .await?;
    browser.close().await?;
    Ok(())
}
