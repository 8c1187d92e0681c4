//! The card value chain and loan pricing against hand-computed examples.
use glassbank::sim::{
    Account, BankId, Bp, CardKind, ClientConfig, ClientId, Decisions, Economy, EconomyConfig,
    External, Good, MerchantConfig, MerchantId, Money, PostingKind, Retention, Strategy, TxnKind,
    euro_area_params, ordinary_bank,
};

/// One bank, one shop selling one good at exactly 100.00 EUR VAT included, one household that
/// buys it once a month by debit card.
fn one_purchase_town() -> EconomyConfig {
    let mut params = euro_area_params();
    params.purchases_per_month = 1;
    params.spending_noise = Bp::ZERO;
    params.scheme_fee = Bp(5);
    let mut bank = ordinary_bank("Glass", Money::euros(1_000_000), Strategy::Fair);
    bank.business.merchant_fees.acquirer_margin = Bp(25);
    EconomyConfig {
        seed: 1,
        params,
        banks: vec![bank],
        merchants: vec![MerchantConfig {
            name: "grocer".into(),
            bank: BankId(0),
            // 62.50 x 1.3333 = 83.33 before VAT; x 1.20 = 100.00 on the shelf.
            goods: vec![Good {
                name: "basket".into(),
                unit_cost: Money::cents(6_250),
            }],
            markup: Bp(3_333),
            accepts_cards: true,
            rent: Money::euros(500),
            opening_balance: Money::euros(1_000),
            pd: Bp(200),
            strategy: Strategy::Fair,
        }],
        clients: vec![ClientConfig {
            bank: BankId(0),
            income: Money::euros(2_000),
            fixed_costs: Money::euros(800),
            spending_budget: Money::euros(100),
            opening_balance: Money::euros(500),
            opening_savings: Money::ZERO,
            card: CardKind::Debit,
            card_share: Bp::FULL,
            trust: 700,
            fee_sensitivity: Bp(5_000),
            pd: Bp(100),
            loan_appetite: Bp::ZERO,
            opening_loan: None,
            opening_mortgage: None,
            home_appetite: Bp::ZERO,
            shops: vec![MerchantId(0)],
            strategy: Strategy::Fair,
        }],
        retention: Retention::default(),
    }
}

#[test]
fn a_100_euro_debit_card_purchase_goes_where_the_hand_computation_says() {
    let mut economy = Economy::new(one_purchase_town()).unwrap();
    assert_eq!(
        economy.merchants()[0].price(&economy.merchants()[0].goods[0], Bp(2_000)),
        Ok(Money::euros(100))
    );
    economy.step(&Decisions::default()).unwrap();
    let purchase = economy
        .ledger()
        .transactions_in(1)
        .iter()
        .find(|t| matches!(t.what, TxnKind::CardPurchase { .. }))
        .expect("the household bought its basket by card");
    let trace = economy.trace(purchase.id).unwrap();
    assert_eq!(trace.total(), Money::euros(100));
    assert_eq!(
        trace.payers,
        vec![(Account::Client(ClientId(0)), Money::euros(100))]
    );
    // VAT: 100 - 100 / 1.2 = 16.67.
    assert_eq!(
        trace.kept_by(Account::External(External::State)),
        Money::cents(1_667)
    );
    assert_eq!(
        trace.kept_by(Account::External(External::Suppliers)),
        Money::cents(6_250)
    );
    // MSC 0.50 = interchange 0.20 (capped 0.2% debit) + scheme fee 0.05 + acquirer margin 0.25;
    // issuer and acquirer are the same bank here, so it keeps 0.45.
    assert_eq!(
        trace.kept_by(Account::External(External::Scheme)),
        Money::cents(5)
    );
    assert_eq!(
        trace.kept_by(Account::BankEquity(BankId(0))),
        Money::cents(45)
    );
    let bank_share = &trace
        .shares
        .iter()
        .find(|s| s.account == Account::BankEquity(BankId(0)))
        .unwrap()
        .received;
    assert_eq!(
        bank_share,
        &vec![
            (PostingKind::Interchange, Money::cents(20)),
            (PostingKind::AcquirerMargin, Money::cents(25))
        ]
    );
    // The merchant keeps the gross margin less the MSC: 100 - 16.67 - 62.50 - 0.50 = 20.33.
    assert_eq!(
        trace.kept_by(Account::Merchant(MerchantId(0))),
        Money::cents(2_033)
    );
    let report = &economy.reports()[0].merchants[0];
    assert_eq!(
        (
            report.sales,
            report.vat,
            report.cost_of_goods,
            report.card_fees()
        ),
        (
            Money::euros(100),
            Money::cents(1_667),
            Money::cents(6_250),
            Money::cents(50)
        )
    );
}

#[test]
fn lifting_the_interchange_cap_moves_money_from_merchant_to_issuer() {
    let mut config = one_purchase_town();
    config.params.caps.interchange_debit = None;
    config.params.interchange_debit = Bp(65);
    let mut economy = Economy::new(config).unwrap();
    economy.step(&Decisions::default()).unwrap();
    let report = &economy.reports()[0].merchants[0];
    assert_eq!(report.interchange, Money::cents(65));
    assert_eq!(report.card_fees(), Money::cents(95));
}

#[test]
fn a_granted_loan_carries_its_rate_decomposition() {
    let mut config = one_purchase_town();
    config.clients[0].loan_appetite = Bp::FULL;
    let mut economy = Economy::new(config).unwrap();
    let decisions = glassbank::sim::bot_decisions(&economy, &[]);
    economy.step(&decisions).unwrap();
    let loan = economy
        .loans()
        .first()
        .expect("a household that always wants a loan got one");
    // Cost of funds 3% + operating cost 1% + expected loss 1% x 65% + capital 12% x (10% - 3%)
    // + margin 0.5% = 3 + 1 + 0.65 + 0.84 + 0.5 = 5.99%.
    let r = loan.rate;
    assert_eq!(
        (
            r.cost_of_funds,
            r.operating_cost,
            r.expected_loss,
            r.cost_of_capital,
            r.margin
        ),
        (Bp(300), Bp(100), Bp(65), Bp(84), Bp(50))
    );
    assert_eq!(r.total(), Bp(599));
}
