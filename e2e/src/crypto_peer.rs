//! The other person in end-to-end encryption tests: a second Matrix client that really
//! encrypts, decrypts, holds a cross-signing identity and verifies with emoji (SAS).
//! `Peer` speaks plain HTTP and can do none of that, so it cannot tell whether the app
//! encrypted a message for someone else, nor answer a verification.
//!
//! Built on the native matrix-sdk with in-memory stores (each peer lives for one test)
//! and a background sync, so it sees and answers what the app sends while the test
//! drives the browser.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::deserialized_responses::EncryptionInfo;
use matrix_sdk::encryption::verification::{
    SasState, SasVerification, Verification, VerificationRequest, VerificationRequestState,
};
use matrix_sdk::encryption::{
    BackupDownloadStrategy, CrossSigningResetAuthType, EncryptionSettings,
};
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::client::filter::FilterDefinition;
use matrix_sdk::ruma::api::client::room::create_room::v3::{
    Request as CreateRoomRequest, RoomPreset,
};
use matrix_sdk::ruma::api::client::uiaa::{
    AuthData, MatrixUserIdentifier, Password, UiaaInfo, UserIdentifier,
};
use matrix_sdk::ruma::events::key::verification::request::ToDeviceKeyVerificationRequestEvent;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, InitialStateEvent, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::{OwnedUserId, RoomId, UInt, UserId};
use matrix_sdk::{Client, Room, RoomState};

/// How long any wait may take before it fails, saying what never happened.
const WAIT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(100);

/// An `m.room.message` this peer received.
#[derive(Clone, Debug)]
struct Received {
    room_id: String,
    event_id: String,
    body: String,
    encrypted: bool,
    /// The (decrypted) content as JSON, to check what the sender put in it.
    content: serde_json::Value,
}

/// A verification: the request, and its SAS once either side started one.
#[derive(Default)]
struct Flow {
    request: Option<VerificationRequest>,
    sas: Option<SasVerification>,
}

/// What the event handlers saw, read by the waits.
#[derive(Default)]
struct Seen {
    texts: Vec<Received>,
    /// Room ids of events that arrived encrypted and could not be decrypted.
    undecryptable: Vec<String>,
    /// Incoming verification requests: (sender, flow id).
    requests: Vec<(OwnedUserId, String)>,
}

pub struct CryptoPeer {
    client: Client,
    user_id: OwnedUserId,
    device_id: String,
    seen: Arc<Mutex<Seen>>,
    /// The verification under way, whichever side asked for it.
    flow: Mutex<Flow>,
    sync: tokio::task::JoinHandle<()>,
}

impl CryptoPeer {
    /// Signs in with a password as a new device ("peer"), makes sure the account has a
    /// cross-signing identity, and starts syncing in the background.
    pub async fn login(
        synapse_url: &str,
        user_localpart: &str,
        password: &str,
    ) -> anyhow::Result<Self> {
        // The SDK's reqwest is built without a TLS crypto provider and panics without
        // one, even though the peer only speaks plain HTTP to loopback.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let client = Client::builder()
            .homeserver_url(synapse_url)
            .with_encryption_settings(EncryptionSettings {
                auto_enable_cross_signing: true,
                backup_download_strategy: BackupDownloadStrategy::AfterDecryptionFailure,
                auto_enable_backups: false,
            })
            .build()
            .await
            .context("building the matrix-sdk client")?;
        client
            .matrix_auth()
            .login_username(user_localpart, password)
            .initial_device_display_name("peer")
            .send()
            .await
            .with_context(|| format!("{user_localpart} could not sign in"))?;
        let user_id = client
            .user_id()
            .context("no user id after login")?
            .to_owned();
        let device_id = client
            .device_id()
            .context("no device id after login")?
            .to_string();

        // With a password login the SDK bootstraps cross-signing itself; make sure it
        // did, and answer user-interactive auth with the password if it did not.
        let encryption = client.encryption();
        encryption.wait_for_e2ee_initialization_tasks().await;
        if let Err(error) = encryption.bootstrap_cross_signing_if_needed(None).await {
            let uiaa = error
                .as_uiaa_response()
                .with_context(|| format!("cross-signing bootstrap failed: {error}"))?;
            encryption
                .bootstrap_cross_signing(Some(password_auth(&user_id, password, uiaa)))
                .await
                .context("cross-signing bootstrap with the password")?;
        }

        let seen = Arc::new(Mutex::new(Seen::default()));
        add_handlers(&client, &seen);
        // One sync before returning, so rooms the user is already in are known.
        client
            .sync_once(sync_settings().timeout(Duration::ZERO))
            .await
            .context("first sync")?;
        let sync = tokio::spawn(sync_forever(client.clone()));
        Ok(Self {
            client,
            user_id,
            device_id,
            seen,
            flow: Mutex::new(Flow::default()),
            sync,
        })
    }

    pub fn user_id(&self) -> String {
        self.user_id.to_string()
    }

    pub fn device_id(&self) -> String {
        self.device_id.clone()
    }

    /// Creates a private, encrypted room `name` and invites `invite`.
    pub async fn create_encrypted_room(
        &self,
        name: &str,
        invite: &[&str],
    ) -> anyhow::Result<String> {
        let mut request = CreateRoomRequest::new();
        request.name = Some(name.to_owned());
        request.preset = Some(RoomPreset::PrivateChat);
        request.invite = invite
            .iter()
            .map(|user| UserId::parse(*user))
            .collect::<Result<_, _>>()?;
        request.initial_state = vec![
            InitialStateEvent::with_empty_state_key(
                RoomEncryptionEventContent::with_recommended_defaults(),
            )
            .to_raw_any(),
        ];
        let room = self.client.create_room(request).await?;
        Ok(room.room_id().to_string())
    }

    /// Creates an encrypted direct chat with `user_id`, as the SDK makes them.
    pub async fn create_encrypted_dm(&self, user_id: &str) -> anyhow::Result<String> {
        let room = self.client.create_dm(&UserId::parse(user_id)?).await?;
        Ok(room.room_id().to_string())
    }

    /// Waits until this user is invited to `room_id` (as the peer's sync sees it).
    pub async fn wait_for_invite(&self, room_id: &str) -> anyhow::Result<()> {
        let room_id = RoomId::parse(room_id)?;
        poll(
            || format!("{} was never invited to {room_id}", self.user_id),
            async || {
                let room = self.client.get_room(&room_id);
                Ok(room.filter(|r| r.state() == RoomState::Invited).map(|_| ()))
            },
        )
        .await
    }

    pub async fn join(&self, room_id: &str) -> anyhow::Result<()> {
        self.client
            .join_room_by_id(&RoomId::parse(room_id)?)
            .await
            .with_context(|| format!("{} could not join {room_id}", self.user_id))?;
        Ok(())
    }

    /// Waits until this peer knows `user_id`'s device `device_id`, asking the server for
    /// their keys: the SDK drops a verification request from a device it does not know,
    /// and does not encrypt for one.
    pub async fn wait_for_device(&self, user_id: &str, device_id: &str) -> anyhow::Result<()> {
        let user = UserId::parse(user_id)?;
        let device: matrix_sdk::ruma::OwnedDeviceId = device_id.into();
        poll(
            || format!("{} never learned of {user}'s device {device}", self.user_id),
            async || {
                let encryption = self.client.encryption();
                encryption.request_user_identity(&user).await?;
                Ok(encryption.get_device(&user, &device).await?.map(|_| ()))
            },
        )
        .await
    }

    /// Waits until `user_id`'s membership in `room_id` is join, as the peer sees it.
    pub async fn wait_until_joined(&self, room_id: &str, user_id: &str) -> anyhow::Result<()> {
        let room_id = RoomId::parse(room_id)?;
        let user = UserId::parse(user_id)?;
        poll(
            || format!("{} never saw {user} join {room_id}", self.user_id),
            async || {
                let Some(room) = self.client.get_room(&room_id) else {
                    return Ok(None);
                };
                let member = room.get_member_no_sync(&user).await?;
                Ok(member
                    .filter(|m| *m.membership() == MembershipState::Join)
                    .map(|_| ()))
            },
        )
        .await
    }

    /// Sends an `m.text` message; the SDK encrypts it (the room is encrypted), first
    /// fetching the members' device keys and sharing the room key with them.
    pub async fn send_text(&self, room_id: &str, body: &str) -> anyhow::Result<String> {
        let room = self.joined_room(room_id).await?;
        let response = room
            .send(RoomMessageEventContent::text_plain(body))
            .await
            .with_context(|| format!("{} could not send {body:?}", self.user_id))?;
        Ok(response.response.event_id.to_string())
    }

    /// Waits until the peer has received and decrypted a message with exactly `body`
    /// in `room_id`, from someone else or another device (not its own echo).
    pub async fn wait_for_text(&self, room_id: &str, body: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        let mut next_pagination = Instant::now() + Duration::from_secs(2);
        loop {
            let (decrypted, plain) = {
                let seen = self.lock();
                let matching = seen
                    .texts
                    .iter()
                    .filter(|t| t.room_id == room_id && t.body == body);
                matching.fold((false, false), |(d, p), t| {
                    (d || t.encrypted, p || !t.encrypted)
                })
            };
            if decrypted {
                return Ok(());
            }
            anyhow::ensure!(
                !plain,
                "{body:?} reached {} in {room_id} unencrypted",
                self.user_id
            );
            if Instant::now() >= deadline {
                let seen = self.lock();
                let undecryptable = seen.undecryptable.iter().filter(|r| *r == room_id).count();
                anyhow::bail!(
                    "{} never decrypted {body:?} in {room_id} within {WAIT:?}; it has {:?} \
                     there and {undecryptable} event(s) it could not decrypt",
                    self.user_id,
                    received(&seen, room_id),
                );
            }
            // A message whose key came late is decrypted by back-pagination, which
            // tries again, whereas sync hands each event to the handlers only once.
            if Instant::now() >= next_pagination {
                next_pagination = Instant::now() + Duration::from_secs(2);
                self.paginate(room_id).await?;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The decrypted content of the message with `body` in `room_id`, once it came.
    pub async fn wait_for_content(
        &self,
        room_id: &str,
        body: &str,
    ) -> anyhow::Result<serde_json::Value> {
        self.wait_for_text(room_id, body).await?;
        let seen = self.lock();
        seen.texts
            .iter()
            .rev()
            .find(|t| t.room_id == room_id && t.body == body && t.encrypted)
            .map(|t| t.content.clone())
            .context("the message went missing")
    }

    /// Downloads and decrypts an encrypted attachment (a message's `file`).
    pub async fn download_encrypted(&self, file: &serde_json::Value) -> anyhow::Result<Vec<u8>> {
        use matrix_sdk::media::{MediaFormat, MediaRequestParameters};
        use matrix_sdk::ruma::events::room::{EncryptedFile, MediaSource};
        let file: EncryptedFile = serde_json::from_value(file.clone())?;
        let request = MediaRequestParameters {
            source: MediaSource::Encrypted(Box::new(file)),
            format: MediaFormat::File,
        };
        Ok(self
            .client
            .media()
            .get_media_content(&request, false)
            .await?)
    }

    /// Bodies of the messages from others received in `room_id` so far, in order,
    /// decrypted or not.
    pub fn received_texts(&self, room_id: &str) -> Vec<String> {
        received(&self.lock(), room_id)
    }

    /// Asks `user_id` to verify: for another user in a direct chat (created if there
    /// is none, as the SDK does); for our own user, to all its other devices.
    pub async fn request_verification(&self, user_id: &str) -> anyhow::Result<()> {
        let identity = self.identity_of(user_id).await?;
        let request = identity.request_verification().await?;
        *self.flow() = Flow {
            request: Some(request),
            sas: None,
        };
        Ok(())
    }

    /// Waits for a verification request from `from_user` and accepts it. Joins the
    /// invites `from_user` sent meanwhile, since a request to another user arrives in
    /// a new direct chat.
    pub async fn accept_incoming_verification(&self, from_user: &str) -> anyhow::Result<()> {
        let from = UserId::parse(from_user)?;
        // A request is ignored unless the sender's devices are known: fetch them now.
        self.client
            .encryption()
            .request_user_identity(&from)
            .await?;
        let request = poll(
            || {
                format!(
                    "{} never got a verification request from {from}",
                    self.user_id
                )
            },
            async || {
                for room in self.client.invited_rooms() {
                    let invite = room.invite_details().await?;
                    if invite.inviter_id == from {
                        room.join().await?;
                    }
                }
                let flows: Vec<String> = {
                    let seen = self.lock();
                    let from_them = seen.requests.iter().filter(|(sender, _)| *sender == from);
                    from_them.map(|(_, flow)| flow.clone()).collect()
                };
                for flow in flows.iter().rev() {
                    let encryption = self.client.encryption();
                    if let Some(request) = encryption.get_verification_request(&from, flow).await
                        && !request.is_done()
                        && !request.is_cancelled()
                    {
                        return Ok(Some(request));
                    }
                }
                Ok(None)
            },
        )
        .await?;
        request.accept().await?;
        *self.flow() = Flow {
            request: Some(request),
            sas: None,
        };
        Ok(())
    }

    /// Starts emoji verification on the current request once the other side is ready.
    /// If the other side started it first, accepts theirs instead.
    pub async fn start_sas(&self) -> anyhow::Result<()> {
        let request = self.current_request()?;
        let ready = poll(
            || "the verification request never became ready".to_owned(),
            async || match request.state() {
                VerificationRequestState::Ready { .. } => Ok(Some(true)),
                VerificationRequestState::Transitioned { .. } => Ok(Some(false)),
                VerificationRequestState::Cancelled(info) => {
                    anyhow::bail!("the verification was cancelled: {}", info.reason())
                }
                _ => Ok(None),
            },
        )
        .await?;
        if ready {
            let sas = request.start_sas().await?;
            self.flow().sas = Some(sas.context("the request could not start SAS")?);
        } else {
            self.sas().await?;
        }
        Ok(())
    }

    /// Waits until the emojis can be shown (accepting an SAS the other side started)
    /// and returns their descriptions in order, e.g. "Dog".
    pub async fn sas_emojis(&self) -> anyhow::Result<Vec<String>> {
        let sas = self.sas().await?;
        let emojis = poll(
            || "the emojis never became available".to_owned(),
            async || {
                if let SasState::Cancelled(info) = sas.state() {
                    anyhow::bail!("the verification was cancelled: {}", info.reason());
                }
                Ok(sas.can_be_presented().then(|| sas.emoji()).flatten())
            },
        )
        .await?;
        Ok(emojis.iter().map(|e| e.description.to_owned()).collect())
    }

    /// Says the emojis match.
    pub async fn confirm_sas(&self) -> anyhow::Result<()> {
        self.sas().await?.confirm().await?;
        Ok(())
    }

    /// Waits until both sides have confirmed and the verification is done.
    pub async fn wait_verification_done(&self) -> anyhow::Result<()> {
        let sas = self.sas().await?;
        poll(
            || "the verification never finished".to_owned(),
            async || match sas.state() {
                SasState::Done { .. } => Ok(Some(())),
                SasState::Cancelled(info) => {
                    anyhow::bail!("the verification was cancelled: {}", info.reason())
                }
                _ => Ok(None),
            },
        )
        .await
    }

    /// Cancels the current verification, whatever stage it is at.
    pub async fn cancel_verification(&self) -> anyhow::Result<()> {
        let request = self.current_request()?;
        let sas = self.flow().sas.clone();
        match (sas, request.state()) {
            (Some(sas), _)
            | (
                None,
                VerificationRequestState::Transitioned {
                    verification: Verification::SasV1(sas),
                },
            ) => sas.cancel().await?,
            _ => request.cancel().await?,
        }
        Ok(())
    }

    /// `user_id`'s cross-signing identity, fetched fresh from the server.
    async fn identity_of(
        &self,
        user_id: &str,
    ) -> anyhow::Result<matrix_sdk::encryption::identities::UserIdentity> {
        let user = UserId::parse(user_id)?;
        self.client
            .encryption()
            .request_user_identity(&user)
            .await?
            .with_context(|| format!("{user} has no cross-signing identity"))
    }

    /// Whether the peer trusts `user_id`'s cross-signing identity (signed by its own
    /// user-signing key, e.g. after a verification), fetched fresh from the server.
    pub async fn is_user_verified(&self, user_id: &str) -> anyhow::Result<bool> {
        let identity = self.identity_of(user_id).await?;
        Ok(identity.is_verified())
    }

    /// Replaces the peer's cross-signing identity with a new one, so that others see
    /// an identity change. Answers user-interactive auth with `password`.
    pub async fn reset_identity(&self, password: &str) -> anyhow::Result<()> {
        let Some(handle) = self.client.encryption().reset_cross_signing().await? else {
            return Ok(());
        };
        let CrossSigningResetAuthType::Uiaa(uiaa) = handle.auth_type() else {
            anyhow::bail!("the server wants OAuth 2.0 approval to reset the identity");
        };
        let auth = password_auth(&self.user_id, password, uiaa);
        handle
            .auth(Some(auth))
            .await
            .context("resetting the cross-signing identity")?;
        Ok(())
    }

    /// Unlocks the account's secret storage with `recovery_key` (as the app shows it),
    /// importing the cross-signing keys and the key backup key, and waits until this
    /// device backs up the room keys it gets.
    pub async fn recover(&self, recovery_key: &str) -> anyhow::Result<()> {
        let encryption = self.client.encryption();
        encryption
            .recovery()
            .recover(recovery_key)
            .await
            .context("recovering with the recovery key")?;
        poll(
            || "key backup never became enabled after recovery".to_owned(),
            async || Ok(encryption.backups().are_enabled().await.then_some(())),
        )
        .await
    }

    /// Waits until every room key this device holds is in the key backup.
    pub async fn wait_for_backup_upload(&self) -> anyhow::Result<()> {
        let backups = self.client.encryption().backups();
        tokio::time::timeout(WAIT, backups.wait_for_steady_state())
            .await
            .map_err(|_| anyhow::anyhow!("the room keys were not backed up within {WAIT:?}"))?
            .context("backing up the room keys")?;
        Ok(())
    }

    /// Signs the device out, ending its sync first.
    pub async fn logout(self) -> anyhow::Result<()> {
        self.sync.abort();
        self.client.logout().await?;
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn flow(&self) -> std::sync::MutexGuard<'_, Flow> {
        self.flow.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn current_request(&self) -> anyhow::Result<VerificationRequest> {
        self.flow().request.clone().context(
            "no verification under way: call request_verification or \
             accept_incoming_verification first",
        )
    }

    /// The SAS of the current request, once either side started it; accepted if the
    /// other side did.
    async fn sas(&self) -> anyhow::Result<SasVerification> {
        // Kept once seen: a finished request no longer hands out its SAS.
        if let Some(sas) = self.flow().sas.clone() {
            return Ok(sas);
        }
        let request = self.current_request()?;
        let sas = poll(
            || "no emoji verification (SAS) ever started".to_owned(),
            async || match request.state() {
                VerificationRequestState::Transitioned {
                    verification: Verification::SasV1(sas),
                } => Ok(Some(sas)),
                VerificationRequestState::Transitioned { .. } => {
                    anyhow::bail!("the verification turned into something other than SAS")
                }
                VerificationRequestState::Done => {
                    anyhow::bail!("the verification finished without an SAS this peer saw")
                }
                VerificationRequestState::Cancelled(info) => {
                    anyhow::bail!("the verification was cancelled: {}", info.reason())
                }
                _ => Ok(None),
            },
        )
        .await?;
        if matches!(sas.state(), SasState::Started { .. }) {
            sas.accept().await?;
        }
        self.flow().sas = Some(sas.clone());
        Ok(sas)
    }

    /// The room, once the peer's store has it as joined.
    async fn joined_room(&self, room_id: &str) -> anyhow::Result<Room> {
        let room_id = RoomId::parse(room_id)?;
        poll(
            || format!("{} never had {room_id} as a joined room", self.user_id),
            async || {
                let room = self.client.get_room(&room_id);
                Ok(room.filter(|r| r.state() == RoomState::Joined))
            },
        )
        .await
    }

    /// Reads the room's latest messages through `/messages`, decrypting what it can,
    /// and records those the handlers never saw decrypted.
    async fn paginate(&self, room_id: &str) -> anyhow::Result<()> {
        let Some(room) = self.client.get_room(&RoomId::parse(room_id)?) else {
            return Ok(());
        };
        let messages = room.messages(MessagesOptions::backward()).await?;
        let mut seen = self.lock();
        for event in messages.chunk.iter().rev() {
            if event.encryption_info().is_none() {
                continue;
            }
            let Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
                SyncMessageLikeEvent::Original(message),
            ))) = event.raw().deserialize()
            else {
                continue;
            };
            let event_id = message.event_id.to_string();
            let own_echo = message.unsigned.transaction_id.is_some();
            let known = seen
                .texts
                .iter()
                .any(|t| t.event_id == event_id && t.encrypted);
            if !own_echo && !known {
                seen.texts.push(Received {
                    room_id: room_id.to_owned(),
                    event_id,
                    body: message.content.body().to_owned(),
                    encrypted: true,
                    content: serde_json::to_value(&message.content).unwrap_or_default(),
                });
            }
        }
        Ok(())
    }
}

impl Drop for CryptoPeer {
    fn drop(&mut self) {
        self.sync.abort();
    }
}

/// Records messages, undecryptable events and verification requests as sync
/// delivers them.
fn add_handlers(client: &Client, seen: &Arc<Mutex<Seen>>) {
    let record = seen.clone();
    client.add_event_handler(
        move |event: OriginalSyncRoomMessageEvent, room: Room, info: Option<EncryptionInfo>| {
            let record = record.clone();
            async move {
                if event.unsigned.transaction_id.is_some() {
                    return; // our own echo
                }
                let mut seen = record.lock().unwrap_or_else(|e| e.into_inner());
                if let MessageType::VerificationRequest(_) = event.content.msgtype {
                    seen.requests
                        .push((event.sender, event.event_id.to_string()));
                } else {
                    seen.texts.push(Received {
                        room_id: room.room_id().to_string(),
                        event_id: event.event_id.to_string(),
                        body: event.content.body().to_owned(),
                        encrypted: info.is_some(),
                        content: serde_json::to_value(&event.content).unwrap_or_default(),
                    });
                }
            }
        },
    );
    let record = seen.clone();
    client.add_event_handler(move |event: ToDeviceKeyVerificationRequestEvent| {
        let record = record.clone();
        async move {
            let mut seen = record.lock().unwrap_or_else(|e| e.into_inner());
            seen.requests
                .push((event.sender, event.content.transaction_id.to_string()));
        }
    });
    // Sync hands events it could not decrypt to handlers as they came.
    let record = seen.clone();
    client.add_event_handler(move |_: OriginalSyncRoomEncryptedEvent, room: Room| {
        let record = record.clone();
        async move {
            let mut seen = record.lock().unwrap_or_else(|e| e.into_inner());
            seen.undecryptable.push(room.room_id().to_string());
        }
    });
}

/// A long timeline window: a verification request is only seen in a sync timeline,
/// and one in a direct chat the peer joins later can come after a dozen state events.
fn sync_settings() -> SyncSettings {
    let mut filter = FilterDefinition::default();
    filter.room.timeline.limit = Some(UInt::from(50u32));
    SyncSettings::default().filter(filter.into())
}

/// The background sync. A failed sync (Synapse busy, or restarted by a test) is
/// retried, not fatal.
async fn sync_forever(client: Client) {
    let settings = sync_settings().timeout(Duration::from_secs(10));
    loop {
        if let Err(error) = client.sync_once(settings.clone()).await {
            eprintln!("crypto peer sync failed, retrying: {error}");
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
}

fn received(seen: &Seen, room_id: &str) -> Vec<String> {
    let in_room = seen.texts.iter().filter(|t| t.room_id == room_id);
    in_room.map(|t| t.body.clone()).collect()
}

/// Password auth for a user-interactive auth stage, in the server's session.
fn password_auth(user_id: &UserId, password: &str, uiaa: &UiaaInfo) -> AuthData {
    let identifier = UserIdentifier::Matrix(MatrixUserIdentifier::new(user_id.to_string()));
    let mut auth = Password::new(identifier, password.to_owned());
    auth.session = uiaa.session.clone();
    AuthData::Password(auth)
}

/// Calls `check` until it gives a value, for at most `WAIT`; the error says `what`
/// never happened.
async fn poll<T>(
    what: impl Fn() -> String,
    mut check: impl AsyncFnMut() -> anyhow::Result<Option<T>>,
) -> anyhow::Result<T> {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(value) = check().await? {
            return Ok(value);
        }
        anyhow::ensure!(Instant::now() < deadline, "{} within {WAIT:?}", what());
        tokio::time::sleep(POLL).await;
    }
}
