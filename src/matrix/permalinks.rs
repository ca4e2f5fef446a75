//! Permalinks: links to rooms on matrix.to, or under the administrator's own prefix,
//! are opened inside the app rather than on a third-party site.

use matrix_sdk::ruma::MatrixToUri;
use matrix_sdk::ruma::matrix_uri::MatrixId;

const MATRIX_TO: &str = "https://matrix.to";

/// The room (ID or alias) a permalink points at: `https://matrix.to/#/<room>` or
/// `<prefix>/#/<room>`, also with an event after the room. `None` for anything else.
pub fn room_in_link(url: &str, prefix: &str) -> Option<String> {
    let prefix = prefix.trim_end_matches('/');
    let fragment = [prefix, MATRIX_TO]
        .iter()
        .find_map(|base| url.strip_prefix(base)?.strip_prefix("/#/"))?;
    let uri = MatrixToUri::parse(&format!("{MATRIX_TO}/#/{fragment}")).ok()?;
    match uri.id() {
        MatrixId::Room(room) => Some(room.to_string()),
        MatrixId::RoomAlias(alias) => Some(alias.to_string()),
        MatrixId::Event(room, _) => Some(room.to_string()),
        MatrixId::User(_) => None,
        _ => None,
    }
}

/// Where a link in a message leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// A person: shown as a pill.
    User(String),
    /// A room (ID or alias): opened inside the app.
    Room(String),
    /// Anything else: a web page, opened in a new tab.
    Web,
}

pub fn link_target(url: &str, prefix: &str) -> LinkTarget {
    if let Some(room) = room_in_link(url, prefix) {
        return LinkTarget::Room(room);
    }
    let prefix = prefix.trim_end_matches('/');
    let user = [prefix, MATRIX_TO]
        .iter()
        .find_map(|base| url.strip_prefix(base)?.strip_prefix("/#/"))
        .and_then(|fragment| MatrixToUri::parse(&format!("{MATRIX_TO}/#/{fragment}")).ok())
        .and_then(|uri| match uri.id() {
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
            room_in_link("https://matrix.to/#/%23team%3Aexample.org", prefix).as_deref(),
            Some("#team:example.org")
        );
        assert_eq!(
            room_in_link(
                "https://links.example.org/#/!abc:example.org/$event",
                prefix
            )
            .as_deref(),
            Some("!abc:example.org")
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
            LinkTarget::Room("#team:example.org".into())
        );
        assert_eq!(
            link_target("https://example.org/page", prefix),
            LinkTarget::Web
        );
    }
}
