//! A household's bot: spending, card or cash, borrowing, complaints, and switching bank or
//! shop, from what the household sees: the banks' offers as the layer shows them, its own
//! statements and its trust in its bank.
use super::{Dice, Household, scale};
use crate::sim::config::{Strategy, Transparency};
use crate::sim::decisions::{ClientDecision, LoanRequest};
use crate::sim::ids::BankId;
use crate::sim::money::{Bp, Money};
use crate::sim::seat_view::{ClientOwn, SeatView};
use crate::sim::view::{BankOffer, Usage};

/// The chance of leaving the bank after a bad month, by the number of bad experiences in the
/// last year: one in three after one, most after two or three. PwC's survey ("Experience is
/// everything", 2018, as the project's background article cites it): a third of customers would
/// leave a brand they love after one bad experience, 92% after two or three; the 60% after two
/// is ours, in between.
const LEAVE_AFTER_BAD: [i64; 4] = [0, 3_300, 6_000, 9_200];

/// Below this trust a household looks for another bank each month, the more so the lower.
const DISTRUST: u16 = 300;

/// Below this trust a household neither borrows from its bank nor pays by card as much.
const WARY: u16 = 400;

/// How a strategy weighs a cheaper bank: the saving it needs, as a share of its monthly income
/// (and at least a sum), and its monthly chance of acting on it. Households seldom switch for
/// price alone: about 3% of UK current accounts move in a year (CMA, Retail banking market
/// investigation, 2016).
struct PriceHunting {
    min_share: i64,
    min_saving: Money,
    chance: i64,
}

fn price_hunting(strategy: Strategy) -> PriceHunting {
    match strategy {
        Strategy::Fair => PriceHunting {
            min_share: 100,
            min_saving: Money::euros(5),
            chance: 1_000,
        },
        // The bargain hunter.
        Strategy::Greedy => PriceHunting {
            min_share: 25,
            min_saving: Money::euros(2),
            chance: 3_000,
        },
        Strategy::Cautious => PriceHunting {
            min_share: 150,
            min_saving: Money::euros(8),
            chance: 500,
        },
        Strategy::Random => PriceHunting {
            min_share: 100,
            min_saving: Money::euros(5),
            chance: 300,
        },
    }
}

/// The fees a bank would charge the household in a month, as it can see them: the prices shown
/// applied to its own usage.
fn fees_at(view: &SeatView, own: &ClientOwn, offer: &BankOffer) -> Money {
    let usage = Usage {
        card: own.card,
        irregular_payments: own.irregular_payments,
        overdraft: own.balance.min(Money::ZERO).saturating_neg(),
        fragile: own.fragile,
    };
    offer.expected_fees(&usage, &view.caps)
}

/// The interest a bank would pay on the household's savings in a month, as far as the
/// household weighs it: only under glass. The rate is shown under every layer; that savers look
/// at it only once their deposits' value chain and the banks' margins are shown is the game's
/// assumption (savers mostly leave their money where it is: FCA, Cash savings market study,
/// 2015).
fn interest_at(view: &SeatView, own: &ClientOwn, offer: &BankOffer) -> Money {
    if view.layer != Transparency::Glass {
        return Money::ZERO;
    }
    own.savings
        .max(Money::ZERO)
        .monthly_interest(offer.savings_rate)
        .unwrap_or(Money::ZERO)
}

/// What a month at another bank would cost the household, as it can judge it.
fn monthly_cost(view: &SeatView, own: &ClientOwn, offer: &BankOffer) -> Money {
    fees_at(view, own, offer).saturating_sub(interest_at(view, own, offer))
}

/// The household's own bank as it knows it: what it can see, but never less in fees than its
/// last statement charged it.
fn own_cost(view: &SeatView, own: &ClientOwn) -> Money {
    let Some(offer) = view.offers.iter().find(|o| o.bank == own.bank) else {
        return own.fees_paid;
    };
    fees_at(view, own, offer)
        .max(own.fees_paid)
        .saturating_sub(interest_at(view, own, offer))
}

/// The cheapest other bank for this household, as it sees the market, but the one it left
/// lately.
fn cheapest_other(view: &SeatView, own: &ClientOwn) -> Option<(Money, BankId)> {
    view.offers
        .iter()
        // Not back to a bank it left within the year.
        .filter(|o| o.bank != own.bank && Some(o.bank) != own.left_lately)
        .map(|o| (monthly_cost(view, own, o), o.bank))
        .min()
}

pub(super) fn decide(
    view: &SeatView,
    own: &ClientOwn,
    me: &Household,
    dice: &mut Dice,
) -> ClientDecision {
    let trust = own.trust;
    // Reasons to look for another bank: a bad month, little trust left, a cheaper bank.
    let after_bad = if own.bad_last_month {
        LEAVE_AFTER_BAD[usize::from(own.bad_experiences.min(3))]
    } else {
        0
    };
    let distrust = i64::from(DISTRUST.saturating_sub(trust)) * 10;
    let hunting = price_hunting(me.strategy);
    let best = cheapest_other(view, own);
    let saving = best.map_or(Money::ZERO, |(cost, _)| {
        own_cost(view, own).saturating_sub(cost)
    });
    let cheaper = saving >= hunting.min_saving && saving.share_of(own.income) >= hunting.min_share;
    let unhappy = match me.strategy {
        Strategy::Cautious => {
            own.bad_experiences >= 2 && dice.chance(after_bad / 2) || dice.chance(distrust / 2)
        }
        _ => dice.chance(after_bad) || dice.chance(distrust),
    };
    let switch_bank = if unhappy {
        // Leaving anyway: to the bank that looks cheapest, even if no cheaper than this one.
        best.map(|(_, b)| b)
    } else if cheaper && dice.chance(hunting.chance) {
        best.map(|(_, b)| b)
    } else if me.strategy == Strategy::Random && dice.chance(100) {
        let n = view.offers.len() as i64;
        Some(BankId(dice.between(0, n - 1) as u16))
            .filter(|&b| b != own.bank && Some(b) != own.left_lately)
    } else {
        None
    };
    // A household that does not trust its bank borrows less from it and pays by card less.
    let appetite = match me.strategy {
        Strategy::Greedy => i64::from(me.loan_appetite.0) * 2,
        Strategy::Cautious => 0,
        _ => i64::from(me.loan_appetite.0),
    };
    let wants_loan = own.loan.is_none() && trust >= WARY && dice.chance(appetite);
    let habit = if trust < WARY {
        Bp((i64::from(me.card_habit.0) * (600 + i64::from(trust)) / 1_000) as i32)
    } else {
        me.card_habit
    };
    let noticed = own.surprise_fees.is_positive() && own.bad_last_month;
    let (spending, card_share, complain) = match me.strategy {
        Strategy::Fair => (
            Bp::FULL,
            habit,
            noticed && dice.chance(i64::from(me.fee_sensitivity.0)),
        ),
        // The bargain hunter spends more, pays by card and complains.
        Strategy::Greedy => (Bp(11_000), Bp(habit.0.max(9_000)), noticed),
        Strategy::Cautious => (
            Bp(9_000),
            Bp(habit.0 / 2),
            noticed && dice.chance(i64::from(me.fee_sensitivity.0) / 2),
        ),
        Strategy::Random => (
            Bp(dice.between(7_000, 13_000) as i32),
            Bp(dice.between(0, 10_000) as i32),
            noticed && dice.chance(5_000),
        ),
    };
    // A household that knows what going below zero costs it (its bank's small print is shown,
    // or such a fee surprised it last month) spends a tenth less after a month below zero, to
    // avoid the next fee: the sophisticated consumer of Gabaix & Laibson (2006) substitutes
    // away from the add-on, and overdraft fees grow rarer once they are salient (Stango &
    // Zinman, 2014, RFS).
    let fee_seen = view
        .offers
        .iter()
        .find(|o| o.bank == own.bank)
        .and_then(|o| o.irregular_payment_fee.shown())
        .is_some_and(|fee| fee.is_positive());
    let spending = if own.irregular_payments > 0 && (fee_seen || noticed) {
        Bp(spending.0 - spending.0 / 10)
    } else {
        spending
    };
    // A card lover leaves a shop that refuses cards; anyone may leave one that put prices up.
    let leave_merchant = own
        .shops
        .iter()
        .find(|shop| {
            let refuses = !shop.accepts_cards && card_share.0 > 7_000;
            let dearer = shop.price_index.0 > 10_600;
            (refuses || dearer) && dice.chance(1_000)
        })
        .map(|shop| shop.merchant);
    ClientDecision {
        spending,
        card_share,
        loan_request: wants_loan.then(|| LoanRequest {
            amount: scale(own.income, 60_000),
            months: 48,
        }),
        switch_bank,
        complain,
        leave_merchant,
        save: Money::ZERO,
        // Last, so that the draws above are the same whether or not homes are for sale.
        buy_home: own.home.is_some_and(|h| h.refusal.is_none())
            && trust >= WARY
            && dice.chance(i64::from(me.home_appetite.0)),
    }
}
