//! `config.json`, served next to the app: the administrator's policy, typed.
//!
//! Every switch an administrator has lives here, documented field by field in
//! docs/deployment.md; components read this struct from context, never the file.

use serde::Deserialize;

use crate::error::AppError;

/// The brand shown when the administrator names none.
pub const DEFAULT_BRAND: &str = "Lattice";
/// Where permalinks point unless the administrator has a resolver of their own.
pub const DEFAULT_PERMALINK_PREFIX: &str = "https://matrix.to";

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default)]
pub struct Config {
    /// Server name or URL prefilled on the login page. Empty means the origin the
    /// app is served from (the same-origin deployment, with `/_matrix` proxied).
    pub default_homeserver: String,
    /// Sign-in only to `default_homeserver`: the login page has no homeserver field.
    pub lock_homeserver: bool,
    /// Whether people may type another homeserver. The CSP's `connect-src` must then
    /// allow `https:` (scripts/csp.py does so from this same file).
    pub allow_custom_homeservers: bool,
    /// The product name in the title and on the login page.
    pub brand_name: String,
    /// A logo on the login page: a path on this origin (the CSP allows no other).
    pub brand_logo: Option<String>,
    /// "Help and support" link on the login and settings pages.
    pub help_url: Option<String>,
    /// Prefix of the permalinks Lattice creates (`<prefix>/#/<room>`).
    pub permalink_prefix: String,
    /// New rooms are always end-to-end encrypted: no public, unencrypted rooms.
    pub require_encryption: bool,
    /// People cannot create rooms (direct chats stay possible).
    pub disable_room_creation: bool,
    /// Rooms stay closed until the person has set up recovery (key backup with a
    /// recovery key) on a new account, or verified a new device.
    pub require_secure_backup: bool,
    /// Language codes offered, in order; empty means every language the app ships.
    pub languages: Vec<String>,
    /// Offers the password form where the server accepts passwords. False where the
    /// organisation signs people in only through its identity provider.
    pub password_login: bool,
    /// The id of the identity provider (as the homeserver lists it, e.g.
    /// `oidc-eu-login`) the login page goes to straight away, unless the person just
    /// signed out or came back from it without signing in.
    pub sso_provider: Option<String>,
    /// Allows a homeserver over plain `http://` on a host other than loopback. Only
    /// for closed test networks: tokens and messages would cross the network in clear.
    pub allow_insecure_homeserver: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            default_homeserver: String::new(),
            lock_homeserver: false,
            allow_custom_homeservers: false,
            brand_name: DEFAULT_BRAND.to_owned(),
            brand_logo: None,
            help_url: None,
            permalink_prefix: DEFAULT_PERMALINK_PREFIX.to_owned(),
            require_encryption: false,
            disable_room_creation: false,
            require_secure_backup: false,
            languages: Vec::new(),
            password_login: true,
            sso_provider: None,
            allow_insecure_homeserver: false,
        }
    }
}

impl Config {
    /// Parses the file's text. A bad value is reported with the field it is in; an
    /// unknown field is passed to `unknown` (a console warning), never an error.
    pub fn parse_with(text: &str, mut unknown: impl FnMut(String)) -> Result<Self, AppError> {
        let mut json = serde_json::Deserializer::from_str(text);
        let mut on_unknown = |path: serde_ignored::Path<'_>| unknown(path.to_string());
        let tracked = serde_ignored::Deserializer::new(&mut json, &mut on_unknown);
        let config: Config = serde_path_to_error::deserialize(tracked).map_err(|error| {
            let field = error.path().to_string();
            let inner = error.into_inner();
            // Broken JSON has no field to name; a bad value does.
            if inner.is_data() && field != "." && field != "?" {
                AppError::ConfigField(field, inner.to_string())
            } else {
                AppError::Config(inner.to_string())
            }
        })?;
        // Nothing may follow the object.
        json.end().map_err(|e| AppError::Config(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// `parse_with`, warning on the console about unknown fields.
    pub fn parse(text: &str) -> Result<Self, AppError> {
        Self::parse_with(text, |field| {
            tracing::warn!("config.json: unknown field {field} is ignored")
        })
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
        if !response.ok() {
            return Err(AppError::Config(format!(
                "the server answered {} for /config.json",
                response.status()
            )));
        }
        let text = response
            .text()
            .await
            .map_err(|e| AppError::Config(e.to_string()))?;
        Self::parse(&text)
    }

    /// Values that parse but cannot work, named by their field.
    fn validate(&self) -> Result<(), AppError> {
        let bad = |field: &str, problem: &str| {
            Err(AppError::ConfigField(field.to_owned(), problem.to_owned()))
        };
        if self.lock_homeserver && self.allow_custom_homeservers {
            return bad(
                "allow_custom_homeservers",
                "cannot be true while lock_homeserver is true",
            );
        }
        if self.brand_name.trim().is_empty() {
            return bad("brand_name", "must not be empty");
        }
        if let Some(logo) = &self.brand_logo
            && !(logo.starts_with('/') && !logo.starts_with("//") && !logo.contains('\\'))
        {
            return bad(
                "brand_logo",
                "must be a path on this site, starting with / (the security policy loads images from nowhere else)",
            );
        }
        if let Some(help) = &self.help_url
            && !is_web_url(help)
        {
            return bad("help_url", "must start with https:// or http://");
        }
        if !is_web_url(&self.permalink_prefix) {
            return bad("permalink_prefix", "must start with https:// or http://");
        }
        if self
            .sso_provider
            .as_ref()
            .is_some_and(|id| id.trim().is_empty())
        {
            return bad("sso_provider", "must not be empty (leave it out instead)");
        }
        for code in &self.languages {
            if !crate::i18n::is_available(code) {
                return bad("languages", &format!("no translation for {code:?}"));
            }
        }
        Ok(())
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

    /// Whether a homeserver other than the default may be typed on the login page.
    pub fn homeserver_editable(&self) -> bool {
        self.allow_custom_homeservers && !self.lock_homeserver
    }
}

fn is_web_url(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|u| matches!(u.scheme(), "https" | "http"))
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
    fn reads_every_switch() {
        let text = r#"{"default_homeserver":"example.org","lock_homeserver":true,
            "brand_name":"Ministry Chat","brand_logo":"/logo.svg",
            "help_url":"https://help.example.org","permalink_prefix":"https://links.example.org/",
            "require_encryption":true,"disable_room_creation":true,"languages":["fr","en"],
            "password_login":false,"sso_provider":"oidc-eu-login"}"#;
        let config = Config::parse(text).unwrap_or_default();
        assert_eq!(config.default_homeserver, "example.org");
        assert!(
            config.lock_homeserver && config.require_encryption && config.disable_room_creation
        );
        assert_eq!(config.brand_name, "Ministry Chat");
        assert_eq!(config.languages, ["fr", "en"]);
        assert!(!config.password_login);
        assert_eq!(config.sso_provider.as_deref(), Some("oidc-eu-login"));
        assert_eq!(config.permalink_prefix, "https://links.example.org/");
    }

    #[wasm_bindgen_test]
    fn bad_value_names_its_field() {
        assert_eq!(
            Config::parse(r#"{"default_homeserver": 3}"#)
                .err()
                .map(field_of),
            Some("default_homeserver".to_owned())
        );
        assert_eq!(
            Config::parse(r#"{"languages": ["en", "xx"]}"#)
                .err()
                .map(field_of),
            Some("languages".to_owned())
        );
        assert_eq!(
            Config::parse(r#"{"brand_logo": "https://cdn.example.com/logo.png"}"#)
                .err()
                .map(field_of),
            Some("brand_logo".to_owned())
        );
        assert_eq!(
            Config::parse(r#"{"sso_provider": " "}"#)
                .err()
                .map(field_of),
            Some("sso_provider".to_owned())
        );
    }

    #[wasm_bindgen_test]
    fn broken_json_is_an_error() {
        assert!(matches!(
            Config::parse(r#"{"default_homeserver": "#),
            Err(AppError::Config(_))
        ));
    }

    #[wasm_bindgen_test]
    fn unknown_fields_are_reported_not_fatal() {
        let mut unknown = Vec::new();
        let config =
            Config::parse_with(r#"{"brand_name":"X","colour":"red"}"#, |f| unknown.push(f));
        assert_eq!(config.map(|c| c.brand_name).ok(), Some("X".to_owned()));
        assert_eq!(unknown, ["colour"]);
    }

    fn field_of(error: AppError) -> String {
        match error {
            AppError::ConfigField(field, _) => field,
            other => format!("{other:?}"),
        }
    }
}
