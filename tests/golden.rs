//! Golden summary of a fixed all-bots run of the default scenario. On a difference the test prints
//! the changed lines; set GLASSBANK_REGENERATE_GOLDEN=1 to rewrite the file (the test then fails,
//! so the switch cannot be left on).
use glassbank::scenario;
use glassbank::sim::{Economy, bot_decisions};
use std::path::Path;

const SWITCH: &str = "GLASSBANK_REGENERATE_GOLDEN";

fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os(SWITCH).is_some() {
        std::fs::write(&path, actual).expect("write the golden file");
        panic!(
            "{} regenerated; unset {SWITCH} and run again",
            path.display()
        );
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
        panic!(
            "{} differs (- expected, + actual):\n{diff}\nIf the change is intended, run with {SWITCH}=1.",
            path.display()
        );
    }
}

#[test]
fn default_scenario_with_bots_only() {
    let scenario = scenario::parse(glassbank::DEFAULT_SCENARIO, "one_town.ron")
        .expect("the default scenario loads");
    let mut economy = Economy::new(scenario.economy()).expect("valid economy");
    for _ in 0..scenario.turns {
        let decisions = bot_decisions(&economy, &[]);
        economy.step(&decisions).expect("turn");
    }
    check_golden("one_town.txt", &economy.summary());
}
