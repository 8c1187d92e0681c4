//! The networked workshop's rules, without any socket: the protocol between a player's browser
//! and the facilitator's room, the room that holds the authoritative game, and how fast a
//! connection may send.
pub mod protocol;
pub mod rate;
pub mod room;
pub mod saved;
pub mod seats;
#[cfg(test)]
mod tests;

pub use protocol::{
    Command, MAX_MESSAGE_BYTES, OpenSeat, PROTOCOL, SeatState, ToPlayer, ToRoom, decode, encode,
};
pub use rate::Rate;
pub use room::{ConnId, Outbox, Room};
pub use saved::SavedRoom;
pub use seats::{actor_name, open_seats, parse_seat, parse_seat_code, seat_code, seat_name};
