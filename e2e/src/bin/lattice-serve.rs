//! Development server for `scripts/run.sh`: dist/ with the production CSP and
//! `/_matrix` proxied to Synapse, exactly as the end-to-end tests serve it.
//!
//! lattice-serve --dist DIR --upstream URL [--bind ADDR]

use lattice_e2e::server::{AppServer, ServerOptions};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut dist = None;
    let mut upstream = None;
    let mut bind = "127.0.0.1:8080".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| anyhow::anyhow!("{flag} needs a value"))?;
        match flag.as_str() {
            "--dist" => dist = Some(value),
            "--upstream" => upstream = Some(value),
            "--bind" => bind = value,
            other => anyhow::bail!("unknown option {other}"),
        }
    }
    let dist = dist.ok_or_else(|| anyhow::anyhow!("--dist is required"))?;
    let server = AppServer::start(ServerOptions {
        dist: std::path::Path::new(&dist),
        upstream,
        config_json: None,
        extra_connect: vec![],
        bind: bind.parse()?,
    })
    .await?;
    eprintln!("serving {dist} at {}", server.origin);
    tokio::signal::ctrl_c().await?;
    Ok(())
}
