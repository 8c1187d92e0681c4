//! Rule-based players (fair, greedy, cautious, random) for every role. A bot decides from its
//! seat's `SeatView` (what a human in that seat sees under the layer, the seat's own statements
//! and history included) and its own character; only this driver reads the economy, to build
//! the views: the functions that decide take no `Economy`.
mod business;
mod dice;
mod household;
mod merchant;
mod retail;

use super::config::Strategy;
use super::decisions::{Decisions, Seat};
use super::economy::Economy;
use super::money::Bp;
use super::seat_view::{Own, SeatView, Views};
use dice::Dice;

/// What a household's bot brings besides what it sees: its strategy and its habits.
#[derive(Clone, Copy, Debug)]
struct Household {
    strategy: Strategy,
    /// How much fees hurt it (10,000 bp: fully).
    fee_sensitivity: Bp,
    /// Its monthly chance of wanting a consumer loan.
    loan_appetite: Bp,
    /// Its monthly chance of wanting to buy a home while it has none.
    home_appetite: Bp,
    /// The share of its purchases it usually pays by card.
    card_habit: Bp,
}

/// What a shopkeeper's bot brings: its strategy and its usual mark-up.
#[derive(Clone, Copy, Debug)]
struct Shopkeeper {
    strategy: Strategy,
    usual_markup: Bp,
}

/// The decision a bot makes for one seat.
enum Decided {
    Client(super::decisions::ClientDecision),
    Retail(super::decisions::RetailDecision),
    Business(super::decisions::BusinessDecision),
    Merchant(super::decisions::MerchantDecision),
}

impl Decided {
    /// Adds the decision to the month's, under its seat, within every limit a human keeps to
    /// (a bot that drifts far is held at the bound).
    fn add_to(self, seat: Seat, d: &mut Decisions) {
        use super::limits::Bounded;
        match (seat, self) {
            (Seat::Client(c), Decided::Client(x)) => d.clients.push((c, x.bounded())),
            (Seat::RetailBanker(b), Decided::Retail(x)) => d.retail.push((b, x.bounded())),
            (Seat::BusinessBanker(b), Decided::Business(x)) => d.business.push((b, x.bounded())),
            (Seat::Merchant(m), Decided::Merchant(x)) => d.merchants.push((m, x.bounded())),
            _ => {}
        }
    }
}

/// The decisions of every seat not in `humans`, for the next month, each from its seat's view.
pub fn decide(economy: &Economy, humans: &[Seat]) -> Decisions {
    let mut views = Views::new(economy, economy.params().transparency);
    let mut d = Decisions::default();
    for seat in seats(economy).filter(|s| !humans.contains(s)) {
        if let Some(decided) = decide_with(economy, &mut views, seat) {
            decided.add_to(seat, &mut d);
        }
    }
    d
}

/// What a bot would decide for one seat this month (a stand-in for a player who left), as the
/// month's decisions of that seat alone.
pub fn decide_seat(economy: &Economy, seat: Seat) -> Decisions {
    let mut views = Views::new(economy, economy.params().transparency);
    let mut d = Decisions::default();
    if let Some(decided) = decide_with(economy, &mut views, seat) {
        decided.add_to(seat, &mut d);
    }
    d
}

/// Every seat of the economy: bankers, then shops, then households.
fn seats(economy: &Economy) -> impl Iterator<Item = Seat> + '_ {
    let banks = economy
        .banks()
        .iter()
        .flat_map(|b| [Seat::RetailBanker(b.id), Seat::BusinessBanker(b.id)]);
    let shops = economy.merchants().iter().map(|m| Seat::Merchant(m.id));
    let households = economy.clients().iter().map(|c| Seat::Client(c.id));
    banks.chain(shops).chain(households)
}

/// The seat's view, its bot's character and dice, and the bot's decision.
fn decide_with(economy: &Economy, views: &mut Views, seat: Seat) -> Option<Decided> {
    let view: SeatView = views.of(seat)?;
    let mut dice = Dice::new(economy.seed(), economy.turn(), seat);
    Some(match (seat, &view.own) {
        (Seat::Client(c), Own::Client(own)) => {
            let client = economy.client(c)?;
            let me = Household {
                strategy: client.strategy,
                fee_sensitivity: client.fee_sensitivity,
                loan_appetite: client.loan_appetite,
                home_appetite: client.home_appetite,
                card_habit: client.baseline_card_share,
            };
            Decided::Client(household::decide(&view, own, &me, &mut dice))
        }
        (Seat::RetailBanker(b), Own::Bank(own)) => {
            let strategy = economy.bank(b)?.retail_strategy;
            Decided::Retail(retail::decide(&view, own, strategy, &mut dice))
        }
        (Seat::BusinessBanker(b), Own::Bank(own)) => {
            let strategy = economy.bank(b)?.business_strategy;
            Decided::Business(business::decide(&view, own, strategy, &mut dice))
        }
        (Seat::Merchant(m), Own::Merchant(own)) => {
            let shop = economy.merchant(m)?;
            let me = Shopkeeper {
                strategy: shop.strategy,
                usual_markup: shop.baseline_markup,
            };
            Decided::Merchant(merchant::decide(&view, own, &me, &mut dice))
        }
        _ => return None,
    })
}

/// Scales an amount by `bp` / 10,000.
fn scale(m: super::money::Money, bp: i64) -> super::money::Money {
    m.ratio(bp, 10_000).unwrap_or(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Account, BankId, ClientId, External, MerchantId, Money, TownSpec, town};

    /// A town whose banks publish nothing, after a few months of bots.
    fn town_played() -> Economy {
        let mut spec = TownSpec::new(2, 6, 60, 11);
        spec.bank_strategy = Strategy::Greedy;
        let mut e = Economy::new(town(spec)).unwrap();
        for _ in 0..4 {
            let d = decide(&e, &[]);
            e.step(&d).unwrap();
        }
        e
    }

    /// Every seat's view and bot decision.
    fn seen_and_decided(e: &Economy) -> Vec<(Seat, Option<SeatView>, Decisions)> {
        seats(e)
            .map(|s| (s, SeatView::of(e, s), decide_seat(e, s)))
            .collect()
    }

    #[test]
    fn a_bot_decides_the_same_when_only_what_its_seat_cannot_see_changes() {
        let e = town_played();
        let before = seen_and_decided(&e);
        // Numbers hidden under the opaque layer: bank 1's small print, and a shop's money
        // (its own and its bankers').
        let mut changed = e.clone();
        let fees = &mut changed.banks[1].retail.fees;
        fees.irregular_payment_fee = fees.irregular_payment_fee.saturating_add(Money::euros(5));
        fees.overdraft_rate.0 += 700;
        let shop = MerchantId(0);
        changed
            .ledger
            .post(
                Account::External(External::Opening),
                Account::Merchant(shop),
                Money::euros(3_000),
                crate::sim::PostingKind::Opening,
                crate::sim::Product::None,
                crate::sim::TxnId(0),
            )
            .unwrap();
        let after = seen_and_decided(&changed);
        let mut same = 0;
        for ((seat, view, decided), (_, view_after, decided_after)) in before.iter().zip(&after) {
            if view == view_after {
                same += 1;
                assert_eq!(decided, decided_after, "{seat:?} decided otherwise");
            }
        }
        // Most seats saw nothing of it: the households, the other bank and the other shops.
        assert!(same > before.len() / 2, "{same} of {}", before.len());
        // Bank 1's bankers and shop 0 did see their own numbers change.
        let seat = |s: Seat| before.iter().position(|(x, ..)| *x == s).unwrap();
        for s in [Seat::RetailBanker(BankId(1)), Seat::Merchant(shop)] {
            assert_ne!(before[seat(s)].1, after[seat(s)].1, "{s:?}");
        }
        // A household sees its own bank's headline fee: change it and its view changes.
        let household = Seat::Client(ClientId(0));
        let bank = e.client(ClientId(0)).unwrap().bank;
        let mut headline = e.clone();
        headline.banks[bank.index()].retail.fees.account_fee = Money::euros(30);
        assert_ne!(
            SeatView::of(&headline, household),
            before[seat(household)].1
        );
    }
}
