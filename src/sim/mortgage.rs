//! Home loans: the constant instalment of an annuity, the rate of a loan written before the game,
//! and what the sale of the home recovers when its owner defaults.
use serde::{Deserialize, Serialize};

use super::money::{Bp, Money, Overflow};
use super::pricing::{LendingCosts, LoanPolicy, LoanRate};

/// How home loans work in the town: the same for every bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MortgageRules {
    /// What a forced sale fetches below the home's value at the loan's start, costs included:
    /// the recovery on a defaulted home loan is the value less this share, at most what is owed.
    /// EBA benchmarks put the loss given default of residential mortgages near 10-20%, which a
    /// 30% discount on homes bought with 80-90% loans gives.
    pub forced_sale_discount: Bp,
    /// What a forced sale costs the bank (fees, months of unpaid interest), as a share of what
    /// is owed: however much the home fetches, the bank loses at least this.
    pub sale_costs: Bp,
    /// A home loan's handling costs are a fraction of a consumer loan's per euro lent (the loans
    /// are larger and last longer): this share of the bank's operating cost per euro.
    pub operating_cost_share: Bp,
    /// What a home costs, in months of the buyer's income: about six years in France (the
    /// Friggit price-to-income ratio, CGEDD).
    pub home_price_months: u16,
    /// The share of the price a buyer pays from its own savings; French first-time buyers put
    /// down 10-20% (Banque de France).
    pub down_payment: Bp,
    /// The most of its income a household may spend on loan instalments: 35%, the French
    /// macroprudential rule (HCSF decision D-HCSF-2021-7).
    pub max_debt_service: Bp,
}

impl Default for MortgageRules {
    fn default() -> Self {
        MortgageRules {
            forced_sale_discount: Bp(3_000),
            sale_costs: Bp(1_000),
            operating_cost_share: Bp(2_500),
            home_price_months: 72,
            down_payment: Bp(1_500),
            max_debt_service: Bp(3_500),
        }
    }
}

/// What a home loan finances: the home that secures it, and how its rate moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Secured {
    /// The home's value when the loan was written.
    pub home_value: Money,
    /// A variable rate follows the policy rate each month (its cost of funds does); a fixed rate
    /// stays as written, and the bank bears the change of its funding cost.
    pub variable: bool,
}

impl MortgageRules {
    /// What a forced sale of the home fetches: its value when the loan was written, less the
    /// discount.
    pub fn sale(&self, home: Secured) -> Result<Money, Overflow> {
        let sale = home
            .home_value
            .checked_sub(home.home_value.apply(self.forced_sale_discount)?)?;
        Ok(sale.max(Money::ZERO))
    }

    /// What the sale of the home brings the bank back on a default: what it fetches, never
    /// more than what is owed less the sale's costs.
    pub fn recovery(&self, outstanding: Money, home: Secured) -> Result<Money, Overflow> {
        let net_of_costs = outstanding.checked_sub(outstanding.apply(self.sale_costs)?)?;
        Ok(self.sale(home)?.min(net_of_costs).max(Money::ZERO))
    }

    /// What the household gets back when the sale fetches more than it owed.
    pub fn surplus(&self, outstanding: Money, home: Secured) -> Result<Money, Overflow> {
        Ok(self.sale(home)?.checked_sub(outstanding)?.max(Money::ZERO))
    }

    /// The risk-weighted amount of a home loan: 35% on the part within 80% of the home's value,
    /// the retail weight on the rest (CRR art. 125(1)).
    pub fn risk_weighted(
        outstanding: Money,
        home: Secured,
        rules: &super::capital::CapitalRules,
    ) -> Result<Money, Overflow> {
        let within = outstanding.min(home.home_value.apply(Bp(8_000))?.max(Money::ZERO));
        let above = outstanding.checked_sub(within)?;
        within
            .apply(rules.mortgage_weight)?
            .checked_add(above.apply(rules.retail_weight)?)
    }

    /// The loss a bank expects on a default, as a share of what is owed.
    pub fn loss_given_default(&self, outstanding: Money, home: Secured) -> Result<Bp, Overflow> {
        if !outstanding.is_positive() {
            return Ok(Bp::ZERO);
        }
        let loss = outstanding.checked_sub(self.recovery(outstanding, home)?)?;
        Ok(Bp(loss.share_of(outstanding).clamp(0, 10_000) as i32))
    }

    /// The lending costs of a home loan at a bank: its operating cost scaled down, its capital
    /// scaled by the risk weights (a home loan ties up `mortgage / retail` of a consumer loan's
    /// capital), and the loss the home leaves.
    pub fn costs(
        &self,
        bank: &LendingCosts,
        weights: (Bp, Bp),
        loss_given_default: Bp,
    ) -> LendingCosts {
        let (mortgage, retail) = weights;
        let capital =
            i64::from(bank.capital_ratio.0) * i64::from(mortgage.0) / i64::from(retail.0.max(1));
        LendingCosts {
            operating_cost: bank.operating_cost.of(self.operating_cost_share),
            capital_ratio: Bp(capital.clamp(0, 10_000) as i32),
            hurdle_rate: bank.hurdle_rate,
            loss_given_default,
        }
    }

    /// The rate of a home loan written before the game at `written` a year (fixed), or at the
    /// policy rate plus `written` (variable), with the bank's costs of today. A variable loan's
    /// cost of funds is today's policy rate and its margin whatever is left; a fixed loan was
    /// written at the ordinary margin, and its cost of funds is what the rate leaves: the
    /// funding it was matched with when it was written, which the bank's treasury, not the
    /// product, compares with today's.
    pub fn opening_rate(
        costs: &LendingCosts,
        policy_rate: Bp,
        pd: Bp,
        written: Bp,
        variable: bool,
    ) -> LoanRate {
        let at_cost = LoanRate::price(
            &LoanPolicy {
                margin: Bp::ZERO,
                max_pd: Bp::FULL,
                max_months: u16::MAX,
            },
            costs,
            policy_rate,
            pd,
        );
        if variable {
            let total = policy_rate.saturating_add(written);
            return LoanRate {
                margin: total.saturating_sub(at_cost.total()),
                ..at_cost
            };
        }
        let margin = LoanPolicy::ordinary_mortgages().margin;
        let others = at_cost
            .total()
            .saturating_sub(at_cost.cost_of_funds)
            .saturating_add(margin);
        LoanRate {
            cost_of_funds: written.saturating_sub(others),
            margin,
            ..at_cost
        }
    }
}

/// The scale of the growth factor in `annuity`: 10^12.
const SCALE: i128 = 1_000_000_000_000;

/// The month's principal and interest of a loan repaid by equal instalments (an annuity, as
/// nearly every French home loan is): the instalment is `P r / (1 - (1 + r)^-n)` for `P` owed
/// over `n` months at the monthly rate `r`, computed in integers so that every platform gives
/// the same cents. The instalment is worked out again each month from what is still owed, so
/// the last one pays off the rounding, and a variable rate changes it.
pub fn annuity(outstanding: Money, months_left: u16, rate: Bp) -> Result<(Money, Money), Overflow> {
    let interest = outstanding.monthly_interest(rate)?;
    if months_left <= 1 || !outstanding.is_positive() {
        return Ok((outstanding, interest));
    }
    if rate.0 <= 0 {
        return super::pricing::instalment(outstanding, months_left, rate);
    }
    // (1 + r)^n, scaled; past a millionfold the instalment is the interest to within a cent
    // in a million, so the growth stops there.
    let step = 120_000 + i128::from(rate.0);
    let mut growth = SCALE;
    for _ in 0..months_left {
        growth = growth * step / 120_000;
        if growth > SCALE * 1_000_000 {
            break;
        }
    }
    let numerator = i128::from(outstanding.as_cents())
        .checked_mul(i128::from(rate.0))
        .and_then(|x| x.checked_mul(growth))
        .ok_or(Overflow)?;
    let denominator = 120_000 * (growth - SCALE).max(1);
    let payment =
        i64::try_from((numerator + denominator / 2) / denominator).map_err(|_| Overflow)?;
    let principal = Money::cents(payment)
        .checked_sub(interest)?
        .max(Money::ZERO)
        .min(outstanding);
    Ok((principal, interest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_home_loan_is_repaid_by_equal_instalments() {
        // €200,000 over 20 years at 3.6%: €1,170.22 a month (200,000 × 0.003 / (1 - 1.003^-240)).
        let mut owed = Money::euros(200_000);
        let (principal, interest) = annuity(owed, 240, Bp(360)).unwrap();
        assert_eq!(interest, Money::euros(600));
        assert_eq!(
            principal.checked_add(interest).unwrap(),
            Money::cents(117_022)
        );
        let mut paid = Vec::new();
        for left in (1..=240u16).rev() {
            let (p, i) = annuity(owed, left, Bp(360)).unwrap();
            owed = owed.checked_sub(p).unwrap();
            paid.push(p.checked_add(i).unwrap());
        }
        assert_eq!(owed, Money::ZERO);
        // The same instalment to the cent, the last one within a few cents of rounding.
        assert!(paid.iter().all(|p| (p.as_cents() - 117_022).abs() <= 2));
    }

    #[test]
    fn extreme_terms_and_rates_stay_exact_or_refuse() {
        // At no rate the loan is repaid in equal parts.
        assert_eq!(
            annuity(Money::euros(1_200), 12, Bp::ZERO).unwrap(),
            (Money::euros(100), Money::ZERO)
        );
        // At 50% over 40 years the instalment is nearly all interest.
        let (p, i) = annuity(Money::euros(100_000), 480, Bp(5_000)).unwrap();
        assert_eq!(i, Money::cents(416_667));
        assert!(p < Money::euros(1));
        // A month left: everything owed.
        assert_eq!(
            annuity(Money::euros(10), 1, Bp(300)).unwrap().0,
            Money::euros(10)
        );
        // An absurd amount refuses rather than wraps.
        assert!(annuity(Money::cents(i64::MAX), 300, Bp(i32::MAX)).is_err());
    }

    #[test]
    fn the_home_covers_most_of_a_default() {
        let rules = MortgageRules::default();
        let home = Secured {
            home_value: Money::euros(250_000),
            variable: false,
        };
        // The home fetches €175,000. On €150,000 owed the sale's costs take a tenth, and the
        // household gets the €25,000 above what it owed; on €200,000 the bank loses €25,000.
        assert_eq!(
            rules.recovery(Money::euros(150_000), home).unwrap(),
            Money::euros(135_000)
        );
        assert_eq!(
            rules.surplus(Money::euros(150_000), home).unwrap(),
            Money::euros(25_000)
        );
        assert_eq!(
            rules
                .loss_given_default(Money::euros(200_000), home)
                .unwrap(),
            Bp(1_250)
        );
        // 35% on the €200,000 within 80% of the value, 75% on the €20,000 above.
        let c = super::super::capital::CapitalRules::default();
        assert_eq!(
            MortgageRules::risk_weighted(Money::euros(220_000), home, &c).unwrap(),
            Money::euros(70_000 + 15_000)
        );
    }

    #[test]
    fn a_cheap_old_fixed_loan_keeps_the_funding_it_was_written_with() {
        let costs = LendingCosts {
            operating_cost: Bp(25),
            capital_ratio: Bp(500),
            hurdle_rate: Bp(1_000),
            loss_given_default: Bp(1_000),
        };
        // Written at 1.5% fixed, the policy rate now 4%: written at the ordinary margin, its cost
        // of funds then was 1.5% less its costs; the bank's treasury bears today's 4%.
        let rate = MortgageRules::opening_rate(&costs, Bp(400), Bp(100), Bp(150), false);
        assert_eq!(rate.total(), Bp(150));
        assert_eq!(rate.margin, LoanPolicy::ordinary_mortgages().margin);
        assert!(rate.cost_of_funds.0 < 150);
        // Variable at the policy rate plus 1.5%.
        let rate = MortgageRules::opening_rate(&costs, Bp(400), Bp(100), Bp(150), true);
        assert_eq!(rate.total(), Bp(550));
    }
}
