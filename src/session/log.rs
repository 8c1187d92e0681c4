//! The session log: the scenario (its text and hash), the seed, who played each seat, every
//! turn's decisions and shocks, and a fingerprint of the books after each turn. Replaying it
//! gives the same game, checked turn by turn; stopping early is "go back to turn k"; saving it
//! mid-game is how a game is resumed. A versioned JSON format.
use serde::{Deserialize, Serialize};

use super::{PlayedTurn, Session};
use crate::i18n::Message;
use crate::scenario::{self, Scenario};
use crate::sim::{Decisions, Seat, Shock, Strategy, Turn};

/// What the file says it is.
pub const FORMAT: &str = "glassbank-session";
/// The version this game writes and reads.
pub const VERSION: u32 = 1;

/// One turn as played.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedTurn {
    pub turn: Turn,
    /// Shocks a facilitator applied by hand before the turn (the timeline's are in the scenario).
    pub extra_shocks: Vec<Shock>,
    /// Every shock that took effect, the timeline's included, for people reading the log.
    pub shocks: Vec<Shock>,
    pub decisions: Decisions,
    /// The books' fingerprint after the turn, in hexadecimal.
    pub fingerprint: String,
}

/// A whole game, enough to replay it exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLog {
    pub format: String,
    pub version: u32,
    pub scenario_id: String,
    /// FNV-1a of the scenario text, in hexadecimal.
    pub scenario_hash: String,
    /// The scenario itself, so the log replays anywhere, even where the file is missing.
    pub scenario: String,
    pub seed: u64,
    pub humans: Vec<Seat>,
    pub bots: Vec<(Seat, Strategy)>,
    pub turns: Vec<LoggedTurn>,
}

/// FNV-1a of a text, in hexadecimal: the same on every platform.
pub fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl SessionLog {
    /// The log as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Reads a log, saying clearly what is wrong with an old, newer or foreign file.
    pub fn parse(text: &str) -> Result<SessionLog, Message> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            Message::new("log-not-json")
                .with("line", e.line())
                .with("column", e.column())
        })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            Some(other) => return Err(Message::new("log-foreign").with("format", other)),
            None => return Err(Message::new("log-no-format")),
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) if v > u64::from(VERSION) => {
                return Err(Message::new("log-newer")
                    .with("version", v)
                    .with("reads", VERSION));
            }
            Some(v) => {
                return Err(Message::new("log-older")
                    .with("version", v)
                    .with("reads", VERSION));
            }
            None => return Err(Message::new("log-no-version")),
        }
        // serde's own words name the field that is wrong; they come inside a translated frame.
        serde_json::from_value(value)
            .map_err(|e| Message::new("log-damaged").with("detail", e.to_string()))
    }
}

impl Session {
    /// The log of the game so far.
    pub fn log(&self) -> SessionLog {
        let text = scenario::to_ron(&self.scenario.file);
        SessionLog {
            format: FORMAT.into(),
            version: VERSION,
            scenario_id: self.scenario.id().to_string(),
            scenario_hash: text_hash(&text),
            scenario: text,
            seed: self.seed,
            humans: self.humans.clone(),
            bots: self.bots.clone(),
            turns: self
                .played
                .iter()
                .map(|p| LoggedTurn {
                    turn: p.turn,
                    extra_shocks: p.extra_shocks.clone(),
                    shocks: p.shocks.clone(),
                    decisions: p.decisions.clone(),
                    fingerprint: format!("{:016x}", p.fingerprint),
                })
                .collect(),
        }
    }

    /// Replays a log up to and including turn `stop_at` (all of it if `None`), checking the
    /// books after every turn against the log.
    pub fn replay(log: &SessionLog, stop_at: Option<Turn>) -> Result<Session, Message> {
        if text_hash(&log.scenario) != log.scenario_hash {
            return Err(Message::new("log-scenario-hash"));
        }
        let scenario: Scenario = scenario::load(&log.scenario, &log.scenario_id)
            .map_err(|e| Message::new("log-scenario").with("reason", e.to_message()))?;
        let mut session = Session::new(scenario, log.humans.clone(), &log.bots, Some(log.seed))?;
        for t in &log.turns {
            if stop_at.is_some_and(|stop| t.turn > stop) {
                break;
            }
            if t.turn != session.turn() {
                return Err(Message::new("log-jumps")
                    .with("turn", t.turn)
                    .with("expected", session.turn()));
            }
            for shock in &t.extra_shocks {
                session.apply_shock(*shock)?;
            }
            session.play_decided(t.decisions.clone())?;
            let now = format!("{:016x}", session.economy.ledger().fingerprint());
            if now != t.fingerprint {
                return Err(Message::new("log-differs")
                    .with("turn", t.turn)
                    .with("books", now)
                    .with("logged", t.fingerprint.as_str()));
            }
        }
        Ok(session)
    }
}

/// A played turn as the session keeps it.
pub(super) fn played(
    turn: Turn,
    extra_shocks: Vec<Shock>,
    shocks: Vec<Shock>,
    decisions: Decisions,
    fingerprint: u64,
) -> PlayedTurn {
    PlayedTurn {
        turn,
        extra_shocks,
        shocks,
        decisions,
        fingerprint,
    }
}
