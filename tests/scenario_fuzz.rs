//! Fuzzing the scenario loader: the shipped files, mutated at random (numbers swapped for edge
//! values, bytes cut, punctuation and ids inserted, lines repeated, text truncated), must never
//! panic, whether they load or not; those that load must start and play a few turns without
//! panicking. `GLASSBANK_FUZZ_CASES` sets the number of files tried (512 by default).
use glassbank::headless::{RunOptions, run};
use glassbank::scenario::{ScenarioError, load};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const EDGE_NUMBERS: [&str; 22] = [
    "0",
    "-1",
    "1",
    "2",
    "13",
    "25",
    "99",
    "10000",
    "10001",
    "-50",
    "255",
    "256",
    "65535",
    "65536",
    "4294967296",
    "-9223372036854775808",
    "18446744073709551616",
    "1e300",
    "-1e300",
    "0.001",
    "1.5",
    "NaN",
];

const SNIPPETS: [&str; 16] = [
    "(", ")", "[", "]", ",", ":", "\"", "None", "Some(", "glass", "\"a\"", "é", "\u{0}", "//",
    "/*", "r#\"",
];

/// One change to a file, with positions as fractions of its length.
#[derive(Clone, Debug)]
enum Mutation {
    Number { nth: usize, value: usize },
    Cut { at: f64, len: usize },
    Insert { at: f64, snippet: usize },
    RepeatLine { nth: usize },
    SwapStrings { a: usize, b: usize },
    Truncate { at: f64 },
    Bytes { at: f64, bytes: Vec<u8> },
}

fn a_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), 0..EDGE_NUMBERS.len())
            .prop_map(|(nth, value)| Mutation::Number { nth, value }),
        2 => (0.0..1.0f64, 1..40usize).prop_map(|(at, len)| Mutation::Cut { at, len }),
        2 => (0.0..1.0f64, 0..SNIPPETS.len())
            .prop_map(|(at, snippet)| Mutation::Insert { at, snippet }),
        1 => any::<usize>().prop_map(|nth| Mutation::RepeatLine { nth }),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapStrings { a, b }),
        1 => (0.0..1.0f64).prop_map(|at| Mutation::Truncate { at }),
        1 => (0.0..1.0f64, proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::Bytes { at, bytes }),
    ]
}

/// Spans of `text` (in chars) matched by `is_part`, taken greedily.
fn tokens(chars: &[char], start: impl Fn(&[char], usize) -> Option<usize>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match start(chars, i) {
            Some(end) => {
                out.push((i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn number_at(c: &[char], i: usize) -> Option<usize> {
    let starts =
        c[i].is_ascii_digit() && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'));
    starts.then(|| {
        let mut j = i;
        while j < c.len() && (c[j].is_ascii_digit() || c[j] == '.' || c[j] == '_') {
            j += 1;
        }
        j
    })
}

fn string_at(c: &[char], i: usize) -> Option<usize> {
    (c[i] == '"').then(|| {
        let mut j = i + 1;
        while j < c.len() && c[j] != '"' {
            j += 1;
        }
        (j + 1).min(c.len())
    })
}

fn mutate(text: &str, m: &Mutation) -> String {
    let mut c: Vec<char> = text.chars().collect();
    let pos = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
    match m {
        Mutation::Number { nth, value } => {
            let numbers = tokens(&c, number_at);
            if let Some(&(a, b)) = numbers.get(nth % numbers.len().max(1)) {
                c.splice(a..b, EDGE_NUMBERS[*value].chars());
            }
        }
        Mutation::Cut { at, len } => {
            let a = pos(*at, c.len());
            c.drain(a..(a + len).min(c.len()));
        }
        Mutation::Insert { at, snippet } => {
            let a = pos(*at, c.len());
            c.splice(a..a, SNIPPETS[*snippet].chars());
        }
        Mutation::RepeatLine { nth } => {
            let lines: Vec<&str> = text.lines().collect();
            let n = nth % lines.len().max(1);
            let mut out: Vec<&str> = lines.clone();
            if let Some(line) = lines.get(n) {
                out.insert(n, line);
            }
            return out.join("\n");
        }
        Mutation::SwapStrings { a, b } => {
            let strings = tokens(&c, string_at);
            if strings.len() >= 2 {
                let (x, y) = (strings[a % strings.len()], strings[b % strings.len()]);
                let replacement: Vec<char> = c[y.0..y.1].to_vec();
                c.splice(x.0..x.1, replacement);
            }
        }
        Mutation::Truncate { at } => c.truncate(pos(*at, c.len())),
        Mutation::Bytes { at, bytes } => {
            let a = pos(*at, c.len());
            let s: String = c.iter().collect();
            let cut = s.char_indices().nth(a).map_or(s.len(), |(i, _)| i);
            let mut raw = s.as_bytes()[..cut].to_vec();
            raw.extend(bytes);
            raw.extend(&s.as_bytes()[cut..]);
            return String::from_utf8_lossy(&raw).into_owned();
        }
    }
    c.into_iter().collect()
}

fn shipped() -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// What one mutated file did.
#[derive(Default, Debug)]
struct Tally {
    runs: u32,
    syntax: u32,
    invalid: u32,
    played: u32,
}

#[test]
fn mutated_scenarios_never_panic() {
    let cases: u32 = std::env::var("GLASSBANK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512);
    let files = shipped();
    let tally = std::cell::RefCell::new(Tally::default());
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..files.len(),
        proptest::collection::vec(a_mutation(), 1..4),
    );
    runner
        .run(&strategy, |(file, mutations)| {
            let mut text = files[file].clone();
            for m in &mutations {
                text = mutate(&text, m);
            }
            let mut t = tally.borrow_mut();
            t.runs += 1;
            match load(&text, "mutated.ron") {
                Err(ScenarioError::Syntax { line, .. }) => {
                    t.syntax += 1;
                    prop_assert!(line >= 1);
                }
                Err(ScenarioError::Invalid { problems, .. }) => {
                    t.invalid += 1;
                    prop_assert!(!problems.is_empty());
                }
                Ok(scenario) => {
                    // Small economies are played a little; big ones are only opened.
                    let clients = scenario.economy().clients.len();
                    let turns = if clients <= 5_000 { 2 } else { 0 };
                    let options = RunOptions {
                        turns: Some(turns.max(1)),
                        ..RunOptions::default()
                    };
                    if turns > 0 {
                        // A game may refuse to start (an overflow in the opening books), never panic.
                        let _ = run(&scenario, &options, |_, _| {});
                    } else {
                        let _ = scenario.start(scenario.seed());
                    }
                    t.played += 1;
                }
            }
            Ok(())
        })
        .unwrap();
    let t = tally.into_inner();
    println!(
        "{} mutated files: {} syntax errors, {} with problems, {} played",
        t.runs, t.syntax, t.invalid, t.played
    );
    assert!(t.syntax > 0 && t.invalid > 0 && t.played > 0, "{t:?}");
}

#[test]
fn mutations_do_what_they_say() {
    let text = "(a: 12, b: \"x\", c: \"y\")";
    assert_eq!(
        mutate(text, &Mutation::Number { nth: 0, value: 1 }),
        "(a: -1, b: \"x\", c: \"y\")"
    );
    assert_eq!(
        mutate(text, &Mutation::SwapStrings { a: 0, b: 1 }),
        "(a: 12, b: \"y\", c: \"y\")"
    );
    assert_eq!(mutate(text, &Mutation::Truncate { at: 0.5 }).len(), 11);
}
