//! The seats a room opens to its players and their names on the facilitator's console:
//! `retail_banker:a`, `merchant:shop-1`, `client:household-7`, the scenario's own ids.
use crate::scenario::Scenario;
use crate::sim::{BankId, ClientId, MerchantId, Seat};

/// The seats for `players` people: the scenario's human seats first, then both bankers of
/// each bank, the merchants, and households, until there are enough (or no actor is left).
pub fn open_seats(scenario: &Scenario, players: usize) -> Vec<Seat> {
    let mut seats: Vec<Seat> = scenario.human_seats().to_vec();
    let config = scenario.economy();
    let banks = (0..config.banks.len() as u16).flat_map(|b| {
        [
            Seat::RetailBanker(BankId(b)),
            Seat::BusinessBanker(BankId(b)),
        ]
    });
    let merchants = (0..config.merchants.len() as u32).map(|m| Seat::Merchant(MerchantId(m)));
    let clients = (0..config.clients.len() as u32).map(|c| Seat::Client(ClientId(c)));
    for seat in banks.chain(merchants).chain(clients) {
        if seats.len() >= players {
            break;
        }
        if !seats.contains(&seat) {
            seats.push(seat);
        }
    }
    seats
}

/// A seat's name on the console: its role and the scenario's id of its actor.
pub fn seat_name(scenario: &Scenario, seat: Seat) -> String {
    let ids = scenario.ids();
    let (role, id) = match seat {
        Seat::Client(c) => ("client", ids.client_id(c)),
        Seat::RetailBanker(b) => ("retail_banker", ids.bank_id(b)),
        Seat::BusinessBanker(b) => ("business_banker", ids.bank_id(b)),
        Seat::Merchant(m) => ("merchant", ids.merchant_id(m)),
    };
    format!("{role}:{}", id.unwrap_or_else(|| "?".into()))
}

/// The name players know a seat's actor by: the bank's or the shop's name, the household's id.
pub fn actor_name(session: &crate::session::Session, seat: Seat) -> String {
    session.actor_name(seat)
}

/// A seat's short code for a link the facilitator hands out (`?room=ABCD&seat=retail-0`):
/// the role and the actor's number in the game.
pub fn seat_code(seat: Seat) -> String {
    match seat {
        Seat::Client(c) => format!("client-{}", c.0),
        Seat::RetailBanker(b) => format!("retail-{}", b.0),
        Seat::BusinessBanker(b) => format!("business-{}", b.0),
        Seat::Merchant(m) => format!("merchant-{}", m.0),
    }
}

/// A seat from its short code.
pub fn parse_seat_code(code: &str) -> Option<Seat> {
    let (role, n) = code.trim().rsplit_once('-')?;
    match role {
        "client" => n.parse().ok().map(|n| Seat::Client(ClientId(n))),
        "retail" => n.parse().ok().map(|n| Seat::RetailBanker(BankId(n))),
        "business" => n.parse().ok().map(|n| Seat::BusinessBanker(BankId(n))),
        "merchant" => n.parse().ok().map(|n| Seat::Merchant(MerchantId(n))),
        _ => None,
    }
}

/// A seat from its name on the console.
pub fn parse_seat(scenario: &Scenario, name: &str) -> Option<Seat> {
    let (role, id) = name.trim().split_once(':')?;
    let ids = scenario.ids();
    match role {
        "client" => ids.client(id).map(Seat::Client),
        "retail_banker" => ids.bank(id).map(Seat::RetailBanker),
        "business_banker" => ids.bank(id).map(Seat::BusinessBanker),
        "merchant" => ids.merchant(id).map(Seat::Merchant),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_players_get_the_scenarios_seats_then_bankers_merchants_and_households() {
        let scenario = crate::scenario::load(crate::DEFAULT_SCENARIO, "one_town.ron").unwrap();
        let seats = open_seats(&scenario, 30);
        assert_eq!(seats.len(), 30);
        assert_eq!(&seats[..4], scenario.human_seats());
        let unique: std::collections::BTreeSet<_> = seats.iter().collect();
        assert_eq!(unique.len(), 30);
        for seat in seats {
            let name = seat_name(&scenario, seat);
            assert_eq!(parse_seat(&scenario, &name), Some(seat), "{name}");
            assert_eq!(parse_seat_code(&seat_code(seat)), Some(seat));
        }
        assert_eq!(parse_seat_code("pilot-1"), None);
        assert_eq!(parse_seat_code("client-x"), None);
        assert_eq!(
            open_seats(&scenario, 2).len(),
            4,
            "never fewer than the scenario's"
        );
        assert_eq!(parse_seat(&scenario, "pilot:a"), None);
    }
}
