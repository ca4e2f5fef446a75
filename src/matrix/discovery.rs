//! Turns what the person typed into a homeserver base URL, and tells apart the ways
//! that can fail: nothing answers, something that is not Matrix answers, or a Matrix
//! server answers without simplified sliding sync (MSC4186).
//!
//! The parsing is pure and unit-tested on recorded responses; only `discover` does I/O.

use std::collections::BTreeMap;

use matrix_sdk::ruma::api::{FeatureFlag, SupportedVersions};
use serde::Deserialize;
use url::Url;

use crate::error::AppError;

/// What the homeserver field holds, once classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerInput {
    /// A full URL: used as the base URL directly, as Element does.
    Url(Url),
    /// A server name: looked up through `https://<name>/.well-known/matrix/client`.
    Name(String),
}

/// Classifies the homeserver field. Anything with a scheme must be an http(s) URL.
pub fn parse_server_input(input: &str) -> Result<ServerInput, AppError> {
    let input = input.trim();
    let invalid = || AppError::InvalidHomeserver(input.to_owned());
    if input.contains("://") {
        let url = Url::parse(input).map_err(|_| invalid())?;
        return match url.scheme() {
            "http" | "https" if url.host().is_some() => Ok(ServerInput::Url(url)),
            _ => Err(invalid()),
        };
    }
    // A server name is a host with an optional numeric port.
    let name = input.trim_end_matches('/');
    let (host, port) = name.split_once(':').unwrap_or((name, "0"));
    if host.is_empty() || port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let url = Url::parse(&format!("https://{name}")).map_err(|_| invalid())?;
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(invalid());
    }
    Ok(ServerInput::Name(name.to_owned()))
}

/// If the user name is a full user ID (`@alice:example.org`), the server it names.
pub fn server_from_user_id(user: &str) -> Option<&str> {
    let user = user.trim();
    let rest = user.strip_prefix('@')?;
    let (_, server) = rest.split_once(':')?;
    (!server.is_empty()).then_some(server)
}

#[derive(Deserialize)]
struct WellKnown {
    #[serde(rename = "m.homeserver")]
    homeserver: WellKnownHomeserver,
}

#[derive(Deserialize)]
struct WellKnownHomeserver {
    base_url: String,
}

/// The base URL a `.well-known/matrix/client` body points at, if it is usable.
pub fn parse_well_known(body: &str) -> Option<Url> {
    let well_known: WellKnown = serde_json::from_str(body).ok()?;
    let url = Url::parse(well_known.homeserver.base_url.trim_end_matches('/')).ok()?;
    matches!(url.scheme(), "http" | "https").then_some(url)
}

#[derive(Deserialize)]
struct VersionsBody {
    versions: Vec<String>,
    #[serde(default)]
    unstable_features: BTreeMap<String, bool>,
}

/// Checks a `/_matrix/client/versions` body: a Matrix server with MSC4186, or why not.
/// `server` is only used to word the error.
pub fn check_versions(body: &str, server: &str) -> Result<(), AppError> {
    let parsed: VersionsBody =
        serde_json::from_str(body).map_err(|_| AppError::NotMatrixServer(server.to_owned()))?;
    // The same reading of the response as the SDK's own sliding sync discovery.
    let supported = SupportedVersions::from_parts(&parsed.versions, &parsed.unstable_features);
    if supported.versions.is_empty() {
        return Err(AppError::NotMatrixServer(server.to_owned()));
    }
    if !supported.features.contains(&FeatureFlag::Msc4186) {
        return Err(AppError::NoSlidingSync(server.to_owned()));
    }
    Ok(())
}

/// Refuses plain `http://` except on loopback (this machine), unless the administrator
/// allows it: tokens and messages must not cross a network in clear.
pub fn check_transport(url: &Url, allow_insecure: bool) -> Result<(), AppError> {
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => {
            name.eq_ignore_ascii_case("localhost")
                || name.to_ascii_lowercase().ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    if url.scheme() == "https" || loopback || allow_insecure {
        return Ok(());
    }
    Err(AppError::InsecureHomeserver(
        url.as_str().trim_end_matches('/').to_owned(),
    ))
}

/// Resolves the homeserver field to a base URL whose `/versions` shows a usable server.
/// `allow_insecure`: config.json's `allow_insecure_homeserver`.
pub async fn discover(input: &str, allow_insecure: bool) -> Result<Url, AppError> {
    let base = match parse_server_input(input)? {
        ServerInput::Url(url) => url,
        ServerInput::Name(name) => {
            let fallback = Url::parse(&format!("https://{name}"))
                .map_err(|_| AppError::InvalidHomeserver(name.clone()))?;
            // A missing or broken .well-known is common and means "use the name itself".
            match fetch_text(&format!("https://{name}/.well-known/matrix/client")).await {
                Ok((200, body)) => parse_well_known(&body).unwrap_or(fallback),
                _ => fallback,
            }
        }
    };
    // Also where .well-known pointed: checked before anything is sent there.
    check_transport(&base, allow_insecure)?;
    let shown = base.as_str().trim_end_matches('/').to_owned();
    let versions_url = format!("{shown}/_matrix/client/versions");
    let Ok((status, body)) = fetch_text(&versions_url).await else {
        // Matrix servers must allow cross-origin requests. If an opaque request gets
        // an answer where the normal one failed, something is there, just not Matrix.
        return Err(if answers_at_all(&versions_url).await {
            AppError::NotMatrixServer(shown)
        } else {
            AppError::Unreachable(shown)
        });
    };
    if status != 200 {
        return Err(AppError::NotMatrixServer(shown));
    }
    check_versions(&body, &shown)?;
    Ok(base)
}

/// GET a URL; `Err` only when nothing answered (network error, refused, CORS).
/// An address on the homeserver at `base` (which may sit under a path): its
/// `segments`, each escaped so none can climb out of the path, and `query`.
pub(super) fn endpoint(base: &Url, segments: &[&str], query: &[(&str, &str)]) -> Option<Url> {
    let mut url = base.clone();
    url.path_segments_mut()
        .ok()?
        .pop_if_empty()
        .extend(segments);
    url.set_query(None);
    if !query.is_empty() {
        url.query_pairs_mut().extend_pairs(query);
    }
    url.set_fragment(None);
    Some(url)
}

pub(super) async fn fetch_text(url: &str) -> Result<(u16, String), ()> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| ())?;
    let status = response.status();
    Ok((status, response.text().await.unwrap_or_default()))
}

/// Whether anything answers at `url`, even without CORS headers.
async fn answers_at_all(url: &str) -> bool {
    gloo_net::http::Request::get(url)
        .mode(web_sys::RequestMode::NoCors)
        .send()
        .await
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Recorded from Synapse 1.163 on loopback.
    const SYNAPSE_VERSIONS: &str = include_str!("../../tests/fixtures/synapse-1.163-versions.json");
    /// The same response without `org.matrix.simplified_msc3575`, as a server
    /// without simplified sliding sync answers.
    const SYNAPSE_WITHOUT_MSC4186: &str =
        include_str!("../../tests/fixtures/synapse-without-msc4186-versions.json");

    #[wasm_bindgen_test]
    fn plain_http_only_on_loopback_unless_allowed() {
        let check = |url: &str, allow| check_transport(&Url::parse(url).unwrap(), allow);
        for ok in [
            "https://matrix.example.org",
            "http://127.0.0.1:8008",
            "http://127.8.9.10",
            "http://[::1]:8008",
            "http://localhost:8008",
            "http://LOCALHOST",
            "http://synapse.localhost",
        ] {
            assert_eq!(check(ok, false), Ok(()), "{ok}");
        }
        for refused in [
            "http://matrix.example.org",
            "http://10.0.0.5:8008",
            "http://[2001:db8::1]",
            "http://localhost.example.org",
            "http://127.0.0.1.nip.io",
        ] {
            assert!(
                matches!(check(refused, false), Err(AppError::InsecureHomeserver(_))),
                "{refused}"
            );
            assert_eq!(check(refused, true), Ok(()), "{refused} when allowed");
        }
    }

    #[wasm_bindgen_test]
    fn synapse_with_sliding_sync_is_accepted() {
        assert_eq!(check_versions(SYNAPSE_VERSIONS, "hs"), Ok(()));
    }

    #[wasm_bindgen_test]
    fn server_without_msc4186_says_so() {
        assert_eq!(
            check_versions(SYNAPSE_WITHOUT_MSC4186, "hs"),
            Err(AppError::NoSlidingSync("hs".into()))
        );
        let message = AppError::NoSlidingSync("hs".into()).user_message();
        assert!(message.contains("MSC4186"), "{message}");
        assert!(message.contains("administrator"), "{message}");
    }

    #[wasm_bindgen_test]
    fn unstable_features_missing_means_no_sliding_sync() {
        assert_eq!(
            check_versions(r#"{"versions":["v1.11"]}"#, "hs"),
            Err(AppError::NoSlidingSync("hs".into()))
        );
    }

    #[wasm_bindgen_test]
    fn html_or_other_json_is_not_matrix() {
        for body in [
            "<html>hello</html>",
            "{}",
            r#"{"versions":[]}"#,
            r#"{"versions":["x"]}"#,
        ] {
            assert_eq!(
                check_versions(body, "hs"),
                Err(AppError::NotMatrixServer("hs".into())),
                "{body}"
            );
        }
    }

    #[wasm_bindgen_test]
    fn server_input_forms() {
        assert_eq!(
            parse_server_input("example.org"),
            Ok(ServerInput::Name("example.org".into()))
        );
        assert_eq!(
            parse_server_input(" matrix.example.org:8448/ "),
            Ok(ServerInput::Name("matrix.example.org:8448".into()))
        );
        assert!(matches!(
            parse_server_input("http://127.0.0.1:8008"),
            Ok(ServerInput::Url(_))
        ));
        for bad in [
            "",
            "ftp://example.org",
            "exa mple.org",
            "example.org/path",
            "https://",
        ] {
            assert!(parse_server_input(bad).is_err(), "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn full_user_id_names_its_server() {
        assert_eq!(
            server_from_user_id("@alice:example.org"),
            Some("example.org")
        );
        assert_eq!(
            server_from_user_id("@bob:localhost:8448"),
            Some("localhost:8448")
        );
        assert_eq!(server_from_user_id("alice"), None);
        assert_eq!(server_from_user_id("@alice"), None);
    }

    #[wasm_bindgen_test]
    fn well_known_gives_base_url() {
        let body = r#"{"m.homeserver":{"base_url":"https://matrix.example.org/"}}"#;
        assert_eq!(
            parse_well_known(body).map(|u| u.to_string()),
            Some("https://matrix.example.org/".to_owned())
        );
        assert_eq!(parse_well_known("not json"), None);
        assert_eq!(
            parse_well_known(r#"{"m.homeserver":{"base_url":"javascript:x"}}"#),
            None
        );
    }
}
