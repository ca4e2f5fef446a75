//! What the composer's text means: slash commands, intentional mentions, and the
//! markdown that goes out. Pure functions, unit-tested.

use crate::error::AppError;
use crate::matrix::timeline::Draft;

/// A member picked from the `@` autocomplete: the name inserted into the text, and
/// whom it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedMention {
    pub name: String,
    pub user_id: String,
}

/// The draft for `text`, or why it cannot be sent. `mentions` are the members picked
/// while typing; those whose name is still in the text become pills and `m.mentions`.
pub fn draft_of(
    text: &str,
    mentions: &[PickedMention],
    reply_to: Option<String>,
) -> Result<Draft, AppError> {
    let (body, emote) = command_of(text)?;
    let (markdown, mentioned) = link_mentions(&body, mentions);
    Ok(Draft {
        markdown,
        emote,
        mentions: mentioned,
        reply_to,
    })
}

/// Each picked member's name, where it still stands as a whole word, becomes a link to
/// them; the user IDs linked are returned. Longer names are placed first, so that "Bob"
/// does not claim the start of "Bobby"; no two links overlap.
fn link_mentions(body: &str, mentions: &[PickedMention]) -> (String, Vec<String>) {
    let mut picked: Vec<&PickedMention> = mentions.iter().filter(|m| !m.name.is_empty()).collect();
    picked.sort_by_key(|m| std::cmp::Reverse(m.name.len()));
    let mut claimed: Vec<(usize, usize, &PickedMention)> = Vec::new();
    for mention in picked {
        if claimed.iter().any(|(_, _, m)| m.user_id == mention.user_id) {
            continue;
        }
        let free = body
            .match_indices(&mention.name)
            .map(|(at, _)| at)
            .find(|&at| {
                let end = at + mention.name.len();
                let word_start = !body[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let word_end = !body[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let overlaps = claimed.iter().any(|&(s, e, _)| at < e && s < end);
                word_start && word_end && !overlaps
            });
        if let Some(at) = free {
            claimed.push((at, at + mention.name.len(), mention));
        }
    }
    claimed.sort_by_key(|&(at, _, _)| at);
    let mut markdown = String::with_capacity(body.len());
    let mut mentioned = Vec::new();
    let mut copied = 0;
    for (start, end, mention) in claimed {
        markdown.push_str(&body[copied..start]);
        let target: String =
            url::form_urlencoded::byte_serialize(mention.user_id.as_bytes()).collect();
        markdown.push_str(&format!(
            "[{}](https://matrix.to/#/{target})",
            escape_markdown(&mention.name)
        ));
        mentioned.push(mention.user_id.clone());
        copied = end;
    }
    markdown.push_str(&body[copied..]);
    (markdown, mentioned)
}

/// The text to send and whether it is an emote. `//` sends a message that starts with
/// a slash; commands Lattice does not know are refused rather than sent as text.
fn command_of(text: &str) -> Result<(String, bool), AppError> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("//") {
        return Ok((format!("/{rest}"), false));
    }
    let Some(command_line) = text.strip_prefix('/') else {
        return Ok((text.to_owned(), false));
    };
    let (command, rest) = command_line
        .split_once(char::is_whitespace)
        .unwrap_or((command_line, ""));
    let rest = rest.trim();
    match command {
        "me" if !rest.is_empty() => Ok((rest.to_owned(), true)),
        "shrug" => Ok((
            format!("¯\\\\\\_(ツ)\\_/¯ {rest}").trim_end().to_owned(),
            false,
        )),
        _ => Err(AppError::UnknownCommand(format!("/{command}"))),
    }
}

fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '(' | ')' | '\\' | '*' | '_' | '`') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The `@` query being typed just before `cursor`, if any: the text after an `@` that
/// starts a word, up to the cursor, without spaces.
pub fn mention_query(text: &str, cursor: usize) -> Option<(usize, String)> {
    let before = text.get(..cursor)?;
    let at = before.rfind('@')?;
    let query = &before[at + 1..];
    let starts_word = before[..at]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    (starts_word && !query.contains(char::is_whitespace)).then(|| (at, query.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn bob() -> PickedMention {
        PickedMention {
            name: "Bob [ops]".into(),
            user_id: "@bob:example.org".into(),
        }
    }

    #[wasm_bindgen_test]
    fn plain_text_goes_out_as_typed() {
        let draft = draft_of("  hello *world*  ", &[], None).unwrap();
        assert_eq!(draft.markdown, "hello *world*");
        assert!(!draft.emote && draft.mentions.is_empty());
    }

    #[wasm_bindgen_test]
    fn me_is_an_emote_and_double_slash_escapes() {
        let draft = draft_of("/me waves", &[], None).unwrap();
        assert_eq!((draft.markdown.as_str(), draft.emote), ("waves", true));
        let draft = draft_of("//tmp is full", &[], None).unwrap();
        assert_eq!(
            (draft.markdown.as_str(), draft.emote),
            ("/tmp is full", false)
        );
    }

    #[wasm_bindgen_test]
    fn unknown_commands_are_refused() {
        assert_eq!(
            draft_of("/frobnicate now", &[], None),
            Err(AppError::UnknownCommand("/frobnicate".into()))
        );
        assert_eq!(
            draft_of("/me", &[], None),
            Err(AppError::UnknownCommand("/me".into()))
        );
    }

    #[wasm_bindgen_test]
    fn picked_mentions_become_links_and_intentional_mentions() {
        let draft = draft_of("hi Bob [ops], look", &[bob(), bob()], Some("$e".into())).unwrap();
        assert_eq!(
            draft.markdown,
            "hi [Bob \\[ops\\]](https://matrix.to/#/%40bob%3Aexample.org), look"
        );
        assert_eq!(draft.mentions, vec!["@bob:example.org".to_owned()]);
        assert_eq!(draft.reply_to.as_deref(), Some("$e"));
        // A mention whose name was deleted again mentions no one.
        let draft = draft_of("never mind", &[bob()], None).unwrap();
        assert!(draft.mentions.is_empty());
    }

    #[wasm_bindgen_test]
    fn names_that_contain_each_other_link_once_each_and_only_whole_words() {
        let pick = |name: &str, id: &str| PickedMention {
            name: name.into(),
            user_id: id.into(),
        };
        let picked = [pick("Bob", "@bob:x"), pick("Bobby", "@bobby:x")];
        let draft = draft_of("Bobby and Bob, not Bobcat", &picked, None).unwrap();
        assert_eq!(
            draft.markdown,
            "[Bobby](https://matrix.to/#/%40bobby%3Ax) and [Bob](https://matrix.to/#/%40bob%3Ax), not Bobcat"
        );
        assert_eq!(
            draft.mentions,
            vec!["@bobby:x".to_owned(), "@bob:x".to_owned()]
        );
    }

    #[wasm_bindgen_test]
    fn the_mention_query_is_the_word_after_an_at() {
        assert_eq!(mention_query("hi @bo", 6), Some((3, "bo".into())));
        assert_eq!(mention_query("@", 1), Some((0, String::new())));
        assert_eq!(mention_query("mail a@b", 8), None);
        assert_eq!(mention_query("hi @bob there", 13), None);
    }
}
