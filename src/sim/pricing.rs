//! Pricing rules as data with named components: loan rates, card fees (MSC) and fee schedules.
use super::money::{Bp, Money, Overflow};
use serde::{Deserialize, Serialize};

/// A loan's yearly rate, built from named components the player can read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanRate {
    /// What the bank pays for the money it lends: the central bank's policy rate.
    pub cost_of_funds: Bp,
    /// The bank's cost of handling the loan (staff, IT, branches).
    pub operating_cost: Bp,
    /// The losses the bank expects on average: probability of default x loss given default.
    pub expected_loss: Bp,
    /// The return the bank's shareholders require on the capital the loan ties up, above the
    /// cost of funds: capital ratio x (hurdle rate - cost of funds).
    pub cost_of_capital: Bp,
    /// What the bank keeps on top: its commercial margin.
    pub margin: Bp,
}

impl LoanRate {
    /// Prices a loan for a borrower with a yearly probability of default `pd`.
    pub fn price(policy: &LoanPolicy, costs: &LendingCosts, cost_of_funds: Bp, pd: Bp) -> LoanRate {
        let capital_spread = costs
            .hurdle_rate
            .saturating_sub(cost_of_funds)
            .max(Bp::ZERO);
        LoanRate {
            cost_of_funds,
            operating_cost: costs.operating_cost,
            expected_loss: pd.of(costs.loss_given_default),
            cost_of_capital: costs.capital_ratio.of(capital_spread),
            margin: policy.margin,
        }
    }

    /// The rate the borrower pays: the sum of the components, never below zero.
    pub fn total(&self) -> Bp {
        let LoanRate {
            cost_of_funds,
            operating_cost,
            expected_loss,
            cost_of_capital,
            margin,
        } = *self;
        [operating_cost, expected_loss, cost_of_capital, margin]
            .into_iter()
            .fold(cost_of_funds, Bp::saturating_add)
            .max(Bp::ZERO)
    }

    /// The components with their names, in the order they add up.
    pub fn components(&self) -> [(&'static str, Bp); 5] {
        [
            ("cost_of_funds", self.cost_of_funds),
            ("operating_cost", self.operating_cost),
            ("expected_loss", self.expected_loss),
            ("cost_of_capital", self.cost_of_capital),
            ("margin", self.margin),
        ]
    }
}

/// What a bank's lending costs it: set by the bank's structure, not chosen each turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LendingCosts {
    pub operating_cost: Bp,
    /// Share of a loan the bank must fund with its own capital.
    pub capital_ratio: Bp,
    /// The yearly return shareholders require on that capital.
    pub hurdle_rate: Bp,
    /// The share of a defaulted loan the bank loses.
    pub loss_given_default: Bp,
}

/// A banker's lending decision: the margin asked and the risk accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanPolicy {
    pub margin: Bp,
    /// Applications from borrowers with a higher yearly probability of default are refused.
    pub max_pd: Bp,
    /// The longest term offered, in months.
    pub max_months: u16,
}

impl LoanPolicy {
    /// Home loans as French banks wrote them in 2024: about 1.2 points over the cost of funds
    /// all costs included (new loans near 4% with the ECB's rate near 3.5%, Banque de France),
    /// of which a few tenths are margin, over at most 25 years (the HCSF's limit).
    pub fn ordinary_mortgages() -> LoanPolicy {
        LoanPolicy {
            margin: Bp(20),
            max_pd: Bp(400),
            max_months: 300,
        }
    }
}

/// The merchant service charge on one card payment, split into its three parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MscSplit {
    /// To the card-issuing bank (the payer's bank).
    pub interchange: Money,
    /// To the card scheme.
    pub scheme_fee: Money,
    /// Kept by the acquiring bank (the merchant's bank).
    pub acquirer_margin: Money,
}

impl MscSplit {
    /// Splits the MSC on a card payment of `amount`: each part rounded to the cent on its own,
    /// so the parts always add up to the total charged.
    pub fn of(amount: Money, rates: MscRates) -> Result<MscSplit, Overflow> {
        Ok(MscSplit {
            interchange: amount.apply(rates.interchange)?,
            scheme_fee: amount.apply(rates.scheme_fee)?,
            acquirer_margin: amount.apply(rates.acquirer_margin)?,
        })
    }

    pub fn total(&self) -> Result<Money, Overflow> {
        Money::sum([self.interchange, self.scheme_fee, self.acquirer_margin])
    }
}

/// The rates of a merchant service charge: MSC = interchange + scheme fee + acquirer margin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MscRates {
    pub interchange: Bp,
    pub scheme_fee: Bp,
    pub acquirer_margin: Bp,
}

impl MscRates {
    pub fn total(&self) -> Bp {
        self.interchange
            .saturating_add(self.scheme_fee)
            .saturating_add(self.acquirer_margin)
    }
}

/// A retail bank's fees for clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSchedule {
    /// Monthly fee for keeping a current account.
    pub account_fee: Money,
    /// Monthly fee for a debit card.
    pub debit_card_fee: Money,
    /// Monthly fee for a credit card.
    pub credit_card_fee: Money,
    /// Charged for each payment that takes the account beyond its authorised overdraft (the French
    /// "commission d'intervention").
    pub irregular_payment_fee: Money,
    /// Yearly interest on a negative balance.
    pub overdraft_rate: Bp,
}

/// The business side's prices for merchants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantFees {
    /// The acquirer's margin on card payments, on top of interchange and scheme fee.
    pub acquirer_margin: Bp,
    /// Monthly rent of the card terminal.
    pub terminal_fee: Money,
    /// Monthly fee for the business account.
    pub account_fee: Money,
}

/// Caps set by the regulator; `None` means no cap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caps {
    pub interchange_debit: Option<Bp>,
    pub interchange_credit: Option<Bp>,
    pub irregular_fee_per_payment: Option<Money>,
    pub irregular_fees_per_month: Option<Money>,
    /// Lower caps for financially fragile clients (`fragile.rs`): in France €4 a payment and
    /// €20 a month for those who hold the low-cost *offre spécifique*, €25 a month for the others
    /// (Code monétaire et financier R312-4-3).
    #[serde(default)]
    pub fragile_fee_per_payment: Option<Money>,
    #[serde(default)]
    pub fragile_fees_per_month: Option<Money>,
}

impl Caps {
    /// The caps on a client's irregular-payment fees, per payment and per month: the lower of
    /// the general and the fragile clients' caps for a fragile client.
    pub fn irregular_fees(&self, fragile: bool) -> (Option<Money>, Option<Money>) {
        let lower = |general: Option<Money>, special: Option<Money>| match (general, special) {
            (Some(g), Some(s)) => Some(g.min(s)),
            (g, None) => g,
            (None, s) => s,
        };
        if fragile {
            (
                lower(self.irregular_fee_per_payment, self.fragile_fee_per_payment),
                lower(self.irregular_fees_per_month, self.fragile_fees_per_month),
            )
        } else {
            (
                self.irregular_fee_per_payment,
                self.irregular_fees_per_month,
            )
        }
    }
}

/// A shelf price, VAT included: unit cost x (1 + mark-up) x (1 + VAT), each step to the cent.
pub fn shelf_price(unit_cost: Money, markup: Bp, vat: Bp) -> Result<Money, Overflow> {
    let before_vat = unit_cost.ratio(10_000 + i64::from(markup.0), 10_000)?;
    before_vat.ratio(10_000 + i64::from(vat.0), 10_000)
}

/// Linear amortisation: equal principal each month, interest on what is still owed. Exact in
/// cents, and easy to explain: "you pay back 1/n of the loan plus a month of interest".
pub fn instalment(
    outstanding: Money,
    months_left: u16,
    rate: Bp,
) -> Result<(Money, Money), Overflow> {
    let principal = if months_left <= 1 {
        outstanding
    } else {
        outstanding.checked_div(i64::from(months_left))?
    };
    let interest = outstanding.monthly_interest(rate)?;
    Ok((principal, interest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loan_rate_adds_up_its_components() {
        // The SME example of the domain notes: 3.0 + 1.0 + 0.9 + 0.7 + 0.3 = 5.9%.
        let costs = LendingCosts {
            operating_cost: Bp(100),
            capital_ratio: Bp(1_000),
            hurdle_rate: Bp(1_000),
            loss_given_default: Bp(4_500),
        };
        let policy = LoanPolicy {
            margin: Bp(30),
            max_pd: Bp(500),
            max_months: 60,
        };
        let rate = LoanRate::price(&policy, &costs, Bp(300), Bp(200));
        assert_eq!(rate.expected_loss, Bp(90));
        assert_eq!(rate.cost_of_capital, Bp(70));
        assert_eq!(rate.total(), Bp(590));
        let sum: i32 = rate.components().iter().map(|(_, bp)| bp.0).sum();
        assert_eq!(Bp(sum), rate.total());
    }

    #[test]
    fn msc_parts_add_up() {
        let rates = MscRates {
            interchange: Bp(20),
            scheme_fee: Bp(5),
            acquirer_margin: Bp(25),
        };
        let split = MscSplit::of(Money::euros(100), rates).unwrap();
        assert_eq!(split.interchange, Money::cents(20));
        assert_eq!(split.scheme_fee, Money::cents(5));
        assert_eq!(split.acquirer_margin, Money::cents(25));
        assert_eq!(split.total(), Ok(Money::cents(50)));
        assert_eq!(rates.total(), Bp(50));
    }

    #[test]
    fn linear_amortisation_pays_everything_back() {
        let mut owed = Money::euros(1_000);
        let mut interest_paid = Money::ZERO;
        for left in (1..=3).rev() {
            let (principal, interest) = instalment(owed, left, Bp(1_200)).unwrap();
            owed = owed.checked_sub(principal).unwrap();
            interest_paid = interest_paid.checked_add(interest).unwrap();
        }
        assert_eq!(owed, Money::ZERO);
        // 1% a month on 1000, 666.67 and 333.34.
        assert_eq!(interest_paid, Money::cents(1_000 + 667 + 333));
    }
}
