//! The networked workshop's rules, without any socket: the protocol between a player's browser
//! and the facilitator's room, the room that holds the authoritative game, and how fast a
//! connection may send.
pub mod protocol;
pub mod rate;
pub mod room;
#[cfg(test)]
mod tests;

pub use protocol::{MAX_MESSAGE_BYTES, PROTOCOL, ToPlayer, ToRoom, decode, encode};
pub use rate::Rate;
pub use room::{ConnId, Outbox, Room};
