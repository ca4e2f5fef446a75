//! The state store's cipher key, exported under the store secret with few KDF rounds.
//!
//! matrix-sdk's IndexedDB state store takes only a passphrase. When it creates its meta
//! database it exports a fresh `StoreCipher` under PBKDF2-SHA256 with 200,000 rounds,
//! and every later open derives that key again: ~250 ms of wasm on each start. The
//! export records its own round count, and the SDK's import uses whatever it records.
//! Our passphrase is a random 256-bit secret (`StoreKeys`), so stretching it adds
//! nothing: this module writes the export itself, with the SDK's lowest round count,
//! before the SDK opens the store. The cipher and the encryption of every value
//! (XChaCha20-Poly1305, keyed hashes for keys) stay exactly as the SDK makes them.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use matrix_sdk_store_encryption::StoreCipher;
use wasm_bindgen::JsValue;

use crate::error::AppError;

/// The SDK's names: `{prefix}::matrix-sdk-state` holds the object store
/// `matrix-sdk-state`, where the export is kept under `store_key`.
const META_STORE: &str = "matrix-sdk-state";
const STORE_KEY: &str = "store_key";

fn storage_error(context: &str, error: impl std::fmt::Display) -> AppError {
    AppError::Storage(format!("{context}: {error}"))
}

/// Makes sure the stores with `prefix` hold a cheap export of their cipher key.
///
/// A new session gets a fresh cipher. A session whose export the SDK wrote (with the
/// full round count) is re-exported once, at the cost of one slow import; `known_fast`
/// skips that check once it has been done.
pub async fn prepare(prefix: &str, passphrase: &str, known_fast: bool) -> Result<(), AppError> {
    // Opened without a version: an existing database opens as it is, a new one is
    // created at version 1 with the one object store version 1 of the SDK's has; the
    // SDK upgrades it from there like any older database of its own.
    let db: Database = Database::open(format!("{prefix}::{META_STORE}"))
        .with_on_upgrade_needed(|event, tx| {
            if event.old_version() < 1.0 {
                tx.db().create_object_store(META_STORE).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| storage_error("open the store key", e))?;
    let result = write_fast_export(&db, passphrase, known_fast).await;
    // The SDK opens the same database next, possibly to upgrade it: ours must be closed.
    db.close();
    result
}

async fn write_fast_export(
    db: &Database,
    passphrase: &str,
    known_fast: bool,
) -> Result<(), AppError> {
    let tx = db
        .transaction(META_STORE)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(|e| storage_error("read the store key", e))?;
    let store = tx
        .object_store(META_STORE)
        .map_err(|e| storage_error("read the store key", e))?;
    let existing: Option<JsValue> = store
        .get(&JsValue::from_str(STORE_KEY))
        .await
        .map_err(|e| storage_error("read the store key", e))?;
    let cipher = match existing {
        None => StoreCipher::new().map_err(|e| storage_error("create the store key", e))?,
        Some(_) if known_fast => return Ok(()),
        Some(value) => {
            let export: Vec<u8> = serde_wasm_bindgen::from_value(value)
                .map_err(|e| storage_error("read the store key", e))?;
            StoreCipher::import(passphrase, &export)
                .map_err(|e| storage_error("unlock the stores", e))?
        }
    };
    // The SDK's own export with its lowest round count (1,000): its name says
    // "insecure" because tests use it with weak passphrases, never with a random key.
    let export = cipher
        ._insecure_export_fast_for_testing(passphrase)
        .map_err(|e| storage_error("save the store key", e))?;
    // Stored as the SDK stores it: an array of numbers.
    let value = serde_wasm_bindgen::to_value(&export)
        .map_err(|e| storage_error("save the store key", e))?;
    store
        .put(&value)
        .with_key(STORE_KEY)
        .await
        .map_err(|e| storage_error("save the store key", e))?;
    tx.commit()
        .await
        .map_err(|e| storage_error("save the store key", e))
}
