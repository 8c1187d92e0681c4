//! Seed sweeps: the same scenario played with many seeds, and the spread of its main outcomes,
//! so a facilitator sees how much of a result is luck.
use super::{RunOptions, euros, run};
use crate::i18n::format::decimal;
use crate::i18n::{Message, Translations};
use crate::scenario::Scenario;
use crate::sim::Summary;
use std::fmt::Write;

/// One outcome measured on every seed.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The column of `sweep.csv`, the same in every language: `bank a: NIM (%)`.
    pub name: String,
    /// The outcome in words, for the table.
    pub label: Message,
    pub values: Vec<f64>,
}

/// The spread of an outcome over the seeds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub min: f64,
    pub p10: f64,
    pub median: f64,
    pub p90: f64,
    pub max: f64,
    pub mean: f64,
}

impl Outcome {
    pub fn spread(&self) -> Spread {
        Spread::of(&self.values)
    }
}

impl Spread {
    /// The spread of values measured on many seeds: nearest-rank quantiles.
    pub fn of(values: &[f64]) -> Spread {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let at = |q: f64| {
            if v.is_empty() {
                0.0
            } else {
                v[((v.len() - 1) as f64 * q).round() as usize]
            }
        };
        Spread {
            min: at(0.0),
            p10: at(0.1),
            median: at(0.5),
            p90: at(0.9),
            max: at(1.0),
            mean: v.iter().sum::<f64>() / v.len().max(1) as f64,
        }
    }
}

/// The outcomes of a sweep, seed by seed.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub seeds: Vec<u64>,
    pub outcomes: Vec<Outcome>,
}

fn percent(bp: crate::sim::Bp) -> f64 {
    f64::from(bp.0) / 100.0
}

/// One outcome: its column name, its message and its value; a bank's outcomes name the bank.
fn measured(
    name: String,
    id: &'static str,
    bank: Option<&str>,
    value: f64,
) -> (String, Message, f64) {
    let label = match bank {
        Some(bank) => Message::new(id).with("bank", bank),
        None => Message::new(id),
    };
    (name, label, value)
}

/// The main outcomes of one finished game.
pub(super) fn measure(scenario: &Scenario, summary: &Summary) -> Vec<(String, Message, f64)> {
    let ids = scenario.ids();
    let mut out = Vec::new();
    for bank in &summary.banks {
        let id = ids.bank_id(bank.bank).unwrap_or_default();
        let r = &bank.ratios;
        let name = Some(id.as_str());
        out.extend([
            measured(
                format!("bank {id}: net profit (EUR)"),
                "sweep-bank-net-profit",
                name,
                euros(r.pnl.net_profit()),
            ),
            measured(
                format!("bank {id}: NIM (%)"),
                "sweep-bank-nim",
                name,
                percent(r.net_interest_margin),
            ),
            measured(
                format!("bank {id}: NII share (%)"),
                "sweep-bank-nii-share",
                name,
                percent(r.nii_share),
            ),
            measured(
                format!("bank {id}: cost of risk (%)"),
                "sweep-bank-cost-of-risk",
                name,
                percent(r.cost_of_risk),
            ),
            measured(
                format!("bank {id}: RoE (%)"),
                "sweep-bank-roe",
                name,
                percent(r.return_on_equity),
            ),
            measured(
                format!("bank {id}: clients"),
                "sweep-bank-clients",
                name,
                f64::from(bank.clients),
            ),
        ]);
    }
    let town = |name: &str, id, value| measured(name.into(), id, None, value);
    let (m, h) = (&summary.merchants, &summary.households);
    out.push(town(
        "shops: net income (EUR)",
        "sweep-shops-net-income",
        euros(m.net_income),
    ));
    out.push(town(
        "shops: card fees (EUR)",
        "sweep-shops-card-fees",
        euros(m.card_fees),
    ));
    out.push(town(
        "households: switched bank",
        "sweep-households-switched",
        f64::from(h.switched_bank),
    ));
    out.push(town(
        "households: fees paid (EUR)",
        "sweep-households-fees",
        euros(h.fees_paid),
    ));
    out.push(town(
        "households: average trust",
        "sweep-households-trust",
        f64::from(h.average_trust),
    ));
    out
}

/// Plays the scenario once per seed; `progress(done, of)` after each.
pub fn sweep(
    scenario: &Scenario,
    options: &RunOptions,
    seeds: &[u64],
    mut progress: impl FnMut(usize, usize),
) -> Result<Sweep, Message> {
    let mut outcomes: Vec<Outcome> = Vec::new();
    for (i, &seed) in seeds.iter().enumerate() {
        let options = RunOptions {
            seed: Some(seed),
            ..options.clone()
        };
        let game = run(scenario, &options, |_, _| {}).map_err(|e| {
            Message::new("cli-with-seed")
                .with("seed", seed.to_string())
                .with("reason", e)
        })?;
        for (k, (name, label, value)) in measure(scenario, &game.economy.summary())
            .into_iter()
            .enumerate()
        {
            match outcomes.get_mut(k) {
                Some(o) => o.values.push(value),
                None => outcomes.push(Outcome {
                    name,
                    label,
                    values: vec![value],
                }),
            }
        }
        progress(i + 1, seeds.len());
    }
    Ok(Sweep {
        seeds: seeds.to_vec(),
        outcomes,
    })
}

impl Sweep {
    /// A table of the spreads, one outcome a line, in the reader's language.
    pub fn table(&self, tr: &Translations) -> String {
        let labels: Vec<String> = self.outcomes.iter().map(|o| tr.message(&o.label)).collect();
        let header = tr.get("sweep-outcome");
        let width = labels
            .iter()
            .chain([&header])
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let seeds = Message::new("sweep-seeds").with("count", self.seeds.len());
        let mut out = format!("{}\n{header:width$}", tr.message(&seeds));
        for column in [
            "sweep-min",
            "sweep-p10",
            "sweep-median",
            "sweep-p90",
            "sweep-max",
        ] {
            let _ = write!(out, " {:>12}", tr.get(column));
        }
        out.push('\n');
        let language = tr.language();
        for (o, label) in self.outcomes.iter().zip(&labels) {
            let s = o.spread();
            let _ = write!(out, "{label:width$}");
            for value in [s.min, s.p10, s.median, s.p90, s.max] {
                let _ = write!(out, " {:>12}", decimal(language, value));
            }
            out.push('\n');
        }
        out
    }

    /// One row per seed, one column per outcome.
    pub fn csv(&self) -> String {
        let mut out = String::from("seed");
        for o in &self.outcomes {
            let _ = write!(out, ",\"{}\"", o.name.replace('"', "\"\""));
        }
        out.push('\n');
        for (i, seed) in self.seeds.iter().enumerate() {
            let _ = write!(out, "{seed}");
            for o in &self.outcomes {
                let _ = write!(out, ",{}", o.values.get(i).copied().unwrap_or(f64::NAN));
            }
            out.push('\n');
        }
        out
    }
}

/// Reads `1..100` (both ends included, as a facilitator would read it), `1..=100` or one seed.
pub fn parse_seeds(text: &str) -> Result<Vec<u64>, Message> {
    let bad = || Message::new("cli-seeds-form").with("seeds", text);
    let (a, b) = match text.split_once("..") {
        Some((a, b)) => (a, b.strip_prefix('=').unwrap_or(b)),
        None => (text, text),
    };
    let first: u64 = a.trim().parse().map_err(|_| bad())?;
    let last: u64 = b.trim().parse().map_err(|_| bad())?;
    if last < first {
        return Err(bad());
    }
    if last - first >= 10_000 {
        return Err(Message::new("cli-seeds-too-many")
            .with("seeds", text)
            .with("max", 10_000));
    }
    Ok((first..=last).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_ranges_include_both_ends() {
        assert_eq!(parse_seeds("1..3"), Ok(vec![1, 2, 3]));
        assert_eq!(parse_seeds("1..=3"), Ok(vec![1, 2, 3]));
        assert_eq!(parse_seeds("7"), Ok(vec![7]));
        assert!(parse_seeds("3..1").is_err());
        assert!(parse_seeds("a..b").is_err());
    }

    #[test]
    fn spreads_read_quantiles() {
        let o = Outcome {
            name: "x".into(),
            label: Message::new("sweep-shops-card-fees"),
            values: (1..=11).map(f64::from).collect(),
        };
        let s = o.spread();
        assert_eq!(
            (s.min, s.p10, s.median, s.p90, s.max),
            (1.0, 2.0, 6.0, 10.0, 11.0)
        );
        assert_eq!(s.mean, 6.0);
    }
}
