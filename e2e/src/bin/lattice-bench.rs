//! Start-up figures for scripts/bench.sh: signs a fresh user in, reloads the page
//! several times, and prints the app's User Timing measures (see src/perf.rs) as JSON.
//! Environment as for the end-to-end tests (LATTICE_DIST, LATTICE_SYNAPSE_URL, ...).

use std::time::Duration;

use lattice_e2e::Env;
use lattice_e2e::browser::Browser;
use lattice_e2e::server::{AppServer, ServerOptions};
use lattice_e2e::synapse::register_user;
use serde_json::{Value, json};

const RELOADS: usize = 7;
const MEASURES: [&str; 3] = [
    "lattice:vault-open",
    "lattice:stores-open",
    "lattice:signed-in",
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let env = Env::from_env()?;
    let server = AppServer::start(ServerOptions {
        dist: &env.dist,
        upstream: Some(env.synapse_url.clone()),
        config_json: None,
        extra_connect: vec![],
        bind: "127.0.0.1:0".parse()?,
    })
    .await?;
    let browser = Browser::start(&env.webdriver_url).await?;
    let user = register_user(&env.synapse_url, &env.synapse_secret, "bench").await?;

    browser.goto(&format!("{}/login", server.origin)).await?;
    browser.fill("User name", &user.localpart).await?;
    browser.fill("Password", &user.password).await?;
    browser.click("button", "Sign in").await?;
    browser.wait_for_text("status", "running").await?;

    let mut samples: Vec<Value> = Vec::new();
    for _ in 0..RELOADS {
        browser.client.refresh().await?;
        browser.wait_for_text("status", "running").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let script = "return Object.fromEntries(arguments[0].map(n => \
            [n, (performance.getEntriesByName(n).at(-1) || {}).duration ?? null]))";
        let names = json!(MEASURES);
        samples.push(browser.client.execute(script, vec![names]).await?);
    }
    let mut medians = serde_json::Map::new();
    for name in MEASURES {
        let mut values: Vec<f64> = samples.iter().filter_map(|s| s[name].as_f64()).collect();
        values.sort_by(f64::total_cmp);
        if !values.is_empty() {
            medians.insert(name.to_owned(), json!(values[values.len() / 2]));
        }
    }
    println!(
        "{}",
        json!({ "reloads": RELOADS, "median_ms": medians, "samples": samples })
    );
    browser.close().await?;
    Ok(())
}
