//! The shipped scenarios: each loads and runs to the end with bots (their calibration on EU
//! banks is `tests/calibration.rs`), each scenario's event teaches what it says it does, and each
//! scenario's lessons hold over 20 seeds (`glassbank check --lessons --seeds 1..100` for more).
use glassbank::headless::{RunOptions, Study, run};
use glassbank::scenario::{Compare, Scenario, Scripted, load};
use glassbank::sim::{
    BankId, Economy, External, PostingKind, Shock, SimEvent, Transparency, TurnReport,
};

fn shipped() -> Vec<(String, Scenario)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("scenarios").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.display().to_string();
            let scenario = load(&text, &name).unwrap_or_else(|e| panic!("{e}"));
            found.push((name, scenario));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn scenario(id: &str) -> Scenario {
    let text = std::fs::read_to_string(format!("scenarios/{id}.ron")).unwrap();
    load(&text, id).unwrap()
}

fn play(s: &Scenario, seed: u64) -> Economy {
    let options = RunOptions {
        seed: Some(seed),
        ..RunOptions::default()
    };
    run(s, &options, |_, _| {}).unwrap().economy
}

#[test]
fn every_shipped_scenario_loads_and_runs_to_the_end_with_bots() {
    let all = shipped();
    assert!(all.len() >= 4, "{} scenarios", all.len());
    for (name, s) in &all {
        let e = play(s, s.seed());
        assert_eq!(e.reports().len(), usize::from(s.turns()), "{name}");
        assert!(e.ledger().is_balanced(), "{name}");
        assert!(!e.is_stopped(), "{name}");
        assert!(
            !s.file.objectives.is_empty(),
            "{name} has no learning objective"
        );
        assert!(!s.file.debrief.is_empty(), "{name} has no debrief question");
        // Every scripted shock shows in the report of its turn.
        for event in s.timeline() {
            if let Scripted::Shock(shock) = &event.what {
                let report = &e.reports()[usize::from(event.turn) - 1];
                assert!(
                    report.events.contains(&SimEvent::Shock(*shock)),
                    "{name}: {shock:?} missing at turn {}",
                    event.turn
                );
            }
        }
    }
}

/// Interchange paid over card sales in a turn, in basis points.
fn interchange_rate(t: &TurnReport) -> i64 {
    let (paid, sales) = t.merchants.iter().fold((0i64, 0i64), |(p, s), m| {
        (p + m.interchange.as_cents(), s + m.card_sales.as_cents())
    });
    paid * 10_000 / sales.max(1)
}

#[test]
fn the_interchange_cap_cuts_what_shops_pay_and_issuers_bear_card_fraud() {
    let s = scenario("card_fees");
    let e = play(&s, s.seed());
    let before = interchange_rate(&e.reports()[5]);
    let after = interchange_rate(&e.reports()[6]);
    assert!((70..=100).contains(&before), "before the cap: {before} bp");
    assert!((20..=30).contains(&after), "after the cap: {after} bp");
    // The fraud wave of months 4 and 5: the issuing bank refunds every victim in full.
    let fraud: Vec<_> = e
        .ledger()
        .postings_of_kind(PostingKind::CardFraud)
        .collect();
    assert!(!fraud.is_empty());
    assert!(fraud.iter().all(|p| (4..=5).contains(&p.turn)));
    let refunds: i64 = e
        .ledger()
        .postings_of_kind(PostingKind::FraudRefund)
        .map(|p| p.amount.as_cents())
        .sum();
    let stolen: i64 = fraud.iter().map(|p| p.amount.as_cents()).sum();
    assert_eq!(refunds, stolen);
    assert_eq!(
        e.ledger()
            .balance(glassbank::sim::Account::External(External::Fraudsters))
            .as_cents(),
        stolen
    );
}

#[test]
fn a_rate_shock_reprices_reserves_at_once_and_a_recession_raises_defaults() {
    let s = scenario("rate_shock");
    let e = play(&s, s.seed());
    let r = e.reports();
    assert_eq!(r[5].policy_rate.0, 50);
    assert_eq!(r[6].policy_rate.0, 400);
    // Reserves and variable-rate home loans reprice at once: the banks' interest income jumps
    // by two fifths or more the month rates rise (47% with this seed), Bold's (variable) far
    // more than Prudent's (fixed).
    let income = |t: &TurnReport, b: usize| t.banks[b].pnl.interest_income.as_cents();
    let both = |t: &TurnReport| income(t, 0) + income(t, 1);
    assert!(
        both(&r[6]) * 5 > both(&r[5]) * 7,
        "{} vs {}",
        both(&r[6]),
        both(&r[5])
    );
    let rise = |b: usize| income(&r[6], b) as f64 / income(&r[5], b).max(1) as f64;
    assert!(
        rise(1) > rise(0) * 1.3,
        "Bold {} vs Prudent {}",
        rise(1),
        rise(0)
    );
    // Salaries fall 8% during the recession (months 13 to 18), then recover: the salaries of
    // the households that never fell on hard times (whose salary stopped).
    let spared: Vec<glassbank::sim::Account> = e
        .clients()
        .iter()
        .filter(|c| c.hard_times_until.is_none())
        .map(|c| glassbank::sim::Account::Client(c.id))
        .collect();
    let salary = |turn: u16| -> i64 {
        e.ledger()
            .postings_in(turn)
            .iter()
            .filter(|p| p.kind == PostingKind::Salary && spared.contains(&p.to))
            .map(|p| p.amount.as_cents())
            .sum()
    };
    // (The ledger keeps the last twelve months' postings: months 13 to 24.)
    assert!(salary(13) > 0);
    assert_eq!(salary(13), salary(18));
    assert_eq!(salary(19), salary(24));
    let lowered = salary(19) - salary(13);
    assert!(
        (salary(19) * 7 / 100..=salary(19) * 9 / 100).contains(&lowered),
        "{} then {}",
        salary(13),
        salary(19)
    );
}

#[test]
fn the_opaque_bank_loses_more_clients_to_bad_surprises() {
    let s = scenario("hidden_fees");
    let (mut murky_lost, mut clear_lost, mut murky_surprises) = (0u32, 0u32, 0u32);
    for seed in 1..=4 {
        let e = play(&s, seed);
        for t in e.reports() {
            murky_lost += t.banks[0].activity.clients_lost;
            clear_lost += t.banks[1].activity.clients_lost;
        }
        murky_surprises += e
            .clients()
            .iter()
            .filter(|c| c.bank == BankId(0) && c.trust.points() < 300)
            .count() as u32;
        assert_eq!(e.reports()[17].transparency, Transparency::Opaque);
        assert_eq!(e.reports()[18].transparency, Transparency::Glass);
    }
    println!(
        "lost: murky {murky_lost}, clear {clear_lost}; distrustful at murky {murky_surprises}"
    );
    assert!(
        murky_lost > clear_lost * 5 / 4,
        "murky lost {murky_lost}, clear lost {clear_lost}"
    );
}

#[test]
fn a_facilitator_seed_changes_the_draws_but_not_the_town() {
    let s = scenario("one_town");
    let (a, b) = (s.economy_with_seed(1), s.economy_with_seed(2));
    assert_eq!(a.clients, b.clients);
    assert_ne!(play(&s, 1).summary(), play(&s, 2).summary());
    assert_eq!(play(&s, 3).summary(), play(&s, 3).summary());
}

#[test]
fn shocks_can_be_applied_by_hand_too() {
    let s = scenario("one_town");
    let mut e = s.start(5).unwrap();
    assert!(
        e.apply_shock(Shock::PolicyRate(glassbank::sim::Bp(99_999)))
            .is_err()
    );
    e.apply_shock(Shock::PolicyRate(glassbank::sim::Bp(100)))
        .unwrap();
    let report = e.step(&Default::default()).unwrap();
    assert_eq!(report.policy_rate.0, 100);
}

#[test]
fn the_complete_examples_of_the_format_reference_load() {
    let doc = std::fs::read_to_string("docs/scenario-format.md").unwrap();
    let mut checked = 0;
    for block in doc.split("```ron\n").skip(1) {
        let block = block.split("```").next().unwrap();
        // Whole files only; the other blocks are extracts.
        if block.contains("id: \"") && block.contains("turns:") && block.contains("banks:") {
            load(block, "docs/scenario-format.md").unwrap_or_else(|e| panic!("{e}"));
            checked += 1;
        }
    }
    assert!(checked >= 2, "{checked} complete examples");
}

#[test]
fn every_shipped_scenario_teaches_its_lessons_by_more_than_luck() {
    for (name, s) in shipped() {
        let lessons = s.lessons();
        assert!(
            lessons
                .iter()
                .any(|l| matches!(l.compare, Compare::Layers(..))),
            "{name} has no lesson about the transparency layer"
        );
        let mut study = Study::new(&s, (1..=20).collect());
        study.run(|_, _| {}).unwrap();
        let findings = study.findings();
        assert_eq!(findings.len(), lessons.len(), "{name}");
        for f in findings {
            println!(
                "{name}: {:?} {:?} {:?}: {:.1} / {:.1} / {:.1} against {:.1} / {:.1} / {:.1}",
                f.lesson.metric,
                f.lesson.compare,
                f.lesson.expect,
                f.second.p10,
                f.second.median,
                f.second.p90,
                f.first.p10,
                f.first.median,
                f.first.p90
            );
            assert!(f.direction, "{name}: {f:?} moves the other way");
            assert!(f.apart, "{name}: {f:?} is within luck");
        }
    }
}
