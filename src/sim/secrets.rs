//! What a seat did not see: the numbers its view hid under the transparency layer, set against
//! the truth (the same seat's view under glass), for the debrief's "what was hidden".
use super::config::Transparency;
use super::decisions::Seat;
use super::economy::Economy;
use super::ids::BankId;
use super::money::{Bp, Money};
use super::pricing::LoanRate;
use super::seat_view::{FeeSplit, Own, SeatView};
use super::value_chain::Stage;
use super::view::Shown;
use serde::{Deserialize, Serialize};

/// A number a seat did not see, with its true value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Secret {
    /// A bank's fee for a payment made without enough money.
    IrregularFee {
        bank: BankId,
        fee: Money,
    },
    OverdraftRate {
        bank: BankId,
        rate: Bp,
    },
    /// The commercial margin inside a bank's consumer loan rate.
    LoanMargin {
        bank: BankId,
        margin: Bp,
    },
    BankProfit {
        bank: BankId,
        profit: Money,
    },
    BankMargin {
        bank: BankId,
        nim: Bp,
    },
    /// What a bank asks shops on a debit card payment, for a shop or a business banker.
    CardFee {
        bank: BankId,
        msc: Bp,
    },
    /// How the seat's own loan rate was built.
    OwnRate {
        rate: LoanRate,
    },
    /// How the card fees on the seat's own sales were split last month.
    OwnCardFees {
        split: FeeSplit,
    },
    /// How the game's card fees were split between the issuers, the scheme and the acquirers.
    CardFeesOfTheGame {
        split: FeeSplit,
    },
}

/// Every number `seat` could not see under the current layer, with its true value.
pub fn secrets(economy: &Economy, seat: Seat) -> Vec<Secret> {
    let (Some(seen), Some(truth)) = (
        SeatView::of(economy, seat),
        SeatView::under(economy, seat, Transparency::Glass),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (s, t) in seen.offers.iter().zip(truth.offers.iter()) {
        if let (Shown::Hidden, Shown::Shown(fee)) =
            (s.irregular_payment_fee, t.irregular_payment_fee)
        {
            out.push(Secret::IrregularFee { bank: s.bank, fee });
        }
        if let (Shown::Hidden, Shown::Shown(rate)) = (s.overdraft_rate, t.overdraft_rate) {
            out.push(Secret::OverdraftRate { bank: s.bank, rate });
        }
        if let (Shown::Hidden, Shown::Shown(margin)) =
            (s.consumer_loan_margin, t.consumer_loan_margin)
        {
            out.push(Secret::LoanMargin {
                bank: s.bank,
                margin,
            });
        }
        // The banks' card fees matter to those who pay or set them.
        if matches!(seat, Seat::Merchant(_) | Seat::BusinessBanker(_))
            && let (Shown::Hidden, Shown::Shown(msc)) = (s.msc_debit, t.msc_debit)
        {
            out.push(Secret::CardFee { bank: s.bank, msc });
        }
    }
    for (s, t) in seen.banks.iter().zip(truth.banks.iter()) {
        if let (Shown::Hidden, Shown::Shown(profit)) = (s.profit, t.profit) {
            out.push(Secret::BankProfit {
                bank: s.bank,
                profit,
            });
        }
        if let (Shown::Hidden, Shown::Shown(nim)) = (s.net_interest_margin, t.net_interest_margin) {
            out.push(Secret::BankMargin { bank: s.bank, nim });
        }
    }
    match (&seen.own, &truth.own) {
        (Own::Client(s), Own::Client(t)) => {
            if let (Shown::Hidden, Shown::Shown(rate)) = (s.loan_quote.parts, t.loan_quote.parts) {
                out.push(Secret::OwnRate { rate });
            }
        }
        (Own::Merchant(s), Own::Merchant(t)) => {
            if let (Shown::Hidden, Shown::Shown(rate)) = (s.loan_quote.parts, t.loan_quote.parts) {
                out.push(Secret::OwnRate { rate });
            }
            if let (Some(s), Some(t)) = (s.last, t.last)
                && let (Shown::Hidden, Shown::Shown(split)) = (s.split, t.split)
            {
                out.push(Secret::OwnCardFees { split });
            }
        }
        _ => {}
    }
    let part = |stage| truth.game_chain.amount(Stage::CardFees, stage).shown();
    if seen.game_chain.amount(Stage::CardFees, Stage::Issuer) == Shown::Hidden
        && let (Some(interchange), Some(scheme_fee), Some(acquirer_margin)) = (
            part(Stage::Issuer),
            part(Stage::Scheme),
            part(Stage::Acquirer),
        )
    {
        out.push(Secret::CardFeesOfTheGame {
            split: FeeSplit {
                interchange,
                scheme_fee,
                acquirer_margin,
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{ClientId, Strategy, TownSpec, bot_decisions, town};

    #[test]
    fn under_opaque_a_household_misses_the_small_print_and_the_margins() {
        let mut spec = TownSpec::new(2, 4, 40, 3);
        spec.bank_strategy = Strategy::Greedy;
        let mut e = Economy::new(town(spec)).unwrap();
        for _ in 0..2 {
            let d = bot_decisions(&e, &[]);
            e.step(&d).unwrap();
        }
        let found = secrets(&e, Seat::Client(ClientId(0)));
        assert!(
            found
                .iter()
                .any(|s| matches!(s, Secret::IrregularFee { .. }))
        );
        assert!(found.iter().any(|s| matches!(s, Secret::BankProfit { .. })));
        assert!(found.iter().any(|s| matches!(s, Secret::OwnRate { .. })));
        assert!(
            found
                .iter()
                .any(|s| matches!(s, Secret::CardFeesOfTheGame { .. }))
        );
        e.set_transparency(Transparency::Glass);
        assert!(secrets(&e, Seat::Client(ClientId(0))).is_empty());
    }
}
