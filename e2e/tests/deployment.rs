//! The deployment tests: the release build behind real nginx running the files of
//! deploy/nginx/ themselves, in both modes docs/deployment.md describes: same origin
//! (Synapse's client API proxied) and the app on an origin of its own.

use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::peer::Peer;
use lattice_e2e::synapse::register_user;

/// nginx started by scripts/nginx.sh, stopped when dropped.
struct Nginx {
    dir: tempfile::TempDir,
    origin: String,
}

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/nginx.sh");

impl Nginx {
    /// Same-origin mode: deploy/nginx/lattice.conf, Synapse proxied.
    fn start(env: &Env) -> anyhow::Result<Self> {
        Self::start_site(env, "lattice", None)
    }

    /// `site` is a file of deploy/nginx/ (without .conf); `config_json`, if given, is
    /// served as /config.json and shapes the CSP.
    fn start_site(env: &Env, site: &str, config_json: Option<&str>) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let synapse_port = url::Url::parse(&env.synapse_url)?
            .port()
            .ok_or_else(|| anyhow::anyhow!("Synapse URL without a port"))?;
        let mut command = std::process::Command::new(SCRIPT);
        command
            .env("LATTICE_NGINX_SITE", site)
            .arg("start")
            .arg(dir.path())
            .arg(port.to_string())
            .arg(&env.dist)
            .arg(synapse_port.to_string());
        if let Some(json) = config_json {
            let path = dir.path().join("config.json");
            std::fs::write(&path, json)?;
            command.arg(path);
        }
        let output = command.output()?;
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

    signs_in_and_sends(&env, &nginx.origin, "nginx", "sent through nginx").await
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ")
}

#[tokio::test]
async fn what_is_proxied_from_synapse_cannot_run_script_as_the_app() -> anyhow::Result<()> {
    let env = Env::from_env()?;
    let nginx = Nginx::start(&env)?;
    let http = reqwest::Client::new();

    // Someone uploads a web page as a file: fetched through the app's origin, it comes
    // sandboxed (an opaque origin, no script) and is never sniffed into something else.
    let user = register_user(&env.synapse_url, &env.synapse_secret, "sandbox").await?;
    let peer = Peer::login(&env.synapse_url, &user.localpart, &user.password).await?;
    let page = b"<html><title>inert</title><script>document.title='ran'</script></html>";
    let mxc = peer.upload(page, "text/html").await?;
    let media_path = mxc.trim_start_matches("mxc://");
    for url in [
        format!(
            "{}/_matrix/client/v1/media/download/{media_path}",
            nginx.origin
        ),
        format!("{}/_matrix/client/versions", nginx.origin),
    ] {
        let response = http
            .get(&url)
            .bearer_auth(peer.access_token())
            .send()
            .await?;
        let csp = header(&response, "content-security-policy");
        anyhow::ensure!(
            response.status().is_success() && csp.contains("sandbox"),
            "{url}: {} with CSP {csp:?}",
            response.status()
        );
        anyhow::ensure!(header(&response, "x-content-type-options") == "nosniff");
    }

    // Only the client's paths reach Synapse: federation and Synapse's welcome page are
    // not proxied, so the app's own page answers there (the route fallback).
    for path in [
        "/_matrix/federation/v1/version",
        "/_matrix/key/v2/server",
        "/_matrix/static/",
    ] {
        let body = http
            .get(format!("{}{path}", nginx.origin))
            .send()
            .await?
            .text()
            .await?;
        anyhow::ensure!(
            body.contains("<html") && body.to_lowercase().contains("lattice"),
            "{path} reached Synapse: {body}"
        );
    }

    // A page of Synapse's own, opened in the browser through the app's origin, runs in
    // an origin of its own: it cannot open the app's storage.
    let browser = Browser::start(&env.webdriver_url).await?;
    browser
        .goto(&format!("{}/_synapse/client/no-such-page", nginx.origin))
        .await?;
    let origin = browser.execute("return window.origin").await?;
    anyhow::ensure!(origin == "null", "Synapse's page ran as {origin}");
    let storage = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             try { indexedDB.databases().then(() => done('readable'), e => done(e.name)) } \
             catch (e) { done(e.name) }",
            vec![],
        )
        .await?;
    anyhow::ensure!(
        storage == "SecurityError",
        "the app's storage from Synapse's page: {storage}"
    );
    browser.close().await?;
    Ok(())
}

#[tokio::test]
async fn signs_in_and_sends_with_the_app_on_its_own_origin() -> anyhow::Result<()> {
    let env = Env::from_env()?;
    // Synapse answers on its own origin; the app's config.json points there.
    let config = format!(r#"{{"default_homeserver": "{}"}}"#, env.synapse_url);
    let nginx = Nginx::start_site(&env, "lattice-subdomain", Some(&config))?;
    let page = reqwest::get(format!("{}/", nginx.origin)).await?;
    let csp = header(&page, "content-security-policy");
    anyhow::ensure!(
        csp.contains(&env.synapse_url),
        "homeserver missing from the CSP: {csp}"
    );

    signs_in_and_sends(&env, &nginx.origin, "subdomain", "sent from another origin").await
}

/// A new user, invited by a peer, signs in to the app at `origin`, accepts, and sends
/// `text`, which the peer receives.
async fn signs_in_and_sends(
    env: &Env,
    origin: &str,
    prefix: &str,
    text: &str,
) -> anyhow::Result<()> {
    let me = register_user(&env.synapse_url, &env.synapse_secret, prefix).await?;
    let peer_user = register_user(
        &env.synapse_url,
        &env.synapse_secret,
        &format!("{prefix}-peer"),
    )
    .await?;
    let peer = Peer::login(&env.synapse_url, &peer_user.localpart, &peer_user.password).await?;
    let room_id = peer.create_room("Deployed", &[&me.user_id]).await?;

    let browser = Browser::start(&env.webdriver_url).await?;
    browser.goto(&format!("{origin}/login")).await?;
    browser.fill("User name", &me.localpart).await?;
    browser.fill("Password", &me.password).await?;
    browser.click("button", "Sign in").await?;
    browser.click("button", "Accept").await?;
    browser.click("link", "Deployed").await?;
    browser.send_message(text).await?;
    peer.wait_for_message(&room_id, text).await?;
    browser.close().await?;
    Ok(())
}
