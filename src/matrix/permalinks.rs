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
}
