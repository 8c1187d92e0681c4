//! One month of the economy: decisions, income, shopping and the card value chain, loans,
//! interest, fees, costs, trust, complaints and switching.
use super::actors::{Borrower, Loan, LoanStatus, Trust};
use super::config::CardKind;
use super::decisions::{ClientDecision, Decisions, LoanRequest, MerchantDecision};
use super::economy::Economy;
use super::error::SimError;
use super::ids::{BankId, ClientId, LoanId, MerchantId, Turn, TxnId};
use super::ledger::{Account, External, PostingKind, Product};
use super::limits::{Bounded, OutOfBounds};
use super::money::{Bp, Money};
use super::pricing::{LoanRate, MscRates, MscSplit, instalment};
use super::report::{
    BankActivity, BankPnl, BankReport, ClientsReport, MerchantReport, RefusalReason, SimEvent,
    TurnReport,
};
use super::review::{CaseId, LoanApplication, PendingComplaint};
use super::trace::TxnKind;
use super::view::Usage;
use rand::RngExt;

/// A bank's first reason to refuse a loan, in the order its policy checks them: a loan of the
/// kind already running, its capital, the credit register, the borrower's risk, and what the
/// borrower can afford.
pub(super) fn first_refusal(
    already: bool,
    room: bool,
    registered: bool,
    too_risky: bool,
    unaffordable: bool,
) -> Option<RefusalReason> {
    [
        (already, RefusalReason::AlreadyBorrowing),
        (!room, RefusalReason::NoCapital),
        (registered, RefusalReason::InRegister),
        (too_risky, RefusalReason::TooRisky),
        (unaffordable, RefusalReason::Unaffordable),
    ]
    .into_iter()
    .find_map(|(refused, reason)| refused.then_some(reason))
}

/// How a bank sees a loan application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub bank: BankId,
    /// The borrower's yearly probability of default, as the bank's scoring sees it.
    pub pd: Bp,
    /// The term granted: the request's, within the bank's longest.
    pub months: u16,
    pub rate: LoanRate,
    pub first_instalment: Money,
    /// A household's income after fixed costs: the instalment may take a third of it.
    pub spare_income: Option<Money>,
    /// What the bank's policy says: `None` to lend.
    pub policy_refusal: Option<RefusalReason>,
}

/// The per-seat decisions of one turn, indexed by actor.
pub(super) struct TurnDecisions {
    pub(super) clients: Vec<Option<ClientDecision>>,
    merchants: Vec<Option<MerchantDecision>>,
    /// Human bankers' verdicts by case.
    verdicts: std::collections::BTreeMap<CaseId, bool>,
}

/// What one turn counts as it goes.
pub(super) struct TurnLog {
    pub(super) activity: Vec<BankActivity>,
    pub(super) events: Vec<SimEvent>,
    clients: ClientsReport,
}

/// How a client's payment is handled when the current account runs short.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Overdraft {
    /// Refused if it would go below the authorised overdraft (card payments).
    UpToLimit,
    /// Refused if the money is not there (cash comes out of a cash machine).
    Never,
    /// Made with an irregular-payment fee beyond the authorised overdraft, up to what the bank
    /// tolerates (`Client::tolerated_overdraft`); refused past it (direct debits: rent).
    Irregular,
    /// Always made, without an irregular-payment fee (the bank's own fees).
    Silent,
}

/// How long a borrower who defaulted stays in the credit register, where every bank's policy
/// refuses it a loan: the Banque de France's FICP keeps a repayment incident up to five years
/// (or until it is repaid); a year here, so that it matters within a game.
const REGISTER_MONTHS: Turn = 12;

/// A surprise a household notices and remembers as a bad experience: 1% of its monthly income
/// or more (€16 on €1,600). A smaller one still costs a little trust.
const NOTICED_SURPRISE_BP: i64 = 100;
/// A surprise of 1% of the household's income costs the whole surprise penalty of the trust
/// rules (scaled by its fee sensitivity); a larger one up to three times as much.
const FULL_SURPRISE_BP: i64 = 100;
const MAX_SURPRISE_PENALTIES: i64 = 3;

impl Economy {
    /// How a household has used its account lately: the usage its expected fees are priced on.
    pub(super) fn usage(&self, client: &super::actors::Client) -> Usage {
        Usage {
            card: client.card,
            irregular_payments: client.experience.irregular_payments,
            overdraft: self
                .ledger
                .balance(Account::Client(client.id))
                .min(Money::ZERO)
                .saturating_neg(),
            fragile: self.is_fragile(client),
        }
    }

    /// Plays one month with the decisions of every seat and returns its report.
    /// Decisions are checked first: a refused decision leaves the economy unchanged.
    pub fn step(&mut self, decisions: &Decisions) -> Result<TurnReport, SimError> {
        if self.stopped {
            return Err(SimError::Stopped);
        }
        let indexed = self.check_decisions(decisions)?;
        match self.play(decisions, &indexed) {
            Ok(report) => Ok(report),
            Err(e) => {
                self.stopped = true;
                if let SimError::Ledger(super::ledger::LedgerError::Overflow(account)) = &e {
                    self.overflowed = Some(*account);
                }
                Err(e)
            }
        }
    }

    /// Whether these decisions can be played: every actor exists and every number is within
    /// its limit (`limits.rs`). Nothing changes.
    pub fn check(&self, decisions: &Decisions) -> Result<(), SimError> {
        self.check_decisions(decisions).map(|_| ())
    }

    fn check_decisions(&self, d: &Decisions) -> Result<TurnDecisions, SimError> {
        let bad = |why: String| Err(SimError::InvalidDecision(why));
        let out = |who: String, oob: OutOfBounds| Err(SimError::OutOfBounds { who, oob });
        let banks = self.banks.len();
        for (bank, r) in &d.retail {
            if bank.index() >= banks {
                return bad(format!("no bank {}", bank.0));
            }
            if let Some(oob) = r.out_of_bounds() {
                return out(format!("retail banker of bank {}", bank.0), oob);
            }
        }
        for (bank, b) in &d.business {
            if bank.index() >= banks {
                return bad(format!("no bank {}", bank.0));
            }
            if let Some(oob) = b.out_of_bounds() {
                return out(format!("business banker of bank {}", bank.0), oob);
            }
        }
        let mut merchants = vec![None; self.merchants.len()];
        for (m, md) in &d.merchants {
            if m.index() >= merchants.len() {
                return bad(format!("no merchant {}", m.0));
            }
            if let Some(oob) = md.out_of_bounds() {
                return out(format!("merchant {}", m.0), oob);
            }
            if md.switch_bank.is_some_and(|b| b.index() >= banks) {
                return bad(format!("merchant {}: no such bank to switch to", m.0));
            }
            // A closed shop decides nothing any more.
            if self.merchants[m.index()].closed.is_none() {
                merchants[m.index()] = Some(*md);
            }
        }
        let mut clients = vec![None; self.clients.len()];
        for (c, cd) in &d.clients {
            if c.index() >= clients.len() {
                return bad(format!("no client {}", c.0));
            }
            if let Some(oob) = cd.out_of_bounds() {
                return out(format!("client {}", c.0), oob);
            }
            if cd.switch_bank.is_some_and(|b| b.index() >= banks)
                || cd
                    .leave_merchant
                    .is_some_and(|m| m.index() >= self.merchants.len())
            {
                return bad(format!("client {}: no such bank or merchant", c.0));
            }
            clients[c.index()] = Some(*cd);
        }
        let mut verdicts = std::collections::BTreeMap::new();
        for v in &d.verdicts {
            // Only a case waiting for a banker who reviews by hand, and once.
            let reviewed = self
                .review
                .loans
                .iter()
                .find(|l| l.case == v.case)
                .map(|l| self.review.reviews_loan(l.bank, l.borrower))
                .or_else(|| {
                    self.review
                        .complaints
                        .iter()
                        .find(|c| c.case == v.case)
                        .map(|c| self.review.reviews_complaints(c.bank))
                });
            if reviewed != Some(true) {
                return bad(format!("no case {} waits for a banker's verdict", v.case.0));
            }
            if verdicts.insert(v.case, v.approve).is_some() {
                return bad(format!("two verdicts for case {}", v.case.0));
            }
        }
        Ok(TurnDecisions {
            clients,
            merchants,
            verdicts,
        })
    }

    fn play(&mut self, d: &Decisions, idx: &TurnDecisions) -> Result<TurnReport, SimError> {
        let mut log = TurnLog {
            activity: vec![BankActivity::default(); self.banks.len()],
            events: Vec::new(),
            clients: ClientsReport::default(),
        };
        // What each household could see before the month: its expectation is built on it.
        let offers = self.bank_offers();
        let usage: Vec<(Usage, BankId)> = self
            .clients
            .iter()
            .map(|c| (self.usage(c), c.bank))
            .collect();
        self.apply_settings(d, idx);
        for client in &mut self.clients {
            let e = &mut client.experience;
            e.expected_fees = Money::ZERO;
            e.surprise_fees = Money::ZERO;
            e.fees_paid = Money::ZERO;
            e.irregular_payments = 0;
            e.irregular_fees = Money::ZERO;
            e.fees_waived_by_caps = Money::ZERO;
            e.declined_payments = 0;
            e.bad_this_month = false;
        }
        self.handle_complaints(idx, &mut log)?;
        self.switch(idx, &mut log);
        let caps = self.params.caps;
        for (client, (usage, bank)) in self.clients.iter_mut().zip(&usage) {
            // Last month's statement speaks of this bank only if the household stayed.
            let e = &mut client.experience;
            let statement = if client.bank == *bank {
                e.last_fees_paid
            } else {
                Money::ZERO
            };
            e.expected_fees = offers
                .get(client.bank.index())
                .map_or(Money::ZERO, |o| o.expected_bill(usage, &caps, statement));
        }
        self.draw_hard_times(&mut log)?;
        self.pay_income_and_fixed_costs(&mut log)?;
        self.move_savings(idx)?;
        self.collect_instalments(&mut log)?;
        self.go_shopping(&mut log)?;
        self.commit_fraud(&mut log)?;
        self.pay_merchant_costs()?;
        self.run_loans(idx, &mut log)?;
        self.pay_interest(&mut log)?;
        self.charge_client_fees()?;
        self.run_card_credit(&mut log)?;
        self.close_failing_shops(&mut log)?;
        self.review_provisions()?;
        self.pay_bank_costs()?;
        self.pay_profit_tax()?;
        let dividends = self.pay_dividends()?;
        self.resolve_failed_banks(&mut log)?;
        self.sweep_savings(idx)?;
        self.mark_fragile_clients();
        self.update_trust(&mut log);
        let clearing = self.ledger.open_transaction(TxnKind::Clearing);
        self.ledger.clear(clearing)?;
        let report = self.close(log, &dividends);
        self.reports.push(report.clone());
        Ok(report)
    }

    fn apply_settings(&mut self, d: &Decisions, idx: &TurnDecisions) {
        for (bank, r) in &d.retail {
            self.banks[bank.index()].retail = *r;
        }
        for (bank, b) in &d.business {
            self.banks[bank.index()].business = *b;
        }
        for (m, md) in self.merchants.iter_mut().zip(&idx.merchants) {
            if let Some(md) = md {
                m.markup = md.markup;
                m.accepts_cards = md.accepts_cards;
            }
        }
        for (c, cd) in self.clients.iter_mut().zip(&idx.clients) {
            if let Some(cd) = cd {
                c.spending = cd.spending;
                c.card_share = cd.card_share;
            }
        }
    }

    pub(super) fn pay(
        &mut self,
        from: Account,
        to: Account,
        amount: Money,
        kind: PostingKind,
        product: Product,
        cause: TxnId,
    ) -> Result<(), SimError> {
        if amount.is_positive() {
            self.ledger.post(from, to, amount, kind, product, cause)?;
        }
        Ok(())
    }

    /// A client pays from the current account, drawing on savings first when it runs short.
    /// Returns whether the payment was made.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn client_pays(
        &mut self,
        c: ClientId,
        to: Account,
        amount: Money,
        kind: PostingKind,
        product: Product,
        cause: TxnId,
        overdraft: Overdraft,
    ) -> Result<bool, SimError> {
        if !amount.is_positive() {
            return Ok(true);
        }
        let current = Account::Client(c);
        let balance = self.ledger.balance(current);
        if balance < amount {
            let short = amount.checked_sub(balance.max(Money::ZERO))?;
            let draw = short.min(self.ledger.balance(Account::Savings(c)));
            self.pay(
                Account::Savings(c),
                current,
                draw,
                PostingKind::SavingsTransfer,
                Product::Savings,
                cause,
            )?;
        }
        let balance = self.ledger.balance(current);
        let after = balance.checked_sub(amount)?;
        let client = &self.clients[c.index()];
        let authorised = client.authorised_overdraft().saturating_neg();
        let refused = match overdraft {
            Overdraft::Never => after.is_negative(),
            Overdraft::UpToLimit => after < authorised,
            Overdraft::Irregular => after < client.tolerated_overdraft().saturating_neg(),
            Overdraft::Silent => false,
        };
        if refused {
            self.clients[c.index()].experience.declined_payments += 1;
            return Ok(false);
        }
        self.ledger
            .post(current, to, amount, kind, product, cause)?;
        // Only a payment beyond the authorised overdraft is irregular (a French "commission
        // d'intervention" is for an irregularity, not for using the overdraft agreed).
        if after < authorised && overdraft != Overdraft::Silent {
            self.charge_irregular_fee(c, cause)?;
        }
        Ok(true)
    }

    /// The fee for a payment that took the account below zero, within the regulator's caps.
    fn charge_irregular_fee(&mut self, c: ClientId, cause: TxnId) -> Result<(), SimError> {
        let bank = self.clients[c.index()].bank;
        let asked = self.banks[bank.index()].retail.fees.irregular_payment_fee;
        let (per_payment, per_month) = self
            .params
            .caps
            .irregular_fees(self.is_fragile(&self.clients[c.index()]));
        let mut fee = per_payment.map_or(asked, |cap| asked.min(cap));
        let e = &self.clients[c.index()].experience;
        if let Some(month_cap) = per_month {
            fee = fee.min(month_cap.checked_sub(e.irregular_fees)?.max(Money::ZERO));
        }
        let e = &mut self.clients[c.index()].experience;
        e.irregular_payments += 1;
        e.fees_waived_by_caps = e.fees_waived_by_caps.checked_add(asked.checked_sub(fee)?)?;
        if fee.is_positive() {
            e.irregular_fees = e.irregular_fees.checked_add(fee)?;
            e.fees_paid = e.fees_paid.checked_add(fee)?;
            self.ledger.post(
                Account::Client(c),
                Account::BankEquity(bank),
                fee,
                PostingKind::IrregularPaymentFee,
                Product::CurrentAccount,
                cause,
            )?;
        }
        Ok(())
    }

    fn handle_complaints(
        &mut self,
        idx: &TurnDecisions,
        log: &mut TurnLog,
    ) -> Result<(), SimError> {
        // Last month's complaints at banks whose banker answers them: the verdict, or the
        // bank's policy when the banker gave none.
        let waiting = std::mem::take(&mut self.review.complaints);
        for c in waiting {
            let refund = idx
                .verdicts
                .get(&c.case)
                .copied()
                .unwrap_or(self.banks[c.bank.index()].retail.refund_complaints);
            self.settle_complaint(c.client, c.bank, c.amount, refund, log)?;
        }
        for (i, cd) in idx.clients.iter().enumerate() {
            let Some(cd) = cd else { continue };
            let client = &self.clients[i];
            let amount = client.experience.last_surprise_fees;
            if !cd.complain || !amount.is_positive() {
                continue;
            }
            let (id, bank) = (client.id, client.bank);
            log.activity[bank.index()].complaints += 1;
            log.clients.complaints += 1;
            let client = &mut self.clients[i];
            client.experience.complaints += 1;
            client.experience.last_surprise_fees = Money::ZERO;
            if self.review.reviews_complaints(bank) {
                let case = self.review.new_case();
                self.review.complaints.push(PendingComplaint {
                    case,
                    client: id,
                    bank,
                    amount,
                    made: self.ledger.turn(),
                });
            } else {
                let refund = self.banks[bank.index()].retail.refund_complaints;
                self.settle_complaint(id, bank, amount, refund, log)?;
            }
        }
        Ok(())
    }

    /// Refunds a complaint or refuses it, and the household's trust follows.
    fn settle_complaint(
        &mut self,
        id: ClientId,
        bank: BankId,
        amount: Money,
        refund: bool,
        log: &mut TurnLog,
    ) -> Result<(), SimError> {
        let rules = self.params.trust;
        if refund {
            log.activity[bank.index()].complaints_refunded += 1;
            let cause = self
                .ledger
                .open_transaction(TxnKind::Complaint { client: id, bank });
            self.pay(
                Account::BankEquity(bank),
                Account::Client(id),
                amount,
                PostingKind::ComplaintRefund,
                Product::CurrentAccount,
                cause,
            )?;
            log.events.push(SimEvent::ComplaintRefunded {
                client: id,
                bank,
                amount,
            });
        } else {
            log.events.push(SimEvent::ComplaintRefused {
                client: id,
                bank,
                amount,
            });
        }
        let client = &mut self.clients[id.index()];
        // A household that has left the bank meanwhile takes the refund, not the feelings.
        if client.bank != bank {
            return Ok(());
        }
        if refund {
            client.experience.refunds += 1;
            client.trust.raise(rules.handled_complaint_bonus);
            client.experience.bad_experiences = client.experience.bad_experiences.saturating_sub(1);
        } else {
            client.trust.lower(rules.refused_complaint_penalty);
            client.experience.bad_this_month = true;
        }
        Ok(())
    }

    fn switch(&mut self, idx: &TurnDecisions, log: &mut TurnLog) {
        for (i, cd) in idx.clients.iter().enumerate() {
            let Some(cd) = cd else { continue };
            // A resolved bank takes no one.
            let open = |b: BankId| {
                self.banks
                    .get(b.index())
                    .is_some_and(|b| b.resolved.is_none())
            };
            if let Some(to) = cd.switch_bank.filter(|&b| open(b)) {
                let client = &mut self.clients[i];
                let from = client.bank;
                if to != from {
                    client.bank = to;
                    // The balances move with the household, settled between the banks.
                    self.ledger.hold_at(Account::Client(client.id), to);
                    self.ledger.hold_at(Account::Savings(client.id), to);
                    client.experience.left = Some((from, self.ledger.turn()));
                    // A new bank starts with the benefit of the doubt, and old grudges are left behind.
                    client.trust = Trust::new(600);
                    client.experience.bad_experiences = 0;
                    client.experience.last_surprise_fees = Money::ZERO;
                    log.activity[from.index()].clients_lost += 1;
                    log.activity[to.index()].clients_won += 1;
                    log.clients.switched_bank += 1;
                    log.events.push(SimEvent::ClientSwitched {
                        client: client.id,
                        from,
                        to,
                    });
                }
            }
            if let Some(leave) = cd.leave_merchant {
                let merchants = self.merchants.len() as u32;
                let client = &mut self.clients[i];
                if let Some(pos) = client.shops.iter().position(|&m| m == leave)
                    && (merchants as usize) > client.shops.len()
                {
                    let start = self.rng.random_range(0..merchants);
                    let open = &self.merchants;
                    let replacement = (0..merchants)
                        .map(|k| MerchantId((start + k) % merchants))
                        .find(|m| !client.shops.contains(m) && open[m.index()].closed.is_none());
                    if let Some(m) = replacement {
                        client.shops[pos] = m;
                        log.clients.switched_merchant += 1;
                    }
                }
            }
        }
        for (i, md) in idx.merchants.iter().enumerate() {
            let Some(to) = md.and_then(|md| md.switch_bank) else {
                continue;
            };
            if self.banks[to.index()].resolved.is_some() {
                continue;
            }
            let merchant = &mut self.merchants[i];
            let from = merchant.bank;
            if to != from {
                merchant.bank = to;
                self.ledger.hold_at(Account::Merchant(merchant.id), to);
                log.activity[from.index()].merchants_lost += 1;
                log.activity[to.index()].merchants_won += 1;
                log.events.push(SimEvent::MerchantSwitched {
                    merchant: merchant.id,
                    from,
                    to,
                });
            }
        }
    }

    fn pay_income_and_fixed_costs(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        for i in 0..self.clients.len() {
            let (id, income, fixed) = {
                let c = &self.clients[i];
                let income = if self.in_hard_times(c.id, self.turn()) {
                    Money::ZERO
                } else {
                    self.income_now(c.income)?
                };
                (c.id, income, c.fixed_costs)
            };
            if income.is_positive() {
                let cause = self.ledger.open_transaction(TxnKind::Salary { client: id });
                self.pay(
                    Account::External(External::Employer),
                    Account::Client(id),
                    income,
                    PostingKind::Salary,
                    Product::None,
                    cause,
                )?;
                log.clients.income = log.clients.income.checked_add(income)?;
            }
            if fixed.is_positive() {
                let cause = self
                    .ledger
                    .open_transaction(TxnKind::FixedCosts { client: id });
                // Even without a salary, the bank pays a household's bills past its overdraft
                // and charges for each (the French *commission d'intervention*): hard times
                // are when fees pile up.
                self.client_pays(
                    id,
                    Account::External(External::Landlords),
                    fixed,
                    PostingKind::FixedCosts,
                    Product::None,
                    cause,
                    Overdraft::Irregular,
                )?;
            }
        }
        Ok(())
    }

    fn go_shopping(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        let vat = self.params.vat;
        // Shelf prices are fixed for the month.
        let mut prices = Vec::with_capacity(self.merchants.len());
        for m in &self.merchants {
            let p: Result<Vec<Money>, _> = m.goods.iter().map(|g| m.price(g, vat)).collect();
            prices.push(p?);
        }
        let visits = u32::from(self.params.purchases_per_month);
        let noise = self.params.spending_noise.0.clamp(0, 10_000);
        for i in 0..self.clients.len() {
            let client = &self.clients[i];
            if client.shops.is_empty() {
                continue;
            }
            let factor = 10_000 + self.rng.random_range(-noise..=noise);
            let budget = client
                .spending_budget
                .apply(client.spending)?
                .ratio(i64::from(factor), 10_000)?;
            let per_visit = budget.checked_div(i64::from(visits))?;
            for _ in 0..visits {
                let client = &self.clients[i];
                // Draws over u32, never usize, so that 32-bit (wasm) and 64-bit machines agree.
                let shop =
                    client.shops[self.rng.random_range(0..client.shops.len() as u32) as usize];
                let card_draw = self.rng.random_range(0..10_000);
                let merchant = &self.merchants[shop.index()];
                let g = self.rng.random_range(0..merchant.goods.len() as u32) as usize;
                let price = prices[shop.index()][g];
                let units = per_visit.as_cents() / price.as_cents();
                if units == 0 {
                    continue;
                }
                let by_card = merchant.accepts_cards && card_draw < client.card_share.0;
                let unit_cost = merchant.goods[g].unit_cost;
                self.purchase(client.id, shop, units, price, unit_cost, by_card, log)?;
            }
        }
        Ok(())
    }

    /// In a fraud wave, some cardholders see a payment they never made; their card issuer pays
    /// them back (as EU law requires for unauthorised payments) and bears the loss.
    fn commit_fraud(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        let Some(wave) = self.fraud_in(self.turn()) else {
            return Ok(());
        };
        for i in 0..self.clients.len() {
            // Only cards in use get skimmed.
            if self.clients[i].card_share.0 <= 0 || self.rng.random_range(0..10_000) >= wave.share.0
            {
                continue;
            }
            let (id, bank, budget) = {
                let c = &self.clients[i];
                (c.id, c.bank, c.spending_budget)
            };
            let amount = budget.apply(wave.loss)?;
            if !amount.is_positive() {
                continue;
            }
            let cause = self
                .ledger
                .open_transaction(TxnKind::CardFraud { client: id });
            self.pay(
                Account::Client(id),
                Account::External(External::Fraudsters),
                amount,
                PostingKind::CardFraud,
                Product::CardIssuing,
                cause,
            )?;
            self.pay(
                Account::BankEquity(bank),
                Account::Client(id),
                amount,
                PostingKind::FraudRefund,
                Product::CardIssuing,
                cause,
            )?;
            log.events.push(SimEvent::CardFraud {
                client: id,
                bank,
                amount,
            });
        }
        Ok(())
    }

    /// One purchase and its value chain: VAT, cost of goods and, by card, the MSC split.
    #[allow(clippy::too_many_arguments)]
    fn purchase(
        &mut self,
        c: ClientId,
        m: MerchantId,
        units: i64,
        price: Money,
        unit_cost: Money,
        by_card: bool,
        log: &mut TurnLog,
    ) -> Result<(), SimError> {
        let amount = price.checked_mul(units)?;
        let (kind, what) = if by_card {
            (
                PostingKind::CardPurchase,
                TxnKind::CardPurchase {
                    client: c,
                    merchant: m,
                    amount,
                },
            )
        } else {
            (
                PostingKind::CashPurchase,
                TxnKind::CashPurchase {
                    client: c,
                    merchant: m,
                    amount,
                },
            )
        };
        let cause = self.ledger.open_transaction(what);
        let overdraft = if by_card {
            Overdraft::UpToLimit
        } else {
            Overdraft::Never
        };
        let merchant = Account::Merchant(m);
        if !self.client_pays(c, merchant, amount, kind, Product::Goods, cause, overdraft)? {
            return Ok(());
        }
        let vat_rate = i64::from(self.params.vat.0);
        let vat = amount.checked_sub(amount.ratio(10_000, 10_000 + vat_rate)?)?;
        self.pay(
            merchant,
            Account::External(External::State),
            vat,
            PostingKind::Vat,
            Product::Goods,
            cause,
        )?;
        let cost = unit_cost.checked_mul(units)?;
        self.pay(
            merchant,
            Account::External(External::Suppliers),
            cost,
            PostingKind::CostOfGoods,
            Product::Goods,
            cause,
        )?;
        if by_card {
            let issuer = self.clients[c.index()].bank;
            let acquirer = self.merchants[m.index()].bank;
            let rates = MscRates {
                interchange: self.params.interchange(self.clients[c.index()].card),
                scheme_fee: self.params.scheme_fee,
                acquirer_margin: self.banks[acquirer.index()]
                    .business
                    .merchant_fees
                    .acquirer_margin,
            };
            let split = MscSplit::of(amount, rates)?;
            self.pay(
                merchant,
                Account::BankEquity(issuer),
                split.interchange,
                PostingKind::Interchange,
                Product::CardIssuing,
                cause,
            )?;
            self.pay(
                merchant,
                Account::External(External::Scheme),
                split.scheme_fee,
                PostingKind::SchemeFee,
                Product::Acquiring,
                cause,
            )?;
            self.pay(
                merchant,
                Account::BankEquity(acquirer),
                split.acquirer_margin,
                PostingKind::AcquirerMargin,
                Product::Acquiring,
                cause,
            )?;
            log.clients.card_spending = log.clients.card_spending.checked_add(amount)?;
            log.clients.card_payments += 1;
        } else {
            log.clients.cash_spending = log.clients.cash_spending.checked_add(amount)?;
            log.clients.cash_payments += 1;
        }
        Ok(())
    }

    fn pay_merchant_costs(&mut self) -> Result<(), SimError> {
        for i in 0..self.merchants.len() {
            let m = &self.merchants[i];
            if m.closed.is_some() {
                continue;
            }
            let (id, bank, rent, cards) = (m.id, m.bank, m.rent, m.accepts_cards);
            let fees = self.banks[bank.index()].business.merchant_fees;
            let cause = self
                .ledger
                .open_transaction(TxnKind::MerchantCosts { merchant: id });
            let account = Account::Merchant(id);
            self.pay(
                account,
                Account::External(External::Landlords),
                rent,
                PostingKind::Rent,
                Product::None,
                cause,
            )?;
            if cards {
                self.pay(
                    account,
                    Account::BankEquity(bank),
                    fees.terminal_fee,
                    PostingKind::TerminalFee,
                    Product::Acquiring,
                    cause,
                )?;
            }
            self.pay(
                account,
                Account::BankEquity(bank),
                fees.account_fee,
                PostingKind::AccountFee,
                Product::CurrentAccount,
                cause,
            )?;
        }
        Ok(())
    }

    /// The instalments of the loans already running, oldest first, taken early in the month as
    /// direct debits are: a household spends what is left.
    fn collect_instalments(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        for l in 0..self.loans.len() {
            // Card credit is settled at the month's end (`revolving.rs`).
            if self.loans[l].status == LoanStatus::Performing && !self.loans[l].revolving {
                self.service_loan(LoanId(l as u32), log)?;
            }
        }
        Ok(())
    }

    fn run_loans(&mut self, idx: &TurnDecisions, log: &mut TurnLog) -> Result<(), SimError> {
        // What each bank's capital allows, as loans are granted this month.
        let mut capital = self.capitals();
        // Last month's applications at banks whose bankers decide them.
        let waiting = std::mem::take(&mut self.review.loans);
        for a in waiting {
            // A borrower who moved to another bank meanwhile withdrew the application.
            let now_at = match a.borrower {
                Borrower::Client(c) => self.clients[c.index()].bank,
                Borrower::Merchant(m) => self.merchants[m.index()].bank,
            };
            if now_at != a.bank {
                log.activity[a.bank.index()].loans_refused += 1;
                log.events.push(SimEvent::LoanRefused {
                    borrower: a.borrower,
                    bank: a.bank,
                    reason: RefusalReason::Withdrawn,
                });
                continue;
            }
            let verdict = idx.verdicts.get(&a.case).copied();
            self.apply_for_loan(a.borrower, a.request, verdict, &mut capital, log)?;
        }
        let requests: Vec<(Borrower, LoanRequest)> = idx
            .clients
            .iter()
            .enumerate()
            .filter_map(|(i, cd)| {
                cd.and_then(|cd| cd.loan_request)
                    .map(|r| (Borrower::Client(ClientId(i as u32)), r))
            })
            .chain(idx.merchants.iter().enumerate().filter_map(|(i, md)| {
                md.and_then(|md| md.loan_request)
                    .map(|r| (Borrower::Merchant(MerchantId(i as u32)), r))
            }))
            .collect();
        for (borrower, request) in requests {
            let bank = match borrower {
                Borrower::Client(c) => self.clients[c.index()].bank,
                Borrower::Merchant(m) => self.merchants[m.index()].bank,
            };
            if self.review.reviews_loan(bank, borrower) {
                let case = self.review.new_case();
                self.review.loans.push(LoanApplication {
                    case,
                    borrower,
                    bank,
                    request,
                    made: self.ledger.turn(),
                });
            } else {
                self.apply_for_loan(borrower, request, None, &mut capital, log)?;
            }
        }
        self.buy_homes(idx, &mut capital, log)
    }

    /// How the bank sees an application: the rate it would charge, the term, and whether its
    /// policy refuses it (what a bot banker decides, and what a human banker is advised).
    pub fn assess_loan(
        &self,
        borrower: Borrower,
        request: LoanRequest,
    ) -> Result<Assessment, SimError> {
        self.assess(borrower, request, None)
    }

    /// The risk-weighted assets a loan adds to its bank's.
    fn loan_risk(&self, borrower: Borrower, amount: Money) -> Result<Money, SimError> {
        let rules = &self.params.capital;
        let weight = match borrower {
            Borrower::Client(_) => rules.retail_weight,
            Borrower::Merchant(_) => rules.sme_weight,
        };
        Ok(amount.apply(weight)?)
    }

    /// `assess_loan`, with the bank's capital as it stands this month if it is known.
    fn assess(
        &self,
        borrower: Borrower,
        request: LoanRequest,
        capital: Option<&super::capital::Capital>,
    ) -> Result<Assessment, SimError> {
        let (bank, pd, existing, spare, defaulted) = match borrower {
            Borrower::Client(c) => {
                let c = self
                    .clients
                    .get(c.index())
                    .ok_or_else(|| SimError::InvalidDecision(format!("no client {}", c.0)))?;
                let spare = self
                    .income_now(c.income)?
                    .checked_sub(c.fixed_costs)?
                    .checked_sub(self.instalment_of(c.mortgage)?)?;
                (c.bank, c.pd, c.loan, Some(spare), c.defaulted)
            }
            Borrower::Merchant(m) => {
                let m = self
                    .merchants
                    .get(m.index())
                    .ok_or_else(|| SimError::InvalidDecision(format!("no merchant {}", m.0)))?;
                (m.bank, m.pd, m.loan, None, m.defaulted)
            }
        };
        let registered = self.in_register(defaulted);
        let pd = self.effective_pd(pd);
        let b = &self.banks[bank.index()];
        let policy = match borrower {
            Borrower::Client(_) => b.retail.consumer_loans,
            Borrower::Merchant(_) => b.business.business_loans,
        };
        let months = request.months.min(policy.max_months).max(1);
        let rate = LoanRate::price(&policy, &b.lending, self.params.funding_rate(months), pd);
        let (first_principal, first_interest) = instalment(request.amount, months, rate.total())?;
        let first_instalment = first_principal.checked_add(first_interest)?;
        let room = match capital {
            Some(c) => c.allows(self.loan_risk(borrower, request.amount)?),
            None => self
                .capital(bank)
                .allows(self.loan_risk(borrower, request.amount)?),
        };
        let policy_refusal = first_refusal(
            existing.is_some(),
            room,
            registered,
            pd > policy.max_pd,
            spare.is_some_and(|spare| first_instalment.checked_mul(3).is_ok_and(|x| x > spare)),
        );
        Ok(Assessment {
            bank,
            pd,
            months,
            rate,
            first_instalment,
            spare_income: spare,
            policy_refusal,
        })
    }

    /// Decides an application: by the banker's verdict when there is one (a banker may lend
    /// beyond the bank's policy, never to a borrower already repaying a loan), else by policy.
    fn apply_for_loan(
        &mut self,
        borrower: Borrower,
        request: LoanRequest,
        verdict: Option<bool>,
        capital: &mut [super::capital::Capital],
        log: &mut TurnLog,
    ) -> Result<(), SimError> {
        let at = match borrower {
            Borrower::Client(c) => self.clients[c.index()].bank,
            Borrower::Merchant(m) => self.merchants[m.index()].bank,
        };
        let Assessment {
            bank,
            pd,
            months,
            rate,
            policy_refusal,
            ..
        } = self.assess(borrower, request, capital.get(at.index()))?;
        // No banker lends to a borrower already repaying, nor beyond the bank's capital.
        let refusal = match (policy_refusal, verdict) {
            (Some(RefusalReason::AlreadyBorrowing), _) => Some(RefusalReason::AlreadyBorrowing),
            (Some(RefusalReason::NoCapital), _) => Some(RefusalReason::NoCapital),
            (_, Some(approve)) => (!approve).then_some(RefusalReason::RefusedByBanker),
            (policy, None) => policy,
        };
        if let Borrower::Client(c) = borrower {
            self.clients[c.index()].experience.last_loan_refused = refusal.is_some();
        }
        if let Some(reason) = refusal {
            log.activity[bank.index()].loans_refused += 1;
            log.events.push(SimEvent::LoanRefused {
                borrower,
                bank,
                reason,
            });
            return Ok(());
        }
        let id = LoanId(self.loans.len() as u32);
        let loan = Loan {
            principal: request.amount,
            outstanding: request.amount,
            months_left: months,
            rate,
            pd,
            own_pd: match borrower {
                Borrower::Client(c) => self.clients[c.index()].pd,
                Borrower::Merchant(m) => self.merchants[m.index()].pd,
            },
            ..Loan::written(id, bank, borrower, self.ledger.turn())
        };
        let product = loan.product();
        self.loans.push(loan);
        if let Some(c) = capital.get_mut(bank.index()) {
            c.rwa = c
                .rwa
                .saturating_add(self.loan_risk(borrower, request.amount)?);
        }
        let cause = self
            .ledger
            .open_transaction(TxnKind::LoanGranted { loan: id });
        let account = match borrower {
            Borrower::Client(c) => {
                self.clients[c.index()].loan = Some(id);
                Account::Client(c)
            }
            Borrower::Merchant(m) => {
                self.merchants[m.index()].loan = Some(id);
                Account::Merchant(m)
            }
        };
        // Lending creates the money: the loan book goes down as the borrower's account goes up.
        self.pay(
            Account::BankLoans(bank),
            account,
            request.amount,
            PostingKind::LoanDisbursement,
            product,
            cause,
        )?;
        if let Borrower::Client(_) = borrower {
            // A household borrows to buy something big from outside the town (a car, a kitchen).
            self.pay(
                account,
                Account::External(External::Suppliers),
                request.amount,
                PostingKind::LoanPurchase,
                Product::None,
                cause,
            )?;
        }
        log.activity[bank.index()].loans_granted += 1;
        log.events.push(SimEvent::LoanGranted { loan: id });
        Ok(())
    }

    /// Whether a borrower that last defaulted at `defaulted` is still in the credit register.
    pub(super) fn in_register(&self, defaulted: Option<Turn>) -> bool {
        defaulted.is_some_and(|at| self.ledger.turn().saturating_sub(at) < REGISTER_MONTHS)
    }

    /// This month's instalment, principal and interest, on a borrower's loan if it has one.
    pub(super) fn instalment_of(&self, loan: Option<LoanId>) -> Result<Money, SimError> {
        let Some(loan) = loan.and_then(|l| self.loans.get(l.index())) else {
            return Ok(Money::ZERO);
        };
        let (principal, interest) = loan.instalment()?;
        Ok(principal.checked_add(interest)?)
    }

    fn service_loan(&mut self, id: LoanId, log: &mut TurnLog) -> Result<(), SimError> {
        // A variable rate follows the policy rate: its cost of funds is this month's.
        if self.loans[id.index()].secured.is_some_and(|h| h.variable) {
            self.loans[id.index()].rate.cost_of_funds = self.params.policy_rate;
        }
        let loan = self.loans[id.index()];
        let product = loan.product();
        let bank = loan.lender;
        let (principal, interest) = loan.instalment()?;
        // A household that cannot pay falls into arrears, and pays them off once it can
        // (`credit_risk.rs`); a shop pays from its account, overdrawn or not, until it closes
        // (`shop_closure.rs`).
        let mut cured = Money::ZERO;
        if let Borrower::Client(c) = loan.borrower {
            match self.arrears_payment(c, &loan, principal.checked_add(interest)?)? {
                Some(paid) => cured = paid,
                None => return self.miss_instalment(id, principal, interest, log),
            }
        }
        let cause = self
            .ledger
            .open_transaction(TxnKind::LoanInstalment { loan: id });
        match loan.borrower {
            Borrower::Client(c) => {
                self.client_pays(
                    c,
                    Account::BankLoans(bank),
                    principal,
                    PostingKind::LoanPrincipal,
                    product,
                    cause,
                    Overdraft::Irregular,
                )?;
                self.client_pays(
                    c,
                    Account::BankEquity(bank),
                    interest,
                    PostingKind::LoanInterest,
                    product,
                    cause,
                    Overdraft::Silent,
                )?;
                // What was past due is already owed to the bank: paying it repays the loan.
                self.client_pays(
                    c,
                    Account::BankLoans(bank),
                    cured,
                    PostingKind::LoanPrincipal,
                    product,
                    cause,
                    Overdraft::Irregular,
                )?;
            }
            Borrower::Merchant(m) => {
                self.pay(
                    Account::Merchant(m),
                    Account::BankLoans(bank),
                    principal,
                    PostingKind::LoanPrincipal,
                    product,
                    cause,
                )?;
                self.pay(
                    Account::Merchant(m),
                    Account::BankEquity(bank),
                    interest,
                    PostingKind::LoanInterest,
                    product,
                    cause,
                )?;
            }
        }
        let loan = &mut self.loans[id.index()];
        loan.outstanding = loan
            .outstanding
            .checked_sub(principal)?
            .checked_sub(cured)?;
        loan.months_left = loan.months_left.saturating_sub(1);
        loan.clear_arrears(cured)?;
        if loan.outstanding == Money::ZERO
            || (loan.months_left == 0 && loan.past_due == Money::ZERO)
        {
            self.end_loan(id, LoanStatus::Repaid);
            log.events.push(SimEvent::LoanRepaid { loan: id });
        }
        Ok(())
    }

    /// A loan the borrower stops repaying: the bank recovers what it can (a home's sale, or its
    /// collectors' share), books the rest as a loss, and the borrower enters the credit register.
    pub(super) fn default_loan(&mut self, id: LoanId, log: &mut TurnLog) -> Result<(), SimError> {
        let loan = self.loans[id.index()];
        let product = loan.product();
        let bank = loan.lender;
        let cause = self
            .ledger
            .open_transaction(TxnKind::LoanDefault { loan: id });
        // A home is sold and brings back most of what is owed; an unsecured loan brings
        // back what the bank's collectors expect.
        let recovered = match loan.secured {
            Some(home) => self.params.mortgages.recovery(loan.outstanding, home)?,
            None => {
                let lgd = self.banks[bank.index()].lending.loss_given_default;
                let loss = loan.outstanding.apply(lgd)?.min(loan.outstanding);
                loan.outstanding.checked_sub(loss)?
            }
        };
        let loss = loan.outstanding.checked_sub(recovered)?;
        if let (Some(home), Borrower::Client(c)) = (loan.secured, loan.borrower) {
            // What the sale fetched above what was owed is the household's.
            let surplus = self.params.mortgages.surplus(loan.outstanding, home)?;
            self.pay(
                Account::External(External::Recoveries),
                Account::Client(c),
                surplus,
                PostingKind::Recovery,
                Product::None,
                cause,
            )?;
            // The household that lost its home rents one: its housing costs what it paid
            // on the loan.
            let (principal, interest) = loan.instalment()?;
            let client = &mut self.clients[c.index()];
            client.fixed_costs = client
                .fixed_costs
                .saturating_add(principal.saturating_add(interest));
        }
        self.write_off(id, loss, cause)?;
        self.pay(
            Account::External(External::Recoveries),
            Account::BankLoans(bank),
            recovered,
            PostingKind::Recovery,
            product,
            cause,
        )?;
        self.end_loan(id, LoanStatus::Defaulted);
        let now = Some(self.ledger.turn());
        match loan.borrower {
            Borrower::Client(c) => self.clients[c.index()].defaulted = now,
            Borrower::Merchant(m) => self.merchants[m.index()].defaulted = now,
        }
        log.activity[bank.index()].defaults += 1;
        log.events.push(SimEvent::LoanDefaulted { loan: id, loss });
        Ok(())
    }

    pub(super) fn end_loan(&mut self, id: LoanId, status: LoanStatus) {
        let loan = &mut self.loans[id.index()];
        loan.status = status;
        loan.outstanding = Money::ZERO;
        match (loan.borrower, loan.secured) {
            (Borrower::Client(c), None) if loan.revolving => {
                self.clients[c.index()].card_credit = None
            }
            (Borrower::Client(c), None) => self.clients[c.index()].loan = None,
            (Borrower::Client(c), Some(_)) => self.clients[c.index()].mortgage = None,
            (Borrower::Merchant(m), _) => self.merchants[m.index()].loan = None,
        }
    }

    fn pay_interest(&mut self, log: &mut TurnLog) -> Result<(), SimError> {
        let mut earned = Money::ZERO;
        let causes: Vec<TxnId> = (0..self.banks.len())
            .map(|b| {
                self.ledger.open_transaction(TxnKind::MonthlyInterest {
                    bank: BankId(b as u16),
                })
            })
            .collect();
        for i in 0..self.clients.len() {
            let (id, bank) = (self.clients[i].id, self.clients[i].bank);
            let r = self.banks[bank.index()].retail;
            let cause = causes[bank.index()];
            let equity = Account::BankEquity(bank);
            let interest = self.current_account_interest(Account::Client(id), bank, cause)?;
            if interest.is_negative() {
                let e = &mut self.clients[i].experience;
                e.fees_paid = e.fees_paid.checked_sub(interest)?;
            } else {
                earned = earned.saturating_add(interest);
            }
            let savings = self.ledger.balance(Account::Savings(id));
            if savings.is_positive() && r.savings_rate.0 > 0 {
                let interest = savings.monthly_interest(r.savings_rate)?;
                earned = earned.saturating_add(interest);
                self.pay(
                    equity,
                    Account::Savings(id),
                    interest,
                    PostingKind::SavingsInterest,
                    Product::Savings,
                    cause,
                )?;
            }
        }
        log.clients.interest_earned = earned;
        for i in 0..self.merchants.len() {
            let (id, bank) = (self.merchants[i].id, self.merchants[i].bank);
            self.current_account_interest(Account::Merchant(id), bank, causes[bank.index()])?;
        }
        // Reserves earn the policy rate at the central bank; a bank short of reserves borrows there.
        // The month's payments so far are settled first.
        let clearing = self.ledger.open_transaction(TxnKind::Clearing);
        self.ledger.clear(clearing)?;
        let sheets = self.balance_sheets();
        for (b, sheet) in sheets.iter().enumerate() {
            let bank = BankId(b as u16);
            let base = sheet.deposits.saturating_add(sheet.savings);
            let interest = self.params.reserves.monthly_interest(
                sheet.reserves,
                base,
                self.params.policy_rate,
            )?;
            let (from, to, amount) = if interest.is_negative() {
                (
                    Account::BankEquity(bank),
                    Account::External(External::CentralBank),
                    interest.checked_neg()?,
                )
            } else {
                (
                    Account::External(External::CentralBank),
                    Account::BankEquity(bank),
                    interest,
                )
            };
            self.pay(
                from,
                to,
                amount,
                PostingKind::ReserveInterest,
                Product::Reserves,
                causes[b],
            )?;
        }
        Ok(())
    }

    /// A month of interest on a current account: paid by the bank on a positive balance, charged
    /// at the overdraft rate on a negative one. Returns the interest paid to the account, or
    /// (negative) the overdraft interest charged.
    fn current_account_interest(
        &mut self,
        account: Account,
        bank: BankId,
        cause: TxnId,
    ) -> Result<Money, SimError> {
        let r = self.banks[bank.index()].retail;
        let equity = Account::BankEquity(bank);
        let balance = self.ledger.balance(account);
        if balance.is_positive() && r.current_rate.0 > 0 {
            let interest = balance.monthly_interest(r.current_rate)?;
            self.pay(
                equity,
                account,
                interest,
                PostingKind::DepositInterest,
                Product::CurrentAccount,
                cause,
            )?;
            return Ok(interest);
        } else if balance.is_negative() {
            let interest = balance
                .checked_neg()?
                .monthly_interest(r.fees.overdraft_rate)?;
            self.pay(
                account,
                equity,
                interest,
                PostingKind::OverdraftInterest,
                Product::CurrentAccount,
                cause,
            )?;
            return Ok(interest.checked_neg()?);
        }
        Ok(Money::ZERO)
    }

    fn charge_client_fees(&mut self) -> Result<(), SimError> {
        for i in 0..self.clients.len() {
            let (id, bank, card) = (
                self.clients[i].id,
                self.clients[i].bank,
                self.clients[i].card,
            );
            let fees = self.banks[bank.index()].retail.fees;
            let card_fee = match card {
                CardKind::Debit => fees.debit_card_fee,
                CardKind::Credit => fees.credit_card_fee,
            };
            if !fees.account_fee.is_positive() && !card_fee.is_positive() {
                continue;
            }
            let cause = self
                .ledger
                .open_transaction(TxnKind::MonthlyFees { client: id });
            let equity = Account::BankEquity(bank);
            self.client_pays(
                id,
                equity,
                fees.account_fee,
                PostingKind::AccountFee,
                Product::CurrentAccount,
                cause,
                Overdraft::Silent,
            )?;
            self.client_pays(
                id,
                equity,
                card_fee,
                PostingKind::CardFee,
                Product::CardIssuing,
                cause,
                Overdraft::Silent,
            )?;
            let e = &mut self.clients[i].experience;
            e.fees_paid = e
                .fees_paid
                .checked_add(fees.account_fee)?
                .checked_add(card_fee)?;
        }
        Ok(())
    }

    /// At the end of each twelfth month, each bank pays its shareholders its share of the year's
    /// profit after tax, if its capital stays at or above the requirement; what each paid.
    fn pay_dividends(&mut self) -> Result<Vec<Money>, SimError> {
        let mut paid = vec![Money::ZERO; self.banks.len()];
        if !self.ledger.turn().is_multiple_of(12) {
            return Ok(paid);
        }
        let rules = self.params.capital;
        let capitals = self.capitals();
        for (b, capital) in capitals.iter().enumerate() {
            let bank = BankId(b as u16);
            // This month's profit is not in the reports yet.
            let this_month =
                BankPnl::from_totals(&self.ledger.open_totals(Account::BankEquity(bank)));
            let year = self.pnl_over_last(b, 11, this_month.net_profit(), BankPnl::net_profit);
            if !year.is_positive() {
                continue;
            }
            let dividend = year.apply(rules.dividend_payout)?;
            let after = super::capital::Capital {
                cet1: capital.cet1.checked_sub(dividend)?,
                ..*capital
            };
            if !after.allows(Money::ZERO) {
                continue;
            }
            let cause = self.ledger.open_transaction(TxnKind::Dividend { bank });
            self.pay(
                Account::BankEquity(bank),
                Account::External(External::Shareholders),
                dividend,
                PostingKind::Dividend,
                Product::None,
                cause,
            )?;
            paid[b] = dividend;
        }
        Ok(paid)
    }

    /// Each bank pays tax on the month's profit, after the losses of earlier months.
    fn pay_profit_tax(&mut self) -> Result<(), SimError> {
        let rate = self.params.capital.profit_tax;
        for b in 0..self.banks.len() {
            let bank = BankId(b as u16);
            let totals = self.ledger.open_totals(Account::BankEquity(bank));
            let profit = BankPnl::from_totals(&totals).profit_before_tax();
            let taxable = profit.checked_sub(self.banks[b].tax_losses)?;
            self.banks[b].tax_losses = taxable.saturating_neg().max(Money::ZERO);
            if taxable.is_positive() {
                let tax = taxable.apply(rate)?;
                let cause = self.ledger.open_transaction(TxnKind::ProfitTax { bank });
                self.pay(
                    Account::BankEquity(bank),
                    Account::External(External::State),
                    tax,
                    PostingKind::ProfitTax,
                    Product::None,
                    cause,
                )?;
            }
        }
        Ok(())
    }

    fn pay_bank_costs(&mut self) -> Result<(), SimError> {
        let mut accounts = vec![0i64; self.banks.len()];
        for c in &self.clients {
            accounts[c.bank.index()] += 1;
        }
        for m in self.merchants.iter().filter(|m| m.closed.is_none()) {
            accounts[m.bank.index()] += 1;
        }
        for (b, count) in accounts.into_iter().enumerate() {
            let bank = &self.banks[b];
            if bank.resolved.is_some() {
                continue;
            }
            let cost = bank
                .fixed_costs
                .checked_add(bank.cost_per_account.checked_mul(count)?)?;
            let cause = self
                .ledger
                .open_transaction(TxnKind::BankCosts { bank: bank.id });
            self.pay(
                Account::BankEquity(bank.id),
                Account::External(External::BankCosts),
                cost,
                PostingKind::BankOperatingCost,
                Product::None,
                cause,
            )?;
        }
        Ok(())
    }

    /// Households put what they do not need next month into savings, and cover an overdraft
    /// from savings.
    /// What households chose to put into savings, or take out, once paid; never more than
    /// the current account holds (or the savings).
    fn move_savings(&mut self, idx: &TurnDecisions) -> Result<(), SimError> {
        for (i, cd) in idx.clients.iter().enumerate() {
            let Some(save) = cd.map(|cd| cd.save).filter(|s| *s != Money::ZERO) else {
                continue;
            };
            let id = ClientId(i as u32);
            let (from, to, available) = if save.is_positive() {
                let balance = self.ledger.balance(Account::Client(id));
                (Account::Client(id), Account::Savings(id), balance)
            } else {
                let savings = self.ledger.balance(Account::Savings(id));
                (Account::Savings(id), Account::Client(id), savings)
            };
            let amount = Money::cents(save.as_cents().saturating_abs()).min(available);
            if amount.is_positive() {
                self.savings_transfer(id, from, to, amount)?;
            }
        }
        Ok(())
    }

    /// Money between a household's current account and its savings, either way.
    fn savings_transfer(
        &mut self,
        id: ClientId,
        from: Account,
        to: Account,
        amount: Money,
    ) -> Result<(), SimError> {
        let cause = self
            .ledger
            .open_transaction(TxnKind::SavingsSweep { client: id });
        self.pay(
            from,
            to,
            amount,
            PostingKind::SavingsTransfer,
            Product::Savings,
            cause,
        )
    }

    /// Keeps about a month of outgoings in the current account, the rest in savings; a household
    /// that moved money itself this month is left as it chose.
    fn sweep_savings(&mut self, idx: &TurnDecisions) -> Result<(), SimError> {
        for i in 0..self.clients.len() {
            if idx.clients[i].is_some_and(|d| d.save != Money::ZERO) {
                continue;
            }
            let id = self.clients[i].id;
            let buffer = self.clients[i]
                .monthly_outgoings()
                .saturating_add(self.instalment_of(self.clients[i].mortgage)?);
            let balance = self.ledger.balance(Account::Client(id));
            let savings = self.ledger.balance(Account::Savings(id));
            let (from, to, amount) = if balance > buffer {
                (
                    Account::Client(id),
                    Account::Savings(id),
                    balance.checked_sub(buffer)?,
                )
            } else if balance.is_negative() && savings.is_positive() {
                (
                    Account::Savings(id),
                    Account::Client(id),
                    balance.checked_neg()?.min(savings),
                )
            } else {
                continue;
            };
            self.savings_transfer(id, from, to, amount)?;
        }
        Ok(())
    }

    fn update_trust(&mut self, log: &mut TurnLog) {
        let rules = self.params.trust;
        let hidden: Vec<bool> = (0..self.banks.len())
            .map(|b| self.small_print_hidden(BankId(b as u16)))
            .collect();
        let mut trust_total = 0u64;
        for client in &mut self.clients {
            let e = &mut client.experience;
            e.surprise_fees = e.fees_paid.saturating_sub(e.expected_fees).max(Money::ZERO);
            // The surprise weighed against the household's monthly income, in basis points.
            let weight = e.surprise_fees.share_of(client.income);
            if weight > 0 {
                let penalty = i64::from(rules.surprise_penalty)
                    * i64::from(client.fee_sensitivity.0.clamp(0, 10_000))
                    * weight.min(FULL_SURPRISE_BP * MAX_SURPRISE_PENALTIES)
                    / (10_000 * FULL_SURPRISE_BP);
                client
                    .trust
                    .lower(penalty.clamp(0, i64::from(Trust::MAX)) as u16);
            }
            if weight >= NOTICED_SURPRISE_BP {
                e.bad_this_month = true;
            } else if !e.bad_this_month && !hidden[client.bank.index()] {
                client.trust.raise(rules.fair_month_bonus);
            }
            if e.bad_this_month {
                e.bad_experiences = e.bad_experiences.saturating_add(1);
                e.months_since_bad = 0;
            } else {
                e.months_since_bad = e.months_since_bad.saturating_add(1);
                if e.months_since_bad >= 12 {
                    e.bad_experiences = 0;
                }
            }
            e.last_surprise_fees = e.surprise_fees;
            e.last_fees_paid = e.fees_paid;
            trust_total += u64::from(client.trust.points());
            let r = &mut log.clients;
            r.fees_paid = Money::cents(
                r.fees_paid
                    .as_cents()
                    .saturating_add(e.fees_paid.as_cents()),
            );
            r.surprise_fees = Money::cents(
                r.surprise_fees
                    .as_cents()
                    .saturating_add(e.surprise_fees.as_cents()),
            );
            r.fees_waived_by_caps = Money::cents(
                r.fees_waived_by_caps
                    .as_cents()
                    .saturating_add(e.fees_waived_by_caps.as_cents()),
            );
            r.irregular_payments += u32::from(e.irregular_payments);
            r.declined_payments += u32::from(e.declined_payments);
        }
        log.clients.count = self.clients.len() as u32;
        log.clients.average_trust = trust_total
            .checked_div(self.clients.len() as u64)
            .unwrap_or(0) as u16;
    }

    fn close(&mut self, log: TurnLog, dividends: &[Money]) -> TurnReport {
        let TurnLog {
            mut activity,
            mut events,
            mut clients,
        } = log;
        let shocks = self.pending_shocks.drain(..).map(SimEvent::Shock);
        events.splice(0..0, shocks);
        let policy = self.params.policy_rate;
        let mut banks = Vec::with_capacity(self.banks.len());
        let mut trust = vec![0u64; self.banks.len()];
        for c in &self.clients {
            activity[c.bank.index()].clients += 1;
            trust[c.bank.index()] += u64::from(c.trust.points());
            let balance = self.ledger.balance(Account::Client(c.id));
            if balance.is_negative() {
                clients.overdrawn += 1;
            } else {
                clients.deposits = clients.deposits.saturating_add(balance);
            }
            clients.savings = clients
                .savings
                .saturating_add(self.ledger.balance(Account::Savings(c.id)));
        }
        for m in self.merchants.iter().filter(|m| m.closed.is_none()) {
            activity[m.bank.index()].merchants += 1;
        }
        for (a, total) in activity.iter_mut().zip(trust) {
            a.average_trust = total.checked_div(u64::from(a.clients)).unwrap_or(0) as u16;
        }
        let sheets = self.balance_sheets();
        let homes_risk = self.home_loans_risk();
        for ((b, activity), sheet) in activity.into_iter().enumerate().zip(sheets) {
            let bank = BankId(b as u16);
            let totals = self.ledger.open_totals(Account::BankEquity(bank));
            let ftp = |m: Money| m.monthly_interest(policy).unwrap_or(Money::ZERO).as_cents();
            // Each loan is charged the cost of funds it was priced at: fixed when it was written
            // (matched maturity), this month's for a variable rate.
            let performing = |p: Product| {
                self.loans.iter().filter(move |l| {
                    l.lender == bank && l.status == LoanStatus::Performing && l.product() == p
                })
            };
            let loans = |p: Product| -> i64 {
                performing(p)
                    .map(|l| {
                        l.outstanding
                            .monthly_interest(l.rate.cost_of_funds)
                            .unwrap_or(Money::ZERO)
                            .as_cents()
                    })
                    .fold(0i64, i64::saturating_add)
            };
            let lending: Vec<(Product, i64)> =
                Product::LENDING.iter().map(|&p| (p, -loans(p))).collect();
            let current = ftp(sheet.deposits) - ftp(sheet.overdrafts);
            let savings = ftp(sheet.savings);
            let reserves = -(lending.iter().map(|(_, m)| m).sum::<i64>() + current + savings);
            let outstanding = |p: Product| -> Money {
                performing(p).fold(Money::ZERO, |sum, l| sum.saturating_add(l.outstanding))
            };
            let pnl = BankPnl::from_totals(&totals);
            // Operational risk counts this month's income and the eleven before.
            let income =
                self.pnl_over_last(b, 11, pnl.operating_income(), BankPnl::operating_income);
            let capital =
                super::capital::Capital::of(&self.params.capital, &sheet, homes_risk[b], income)
                    .unwrap_or_default();
            banks.push(BankReport {
                bank,
                pnl,
                sheet,
                capital,
                dividends: dividends.get(b).copied().unwrap_or(Money::ZERO),
                activity,
                totals: Some(Box::new(totals)),
                funding: [
                    (Product::CurrentAccount, Money::cents(current)),
                    (Product::Savings, Money::cents(savings)),
                ]
                .into_iter()
                .chain(lending.iter().map(|&(p, m)| (p, Money::cents(m))))
                .chain([(Product::Reserves, Money::cents(reserves))])
                .collect(),
                risk: {
                    let rules = &self.params.capital;
                    let weigh = |m: Money, w: Bp| m.apply(w).unwrap_or(Money::ZERO);
                    let overdrafts = (
                        Product::CurrentAccount,
                        weigh(sheet.overdrafts, rules.retail_weight),
                    );
                    std::iter::once(overdrafts)
                        .chain(Product::LENDING.iter().map(|&p| {
                            let risk = match p {
                                Product::Mortgage => homes_risk[b],
                                Product::BusinessLoan => weigh(outstanding(p), rules.sme_weight),
                                _ => weigh(outstanding(p), rules.retail_weight),
                            };
                            (p, risk)
                        }))
                        .collect()
                },
            });
        }
        let merchants = self
            .merchants
            .iter()
            .map(|m| {
                let t = self.ledger.open_totals(Account::Merchant(m.id));
                let out = |k: PostingKind| t.kind(k).saturating_neg();
                MerchantReport {
                    merchant: m.id,
                    sales: t
                        .kind(PostingKind::CardPurchase)
                        .saturating_add(t.kind(PostingKind::CashPurchase)),
                    card_sales: t.kind(PostingKind::CardPurchase),
                    vat: out(PostingKind::Vat),
                    cost_of_goods: out(PostingKind::CostOfGoods),
                    interchange: out(PostingKind::Interchange),
                    scheme_fee: out(PostingKind::SchemeFee),
                    acquirer_margin: out(PostingKind::AcquirerMargin),
                    bank_fees: out(PostingKind::TerminalFee)
                        .saturating_add(out(PostingKind::AccountFee))
                        .saturating_add(out(PostingKind::OverdraftInterest))
                        .saturating_add(out(PostingKind::DepositInterest)),
                    rent: out(PostingKind::Rent),
                    loan_interest: out(PostingKind::LoanInterest),
                    // Borrowing and paying back principal move money, not income.
                    net_income: t
                        .net()
                        .saturating_sub(t.kind(PostingKind::LoanDisbursement))
                        .saturating_sub(t.kind(PostingKind::LoanPrincipal)),
                    balance: self.ledger.balance(Account::Merchant(m.id)),
                    accepts_cards: m.accepts_cards,
                }
            })
            .collect();
        let report = TurnReport {
            turn: self.ledger.turn(),
            policy_rate: policy,
            transparency: self.params.transparency,
            banks,
            merchants,
            clients,
            events,
        };
        self.ledger.close_turn();
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{TownSpec, bot_decisions, town};

    #[test]
    fn a_borrower_who_defaulted_is_in_the_register_for_a_year() {
        let mut e = Economy::new(town(TownSpec::new(2, 4, 60, 9))).unwrap();
        for _ in 0..14 {
            let d = bot_decisions(&e, &[]);
            e.step(&d).unwrap();
        }
        let c = e
            .clients
            .iter()
            .position(|c| c.loan.is_none())
            .expect("a household without a loan");
        let borrower = Borrower::Client(ClientId(c as u32));
        let request = LoanRequest {
            amount: Money::euros(500),
            months: 12,
        };
        let refusal = |e: &Economy| e.assess_loan(borrower, request).unwrap().policy_refusal;
        e.clients[c].pd = Bp(10);
        assert_ne!(refusal(&e), Some(RefusalReason::InRegister));
        let now = e.turn();
        e.clients[c].defaulted = Some(now - 1);
        assert_eq!(refusal(&e), Some(RefusalReason::InRegister));
        // A year after the default it is out of the register.
        e.clients[c].defaulted = Some(now - REGISTER_MONTHS);
        assert_ne!(refusal(&e), Some(RefusalReason::InRegister));
    }

    /// Sets a household's current account to `held` and empties its savings.
    fn hold(e: &mut Economy, c: ClientId, held: Money) {
        let cause = e.ledger.open_transaction(TxnKind::Salary { client: c });
        let savings = e.ledger.balance(Account::Savings(c));
        e.pay(
            Account::Savings(c),
            Account::Client(c),
            savings,
            PostingKind::Salary,
            Product::None,
            cause,
        )
        .unwrap();
        let now = e.ledger.balance(Account::Client(c));
        let (from, to) = if now > held {
            (Account::Client(c), Account::External(External::Suppliers))
        } else {
            (Account::External(External::Employer), Account::Client(c))
        };
        let amount = now.max(held).checked_sub(now.min(held)).unwrap();
        e.pay(from, to, amount, PostingKind::Salary, Product::None, cause)
            .unwrap();
        assert_eq!(e.ledger.balance(Account::Client(c)), held);
    }

    #[test]
    fn arrears_stay_until_paid_off_and_bear_no_interest() {
        let mut e = Economy::new(town(TownSpec::new(2, 4, 60, 9))).unwrap();
        let (c, id) = e
            .clients
            .iter()
            .enumerate()
            .find_map(|(i, c)| c.loan.map(|l| (ClientId(i as u32), l)))
            .expect("a household with a consumer loan");
        let mut log = TurnLog {
            activity: vec![BankActivity::default(); e.banks.len()],
            events: Vec::new(),
            clients: ClientsReport::default(),
        };
        let floor = e.clients[c.index()].authorised_overdraft().saturating_neg();
        // Nothing left within the authorised overdraft: two instalments fall due unpaid.
        hold(&mut e, c, floor);
        let before = e.loans[id.index()];
        let (p1, i1) = before.instalment().unwrap();
        e.service_loan(id, &mut log).unwrap();
        let (p2, i2) = e.loans[id.index()].instalment().unwrap();
        e.service_loan(id, &mut log).unwrap();
        let loan = e.loans[id.index()];
        assert_eq!(loan.missed, 2);
        let past_due = Money::sum([p1, i1, p2, i2]).unwrap();
        assert_eq!(loan.past_due, past_due);
        // The interest was earned and is owed; the principal is still owed.
        assert_eq!(
            loan.outstanding,
            Money::sum([before.outstanding, i1, i2]).unwrap()
        );
        assert_eq!(loan.months_left, before.months_left - 2);
        // No interest on interest: the third month's is on what is not yet due.
        let (p3, i3) = loan.instalment().unwrap();
        let scheduled = loan.outstanding.checked_sub(past_due).unwrap();
        assert_eq!(i3, scheduled.monthly_interest(loan.rate.total()).unwrap());
        // Enough for the month's instalment only: it is paid, the arrears stay as they were.
        hold(
            &mut e,
            c,
            floor.checked_add(p3).unwrap().checked_add(i3).unwrap(),
        );
        e.service_loan(id, &mut log).unwrap();
        let loan = e.loans[id.index()];
        assert_eq!((loan.missed, loan.past_due), (2, past_due));
        assert_eq!(loan.status, LoanStatus::Performing);
        // Enough for the arrears too: the loan is current again.
        let (p4, i4) = loan.instalment().unwrap();
        let due = Money::sum([p4, i4, past_due]).unwrap();
        hold(&mut e, c, floor.checked_add(due).unwrap());
        e.service_loan(id, &mut log).unwrap();
        let loan = e.loans[id.index()];
        assert_eq!((loan.missed, loan.past_due), (0, Money::ZERO));
        assert_eq!(
            loan.outstanding,
            Money::sum([before.outstanding, i1, i2])
                .unwrap()
                .checked_sub(Money::sum([p3, p4, past_due]).unwrap())
                .unwrap()
        );
        assert_eq!(e.ledger.balance(Account::Client(c)), floor);
    }
}
