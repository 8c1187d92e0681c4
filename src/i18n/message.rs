//! Messages kept as an id and its arguments, put into words only where a person reads them, in
//! that person's language: every error of the core and every line of the command line.
use super::{Language, Translations};
use crate::sim::{Bp, Money, OutOfBounds, Scale, SimError};
use fluent_bundle::FluentValue;
use std::fmt;
use std::sync::OnceLock;

/// A value inside a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// A count or a limit; Fluent chooses plural forms from it.
    Number(i64),
    /// A text shown as it is: a path, an id, a value as written in a file, an amount already
    /// formatted for the language.
    Text(String),
    /// A message of its own, rendered in the same language (the reason of a framing message).
    Message(Box<Message>),
    /// Several messages, each on a line of its own, indented (every problem of a file).
    Lines(Vec<Message>),
    /// An amount, a rate or a term, written as the reader's language writes it.
    Amount(Scale, i64),
}

/// A message of the Fluent files with its arguments, for example
/// `scenario-at-least { min: 0, found: "-50" }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without arguments (yet).
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The value of an argument, for tests and for callers that look inside.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(n.into())
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n.into())
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Arg {
        Arg::Number(n.into())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        i64::try_from(n).map_or_else(|_| Arg::Text(n.to_string()), Arg::Number)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        i64::try_from(n).map_or_else(|_| Arg::Text(n.to_string()), Arg::Number)
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<Vec<Message>> for Arg {
    fn from(lines: Vec<Message>) -> Arg {
        Arg::Lines(lines)
    }
}

impl Translations {
    /// The messages of a language, loaded once for the whole program (the command line, and
    /// English for logs and `Display`).
    pub fn shared(language: Language) -> &'static Translations {
        static EN: OnceLock<Translations> = OnceLock::new();
        static FR: OnceLock<Translations> = OnceLock::new();
        let cell = match language {
            Language::En => &EN,
            Language::Fr => &FR,
        };
        cell.get_or_init(|| Translations::new(language))
    }

    /// A message in this language, its inner messages too.
    pub fn message(&self, message: &Message) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = message
            .args
            .iter()
            .map(|(name, arg)| (*name, self.value(name, arg)))
            .collect();
        self.format(message.id, &args)
    }

    fn value(&self, name: &str, arg: &Arg) -> FluentValue<'static> {
        match arg {
            // Places and ids are written plainly ("file.ron:1204:7", "seed 12345"); counts and
            // amounts with their thousands grouped.
            Arg::Number(n) if UNGROUPED.contains(&name) => {
                let mut number = fluent_bundle::types::FluentNumber::from(*n);
                number.options.use_grouping = false;
                FluentValue::Number(number)
            }
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Message(inner) => FluentValue::from(self.message(inner)),
            Arg::Amount(scale, n) => FluentValue::from(match scale {
                Scale::Cents => super::format::money(self.language(), Money::cents(*n)),
                Scale::Bp => match i32::try_from(*n) {
                    Ok(bp) => super::format::rate(self.language(), Bp(bp)),
                    Err(_) => n.to_string(),
                },
                Scale::Months => super::format::count(self.language(), n.unsigned_abs()),
            }),
            Arg::Lines(lines) => FluentValue::from(
                lines
                    .iter()
                    .map(|m| format!("\n  {}", self.message(m)))
                    .collect::<String>(),
            ),
        }
    }
}

/// Arguments that are places, ids or values as an author writes them in a scenario file, never
/// grouped by thousands.
const UNGROUPED: [&str; 12] = [
    "line", "column", "seed", "version", "reads", "first", "last", "found", "min", "max", "value",
    "expected",
];

/// In English: for logs, tests and callers that keep plain text.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Translations::shared(Language::En).message(self))
    }
}

impl std::error::Error for Message {}

/// In English, for code that still keeps errors as plain text.
impl From<Message> for String {
    fn from(message: Message) -> String {
        message.to_string()
    }
}

/// A decision's number outside its limit, in the reader's words: "Account fee (a month) must be
/// between €0.00 and €30.00 (it was €92,233,720,368,547,758.07)".
pub fn out_of_bounds(oob: &OutOfBounds) -> Message {
    let l = oob.limit;
    Message::new("decision-out-of-bounds")
        .with("field", Message::new(l.label))
        .with("min", Arg::Amount(l.scale, l.min))
        .with("max", Arg::Amount(l.scale, l.max))
        .with("found", Arg::Amount(l.scale, oob.found))
}

/// Why the simulation refused: its own words are for developers, so they come as the detail
/// of a translated frame.
impl From<SimError> for Message {
    fn from(e: SimError) -> Message {
        match e {
            SimError::InvalidConfig(detail) => {
                Message::new("error-sim-config").with("detail", detail)
            }
            SimError::InvalidDecision(detail) => {
                Message::new("error-sim-decision").with("detail", detail)
            }
            SimError::OutOfBounds { who, oob } => Message::new("error-sim-out-of-bounds")
                .with("who", who)
                .with("reason", out_of_bounds(&oob)),
            SimError::Ledger(e) => Message::new("error-sim-ledger").with("detail", e.to_string()),
            SimError::Overflow => Message::new("error-sim-overflow"),
            SimError::Stopped => Message::new("error-sim-stopped"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_messages_and_lines_take_the_same_language() {
        let problem = |path: &str, min: i64, found: &str| {
            Message::new("scenario-problem").with("path", path).with(
                "reason",
                Message::new("scenario-at-least")
                    .with("min", min)
                    .with("found", found),
            )
        };
        let error = Message::new("scenario-problems")
            .with("file", "t.ron")
            .with("count", 2)
            .with(
                "problems",
                vec![
                    problem("turns", 1, "0"),
                    problem("banks[0].capital", 0, "-1"),
                ],
            );
        assert_eq!(
            error.to_string(),
            "t.ron: 2 problems:\n  turns: must be >= 1, found 0\n  banks[0].capital: must be >= 0, found -1"
        );
        let fr = Translations::shared(Language::Fr).message(&error);
        assert!(fr.starts_with("t.ron : 2 problèmes"), "{fr}");
        assert!(fr.contains("\n  turns : "), "{fr}");
    }

    #[test]
    fn refusals_of_the_simulation_have_words_in_both_languages() {
        for e in [
            SimError::InvalidConfig("x".into()),
            SimError::InvalidDecision("x".into()),
            SimError::OutOfBounds {
                who: "client 3".into(),
                oob: OutOfBounds {
                    limit: crate::sim::RetailDecision::OVERDRAFT_RATE,
                    found: i64::from(i32::MAX),
                },
            },
            SimError::Overflow,
            SimError::Stopped,
        ] {
            let m = Message::from(e);
            for language in Language::ALL {
                let text = Translations::shared(language).message(&m);
                assert!(text != m.id && !text.contains('{'), "{language:?}: {text}");
            }
        }
        let oob = OutOfBounds {
            limit: crate::sim::RetailDecision::ACCOUNT_FEE,
            found: i64::MAX,
        };
        let en = Translations::shared(Language::En).message(&out_of_bounds(&oob));
        assert_eq!(
            en,
            "Account fee (a month): between €0.00 and €30.00, not €92,233,720,368,547,758.07"
        );
        let fr = Translations::shared(Language::Fr).message(&out_of_bounds(&oob));
        assert!(fr.contains("entre 0,00\u{a0}€ et 30,00\u{a0}€"), "{fr}");
    }

    /// The string literals of a source text that look like message ids of the command line
    /// and the errors.
    fn ids_in(source: &str) -> Vec<String> {
        let prefixes = [
            "cli-",
            "summary-",
            "sweep-",
            "scenario-",
            "ron-",
            "log-",
            "session-",
            "io-",
            "web-",
            "error-",
        ];
        source
            .split('"')
            .skip(1)
            .step_by(2)
            // The page's element ids are not messages.
            .filter(|s| !s.ends_with('-') && *s != "scenario-file")
            .filter(|s| {
                prefixes.iter().any(|p| s.starts_with(p))
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .map(String::from)
            .collect()
    }

    #[test]
    fn every_id_the_core_and_the_command_line_use_is_in_both_languages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let files = [
            "main.rs",
            "i18n/message.rs",
            "scenario/build.rs",
            "scenario/error.rs",
            "scenario/ids.rs",
            "session/mod.rs",
            "session/log.rs",
            "session/workshop.rs",
            "platform/native.rs",
            "platform/web.rs",
            "headless/mod.rs",
            "headless/sweep.rs",
            "headless/summary.rs",
        ];
        let mut used = Vec::new();
        for file in files {
            let source = std::fs::read_to_string(root.join(file)).expect("read a source file");
            used.extend(ids_in(&source));
        }
        assert!(used.len() > 150, "{} ids found", used.len());
        for language in Language::ALL {
            let defined = Translations::shared(language).ids();
            let missing: Vec<_> = used.iter().filter(|id| !defined.contains(id)).collect();
            assert!(missing.is_empty(), "{language:?} lacks {missing:?}");
        }
    }
}
