//! How the timeline's rows are laid out: messages grouped under one sender's name, and
//! runs of room changes folded into one expandable line. Pure, unit-tested.

use crate::matrix::models::{RowContent, RowKind, Summary, TimelineRow};

/// Events by one sender closer together than this are grouped under one name.
pub const GROUP_WINDOW_MS: u64 = 5 * 60 * 1000;
/// Consecutive room changes from this many on are folded.
const FOLD_FROM: usize = 3;

/// One entry of the laid-out timeline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// A row; `grouped` when it continues the previous message's group.
    Row { row: TimelineRow, grouped: bool },
    /// Several room changes in a row, folded under one sentence.
    Changes {
        summary: Summary,
        rows: Vec<TimelineRow>,
    },
}

pub fn entries_of<'a>(rows: impl IntoIterator<Item = &'a TimelineRow>) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut run: Vec<TimelineRow> = Vec::new();
    let mut previous: Option<&TimelineRow> = None;
    for row in rows {
        if is_change(row) {
            run.push(row.clone());
        } else {
            flush(&mut entries, &mut run);
            let grouped = previous.is_some_and(|prev| continues(prev, row));
            entries.push(Entry::Row {
                row: row.clone(),
                grouped,
            });
        }
        previous = Some(row);
    }
    flush(&mut entries, &mut run);
    entries
}

fn is_change(row: &TimelineRow) -> bool {
    matches!(&row.kind, RowKind::Event(event) if matches!(event.content, RowContent::State(_)))
}

fn flush(entries: &mut Vec<Entry>, run: &mut Vec<TimelineRow>) {
    if run.len() >= FOLD_FROM {
        let rows = std::mem::take(run);
        entries.push(Entry::Changes {
            summary: summary_of(&rows),
            rows,
        });
    } else {
        entries.extend(run.drain(..).map(|row| Entry::Row {
            row,
            grouped: false,
        }));
    }
}

/// "Alice created and configured the room", "Alice made 5 changes", or "5 changes".
fn summary_of(rows: &[TimelineRow]) -> Summary {
    let senders: Vec<&str> = rows
        .iter()
        .filter_map(|row| match &row.kind {
            RowKind::Event(event) => Some(event.sender_name.as_str()),
            _ => None,
        })
        .collect();
    let count = rows.len().to_string();
    let one_sender = senders.windows(2).all(|pair| pair[0] == pair[1]);
    let created = rows.iter().any(|row| {
        matches!(&row.kind, RowKind::Event(e)
            if matches!(&e.content, RowContent::State(s) if s.message_id == "state-room-created"))
    });
    let sender = senders.first().copied().unwrap_or_default().to_owned();
    let (message_id, args) = match (one_sender, created) {
        (true, true) => (
            "changes-created",
            vec![("sender", sender), ("count", count)],
        ),
        (true, false) => ("changes-by", vec![("sender", sender), ("count", count)]),
        (false, _) => ("changes-many", vec![("count", count)]),
    };
    Summary { message_id, args }
}

/// Whether `row` is a message that continues `previous`'s group.
pub fn continues(previous: &TimelineRow, row: &TimelineRow) -> bool {
    let (RowKind::Event(previous), RowKind::Event(row)) = (&previous.kind, &row.kind) else {
        return false;
    };
    let message = |content: &RowContent| !matches!(content, RowContent::State(_));
    previous.sender_id == row.sender_id
        && message(&previous.content)
        && message(&row.content)
        && row.timestamp.saturating_sub(previous.timestamp) < GROUP_WINDOW_MS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::models::{EventRow, MessageKind, MessageRow, SendState};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn row(sender: &str, timestamp: u64, state: Option<&'static str>) -> TimelineRow {
        let content = match state {
            Some(message_id) => RowContent::State(Summary {
                message_id,
                args: vec![],
            }),
            None => RowContent::Message(MessageRow {
                body: "hi".into(),
                formatted: None,
                kind: MessageKind::Text,
                media: None,
                edited: false,
                reactions: vec![],
                reply_to: None,
                thread_replies: None,
            }),
        };
        TimelineRow {
            key: format!("{sender}-{timestamp}"),
            kind: RowKind::Event(Box::new(EventRow {
                event_id: None,
                transaction_id: None,
                sender_id: sender.into(),
                sender_name: sender.into(),
                sender_avatar: None,
                timestamp,
                is_own: false,
                editable: false,
                content,
                send_state: SendState::Remote,
                read_by: vec![],
            })),
        }
    }

    #[wasm_bindgen_test]
    fn messages_group_by_sender_within_five_minutes() {
        assert!(continues(&row("@a", 0, None), &row("@a", 60_000, None)));
        assert!(!continues(&row("@a", 0, None), &row("@b", 60_000, None)));
        assert!(!continues(
            &row("@a", 0, None),
            &row("@a", GROUP_WINDOW_MS, None)
        ));
        assert!(!continues(
            &row("@a", 0, Some("state-joined")),
            &row("@a", 1, None)
        ));
        let divider = TimelineRow {
            key: "d".into(),
            kind: RowKind::DayDivider(0),
        };
        assert!(!continues(&divider, &row("@a", 1, None)));
    }

    #[wasm_bindgen_test]
    fn a_new_room_folds_into_one_line() {
        let rows = [
            row("@a", 0, Some("state-room-created")),
            row("@a", 1, Some("state-joined")),
            row("@a", 2, Some("state-power-levels")),
            row("@a", 3, Some("state-join-invite")),
            row("@a", 4, None),
            row("@a", 5, None),
        ];
        let entries = entries_of(&rows);
        assert_eq!(entries.len(), 3);
        let Entry::Changes {
            summary,
            rows: folded,
        } = &entries[0]
        else {
            panic!("not folded: {:?}", entries[0]);
        };
        assert_eq!(summary.message_id, "changes-created");
        assert_eq!(folded.len(), 4);
        // The first message after the changes starts a group; the next continues it.
        assert!(matches!(&entries[1], Entry::Row { grouped: false, .. }));
        assert!(matches!(&entries[2], Entry::Row { grouped: true, .. }));
    }

    #[wasm_bindgen_test]
    fn short_runs_stay_and_mixed_senders_are_counted() {
        let rows = [
            row("@a", 0, Some("state-joined")),
            row("@b", 1, Some("state-joined")),
        ];
        assert!(
            entries_of(&rows)
                .iter()
                .all(|e| matches!(e, Entry::Row { .. }))
        );
        let rows = [
            row("@a", 0, Some("state-joined")),
            row("@b", 1, Some("state-joined")),
            row("@c", 2, Some("state-joined")),
        ];
        let Entry::Changes { summary, .. } = &entries_of(&rows)[0] else {
            panic!("not folded");
        };
        assert_eq!(summary.message_id, "changes-many");
        assert_eq!(summary.args, vec![("count", "3".to_owned())]);
    }
}
