//! Key results of a game, per bank and for the town, computed from the turn reports: the
//! ratios a banker is judged on and a summary of the whole game, as plain data.
use super::Strategy;
use super::economy::Economy;
use super::ids::BankId;
use super::money::{Bp, Money};
use super::report::{BalanceSheet, BankPnl};

/// The key results of a game so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub turns_played: usize,
    pub postings: u64,
    pub books_balanced: bool,
    pub banks: Vec<BankSummary>,
    pub merchants: MerchantSummary,
    /// The households at the end of the last month played; none before the first.
    pub households: Option<HouseholdSummary>,
}

/// One bank at the end of the game so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankSummary {
    pub name: String,
    pub retail_strategy: Strategy,
    pub business_strategy: Strategy,
    /// Clients and shops banking with it now.
    pub clients: u32,
    pub merchants: u32,
    pub clients_won: u32,
    pub clients_lost: u32,
    pub sheet: BalanceSheet,
    pub ratios: BankRatios,
}

/// The shops over the whole game.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MerchantSummary {
    pub count: usize,
    pub sales: Money,
    pub card_fees: Money,
    pub net_income: Money,
}

/// The households: now, and summed over the game.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HouseholdSummary {
    pub count: u32,
    pub average_trust: u16,
    pub switched_bank: u32,
    pub complaints: u32,
    pub surprise_fees: Money,
    pub overdrawn: u32,
}

/// The ratios a banker is judged on, over the turns played.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BankRatios {
    pub bank: BankId,
    pub pnl: BankPnl,
    /// Net interest income over average earning assets, per year.
    pub net_interest_margin: Bp,
    /// Net interest income as a share of operating income.
    pub nii_share: Bp,
    /// Credit losses over average loans, per year.
    pub cost_of_risk: Bp,
    /// Operating costs over operating income.
    pub cost_income: Bp,
    /// Net profit over average equity, per year.
    pub return_on_equity: Bp,
}

fn ratio(numerator: i128, denominator: i128) -> Bp {
    if denominator == 0 {
        return Bp::ZERO;
    }
    Bp(((numerator * 10_000 + denominator / 2) / denominator)
        .clamp(i32::MIN as i128, i32::MAX as i128) as i32)
}

impl Economy {
    /// A bank's ratios over every turn played.
    pub fn bank_ratios(&self, bank: BankId) -> BankRatios {
        let mut pnl = BankPnl::default();
        let (mut earning, mut loans, mut equity) = (0i128, 0i128, 0i128);
        let reports: Vec<_> = self
            .reports
            .iter()
            .filter_map(|r| r.banks.get(bank.index()))
            .collect();
        for b in &reports {
            pnl.add(&b.pnl);
            earning += i128::from(b.sheet.earning_assets().as_cents());
            loans += i128::from(b.sheet.consumer_loans.as_cents())
                + i128::from(b.sheet.business_loans.as_cents());
            equity += i128::from(b.sheet.equity.as_cents());
        }
        // Sums of monthly flows over sums of month-end stocks, times twelve: yearly rates.
        let yearly = |flow: Money, stock: i128| ratio(i128::from(flow.as_cents()) * 12, stock);
        BankRatios {
            bank,
            pnl,
            net_interest_margin: yearly(pnl.net_interest_income(), earning),
            nii_share: ratio(
                pnl.net_interest_income().as_cents().into(),
                pnl.operating_income().as_cents().into(),
            ),
            cost_of_risk: yearly(pnl.credit_losses, loans),
            cost_income: ratio(
                pnl.operating_costs.as_cents().into(),
                pnl.operating_income().as_cents().into(),
            ),
            return_on_equity: yearly(pnl.net_profit(), equity),
        }
    }

    /// The key results of the game so far: one entry per bank, then the shops and the
    /// households. Plain data; the command line puts it into words (`headless::summary`).
    pub fn summary(&self) -> Summary {
        let last = self.reports.last();
        let banks = self
            .banks
            .iter()
            .map(|bank| {
                let of_bank = || {
                    self.reports
                        .iter()
                        .filter_map(|l| l.banks.get(bank.id.index()))
                };
                let activity = last
                    .and_then(|l| l.banks.get(bank.id.index()))
                    .map(|b| b.activity)
                    .unwrap_or_default();
                BankSummary {
                    name: bank.name.clone(),
                    retail_strategy: bank.retail_strategy,
                    business_strategy: bank.business_strategy,
                    clients: activity.clients,
                    merchants: activity.merchants,
                    clients_won: of_bank().map(|b| b.activity.clients_won).sum(),
                    clients_lost: of_bank().map(|b| b.activity.clients_lost).sum(),
                    sheet: self.balance_sheet(bank.id),
                    ratios: self.bank_ratios(bank.id),
                }
            })
            .collect();
        let (mut sales, mut card_fees, mut net_income) = (Money::ZERO, Money::ZERO, Money::ZERO);
        for report in &self.reports {
            for m in &report.merchants {
                sales = sales.saturating_add(m.sales);
                card_fees = card_fees.saturating_add(m.card_fees());
                net_income = net_income.saturating_add(m.net_income);
            }
        }
        let households = last.map(|l| HouseholdSummary {
            count: l.clients.count,
            average_trust: l.clients.average_trust,
            switched_bank: self.reports.iter().map(|r| r.clients.switched_bank).sum(),
            complaints: self.reports.iter().map(|r| r.clients.complaints).sum(),
            surprise_fees: self.reports.iter().fold(Money::ZERO, |sum, r| {
                sum.saturating_add(r.clients.surprise_fees)
            }),
            overdrawn: l.clients.overdrawn,
        });
        Summary {
            turns_played: self.reports.len(),
            postings: self.ledger.posting_count(),
            books_balanced: self.ledger.is_balanced(),
            banks,
            merchants: MerchantSummary {
                count: self.merchants.len(),
                sales,
                card_fees,
                net_income,
            },
            households,
        }
    }
}
