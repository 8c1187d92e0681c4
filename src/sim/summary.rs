//! Key results of a game, per bank and for the town, computed from the turn reports, and a
//! readable text summary of them.
use super::economy::Economy;
use super::ids::BankId;
use super::money::{Bp, Money};
use super::report::BankPnl;
use std::fmt::Write;

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

    /// A readable summary of the game so far: one block per bank, then the shops and the
    /// households. Stable text, fit for golden files.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let last = self.reports.last();
        let _ = writeln!(out, "turns played: {}", self.reports.len());
        let _ = writeln!(out, "postings: {}", self.ledger.posting_count());
        let _ = writeln!(out, "books balanced: {}", self.ledger.is_balanced());
        for bank in &self.banks {
            let r = self.bank_ratios(bank.id);
            let sheet = self.balance_sheet(bank.id);
            let activity = last
                .and_then(|l| l.banks.get(bank.id.index()))
                .map(|b| b.activity)
                .unwrap_or_default();
            let won: u32 = self
                .reports
                .iter()
                .filter_map(|l| l.banks.get(bank.id.index()))
                .map(|b| b.activity.clients_won)
                .sum();
            let lost: u32 = self
                .reports
                .iter()
                .filter_map(|l| l.banks.get(bank.id.index()))
                .map(|b| b.activity.clients_lost)
                .sum();
            let _ = writeln!(
                out,
                "\n{} ({:?} retail, {:?} business)",
                bank.name, bank.retail_strategy, bank.business_strategy
            );
            let _ = writeln!(
                out,
                "  clients {} (won {won}, lost {lost}), merchants {}",
                activity.clients, activity.merchants
            );
            let _ = writeln!(
                out,
                "  balance sheet: reserves {} consumer loans {} business loans {} overdrafts {} | deposits {} savings {} equity {}",
                sheet.reserves,
                sheet.consumer_loans,
                sheet.business_loans,
                sheet.overdrafts,
                sheet.deposits,
                sheet.savings,
                sheet.equity
            );
            let p = r.pnl;
            let _ = writeln!(
                out,
                "  P&L: interest income {} interest expense {} NII {} fees {} operating costs {} credit losses {} net profit {}",
                p.interest_income,
                p.interest_expense,
                p.net_interest_income(),
                p.fee_income,
                p.operating_costs,
                p.credit_losses,
                p.net_profit()
            );
            let _ = writeln!(
                out,
                "  NIM {} | NII share {} | cost of risk {} | cost/income {} | RoE {}",
                r.net_interest_margin,
                r.nii_share,
                r.cost_of_risk,
                r.cost_income,
                r.return_on_equity
            );
        }
        let (mut sales, mut card_fees, mut net) = (Money::ZERO, Money::ZERO, Money::ZERO);
        for report in &self.reports {
            for m in &report.merchants {
                sales = sales.saturating_add(m.sales);
                card_fees = card_fees.saturating_add(m.card_fees());
                net = net.saturating_add(m.net_income);
            }
        }
        let _ = writeln!(
            out,
            "\nmerchants: {} | sales {} | card fees {} | net income {}",
            self.merchants.len(),
            sales,
            card_fees,
            net
        );
        if let Some(l) = last {
            let c = &l.clients;
            let switched: u32 = self.reports.iter().map(|r| r.clients.switched_bank).sum();
            let complaints: u32 = self.reports.iter().map(|r| r.clients.complaints).sum();
            let surprise = self.reports.iter().fold(Money::ZERO, |sum, r| {
                sum.saturating_add(r.clients.surprise_fees)
            });
            let _ = writeln!(
                out,
                "households: {} | average trust {} | switched bank {switched} | complaints {complaints} | surprise fees {} | overdrawn now {}",
                c.count, c.average_trust, surprise, c.overdrawn
            );
        }
        out
    }
}
