//! Figures for scripts/bench.sh, printed as JSON:
//! - `startup`: a fresh user signed in, then reloaded several times; each start's steps
//!   from the app's User Timing marks (see src/perf.rs).
//! - `comparison` (when LATTICE_BENCH_SYNAPSE_URL is set): one user in
//!   LATTICE_BENCH_ROOMS rooms (default 1,000) on a seeded Synapse, Lattice and the
//!   matrix-js-sdk baseline (bench/baseline) measured alternately, in fresh Chromium
//!   profiles, for `ROUNDS` rounds each.
//!
//! With `--lattice-only`, only the comparison's Lattice rounds run (`LARGE_ROUNDS` of
//! them): the figures for the larger account.
//!
//! Environment as for the end-to-end tests (LATTICE_DIST, LATTICE_SYNAPSE_URL, ...).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use futures_util::StreamExt;
use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::peer::Peer;
use lattice_e2e::server::{AppServer, ServerOptions};
use lattice_e2e::synapse::register_user;
use serde_json::{Map, Value, json};

const RELOADS: usize = 7;
const ROUNDS: usize = 3;
const LARGE_ROUNDS: usize = 2;
/// A warm start, step by step: (label, the app's User Timing mark, src/perf.rs), each
/// read as ms from navigation start. `resource:.wasm` is when the wasm finished loading.
const WARM_STEPS: [(&str, &str); 13] = [
    ("wasm fetched", "resource:.wasm"),
    ("wasm compiled and started", "lattice:wasm-started"),
    ("config.json loaded", "lattice:config-loaded"),
    ("storage checked", "lattice:storage-checked"),
    ("one-tab lock granted", "lattice:lock-granted"),
    ("session vault read", "lattice:vault-read"),
    ("kept first screen drawn", "lattice:first-screen-drawn"),
    ("store cipher key checked", "lattice:store-key-ready"),
    ("SDK stores open (Client built)", "lattice:client-built"),
    ("session restored from the stores", "lattice:stores-opened"),
    ("sync started", "lattice:sync-started"),
    ("first room batch", "lattice:rooms-first-batch"),
    ("room list painted", "lattice:rooms-painted"),
];
/// A cold sign-in, step by step, as ms from pressing "Sign in".
const COLD_STEPS: [(&str, &str); 7] = [
    ("server discovered", "lattice:server-discovered"),
    ("SDK stores created", "lattice:stores-opened"),
    ("password accepted", "lattice:logged-in"),
    ("cross-signing checked", "lattice:cross-signing-checked"),
    ("sync started", "lattice:sync-started"),
    ("first room batch", "lattice:rooms-first-batch"),
    ("room list painted", "lattice:rooms-painted"),
];
/// A room switch, step by step, as ms from the click on a room not opened before: the
/// room opening (src/state/timeline.rs, src/matrix/timeline/mod.rs), then the first
/// change to its rows and the back-pagination that fills the view.
const SWITCH_STEPS: [(&str, &str); 14] = [
    ("room view started opening", "lattice:room-open"),
    ("room subscription sent", "lattice:room-followed"),
    ("SDK timeline built", "lattice:room-timeline-built"),
    ("members' names read", "lattice:room-members-read"),
    ("first rows mapped", "lattice:room-rows-read"),
    ("room view ready (draft read)", "lattice:room-ready"),
    // The network under those steps: the first sliding sync request after the click
    // (the one carrying the new room subscription, unless the encryption sync's loop,
    // which shares the address, happens to start one in those few ms), and the
    // back-pagination's /messages.
    (
        "sync request with the subscription sent",
        "request:msc3575/sync",
    ),
    ("its answer received", "resource:msc3575/sync"),
    ("/messages sent", "request:/messages"),
    ("/messages answered", "resource:/messages"),
    ("back-pagination asked", "lattice:room-paginate"),
    ("first change to the rows", "lattice:room-rows-changed"),
    ("back-pagination answered", "lattice:room-paginated"),
    ("20 events painted", "bench:switch-painted"),
];
/// Returns [label, ms] pairs for arguments[0] (a list of [label, mark]), from the
/// mark arguments[1] (or navigation start when null). `request:<part>` is when the
/// first request whose address contains <part> went out after that origin,
/// `resource:<part>` when its answer was in (Resource Timing).
const STEPS_SCRIPT: &str = "const mark = (n) => { \
      const m = performance.getEntriesByName(n).find(e => e.entryType === 'mark'); \
      return m ? m.startTime : null; }; \
    const origin = arguments[1] ? mark(arguments[1]) : 0; \
    const request = (part) => performance.getEntriesByType('resource') \
      .find(e => e.name.includes(part) && e.startTime >= (origin ?? 0)); \
    const at = (n) => { \
      if (n.startsWith('request:')) { const r = request(n.slice(8)); return r ? r.startTime : null; } \
      if (n.startsWith('resource:')) { const r = request(n.slice(9)); return r ? r.responseEnd : null; } \
      return mark(n); }; \
    return arguments[0].map(([label, name]) => { const t = at(name); \
      return [label, t === null || origin === null ? null : t - origin]; });";
const BENCH_USER: &str = "bench";
const BENCH_PASSWORD: &str = "bench-password";
/// Time for the app to settle before memory is read.
const SETTLE: Duration = Duration::from_secs(5);

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let env = Env::from_env()?;
    let lattice_only = std::env::args().any(|arg| arg == "--lattice-only");
    let rooms: u64 = match std::env::var("LATTICE_BENCH_ROOMS") {
        Ok(rooms) => rooms.parse()?,
        Err(_) => 1_000,
    };
    let startup = match lattice_only {
        true => Value::Null,
        false => startup(&env).await?,
    };
    let comparison = match std::env::var("LATTICE_BENCH_SYNAPSE_URL") {
        Ok(url) => Some(comparison(&env, &url, rooms, !lattice_only).await?),
        Err(_) => None,
    };
    println!(
        "{}",
        json!({ "startup": startup, "comparison": comparison })
    );
    // Out at once: the native SDK's background tasks panic when the runtime shuts
    // down under them, which would only add noise after the figures.
    use std::io::Write;
    std::io::stdout().flush()?;
    std::process::exit(0)
}

async fn serve(dist: &std::path::Path, synapse: &str) -> anyhow::Result<AppServer> {
    AppServer::start(ServerOptions {
        dist,
        upstream: Some(synapse.to_owned()),
        config_json: None,
        extra_connect: vec![],
        bind: "127.0.0.1:0".parse()?,
    })
    .await
}

async fn startup(env: &Env) -> anyhow::Result<Value> {
    let server = serve(&env.dist, &env.synapse_url).await?;
    let browser = Browser::start(&env.webdriver_url).await?;
    let user = register_user(&env.synapse_url, &env.synapse_secret, "bench").await?;
    sign_in(&browser, &server.origin, &user.localpart, &user.password).await?;
    browser.wait_for_text("status", "running").await?;

    let mut samples: Vec<Value> = Vec::new();
    for _ in 0..RELOADS {
        browser.reload().await?;
        // A new account has no rooms: "room list painted" never comes, sync running does.
        browser.wait_for_text("status", "running").await?;
        samples.push(steps(&browser, &WARM_STEPS, None).await?);
    }
    let medians = step_medians(&samples);
    browser.close().await?;
    Ok(json!({ "reloads": RELOADS, "steps": medians, "samples": samples }))
}

/// The steps' times in this page: [[label, ms or null], ...].
async fn steps(
    browser: &Browser,
    steps: &[(&str, &str)],
    origin: Option<&str>,
) -> anyhow::Result<Value> {
    let steps: Vec<[&str; 2]> = steps.iter().map(|(label, mark)| [*label, *mark]).collect();
    Ok(browser
        .client
        .execute(STEPS_SCRIPT, vec![json!(steps), json!(origin)])
        .await?)
}

/// The median of each step over several samples of `steps`, in the steps' order.
fn step_medians(samples: &[Value]) -> Value {
    let Some(Value::Array(first)) = samples.first() else {
        return json!([]);
    };
    let medians = first.iter().enumerate().map(|(i, step)| {
        let values = samples.iter().filter_map(|s| s[i][1].as_f64()).collect();
        json!([step[0], median(values)])
    });
    Value::Array(medians.collect())
}

async fn sign_in(
    browser: &Browser,
    origin: &str,
    user: &str,
    password: &str,
) -> anyhow::Result<()> {
    browser.goto(&format!("{origin}/login")).await?;
    browser.fill("User name", user).await?;
    browser.fill("Password", password).await?;
    browser.click("button", "Sign in").await
}

/// Polls `script` (returning a number or null) until it returns a number.
async fn wait_number(
    browser: &Browser,
    what: &str,
    script: &str,
    limit: Duration,
) -> anyhow::Result<f64> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = browser.execute(script).await.ok().and_then(|v| v.as_f64()) {
            return Ok(value);
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "{what}: nothing within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn comparison(
    env: &Env,
    synapse: &str,
    rooms: u64,
    with_baseline: bool,
) -> anyhow::Result<Value> {
    let baseline_dist = match with_baseline {
        true => Some(PathBuf::from(std::env::var("LATTICE_BENCH_BASELINE")?)),
        false => None,
    };
    let lattice_server = serve(&env.dist, synapse).await?;
    let peer = Peer::login(synapse, "bench-peer", "bench-peer-password").await?;
    let mut lattice_rounds = Vec::new();
    let mut baseline_rounds = Vec::new();
    let rounds = if with_baseline { ROUNDS } else { LARGE_ROUNDS };
    for round in 0..rounds {
        eprintln!("round {}: Lattice, {rooms} rooms", round + 1);
        lattice_rounds.push(lattice_round(env, &lattice_server, &peer, round, rooms).await?);
        if let Some(dist) = &baseline_dist {
            eprintln!("round {}: baseline", round + 1);
            let baseline_server = serve(dist, synapse).await?;
            baseline_rounds.push(baseline_round(env, &baseline_server, &peer, round).await?);
        }
    }
    let mut native_rounds = Vec::new();
    for round in 0..rounds {
        eprintln!(
            "round {}: the SDK alone, natively, {rooms} rooms",
            round + 1
        );
        native_rounds.push(native_floor(synapse, rooms).await?);
    }
    let steps_of = |key: &str| {
        let samples: Vec<Value> = lattice_rounds.iter().map(|r| r[key].clone()).collect();
        step_medians(&samples)
    };
    Ok(json!({
        "rounds": rounds,
        "rooms": rooms,
        "lattice": medians_of(&lattice_rounds),
        "lattice_cold_steps": steps_of("cold_steps"),
        "lattice_warm_steps": steps_of("warm_steps"),
        "lattice_switch_steps": steps_of("switch_steps"),
        "lattice_send_steps": steps_of("send_steps"),
        "baseline": medians_of(&baseline_rounds),
        "native": medians_of(&native_rounds),
        "native_rounds": native_rounds,
        "lattice_rounds": lattice_rounds,
        "baseline_rounds": baseline_rounds,
    }))
}

async fn lattice_round(
    env: &Env,
    server: &AppServer,
    peer: &Peer,
    round: usize,
    rooms: u64,
) -> anyhow::Result<Value> {
    let browser = Browser::start(&env.webdriver_url).await?;
    sign_in(&browser, &server.origin, BENCH_USER, BENCH_PASSWORD).await?;
    let since_submit = "const s = performance.getEntriesByName('lattice:login-submit')[0]; \
        const p = performance.getEntriesByName('lattice:rooms-painted')[0]; \
        return s && p ? p.startTime - s.startTime : null;";
    let cold_first = wait_number(
        &browser,
        "first rooms",
        since_submit,
        Duration::from_secs(120),
    )
    .await?;
    let cold_steps = steps(&browser, &COLD_STEPS, Some("lattice:login-submit")).await?;
    let all_rooms = format!(
        "const s = performance.getEntriesByName('lattice:login-submit')[0]; \
         const row = document.querySelector('.lt-room-list__item'); \
         return row && Number(row.getAttribute('aria-setsize')) >= {rooms} ? performance.now() - s.startTime : null;"
    );
    let cold_all = wait_number(
        &browser,
        "all rooms",
        &all_rooms,
        Duration::from_secs(rooms.max(1_000) / 3),
    )
    .await?;
    // When the SDK's stream had delivered them all, before the app drew them.
    let received = format!(
        "const s = performance.getEntriesByName('lattice:login-submit')[0]; \
         const r = performance.getEntriesByName('lattice:rooms-received').find(e => e.detail >= {rooms}); \
         return s && r ? r.startTime - s.startTime : null;"
    );
    let cold_all_received = browser.execute(&received).await?;
    // How the SDK's stream grew: [rooms, ms since "Sign in"] at each batch.
    let received_curve = browser
        .execute(
            "const s = performance.getEntriesByName('lattice:login-submit')[0]; \
             return performance.getEntriesByName('lattice:rooms-received') \
               .map(e => [e.detail, Math.round(e.startTime - s.startTime)]);",
        )
        .await?;
    tokio::time::sleep(SETTLE).await;

    browser.reload().await?;
    let painted = "const p = performance.getEntriesByName('lattice:rooms-painted')[0]; return p ? p.startTime : null;";
    let warm = wait_number(&browser, "warm rooms", painted, Duration::from_secs(60)).await?;
    wait_number(
        &browser,
        "all rooms after reload",
        &all_rooms.replace("s.startTime", "0"),
        Duration::from_secs(60),
    )
    .await?;
    // Read once the SDK's list is there too: its steps come after the first paint.
    let warm_steps = steps(&browser, &WARM_STEPS, None).await?;
    tokio::time::sleep(SETTLE).await;

    // Resource Timing keeps 250 entries and then drops new ones: emptied before the
    // click so the switch's own requests are recorded.
    let switch = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             performance.clearResourceTimings(); \
             const t0 = performance.mark('bench:switch-click').startTime; \
             document.querySelectorAll('.lt-room-list__link')[arguments[0]].click(); \
             const tick = () => document.querySelectorAll('.lt-event').length >= 20 \
                 ? done(performance.mark('bench:switch-painted').startTime - t0) \
                 : requestAnimationFrame(tick); tick();",
            vec![json!(round + 1)],
        )
        .await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let switch_steps = steps(&browser, &SWITCH_STEPS, Some("bench:switch-click")).await?;
    let room_id = browser
        .execute("return decodeURIComponent(location.pathname.split('/').pop());")
        .await?
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let body = format!("lattice bench {round} {}", rand::random::<u32>());
    let since = peer.sync_position(&room_id).await?;
    let started = Instant::now();
    let local_echo = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; const body = arguments[0]; \
             const input = document.querySelector('.lt-composer__input'); \
             input.value = body; input.dispatchEvent(new Event('input', {bubbles: true})); const t0 = performance.now(); \
             window.benchSendAt = t0; \
             const seen = () => Array.from(document.querySelectorAll('.lt-event__text')).some(e => e.textContent.trim() === body); \
             const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); done(performance.now() - t0); } }); \
             observer.observe(document.body, {childList: true, subtree: true, characterData: true}); \
             input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));",
            vec![json!(body)],
        )
        .await?;
    peer.wait_for_message_synced(&since, &room_id, &body)
        .await?;
    let remote_echo = started.elapsed().as_secs_f64() * 1000.0;
    // The send request under the echo (Resource Timing), from the key press. The entry
    // is recorded only once the page has the whole answer, which can be after the
    // second client saw the message: waited for, up to 3 s.
    let send_request = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const t0 = window.benchSendAt; const until = performance.now() + 3000; \
             const look = () => { \
               const r = performance.getEntriesByType('resource') \
                 .find(e => e.name.includes('/send/m.room.message/') && e.startTime >= t0); \
               if (r) done([r.startTime - t0, r.responseEnd - t0]); \
               else if (performance.now() > until) done([null, null]); \
               else setTimeout(look, 20); }; look();",
            vec![],
        )
        .await?;
    let send_steps = json!([
        ["message drawn here (local echo)", local_echo],
        ["send request left", send_request[0]],
        ["send request answered", send_request[1]],
    ]);
    tokio::time::sleep(SETTLE).await;
    let live = live_message(&browser, peer, &room_id, round).await?;
    tokio::time::sleep(SETTLE).await;
    let memory = browser
        .execute("return performance.memory.usedJSHeapSize + window.wasmBindings.latticeWasmMemoryBytes();")
        .await?;
    let rows = browser
        .execute("return document.querySelectorAll('.lt-room-list__item').length;")
        .await?;
    let switch_back = switch_back(&browser, &room_id, &body).await?;
    browser.close().await?;
    Ok(json!({
        "cold_first_ms": cold_first, "cold_all_ms": cold_all, "warm_ms": warm,
        "switch_ms": switch, "switch_back_ms": switch_back,
        "local_echo_ms": local_echo, "remote_echo_ms": remote_echo,
        "live_ms": live, "memory_bytes": memory, "rows": rows, "cold_all_received_ms": cold_all_received,
        "received_curve": received_curve,
        "cold_steps": cold_steps, "warm_steps": warm_steps, "switch_steps": switch_steps,
        "send_steps": send_steps,
    }))
}

/// The floor under the cold load: the same SDK version's RoomListService, natively
/// (in-memory stores, no IndexedDB, no UI, no wasm), from the password login until it
/// knows the first room and all `rooms`.
async fn native_floor(synapse: &str, rooms: u64) -> anyhow::Result<Value> {
    use matrix_sdk_ui::sync_service::SyncService;
    let client = matrix_sdk::Client::builder()
        .homeserver_url(synapse)
        .build()
        .await?;
    let started = Instant::now();
    client
        .matrix_auth()
        .login_username(BENCH_USER, BENCH_PASSWORD)
        .send()
        .await?;
    let sync = SyncService::builder(client.clone()).build().await?;
    sync.start().await;
    let room_list = sync.room_list_service();
    let list = room_list.all_rooms().await?;
    // Rooms the list has synced: its entries, applied diff by diff.
    let (stream, controller) = list.entries_with_dynamic_adapters(rooms as usize);
    // As the app does: rooms left stay out.
    controller.set_filter(Box::new(
        matrix_sdk_ui::room_list_service::filters::new_filter_non_left(),
    ));
    let mut stream = std::pin::pin!(stream);
    let mut entries = matrix_sdk_ui::eyeball_im::Vector::new();
    let mut first = None;
    while (entries.len() as u64) < rooms {
        let Some(diffs) = tokio::time::timeout(Duration::from_secs(300), stream.next())
            .await
            .context("the native room list stalled")?
        else {
            anyhow::bail!("the native room list ended");
        };
        for diff in diffs {
            diff.apply(&mut entries);
        }
        if first.is_none() && !entries.is_empty() {
            first = Some(started.elapsed());
        }
    }
    let all = started.elapsed();
    sync.stop().await;
    let ms = |d: Option<Duration>| d.map(|d| d.as_secs_f64() * 1000.0);
    Ok(json!({ "first_ms": ms(first), "all_ms": ms(Some(all)) }))
}

/// Ms from a click back to `room_id`, left a moment before for another room, until
/// its 20 events (with our message `body` among them) are painted: a room among the
/// last few opened, whose timeline Lattice keeps built.
async fn switch_back(browser: &Browser, room_id: &str, body: &str) -> anyhow::Result<Value> {
    const OPEN: &str = "const done = arguments[arguments.length - 1]; \
        const room = encodeURIComponent(arguments[0]); const body = arguments[1]; \
        const links = Array.from(document.querySelectorAll('.lt-room-list__link')); \
        const link = arguments[2] ? links.find(l => l.getAttribute('href').endsWith(room)) \
            : links.find(l => !l.getAttribute('href').endsWith(room)); \
        const t0 = performance.now(); link.click(); \
        const shown = () => location.pathname.endsWith(room) === arguments[2] \
            && document.querySelectorAll('.lt-event').length >= 20 \
            && Array.from(document.querySelectorAll('.lt-event__text')) \
                .some(e => e.textContent.trim() === body) === arguments[2]; \
        const tick = () => shown() ? done(performance.now() - t0) : requestAnimationFrame(tick); \
        tick();";
    browser
        .client
        .execute_async(OPEN, vec![json!(room_id), json!(body), json!(false)])
        .await?;
    tokio::time::sleep(SETTLE).await;
    Ok(browser
        .client
        .execute_async(OPEN, vec![json!(room_id), json!(body), json!(true)])
        .await?)
}

/// Ms from the peer sending a message into the open room until the page shows it: the
/// page notes the moment (epoch ms, the same clock as this process's) with a
/// MutationObserver, or, in the baseline (which draws nothing), when the event reaches
/// its timeline.
async fn live_message(
    browser: &Browser,
    peer: &Peer,
    room_id: &str,
    round: usize,
) -> anyhow::Result<f64> {
    let body = format!("peer live {round} {}", rand::random::<u32>());
    browser
        .client
        .execute(
            "window.latticeLiveAt = null; const body = arguments[0]; \
             if (window.benchWatch) { window.benchWatch(arguments[1], body); return; } \
             const observer = new MutationObserver(() => { \
               if (Array.from(document.querySelectorAll('.lt-event__text')).some(e => e.textContent.trim() === body)) { \
                 window.latticeLiveAt = performance.timeOrigin + performance.now(); observer.disconnect(); } }); \
             observer.observe(document.body, {childList: true, subtree: true, characterData: true});",
            vec![json!(body), json!(room_id)],
        )
        .await?;
    let sent_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs_f64()
        * 1000.0;
    peer.send_text(room_id, &body).await?;
    let shown_at = wait_number(
        browser,
        "live message",
        "return window.latticeLiveAt ?? window.baselineLiveAt ?? null;",
        Duration::from_secs(30),
    )
    .await?;
    Ok(shown_at - sent_at)
}

async fn baseline_round(
    env: &Env,
    server: &AppServer,
    peer: &Peer,
    round: usize,
) -> anyhow::Result<Value> {
    let browser = Browser::start(&env.webdriver_url).await?;
    browser
        .goto(&format!("{}/index.html", server.origin))
        .await?;
    wait_number(
        &browser,
        "baseline page",
        "return window.benchLogin ? 1 : null;",
        Duration::from_secs(30),
    )
    .await?;
    browser
        .execute(&format!(
            "window.benchLogin(location.origin, '{BENCH_USER}', '{BENCH_PASSWORD}'); return 1;"
        ))
        .await?;
    let prepared = "const s = performance.getEntriesByName('baseline:login-submit')[0]; \
        const p = performance.getEntriesByName('baseline:prepared')[0]; \
        return s && p ? p.startTime - s.startTime : null;";
    let cold = wait_number(
        &browser,
        "baseline prepared",
        prepared,
        Duration::from_secs(600),
    )
    .await?;
    tokio::time::sleep(SETTLE).await;

    browser.reload().await?;
    let warm_script = "const p = performance.getEntriesByName('baseline:prepared')[0]; return p ? p.startTime : null;";
    let warm = wait_number(
        &browser,
        "baseline warm",
        warm_script,
        Duration::from_secs(120),
    )
    .await?;
    tokio::time::sleep(SETTLE).await;

    let switch = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             window.benchOpenRoom(window.benchRoomIds()[arguments[0]]).then(done);",
            vec![json!(round + 1)],
        )
        .await?;
    let room_id = browser
        .execute(&format!("return window.benchRoomIds()[{}];", round + 1))
        .await?
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let body = format!("baseline bench {round} {}", rand::random::<u32>());
    let since = peer.sync_position(&room_id).await?;
    let started = Instant::now();
    let local_echo = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; window.benchSend(arguments[0], arguments[1]).then(done);",
            vec![json!(room_id), json!(body)],
        )
        .await?;
    peer.wait_for_message_synced(&since, &room_id, &body)
        .await?;
    let remote_echo = started.elapsed().as_secs_f64() * 1000.0;
    tokio::time::sleep(SETTLE).await;
    let live = live_message(&browser, peer, &room_id, round).await?;
    tokio::time::sleep(SETTLE).await;
    let memory = browser
        .execute("return performance.memory.usedJSHeapSize;")
        .await?;
    browser.close().await?;
    Ok(json!({
        "cold_first_ms": cold, "cold_all_ms": cold, "warm_ms": warm,
        "switch_ms": switch, "local_echo_ms": local_echo, "remote_echo_ms": remote_echo,
        "live_ms": live, "memory_bytes": memory,
    }))
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

/// The median of each numeric field over the rounds.
fn medians_of(rounds: &[Value]) -> Value {
    let mut medians = Map::new();
    if let Some(Value::Object(first)) = rounds.first() {
        for key in first.keys() {
            let values = rounds.iter().filter_map(|r| r[key].as_f64()).collect();
            if let Some(median) = median(values) {
                medians.insert(key.clone(), json!(median));
            }
        }
    }
    Value::Object(medians)
}
