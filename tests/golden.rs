//! Golden summary of a fixed all-bots run of the default scenario. On a difference the test prints
//! the changed lines; set GLASSBANK_REGENERATE_GOLDEN=1 to rewrite the file (the test then fails,
//! so the switch cannot be left on).
use glassbank::headless::{RunOptions, run};
use glassbank::scenario;
use std::path::Path;

const SWITCH: &str = "GLASSBANK_REGENERATE_GOLDEN";

/// Compares with the golden file, or rewrites it under the switch; says what went wrong.
fn check_golden(name: &str, actual: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os(SWITCH).is_some() {
        std::fs::write(&path, actual).expect("write the golden file");
        return Some(format!(
            "{} regenerated; unset {SWITCH} and run again",
            path.display()
        ));
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let mut diff = String::new();
        let (old, new): (Vec<&str>, Vec<&str>) =
            (expected.lines().collect(), actual.lines().collect());
        for i in 0..old.len().max(new.len()) {
            match (old.get(i), new.get(i)) {
                (Some(a), Some(b)) if a == b => {}
                (a, b) => {
                    if let Some(a) = a {
                        diff.push_str(&format!("-{a}\n"));
                    }
                    if let Some(b) = b {
                        diff.push_str(&format!("+{b}\n"));
                    }
                }
            }
        }
        return Some(format!(
            "{} differs (- expected, + actual):\n{diff}\nIf the change is intended, run with {SWITCH}=1.",
            path.display()
        ));
    }
    None
}

/// Every shipped scenario, played by bots with its own seed and timeline.
#[test]
fn shipped_scenarios_with_bots_only() {
    let mut failures = Vec::new();
    for id in ["one_town", "card_fees", "rate_shock", "hidden_fees"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("scenarios/{id}.ron"));
        let text = std::fs::read_to_string(&path).expect("read the scenario");
        let scenario = scenario::load(&text, id).unwrap_or_else(|e| panic!("{e}"));
        let game = run(&scenario, &RunOptions::default(), |_, _| {}).expect("the game runs");
        failures.extend(check_golden(&format!("{id}.txt"), &game.economy.summary()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
