//! What a turn produced, as plain data: P&L and balance sheet of every bank, merchants' results,
//! households' aggregates and the notable events.
use super::actors::Borrower;
use super::config::Transparency;
use super::ids::{BankId, ClientId, LoanId, MerchantId, Turn};
use super::ledger::{PostingKind, Product, Totals};
use super::money::{Bp, Money};
use serde::{Deserialize, Serialize};

/// A bank's balance sheet at the end of a turn. Assets = liabilities + equity, always.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceSheet {
    /// Money held at the central bank; negative when the bank borrows from it.
    pub reserves: Money,
    pub consumer_loans: Money,
    pub business_loans: Money,
    /// Negative balances of client and merchant accounts.
    pub overdrafts: Money,
    /// Positive balances of client current accounts and merchant accounts.
    pub deposits: Money,
    pub savings: Money,
    pub equity: Money,
}

impl BalanceSheet {
    pub fn assets(&self) -> Money {
        Money::cents(
            self.reserves.as_cents()
                + self.consumer_loans.as_cents()
                + self.business_loans.as_cents()
                + self.overdrafts.as_cents(),
        )
    }

    pub fn liabilities_and_equity(&self) -> Money {
        Money::cents(self.deposits.as_cents() + self.savings.as_cents() + self.equity.as_cents())
    }

    /// Assets that earn interest: loans, overdrafts and positive reserves.
    pub fn earning_assets(&self) -> Money {
        Money::cents(
            self.reserves.as_cents().max(0)
                + self.consumer_loans.as_cents()
                + self.business_loans.as_cents()
                + self.overdrafts.as_cents(),
        )
    }
}

/// A bank's profit and loss for one turn, read from the postings on its equity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankPnl {
    pub interest_income: Money,
    pub interest_expense: Money,
    pub fee_income: Money,
    pub operating_costs: Money,
    pub credit_losses: Money,
}

impl BankPnl {
    /// Reads the P&L from the month's totals on the bank's equity account.
    pub fn from_totals(t: &Totals) -> BankPnl {
        let mut pnl = BankPnl::default();
        let add = |m: &mut Money, x: Money| *m = Money::cents(m.as_cents() + x.as_cents());
        for (_, kind, net) in t.cells() {
            match kind {
                PostingKind::LoanInterest
                | PostingKind::OverdraftInterest
                | PostingKind::ReserveInterest
                | PostingKind::DepositInterest
                | PostingKind::SavingsInterest => {
                    if net.is_positive() {
                        add(&mut pnl.interest_income, net);
                    } else {
                        add(&mut pnl.interest_expense, Money::cents(-net.as_cents()));
                    }
                }
                PostingKind::AccountFee
                | PostingKind::CardFee
                | PostingKind::IrregularPaymentFee
                | PostingKind::TerminalFee
                | PostingKind::Interchange
                | PostingKind::AcquirerMargin
                | PostingKind::ComplaintRefund => add(&mut pnl.fee_income, net),
                PostingKind::BankOperatingCost => {
                    add(&mut pnl.operating_costs, Money::cents(-net.as_cents()))
                }
                PostingKind::CreditLoss => {
                    add(&mut pnl.credit_losses, Money::cents(-net.as_cents()))
                }
                _ => {}
            }
        }
        pnl
    }

    pub fn net_interest_income(&self) -> Money {
        Money::cents(self.interest_income.as_cents() - self.interest_expense.as_cents())
    }

    /// Net interest income plus fees: what the bank earns before costs.
    pub fn operating_income(&self) -> Money {
        Money::cents(self.net_interest_income().as_cents() + self.fee_income.as_cents())
    }

    pub fn net_profit(&self) -> Money {
        Money::cents(
            self.operating_income().as_cents()
                - self.operating_costs.as_cents()
                - self.credit_losses.as_cents(),
        )
    }

    /// Adds another period's P&L.
    pub fn add(&mut self, other: &BankPnl) {
        let BankPnl {
            interest_income,
            interest_expense,
            fee_income,
            operating_costs,
            credit_losses,
        } = other;
        let add = |m: &mut Money, x: &Money| *m = Money::cents(m.as_cents() + x.as_cents());
        add(&mut self.interest_income, interest_income);
        add(&mut self.interest_expense, interest_expense);
        add(&mut self.fee_income, fee_income);
        add(&mut self.operating_costs, operating_costs);
        add(&mut self.credit_losses, credit_losses);
    }
}

/// Counts of what happened at a bank in a turn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankActivity {
    pub clients: u32,
    pub merchants: u32,
    pub clients_won: u32,
    pub clients_lost: u32,
    pub merchants_won: u32,
    pub merchants_lost: u32,
    pub complaints: u32,
    pub complaints_refunded: u32,
    pub loans_granted: u32,
    pub loans_refused: u32,
    pub defaults: u32,
}

/// One bank's turn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankReport {
    pub bank: BankId,
    pub pnl: BankPnl,
    pub sheet: BalanceSheet,
    pub activity: BankActivity,
    /// The month's postings on the bank's equity by product and kind, for product margins.
    #[serde(skip)]
    pub totals: Option<Box<Totals>>,
    /// Funds transfer pricing at the policy rate, by product: what each product's money is worth
    /// to the bank (positive for deposits, negative for loans); the reserves line carries the
    /// rest, so the lines add up to zero.
    pub funding: Vec<(Product, Money)>,
}

/// One merchant's turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantReport {
    pub merchant: MerchantId,
    /// Sales, VAT included.
    pub sales: Money,
    pub card_sales: Money,
    pub vat: Money,
    pub cost_of_goods: Money,
    /// The merchant service charge on card sales, in its three parts.
    pub interchange: Money,
    pub scheme_fee: Money,
    pub acquirer_margin: Money,
    /// Terminal rent, account fee and overdraft interest.
    pub bank_fees: Money,
    pub rent: Money,
    pub loan_interest: Money,
    /// What is left: sales minus everything above.
    pub net_income: Money,
    pub balance: Money,
    pub accepts_cards: bool,
}

impl MerchantReport {
    /// The whole merchant service charge: interchange + scheme fee + acquirer margin.
    pub fn card_fees(&self) -> Money {
        Money::cents(
            self.interchange.as_cents()
                + self.scheme_fee.as_cents()
                + self.acquirer_margin.as_cents(),
        )
    }

    /// Gross margin: sales less VAT and the cost of goods.
    pub fn gross_margin(&self) -> Money {
        Money::cents(self.sales.as_cents() - self.vat.as_cents() - self.cost_of_goods.as_cents())
    }
}

/// The households, all together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientsReport {
    pub count: u32,
    /// Mean trust in their bank, 0 to 1,000.
    pub average_trust: u16,
    pub income: Money,
    pub card_spending: Money,
    pub cash_spending: Money,
    pub card_payments: u64,
    pub cash_payments: u64,
    pub fees_paid: Money,
    pub surprise_fees: Money,
    /// Irregular-payment fees the caps saved households.
    pub fees_waived_by_caps: Money,
    pub irregular_payments: u32,
    pub declined_payments: u32,
    pub overdrawn: u32,
    pub complaints: u32,
    pub switched_bank: u32,
    pub switched_merchant: u32,
    pub deposits: Money,
    pub savings: Money,
}

/// Something notable a player may want to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SimEvent {
    LoanGranted {
        loan: LoanId,
    },
    LoanRefused {
        borrower: Borrower,
        bank: BankId,
        reason: RefusalReason,
    },
    LoanDefaulted {
        loan: LoanId,
        loss: Money,
    },
    LoanRepaid {
        loan: LoanId,
    },
    ComplaintRefunded {
        client: ClientId,
        bank: BankId,
        amount: Money,
    },
    ComplaintRefused {
        client: ClientId,
        bank: BankId,
        amount: Money,
    },
    ClientSwitched {
        client: ClientId,
        from: BankId,
        to: BankId,
    },
    MerchantSwitched {
        merchant: MerchantId,
        from: BankId,
        to: BankId,
    },
}

/// Why a bank refused a loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefusalReason {
    /// The borrower's probability of default is above what the bank accepts.
    TooRisky,
    /// The instalment would take more than a third of the borrower's spare income.
    Unaffordable,
    /// The borrower already has a loan.
    AlreadyBorrowing,
}

/// Everything a turn produced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TurnReport {
    pub turn: Turn,
    pub policy_rate: Bp,
    pub transparency: Transparency,
    pub banks: Vec<BankReport>,
    pub merchants: Vec<MerchantReport>,
    pub clients: ClientsReport,
    pub events: Vec<SimEvent>,
}
