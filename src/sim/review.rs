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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{
        Account, ClientDecision, Decisions, Money, RefusalReason, SimEvent, TownSpec, town,
    };

    fn economy() -> Economy {
        let mut e = Economy::new(town(TownSpec::new(2, 4, 20, 9))).unwrap();
        e.set_manual_review(Seat::RetailBanker(BankId(0)), true);
        e
    }

    fn client_at(e: &Economy, bank: BankId) -> ClientId {
        e.clients()
            .iter()
            .find(|c| c.bank == bank && c.loan.is_none())
            .unwrap()
            .id
    }

    fn decision(e: &Economy, c: ClientId) -> ClientDecision {
        ClientDecision {
            spending: crate::sim::Bp::FULL,
            card_share: e.client(c).unwrap().card_share,
            loan_request: None,
            switch_bank: None,
            complain: false,
            leave_merchant: None,
            save: Money::ZERO,
            buy_home: false,
        }
    }

    #[test]
    fn an_application_waits_and_is_withdrawn_if_the_borrower_leaves() {
        let mut e = economy();
        let c = client_at(&e, BankId(0));
        let mut d = decision(&e, c);
        d.loan_request = Some(LoanRequest {
            amount: Money::euros(1_000),
            months: 12,
        });
        e.step(&Decisions {
            clients: vec![(c, d)],
            ..Decisions::default()
        })
        .unwrap();
        assert_eq!(e.review().loans.len(), 1);
        let case = e.review().loans[0].case;
        // A verdict on a case nobody reviews, or two verdicts, are refused.
        let twice = Decisions {
            verdicts: vec![
                Verdict {
                    case,
                    approve: true,
                },
                Verdict {
                    case,
                    approve: false,
                },
            ],
            ..Decisions::default()
        };
        assert!(e.step(&twice).is_err());
        let mut d = decision(&e, c);
        d.switch_bank = Some(BankId(1));
        let report = e
            .step(&Decisions {
                clients: vec![(c, d)],
                verdicts: vec![Verdict {
                    case,
                    approve: true,
                }],
                ..Decisions::default()
            })
            .unwrap();
        assert!(report.events.contains(&SimEvent::LoanRefused {
            borrower: crate::sim::Borrower::Client(c),
            bank: BankId(0),
            reason: RefusalReason::Withdrawn,
        }));
        assert!(e.client(c).unwrap().loan.is_none());
    }

    #[test]
    fn money_taken_out_of_savings_stays_out_that_month() {
        let base = economy();
        let c = base.clients()[0].id;
        let run = |save: Money| {
            let mut e = base.clone();
            let mut d = decision(&e, c);
            d.save = save;
            e.step(&Decisions {
                clients: vec![(c, d)],
                ..Decisions::default()
            })
            .unwrap();
            e.ledger().balance(Account::Savings(c))
        };
        let kept = run(Money::ZERO);
        let out = run(Money::cents(-50_000));
        assert!(
            out.as_cents() <= kept.as_cents() - 50_000,
            "{out} vs {kept}"
        );
    }
}
