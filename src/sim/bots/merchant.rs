//! A shopkeeper's bot: prices, card acceptance, borrowing and the choice of bank, from the shop's
//! own statements and the card fees the market shows. Under the opaque layer a shop sees what
//! its own bank charges but not what others would; once acquirers' fees are published it can
//! compare, and moves.
use super::{Dice, Shopkeeper};
use crate::sim::config::Strategy;
use crate::sim::decisions::{LoanRequest, MerchantDecision};
use crate::sim::ids::BankId;
use crate::sim::money::{Bp, Money};
use crate::sim::seat_view::{MerchantOwn, SeatView};

/// How a strategy weighs a cheaper acquirer: the saving it needs (a share of what cards cost
/// the shop now, and at least a sum) and its monthly chance of acting on it.
struct Shopping {
    min_share: i64,
    min_saving: Money,
    chance: i64,
}

fn shopping(strategy: Strategy) -> Option<Shopping> {
    match strategy {
        Strategy::Fair => Some(Shopping {
            min_share: 1_500,
            min_saving: Money::euros(5),
            chance: 2_500,
        }),
        Strategy::Greedy => Some(Shopping {
            min_share: 500,
            min_saving: Money::euros(3),
            chance: 10_000,
        }),
        Strategy::Cautious => Some(Shopping {
            min_share: 1_500,
            min_saving: Money::euros(5),
            chance: 1_000,
        }),
        Strategy::Random => None,
    }
}

/// The cheapest bank whose card fees the shop can see, if it is cheaper enough than its own.
fn cheaper_acquirer(view: &SeatView, own: &MerchantOwn, strategy: Strategy) -> Option<BankId> {
    let rule = shopping(strategy)?;
    let last = own.last?;
    if !own.accepts_cards || !last.card_sales.is_positive() {
        return None;
    }
    let terminal = view
        .offers
        .iter()
        .find(|o| o.bank == own.bank)
        .map_or(Money::ZERO, |o| o.terminal_fee);
    // Like with like: its own contract's debit card fee on last month's card sales, as the
    // others' are quoted.
    let paying = last
        .card_sales
        .apply(own.msc_debit)
        .unwrap_or(last.card_fees)
        .saturating_add(terminal);
    let (cost, bank) = view
        .offers
        .iter()
        .filter(|o| o.bank != own.bank)
        .filter_map(|o| {
            o.acquiring_cost(last.card_sales)
                .shown()
                .map(|c| (c, o.bank))
        })
        .min()?;
    let saving = paying.saturating_sub(cost);
    (saving >= rule.min_saving && saving.share_of(paying) >= rule.min_share).then_some(bank)
}

pub(super) fn decide(
    view: &SeatView,
    own: &MerchantOwn,
    me: &Shopkeeper,
    dice: &mut Dice,
) -> MerchantDecision {
    let needs_cash = own.balance < own.rent && own.loan.is_none();
    let loan = LoanRequest {
        amount: Money::cents(own.rent.as_cents().max(100).saturating_mul(3)),
        months: 12,
    };
    let switch_bank = cheaper_acquirer(view, own, me.strategy)
        .filter(|_| shopping(me.strategy).is_some_and(|r| dice.chance(r.chance)));
    let mut d = MerchantDecision {
        markup: me.usual_markup,
        accepts_cards: own.accepts_cards,
        loan_request: needs_cash.then_some(loan),
        switch_bank,
    };
    // Whether sales held up last month (within 5% of the month before).
    let mut months = own.history.iter().rev().map(|s| s.sales);
    let holding = match (months.next(), months.next()) {
        (Some(now), Some(before)) => {
            i128::from(now.as_cents()) * 100 >= i128::from(before.as_cents()) * 95
        }
        _ => true,
    };
    // A shop that weighs what cards cost: it stops taking them above `limit`, and takes them
    // back once its sales have fallen a tenth below its last month with cards.
    let with_cards = own
        .history
        .iter()
        .rev()
        .find(|s| s.card_sales.is_positive())
        .map(|s| s.sales);
    let cards = |limit: i32| {
        if own.accepts_cards {
            own.msc_debit.0 < limit
        } else {
            match (own.last.map(|s| s.sales), with_cards) {
                (Some(now), Some(then)) => {
                    i128::from(now.as_cents()) * 10 < i128::from(then.as_cents()) * 9
                }
                _ => false,
            }
        }
    };
    match me.strategy {
        Strategy::Fair => {}
        Strategy::Greedy => {
            // Raise prices while sales hold up.
            let usual = me.usual_markup.0;
            d.markup = if holding {
                Bp(own
                    .markup
                    .0
                    .max(usual)
                    .saturating_add(200)
                    .min(usual.saturating_add(2_000)))
            } else {
                me.usual_markup
            };
            d.accepts_cards = cards(200);
        }
        Strategy::Cautious => {
            d.accepts_cards = cards(250);
            d.loan_request = None;
        }
        Strategy::Random => {
            d.markup = Bp((me.usual_markup.0 + dice.between(-1_000, 1_000) as i32).max(0));
            d.accepts_cards = dice.chance(9_000);
            d.loan_request = (needs_cash && dice.chance(5_000)).then_some(loan);
        }
    }
    d
}
