//! Scenarios in RON: the schema authors write, loading with clear errors, and the economy built
//! from it.
mod schema;

pub use schema::{Scenario, Text, TownEconomy};

use crate::sim::{EconomyConfig, TownSpec, town};
use std::fmt;

/// A scenario file could not be used. Says the file, line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ScenarioError {}

/// Reads a scenario from its RON text; `file` names it in error messages.
pub fn parse(text: &str, file: &str) -> Result<Scenario, ScenarioError> {
    ron::Options::default()
        .from_str::<Scenario>(text)
        .map_err(|e| ScenarioError {
            file: file.to_string(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

impl Scenario {
    /// The economy this scenario starts from.
    pub fn economy(&self) -> EconomyConfig {
        let TownEconomy {
            banks,
            merchants,
            clients,
        } = self.economy;
        town(TownSpec::new(banks, merchants, clients, self.seed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_say_where() {
        let err = parse("(\n  id: \"x\",\n  title: oops\n)", "bad.ron").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("bad.ron", 3));
        assert!(err.to_string().starts_with("bad.ron:3:"), "{err}");
    }
}
