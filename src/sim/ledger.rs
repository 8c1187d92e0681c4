//! The double-entry ledger: every movement of money is a posting with its cause.
use super::ids::{BankId, ClientId, MerchantId, Turn, TxnId};
use super::money::{Money, Overflow};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Accounts outside the economy: where income comes from and where spending leaves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum External {
    /// Opening balances at turn 0.
    Opening,
    /// Pays the clients' salaries.
    Employer,
    /// Housing, utilities and shop rents.
    Landlords,
    /// Cost of goods, and big-ticket purchases financed by loans.
    Suppliers,
    /// Collects VAT.
    State,
    /// The card scheme, paid a fee on every card payment.
    Scheme,
    /// Pays interest on the banks' reserves at the policy rate, or charges it on their borrowing.
    CentralBank,
    /// The banks' staff, IT and branches.
    BankCosts,
    /// Buyers of collateral and debt collectors, who pay part of a defaulted loan back.
    Recoveries,
    /// Whoever steals card details and spends with them.
    Fraudsters,
    /// The banks' shareholders, paid dividends.
    Shareholders,
    /// The deposit guarantee scheme, which covers a failed bank's depositors up to €100,000
    /// each (Directive 2014/49/EU; the French FGDR). The EU's banks fund it; here it stands
    /// outside the town.
    DepositGuarantee,
    /// The payment systems that settle each bank's payments with the rest of the world and the
    /// other banks, in central-bank money (net, at the end of each month, as a clearing house
    /// settles in TARGET2 at the end of the day).
    Clearing,
}

impl External {
    pub const ALL: [External; 13] = [
        External::Opening,
        External::Employer,
        External::Landlords,
        External::Suppliers,
        External::State,
        External::Scheme,
        External::CentralBank,
        External::BankCosts,
        External::Recoveries,
        External::Fraudsters,
        External::Shareholders,
        External::DepositGuarantee,
        External::Clearing,
    ];
}

/// One account of the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Account {
    External(External),
    /// A bank's own funds: its income is credited here and its costs debited.
    BankEquity(BankId),
    /// A bank's loan book: lending creates money out of it, so its balance is minus the loans.
    BankLoans(BankId),
    /// A bank's reserves at the central bank (negative: what it borrows there). Money a bank's
    /// customers pay out of the bank, or receive from outside it, is settled here at each
    /// clearing, so that its assets equal its liabilities and equity.
    Reserves(BankId),
    /// A bank's loan-loss allowance: the losses it expects on its performing loans, set aside
    /// out of its equity (IFRS 9 expected credit losses, `credit_risk.rs`). Loans are carried
    /// on the balance sheet net of it.
    Provisions(BankId),
    /// A client's current account at their bank.
    Client(ClientId),
    /// A client's savings account at their bank.
    Savings(ClientId),
    /// A merchant's business account at its bank.
    Merchant(MerchantId),
}

/// What a posting is for; the P&L lines of every actor are sums of postings by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostingKind {
    Opening,
    Salary,
    FixedCosts,
    CardPurchase,
    CashPurchase,
    Vat,
    CostOfGoods,
    Interchange,
    SchemeFee,
    AcquirerMargin,
    LoanDisbursement,
    LoanPurchase,
    LoanPrincipal,
    LoanInterest,
    CreditLoss,
    Recovery,
    DepositInterest,
    SavingsInterest,
    OverdraftInterest,
    ReserveInterest,
    SavingsTransfer,
    AccountFee,
    CardFee,
    IrregularPaymentFee,
    TerminalFee,
    ComplaintRefund,
    Rent,
    BankOperatingCost,
    /// A card payment the cardholder did not make.
    CardFraud,
    /// The card issuer pays a fraud victim back.
    FraudRefund,
    /// A bank's net payments with the rest of the world and the other banks, settled in its
    /// reserves.
    Settlement,
    /// A bank's tax on its profit.
    ProfitTax,
    /// A bank's dividend to its shareholders: a share of its profit, not a cost.
    Dividend,
    /// What a failed bank's depositors lose above the guarantee, written off its debts.
    BailIn,
    /// The resolution of a failed bank: the deposit guarantee's payment, and its accounts and
    /// loans passed to a sound bank.
    Resolution,
    /// A bank sets losses it expects aside in its loan-loss allowance, or releases them.
    Impairment,
}

impl PostingKind {
    pub const COUNT: usize = 36;
    pub const ALL: [PostingKind; Self::COUNT] = [
        PostingKind::Opening,
        PostingKind::Salary,
        PostingKind::FixedCosts,
        PostingKind::CardPurchase,
        PostingKind::CashPurchase,
        PostingKind::Vat,
        PostingKind::CostOfGoods,
        PostingKind::Interchange,
        PostingKind::SchemeFee,
        PostingKind::AcquirerMargin,
        PostingKind::LoanDisbursement,
        PostingKind::LoanPurchase,
        PostingKind::LoanPrincipal,
        PostingKind::LoanInterest,
        PostingKind::CreditLoss,
        PostingKind::Recovery,
        PostingKind::DepositInterest,
        PostingKind::SavingsInterest,
        PostingKind::OverdraftInterest,
        PostingKind::ReserveInterest,
        PostingKind::SavingsTransfer,
        PostingKind::AccountFee,
        PostingKind::CardFee,
        PostingKind::IrregularPaymentFee,
        PostingKind::TerminalFee,
        PostingKind::ComplaintRefund,
        PostingKind::Rent,
        PostingKind::BankOperatingCost,
        PostingKind::CardFraud,
        PostingKind::FraudRefund,
        PostingKind::Settlement,
        PostingKind::ProfitTax,
        PostingKind::Dividend,
        PostingKind::BailIn,
        PostingKind::Resolution,
        PostingKind::Impairment,
    ];

    pub const fn index(self) -> usize {
        self as usize
    }

    /// A stable identifier, used as a translation key and in reports.
    pub fn key(self) -> &'static str {
        match self {
            PostingKind::Opening => "opening",
            PostingKind::Salary => "salary",
            PostingKind::FixedCosts => "fixed_costs",
            PostingKind::CardPurchase => "card_purchase",
            PostingKind::CashPurchase => "cash_purchase",
            PostingKind::Vat => "vat",
            PostingKind::CostOfGoods => "cost_of_goods",
            PostingKind::Interchange => "interchange",
            PostingKind::SchemeFee => "scheme_fee",
            PostingKind::AcquirerMargin => "acquirer_margin",
            PostingKind::LoanDisbursement => "loan_disbursement",
            PostingKind::LoanPurchase => "loan_purchase",
            PostingKind::LoanPrincipal => "loan_principal",
            PostingKind::LoanInterest => "loan_interest",
            PostingKind::CreditLoss => "credit_loss",
            PostingKind::Recovery => "recovery",
            PostingKind::DepositInterest => "deposit_interest",
            PostingKind::SavingsInterest => "savings_interest",
            PostingKind::OverdraftInterest => "overdraft_interest",
            PostingKind::ReserveInterest => "reserve_interest",
            PostingKind::SavingsTransfer => "savings_transfer",
            PostingKind::AccountFee => "account_fee",
            PostingKind::CardFee => "card_fee",
            PostingKind::IrregularPaymentFee => "irregular_payment_fee",
            PostingKind::TerminalFee => "terminal_fee",
            PostingKind::ComplaintRefund => "complaint_refund",
            PostingKind::Rent => "rent",
            PostingKind::BankOperatingCost => "bank_operating_cost",
            PostingKind::CardFraud => "card_fraud",
            PostingKind::FraudRefund => "fraud_refund",
            PostingKind::Settlement => "settlement",
            PostingKind::ProfitTax => "profit_tax",
            PostingKind::Dividend => "dividend",
            PostingKind::BailIn => "bail_in",
            PostingKind::Resolution => "resolution",
            PostingKind::Impairment => "impairment",
        }
    }
}

/// The product a posting belongs to, for "what is this actor's margin on this product?".
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Product {
    /// Not a bank or merchant product: salaries, fixed costs, opening balances, bank overheads.
    #[default]
    None,
    CurrentAccount,
    Savings,
    CardIssuing,
    Acquiring,
    ConsumerLoan,
    /// Revolving credit on a credit card: what a cardholder did not pay back of its card
    /// spending, at the card's yearly rate (`revolving.rs`).
    RevolvingCredit,
    /// A household's loan on its home.
    Mortgage,
    BusinessLoan,
    /// A bank's reserves at the central bank.
    Reserves,
    /// What a merchant sells.
    Goods,
}

impl Product {
    /// A stable identifier, used as a translation key and in reports.
    pub fn key(self) -> &'static str {
        match self {
            Product::None => "none",
            Product::CurrentAccount => "current_account",
            Product::Savings => "savings",
            Product::CardIssuing => "card_issuing",
            Product::Acquiring => "acquiring",
            Product::ConsumerLoan => "consumer_loan",
            Product::RevolvingCredit => "revolving_credit",
            Product::Mortgage => "mortgage",
            Product::BusinessLoan => "business_loan",
            Product::Reserves => "reserves",
            Product::Goods => "goods",
        }
    }

    /// The products a bank sells, and its reserves: the lines of its product margins.
    pub const OF_BANKS: [Product; 9] = [
        Product::CurrentAccount,
        Product::Savings,
        Product::CardIssuing,
        Product::Acquiring,
        Product::ConsumerLoan,
        Product::RevolvingCredit,
        Product::Mortgage,
        Product::BusinessLoan,
        Product::Reserves,
    ];

    /// The products that lend: each is charged its loans' cost of funds and ties up capital.
    pub const LENDING: [Product; 4] = [
        Product::ConsumerLoan,
        Product::RevolvingCredit,
        Product::Mortgage,
        Product::BusinessLoan,
    ];

    pub const COUNT: usize = 11;
    pub const ALL: [Product; Self::COUNT] = [
        Product::None,
        Product::CurrentAccount,
        Product::Savings,
        Product::CardIssuing,
        Product::Acquiring,
        Product::ConsumerLoan,
        Product::RevolvingCredit,
        Product::Mortgage,
        Product::BusinessLoan,
        Product::Reserves,
        Product::Goods,
    ];
}

/// One movement of money from one account to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub from: Account,
    pub to: Account,
    /// Always positive.
    pub amount: Money,
    pub kind: PostingKind,
    pub product: Product,
    pub turn: Turn,
    /// The transaction that caused it.
    pub cause: TxnId,
}

/// Why a posting was refused; the ledger is unchanged after an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerError {
    /// An amount must be positive: a posting in the other direction says so.
    NotPositive(Money),
    /// The two sides of a posting must differ.
    SameAccount(Account),
    /// The account does not exist in this economy.
    UnknownAccount(Account),
    /// A balance would leave the range of `i64` cents.
    Overflow(Account),
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerError::NotPositive(m) => write!(f, "posting amount must be positive, got {m}"),
            LedgerError::SameAccount(a) => write!(f, "posting from {a:?} to itself"),
            LedgerError::UnknownAccount(a) => write!(f, "no account {a:?} in this economy"),
            LedgerError::Overflow(a) => write!(f, "the balance of {a:?} would overflow"),
        }
    }
}

impl std::error::Error for LedgerError {}

impl From<LedgerError> for Overflow {
    fn from(_: LedgerError) -> Overflow {
        Overflow
    }
}

/// How many accounts of each kind the ledger holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LedgerShape {
    pub banks: usize,
    pub merchants: usize,
    pub clients: usize,
}

/// Which postings are kept in detail; totals per turn are always kept. By default, everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    /// Keep the detail of the last N turns (None: of every turn).
    pub detail_turns: Option<Turn>,
    /// Accounts whose postings are always kept (the human seats).
    pub watched: Vec<Account>,
}

impl Retention {
    /// The detail of the last twelve turns: what a game shows and traces.
    pub fn last_year() -> Retention {
        Retention {
            detail_turns: Some(12),
            watched: Vec::new(),
        }
    }
}

/// A group of accounts, for totals: every external account, each bank's own four, and all
/// merchants, current accounts and savings accounts each as one party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Party {
    External(External),
    BankEquity(BankId),
    BankLoans(BankId),
    Reserves(BankId),
    Provisions(BankId),
    Merchants,
    Clients,
    Savings,
}

impl Party {
    pub fn of(account: Account) -> Party {
        match account {
            Account::External(e) => Party::External(e),
            Account::BankEquity(b) => Party::BankEquity(b),
            Account::BankLoans(b) => Party::BankLoans(b),
            Account::Reserves(b) => Party::Reserves(b),
            Account::Provisions(b) => Party::Provisions(b),
            Account::Client(_) => Party::Clients,
            Account::Savings(_) => Party::Savings,
            Account::Merchant(_) => Party::Merchants,
        }
    }
}

/// The total of one turn's postings between two parties for one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub from: Party,
    pub to: Party,
    pub kind: PostingKind,
    pub amount: Money,
    pub count: u64,
}

/// Signed totals per product and posting kind for one account: credits minus debits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Totals([[Money; PostingKind::COUNT]; Product::COUNT]);

impl Default for Totals {
    fn default() -> Self {
        Totals([[Money::ZERO; PostingKind::COUNT]; Product::COUNT])
    }
}

impl Totals {
    fn add(&mut self, product: Product, kind: PostingKind, amount: i64) {
        let cell = &mut self.0[product as usize][kind.index()];
        *cell = Money::cents(cell.as_cents().saturating_add(amount));
    }

    /// The net of one product and kind.
    pub fn get(&self, product: Product, kind: PostingKind) -> Money {
        self.0[product as usize][kind.index()]
    }

    /// The net of one kind, over every product.
    pub fn kind(&self, kind: PostingKind) -> Money {
        self.0.iter().fold(Money::ZERO, |sum, row| {
            sum.saturating_add(row[kind.index()])
        })
    }

    /// The net of one product, over every kind.
    pub fn product(&self, product: Product) -> Money {
        self.0[product as usize]
            .iter()
            .fold(Money::ZERO, |sum, m| sum.saturating_add(*m))
    }

    /// The net of everything: how much the account's balance changed.
    pub fn net(&self) -> Money {
        self.0
            .iter()
            .flatten()
            .fold(Money::ZERO, |sum, m| sum.saturating_add(*m))
    }

    /// The non-zero cells, product and kind first.
    pub fn cells(&self) -> impl Iterator<Item = (Product, PostingKind, Money)> + '_ {
        Product::ALL.iter().flat_map(move |&p| {
            PostingKind::ALL
                .iter()
                .map(move |&k| (p, k, self.get(p, k)))
                .filter(|(_, _, m)| *m != Money::ZERO)
        })
    }
}

/// An event that caused postings, kept with the detail of its turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    pub id: TxnId,
    pub turn: Turn,
    pub what: super::trace::TxnKind,
}

#[derive(Clone, Debug, Default)]
struct TurnDetail {
    turn: Turn,
    postings: Vec<Posting>,
    transactions: Vec<Transaction>,
    /// Already cut down to the watched accounts.
    trimmed: bool,
}

/// The books of the economy.
#[derive(Clone, Debug)]
pub struct Ledger {
    shape: LedgerShape,
    balances: Vec<Money>,
    retention: Retention,
    turn: Turn,
    next_txn: u64,
    detail: Vec<TurnDetail>,
    flows: Vec<Vec<Flow>>,
    /// This turn's totals per (from party, to party, kind), dense.
    open_flows: Vec<(Money, u64)>,
    /// This turn's signed totals per product and kind for every account but the clients'.
    open_account_totals: Vec<Totals>,
    posting_count: u64,
    /// The party of every account, by account index, for the totals.
    party_of: Vec<u16>,
    parties: usize,
    /// The bank of every account, by account index (`NO_BANK` for the outside world and the
    /// reserves): a posting between two banks' accounts is owed between their reserves.
    bank_of: Vec<u16>,
    /// What each bank's customers and books received from outside it since the last clearing,
    /// net of what they paid out: what its reserves owe or are owed.
    unsettled: Vec<i128>,
    /// Emptied detail buffers, reused for the next turn.
    spare: (Vec<Posting>, Vec<Transaction>),
}

const EXTERNALS: usize = External::ALL.len();
/// Each bank's accounts: equity, loans, reserves, provisions.
const PER_BANK: usize = 4;
const NO_BANK: u16 = u16::MAX;

impl Ledger {
    pub fn new(shape: LedgerShape, retention: Retention) -> Ledger {
        let accounts = EXTERNALS + PER_BANK * shape.banks + shape.merchants + 2 * shape.clients;
        let parties = EXTERNALS + PER_BANK * shape.banks + 3;
        let mut ledger = Ledger {
            shape,
            balances: vec![Money::ZERO; accounts],
            retention,
            turn: 0,
            next_txn: 0,
            detail: Vec::new(),
            flows: Vec::new(),
            open_flows: vec![(Money::ZERO, 0); parties * parties * PostingKind::COUNT],
            open_account_totals: vec![
                Totals::default();
                EXTERNALS + PER_BANK * shape.banks + shape.merchants
            ],
            posting_count: 0,
            party_of: Vec::new(),
            parties,
            bank_of: vec![NO_BANK; accounts],
            unsettled: vec![0; shape.banks],
            spare: (Vec::new(), Vec::new()),
        };
        let mut party_of = Vec::with_capacity(accounts);
        party_of.extend((0..EXTERNALS).map(|e| e as u16));
        for b in 0..shape.banks {
            let first = EXTERNALS + PER_BANK * b;
            party_of.extend((first..first + PER_BANK).map(|p| p as u16));
            // A bank's equity, loan book and provisions are its own; its reserves settle, they
            // do not owe.
            ledger.bank_of[first] = b as u16;
            ledger.bank_of[first + 1] = b as u16;
            ledger.bank_of[first + 3] = b as u16;
        }
        let merchants = ledger.party_index(Party::Merchants) as u16;
        let clients = ledger.party_index(Party::Clients) as u16;
        let savings = ledger.party_index(Party::Savings) as u16;
        party_of.extend(std::iter::repeat_n(merchants, shape.merchants));
        party_of.extend(std::iter::repeat_n(clients, shape.clients));
        party_of.extend(std::iter::repeat_n(savings, shape.clients));
        ledger.party_of = party_of;
        ledger.detail.push(TurnDetail::default());
        ledger
    }

    pub fn shape(&self) -> LedgerShape {
        self.shape
    }

    /// The turn postings are being written for.
    pub fn turn(&self) -> Turn {
        self.turn
    }

    #[inline]
    fn index(&self, account: Account) -> Option<usize> {
        let LedgerShape {
            banks,
            merchants,
            clients,
        } = self.shape;
        let customers = EXTERNALS + PER_BANK * banks;
        match account {
            Account::External(e) => Some(e as usize),
            Account::BankEquity(b) if b.index() < banks => Some(EXTERNALS + PER_BANK * b.index()),
            Account::BankLoans(b) if b.index() < banks => {
                Some(EXTERNALS + PER_BANK * b.index() + 1)
            }
            Account::Reserves(b) if b.index() < banks => Some(EXTERNALS + PER_BANK * b.index() + 2),
            Account::Provisions(b) if b.index() < banks => {
                Some(EXTERNALS + PER_BANK * b.index() + 3)
            }
            Account::Merchant(m) if m.index() < merchants => Some(customers + m.index()),
            Account::Client(c) if c.index() < clients => Some(customers + merchants + c.index()),
            Account::Savings(c) if c.index() < clients => {
                Some(customers + merchants + clients + c.index())
            }
            _ => None,
        }
    }

    fn party_index(&self, party: Party) -> usize {
        let banks = self.shape.banks;
        match party {
            Party::External(e) => e as usize,
            Party::BankEquity(b) => EXTERNALS + PER_BANK * b.index(),
            Party::BankLoans(b) => EXTERNALS + PER_BANK * b.index() + 1,
            Party::Reserves(b) => EXTERNALS + PER_BANK * b.index() + 2,
            Party::Provisions(b) => EXTERNALS + PER_BANK * b.index() + 3,
            Party::Merchants => EXTERNALS + PER_BANK * banks,
            Party::Clients => EXTERNALS + PER_BANK * banks + 1,
            Party::Savings => EXTERNALS + PER_BANK * banks + 2,
        }
    }

    fn parties(&self) -> Vec<Party> {
        let mut parties: Vec<Party> = External::ALL.iter().map(|&e| Party::External(e)).collect();
        for b in 0..self.shape.banks {
            let bank = BankId(b as u16);
            parties.push(Party::BankEquity(bank));
            parties.push(Party::BankLoans(bank));
            parties.push(Party::Reserves(bank));
            parties.push(Party::Provisions(bank));
        }
        parties.extend([Party::Merchants, Party::Clients, Party::Savings]);
        parties
    }

    /// The balance of an account (zero for an unknown account).
    #[inline]
    pub fn balance(&self, account: Account) -> Money {
        self.index(account)
            .map_or(Money::ZERO, |i| self.balances[i])
    }

    /// The sum of every balance in cents, exact whatever the balances; zero whenever the books
    /// balance.
    pub fn total(&self) -> i128 {
        self.balances.iter().map(|m| i128::from(m.as_cents())).sum()
    }

    /// Whether the books balance: every posting moved money from one account to another.
    pub fn is_balanced(&self) -> bool {
        self.total() == 0
    }

    /// Opens a new transaction and returns its id, the cause of the postings that follow.
    pub fn open_transaction(&mut self, what: super::trace::TxnKind) -> TxnId {
        let id = TxnId(self.next_txn);
        self.next_txn += 1;
        let turn = self.turn;
        if let Some(detail) = self.detail.last_mut() {
            detail.transactions.push(Transaction { id, turn, what });
        }
        id
    }

    /// Moves `amount` from one account to another; both sides change or neither does.
    pub fn post(
        &mut self,
        from: Account,
        to: Account,
        amount: Money,
        kind: PostingKind,
        product: Product,
        cause: TxnId,
    ) -> Result<(), LedgerError> {
        if !amount.is_positive() {
            return Err(LedgerError::NotPositive(amount));
        }
        if from == to {
            return Err(LedgerError::SameAccount(from));
        }
        let i = self.index(from).ok_or(LedgerError::UnknownAccount(from))?;
        let j = self.index(to).ok_or(LedgerError::UnknownAccount(to))?;
        let new_from = self.balances[i]
            .checked_sub(amount)
            .map_err(|_| LedgerError::Overflow(from))?;
        let new_to = self.balances[j]
            .checked_add(amount)
            .map_err(|_| LedgerError::Overflow(to))?;
        // Totals are kept in i64 cents too; a run that overflowed them would have overflowed a
        // balance first, as no flow total can exceed the money that moved.
        self.balances[i] = new_from;
        self.balances[j] = new_to;
        self.posting_count += 1;
        let (from_bank, to_bank) = (self.bank_of[i], self.bank_of[j]);
        if from_bank != to_bank {
            let cents = i128::from(amount.as_cents());
            if let Some(owed) = self.unsettled.get_mut(usize::from(from_bank)) {
                *owed -= cents;
            }
            if let Some(owed) = self.unsettled.get_mut(usize::from(to_bank)) {
                *owed += cents;
            }
        }

        let cell = (usize::from(self.party_of[i]) * self.parties + usize::from(self.party_of[j]))
            * PostingKind::COUNT
            + kind.index();
        let (total, count) = &mut self.open_flows[cell];
        *total = Money::cents(total.as_cents().saturating_add(amount.as_cents()));
        *count += 1;
        let tracked = self.open_account_totals.len();
        if i < tracked {
            self.open_account_totals[i].add(product, kind, -amount.as_cents());
        }
        if j < tracked {
            self.open_account_totals[j].add(product, kind, amount.as_cents());
        }

        let posting = Posting {
            from,
            to,
            amount,
            kind,
            product,
            turn: self.turn,
            cause,
        };
        if let Some(detail) = self.detail.last_mut() {
            detail.postings.push(posting);
        }
        Ok(())
    }

    /// Says which bank holds a customer's account (a merchant's, a client's current or savings
    /// account). A balance already there moves with it: the old bank's reserves owe it to the
    /// new bank's at the next clearing.
    pub fn hold_at(&mut self, account: Account, bank: BankId) {
        let Some(i) = self.index(account) else {
            return;
        };
        if !matches!(
            account,
            Account::Merchant(_) | Account::Client(_) | Account::Savings(_)
        ) || bank.index() >= self.shape.banks
        {
            return;
        }
        let old = self.bank_of[i];
        let new = bank.0;
        if old == new {
            return;
        }
        let balance = i128::from(self.balances[i].as_cents());
        if let Some(owed) = self.unsettled.get_mut(usize::from(old)) {
            *owed -= balance;
        }
        self.unsettled[usize::from(new)] += balance;
        self.bank_of[i] = new;
    }

    /// Settles every bank's net payments since the last clearing in its reserves, against the
    /// clearing account; afterwards each bank's reserves are its deposits, savings and equity
    /// less its loans and overdrafts.
    pub fn clear(&mut self, cause: TxnId) -> Result<(), LedgerError> {
        for b in 0..self.shape.banks {
            let owed = self.unsettled[b];
            if owed == 0 {
                continue;
            }
            let reserves = Account::Reserves(BankId(b as u16));
            let clearing = Account::External(External::Clearing);
            let amount = Money::cents(
                i64::try_from(owed.unsigned_abs()).map_err(|_| LedgerError::Overflow(reserves))?,
            );
            let (from, to) = if owed > 0 {
                (clearing, reserves)
            } else {
                (reserves, clearing)
            };
            self.post(
                from,
                to,
                amount,
                PostingKind::Settlement,
                Product::Reserves,
                cause,
            )?;
            self.unsettled[b] = 0;
        }
        Ok(())
    }

    /// Whether every bank's payments are settled in its reserves.
    pub fn is_cleared(&self) -> bool {
        self.unsettled.iter().all(|owed| *owed == 0)
    }

    /// Every account's balance worked out again from the postings kept in detail: equal to the
    /// balances whenever every turn's detail is kept.
    pub fn balances_from_postings(&self) -> Vec<(Account, Money)> {
        let mut sums: std::collections::BTreeMap<Account, i128> = Default::default();
        for p in self.postings() {
            let cents = i128::from(p.amount.as_cents());
            *sums.entry(p.from).or_default() -= cents;
            *sums.entry(p.to).or_default() += cents;
        }
        sums.into_iter()
            .map(|(a, c)| {
                (
                    a,
                    Money::cents(c.clamp(i64::MIN.into(), i64::MAX.into()) as i64),
                )
            })
            .collect()
    }

    /// This turn's signed totals per product and kind for an account that is not a client's.
    pub fn open_totals(&self, account: Account) -> Totals {
        match self.index(account) {
            Some(i) if i < self.open_account_totals.len() => self.open_account_totals[i],
            _ => Totals::default(),
        }
    }

    /// Closes the current turn: keeps its totals, trims the detail the retention lets go, and
    /// opens the next turn.
    pub fn close_turn(&mut self) {
        let parties = self.parties();
        let n = parties.len();
        let mut flows = Vec::new();
        for (cell, (amount, count)) in self.open_flows.iter_mut().enumerate() {
            if *count > 0 {
                let kind = PostingKind::ALL[cell % PostingKind::COUNT];
                let pair = cell / PostingKind::COUNT;
                flows.push(Flow {
                    from: parties[pair / n],
                    to: parties[pair % n],
                    kind,
                    amount: *amount,
                    count: *count,
                });
                *amount = Money::ZERO;
                *count = 0;
            }
        }
        self.flows.push(flows);
        self.open_account_totals.fill(Totals::default());

        if let Some(keep) = self.retention.detail_turns {
            let oldest_kept = self.turn.saturating_sub(keep.saturating_sub(1));
            let watched = &self.retention.watched;
            let spare = &mut self.spare;
            for detail in self
                .detail
                .iter_mut()
                .filter(|d| d.turn < oldest_kept && !d.trimmed)
            {
                if watched.is_empty() {
                    // Keep the largest buffers for the next turn: no new pages to fault in.
                    let mut postings = std::mem::take(&mut detail.postings);
                    let mut transactions = std::mem::take(&mut detail.transactions);
                    if postings.capacity() > spare.0.capacity() {
                        postings.clear();
                        spare.0 = postings;
                    }
                    if transactions.capacity() > spare.1.capacity() {
                        transactions.clear();
                        spare.1 = transactions;
                    }
                } else {
                    detail
                        .postings
                        .retain(|p| watched.contains(&p.from) || watched.contains(&p.to));
                    let mut causes: Vec<TxnId> = detail.postings.iter().map(|p| p.cause).collect();
                    causes.sort_unstable();
                    causes.dedup();
                    detail
                        .transactions
                        .retain(|t| causes.binary_search(&t.id).is_ok());
                    detail.postings.shrink_to_fit();
                    detail.transactions.shrink_to_fit();
                }
                detail.trimmed = true;
            }
        }
        // The next turn will likely need as much room as this one: reserve it once.
        let (postings, transactions) = self
            .detail
            .last()
            .map_or((0, 0), |d| (d.postings.len(), d.transactions.len()));
        self.turn += 1;
        let (mut spare_postings, mut spare_transactions) = std::mem::take(&mut self.spare);
        spare_postings.reserve(postings);
        spare_transactions.reserve(transactions);
        self.detail.push(TurnDetail {
            turn: self.turn,
            postings: spare_postings,
            transactions: spare_transactions,
            trimmed: false,
        });
    }

    /// Changes which accounts are always kept in detail.
    pub fn watch(&mut self, accounts: Vec<Account>) {
        self.retention.watched = accounts;
    }

    /// How many postings were ever made.
    /// A fingerprint of the books: every balance, the number of postings and transactions, and
    /// every turn's totals, hashed (FNV-1a over little-endian integers, the same on every
    /// platform). Two economies with the same fingerprint have the same books.
    pub fn fingerprint(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |x: u64| {
            for b in x.to_le_bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        eat(u64::from(self.turn));
        eat(self.posting_count);
        eat(self.next_txn);
        for b in &self.balances {
            eat(b.as_cents() as u64);
        }
        for turn in &self.flows {
            eat(turn.len() as u64);
            for f in turn {
                eat(self.party_index(f.from) as u64);
                eat(self.party_index(f.to) as u64);
                eat(f.kind.index() as u64);
                eat(f.amount.as_cents() as u64);
                eat(f.count);
            }
        }
        h
    }

    pub fn posting_count(&self) -> u64 {
        self.posting_count
    }

    /// Every posting kept in detail, oldest first.
    pub fn postings(&self) -> impl DoubleEndedIterator<Item = &Posting> {
        self.detail.iter().flat_map(|d| d.postings.iter())
    }

    /// The postings kept for one turn.
    pub fn postings_in(&self, turn: Turn) -> &[Posting] {
        self.detail
            .iter()
            .find(|d| d.turn == turn)
            .map_or(&[], |d| &d.postings)
    }

    /// The kept postings that touch an account.
    pub fn postings_of(&self, account: Account) -> impl Iterator<Item = &Posting> {
        self.postings()
            .filter(move |p| p.from == account || p.to == account)
    }

    /// The kept postings of one kind.
    pub fn postings_of_kind(&self, kind: PostingKind) -> impl DoubleEndedIterator<Item = &Posting> {
        self.postings().filter(move |p| p.kind == kind)
    }

    /// The postings a transaction caused, if its turn is still kept in detail.
    pub fn postings_caused_by(&self, cause: TxnId) -> Vec<Posting> {
        match self.transaction(cause) {
            Some(txn) => self
                .postings_in(txn.turn)
                .iter()
                .filter(|p| p.cause == cause)
                .copied()
                .collect(),
            None => Vec::new(),
        }
    }

    /// A transaction kept in detail.
    pub fn transaction(&self, id: TxnId) -> Option<Transaction> {
        self.detail.iter().rev().find_map(|d| {
            d.transactions
                .binary_search_by_key(&id, |t| t.id)
                .ok()
                .map(|i| d.transactions[i])
        })
    }

    /// The transactions kept in detail for one turn.
    pub fn transactions_in(&self, turn: Turn) -> &[Transaction] {
        self.detail
            .iter()
            .find(|d| d.turn == turn)
            .map_or(&[], |d| &d.transactions)
    }

    /// The totals of a closed turn.
    pub fn flows(&self, turn: Turn) -> &[Flow] {
        self.flows.get(usize::from(turn)).map_or(&[], Vec::as_slice)
    }

    /// The totals of every closed turn, turn 0 first.
    pub fn all_flows(&self) -> &[Vec<Flow>] {
        &self.flows
    }

    /// How many postings are kept in detail now (for memory reports).
    pub fn detail_len(&self) -> usize {
        self.detail.iter().map(|d| d.postings.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::trace::TxnKind;

    fn ledger() -> Ledger {
        Ledger::new(
            LedgerShape {
                banks: 2,
                merchants: 3,
                clients: 4,
            },
            Retention::default(),
        )
    }
    #[test]
    fn payments_between_banks_and_with_the_world_are_settled_in_reserves() {
        let mut l = ledger();
        let (a, b) = (BankId(0), BankId(1));
        l.hold_at(Account::Client(ClientId(0)), a);
        l.hold_at(Account::Merchant(MerchantId(0)), b);
        let cause = l.open_transaction(TxnKind::Opening);
        let salary = Account::External(External::Employer);
        l.post(
            salary,
            Account::Client(ClientId(0)),
            Money::euros(100),
            PostingKind::Salary,
            Product::None,
            cause,
        )
        .unwrap();
        // A card payment from bank A's client to bank B's shop, a fee inside bank A.
        l.post(
            Account::Client(ClientId(0)),
            Account::Merchant(MerchantId(0)),
            Money::euros(30),
            PostingKind::CardPurchase,
            Product::None,
            cause,
        )
        .unwrap();
        l.post(
            Account::Client(ClientId(0)),
            Account::BankEquity(a),
            Money::euros(2),
            PostingKind::AccountFee,
            Product::CurrentAccount,
            cause,
        )
        .unwrap();
        assert!(!l.is_cleared());
        l.clear(cause).unwrap();
        assert!(l.is_cleared());
        assert_eq!(l.balance(Account::Reserves(a)), Money::euros(70));
        assert_eq!(l.balance(Account::Reserves(b)), Money::euros(30));
        // The household moves to bank B with its €68: bank A's reserves owe them to bank B's.
        l.hold_at(Account::Client(ClientId(0)), b);
        l.clear(cause).unwrap();
        assert_eq!(l.balance(Account::Reserves(a)), Money::euros(2));
        assert_eq!(l.balance(Account::Reserves(b)), Money::euros(98));
        assert!(l.is_balanced());
    }

    #[test]
    fn a_posting_moves_money_and_the_books_balance() {
        let mut l = ledger();
        let t = l.open_transaction(TxnKind::Opening);
        let client = Account::Client(ClientId(1));
        l.post(
            Account::External(External::Opening),
            client,
            Money::euros(50),
            PostingKind::Opening,
            Product::None,
            t,
        )
        .unwrap();
        assert_eq!(l.balance(client), Money::euros(50));
        assert_eq!(
            l.balance(Account::External(External::Opening)),
            Money::euros(-50)
        );
        assert!(l.is_balanced());
        assert_eq!(l.postings_caused_by(t).len(), 1);
        assert_eq!(l.postings_of(client).count(), 1);
    }

    #[test]
    fn bad_postings_are_refused_and_change_nothing() {
        let mut l = ledger();
        let t = l.open_transaction(TxnKind::Opening);
        let a = Account::Client(ClientId(0));
        let b = Account::Merchant(MerchantId(0));
        assert_eq!(
            l.post(
                a,
                b,
                Money::ZERO,
                PostingKind::CardPurchase,
                Product::Goods,
                t
            ),
            Err(LedgerError::NotPositive(Money::ZERO))
        );
        assert_eq!(
            l.post(
                a,
                a,
                Money::euros(1),
                PostingKind::CardPurchase,
                Product::Goods,
                t
            ),
            Err(LedgerError::SameAccount(a))
        );
        let ghost = Account::Client(ClientId(99));
        assert_eq!(
            l.post(
                a,
                ghost,
                Money::euros(1),
                PostingKind::CardPurchase,
                Product::Goods,
                t
            ),
            Err(LedgerError::UnknownAccount(ghost))
        );
        l.post(
            b,
            a,
            Money::cents(i64::MAX),
            PostingKind::Opening,
            Product::None,
            t,
        )
        .unwrap();
        // b is at -MAX; one more cent out of b would overflow: nothing changes.
        let before = (l.balance(a), l.balance(b));
        assert_eq!(
            l.post(
                b,
                Account::Merchant(MerchantId(1)),
                Money::cents(2),
                PostingKind::Opening,
                Product::None,
                t
            ),
            Err(LedgerError::Overflow(b))
        );
        assert_eq!((l.balance(a), l.balance(b)), before);
        assert!(l.is_balanced());
    }

    #[test]
    fn totals_survive_when_detail_is_trimmed() {
        let mut l = Ledger::new(
            LedgerShape {
                banks: 1,
                merchants: 1,
                clients: 2,
            },
            Retention {
                detail_turns: Some(1),
                watched: vec![Account::Client(ClientId(1))],
            },
        );
        for _ in 0..3 {
            for c in 0..2 {
                let t = l.open_transaction(TxnKind::Salary {
                    client: ClientId(c),
                });
                l.post(
                    Account::External(External::Employer),
                    Account::Client(ClientId(c)),
                    Money::euros(10),
                    PostingKind::Salary,
                    Product::None,
                    t,
                )
                .unwrap();
            }
            l.close_turn();
        }
        // Turns 0 and 1 keep only the watched client; turn 2 keeps both.
        assert_eq!(l.postings_in(0).len(), 1);
        assert_eq!(l.postings_in(2).len(), 2);
        let flow = l.flows(0)[0];
        assert_eq!((flow.amount, flow.count), (Money::euros(20), 2));
        assert_eq!(flow.to, Party::Clients);
    }
}
