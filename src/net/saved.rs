//! A room on disk: its code, the seats' tokens, the stand-ins, the answers already recorded,
//! the month's drafts and the session log. A restarted server reads it back and the players'
//! browsers find their seats again.
use serde::{Deserialize, Serialize};

use super::room::Room;
use crate::i18n::Message;
use crate::scenario::Text;
use crate::session::{Draft, Session, SessionLog};
use crate::sim::{CaseId, Seat, Shock};

/// What the file says it is.
pub const FORMAT: &str = "glassbank-room";
/// The version this game writes and reads.
pub const VERSION: u32 = 1;

/// Everything a room needs to go on after a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedRoom {
    pub format: String,
    pub version: u32,
    pub code: String,
    pub secret: String,
    pub tokens: Vec<(Seat, String)>,
    pub stand_ins: Vec<Seat>,
    pub minutes: u32,
    /// Seats whose debrief answers are in the feedback log, in the order they answered.
    pub answered: Vec<Seat>,
    /// The month being decided: each seat's draft, who is done, the verdicts, the shocks
    /// applied by hand and whether the table is stopped.
    pub drafts: Vec<(Seat, Draft)>,
    pub done: Vec<Seat>,
    pub verdicts: Vec<(CaseId, bool)>,
    pub shocks: Vec<Shock>,
    pub paused: Option<Option<Text>>,
    /// The months played.
    pub log: SessionLog,
}

impl SavedRoom {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a saved room, saying what is wrong with a damaged or foreign file.
    pub fn parse(text: &str) -> Result<SavedRoom, Message> {
        let saved: SavedRoom = serde_json::from_str(text)
            .map_err(|e| Message::new("log-damaged").with("detail", e.to_string()))?;
        if saved.format != FORMAT {
            return Err(Message::new("log-foreign").with("format", saved.format));
        }
        if saved.version != VERSION {
            return Err(Message::new("log-older")
                .with("version", saved.version)
                .with("reads", VERSION));
        }
        Ok(saved)
    }
}

impl Room {
    /// The room as it stands, to write to disk.
    pub fn saved(&self) -> SavedRoom {
        let s = self.session();
        SavedRoom {
            format: FORMAT.into(),
            version: VERSION,
            code: self.code().into(),
            secret: self.secret().into(),
            tokens: self.tokens().map(|(s, t)| (s, t.to_string())).collect(),
            stand_ins: self.stand_ins().collect(),
            minutes: self.minutes(),
            answered: self.answered().to_vec(),
            drafts: s
                .humans()
                .iter()
                .filter_map(|&seat| s.draft(seat).map(|d| (seat, *d)))
                .collect(),
            done: s
                .humans()
                .iter()
                .copied()
                .filter(|seat| s.is_done(*seat))
                .collect(),
            verdicts: s.verdicts().collect(),
            shocks: s.pending_shocks().to_vec(),
            paused: s.paused().map(|q| q.cloned()),
            log: s.log(),
        }
    }

    /// A room read back: the game replayed from its log (checking the books month by month),
    /// then the month being decided as it was.
    pub fn restore(saved: SavedRoom) -> Result<Room, Message> {
        let mut session = Session::replay(&saved.log, None)?;
        // The replay stops at the month's scripted pause, if it has one; the file says whether
        // the table was still stopped. The seats done are committed while it is not.
        session.resume();
        for shock in &saved.shocks {
            session.apply_shock(*shock)?;
        }
        for (seat, draft) in &saved.drafts {
            // A draft the month could not play (a file from before the limits) is not kept:
            // the seat starts the month from its current settings.
            if session.check_draft(*seat, draft).is_err() {
                continue;
            }
            if let Some(d) = session.draft_mut(*seat) {
                *d = *draft;
            }
        }
        for (case, approve) in &saved.verdicts {
            session.set_verdict(*case, Some(*approve));
        }
        for seat in &saved.done {
            session.commit(*seat)?;
        }
        if let Some(question) = saved.paused {
            session.pause(question);
        }
        Ok(Room::resumed(
            saved.code,
            saved.secret,
            session,
            saved.tokens,
            saved.stand_ins,
            saved.minutes,
            saved.answered,
        ))
    }
}
