//! A view sends what changed, not the whole history again: the room remembers how many months of the town's history and of the seat's own (a bank's profit and loss, a shop's statements) a connection holds and sends only the months after, and the market's offers only when they changed; the player's page puts back what it has.
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::sim::{Own, SeatView};

/// Where the histories of a view sent over the wire start: the months before are the ones the
/// page already holds. Zero: the whole history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryFrom {
    pub town: u32,
    pub own: u32,
    /// The offers are the page's last ones, left out.
    #[serde(default)]
    pub same_offers: bool,
}

/// What the room remembers of the views a connection was sent: the histories' lengths and the
/// last offers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Held {
    pub months: HistoryFrom,
    pub offers: Option<Arc<Vec<crate::sim::BankOffer>>>,
}

/// The length of a seat's own history.
fn own_len(own: &Own) -> usize {
    match own {
        Own::Bank(b) => b.pnl_history.len(),
        Own::Merchant(m) => m.history.len(),
        Own::Client(_) => 0,
    }
}

/// The lengths of a view's histories: what a page holds once it has it.
pub fn held(view: &SeatView) -> HistoryFrom {
    HistoryFrom {
        town: view.history.len() as u32,
        own: own_len(&view.own) as u32,
        same_offers: false,
    }
}

/// What a page holds once it has a view.
pub fn holding(view: &SeatView) -> Held {
    Held {
        months: held(view),
        offers: Some(view.offers.clone()),
    }
}

/// Cuts from a view what a page already holds: the months of history, and the offers if they
/// are its last ones. What was cut, for the page to put back.
pub fn trim_held(view: &mut SeatView, holds: &Held) -> HistoryFrom {
    let mut from = trim(view, holds.months);
    if holds.offers.as_ref().is_some_and(|o| **o == *view.offers) {
        view.offers = Arc::new(Vec::new());
        from.same_offers = true;
    }
    from
}

/// Cuts from a view the months a page already holds (`holds`); a history shorter than that
/// (a table gone back in time) is sent whole. Where the histories sent start.
pub fn trim(view: &mut SeatView, holds: HistoryFrom) -> HistoryFrom {
    let town = holds.town as usize;
    let town = if town <= view.history.len() { town } else { 0 };
    if town > 0 {
        view.history = Arc::new(view.history[town..].to_vec());
    }
    let own = holds.own as usize;
    let own = if own <= own_len(&view.own) { own } else { 0 };
    if own > 0 {
        match &mut view.own {
            Own::Bank(b) => {
                b.pnl_history.drain(..own);
            }
            Own::Merchant(m) => {
                m.history.drain(..own);
            }
            Own::Client(_) => {}
        }
    }
    HistoryFrom {
        town: town as u32,
        own: own as u32,
        same_offers: false,
    }
}

/// Puts back in front of a trimmed view the months the page held from its last view. False when
/// the page holds fewer months than the room thought (it then keeps the trimmed view as it is).
pub fn restore(previous: &SeatView, view: &mut SeatView, from: HistoryFrom) -> bool {
    let town = from.town as usize;
    let own = from.own as usize;
    if previous.history.len() < town || own_len(&previous.own) < own {
        return false;
    }
    if from.same_offers {
        view.offers = previous.offers.clone();
    }
    if town > 0 {
        let mut whole = previous.history[..town].to_vec();
        whole.extend(view.history.iter().cloned());
        view.history = Arc::new(whole);
    }
    if own > 0 {
        match (&previous.own, &mut view.own) {
            (Own::Bank(before), Own::Bank(now)) => {
                let mut whole = before.pnl_history[..own].to_vec();
                whole.append(&mut now.pnl_history);
                now.pnl_history = whole;
            }
            (Own::Merchant(before), Own::Merchant(now)) => {
                let mut whole = before.history[..own].to_vec();
                whole.append(&mut now.history);
                now.history = whole;
            }
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;
    use crate::sim::{BankId, MerchantId, Seat};

    #[test]
    fn a_trimmed_view_put_back_after_the_last_one_is_the_whole_view() {
        let scenario = crate::scenario::load(crate::DEFAULT_SCENARIO, "one_town.ron").unwrap();
        let seats = vec![
            Seat::RetailBanker(BankId(0)),
            Seat::Merchant(MerchantId(0)),
            Seat::Client(crate::sim::ClientId(0)),
        ];
        let mut session = Session::new(scenario, seats.clone(), &[], Some(2)).unwrap();
        session.run_bots(5).unwrap();
        let before: Vec<SeatView> = seats.iter().map(|s| session.view(*s).unwrap()).collect();
        session.run_bots(2).unwrap();
        for (seat, previous) in seats.iter().zip(&before) {
            let whole = session.view(*seat).unwrap();
            let mut sent = whole.clone();
            let from = trim(&mut sent, held(previous));
            assert_eq!(from, held(previous), "{seat:?}");
            assert!(sent.history.len() < whole.history.len());
            let bytes = |v: &SeatView| serde_json::to_string(v).unwrap().len();
            assert!(bytes(&sent) < bytes(&whole));
            assert!(restore(previous, &mut sent, from));
            assert_eq!(sent, whole, "{seat:?}");
        }
        // Offers the page has are left out, and put back.
        let whole = session.view(seats[2]).unwrap();
        let mut sent = whole.clone();
        let from = trim_held(&mut sent, &holding(&whole));
        assert!(from.same_offers && sent.offers.is_empty());
        assert!(restore(&whole, &mut sent, from));
        assert_eq!(sent, whole);
        // Gone back in time: the room holds more months than the view has, so it sends all.
        let earlier = before[0].clone();
        let mut sent = earlier.clone();
        let longer = held(&session.view(seats[0]).unwrap());
        assert_eq!(trim(&mut sent, longer), HistoryFrom::default());
        assert_eq!(sent, earlier);
    }
}
