//! What a turn produced, as plain data: P&L and balance sheet of every bank, merchants' results,
//! households' aggregates and the notable events.
use super::actors::Borrower;
use super::config::Transparency;
use super::ids::{BankId, ClientId, LoanId, MerchantId, Turn};
use super::ledger::{PostingKind, Product, Totals};
use super::money::{Bp, Money};
use super::shock::Shock;
use serde::{Deserialize, Serialize};

/// A bank's balance sheet at the end of a turn, every line read from the ledger (reserves from
/// their own account). Assets = liabilities + equity once the month's payments are cleared,
/// which the turn does before it reports (checked in `tests/economy.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceSheet {
    /// Money held at the central bank (`Account::Reserves`); negative when the bank borrows
    /// from it.
    pub reserves: Money,
    pub consumer_loans: Money,
    /// Loans on households' homes.
    pub mortgages: Money,
    pub business_loans: Money,
    /// The losses the bank expects on its loans (`Account::Provisions`), deducted from them.
    #[serde(default)]
    pub loan_loss_allowance: Money,
    /// Negative balances of client and merchant accounts.
    pub overdrafts: Money,
    /// Positive balances of client current accounts and merchant accounts.
    pub deposits: Money,
    pub savings: Money,
    pub equity: Money,
}

impl BalanceSheet {
    /// Reserves held, loans net of the allowance for their expected losses, and overdrafts.
    pub fn assets(&self) -> Money {
        self.reserves
            .max(Money::ZERO)
            .saturating_add(self.consumer_loans)
            .saturating_add(self.mortgages)
            .saturating_add(self.business_loans)
            .saturating_sub(self.loan_loss_allowance)
            .saturating_add(self.overdrafts)
    }

    /// Deposits, savings, what the bank borrows from the central bank, and equity.
    pub fn liabilities_and_equity(&self) -> Money {
        self.deposits
            .saturating_add(self.savings)
            .saturating_add(self.central_bank_borrowing())
            .saturating_add(self.equity)
    }

    /// What the bank borrows from the central bank: its reserves below zero.
    pub fn central_bank_borrowing(&self) -> Money {
        self.reserves.min(Money::ZERO).saturating_neg()
    }

    /// Assets that earn interest: loans, overdrafts and positive reserves.
    pub fn earning_assets(&self) -> Money {
        self.reserves
            .max(Money::ZERO)
            .saturating_add(self.consumer_loans)
            .saturating_add(self.mortgages)
            .saturating_add(self.business_loans)
            .saturating_add(self.overdrafts)
    }
}

/// A bank's profit and loss for one turn, read from the postings on its equity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankPnl {
    pub interest_income: Money,
    pub interest_expense: Money,
    pub fee_income: Money,
    pub operating_costs: Money,
    /// The cost of risk: write-offs beyond the allowance and changes in the loan-loss
    /// allowance (`credit_risk.rs`).
    pub credit_losses: Money,
    /// Tax on the month's profit, after earlier losses.
    pub tax: Money,
}

impl BankPnl {
    /// Reads the P&L from the month's totals on the bank's equity account.
    pub fn from_totals(t: &Totals) -> BankPnl {
        let mut pnl = BankPnl::default();
        let add = |m: &mut Money, x: Money| *m = m.saturating_add(x);
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
                        add(&mut pnl.interest_expense, net.saturating_neg());
                    }
                }
                PostingKind::AccountFee
                | PostingKind::CardFee
                | PostingKind::IrregularPaymentFee
                | PostingKind::TerminalFee
                | PostingKind::Interchange
                | PostingKind::AcquirerMargin
                | PostingKind::ComplaintRefund => add(&mut pnl.fee_income, net),
                PostingKind::BankOperatingCost | PostingKind::FraudRefund => {
                    add(&mut pnl.operating_costs, net.saturating_neg())
                }
                // The cost of risk: losses written off beyond the allowance, and what the
                // allowance grew by (or, released, shrank by).
                PostingKind::CreditLoss | PostingKind::Impairment => {
                    add(&mut pnl.credit_losses, net.saturating_neg())
                }
                PostingKind::ProfitTax => add(&mut pnl.tax, net.saturating_neg()),
                // Money that is not the bank's income or cost: opening capital, the customers'
                // own payments, the loan book and the reserves.
                PostingKind::Opening
                | PostingKind::Salary
                | PostingKind::FixedCosts
                | PostingKind::CardPurchase
                | PostingKind::CashPurchase
                | PostingKind::Vat
                | PostingKind::CostOfGoods
                | PostingKind::SchemeFee
                | PostingKind::LoanDisbursement
                | PostingKind::LoanPurchase
                | PostingKind::LoanPrincipal
                | PostingKind::Recovery
                | PostingKind::SavingsTransfer
                | PostingKind::Rent
                | PostingKind::CardFraud
                | PostingKind::Settlement
                | PostingKind::Dividend
                | PostingKind::BailIn
                | PostingKind::Resolution => {}
            }
        }
        pnl
    }

    pub fn net_interest_income(&self) -> Money {
        self.interest_income.saturating_sub(self.interest_expense)
    }

    /// Net interest income plus fees: what the bank earns before costs.
    pub fn operating_income(&self) -> Money {
        self.net_interest_income().saturating_add(self.fee_income)
    }

    /// What the bank earned before its profit tax.
    pub fn profit_before_tax(&self) -> Money {
        self.operating_income()
            .saturating_sub(self.operating_costs)
            .saturating_sub(self.credit_losses)
    }

    /// What the bank earned after its profit tax: what its equity grew by.
    pub fn net_profit(&self) -> Money {
        self.profit_before_tax().saturating_sub(self.tax)
    }

    /// Adds another period's P&L.
    pub fn add(&mut self, other: &BankPnl) {
        let BankPnl {
            interest_income,
            interest_expense,
            fee_income,
            operating_costs,
            credit_losses,
            tax,
        } = other;
        let add = |m: &mut Money, x: &Money| *m = m.saturating_add(*x);
        add(&mut self.interest_income, interest_income);
        add(&mut self.interest_expense, interest_expense);
        add(&mut self.fee_income, fee_income);
        add(&mut self.operating_costs, operating_costs);
        add(&mut self.credit_losses, credit_losses);
        add(&mut self.tax, tax);
    }
}

/// Counts of what happened at a bank in a turn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankActivity {
    pub clients: u32,
    /// Mean trust of the bank's clients at the end of the turn, 0 to 1,000.
    pub average_trust: u16,
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
    /// Instalments its borrowers could not pay.
    #[serde(default)]
    pub missed_instalments: u32,
}

/// One bank's turn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankReport {
    pub bank: BankId,
    pub pnl: BankPnl,
    pub sheet: BalanceSheet,
    /// Its capital at the end of the month, as its supervisor counts it.
    pub capital: super::capital::Capital,
    /// What it paid its shareholders this month (at the end of each twelfth month).
    pub dividends: Money,
    pub activity: BankActivity,
    /// The month's postings on the bank's equity by product and kind, for product margins.
    #[serde(skip)]
    pub totals: Option<Box<Totals>>,
    /// Funds transfer pricing by product: what each product's money is worth to the bank
    /// (positive for deposits, at the policy rate; negative for loans, each at the cost of funds
    /// it was priced at: when it was written for a fixed rate, this month's for a variable one).
    /// The reserves line, the bank's treasury, carries the rest (the reserves' interest, and what
    /// old fixed-rate loans cost or bring now that rates have moved), so the lines add up to
    /// zero.
    pub funding: Vec<(Product, Money)>,
    /// Credit risk-weighted assets by product (overdrafts under current accounts): what decides
    /// the share of the bank's equity each product ties up.
    #[serde(default)]
    pub risk: Vec<(Product, Money)>,
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
        self.interchange
            .saturating_add(self.scheme_fee)
            .saturating_add(self.acquirer_margin)
    }

    /// Gross margin: sales less VAT and the cost of goods.
    pub fn gross_margin(&self) -> Money {
        self.sales
            .saturating_sub(self.vat)
            .saturating_sub(self.cost_of_goods)
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
    /// Fees charged above what households expected from the prices they could see.
    pub surprise_fees: Money,
    /// Interest their banks paid on current accounts and savings.
    #[serde(default)]
    pub interest_earned: Money,
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
    /// A borrower could not pay an instalment: `missed` in a row so far (the third is a
    /// default).
    InstalmentMissed {
        loan: LoanId,
        missed: u8,
    },
    /// A household fell on hard times: no salary for a few months.
    HardTimes {
        client: ClientId,
    },
    /// A shop was hit by a bill it did not expect.
    Misfortune {
        merchant: MerchantId,
        bill: Money,
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
    /// A scripted or facilitator shock took effect at the start of the turn.
    Shock(Shock),
    /// A client's card was used by fraudsters; the issuing bank refunded the client.
    CardFraud {
        client: ClientId,
        bank: BankId,
        amount: Money,
    },
    /// A shop could not pay its bills for three months and closed; its bank wrote off what it
    /// owed on its account (its loan defaulted on its own).
    MerchantClosed {
        merchant: MerchantId,
        bank: BankId,
        written_off: Money,
    },
    /// A bank's losses used up its equity: its depositors above the guarantee lost
    /// `bailed_in`, the deposit guarantee paid `guaranteed`, and `acquirer` took over its
    /// accounts and loans (none if no sound bank was left: the guarantee kept it open).
    BankResolved {
        bank: BankId,
        acquirer: Option<BankId>,
        guaranteed: Money,
        bailed_in: Money,
    },
}

/// Why a bank refused a loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefusalReason {
    /// The borrower's probability of default is above what the bank accepts.
    TooRisky,
    /// The instalment would take more than a third of the borrower's spare income; for a home,
    /// the loans' instalments would take more than the share of its income the rules allow, or
    /// the household lacks the down payment.
    Unaffordable,
    /// The borrower already has a loan.
    AlreadyBorrowing,
    /// The banker looked at the application and said no.
    RefusedByBanker,
    /// The borrower moved to another bank before the banker decided.
    Withdrawn,
    /// The bank's capital would fall below what its supervisor asks.
    NoCapital,
    /// The borrower failed to repay a loan lately and is in the credit register.
    InRegister,
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
