//! A retail banker's bot: fees, deposit rates, lending and complaints, set from the bank's own
//! books and clients won and lost, and from the competitors' prices the market shows. The greedy
//! bank plays the shrouded-attributes game of Gabaix & Laibson (2006, QJE): while its add-on
//! fees are hidden it keeps the headline price low and raises them; once the market sees them
//! and clients leave, it cuts them.
use super::{Dice, scale};
use crate::sim::config::{Strategy, Transparency};
use crate::sim::decisions::RetailDecision;
use crate::sim::money::{Bp, Money};
use crate::sim::seat_view::{BankOwn, SeatView};
use crate::sim::view::BankOffer;

/// Whether the bank lost more clients than it won last month, by at least one in a hundred.
fn losing_clients(own: &BankOwn) -> bool {
    let a = own.last_activity;
    let net = i64::from(a.clients_lost) - i64::from(a.clients_won);
    net > 0 && net * 100 >= i64::from(own.clients_now.max(1))
}

/// The other banks' offers.
fn competitors<'a>(view: &'a SeatView, own: &BankOwn) -> impl Iterator<Item = &'a BankOffer> {
    view.offers.iter().filter(move |o| o.bank != own.bank)
}

/// The deposit rate that passes `share` % of the policy rate's move since the start on to
/// savers.
fn pass_through(view: &SeatView, own: &BankOwn, share: i64) -> Bp {
    let moved = i64::from(view.policy_rate.0) - i64::from(view.opening_policy_rate.0);
    Bp(
        (i64::from(own.opening_retail.savings_rate.0) + moved * share / 100).clamp(0, 100_000)
            as i32,
    )
}

/// A step from `now` toward `target`, a quarter of the way and at least `least`.
fn toward(now: i64, target: i64, least: i64) -> i64 {
    let step = ((target - now) / 4).abs().max(least);
    if now > target {
        (now - step).max(target)
    } else {
        (now + step).min(target)
    }
}

pub(super) fn decide(
    view: &SeatView,
    own: &BankOwn,
    strategy: Strategy,
    dice: &mut Dice,
) -> RetailDecision {
    let base = own.opening_retail;
    let mut d = base;
    match strategy {
        Strategy::Fair => {
            // Prices as the scenario set them, published as it says, complaints refunded.
            d.savings_rate = pass_through(view, own, 70);
            d.refund_complaints = true;
        }
        Strategy::Greedy => greedy(view, own, &mut d),
        Strategy::Cautious => {
            d.savings_rate = pass_through(view, own, 50);
            d.disclose = true;
            d.refund_complaints = true;
            d.fees.irregular_payment_fee = scale(base.fees.irregular_payment_fee, 5_000);
            d.consumer_loans.margin = Bp(base.consumer_loans.margin.0.saturating_add(50));
            d.consumer_loans.max_pd = Bp(base.consumer_loans.max_pd.0 / 2);
        }
        Strategy::Random => {
            d.savings_rate = pass_through(view, own, dice.between(0, 100));
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

/// The shrouding bank. Hidden small print: the headline account fee no higher than the cheapest
/// competitor's, the irregular-payment fee up a quarter of its opening level a month (to twice
/// it) and the overdraft rate up a point a month (four at most). Small print in view: while
/// clients leave, both come down a quarter of the way to the cheapest competitor's each month,
/// the account fee back up to its opening level. Savers are paid a 30% pass-through of the
/// policy rate's moves less a thirtieth of the policy rate, unless under glass, where savers compare
/// what banks pay, clients leave: then the savings rate goes a quarter of the way up to the best
/// competitor's.
fn greedy(view: &SeatView, own: &BankOwn, d: &mut RetailDecision) {
    let base = own.opening_retail;
    let now = own.retail;
    d.disclose = false;
    d.refund_complaints = false;
    d.consumer_loans.margin = Bp(base.consumer_loans.margin.0.saturating_add(150));
    d.consumer_loans.max_pd = Bp(base.consumer_loans.max_pd.0.saturating_mul(3) / 2);
    let hidden = view.layer == Transparency::Opaque;
    let losing = losing_clients(own);
    let lowest_fee = competitors(view, own)
        .filter_map(|o| o.irregular_payment_fee.shown())
        .min();
    let lowest_overdraft = competitors(view, own)
        .filter_map(|o| o.overdraft_rate.shown())
        .min();
    let cheapest_account = competitors(view, own).map(|o| o.account_fee).min();
    let best_savings = competitors(view, own).map(|o| o.savings_rate).max();
    // Savers who do not compare are paid a thirtieth of the policy rate below a 30% pass-through.
    let passed = Bp(pass_through(view, own, 30)
        .0
        .saturating_sub(view.policy_rate.0.max(0) / 30)
        .max(0));
    if hidden {
        d.fees.account_fee =
            cheapest_account.map_or(base.fees.account_fee, |c| c.min(base.fees.account_fee));
        let ceiling = base
            .fees
            .irregular_payment_fee
            .saturating_add(base.fees.irregular_payment_fee);
        d.fees.irregular_payment_fee = if losing {
            now.fees.irregular_payment_fee
        } else {
            now.fees
                .irregular_payment_fee
                .saturating_add(scale(base.fees.irregular_payment_fee, 2_500))
                .min(ceiling)
        };
        let overdraft_ceiling = base.fees.overdraft_rate.0.saturating_add(400);
        d.fees.overdraft_rate = Bp(if losing {
            now.fees.overdraft_rate.0
        } else {
            now.fees
                .overdraft_rate
                .0
                .saturating_add(100)
                .min(overdraft_ceiling)
        });
        d.savings_rate = passed;
        return;
    }
    // The small print is in view: hold while clients stay, cut while they leave.
    d.fees.account_fee = now.fees.account_fee.max(base.fees.account_fee);
    d.fees.irregular_payment_fee = now.fees.irregular_payment_fee;
    d.fees.overdraft_rate = now.fees.overdraft_rate;
    d.savings_rate = now.savings_rate.max(passed);
    if losing {
        if let Some(lowest) = lowest_fee {
            d.fees.irregular_payment_fee = Money::cents(toward(
                now.fees.irregular_payment_fee.as_cents(),
                lowest
                    .as_cents()
                    .min(now.fees.irregular_payment_fee.as_cents()),
                50,
            ));
        }
        if let Some(lowest) = lowest_overdraft {
            d.fees.overdraft_rate = Bp(toward(
                i64::from(now.fees.overdraft_rate.0),
                i64::from(lowest.0.min(now.fees.overdraft_rate.0)),
                50,
            ) as i32);
        }
        if view.layer == Transparency::Glass
            && let Some(best) = best_savings
        {
            d.savings_rate = Bp(toward(
                i64::from(d.savings_rate.0),
                i64::from(best.0.max(d.savings_rate.0)),
                10,
            ) as i32);
        }
    }
}
