//! What is wrong with a scenario file: a syntax error with its place and a snippet, or every
//! semantic problem at once with the path of the bad field.
use std::fmt;

/// One semantic problem: the path of the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// E.g. `banks[1].products[0].rate.margin_bp`.
    pub path: String,
    /// E.g. `must be >= 0, found -50`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
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
        message: String,
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
    pub fn syntax(text: &str, file: &str, line: usize, column: usize, message: String) -> Self {
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
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Syntax {
                file,
                line,
                column,
                message,
                snippet,
            } => write!(f, "{file}:{line}:{column}: {message}\n{snippet}"),
            ScenarioError::Invalid { file, problems } => {
                let n = problems.len();
                write!(f, "{file}: {n} problem{}:", if n == 1 { "" } else { "s" })?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ScenarioError {}
