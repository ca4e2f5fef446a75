//! End-to-end harness: the built app served with its production CSP and `/_matrix`
//! proxied to a real Synapse, driven in real headless Chromium over WebDriver.
//!
//! The test script (scripts/test.sh) starts one Synapse and one chromedriver per run
//! and passes them in through the environment; see `Env`.

pub mod browser;
pub mod crypto_peer;
pub mod fixture;
pub mod oidc;
pub mod peer;
pub mod server;
pub mod synapse;

use std::path::PathBuf;

/// Where the test run's real parts are, from the environment set by scripts/test.sh.
#[derive(Clone, Debug)]
pub struct Env {
    pub dist: PathBuf,
    pub synapse_url: String,
    pub synapse_secret: String,
    /// The token of the application service registered on that Synapse
    /// (scripts/services.sh), for `peer::Peer::appservice`.
    pub synapse_as_token: Option<String>,
    pub webdriver_url: String,
}

impl Env {
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| {
            std::env::var(name).map_err(|_| {
                anyhow::anyhow!(
                    "{name} is not set: run the end-to-end tests through scripts/test.sh"
                )
            })
        };
        Ok(Self {
            dist: PathBuf::from(var("LATTICE_DIST")?),
            synapse_url: var("LATTICE_SYNAPSE_URL")?,
            synapse_secret: var("LATTICE_SYNAPSE_SECRET")?,
            synapse_as_token: var("LATTICE_SYNAPSE_AS_TOKEN").ok(),
            webdriver_url: var("LATTICE_WEBDRIVER_URL")?,
        })
    }
}
