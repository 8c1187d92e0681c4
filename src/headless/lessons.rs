//! A scenario's lessons checked over many seeds: both variants of each comparison played by bots
//! seed by seed, each lesson's metric spread over the seeds in both, and whether it holds by
//! more than luck (the medians move as expected and the p10-p90 ranges do not overlap).
use super::{RunOptions, Spread, run};
use crate::i18n::format::{count, euros, rate};
use crate::i18n::{Language, Message, Translations};
use crate::scenario::{Compare, Expect, Lesson, Scenario, metric_label, variant_label};
use crate::sim::{Bp, Money, Summary, Unit};
use std::fmt::Write;

/// How many seeds the debriefs play each variant of a lesson on, as `check --lessons --seeds
/// 1..100` does.
pub const LESSON_SEEDS: u64 = 100;

/// The lessons of a scenario being played over seeds; `step` plays one game, so a screen can
/// spread the work over frames.
pub struct Study {
    seeds: Vec<u64>,
    /// The scenario's comparisons, each once, with its two variants.
    comparisons: Vec<(Compare, [Scenario; 2])>,
    /// For each comparison and variant, the summary of each seed played so far.
    played: Vec<[Vec<Summary>; 2]>,
    lessons: Vec<Lesson>,
    next: usize,
}

/// A lesson measured: the metric's spread in each variant and whether the lesson holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub lesson: Lesson,
    pub seeds: usize,
    pub first: Spread,
    pub second: Spread,
    /// The medians move the expected way.
    pub direction: bool,
    /// The p10-p90 ranges of the two variants do not overlap.
    pub apart: bool,
}

impl Finding {
    pub fn holds(&self) -> bool {
        self.direction && self.apart
    }

    /// The change of the median from the first variant to the second, in percent of the first.
    pub fn change(&self) -> Option<f64> {
        (self.first.median != 0.0)
            .then(|| (self.second.median - self.first.median) / self.first.median.abs() * 100.0)
    }
}

impl Study {
    pub fn new(scenario: &Scenario, seeds: Vec<u64>) -> Study {
        let mut comparisons: Vec<(Compare, [Scenario; 2])> = Vec::new();
        for l in scenario.lessons() {
            if !comparisons.iter().any(|(c, _)| *c == l.compare) {
                comparisons.push((l.compare, l.compare.variants(scenario)));
            }
        }
        Study {
            played: vec![[Vec::new(), Vec::new()]; comparisons.len()],
            seeds,
            comparisons,
            lessons: scenario.lessons().to_vec(),
            next: 0,
        }
    }

    /// The games to play: two variants of each comparison, each seed.
    pub fn games(&self) -> usize {
        self.comparisons.len() * 2 * self.seeds.len()
    }

    pub fn played(&self) -> usize {
        self.next
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.games()
    }

    pub fn seeds(&self) -> usize {
        self.seeds.len()
    }

    /// Plays the next game; `Ok(false)` once every game is played.
    pub fn step(&mut self) -> Result<bool, Message> {
        if self.is_done() {
            return Ok(false);
        }
        let per_comparison = 2 * self.seeds.len();
        let (c, rest) = (self.next / per_comparison, self.next % per_comparison);
        let (s, side) = (rest / 2, rest % 2);
        let seed = self.seeds[s];
        let options = RunOptions {
            seed: Some(seed),
            ..RunOptions::default()
        };
        let game = run(&self.comparisons[c].1[side], &options, |_, _| {}).map_err(|e| {
            Message::new("cli-with-seed")
                .with("seed", seed.to_string())
                .with("reason", e)
        })?;
        self.played[c][side].push(game.economy.summary());
        self.next += 1;
        Ok(true)
    }

    /// Plays every game left, calling `progress(played, of)` after each.
    pub fn run(&mut self, mut progress: impl FnMut(usize, usize)) -> Result<(), Message> {
        while self.step()? {
            progress(self.next, self.games());
        }
        Ok(())
    }

    /// Every lesson measured on the games played so far (all of them once the study is done).
    pub fn findings(&self) -> Vec<Finding> {
        self.lessons
            .iter()
            .filter_map(|&lesson| {
                let c = self
                    .comparisons
                    .iter()
                    .position(|(c, _)| *c == lesson.compare)?;
                let values = |side: usize| -> Vec<f64> {
                    self.played[c][side]
                        .iter()
                        .filter_map(|s| s.metric(lesson.metric))
                        .collect()
                };
                let (a, b) = (values(0), values(1));
                let seeds = a.len().min(b.len());
                if seeds == 0 {
                    return None;
                }
                let (first, second) = (Spread::of(&a[..seeds]), Spread::of(&b[..seeds]));
                let apart = match lesson.expect {
                    Expect::Lower => second.p90 < first.p10,
                    Expect::Higher => second.p10 > first.p90,
                };
                Some(Finding {
                    lesson,
                    seeds,
                    first,
                    second,
                    direction: lesson.expect.holds(first.median, second.median),
                    apart,
                })
            })
            .collect()
    }
}

/// A value of a metric as the language writes it.
pub fn value(language: Language, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Euros => euros(language, Money::cents((v * 100.0).round() as i64)),
        Unit::Count | Unit::Points => count(language, v.round().max(0.0) as u64),
        Unit::Percent => rate(language, Bp((v * 100.0).round() as i32)),
    }
}

/// A change in percent, signed: `-23.7%`, `+4,1 %`.
pub fn change(language: Language, percent: f64) -> String {
    let bp = Bp((percent * 100.0).round().clamp(-1e9, 1e9) as i32);
    let sign = if bp.0 > 0 { "+" } else { "" };
    format!("{sign}{}", rate(language, bp))
}

/// The findings as the command line prints them, one block per lesson.
pub fn table(findings: &[Finding], scenario: &Scenario, tr: &Translations) -> String {
    let language = tr.language();
    let mut out = String::new();
    let seeds = findings.first().map_or(0, |f| f.seeds);
    let _ = writeln!(
        out,
        "{}",
        tr.message(
            &Message::new("lessons-title")
                .with("scenario", scenario.title().get(language.code()))
                .with("seeds", seeds as i64)
        )
    );
    for f in findings {
        let l = f.lesson;
        let _ = writeln!(
            out,
            "\n{}",
            tr.message(
                &Message::new(match l.expect {
                    Expect::Lower => "lesson-expect-lower",
                    Expect::Higher => "lesson-expect-higher",
                })
                .with("metric", metric_label(l.metric, scenario))
                .with("first", variant_label(l.compare, 0))
                .with("second", variant_label(l.compare, 1))
            )
        );
        for (side, s) in [(0, &f.first), (1, &f.second)] {
            let unit = l.metric.unit();
            let _ = writeln!(
                out,
                "  {}",
                tr.message(
                    &Message::new("lesson-spread")
                        .with("variant", variant_label(l.compare, side))
                        .with("p10", value(language, unit, s.p10))
                        .with("median", value(language, unit, s.median))
                        .with("p90", value(language, unit, s.p90))
                )
            );
        }
        let change = f
            .change()
            .map_or_else(|| "-".to_string(), |c| change(language, c));
        let verdict = if f.holds() {
            "lesson-holds"
        } else if f.direction {
            "lesson-overlaps"
        } else {
            "lesson-wrong-way"
        };
        let _ = writeln!(
            out,
            "  {}",
            tr.message(&Message::new(verdict).with("change", change))
        );
    }
    out
}
