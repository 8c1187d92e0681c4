//! The banks of every shipped scenario look like EU banks: their ratios, averaged over 8 seeds,
//! fall in the ranges of the ECB's supervisory banking statistics and the EBA's risk dashboard
//! (docs/calibration.md), except where a scenario's story moves one on purpose.
use glassbank::headless::{RunOptions, run};
use glassbank::scenario::{Scenario, load};
use glassbank::sim::{BankId, BankRatios};

/// A ratio's name, how to read it from a bank's ratios, and the EU range in basis points.
struct Range {
    name: &'static str,
    of: fn(&BankRatios) -> i32,
    low: i32,
    high: i32,
}

/// The EU ranges (docs/calibration.md gives the sources).
const RANGES: [Range; 7] = [
    Range {
        name: "NIM",
        of: |r| r.net_interest_margin.0,
        low: 150,
        high: 180,
    },
    Range {
        name: "cost/income",
        of: |r| r.cost_income.0,
        low: 5_000,
        high: 6_000,
    },
    Range {
        name: "RoE",
        of: |r| r.return_on_equity.0,
        low: 700,
        high: 1_200,
    },
    Range {
        name: "cost of risk",
        of: |r| r.cost_of_risk.0,
        low: 30,
        high: 70,
    },
    Range {
        name: "CET1",
        of: |r| r.cet1.0,
        low: 1_400,
        high: 1_800,
    },
    Range {
        name: "loans/deposits",
        of: |r| r.loans_to_deposits.0,
        low: 8_000,
        high: 11_000,
    },
    Range {
        name: "cash/assets",
        of: |r| r.cash_to_assets.0,
        low: 0,
        high: 1_500,
    },
];

fn scenario(id: &str) -> Scenario {
    let text = std::fs::read_to_string(format!("scenarios/{id}.ron")).unwrap();
    load(&text, id).unwrap()
}

/// Each bank's ratios, averaged over seeds 1 to 8, in the order of `RANGES`.
fn averaged(s: &Scenario) -> Vec<(String, [i32; RANGES.len()])> {
    let seeds = 1..=8u64;
    let mut sums: Vec<(String, [i64; RANGES.len()])> = Vec::new();
    for seed in seeds.clone() {
        let options = RunOptions {
            seed: Some(seed),
            ..RunOptions::default()
        };
        let e = run(s, &options, |_, _| {}).unwrap().economy;
        for (b, bank) in e.banks().iter().enumerate() {
            let r = e.bank_ratios(BankId(b as u16));
            if sums.len() <= b {
                sums.push((bank.name.clone(), [0; RANGES.len()]));
            }
            for (sum, range) in sums[b].1.iter_mut().zip(&RANGES) {
                *sum += i64::from((range.of)(&r));
            }
        }
    }
    let n = seeds.count() as i64;
    sums.into_iter()
        .map(|(name, s)| (name, s.map(|x| (x / n) as i32)))
        .collect()
}

/// The town's banks on average must fall in the EU ranges, but for the ratios a scenario's
/// story moves on purpose (`excused`); each bank alone within `WIDE` of them, as banks of one
/// country differ (a greedy bank earns more, a bank with fewer home loans holds more cash).
fn check(id: &str, excused: &[&str], wide: [i32; RANGES.len()]) {
    let s = scenario(id);
    let banks = averaged(&s);
    let mut wrong = Vec::new();
    println!("{id}");
    let mut town = [0i64; RANGES.len()];
    for (bank, ratios) in &banks {
        println!("  {bank}: {}", table(ratios));
        for (sum, v) in town.iter_mut().zip(ratios) {
            *sum += i64::from(*v);
        }
        for ((range, value), wide) in RANGES.iter().zip(ratios).zip(wide) {
            if excused.contains(&range.name) {
                continue;
            }
            if !(range.low - wide..=range.high + wide).contains(value) {
                wrong.push(format!(
                    "{bank}: {} {value} bp, not within {wide} of {}-{}",
                    range.name, range.low, range.high
                ));
            }
        }
    }
    let town = town.map(|x| (x / banks.len().max(1) as i64) as i32);
    println!("  town: {}", table(&town));
    for (range, value) in RANGES.iter().zip(town) {
        if !excused.contains(&range.name) && !(range.low..=range.high).contains(&value) {
            wrong.push(format!(
                "town: {} {value} bp, not in {}-{}",
                range.name, range.low, range.high
            ));
        }
    }
    assert!(wrong.is_empty(), "{id}: {wrong:#?}");
}

/// How far one bank may stray from each range, in basis points: NIM, cost/income, RoE, cost of
/// risk, CET1, loans/deposits, cash/assets.
const WIDE: [i32; RANGES.len()] = [30, 800, 400, 10, 200, 1_000, 500];

fn table(ratios: &[i32; RANGES.len()]) -> String {
    RANGES
        .iter()
        .zip(ratios)
        .map(|(r, v)| format!("{} {:.2}%", r.name, f64::from(*v) / 100.0))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn one_town_banks_look_like_eu_banks() {
    check("one_town", &[], WIDE);
}

// card_fees is left out: its two banks are specialised on purpose, an issuer that holds every
// household and an acquirer that holds only shops, to show the card value chain.

/// A poor town's banks live off overdrafts and fees: their margin and costs are the story; its
/// households keep at most two months of income, so its banks lend more than they are lent,
/// and with few home loans they hold more capital than they need. One household in ten a year
/// falls on hard times and few can ride them out on their savings: its banks lend to borrowers
/// a richer town's would refuse, price the risk into their rates, and lose what a lender to the
/// poor loses (2-3% of their loans a year), so their returns swing with the luck of defaults.
#[test]
fn hidden_fees_banks_look_like_eu_banks_but_for_their_margins() {
    check(
        "hidden_fees",
        &[
            "NIM",
            "cost/income",
            "CET1",
            "loans/deposits",
            "cost of risk",
            "RoE",
        ],
        WIDE,
    );
}

/// The policy rate rises from 0.5% to 4%, and deposits reprice slowly: margins, costs over
/// income and returns rise, which is the scenario's lesson.
#[test]
fn rate_shock_banks_look_like_eu_banks_but_for_the_rise_in_margins() {
    check("rate_shock", &["NIM", "cost/income", "RoE"], WIDE);
}
