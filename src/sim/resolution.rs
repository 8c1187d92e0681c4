//! A bank whose losses used up its equity fails and is resolved: its depositors above the
//! guarantee bear the loss first, the deposit guarantee scheme covers the rest, and the soundest
//! other bank able to carry them takes over its accounts and loans at book value (a transfer of business, BRRD art. 38, with the
//! guarantee's contribution of DGSD art. 11(3)).
use super::actors::LoanStatus;
use super::economy::Economy;
use super::error::SimError;
use super::ids::{BankId, TxnId};
use super::ledger::{Account, External, PostingKind, Product};
use super::money::Money;
use super::report::SimEvent;
use super::trace::TxnKind;
use super::turn::TurnLog;

/// What the deposit guarantee covers for each depositor at a bank (DGSD art. 6).
pub const GUARANTEE: Money = Money::euros(100_000);

impl Economy {
    /// Resolves every bank whose equity is below zero at the end of the month.
    pub(super) fn resolve_failed_banks(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        for b in 0..self.banks.len() {
            let failed = BankId(b as u16);
            let equity = self.ledger.balance(Account::BankEquity(failed));
            if self.banks[b].resolved.is_some() || !equity.is_negative() {
                continue;
            }
            let hole = equity.checked_neg()?;
            let cause = self
                .ledger
                .open_transaction(TxnKind::Resolution { bank: failed });
            let bailed_in = self.bail_in(failed, hole, cause)?;
            let guaranteed = hole.checked_sub(bailed_in)?;
            self.pay(
                Account::External(External::DepositGuarantee),
                Account::BankEquity(failed),
                guaranteed,
                PostingKind::Resolution,
                Product::None,
                cause,
            )?;
            let acquirer = self.soundest_bank_but(failed);
            let mut guaranteed = guaranteed;
            match acquirer {
                Some(to) => {
                    self.transfer_business(failed, to, cause)?;
                    self.banks[b].resolved = Some(self.ledger.turn());
                }
                None => {
                    // No bank to take it over: the guarantee puts it back at its capital
                    // requirement, so that it does not fail again next month.
                    let c = self
                        .capitals_with(true)
                        .get(failed.index())
                        .copied()
                        .unwrap_or_default();
                    let needed = c.rwa.apply(c.requirement)?.checked_sub(c.cet1)?;
                    self.pay(
                        Account::External(External::DepositGuarantee),
                        Account::BankEquity(failed),
                        needed,
                        PostingKind::Resolution,
                        Product::None,
                        cause,
                    )?;
                    guaranteed = guaranteed.checked_add(needed.max(Money::ZERO))?;
                }
            }
            log.events.push(SimEvent::BankResolved {
                bank: failed,
                acquirer,
                guaranteed,
                bailed_in,
            });
        }
        Ok(())
    }

    /// The open bank with the highest CET1 ratio, other than `failed`, that still meets its
    /// capital requirement once it carries the failed bank's risks: a resolution authority sells
    /// a failed bank's business only to a buyer able to hold it (BRRD art. 38).
    fn soundest_bank_but(&self, failed: BankId) -> Option<BankId> {
        let capitals = self.capitals_with(true);
        let taken = capitals.get(failed.index()).map_or(Money::ZERO, |c| c.rwa);
        self.banks
            .iter()
            .filter(|b| b.id != failed && b.resolved.is_none())
            .filter_map(|b| capitals.get(b.id.index()).map(|c| (b.id, *c)))
            .filter(|(_, c)| c.cet1.is_positive() && c.allows(taken))
            .max_by_key(|(_, c)| c.ratio().0)
            .map(|(b, _)| b)
    }

    /// Depositors bear the loss up to what they hold above the guarantee, each in proportion
    /// to it; a household's current account and savings count as one deposit. Returns what
    /// they lost.
    fn bail_in(&mut self, bank: BankId, hole: Money, cause: TxnId) -> Result<Money, SimError> {
        // Each depositor's accounts at the bank, and what they hold above the guarantee.
        let mut depositors: Vec<(Vec<Account>, i128)> = Vec::new();
        for c in self.clients.iter().filter(|c| c.bank == bank) {
            let accounts = vec![Account::Savings(c.id), Account::Client(c.id)];
            depositors.push((accounts, 0));
        }
        for m in self.merchants.iter().filter(|m| m.bank == bank) {
            depositors.push((vec![Account::Merchant(m.id)], 0));
        }
        let mut uncovered = 0i128;
        for (accounts, above) in &mut depositors {
            let held: i128 = accounts
                .iter()
                .map(|a| i128::from(self.ledger.balance(*a).max(Money::ZERO).as_cents()))
                .sum();
            *above = (held - i128::from(GUARANTEE.as_cents())).max(0);
            uncovered += *above;
        }
        let loss = i128::from(hole.as_cents()).min(uncovered);
        if loss <= 0 {
            return Ok(Money::ZERO);
        }
        let mut lost = Money::ZERO;
        for (accounts, above) in depositors.into_iter().filter(|(_, a)| *a > 0) {
            let share =
                i64::try_from(above * loss / uncovered).map_err(|_| super::money::Overflow)?;
            let mut left = Money::cents(share);
            for account in accounts {
                let take = left.min(self.ledger.balance(account).max(Money::ZERO));
                self.pay(
                    account,
                    Account::BankEquity(bank),
                    take,
                    PostingKind::BailIn,
                    Product::None,
                    cause,
                )?;
                left = left.checked_sub(take)?;
                lost = lost.checked_add(take)?;
            }
        }
        Ok(lost)
    }

    /// The sound bank takes over the failed bank's depositors and borrowers; it pays for the
    /// loans it takes in reserves, as the depositors' money reaches it at the clearing.
    fn transfer_business(
        &mut self,
        from: BankId,
        to: BankId,
        cause: TxnId,
    ) -> Result<(), SimError> {
        for i in 0..self.clients.len() {
            if self.clients[i].bank == from {
                let id = self.clients[i].id;
                self.clients[i].bank = to;
                self.ledger.hold_at(Account::Client(id), to);
                self.ledger.hold_at(Account::Savings(id), to);
            }
        }
        for i in 0..self.merchants.len() {
            if self.merchants[i].bank == from {
                self.merchants[i].bank = to;
                self.ledger
                    .hold_at(Account::Merchant(self.merchants[i].id), to);
            }
        }
        for l in 0..self.loans.len() {
            let loan = self.loans[l];
            if loan.lender != from || loan.status != LoanStatus::Performing {
                continue;
            }
            self.pay(
                Account::BankLoans(to),
                Account::BankLoans(from),
                loan.outstanding,
                PostingKind::Resolution,
                loan.product(),
                cause,
            )?;
            self.transfer_provision(loan.id, to, cause)?;
            self.loans[l].lender = to;
        }
        Ok(())
    }
}
