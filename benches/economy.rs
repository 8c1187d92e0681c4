//! Benchmarks of the simulation core: turns and card payments per second for towns of 1k, 10k
//! and 100k households, loading scenarios, and the budget run (10,000 households, 200 shops,
//! 3 banks, 120 turns).
//! Run with `cargo bench --no-default-features`.
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use glassbank::sim::{Economy, TownSpec, bot_decisions, town};
use std::time::Instant;

fn main() {
    budget_run();
    divan::main();
}

/// A town with one shop per fifty households and three banks, after a month of warm-up.
fn warm_town(clients: u32) -> Economy {
    let mut economy =
        Economy::new(town(TownSpec::new(3, clients / 50, clients, 1))).expect("valid town");
    let decisions = bot_decisions(&economy, &[]);
    economy.step(&decisions).expect("turn");
    economy
}

/// Peak resident memory of this process so far, from /proc (Linux only).
fn peak_memory_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// The budget of the foundation issue: a 10,000-household, 200-shop, 3-bank economy plays
/// 120 turns in under 2 s on one core, in under 1 GB.
fn budget_run() {
    let mut config = town(TownSpec::new(3, 200, 10_000, 1));
    if let Ok(turns) = std::env::var("GLASSBANK_DETAIL_TURNS") {
        config.retention.detail_turns = turns.parse().ok();
    }
    let start = Instant::now();
    let mut economy = Economy::new(config).expect("valid town");
    let mut card_payments = 0u64;
    for _ in 0..120 {
        let decisions = bot_decisions(&economy, &[]);
        let report = economy.step(&decisions).expect("turn");
        card_payments += report.clients.card_payments;
    }
    let elapsed = start.elapsed();
    println!(
        "budget run: 10,000 households, 200 shops, 3 banks, 120 turns in {:.2} s \
         ({:.0} turns/s, {:.0} card payments/s, {} postings, {:.1} M postings/s); peak memory {} MiB",
        elapsed.as_secs_f64(),
        120.0 / elapsed.as_secs_f64(),
        card_payments as f64 / elapsed.as_secs_f64(),
        economy.ledger().posting_count(),
        economy.ledger().posting_count() as f64 / elapsed.as_secs_f64() / 1e6,
        peak_memory_mib().map_or("?".to_string(), |m| m.to_string()),
    );
}

/// One turn (bots deciding, then the month played), counted in card payments.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn one_turn(bencher: Bencher, clients: u32) {
    let economy = warm_town(clients);
    let card_payments = economy.reports()[0].clients.card_payments;
    bencher
        .counter(ItemsCount::new(card_payments))
        .with_inputs(|| economy.clone())
        .bench_local_values(|mut economy| {
            let decisions = bot_decisions(&economy, &[]);
            black_box(economy.step(&decisions).expect("turn"));
            economy
        });
}

/// The bots alone: what deciding for every seat costs.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5)]
fn bots_decide(bencher: Bencher, clients: u32) {
    let economy = warm_town(clients);
    bencher.bench_local(|| black_box(bot_decisions(&economy, &[])));
}

/// Loading a scenario: parsing the RON, checking every field and drawing the populations, for
/// the default scenario with its town scaled to 300, 10,000 and 100,000 households.
#[divan::bench(args = [300, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn load_scenario(bencher: Bencher, clients: u32) {
    let text = glassbank::DEFAULT_SCENARIO.replace(
        "client_populations: [(count: 300)]",
        &format!("client_populations: [(count: {clients})]"),
    );
    bencher
        .bench_local(|| black_box(glassbank::scenario::load(&text, "bench.ron").expect("loads")));
}
