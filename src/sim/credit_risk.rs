//! Credit risk as a bank lives it: hard times stop a household's salary, a borrower who cannot pay falls into arrears and defaults after three missed instalments, and the bank sets expected losses aside before they happen (IFRS 9).
//!
//! - **Hard times.** Each month a household falls on hard times (a lost job, an illness, a
//!   separation) with its yearly probability of default over twelve, raised while a recession
//!   lasts; for `HARD_TIMES_MONTHS` months no salary comes in (unemployment insurance is left
//!   out). A shop's hard times are a bill it did not expect, `MISFORTUNE_RENTS` months of rent
//!   (a flood, a theft, a customer that fails). What follows depends on cash: a household with
//!   savings rides them out, one without misses its instalments; a shop that cannot pay closes
//!   (`shop_closure.rs`) and its loan defaults. The probability of default is what the bank
//!   expects; the defaults are what the cash allows.
//! - **Arrears and default.** An instalment is paid if the household's current account, its
//!   savings and its authorised overdraft cover it; otherwise it falls due unpaid: its interest
//!   is earned and owed, and the amount past due bears no interest (no interest on interest:
//!   French law allows it only on interest a year overdue, Code civil art. 1343-2). A
//!   household pays its arrears all at once when it can, with the month's instalment. A
//!   payment goes to the oldest amount due, so one that pays the month's instalment but not
//!   its arrears stays as many months past due; the third instalment in arrears is a default:
//!   more than 90 days past due, the EU's definition (CRR art. 178; EBA/GL/2016/07). Late
//!   interest on the unpaid principal, which French lenders may charge at the contract's
//!   rate, is left out.
//! - **Provisions.** At each month-end a bank sets aside, in its loan-loss allowance, each
//!   performing loan's expected loss (IFRS 9 §5.5): over the next twelve months while it is
//!   paid (stage 1, at the borrower's probability of default as scoring sees it now, so a
//!   recession raises it), and over its life once an instalment is missed (stage 2: more than
//!   30 days past due, §5.5.11), at `ARREARS_PD`. At a default the allowance covers the loss
//!   first (stage 3). The cost of risk is what the allowance grew by plus the losses it did
//!   not cover.
use super::actors::{Loan, LoanStatus};
use super::economy::Economy;
use super::error::SimError;
use super::ids::{BankId, ClientId, LoanId, Turn};
use super::ledger::{Account, External, PostingKind, Product};
use super::money::{Bp, Money};
use super::report::SimEvent;
use super::trace::TxnKind;
use super::turn::TurnLog;
use rand::RngExt;

/// How long a household's hard times last, in months.
pub const HARD_TIMES_MONTHS: Turn = 12;
/// A shop's hard times: a bill worth this many months of its rent.
pub const MISFORTUNE_RENTS: i64 = 6;
/// Missed instalments in a row that make a default: more than 90 days past due (CRR art. 178).
pub const MISSED_TO_DEFAULT: u8 = 3;
/// The probability that a loan in arrears goes on to default, for its lifetime expected loss.
/// Measured in the shipped scenarios: see `docs/calibration.md`.
pub const ARREARS_PD: Bp = Bp(5_000);

impl Economy {
    /// Whether a household is in hard times during `turn`: no salary comes in.
    pub(super) fn in_hard_times(&self, c: ClientId, turn: Turn) -> bool {
        self.clients[c.index()]
            .hard_times_until
            .is_some_and(|until| turn <= until)
    }

    /// This month's hard times: households who lose their income, and shops hit by a bill.
    pub(super) fn draw_hard_times(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        let now = self.turn();
        let stress = self.recession_in(now).map_or(0, |r| r.pd_rise.0);
        for i in 0..self.clients.len() {
            let id = ClientId(i as u32);
            if self.in_hard_times(id, now) {
                continue;
            }
            let pd = self.clients[i].pd.0.saturating_add(stress);
            if self.rng.random_range(0..120_000) < pd {
                self.clients[i].hard_times_until = Some(now.saturating_add(HARD_TIMES_MONTHS - 1));
                log.events.push(SimEvent::HardTimes { client: id });
            }
        }
        for i in 0..self.merchants.len() {
            let m = &self.merchants[i];
            if m.closed.is_some() {
                continue;
            }
            let (id, rent) = (m.id, m.rent);
            let pd = m.pd.0.saturating_add(stress);
            if self.rng.random_range(0..120_000) < pd {
                let bill = rent.checked_mul(MISFORTUNE_RENTS)?;
                let cause = self
                    .ledger
                    .open_transaction(TxnKind::MerchantCosts { merchant: id });
                self.pay(
                    Account::Merchant(id),
                    Account::External(External::Suppliers),
                    bill,
                    PostingKind::CostOfGoods,
                    Product::None,
                    cause,
                )?;
                log.events.push(SimEvent::Misfortune { merchant: id, bill });
            }
        }
        Ok(())
    }

    /// Whether a household can pay `amount` from its current account, its savings and its
    /// authorised overdraft.
    pub(super) fn can_pay(&self, c: ClientId, amount: Money) -> Result<bool, SimError> {
        let client = &self.clients[c.index()];
        let held = self
            .ledger
            .balance(Account::Client(c))
            .checked_add(self.ledger.balance(Account::Savings(c)).max(Money::ZERO))?;
        let floor = client.authorised_overdraft().saturating_neg();
        Ok(held.checked_sub(amount)? >= floor)
    }

    /// Whether a household pays this month's instalment (`current`), and how much of its
    /// arrears it pays with it: all of them when it can, none otherwise. `None`: it cannot pay
    /// this month's instalment, or, with the loan's term over, what is past due.
    pub(super) fn arrears_payment(
        &self,
        c: ClientId,
        loan: &Loan,
        current: Money,
    ) -> Result<Option<Money>, SimError> {
        if self.can_pay(c, current.checked_add(loan.past_due)?)? {
            return Ok(Some(loan.past_due));
        }
        if current.is_positive() && self.can_pay(c, current)? {
            return Ok(Some(Money::ZERO));
        }
        Ok(None)
    }

    /// A household could not pay this month's instalment: it falls due unpaid, its interest
    /// earned and owed, and the third instalment in arrears is a default.
    pub(super) fn miss_instalment(
        &mut self,
        id: LoanId,
        principal: Money,
        interest: Money,
        log: &mut TurnLog,
    ) -> Result<(), SimError> {
        let loan = self.loans[id.index()];
        let cause = self
            .ledger
            .open_transaction(TxnKind::LoanInstalment { loan: id });
        self.pay(
            Account::BankLoans(loan.lender),
            Account::BankEquity(loan.lender),
            interest,
            PostingKind::LoanInterest,
            loan.product(),
            cause,
        )?;
        let loan = &mut self.loans[id.index()];
        loan.outstanding = loan.outstanding.checked_add(interest)?;
        loan.past_due = loan
            .past_due
            .checked_add(principal)?
            .checked_add(interest)?
            .min(loan.outstanding);
        // The contract's months run on; a card's least repayment stays spread over a month
        // at least.
        loan.months_left = loan
            .months_left
            .saturating_sub(1)
            .max(u16::from(loan.revolving));
        loan.missed = loan.missed.saturating_add(1);
        let (missed, lender) = (loan.missed, loan.lender);
        log.activity[lender.index()].missed_instalments += 1;
        if missed >= MISSED_TO_DEFAULT {
            return self.default_loan(id, log);
        }
        log.events
            .push(SimEvent::InstalmentMissed { loan: id, missed });
        Ok(())
    }

    /// What a loan is expected to lose: a year's worth while it is paid, its lifetime's once in
    /// arrears; nothing once it has ended.
    pub fn expected_loss(&self, id: LoanId) -> Result<Money, SimError> {
        let Some(loan) = self.loans.get(id.index()) else {
            return Ok(Money::ZERO);
        };
        if loan.status != LoanStatus::Performing {
            return Ok(Money::ZERO);
        }
        let lgd = match loan.secured {
            Some(home) => self
                .params
                .mortgages
                .loss_given_default(loan.outstanding, home)?,
            None => self.banks[loan.lender.index()].lending.loss_given_default,
        };
        let pd = if loan.missed > 0 {
            ARREARS_PD
        } else {
            // A loan ending within the year can default only while it runs.
            let pd = self.effective_pd(loan.own_pd).0.clamp(0, 10_000);
            let months = i32::from(loan.months_left.min(12));
            Bp(pd * months / 12)
        };
        Ok(loan.outstanding.apply(pd)?.apply(lgd)?)
    }

    /// Each bank's month-end review: every loan's provision is brought to its expected loss,
    /// and the allowance of loans that ended is released.
    pub(super) fn review_provisions(&mut self) -> Result<(), SimError> {
        let mut causes = vec![None; self.banks.len()];
        for l in 0..self.loans.len() {
            let id = LoanId(l as u32);
            let target = self.expected_loss(id)?;
            let loan = self.loans[l];
            if target == loan.provision {
                continue;
            }
            let bank = loan.lender;
            let cause = *causes[bank.index()]
                .get_or_insert_with(|| self.ledger.open_transaction(TxnKind::Impairment { bank }));
            let (from, to, amount) = if target > loan.provision {
                (
                    Account::BankEquity(bank),
                    Account::Provisions(bank),
                    target.checked_sub(loan.provision)?,
                )
            } else {
                (
                    Account::Provisions(bank),
                    Account::BankEquity(bank),
                    loan.provision.checked_sub(target)?,
                )
            };
            self.pay(
                from,
                to,
                amount,
                PostingKind::Impairment,
                loan.product(),
                cause,
            )?;
            self.loans[l].provision = target;
        }
        Ok(())
    }

    /// A defaulted loan's loss is covered by its provision first; what the provision does not
    /// cover is a credit loss, and what it held beyond the loss is released.
    pub(super) fn write_off(
        &mut self,
        id: LoanId,
        loss: Money,
        cause: super::ids::TxnId,
    ) -> Result<(), SimError> {
        let loan = self.loans[id.index()];
        let (bank, product) = (loan.lender, loan.product());
        let covered = loan.provision.min(loss);
        self.pay(
            Account::Provisions(bank),
            Account::BankLoans(bank),
            covered,
            PostingKind::Impairment,
            product,
            cause,
        )?;
        self.pay(
            Account::BankEquity(bank),
            Account::BankLoans(bank),
            loss.checked_sub(covered)?,
            PostingKind::CreditLoss,
            product,
            cause,
        )?;
        self.pay(
            Account::Provisions(bank),
            Account::BankEquity(bank),
            loan.provision.checked_sub(covered)?,
            PostingKind::Impairment,
            product,
            cause,
        )?;
        self.loans[id.index()].provision = Money::ZERO;
        Ok(())
    }

    /// A failed bank's loans pass to the acquirer with their provisions.
    pub(super) fn transfer_provision(
        &mut self,
        id: LoanId,
        to: BankId,
        cause: super::ids::TxnId,
    ) -> Result<(), SimError> {
        let loan = self.loans[id.index()];
        self.pay(
            Account::Provisions(loan.lender),
            Account::Provisions(to),
            loan.provision,
            PostingKind::Resolution,
            loan.product(),
            cause,
        )
    }
}
