//! The other person in the conversation: a second, independent Matrix client speaking
//! the client-server API over HTTP to the same Synapse. It also serves as a second
//! session of our own user, to check what other devices see.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use serde_json::{Value, json};

pub struct Peer {
    http: reqwest::Client,
    synapse_url: String,
    base: String,
    token: String,
    pub user_id: String,
    syncs: AtomicU32,
}

const WAIT: Duration = Duration::from_secs(30);

impl Peer {
    /// Signs in with a password, as a new device.
    pub async fn login(synapse_url: &str, user: &str, password: &str) -> anyhow::Result<Self> {
        let http = reqwest::Client::new();
        let response: Value = http
            .post(format!("{synapse_url}/_matrix/client/v3/login"))
            .json(&json!({
                "type": "m.login.password",
                "identifier": { "type": "m.id.user", "user": user },
                "password": password,
            }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(Self {
            http,
            syncs: AtomicU32::new(0),
            synapse_url: synapse_url.to_owned(),
            base: format!("{synapse_url}/_matrix/client/v3"),
            token: response["access_token"]
                .as_str()
                .context("no token")?
                .to_owned(),
            user_id: response["user_id"]
                .as_str()
                .context("no user_id")?
                .to_owned(),
        })
    }

    /// The application service's own user on the run's Synapse (scripts/services.sh),
    /// which alone may choose its events' timestamps (`send_text_dated`).
    pub async fn appservice(synapse_url: &str, as_token: &str) -> anyhow::Result<Self> {
        let mut peer = Self {
            http: reqwest::Client::new(),
            syncs: AtomicU32::new(0),
            synapse_url: synapse_url.to_owned(),
            base: format!("{synapse_url}/_matrix/client/v3"),
            token: as_token.to_owned(),
            user_id: String::new(),
        };
        let whoami = peer
            .call(reqwest::Method::GET, "/account/whoami", None)
            .await?;
        peer.user_id = whoami["user_id"].as_str().context("no user_id")?.to_owned();
        Ok(peer)
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> anyhow::Result<Value> {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await?;
        let status = response.status();
        let value: Value = response.json().await.unwrap_or(Value::Null);
        anyhow::ensure!(status.is_success(), "{path}: {status} {value}");
        Ok(value)
    }

    /// Deletes one of this user's devices, confirming with the password as the
    /// server asks (user-interactive auth): its token stops working at once.
    pub async fn delete_device(&self, device_id: &str, password: &str) -> anyhow::Result<()> {
        let url = format!("{}/devices/{}", self.base, encode(device_id));
        let first: Value = self
            .http
            .delete(&url)
            .bearer_auth(&self.token)
            .json(&json!({}))
            .send()
            .await?
            .json()
            .await?;
        let session = first["session"].as_str().context("no auth session")?;
        let auth = json!({ "auth": {
            "type": "m.login.password",
            "identifier": { "type": "m.id.user", "user": self.user_id },
            "password": password,
            "session": session,
        }});
        self.http
            .delete(&url)
            .bearer_auth(&self.token)
            .json(&auth)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn set_display_name(&self, name: &str) -> anyhow::Result<()> {
        let path = format!("/profile/{}/displayname", encode(&self.user_id));
        self.call(
            reqwest::Method::PUT,
            &path,
            Some(json!({ "displayname": name })),
        )
        .await
        .map(|_| ())
    }

    /// Creates an unencrypted room (this peer has no end-to-end encryption) and
    /// invites `invite`.
    pub async fn create_room(&self, name: &str, invite: &[&str]) -> anyhow::Result<String> {
        self.create(json!({ "name": name, "preset": "private_chat", "invite": invite }))
            .await
    }

    /// Creates a public room that anyone can join, with the address
    /// `#<alias_localpart>:<this peer's server>`.
    pub async fn create_public_room(
        &self,
        name: &str,
        alias_localpart: &str,
    ) -> anyhow::Result<String> {
        self.create(
            json!({ "name": name, "preset": "public_chat", "room_alias_name": alias_localpart }),
        )
        .await
    }

    /// `POST /createRoom` with `body`; the new room's ID.
    async fn create(&self, body: Value) -> anyhow::Result<String> {
        let response = self
            .call(reqwest::Method::POST, "/createRoom", Some(body))
            .await?;
        Ok(response["room_id"]
            .as_str()
            .context("no room_id")?
            .to_owned())
    }

    /// Uploads `png` and makes it the room's avatar.
    pub async fn set_room_avatar(&self, room_id: &str, png: &[u8]) -> anyhow::Result<()> {
        let url = self.upload(png, "image/png").await?;
        let path = format!("/rooms/{}/state/m.room.avatar/", encode(room_id));
        self.call(reqwest::Method::PUT, &path, Some(json!({ "url": url })))
            .await
            .map(|_| ())
    }

    pub async fn invite(&self, room_id: &str, user_id: &str) -> anyhow::Result<()> {
        let path = format!("/rooms/{}/invite", encode(room_id));
        let body = json!({ "user_id": user_id });
        self.call(reqwest::Method::POST, &path, Some(body))
            .await
            .map(drop)
    }

    pub async fn join(&self, room_id: &str) -> anyhow::Result<()> {
        let path = format!("/join/{}", encode(room_id));
        self.call(reqwest::Method::POST, &path, Some(json!({})))
            .await
            .map(|_| ())
    }

    pub async fn send_text(&self, room_id: &str, body: &str) -> anyhow::Result<String> {
        self.send_event(
            room_id,
            "m.room.message",
            json!({ "msgtype": "m.text", "body": body }),
        )
        .await
    }

    /// Sends a text message dated `origin_server_ts` (milliseconds since 1970). Only an
    /// application service may (`Peer::appservice`); Synapse dates everyone else's.
    pub async fn send_text_dated(
        &self,
        room_id: &str,
        body: &str,
        origin_server_ts: u64,
    ) -> anyhow::Result<String> {
        let content = json!({ "msgtype": "m.text", "body": body });
        let query = format!("?ts={origin_server_ts}");
        self.send_event_with(room_id, "m.room.message", content, &query)
            .await
    }

    /// Sends message content as raw JSON text, which can hold what a `Value` cannot (a
    /// lone UTF-16 surrogate escape); returns the server's status.
    pub async fn send_raw(&self, room_id: &str, json_text: &str) -> anyhow::Result<u16> {
        let txn = format!("peer-{:016x}", rand::random::<u64>());
        let path = format!("/rooms/{}/send/m.room.message/{txn}", encode(room_id));
        let response = self
            .http
            .put(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(json_text.to_owned())
            .send()
            .await?;
        Ok(response.status().as_u16())
    }

    /// Sends any message-like event with the content as given: what another client
    /// (or a hostile one) could send.
    pub async fn send_event(
        &self,
        room_id: &str,
        event_type: &str,
        content: Value,
    ) -> anyhow::Result<String> {
        self.send_event_with(room_id, event_type, content, "").await
    }

    /// `send_event` with a query string (`?ts=` for an application service).
    async fn send_event_with(
        &self,
        room_id: &str,
        event_type: &str,
        content: Value,
        query: &str,
    ) -> anyhow::Result<String> {
        let txn = format!("peer-{:016x}", rand::random::<u64>());
        let path = format!("/rooms/{}/send/{event_type}/{txn}{query}", encode(room_id));
        let response = self
            .call(reqwest::Method::PUT, &path, Some(content))
            .await?;
        Ok(response["event_id"]
            .as_str()
            .context("no event_id")?
            .to_owned())
    }

    /// The access token, for requests a test makes itself (e.g. through another proxy).
    pub fn access_token(&self) -> &str {
        &self.token
    }

    /// Uploads `bytes` to the media repository; returns the `mxc://` URI.
    pub async fn upload(&self, bytes: &[u8], content_type: &str) -> anyhow::Result<String> {
        let uploaded: Value = self
            .http
            .post(format!("{}/_matrix/media/v3/upload", self.synapse_url))
            .bearer_auth(&self.token)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(bytes.to_vec())
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(uploaded["content_uri"]
            .as_str()
            .context("no content_uri")?
            .to_owned())
    }

    /// Someone's profile as the server shows it to others: `displayname`, `avatar_url`.
    pub async fn profile_of(&self, user_id: &str) -> anyhow::Result<Value> {
        let path = format!("/profile/{}", encode(user_id));
        self.call(reqwest::Method::GET, &path, None).await
    }

    /// Downloads an `mxc://` file through authenticated media.
    pub async fn download(&self, mxc: &str) -> anyhow::Result<Vec<u8>> {
        let path = mxc.strip_prefix("mxc://").context("not an mxc:// URI")?;
        let bytes = self
            .http
            .get(format!(
                "{}/_matrix/client/v1/media/download/{path}",
                self.synapse_url
            ))
            .bearer_auth(&self.token)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok(bytes.to_vec())
    }

    /// The room's events, oldest first (up to the last 1,000).
    pub async fn events(&self, room_id: &str) -> anyhow::Result<Vec<Value>> {
        let path = format!("/rooms/{}/messages?dir=b&limit=1000", encode(room_id));
        let response = self.call(reqwest::Method::GET, &path, None).await?;
        let mut events: Vec<Value> = response["chunk"].as_array().cloned().unwrap_or_default();
        events.reverse();
        Ok(events)
    }

    /// Waits for an event from `sender` for which `check` holds, and returns it.
    pub async fn wait_for_event(
        &self,
        room_id: &str,
        sender: &str,
        what: &str,
        check: impl Fn(&Value) -> bool,
    ) -> anyhow::Result<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            let events = self.events(room_id).await?;
            if let Some(event) = events
                .into_iter()
                .rev()
                .find(|e| e["sender"] == sender && check(e))
            {
                return Ok(event);
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "{what}: never reached {}",
                self.user_id
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Message bodies in the room, oldest first (up to the last 1,000).
    pub async fn message_bodies(&self, room_id: &str) -> anyhow::Result<Vec<String>> {
        let path = format!("/rooms/{}/messages?dir=b&limit=1000", encode(room_id));
        let response = self.call(reqwest::Method::GET, &path, None).await?;
        let mut bodies: Vec<String> = response["chunk"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|event| event["type"] == "m.room.message")
            .filter_map(|event| event["content"]["body"].as_str().map(str::to_owned))
            .collect();
        bodies.reverse();
        Ok(bodies)
    }

    /// How many events of `event_type` `sender` has in the room (up to the last 1,000),
    /// whatever their content: encrypted ones count too.
    pub async fn count_events(
        &self,
        room_id: &str,
        sender: &str,
        event_type: &str,
    ) -> anyhow::Result<usize> {
        let path = format!("/rooms/{}/messages?dir=b&limit=1000", encode(room_id));
        let response = self.call(reqwest::Method::GET, &path, None).await?;
        Ok(response["chunk"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|event| event["type"] == event_type && event["sender"] == sender)
            .count())
    }

    /// Waits until a message with exactly `body` is in the room.
    pub async fn wait_for_message(&self, room_id: &str, body: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            if self
                .message_bodies(room_id)
                .await?
                .iter()
                .any(|b| b == body)
            {
                return Ok(());
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "{body:?} never reached {}",
                self.user_id
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A sync filter for `room_id` alone. Synapse caches identical sync requests for
    /// two minutes, so each filter differs (its timeline limit), as in `sync_once`.
    fn room_filter(&self, room_id: &str) -> String {
        let limit = 20 + self.syncs.fetch_add(1, Ordering::Relaxed) % 1000;
        json!({
            "room": { "rooms": [room_id], "timeline": { "limit": limit } },
            "presence": { "not_types": ["*"] },
            "account_data": { "not_types": ["*"] },
        })
        .to_string()
    }

    /// Where this user's sync of `room_id` stands now: the `since` from which
    /// `wait_for_message_synced` sees what comes next.
    pub async fn sync_position(&self, room_id: &str) -> anyhow::Result<String> {
        let filter = encode(&self.room_filter(room_id));
        let path = format!("/sync?timeout=0&filter={filter}");
        let response = self.call(reqwest::Method::GET, &path, None).await?;
        Ok(response["next_batch"]
            .as_str()
            .context("no next_batch")?
            .to_owned())
    }

    /// Long-polls `/sync` from `since`, as a syncing client does, until a message with
    /// `body` arrives in `room_id`: it is seen as soon as the server hands it out.
    pub async fn wait_for_message_synced(
        &self,
        since: &str,
        room_id: &str,
        body: &str,
    ) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        let filter = encode(&self.room_filter(room_id));
        let mut since = since.to_owned();
        loop {
            anyhow::ensure!(
                Instant::now() < deadline,
                "{body:?} never reached {}",
                self.user_id
            );
            let path = format!(
                "/sync?timeout=10000&since={}&filter={filter}",
                encode(&since)
            );
            let response = self.call(reqwest::Method::GET, &path, None).await?;
            let arrived = response["rooms"]["join"][room_id]["timeline"]["events"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|event| event["type"] == "m.room.message" && event["content"]["body"] == body);
            if arrived {
                return Ok(());
            }
            since = response["next_batch"]
                .as_str()
                .context("no next_batch")?
                .to_owned();
        }
    }

    /// One `/sync` without waiting: the raw response.
    /// Synapse caches identical sync requests for two minutes, so each one asks for a
    /// different (inline) filter.
    pub async fn sync_once(&self) -> anyhow::Result<Value> {
        let limit = 1 + self.syncs.fetch_add(1, Ordering::Relaxed) % 1000;
        let filter = json!({ "room": { "timeline": { "limit": limit } } }).to_string();
        let path = format!("/sync?timeout=0&filter={}", encode(&filter));
        self.call(reqwest::Method::GET, &path, None).await
    }

    /// Waits until this user is invited to `room_id`.
    pub async fn wait_for_invite(&self, room_id: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let sync = self.sync_once().await?;
            if sync["rooms"]["invite"].get(room_id).is_some() {
                return Ok(());
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "no invite to {room_id} for {}",
                self.user_id
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// Says this user is typing in `room_id` (or stopped).
    pub async fn set_typing(&self, room_id: &str, typing: bool) -> anyhow::Result<()> {
        let path = format!(
            "/rooms/{}/typing/{}",
            encode(room_id),
            encode(&self.user_id)
        );
        let body = json!({ "typing": typing, "timeout": 30000 });
        self.call(reqwest::Method::PUT, &path, Some(body))
            .await
            .map(|_| ())
    }

    /// Sends a public read receipt for `event_id`.
    pub async fn send_read_receipt(&self, room_id: &str, event_id: &str) -> anyhow::Result<()> {
        let path = format!(
            "/rooms/{}/receipt/m.read/{}",
            encode(room_id),
            encode(event_id)
        );
        self.call(reqwest::Method::POST, &path, Some(json!({})))
            .await
            .map(|_| ())
    }

    /// Waits until the server says `user_id` is typing in `room_id`.
    pub async fn wait_for_typing(&self, room_id: &str, user_id: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let sync = self.sync_once().await?;
            let typing = sync["rooms"]["join"][room_id]["ephemeral"]["events"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|e| e["type"] == "m.typing")
                .any(|e| {
                    e["content"]["user_ids"]
                        .as_array()
                        .is_some_and(|ids| ids.iter().any(|id| id == user_id))
                });
            if typing {
                return Ok(());
            }
            anyhow::ensure!(Instant::now() < deadline, "{user_id} never seen typing");
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// The server's notification count for `room_id`, as this session sees it.
    pub async fn notification_count(&self, room_id: &str) -> anyhow::Result<u64> {
        let sync = self.sync_once().await?;
        Ok(
            sync["rooms"]["join"][room_id]["unread_notifications"]["notification_count"]
                .as_u64()
                .unwrap_or(0),
        )
    }
}

fn encode(segment: &str) -> String {
    url::form_urlencoded::byte_serialize(segment.as_bytes()).collect()
}
