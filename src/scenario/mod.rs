//! Scenarios in RON: the schema authors write, loading with clear errors, and the economy,
//! timeline and seats built from it.
mod build;
mod error;
mod ids;
mod lessons;
mod schema;

pub use build::{MAX_BANKS, MAX_CLIENTS, MAX_MERCHANTS, MAX_TURNS, Scheduled, Scripted};
pub use error::{Problem, ScenarioError, syntax_message};
pub use ids::ActorIds;
pub use lessons::{Compare, Lesson, metric_label, variant_label};
pub use schema::*;

use crate::sim::{Economy, EconomyConfig, Seat, Shock, SimError, Transparency, Turn};

/// A scenario that read and checked without a problem, with what it builds.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// What the author wrote.
    pub file: ScenarioFile,
    economy: EconomyConfig,
    timeline: Vec<Scheduled>,
    human_seats: Vec<Seat>,
    ids: ActorIds,
    lessons: Vec<Lesson>,
}

/// The RON dialect of scenario files: `Some(..)` may be left out around optional values, and a
/// product's or event's fields written straight inside its name: `savings(rate_bp: 250)`.
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(
        ron::extensions::Extensions::IMPLICIT_SOME
            | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
    )
}

/// Reads a scenario file without checking its values; `file` names it in error messages.
pub fn parse(text: &str, file: &str) -> Result<ScenarioFile, ScenarioError> {
    // Editors on Windows may start the file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    options().from_str::<ScenarioFile>(text).map_err(|e| {
        ScenarioError::syntax(
            text,
            file,
            e.span.start.line,
            e.span.start.col,
            syntax_message(&e.code),
        )
    })
}

/// Reads and checks a scenario file, reporting every problem at once.
pub fn load(text: &str, file: &str) -> Result<Scenario, ScenarioError> {
    Scenario::new(parse(text, file)?, file)
}

/// Writes a scenario file back as RON (for examples and for saving an edited scenario).
pub fn to_ron(file: &ScenarioFile) -> String {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string());
    options()
        .to_string_pretty(file, pretty)
        .unwrap_or_else(|e| format!("// cannot write this scenario: {e}"))
}

impl Scenario {
    /// Checks a parsed file; `name` names it in error messages.
    pub fn new(file: ScenarioFile, name: &str) -> Result<Scenario, ScenarioError> {
        match build::build(&file) {
            Ok(built) => Ok(Scenario {
                file,
                economy: built.economy,
                timeline: built.timeline,
                human_seats: built.human_seats,
                ids: built.ids,
                lessons: built.lessons,
            }),
            Err(problems) => Err(ScenarioError::Invalid {
                file: name.to_string(),
                problems,
            }),
        }
    }

    pub fn id(&self) -> &str {
        &self.file.id
    }

    pub fn title(&self) -> &Text {
        &self.file.title
    }

    pub fn description(&self) -> &Text {
        &self.file.description
    }

    pub fn turns(&self) -> Turn {
        self.file.turns
    }

    pub fn seed(&self) -> u64 {
        self.file.seed
    }

    /// The starting configuration, with the scenario's seed.
    pub fn economy(&self) -> EconomyConfig {
        self.economy.clone()
    }

    /// The starting configuration with another run seed: the same town, other draws.
    pub fn economy_with_seed(&self, seed: u64) -> EconomyConfig {
        EconomyConfig {
            seed,
            ..self.economy.clone()
        }
    }

    /// Opens the books of a new game with this run seed.
    pub fn start(&self, seed: u64) -> Result<Economy, SimError> {
        Economy::new(self.economy_with_seed(seed))
    }

    /// Every scripted event, by turn.
    pub fn timeline(&self) -> &[Scheduled] {
        &self.timeline
    }

    /// The same scenario held under one layer: it starts under `layer` and the timeline's
    /// changes of layer are left out. A second table, for comparison.
    pub fn under(&self, layer: Transparency) -> Scenario {
        let mut held = self.clone();
        held.economy.params.transparency = layer;
        held.timeline
            .retain(|e| !matches!(e.what, Scripted::Shock(Shock::Transparency(_))));
        held
    }

    /// The scenario as a treatment of a class: played under `layer` from the first month, its
    /// timeline's changes of layer left out, and the file saying so, so that a table's session
    /// log replays under its treatment.
    pub fn treated(&self, layer: Transparency) -> Scenario {
        let mut held = self.under(layer);
        held.file.transparency = layer;
        held.file
            .events
            .retain(|e| !matches!(e.event, schema::EventKind::Transparency(_)));
        held
    }

    /// The scripted events at the start of `turn`.
    pub fn events_at(&self, turn: Turn) -> impl Iterator<Item = &Scripted> {
        self.timeline
            .iter()
            .filter(move |s| s.turn == turn)
            .map(|s| &s.what)
    }

    /// Applies the shocks scheduled for the turn about to be played; returns its messages.
    pub fn apply_events(&self, economy: &mut Economy) -> Result<Vec<Text>, SimError> {
        let mut messages = Vec::new();
        for what in self.events_at(economy.turn()) {
            match what {
                Scripted::Shock(shock) => economy.apply_shock(*shock)?,
                Scripted::Message(text) => messages.push(text.clone()),
                // A pause is for the table; the economy goes on.
                Scripted::Pause(_) => {}
            }
        }
        Ok(messages)
    }

    /// The seats humans may take.
    pub fn human_seats(&self) -> &[Seat] {
        &self.human_seats
    }

    /// The ids of the actors, both ways.
    pub fn ids(&self) -> &ActorIds {
        &self.ids
    }
}

#[cfg(test)]
mod tests;
