//! Golden files shared by the integration tests. On a difference a test prints the changed
//! lines; set GLASSBANK_REGENERATE_GOLDEN=1 to rewrite the file (the test then fails, so the
//! switch cannot be left on).
use std::path::Path;

const SWITCH: &str = "GLASSBANK_REGENERATE_GOLDEN";

/// Compares with the golden file, or rewrites it under the switch; says what went wrong.
pub fn check_golden(name: &str, actual: &str) -> Option<String> {
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
