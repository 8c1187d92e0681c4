//! The serde types of a scenario file: what a scenario author writes, in euros, basis points and
//! string ids. Every field an author may leave out has the default documented in
//! docs/scenario-format.md, read from the simulation's own defaults.
use crate::sim::{
    self, Bp, ClientPopulation, MerchantPopulation, Money, Role, ShopKind, Strategy, Transparency,
};
use serde::{Deserialize, Serialize};

/// A text in both languages of the game.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "text", deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

impl Text {
    /// The text in a language ("fr" or anything else for English).
    pub fn get(&self, language: &str) -> &str {
        if language == "fr" { &self.fr } else { &self.en }
    }
}

/// An amount in euros, written as a number (`1500`, `3.50`); rounded to the cent on loading.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Euros(pub f64);

impl std::fmt::Display for Euros {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Euros {
    /// The largest amount a scenario may write: a thousand billion euros.
    pub const LIMIT: f64 = 1e12;

    pub fn of(money: Money) -> Euros {
        Euros(money.as_cents() as f64 / 100.0)
    }

    /// The amount in cents, if it is a number of sensible size.
    pub fn money(self) -> Option<Money> {
        (self.0.is_finite() && self.0.abs() <= Self::LIMIT)
            .then(|| Money::cents((self.0 * 100.0).round() as i64))
    }
}

/// A range to draw from, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "range", deny_unknown_fields)]
pub struct Range<T> {
    pub min: T,
    pub max: T,
}

impl<T: Copy> Range<T> {
    fn of<S: Copy>(span: sim::Span<S>, f: impl Fn(S) -> T) -> Range<T> {
        Range {
            min: f(span.min),
            max: f(span.max),
        }
    }
}

/// The whole scenario file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "scenario", deny_unknown_fields)]
pub struct ScenarioFile {
    /// A short identifier, e.g. "one_town".
    pub id: String,
    pub title: Text,
    pub description: Text,
    /// What players should understand by the end.
    #[serde(default)]
    pub objectives: Vec<Text>,
    /// Number of months played.
    pub turns: u16,
    /// The seed of every random draw of a game.
    pub seed: u64,
    /// The seed the populations are drawn from; `seed` if left out. Set it to change the run's
    /// draws in the file (`seed`) while keeping the same town. (`simulate --seed` and `--seeds`
    /// always keep the file's town.)
    #[serde(default)]
    pub population_seed: Option<u64>,
    #[serde(default)]
    pub market: MarketSpec,
    #[serde(default)]
    pub transparency: Transparency,
    pub banks: Vec<BankSpec>,
    #[serde(default)]
    pub merchants: Vec<MerchantSpec>,
    #[serde(default)]
    pub merchant_populations: Vec<MerchantPopulationSpec>,
    #[serde(default)]
    pub clients: Vec<ClientSpec>,
    #[serde(default)]
    pub client_populations: Vec<ClientPopulationSpec>,
    /// The seats humans may take; every other seat is played by its actor's bot strategy.
    /// Empty: both banker seats of every bank and every named merchant and client.
    #[serde(default)]
    pub human_seats: Vec<SeatSpec>,
    #[serde(default)]
    pub events: Vec<EventSpec>,
    #[serde(default)]
    pub facilitator_notes: Vec<NoteSpec>,
    /// Questions to discuss together at the debrief, before the questionnaire.
    #[serde(default)]
    pub discussion: Vec<Text>,
    #[serde(default)]
    pub debrief: Vec<QuestionSpec>,
    /// A short quiz on what the scenario teaches, asked before the first month and again after
    /// the debrief: what the class learnt, measured.
    #[serde(default)]
    pub quiz: Vec<QuizSpec>,
    /// What the scenario teaches, stated as checks: a metric, two variants of the scenario and
    /// the direction the metric should move from the first to the second, over many seeds.
    #[serde(default)]
    pub lessons: Vec<LessonSpec>,
}

/// Market-wide parameters at the start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "market", default, deny_unknown_fields)]
pub struct MarketSpec {
    pub policy_rate_bp: i32,
    pub vat_bp: i32,
    /// The interchange the card scheme sets, before any cap.
    pub interchange_debit_bp: i32,
    pub interchange_credit_bp: i32,
    pub scheme_fee_bp: i32,
    /// The regulator's caps at the start; `None` for no cap.
    pub interchange_cap_debit_bp: Option<i32>,
    pub interchange_cap_credit_bp: Option<i32>,
    pub irregular_fee_cap_per_payment: Option<Euros>,
    pub irregular_fee_cap_per_month: Option<Euros>,
    /// Lower caps for financially fragile clients; `None` for none.
    pub fragile_fee_cap_per_payment: Option<Euros>,
    pub fragile_fee_cap_per_month: Option<Euros>,
    pub purchases_per_month: u8,
    pub spending_noise_bp: i32,
    pub trust: TrustSpec,
    /// The minimum reserves, as a share of deposits and savings.
    pub minimum_reserves_bp: i32,
    /// Whether the minimum reserves earn the policy rate.
    pub minimum_reserves_paid: bool,
    /// What a bank short of reserves pays above the policy rate.
    pub lending_facility_spread_bp: i32,
    /// The CET1 ratio under which a bank may not lend more.
    pub cet1_requirement_bp: i32,
    /// The tax on banks' profits.
    pub profit_tax_bp: i32,
    /// The share of a year's profit banks pay their shareholders.
    pub dividend_payout_bp: i32,
    /// The risk weight of home loans.
    pub mortgage_weight_bp: i32,
    /// What a forced sale of a home fetches below its value.
    pub forced_sale_discount_bp: i32,
    /// What money lent for ten years costs above the policy rate (the funding curve's slope).
    pub term_premium_bp: i32,
}

impl Default for MarketSpec {
    fn default() -> Self {
        let p = sim::euro_area_params();
        MarketSpec {
            policy_rate_bp: p.policy_rate.0,
            vat_bp: p.vat.0,
            interchange_debit_bp: p.interchange_debit.0,
            interchange_credit_bp: p.interchange_credit.0,
            scheme_fee_bp: p.scheme_fee.0,
            interchange_cap_debit_bp: p.caps.interchange_debit.map(|b| b.0),
            interchange_cap_credit_bp: p.caps.interchange_credit.map(|b| b.0),
            irregular_fee_cap_per_payment: p.caps.irregular_fee_per_payment.map(Euros::of),
            irregular_fee_cap_per_month: p.caps.irregular_fees_per_month.map(Euros::of),
            fragile_fee_cap_per_payment: p.caps.fragile_fee_per_payment.map(Euros::of),
            fragile_fee_cap_per_month: p.caps.fragile_fees_per_month.map(Euros::of),
            purchases_per_month: p.purchases_per_month,
            spending_noise_bp: p.spending_noise.0,
            trust: TrustSpec::default(),
            minimum_reserves_bp: p.reserves.minimum.0,
            minimum_reserves_paid: p.reserves.minimum_paid,
            lending_facility_spread_bp: p.reserves.lending_spread.0,
            cet1_requirement_bp: p.capital.requirement.0,
            profit_tax_bp: p.capital.profit_tax.0,
            dividend_payout_bp: p.capital.dividend_payout.0,
            mortgage_weight_bp: p.capital.mortgage_weight.0,
            forced_sale_discount_bp: p.mortgages.forced_sale_discount.0,
            term_premium_bp: p.term_premium.0,
        }
    }
}

/// How trust moves, in points out of 1,000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "trust", default, deny_unknown_fields)]
pub struct TrustSpec {
    pub surprise_penalty: u16,
    pub refused_complaint_penalty: u16,
    pub handled_complaint_bonus: u16,
    pub fair_month_bonus: u16,
}

impl Default for TrustSpec {
    fn default() -> Self {
        let t = sim::TrustRules::default();
        TrustSpec {
            surprise_penalty: t.surprise_penalty,
            refused_complaint_penalty: t.refused_complaint_penalty,
            handled_complaint_bonus: t.handled_complaint_bonus,
            fair_month_bonus: t.fair_month_bonus,
        }
    }
}

/// A bank, its costs and its products.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "bank", deny_unknown_fields)]
pub struct BankSpec {
    /// How merchants, clients and seats refer to this bank.
    pub id: String,
    pub name: String,
    /// Opening equity.
    pub capital: Euros,
    #[serde(default)]
    pub retail_strategy: Strategy,
    #[serde(default)]
    pub business_strategy: Strategy,
    /// Monthly running costs, whatever the activity.
    #[serde(default = "BankSpec::default_fixed_costs")]
    pub fixed_costs: Euros,
    /// Monthly running cost per client or merchant account.
    #[serde(default = "BankSpec::default_cost_per_account")]
    pub cost_per_account: Euros,
    #[serde(default)]
    pub lending: LendingSpec,
    /// Products not listed keep ordinary prices.
    #[serde(default)]
    pub products: Vec<ProductSpec>,
    /// Whether complaints about fees are refunded at the start.
    #[serde(default = "yes")]
    pub refund_complaints: bool,
    /// Whether the whole fee schedule is published whatever the transparency layer.
    #[serde(default)]
    pub disclose: bool,
}

fn yes() -> bool {
    true
}

/// The bank every product left out of a scenario is priced like.
pub fn ordinary() -> sim::BankConfig {
    sim::ordinary_bank("", Money::ZERO, Strategy::Fair)
}

impl BankSpec {
    fn default_fixed_costs() -> Euros {
        Euros::of(ordinary().fixed_costs)
    }

    fn default_cost_per_account() -> Euros {
        Euros::of(ordinary().cost_per_account)
    }
}

/// What lending costs a bank, which every loan rate includes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "lending", default, deny_unknown_fields)]
pub struct LendingSpec {
    pub operating_cost_bp: i32,
    pub capital_ratio_bp: i32,
    pub hurdle_rate_bp: i32,
    pub loss_given_default_bp: i32,
}

impl Default for LendingSpec {
    fn default() -> Self {
        let l = ordinary().lending;
        LendingSpec {
            operating_cost_bp: l.operating_cost.0,
            capital_ratio_bp: l.capital_ratio.0,
            hurdle_rate_bp: l.hurdle_rate.0,
            loss_given_default_bp: l.loss_given_default.0,
        }
    }
}

/// A product a bank sells, with its pricing rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "product", rename_all = "snake_case")]
pub enum ProductSpec {
    CurrentAccount(CurrentAccountSpec),
    Savings(SavingsSpec),
    DebitCard(CardSpec),
    CreditCard(CardSpec),
    RevolvingCredit(RevolvingCreditSpec),
    ConsumerLoan(LoanSpec),
    Mortgage(LoanSpec),
    BusinessLoan(LoanSpec),
    Acquiring(AcquiringSpec),
    BusinessAccount(BusinessAccountSpec),
}

impl ProductSpec {
    /// The name authors write, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            ProductSpec::CurrentAccount(_) => "current_account",
            ProductSpec::Savings(_) => "savings",
            ProductSpec::DebitCard(_) => "debit_card",
            ProductSpec::CreditCard(_) => "credit_card",
            ProductSpec::RevolvingCredit(_) => "revolving_credit",
            ProductSpec::ConsumerLoan(_) => "consumer_loan",
            ProductSpec::Mortgage(_) => "mortgage",
            ProductSpec::BusinessLoan(_) => "business_loan",
            ProductSpec::Acquiring(_) => "acquiring",
            ProductSpec::BusinessAccount(_) => "business_account",
        }
    }
}

/// Every field left out keeps the ordinary bank's price (see docs/scenario-format.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "current_account", default, deny_unknown_fields)]
pub struct CurrentAccountSpec {
    /// Monthly account fee.
    pub fee: Option<Euros>,
    /// Yearly interest on positive balances.
    pub rate_bp: Option<i32>,
    /// Yearly interest on overdrafts.
    pub overdraft_rate_bp: Option<i32>,
    /// Charged for each payment made without enough money (capped by regulation).
    pub irregular_payment_fee: Option<Euros>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "savings", default, deny_unknown_fields)]
pub struct SavingsSpec {
    /// Yearly interest.
    pub rate_bp: Option<i32>,
}

/// A card: its monthly fee (a debit or credit card by the variant).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "card", default, deny_unknown_fields)]
pub struct CardSpec {
    pub fee: Option<Euros>,
}

/// Revolving credit on the bank's credit cards, at a yearly rate (none if left out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "revolving_credit", default, deny_unknown_fields)]
pub struct RevolvingCreditSpec {
    pub rate_bp: Option<i32>,
}

/// A loan product: its rate is funding + operating cost + expected loss + cost of capital +
/// the margin chosen here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "loan", default, deny_unknown_fields)]
pub struct LoanSpec {
    pub rate: Option<RateSpec>,
    /// Applications from borrowers with a higher yearly probability of default are refused.
    pub max_pd_bp: Option<i32>,
    /// The longest term offered, in months.
    pub max_months: Option<u16>,
}

/// The part of a loan rate the bank chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "rate", deny_unknown_fields)]
pub struct RateSpec {
    pub margin_bp: i32,
}

/// Card acceptance for merchants: the acquirer's margin on top of interchange and scheme fee.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "acquiring", default, deny_unknown_fields)]
pub struct AcquiringSpec {
    pub margin_bp: Option<i32>,
    /// Monthly rent of the card terminal.
    pub terminal_fee: Option<Euros>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "business_account", default, deny_unknown_fields)]
pub struct BusinessAccountSpec {
    /// Monthly account fee.
    pub fee: Option<Euros>,
}

/// A good a merchant sells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "good", deny_unknown_fields)]
pub struct GoodSpec {
    pub name: String,
    /// Paid to the supplier for each unit sold, excluding VAT.
    pub unit_cost: Euros,
}

/// A named shop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "merchant", deny_unknown_fields)]
pub struct MerchantSpec {
    pub id: String,
    pub name: String,
    /// The id of its bank.
    pub bank: String,
    pub goods: Vec<GoodSpec>,
    /// Mark-up on unit cost, before VAT.
    pub markup_bp: i32,
    #[serde(default = "yes")]
    pub accepts_cards: bool,
    /// Monthly rent and staff.
    pub rent: Euros,
    #[serde(default)]
    pub opening_balance: Euros,
    /// Yearly probability of default.
    #[serde(default = "MerchantSpec::default_pd")]
    pub pd_bp: i32,
    #[serde(default)]
    pub strategy: Strategy,
}

impl MerchantSpec {
    fn default_pd() -> i32 {
        300
    }
}

/// A loan running at the start.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "opening_loan", deny_unknown_fields)]
pub struct OpeningLoanSpec {
    pub amount: Euros,
    pub months: u16,
}

/// A home loan running at the start.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "opening_mortgage", deny_unknown_fields)]
pub struct OpeningMortgageSpec {
    /// What is still owed.
    pub outstanding: Euros,
    /// The months left to repay it.
    pub months: u16,
    /// The home's value when the loan was written.
    pub home_value: Euros,
    /// The yearly rate it was written at if fixed, the spread over the policy rate if variable.
    pub rate_bp: i32,
    #[serde(default)]
    pub variable: bool,
}

/// A named household.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "client", deny_unknown_fields)]
pub struct ClientSpec {
    pub id: String,
    /// The id of their bank.
    pub bank: String,
    /// Monthly net salary.
    pub income: Euros,
    /// Monthly housing and utilities.
    pub fixed_costs: Euros,
    /// What the household means to spend at shops each month.
    pub spending_budget: Euros,
    #[serde(default)]
    pub opening_balance: Euros,
    #[serde(default)]
    pub opening_savings: Euros,
    #[serde(default)]
    pub card: sim::CardKind,
    #[serde(default = "ClientSpec::default_card_share")]
    pub card_share_bp: i32,
    #[serde(default = "ClientSpec::default_trust")]
    pub trust: i32,
    #[serde(default = "ClientSpec::default_fee_sensitivity")]
    pub fee_sensitivity_bp: i32,
    #[serde(default = "ClientSpec::default_pd")]
    pub pd_bp: i32,
    #[serde(default)]
    pub loan_appetite_bp: i32,
    #[serde(default)]
    pub opening_loan: Option<OpeningLoanSpec>,
    #[serde(default)]
    pub opening_mortgage: Option<OpeningMortgageSpec>,
    /// Monthly chance of wanting to buy a home while it has none.
    #[serde(default)]
    pub home_appetite_bp: i32,
    /// Ids of the shops they visit; empty: three shops drawn at random.
    #[serde(default)]
    pub shops: Vec<String>,
    #[serde(default)]
    pub strategy: Strategy,
}

impl ClientSpec {
    fn default_card_share() -> i32 {
        7_500
    }
    fn default_trust() -> i32 {
        650
    }
    fn default_fee_sensitivity() -> i32 {
        6_000
    }
    fn default_pd() -> i32 {
        200
    }
}

/// How many in a population play each strategy, as weights; a weight left out is 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "strategies", default, deny_unknown_fields)]
pub struct StrategyMixSpec {
    pub fair: u16,
    pub greedy: u16,
    pub cautious: u16,
    pub random: u16,
}

impl StrategyMixSpec {
    fn of(m: sim::StrategyMix) -> Self {
        StrategyMixSpec {
            fair: m.fair,
            greedy: m.greedy,
            cautious: m.cautious,
            random: m.random,
        }
    }
}

/// Households drawn from distributions; their ids are `{id_prefix}{n}`, n from 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "client_population", default, deny_unknown_fields)]
pub struct ClientPopulationSpec {
    pub count: u32,
    pub id_prefix: String,
    /// Ids of the banks they may be with, evenly; empty: any bank.
    pub banks: Vec<String>,
    pub income: Range<Euros>,
    pub fixed_costs_bp: Range<i32>,
    pub spending_bp: Range<i32>,
    pub savings_months: Range<u16>,
    pub credit_cards_bp: i32,
    pub card_share_bp: Range<i32>,
    pub trust: Range<i32>,
    pub fee_sensitivity_bp: Range<i32>,
    pub pd_bp: Range<i32>,
    pub loan_appetite_bp: i32,
    pub borrowers_bp: i32,
    pub loan_size_months: Range<u16>,
    pub loan_months: Range<u16>,
    pub shops_each: u8,
    pub strategies: StrategyMixSpec,
    pub home_loans: HomeLoansSpec,
}

/// Households of a population repaying a loan on their home at the start.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "home_loans", default, deny_unknown_fields)]
pub struct HomeLoansSpec {
    pub share_bp: i32,
    /// What is still owed, in months of income.
    pub size_months: Range<u16>,
    /// The months left to repay it.
    pub months: Range<u16>,
    pub loan_to_value_bp: Range<i32>,
    /// The rates the fixed-rate loans were written at.
    pub fixed_rate_bp: Range<i32>,
    /// The share at a variable rate, and their spread over the policy rate.
    pub variable_bp: i32,
    pub variable_spread_bp: Range<i32>,
    /// Each household's monthly chance of wanting to buy a home while it has none.
    pub appetite_bp: i32,
}

impl Default for HomeLoansSpec {
    fn default() -> Self {
        let h = sim::HomeLoans::default();
        let bp = |b: Bp| b.0;
        HomeLoansSpec {
            share_bp: h.share.0,
            size_months: Range::of(h.size_months, |m| m),
            months: Range::of(h.months, |m| m),
            loan_to_value_bp: Range::of(h.loan_to_value, bp),
            fixed_rate_bp: Range::of(h.fixed_rate, bp),
            variable_bp: h.variable.0,
            variable_spread_bp: Range::of(h.variable_spread, bp),
            appetite_bp: h.appetite.0,
        }
    }
}

impl Default for ClientPopulationSpec {
    fn default() -> Self {
        let p = ClientPopulation::default();
        let bp = |b: Bp| b.0;
        ClientPopulationSpec {
            count: p.count,
            id_prefix: "household-".into(),
            banks: Vec::new(),
            income: Range::of(p.income, Euros::of),
            fixed_costs_bp: Range::of(p.fixed_costs, bp),
            spending_bp: Range::of(p.spending, bp),
            savings_months: Range::of(p.savings_months, |m| m),
            credit_cards_bp: p.credit_cards.0,
            card_share_bp: Range::of(p.card_share, bp),
            trust: Range::of(p.trust, i32::from),
            fee_sensitivity_bp: Range::of(p.fee_sensitivity, bp),
            pd_bp: Range::of(p.pd, bp),
            loan_appetite_bp: p.loan_appetite.0,
            borrowers_bp: p.borrowers.0,
            loan_size_months: Range::of(p.loan_size_months, |m| m),
            loan_months: Range::of(p.loan_months, |m| m),
            shops_each: p.shops_each,
            strategies: StrategyMixSpec::of(p.strategies),
            home_loans: HomeLoansSpec::default(),
        }
    }
}

/// Shops drawn from distributions; their ids are `{id_prefix}{n}`, n from 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "merchant_population", default, deny_unknown_fields)]
pub struct MerchantPopulationSpec {
    pub count: u32,
    pub id_prefix: String,
    pub banks: Vec<String>,
    pub kinds: Vec<ShopKind>,
    pub rent_share_bp: i32,
    pub accepting_cards_bp: i32,
    pub pd_bp: Range<i32>,
    pub strategies: StrategyMixSpec,
}

impl Default for MerchantPopulationSpec {
    fn default() -> Self {
        let p = MerchantPopulation::default();
        MerchantPopulationSpec {
            count: p.count,
            id_prefix: "shop-".into(),
            banks: Vec::new(),
            kinds: p.kinds,
            rent_share_bp: p.rent_share.0,
            accepting_cards_bp: p.accepting_cards.0,
            pd_bp: Range::of(p.pd, |b| b.0),
            strategies: StrategyMixSpec::of(p.strategies),
        }
    }
}

/// A seat a human may take: a role and the id of the actor it plays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "seat", deny_unknown_fields)]
pub struct SeatSpec {
    pub role: Role,
    pub actor: String,
}

/// Something that happens at the start of a turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "event", deny_unknown_fields)]
pub struct EventSpec {
    /// The turn it happens at the start of, from 1.
    pub turn: u16,
    pub event: EventKind,
}

/// The scripted events a timeline may hold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "event_kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EventKind {
    PolicyRate {
        rate_bp: i32,
    },
    InterchangeCap {
        debit_bp: Option<i32>,
        credit_bp: Option<i32>,
    },
    FeeCap {
        per_payment: Option<Euros>,
        per_month: Option<Euros>,
    },
    Recession {
        months: u16,
        income_cut_bp: i32,
        pd_rise_bp: i32,
    },
    FraudWave {
        months: u16,
        share_bp: i32,
        loss_bp: i32,
    },
    Transparency(Transparency),
    /// A message shown to every player.
    Message(Text),
    /// A workshop step: the table stops for discussion on this question until the facilitator
    /// resumes (the game only; headless runs go on).
    Pause(Text),
}

/// A note for the facilitator, for a turn (0: before the game starts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "note", deny_unknown_fields)]
pub struct NoteSpec {
    pub turn: u16,
    pub text: Text,
}

/// A debrief question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "question", rename_all = "snake_case", deny_unknown_fields)]
pub enum QuestionSpec {
    /// Agreement on a scale from 1 to `scale`.
    Likert {
        id: String,
        prompt: Text,
        #[serde(default = "QuestionSpec::default_scale")]
        scale: u8,
    },
    /// One answer among options.
    Choice {
        id: String,
        prompt: Text,
        options: Vec<Text>,
    },
    FreeText {
        id: String,
        prompt: Text,
    },
}

impl QuestionSpec {
    fn default_scale() -> u8 {
        5
    }

    pub fn id(&self) -> &str {
        match self {
            QuestionSpec::Likert { id, .. }
            | QuestionSpec::Choice { id, .. }
            | QuestionSpec::FreeText { id, .. } => id,
        }
    }
}

/// A question of the quiz: one correct answer among the options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "quiz_question", deny_unknown_fields)]
pub struct QuizSpec {
    pub id: String,
    pub prompt: Text,
    pub options: Vec<Text>,
    /// The correct option, from 0; never sent to the players.
    pub answer: usize,
}

/// A lesson of the scenario: `metric` should be `expect`ed (lower or higher) in the second
/// variant of `compare` than in the first, played by bots over many seeds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "lesson", deny_unknown_fields)]
pub struct LessonSpec {
    /// A bank's metric names the bank by its id: `bank_clients("murky")`.
    pub metric: crate::sim::Metric<String>,
    pub compare: CompareSpec,
    pub expect: Expect,
}

/// The two variants of the scenario a lesson compares, the rest held equal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "compare", rename_all = "snake_case")]
pub enum CompareSpec {
    /// Held under the first layer, then under the second, from the first month (the
    /// timeline's changes of layer left out).
    Layers(Transparency, Transparency),
    /// Without the timeline's events of this kind, then with them.
    Event(EventName),
}

/// A kind of scripted event, as a lesson names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename = "event_name", rename_all = "snake_case")]
pub enum EventName {
    PolicyRate,
    InterchangeCap,
    FeeCap,
    Recession,
    FraudWave,
}

/// The direction a lesson expects, from the first variant to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename = "expect", rename_all = "snake_case")]
pub enum Expect {
    Lower,
    Higher,
}
