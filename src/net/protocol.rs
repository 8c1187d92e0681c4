//! The messages between a player's browser and the facilitator's room, as JSON with a protocol
//! version; decoding never panics, whatever the bytes, and refuses what is too large.
use serde::{Deserialize, Serialize};

use crate::feedback::{Answer, QuizPhase};
use crate::i18n::Message;
use crate::scenario::{QuestionSpec, Text};
use crate::session::Draft;
use crate::sim::{CaseId, Seat, SeatView, Transparency, Turn};

/// The protocol spoken here; a client speaking another gets a clear message.
pub const PROTOCOL: u32 = 6;

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
    /// The quiz's answers (question id, option from 0), before the first month or after the
    /// debrief; recorded only with the player's consent, once per seat and phase. Without
    /// consent the seat is not asked again.
    Quiz {
        phase: QuizPhase,
        consent: bool,
        answers: Vec<(String, usize)>,
    },
    /// The debrief questionnaire's answers, by question id; recorded only with the player's
    /// consent, once per seat.
    Feedback {
        consent: bool,
        answers: Vec<(String, Answer)>,
    },
    /// A facilitator's command, with the facilitator's secret (shown on the server's screen),
    /// for one table (from 0) or, without one, for every table.
    Facilitate {
        token: String,
        #[serde(default)]
        table: Option<usize>,
        command: Command,
    },
}

/// What the facilitator does to a room: a command to its tables' games, or to who holds the
/// seats and how long a month may take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// A command to a table's game, carried out by `Session::facilitate`.
    Table(crate::session::Command),
    /// A bot plays this seat from now on (a player who left).
    StandIn { seat: Seat },
    /// The seat is free again: its token stops working and whoever holds it is let go (a
    /// stranger who took it, a player who must change seats).
    Free { seat: Seat },
    /// The time each month may take, in minutes; 0 is no limit.
    Minutes { minutes: u32 },
    /// How long a seat may stay empty (its player gone, or nobody came) before a bot plays it,
    /// in seconds; 0 is never. The player who comes back gets it back.
    Away { seconds: u32 },
    /// Who is connected and who has decided, without changing anything.
    Status,
}

/// What the room sends to one player's browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToPlayer {
    /// In the room: the seats still free at the player's table (from 0; absent in a room of
    /// one table).
    Joined {
        protocol: u32,
        free: Vec<OpenSeat>,
        #[serde(default)]
        table: Option<usize>,
    },
    /// The seat is this player's; the token gets it back after a reconnection.
    Seated { seat: Seat, token: String },
    /// What the seat may see now, and its decision so far: nothing the layer hides.
    View {
        turn: Turn,
        /// The months the game lasts.
        turns: Turn,
        view: Box<SeatView>,
        draft: Draft,
        /// The seat's verdicts so far on the cases waiting for it.
        verdicts: Vec<(CaseId, bool)>,
        news: Vec<Text>,
        committed: bool,
        /// Stopped for discussion, and the question on screen if any.
        paused: bool,
        question: Option<Text>,
        /// Every month has been played: the debrief, and its questionnaire.
        finished: bool,
        questions: Vec<QuestionSpec>,
        /// Seconds left before the month is played without waiting, if the facilitator set a
        /// time.
        seconds_left: Option<u32>,
        /// The quiz, when this seat has it to answer now (before the first month, after the
        /// debrief).
        #[serde(default)]
        quiz: Option<Box<QuizDue>>,
        /// Where the view's histories start: the months before are those of the page's last
        /// view (`net::history`).
        #[serde(default)]
        history_from: super::history::HistoryFrom,
    },
    /// The seat is done for month `turn`: its page keeps the view it has.
    Committed { turn: Turn },
    /// How many of the table's players are still deciding this month, and how many are done
    /// (counts only: a player's page says how many it waits for).
    Progress { deciding: u16, done: u16 },
    /// The debrief answers are in the facilitator's log (or were not kept, without consent).
    Recorded { answers: usize },
    /// For the facilitator: every table, and at each every seat, who holds it and how far it
    /// is; how long a seat may stay empty before a bot plays it (seconds, 0: never); where
    /// the class's report is served (a path on this server ending in `/`: the language's code
    /// and `report.html` follow).
    Console {
        tables: Vec<TableState>,
        #[serde(default)]
        away: u32,
        #[serde(default)]
        report: Option<String>,
    },
    /// For the facilitator's projector: the class debrief, each finished table's outcomes and
    /// the scenario's lessons (sent to a new facilitator, and when a table finishes or goes
    /// back; the bots' progress alone comes as `ClassBots`).
    Class { debrief: Box<super::ClassDebrief> },
    /// The bots' games moved on and nothing else of the class debrief changed: their progress
    /// and, once every game is played, each lesson's spread, for the debrief the page has.
    ClassBots {
        played: u32,
        games: u32,
        spreads: Option<Vec<[super::BotSpread; 2]>>,
    },
    /// The last message was refused and changed nothing, and why, in the player's language.
    Refused { reason: String },
}

/// The quiz a seat has to answer now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizDue {
    pub phase: QuizPhase,
    pub questions: Vec<QuizQuestion>,
}

/// A question of the quiz as a player sees it: without its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizQuestion {
    pub id: String,
    pub prompt: Text,
    pub options: Vec<Text>,
}

/// A free seat and the name of the actor it plays (a bank, a shop, a household).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSeat {
    pub seat: Seat,
    pub name: String,
}

/// One table as the facilitator sees it: its month, its treatment and its seats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableState {
    /// From 0.
    pub table: usize,
    pub treatment: Option<Transparency>,
    pub turn: Turn,
    pub turns: Turn,
    pub paused: bool,
    pub finished: bool,
    /// The time each month may take, in minutes; 0 is no limit.
    #[serde(default)]
    pub minutes: u32,
    pub seats: Vec<SeatState>,
}

/// One seat as the facilitator sees it: no numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatState {
    pub seat: Seat,
    /// A player has taken it.
    pub taken: bool,
    /// Its player's connection is open.
    pub connected: bool,
    /// Done for this month; every seat is once the game is over.
    pub done: bool,
    /// A bot plays it.
    pub bot: bool,
}

impl SeatState {
    /// The message saying where the seat is: a bot's, free, disconnected, done or deciding.
    pub fn state_key(&self) -> &'static str {
        if self.bot {
            "serve-seat-bot"
        } else if !self.taken {
            "serve-seat-free"
        } else if !self.connected {
            "serve-seat-away"
        } else if self.done {
            "serve-seat-done"
        } else {
            "serve-seat-deciding"
        }
    }
}

/// The class report's page in `language`, under the path a console's `report` gives.
pub fn report_page(report: &str, language: crate::i18n::Language) -> String {
    format!("{report}{}/report.html", language.code())
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
