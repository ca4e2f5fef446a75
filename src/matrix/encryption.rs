//! End-to-end encryption as a person manages it: the account's cross-signing identity,
//! recovery (secret storage plus server-side key backup), this device's verification,
//! and other people's identities. Everything here goes through the SDK's own APIs; no
//! key material is handled by this module.

use std::cell::RefCell;
use std::rc::Rc;

use futures_util::{Stream, StreamExt, future, stream};
use matrix_sdk::Client;
use matrix_sdk::HttpError;
use matrix_sdk::encryption::recovery::{RecoveryError, RecoveryState};
use matrix_sdk::encryption::secret_storage::SecretStorageError;
use matrix_sdk::encryption::{CrossSigningResetAuthType, LocalTrust, VerificationState};
use matrix_sdk::ruma::api::client::uiaa::AuthData;
use matrix_sdk::ruma::{OwnedDeviceId, OwnedUserId, UserId};
use matrix_sdk::{Room, RoomMemberships};
// Not re-exported by matrix_sdk: the crypto crate the SDK itself uses.
use matrix_sdk_crypto::{IdentityState, IdentityStatusChange};

use super::ActiveSession;
use super::models::{
    DeviceSummary, DeviceTrust, IdentityWarning, RecoveryStatus, SecurityStatus, WarningKind,
};
use super::uia::{self, Challenge, Confirmation};
use crate::error::AppError;

/// Makes sure the account has a cross-signing identity, right after sign-in: the
/// first device of an account creates it. A device signing in to an
/// account that has one already creates nothing: it must be verified instead.
/// Servers that ask for user-interactive authentication get the password just typed,
/// if there is one.
pub(super) async fn ensure_cross_signing(
    client: &Client,
    password: Option<&str>,
) -> Result<(), AppError> {
    let encryption = client.encryption();
    let Err(error) = encryption.bootstrap_cross_signing_if_needed(None).await else {
        return Ok(());
    };
    // Without a password (single sign-on) there is nothing to answer with; servers
    // let an account's first identity be made without asking (MSC3967).
    let (Some(uiaa), Some(password)) = (error.as_uiaa_response(), password) else {
        return Err(sdk_error("bootstrap cross-signing", &error));
    };
    let auth = password_auth(client, password, uiaa.session.clone())?;
    encryption
        .bootstrap_cross_signing(Some(auth))
        .await
        .map_err(|e| sdk_error("bootstrap cross-signing", &e))
}

fn password_auth(
    client: &Client,
    password: &str,
    session: Option<String>,
) -> Result<AuthData, AppError> {
    let user_id = client.user_id().ok_or(AppError::SessionExpired)?;
    let password = password.to_owned();
    Ok(uia::auth_data(
        user_id,
        Confirmation::Password { password, session },
    ))
}

fn device_trust(state: VerificationState) -> DeviceTrust {
    match state {
        VerificationState::Unknown => DeviceTrust::Unknown,
        VerificationState::Verified => DeviceTrust::Verified,
        VerificationState::Unverified => DeviceTrust::Unverified,
    }
}

fn recovery_status(state: RecoveryState) -> RecoveryStatus {
    match state {
        RecoveryState::Unknown => RecoveryStatus::Unknown,
        RecoveryState::Enabled => RecoveryStatus::Enabled,
        RecoveryState::Disabled => RecoveryStatus::Disabled,
        RecoveryState::Incomplete => RecoveryStatus::Incomplete,
    }
}

/// Logs the SDK's detail (never shown: it can name URLs and ids) and returns the
/// plain error people see.
fn sdk_error(action: &str, error: &dyn std::fmt::Display) -> AppError {
    tracing::warn!("{action} failed: {error}");
    AppError::EncryptionFailed
}

fn recovery_error(action: &str, error: RecoveryError) -> AppError {
    match error {
        // The key does not open secret storage: a typo, or an old key.
        RecoveryError::SecretStorage(SecretStorageError::SecretStorageKey(_)) => {
            AppError::WrongRecoveryKey
        }
        RecoveryError::SecretStorage(SecretStorageError::MissingKeyInfo { .. }) => {
            AppError::NoRecoveryOnServer
        }
        // Another app made a backup without secret storage: this one can't take it over.
        RecoveryError::BackupExistsOnServer => AppError::BackupExists,
        RecoveryError::Sdk(matrix_sdk::Error::Http(http))
            if matches!(*http, HttpError::Reqwest(_)) =>
        {
            AppError::Offline
        }
        other => sdk_error(action, &other),
    }
}

impl ActiveSession {
    /// The device's verification and the account's recovery, now and on every change.
    pub fn security_updates(&self) -> impl Stream<Item = SecurityStatus> + use<> {
        let encryption = self.client().encryption();
        let verification = encryption.verification_state();
        let recovery = encryption.recovery();
        let device = device_trust(verification.get());
        let current = SecurityStatus {
            device,
            recovery: recovery_status(recovery.state()),
        };
        // Both streams start with their current value; each change yields a new pair.
        let devices = stream::once(future::ready(device))
            .chain(verification.map(device_trust))
            .map(Change::Device);
        let recoveries = recovery
            .state_stream()
            .map(|state| Change::Recovery(recovery_status(state)));
        let mut status = current;
        stream::select(devices, recoveries).map(move |change| {
            match change {
                Change::Device(device) => status.device = device,
                Change::Recovery(recovery) => status.recovery = recovery,
            }
            status
        })
    }

    /// Turns on key backup and secret storage, and returns the new recovery key. It is
    /// shown once: only the person keeps it.
    pub async fn enable_recovery(&self) -> Result<String, AppError> {
        let recovery = self.client().encryption().recovery();
        recovery
            .enable()
            .wait_for_backups_to_upload()
            .await
            .map_err(|e| recovery_error("enable recovery", e))
    }

    /// Unlocks secret storage with the recovery key: this device gets the
    /// cross-signing keys (so it counts as verified) and the backup key (so history
    /// decrypts). A wrong key changes nothing.
    pub async fn recover(&self, recovery_key: &str) -> Result<(), AppError> {
        let key = recovery_key.trim();
        if key.is_empty() {
            return Err(AppError::WrongRecoveryKey);
        }
        self.client()
            .encryption()
            .recovery()
            .recover(key)
            .await
            .map_err(|e| recovery_error("recover", e))
    }

    /// A new recovery key in place of the old one, which stops working.
    pub async fn change_recovery_key(&self) -> Result<String, AppError> {
        self.client()
            .encryption()
            .recovery()
            .reset_key()
            .await
            .map_err(|e| recovery_error("change recovery key", e))
    }

    /// Starts over when the recovery key is lost: a new identity, a new backup and a
    /// new recovery key. Messages only the old backup held cannot be read any more.
    /// Asked without `confirmation`, this starts the reset (the SDK turns the old
    /// backup off at once) and returns what the server asks to confirm it, kept until
    /// answered; asked again with the answer, it finishes and returns the new key.
    pub async fn reset_identity(
        &self,
        confirmation: Option<Confirmation>,
    ) -> Result<ResetStep, AppError> {
        let pending = self.pending_reset.borrow().clone();
        let (handle, confirmation) = match pending {
            Some(handle) => (handle, confirmation),
            None => {
                let started = self
                    .client()
                    .encryption()
                    .recovery()
                    .reset_identity()
                    .await
                    .map_err(|e| recovery_error("reset identity", e))?;
                let Some(handle) = started else {
                    return self.enable_recovery().await.map(ResetStep::Done);
                };
                // An answer to an earlier attempt names another session.
                (Rc::new(handle), None)
            }
        };
        let auth = match (handle.auth_type(), &confirmation) {
            (CrossSigningResetAuthType::OAuth(_), _) => None,
            (CrossSigningResetAuthType::Uiaa(info), None) => {
                // Half done already: "nothing was changed" would not be true.
                let challenge = Challenge::read(&self.client().homeserver(), info)
                    .map_err(|_| AppError::ResetCannotConfirm)?;
                *self.pending_reset.borrow_mut() = Some(handle);
                return Ok(ResetStep::Confirm(challenge));
            }
            (CrossSigningResetAuthType::Uiaa(_), Some(answer)) => {
                let user_id = self.client().user_id().ok_or(AppError::SessionExpired)?;
                Some(uia::auth_data(user_id, answer.clone()))
            }
        };
        // After an SSO answer the SDK keeps asking, for up to two minutes, while the
        // confirmation is still under way in the other window.
        let result = handle.reset(auth).await;
        let refused = |sdk: &matrix_sdk::Error| {
            sdk.as_uiaa_response().is_some() || matches!(sdk, matrix_sdk::Error::Timeout)
        };
        match result {
            Ok(()) => {}
            // The old backup is already off at this point (the SDK turns it off
            // first): the reset is half done, and saying "nothing changed" would lie.
            // The same confirmation can be given again.
            Err(RecoveryError::Sdk(ref sdk)) if refused(sdk) => {
                return Err(match confirmation {
                    Some(Confirmation::SsoFinished { .. }) => AppError::ResetNotConfirmed,
                    _ => AppError::ResetNotFinished,
                });
            }
            // Anything else (the server forgot the confirmation session, say): the
            // next try starts the reset afresh.
            Err(other) => {
                self.pending_reset.take();
                return Err(recovery_error("reset identity", other));
            }
        }
        self.pending_reset.take();
        self.enable_recovery().await.map(ResetStep::Done)
    }

    /// Lets go of a reset waiting for confirmation. The old backup stays off; a new
    /// reset starts afresh.
    pub async fn cancel_reset_identity(&self) {
        let pending = self.pending_reset.take();
        if let Some(handle) = pending {
            handle.cancel().await;
        }
    }

    /// Whether signing out now would lose keys: recovery is not on, or room keys are
    /// still waiting to be uploaded to the backup.
    pub async fn keys_at_risk(&self) -> bool {
        let encryption = self.client().encryption();
        if encryption.recovery().state() != RecoveryState::Enabled {
            return true;
        }
        let backups = encryption.backups();
        let settle = backups.wait_for_steady_state().into_future();
        let waited = matrix_sdk::sleep::sleep(std::time::Duration::from_secs(5));
        futures_util::pin_mut!(settle, waited);
        match future::select(settle, waited).await {
            future::Either::Left((result, _)) => result.is_err(),
            future::Either::Right(_) => true,
        }
    }

    /// People in `room_id` whose encryption changed in a way to warn about, as a stream
    /// of the whole current list: identities that changed since first seen or
    /// verified, and devices that someone we verified has not verified themselves.
    pub async fn identity_warnings(
        &self,
        room_id: &str,
    ) -> Result<impl Stream<Item = Vec<IdentityWarning>> + use<>, AppError> {
        let room = super::rooms::room(self, room_id)?;
        let identities = room
            .subscribe_to_identity_status_changes()
            .await
            .map_err(|e| sdk_error("identity changes", &e))?
            .map(Update::Identities);
        let devices = self
            .client()
            .encryption()
            .devices_stream()
            .await
            .map_err(|e| sdk_error("device changes", &e))?;
        let devices =
            stream::once(future::ready(Update::Devices)).chain(devices.map(|_| Update::Devices));
        // The SDK sends what changed; the view wants the whole list.
        let identity_warnings = Rc::new(RefCell::new(Vec::<IdentityWarning>::new()));
        let device_warnings = Rc::new(RefCell::new(Vec::<IdentityWarning>::new()));
        Ok(stream::select(identities, devices).then(move |update| {
            let room = room.clone();
            let (identity_warnings, device_warnings) =
                (identity_warnings.clone(), device_warnings.clone());
            async move {
                match update {
                    Update::Identities(batch) => {
                        let mut warnings = identity_warnings.borrow_mut();
                        for change in batch {
                            warnings.retain(|w| w.user_id != change.user_id.as_str());
                            warnings.extend(warning_of(&change));
                        }
                    }
                    Update::Devices => {
                        let found = unverified_devices_of_verified_members(&room).await;
                        *device_warnings.borrow_mut() = found;
                    }
                }
                let mut all = identity_warnings.borrow().clone();
                all.extend(device_warnings.borrow().iter().cloned());
                for warning in &mut all {
                    warning.name = display_name(&room, &warning.user_id).await;
                }
                all
            }
        }))
    }

    /// Accepts a device its owner has not verified: it is not warned about again.
    async fn acknowledge_device(&self, user_id: &str, device_id: &str) -> Result<(), AppError> {
        let user_id = parse_user(user_id)?;
        let device = self
            .client()
            .encryption()
            .get_device(&user_id, device_id.into())
            .await
            .map_err(|e| sdk_error("get device", &e))?;
        match device {
            Some(device) => device
                .set_local_trust(LocalTrust::Ignored)
                .await
                .map_err(|e| sdk_error("acknowledge device", &e)),
            // Gone meanwhile: nothing left to warn about.
            None => Ok(()),
        }
    }

    /// Accepts what `warning` warns about, so it is not shown again.
    pub async fn acknowledge_warning(&self, warning: &IdentityWarning) -> Result<(), AppError> {
        match &warning.kind {
            WarningKind::UnverifiedDevice(device_id) => {
                self.acknowledge_device(&warning.user_id, device_id).await
            }
            _ => self.acknowledge_identity(&warning.user_id).await,
        }
    }

    /// Accepts a changed identity: a verified one loses its verification (it can be
    /// verified again), an unverified one is trusted on first sight again.
    async fn acknowledge_identity(&self, user_id: &str) -> Result<(), AppError> {
        let user_id = parse_user(user_id)?;
        let identity = self
            .client()
            .encryption()
            .get_user_identity(&user_id)
            .await
            .map_err(|e| sdk_error("get identity", &e))?
            .ok_or_else(|| AppError::UnknownUser(user_id.to_string()))?;
        let result = if identity.has_verification_violation() {
            identity.withdraw_verification().await
        } else {
            identity.pin().await
        };
        result.map_err(|e| sdk_error("acknowledge identity", &e))
    }

    /// This account's devices: the server's list (names, last seen) with what our
    /// crypto store knows about each one's verification.
    pub async fn devices(&self) -> Result<Vec<DeviceSummary>, AppError> {
        let client = self.client();
        let listed = client
            .devices()
            .await
            .map_err(|e| http_error("list devices", &e))?;
        let own = client.user_id().ok_or(AppError::SessionExpired)?;
        let known = client
            .encryption()
            .get_user_devices(own)
            .await
            .map_err(|e| sdk_error("get devices", &e))?;
        let current = client.device_id().map(|d| d.to_owned());
        let mut devices: Vec<DeviceSummary> = listed
            .devices
            .into_iter()
            .map(|device| {
                let trust = match known.get(&device.device_id) {
                    Some(d) if d.is_cross_signed_by_owner() => DeviceTrust::Verified,
                    Some(_) => DeviceTrust::Unverified,
                    None => DeviceTrust::Unknown,
                };
                DeviceSummary {
                    is_current: current.as_deref() == Some(&*device.device_id),
                    id: device.device_id.to_string(),
                    name: device.display_name.unwrap_or_default(),
                    last_seen_ms: device.last_seen_ts.map(|ts| u64::from(ts.0)),
                    trust,
                }
            })
            .collect();
        // This device first, then the most recently seen.
        devices.sort_by_key(|d| (!d.is_current, std::cmp::Reverse(d.last_seen_ms)));
        Ok(devices)
    }

    pub async fn rename_device(&self, device_id: &str, name: &str) -> Result<(), AppError> {
        let device_id = OwnedDeviceId::from(device_id);
        self.client()
            .rename_device(&device_id, name.trim())
            .await
            .map(|_| ())
            .map_err(|e| http_error("rename device", &e))
    }

    /// Signs other devices out. The server wants the person to confirm it is them:
    /// asked without `confirmation`, this returns what to answer (nothing is done
    /// yet), unless the server asks nothing; then again with the answer. `Ok(None)`:
    /// signed out.
    pub async fn delete_devices(
        &self,
        device_ids: &[String],
        confirmation: Option<Confirmation>,
    ) -> Result<Option<Challenge>, AppError> {
        let ids: Vec<OwnedDeviceId> = device_ids
            .iter()
            .map(|id| OwnedDeviceId::from(id.as_str()))
            .collect();
        let client = self.client();
        uia::confirmed(
            client,
            confirmation,
            |auth| client.delete_devices(&ids, auth),
            |error| http_error("delete devices", error),
        )
        .await
    }
}

/// Where an identity reset stands.
pub enum ResetStep {
    /// Started; the server wants the person to confirm it is them.
    Confirm(Challenge),
    /// Done: the new recovery key.
    Done(String),
}

enum Update {
    Identities(Vec<IdentityStatusChange>),
    Devices,
}

/// Devices of the room's members whom we verified, which their owner has not signed:
/// someone may have signed in as them. Devices acknowledged before are left out.
async fn unverified_devices_of_verified_members(room: &Room) -> Vec<IdentityWarning> {
    let encryption = room.client().encryption();
    let Ok(members) = room.members_no_sync(RoomMemberships::JOIN).await else {
        return Vec::new();
    };
    let own = room.client().user_id().map(ToOwned::to_owned);
    let mut warnings = Vec::new();
    for member in members {
        let user_id = member.user_id();
        if own.as_deref() == Some(user_id) {
            continue;
        }
        let verified = matches!(
            encryption.get_user_identity(user_id).await,
            Ok(Some(identity)) if identity.is_verified()
        );
        if !verified {
            continue;
        }
        let Ok(devices) = encryption.get_user_devices(user_id).await else {
            continue;
        };
        for device in devices.devices() {
            let ignored = device.local_trust_state() == LocalTrust::Ignored;
            if !device.is_cross_signed_by_owner() && !ignored && !device.is_deleted() {
                warnings.push(IdentityWarning {
                    user_id: user_id.to_string(),
                    name: user_id.to_string(),
                    kind: WarningKind::UnverifiedDevice(device.device_id().to_string()),
                });
            }
        }
    }
    warnings
}

enum Change {
    Device(DeviceTrust),
    Recovery(RecoveryStatus),
}

fn warning_of(change: &IdentityStatusChange) -> Option<IdentityWarning> {
    let kind = match change.changed_to {
        IdentityState::PinViolation => WarningKind::IdentityChanged,
        IdentityState::VerificationViolation => WarningKind::VerifiedIdentityChanged,
        IdentityState::Verified | IdentityState::Pinned => return None,
    };
    Some(IdentityWarning {
        user_id: change.user_id.to_string(),
        name: change.user_id.to_string(),
        kind,
    })
}

async fn display_name(room: &matrix_sdk::Room, user_id: &str) -> String {
    let Ok(id) = UserId::parse(user_id) else {
        return user_id.to_owned();
    };
    match room.get_member_no_sync(&id).await {
        Ok(Some(member)) => member.display_name().unwrap_or(user_id).to_owned(),
        _ => user_id.to_owned(),
    }
}

fn parse_user(user_id: &str) -> Result<OwnedUserId, AppError> {
    UserId::parse(user_id).map_err(|_| AppError::InvalidUserId(user_id.to_owned()))
}

fn http_error(action: &str, error: &HttpError) -> AppError {
    if matches!(error, HttpError::Reqwest(_)) {
        return AppError::Offline;
    }
    tracing::warn!("{action} failed: {error}");
    AppError::EncryptionFailed
}
