//! The session vault: one record in IndexedDB holding a non-extractable AES-GCM
//! WebCrypto key and, encrypted with it, the session (tokens and the store secret).
//!
//! Nothing secret is ever written in plain text. Script on the page can *use* the key
//! while the page is open, but cannot read its bytes, so a copy of the profile's
//! IndexedDB files or an exfiltrated record cannot be decrypted elsewhere
//! (see docs/architecture.md, "Storage").

use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, SubtleCrypto};

use crate::error::AppError;

pub const DB_NAME: &str = "lattice-vault";
const STORE: &str = "vault";
const RECORD_KEY: &str = "session";
/// The last room list's first screen, drawn at start-up before the stores are open.
const FIRST_SCREEN_KEY: &str = "first-screen";
const IV_LEN: usize = 12;

fn storage_error(context: &str, error: impl std::fmt::Debug) -> AppError {
    AppError::storage(format!("{context}: {error:?}"))
}

fn js_error(context: &str, error: JsValue) -> AppError {
    let detail = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned());
    AppError::storage(format!("{context}: {detail}"))
}

fn subtle() -> Result<SubtleCrypto, AppError> {
    let window = web_sys::window().ok_or_else(|| AppError::Storage("no window".into()))?;
    let crypto = window.crypto().map_err(|e| js_error("WebCrypto", e))?;
    Ok(crypto.subtle())
}

/// `n` bytes from the browser's CSPRNG.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, AppError> {
    let window = web_sys::window().ok_or_else(|| AppError::Storage("no window".into()))?;
    let crypto = window.crypto().map_err(|e| js_error("WebCrypto", e))?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| js_error("random", e))?;
    Ok(bytes)
}

async fn open_db() -> Result<Database, AppError> {
    Database::open(DB_NAME)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, tx| {
            tx.db().create_object_store(STORE).build()?;
            Ok(())
        })
        .await
        .map_err(|e| storage_error("open vault", e))
}

/// Whether this browser lets the page keep data at all: site data blocked by policy,
/// or some private windows, refuse IndexedDB, and then nothing else can work.
pub async fn check_available() -> Result<(), AppError> {
    let available = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .is_some();
    if !available {
        return Err(AppError::StorageUnavailable("no IndexedDB".to_owned()));
    }
    match open_db().await {
        Ok(db) => {
            db.close();
            Ok(())
        }
        Err(error) => Err(AppError::StorageUnavailable(error.to_string())),
    }
}

async fn new_key(subtle: &SubtleCrypto) -> Result<CryptoKey, AppError> {
    let params = AesKeyGenParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    // extractable = false: the key's bytes can never be read back by script.
    let promise = subtle
        .generate_key_with_object(&params, false, &usages)
        .map_err(|e| js_error("generate key", e))?;
    let key = JsFuture::from(promise)
        .await
        .map_err(|e| js_error("generate key", e))?;
    key.dyn_into::<CryptoKey>()
        .map_err(|e| js_error("generate key", e))
}

/// Encrypts `plaintext` under a fresh non-extractable key and stores both,
/// replacing any previous session.
pub async fn save(plaintext: &[u8]) -> Result<(), AppError> {
    save_as(RECORD_KEY, plaintext).await
}

/// The stored session's plaintext, or `None` when no one is signed in.
pub async fn load() -> Result<Option<Vec<u8>>, AppError> {
    load_from(RECORD_KEY).await
}

/// Keeps the first screen of the room list, encrypted like the session (and cleared
/// with it by `clear`).
pub async fn save_first_screen(plaintext: &[u8]) -> Result<(), AppError> {
    save_as(FIRST_SCREEN_KEY, plaintext).await
}

/// The kept first screen of the room list, if there is one.
pub async fn load_first_screen() -> Result<Option<Vec<u8>>, AppError> {
    load_from(FIRST_SCREEN_KEY).await
}

async fn save_as(record_key: &str, plaintext: &[u8]) -> Result<(), AppError> {
    let subtle = subtle()?;
    let key = new_key(&subtle).await?;
    let mut iv = random_bytes(IV_LEN)?;
    let params = AesGcmParams::new_with_u8_slice("AES-GCM", &mut iv);
    let promise = subtle
        .encrypt_with_object_and_u8_array(&params, &key, plaintext)
        .map_err(|e| js_error("encrypt", e))?;
    let ciphertext = JsFuture::from(promise)
        .await
        .map_err(|e| js_error("encrypt", e))?;

    let record = Object::new();
    let set = |name: &str, value: &JsValue| {
        Reflect::set(&record, &name.into(), value).map_err(|e| js_error("vault record", e))
    };
    set("key", &key)?;
    set("iv", &Uint8Array::from(iv.as_slice()))?;
    set("ciphertext", &Uint8Array::new(&ciphertext))?;

    write(|store| {
        store
            .put(JsValue::from(record))
            .with_key(record_key)
            .build()
            .map(drop)
            .map_err(|e| storage_error("vault write", e))
    })
    .await
}

async fn load_from(record_key: &str) -> Result<Option<Vec<u8>>, AppError> {
    let record = match read(record_key).await? {
        Some(record) => record,
        None => return Ok(None),
    };
    // A record that is there but cannot be decrypted is damaged: it will never read.
    let unreadable = |context: &str, error: JsValue| {
        tracing::warn!("{}", js_error(context, error));
        AppError::LocalDataUnreadable
    };
    let field = |name: &str| Reflect::get(&record, &name.into()).map_err(|e| js_error("vault", e));
    let key: CryptoKey = field("key")?
        .dyn_into()
        .map_err(|e| unreadable("vault record without a key", e))?;
    let mut iv = Uint8Array::new(&field("iv")?).to_vec();
    let ciphertext = Uint8Array::new(&field("ciphertext")?).to_vec();
    let params = AesGcmParams::new_with_u8_slice("AES-GCM", &mut iv);
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(&params, &key, &ciphertext)
        .map_err(|e| unreadable("decrypt", e))?;
    let plaintext = JsFuture::from(promise)
        .await
        .map_err(|e| unreadable("decrypt", e))?;
    Ok(Some(Uint8Array::new(&plaintext).to_vec()))
}

/// The raw stored record (key, iv, ciphertext); the browser tests inspect it too.
pub async fn read_record() -> Result<Option<JsValue>, AppError> {
    read(RECORD_KEY).await
}

async fn read(record_key: &str) -> Result<Option<JsValue>, AppError> {
    let db = open_db().await?;
    let record: Option<JsValue> = {
        let tx = db
            .transaction(STORE)
            .build()
            .map_err(|e| storage_error("vault transaction", e))?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| storage_error("vault store", e))?;
        store
            .get(record_key)
            .primitive()
            .map_err(|e| storage_error("vault read", e))?
            .await
            .map_err(|e| storage_error("vault read", e))?
    };
    db.close();
    Ok(record.filter(|r| !r.is_undefined() && !r.is_null()))
}

/// Whether this site can still write anything: a tiny record is written and removed.
/// A full quota makes it fail with `AppError::StorageFull` (the estimate the browser
/// reports does not always know about an administrator's limit).
pub async fn check_writable() -> Result<(), AppError> {
    const PROBE_KEY: &str = "write-check";
    write(|store| {
        store
            .put(JsValue::from(1))
            .with_key(PROBE_KEY)
            .build()
            .map(drop)
            .map_err(|e| storage_error("vault write check", e))
    })
    .await?;
    write(|store| {
        store
            .delete(PROBE_KEY)
            .build()
            .map(drop)
            .map_err(|e| storage_error("vault write check", e))
    })
    .await
}

/// Forgets the session: the key goes with it, so anything it protected is unreadable.
pub async fn clear() -> Result<(), AppError> {
    write(|store| {
        store
            .clear()
            .map(drop)
            .map_err(|e| storage_error("vault clear", e))
    })
    .await
}

/// Runs one write on the vault's object store in its own committed transaction.
async fn write(
    request: impl FnOnce(&ObjectStore<'_>) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let db = open_db().await?;
    {
        let tx = db
            .transaction(STORE)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(|e| storage_error("vault transaction", e))?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| storage_error("vault store", e))?;
        request(&store)?;
        tx.commit()
            .await
            .map_err(|e| storage_error("vault commit", e))?;
    }
    db.close();
    Ok(())
}
