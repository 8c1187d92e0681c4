//! Rule-based players: fair, greedy, cautious and random strategies for every role, deciding from
//! what their seat can see.
use super::actors::{Bank, Client, Merchant};
use super::config::Strategy;
use super::decisions::{
    BusinessDecision, ClientDecision, Decisions, LoanRequest, MerchantDecision, RetailDecision,
    Seat,
};
use super::economy::Economy;
use super::ids::BankId;
use super::money::{Bp, Money};
use super::report::TurnReport;
use super::view::BankOffer;

/// A small portable random stream for one seat and one turn (SplitMix64): bots stay
/// deterministic, and a human taking one seat does not change the draws of the others.
struct Dice(u64);

impl Dice {
    fn new(seed: u64, turn: u16, seat: Seat) -> Dice {
        let (kind, id) = match seat {
            Seat::Client(c) => (1u64, u64::from(c.0)),
            Seat::RetailBanker(b) => (2, u64::from(b.0)),
            Seat::BusinessBanker(b) => (3, u64::from(b.0)),
            Seat::Merchant(m) => (4, u64::from(m.0)),
        };
        let mut dice =
            Dice(seed ^ (u64::from(turn) << 40) ^ (kind << 36) ^ id.wrapping_mul(0x9E37_79B9));
        dice.next();
        dice
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True with a probability of `p` basis points.
    fn chance(&mut self, p: i32) -> bool {
        (self.next() % 10_000) < p.clamp(0, 10_000) as u64
    }

    /// A whole number in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

/// Scales an amount by `bp` / 10,000.
fn scale(m: Money, bp: i64) -> Money {
    m.ratio(bp, 10_000).unwrap_or(m)
}

/// The decisions of every seat not in `humans`, for the next turn.
pub fn decide(economy: &Economy, humans: &[Seat]) -> Decisions {
    let turn = economy.turn();
    let seed = economy.seed();
    let offers = economy.bank_offers();
    let last = economy.reports().last();
    let bot = |seat: Seat| !humans.contains(&seat);
    let mut d = Decisions::default();
    for bank in economy.banks() {
        let seat = Seat::RetailBanker(bank.id);
        if bot(seat) {
            let mut dice = Dice::new(seed, turn, seat);
            d.retail
                .push((bank.id, retail(economy, bank, last, &mut dice)));
        }
        let seat = Seat::BusinessBanker(bank.id);
        if bot(seat) {
            let mut dice = Dice::new(seed, turn, seat);
            d.business.push((bank.id, business(bank, &mut dice)));
        }
    }
    for merchant in economy.merchants() {
        let seat = Seat::Merchant(merchant.id);
        if bot(seat) {
            let mut dice = Dice::new(seed, turn, seat);
            let report = last.and_then(|r| r.merchants.get(merchant.id.index()));
            let before = economy
                .reports()
                .iter()
                .rev()
                .nth(1)
                .and_then(|r| r.merchants.get(merchant.id.index()));
            let sales = (report.map(|r| r.sales), before.map(|r| r.sales));
            d.merchants.push((
                merchant.id,
                merchant_bot(economy, merchant, sales, &offers, &mut dice),
            ));
        }
    }
    for client in economy.clients() {
        let seat = Seat::Client(client.id);
        if bot(seat) {
            let mut dice = Dice::new(seed, turn, seat);
            d.clients
                .push((client.id, client_bot(economy, client, &offers, &mut dice)));
        }
    }
    d
}

/// A retail banker: fees, deposit rates, lending and how complaints are handled.
fn retail(
    economy: &Economy,
    bank: &Bank,
    last: Option<&TurnReport>,
    dice: &mut Dice,
) -> RetailDecision {
    let base = bank.baseline_retail;
    let mut d = base;
    // Deposit rates follow the policy rate, more or less fully.
    let policy_move = economy.params().policy_rate.0 - economy.initial_policy_rate().0;
    let pass_through = |share: i32| Bp((base.savings_rate.0 + policy_move * share / 100).max(0));
    let lost_many = last
        .and_then(|r| r.banks.get(bank.id.index()))
        .is_some_and(|b| b.activity.clients_lost * 50 > b.activity.clients.max(1));
    match bank.retail_strategy {
        Strategy::Fair => {
            d.savings_rate = pass_through(70);
            d.disclose = true;
            d.refund_complaints = true;
        }
        Strategy::Greedy => {
            d.savings_rate = pass_through(30);
            d.disclose = false;
            d.refund_complaints = false;
            if !lost_many {
                // Headline fees a little up, small print much more.
                d.fees.account_fee = scale(base.fees.account_fee, 12_500);
                d.fees.debit_card_fee = scale(base.fees.debit_card_fee, 12_500);
                d.fees.credit_card_fee = scale(base.fees.credit_card_fee, 12_500);
                d.fees.irregular_payment_fee = scale(base.fees.irregular_payment_fee, 20_000);
                d.fees.overdraft_rate = Bp(base.fees.overdraft_rate.0 + 400);
            }
            d.consumer_loans.margin = Bp(base.consumer_loans.margin.0 + 150);
            d.consumer_loans.max_pd = Bp(base.consumer_loans.max_pd.0 * 3 / 2);
        }
        Strategy::Cautious => {
            d.savings_rate = pass_through(50);
            d.disclose = true;
            d.refund_complaints = true;
            d.fees.irregular_payment_fee = scale(base.fees.irregular_payment_fee, 5_000);
            d.consumer_loans.margin = Bp(base.consumer_loans.margin.0 + 50);
            d.consumer_loans.max_pd = Bp(base.consumer_loans.max_pd.0 / 2);
        }
        Strategy::Random => {
            d.savings_rate = pass_through(dice.between(0, 100) as i32);
            d.disclose = dice.chance(5_000);
            d.refund_complaints = dice.chance(5_000);
            d.fees.account_fee = scale(base.fees.account_fee, dice.between(5_000, 15_000));
            d.fees.irregular_payment_fee =
                scale(base.fees.irregular_payment_fee, dice.between(5_000, 20_000));
            d.consumer_loans.margin =
                Bp(base.consumer_loans.margin.0 + dice.between(-50, 150) as i32);
        }
    }
    d
}

/// A business banker: the acquiring margin, merchant fees and business lending.
fn business(bank: &Bank, dice: &mut Dice) -> BusinessDecision {
    let base = bank.baseline_business;
    let mut d = base;
    let f = &mut d.merchant_fees;
    match bank.business_strategy {
        Strategy::Fair => {}
        Strategy::Greedy => {
            f.acquirer_margin = Bp(base.merchant_fees.acquirer_margin.0 * 3);
            f.terminal_fee = scale(base.merchant_fees.terminal_fee, 15_000);
            d.business_loans.margin = Bp(base.business_loans.margin.0 + 150);
            d.business_loans.max_pd = Bp(base.business_loans.max_pd.0 * 3 / 2);
        }
        Strategy::Cautious => {
            f.acquirer_margin = Bp(base.merchant_fees.acquirer_margin.0 * 6 / 5);
            d.business_loans.margin = Bp(base.business_loans.margin.0 + 50);
            d.business_loans.max_pd = Bp(base.business_loans.max_pd.0 / 2);
        }
        Strategy::Random => {
            f.acquirer_margin = Bp((base.merchant_fees.acquirer_margin.0 as i64
                * dice.between(5_000, 20_000)
                / 10_000) as i32);
            f.terminal_fee = scale(base.merchant_fees.terminal_fee, dice.between(5_000, 20_000));
        }
    }
    d
}

/// A merchant: prices, card acceptance, borrowing and the choice of bank.
fn merchant_bot(
    economy: &Economy,
    m: &Merchant,
    (sales, sales_before): (Option<Money>, Option<Money>),
    offers: &[BankOffer],
    dice: &mut Dice,
) -> MerchantDecision {
    let balance = economy
        .ledger()
        .balance(super::ledger::Account::Merchant(m.id));
    let own_msc = offers.get(m.bank.index()).map_or(Bp::ZERO, |o| o.msc_debit);
    let cheapest = offers
        .iter()
        .min_by_key(|o| (o.msc_debit, o.bank))
        .map(|o| (o.bank, o.msc_debit));
    let needs_cash = balance < m.rent && m.loan.is_none();
    let loan = LoanRequest {
        amount: Money::cents(m.rent.as_cents().max(100) * 3),
        months: 12,
    };
    let mut d = MerchantDecision {
        markup: m.baseline_markup,
        // A fair shop keeps its choice about cards; the others weigh what cards cost them.
        accepts_cards: m.accepts_cards,
        loan_request: None,
        switch_bank: None,
    };
    match m.strategy {
        Strategy::Fair => {
            d.loan_request = needs_cash.then_some(loan);
        }
        Strategy::Greedy => {
            // Raise prices while sales hold up.
            let holding = match (sales, sales_before) {
                (Some(now), Some(before)) => now.as_cents() * 100 >= before.as_cents() * 95,
                _ => true,
            };
            d.markup = if holding {
                Bp(m.markup.0.max(m.baseline_markup.0) + 200).min(Bp(m.baseline_markup.0 + 2_000))
            } else {
                m.baseline_markup
            };
            d.accepts_cards = own_msc.0 < 150;
            d.loan_request = needs_cash.then_some(loan);
            d.switch_bank = cheapest
                .filter(|(b, msc)| *b != m.bank && msc.0 + 20 <= own_msc.0)
                .map(|(b, _)| b);
        }
        Strategy::Cautious => {
            d.accepts_cards = own_msc.0 < 100;
            d.switch_bank = cheapest
                .filter(|(b, msc)| *b != m.bank && msc.0 + 10 <= own_msc.0)
                .map(|(b, _)| b);
        }
        Strategy::Random => {
            d.markup = Bp((m.baseline_markup.0 + dice.between(-1_000, 1_000) as i32).max(0));
            d.accepts_cards = dice.chance(9_000);
            d.loan_request = (needs_cash && dice.chance(5_000)).then_some(loan);
        }
    }
    d
}

/// The chance of leaving the bank after a bad month, by the number of bad experiences in the
/// last year: one in three after one, most after two or three.
const LEAVE_AFTER_BAD: [i32; 4] = [0, 3_300, 6_000, 9_200];

/// A household: spending, cards or cash, borrowing, complaints, and switching bank or shop.
fn client_bot(
    economy: &Economy,
    c: &Client,
    offers: &[BankOffer],
    dice: &mut Dice,
) -> ClientDecision {
    let e = c.experience;
    let bad = i32::from(e.bad_this_month);
    let leave_chance = LEAVE_AFTER_BAD[usize::from(e.bad_experiences.min(3))] * bad;
    let others = offers.iter().filter(|o| o.bank != c.bank).count();
    let pick = dice.between(0, others as i64 - 1) as usize;
    let fallback = offers
        .iter()
        .filter(|o| o.bank != c.bank)
        .nth(pick)
        .map(|o| o.bank);
    let cheapest_other = |min_saving: Money| -> Option<BankId> {
        let own = offers
            .get(c.bank.index())?
            .expected_monthly_cost(c.card, e.irregular_payments);
        let paid = own.max(e.last_fees_paid);
        offers
            .iter()
            .filter(|o| o.bank != c.bank)
            .map(|o| {
                (
                    o.expected_monthly_cost(c.card, e.irregular_payments),
                    o.bank,
                )
            })
            .min()
            .filter(|(cost, _)| cost.as_cents() + min_saving.as_cents() <= paid.as_cents())
            .map(|(_, b)| b)
            // After a bad experience, any other bank will do when none looks cheaper.
            .or(fallback.filter(|_| bad > 0))
    };
    let wants_loan = c.loan.is_none() && dice.chance(c.loan_appetite.0);
    let loan = LoanRequest {
        amount: scale(c.income, 60_000),
        months: 48,
    };
    let mut d = ClientDecision {
        spending: Bp::FULL,
        card_share: c.baseline_card_share,
        loan_request: None,
        switch_bank: None,
        complain: false,
        leave_merchant: None,
        save: Money::ZERO,
    };
    let surprised = e.last_surprise_fees.is_positive();
    match c.strategy {
        Strategy::Fair => {
            d.complain = surprised && dice.chance(c.fee_sensitivity.0);
            if dice.chance(leave_chance) {
                d.switch_bank = cheapest_other(Money::ZERO);
            }
            d.loan_request = wants_loan.then_some(loan);
        }
        Strategy::Greedy => {
            // The bargain hunter: spends more, pays by card, complains, and moves for a better deal.
            d.spending = Bp(11_000);
            d.card_share = Bp(c.baseline_card_share.0.max(9_000));
            d.complain = surprised;
            if dice.chance(leave_chance) || dice.chance(2_500) {
                d.switch_bank = cheapest_other(Money::euros(2));
            }
            d.loan_request =
                (c.loan.is_none() && dice.chance(c.loan_appetite.0 * 2)).then_some(loan);
        }
        Strategy::Cautious => {
            d.spending = Bp(9_000);
            d.card_share = Bp(c.baseline_card_share.0 / 2);
            if e.bad_experiences >= 2 && dice.chance(leave_chance / 2) {
                d.switch_bank = cheapest_other(Money::ZERO);
            }
        }
        Strategy::Random => {
            d.spending = Bp(dice.between(7_000, 13_000) as i32);
            d.card_share = Bp(dice.between(0, 10_000) as i32);
            d.complain = surprised && dice.chance(5_000);
            if dice.chance(100) || dice.chance(leave_chance) {
                let n = offers.len() as i64;
                d.switch_bank =
                    Some(BankId(dice.between(0, n - 1) as u16)).filter(|&b| b != c.bank);
            }
            d.loan_request = wants_loan.then_some(loan);
        }
    }
    // A card lover leaves a shop that refuses cards; anyone may leave one that put prices up.
    d.leave_merchant = c.shops.iter().copied().find(|&shop| {
        economy.merchant(shop).is_some_and(|m| {
            let refuses = !m.accepts_cards && d.card_share.0 > 7_000;
            let dearer = m.markup.0 > m.baseline_markup.0 + 1_000;
            (refuses || dearer) && dice.chance(1_000)
        })
    });
    d
}
