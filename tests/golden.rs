//! Golden summaries of fixed all-bots runs of the shipped scenarios (see `support` for how to
//! regenerate them).
use glassbank::headless::{RunOptions, run, summary};
use glassbank::i18n::{Language, Translations};
use glassbank::scenario;
use std::path::Path;

mod support;
use support::check_golden;

/// Every shipped scenario, played by bots with its own seed and timeline.
#[test]
fn shipped_scenarios_with_bots_only() {
    let mut failures = Vec::new();
    let english = Translations::shared(Language::En);
    for id in ["one_town", "card_fees", "rate_shock", "hidden_fees"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("scenarios/{id}.ron"));
        let text = std::fs::read_to_string(&path).expect("read the scenario");
        let scenario = scenario::load(&text, id).unwrap_or_else(|e| panic!("{e}"));
        let game = run(&scenario, &RunOptions::default(), |_, _| {}).expect("the game runs");
        failures.extend(check_golden(
            &format!("{id}.txt"),
            &summary(&game.economy, english),
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
