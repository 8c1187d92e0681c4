//! Revolving credit on credit cards: what a cardholder cannot pay at the month's end is lent on its card at the card's yearly rate, and paid back within 36 months (60 above €3,000).
//!
//! A bank whose `card_credit_rate` is above zero lends on its credit cards, as French banks and
//! consumer lenders do with *crédit renouvelable*. At the end of each month a credit cardholder
//! whose current account is overdrawn draws on its line what covers it, up to
//! `LIMIT_MONTHS` of its income; one in credit pays back what it can. What is owed bears the
//! card's rate, which follows the bank's choice and the policy rate (its cost of funds), and the
//! least monthly repayment must pay it back within 36 months, or 60 when it is above €3,000 (the
//! *loi Lagarde* of 2010, décret 2011-136): each new drawing starts that count again, and the
//! least repayment is what is owed over the months left, with the interest. A cardholder who
//! cannot pay that falls into arrears like any borrower (`credit_risk.rs`); the third missed
//! payment is a default, and the line is closed to it while it is in the credit register.
use super::actors::{Borrower, Loan, LoanStatus};
use super::config::CardKind;
use super::economy::Economy;
use super::error::SimError;
use super::ids::{BankId, ClientId, LoanId};
use super::ledger::{Account, PostingKind, Product};
use super::money::{Bp, Money};
use super::pricing::{LoanPolicy, LoanRate};
use super::trace::TxnKind;
use super::turn::{Overdraft, TurnLog};

/// A card's credit line, in months of the cardholder's income. French revolving lines are
/// mostly of €1,000 to €3,000.
pub const LIMIT_MONTHS: i64 = 1;
/// The longest a drawing may take to pay back: 36 months, or 60 above `LONG_ABOVE`.
pub const REPAYMENT_MONTHS: u16 = 36;
pub const LONG_REPAYMENT_MONTHS: u16 = 60;
pub const LONG_ABOVE: Money = Money::euros(3_000);

impl Economy {
    /// The month's end on every credit card: interest and the least repayment, what the
    /// cardholder can pay back, and what it draws to cover an overdraft.
    pub(super) fn run_card_credit(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        for i in 0..self.clients.len() {
            let c = ClientId(i as u32);
            if let Some(id) = self.clients[i].card_credit {
                self.repay_card_credit(c, id, log)?;
            }
            self.draw_card_credit(c)?;
        }
        Ok(())
    }

    /// The card's yearly rate at `bank`, built like a loan's: its costs, and what is left of the
    /// rate the bank chose is its margin.
    fn card_rate(&self, bank: BankId, pd: Bp) -> LoanRate {
        let b = &self.banks[bank.index()];
        let policy = LoanPolicy {
            margin: Bp::ZERO,
            max_pd: Bp::FULL,
            max_months: REPAYMENT_MONTHS,
        };
        let mut rate = LoanRate::price(&policy, &b.lending, self.params.policy_rate, pd);
        rate.margin = Bp(b.retail.card_credit_rate.0.saturating_sub(rate.total().0));
        rate
    }

    fn repay_card_credit(
        &mut self,
        c: ClientId,
        id: LoanId,
        log: &mut TurnLog,
    ) -> Result<(), SimError> {
        let loan = self.loans[id.index()];
        if loan.status != LoanStatus::Performing {
            self.clients[c.index()].card_credit = None;
            return Ok(());
        }
        let pd = self.effective_pd(loan.own_pd);
        let rate = self.card_rate(loan.lender, pd);
        let loan = &mut self.loans[id.index()];
        loan.rate = rate;
        let loan = *loan;
        let (least, interest) = loan.instalment()?;
        let Some(cured) = self.arrears_payment(c, &loan, least.checked_add(interest)?)? else {
            return self.miss_instalment(id, least, interest, log);
        };
        let cause = self
            .ledger
            .open_transaction(TxnKind::LoanInstalment { loan: id });
        let bank = loan.lender;
        self.client_pays(
            c,
            Account::BankEquity(bank),
            interest,
            PostingKind::LoanInterest,
            Product::RevolvingCredit,
            cause,
            Overdraft::Silent,
        )?;
        // The least repayment and any arrears, or whatever the current account holds above
        // zero if that is more.
        let spare = self.ledger.balance(Account::Client(c)).max(Money::ZERO);
        let repaid = least.checked_add(cured)?.max(spare).min(loan.outstanding);
        self.client_pays(
            c,
            Account::BankLoans(bank),
            repaid,
            PostingKind::LoanPrincipal,
            Product::RevolvingCredit,
            cause,
            Overdraft::Silent,
        )?;
        let loan = &mut self.loans[id.index()];
        loan.outstanding = loan.outstanding.checked_sub(repaid)?;
        loan.months_left = loan.months_left.saturating_sub(1).max(1);
        // Beyond the least repayment, a payment goes to the arrears first.
        loan.clear_arrears(repaid.checked_sub(least)?.max(Money::ZERO))?;
        if loan.outstanding == Money::ZERO {
            self.end_loan(id, LoanStatus::Repaid);
        }
        Ok(())
    }

    /// A credit cardholder whose account ends the month overdrawn draws on its card's line to
    /// cover it, if its bank lends on its cards and it is not in arrears or in the register.
    fn draw_card_credit(&mut self, c: ClientId) -> Result<(), SimError> {
        let client = &self.clients[c.index()];
        let bank = client.bank;
        let rate = self.banks[bank.index()].retail.card_credit_rate;
        let overdrawn = self
            .ledger
            .balance(Account::Client(c))
            .min(Money::ZERO)
            .checked_neg()?;
        if client.card != CardKind::Credit
            || rate.0 <= 0
            || !overdrawn.is_positive()
            || self.in_register(client.defaulted)
        {
            return Ok(());
        }
        let line = client.income.checked_mul(LIMIT_MONTHS)?;
        let existing = client.card_credit.map(|l| self.loans[l.index()]);
        if existing.is_some_and(|l| l.lender != bank || l.missed > 0) {
            return Ok(());
        }
        let owed = existing.map_or(Money::ZERO, |l| l.outstanding);
        let draw = overdrawn.min(line.checked_sub(owed)?.max(Money::ZERO));
        if !draw.is_positive() {
            return Ok(());
        }
        let id = match existing {
            Some(l) => l.id,
            None => self.open_card_credit(c, bank),
        };
        let cause = self
            .ledger
            .open_transaction(TxnKind::LoanGranted { loan: id });
        self.pay(
            Account::BankLoans(bank),
            Account::Client(c),
            draw,
            PostingKind::LoanDisbursement,
            Product::RevolvingCredit,
            cause,
        )?;
        let loan = &mut self.loans[id.index()];
        loan.outstanding = loan.outstanding.checked_add(draw)?;
        loan.principal = loan.principal.checked_add(draw)?;
        // A new drawing: the count of months to pay it all back starts again.
        loan.months_left = if loan.outstanding > LONG_ABOVE {
            LONG_REPAYMENT_MONTHS
        } else {
            REPAYMENT_MONTHS
        };
        Ok(())
    }

    fn open_card_credit(&mut self, c: ClientId, bank: BankId) -> LoanId {
        let own_pd = self.clients[c.index()].pd;
        let pd = self.effective_pd(own_pd);
        let id = LoanId(self.loans.len() as u32);
        let rate = self.card_rate(bank, pd);
        self.loans.push(Loan {
            months_left: REPAYMENT_MONTHS,
            rate,
            pd,
            own_pd,
            revolving: true,
            ..Loan::written(id, bank, Borrower::Client(c), self.ledger.turn())
        });
        self.clients[c.index()].card_credit = Some(id);
        id
    }
}
