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
