//! Confirming it is you before an action the homeserver protects (user-interactive
//! authentication, UIA): signing other devices out, resetting the encryption identity.
//! People with a password type it; people who sign in through their organisation's
//! identity provider (and have no password) confirm there again, on the homeserver's
//! own page in a window of its own, and then come back to continue.
//!
//! `Challenge::read` is pure and unit-tested on recorded Synapse bodies.

use matrix_sdk::ruma::api::client::uiaa::{
    AuthData, AuthType, FallbackAcknowledgement, MatrixUserIdentifier, Password, UiaaInfo,
    UserIdentifier,
};
use std::future::Future;

use matrix_sdk::ruma::UserId;
use matrix_sdk::{Client, HttpError};
use url::Url;

use crate::error::AppError;

/// What the homeserver asks before it carries out a protected action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Challenge {
    /// The server's name for this attempt: the answer must carry it.
    pub session: Option<String>,
    /// The account password answers it.
    pub password: bool,
    /// Single sign-on again answers it, on this page of the homeserver's (its SSO
    /// fallback), opened in a new window. Only with a session to name.
    pub sso_url: Option<String>,
}

/// What the person gave in answer to a `Challenge`. No `Debug`: it holds a password,
/// which must never reach a log.
#[derive(Clone)]
pub enum Confirmation {
    Password {
        password: String,
        session: Option<String>,
    },
    /// They say they finished on the homeserver's page; the server checks.
    SsoFinished { session: String },
}

impl Challenge {
    /// What the server's flows allow Lattice to answer. Flows with stages Lattice cannot
    /// do (e-mail, captcha, several stages in a row) are left out; when none is left, the
    /// action cannot be confirmed here and says so.
    pub fn read(homeserver: &Url, info: &UiaaInfo) -> Result<Self, AppError> {
        let single = |wanted: AuthType| {
            info.flows
                .iter()
                .any(|flow| flow.stages.len() == 1 && flow.stages[0] == wanted)
        };
        let sso_url = info
            .session
            .as_deref()
            .filter(|_| single(AuthType::Sso))
            .and_then(|session| fallback_url(homeserver, session))
            .map(String::from);
        let challenge = Self {
            session: info.session.clone(),
            password: single(AuthType::Password),
            sso_url,
        };
        if !challenge.password && challenge.sso_url.is_none() {
            tracing::warn!("no confirmation Lattice can give: {:?}", info.flows);
            return Err(AppError::CannotConfirm);
        }
        Ok(challenge)
    }
}

/// The homeserver's own page for confirming through single sign-on.
fn fallback_url(homeserver: &Url, session: &str) -> Option<Url> {
    let path = [
        "_matrix",
        "client",
        "v3",
        "auth",
        "m.login.sso",
        "fallback",
        "web",
    ];
    super::discovery::endpoint(homeserver, &path, &[("session", session)])
}

/// The answer in the shape the server takes it.
pub(super) fn auth_data(user_id: &UserId, confirmation: Confirmation) -> AuthData {
    match confirmation {
        Confirmation::Password { password, session } => {
            let identifier = UserIdentifier::Matrix(MatrixUserIdentifier::new(user_id.to_string()));
            let mut auth = Password::new(identifier, password);
            auth.session = session;
            AuthData::Password(auth)
        }
        Confirmation::SsoFinished { session } => {
            AuthData::FallbackAcknowledgement(FallbackAcknowledgement::new(session))
        }
    }
}

/// Runs a protected request: without `confirmation` first, which tells what the
/// server asks (`Ok(Some(challenge))`, nothing done yet) unless it asks nothing; then
/// again with the person's answer. `Ok(None)`: done.
/// `other` puts any other failure in words, as for the caller's unprotected requests.
pub(super) async fn confirmed<F, T>(
    client: &Client,
    confirmation: Option<Confirmation>,
    request: impl FnOnce(Option<AuthData>) -> F,
    other: impl FnOnce(&HttpError) -> AppError,
) -> Result<Option<Challenge>, AppError>
where
    F: Future<Output = Result<T, HttpError>>,
{
    let user_id = client.user_id().ok_or(AppError::SessionExpired)?;
    let auth = confirmation
        .clone()
        .map(|answer| auth_data(user_id, answer));
    let Err(error) = request(auth).await else {
        return Ok(None);
    };
    match (error.as_uiaa_response(), confirmation) {
        (Some(info), None) => Challenge::read(&client.homeserver(), info).map(Some),
        // Asked again after an answer: the answer was not accepted.
        (Some(_), Some(Confirmation::Password { .. })) => Err(AppError::WrongPassword),
        (Some(_), Some(Confirmation::SsoFinished { .. })) => Err(AppError::SsoConfirmNotFinished),
        (None, _) => Err(other(&error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn info(body: &str) -> UiaaInfo {
        serde_json::from_str(body).expect("a UIA body")
    }

    fn homeserver() -> Url {
        Url::parse("https://chat.example.org/").expect("url")
    }

    /// Synapse 1.163 to an account made through single sign-on (no password).
    const SSO_ONLY: &str =
        r#"{"session":"AbC d&e","flows":[{"stages":["m.login.sso"]}],"params":{}}"#;

    #[wasm_bindgen_test]
    fn an_account_without_password_confirms_on_the_homeservers_page() {
        let challenge = Challenge::read(&homeserver(), &info(SSO_ONLY)).expect("answerable");
        assert!(!challenge.password);
        assert_eq!(
            challenge.sso_url.as_deref(),
            Some(
                "https://chat.example.org/_matrix/client/v3/auth/m.login.sso/fallback/web?session=AbC+d%26e"
            )
        );
    }

    #[wasm_bindgen_test]
    fn password_accounts_type_it_and_odd_flows_are_refused_in_words() {
        let password = r#"{"session":"s","flows":[{"stages":["m.login.password"]}],"params":{}}"#;
        let challenge = Challenge::read(&homeserver(), &info(password)).expect("answerable");
        assert!(challenge.password && challenge.sso_url.is_none());
        assert_eq!(challenge.session.as_deref(), Some("s"));

        let both = r#"{"session":"s","flows":[{"stages":["m.login.sso"]},{"stages":["m.login.password"]}],"params":{}}"#;
        let challenge = Challenge::read(&homeserver(), &info(both)).expect("answerable");
        assert!(challenge.password && challenge.sso_url.is_some());

        // Two stages in a row, an e-mail stage, or SSO without a session to name.
        for body in [
            r#"{"session":"s","flows":[{"stages":["m.login.password","m.login.email.identity"]}],"params":{}}"#,
            r#"{"session":"s","flows":[{"stages":["m.login.email.identity"]}],"params":{}}"#,
            r#"{"flows":[{"stages":["m.login.sso"]}],"params":{}}"#,
            r#"{"session":"s","flows":[],"params":{}}"#,
        ] {
            assert_eq!(
                Challenge::read(&homeserver(), &info(body)),
                Err(AppError::CannotConfirm),
                "{body}"
            );
        }
    }
}
