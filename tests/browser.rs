//! Browser tests: headless Chromium, real IndexedDB and WebCrypto.
//! The session vault (key wrapping) and a session's save, restore and delete.

use js_sys::{Reflect, Uint8Array};
use lattice::matrix::session::StoredSession;
use lattice::storage::{databases, vault};
use matrix_sdk::SessionMeta;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::ruma::{device_id, user_id};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SECRET_TOKEN: &str = "syt_secret_access_token_that_must_never_be_stored_in_clear";

fn fake_session() -> MatrixSession {
    MatrixSession {
        meta: SessionMeta {
            user_id: user_id!("@alice:localhost").to_owned(),
            device_id: device_id!("BROWSERTEST").to_owned(),
        },
        tokens: matrix_sdk::SessionTokens {
            access_token: SECRET_TOKEN.to_owned(),
            refresh_token: None,
        },
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[wasm_bindgen_test]
async fn vault_round_trip_with_a_non_extractable_key() {
    let plaintext = b"{\"token\":\"vault-round-trip\"}";
    vault::save(plaintext).await.expect("save");
    assert_eq!(
        vault::load().await.expect("load").as_deref(),
        Some(&plaintext[..])
    );

    let record = vault::read_record().await.expect("read").expect("a record");
    let key: web_sys::CryptoKey = Reflect::get(&record, &"key".into())
        .expect("key field")
        .dyn_into()
        .expect("a CryptoKey");
    assert!(!key.extractable(), "the vault key must be non-extractable");
    assert_eq!(
        Reflect::get(&key.algorithm().expect("algo"), &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .as_deref(),
        Some("AES-GCM")
    );

    // Script cannot read the key's bytes back.
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let export = JsFuture::from(subtle.export_key("raw", &key).expect("exportKey call")).await;
    assert!(export.is_err(), "exporting the vault key must fail");

    // What is stored is ciphertext, not the plaintext.
    let ciphertext =
        Uint8Array::new(&Reflect::get(&record, &"ciphertext".into()).unwrap()).to_vec();
    assert!(!contains(&ciphertext, b"vault-round-trip"));

    vault::clear().await.expect("clear");
    assert_eq!(vault::load().await.expect("load after clear"), None);
}

#[wasm_bindgen_test]
async fn each_save_uses_a_new_key() {
    vault::save(b"one").await.expect("save one");
    let first = vault::read_record().await.unwrap().unwrap();
    vault::save(b"two").await.expect("save two");
    let second = vault::read_record().await.unwrap().unwrap();
    let iv = |r: &wasm_bindgen::JsValue| {
        Uint8Array::new(&Reflect::get(r, &"iv".into()).unwrap()).to_vec()
    };
    assert_ne!(iv(&first), iv(&second));
    assert_eq!(vault::load().await.unwrap().as_deref(), Some(&b"two"[..]));
    vault::clear().await.unwrap();
}

#[wasm_bindgen_test]
async fn session_save_restore_and_delete() {
    let homeserver = url::Url::parse("http://127.0.0.1:1/").unwrap();
    let stored = StoredSession::new(homeserver, fake_session()).expect("new session");
    let prefix = stored.store_prefix().to_owned();

    // Opening creates the SDK's encrypted stores under this session's prefix.
    let client = stored.open_client().await.expect("open stores");
    assert_eq!(
        client.user_id().map(|u| u.as_str()),
        Some("@alice:localhost")
    );
    let names = databases::list().await.expect("list");
    assert!(
        names.iter().filter(|n| n.starts_with(&prefix)).count() >= 4,
        "stores: {names:?}"
    );
    drop(client);

    // Saved: the token is nowhere in plain text.
    stored.save().await.expect("save");
    let record = vault::read_record().await.unwrap().unwrap();
    let ciphertext =
        Uint8Array::new(&Reflect::get(&record, &"ciphertext".into()).unwrap()).to_vec();
    assert!(!contains(&ciphertext, SECRET_TOKEN.as_bytes()));

    // Restored: same session, same stores, no server needed.
    let restored = StoredSession::load()
        .await
        .expect("load")
        .expect("a session");
    assert_eq!(restored.store_prefix(), prefix);
    let client = restored.open_client().await.expect("reopen stores");
    assert_eq!(client.device_id().map(|d| d.as_str()), Some("BROWSERTEST"));
    assert_eq!(client.access_token().as_deref(), Some(SECRET_TOKEN));
    drop(client);

    // Deleted: the vault, and with it the store secret, is gone at once. The SDK
    // keeps its connections open until the page goes away, so its databases finish
    // deleting on the next load; the end-to-end logout test checks that they do.
    StoredSession::delete_local(&prefix).await.expect("delete");
    assert!(
        StoredSession::load()
            .await
            .expect("load after delete")
            .is_none()
    );
    assert!(vault::read_record().await.expect("read").is_none());
}

/// The room list's kept first screen: encrypted like the session (no room name in the
/// clear), read back, and gone with the session.
#[wasm_bindgen_test]
async fn the_first_screen_is_kept_encrypted_and_cleared_with_the_session() {
    vault::save(b"session").await.unwrap();
    vault::save_first_screen(b"[\"Secret project room\"]")
        .await
        .unwrap();
    assert_eq!(
        vault::load_first_screen().await.unwrap().as_deref(),
        Some(&b"[\"Secret project room\"]"[..])
    );
    assert_eq!(
        vault::load().await.unwrap().as_deref(),
        Some(&b"session"[..])
    );
    // The record as stored: only ciphertext.
    let record = {
        use indexed_db_futures::prelude::*;
        let db = indexed_db_futures::database::Database::open(vault::DB_NAME)
            .await
            .unwrap();
        let tx = db.transaction("vault").build().unwrap();
        let store = tx.object_store("vault").unwrap();
        let record: Option<wasm_bindgen::JsValue> = store
            .get(&wasm_bindgen::JsValue::from_str("first-screen"))
            .await
            .unwrap();
        record.expect("a first-screen record")
    };
    let ciphertext =
        Uint8Array::new(&Reflect::get(&record, &"ciphertext".into()).unwrap()).to_vec();
    assert!(!contains(&ciphertext, b"Secret project room"));
    vault::clear().await.unwrap();
    assert_eq!(vault::load_first_screen().await.unwrap(), None);
}

/// "rounds" and its value in the msgpack of the SDK's cipher key export.
const SLOW_ROUNDS: [u8; 12] = [
    0xa6, b'r', b'o', b'u', b'n', b'd', b's', 0xce, 0, 3, 0x0d, 0x40,
];
const FAST_ROUNDS: [u8; 10] = [0xa6, b'r', b'o', b'u', b'n', b'd', b's', 0xcd, 0x03, 0xe8];

/// The state store's exported cipher key, as the SDK keeps it in its meta database.
async fn store_key_export(prefix: &str) -> Vec<u8> {
    use indexed_db_futures::prelude::*;
    let db = indexed_db_futures::database::Database::open(format!("{prefix}::matrix-sdk-state"))
        .await
        .expect("open the meta database");
    let tx = db
        .transaction("matrix-sdk-state")
        .build()
        .expect("transaction");
    let store = tx.object_store("matrix-sdk-state").expect("object store");
    let value: Option<wasm_bindgen::JsValue> = store
        .get(&wasm_bindgen::JsValue::from_str("store_key"))
        .await
        .expect("read");
    serde_wasm_bindgen::from_value(value.expect("a store key")).expect("bytes")
}

/// New stores get their cipher key exported with 1,000 PBKDF2 rounds, not 200,000: the
/// secret is random, so the rounds would only cost time at every start.
#[wasm_bindgen_test]
async fn new_stores_export_their_key_with_few_rounds() {
    let homeserver = url::Url::parse("http://127.0.0.1:1/").unwrap();
    let stored = StoredSession::new(homeserver, fake_session()).unwrap();
    drop(stored.open_client().await.expect("open stores"));
    let export = store_key_export(stored.store_prefix()).await;
    assert!(contains(&export, &FAST_ROUNDS) && !contains(&export, &SLOW_ROUNDS));
    StoredSession::delete_local(stored.store_prefix())
        .await
        .unwrap();
}

/// A session saved before that, whose stores the SDK created with 200,000 rounds: its
/// next restore re-exports the same key cheaply, and what the stores hold stays readable.
#[wasm_bindgen_test]
async fn an_old_store_key_is_re_exported_and_the_stores_stay_readable() {
    let homeserver = url::Url::parse("http://127.0.0.1:1/").unwrap();
    let stored = StoredSession::new(homeserver.clone(), fake_session()).unwrap();
    let mut old = serde_json::to_value(&stored).unwrap();
    let stores = old["stores"].as_object_mut().unwrap();
    stores.remove("fast_key_export");
    let prefix = stores["prefix"].as_str().unwrap().to_owned();
    let passphrase = stores["passphrase"].as_str().unwrap().to_owned();

    let client = matrix_sdk::Client::builder()
        .homeserver_url(homeserver.as_str())
        .indexeddb_store(&prefix, Some(&passphrase))
        .build()
        .await
        .expect("the SDK's own stores");
    client
        .state_store()
        .set_custom_value(b"probe", b"kept".to_vec())
        .await
        .unwrap();
    drop(client);
    assert!(contains(&store_key_export(&prefix).await, &SLOW_ROUNDS));

    let old: StoredSession = serde_json::from_value(old).unwrap();
    let client = old.open_client().await.expect("reopen with the old key");
    let probe = client
        .state_store()
        .get_custom_value(b"probe")
        .await
        .unwrap();
    assert_eq!(probe.as_deref(), Some(&b"kept"[..]));
    drop(client);
    let export = store_key_export(&prefix).await;
    assert!(contains(&export, &FAST_ROUNDS) && !contains(&export, &SLOW_ROUNDS));
    StoredSession::delete_local(&prefix).await.unwrap();
}

#[wasm_bindgen_test]
fn the_crash_notice_offers_a_reload_and_a_report() {
    let document = web_sys::window().unwrap().document().unwrap();
    let notice = lattice::crash::notice(&document, "Lattice 0 stopped\nat: src/x.rs:1:1").unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let title = notice.query_selector("h1").unwrap().unwrap();
    assert_eq!(title.text_content().as_deref(), Some("Lattice stopped"));
    assert!(notice.query_selector("button").unwrap().is_some());
    let report = notice.query_selector("#lt-crash-report").unwrap().unwrap();
    let report: web_sys::HtmlTextAreaElement = report.dyn_into().unwrap();
    assert!(report.value().contains("at: src/x.rs:1:1"));
}

/// A connection that hangs: `fetch` answers nothing, and fails only when its signal
/// aborts. Wrapped by the deadline, it fails at the deadline, as a lost network does.
#[wasm_bindgen_test]
async fn a_request_that_never_answers_fails_at_its_deadline() {
    use wasm_bindgen::JsValue;
    use wasm_bindgen::closure::Closure;

    let global = js_sys::global();
    let original = Reflect::get(&global, &"fetch".into()).unwrap();
    let hung =
        Closure::<dyn Fn(JsValue, JsValue) -> js_sys::Promise>::new(|_input, init: JsValue| {
            js_sys::Promise::new(&mut |_resolve, reject| {
                let Ok(signal) = Reflect::get(&init, &"signal".into()) else {
                    return;
                };
                let reason_of = signal.clone();
                let on_abort = Closure::once_into_js(move || {
                    let reason = Reflect::get(&reason_of, &"reason".into()).unwrap_or_default();
                    let _ = reject.call1(&JsValue::NULL, &reason);
                });
                let listen: js_sys::Function = Reflect::get(&signal, &"addEventListener".into())
                    .unwrap()
                    .unchecked_into();
                listen.call2(&signal, &"abort".into(), &on_abort).unwrap();
            })
        });
    Reflect::set(&global, &"fetch".into(), hung.as_ref()).unwrap();
    lattice::deadline::install_with(200);
    let fetch: js_sys::Function = Reflect::get(&global, &"fetch".into())
        .unwrap()
        .unchecked_into();
    let new = |class: &str, args: &js_sys::Array| {
        let class: js_sys::Function = Reflect::get(&global, &class.into())
            .unwrap()
            .unchecked_into();
        Reflect::construct(&class, args).unwrap()
    };
    let failure = |input: JsValue, init: JsValue| {
        let promise: js_sys::Promise = fetch
            .call2(&global, &input, &init)
            .unwrap()
            .unchecked_into();
        async move {
            let error = JsFuture::from(promise)
                .await
                .expect_err("a hung request must fail");
            Reflect::get(&error, &"name".into()).unwrap().as_string()
        }
    };
    let url = "https://hs.example/_matrix/client/v3/sync";
    // A plain address, and a Request as reqwest hands over: both fail at the deadline.
    let by_url = failure(url.into(), JsValue::UNDEFINED).await;
    let request = new("Request", &js_sys::Array::of1(&url.into()));
    let by_request = failure(request, JsValue::UNDEFINED).await;
    // The caller's own abort (reqwest aborts a request whose future is dropped) still
    // ends the request before the deadline.
    let controller = new("AbortController", &js_sys::Array::new());
    let signal = Reflect::get(&controller, &"signal".into()).unwrap();
    let init = js_sys::Object::new();
    Reflect::set(&init, &"signal".into(), &signal).unwrap();
    let aborted = failure(url.into(), init.into());
    let abort: js_sys::Function = Reflect::get(&controller, &"abort".into())
        .unwrap()
        .unchecked_into();
    abort.call0(&controller).unwrap();
    let by_caller = aborted.await;
    Reflect::set(&global, &"fetch".into(), &original).unwrap();
    assert_eq!(by_url.as_deref(), Some("TimeoutError"));
    assert_eq!(by_request.as_deref(), Some("TimeoutError"));
    assert_eq!(by_caller.as_deref(), Some("AbortError"));
}
