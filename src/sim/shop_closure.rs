//! A shop that cannot pay its bills for three months in a row closes: its loan defaults, its
//! bank writes off its overdraft, and its customers shop elsewhere.
use super::economy::Economy;
use super::error::SimError;
use super::ids::{ClientId, MerchantId};
use super::ledger::{Account, PostingKind, Product};
use super::money::Money;
use super::report::SimEvent;
use super::trace::TxnKind;
use super::turn::TurnLog;
use rand::RngExt;

/// How many month-ends in a row a shop may be unable to pay before it closes. French law
/// opens insolvency proceedings once a firm cannot pay its debts as they fall due (*cessation
/// des paiements*, Code de commerce L631-1); three months is the game's.
pub const MONTHS_SHORT: u8 = 3;

impl Economy {
    /// Counts the shops short of money at the end of the month (overdrawn by more than a
    /// month's rent) and closes those short for `MONTHS_SHORT` months in a row.
    pub(super) fn close_failing_shops(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        for i in 0..self.merchants.len() {
            let m = &self.merchants[i];
            if m.closed.is_some() {
                continue;
            }
            let balance = self.ledger.balance(Account::Merchant(m.id));
            let short = balance < m.rent.saturating_neg();
            let m = &mut self.merchants[i];
            m.months_short = if short {
                m.months_short.saturating_add(1)
            } else {
                0
            };
            if m.months_short >= MONTHS_SHORT {
                let id = m.id;
                self.close_shop(id, log)?;
            }
        }
        Ok(())
    }

    fn close_shop(&mut self, id: MerchantId, log: &mut TurnLog) -> Result<(), SimError> {
        let bank = self.merchants[id.index()].bank;
        if let Some(loan) = self.merchants[id.index()].loan {
            self.default_loan(loan, log)?;
        }
        // What the shop owes on its account is lost to its bank.
        let owed = self
            .ledger
            .balance(Account::Merchant(id))
            .min(Money::ZERO)
            .checked_neg()?;
        let cause = self
            .ledger
            .open_transaction(TxnKind::MerchantCosts { merchant: id });
        self.pay(
            Account::BankEquity(bank),
            Account::Merchant(id),
            owed,
            PostingKind::CreditLoss,
            Product::CurrentAccount,
            cause,
        )?;
        self.merchants[id.index()].closed = Some(self.ledger.turn());
        self.merchants[id.index()].accepts_cards = false;
        for c in 0..self.clients.len() {
            self.replace_shop(ClientId(c as u32), id);
        }
        log.events.push(SimEvent::MerchantClosed {
            merchant: id,
            bank,
            written_off: owed,
        });
        Ok(())
    }

    /// A household that shopped at a closed shop picks another open one it does not visit yet,
    /// or drops it if there is none (for each time the shop is on its list).
    fn replace_shop(&mut self, c: ClientId, closed: MerchantId) {
        while let Some(pos) = self.clients[c.index()]
            .shops
            .iter()
            .position(|&m| m == closed)
        {
            self.replace_shop_at(c, pos);
        }
    }

    fn replace_shop_at(&mut self, c: ClientId, pos: usize) {
        let n = self.merchants.len() as u32;
        let start = self.rng.random_range(0..n.max(1));
        let client = &self.clients[c.index()];
        let replacement = (0..n)
            .map(|k| MerchantId((start + k) % n))
            .find(|m| self.merchants[m.index()].closed.is_none() && !client.shops.contains(m));
        let shops = &mut self.clients[c.index()].shops;
        match replacement {
            Some(m) => shops[pos] = m,
            None => {
                shops.remove(pos);
            }
        }
    }
}
