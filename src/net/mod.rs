//! The networked workshop's rules, without any socket: the protocol between a player's browser
//! and the facilitator's room, the room that holds the authoritative game, and how fast a
//! connection may send.
pub mod class;
#[cfg(test)]
mod class_tests;
pub mod history;
pub mod protocol;
pub mod rate;
pub mod room;
pub mod roster;
pub mod saved;
pub mod seats;
pub mod table;
#[cfg(test)]
mod tests;

pub use class::{BotSpread, ClassDebrief, Figure, LessonFigures, TableOutcome};
pub use protocol::{
    Command, MAX_MESSAGE_BYTES, OpenSeat, PROTOCOL, QuizDue, QuizQuestion, SeatState, TableState,
    ToPlayer, ToRoom, decode, encode, report_page,
};
pub use rate::Rate;
pub use room::{ConnId, MAX_TABLES, Outbox, Room};
pub use roster::{Participant, parse_labels};
pub use saved::SavedRoom;
pub use seats::{actor_name, open_seats, parse_seat, parse_seat_code, seat_code, seat_name};
pub use table::{Table, assign_treatments};
