//! The serde types of a scenario file: what a scenario author writes.
use serde::{Deserialize, Serialize};

/// A text in both languages of the game.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

impl Text {
    /// The text in a language ("fr" or anything else for English).
    pub fn get(&self, language: &str) -> &str {
        if language == "fr" { &self.fr } else { &self.en }
    }
}

/// A generated town: how many of each actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TownEconomy {
    pub banks: u16,
    pub merchants: u32,
    pub clients: u32,
}

/// A scenario: an economy, how long it runs, and what it is meant to teach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// A short identifier, e.g. "one_town".
    pub id: String,
    pub title: Text,
    pub description: Text,
    /// Number of months played.
    pub turns: u16,
    pub seed: u64,
    pub economy: TownEconomy,
}
