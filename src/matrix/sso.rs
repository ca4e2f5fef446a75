//! What a homeserver offers to sign in with (`GET /login`), and the way to its single
//! sign-on (`m.login.sso`): the homeserver sends the person to the organisation's
//! identity provider and back to us with a one-time login token.
//!
//! The parsing is pure and unit-tested on recorded Synapse responses; only
//! `login_flows` does I/O. Signing in with the token is `session::login_with_token`.

use matrix_sdk::ruma::MxcUri;
use matrix_sdk::ruma::api::client::session::get_login_types::v3::LoginType;
use serde::Deserialize;
use url::Url;

use crate::error::AppError;

/// The ways to sign in that a homeserver offers and Lattice supports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoginFlows {
    pub password: bool,
    /// Single sign-on is offered (with or without a list of providers).
    pub sso: bool,
    /// The providers to choose from; empty when the server lists none (it then shows
    /// its own choice, or has only one).
    pub providers: Vec<IdentityProvider>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityProvider {
    pub id: String,
    pub name: String,
    /// An `mxc://` URI, never an address of the provider's.
    pub icon: Option<String>,
    /// Where the homeserver serves the icon to someone not signed in yet; filled in
    /// by `login_flows`, which knows the homeserver.
    pub icon_url: Option<String>,
}

#[derive(Deserialize)]
struct LoginTypesBody {
    flows: Vec<serde_json::Value>,
}

/// Reads a `/login` body. A flow that does not parse is skipped: one odd entry must
/// not hide the others.
pub fn parse_login_flows(body: &str) -> Option<LoginFlows> {
    let parsed: LoginTypesBody = serde_json::from_str(body).ok()?;
    let mut flows = LoginFlows::default();
    for flow in parsed.flows {
        match serde_json::from_value::<LoginType>(flow) {
            Ok(LoginType::Password(_)) => flows.password = true,
            Ok(LoginType::Sso(sso)) => {
                flows.sso = true;
                for provider in sso.identity_providers {
                    let name = provider.name.trim();
                    // Ids go into a URL path: "." and ".." would move up it.
                    let unusable = matches!(provider.id.as_str(), "" | "." | "..");
                    if unusable || flows.providers.iter().any(|p| p.id == provider.id) {
                        continue;
                    }
                    flows.providers.push(IdentityProvider {
                        name: if name.is_empty() {
                            provider.id.clone()
                        } else {
                            name.to_owned()
                        },
                        icon: provider
                            .icon
                            .filter(|icon| icon.is_valid())
                            .map(|icon| icon.to_string()),
                        icon_url: None,
                        id: provider.id,
                    });
                }
            }
            _ => {}
        }
    }
    Some(flows)
}

/// Asks the homeserver (a base URL found by discovery) how people sign in there.
pub async fn login_flows(base: &Url) -> Result<LoginFlows, AppError> {
    let shown = base.as_str().trim_end_matches('/').to_owned();
    let url = format!("{shown}/_matrix/client/v3/login");
    match super::discovery::fetch_text(&url).await {
        Ok((200, body)) => {
            let mut flows = parse_login_flows(&body).ok_or(AppError::NotMatrixServer(shown))?;
            for provider in &mut flows.providers {
                provider.icon_url = provider
                    .icon
                    .as_deref()
                    .and_then(|mxc| icon_url(base, mxc))
                    .map(String::from);
            }
            Ok(flows)
        }
        Ok((status, _)) => {
            tracing::warn!("GET /login answered {status}");
            Err(AppError::NotMatrixServer(shown))
        }
        Err(()) => Err(AppError::Unreachable(shown)),
    }
}

/// Where the homeserver serves a provider's icon before sign-in. Its authenticated
/// media needs a token nobody has yet, so this is the media repository's older path,
/// which servers keep open for these icons (MSC3916); a small thumbnail, from the
/// homeserver only, whichever server the `mxc://` names.
pub fn icon_url(base: &Url, mxc: &str) -> Option<Url> {
    let (server, media_id) = <&MxcUri>::from(mxc).parts().ok()?;
    let path = [
        "_matrix",
        "media",
        "v3",
        "thumbnail",
        server.as_str(),
        media_id,
    ];
    let size = [("width", "64"), ("height", "64"), ("method", "scale")];
    super::discovery::endpoint(base, &path, &size)
}

/// Raster images only: an icon is drawn from a `blob:` URL in an `<img>`.
const ICON_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/gif", "image/webp"];
const MAX_ICON_BYTES: usize = 256 * 1024;

/// A provider's icon and its type, or `None` when the homeserver does not serve it
/// to someone not signed in (Synapse serves media uploaded with authentication on only
/// to signed-in people: docs/deployment.md says what to do). The button then shows
/// the name alone.
pub async fn provider_icon(url: &str) -> Option<(Vec<u8>, String)> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if response.status() != 200 {
        tracing::info!(
            "identity provider icon: the homeserver answered {}",
            response.status()
        );
        return None;
    }
    let mimetype = response.headers().get("content-type")?;
    let mimetype = mimetype.split(';').next()?.trim().to_ascii_lowercase();
    if !ICON_TYPES.contains(&mimetype.as_str()) {
        tracing::info!("identity provider icon: {mimetype} is not drawn");
        return None;
    }
    // Said too big up front: not downloaded at all.
    let announced = response.headers().get("content-length");
    if announced
        .and_then(|n| n.parse::<usize>().ok())
        .is_some_and(|n| n > MAX_ICON_BYTES)
    {
        return None;
    }
    let bytes = response.binary().await.ok()?;
    (bytes.len() <= MAX_ICON_BYTES).then_some((bytes, mimetype))
}

/// Where the browser goes to sign in through the homeserver's single sign-on: to one
/// provider, or to the server's own choice when `provider` is `None`. The homeserver
/// sends the person back to `back_to` with `loginToken` added to its query.
pub fn redirect_url(base: &Url, provider: Option<&str>, back_to: &Url) -> Option<Url> {
    let mut path = vec!["_matrix", "client", "v3", "login", "sso", "redirect"];
    path.extend(provider);
    super::discovery::endpoint(base, &path, &[("redirectUrl", back_to.as_str())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Synapse 1.163 with password login and one OIDC provider.
    const SYNAPSE_BOTH: &str = r#"{"flows":[{"type":"m.login.sso","identity_providers":[{"id":"oidc-lattice-test","name":"Test Organisation","icon":"mxc://localhost/abcDEF"}]},{"type":"m.login.token"},{"type":"m.login.password"},{"type":"m.login.application_service"}]}"#;

    #[wasm_bindgen_test]
    fn synapse_flows_are_read() {
        let flows = parse_login_flows(SYNAPSE_BOTH).expect("parses");
        assert!(flows.password && flows.sso);
        assert_eq!(
            flows.providers,
            vec![IdentityProvider {
                id: "oidc-lattice-test".into(),
                name: "Test Organisation".into(),
                icon: Some("mxc://localhost/abcDEF".into()),
                icon_url: None,
            }]
        );
    }

    #[wasm_bindgen_test]
    fn password_only_and_sso_without_providers() {
        let password = parse_login_flows(r#"{"flows":[{"type":"m.login.password"}]}"#);
        assert_eq!(
            password,
            Some(LoginFlows {
                password: true,
                ..Default::default()
            })
        );
        let sso = parse_login_flows(r#"{"flows":[{"type":"m.login.sso"}]}"#).expect("parses");
        assert!(sso.sso && !sso.password && sso.providers.is_empty());
    }

    #[wasm_bindgen_test]
    fn odd_entries_are_skipped_not_fatal() {
        let body = r#"{"flows":[
            {"type":"m.login.sso","identity_providers":[
                {"id":"a","name":"  "},
                {"id":"","name":"No id"},
                {"id":"a","name":"Twice"},
                {"id":"b","name":"B","icon":"https://provider.example/logo.png"}]},
            {"type":"m.login.password","extra":[1,2]},
            {"type":42},
            "not an object",
            {"type":"org.example.custom"}]}"#;
        let flows = parse_login_flows(body).expect("parses");
        assert!(flows.password && flows.sso);
        let names: Vec<_> = flows.providers.iter().map(|p| p.name.as_str()).collect();
        // A blank name shows the id; an icon that is not on the homeserver is dropped.
        assert_eq!(names, ["a", "B"]);
        assert_eq!(flows.providers[1].icon, None);
        assert_eq!(parse_login_flows("<html>"), None);
        assert_eq!(parse_login_flows(r#"{"flows":"no"}"#), None);
    }

    #[wasm_bindgen_test]
    fn icons_come_from_the_homeserver_only() {
        let base = Url::parse("https://matrix.example.org/base/").expect("url");
        let url = icon_url(&base, "mxc://example.org/abc_DEF-1").expect("url");
        assert_eq!(
            url.as_str(),
            "https://matrix.example.org/base/_matrix/media/v3/thumbnail/example.org/abc_DEF-1?width=64&height=64&method=scale"
        );
        // A media ID cannot climb out of the path or reach another host.
        for bad in [
            "mxc://example.org/../../admin",
            "mxc://example.org/a/b",
            "https://x/y",
            "mxc://",
            "",
        ] {
            assert_eq!(icon_url(&base, bad), None, "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn redirect_goes_to_the_homeserver_with_the_way_back() {
        let back = Url::parse("https://chat.example.org/login?sso=1").expect("url");
        let base = Url::parse("https://chat.example.org").expect("url");
        let url = redirect_url(&base, Some("oidc-eu login"), &back).expect("url");
        assert_eq!(
            url.as_str(),
            "https://chat.example.org/_matrix/client/v3/login/sso/redirect/oidc-eu%20login?redirectUrl=https%3A%2F%2Fchat.example.org%2Flogin%3Fsso%3D1"
        );
        let nested = Url::parse("https://example.org/matrix/").expect("url");
        let url = redirect_url(&nested, None, &back).expect("url");
        assert!(url.as_str().starts_with(
            "https://example.org/matrix/_matrix/client/v3/login/sso/redirect?redirectUrl="
        ));
        // A provider id cannot climb out of the path.
        let url = redirect_url(&base, Some("../../admin"), &back).expect("url");
        assert!(url.path().ends_with("/redirect/..%2F..%2Fadmin"), "{url}");
    }
}
