//! What each seat decides in a turn, as plain data; a turn takes the decisions of every seat.
use super::ids::{BankId, ClientId, MerchantId};
use super::money::{Bp, Money};
use super::pricing::{FeeSchedule, LoanPolicy, MerchantFees};
use super::review::Verdict;
use serde::{Deserialize, Serialize};

/// The four roles a player can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Client,
    RetailBanker,
    BusinessBanker,
    Merchant,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Client,
        Role::RetailBanker,
        Role::BusinessBanker,
        Role::Merchant,
    ];
}

/// One place at the table: a role and the actor it plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Seat {
    Client(ClientId),
    RetailBanker(BankId),
    BusinessBanker(BankId),
    Merchant(MerchantId),
}

impl Seat {
    pub fn role(self) -> Role {
        match self {
            Seat::Client(_) => Role::Client,
            Seat::RetailBanker(_) => Role::RetailBanker,
            Seat::BusinessBanker(_) => Role::BusinessBanker,
            Seat::Merchant(_) => Role::Merchant,
        }
    }
}

/// The retail banker's settings for the month. A field missing from a saved decision (one
/// written before the field existed) takes the ordinary bank's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetailDecision {
    pub fees: FeeSchedule,
    /// Yearly interest paid on positive current-account balances.
    pub current_rate: Bp,
    /// Yearly interest paid on savings.
    pub savings_rate: Bp,
    pub consumer_loans: LoanPolicy,
    /// Loans to buy a home: the margin, the riskiest borrower and the longest term.
    #[serde(default = "LoanPolicy::ordinary_mortgages")]
    pub mortgages: LoanPolicy,
    /// The yearly rate of the revolving credit on the bank's credit cards; zero: its credit
    /// cards are paid in full each month (`revolving.rs`).
    #[serde(default)]
    pub card_credit_rate: Bp,
    /// Whether complaints about fees are refunded.
    pub refund_complaints: bool,
    /// Whether the full fee schedule and pricing rules are published, whatever the layer.
    pub disclose: bool,
}

/// The business banker's settings for the month; a missing field takes the ordinary bank's
/// value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessDecision {
    pub merchant_fees: MerchantFees,
    pub business_loans: LoanPolicy,
}

/// A request for a loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanRequest {
    pub amount: Money,
    pub months: u16,
}

/// A merchant's choices for the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantDecision {
    /// Mark-up on the unit cost, before VAT.
    pub markup: Bp,
    pub accepts_cards: bool,
    pub loan_request: Option<LoanRequest>,
    /// Move the account and acquiring contract to another bank.
    pub switch_bank: Option<BankId>,
}

/// A household's choices for the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientDecision {
    /// Share of the spending budget spent this month (10,000 bp = the whole budget).
    pub spending: Bp,
    /// Share of purchases paid by card where the shop takes cards.
    pub card_share: Bp,
    pub loan_request: Option<LoanRequest>,
    /// Move the account to another bank.
    pub switch_bank: Option<BankId>,
    /// Complain to the bank about last month's unexpected fees.
    pub complain: bool,
    /// Stop shopping at this merchant and pick another.
    pub leave_merchant: Option<MerchantId>,
    /// Moved into savings after the salary comes in; negative: taken out of savings.
    pub save: Money,
    /// Buy a home this month with a loan from its bank (`SeatView`'s `home` quote).
    #[serde(default)]
    pub buy_home: bool,
}

/// Everything decided for one turn. Actors without a decision keep last month's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decisions {
    pub retail: Vec<(BankId, RetailDecision)>,
    pub business: Vec<(BankId, BusinessDecision)>,
    pub merchants: Vec<(MerchantId, MerchantDecision)>,
    pub clients: Vec<(ClientId, ClientDecision)>,
    /// Human bankers' answers to the cases waiting for them.
    pub verdicts: Vec<Verdict>,
}

impl Decisions {
    /// Only the decisions of these seats (no verdicts: cases belong to one game).
    pub fn of_seats(&self, seats: &[Seat]) -> Decisions {
        Decisions {
            retail: self
                .retail
                .iter()
                .filter(|(b, _)| seats.contains(&Seat::RetailBanker(*b)))
                .copied()
                .collect(),
            business: self
                .business
                .iter()
                .filter(|(b, _)| seats.contains(&Seat::BusinessBanker(*b)))
                .copied()
                .collect(),
            merchants: self
                .merchants
                .iter()
                .filter(|(m, _)| seats.contains(&Seat::Merchant(*m)))
                .copied()
                .collect(),
            clients: self
                .clients
                .iter()
                .filter(|(c, _)| seats.contains(&Seat::Client(*c)))
                .copied()
                .collect(),
            verdicts: Vec::new(),
        }
    }

    /// Adds the decisions of `other`; a later decision for the same seat replaces an earlier one.
    pub fn extend(&mut self, other: Decisions) {
        let Decisions {
            retail,
            business,
            merchants,
            clients,
            verdicts,
        } = other;
        self.retail.extend(retail);
        self.business.extend(business);
        self.merchants.extend(merchants);
        self.clients.extend(clients);
        self.verdicts.extend(verdicts);
    }
}
