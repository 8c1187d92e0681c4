//! A class's roster: each participant's label (as the teacher's list writes it), the secret of their personal link and the table the seeded draw gave them; a participant who opens their link again, on any device, finds their table and their seat. Labels stay in the room's file and the links file, never in the answers.
use serde::{Deserialize, Serialize};

use crate::i18n::Message;

/// The most participants a roster lists (64 tables of 32).
pub const MAX_PARTICIPANTS: usize = 2_048;
/// The longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 80;

/// One participant of a roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub label: String,
    /// The secret of their personal link; it becomes their seat's once they take one.
    pub token: String,
    /// From 0.
    pub table: usize,
}

/// The labels of a roster file: one participant a line, the first column of a CSV (in double
/// quotes if it holds a comma), a first line `label` taken as the header; empty lines skipped.
/// A label too long, with control characters, given twice, or a list too long or empty is
/// refused with its line.
pub fn parse_labels(text: &str) -> Result<Vec<String>, Message> {
    let mut labels: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let label = first_field(line);
        let label = label.trim();
        if label.is_empty() || (i == 0 && label.eq_ignore_ascii_case("label")) {
            continue;
        }
        let line_number = i + 1;
        let chars = label.chars().count();
        if chars > MAX_LABEL_CHARS || label.chars().any(char::is_control) {
            return Err(Message::new("roster-bad-label")
                .with("line", line_number)
                .with("max", MAX_LABEL_CHARS));
        }
        if labels.iter().any(|l| l == label) {
            return Err(Message::new("roster-twice")
                .with("line", line_number)
                .with("label", label.to_string()));
        }
        labels.push(label.to_string());
        if labels.len() > MAX_PARTICIPANTS {
            return Err(Message::new("roster-too-long").with("max", MAX_PARTICIPANTS));
        }
    }
    if labels.is_empty() {
        return Err(Message::new("roster-empty"));
    }
    Ok(labels)
}

/// A CSV line's first field: up to the first comma, or a double-quoted text (`""` a quote).
fn first_field(line: &str) -> String {
    let line = line.trim_start_matches('\u{feff}');
    let Some(quoted) = line.trim_start().strip_prefix('"') else {
        return line.split(',').next().unwrap_or("").to_string();
    };
    let mut out = String::new();
    let mut chars = quoted.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            if chars.peek() == Some(&'"') {
                chars.next();
                out.push('"');
            } else {
                break;
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The participants of a roster: each label with a secret, at a table drawn from `seed` so the
/// tables are as even as they go round and the list's order (alphabetical, by group) does not
/// decide who plays under which treatment.
pub fn seat_participants(
    labels: Vec<String>,
    tables: usize,
    seed: u64,
    new_token: &mut dyn FnMut() -> String,
) -> Vec<Participant> {
    let tables = tables.max(1);
    let mut order: Vec<usize> = (0..labels.len()).collect();
    super::table::shuffle(&mut order, seed);
    let mut table_of = vec![0; labels.len()];
    for (k, &who) in order.iter().enumerate() {
        table_of[who] = k % tables;
    }
    labels
        .into_iter()
        .zip(table_of)
        .map(|(label, table)| Participant {
            label,
            token: new_token(),
            table,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roster_reads_its_first_column_and_refuses_what_it_cannot_keep() {
        let text = "\u{feff}label,group\nAda,1\n\n\"Lovelace, Ada\",2\n  Grace  \n";
        assert_eq!(
            parse_labels(text).unwrap(),
            vec!["Ada", "Lovelace, Ada", "Grace"]
        );
        assert_eq!(parse_labels("Ada\nAda\n").unwrap_err().id, "roster-twice");
        assert_eq!(parse_labels("label\n\n").unwrap_err().id, "roster-empty");
        let long = "x".repeat(MAX_LABEL_CHARS + 1);
        let why = parse_labels(&format!("Ada\n{long}\n")).unwrap_err();
        assert_eq!(why.id, "roster-bad-label");
        assert_eq!(
            parse_labels("A\u{7}da\n").unwrap_err().id,
            "roster-bad-label"
        );
        let many: String = (0..=MAX_PARTICIPANTS).map(|i| format!("p{i}\n")).collect();
        assert_eq!(parse_labels(&many).unwrap_err().id, "roster-too-long");
    }

    #[test]
    fn participants_are_spread_evenly_over_the_tables_by_the_draw() {
        let labels: Vec<String> = (0..10).map(|i| format!("p{i}")).collect();
        let mut n = 0;
        let mut token = || {
            n += 1;
            format!("t{n}")
        };
        let a = seat_participants(labels.clone(), 3, 7, &mut token);
        let count = |t| a.iter().filter(|p| p.table == t).count();
        assert_eq!((count(0), count(1), count(2)), (4, 3, 3));
        // The same seed, the same tables; the list's order is not the tables'.
        let b = seat_participants(labels.clone(), 3, 7, &mut token);
        let tables = |r: &[Participant]| r.iter().map(|p| p.table).collect::<Vec<_>>();
        assert_eq!(tables(&a), tables(&b));
        assert_ne!(tables(&a), (0..10).map(|i| i % 3).collect::<Vec<_>>());
        let mut secrets: Vec<&str> = a.iter().map(|p| p.token.as_str()).collect();
        secrets.dedup();
        assert_eq!(secrets.len(), 10);
    }
}
