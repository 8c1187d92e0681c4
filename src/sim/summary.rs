//! What a game came to, computed once from the turn reports: each bank's results and ratios,
//! the shops' and the households' totals, and the named metrics scenarios state their lessons
//! in. The command line's summary, report and sweep, the debrief and the two tables all read it.
use super::Strategy;
use super::config::Transparency;
use super::economy::Economy;
use super::ids::BankId;
use super::ledger::PostingKind;
use super::money::{Bp, Money};
use super::report::{BalanceSheet, BankPnl};
use serde::{Deserialize, Serialize};

/// A game so far, summed over the months played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub turns_played: usize,
    pub postings: u64,
    pub books_balanced: bool,
    /// The layers the months were played under, in order, each once (the start's if no month
    /// was played).
    pub layers: Vec<Transparency>,
    pub banks: Vec<BankSummary>,
    pub merchants: MerchantSummary,
    pub households: HouseholdSummary,
}

/// One bank over the game so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankSummary {
    pub bank: BankId,
    pub name: String,
    pub retail_strategy: Strategy,
    pub business_strategy: Strategy,
    /// Households and shops banking with it now.
    pub clients: u32,
    pub merchants: u32,
    pub clients_won: u32,
    pub clients_lost: u32,
    pub merchants_won: u32,
    pub merchants_lost: u32,
    /// Its clients' mean trust in it now, 0 to 1,000.
    pub average_trust: u16,
    /// Its irregular-payment fee now, after the regulator's cap.
    pub irregular_fee: Money,
    /// What its small print earned over the game: irregular-payment fees and overdraft
    /// interest.
    pub small_print_income: Money,
    pub sheet: BalanceSheet,
    pub ratios: BankRatios,
}

/// The shops over the whole game.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MerchantSummary {
    pub count: usize,
    pub sales: Money,
    pub card_sales: Money,
    /// Interchange, scheme fee and acquirer margin.
    pub card_fees: Money,
    pub vat: Money,
    pub net_income: Money,
    /// Shops that changed bank.
    pub switched_bank: u32,
    /// Shops taking cards at the end of the last month played.
    pub accepting_cards: u32,
}

/// The households: summed over the game, and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HouseholdSummary {
    pub count: u32,
    /// Mean trust in their bank at the end of the last month played, 0 to 1,000.
    pub average_trust: u16,
    pub switched_bank: u32,
    pub complaints: u32,
    pub fees_paid: Money,
    /// Fees charged above what households expected from the prices they could see.
    pub surprise_fees: Money,
    pub interest_earned: Money,
    /// `interest_earned` over the average money in current accounts and savings, per year.
    pub savings_yield: Bp,
    pub irregular_payments: u32,
    /// Overdrawn at the end of the last month played.
    pub overdrawn: u32,
    /// Money in current accounts and savings at the end of the last month played.
    pub money: Money,
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
    /// Credit losses (written off at default: there are no provisions) over average loans and
    /// overdrafts, per year.
    pub cost_of_risk: Bp,
    /// Operating costs over operating income.
    pub cost_income: Bp,
    /// Net profit over average equity, per year.
    pub return_on_equity: Bp,
    /// CET1 capital over risk-weighted assets at the end of the last month played.
    pub cet1: Bp,
    /// Loans (consumer, home and business) and overdrafts over deposits and savings, on average
    /// over the months.
    pub loans_to_deposits: Bp,
    /// Reserves held at the central bank over total assets, on average over the months.
    pub cash_to_assets: Bp,
}

/// A figure a scenario's lesson is stated in, measured on a whole game. A bank's metric names
/// its bank: by id (`BankId`) in the economy, by the author's id (`String`) in a scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename = "metric", rename_all = "snake_case")]
pub enum Metric<B = BankId> {
    /// Fees households paid their banks (euros).
    HouseholdsFeesPaid,
    /// The part of them above what households expected (euros).
    HouseholdsSurpriseFees,
    /// Interest households earned on current accounts and savings (euros).
    HouseholdsInterest,
    /// That interest as a yearly share of what they held in current accounts and savings, on
    /// average over the months (percent a year): the rate savers were paid, whatever they held.
    HouseholdsSavingsYield,
    /// Households that changed bank.
    HouseholdsSwitched,
    HouseholdsComplaints,
    /// Households' mean trust in their bank at the end (0 to 1,000).
    HouseholdsTrust,
    /// What shops paid for card payments (euros).
    MerchantsCardFees,
    /// Shops that changed bank.
    MerchantsSwitched,
    /// Shops taking cards at the end.
    MerchantsAcceptingCards,
    MerchantsNetIncome,
    /// Every bank's fee income, together (euros).
    BanksFeeIncome,
    /// One bank's households at the end.
    BankClients(B),
    /// One bank's shops at the end.
    BankMerchants(B),
    BankProfit(B),
    BankFeeIncome(B),
    /// One bank's net interest margin (percent a year).
    BankNim(B),
    /// One bank's irregular-payment fee at the end, after the regulator's cap (euros): the
    /// add-on price of Gabaix & Laibson's shrouded-attributes model.
    BankIrregularFee(B),
    /// What one bank's small print earned: irregular-payment fees and overdraft interest (euros).
    BankSmallPrintIncome(B),
}

/// How a metric is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Euros,
    Count,
    /// Trust points, 0 to 1,000.
    Points,
    Percent,
}

impl<B> Metric<B> {
    /// The same metric with its bank named otherwise.
    pub fn with_bank<C>(self, name: impl FnOnce(B) -> C) -> Metric<C> {
        match self {
            Metric::HouseholdsFeesPaid => Metric::HouseholdsFeesPaid,
            Metric::HouseholdsSurpriseFees => Metric::HouseholdsSurpriseFees,
            Metric::HouseholdsInterest => Metric::HouseholdsInterest,
            Metric::HouseholdsSavingsYield => Metric::HouseholdsSavingsYield,
            Metric::HouseholdsSwitched => Metric::HouseholdsSwitched,
            Metric::HouseholdsComplaints => Metric::HouseholdsComplaints,
            Metric::HouseholdsTrust => Metric::HouseholdsTrust,
            Metric::MerchantsCardFees => Metric::MerchantsCardFees,
            Metric::MerchantsSwitched => Metric::MerchantsSwitched,
            Metric::MerchantsAcceptingCards => Metric::MerchantsAcceptingCards,
            Metric::MerchantsNetIncome => Metric::MerchantsNetIncome,
            Metric::BanksFeeIncome => Metric::BanksFeeIncome,
            Metric::BankClients(b) => Metric::BankClients(name(b)),
            Metric::BankMerchants(b) => Metric::BankMerchants(name(b)),
            Metric::BankProfit(b) => Metric::BankProfit(name(b)),
            Metric::BankFeeIncome(b) => Metric::BankFeeIncome(name(b)),
            Metric::BankNim(b) => Metric::BankNim(name(b)),
            Metric::BankIrregularFee(b) => Metric::BankIrregularFee(name(b)),
            Metric::BankSmallPrintIncome(b) => Metric::BankSmallPrintIncome(name(b)),
        }
    }
}

impl Metric {
    pub fn unit(self) -> Unit {
        match self {
            Metric::HouseholdsFeesPaid
            | Metric::HouseholdsSurpriseFees
            | Metric::HouseholdsInterest
            | Metric::MerchantsCardFees
            | Metric::MerchantsNetIncome
            | Metric::BanksFeeIncome
            | Metric::BankProfit(_)
            | Metric::BankFeeIncome(_)
            | Metric::BankIrregularFee(_)
            | Metric::BankSmallPrintIncome(_) => Unit::Euros,
            Metric::HouseholdsSwitched
            | Metric::HouseholdsComplaints
            | Metric::MerchantsSwitched
            | Metric::MerchantsAcceptingCards
            | Metric::BankClients(_)
            | Metric::BankMerchants(_) => Unit::Count,
            Metric::HouseholdsTrust => Unit::Points,
            Metric::BankNim(_) | Metric::HouseholdsSavingsYield => Unit::Percent,
        }
    }

    /// The bank a metric is about, if any.
    pub fn bank(self) -> Option<BankId> {
        match self {
            Metric::BankClients(b)
            | Metric::BankMerchants(b)
            | Metric::BankProfit(b)
            | Metric::BankFeeIncome(b)
            | Metric::BankNim(b)
            | Metric::BankIrregularFee(b)
            | Metric::BankSmallPrintIncome(b) => Some(b),
            _ => None,
        }
    }
}

fn ratio(numerator: i128, denominator: i128) -> Bp {
    if denominator == 0 {
        return Bp::ZERO;
    }
    Bp(((numerator * 10_000 + denominator / 2) / denominator)
        .clamp(i32::MIN as i128, i32::MAX as i128) as i32)
}

fn euros(m: Money) -> f64 {
    m.as_cents() as f64 / 100.0
}

impl Summary {
    /// The value of a metric in this game; `None` for a bank the economy does not have.
    pub fn metric(&self, metric: Metric) -> Option<f64> {
        let bank = |b: BankId| self.banks.get(b.index());
        let h = &self.households;
        let m = &self.merchants;
        Some(match metric {
            Metric::HouseholdsFeesPaid => euros(h.fees_paid),
            Metric::HouseholdsSurpriseFees => euros(h.surprise_fees),
            Metric::HouseholdsInterest => euros(h.interest_earned),
            Metric::HouseholdsSavingsYield => f64::from(h.savings_yield.0) / 100.0,
            Metric::HouseholdsSwitched => f64::from(h.switched_bank),
            Metric::HouseholdsComplaints => f64::from(h.complaints),
            Metric::HouseholdsTrust => f64::from(h.average_trust),
            Metric::MerchantsCardFees => euros(m.card_fees),
            Metric::MerchantsSwitched => f64::from(m.switched_bank),
            Metric::MerchantsAcceptingCards => f64::from(m.accepting_cards),
            Metric::MerchantsNetIncome => euros(m.net_income),
            Metric::BanksFeeIncome => euros(self.banks.iter().fold(Money::ZERO, |a, b| {
                a.saturating_add(b.ratios.pnl.fee_income)
            })),
            Metric::BankClients(b) => f64::from(bank(b)?.clients),
            Metric::BankMerchants(b) => f64::from(bank(b)?.merchants),
            Metric::BankProfit(b) => euros(bank(b)?.ratios.pnl.net_profit()),
            Metric::BankFeeIncome(b) => euros(bank(b)?.ratios.pnl.fee_income),
            Metric::BankNim(b) => f64::from(bank(b)?.ratios.net_interest_margin.0) / 100.0,
            Metric::BankIrregularFee(b) => euros(bank(b)?.irregular_fee),
            Metric::BankSmallPrintIncome(b) => euros(bank(b)?.small_print_income),
        })
    }
}

impl Economy {
    /// A bank's ratios over every turn played.
    pub fn bank_ratios(&self, bank: BankId) -> BankRatios {
        let mut pnl = BankPnl::default();
        let (mut earning, mut loans, mut equity) = (0i128, 0i128, 0i128);
        let (mut deposits, mut cash, mut assets) = (0i128, 0i128, 0i128);
        let mut cet1 = Bp::ZERO;
        for b in self
            .reports
            .iter()
            .filter_map(|r| r.banks.get(bank.index()))
        {
            pnl.add(&b.pnl);
            earning += i128::from(b.sheet.earning_assets().as_cents());
            // Loans and advances: overdrafts too (EBA's definitions for the cost of risk and
            // the loan-to-deposit ratio).
            loans += i128::from(b.sheet.consumer_loans.as_cents())
                + i128::from(b.sheet.mortgages.as_cents())
                + i128::from(b.sheet.business_loans.as_cents())
                + i128::from(b.sheet.overdrafts.as_cents());
            equity += i128::from(b.sheet.equity.as_cents());
            deposits +=
                i128::from(b.sheet.deposits.as_cents()) + i128::from(b.sheet.savings.as_cents());
            cash += i128::from(b.sheet.reserves.max(Money::ZERO).as_cents());
            assets += i128::from(b.sheet.assets().as_cents());
            // A resolved bank has no capital and no risks: no ratio to speak of.
            cet1 = if self
                .banks
                .get(bank.index())
                .is_some_and(|b| b.resolved.is_some())
            {
                Bp::ZERO
            } else {
                b.capital.ratio()
            };
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
            cet1,
            loans_to_deposits: ratio(loans, deposits),
            cash_to_assets: ratio(cash, assets),
        }
    }

    /// What the game came to so far: one entry per bank, then the shops and the households.
    /// Plain data; the command line puts it into words (`headless::summary`).
    pub fn summary(&self) -> Summary {
        let reports = &self.reports;
        let last = reports.last();
        let sheets = self.balance_sheets();
        let banks = self
            .banks
            .iter()
            .map(|bank| {
                let i = bank.id.index();
                let mut total = super::report::BankActivity::default();
                let mut small_print = Money::ZERO;
                for t in reports
                    .iter()
                    .filter_map(|r| r.banks.get(i)?.totals.as_deref())
                {
                    small_print = small_print
                        .saturating_add(t.kind(PostingKind::IrregularPaymentFee))
                        .saturating_add(t.kind(PostingKind::OverdraftInterest));
                }
                for a in reports
                    .iter()
                    .filter_map(|r| r.banks.get(i))
                    .map(|b| b.activity)
                {
                    total.clients_won += a.clients_won;
                    total.clients_lost += a.clients_lost;
                    total.merchants_won += a.merchants_won;
                    total.merchants_lost += a.merchants_lost;
                }
                let now = last
                    .and_then(|l| l.banks.get(i))
                    .map(|b| b.activity)
                    .unwrap_or_default();
                BankSummary {
                    bank: bank.id,
                    name: bank.name.clone(),
                    retail_strategy: bank.retail_strategy,
                    business_strategy: bank.business_strategy,
                    clients: self.clients.iter().filter(|c| c.bank == bank.id).count() as u32,
                    merchants: self.merchants.iter().filter(|m| m.bank == bank.id).count() as u32,
                    clients_won: total.clients_won,
                    clients_lost: total.clients_lost,
                    merchants_won: total.merchants_won,
                    merchants_lost: total.merchants_lost,
                    average_trust: now.average_trust,
                    irregular_fee: self
                        .params
                        .caps
                        .irregular_fee_per_payment
                        .map_or(bank.retail.fees.irregular_payment_fee, |cap| {
                            bank.retail.fees.irregular_payment_fee.min(cap)
                        }),
                    small_print_income: small_print,
                    sheet: sheets.get(i).copied().unwrap_or_default(),
                    ratios: self.bank_ratios(bank.id),
                }
            })
            .collect();
        let mut merchants = MerchantSummary {
            count: self.merchants.len(),
            sales: Money::ZERO,
            card_sales: Money::ZERO,
            card_fees: Money::ZERO,
            vat: Money::ZERO,
            net_income: Money::ZERO,
            switched_bank: 0,
            accepting_cards: last.map_or(0, |l| {
                l.merchants.iter().filter(|m| m.accepts_cards).count() as u32
            }),
        };
        let mut households = HouseholdSummary {
            count: self.clients.len() as u32,
            average_trust: last.map_or(0, |l| l.clients.average_trust),
            switched_bank: 0,
            complaints: 0,
            fees_paid: Money::ZERO,
            surprise_fees: Money::ZERO,
            interest_earned: Money::ZERO,
            savings_yield: Bp::ZERO,
            irregular_payments: 0,
            overdrawn: last.map_or(0, |l| l.clients.overdrawn),
            money: last.map_or(Money::ZERO, |l| {
                l.clients.deposits.saturating_add(l.clients.savings)
            }),
        };
        let mut held = 0i128;
        for r in reports {
            for m in &r.merchants {
                let s = &mut merchants;
                s.sales = s.sales.saturating_add(m.sales);
                s.card_sales = s.card_sales.saturating_add(m.card_sales);
                s.card_fees = s.card_fees.saturating_add(m.card_fees());
                s.vat = s.vat.saturating_add(m.vat);
                s.net_income = s.net_income.saturating_add(m.net_income);
            }
            merchants.switched_bank += r
                .banks
                .iter()
                .map(|b| b.activity.merchants_lost)
                .sum::<u32>();
            let c = &r.clients;
            let h = &mut households;
            h.switched_bank += c.switched_bank;
            h.complaints += c.complaints;
            h.fees_paid = h.fees_paid.saturating_add(c.fees_paid);
            h.surprise_fees = h.surprise_fees.saturating_add(c.surprise_fees);
            h.interest_earned = h.interest_earned.saturating_add(c.interest_earned);
            h.irregular_payments += c.irregular_payments;
            held += i128::from(c.deposits.as_cents()) + i128::from(c.savings.as_cents());
        }
        // Interest over the average holding, times twelve: the months cancel out.
        households.savings_yield =
            ratio(i128::from(households.interest_earned.as_cents()) * 12, held);
        Summary {
            turns_played: reports.len(),
            postings: self.ledger.posting_count(),
            books_balanced: self.ledger.is_balanced(),
            layers: if reports.is_empty() {
                vec![self.params.transparency]
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
            merchants,
            households,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::sim::{BankId, Economy, Metric, Money, TownSpec, bot_decisions, town};

    #[test]
    fn the_summary_adds_up_the_months_played() {
        let mut e = Economy::new(town(TownSpec::new(2, 4, 40, 3))).unwrap();
        let before = e.summary();
        assert_eq!(before.turns_played, 0);
        assert_eq!(before.households.fees_paid, Money::ZERO);
        let (mut fees, mut interest) = (0, 0);
        for _ in 0..6 {
            let d = bot_decisions(&e, &[]);
            let r = e.step(&d).unwrap();
            fees += r.clients.fees_paid.as_cents();
            interest += r.clients.interest_earned.as_cents();
        }
        let s = e.summary();
        assert_eq!(s.turns_played, 6);
        assert_eq!(s.households.fees_paid.as_cents(), fees);
        assert!(interest > 0);
        assert_eq!(s.households.interest_earned.as_cents(), interest);
        assert_eq!(s.banks.len(), e.banks().len());
        let clients: u32 = s.banks.iter().map(|b| b.clients).sum();
        assert_eq!(clients as usize, e.clients().len());
        assert!(s.merchants.card_fees.is_positive());
        assert_eq!(
            s.metric(Metric::HouseholdsFeesPaid),
            Some(fees as f64 / 100.0)
        );
        assert_eq!(s.metric(Metric::BankClients(BankId(9))), None);
        let profit: f64 = (0..2)
            .filter_map(|b| s.metric(Metric::BankProfit(BankId(b))))
            .sum();
        let by_ratios: i64 = (0..2)
            .map(|b| e.bank_ratios(BankId(b)).pnl.net_profit().as_cents())
            .sum();
        assert!((profit - by_ratios as f64 / 100.0).abs() < 0.01);
    }
}
