//! End-to-end encryption against another client that really encrypts (`CryptoPeer`,
//! native matrix-sdk): messages both ways, recovery set up and restored in a second
//! browser, emoji verification started from either side, and identity changes.

use lattice_e2e::browser::Browser;
use lattice_e2e::crypto_peer::CryptoPeer;
use lattice_e2e::fixture::{App, AppOptions};
use lattice_e2e::synapse::TestUser;

/// Me signed in in the browser, and another person (a `CryptoPeer`) on the same server.
struct Scene {
    app: App,
    me: TestUser,
    other: TestUser,
    peer: CryptoPeer,
}

impl Scene {
    async fn start() -> anyhow::Result<Self> {
        let app = App::start(AppOptions::default()).await?;
        let me = app.user("me").await?;
        let other = app.user("peer").await?;
        let peer =
            CryptoPeer::login(&app.env.synapse_url, &other.localpart, &other.password).await?;
        app.sign_in(&me).await?;
        Ok(Self {
            app,
            me,
            other,
            peer,
        })
    }
}

/// An encrypted room `peer` made and `me` accepted: open in the browser, and our
/// membership seen by the peer. Returns its ID.
async fn shared_room(
    app: &App,
    peer: &CryptoPeer,
    me: &TestUser,
    name: &str,
) -> anyhow::Result<String> {
    let room_id = peer.create_encrypted_room(name, &[&me.user_id]).await?;
    app.browser.click("button", "Accept").await?;
    open_room(&app.browser, name).await?;
    peer.wait_until_joined(&room_id, &me.user_id).await?;
    Ok(room_id)
}

/// Signs `user` in on `browser` (the app's login page at `origin`).
async fn sign_in(browser: &Browser, origin: &str, user: &TestUser) -> anyhow::Result<()> {
    browser.goto(&format!("{origin}/login")).await?;
    browser.fill("User name", &user.localpart).await?;
    browser.fill("Password", &user.password).await?;
    browser.click("button", "Sign in").await?;
    browser.by_role("button", "Start chat").await?;
    Ok(())
}

async fn open_room(browser: &Browser, name: &str) -> anyhow::Result<()> {
    browser.click("link", name).await?;
    browser.by_role("log", "Messages").await?;
    Ok(())
}

async fn send(browser: &Browser, text: &str) -> anyhow::Result<()> {
    browser.send_message(text).await
}

async fn wait_for_message(browser: &Browser, text: &str) -> anyhow::Result<()> {
    let what = format!("message {text:?} shown decrypted");
    browser
        .wait_for_texts(".lt-event__text", &what, |texts| {
            texts.iter().any(|t| t.trim() == text)
        })
        .await
        .map(|_| ())
}

/// Sets up recovery from the banner and returns the recovery key shown.
async fn set_up_recovery(browser: &Browser) -> anyhow::Result<String> {
    browser.click("link", "Set up recovery").await?;
    browser.click("button", "Set up recovery").await?;
    browser.by_role("button", "I saved my key").await?;
    let key = browser
        .texts(".lt-recovery-key__value")
        .await?
        .into_iter()
        .next()
        .unwrap_or_default();
    anyhow::ensure!(
        key.split_whitespace().count() == 12,
        "the recovery key is not twelve groups: {key:?}"
    );
    // The person has to show they kept it: a wrong key is refused first.
    browser
        .fill("Type or paste your recovery key", "EsTc not it")
        .await?;
    browser.click("button", "I saved my key").await?;
    browser
        .wait_for_text("alert", "not the key shown above")
        .await?;
    browser
        .fill("Type or paste your recovery key", &key)
        .await?;
    browser.click("button", "I saved my key").await?;
    browser.wait_for_text("status", "Recovery is on").await?;
    Ok(key)
}

/// Signs out with every key backed up. The app warns while keys still wait for upload
/// (it gives the upload five seconds); then the person tries again.
async fn sign_out(browser: &Browser) -> anyhow::Result<()> {
    for _ in 0..6 {
        browser.click("button", "Sign out").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::time::Instant::now() < deadline {
            if browser.try_by_role("button", "Sign in").await?.is_some() {
                return Ok(());
            }
            if browser
                .try_by_role("button", "Sign out anyway")
                .await?
                .is_some()
            {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        // Trying again gives the upload another five seconds in the app.
    }
    anyhow::bail!("the keys were never all backed up: signing out kept warning")
}

/// This browser's device ID, as the account panel shows it.
async fn device_id(browser: &Browser) -> anyhow::Result<String> {
    let shown = browser.texts(".lt-account__device").await?.join(" ");
    shown
        .split_whitespace()
        .last()
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("no device ID shown"))
}

#[tokio::test]
async fn encrypted_messages_flow_both_ways_with_another_client() -> anyhow::Result<()> {
    let Scene { app, me, peer, .. } = Scene::start().await?;
    let room_id = peer
        .create_encrypted_room("Secret plans", &[&me.user_id])
        .await?;

    app.browser.click("button", "Accept").await?;
    open_room(&app.browser, "Secret plans").await?;
    app.browser
        .wait_for_texts(".lt-room__encryption", "the header saying Encrypted", |t| {
            t.iter().any(|t| t == "Encrypted")
        })
        .await?;
    peer.wait_until_joined(&room_id, &me.user_id).await?;

    peer.send_text(&room_id, "the eagle lands at noon").await?;
    wait_for_message(&app.browser, "the eagle lands at noon").await?;
    send(&app.browser, "understood, noon it is").await?;
    peer.wait_for_text(&room_id, "understood, noon it is")
        .await?;
    app.finish().await
}

#[tokio::test]
async fn recovery_key_restores_history_in_a_new_browser() -> anyhow::Result<()> {
    let Scene { app, me, peer, .. } = Scene::start().await?;
    let key = set_up_recovery(&app.browser).await?;

    // History in an encrypted room, read (and so backed up) by the first browser.
    let room_id = shared_room(&app, &peer, &me, "Archive").await?;
    peer.send_text(&room_id, "minutes of the first meeting")
        .await?;
    wait_for_message(&app.browser, "minutes of the first meeting").await?;

    // My phone: another device of mine, kept online with the recovery key, which backs
    // up the keys of what arrives while no browser of mine is signed in.
    let phone = CryptoPeer::login(&app.env.synapse_url, &me.localpart, &me.password).await?;
    phone.recover(&key).await?;
    sign_out(&app.browser).await?;
    // Otherwise the peer may encrypt for the devices it knew before.
    peer.wait_for_device(&me.user_id, &phone.device_id())
        .await?;
    peer.send_text(&room_id, "sent while you were signed out")
        .await?;
    phone
        .wait_for_text(&room_id, "sent while you were signed out")
        .await?;
    phone.wait_for_backup_upload().await?;

    // A second, empty browser profile: a new device of the same person.
    let second = Browser::start(&app.env.webdriver_url).await?;
    sign_in(&second, &app.server.origin, &me).await?;
    second
        .wait_for_text("status", "This device is not verified")
        .await?;
    second.click("link", "Verify this device").await?;
    second
        .fill(
            "Recovery key",
            "EsTc aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk",
        )
        .await?;
    second.click("button", "Verify with recovery key").await?;
    second
        .wait_for_text("alert", "recovery key is not right")
        .await?;
    second.fill("Recovery key", &key).await?;
    second.click("button", "Verify with recovery key").await?;
    second
        .wait_for_text("status", "this device is verified")
        .await?;

    open_room(&second, "Archive").await?;
    wait_for_message(&second, "minutes of the first meeting").await?;
    wait_for_message(&second, "sent while you were signed out").await?;
    lattice_e2e::fixture::finish(&app.server, second).await?;
    app.finish().await
}

#[tokio::test]
async fn another_device_verifies_a_new_browser_which_then_reads_history() -> anyhow::Result<()> {
    let Scene { app, me, peer, .. } = Scene::start().await?;
    let key = set_up_recovery(&app.browser).await?;
    let room_id = shared_room(&app, &peer, &me, "Handover").await?;
    peer.send_text(&room_id, "notes for the next shift").await?;
    wait_for_message(&app.browser, "notes for the next shift").await?;
    // My phone, already set up, is the device that confirms the new browser.
    let phone = CryptoPeer::login(&app.env.synapse_url, &me.localpart, &me.password).await?;
    phone.recover(&key).await?;
    sign_out(&app.browser).await?;

    let second = Browser::start(&app.env.webdriver_url).await?;
    sign_in(&second, &app.server.origin, &me).await?;
    // The phone must know the new device, or the SDK drops its request.
    phone
        .wait_for_device(&me.user_id, &device_id(&second).await?)
        .await?;
    second.click("link", "Verify this device").await?;
    second.click("button", "Verify with another device").await?;
    second
        .wait_for_text("status", "accept the verification request")
        .await?;
    phone.accept_incoming_verification(&me.user_id).await?;
    let theirs = phone.sas_emojis().await?;
    let ours = shown_emoji(&second).await?;
    anyhow::ensure!(
        ours == theirs,
        "emoji differ: we show {ours:?}, the phone shows {theirs:?}"
    );
    second.click("button", "They match").await?;
    phone.confirm_sas().await?;
    second
        .wait_for_text("status", "This device is verified")
        .await?;
    phone.wait_verification_done().await?;
    second.click("button", "Close").await?;

    // The phone sends the backup key to the verified browser, which restores history.
    open_room(&second, "Handover").await?;
    wait_for_message(&second, "notes for the next shift").await?;
    lattice_e2e::fixture::finish(&app.server, second).await?;
    app.finish().await
}

#[tokio::test]
async fn emoji_verification_started_from_the_member_list() -> anyhow::Result<()> {
    let Scene {
        app,
        me,
        other,
        peer,
    } = Scene::start().await?;
    shared_room(&app, &peer, &me, "Verify me").await?;
    // The peer must know our device, or its SDK drops our request.
    peer.wait_for_device(&me.user_id, &device_id(&app.browser).await?)
        .await?;

    app.browser.click("button", "2 members").await?;
    app.browser
        .click("button", &format!("Verify {}", other.localpart))
        .await?;
    peer.accept_incoming_verification(&me.user_id).await?;
    let theirs = peer.sas_emojis().await?;
    let ours = shown_emoji(&app.browser).await?;
    anyhow::ensure!(
        ours == theirs,
        "emoji differ: we show {ours:?}, they show {theirs:?}"
    );
    app.browser.click("button", "They match").await?;
    peer.confirm_sas().await?;
    app.browser.wait_for_text("status", "is verified").await?;
    peer.wait_verification_done().await?;
    anyhow::ensure!(
        peer.is_user_verified(&me.user_id).await?,
        "the peer does not trust us"
    );
    app.browser.click("button", "Close").await?;
    app.browser
        .wait_for_texts(".lt-members__verified", "the peer marked verified", |t| {
            !t.is_empty()
        })
        .await?;

    // They sign in on a device they do not verify: since we verified them, we warn.
    let _their_laptop =
        CryptoPeer::login(&app.env.synapse_url, &other.localpart, &other.password).await?;
    app.browser
        .wait_for_text("alert", "device they have not verified")
        .await?;
    app.browser.click("button", "I understand").await?;
    app.browser
        .wait_for_texts(".lt-banner--danger", "the device warning cleared", |t| {
            t.is_empty()
        })
        .await?;
    app.finish().await
}

#[tokio::test]
async fn emoji_verification_requested_by_the_other_person() -> anyhow::Result<()> {
    let Scene {
        app,
        me,
        other,
        peer,
    } = Scene::start().await?;
    // A request to another person travels in a direct chat between them.
    let room_id = peer.create_encrypted_dm(&me.user_id).await?;
    app.browser.click("button", "Accept").await?;
    peer.wait_until_joined(&room_id, &me.user_id).await?;
    // We must know the peer's device, or our SDK drops its request: sending a message
    // makes the app fetch the devices of everyone in the room.
    open_room(&app.browser, &other.localpart).await?;
    send(&app.browser, "shall we verify?").await?;
    peer.wait_for_text(&room_id, "shall we verify?").await?;

    peer.request_verification(&me.user_id).await?;
    app.browser
        .wait_for_text("status", "wants to verify with you")
        .await?;
    app.browser.click("button", "Accept").await?;
    peer.start_sas().await?;
    let theirs = peer.sas_emojis().await?;
    let ours = shown_emoji(&app.browser).await?;
    anyhow::ensure!(
        ours == theirs,
        "emoji differ: we show {ours:?}, they show {theirs:?}"
    );
    peer.confirm_sas().await?;
    app.browser.click("button", "They match").await?;
    app.browser.wait_for_text("status", "is verified").await?;
    peer.wait_verification_done().await?;
    app.finish().await
}

#[tokio::test]
async fn identity_reset_by_the_other_person_raises_a_warning() -> anyhow::Result<()> {
    let Scene {
        app,
        me,
        other,
        peer,
    } = Scene::start().await?;
    let room_id = shared_room(&app, &peer, &me, "Trust").await?;
    // Both sides know each other's identity once a message went through.
    peer.send_text(&room_id, "before the reset").await?;
    wait_for_message(&app.browser, "before the reset").await?;

    peer.reset_identity(&other.password).await?;
    app.browser.wait_for_text("alert", "has changed").await?;
    app.browser.click("button", "I understand").await?;
    app.browser
        .wait_for_texts(".lt-banner--danger", "the warning cleared", |t| {
            t.is_empty()
        })
        .await?;
    app.finish().await
}

/// The emoji names the verification dialog shows, in order.
async fn shown_emoji(browser: &Browser) -> anyhow::Result<Vec<String>> {
    let names = browser
        .wait_for_texts(".lt-verification__name", "seven emoji shown", |t| {
            t.len() == 7
        })
        .await?;
    Ok(names)
}

#[tokio::test]
async fn devices_are_listed_renamed_and_signed_out() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let me = app.user("me").await?;
    app.sign_in(&me).await?;
    let phone = CryptoPeer::login(&app.env.synapse_url, &me.localpart, &me.password).await?;
    let phone_id = phone.device_id();

    app.browser.click("link", "Security").await?;
    app.browser
        .by_role("heading", "Security and devices")
        .await?;
    // (Registration made a device of its own too.)
    app.browser
        .wait_for_texts(".lt-devices__meta", "the phone listed", |t| {
            t.iter().any(|t| t.contains(&phone_id))
        })
        .await?;
    // Ours comes first, verified: it made the account's identity at sign-in.
    let first = app.browser.texts(".lt-devices__item").await?;
    anyhow::ensure!(
        first[0].contains("This device") && first[0].contains("Verified"),
        "this device is not listed first as verified: {first:?}"
    );

    app.browser.click("button", "Rename Lattice web").await?;
    app.browser
        .fill("Device name", "Office workstation")
        .await?;
    app.browser.click("button", "Save name").await?;
    app.browser
        .wait_for_texts(".lt-devices__name", "the new name shown", |t| {
            t.iter().any(|t| t.contains("Office workstation"))
        })
        .await?;

    app.browser
        .click("button", &format!("Sign out device {phone_id}"))
        .await?;
    app.browser.click("button", "Sign it out").await?;
    app.browser.fill("Password", "not the password").await?;
    app.browser.click("button", "Confirm and sign out").await?;
    app.browser
        .wait_for_text("alert", "password is not right")
        .await?;
    app.browser.fill("Password", &me.password).await?;
    app.browser.click("button", "Confirm and sign out").await?;
    app.browser
        .wait_for_texts(".lt-devices__meta", "the phone gone from the list", |t| {
            !t.is_empty() && !t.iter().any(|t| t.contains(&phone_id))
        })
        .await?;
    app.finish().await
}

/// Confirms a new recovery key shown on the security page; returns it.
async fn confirm_new_key(browser: &Browser, old: &str) -> anyhow::Result<String> {
    let key = browser
        .wait_for_texts(".lt-recovery-key__value", "a new recovery key shown", |t| {
            t.iter().any(|k| !k.is_empty() && k != old)
        })
        .await?
        .join("");
    browser
        .fill("Type or paste your recovery key", &key)
        .await?;
    browser.click("button", "I saved my key").await?;
    browser.wait_for_text("status", "Recovery is on").await?;
    Ok(key)
}

#[tokio::test]
async fn recovery_key_is_changed_and_encryption_reset_with_the_password() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let me = app.user("me").await?;
    app.sign_in(&me).await?;
    let first = set_up_recovery(&app.browser).await?;

    app.browser.click("button", "Change recovery key").await?;
    let second = confirm_new_key(&app.browser, &first).await?;
    let phone = CryptoPeer::login(&app.env.synapse_url, &me.localpart, &me.password).await?;
    anyhow::ensure!(
        phone.recover(&first).await.is_err(),
        "the old recovery key still opens secret storage"
    );
    phone.recover(&second).await?;

    // Lost key: start over. A wrong password leaves it unfinished, and says so.
    app.browser.click("button", "Reset encryption").await?;
    app.browser
        .wait_for_text("alert", "everyone who verified you")
        .await?;
    app.browser.click("button", "Reset encryption").await?;
    app.browser.fill("Password", "not the password").await?;
    app.browser.click("button", "Confirm and reset").await?;
    app.browser
        .wait_for_text("alert", "reset is not finished")
        .await?;
    app.browser.fill("Password", &me.password).await?;
    app.browser.click("button", "Confirm and reset").await?;
    let third = confirm_new_key(&app.browser, &second).await?;
    app.browser
        .wait_for_text("status", "This device is verified: it can read")
        .await?;
    let laptop = CryptoPeer::login(&app.env.synapse_url, &me.localpart, &me.password).await?;
    anyhow::ensure!(
        laptop.recover(&second).await.is_err(),
        "the key from before the reset still opens secret storage"
    );
    laptop.recover(&third).await?;
    app.finish().await
}

#[tokio::test]
async fn a_file_sent_in_an_encrypted_room_is_an_encrypted_attachment() -> anyhow::Result<()> {
    let Scene { app, me, peer, .. } = Scene::start().await?;
    let room = shared_room(&app, &peer, &me, "Encrypted files").await?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("budget.csv");
    let bytes = b"item,amount\nchairs,1200\n";
    std::fs::write(&path, bytes)?;
    let picker = app.browser.find("#lt-composer-file").await?;
    picker.send_keys(&path.to_string_lossy()).await?;
    // The peer gets `file` (key, iv, hash), never a plain `url`, and can decrypt it.
    let content = peer.wait_for_content(&room, "budget.csv").await?;
    anyhow::ensure!(content["msgtype"] == "m.file", "not a file: {content}");
    anyhow::ensure!(content.get("url").is_none(), "sent unencrypted: {content}");
    let downloaded = peer.download_encrypted(&content["file"]).await?;
    anyhow::ensure!(downloaded == bytes, "the file decrypted to {downloaded:?}");
    app.browser
        .wait_for_texts(".lt-file__name", "own file shown", |t| {
            t.iter().any(|t| t == "budget.csv")
        })
        .await?;
    app.finish().await
}
