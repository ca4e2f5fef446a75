//! Permalinks: links to rooms on matrix.to, or under the administrator's own prefix,
//! are opened inside the app rather than on a third-party site. Links to a room by ID
//! carry `via` servers, which a server that does not know the room asks to join it.

use matrix_sdk::ruma::matrix_uri::MatrixId;
use matrix_sdk::ruma::{EventId, MatrixToUri};

use super::ActiveSession;
use super::rooms::room;
use crate::error::AppError;

const MATRIX_TO: &str = "https://matrix.to";

/// A room a permalink points at (ID or alias), and the servers to ask for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoomLink {
    pub room: String,
    pub via: Vec<String>,
}

/// The room a permalink points at: `https://matrix.to/#/<room>` or `<prefix>/#/<room>`,
/// also with an event after the room. `None` for anything else.
pub fn room_in_link(url: &str, prefix: &str) -> Option<RoomLink> {
    let uri = matrix_to(url, prefix)?;
    let via = uri.via().iter().map(ToString::to_string).collect();
    let room = match uri.id() {
        MatrixId::Room(room) => room.to_string(),
        MatrixId::RoomAlias(alias) => alias.to_string(),
        MatrixId::Event(room, _) => room.to_string(),
        _ => return None,
    };
    Some(RoomLink { room, via })
}

/// The matrix.to form of a link under either base.
fn matrix_to(url: &str, prefix: &str) -> Option<MatrixToUri> {
    let prefix = prefix.trim_end_matches('/');
    let fragment = [prefix, MATRIX_TO]
        .iter()
        .find_map(|base| url.strip_prefix(base)?.strip_prefix("/#/"))?;
    MatrixToUri::parse(&format!("{MATRIX_TO}/#/{fragment}")).ok()
}

/// A link to a room (`event_id`: to one of its messages) under `prefix`: by its
/// address if it has one, else by ID with up to three servers of its members to ask
/// (the SDK's choice, as the spec's routing suggests).
pub async fn share_link(
    session: &ActiveSession,
    room_id: &str,
    event_id: Option<&str>,
    prefix: &str,
) -> Result<String, AppError> {
    let room = room(session, room_id)?;
    let uri = match event_id {
        Some(event_id) => {
            let event_id = <&EventId>::try_from(event_id).map_err(|_| AppError::MessageNotFound)?;
            room.matrix_to_event_permalink(event_id).await
        }
        None => room.matrix_to_permalink().await,
    }
    .map_err(|e| super::errors::sdk("make a permalink", &e))?;
    Ok(rebase(&uri.to_string(), prefix))
}

/// A matrix.to link moved under the administrator's prefix.
fn rebase(link: &str, prefix: &str) -> String {
    match link.strip_prefix(MATRIX_TO) {
        Some(rest) => format!("{}{rest}", prefix.trim_end_matches('/')),
        None => link.to_owned(),
    }
}

/// Where a link in a message leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// A person: shown as a pill.
    User(String),
    /// A room (ID or alias): opened inside the app.
    Room(RoomLink),
    /// Anything else: a web page, opened in a new tab.
    Web,
}

pub fn link_target(url: &str, prefix: &str) -> LinkTarget {
    if let Some(room) = room_in_link(url, prefix) {
        return LinkTarget::Room(room);
    }
    let user = matrix_to(url, prefix).and_then(|uri| match uri.id() {
        MatrixId::User(user) => Some(user.to_string()),
        _ => None,
    });
    match user {
        Some(user) => LinkTarget::User(user),
        None => LinkTarget::Web,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn matrix_to_and_own_prefix_links_name_their_room() {
        let prefix = "https://links.example.org";
        assert_eq!(
            room_in_link("https://matrix.to/#/%23team%3Aexample.org", prefix).map(|l| l.room),
            Some("#team:example.org".to_owned())
        );
        assert_eq!(
            room_in_link(
                "https://links.example.org/#/!abc:example.org/$event?via=example.org&via=other.example",
                prefix
            ),
            Some(RoomLink {
                room: "!abc:example.org".into(),
                via: vec!["example.org".into(), "other.example".into()],
            })
        );
        assert_eq!(
            room_in_link("https://matrix.to/#/@alice:example.org", prefix),
            None
        );
        assert_eq!(
            room_in_link("https://example.org/#/!abc:example.org", prefix),
            None
        );
    }

    #[wasm_bindgen_test]
    fn shared_links_go_under_the_prefix() {
        let link = "https://matrix.to/#/!abc:example.org?via=example.org";
        assert_eq!(
            rebase(link, "https://links.example.org/"),
            "https://links.example.org/#/!abc:example.org?via=example.org"
        );
        assert_eq!(rebase(link, MATRIX_TO), link);
    }

    #[wasm_bindgen_test]
    fn links_lead_to_people_rooms_or_the_web() {
        let prefix = "https://links.example.org";
        assert_eq!(
            link_target("https://matrix.to/#/@alice:example.org", prefix),
            LinkTarget::User("@alice:example.org".into())
        );
        assert_eq!(
            link_target("https://links.example.org/#/%40bob%3Aexample.org", prefix),
            LinkTarget::User("@bob:example.org".into())
        );
        assert_eq!(
            link_target("https://matrix.to/#/#team:example.org", prefix),
            LinkTarget::Room(RoomLink {
                room: "#team:example.org".into(),
                via: vec![],
            })
        );
        assert_eq!(
            link_target("https://example.org/page", prefix),
            LinkTarget::Web
        );
    }
}
