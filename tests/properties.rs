//! Property tests: for random economies and random decisions the books balance, no money appears
//! without a posting, nothing overflows into a panic, and trust stays in range.
use glassbank::sim::{
    Account, BankId, Bp, BusinessDecision, ClientDecision, ClientId, Decisions, Economy,
    LoanPolicy, LoanRequest, MerchantDecision, MerchantId, Money, RetailDecision, SimError,
    TownSpec, Transparency, bot_decisions, town,
};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn loan() -> impl Strategy<Value = Option<LoanRequest>> {
    proptest::option::of(
        (1..=100_000_000_i64, 1..=360u16).prop_map(|(c, months)| LoanRequest {
            amount: Money::cents(c),
            months,
        }),
    )
}

/// A random decision for a random seat; ids may point past the economy, which `step` refuses.
#[derive(Clone, Debug)]
enum Move {
    Retail(u16, [i64; 4], [i32; 4], bool, bool),
    Business(u16, i32, i64, i32),
    Merchant(u32, i32, bool, Option<LoanRequest>, Option<u16>),
    Client(
        u32,
        i32,
        i32,
        Option<LoanRequest>,
        Option<u16>,
        bool,
        Option<u32>,
    ),
}

/// Every value a rate or share may take within its limit.
fn span(limit: glassbank::sim::Limit) -> std::ops::RangeInclusive<i32> {
    limit.min as i32..=limit.max as i32
}

/// Every amount a fee may take within its limit.
fn cents(limit: glassbank::sim::Limit) -> std::ops::RangeInclusive<i64> {
    limit.min..=limit.max
}

fn a_move() -> impl Strategy<Value = Move> {
    prop_oneof![
        (
            0..5u16,
            [
                cents(RetailDecision::ACCOUNT_FEE),
                cents(RetailDecision::DEBIT_CARD_FEE),
                cents(RetailDecision::CREDIT_CARD_FEE),
                cents(RetailDecision::IRREGULAR_PAYMENT_FEE),
            ],
            // Each rate over its whole limit, ends included.
            [
                span(RetailDecision::OVERDRAFT_RATE),
                span(RetailDecision::CURRENT_RATE),
                span(RetailDecision::SAVINGS_RATE),
                span(LoanPolicy::MAX_PD),
            ],
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(b, fees, rates, refund, disclose)| Move::Retail(
                b, fees, rates, refund, disclose
            )),
        (0..5u16, 0..500i32, 0..10_000i64, 0..2_000i32)
            .prop_map(|(b, m, fee, pd)| Move::Business(b, m, fee, pd)),
        (
            0..12u32,
            0..30_000i32,
            any::<bool>(),
            loan(),
            proptest::option::of(0..5u16)
        )
            .prop_map(|(m, markup, cards, loan, switch)| Move::Merchant(
                m, markup, cards, loan, switch
            )),
        (
            0..50u32,
            span(ClientDecision::SPENDING),
            0..10_000i32,
            loan(),
            proptest::option::of(0..5u16),
            any::<bool>(),
            proptest::option::of(0..12u32)
        )
            .prop_map(|(c, s, card, loan, switch, complain, leave)| Move::Client(
                c, s, card, loan, switch, complain, leave
            )),
    ]
}

/// The decisions of the moves, with ids taken modulo the number of actors so they exist.
fn apply(economy: &Economy, moves: &[Move]) -> Decisions {
    let banks = economy.banks().len() as u16;
    let merchants = economy.merchants().len() as u32;
    let clients = economy.clients().len() as u32;
    let mut d = Decisions::default();
    for m in moves {
        let m = match m.clone() {
            Move::Retail(b, f, r, refund, disclose) => {
                Move::Retail(b % banks, f, r, refund, disclose)
            }
            Move::Business(b, m, f, pd) => Move::Business(b % banks, m, f, pd),
            Move::Merchant(m, markup, cards, loan, switch) => Move::Merchant(
                m % merchants,
                markup,
                cards,
                loan,
                switch.map(|b| b % banks),
            ),
            Move::Client(c, s, card, loan, switch, complain, leave) => Move::Client(
                c % clients,
                s,
                card,
                loan,
                switch.map(|b| b % banks),
                complain,
                leave.map(|m| m % merchants),
            ),
        };
        match m {
            Move::Retail(b, fees, rates, refund, disclose) => {
                let mut r: RetailDecision =
                    economy.banks().first().map(|b| b.retail).expect("a bank");
                r.fees.account_fee = Money::cents(fees[0]);
                r.fees.debit_card_fee = Money::cents(fees[1]);
                r.fees.credit_card_fee = Money::cents(fees[2]);
                r.fees.irregular_payment_fee = Money::cents(fees[3]);
                r.fees.overdraft_rate = Bp(rates[0]);
                r.current_rate = Bp(rates[1]);
                r.savings_rate = Bp(rates[2]);
                r.consumer_loans.max_pd = Bp(rates[3]);
                r.refund_complaints = refund;
                r.disclose = disclose;
                d.retail.push((BankId(b), r));
            }
            Move::Business(b, margin, fee, pd) => {
                let mut r: BusinessDecision = economy.banks()[0].business;
                r.merchant_fees.acquirer_margin = Bp(margin);
                r.merchant_fees.terminal_fee = Money::cents(fee);
                r.business_loans.max_pd = Bp(pd);
                d.business.push((BankId(b), r));
            }
            Move::Merchant(m, markup, accepts_cards, loan_request, switch) => d.merchants.push((
                MerchantId(m),
                MerchantDecision {
                    markup: Bp(markup),
                    accepts_cards,
                    loan_request,
                    switch_bank: switch.map(BankId),
                },
            )),
            Move::Client(c, spending, card, loan_request, switch, complain, leave) => {
                d.clients.push((
                    ClientId(c),
                    ClientDecision {
                        spending: Bp(spending),
                        card_share: Bp(card),
                        loan_request,
                        switch_bank: switch.map(BankId),
                        complain,
                        leave_merchant: leave.map(MerchantId),
                        // Positive or negative, from the drawn spending share.
                        save: Money::cents(i64::from(spending) * 10 - 50_000),
                        // Now and then, with a complaint: buying a home.
                        buy_home: complain && spending % 2 == 0,
                    },
                ))
            }
        }
    }
    d
}

fn snapshot(e: &Economy) -> (u64, Vec<Money>, u16) {
    let balances = e
        .clients()
        .iter()
        .map(|c| e.ledger().balance(Account::Client(c.id)))
        .collect();
    (e.ledger().posting_count(), balances, e.turn())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn books_balance_and_trust_stays_in_range(
        banks in 1..4u16, merchants in 1..8u32, clients in 1..40u32, seed in any::<u64>(),
        policy in 0..1_500i32, vat in 0..3_000i32, layer in 0..3u8, caps in any::<bool>(),
        turns in proptest::collection::vec((proptest::collection::vec(a_move(), 0..8), 0..4u8), 1..7),
    ) {
        let mut config = town(TownSpec::new(banks, merchants, clients, seed));
        config.retention.detail_turns = None;
        config.params.policy_rate = Bp(policy);
        config.params.vat = Bp(vat);
        config.params.transparency = [Transparency::Opaque, Transparency::Disclosed, Transparency::Glass][usize::from(layer)];
        if !caps {
            config.params.caps = Default::default();
        }
        let mut economy = Economy::new(config).expect("a generated town is valid");
        for (moves, ghost) in &turns {
            let mut decisions = bot_decisions(&economy, &[]);
            decisions.extend(apply(&economy, moves));
            if *ghost == 0 {
                // A decision for a client who does not exist is refused, and nothing changes.
                let mut bad = decisions.clone();
                let any = bad.clients.first().map(|c| c.1).expect("bots decide for every client");
                bad.clients.push((ClientId(clients), any));
                let before = snapshot(&economy);
                prop_assert!(matches!(economy.step(&bad), Err(SimError::InvalidDecision(_))));
                prop_assert_eq!(snapshot(&economy), before);
            }
            let report = economy.step(&decisions);
            prop_assert!(report.is_ok(), "turn failed: {:?}", report.err());
            prop_assert!(economy.ledger().is_balanced());
            for c in economy.clients() {
                prop_assert!(c.trust.points() <= 1_000);
            }
            for bank in economy.banks() {
                let sheet = economy.balance_sheet(bank.id);
                prop_assert_eq!(sheet.assets(), sheet.liabilities_and_equity());
            }
        }
        // Every balance is the sum of the postings that touched it: no money from nowhere.
        let mut replay = BTreeMap::<Account, i64>::new();
        for p in economy.ledger().postings() {
            prop_assert!(p.amount.is_positive());
            *replay.entry(p.from).or_default() -= p.amount.as_cents();
            *replay.entry(p.to).or_default() += p.amount.as_cents();
        }
        for (account, cents) in replay {
            prop_assert_eq!(economy.ledger().balance(account), Money::cents(cents));
        }
    }

    #[test]
    fn huge_amounts_give_errors_not_panics(income in 0..i64::MAX, budget in 0..i64::MAX, savings in 0..i64::MAX) {
        let mut config = town(TownSpec::new(1, 2, 3, 1));
        for c in &mut config.clients {
            c.income = Money::cents(income);
            c.spending_budget = Money::cents(budget);
            c.opening_savings = Money::cents(savings);
        }
        if let Ok(mut economy) = Economy::new(config) {
            for _ in 0..3 {
                let decisions = bot_decisions(&economy, &[]);
                if economy.step(&decisions).is_err() {
                    prop_assert!(economy.step(&decisions) == Err(SimError::Stopped));
                    break;
                }
                prop_assert!(economy.ledger().is_balanced());
            }
        }
    }
}
