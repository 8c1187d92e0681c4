//! What a game came to, in the figures a room compares between two tables: each bank's profit
//! and clients, what households paid and lost, what shops paid for cards.
use super::config::Transparency;
use super::economy::Economy;
use super::ids::BankId;
use super::money::Money;

/// One bank at the end of a game.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankOutcome {
    pub bank: BankId,
    pub name: String,
    pub profit: Money,
    pub fee_income: Money,
    /// Households banking there at the end.
    pub clients: u32,
}

/// A whole game, summed over the months played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub months: u16,
    /// The layers the months were played under, in order, each once (the start's if no month
    /// was played).
    pub layers: Vec<Transparency>,
    pub banks: Vec<BankOutcome>,
    /// Fees households paid, and the part of them that came as a surprise (small print).
    pub fees_paid: Money,
    pub surprise_fees: Money,
    pub complaints: u32,
    pub switched_bank: u32,
    /// Households' mean trust in their bank at the end, 0 to 1,000.
    pub average_trust: u16,
    /// Households' money in current accounts and savings at the end.
    pub household_money: Money,
    /// What shops paid for card payments: interchange, scheme fee and acquirer's margin.
    pub card_fees: Money,
    pub shops_accepting_cards: u32,
}

impl Economy {
    /// The game's outcome so far.
    pub fn outcome(&self) -> Outcome {
        let reports = self.reports();
        let sum = |f: &dyn Fn(&super::report::TurnReport) -> Money| {
            reports
                .iter()
                .fold(Money::ZERO, |acc, r| acc.saturating_add(f(r)))
        };
        let last = reports.last();
        let banks = self
            .banks()
            .iter()
            .map(|bank| {
                let id = bank.id;
                let pnl = self.bank_ratios(id).pnl;
                BankOutcome {
                    bank: id,
                    name: bank.name.clone(),
                    profit: pnl.net_profit(),
                    fee_income: pnl.fee_income,
                    clients: self.clients().iter().filter(|c| c.bank == id).count() as u32,
                }
            })
            .collect();
        Outcome {
            months: reports.len() as u16,
            layers: if reports.is_empty() {
                vec![self.params().transparency]
            } else {
                let mut layers: Vec<Transparency> = Vec::new();
                for r in reports {
                    if layers.last() != Some(&r.transparency) {
                        layers.push(r.transparency);
                    }
                }
                layers
            },
            banks,
            fees_paid: sum(&|r| r.clients.fees_paid),
            surprise_fees: sum(&|r| r.clients.surprise_fees),
            complaints: reports.iter().map(|r| r.clients.complaints).sum(),
            switched_bank: reports.iter().map(|r| r.clients.switched_bank).sum(),
            average_trust: last.map_or(0, |r| r.clients.average_trust),
            household_money: last.map_or(Money::ZERO, |r| {
                r.clients.deposits.saturating_add(r.clients.savings)
            }),
            card_fees: sum(&|r| {
                r.merchants
                    .iter()
                    .fold(Money::ZERO, |acc, m| acc.saturating_add(m.card_fees()))
            }),
            shops_accepting_cards: last.map_or(0, |r| {
                r.merchants.iter().filter(|m| m.accepts_cards).count() as u32
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::sim::{Economy, TownSpec, bot_decisions, town};

    #[test]
    fn the_outcome_adds_up_the_months_played() {
        let mut e = Economy::new(town(TownSpec::new(2, 4, 40, 3))).unwrap();
        let before = e.outcome();
        assert_eq!(before.months, 0);
        assert_eq!(before.fees_paid, crate::sim::Money::ZERO);
        let mut fees = 0;
        for _ in 0..6 {
            let d = bot_decisions(&e, &[]);
            let r = e.step(&d).unwrap();
            fees += r.clients.fees_paid.as_cents();
        }
        let o = e.outcome();
        assert_eq!(o.months, 6);
        assert_eq!(o.fees_paid.as_cents(), fees);
        assert_eq!(o.banks.len(), e.banks().len());
        let profits: i64 = o.banks.iter().map(|b| b.profit.as_cents()).sum();
        let by_ratios: i64 = (0..e.banks().len())
            .map(|i| {
                e.bank_ratios(crate::sim::BankId(i as u16))
                    .pnl
                    .net_profit()
                    .as_cents()
            })
            .sum();
        assert_eq!(profits, by_ratios);
        assert!(o.banks.iter().map(|b| b.clients).sum::<u32>() > 0);
        assert!(o.card_fees.is_positive());
    }
}
