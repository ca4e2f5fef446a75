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
    mac.update(format!("{nonce}\0{localpart}\0{password}\0notadmin").as_bytes());
    let mac = hex::encode(mac.finalize().into_bytes());
    let body = json!({ "nonce": nonce, "username": localpart, "password": password, "admin": false, "mac": mac });
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
    Ok(TestUser {
        localpart: localpart.to_owned(),
        user_id,
        password: password.to_owned(),
    })
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
}

impl OwnSynapse {
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with("").await
    }

    /// A Synapse whose homeserver.yaml has `extra_config` (YAML) at its end.
    pub async fn start_with(extra_config: &str) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        synapse_script("start", dir.path(), port, extra_config).await?;
        let config = std::fs::read_to_string(dir.path().join("homeserver.yaml"))?;
        let secret = config
            .lines()
            .find_map(|l| l.strip_prefix("registration_shared_secret: "))
            .map(|s| s.trim_matches('"').to_owned())
            .ok_or_else(|| anyhow::anyhow!("no registration_shared_secret"))?;
        Ok(Self {
            dir,
            port,
            url: format!("http://127.0.0.1:{port}"),
            secret,
        })
    }

    /// Stops the process and waits until it is gone; the database stays.
    pub async fn stop(&self) -> anyhow::Result<()> {
        synapse_script("stop", self.dir.path(), self.port, "").await
    }

    /// Starts it again on the same port and database.
    pub async fn restart(&self) -> anyhow::Result<()> {
        synapse_script("start", self.dir.path(), self.port, "").await
    }
}

const SYNAPSE_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/synapse.sh");

/// `extra_config` is appended to homeserver.yaml when the script first writes it.
async fn synapse_script(
    command: &str,
    dir: &std::path::Path,
    port: u16,
    extra_config: &str,
) -> anyhow::Result<()> {
    let output = tokio::process::Command::new(SYNAPSE_SCRIPT)
        .env("LATTICE_SYNAPSE_EXTRA_CONFIG", extra_config)
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
