//! Generated towns: a calibrated economy of any size, drawn from a seed, for tests, benchmarks
//! and scenarios that describe populations instead of individuals.
use super::config::{
    BankConfig, CardKind, ClientConfig, EconomyConfig, Good, MarketParams, MerchantConfig,
    Strategy, Transparency, TrustRules,
};
use super::decisions::{BusinessDecision, LoanRequest, RetailDecision};
use super::ids::{BankId, MerchantId};
use super::ledger::Retention;
use super::money::{Bp, Money};
use super::pricing::{Caps, FeeSchedule, LendingCosts, LoanPolicy, MerchantFees};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The size and seed of a generated town.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TownSpec {
    pub banks: u16,
    pub merchants: u32,
    pub clients: u32,
    pub seed: u64,
    /// The strategy of every bank seat.
    pub bank_strategy: Strategy,
}

impl TownSpec {
    pub fn new(banks: u16, merchants: u32, clients: u32, seed: u64) -> TownSpec {
        TownSpec {
            banks,
            merchants,
            clients,
            seed,
            bank_strategy: Strategy::Fair,
        }
    }
}

/// Market parameters near the euro area's in 2024: policy rate 3%, VAT 20%, interchange at the
/// EU caps (0.2% debit, 0.3% credit), the French caps on irregular-payment fees.
pub fn euro_area_params() -> MarketParams {
    MarketParams {
        policy_rate: Bp(300),
        vat: Bp(2_000),
        interchange_debit: Bp(20),
        interchange_credit: Bp(30),
        scheme_fee: Bp(5),
        caps: Caps {
            interchange_debit: Some(Bp(20)),
            interchange_credit: Some(Bp(30)),
            irregular_fee_per_payment: Some(Money::euros(8)),
            irregular_fees_per_month: Some(Money::euros(80)),
        },
        transparency: Transparency::Opaque,
        purchases_per_month: 4,
        spending_noise: Bp(2_000),
        trust: TrustRules::default(),
    }
}

/// A bank with ordinary French retail prices and EU-like lending costs.
pub fn ordinary_bank(name: &str, capital: Money, strategy: Strategy) -> BankConfig {
    BankConfig {
        name: name.to_string(),
        capital,
        lending: LendingCosts {
            operating_cost: Bp(100),
            capital_ratio: Bp(1_200),
            hurdle_rate: Bp(1_000),
            loss_given_default: Bp(4_000),
        },
        fixed_costs: Money::euros(2_000),
        cost_per_account: Money::euros(10),
        retail: RetailDecision {
            fees: FeeSchedule {
                account_fee: Money::euros(2),
                debit_card_fee: Money::cents(350),
                credit_card_fee: Money::euros(8),
                irregular_payment_fee: Money::euros(6),
                overdraft_rate: Bp(1_200),
            },
            current_rate: Bp::ZERO,
            savings_rate: Bp(250),
            consumer_loans: LoanPolicy {
                margin: Bp(100),
                max_pd: Bp(600),
                max_months: 60,
            },
            refund_complaints: true,
            disclose: false,
        },
        business: BusinessDecision {
            merchant_fees: MerchantFees {
                acquirer_margin: Bp(30),
                terminal_fee: Money::euros(15),
                account_fee: Money::euros(10),
            },
            business_loans: LoanPolicy {
                margin: Bp(120),
                max_pd: Bp(600),
                max_months: 24,
            },
        },
        retail_strategy: strategy,
        business_strategy: strategy,
    }
}

/// Kinds of shop: (name, mark-up on cost, unit costs of three goods in cents).
const SHOP_KINDS: [(&str, i32, [i64; 3]); 4] = [
    ("grocery", 3_500, [250, 600, 1_400]),
    ("clothing", 15_000, [1_200, 2_500, 4_000]),
    ("household", 9_000, [500, 1_500, 3_000]),
    ("restaurant", 20_000, [400, 900, 1_600]),
];

/// A town of the given size: households with incomes from 1,400 to 4,000 EUR a month, shops of
/// four kinds, and banks with ordinary prices, all drawn from the seed.
pub fn town(spec: TownSpec) -> EconomyConfig {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let params = euro_area_params();
    let banks: Vec<BankConfig> = (0..spec.banks)
        .map(|b| {
            let name = format!("Bank {}", char::from(b'A' + (b % 26) as u8));
            // Capital of about 8% of the deposits the bank will hold.
            let capital =
                Money::euros(2_000 * i64::from(spec.clients) / i64::from(spec.banks.max(1)));
            ordinary_bank(&name, capital, spec.bank_strategy)
        })
        .collect();
    let bank_of = |rng: &mut ChaCha8Rng| BankId(rng.random_range(0..spec.banks.max(1)));

    let mut clients = Vec::with_capacity(spec.clients as usize);
    let mut spending_at = vec![0i64; spec.merchants as usize];
    for _ in 0..spec.clients {
        let income = Money::euros(rng.random_range(1_400..=4_000));
        let fixed_costs = income
            .apply(Bp(rng.random_range(3_500..=4_500)))
            .unwrap_or(Money::ZERO);
        let spending_budget = income
            .apply(Bp(rng.random_range(4_000..=5_000)))
            .unwrap_or(Money::ZERO);
        let shops: Vec<MerchantId> = if spec.merchants == 0 {
            Vec::new()
        } else {
            (0..3)
                .map(|_| MerchantId(rng.random_range(0..spec.merchants)))
                .collect()
        };
        for s in &shops {
            spending_at[s.index()] += spending_budget.as_cents() / 3;
        }
        let pd = Bp(rng.random_range(50..=400));
        let borrowing = rng.random_range(0..100) < 60;
        let strategy = match rng.random_range(0..10) {
            0..=5 => Strategy::Fair,
            6 => Strategy::Greedy,
            7 | 8 => Strategy::Cautious,
            _ => Strategy::Random,
        };
        clients.push(ClientConfig {
            bank: bank_of(&mut rng),
            income,
            fixed_costs,
            spending_budget,
            opening_balance: income,
            opening_savings: income
                .checked_mul(rng.random_range(1..=6))
                .unwrap_or(Money::ZERO),
            card: if rng.random_range(0..100) < 15 {
                CardKind::Credit
            } else {
                CardKind::Debit
            },
            card_share: Bp(rng.random_range(5_000..=9_500)),
            trust: rng.random_range(500..=800),
            fee_sensitivity: Bp(rng.random_range(2_000..=10_000)),
            pd,
            loan_appetite: Bp(250),
            opening_loan: borrowing.then(|| LoanRequest {
                amount: income
                    .checked_mul(rng.random_range(4..=12))
                    .unwrap_or(Money::ZERO),
                months: rng.random_range(12..=60),
            }),
            shops,
            strategy,
        });
    }

    let merchants = (0..spec.merchants)
        .map(|m| {
            let (kind, markup, costs) = SHOP_KINDS[m as usize % SHOP_KINDS.len()];
            // Rent and staff take most of the expected gross margin, as in real retail.
            let sales = spending_at[m as usize];
            let gross = sales * 10_000 / (10_000 + 2_000) * i64::from(markup)
                / (10_000 + i64::from(markup));
            MerchantConfig {
                name: format!("{kind} {}", m + 1),
                bank: bank_of(&mut rng),
                goods: costs
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| Good {
                        name: format!("{kind} item {}", i + 1),
                        unit_cost: Money::cents(c),
                    })
                    .collect(),
                markup: Bp(markup),
                accepts_cards: true,
                rent: Money::cents(gross * 85 / 100),
                opening_balance: Money::cents(sales / 2),
                pd: Bp(rng.random_range(100..=500)),
                strategy: match m % 4 {
                    0 | 1 => Strategy::Fair,
                    2 => Strategy::Cautious,
                    _ => Strategy::Greedy,
                },
            }
        })
        .collect();

    EconomyConfig {
        seed: spec.seed,
        params,
        banks,
        merchants,
        clients,
        retention: Retention {
            detail_turns: Some(12),
            watched: Vec::new(),
        },
    }
}
