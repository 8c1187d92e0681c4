//! A business banker's bot: the acquiring margin, merchant fees and business lending, set from
//! the shops won and lost and the competitors' card fees the market shows. A greedy acquirer
//! widens its margin while shops cannot compare it, and narrows it when they can and leave.
use super::{Dice, scale};
use crate::sim::config::{Strategy, Transparency};
use crate::sim::decisions::BusinessDecision;
use crate::sim::money::Bp;
use crate::sim::seat_view::{BankOwn, SeatView};

/// Whether the bank lost more shops than it won last month.
fn losing_shops(own: &BankOwn) -> bool {
    own.last_activity.merchants_lost > own.last_activity.merchants_won
}

pub(super) fn decide(
    view: &SeatView,
    own: &BankOwn,
    strategy: Strategy,
    dice: &mut Dice,
) -> BusinessDecision {
    let base = own.opening_business;
    let now = own.business;
    let mut d = base;
    let f = &mut d.merchant_fees;
    match strategy {
        Strategy::Fair => {}
        Strategy::Greedy => {
            let margin = now.merchant_fees.acquirer_margin.0;
            let opening = base.merchant_fees.acquirer_margin.0;
            // Whether the market sees this bank's card fee: the shops can compare it.
            let seen = view.layer != Transparency::Opaque || own.retail.disclose;
            f.acquirer_margin = Bp(if !seen {
                // Up half its opening level a month, to three times it.
                margin
                    .saturating_add(opening / 2)
                    .min(opening.saturating_mul(3))
            } else if losing_shops(own) {
                let lowest = view
                    .offers
                    .iter()
                    .filter(|o| o.bank != own.bank)
                    .filter_map(|o| o.acquirer_margin.shown())
                    .map(|b| b.0)
                    .min()
                    .unwrap_or(opening);
                let target = lowest.min(margin);
                margin - ((margin - target) / 4).max(1).min(margin - target)
            } else {
                margin.max(opening)
            });
            f.terminal_fee = scale(base.merchant_fees.terminal_fee, 15_000);
            d.business_loans.margin = Bp(base.business_loans.margin.0.saturating_add(150));
            d.business_loans.max_pd = Bp(base.business_loans.max_pd.0.saturating_mul(3) / 2);
        }
        Strategy::Cautious => {
            f.acquirer_margin = Bp(base.merchant_fees.acquirer_margin.0.saturating_mul(6) / 5);
            d.business_loans.margin = Bp(base.business_loans.margin.0.saturating_add(50));
            d.business_loans.max_pd = Bp(base.business_loans.max_pd.0 / 2);
        }
        Strategy::Random => {
            f.acquirer_margin = Bp((i64::from(base.merchant_fees.acquirer_margin.0)
                * dice.between(5_000, 20_000)
                / 10_000) as i32);
            f.terminal_fee = scale(base.merchant_fees.terminal_fee, dice.between(5_000, 20_000));
        }
    }
    d
}
