//! Building the Client over encrypted IndexedDB stores; login, restore and logout.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::Duration;

use base64::Engine;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::cross_process_lock::CrossProcessLockConfig;
use matrix_sdk::encryption::recovery::IdentityResetHandle;
use matrix_sdk::encryption::{BackupDownloadStrategy, EncryptionSettings};
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::sliding_sync::VersionBuilder;
use matrix_sdk::{Client, HttpError, RefreshTokenError, SessionChange};
use matrix_sdk_ui::sync_service::SyncService;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;
use url::Url;

use super::models::SessionInfo;
use super::sync;
use super::{discovery, errors};
use crate::error::AppError;
use crate::perf;
use crate::storage::{databases, vault};

const DEVICE_DISPLAY_NAME: &str = "Lattice web";
/// Every SDK database of ours starts with this, then a random per-session id.
const STORE_PREFIX: &str = "lattice-";

/// Names and secret of one session's SDK stores.
#[derive(Clone, Serialize, Deserialize)]
struct StoreKeys {
    /// Prefix of every SDK database of this session.
    prefix: String,
    /// Random secret the SDK's store cipher is derived from.
    passphrase: String,
    /// The stores' cipher key is exported with few KDF rounds (`store_cipher`); false
    /// for sessions saved before that, until their first restore re-exports it.
    #[serde(default)]
    fast_key_export: bool,
}

impl StoreKeys {
    fn generate() -> Result<Self, AppError> {
        Ok(Self {
            prefix: format!("{STORE_PREFIX}{}", hex(&vault::random_bytes(8)?)),
            passphrase: base64::engine::general_purpose::STANDARD_NO_PAD
                .encode(vault::random_bytes(32)?),
            fast_key_export: true,
        })
    }
}

/// What the vault keeps, encrypted: enough to reopen the stores and resume.
#[derive(Serialize, Deserialize)]
pub struct StoredSession {
    homeserver: Url,
    stores: StoreKeys,
    session: MatrixSession,
}

impl StoredSession {
    /// A session on `homeserver` with fresh, random store names and store secret.
    pub fn new(homeserver: Url, session: MatrixSession) -> Result<Self, AppError> {
        Ok(Self {
            homeserver,
            stores: StoreKeys::generate()?,
            session,
        })
    }

    pub fn store_prefix(&self) -> &str {
        &self.stores.prefix
    }

    /// Encrypts and saves this session, replacing the previous one.
    pub async fn save(&self) -> Result<(), AppError> {
        let plaintext = serde_json::to_vec(self).map_err(|e| AppError::Storage(e.to_string()))?;
        vault::save(&plaintext).await
    }

    /// The saved session, if any.
    pub async fn load() -> Result<Option<Self>, AppError> {
        let Some(plaintext) = vault::load().await? else {
            return Ok(None);
        };
        match serde_json::from_slice(&plaintext) {
            Ok(stored) => Ok(Some(stored)),
            Err(e) => {
                // Not the message: serde may quote the value (a token, the secret).
                tracing::warn!(
                    "saved session unreadable: {:?} at {}:{}",
                    e.classify(),
                    e.line(),
                    e.column()
                );
                Err(AppError::LocalDataUnreadable)
            }
        }
    }

    /// Opens this session's stores and resumes it, without contacting the server.
    pub async fn open_client(&self) -> Result<Client, AppError> {
        let client = build_client(&self.homeserver, &self.stores).await?;
        perf::mark("lattice:client-built");
        client
            .restore_session(self.session.clone())
            .await
            .map_err(|e| AppError::Storage(e.to_string()))?;
        Ok(client)
    }

    /// The saved session with renewed tokens (same stores, same device).
    async fn replace_tokens(session: MatrixSession) -> Result<(), AppError> {
        let Some(mut stored) = Self::load().await? else {
            return Ok(());
        };
        stored.session = session;
        stored.save().await
    }

    /// Forgets this session on this device. The vault goes first: without its key the
    /// stores are unreadable, even while a database deletion still waits for a
    /// connection to close.
    pub async fn delete_local(store_prefix: &str) -> Result<(), AppError> {
        vault::clear().await?;
        databases::delete_with_prefix(store_prefix).await
    }
}

/// A signed-in, syncing session.
pub struct ActiveSession {
    client: Client,
    sync: SyncService,
    followed_rooms: sync::FollowedRooms,
    recent_timelines: super::timeline::RecentTimelines,
    store_prefix: String,
    info: SessionInfo,
    /// Taken before sync starts, so a token refused by the very first sync is seen.
    session_changes: RefCell<Option<broadcast::Receiver<SessionChange>>>,
    token_writes: Rc<TokenWrites>,
    /// An identity reset waiting for the person to confirm it is them.
    pub(super) pending_reset: RefCell<Option<Rc<IdentityResetHandle>>>,
    /// Sync was stopped on purpose (suspended, signing out, a refused token): a restart
    /// scheduled after a fault must not start it again.
    sync_held: Cell<bool>,
}

/// What the server did to the session's tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEvent {
    TokensRefreshed,
    Refused(TokenRefused),
}

/// Why the server ended this session by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRefused {
    /// The server's hint that signing in again on this device would keep it.
    pub soft_logout: bool,
}

/// A fresh holder name per page load: two tabs must never share one, or the
/// SDK's cross-process store lock cannot tell them apart.
fn lock_holder() -> &'static str {
    static HOLDER: OnceLock<String> = OnceLock::new();
    HOLDER.get_or_init(|| {
        let bytes = vault::random_bytes(8).unwrap_or_default();
        format!("lattice-tab-{}", hex(&bytes))
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn build_client(homeserver: &Url, stores: &StoreKeys) -> Result<Client, AppError> {
    super::store_cipher::prepare(&stores.prefix, &stores.passphrase, stores.fast_key_export)
        .await?;
    perf::mark("lattice:store-key-ready");
    Client::builder()
        .homeserver_url(homeserver.as_str())
        .indexeddb_store(&stores.prefix, Some(&stores.passphrase))
        // The server was chosen and checked by discovery; a `well_known` in the login
        // response must not move the client to another origin, which the CSP's
        // connect-src would refuse anyway.
        .respect_login_well_known(false)
        // Discovery already checked /versions for MSC4186.
        .sliding_sync_version_builder(VersionBuilder::Native)
        .cross_process_store_config(CrossProcessLockConfig::multi_process(lock_holder()))
        // Where the server offers refresh tokens, an expired access token is renewed
        // and the request retried; the new tokens are saved (`keep_renewed_tokens`).
        .handle_refresh_tokens()
        .with_encryption_settings(EncryptionSettings {
            // Done at password sign-in instead, where the password can answer the
            // server's user-interactive authentication (`encryption::ensure_cross_signing`).
            auto_enable_cross_signing: false,
            // Once the backup key arrives (recovery key, or sent by another of the
            // person's devices after verification), all history becomes readable.
            backup_download_strategy: BackupDownloadStrategy::OneShot,
            // A backup is only made together with secret storage, when the person
            // sets up recovery and gets the recovery key.
            auto_enable_backups: false,
        })
        .build()
        .await
        .map_err(|e| AppError::storage(e.to_string()))
}

/// How the person proves who they are at sign-in.
pub enum Credentials<'a> {
    Password {
        username: &'a str,
        password: &'a str,
    },
    /// The one-time token the homeserver sent back after single sign-on.
    LoginToken(&'a str),
}

/// Discovers the server, signs in with a password and starts syncing.
pub async fn login(
    homeserver_input: &str,
    username: &str,
    password: &str,
    allow_insecure: bool,
) -> Result<ActiveSession, AppError> {
    // The login page already moved a full user ID's server into the homeserver field,
    // where the person could still correct it: that field is what counts.
    let homeserver = discovery::discover(homeserver_input, allow_insecure).await?;
    perf::mark("lattice:server-discovered");
    sign_in(homeserver, Credentials::Password { username, password }).await
}

/// Completes single sign-on: `homeserver` is the one the person left for their
/// identity provider from (found by discovery then), `token` what it sent back.
pub async fn login_with_token(homeserver: Url, token: &str) -> Result<ActiveSession, AppError> {
    sign_in(homeserver, Credentials::LoginToken(token)).await
}

/// Signs in on a discovered homeserver and starts syncing.
async fn sign_in(homeserver: Url, credentials: Credentials<'_>) -> Result<ActiveSession, AppError> {
    // Stores are created before login: the SDK sets up the device's keys in them.
    let stores = StoreKeys::generate()?;
    let client = build_client(&homeserver, &stores).await?;
    perf::mark("lattice:stores-opened");

    let auth = client.matrix_auth();
    let (request, password) = match credentials {
        Credentials::Password { username, password } => (
            auth.login_username(username.trim(), password),
            Some(password),
        ),
        Credentials::LoginToken(token) => (auth.login_token(token), None),
    };
    let login = request
        .initial_device_display_name(DEVICE_DISPLAY_NAME)
        .request_refresh_token()
        .await;
    if let Err(error) = login {
        drop(client);
        let _ = databases::delete_with_prefix(&stores.prefix).await;
        let error = login_error(&error, homeserver.as_str());
        // The server says "forbidden" to a spent or expired token as to a bad password.
        return Err(match (error, password) {
            (AppError::WrongCredentials, None) => AppError::LoginTokenRefused,
            (error, _) => error,
        });
    }
    perf::mark("lattice:logged-in");
    let session = client
        .matrix_auth()
        .session()
        .ok_or_else(|| errors::failed("sign in", "the SDK kept no session"))?;
    // The account's first device creates its cross-signing identity. Not fatal: the
    // person can still talk, and "Reset encryption" on the security page creates it.
    // (Run while sync starts, it took longer and the first rooms came later: measured.)
    if let Err(error) = super::encryption::ensure_cross_signing(&client, password).await {
        tracing::warn!("cross-signing was not set up at sign-in: {error}");
    }
    perf::mark("lattice:cross-signing-checked");
    let stored = StoredSession {
        homeserver,
        stores,
        session,
    };
    // Whatever the vault still holds (a kept room list of a session whose restore
    // failed) belongs to someone else: it goes before this session is saved.
    vault::clear().await?;
    stored.save().await?;
    start(client, stored.stores.prefix).await
}

/// Signs the saved session's user in again on the same device, after the server
/// expired its tokens (a soft logout): the stores, the keys and the device stay. A new
/// Client is built over the same stores, as the SDK allows one sign-in per Client.
/// With a password the user is the saved one; after single sign-on, whoever signed in
/// at the provider must be that user too.
pub async fn sign_in_again(credentials: Credentials<'_>) -> Result<ActiveSession, AppError> {
    let mut stored = StoredSession::load()
        .await?
        .ok_or(AppError::SessionExpired)?;
    let client = build_client(&stored.homeserver, &stored.stores).await?;
    let meta = stored.session.meta.clone();
    let auth = client.matrix_auth();
    let (request, token) = match credentials {
        Credentials::Password { password, .. } => {
            (auth.login_username(meta.user_id.as_str(), password), false)
        }
        Credentials::LoginToken(token) => (auth.login_token(token), true),
    };
    let signed_in = request
        .device_id(meta.device_id.as_str())
        .initial_device_display_name(DEVICE_DISPLAY_NAME)
        .request_refresh_token()
        .await;
    if let Err(error) = signed_in {
        return Err(match login_error(&error, stored.homeserver.as_str()) {
            AppError::WrongCredentials if token => AppError::LoginTokenRefused,
            other => other,
        });
    }
    // Someone else signed in at the provider: their session must not go on with this
    // person's stores and keys.
    if client.user_id() != Some(meta.user_id.as_ref()) {
        let _ = client.logout().await;
        return Err(AppError::OtherAccount(meta.user_id.to_string()));
    }
    stored.session = client
        .matrix_auth()
        .session()
        .ok_or_else(|| errors::failed("sign in again", "the SDK kept no session"))?;
    stored.save().await?;
    start(client, stored.stores.prefix).await
}

/// The saved session's homeserver, to ask it how people sign in there again.
pub async fn saved_homeserver() -> Option<Url> {
    StoredSession::load()
        .await
        .ok()
        .flatten()
        .map(|s| s.homeserver)
}

/// Reopens the saved session, if there is one, without contacting the server.
pub async fn restore() -> Result<Option<ActiveSession>, AppError> {
    perf::mark("lattice:restore");
    let Some(mut stored) = StoredSession::load().await? else {
        return Ok(None);
    };
    perf::measure("lattice:vault-open", "lattice:restore");
    perf::mark("lattice:vault-read");
    perf::mark("lattice:stores");
    // The vault read, but the stores it names do not open: damaged (a failed write, a
    // cleanup tool) or from a version that cannot read them. Retrying will not help.
    let client = stored.open_client().await.map_err(|error| {
        tracing::warn!("the saved session's stores do not open: {error}");
        match error {
            AppError::StorageFull => AppError::StorageFull,
            _ => AppError::LocalDataUnreadable,
        }
    })?;
    perf::measure("lattice:stores-open", "lattice:stores");
    perf::mark("lattice:stores-opened");
    if !stored.stores.fast_key_export {
        // Re-exported by build_client; saved so later starts skip the slow check.
        stored.stores.fast_key_export = true;
        if let Err(error) = stored.save().await {
            tracing::warn!("could not record the store key's new export: {error}");
        }
    }
    start(client, stored.stores.prefix).await.map(Some)
}

async fn start(client: Client, store_prefix: String) -> Result<ActiveSession, AppError> {
    let info = SessionInfo {
        user_id: client.user_id().map(|u| u.to_string()).unwrap_or_default(),
        device_id: client
            .device_id()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        homeserver: client.homeserver().to_string(),
    };
    let token_writes = keep_renewed_tokens(&client)?;
    let session_changes = client.subscribe_to_session_changes();
    let sync = sync::start(&client).await?;
    perf::mark("lattice:sync-started");
    Ok(ActiveSession {
        followed_rooms: sync::FollowedRooms::new(&sync),
        recent_timelines: Default::default(),
        client,
        sync,
        store_prefix,
        info,
        session_changes: RefCell::new(Some(session_changes)),
        token_writes,
        pending_reset: RefCell::default(),
        sync_held: Cell::new(false),
    })
}

/// Writes every renewed token pair to the vault. The SDK calls this right after each
/// renewal, whatever else is running: the old refresh token is spent, so a start with
/// the old pair would be refused as if the device were gone. Writes run one at a time,
/// each with the tokens current when it runs, so the last one written is the newest.
fn keep_renewed_tokens(client: &Client) -> Result<Rc<TokenWrites>, AppError> {
    let writes = Rc::new(TokenWrites::default());
    let reload = Box::new(|client: Client| {
        client
            .session_tokens()
            .ok_or_else(|| "no session".to_owned().into())
    });
    let for_save = writes.clone();
    let save = Box::new(move |client: Client| {
        let writes = for_save.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _one_at_a_time = writes.lock.lock().await;
            if writes.closed.get() {
                return;
            }
            let Some(session) = client.matrix_auth().session() else {
                return;
            };
            if let Err(error) = StoredSession::replace_tokens(session).await {
                tracing::warn!("could not keep the renewed tokens: {error}");
            }
        });
        Ok(())
    });
    client
        .set_session_callbacks(reload, save)
        .map_err(|e| errors::failed("keep renewed tokens", e))?;
    Ok(writes)
}

/// The renewed-token writes of one session: one at a time, and none once the session
/// is being forgotten (a late write would bring back the session just deleted).
#[derive(Default)]
struct TokenWrites {
    lock: futures_util::lock::Mutex<()>,
    closed: std::cell::Cell<bool>,
}

impl TokenWrites {
    /// Stops further writes, and waits for one under way to finish.
    async fn close(&self) {
        self.closed.set(true);
        drop(self.lock.lock().await);
    }
}

impl ActiveSession {
    pub fn info(&self) -> &SessionInfo {
        &self.info
    }

    pub fn sync_service(&self) -> &SyncService {
        &self.sync
    }

    pub(super) fn client(&self) -> &Client {
        &self.client
    }

    pub(super) fn followed_rooms(&self) -> &sync::FollowedRooms {
        &self.followed_rooms
    }

    /// The timelines of the rooms left last, kept built.
    pub fn recent_timelines(&self) -> &super::timeline::RecentTimelines {
        &self.recent_timelines
    }

    /// Lets the send queue go again: it pauses itself when a send fails for lack of a
    /// network, and it also holds messages queued before a reload until enabled.
    pub async fn resume_sending(&self) {
        self.client.send_queue().set_enabled(true).await;
    }

    /// Carries on after the session was stopped on purpose: a soft logout mended by
    /// renewing the tokens. Held-back messages are let go too.
    pub async fn resume(&self) {
        self.sync_held.set(false);
        self.sync.start().await;
        self.resume_sending().await;
    }

    /// Starts sync again after a fault (at once, or after the supervisor's wait),
    /// unless it was stopped on purpose: false then.
    pub async fn restart_sync(&self) -> bool {
        if self.sync_held.get() {
            return false;
        }
        // A sliding sync session the server forgot took the room subscriptions with it.
        self.followed_rooms.resend().await;
        if self.sync_held.get() {
            return false;
        }
        self.sync.start().await;
        true
    }

    /// One item per failed send worth retrying (the network or the server was down, or
    /// it asked us to slow down): the SDK then holds that room's queue until
    /// `resume_sending`. The item is how long the server asked us to wait, if it did.
    pub fn send_failures(&self) -> impl futures_util::Stream<Item = Option<Duration>> + use<> {
        let errors = self.client.send_queue().subscribe_errors();
        futures_util::stream::unfold(errors, |mut errors| async move {
            loop {
                match errors.recv().await {
                    Ok(failure) if failure.is_recoverable => {
                        let wait = errors::retry_after(&failure.error);
                        return Some((wait, errors));
                    }
                    // An unrecoverable one stays on its message, with retry and cancel.
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        })
    }

    /// What the server does to this session's tokens, as it happens: renewed (already
    /// saved by `keep_renewed_tokens`), or refused (signed out from another device, device deleted, account
    /// closed, or expired). The first call gets the changes since before sync started.
    pub fn session_events(&self) -> impl futures_util::Stream<Item = SessionEvent> + use<> {
        let changes = self
            .session_changes
            .borrow_mut()
            .take()
            .unwrap_or_else(|| self.client.subscribe_to_session_changes());
        futures_util::stream::unfold(changes, |mut changes| async move {
            loop {
                match changes.recv().await {
                    Ok(SessionChange::TokensRefreshed) => {
                        return Some((SessionEvent::TokensRefreshed, changes));
                    }
                    Ok(SessionChange::UnknownToken(data)) => {
                        let refused = TokenRefused {
                            soft_logout: data.soft_logout,
                        };
                        return Some((SessionEvent::Refused(refused), changes));
                    }
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        })
    }

    /// Tries again to renew the access token, a few times with backoff while the
    /// server cannot be reached (the SDK reports a renewal that failed for lack of a
    /// network as a refused token too). False once the server refuses the renewal.
    pub async fn refresh_tokens(&self) -> bool {
        for attempt in 0..4 {
            gloo_timers::future::sleep(sync::retry_delay(attempt + 1)).await;
            match self.client.refresh_access_token().await {
                Ok(()) => return true,
                Err(error) => {
                    tracing::warn!("the access token could not be renewed: {error}");
                    // Only a transport failure is worth another try; any answer from
                    // the server (or no refresh token at all) is final.
                    let unreachable = matches!(&error, RefreshTokenError::MatrixAuth(http)
                        if http.client_api_error_kind().is_none());
                    if !unreachable {
                        return false;
                    }
                }
            }
        }
        false
    }

    /// Stops syncing and sending, for when another tab takes over; the stores stay.
    pub async fn stop(&self) {
        self.sync_held.set(true);
        self.recent_timelines.close();
        self.client.send_queue().set_enabled(false).await;
        self.sync.stop().await;
    }

    /// Ends the session on the server, then forgets it here. When the server can't be
    /// reached, nothing local is deleted and the session keeps running.
    pub async fn logout(&self) -> Result<(), AppError> {
        self.sync_held.set(true);
        if let Err(error) = self.end_on_server().await {
            // Nothing ended: the session runs on.
            self.sync_held.set(false);
            return Err(error);
        }
        self.sync.stop().await;
        self.token_writes.close().await;
        StoredSession::delete_local(&self.store_prefix).await
    }

    async fn end_on_server(&self) -> Result<(), AppError> {
        match self.client.logout().await {
            Ok(()) => Ok(()),
            // The token is already dead on the server: that is what we wanted.
            Err(e)
                if matches!(
                    e.client_api_error_kind(),
                    Some(ErrorKind::UnknownToken { .. })
                ) =>
            {
                Ok(())
            }
            Err(e) if e.client_api_error_kind().is_none() => {
                Err(AppError::Unreachable(self.info.homeserver.clone()))
            }
            Err(e) => Err(errors::sdk("sign out", &e)),
        }
    }

    /// Forgets the session on this device only, e.g. when the server is gone for good.
    pub async fn logout_local(&self) -> Result<(), AppError> {
        self.sync_held.set(true);
        self.sync.stop().await;
        self.token_writes.close().await;
        StoredSession::delete_local(&self.store_prefix).await
    }
}

/// Deletes everything Lattice keeps in this browser (the vault and every session's
/// stores), for when it cannot be read. What is on the server stays, key backup
/// included: signing in again and entering the recovery key brings history back.
/// Deletion finishes once the page lets go of the databases: reload after this.
pub async fn reset_local_data() -> Result<(), AppError> {
    databases::delete_with_prefix(STORE_PREFIX).await
}

/// Deletes SDK databases left behind by sessions that no longer exist (a failed
/// login, or a deletion cut short by closing the tab). `keep` is the live session's.
pub async fn sweep_orphan_stores(keep: Option<&ActiveSession>) -> Result<(), AppError> {
    let keep = keep.map(|session| session.store_prefix.as_str());
    for name in databases::list().await? {
        let ours = name.starts_with(STORE_PREFIX) && name != vault::DB_NAME;
        if ours && keep.is_none_or(|prefix| !name.starts_with(prefix)) {
            databases::delete_with_prefix(&name).await?;
        }
    }
    Ok(())
}

fn login_error(error: &matrix_sdk::Error, server: &str) -> AppError {
    match error.client_api_error_kind() {
        Some(ErrorKind::Forbidden) => AppError::WrongCredentials,
        _ => match error {
            matrix_sdk::Error::Http(http) if matches!(**http, HttpError::Reqwest(_)) => {
                tracing::warn!("sign in: {error}");
                AppError::Unreachable(server.to_owned())
            }
            other => errors::sdk("sign in", other),
        },
    }
}
