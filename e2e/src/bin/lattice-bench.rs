//! Figures for scripts/bench.sh, printed as JSON:
//! - `startup`: a fresh user signed in, then reloaded several times; the app's User
//!   Timing measures (see src/perf.rs).
//! - `comparison` (when LATTICE_BENCH_SYNAPSE_URL is set): one user in 1,000 rooms on a
//!   seeded Synapse, Lattice and the matrix-js-sdk baseline (bench/baseline) measured
//!   alternately, in fresh Chromium profiles, for `ROUNDS` rounds each.
//!
//! Environment as for the end-to-end tests (LATTICE_DIST, LATTICE_SYNAPSE_URL, ...).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::peer::Peer;
use lattice_e2e::server::{AppServer, ServerOptions};
use lattice_e2e::synapse::register_user;
use serde_json::{Map, Value, json};

const RELOADS: usize = 7;
const ROUNDS: usize = 3;
const MEASURES: [&str; 3] = [
    "lattice:vault-open",
    "lattice:stores-open",
    "lattice:signed-in",
];
const BENCH_USER: &str = "bench";
const BENCH_PASSWORD: &str = "bench-password";
const BENCH_ROOMS: u64 = 1_000;
/// Time for the app to settle before memory is read.
const SETTLE: Duration = Duration::from_secs(5);

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let env = Env::from_env()?;
    let startup = startup(&env).await?;
    let comparison = match std::env::var("LATTICE_BENCH_SYNAPSE_URL") {
        Ok(url) => Some(comparison(&env, &url).await?),
        Err(_) => None,
    };
    println!(
        "{}",
        json!({ "startup": startup, "comparison": comparison })
    );
    Ok(())
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
        browser.wait_for_text("status", "running").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let script = "return Object.fromEntries(arguments[0].map(n => \
            [n, (performance.getEntriesByName(n).at(-1) || {}).duration ?? null]))";
        samples.push(
            browser
                .client
                .execute(script, vec![json!(MEASURES)])
                .await?,
        );
    }
    let mut medians = Map::new();
    for name in MEASURES {
        let values: Vec<f64> = samples.iter().filter_map(|s| s[name].as_f64()).collect();
        if let Some(median) = median(values) {
            medians.insert(name.to_owned(), json!(median));
        }
    }
    browser.close().await?;
    Ok(json!({ "reloads": RELOADS, "median_ms": medians, "samples": samples }))
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

async fn comparison(env: &Env, synapse: &str) -> anyhow::Result<Value> {
    let baseline_dist = PathBuf::from(std::env::var("LATTICE_BENCH_BASELINE")?);
    let lattice_server = serve(&env.dist, synapse).await?;
    let baseline_server = serve(&baseline_dist, synapse).await?;
    let peer = Peer::login(synapse, "bench-peer", "bench-peer-password").await?;
    let mut lattice_rounds = Vec::new();
    let mut baseline_rounds = Vec::new();
    for round in 0..ROUNDS {
        eprintln!("round {}: Lattice", round + 1);
        lattice_rounds.push(lattice_round(env, &lattice_server, &peer, round).await?);
        eprintln!("round {}: baseline", round + 1);
        baseline_rounds.push(baseline_round(env, &baseline_server, &peer, round).await?);
    }
    Ok(json!({
        "rounds": ROUNDS,
        "rooms": BENCH_ROOMS,
        "lattice": medians_of(&lattice_rounds),
        "baseline": medians_of(&baseline_rounds),
        "lattice_rounds": lattice_rounds,
        "baseline_rounds": baseline_rounds,
    }))
}

async fn lattice_round(
    env: &Env,
    server: &AppServer,
    peer: &Peer,
    round: usize,
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
    let all_rooms = format!(
        "const s = performance.getEntriesByName('lattice:login-submit')[0]; \
         const row = document.querySelector('.lt-room-list__item'); \
         return row && Number(row.getAttribute('aria-setsize')) >= {BENCH_ROOMS} ? performance.now() - s.startTime : null;"
    );
    let cold_all = wait_number(&browser, "all rooms", &all_rooms, Duration::from_secs(300)).await?;
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
    tokio::time::sleep(SETTLE).await;

    let switch = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; const t0 = performance.now(); \
             document.querySelectorAll('.lt-room-list__link')[arguments[0]].click(); \
             const tick = () => document.querySelectorAll('.lt-event').length >= 20 \
                 ? done(performance.now() - t0) : requestAnimationFrame(tick); tick();",
            vec![json!(round + 1)],
        )
        .await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let room_id = browser
        .execute("return decodeURIComponent(location.pathname.split('/').pop());")
        .await?
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let body = format!("lattice bench {round} {}", rand::random::<u32>());
    let started = Instant::now();
    let local_echo = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; const body = arguments[0]; \
             const input = document.querySelector('.lt-composer__input'); const t0 = performance.now(); \
             input.value = body; input.dispatchEvent(new Event('input', {bubbles: true})); \
             input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); \
             const tick = () => Array.from(document.querySelectorAll('.lt-event__text')).some(e => e.textContent.trim() === body) \
                 ? done(performance.now() - t0) : requestAnimationFrame(tick); tick();",
            vec![json!(body)],
        )
        .await?;
    peer.wait_for_message(&room_id, &body).await?;
    let remote_echo = started.elapsed().as_secs_f64() * 1000.0;
    tokio::time::sleep(SETTLE).await;
    let memory = browser
        .execute("return performance.memory.usedJSHeapSize + window.wasmBindings.latticeWasmMemoryBytes();")
        .await?;
    let rows = browser
        .execute("return document.querySelectorAll('.lt-room-list__item').length;")
        .await?;
    browser.close().await?;
    Ok(json!({
        "cold_first_ms": cold_first, "cold_all_ms": cold_all, "warm_ms": warm,
        "switch_ms": switch, "local_echo_ms": local_echo, "remote_echo_ms": remote_echo,
        "memory_bytes": memory, "rows": rows,
    }))
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
    let started = Instant::now();
    let local_echo = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; window.benchSend(arguments[0], arguments[1]).then(done);",
            vec![json!(room_id), json!(body)],
        )
        .await?;
    peer.wait_for_message(&room_id, &body).await?;
    let remote_echo = started.elapsed().as_secs_f64() * 1000.0;
    tokio::time::sleep(SETTLE).await;
    let memory = browser
        .execute("return performance.memory.usedJSHeapSize;")
        .await?;
    browser.close().await?;
    Ok(json!({
        "cold_first_ms": cold, "cold_all_ms": cold, "warm_ms": warm,
        "switch_ms": switch, "local_echo_ms": local_echo, "remote_echo_ms": remote_echo,
        "memory_bytes": memory,
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
