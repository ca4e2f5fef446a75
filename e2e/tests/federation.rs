//! Across organisations: two Synapses on loopback, each with its own server name and a
//! TLS federation listener, federating with each other. A person of each signs in to
//! their own organisation's Lattice in their own browser.

use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::oidc::{self, OidcProvider, PROVIDER_NAME};
use lattice_e2e::peer::Peer;
use lattice_e2e::server::{AppServer, ServerOptions};
use lattice_e2e::synapse::{OwnSynapse, TestUser, register_user};

/// One organisation: its homeserver, its Lattice, and one of its people signed in.
struct Organisation {
    synapse: OwnSynapse,
    server: AppServer,
    browser: Browser,
    user: TestUser,
}

impl Organisation {
    async fn start(env: &Env, synapse: OwnSynapse, prefix: &str) -> anyhow::Result<Self> {
        let server = AppServer::start(ServerOptions {
            dist: &env.dist,
            upstream: Some(synapse.url.clone()),
            config_json: None,
            extra_connect: vec![],
            bind: "127.0.0.1:0".parse()?,
        })
        .await?;
        let user = register_user(&synapse.url, &synapse.secret, prefix).await?;
        let browser = Browser::start(&env.webdriver_url).await?;
        browser.goto(&format!("{}/login", server.origin)).await?;
        browser.fill("User name", &user.localpart).await?;
        browser.fill("Password", &user.password).await?;
        browser.click("button", "Sign in").await?;
        browser.by_role("button", "Start chat").await?;
        Ok(Self {
            synapse,
            server,
            browser,
            user,
        })
    }

    /// This person through the client-server API, for what the test arranges.
    async fn api(&self) -> anyhow::Result<Peer> {
        Peer::login(&self.synapse.url, &self.user.localpart, &self.user.password).await
    }

    async fn open_room(&self, name: &str) -> anyhow::Result<()> {
        self.browser.click("link", name).await?;
        self.browser.by_role("log", "Messages").await?;
        Ok(())
    }

    async fn expect_message(&self, text: &str) -> anyhow::Result<()> {
        self.browser
            .wait_for_texts(".lt-event__text", text, |texts| {
                texts.iter().any(|t| t.trim() == text)
            })
            .await
            .map(drop)
    }

    async fn finish(self) -> anyhow::Result<()> {
        lattice_e2e::fixture::finish(&self.server, self.browser).await
    }
}

/// Both browsers are closed and checked, whatever the first one says.
async fn finish_both(one: Organisation, other: Organisation) -> anyhow::Result<()> {
    let (one, other) = tokio::join!(one.finish(), other.finish());
    one.and(other)
}

async fn two_organisations() -> anyhow::Result<(Organisation, Organisation)> {
    let env = Env::from_env()?;
    let (commission, parliament) = tokio::try_join!(
        OwnSynapse::start_federating(),
        OwnSynapse::start_federating()
    )?;
    let (commission, parliament) = tokio::try_join!(
        Organisation::start(&env, commission, "eva"),
        Organisation::start(&env, parliament, "pau"),
    )?;
    Ok((commission, parliament))
}

#[tokio::test]
async fn people_of_two_organisations_invite_join_and_talk() -> anyhow::Result<()> {
    let (eva, pau) = two_organisations().await?;

    // Eva's room, and Pau invited to it from Lattice by his full user ID.
    eva.api().await?.create_room("Joint committee", &[]).await?;
    eva.open_room("Joint committee").await?;
    eva.browser.click("button", "Invite").await?;
    eva.browser
        .fill("Name or user ID", &pau.user.user_id)
        .await?;
    eva.browser
        .click("button", &format!("Invite {}", pau.user.user_id))
        .await?;

    // The invite crosses to Pau's server; he accepts and they talk both ways.
    pau.browser.click("button", "Accept").await?;
    pau.open_room("Joint committee").await?;
    eva.browser
        .send_message("Welcome from the Commission")
        .await?;
    pau.expect_message("Welcome from the Commission").await?;
    pau.browser
        .send_message("Thanks, from the Parliament")
        .await?;
    eva.expect_message("Thanks, from the Parliament").await?;

    // Each sees the other's server next to the name in the member list.
    eva.browser.click("button", "2 members").await?;
    eva.browser
        .wait_for_texts(".lt-members__server", "Pau's server", |servers| {
            servers.iter().any(|s| s.trim() == pau.synapse.server_name)
        })
        .await?;

    // A public room on Pau's server, joined by Eva by its address.
    let agenda = format!("#agenda:{}", pau.synapse.server_name);
    let agenda_id = pau
        .api()
        .await?
        .create_public_room("Agenda", "agenda")
        .await?;
    pau.api()
        .await?
        .send_text(&agenda_id, "Item 1: budget")
        .await?;
    eva.browser.click("button", "Join room").await?;
    eva.browser.fill("Room address or ID", &agenda).await?;
    eva.browser.click("button", "Join").await?;
    eva.browser.by_role("log", "Messages").await?;
    eva.expect_message("Item 1: budget").await?;

    // A room known only to Pau's server, shared as a permalink naming that server:
    // Eva follows it from the conversation and joins.
    let pau_api = pau.api().await?;
    let board_id = pau_api.create_public_room("Board", "board").await?;
    pau_api.send_text(&board_id, "Board minutes").await?;
    let link = format!(
        "https://matrix.to/#/{board_id}?via={}",
        pau.synapse.server_name
    );
    pau.browser
        .send_message(&format!("The board: {link}"))
        .await?;
    // The message's link, not the room list's preview of it.
    eva.open_room("Joint committee").await?;
    eva.expect_message(&format!("The board: {link}")).await?;
    eva.browser
        .find(".lt-timeline a.lt-link")
        .await?
        .click()
        .await?;
    eva.browser.click("button", "Join this room").await?;
    eva.browser.by_role("log", "Messages").await?;
    eva.expect_message("Board minutes").await?;

    // A direct chat started by Pau with Eva's full user ID: her server is asked.
    pau.browser.click("button", "Start chat").await?;
    pau.browser
        .fill("Name or user ID", &eva.user.user_id)
        .await?;
    pau.browser
        .click("button", &format!("Start a chat with {}", eva.user.user_id))
        .await?;
    pau.browser.by_role("log", "Messages").await?;
    pau.browser.send_message("A word in private").await?;
    // Direct chats are end-to-end encrypted: each side decrypts the other's message.
    eva.browser.click("button", "Accept").await?;
    eva.open_room(&pau.user.localpart).await?;
    eva.expect_message("A word in private").await?;
    eva.browser.send_message("Answered in private").await?;
    pau.expect_message("Answered in private").await?;

    finish_both(eva, pau).await
}

#[tokio::test]
async fn the_other_server_down_is_said_plainly_and_messages_wait_for_it() -> anyhow::Result<()> {
    let (eva, pau) = two_organisations().await?;
    let eva_api = eva.api().await?;
    let room_id = eva_api
        .create_room("Crisis cell", &[&pau.user.user_id])
        .await?;
    pau.browser.click("button", "Accept").await?;
    pau.open_room("Crisis cell").await?;
    eva.open_room("Crisis cell").await?;

    pau.synapse.stop().await?;
    // Reaching the other organisation fails in words.
    eva.browser.click("button", "Join room").await?;
    eva.browser
        .fill(
            "Room address or ID",
            &format!("#agenda:{}", pau.synapse.server_name),
        )
        .await?;
    eva.browser.click("button", "Join").await?;
    eva.browser
        .wait_for_text("alert", "other organisation's server could not be reached")
        .await?;
    eva.browser.click("button", "Close").await?;

    // Written meanwhile: kept by Eva's server, delivered once Pau's is back.
    eva.browser.send_message("Sent while you were away").await?;
    eva_api
        .wait_for_message(&room_id, "Sent while you were away")
        .await?;
    pau.synapse.restart().await?;
    pau.expect_message("Sent while you were away").await?;
    finish_both(eva, pau).await
}

#[tokio::test]
async fn signed_in_through_the_organisation_a_person_talks_to_the_other_server()
-> anyhow::Result<()> {
    let env = Env::from_env()?;
    // The Commission signs its people in through its identity provider; its
    // homeserver must know the app's address as its own public one.
    let bind = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
    let origin = format!("http://{bind}");
    let provider = OidcProvider::start(&origin).await?;
    let sso = provider.synapse_config(&origin, &format!("{origin}/"), None);
    let (commission, parliament) = tokio::try_join!(
        OwnSynapse::start_federating_with(&sso),
        OwnSynapse::start_federating()
    )?;
    let server = AppServer::start(ServerOptions {
        dist: &env.dist,
        upstream: Some(commission.url.clone()),
        config_json: None,
        extra_connect: vec![],
        bind,
    })
    .await?;
    let browser = Browser::start(&env.webdriver_url).await?;
    browser.goto(&format!("{origin}/login")).await?;
    browser
        .click("button", &format!("Sign in with {PROVIDER_NAME}"))
        .await?;
    let name = format!("ines{:06x}", rand::random::<u32>() >> 8);
    oidc::sign_in_at_provider(&browser, &name).await?;
    browser.by_role("button", "Start chat").await?;
    let ines = format!("@{name}:{}", commission.server_name);

    // Someone at the Parliament invites her; she accepts, and they talk both ways.
    let pau = register_user(&parliament.url, &parliament.secret, "pau").await?;
    let pau = Peer::login(&parliament.url, &pau.localpart, &pau.password).await?;
    let room_id = pau.create_room("Trilogue", &[&ines]).await?;
    browser.click("button", "Accept").await?;
    browser.click("link", "Trilogue").await?;
    browser.by_role("log", "Messages").await?;
    pau.send_text(&room_id, "Hello from the Parliament").await?;
    browser
        .wait_for_texts(".lt-event__text", "Pau's message", |texts| {
            texts
                .iter()
                .any(|t| t.trim() == "Hello from the Parliament")
        })
        .await?;
    browser.send_message("Hello from the Commission").await?;
    pau.wait_for_message(&room_id, "Hello from the Commission")
        .await?;
    lattice_e2e::fixture::finish(&server, browser).await
}
