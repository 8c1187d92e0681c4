//! Populations drawn from distributions, and generated towns: a calibrated economy of any size,
//! drawn from a seed, for tests, benchmarks and scenarios that describe populations.
use super::config::{
    BankConfig, CardKind, ClientConfig, EconomyConfig, Good, MarketParams, MerchantConfig,
    OpeningMortgage, Strategy, Transparency, TrustRules,
};
use super::decisions::{BusinessDecision, LoanRequest, RetailDecision};
use super::ids::{BankId, MerchantId};
use super::ledger::Retention;
use super::money::{Bp, Money};
use super::pricing::{Caps, FeeSchedule, LendingCosts, LoanPolicy, MerchantFees};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

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
            // France's €4 and €20 for fragile clients: a scenario sets them.
            fragile_fee_per_payment: None,
            fragile_fees_per_month: None,
        },
        transparency: Transparency::Opaque,
        purchases_per_month: 4,
        spending_noise: Bp(2_000),
        trust: TrustRules::default(),
        reserves: super::config::ReserveRules::default(),
        mortgages: super::mortgage::MortgageRules::default(),
        capital: super::capital::CapitalRules::default(),
        // A flat funding curve; the euro area's was inverted in 2024, ten-year swaps about
        // 2.5-3% against an overnight rate of 3-3.9%. A scenario sets a slope.
        term_premium: Bp::ZERO,
    }
}

impl Default for RetailDecision {
    /// The ordinary bank's.
    fn default() -> Self {
        ordinary_bank("", Money::ZERO, Strategy::Fair).retail
    }
}

impl Default for BusinessDecision {
    /// The ordinary bank's.
    fn default() -> Self {
        ordinary_bank("", Money::ZERO, Strategy::Fair).business
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
            loss_given_default: Bp(6_500),
        },
        fixed_costs: Money::euros(1_800),
        cost_per_account: Money::euros(7),
        retail: RetailDecision {
            fees: FeeSchedule {
                account_fee: Money::euros(2),
                debit_card_fee: Money::cents(350),
                credit_card_fee: Money::euros(8),
                irregular_payment_fee: Money::euros(6),
                overdraft_rate: Bp(1_200),
            },
            current_rate: Bp::ZERO,
            savings_rate: Bp(275),
            consumer_loans: LoanPolicy {
                margin: Bp(50),
                max_pd: Bp(600),
                max_months: 60,
            },
            mortgages: LoanPolicy::ordinary_mortgages(),
            card_credit_rate: Bp::ZERO,
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

/// A range to draw from, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span<T> {
    pub min: T,
    pub max: T,
}

impl<T> Span<T> {
    pub const fn new(min: T, max: T) -> Span<T> {
        Span { min, max }
    }
}

fn draw_i64(rng: &mut ChaCha8Rng, min: i64, max: i64) -> i64 {
    if max <= min {
        min
    } else {
        rng.random_range(min..=max)
    }
}

impl Span<Money> {
    fn draw(&self, rng: &mut ChaCha8Rng) -> Money {
        Money::cents(draw_i64(rng, self.min.as_cents(), self.max.as_cents()))
    }
}

impl Span<Bp> {
    fn draw(&self, rng: &mut ChaCha8Rng) -> Bp {
        Bp(draw_i64(rng, self.min.0.into(), self.max.0.into()) as i32)
    }
}

impl Span<u16> {
    fn draw(&self, rng: &mut ChaCha8Rng) -> u16 {
        draw_i64(rng, self.min.into(), self.max.into()) as u16
    }
}

/// How many in ten (or any total) of a population play each strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyMix {
    pub fair: u16,
    pub greedy: u16,
    pub cautious: u16,
    pub random: u16,
}

impl StrategyMix {
    fn draw(&self, rng: &mut ChaCha8Rng) -> Strategy {
        let weights = [self.fair, self.greedy, self.cautious, self.random];
        let total: u32 = weights.iter().map(|&w| u32::from(w)).sum();
        if total == 0 {
            return Strategy::Fair;
        }
        let mut pick = rng.random_range(0..total);
        for (w, s) in weights.into_iter().zip(Strategy::ALL) {
            if pick < u32::from(w) {
                return s;
            }
            pick -= u32::from(w);
        }
        Strategy::Fair
    }
}

/// Households drawn from distributions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientPopulation {
    pub count: u32,
    /// The banks they may be with, evenly; empty: any bank.
    pub banks: Vec<BankId>,
    /// Monthly net salary.
    pub income: Span<Money>,
    /// Housing and utilities, as a share of income.
    pub fixed_costs: Span<Bp>,
    /// Monthly shopping budget, as a share of income.
    pub spending: Span<Bp>,
    /// Savings at the start, in months of income.
    pub savings_months: Span<u16>,
    /// Share of households with a credit card rather than a debit card.
    pub credit_cards: Bp,
    /// Share of purchases paid by card where cards are taken.
    pub card_share: Span<Bp>,
    /// Trust in their bank at the start, 0 to 1,000.
    pub trust: Span<u16>,
    pub fee_sensitivity: Span<Bp>,
    /// Yearly probability of default.
    pub pd: Span<Bp>,
    /// Monthly chance of wanting a consumer loan.
    pub loan_appetite: Bp,
    /// Share of households already repaying a loan at the start.
    pub borrowers: Bp,
    /// Size of that loan, in months of income.
    pub loan_size_months: Span<u16>,
    /// Its remaining term in months.
    pub loan_months: Span<u16>,
    /// How many shops each household visits, drawn from all the town's shops.
    pub shops_each: u8,
    pub strategies: StrategyMix,
    pub home_loans: HomeLoans,
}

/// Households repaying a loan on their home when the game starts. Drawn from a generator of
/// their own, so that a change here leaves every other draw of the population as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeLoans {
    /// Share of households repaying one.
    pub share: Bp,
    /// What is still owed, in months of income.
    pub size_months: Span<u16>,
    /// The months left to repay it.
    pub months: Span<u16>,
    /// What is owed against the home's value when the loan was written (loan to value).
    pub loan_to_value: Span<Bp>,
    /// The yearly rates the fixed-rate loans were written at, over the years.
    pub fixed_rate: Span<Bp>,
    /// Share of loans at a variable rate, and their spread over the policy rate.
    pub variable: Bp,
    pub variable_spread: Span<Bp>,
    /// Each household's monthly chance of wanting to buy a home while it has none.
    pub appetite: Bp,
}

impl Default for HomeLoans {
    /// About a third of French households repay a home loan (INSEE); those loans are mostly
    /// fixed-rate (about 95%, Banque de France), written at 1-4.5% over the last decade.
    fn default() -> Self {
        HomeLoans {
            share: Bp(3_000),
            size_months: Span::new(18, 42),
            months: Span::new(60, 240),
            loan_to_value: Span::new(Bp(5_000), Bp(9_000)),
            fixed_rate: Span::new(Bp(150), Bp(350)),
            variable: Bp(1_000),
            variable_spread: Span::new(Bp(100), Bp(200)),
            appetite: Bp(100),
        }
    }
}

impl HomeLoans {
    /// A household's home loan, if it has one, its instalment no more than 35% of the income;
    /// what it pays on it comes out of its housing costs (it pays the bank instead of a
    /// landlord), which keep at least a tenth of its income for utilities. `quota` counts the share at the household's bank, so that every bank
    /// holds its share of the town's home loans, give or take one.
    fn draw(
        &self,
        rng: &mut ChaCha8Rng,
        quota: &mut i32,
        policy_rate: Bp,
        income: Money,
        fixed_costs: &mut Money,
    ) -> Option<OpeningMortgage> {
        *quota += self.share.0;
        let has = *quota >= 10_000;
        if has {
            *quota -= 10_000;
        }
        let size = self.size_months.draw(rng);
        let months = self.months.draw(rng).max(1);
        let ltv = self.loan_to_value.draw(rng).0.max(1);
        let variable = rng.random_range(0..10_000) < self.variable.0;
        let rate = if variable {
            self.variable_spread.draw(rng)
        } else {
            self.fixed_rate.draw(rng)
        };
        if !has || size == 0 {
            return None;
        }
        let drawn = income.checked_mul(size.into()).ok()?;
        let written = if variable {
            policy_rate.saturating_add(rate)
        } else {
            rate
        };
        // The loan met the French 35% rule when it was written: what is owed now is no more
        // than an instalment of 35% of the income repays over the months left (the instalment
        // is in proportion to what is owed).
        let most = income.apply(Bp(3_500)).ok()?;
        let (principal, interest) = super::mortgage::annuity(drawn, months, written).ok()?;
        let instalment = principal.saturating_add(interest);
        let outstanding = if instalment > most && instalment.is_positive() {
            drawn.ratio(most.as_cents(), instalment.as_cents()).ok()?
        } else {
            drawn
        };
        if !outstanding.is_positive() {
            return None;
        }
        let home_value = outstanding.ratio(10_000, ltv.into()).ok()?;
        let (principal, interest) = super::mortgage::annuity(outstanding, months, written).ok()?;
        let utilities = income.apply(Bp(1_000)).unwrap_or(Money::ZERO);
        *fixed_costs = fixed_costs
            .saturating_sub(principal.saturating_add(interest))
            .max(utilities.min(*fixed_costs));
        Some(OpeningMortgage {
            outstanding,
            months,
            home_value,
            rate,
            variable,
        })
    }
}

impl Default for ClientPopulation {
    /// Households with incomes from 1,400 to 4,000 EUR a month, two in five repaying a loan.
    fn default() -> Self {
        ClientPopulation {
            count: 300,
            banks: Vec::new(),
            income: Span::new(Money::euros(1_400), Money::euros(4_000)),
            fixed_costs: Span::new(Bp(3_500), Bp(4_500)),
            spending: Span::new(Bp(4_000), Bp(5_000)),
            savings_months: Span::new(2, 10),
            credit_cards: Bp(1_500),
            card_share: Span::new(Bp(5_000), Bp(9_500)),
            trust: Span::new(500, 800),
            fee_sensitivity: Span::new(Bp(2_000), Bp(10_000)),
            pd: Span::new(Bp(30), Bp(250)),
            loan_appetite: Bp(250),
            borrowers: Bp(4_000),
            loan_size_months: Span::new(4, 12),
            loan_months: Span::new(12, 60),
            shops_each: 3,
            strategies: StrategyMix {
                fair: 6,
                greedy: 1,
                cautious: 2,
                random: 1,
            },
            home_loans: HomeLoans::default(),
        }
    }
}

/// The kinds of shop a generated town has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShopKind {
    Grocery,
    Clothing,
    Household,
    Restaurant,
}

impl ShopKind {
    pub const ALL: [ShopKind; 4] = [
        ShopKind::Grocery,
        ShopKind::Clothing,
        ShopKind::Household,
        ShopKind::Restaurant,
    ];

    /// (name, mark-up on cost, unit costs of three goods in cents).
    fn shape(self) -> (&'static str, i32, [i64; 3]) {
        match self {
            ShopKind::Grocery => ("grocery", 3_500, [250, 600, 1_400]),
            ShopKind::Clothing => ("clothing", 15_000, [1_200, 2_500, 4_000]),
            ShopKind::Household => ("household", 9_000, [500, 1_500, 3_000]),
            ShopKind::Restaurant => ("restaurant", 20_000, [400, 900, 1_600]),
        }
    }
}

/// Shops drawn from distributions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantPopulation {
    pub count: u32,
    /// The banks they may be with, evenly; empty: any bank.
    pub banks: Vec<BankId>,
    /// The kinds of shop, taken in turn.
    pub kinds: Vec<ShopKind>,
    /// Rent and staff, as a share of the gross margin the shop can expect.
    pub rent_share: Bp,
    /// Share of the shops that take cards.
    pub accepting_cards: Bp,
    /// Yearly probability of default.
    pub pd: Span<Bp>,
    pub strategies: StrategyMix,
}

impl Default for MerchantPopulation {
    /// Twenty shops of four kinds whose rent and staff take 85% of their expected gross margin.
    fn default() -> Self {
        MerchantPopulation {
            count: 20,
            banks: Vec::new(),
            kinds: ShopKind::ALL.to_vec(),
            rent_share: Bp(8_500),
            accepting_cards: Bp::FULL,
            pd: Span::new(Bp(100), Bp(500)),
            strategies: StrategyMix {
                fair: 2,
                greedy: 1,
                cautious: 1,
                random: 0,
            },
        }
    }
}

fn pick_bank(rng: &mut ChaCha8Rng, among: &[BankId], banks: usize) -> BankId {
    if among.is_empty() {
        BankId(rng.random_range(0..banks.max(1) as u32) as u16)
    } else {
        among[rng.random_range(0..among.len() as u32) as usize]
    }
}

/// Mixed into the seed of the generator that draws home loans.
const HOME_LOANS_STREAM: u64 = 0x686f_6d65_6c6f_616e;

/// The actors of a town: named ones first, then the populations drawn from `seed`. Households
/// of a population visit shops drawn among all the merchants; a generated shop's rent follows
/// from what its households mean to spend there, net of the market's VAT; a variable-rate home
/// loan's first instalment is at the market's policy rate.
pub fn populate(
    seed: u64,
    banks: usize,
    market: &MarketParams,
    mut merchants: Vec<MerchantConfig>,
    merchant_populations: &[MerchantPopulation],
    mut clients: Vec<ClientConfig>,
    client_populations: &[ClientPopulation],
) -> (Vec<MerchantConfig>, Vec<ClientConfig>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut homes = ChaCha8Rng::seed_from_u64(seed ^ HOME_LOANS_STREAM);
    // Each bank's count starts at a random point, so that the first households of a bank are
    // not always the ones without a home loan.
    let mut quotas: Vec<i32> = (0..banks).map(|_| homes.random_range(0..10_000)).collect();
    let named_merchants = merchants.len();
    let all_merchants = named_merchants
        + merchant_populations
            .iter()
            .map(|p| p.count as usize)
            .sum::<usize>();
    for pop in client_populations {
        for _ in 0..pop.count {
            let mut client = draw_client(&mut rng, pop, banks, all_merchants);
            client.home_appetite = pop.home_loans.appetite;
            let quota = quotas.get_mut(client.bank.index());
            let mut none = 0;
            client.opening_mortgage = pop.home_loans.draw(
                &mut homes,
                quota.unwrap_or(&mut none),
                market.policy_rate,
                client.income,
                &mut client.fixed_costs,
            );
            clients.push(client);
        }
    }
    let mut spending_at = vec![0i64; all_merchants];
    for c in &clients {
        let share = c.spending_budget.as_cents() / c.shops.len().max(1) as i64;
        for s in &c.shops {
            if let Some(total) = spending_at.get_mut(s.index()) {
                *total = total.saturating_add(share);
            }
        }
    }
    for pop in merchant_populations {
        for n in 0..pop.count {
            let m = merchants.len();
            merchants.push(draw_merchant(
                &mut rng,
                pop,
                n,
                spending_at[m],
                banks,
                market.vat,
            ));
        }
    }
    (merchants, clients)
}

fn draw_client(
    rng: &mut ChaCha8Rng,
    pop: &ClientPopulation,
    banks: usize,
    merchants: usize,
) -> ClientConfig {
    let income = pop.income.draw(rng);
    let fixed_costs = income
        .apply(pop.fixed_costs.draw(rng))
        .unwrap_or(Money::ZERO);
    let spending_budget = income.apply(pop.spending.draw(rng)).unwrap_or(Money::ZERO);
    let shops: Vec<MerchantId> = if merchants == 0 {
        Vec::new()
    } else {
        (0..pop.shops_each)
            .map(|_| MerchantId(rng.random_range(0..merchants as u32)))
            .collect()
    };
    let pd = pop.pd.draw(rng);
    let borrowing = rng.random_range(0..10_000) < pop.borrowers.0;
    let strategy = pop.strategies.draw(rng);
    let bank = pick_bank(rng, &pop.banks, banks);
    let opening_savings = income
        .checked_mul(pop.savings_months.draw(rng).into())
        .unwrap_or(Money::ZERO);
    let card = if rng.random_range(0..10_000) < pop.credit_cards.0 {
        CardKind::Credit
    } else {
        CardKind::Debit
    };
    let card_share = pop.card_share.draw(rng);
    let trust = pop.trust.draw(rng);
    let fee_sensitivity = pop.fee_sensitivity.draw(rng);
    let loan_size = pop.loan_size_months.draw(rng);
    let loan_months = pop.loan_months.draw(rng).max(1);
    ClientConfig {
        bank,
        income,
        fixed_costs,
        spending_budget,
        opening_balance: income,
        opening_savings,
        card,
        card_share,
        trust,
        fee_sensitivity,
        pd,
        loan_appetite: pop.loan_appetite,
        opening_loan: (borrowing && loan_size > 0).then(|| LoanRequest {
            amount: income.checked_mul(loan_size.into()).unwrap_or(Money::ZERO),
            months: loan_months,
        }),
        opening_mortgage: None,
        home_appetite: Bp::ZERO,
        shops,
        strategy,
    }
}

fn draw_merchant(
    rng: &mut ChaCha8Rng,
    pop: &MerchantPopulation,
    n: u32,
    sales: i64,
    banks: usize,
    vat: Bp,
) -> MerchantConfig {
    let kinds = if pop.kinds.is_empty() {
        &ShopKind::ALL[..]
    } else {
        &pop.kinds[..]
    };
    let (kind, markup, costs) = kinds[n as usize % kinds.len()].shape();
    // The gross margin on expected sales, net of VAT.
    let net_of_vat = sales.saturating_mul(10_000) / (10_000 + i64::from(vat.0.max(0)));
    let gross = net_of_vat.saturating_mul(i64::from(markup)) / (10_000 + i64::from(markup));
    let bank = pick_bank(rng, &pop.banks, banks);
    let pd = pop.pd.draw(rng);
    let accepts_cards = rng.random_range(0..10_000) < pop.accepting_cards.0;
    let strategy = pop.strategies.draw(rng);
    MerchantConfig {
        name: format!("{kind} {}", n + 1),
        bank,
        goods: costs
            .iter()
            .enumerate()
            .map(|(i, &c)| Good {
                name: format!("{kind} item {}", i + 1),
                unit_cost: Money::cents(c),
            })
            .collect(),
        markup: Bp(markup),
        accepts_cards,
        rent: Money::cents(gross)
            .apply(pop.rent_share)
            .unwrap_or(Money::ZERO),
        opening_balance: Money::cents(sales / 2),
        pd,
        strategy,
    }
}

/// A town of the given size: the default populations, and banks with ordinary prices, all
/// drawn from the seed.
pub fn town(spec: TownSpec) -> EconomyConfig {
    let banks: Vec<BankConfig> = (0..spec.banks)
        .map(|b| {
            let name = format!("Bank {}", char::from(b'A' + (b % 26) as u8));
            // Capital of about 16% of the risk-weighted assets the bank will hold.
            let capital =
                Money::euros(2_500 * i64::from(spec.clients) / i64::from(spec.banks.max(1)));
            ordinary_bank(&name, capital, spec.bank_strategy)
        })
        .collect();
    let params = euro_area_params();
    let (merchants, clients) = populate(
        spec.seed,
        banks.len(),
        &params,
        Vec::new(),
        &[MerchantPopulation {
            count: spec.merchants,
            ..MerchantPopulation::default()
        }],
        Vec::new(),
        &[ClientPopulation {
            count: spec.clients,
            ..ClientPopulation::default()
        }],
    );
    EconomyConfig {
        seed: spec.seed,
        params,
        banks,
        merchants,
        clients,
        retention: Retention::last_year(),
    }
}
