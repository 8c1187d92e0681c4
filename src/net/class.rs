//! The class debrief the facilitator projects: each finished table's outcomes beside the others by treatment, the value chain its households saw, and the scenario's lessons with the class's own figures beside the bots' spread over many games.
use serde::{Deserialize, Serialize};

use crate::i18n::Translations;
use crate::scenario::{Compare, Expect, Lesson, Scenario, metric_label, variant_label};
use crate::session::Session;
use crate::sim::{BankId, ClientId, Metric, Seat, Transparency, Unit, ValueChain};

/// What the projector shows once tables have finished, in the facilitator's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassDebrief {
    /// The figures every table is compared on.
    pub figures: Vec<Figure>,
    /// The tables finished so far, in their order.
    pub tables: Vec<TableOutcome>,
    /// Every table of the class, finished or not.
    pub of: usize,
    pub lessons: Vec<LessonFigures>,
    /// The bots' games played for the lessons so far, of how many (0 of 0: not played here).
    pub bots_played: u32,
    pub bots_games: u32,
}

/// One figure: its label and how it is written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub unit: Unit,
}

/// A finished table: its layer, each figure's value (none: a bank it does not have) and the
/// value chain of the whole game as a household's seat saw it under that layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableOutcome {
    /// From 0.
    pub table: usize,
    pub layer: Transparency,
    pub treatment: Option<Transparency>,
    pub values: Vec<Option<f64>>,
    pub chain: ValueChain,
}

/// A lesson of the scenario: the figure it is about, its two variants in words, which layers
/// they are when the class can be compared on them, the direction expected, and the bots' spread
/// over many games once played.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonFigures {
    /// Index into `ClassDebrief::figures`.
    pub figure: usize,
    pub first: String,
    pub second: String,
    pub layers: Option<[Transparency; 2]>,
    pub expect: Expect,
    pub bots: Option<[BotSpread; 2]>,
}

/// A lesson's figure over the bots' games in one variant: the 10th percentile, the median and
/// the 90th.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BotSpread {
    pub p10: f64,
    pub median: f64,
    pub p90: f64,
    /// The games it is measured over.
    pub games: u32,
}

/// The bots' games for a scenario's lessons, as far as they have gone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BotGames {
    pub played: u32,
    pub games: u32,
    /// Each lesson's spread in its two variants, once every game is played.
    pub spreads: Option<Vec<[BotSpread; 2]>>,
}

/// The figures of a class: the households', the shops' and the banks' main outcomes, each
/// bank's profit and clients, then any other figure a lesson is about.
pub fn figures(scenario: &Scenario) -> Vec<Metric> {
    let mut out = vec![
        Metric::HouseholdsFeesPaid,
        Metric::HouseholdsSurpriseFees,
        Metric::HouseholdsSwitched,
        Metric::HouseholdsComplaints,
        Metric::HouseholdsTrust,
        Metric::MerchantsCardFees,
        Metric::BanksFeeIncome,
    ];
    for b in 0..scenario.file.banks.len() {
        let bank = BankId(b as u16);
        out.push(Metric::BankProfit(bank));
        out.push(Metric::BankClients(bank));
    }
    for l in scenario.lessons() {
        if !out.contains(&l.metric) {
            out.push(l.metric);
        }
    }
    out
}

/// A finished table's outcome, read from its books and from what a household's seat saw.
pub fn outcome(table: usize, session: &Session, treatment: Option<Transparency>) -> TableOutcome {
    let summary = session.economy().summary();
    let metrics = figures(session.scenario());
    TableOutcome {
        table,
        layer: session.economy().params().transparency,
        treatment,
        values: metrics.iter().map(|m| summary.metric(*m)).collect(),
        chain: session
            .view(Seat::Client(ClientId(0)))
            .map(|v| (*v.game_chain).clone())
            .unwrap_or_default(),
    }
}

/// The debrief in one language: the figures' labels and the lessons' words.
pub fn debrief(
    scenario: &Scenario,
    tables: Vec<TableOutcome>,
    of: usize,
    bots: &BotGames,
    tr: &Translations,
) -> ClassDebrief {
    let metrics = figures(scenario);
    let figures = metrics
        .iter()
        .map(|m| Figure {
            label: tr.message(&metric_label(*m, scenario)),
            unit: m.unit(),
        })
        .collect();
    let lessons = scenario
        .lessons()
        .iter()
        .enumerate()
        .map(|(i, l): (usize, &Lesson)| LessonFigures {
            figure: metrics.iter().position(|m| *m == l.metric).unwrap_or(0),
            first: tr.message(&variant_label(l.compare, 0)),
            second: tr.message(&variant_label(l.compare, 1)),
            layers: match l.compare {
                Compare::Layers(a, b) => Some([a, b]),
                Compare::Event(_) => None,
            },
            expect: l.expect,
            bots: bots.spreads.as_ref().and_then(|s| s.get(i).copied()),
        })
        .collect();
    ClassDebrief {
        figures,
        tables,
        of,
        lessons,
        bots_played: bots.played,
        bots_games: bots.games,
    }
}

impl ClassDebrief {
    /// The bots' games as far as they have gone (`ToPlayer::ClassBots`), in this debrief.
    pub fn with_bots(&mut self, played: u32, games: u32, spreads: Option<&[[BotSpread; 2]]>) {
        self.bots_played = played;
        self.bots_games = games;
        for (i, lesson) in self.lessons.iter_mut().enumerate() {
            lesson.bots = spreads.and_then(|s| s.get(i).copied());
        }
    }

    /// The finished tables played under a layer.
    pub fn under(&self, layer: Transparency) -> impl Iterator<Item = &TableOutcome> {
        self.tables.iter().filter(move |t| t.layer == layer)
    }

    /// The layers the finished tables were played under, each once, in the usual order.
    pub fn layers(&self) -> Vec<Transparency> {
        Transparency::ALL
            .into_iter()
            .filter(|l| self.tables.iter().any(|t| t.layer == *l))
            .collect()
    }

    /// A figure's mean over the finished tables of a layer that have it.
    pub fn mean(&self, layer: Transparency, figure: usize) -> Option<f64> {
        let values: Vec<f64> = self
            .under(layer)
            .filter_map(|t| t.values.get(figure).copied().flatten())
            .collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    }

    /// For a lesson on two layers: the class's means under each, and whether they moved the way
    /// the lesson expects; none until both layers have a finished table.
    pub fn class_moved(&self, lesson: &LessonFigures) -> Option<(f64, f64, bool)> {
        let [a, b] = lesson.layers?;
        let (first, second) = (self.mean(a, lesson.figure)?, self.mean(b, lesson.figure)?);
        Some((first, second, lesson.expect.holds(first, second)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        let text = crate::SHIPPED_SCENARIOS
            .iter()
            .find(|(p, _)| p.ends_with("hidden_fees.ron"))
            .map(|(_, t)| *t)
            .unwrap();
        crate::scenario::load(text, "hidden_fees.ron").unwrap()
    }

    #[test]
    fn a_lesson_on_layers_reads_the_class_means_under_each() {
        let scenario = scenario();
        let lesson = scenario
            .lessons()
            .iter()
            .position(|l| matches!(l.compare, Compare::Layers(..)))
            .expect("hidden_fees has a lesson on layers");
        let tr = Translations::shared(crate::i18n::Language::En);
        let n = figures(&scenario).len();
        let table = |i: usize, layer, v: f64| TableOutcome {
            table: i,
            layer,
            treatment: Some(layer),
            values: vec![Some(v); n],
            chain: ValueChain::default(),
        };
        let tables = vec![
            table(0, Transparency::Opaque, 100.0),
            table(1, Transparency::Glass, 60.0),
            table(2, Transparency::Opaque, 80.0),
        ];
        let d = debrief(&scenario, tables, 4, &BotGames::default(), tr);
        assert_eq!(d.figures.len(), n);
        assert!(d.figures.iter().all(|f| !f.label.is_empty()));
        assert_eq!(d.layers(), vec![Transparency::Opaque, Transparency::Glass]);
        let l = &d.lessons[lesson];
        let [a, b] = l.layers.unwrap();
        let (first, second, held) = d.class_moved(l).unwrap();
        let mean = |layer| {
            if layer == Transparency::Opaque {
                90.0
            } else {
                60.0
            }
        };
        assert_eq!((first, second), (mean(a), mean(b)));
        assert_eq!(held, l.expect.holds(first, second));
        assert!(l.bots.is_none());
    }
}
