//! Shocks a scenario's timeline or the facilitator applies between two turns: the policy rate,
//! regulation, a recession, a fraud wave, the transparency layer.
use super::config::Transparency;
use super::economy::Economy;
use super::error::SimError;
use super::ids::Turn;
use super::money::{Bp, Money};
use serde::{Deserialize, Serialize};

/// A change to the economy from outside the players' decisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shock {
    /// The central bank moves its policy rate: banks' cost of funds and what reserves earn.
    PolicyRate(Bp),
    /// The regulator caps interchange (`None` lifts a cap).
    InterchangeCap {
        debit: Option<Bp>,
        credit: Option<Bp>,
    },
    /// The regulator caps irregular-payment fees (`None` lifts a cap).
    FeeCap {
        per_payment: Option<Money>,
        per_month: Option<Money>,
    },
    /// For `months` months, salaries fall by `income_cut` and borrowers' yearly probability of
    /// default rises by `pd_rise`.
    Recession {
        months: u16,
        income_cut: Bp,
        pd_rise: Bp,
    },
    /// For `months` months, each month a share of cardholders suffer a fraudulent card payment
    /// of `loss` as a share of their monthly spending budget; the card issuer refunds them.
    FraudWave { months: u16, share: Bp, loss: Bp },
    /// What players see changes.
    Transparency(Transparency),
}

/// Conditions that last several months, left by earlier shocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conditions {
    pub recession: Option<Recession>,
    pub fraud: Option<FraudWave>,
}

/// A recession running until the end of turn `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recession {
    pub until: Turn,
    pub income_cut: Bp,
    pub pd_rise: Bp,
}

/// A fraud wave running until the end of turn `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FraudWave {
    pub until: Turn,
    pub share: Bp,
    pub loss: Bp,
}

impl Shock {
    /// Why this shock cannot happen, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let share = |name: &str, b: Bp| {
            (!(0..=10_000).contains(&b.0)).then(|| format!("{name} must be 0 to 10000 bp"))
        };
        let months = |m: u16| (m == 0).then(|| "months must be at least 1".to_string());
        match *self {
            Shock::PolicyRate(r) => {
                (!(-2_000..=5_000).contains(&r.0)).then(|| "policy rate out of range".into())
            }
            Shock::InterchangeCap { debit, credit } => [debit, credit]
                .into_iter()
                .flatten()
                .find_map(|b| share("interchange cap", b)),
            Shock::FeeCap {
                per_payment,
                per_month,
            } => [per_payment, per_month]
                .into_iter()
                .flatten()
                .any(Money::is_negative)
                .then(|| "a fee cap is negative".into()),
            Shock::Recession {
                months: m,
                income_cut,
                pd_rise,
            } => months(m)
                .or_else(|| share("income cut", income_cut))
                .or_else(|| share("pd rise", pd_rise)),
            Shock::FraudWave {
                months: m,
                share: s,
                loss,
            } => months(m)
                .or_else(|| share("share", s))
                .or_else(|| share("loss", loss)),
            Shock::Transparency(_) => None,
        }
    }
}

impl Economy {
    /// Applies a shock from the next turn on, and lists it in that turn's report.
    pub fn apply_shock(&mut self, shock: Shock) -> Result<(), SimError> {
        if let Some(why) = shock.problem() {
            return Err(SimError::InvalidConfig(why));
        }
        let next = self.turn();
        let last = |months: u16| next.saturating_add(months - 1);
        match shock {
            Shock::PolicyRate(r) => self.params.policy_rate = r,
            Shock::InterchangeCap { debit, credit } => {
                self.params.caps.interchange_debit = debit;
                self.params.caps.interchange_credit = credit;
            }
            Shock::FeeCap {
                per_payment,
                per_month,
            } => {
                self.params.caps.irregular_fee_per_payment = per_payment;
                self.params.caps.irregular_fees_per_month = per_month;
            }
            Shock::Recession {
                months,
                income_cut,
                pd_rise,
            } => {
                self.conditions.recession = Some(Recession {
                    until: last(months),
                    income_cut,
                    pd_rise,
                })
            }
            Shock::FraudWave {
                months,
                share,
                loss,
            } => {
                self.conditions.fraud = Some(FraudWave {
                    until: last(months),
                    share,
                    loss,
                })
            }
            Shock::Transparency(layer) => self.params.transparency = layer,
        }
        self.pending_shocks.push(shock);
        Ok(())
    }

    /// The lasting conditions in force.
    pub fn conditions(&self) -> &Conditions {
        &self.conditions
    }

    /// The recession in force during `turn`, if any.
    pub(super) fn recession_in(&self, turn: Turn) -> Option<Recession> {
        self.conditions.recession.filter(|r| turn <= r.until)
    }

    /// A borrower's yearly probability of default as scoring sees it now: in a recession,
    /// every borrower looks riskier.
    pub fn effective_pd(&self, pd: Bp) -> Bp {
        Bp(pd
            .0
            .saturating_add(self.recession_in(self.turn()).map_or(0, |r| r.pd_rise.0)))
    }

    /// A salary as it is paid now, after any recession's cut.
    pub fn income_now(&self, income: Money) -> Result<Money, super::money::Overflow> {
        let cut = self
            .recession_in(self.turn())
            .map_or(Bp::ZERO, |r| r.income_cut);
        income.checked_sub(income.apply(cut)?)
    }

    /// The fraud wave in force during `turn`, if any.
    pub(super) fn fraud_in(&self, turn: Turn) -> Option<FraudWave> {
        self.conditions.fraud.filter(|f| turn <= f.until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_shocks_are_refused() {
        assert!(
            Shock::Recession {
                months: 0,
                income_cut: Bp(100),
                pd_rise: Bp(0)
            }
            .problem()
            .is_some()
        );
        assert!(
            Shock::FraudWave {
                months: 2,
                share: Bp(20_000),
                loss: Bp(100)
            }
            .problem()
            .is_some()
        );
        assert!(Shock::PolicyRate(Bp(450)).problem().is_none());
    }
}
