//! Headless runs of a scenario with bots: seat overrides from the command line, the turn loop
//! with the scenario's timeline, and what a run leaves (report, time series, seed sweeps), and
//! a class's report from its logs.
pub mod class;
mod lessons;
mod report;
mod series;
mod summary;
mod sweep;

pub use crate::scenario::{metric_label, variant_label};
pub use lessons::{
    Finding, LESSON_SEEDS, Study, change as lesson_change, table as lessons_table,
    value as metric_value,
};
pub use report::json_report;
pub use series::{CsvFile, time_series};
pub use summary::{strategy_key, summary, summary_text};
pub use sweep::{Outcome, Spread, Sweep, parse_seeds, sweep};

use crate::i18n::Message;
use crate::scenario::{Scenario, Text};
use crate::sim::{Economy, EconomyConfig, Role, Strategy, Turn, bot_decisions};

/// An amount in euros, for JSON and tables.
fn euros(m: crate::sim::Money) -> f64 {
    m.as_cents() as f64 / 100.0
}

/// The total of a product margin's lines (revenue or costs, by posting kind).
fn lines_total(lines: &[(crate::sim::PostingKind, crate::sim::Money)]) -> crate::sim::Money {
    crate::sim::Money::sum(lines.iter().map(|(_, m)| *m)).unwrap_or_default()
}

/// `--seat role[:actor]=bot:strategy`: the bot strategy of every seat of a role, or of one actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatOverride {
    pub role: Role,
    pub actor: Option<String>,
    pub strategy: Strategy,
}

impl SeatOverride {
    /// Reads `retail_banker=bot:greedy` or `client:household-3=bot:cautious`.
    pub fn parse(text: &str) -> Result<SeatOverride, Message> {
        let (seat, player) = text
            .split_once('=')
            .ok_or_else(|| Message::new("cli-seat-form").with("seat", text))?;
        let (role, actor) = match seat.split_once(':') {
            Some((role, actor)) => (role, Some(actor.to_string())),
            None => (seat, None),
        };
        let role = match role {
            "client" => Role::Client,
            "retail_banker" => Role::RetailBanker,
            "business_banker" => Role::BusinessBanker,
            "merchant" => Role::Merchant,
            other => {
                return Err(Message::new("cli-seat-role")
                    .with("seat", text)
                    .with("role", other));
            }
        };
        let strategy = match player.strip_prefix("bot:") {
            Some("fair") => Strategy::Fair,
            Some("greedy") => Strategy::Greedy,
            Some("cautious") => Strategy::Cautious,
            Some("random") => Strategy::Random,
            _ => {
                return Err(Message::new("cli-seat-strategy").with("seat", text));
            }
        };
        Ok(SeatOverride {
            role,
            actor,
            strategy,
        })
    }
}

/// What the command line changes in a scenario for a headless run.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub seed: Option<u64>,
    pub turns: Option<Turn>,
    pub seats: Vec<SeatOverride>,
}

/// A finished headless run.
pub struct Run {
    pub economy: Economy,
    /// The messages of the timeline, with the turn they were shown at.
    pub messages: Vec<(Turn, Text)>,
    pub seed: u64,
}

/// The starting configuration of a run: the scenario's, with the seed and seat overrides.
pub fn prepare(scenario: &Scenario, options: &RunOptions) -> Result<EconomyConfig, Message> {
    let mut config = scenario.economy_with_seed(options.seed.unwrap_or(scenario.seed()));
    let ids = scenario.ids();
    for o in &options.seats {
        // `missing`: the message saying no actor of the role has this id.
        let one = |found: Option<usize>, missing: &'static str| -> Result<Option<usize>, Message> {
            match &o.actor {
                None => Ok(None),
                Some(id) => found
                    .map(Some)
                    .ok_or_else(|| Message::new(missing).with("id", id.as_str())),
            }
        };
        let actor = o.actor.as_deref().unwrap_or("");
        match o.role {
            Role::RetailBanker | Role::BusinessBanker => {
                let only = one(ids.bank(actor).map(|b| b.index()), "cli-seat-no-bank")?;
                for (i, b) in config.banks.iter_mut().enumerate() {
                    if only.is_none_or(|only| only == i) {
                        if o.role == Role::RetailBanker {
                            b.retail_strategy = o.strategy;
                        } else {
                            b.business_strategy = o.strategy;
                        }
                    }
                }
            }
            Role::Merchant => {
                let only = one(
                    ids.merchant(actor).map(|m| m.index()),
                    "cli-seat-no-merchant",
                )?;
                for (i, m) in config.merchants.iter_mut().enumerate() {
                    if only.is_none_or(|only| only == i) {
                        m.strategy = o.strategy;
                    }
                }
            }
            Role::Client => {
                let only = one(ids.client(actor).map(|c| c.index()), "cli-seat-no-client")?;
                for (i, c) in config.clients.iter_mut().enumerate() {
                    if only.is_none_or(|only| only == i) {
                        c.strategy = o.strategy;
                    }
                }
            }
        }
    }
    Ok(config)
}

/// Plays the scenario with bots in every seat, calling `progress(turn, of)` after each turn.
pub fn run(
    scenario: &Scenario,
    options: &RunOptions,
    mut progress: impl FnMut(Turn, Turn),
) -> Result<Run, Message> {
    let config = prepare(scenario, options)?;
    let seed = config.seed;
    let turns = options.turns.unwrap_or(scenario.turns());
    let mut economy = Economy::new(config)?;
    let mut messages = Vec::new();
    for _ in 0..turns {
        let turn = economy.turn();
        for text in scenario.apply_events(&mut economy)? {
            messages.push((turn, text));
        }
        let decisions = bot_decisions(&economy, &[]);
        economy.step(&decisions).map_err(|e| {
            Message::new("cli-in-month")
                .with("month", turn)
                .with("reason", Message::from(e))
        })?;
        progress(turn, turns);
    }
    Ok(Run {
        economy,
        messages,
        seed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seat_overrides_read_roles_actors_and_strategies() {
        assert_eq!(
            SeatOverride::parse("retail_banker=bot:greedy"),
            Ok(SeatOverride {
                role: Role::RetailBanker,
                actor: None,
                strategy: Strategy::Greedy
            })
        );
        let o = SeatOverride::parse("client:household-3=bot:cautious").unwrap();
        assert_eq!(o.actor.as_deref(), Some("household-3"));
        assert!(SeatOverride::parse("pilot=bot:fair").is_err());
        assert!(SeatOverride::parse("merchant=human").is_err());
        assert!(SeatOverride::parse("merchant").is_err());
    }
}
