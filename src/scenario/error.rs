//! What is wrong with a scenario file: a syntax error with its place and a snippet, or every
//! semantic problem at once with the path of the bad field; in words in either language.
use crate::i18n::{Message, Translations};
use std::fmt;

/// One semantic problem: the path of the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// E.g. `banks[1].products[0].rate.margin_bp`.
    pub path: String,
    /// E.g. `scenario-at-least { min: 0, found: "-50" }`: "must be >= 0, found -50".
    pub message: Message,
}

impl Problem {
    /// The problem as one line: the path, then what is wrong.
    pub fn to_message(&self) -> Message {
        Message::new("scenario-problem")
            .with("path", self.path.as_str())
            .with("reason", self.message.clone())
    }
}

/// In English.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_message().fmt(f)
    }
}

/// A scenario file that cannot be played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// The text is not valid RON for a scenario.
    Syntax {
        file: String,
        line: usize,
        column: usize,
        /// What the parser expected, from the `ron` crate's error (see `syntax_message`).
        message: Message,
        /// The offending line with a caret under the column.
        snippet: String,
    },
    /// The file reads, but some values are impossible or refer to nothing.
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl ScenarioError {
    /// Builds a syntax error, cutting the snippet from the text.
    pub fn syntax(text: &str, file: &str, line: usize, column: usize, message: Message) -> Self {
        let source = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        // Long lines are cut around the column so the caret stays visible.
        let chars: Vec<char> = source.chars().collect();
        let start = column.saturating_sub(60).min(chars.len());
        let end = (start + 100).min(chars.len());
        let shown: String = chars[start..end].iter().collect();
        let caret = " ".repeat(column.saturating_sub(1 + start));
        let gutter = line.to_string();
        let snippet = format!(
            "{gutter} | {shown}\n{pad} | {caret}^",
            pad = " ".repeat(gutter.len())
        );
        ScenarioError::Syntax {
            file: file.to_string(),
            line,
            column,
            message,
            snippet,
        }
    }

    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ScenarioError::Syntax { file, .. } | ScenarioError::Invalid { file, .. } => file,
        }
    }

    /// The whole error as one message: file, line and column with the snippet, or every
    /// problem on a line of its own.
    pub fn to_message(&self) -> Message {
        match self {
            ScenarioError::Syntax {
                file,
                line,
                column,
                message,
                snippet,
            } => Message::new("scenario-syntax")
                .with("file", file.as_str())
                .with("line", *line)
                .with("column", *column)
                .with("reason", message.clone())
                .with("snippet", snippet.as_str()),
            ScenarioError::Invalid { file, problems } => Message::new("scenario-problems")
                .with("file", file.as_str())
                .with("count", problems.len())
                .with(
                    "problems",
                    problems.iter().map(Problem::to_message).collect::<Vec<_>>(),
                ),
        }
    }

    /// The error in a language.
    pub fn describe(&self, tr: &Translations) -> String {
        tr.message(&self.to_message())
    }
}

impl From<ScenarioError> for Message {
    fn from(e: ScenarioError) -> Message {
        e.to_message()
    }
}

/// In English.
impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_message().fmt(f)
    }
}

impl std::error::Error for ScenarioError {}

/// What the `ron` parser found wrong, as a message of our own; kinds without one keep ron's
/// English words inside a translated frame.
pub fn syntax_message(code: &ron::error::Error) -> Message {
    use ron::error::Error as Ron;
    let plain = |id: &'static str| Message::new(id);
    match code {
        Ron::Eof => plain("ron-eof"),
        Ron::ExpectedArray => plain("ron-expected-array"),
        Ron::ExpectedArrayEnd => plain("ron-expected-array-end"),
        Ron::ExpectedBoolean => plain("ron-expected-boolean"),
        Ron::ExpectedComma => plain("ron-expected-comma"),
        Ron::ExpectedChar => plain("ron-expected-char"),
        Ron::ExpectedFloat => plain("ron-expected-number"),
        Ron::ExpectedInteger => plain("ron-expected-integer"),
        Ron::ExpectedOption => plain("ron-expected-option"),
        Ron::ExpectedOptionEnd | Ron::ExpectedStructLikeEnd => plain("ron-expected-paren-end"),
        Ron::ExpectedMap => plain("ron-expected-map"),
        Ron::ExpectedMapColon => plain("ron-expected-colon"),
        Ron::ExpectedMapEnd => plain("ron-expected-map-end"),
        Ron::ExpectedStructLike => plain("ron-expected-paren"),
        Ron::ExpectedNamedStructLike("") => plain("ron-expected-paren"),
        Ron::ExpectedNamedStructLike(name) => plain("ron-expected-paren-for").with("name", *name),
        Ron::ExpectedDifferentStructName { expected, found } => plain("ron-other-struct-name")
            .with("expected", *expected)
            .with("found", found.as_str()),
        Ron::ExpectedUnit => plain("ron-expected-unit"),
        Ron::ExpectedString => plain("ron-expected-text"),
        Ron::ExpectedStringEnd => plain("ron-expected-text-end"),
        Ron::ExpectedIdentifier => plain("ron-expected-name"),
        Ron::IntegerOutOfBounds => plain("ron-integer-out-of-bounds"),
        Ron::InvalidIntegerDigit { digit, base } => plain("ron-invalid-digit")
            .with("digit", digit.to_string())
            .with("base", u32::from(*base)),
        Ron::FloatUnderscore | Ron::UnderscoreAtBeginning => plain("ron-underscore"),
        Ron::UnclosedBlockComment => plain("ron-unclosed-comment"),
        Ron::UnexpectedChar(c) => plain("ron-unexpected-char").with("char", c.to_string()),
        Ron::TrailingCharacters => plain("ron-trailing"),
        Ron::Utf8Error(_) => plain("ron-not-utf8"),
        Ron::ExceededRecursionLimit => plain("ron-too-deep"),
        Ron::InvalidValueForType { expected, found } => plain("ron-invalid-value")
            .with("expected", value_kind(expected))
            .with("found", found_value(found)),
        Ron::ExpectedDifferentLength { expected, found } => plain("ron-wrong-length")
            .with("expected", value_kind(expected))
            .with("count", *found),
        Ron::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => in_outer("ron-unknown-variant", outer)
            .with("found", found.as_str())
            .with("choices", choices(expected)),
        Ron::NoSuchStructField {
            expected,
            found,
            outer,
        } => in_outer("ron-unknown-field", outer)
            .with("found", found.as_str())
            .with("choices", choices(expected)),
        Ron::MissingStructField { field, outer } => {
            in_outer("ron-missing-field", outer).with("field", *field)
        }
        Ron::DuplicateStructField { field, outer } => {
            in_outer("ron-duplicate-field", outer).with("field", *field)
        }
        other => plain("ron-other").with("detail", other.to_string()),
    }
}

/// A message about a field or variant, saying which struct or enum it was in when ron knows.
fn in_outer(id: &'static str, outer: &Option<String>) -> Message {
    match outer {
        Some(outer) => Message::new(id).with(
            "where",
            Message::new("ron-in").with("outer", outer.as_str()),
        ),
        None => Message::new(id).with("where", ""),
    }
}

/// The names ron would have accepted: "`a`", "`a` or `b`", "`a`, `b` or `c`".
fn choices(expected: &[&str]) -> Message {
    match expected {
        [] => Message::new("ron-choices-none"),
        [only] => Message::new("ron-choices-one").with("name", *only),
        [first @ .., last] => {
            let list: Vec<String> = first.iter().map(|n| format!("`{n}`")).collect();
            Message::new("ron-choices-many")
                .with("list", list.join(", "))
                .with("last", *last)
        }
    }
}

/// What kind of value a field wanted, from serde's words for it ("u16", "a string", ...).
fn value_kind(expected: &str) -> Message {
    let integers = [
        "u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128",
    ];
    match expected {
        e if integers.contains(&e) || e == "an integer" => Message::new("ron-kind-integer"),
        "f32" | "f64" | "a float" => Message::new("ron-kind-number"),
        "a string" | "a borrowed string" | "string" => Message::new("ron-kind-text"),
        "a boolean" | "a bool" | "bool" => Message::new("ron-kind-boolean"),
        "a sequence" | "a list" => Message::new("ron-kind-list"),
        "char" | "a character" => Message::new("ron-kind-char"),
        e => match e.strip_prefix("struct ") {
            Some(name) => Message::new("ron-kind-struct").with("name", name),
            None => Message::new("ron-kind-other").with("detail", e),
        },
    }
}

/// What ron found instead, from its words ("the string \"x\"", "the signed integer `-5`").
fn found_value(found: &str) -> Message {
    let tagged = [
        ("the boolean ", "ron-found-boolean"),
        ("the unsigned integer ", "ron-found-integer"),
        ("the signed integer ", "ron-found-integer"),
        ("the floating point number ", "ron-found-number"),
        ("the UTF-8 character ", "ron-found-char"),
        ("the string ", "ron-found-text"),
    ];
    for (prefix, id) in tagged {
        if let Some(value) = found.strip_prefix(prefix) {
            return Message::new(id).with("value", value.trim_matches('`'));
        }
    }
    match found {
        "a unit value" => Message::new("ron-found-unit"),
        "an optional value" => Message::new("ron-found-option"),
        "a sequence" => Message::new("ron-found-list"),
        "a map" => Message::new("ron-found-map"),
        other => Message::new("ron-kind-other").with("detail", other),
    }
}
