//! A bank's capital as its supervisor counts it: risk-weighted assets under the standardised
//! approach, the CET1 ratio against a requirement, and the profit tax on what it earns.
use serde::{Deserialize, Serialize};

use super::money::{Bp, Money, Overflow};
use super::report::BalanceSheet;

/// The rules of capital and tax for every bank of the town.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapitalRules {
    /// The least CET1 capital, as a share of risk-weighted assets, under which a bank may not
    /// lend more: the 4.5% minimum (CRR art. 92) and the 2.5% conservation buffer (CRD art.
    /// 129).
    pub requirement: Bp,
    /// Risk weights of the standardised approach: retail exposures (consumer loans and
    /// overdrafts) 75% (CRR art. 123), loans to small businesses 85% (CRR3's SME corporate
    /// weight), reserves at the central bank 0% (art. 114).
    pub retail_weight: Bp,
    pub sme_weight: Bp,
    /// Loans secured on the borrower's home: 35% on the part within 80% of the home's value,
    /// the retail weight on the rest (CRR art. 125; `MortgageRules::risk_weighted`).
    pub mortgage_weight: Bp,
    /// Operational risk: 15% of a year's operating income (the basic indicator approach,
    /// CRR art. 315), times 12.5 to count as risk-weighted assets.
    pub operational_share: Bp,
    /// Tax on a bank's profit, after the losses of earlier months (France's corporate rate, 25%
    /// since 2022).
    pub profit_tax: Bp,
    /// The share of a year's profit after tax a bank pays its shareholders at the end of each
    /// twelfth month, if its CET1 ratio stays at or above the requirement afterwards (below it,
    /// CRD art. 141 restricts distributions). European banks paid out about half in 2023.
    pub dividend_payout: Bp,
}

impl Default for CapitalRules {
    fn default() -> Self {
        CapitalRules {
            requirement: Bp(700),
            retail_weight: Bp(7_500),
            sme_weight: Bp(8_500),
            mortgage_weight: Bp(3_500),
            operational_share: Bp(1_500),
            profit_tax: Bp(2_500),
            dividend_payout: Bp(5_000),
        }
    }
}

/// A bank's capital position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capital {
    /// Common equity tier 1: the bank's equity (no deductions in this town).
    pub cet1: Money,
    /// Risk-weighted assets: credit risk and operational risk.
    pub rwa: Money,
    /// The CET1 ratio the supervisor asks.
    pub requirement: Bp,
}

impl Capital {
    /// A bank's capital from its balance sheet, its home loans already risk-weighted (their
    /// weight depends on each home's value) and its operating income over the last year.
    pub fn of(
        rules: &CapitalRules,
        sheet: &BalanceSheet,
        homes: Money,
        yearly_income: Money,
    ) -> Result<Capital, Overflow> {
        let retail = sheet
            .consumer_loans
            .checked_add(sheet.overdrafts)?
            .apply(rules.retail_weight)?;
        let sme = sheet.business_loans.apply(rules.sme_weight)?;
        let operational = yearly_income
            .max(Money::ZERO)
            .apply(rules.operational_share)?
            .ratio(25, 2)?;
        Ok(Capital {
            cet1: sheet.equity,
            rwa: Money::sum([retail, sme, homes, operational])?,
            requirement: rules.requirement,
        })
    }

    /// CET1 over risk-weighted assets (100% when there is no risk at all).
    pub fn ratio(&self) -> Bp {
        if !self.rwa.is_positive() {
            return Bp::FULL;
        }
        let bp = i128::from(self.cet1.as_cents()) * 10_000 / i128::from(self.rwa.as_cents());
        Bp(bp.clamp(i128::from(i32::MIN), i128::from(i32::MAX)) as i32)
    }

    /// Whether the bank may take on `more` risk-weighted assets and still meet the requirement.
    pub fn allows(&self, more: Money) -> bool {
        let rwa = i128::from(self.rwa.as_cents()) + i128::from(more.as_cents().max(0));
        i128::from(self.cet1.as_cents()) * 10_000 >= rwa * i128::from(self.requirement.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bank_with_seven_percent_of_its_risk_may_not_take_more() {
        let rules = CapitalRules::default();
        let sheet = BalanceSheet {
            reserves: Money::euros(500_000),
            consumer_loans: Money::euros(800_000),
            mortgages: Money::euros(400_000),
            business_loans: Money::euros(200_000),
            loan_loss_allowance: Money::ZERO,
            overdrafts: Money::ZERO,
            deposits: Money::euros(1_800_000),
            savings: Money::ZERO,
            equity: Money::euros(100_000),
        };
        // 600,000 + 170,000 + 140,000 of credit risk, 12.5 x 15% of 80,000 of income.
        let homes = sheet.mortgages.apply(rules.mortgage_weight).unwrap();
        let c = Capital::of(&rules, &sheet, homes, Money::euros(80_000)).unwrap();
        assert_eq!(c.rwa, Money::euros(1_060_000));
        assert_eq!(c.ratio(), Bp(943));
        // 100,000 / 7% = 1,428,571 of risk-weighted assets at most.
        assert!(c.allows(Money::euros(360_000)));
        assert!(!c.allows(Money::euros(370_000)));
        assert_eq!(Capital::default().ratio(), Bp::FULL);
    }
}
