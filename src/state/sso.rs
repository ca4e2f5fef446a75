//! Single sign-on's round trip through the browser. Before this tab leaves for the
//! identity provider it notes which homeserver it signs in to (session storage: this
//! tab only, nothing secret). On the way back the homeserver's one-time token is taken
//! out of the address before anything else runs, so it never stays in the address bar,
//! the history, a crash report or a bookmark.

use std::cell::{Cell, RefCell};

use serde::{Deserialize, Serialize};
use url::Url;

use crate::error::AppError;
use crate::matrix::sso::{self, IdentityProvider, LoginFlows};
use crate::matrix::{ActiveSession, discovery, session};

const PENDING_KEY: &str = "lattice-sso-pending";
const TOKEN_PARAM: &str = "loginToken";
/// Names this tab's attempt in the way back, so that only it can bring a token.
const ATTEMPT_PARAM: &str = "sso";
/// Where the homeserver sends the person back to.
const RETURN_PATH: &str = "/login";
/// An attempt older than this is over: its note no longer lets a token in.
const ATTEMPT_LIFETIME_MS: f64 = 10.0 * 60.0 * 1000.0;

/// What this tab noted before leaving for the provider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub homeserver: String,
    /// Signing in again to the session that expired (a soft logout), on its device.
    #[serde(default)]
    pub resume: bool,
    /// Random, and in the way back too: a token must come back with it.
    pub attempt: String,
    /// When the tab left, in ms since the epoch.
    pub started: f64,
}

/// What the page load found about single sign-on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SsoReturn {
    /// No sign-in through a provider was under way in this tab.
    #[default]
    None,
    /// Back with the token for the homeserver this tab left from.
    Token {
        homeserver: String,
        token: String,
        resume: bool,
    },
    /// Back without a token: cancelled at the provider, or its page did not load.
    NotFinished,
}

/// What the address brought back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Returned {
    pub token: Option<String>,
    pub attempt: Option<String>,
}

/// Decides what a page load means at `now` (ms). A token is used only when this tab
/// asked for it, recently, in this very attempt: a token from a link someone sent, or
/// brought to this tab by another page after an abandoned attempt, would sign the
/// person in to someone else's account.
pub fn classify(returned: Returned, pending: Option<Pending>, now: f64) -> SsoReturn {
    let pending = pending.filter(|p| (0.0..ATTEMPT_LIFETIME_MS).contains(&(now - p.started)));
    match (returned.token, pending) {
        (Some(token), Some(pending))
            if !token.is_empty()
                && returned.attempt.as_deref() == Some(pending.attempt.as_str()) =>
        {
            SsoReturn::Token {
                homeserver: pending.homeserver,
                token,
                resume: pending.resume,
            }
        }
        (Some(_), _) => {
            tracing::warn!("a login token this tab did not ask for was ignored");
            SsoReturn::None
        }
        (None, Some(_)) => SsoReturn::NotFinished,
        (None, None) => SsoReturn::None,
    }
}

/// Takes the login token and the attempt off an address: what they were, and the
/// address without them. `None` when it has neither.
pub fn strip_return(href: &str) -> Option<(Returned, String)> {
    let mut url = Url::parse(href).ok()?;
    let mut returned = Returned::default();
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter_map(|(name, value)| {
            let slot = match name.as_ref() {
                TOKEN_PARAM => &mut returned.token,
                ATTEMPT_PARAM => &mut returned.attempt,
                _ => return Some((name.into_owned(), value.into_owned())),
            };
            *slot = Some(value.into_owned());
            None
        })
        .collect();
    if returned == Returned::default() {
        return None;
    }
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some((returned, url.into()))
}

thread_local! {
    static RETURNED: RefCell<SsoReturn> = RefCell::default();
    static CAME_BACK: Cell<bool> = const { Cell::new(false) };
}

/// Run first at start-up: takes the token out of the address (replacing the history
/// entry), and the note out of session storage, and keeps what they mean for the
/// login page.
pub fn capture() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut returned = Returned::default();
    if let Ok(href) = window.location().href()
        && let Some((found, cleaned)) = strip_return(&href)
    {
        returned = found;
        if let Ok(history) = window.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&cleaned));
        }
    }
    let storage = window.session_storage().ok().flatten();
    let pending = storage.as_ref().and_then(|storage| {
        let note = storage.get_item(PENDING_KEY).ok().flatten();
        let _ = storage.remove_item(PENDING_KEY);
        serde_json::from_str::<Pending>(&note?).ok()
    });
    let outcome = classify(returned, pending, js_sys::Date::now());
    CAME_BACK.with(|cell| cell.set(outcome != SsoReturn::None));
    RETURNED.with(|cell| *cell.borrow_mut() = outcome);
    reload_when_restored_mid_sign_in();
}

/// What this page load came back with; given out once.
pub fn take_return() -> SsoReturn {
    RETURNED.with(|cell| std::mem::take(&mut *cell.borrow_mut()))
}

/// Whether this page load came back from the identity provider (with a token or
/// not), for as long as the page lives: the login page then never sends the person
/// straight back there.
pub fn came_back() -> bool {
    CAME_BACK.with(Cell::get)
}

/// Coming back with the Back button from a provider whose page did not load, the
/// browser may show this page as it was left ("opening the sign-in page…") without
/// starting it again: start it afresh, so that it reads the note and says why.
fn reload_when_restored_mid_sign_in() {
    // Stays for the page's whole life: dropping the handle does not remove it.
    let _listener = leptos::prelude::window_event_listener(leptos::ev::pageshow, |event| {
        let noted = web_sys::window()
            .and_then(|w| w.session_storage().ok().flatten())
            .and_then(|storage| storage.get_item(PENDING_KEY).ok().flatten())
            .is_some();
        if event.persisted() && noted {
            let _ = web_sys::window().map(|w| w.location().reload());
        }
    });
}

/// Notes the homeserver, then leaves for its single sign-on (one provider, or the
/// server's choice); `resume`: to sign in again to the expired session. The page goes
/// away unless this fails.
pub fn begin(homeserver: &Url, provider: Option<&str>, resume: bool) -> Result<(), AppError> {
    let window = web_sys::window().ok_or(AppError::Storage("no window".into()))?;
    let origin = window
        .location()
        .origin()
        .map_err(|_| AppError::Storage("no origin".into()))?;
    let attempt: String = crate::storage::vault::random_bytes(16)?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut back_to = Url::parse(&format!("{origin}{RETURN_PATH}"))
        .map_err(|_| AppError::InvalidHomeserver(origin.clone()))?;
    back_to
        .query_pairs_mut()
        .append_pair(ATTEMPT_PARAM, &attempt);
    let target = sso::redirect_url(homeserver, provider, &back_to)
        .ok_or_else(|| AppError::InvalidHomeserver(homeserver.to_string()))?;
    let note = serde_json::to_string(&Pending {
        homeserver: homeserver.to_string(),
        resume,
        attempt,
        started: js_sys::Date::now(),
    })
    .map_err(|e| AppError::Storage(e.to_string()))?;
    // Without the note the token that comes back would be refused.
    window
        .session_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.set_item(PENDING_KEY, &note).ok())
        .ok_or(AppError::StorageUnavailable("session storage".into()))?;
    window
        .location()
        .assign(target.as_str())
        .map_err(|_| AppError::InvalidHomeserver(homeserver.to_string()))
}

/// The homeserver the field names, and how people sign in there.
pub async fn sign_in_options(
    input: String,
    allow_insecure: bool,
) -> Result<(Url, LoginFlows), AppError> {
    let base = discovery::discover(&input, allow_insecure).await?;
    let flows = sso::login_flows(&base).await?;
    Ok((base, flows))
}

/// How people sign in again on the expired session's homeserver; `None` when it
/// cannot be asked (the password form then shows).
pub async fn saved_sign_in_options() -> Option<(Url, LoginFlows)> {
    let base = session::saved_homeserver().await?;
    let flows = sso::login_flows(&base).await.ok()?;
    Some((base, flows))
}

/// Signs in with the token the homeserver sent back, on the homeserver this tab left
/// from (checked again: it comes out of browser storage).
pub async fn finish(
    homeserver: &str,
    token: &str,
    allow_insecure: bool,
) -> Result<ActiveSession, AppError> {
    let base =
        Url::parse(homeserver).map_err(|_| AppError::InvalidHomeserver(homeserver.into()))?;
    discovery::check_transport(&base, allow_insecure)?;
    session::login_with_token(base, token).await
}

/// What the login page offers: the server's ways to sign in, less what the policy hides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offered {
    pub password: bool,
    pub providers: Vec<IdentityProvider>,
    /// Single sign-on without a list of providers: one button, the server chooses.
    pub server_choice: bool,
}

impl Offered {
    /// `flows` is `None` until the server has answered (or when it could not): the
    /// password form shows meanwhile, and its sign-in says what is wrong.
    pub fn new(flows: Option<&LoginFlows>, password_allowed: bool) -> Self {
        let Some(flows) = flows else {
            return Self {
                password: password_allowed,
                ..Self::default()
            };
        };
        Self {
            password: flows.password && password_allowed,
            providers: flows.providers.clone(),
            server_choice: flows.sso && flows.providers.is_empty(),
        }
    }

    pub fn nothing(&self) -> bool {
        !self.password && !self.sso()
    }

    pub fn sso(&self) -> bool {
        self.server_choice || !self.providers.is_empty()
    }

    /// The provider to go to without asking, when the policy names one the server has.
    pub fn straight_to<'a>(&self, wanted: Option<&'a str>) -> Option<&'a str> {
        wanted.filter(|id| self.providers.iter().any(|p| p.id == *id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const NOW: f64 = 1_000_000_000.0;

    fn pending() -> Option<Pending> {
        Some(Pending {
            homeserver: "https://chat.example.org/".into(),
            resume: false,
            attempt: "a1".into(),
            started: NOW - 60_000.0,
        })
    }

    fn back(token: Option<&str>, attempt: Option<&str>) -> Returned {
        Returned {
            token: token.map(Into::into),
            attempt: attempt.map(Into::into),
        }
    }

    #[wasm_bindgen_test]
    fn a_token_is_used_only_in_the_attempt_that_asked_for_it() {
        assert_eq!(
            classify(back(Some("tok"), Some("a1")), pending(), NOW),
            SsoReturn::Token {
                homeserver: "https://chat.example.org/".into(),
                token: "tok".into(),
                resume: false,
            }
        );
        // No note, another attempt's name, none at all, or an empty token.
        assert_eq!(
            classify(back(Some("tok"), Some("a1")), None, NOW),
            SsoReturn::None
        );
        assert_eq!(
            classify(back(Some("tok"), Some("zz")), pending(), NOW),
            SsoReturn::None
        );
        assert_eq!(
            classify(back(Some("tok"), None), pending(), NOW),
            SsoReturn::None
        );
        assert_eq!(
            classify(back(Some(""), Some("a1")), pending(), NOW),
            SsoReturn::None
        );
        // An attempt left long ago lets nothing in, and is not news either.
        let later = NOW + ATTEMPT_LIFETIME_MS;
        assert_eq!(
            classify(back(Some("tok"), Some("a1")), pending(), later),
            SsoReturn::None
        );
        assert_eq!(
            classify(Returned::default(), pending(), later),
            SsoReturn::None
        );
        assert_eq!(
            classify(Returned::default(), pending(), NOW),
            SsoReturn::NotFinished
        );
        assert_eq!(classify(Returned::default(), None, NOW), SsoReturn::None);
    }

    #[wasm_bindgen_test]
    fn the_token_leaves_the_address_and_nothing_else_does() {
        assert_eq!(
            strip_return("https://chat.example.org/login?sso=a1&loginToken=abc%2Bdef"),
            Some((
                back(Some("abc+def"), Some("a1")),
                "https://chat.example.org/login".into()
            ))
        );
        assert_eq!(
            strip_return("https://chat.example.org/login?ended=1&loginToken=t#x"),
            Some((
                back(Some("t"), None),
                "https://chat.example.org/login?ended=1#x".into()
            ))
        );
        assert_eq!(strip_return("https://chat.example.org/login?ended=1"), None);
        assert_eq!(strip_return("not a url"), None);
    }

    fn flows(password: bool, providers: &[&str]) -> LoginFlows {
        LoginFlows {
            password,
            sso: !providers.is_empty(),
            providers: providers
                .iter()
                .map(|id| IdentityProvider {
                    id: (*id).into(),
                    name: id.to_uppercase(),
                    icon: None,
                    icon_url: None,
                })
                .collect(),
        }
    }

    #[wasm_bindgen_test]
    fn the_page_offers_what_the_server_has_and_the_policy_allows() {
        let both = flows(true, &["eu"]);
        let offered = Offered::new(Some(&both), true);
        assert!(offered.password && offered.sso() && !offered.server_choice);
        // The policy hides the password form.
        let offered = Offered::new(Some(&both), false);
        assert!(!offered.password && offered.sso() && !offered.nothing());
        // Until the server answers, the password form shows (if allowed).
        assert!(Offered::new(None, true).password);
        assert!(Offered::new(None, false).nothing());
        // Password only on the server, hidden by policy: nothing left.
        assert!(Offered::new(Some(&flows(true, &[])), false).nothing());
        // SSO with no list: the server chooses.
        let unlisted = LoginFlows {
            sso: true,
            ..LoginFlows::default()
        };
        assert!(Offered::new(Some(&unlisted), true).server_choice);
    }

    #[wasm_bindgen_test]
    fn straight_to_a_provider_only_if_the_server_has_it() {
        let offered = Offered::new(Some(&flows(true, &["eu", "ad"])), true);
        assert_eq!(offered.straight_to(Some("ad")), Some("ad"));
        assert_eq!(offered.straight_to(Some("gone")), None);
        assert_eq!(offered.straight_to(None), None);
    }
}
