//! Whole-economy tests: determinism, balanced books, balance sheets and P&L that add up.
use glassbank::sim::{
    Account, Economy, External, Money, Party, Posting, TownSpec, TxnId, bot_decisions, town,
};

fn run(spec: TownSpec, turns: u16) -> Economy {
    let mut config = town(spec);
    config.retention.detail_turns = None;
    let mut economy = Economy::new(config).expect("a generated town is valid");
    for _ in 0..turns {
        let decisions = bot_decisions(&economy, &[]);
        economy.step(&decisions).expect("a bots-only turn runs");
    }
    economy
}

/// An economy in a year of recession: incomes 10% lower, borrowers 30 points a year likelier to
/// default.
fn in_deep_recession(config: glassbank::sim::EconomyConfig) -> Economy {
    let mut e = Economy::new(config).unwrap();
    e.apply_shock(glassbank::sim::Shock::Recession {
        months: 12,
        income_cut: glassbank::sim::Bp(1_000),
        pd_rise: glassbank::sim::Bp(3_000),
    })
    .unwrap();
    e
}

fn fingerprint(e: &Economy) -> (Vec<Posting>, Vec<Money>) {
    let postings: Vec<Posting> = e.ledger().postings().copied().collect();
    let mut balances: Vec<Money> = e
        .clients()
        .iter()
        .map(|c| e.ledger().balance(Account::Client(c.id)))
        .collect();
    balances.extend(
        e.banks()
            .iter()
            .map(|b| e.ledger().balance(Account::BankEquity(b.id))),
    );
    (postings, balances)
}

#[test]
fn same_seed_and_decisions_give_the_same_ledger() {
    let a = run(TownSpec::new(3, 12, 150, 7), 12);
    let b = run(TownSpec::new(3, 12, 150, 7), 12);
    assert!(a.ledger().posting_count() > 10_000);
    assert_eq!(fingerprint(&a), fingerprint(&b));
    assert_eq!(a.reports(), b.reports());
}

#[test]
fn different_seeds_give_different_ledgers() {
    let a = run(TownSpec::new(3, 12, 150, 7), 6);
    let b = run(TownSpec::new(3, 12, 150, 8), 6);
    assert_ne!(fingerprint(&a), fingerprint(&b));
}

#[test]
fn books_balance_and_every_balance_is_explained_by_its_postings() {
    let e = run(TownSpec::new(3, 10, 120, 3), 24);
    assert!(e.ledger().is_balanced());
    // With full detail kept, replaying the postings gives every balance: no money from nowhere.
    let mut replay = std::collections::BTreeMap::<Account, i64>::new();
    for p in e.ledger().postings() {
        assert!(p.amount.is_positive());
        *replay.entry(p.from).or_default() -= p.amount.as_cents();
        *replay.entry(p.to).or_default() += p.amount.as_cents();
    }
    for (account, cents) in &replay {
        assert_eq!(
            e.ledger().balance(*account),
            Money::cents(*cents),
            "{account:?}"
        );
    }
    // And the totals per turn add up to the same movements.
    let flows: i64 = e
        .ledger()
        .all_flows()
        .iter()
        .flatten()
        .filter(|f| f.to == Party::Clients)
        .map(|f| f.amount.as_cents())
        .sum();
    let detail: i64 = e
        .ledger()
        .postings()
        .filter(|p| matches!(p.to, Account::Client(_)))
        .map(|p| p.amount.as_cents())
        .sum();
    assert_eq!(flows, detail);
}

#[test]
fn balance_sheets_balance_and_profit_is_the_change_in_equity() {
    let e = run(TownSpec::new(3, 10, 300, 11), 12);
    // Reserves are an account of their own: every month, once the payments are cleared, they
    // are the bank's deposits, savings and equity less its loans and overdrafts.
    assert!(e.ledger().is_cleared());
    let switched: u32 = e.reports().iter().map(|r| r.clients.switched_bank).sum();
    assert!(switched > 0, "households moved their money between banks");
    for report in e.reports() {
        for b in &report.banks {
            assert_eq!(
                b.sheet.assets(),
                b.sheet.liabilities_and_equity(),
                "month {}, bank {:?}",
                report.turn,
                b.bank
            );
        }
    }
    for bank in e.banks() {
        let settled: i64 = e
            .ledger()
            .postings()
            .filter(|p| p.kind == glassbank::sim::PostingKind::Settlement)
            .map(|p| match (p.from, p.to) {
                (_, Account::Reserves(b)) if b == bank.id => p.amount.as_cents(),
                (Account::Reserves(b), _) if b == bank.id => -p.amount.as_cents(),
                _ => 0,
            })
            .sum();
        assert_eq!(
            Money::cents(settled),
            e.balance_sheet(bank.id).reserves,
            "{}: the reserves are their settlements",
            bank.name
        );
    }
    let mut paid_any = false;
    for bank in e.banks() {
        let sheet = e.balance_sheet(bank.id);
        assert_eq!(
            sheet.assets(),
            sheet.liabilities_and_equity(),
            "{}",
            bank.name
        );
        let profit: i64 = e
            .reports()
            .iter()
            .map(|r| r.banks[bank.id.index()].pnl.net_profit().as_cents())
            .sum();
        let opening = e
            .ledger()
            .postings_in(0)
            .iter()
            .filter(|p| p.to == Account::BankEquity(bank.id))
            .map(|p| p.amount.as_cents())
            .sum::<i64>();
        let dividends: i64 = e
            .reports()
            .iter()
            .map(|r| r.banks[bank.id.index()].dividends.as_cents())
            .sum();
        assert_eq!(
            sheet.equity.as_cents() - opening,
            profit - dividends,
            "{}: equity grows by its profit less its dividends",
            bank.name
        );
        // The first year's profit is the twelve months played: half of it goes to the
        // shareholders if there was a profit (the CET1 ratio stays above 7% in this town).
        assert!(e.capital(bank.id).ratio().0 > 1_000, "{}", bank.name);
        let half = if profit > 0 { (profit + 1) / 2 } else { 0 };
        assert!(
            (dividends - half).abs() <= 1,
            "{}: paid {dividends} on a year's profit of {profit}",
            bank.name
        );
        paid_any |= dividends > 0;
        // Product margins with funds transfer pricing add up to the profit before overheads.
        let last = e.turn() - 1;
        let products: i64 = glassbank::sim::Product::ALL
            .iter()
            .map(|&p| e.bank_margin(bank.id, p, 1..=last).margin.as_cents())
            .sum();
        assert_eq!(products, profit, "{}", bank.name);
        // The running costs are shared out among the products to the cent; the general line
        // keeps the tax.
        let running: i64 = e
            .ledger()
            .postings()
            .filter(|p| p.turn >= 1 && p.turn <= last)
            .filter(|p| p.kind == glassbank::sim::PostingKind::BankOperatingCost)
            .filter(|p| p.from == Account::BankEquity(bank.id))
            .map(|p| p.amount.as_cents())
            .sum();
        let allocated: i64 = glassbank::sim::Product::OF_BANKS
            .iter()
            .map(|&p| {
                e.bank_margin(bank.id, p, 1..=last)
                    .operating_costs
                    .as_cents()
            })
            .sum();
        assert_eq!(allocated, running, "{}", bank.name);
        let tax: i64 = e.reports()[..usize::from(last)]
            .iter()
            .map(|r| r.banks[bank.id.index()].pnl.tax.as_cents())
            .sum();
        let general = e.bank_margin(bank.id, glassbank::sim::Product::None, 1..=last);
        assert_eq!(general.margin.as_cents(), -tax, "{}", bank.name);
        // The equity is shared among the products by credit risk, all of it (to the cent a
        // month).
        let shared: i64 = glassbank::sim::Product::OF_BANKS
            .iter()
            .map(|&p| e.bank_margin(bank.id, p, 1..=last).capital.as_cents())
            .sum();
        let equity: i64 = e.reports()[..usize::from(last)]
            .iter()
            .map(|r| r.banks[bank.id.index()].sheet.equity.as_cents())
            .sum::<i64>()
            / i64::from(last);
        assert!(
            (shared - equity).abs() <= 8,
            "{}: {shared} / {equity}",
            bank.name
        );
        assert!(
            e.bank_margin(bank.id, glassbank::sim::Product::Mortgage, 1..=last)
                .return_on_capital(last)
                .is_some()
        );
    }
    assert!(paid_any, "a bank made a profit and paid its shareholders");
}

#[test]
fn money_enters_and_leaves_only_through_named_external_accounts() {
    let e = run(TownSpec::new(2, 6, 60, 5), 6);
    let employer = e.ledger().balance(Account::External(External::Employer));
    let income: i64 = e
        .reports()
        .iter()
        .map(|r| r.clients.income.as_cents())
        .sum();
    assert_eq!(employer, Money::cents(-income));
    let traced = e
        .ledger()
        .transactions_in(3)
        .first()
        .map(|t| t.id)
        .unwrap_or(TxnId(0));
    assert!(e.trace(traced).is_some());
}

#[test]
fn print_summary() {
    let e = run(TownSpec::new(3, 20, 600, 42), 36);
    let english = glassbank::i18n::Translations::shared(glassbank::i18n::Language::En);
    println!("{}", glassbank::headless::summary(&e, english));
}

#[test]
fn banks_pay_a_quarter_of_their_profit_in_tax_after_their_losses() {
    let e = run(TownSpec::new(3, 10, 200, 5), 12);
    for bank in e.banks() {
        // A month's profit is taxed at 25% once the losses of earlier months are set against
        // it; a loss is carried forward, never back.
        let (mut carried, mut expected, mut tax) = (0i64, 0i64, 0i64);
        for r in e.reports() {
            let p = &r.banks[bank.id.index()].pnl;
            let taxable = p.profit_before_tax().as_cents() - carried;
            if taxable > 0 {
                expected += taxable / 4;
                carried = 0;
            } else {
                carried = -taxable;
            }
            tax += p.tax.as_cents();
        }
        assert_eq!(bank.tax_losses.as_cents(), carried, "{}", bank.name);
        // A cent of rounding a month at most.
        assert!(
            (tax - expected).abs() <= e.reports().len() as i64,
            "{}: tax {tax}, expected {expected}",
            bank.name
        );
    }
}

#[test]
fn a_bank_short_of_capital_lends_no_more_and_says_why() {
    let mut config = town(TownSpec::new(2, 6, 120, 3));
    config.retention.detail_turns = None;
    // Bank 0 opens with almost no equity, bank 1 as usual.
    config.banks[0].capital = Money::euros(1);
    let mut e = Economy::new(config).expect("a generated town is valid");
    assert!(
        e.capital(glassbank::sim::BankId(0)).ratio()
            < e.capital(glassbank::sim::BankId(0)).requirement
    );
    let mut refused = 0;
    for _ in 0..3 {
        let mut decisions = bot_decisions(&e, &[]);
        // Every household of bank 0 without a loan asks for €5,000 over two years.
        for (c, d) in &mut decisions.clients {
            let client = &e.clients()[c.index()];
            if client.bank == glassbank::sim::BankId(0) && client.loan.is_none() {
                d.loan_request = Some(glassbank::sim::LoanRequest {
                    amount: Money::euros(5_000),
                    months: 24,
                });
            }
        }
        let report = e.step(&decisions).expect("a turn runs");
        assert_eq!(
            report.banks[0].activity.loans_granted, 0,
            "month {}",
            report.turn
        );
        refused += report
            .events
            .iter()
            .filter(|ev| {
                matches!(
                    ev,
                    glassbank::sim::SimEvent::LoanRefused {
                        bank: glassbank::sim::BankId(0),
                        reason: glassbank::sim::RefusalReason::NoCapital,
                        ..
                    }
                )
            })
            .count();
        assert!(report.banks[1].capital.ratio() >= report.banks[1].capital.requirement);
    }
    assert!(
        refused > 0,
        "applications came, and were refused for capital"
    );
}

#[test]
fn a_bank_whose_losses_pass_its_capital_is_resolved_and_its_depositors_keep_their_money() {
    use glassbank::sim::{BankId, LoanStatus, PostingKind, SimEvent};
    // Two banks; Bank B starts with €3,000 of capital, and a deep recession makes its
    // borrowers default.
    let mut config = town(TownSpec::new(2, 10, 200, 7));
    config.retention.detail_turns = None;
    config.banks[1].capital = Money::euros(3_000);
    // Bank A is well capitalised: it can carry its own losses and Bank B's loans.
    config.banks[0].capital = Money::euros(1_000_000);
    // One household of Bank B holds €104,000 of savings: €4,000 above the guarantee.
    let rich = config
        .clients
        .iter()
        .position(|c| c.bank == BankId(1))
        .unwrap();
    config.clients[rich].opening_savings = Money::euros(104_000);
    let rich = glassbank::sim::ClientId(rich as u32);
    let mut e = in_deep_recession(config);
    let (b, a) = (BankId(1), BankId(0));
    let mut resolved = None;
    for _ in 0..24 {
        let report = e.step(&bot_decisions(&e, &[])).unwrap();
        resolved = report.events.iter().find_map(|ev| match *ev {
            SimEvent::BankResolved {
                bank,
                acquirer,
                guaranteed,
                bailed_in,
            } if bank == b => Some((report.turn, acquirer, guaranteed, bailed_in)),
            _ => None,
        });
        if resolved.is_some() {
            break;
        }
    }
    let (turn, acquirer, guaranteed, bailed_in) = resolved.expect("Bank B failed");
    println!("Bank B failed in month {turn}: guarantee {guaranteed}, bail-in {bailed_in}");
    assert_eq!(acquirer, Some(a), "the sound bank took it over");
    assert_eq!(e.banks()[1].resolved, Some(turn));
    // Only the household above €100,000 lost money, what it held above it; the guarantee paid
    // the rest of the hole.
    let bail_ins: Vec<_> = e
        .ledger()
        .postings()
        .filter(|p| p.kind == PostingKind::BailIn)
        .collect();
    assert!(!bail_ins.is_empty());
    assert!(bail_ins.iter().all(|p| matches!(
        p.from,
        Account::Savings(c) | Account::Client(c) if c == rich
    )));
    let held = e
        .ledger()
        .balance(Account::Savings(rich))
        .saturating_add(e.ledger().balance(Account::Client(rich)).max(Money::ZERO));
    assert!(bailed_in.is_positive() && guaranteed.is_positive());
    assert_eq!(held, glassbank::sim::GUARANTEE, "it keeps what is covered");
    assert_eq!(
        e.ledger()
            .balance(Account::External(External::DepositGuarantee)),
        guaranteed.saturating_neg()
    );
    // Bank B has nothing left: no equity, no depositors, no loans, no reserves.
    let sheet = e.balance_sheet(b);
    assert_eq!(sheet.equity, Money::ZERO);
    assert_eq!(sheet.assets(), Money::ZERO);
    assert_eq!(sheet.liabilities_and_equity(), Money::ZERO);
    assert!(e.clients().iter().all(|c| c.bank == a));
    assert!(e.merchants().iter().all(|m| m.bank == a));
    assert!(
        e.loans()
            .iter()
            .filter(|l| l.status == LoanStatus::Performing)
            .all(|l| l.lender == a)
    );
    // Bank A's books still balance, and the months go on without Bank B.
    for _ in 0..3 {
        e.step(&bot_decisions(&e, &[])).unwrap();
    }
    assert!(e.ledger().is_cleared());
    let sheet = e.balance_sheet(a);
    assert_eq!(sheet.assets(), sheet.liabilities_and_equity());
    assert_eq!(e.balance_sheet(b).equity, Money::ZERO);
    assert!(e.clients().iter().all(|c| c.bank == a), "nobody goes to B");
}

#[test]
fn a_shop_that_cannot_pay_for_three_months_closes_and_its_customers_go_elsewhere() {
    use glassbank::sim::{LoanStatus, MerchantId, PostingKind, SimEvent};
    let mut config = town(TownSpec::new(2, 10, 200, 5));
    config.retention.detail_turns = None;
    // A rent no shop of this town could pay.
    config.merchants[0].rent = Money::euros(40_000);
    let shop = MerchantId(0);
    let mut e = Economy::new(config).unwrap();
    let (mut closed, mut first_short) = (None, None);
    for _ in 0..12 {
        let report = e.step(&bot_decisions(&e, &[])).unwrap();
        // Short: overdrawn by more than a month's rent at the month's end.
        if first_short.is_none() && e.merchants()[0].months_short == 1 {
            first_short = Some(report.turn);
        }
        if let Some(SimEvent::MerchantClosed { written_off, .. }) = report
            .events
            .iter()
            .find(|ev| matches!(ev, SimEvent::MerchantClosed { merchant, .. } if *merchant == shop))
        {
            closed = Some((report.turn, *written_off));
            break;
        }
    }
    let (turn, written_off) = closed.expect("the shop closed");
    println!("shop closed in month {turn}, its bank wrote off {written_off}");
    assert_eq!(
        Some(turn),
        first_short.map(|t| t + 2),
        "three month-ends short"
    );
    assert!(written_off.is_positive());
    assert_eq!(e.merchants()[0].closed, Some(turn));
    assert_eq!(e.ledger().balance(Account::Merchant(shop)), Money::ZERO);
    assert!(e.clients().iter().all(|c| !c.shops.contains(&shop)));
    assert!(
        e.loans()
            .iter()
            .filter(|l| l.borrower == glassbank::sim::Borrower::Merchant(shop))
            .all(|l| l.status != LoanStatus::Performing),
        "its loan, if it had one, defaulted"
    );
    // It pays no rent and sells nothing after; the others go on and the books balance.
    for _ in 0..3 {
        e.step(&bot_decisions(&e, &[])).unwrap();
    }
    let after: Vec<_> = e
        .ledger()
        .postings()
        .filter(|p| p.turn > turn)
        .filter(|p| p.from == Account::Merchant(shop) || p.to == Account::Merchant(shop))
        .collect();
    assert!(after.is_empty(), "{after:?}");
    let last = e.reports().last().unwrap();
    assert!(last.merchants.iter().skip(1).any(|m| m.sales.is_positive()));
    for b in e.banks() {
        let sheet = e.balance_sheet(b.id);
        assert_eq!(sheet.assets(), sheet.liabilities_and_equity());
    }
    assert!(
        e.ledger()
            .postings()
            .any(|p| p.kind == PostingKind::CreditLoss && p.to == Account::Merchant(shop))
    );
}

#[test]
fn a_failed_bank_with_no_one_to_take_it_over_is_put_back_at_its_requirement() {
    use glassbank::sim::{BankId, SimEvent};
    let mut config = town(TownSpec::new(1, 6, 100, 3));
    config.banks[0].capital = Money::euros(1_000);
    let mut e = in_deep_recession(config);
    let failures = |e: &Economy| {
        e.reports()
            .iter()
            .flat_map(|r| &r.events)
            .filter(|ev| matches!(ev, SimEvent::BankResolved { acquirer: None, .. }))
            .count()
    };
    for _ in 0..12 {
        e.step(&bot_decisions(&e, &[])).unwrap();
        if failures(&e) > 0 {
            break;
        }
    }
    assert_eq!(failures(&e), 1, "the bank failed");
    let bank = BankId(0);
    assert_eq!(e.banks()[0].resolved, None, "it stays open");
    let c = e.capital(bank);
    assert!(
        c.ratio().0 >= c.requirement.0 - 1,
        "back at its requirement: {:?}",
        c.ratio()
    );
    // It does not fail again the next month.
    e.step(&bot_decisions(&e, &[])).unwrap();
    assert_eq!(failures(&e), 1);
    let sheet = e.balance_sheet(bank);
    assert_eq!(sheet.assets(), sheet.liabilities_and_equity());
}

#[test]
fn a_household_in_hard_times_without_savings_misses_three_instalments_and_defaults() {
    use glassbank::sim::{
        ARREARS_PD, Bp, ClientId, LoanRequest, LoanStatus, MISSED_TO_DEFAULT, PostingKind, SimEvent,
    };
    let mut config = town(TownSpec::new(2, 10, 200, 9));
    config.retention.detail_turns = None;
    // Two households sure to fall on hard times within a few years, one with nothing put by
    // and one with ten years of income saved.
    for (c, savings) in [(0, Money::ZERO), (1, Money::euros(400_000))] {
        let client = &mut config.clients[c];
        client.pd = Bp(10_000);
        client.opening_balance = Money::ZERO;
        client.opening_savings = savings;
        client.opening_mortgage = None;
        client.opening_loan = Some(LoanRequest {
            amount: client.income.checked_mul(3).unwrap(),
            months: 60,
        });
    }
    let mut e = Economy::new(config).unwrap();
    let (poor, rich) = (ClientId(0), ClientId(1));
    let loan_of = |e: &Economy, c: ClientId| {
        e.loans()
            .iter()
            .find(|l| l.borrower == glassbank::sim::Borrower::Client(c))
            .map(|l| l.id)
            .unwrap()
    };
    let (poor_loan, rich_loan) = (loan_of(&e, poor), loan_of(&e, rich));
    let (mut hard_times, mut missed, mut defaulted) = (None, Vec::new(), None);
    let mut rich_hard_times = false;
    for _ in 0..60 {
        let report = e.step(&bot_decisions(&e, &[])).unwrap();
        for ev in &report.events {
            match *ev {
                SimEvent::HardTimes { client } if client == poor && hard_times.is_none() => {
                    hard_times = Some(report.turn)
                }
                SimEvent::HardTimes { client } if client == rich => rich_hard_times = true,
                SimEvent::InstalmentMissed { loan, missed: n } if loan == poor_loan => {
                    missed.push((report.turn, n));
                    // In arrears, the bank provisions the loan's lifetime expected loss.
                    let l = e.loan(loan).unwrap();
                    let lgd = e.banks()[l.lender.index()].lending.loss_given_default;
                    assert_eq!(
                        l.provision,
                        l.outstanding.apply(ARREARS_PD).unwrap().apply(lgd).unwrap()
                    );
                }
                SimEvent::LoanDefaulted { loan, .. } if loan == poor_loan => {
                    defaulted = Some(report.turn)
                }
                _ => {}
            }
        }
        if defaulted.is_some() && rich_hard_times {
            break;
        }
    }
    let start = hard_times.expect("hard times came");
    let defaulted = defaulted.expect("the loan defaulted");
    println!("hard times in month {start}, missed {missed:?}, default in month {defaulted}");
    assert_eq!(missed.len(), usize::from(MISSED_TO_DEFAULT) - 1);
    assert_eq!(missed[0].1, 1);
    assert_eq!(missed[1], (missed[0].0 + 1, 2));
    assert_eq!(
        defaulted,
        missed[0].0 + 2,
        "the third missed instalment is a default"
    );
    assert!(
        missed[0].0 >= start,
        "no instalment was missed before the salary stopped"
    );
    assert_eq!(e.loan(poor_loan).unwrap().status, LoanStatus::Defaulted);
    assert_eq!(e.clients()[0].defaulted, Some(defaulted));
    // The provision covered part of the loss: the default used the allowance.
    assert!(
        e.ledger()
            .postings()
            .any(|p| p.kind == PostingKind::Impairment
                && p.turn == defaulted
                && p.to == Account::BankLoans(e.loan(poor_loan).unwrap().lender))
    );
    // The household with savings rode its hard times out and never missed an instalment.
    assert!(rich_hard_times, "hard times came to the saver too");
    assert_eq!(e.loan(rich_loan).unwrap().missed, 0);
    assert_ne!(e.loan(rich_loan).unwrap().status, LoanStatus::Defaulted);
}

#[test]
fn each_bank_sets_aside_the_expected_loss_of_its_loans_and_the_allowance_is_an_account() {
    let e = run(TownSpec::new(3, 10, 300, 13), 24);
    let mut arrears = 0;
    for bank in e.banks() {
        let provisions: Money = e
            .loans()
            .iter()
            .filter(|l| l.lender == bank.id)
            .fold(Money::ZERO, |sum, l| sum.checked_add(l.provision).unwrap());
        let sheet = e.balance_sheet(bank.id);
        assert_eq!(sheet.loan_loss_allowance, provisions, "{}", bank.name);
        assert_eq!(
            e.ledger().balance(Account::Provisions(bank.id)),
            provisions,
            "{}",
            bank.name
        );
        assert!(
            provisions.is_positive(),
            "{} expects some losses",
            bank.name
        );
        for l in e.loans().iter().filter(|l| l.lender == bank.id) {
            assert_eq!(l.provision, e.expected_loss(l.id).unwrap());
            if l.missed > 0 {
                arrears += 1;
            }
        }
        // The cost of risk is the change in the allowance plus the losses it did not cover.
        let pnl = e.reports().iter().fold(Money::ZERO, |sum, r| {
            sum.checked_add(r.banks[bank.id.index()].pnl.credit_losses)
                .unwrap()
        });
        let posted: i64 = e
            .ledger()
            .postings()
            .filter(|p| {
                matches!(
                    p.kind,
                    glassbank::sim::PostingKind::Impairment
                        | glassbank::sim::PostingKind::CreditLoss
                )
            })
            .map(|p| match (p.from, p.to) {
                (Account::BankEquity(b), _) if b == bank.id => p.amount.as_cents(),
                (_, Account::BankEquity(b)) if b == bank.id => -p.amount.as_cents(),
                _ => 0,
            })
            .sum();
        assert_eq!(pnl, Money::cents(posted), "{}", bank.name);
    }
    println!("loans in arrears after two years: {arrears}");
}

#[test]
fn a_credit_cardholder_overdrawn_at_the_months_end_revolves_on_its_card() {
    use glassbank::sim::{Bp, CardKind, ClientId, LoanStatus, Product};
    let mut config = town(TownSpec::new(1, 10, 100, 21));
    config.retention.detail_turns = None;
    config.banks[0].retail.card_credit_rate = Bp(1_900);
    // A household that spends more than it earns, with a credit card and nothing put by.
    let c = short_of_money(&mut config.clients[0], Bp(6_000), Bp(6_000));
    c.card = CardKind::Credit;
    let income = c.income;
    let mut e = Economy::new(config).unwrap();
    let me = ClientId(0);
    let mut drawn = None;
    for _ in 0..12 {
        e.step(&bot_decisions(&e, &[])).unwrap();
        if let Some(id) = e.clients()[0].card_credit {
            let loan = e.loan(id).unwrap();
            assert_eq!(loan.product(), Product::RevolvingCredit);
            // Never more than a month of income, and the account is back at zero or above
            // once the card covered it.
            assert!(loan.outstanding <= income, "{}", loan.outstanding);
            if loan.outstanding < income {
                assert!(!e.ledger().balance(Account::Client(me)).is_negative());
            }
            // Its yearly rate is the card's, whatever its parts.
            assert_eq!(loan.rate.total(), Bp(1_900));
            drawn = Some(id);
        }
    }
    let id = drawn.expect("the household revolved on its card");
    let loan = e.loan(id).unwrap();
    assert!(loan.outstanding.is_positive() || loan.status == LoanStatus::Repaid);
    // It paid interest on what it owed, and paid some of it back.
    let paid = |kind: glassbank::sim::PostingKind| {
        e.ledger()
            .postings()
            .filter(|p| {
                p.product == Product::RevolvingCredit
                    && p.kind == kind
                    && p.from == Account::Client(me)
            })
            .count()
    };
    let interest = paid(glassbank::sim::PostingKind::LoanInterest);
    let repaid = paid(glassbank::sim::PostingKind::LoanPrincipal);
    println!(
        "card credit {}, {interest} interest and {repaid} repayments",
        loan.outstanding
    );
    assert!(interest > 0 && repaid > 0);
    // The bank's books hold it among loans to households, with its capital and provision.
    let sheet = e.balance_sheet(glassbank::sim::BankId(0));
    assert_eq!(sheet.assets(), sheet.liabilities_and_equity());
    assert_eq!(loan.provision, e.expected_loss(id).unwrap());
}

#[test]
fn a_household_past_its_overdraft_two_months_running_pays_the_fragile_clients_caps() {
    use glassbank::sim::{Bp, ClientId, PostingKind};
    let mut config = town(TownSpec::new(1, 10, 50, 3));
    config.retention.detail_turns = None;
    config.params.caps.irregular_fee_per_payment = Some(Money::euros(8));
    config.params.caps.fragile_fee_per_payment = Some(Money::euros(4));
    config.params.caps.fragile_fees_per_month = Some(Money::euros(20));
    config.banks[0].retail.fees.irregular_payment_fee = Money::euros(8);
    // Bills a tenth above its income, nothing put by and nothing else to spend.
    short_of_money(&mut config.clients[0], Bp(11_000), Bp(0));
    let mut e = Economy::new(config).unwrap();
    let me = Account::Client(ClientId(0));
    let mut fees = Vec::new();
    for _ in 0..10 {
        let report = e.step(&bot_decisions(&e, &[])).unwrap();
        let month: Vec<Money> = e
            .ledger()
            .postings_in(report.turn)
            .iter()
            .filter(|p| p.kind == PostingKind::IrregularPaymentFee && p.from == me)
            .map(|p| p.amount)
            .collect();
        fees.push((report.turn, month, e.clients()[0].fragile_until));
    }
    println!("{fees:?}");
    // The first two months past the overdraft cost the general €8; from the third on the
    // household is fragile and pays €4.
    let charged: Vec<&(u16, Vec<Money>, Option<u16>)> =
        fees.iter().filter(|(_, f, _)| !f.is_empty()).collect();
    assert!(charged.len() >= 3, "{fees:?}");
    assert_eq!(charged[0].1, vec![Money::euros(8)]);
    assert_eq!(charged[1].1, vec![Money::euros(8)]);
    assert!(
        charged[1].2.is_some(),
        "two months in a row make it fragile"
    );
    assert_eq!(charged[2].1, vec![Money::euros(4)]);
}

/// A household with nothing put by, no loans and no chance of hard times, whose bills and
/// spending are the given shares of its income.
fn short_of_money(
    c: &mut glassbank::sim::ClientConfig,
    bills: glassbank::sim::Bp,
    spending: glassbank::sim::Bp,
) -> &mut glassbank::sim::ClientConfig {
    c.opening_savings = Money::ZERO;
    c.opening_balance = Money::ZERO;
    c.opening_loan = None;
    c.opening_mortgage = None;
    c.pd = glassbank::sim::Bp(0);
    c.fixed_costs = c.income.apply(bills).unwrap();
    c.spending_budget = c.income.apply(spending).unwrap();
    c
}

#[test]
fn with_a_term_premium_a_long_loan_is_funded_dearer_than_a_short_one() {
    use glassbank::sim::{Bp, LoanStatus};
    let mut config = town(TownSpec::new(2, 10, 300, 17));
    config.retention.detail_turns = None;
    config.params.term_premium = Bp(100);
    let policy = config.params.policy_rate;
    let mut e = Economy::new(config).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..12 {
        let report = e.step(&bot_decisions(&e, &[])).unwrap();
        for l in e
            .loans()
            .iter()
            .filter(|l| l.granted == report.turn && l.status == LoanStatus::Performing)
        {
            // Priced on the funding curve at its term: the policy rate plus a tenth of a point
            // a year of term, up to ten years.
            let term = i32::from(l.months_left.min(120));
            assert_eq!(
                l.rate.cost_of_funds,
                Bp(policy.0 + 100 * term / 120),
                "{:?} over {} months",
                l.product(),
                l.months_left
            );
            seen.insert(l.product());
        }
    }
    assert!(
        seen.contains(&glassbank::sim::Product::ConsumerLoan),
        "{seen:?}"
    );
    // A home loan over 25 years is quoted at the policy rate plus the whole premium.
    let quote = e.home_quote(glassbank::sim::ClientId(0), None).unwrap();
    assert_eq!(quote.months, 300);
    assert_eq!(quote.rate.cost_of_funds, Bp(policy.0 + 100));
    assert_eq!(e.params().funding_rate(300), Bp(policy.0 + 100));
    assert_eq!(e.params().funding_rate(1), Bp(policy.0));
}

#[test]
fn a_bankers_decision_saved_before_a_field_existed_still_loads_with_the_ordinary_value() {
    use glassbank::sim::{Bp, RetailDecision};
    // A retail decision from before card credit, as JSON: the new field takes the ordinary
    // bank's value (no card credit), the others keep theirs.
    let mut old = serde_json::to_value(RetailDecision::default()).unwrap();
    old.as_object_mut().unwrap().remove("card_credit_rate");
    old["savings_rate"] = serde_json::json!(400);
    let loaded: RetailDecision = serde_json::from_value(old).unwrap();
    assert_eq!(loaded.card_credit_rate, Bp::ZERO);
    assert_eq!(loaded.savings_rate, Bp(400));
    assert_eq!(loaded.mortgages, RetailDecision::default().mortgages);
}
