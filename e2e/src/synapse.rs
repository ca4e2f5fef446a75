//! Users on the test Synapse, created through its shared-secret admin API.

use hmac::{Hmac, Mac};
use serde_json::json;
use sha1::Sha1;

pub struct TestUser {
    pub localpart: String,
    pub user_id: String,
    pub password: String,
}

/// A fresh user with a random name, so tests never see each other's state.
pub async fn register_user(
    synapse_url: &str,
    secret: &str,
    prefix: &str,
) -> anyhow::Result<TestUser> {
    let localpart = format!("{prefix}-{:08x}", rand::random::<u32>());
    let password = format!("pw-{:016x}", rand::random::<u64>());
    register(synapse_url, secret, &localpart, &password).await
}

pub async fn register(
    synapse_url: &str,
    secret: &str,
    localpart: &str,
    password: &str,
) -> anyhow::Result<TestUser> {
    let (user, _) = register_with(synapse_url, secret, localpart, password, false).await?;
    Ok(user)
}

/// A new device of `user_id`'s, made by an administrator through Synapse's admin API,
/// as if they had signed in somewhere else (it holds no keys and no token).
pub async fn add_device(
    synapse_url: &str,
    secret: &str,
    user_id: &str,
    device_id: &str,
) -> anyhow::Result<()> {
    let localpart = format!("admin-{:08x}", rand::random::<u32>());
    let password = format!("pw-{:016x}", rand::random::<u64>());
    let (_, token) = register_with(synapse_url, secret, &localpart, &password, true).await?;
    reqwest::Client::new()
        .post(format!(
            "{synapse_url}/_synapse/admin/v2/users/{}/devices",
            url::form_urlencoded::byte_serialize(user_id.as_bytes()).collect::<String>()
        ))
        .bearer_auth(token)
        .json(&json!({ "device_id": device_id }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Registers through the shared secret; the user and their access token.
async fn register_with(
    synapse_url: &str,
    secret: &str,
    localpart: &str,
    password: &str,
    admin: bool,
) -> anyhow::Result<(TestUser, String)> {
    let http = reqwest::Client::new();
    let endpoint = format!("{synapse_url}/_synapse/admin/v1/register");
    let nonce: serde_json::Value = http
        .get(&endpoint)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let nonce = nonce["nonce"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no nonce"))?
        .to_owned();
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes())?;
    let role = if admin { "admin" } else { "notadmin" };
    mac.update(format!("{nonce}\0{localpart}\0{password}\0{role}").as_bytes());
    let mac = hex::encode(mac.finalize().into_bytes());
    let body = json!({ "nonce": nonce, "username": localpart, "password": password, "admin": admin, "mac": mac });
    let response: serde_json::Value = http
        .post(&endpoint)
        .json(&body)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let user_id = response["user_id"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no user_id"))?
        .to_owned();
    let token = response["access_token"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no access_token"))?
        .to_owned();
    let user = TestUser {
        localpart: localpart.to_owned(),
        user_id,
        password: password.to_owned(),
    };
    Ok((user, token))
}

/// Whether Synapse still accepts an access token (`/whoami`).
pub async fn token_is_valid(synapse_url: &str, token: &str) -> anyhow::Result<bool> {
    let response = reqwest::Client::new()
        .get(format!("{synapse_url}/_matrix/client/v3/account/whoami"))
        .bearer_auth(token)
        .send()
        .await?;
    Ok(response.status().is_success())
}

/// A Synapse of a test's own, for a test that stops and restarts the homeserver while
/// the others keep the shared one. Started by scripts/synapse.sh, like the shared one.
pub struct OwnSynapse {
    dir: tempfile::TempDir,
    port: u16,
    pub url: String,
    pub secret: String,
    /// The name in its users' and rooms' IDs.
    pub server_name: String,
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

impl OwnSynapse {
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with("").await
    }

    /// A Synapse whose homeserver.yaml has `extra_config` (YAML) at its end.
    pub async fn start_with(extra_config: &str) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let port = free_port()?;
        Self::start_in(dir, port, extra_config).await
    }

    /// A homeserver of its own organisation, federating with any other on loopback:
    /// the server name `localhost:<port>` of its TLS federation listener (a
    /// self-signed certificate; certificates are not checked between these servers),
    /// and the client API on another port, as `url`.
    pub async fn start_federating() -> anyhow::Result<Self> {
        Self::start_federating_with("").await
    }

    /// A federating homeserver whose homeserver.yaml has `extra_config` at its end.
    pub async fn start_federating_with(extra_config: &str) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let port = free_port()?;
        let federation_port = free_port()?;
        let (cert, key) = (dir.path().join("tls.crt"), dir.path().join("tls.key"));
        let openssl = tokio::process::Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            ])
            .args(["-subj", "/CN=localhost", "-keyout"])
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .output()
            .await?;
        anyhow::ensure!(
            openssl.status.success(),
            "openssl: {}",
            String::from_utf8_lossy(&openssl.stderr)
        );
        // Later keys replace the script's own (the one without federation).
        let extra = format!(
            r#"
server_name: "localhost:{federation_port}"
listeners:
  - port: {port}
    bind_addresses: ["127.0.0.1"]
    type: http
    x_forwarded: true
    resources: [{{names: [client], compress: false}}]
  - port: {federation_port}
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: true
    resources: [{{names: [federation], compress: false}}]
tls_certificate_path: "{cert}"
tls_private_key_path: "{key}"
federation_verify_certificates: false
federation_domain_whitelist: null
# The other organisation's server is on this machine too.
ip_range_whitelist: ["127.0.0.0/8"]
rc_federation: {{window_size: 1000, sleep_limit: 1000, sleep_delay: 0, reject_limit: 1000, concurrent: 100}}
# A server that was down is tried again within seconds, not Synapse's 10 minutes.
federation:
  destination_min_retry_interval: 1s
  destination_retry_multiplier: 1
  destination_max_retry_interval: 2s
"#,
            cert = cert.display(),
            key = key.display(),
        );
        let mut synapse = Self::start_in(dir, port, &(extra + extra_config)).await?;
        synapse.server_name = format!("localhost:{federation_port}");
        Ok(synapse)
    }

    async fn start_in(
        dir: tempfile::TempDir,
        port: u16,
        extra_config: &str,
    ) -> anyhow::Result<Self> {
        synapse_script("start", dir.path(), port, extra_config).await?;
        // Made at once, so that dropping it stops the process if what follows fails.
        let mut synapse = Self {
            dir,
            port,
            url: format!("http://127.0.0.1:{port}"),
            secret: String::new(),
            server_name: "localhost".to_owned(),
        };
        let config = std::fs::read_to_string(synapse.dir.path().join("homeserver.yaml"))?;
        synapse.secret = config
            .lines()
            .find_map(|l| l.strip_prefix("registration_shared_secret: "))
            .map(|s| s.trim_matches('"').to_owned())
            .ok_or_else(|| anyhow::anyhow!("no registration_shared_secret"))?;
        Ok(synapse)
    }

    /// The end of its log (warnings and errors), to say what went wrong in a test.
    pub fn log_tail(&self) -> String {
        let log =
            std::fs::read_to_string(self.dir.path().join("homeserver.log")).unwrap_or_default();
        let start = log.len().saturating_sub(4000);
        log.get(start..).unwrap_or_default().to_owned()
    }

    /// Stops the process and waits until it is gone; the database stays.
    pub async fn stop(&self) -> anyhow::Result<()> {
        synapse_script("stop", self.dir.path(), self.port, "").await
    }

    /// Changes its configuration as an administrator would, and restarts it: `yaml`
    /// goes into local.yaml, read after homeserver.yaml (its keys win).
    pub async fn reconfigure(&self, yaml: &str) -> anyhow::Result<()> {
        self.stop().await?;
        std::fs::write(self.dir.path().join("local.yaml"), yaml)?;
        self.restart().await
    }

    /// Lets its media `mxc` be fetched by people not signed in (Synapse marks what is
    /// uploaded with authenticated media on as for signed-in people only), as
    /// docs/deployment.md tells an administrator to do for an identity provider's icon.
    /// Takes effect at the next start.
    pub async fn serve_before_sign_in(&self, mxc: &str) -> anyhow::Result<()> {
        let media_id = mxc
            .rsplit('/')
            .next()
            .ok_or_else(|| anyhow::anyhow!("not an mxc URI: {mxc}"))?;
        let output = tokio::process::Command::new("python3")
            .arg("-c")
            .arg(
                "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); \
                 n = db.execute('UPDATE local_media_repository SET authenticated = FALSE \
                 WHERE media_id = ?', (sys.argv[2],)).rowcount; db.commit(); sys.exit(n != 1)",
            )
            .arg(self.dir.path().join("homeserver.db"))
            .arg(media_id)
            .output()
            .await?;
        anyhow::ensure!(
            output.status.success(),
            "could not mark {mxc}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        Ok(())
    }

    /// Starts it again on the same port and database.
    pub async fn restart(&self) -> anyhow::Result<()> {
        synapse_script("start", self.dir.path(), self.port, "").await
    }
}

const SYNAPSE_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/synapse.sh");
/// What every test server has (as scripts/services.sh gives the shared one): the tests
/// register and sign in hundreds of times, and each password hash at Synapse's
/// default cost takes ~0.3–0.45 s of CPU on this kind of host.
const TEST_SERVER_CONFIG: &str = "bcrypt_rounds: 4\n";

/// `extra_config` is appended to homeserver.yaml when the script first writes it.
async fn synapse_script(
    command: &str,
    dir: &std::path::Path,
    port: u16,
    extra_config: &str,
) -> anyhow::Result<()> {
    let output = tokio::process::Command::new(SYNAPSE_SCRIPT)
        .env(
            "LATTICE_SYNAPSE_EXTRA_CONFIG",
            format!("{TEST_SERVER_CONFIG}{extra_config}"),
        )
        .arg(command)
        .arg(dir)
        .arg(port.to_string())
        .output()
        .await?;
    anyhow::ensure!(
        output.status.success(),
        "synapse.sh {command} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(())
}

impl Drop for OwnSynapse {
    fn drop(&mut self) {
        let _ = std::process::Command::new(SYNAPSE_SCRIPT)
            .arg("stop")
            .arg(self.dir.path())
            .status();
    }
}
