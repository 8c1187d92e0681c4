//! The state of every actor: banks, merchants, clients and their loans.
use super::config::{CardKind, Good, Strategy};
use super::decisions::{BusinessDecision, RetailDecision};
use super::ids::{BankId, ClientId, LoanId, MerchantId, Turn};
use super::money::{Bp, Money, Overflow};
use super::mortgage::Secured;
use super::pricing::{LendingCosts, LoanRate};
use serde::{Deserialize, Serialize};

/// Trust in a bank, from 0 (none) to 1,000 (full); it never leaves that range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Trust(u16);

impl Trust {
    pub const MAX: u16 = 1_000;

    pub fn new(points: u16) -> Trust {
        Trust(points.min(Self::MAX))
    }

    pub fn points(self) -> u16 {
        self.0
    }

    pub fn raise(&mut self, points: u16) {
        self.0 = self.0.saturating_add(points).min(Self::MAX);
    }

    pub fn lower(&mut self, points: u16) {
        self.0 = self.0.saturating_sub(points);
    }
}

/// A bank, with its retail side (clients) and its business side (merchants).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bank {
    pub id: BankId,
    pub name: String,
    pub lending: LendingCosts,
    pub fixed_costs: Money,
    pub cost_per_account: Money,
    /// The settings in force this month.
    pub retail: RetailDecision,
    pub business: BusinessDecision,
    /// The scenario's settings, which bots adjust.
    pub baseline_retail: RetailDecision,
    pub baseline_business: BusinessDecision,
    pub retail_strategy: Strategy,
    pub business_strategy: Strategy,
    /// Losses of earlier months not yet set against a profit for tax.
    pub tax_losses: Money,
    /// The month it failed and was resolved: it has no accounts, loans or costs since.
    pub resolved: Option<Turn>,
}

/// A shop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merchant {
    pub id: MerchantId,
    pub name: String,
    /// Holds the account and the acquiring contract.
    pub bank: BankId,
    pub goods: Vec<Good>,
    pub markup: Bp,
    pub baseline_markup: Bp,
    pub accepts_cards: bool,
    pub rent: Money,
    pub pd: Bp,
    pub loan: Option<LoanId>,
    /// The month it last failed to repay a loan: in the credit register for a while.
    pub defaulted: Option<Turn>,
    pub strategy: Strategy,
    /// Month-ends in a row it could not pay its bills (overdrawn by more than a month's rent).
    pub months_short: u8,
    /// The month it closed, unable to pay: it sells, pays and borrows nothing since.
    pub closed: Option<Turn>,
}

impl Merchant {
    /// The shelf price of a good, VAT included: unit cost x (1 + mark-up) x (1 + VAT).
    pub fn price(&self, good: &Good, vat: Bp) -> Result<Money, Overflow> {
        super::pricing::shelf_price(good.unit_cost, self.markup, vat)
    }
}

/// What happened to a household lately, the ground of its trust and of its choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Experience {
    /// What the household expected its bank to charge this month, from the prices it could see
    /// before the month, its own usage and its last statement (`BankOffer::expected_bill`).
    pub expected_fees: Money,
    /// Fees charged this month above that expectation.
    pub surprise_fees: Money,
    /// Last month's unexpected fees: what a complaint is about.
    pub last_surprise_fees: Money,
    /// Every bank fee charged this month.
    pub fees_paid: Money,
    /// Last month's bank fees.
    pub last_fees_paid: Money,
    /// Payments this month that took the account beyond its authorised overdraft.
    pub irregular_payments: u16,
    /// Irregular-payment fees this month, held against the monthly cap.
    pub irregular_fees: Money,
    /// Irregular-payment fees the bank asked for this month but the regulator's caps waived.
    pub fees_waived_by_caps: Money,
    /// Card payments refused this month for lack of funds.
    pub declined_payments: u16,
    /// Bad experiences (a surprise the household noticed, a refused complaint) in the last
    /// twelve months.
    pub bad_experiences: u8,
    /// A bad experience happened this month.
    pub bad_this_month: bool,
    pub months_since_bad: u8,
    pub complaints: u16,
    pub refunds: u16,
    pub last_loan_refused: bool,
    /// The bank it last left, and the month it left.
    pub left: Option<(BankId, Turn)>,
}

/// A household.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client {
    pub id: ClientId,
    pub bank: BankId,
    pub income: Money,
    pub fixed_costs: Money,
    pub spending_budget: Money,
    pub card: CardKind,
    /// This month's share of purchases paid by card.
    pub card_share: Bp,
    /// The household's habit, which its bot starts from.
    pub baseline_card_share: Bp,
    /// This month's share of the budget spent.
    pub spending: Bp,
    pub trust: Trust,
    pub fee_sensitivity: Bp,
    pub pd: Bp,
    pub loan_appetite: Bp,
    pub loan: Option<LoanId>,
    /// The loan on its home, if it has one.
    pub mortgage: Option<LoanId>,
    /// What the household owes on its credit card's revolving credit, if anything.
    pub card_credit: Option<LoanId>,
    /// Monthly chance of wanting to buy a home while it has none.
    pub home_appetite: Bp,
    /// The month it last failed to repay a loan: in the credit register for a while.
    pub defaulted: Option<Turn>,
    /// The last month of the household's hard times (a lost job, an illness, a separation),
    /// when no salary comes in (`credit_risk.rs`).
    pub hard_times_until: Option<Turn>,
    /// The last month the bank must treat the household as financially fragile (`fragile.rs`).
    pub fragile_until: Option<Turn>,
    /// Months in a row that ended with an irregular payment.
    pub irregular_months: u8,
    pub shops: Vec<MerchantId>,
    pub strategy: Strategy,
    pub experience: Experience,
}

impl Client {
    /// The overdraft the bank agrees to: half a month's income.
    pub fn authorised_overdraft(&self) -> Money {
        Money::cents(self.income.as_cents() / 2)
    }

    /// How far past zero the bank lets a direct debit take the account, with a fee, before it
    /// rejects the next: a month's income. Past it, bills go unpaid (the household owes its
    /// landlord) and only the bank's own charges still land.
    pub fn tolerated_overdraft(&self) -> Money {
        self.income
    }

    /// What the household pays out in a normal month: fixed costs and its spending budget.
    pub fn monthly_outgoings(&self) -> Money {
        Money::cents(
            self.fixed_costs
                .as_cents()
                .saturating_add(self.spending_budget.as_cents()),
        )
    }
}

/// Who owes a loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Borrower {
    Client(ClientId),
    Merchant(MerchantId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LoanStatus {
    Performing,
    Repaid,
    Defaulted,
}

/// A consumer, business or home loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loan {
    pub id: LoanId,
    pub lender: BankId,
    pub borrower: Borrower,
    pub principal: Money,
    pub outstanding: Money,
    pub months_left: u16,
    /// The rate and how it was built.
    pub rate: LoanRate,
    /// The yearly probability of default the bank priced: the borrower's own, and any
    /// recession's rise at the time.
    pub pd: Bp,
    /// The borrower's own yearly probability of default, without any recession: each month's
    /// default is drawn from it and that month's recession, if there is one.
    pub own_pd: Bp,
    pub granted: Turn,
    pub status: LoanStatus,
    /// The home behind a home loan; `None` for an unsecured loan.
    pub secured: Option<Secured>,
    /// Instalments in arrears: how many months the oldest unpaid one is past due, since a
    /// payment goes to the oldest first (`credit_risk.rs`).
    #[serde(default)]
    pub missed: u8,
    /// What fell due and was not paid, principal and interest: part of `outstanding`, it bears
    /// no interest (no interest on interest).
    #[serde(default)]
    pub past_due: Money,
    /// What the lender has set aside for this loan's expected loss (its share of the bank's
    /// `Account::Provisions`).
    #[serde(default)]
    pub provision: Money,
    /// Revolving credit on a credit card rather than a loan paid by instalments.
    #[serde(default)]
    pub revolving: bool,
}

impl Loan {
    /// A loan as it is written, before its terms are set: performing, unsecured and paid by
    /// instalments, nothing missed, past due or set aside yet. Callers fill in the terms with
    /// `Loan { principal, outstanding, .., ..Loan::written(..) }`, so that the state a loan
    /// starts in is stated once.
    pub fn written(id: LoanId, lender: BankId, borrower: Borrower, granted: Turn) -> Loan {
        Loan {
            id,
            lender,
            borrower,
            principal: Money::ZERO,
            outstanding: Money::ZERO,
            months_left: 0,
            rate: LoanRate::default(),
            pd: Bp(0),
            own_pd: Bp(0),
            granted,
            status: LoanStatus::Performing,
            secured: None,
            missed: 0,
            past_due: Money::ZERO,
            provision: Money::ZERO,
            revolving: false,
        }
    }

    pub fn product(&self) -> super::ledger::Product {
        match (self.borrower, self.secured) {
            (Borrower::Client(_), Some(_)) => super::ledger::Product::Mortgage,
            (Borrower::Client(_), None) if self.revolving => {
                super::ledger::Product::RevolvingCredit
            }
            (Borrower::Client(_), None) => super::ledger::Product::ConsumerLoan,
            (Borrower::Merchant(_), _) => super::ledger::Product::BusinessLoan,
        }
    }

    /// A payment that went to the arrears, `paid`, all of them or none: the loan is current
    /// again once nothing is past due.
    pub(super) fn clear_arrears(&mut self, paid: Money) -> Result<(), Overflow> {
        self.past_due = self.past_due.checked_sub(paid)?.max(Money::ZERO);
        if self.past_due == Money::ZERO {
            self.missed = 0;
        }
        Ok(())
    }

    /// This month's principal and interest on what is not yet due: equal instalments for a
    /// home loan, equal principal for the others. What is past due comes on top.
    pub fn instalment(&self) -> Result<(Money, Money), Overflow> {
        let rate = self.rate.total();
        let scheduled = self
            .outstanding
            .checked_sub(self.past_due)?
            .max(Money::ZERO);
        match self.secured {
            Some(_) => super::mortgage::annuity(scheduled, self.months_left, rate),
            None => super::pricing::instalment(scheduled, self.months_left, rate),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_stays_in_range() {
        let mut t = Trust::new(5_000);
        assert_eq!(t.points(), 1_000);
        t.raise(10);
        assert_eq!(t.points(), 1_000);
        t.lower(2_000);
        assert_eq!(t.points(), 0);
    }
}
