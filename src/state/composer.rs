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
    let mut markdown = body;
    let mut mentioned = Vec::new();
    for mention in mentions {
        if mentioned.contains(&mention.user_id) {
            continue;
        }
        if let Some(at) = markdown.find(&mention.name) {
            let link = format!(
                "[{}](https://matrix.to/#/{})",
                escape_markdown(&mention.name),
                mention.user_id
            );
            markdown.replace_range(at..at + mention.name.len(), &link);
            mentioned.push(mention.user_id.clone());
        }
    }
    Ok(Draft {
        markdown,
        emote,
        mentions: mentioned,
        reply_to,
    })
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
            "hi [Bob \\[ops\\]](https://matrix.to/#/@bob:example.org), look"
        );
        assert_eq!(draft.mentions, vec!["@bob:example.org".to_owned()]);
        assert_eq!(draft.reply_to.as_deref(), Some("$e"));
        // A mention whose name was deleted again mentions no one.
        let draft = draft_of("never mind", &[bob()], None).unwrap();
        assert!(draft.mentions.is_empty());
    }

    #[wasm_bindgen_test]
    fn the_mention_query_is_the_word_after_an_at() {
        assert_eq!(mention_query("hi @bo", 6), Some((3, "bo".into())));
        assert_eq!(mention_query("@", 1), Some((0, String::new())));
        assert_eq!(mention_query("mail a@b", 8), None);
        assert_eq!(mention_query("hi @bob there", 13), None);
    }
}
