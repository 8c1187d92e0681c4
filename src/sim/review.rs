//! Cases a human banker decides one by one: loan applications and complaints wait a month for
//! the banker's verdict; a case left without one is decided by the bank's policy, as a bot would.
use super::actors::Borrower;
use super::decisions::{LoanRequest, Seat};
use super::economy::Economy;
use super::ids::{BankId, ClientId, Turn};
use super::money::Money;
use serde::{Deserialize, Serialize};

/// A case waiting for a banker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CaseId(pub u32);

/// A loan application waiting for the banker's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanApplication {
    pub case: CaseId,
    pub borrower: Borrower,
    pub bank: BankId,
    pub request: LoanRequest,
    /// The turn it was made in.
    pub made: Turn,
}

/// A complaint about fees waiting for the banker's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingComplaint {
    pub case: CaseId,
    pub client: ClientId,
    pub bank: BankId,
    pub amount: Money,
    pub made: Turn,
}

/// A banker's answer to a case: approve the loan or refund the complaint, or refuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub case: CaseId,
    pub approve: bool,
}

/// Which bankers decide cases themselves, and the cases waiting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Per bank: whether its retail banker reviews household applications and complaints.
    pub retail: Vec<bool>,
    /// Per bank: whether its business banker reviews shops' applications.
    pub business: Vec<bool>,
    pub loans: Vec<LoanApplication>,
    pub complaints: Vec<PendingComplaint>,
    pub next_case: u32,
}

impl Review {
    pub(super) fn new_case(&mut self) -> CaseId {
        self.next_case += 1;
        CaseId(self.next_case)
    }

    /// Whether this bank's banker reviews this borrower's applications by hand.
    pub(super) fn reviews_loan(&self, bank: BankId, borrower: Borrower) -> bool {
        let list = match borrower {
            Borrower::Client(_) => &self.retail,
            Borrower::Merchant(_) => &self.business,
        };
        list.get(bank.index()).copied().unwrap_or(false)
    }

    pub(super) fn reviews_complaints(&self, bank: BankId) -> bool {
        self.retail.get(bank.index()).copied().unwrap_or(false)
    }
}

impl Economy {
    /// A human takes (or leaves) a banker seat: from next month, its bank's cases wait for the
    /// banker's verdicts. Other seats are ignored.
    pub fn set_manual_review(&mut self, seat: Seat, on: bool) {
        let banks = self.banks.len();
        let review = &mut self.review;
        review.retail.resize(banks, false);
        review.business.resize(banks, false);
        match seat {
            Seat::RetailBanker(b) if b.index() < banks => review.retail[b.index()] = on,
            Seat::BusinessBanker(b) if b.index() < banks => review.business[b.index()] = on,
            _ => {}
        }
    }

    /// The cases waiting for verdicts.
    pub fn review(&self) -> &Review {
        &self.review
    }
}
