//! The messages between a player's browser and the facilitator's room, as JSON with a protocol
//! version; decoding never panics, whatever the bytes, and refuses what is too large.
use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::scenario::Text;
use crate::session::Draft;
use crate::sim::{CaseId, Seat, SeatView, Turn};

/// The protocol spoken here; a client speaking another gets a clear message.
pub const PROTOCOL: u32 = 1;

/// The largest message a client may send, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;

/// What a player's browser sends to the room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ToRoom {
    /// The first message: the protocol, the room's code, the player's language, and the seat's
    /// secret token when coming back.
    Join {
        protocol: u32,
        room: String,
        language: String,
        token: Option<String>,
    },
    /// Take a free seat.
    Claim { seat: Seat },
    /// The seat's decision as it stands (it replaces the one before).
    Draft { draft: Draft },
    /// A banker's verdict on a case waiting for them; `None` leaves it to the policy.
    Verdict { case: CaseId, approve: Option<bool> },
    /// Done for the month.
    Commit,
}

/// What the room sends to one player's browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToPlayer {
    /// In the room: the seats still free.
    Joined { protocol: u32, free: Vec<Seat> },
    /// The seat is this player's; the token gets it back after a reconnection.
    Seated { seat: Seat, token: String },
    /// What the seat may see now, and its decision so far: nothing the layer hides.
    View {
        turn: Turn,
        view: Box<SeatView>,
        draft: Draft,
        news: Vec<Text>,
        committed: bool,
    },
    /// Who is still deciding this month (no numbers).
    Table {
        deciding: Vec<Seat>,
        done: Vec<Seat>,
    },
    /// The last message was refused and changed nothing, and why, in the player's language.
    Refused { reason: String },
}

/// Reads a message from a browser: too large, not JSON, or not a message of this protocol is
/// refused with the reason.
pub fn decode(bytes: &[u8]) -> Result<ToRoom, Message> {
    if bytes.len() > MAX_MESSAGE_BYTES {
        return Err(Message::new("net-too-large")
            .with("size", bytes.len())
            .with("max", MAX_MESSAGE_BYTES));
    }
    serde_json::from_slice(bytes)
        .map_err(|e| Message::new("net-malformed").with("detail", e.to_string()))
}

/// Writes a message for a browser.
pub fn encode(message: &ToPlayer) -> String {
    serde_json::to_string(message)
        .unwrap_or_else(|_| String::from("{\"type\":\"refused\",\"reason\":\"\"}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_join_reads_back_and_foreign_or_large_messages_are_refused() {
        let join = ToRoom::Join {
            protocol: PROTOCOL,
            room: "ABCD".into(),
            language: "fr".into(),
            token: None,
        };
        let text = serde_json::to_string(&join).unwrap();
        assert_eq!(decode(text.as_bytes()).unwrap(), join);
        assert_eq!(decode(b"{\"type\":\"commit\"}").unwrap(), ToRoom::Commit);
        assert_eq!(
            decode(b"{\"type\":\"launch\"}").unwrap_err().id,
            "net-malformed"
        );
        let mut claim = serde_json::to_value(ToRoom::Claim {
            seat: Seat::Client(crate::sim::ClientId(3)),
        })
        .unwrap();
        claim["extra"] = 1.into();
        let extra = serde_json::to_vec(&claim).unwrap();
        assert_eq!(decode(&extra).unwrap_err().id, "net-malformed");
        let big = vec![b' '; MAX_MESSAGE_BYTES + 1];
        assert_eq!(decode(&big).unwrap_err().id, "net-too-large");
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn any_text_with_a_type_decodes_without_panicking(kind in "[a-z_]{0,12}", body in ".{0,200}") {
            let text = format!("{{\"type\":\"{kind}\",{body}}}");
            let _ = decode(text.as_bytes());
        }
    }
}
