//! The starting configuration of an economy: market parameters and every actor.
use super::decisions::{BusinessDecision, LoanRequest, RetailDecision};
use super::ids::{BankId, MerchantId};
use super::ledger::Retention;
use super::money::{Bp, Money};
use super::pricing::{Caps, LendingCosts};
use serde::{Deserialize, Serialize};

/// What players see: a treatment a workshop can vary.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Transparency {
    /// Each player sees only their own prices and balance; fees are in the small print.
    #[default]
    Opaque,
    /// Pricing rules and fee schedules of every bank are published.
    Disclosed,
    /// Every value chain and every actor's margins are visible live.
    Glass,
}

impl Transparency {
    pub const ALL: [Transparency; 3] = [
        Transparency::Opaque,
        Transparency::Disclosed,
        Transparency::Glass,
    ];
}

/// A rule-based way of playing a seat.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Ordinary behaviour: as a bank, the scenario's prices, published as the scenario says,
    /// complaints refunded.
    #[default]
    Fair,
    /// Maximises its own margin: as a bank, shrouds its add-on fees and raises them while they
    /// are hidden, cutting them once clients can see them and leave; as a client, hunts bargains.
    Greedy,
    /// Avoids risk: strict lending, few fees; as a client, cash and savings first.
    Cautious,
    /// Moves at random within sensible bounds.
    Random,
}

impl Strategy {
    pub const ALL: [Strategy; 4] = [
        Strategy::Fair,
        Strategy::Greedy,
        Strategy::Cautious,
        Strategy::Random,
    ];
}

/// A debit or a credit card: interchange differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    #[default]
    Debit,
    Credit,
}

/// How trust moves, in points out of 1,000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustRules {
    /// Lost after a surprise of 1% of the client's monthly income (fees charged above what it
    /// expected), scaled by its fee sensitivity; in proportion for other surprises, at most
    /// three times as much.
    pub surprise_penalty: u16,
    /// Lost when a complaint is refused.
    pub refused_complaint_penalty: u16,
    /// Gained when a complaint is refunded.
    pub handled_complaint_bonus: u16,
    /// Gained each month the bank's prices are published and no bad experience befell the
    /// client.
    pub fair_month_bonus: u16,
}

impl Default for TrustRules {
    fn default() -> Self {
        TrustRules {
            surprise_penalty: 200,
            refused_complaint_penalty: 150,
            handled_complaint_bonus: 60,
            fair_month_bonus: 10,
        }
    }
}

/// Market-wide parameters, some of which scripted events change during a game.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketParams {
    /// The central bank's policy rate: banks' cost of funds and what reserves earn.
    pub policy_rate: Bp,
    /// VAT, included in shop prices.
    pub vat: Bp,
    /// The interchange the scheme sets for debit cards (before any cap).
    pub interchange_debit: Bp,
    /// The interchange the scheme sets for credit cards (before any cap).
    pub interchange_credit: Bp,
    pub scheme_fee: Bp,
    pub caps: Caps,
    pub transparency: Transparency,
    /// How many shop visits a household makes in a month.
    pub purchases_per_month: u8,
    /// How much a household's monthly spending varies at random, up or down.
    pub spending_noise: Bp,
    pub trust: TrustRules,
    pub reserves: ReserveRules,
    pub capital: super::capital::CapitalRules,
    pub mortgages: super::mortgage::MortgageRules,
    /// What money lent for ten years or more costs above the policy rate: the slope of the
    /// funding curve (`funding_rate`).
    #[serde(default)]
    pub term_premium: Bp,
}

/// The longest term the funding curve rises over, in months.
pub const CURVE_MONTHS: u16 = 120;

/// What the central bank asks of the banks' reserves: a minimum, what it pays on it, and what
/// a bank short of reserves pays to borrow them overnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReserveRules {
    /// The minimum, as a share of the bank's deposits and savings (the ECB asks 1% of
    /// overnight deposits and deposits up to two years, Regulation (EU) 2021/378).
    pub minimum: Bp,
    /// Whether the minimum earns the policy rate; the ECB has paid 0% on it since
    /// 20 September 2023.
    pub minimum_paid: bool,
    /// What a bank pays above the policy rate on reserves it lacks (the ECB's marginal lending
    /// facility: 0.25 point above its main refinancing rate since 18 September 2024).
    pub lending_spread: Bp,
}

impl Default for ReserveRules {
    fn default() -> Self {
        ReserveRules {
            minimum: Bp(100),
            minimum_paid: false,
            lending_spread: Bp(25),
        }
    }
}

impl ReserveRules {
    /// A month's interest on a bank's reserves (negative: what it pays): reserves above the
    /// minimum earn the policy rate, the minimum earns it only if it is paid, and a bank below
    /// the minimum borrows what it lacks at the policy rate plus the spread.
    pub fn monthly_interest(
        &self,
        reserves: Money,
        base: Money,
        policy: Bp,
    ) -> Result<Money, super::money::Overflow> {
        let required = base.max(Money::ZERO).apply(self.minimum)?;
        let on_minimum = if self.minimum_paid {
            required.monthly_interest(policy)?
        } else {
            Money::ZERO
        };
        let rest = reserves.checked_sub(required)?;
        let on_rest = if rest.is_negative() {
            rest.monthly_interest(policy.saturating_add(self.lending_spread))?
        } else {
            rest.monthly_interest(policy)?
        };
        on_minimum.checked_add(on_rest)
    }
}

impl MarketParams {
    /// The cost of funds for money lent for `months` months, as a bank's treasury prices it: the
    /// policy rate plus the term premium in proportion to the term, up to ten years. A simple
    /// curve: straight, and moving with the policy rate.
    pub fn funding_rate(&self, months: u16) -> Bp {
        let term = i64::from(months.min(CURVE_MONTHS));
        let premium = i64::from(self.term_premium.0) * term / i64::from(CURVE_MONTHS);
        Bp(self.policy_rate.0.saturating_add(premium as i32))
    }

    /// The interchange actually charged on a card payment, after the regulator's cap.
    pub fn interchange(&self, card: CardKind) -> Bp {
        let (rate, cap) = match card {
            CardKind::Debit => (self.interchange_debit, self.caps.interchange_debit),
            CardKind::Credit => (self.interchange_credit, self.caps.interchange_credit),
        };
        cap.map_or(rate, |cap| rate.min(cap))
    }
}

/// A bank at the start of the game.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankConfig {
    pub name: String,
    /// Opening equity.
    pub capital: Money,
    pub lending: LendingCosts,
    /// Monthly running costs, whatever the activity.
    pub fixed_costs: Money,
    /// Monthly running cost per client or merchant account.
    pub cost_per_account: Money,
    /// Settings at the start, and the baseline the bots adjust.
    pub retail: RetailDecision,
    pub business: BusinessDecision,
    pub retail_strategy: Strategy,
    pub business_strategy: Strategy,
}

/// A line of goods a merchant sells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Good {
    pub name: String,
    /// Paid to the supplier for each unit sold, excluding VAT.
    pub unit_cost: Money,
}

/// A merchant at the start of the game.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantConfig {
    pub name: String,
    pub bank: BankId,
    pub goods: Vec<Good>,
    /// Mark-up on unit cost, before VAT.
    pub markup: Bp,
    pub accepts_cards: bool,
    /// Monthly rent of the shop.
    pub rent: Money,
    pub opening_balance: Money,
    /// Yearly probability of default, as the bank's scoring sees it.
    pub pd: Bp,
    pub strategy: Strategy,
}

/// A household at the start of the game.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientConfig {
    pub bank: BankId,
    /// Monthly net salary.
    pub income: Money,
    /// Monthly housing and utilities.
    pub fixed_costs: Money,
    /// What the household means to spend at shops each month.
    pub spending_budget: Money,
    pub opening_balance: Money,
    pub opening_savings: Money,
    pub card: CardKind,
    /// Share of purchases paid by card where cards are taken.
    pub card_share: Bp,
    /// Trust in the bank, 0 to 1,000.
    pub trust: u16,
    /// How much fees hurt this household (10,000 bp: fully).
    pub fee_sensitivity: Bp,
    /// Yearly probability of default on a loan.
    pub pd: Bp,
    /// Monthly chance of wanting a consumer loan.
    pub loan_appetite: Bp,
    /// A loan running when the game starts, from the client's bank at its consumer loan price.
    pub opening_loan: Option<LoanRequest>,
    /// A loan on its home running when the game starts, from the client's bank.
    pub opening_mortgage: Option<OpeningMortgage>,
    /// Monthly chance of wanting to buy a home while it has none.
    pub home_appetite: Bp,
    /// The shops the household visits.
    pub shops: Vec<MerchantId>,
    pub strategy: Strategy,
}

/// A home loan written before the game.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningMortgage {
    /// What is still owed.
    pub outstanding: Money,
    /// The months left to repay it.
    pub months: u16,
    /// The home's value when the loan was written.
    pub home_value: Money,
    /// The rate it was written at: the whole yearly rate if fixed, the spread over the policy
    /// rate if variable.
    pub rate: Bp,
    pub variable: bool,
}

/// Everything needed to start an economy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EconomyConfig {
    pub seed: u64,
    pub params: MarketParams,
    pub banks: Vec<BankConfig>,
    pub merchants: Vec<MerchantConfig>,
    pub clients: Vec<ClientConfig>,
    pub retention: Retention,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserves_above_the_minimum_earn_the_policy_rate_and_a_shortfall_pays_the_facility() {
        let rules = ReserveRules::default();
        let policy = Bp(300);
        let base = Money::euros(1_000_000);
        // The minimum (€10,000) earns nothing; the €90,000 above it earn 3% a year.
        let month = rules
            .monthly_interest(Money::euros(100_000), base, policy)
            .unwrap();
        assert_eq!(month, Money::euros(225));
        // Paid at the policy rate, as before September 2023.
        let paid = ReserveRules {
            minimum_paid: true,
            ..rules
        };
        assert_eq!(
            paid.monthly_interest(Money::euros(100_000), base, policy)
                .unwrap(),
            Money::euros(250)
        );
        // €4,000 short of the minimum: borrowed at 3.25%.
        let short = rules
            .monthly_interest(Money::euros(6_000), base, policy)
            .unwrap();
        assert_eq!(short, Money::cents(-1_083));
    }
}
