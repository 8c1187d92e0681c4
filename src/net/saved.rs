//! A room on disk: its code, and for each table the seats' tokens, the bots, the answers already recorded, the month's drafts and the session log. A restarted server reads it back and the players' browsers find their seats again.
use serde::{Deserialize, Serialize};

use super::room::Room;
use super::table::Table;
use crate::i18n::Message;
use crate::scenario::Text;
use crate::session::{Draft, Session, SessionLog};
use crate::sim::{CaseId, Seat, Shock, Transparency};

/// What the file says it is.
pub const FORMAT: &str = "glassbank-room";
/// The version this game writes; it reads version 1 too (a room of one table).
pub const VERSION: u32 = 2;

/// Everything a room needs to go on after a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedRoom {
    pub format: String,
    pub version: u32,
    pub code: String,
    pub secret: String,
    /// The seed of the draw that gave the tables their treatments, if they have any.
    #[serde(default)]
    pub draw_seed: Option<u64>,
    /// How long a seat may stay empty before a bot plays it, in seconds; 0 is never.
    #[serde(default)]
    pub away_seconds: u32,
    /// The class's roster: labels, personal secrets and tables.
    #[serde(default)]
    pub roster: Vec<super::Participant>,
    pub tables: Vec<SavedTable>,
}

/// One table of a saved room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedTable {
    #[serde(default)]
    pub treatment: Option<Transparency>,
    pub tokens: Vec<(Seat, String)>,
    pub stand_ins: Vec<Seat>,
    /// Of the stand-ins, the bots that took a seat nobody held (given back to a player).
    #[serde(default)]
    pub away_bots: Vec<Seat>,
    pub minutes: u32,
    /// Seats whose debrief answers are in the feedback log, in the order they answered.
    pub answered: Vec<Seat>,
    /// Seats that answered or declined the quiz, before the first month and after the debrief.
    #[serde(default)]
    pub quiz_before: Vec<Seat>,
    #[serde(default)]
    pub quiz_after: Vec<Seat>,
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

/// A table of a saved room without its log, written before the log's JSON (`Room::saved_json`).
#[derive(Serialize)]
struct TableHead<'a> {
    treatment: Option<Transparency>,
    tokens: Vec<(Seat, &'a str)>,
    stand_ins: Vec<Seat>,
    away_bots: Vec<Seat>,
    minutes: u32,
    answered: &'a [Seat],
    quiz_before: Vec<Seat>,
    quiz_after: Vec<Seat>,
    drafts: Vec<(Seat, Draft)>,
    done: Vec<Seat>,
    verdicts: Vec<(CaseId, bool)>,
    shocks: &'a [Shock],
    paused: Option<Option<&'a Text>>,
}

/// The room without its tables, written around them.
#[derive(Serialize)]
struct RoomHead<'a> {
    format: &'a str,
    version: u32,
    code: &'a str,
    secret: &'a str,
    draw_seed: Option<u64>,
    away_seconds: u32,
    roster: &'a [super::Participant],
}

/// Each human seat's draft of the month being decided.
fn drafts(s: &Session) -> Vec<(Seat, Draft)> {
    s.humans()
        .iter()
        .filter_map(|&seat| s.draft(seat).map(|d| (seat, *d)))
        .collect()
}

/// The human seats done for the month being decided.
fn done(s: &Session) -> Vec<Seat> {
    s.humans()
        .iter()
        .copied()
        .filter(|seat| s.is_done(*seat))
        .collect()
}

/// A room of version 1: one table, its fields beside the room's.
#[derive(Deserialize)]
struct SavedRoomV1 {
    code: String,
    secret: String,
    #[serde(flatten)]
    table: SavedTable,
}

impl SavedRoom {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a saved room, saying what is wrong with a damaged or foreign file.
    pub fn parse(text: &str) -> Result<SavedRoom, Message> {
        let damaged =
            |e: serde_json::Error| Message::new("log-damaged").with("detail", e.to_string());
        let value: serde_json::Value = serde_json::from_str(text).map_err(damaged)?;
        let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != FORMAT {
            return Err(Message::new("log-foreign").with("format", format.to_string()));
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(1) => {
                let old: SavedRoomV1 = serde_json::from_value(value).map_err(damaged)?;
                Ok(SavedRoom {
                    format: FORMAT.into(),
                    version: VERSION,
                    code: old.code,
                    secret: old.secret,
                    draw_seed: None,
                    away_seconds: 0,
                    roster: Vec::new(),
                    tables: vec![old.table],
                })
            }
            Some(v) if v == u64::from(VERSION) => serde_json::from_value(value).map_err(damaged),
            v => Err(Message::new("log-older")
                .with("version", v.unwrap_or(0))
                .with("reads", VERSION)),
        }
    }
}

impl Table {
    /// The table's session log as JSON, made again only once it changed (a month played, or the
    /// table gone back): a class's room is written often, its logs seldom change.
    pub fn log_json(&mut self) -> std::sync::Arc<str> {
        let key = self.log_key();
        match &self.log_cache {
            Some((k, json)) if *k == key => json.clone(),
            _ => {
                let json: std::sync::Arc<str> = serde_json::to_string(&self.session.log())
                    .unwrap_or_default()
                    .into();
                self.log_cache = Some((key, json.clone()));
                json
            }
        }
    }

    /// The table without its log, as JSON.
    fn head_json(&self) -> String {
        let s = &self.session;
        let head = TableHead {
            treatment: self.treatment,
            tokens: self.tokens.iter().map(|(s, t)| (*s, t.as_str())).collect(),
            stand_ins: self.stand_ins.iter().copied().collect(),
            away_bots: self.away_bots.iter().copied().collect(),
            minutes: self.minutes,
            answered: &self.answered,
            quiz_before: self.quiz_before.iter().copied().collect(),
            quiz_after: self.quiz_after.iter().copied().collect(),
            drafts: drafts(s),
            done: done(s),
            verdicts: s.verdicts().collect(),
            shocks: s.pending_shocks(),
            paused: s.paused(),
        };
        serde_json::to_string(&head).unwrap_or_default()
    }

    /// The table as it stands, to write to disk.
    fn saved(&self) -> SavedTable {
        let s = &self.session;
        SavedTable {
            treatment: self.treatment,
            tokens: self
                .tokens
                .iter()
                .map(|(s, t)| (*s, t.to_string()))
                .collect(),
            stand_ins: self.stand_ins.iter().copied().collect(),
            away_bots: self.away_bots.iter().copied().collect(),
            minutes: self.minutes,
            answered: self.answered.clone(),
            quiz_before: self.quiz_before.iter().copied().collect(),
            quiz_after: self.quiz_after.iter().copied().collect(),
            drafts: drafts(s),
            done: done(s),
            verdicts: s.verdicts().collect(),
            shocks: s.pending_shocks().to_vec(),
            paused: s.paused().map(|q| q.cloned()),
            log: s.log(),
        }
    }

    /// A table read back: the game replayed from its log (checking the books month by month),
    /// then the month being decided as it was.
    fn restore(saved: SavedTable) -> Result<Table, Message> {
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
        let mut table = Table::new(session, saved.treatment);
        table.tokens = saved.tokens.into_iter().collect();
        table.stand_ins = saved.stand_ins.into_iter().collect();
        table.away_bots = saved.away_bots.into_iter().collect();
        table.minutes = saved.minutes;
        table.answered = saved.answered;
        table.quiz_before = saved.quiz_before.into_iter().collect();
        table.quiz_after = saved.quiz_after.into_iter().collect();
        Ok(table)
    }
}

impl Room {
    /// The room as it stands, to write to disk.
    pub fn saved(&self) -> SavedRoom {
        SavedRoom {
            format: FORMAT.into(),
            version: VERSION,
            code: self.code().into(),
            secret: self.secret().into(),
            draw_seed: self.draw_seed(),
            away_seconds: self.away_seconds(),
            roster: self.roster().to_vec(),
            tables: self.tables().iter().map(Table::saved).collect(),
        }
    }

    /// The room as its file's JSON, the same as `saved`'s: each table without its log, then
    /// the log's JSON, made again only for the tables whose log changed.
    pub fn saved_json(&mut self) -> String {
        let head = RoomHead {
            format: FORMAT,
            version: VERSION,
            code: self.code(),
            secret: self.secret(),
            draw_seed: self.draw_seed(),
            away_seconds: self.away_seconds(),
            roster: self.roster(),
        };
        let head = serde_json::to_string(&head).unwrap_or_default();
        let mut out = String::with_capacity(head.len() + 64);
        // `{...}` becomes `{..., "tables": [...]}`.
        out.push_str(head.strip_suffix('}').unwrap_or(&head));
        out.push_str(",\"tables\":[");
        for t in 0..self.tables().len() {
            if t > 0 {
                out.push(',');
            }
            let table_head = self.tables()[t].head_json();
            let log = self.table_mut(t).log_json();
            out.push_str(table_head.strip_suffix('}').unwrap_or(&table_head));
            out.push_str(",\"log\":");
            out.push_str(&log);
            out.push('}');
        }
        out.push_str("]}");
        out
    }

    /// A room read back, each table replayed from its log.
    pub fn restore(saved: SavedRoom) -> Result<Room, Message> {
        let tables = saved
            .tables
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                Table::restore(t).map_err(|why| {
                    Message::new("net-table-refused")
                        .with("table", i + 1)
                        .with("reason", why)
                })
            })
            .collect::<Result<Vec<Table>, Message>>()?;
        let mut room = Room::resumed(
            saved.code,
            saved.secret,
            tables,
            saved.draw_seed,
            saved.away_seconds,
        )?;
        room.restore_roster(saved.roster);
        Ok(room)
    }
}
