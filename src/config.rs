//! `config.json`, served next to the app: the administrator's policy, typed.

use serde::Deserialize;

use crate::error::AppError;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Config {
    /// Server name or URL prefilled on the login page. Empty means the origin the
    /// app is served from (the same-origin deployment, with `/_matrix` proxied).
    pub default_homeserver: String,
}

impl Config {
    /// Parses the file's text; a bad value is reported, never ignored.
    pub fn parse(text: &str) -> Result<Self, AppError> {
        serde_json::from_str(text).map_err(|e| AppError::Config(e.to_string()))
    }

    /// Loads `/config.json`. A missing file means the built-in defaults.
    pub async fn load() -> Result<Self, AppError> {
        let response = gloo_net::http::Request::get("/config.json")
            .send()
            .await
            .map_err(|e| AppError::Config(e.to_string()))?;
        if response.status() == 404 {
            return Ok(Self::default());
        }
        let text = response
            .text()
            .await
            .map_err(|e| AppError::Config(e.to_string()))?;
        Self::parse(&text)
    }

    /// The homeserver to prefill: the configured one, or this page's origin.
    pub fn homeserver_or_origin(&self) -> String {
        if !self.default_homeserver.trim().is_empty() {
            return self.default_homeserver.trim().to_owned();
        }
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn empty_object_gives_defaults() {
        assert_eq!(Config::parse("{}").ok(), Some(Config::default()));
    }

    #[wasm_bindgen_test]
    fn reads_default_homeserver() {
        let config = Config::parse(r#"{"default_homeserver":"example.org"}"#).ok();
        assert_eq!(
            config.map(|c| c.default_homeserver),
            Some("example.org".to_owned())
        );
    }

    #[wasm_bindgen_test]
    fn bad_value_is_an_error() {
        assert!(matches!(
            Config::parse(r#"{"default_homeserver": 3}"#),
            Err(AppError::Config(_))
        ));
    }
}
