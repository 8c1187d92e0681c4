//! A room: the facilitator's tables and the players' connections. One code opens it; each
//! player is placed at a table as they join (the emptiest, or the one their seat's token names),
//! holds one seat there by a secret token, sends only that seat's decisions, and receives only
//! that seat's view under its table's layer. Everything here is pure: the server brings the
//! sockets, the clock and the tokens.
use std::collections::BTreeMap;

use super::protocol::{Command, OpenSeat, PROTOCOL, TableState, ToPlayer, ToRoom, decode};
use super::table::{Answered, Table, fits};
use crate::feedback::{Answer, Response};
use crate::i18n::{Language, Message, Translations};
use crate::scenario::QuestionSpec;
use crate::session::Session;
use crate::sim::{Own, Seat, Transparency};

/// A connection, numbered by the server.
pub type ConnId = u64;

/// The longest free-text answer kept, in characters.
const MAX_ANSWER_CHARS: usize = 2_000;
/// Wrong room codes one machine may try in a minute: a person mistypes a few; a program that
/// guesses the 331,776 codes would need weeks.
const WRONG_CODES_PER_MINUTE: u32 = 10;
/// The machines remembered for their wrong codes, at most.
const WRONG_CODES_KEPT: usize = 10_000;
/// The most tables a room holds.
pub const MAX_TABLES: usize = 64;

/// What the room knows of a connection.
#[derive(Clone, Debug)]
struct Connection {
    language: Language,
    joined: bool,
    /// The table it was placed at when it joined.
    table: usize,
    seat: Option<Seat>,
    /// Sent the facilitator's secret: it receives the console.
    facilitator: bool,
    /// How fast it may send.
    rate: super::Rate,
    /// The machine it comes from, if the server says (never the loopback's).
    machine: Option<std::net::IpAddr>,
    /// What its page holds from the views sent to it (months of history, the offers).
    holds: super::history::Held,
    /// The roster's participant whose personal link it came with, if any (from 0).
    participant: Option<usize>,
}

/// The facilitator's tables and who plays them from where.
pub struct Room {
    code: String,
    /// The facilitator's secret, for commands sent over the network.
    secret: String,
    /// At least one.
    tables: Vec<Table>,
    /// The seed of the draw that gave the tables their treatments, if they have any.
    draw_seed: Option<u64>,
    connections: BTreeMap<ConnId, Connection>,
    /// How long a seat may stay empty before a bot plays it, in seconds; 0 is never.
    away_seconds: u32,
    /// The server's clock at the last message or tick.
    now_ms: u64,
    /// Something worth saving changed since the last `take_changed`.
    changed: bool,
    /// A change to save at once: a seat taken, a month committed or played, answers given, a
    /// facilitator's command (a draft can wait a second).
    urgent: bool,
    /// A seat's connection changed: the facilitators' consoles are sent at the next `flush`.
    consoles_changed: bool,
    /// Messages of a command some tables refused, sent at the next `flush`.
    queued: Outbox,
    /// Connections the server should close once their last messages are out.
    closing: Vec<ConnId>,
    /// Wrong room codes per machine: how many, since when (ms on the server's clock).
    wrong_codes: BTreeMap<std::net::IpAddr, (u32, u64)>,
    /// The bots' games for the scenario's lessons, as far as the server has played them.
    bots: super::class::BotGames,
    /// What the facilitators' class debrief was last made of (`class_key`).
    class_sent: Option<ClassKey>,
    /// The class's roster, if it has one: each participant's personal link and table.
    roster: Vec<super::Participant>,
    /// Where the server serves the class's report, for the facilitators' consoles (a path
    /// with a key of its own; none where nothing serves it).
    report: Option<String>,
}

/// What a class debrief is made of: the finished tables at their months, and how far the bots'
/// games have gone.
type ClassKey = (Vec<(usize, super::table::LogKey)>, u32, bool);

/// Messages to send, each to one connection.
pub type Outbox = Vec<(ConnId, ToPlayer)>;

impl Room {
    /// A room of one table: `code` is what players type, `secret` the facilitator's.
    pub fn new(code: impl Into<String>, secret: impl Into<String>, session: Session) -> Room {
        Room::with_tables(
            code.into(),
            secret.into(),
            vec![Table::new(session, None)],
            None,
        )
    }

    /// A class: one table per session, each with its treatment, drawn from `draw_seed`.
    pub fn class(
        code: impl Into<String>,
        secret: impl Into<String>,
        tables: Vec<(Session, Option<Transparency>)>,
        draw_seed: Option<u64>,
    ) -> Result<Room, Message> {
        if tables.is_empty() || tables.len() > MAX_TABLES {
            return Err(Message::new("net-tables")
                .with("found", tables.len())
                .with("max", MAX_TABLES));
        }
        let tables = tables
            .into_iter()
            .map(|(session, treatment)| Table::new(session, treatment))
            .collect();
        Ok(Room::with_tables(
            code.into(),
            secret.into(),
            tables,
            draw_seed,
        ))
    }

    fn with_tables(
        code: String,
        secret: String,
        tables: Vec<Table>,
        draw_seed: Option<u64>,
    ) -> Room {
        Room {
            code,
            secret,
            tables,
            draw_seed,
            connections: BTreeMap::new(),
            away_seconds: 0,
            now_ms: 0,
            changed: true,
            urgent: true,
            consoles_changed: false,
            queued: Vec::new(),
            closing: Vec::new(),
            wrong_codes: BTreeMap::new(),
            bots: super::class::BotGames::default(),
            class_sent: None,
            roster: Vec::new(),
            report: None,
        }
    }

    /// A room read back from disk (see `saved`): its tables as they were.
    pub(super) fn resumed(
        code: String,
        secret: String,
        tables: Vec<Table>,
        draw_seed: Option<u64>,
        away_seconds: u32,
    ) -> Result<Room, Message> {
        if tables.is_empty() || tables.len() > MAX_TABLES {
            return Err(Message::new("net-tables")
                .with("found", tables.len())
                .with("max", MAX_TABLES));
        }
        let mut room = Room::with_tables(code, secret, tables, draw_seed);
        room.away_seconds = away_seconds;
        // The month being decided gets its full time again from the restart.
        for t in &mut room.tables {
            t.restart_clock(0);
        }
        Ok(room)
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    /// The facilitator's secret.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    pub fn tables(&self) -> &[Table] {
        &self.tables
    }

    pub fn table_mut(&mut self, table: usize) -> &mut Table {
        &mut self.tables[table]
    }

    pub fn draw_seed(&self) -> Option<u64> {
        self.draw_seed
    }

    pub fn away_seconds(&self) -> u32 {
        self.away_seconds
    }

    /// The first table's game: a room of one table's only one.
    pub fn session(&self) -> &Session {
        &self.tables[0].session
    }

    /// The time each month of the first table may take, in minutes.
    pub fn minutes(&self) -> u32 {
        self.tables[0].minutes
    }

    /// The first table's seats nobody holds yet.
    pub fn free_seats(&self) -> Vec<Seat> {
        self.tables[0].free_seats()
    }

    /// The seats held by a connection now at a table.
    pub fn connected_seats(&self, table: usize) -> Vec<Seat> {
        self.connections
            .values()
            .filter(|c| c.table == table)
            .filter_map(|c| c.seat)
            .collect()
    }

    /// The first table's seats, who holds them and how far they are.
    pub fn seat_states(&self) -> Vec<super::SeatState> {
        self.tables[0].state(0, &self.connected_seats(0)).seats
    }

    /// Every table, its month and its seats: the facilitator's console.
    pub fn table_states(&self) -> Vec<TableState> {
        self.tables
            .iter()
            .enumerate()
            .map(|(i, t)| t.state(i, &self.connected_seats(i)))
            .collect()
    }

    /// Whether something worth saving changed since the last call.
    pub fn take_changed(&mut self) -> bool {
        self.urgent = false;
        std::mem::take(&mut self.changed)
    }

    /// The room's file could not be written: it is written again at the next save.
    pub fn keep_unsaved(&mut self) {
        self.changed = true;
    }

    /// Whether a change must be saved now rather than within the second.
    pub fn is_urgent(&self) -> bool {
        self.urgent
    }

    /// Something changed that must be saved at once.
    fn must_save(&mut self) {
        self.changed = true;
        self.urgent = true;
    }

    /// A new connection; it must join before anything else.
    pub fn connect(&mut self, conn: ConnId) {
        self.connect_from(conn, None);
    }

    /// A new connection from a machine, whose wrong room codes are counted together.
    pub fn connect_from(&mut self, conn: ConnId, machine: Option<std::net::IpAddr>) {
        self.connections.insert(
            conn,
            Connection {
                language: Language::En,
                joined: false,
                table: 0,
                seat: None,
                facilitator: false,
                rate: super::Rate::PLAYER,
                machine: machine.filter(|m| !m.is_loopback()),
                holds: Default::default(),
                participant: None,
            },
        );
    }

    /// A closed connection: its seat stays taken, for its token to claim again. The consoles
    /// hear of it at the next `flush`.
    pub fn disconnect(&mut self, conn: ConnId) {
        if self
            .connections
            .remove(&conn)
            .is_some_and(|c| c.seat.is_some())
        {
            self.consoles_changed = true;
        }
    }

    /// How many connections have joined the room.
    pub fn connections_joined(&self) -> usize {
        self.connections.values().filter(|c| c.joined).count()
    }

    /// Whether a connection has joined the room.
    pub fn has_joined(&self, conn: ConnId) -> bool {
        self.connections.get(&conn).is_some_and(|c| c.joined)
    }

    /// The table a connection was placed at, once it joined.
    pub fn table_of(&self, conn: ConnId) -> Option<usize> {
        self.connections
            .get(&conn)
            .filter(|c| c.joined)
            .map(|c| c.table)
    }

    /// Connections the server should close (a seat the facilitator freed), since the last call.
    pub fn take_closing(&mut self) -> Vec<ConnId> {
        std::mem::take(&mut self.closing)
    }

    /// The tables' progress and the consoles that changed since the last call, each sent once:
    /// 30 players who commit within one tick (250 ms on the server) send each player one
    /// message of progress, not 30.
    pub fn flush(&mut self) -> Outbox {
        let mut out = std::mem::take(&mut self.queued);
        let mut any = false;
        for t in 0..self.tables.len() {
            if std::mem::take(&mut self.tables[t].progress_changed) {
                out.extend(self.progress_for_all(t));
                any = true;
            }
        }
        if any || self.consoles_changed {
            out.extend(self.consoles());
        }
        self.consoles_changed = false;
        out.extend(self.class_if_changed());
        out
    }

    /// Where the server serves the class's report (see `report`), told to the facilitators'
    /// consoles; never to a player's page.
    pub fn set_report(&mut self, path: Option<String>) {
        self.report = path;
        self.consoles_changed = true;
    }

    /// Where the server serves the class's report, if it does.
    pub fn report(&self) -> Option<&str> {
        self.report.as_deref()
    }

    /// The class's roster: each participant's label, personal secret and table.
    pub fn roster(&self) -> &[super::Participant] {
        &self.roster
    }

    /// Gives the class a roster: each label a personal link's secret and a table drawn from
    /// `seed`, evenly. A room that has one keeps it (a restarted server's links still work).
    pub fn set_roster(
        &mut self,
        labels: Vec<String>,
        seed: u64,
        new_token: &mut dyn FnMut() -> String,
    ) {
        if !self.roster.is_empty() {
            return;
        }
        self.roster = super::roster::seat_participants(labels, self.tables.len(), seed, new_token);
        self.must_save();
    }

    /// A roster read back from the room's file.
    pub(super) fn restore_roster(&mut self, roster: Vec<super::Participant>) {
        self.roster = roster
            .into_iter()
            .filter(|p| p.table < self.tables.len())
            .collect();
    }

    /// How far the server has played the bots' games for the lessons; the facilitators get
    /// their progress (`ToPlayer::ClassBots`) at the next `flush`.
    pub fn set_bot_games(&mut self, bots: super::class::BotGames) {
        self.bots = bots;
    }

    fn class_key(&self) -> ClassKey {
        let finished = self
            .tables
            .iter()
            .enumerate()
            .filter(|(_, t)| t.session.is_finished())
            .map(|(i, t)| (i, t.log_key()))
            .collect();
        (finished, self.bots.played, self.bots.spreads.is_some())
    }

    /// The class debrief for every facilitator, if a table finished (or went back) since it was
    /// last sent; if only the bots' games moved on, their progress alone (every facilitator's
    /// page got the whole debrief when it joined).
    fn class_if_changed(&mut self) -> Outbox {
        let key = self.class_key();
        let sent = self.class_sent.replace(key.clone());
        if sent.as_ref() == Some(&key) {
            return Vec::new();
        }
        let facilitators = self.facilitators();
        if sent.is_some_and(|sent| sent.0 == key.0) {
            let bots = ToPlayer::ClassBots {
                played: self.bots.played,
                games: self.bots.games,
                spreads: self.bots.spreads.clone(),
            };
            return facilitators
                .into_iter()
                .map(|k| (k, bots.clone()))
                .collect();
        }
        self.class_for(&facilitators)
    }

    /// The class debrief for these connections, each in its language.
    fn class_for(&mut self, conns: &[ConnId]) -> Outbox {
        if conns.is_empty() {
            return Vec::new();
        }
        let of = self.tables.len();
        let outcomes: Vec<super::TableOutcome> =
            (0..of).filter_map(|i| self.tables[i].outcome(i)).collect();
        let scenario = self.tables[0].session.scenario();
        let mut made: Vec<(Language, ToPlayer)> = Vec::new();
        let mut out = Vec::new();
        for &conn in conns {
            let language = self
                .connections
                .get(&conn)
                .map_or(Language::En, |c| c.language);
            if !made.iter().any(|(l, _)| *l == language) {
                let tr = Translations::shared(language);
                let debrief = super::class::debrief(scenario, outcomes.clone(), of, &self.bots, tr);
                made.push((
                    language,
                    ToPlayer::Class {
                        debrief: Box::new(debrief),
                    },
                ));
            }
            if let Some((_, message)) = made.iter().find(|(l, _)| *l == language) {
                out.push((conn, message.clone()));
            }
        }
        out
    }

    /// Handles what a connection sent at `now_ms` (the server's clock). A message that is too
    /// fast, malformed, out of turn or for another seat changes nothing and is answered with the
    /// reason; `new_token` makes a seat's secret.
    pub fn receive(
        &mut self,
        conn: ConnId,
        bytes: &[u8],
        now_ms: u64,
        new_token: &mut dyn FnMut() -> String,
    ) -> Outbox {
        self.now_ms = self.now_ms.max(now_ms);
        let language = self
            .connections
            .get(&conn)
            .map_or(Language::En, |c| c.language);
        let in_time = self
            .connections
            .get_mut(&conn)
            .is_none_or(|c| c.rate.allow(now_ms));
        let handled = if in_time {
            decode(bytes).and_then(|m| self.handle(conn, m, new_token))
        } else {
            Err(Message::new("net-too-fast"))
        };
        match handled {
            Ok(out) => out,
            Err(why) => vec![(
                conn,
                ToPlayer::Refused {
                    reason: Translations::shared(language).message(&why),
                },
            )],
        }
    }

    /// The clock moved on: bots take the seats empty for the away time, a month whose time is
    /// up is played with the decisions as they stand; the progress and consoles that changed
    /// are sent.
    pub fn tick(&mut self, now_ms: u64) -> Outbox {
        self.now_ms = self.now_ms.max(now_ms);
        let now = self.now_ms;
        let away = (self.away_seconds > 0).then(|| u64::from(self.away_seconds) * 1_000);
        let mut out = Vec::new();
        for t in 0..self.tables.len() {
            let before = self.tables[t].session.turn();
            let held = self.connected_seats(t);
            if self.tables[t].stand_in_for_the_away(&held, now, away) {
                self.must_save();
                self.consoles_changed = true;
                out.extend(self.after_change(t, before));
                continue;
            }
            let table = &mut self.tables[t];
            let due = table.deadline_ms.is_some_and(|d| now >= d);
            if !due || table.session.paused().is_some() || table.session.is_finished() {
                continue;
            }
            // A refused decision keeps the month open; it is tried again at the next tick.
            if table.session.play_now().is_ok() {
                out.extend(self.after_change(t, before));
            }
        }
        out.extend(self.flush());
        out
    }

    /// A facilitator's command for every table, from the server's own console or over the
    /// network.
    pub fn facilitate(&mut self, command: Command) -> Result<Outbox, Message> {
        self.facilitate_at(None, command)
    }

    /// A facilitator's command for one table (from 0), or every table. A command some tables
    /// refuse is carried out at the others, and the first refusal said with its table's number.
    pub fn facilitate_at(
        &mut self,
        table: Option<usize>,
        command: Command,
    ) -> Result<Outbox, Message> {
        let mut out = self.command(table, command)?;
        out.extend(self.consoles());
        self.consoles_changed = false;
        out.extend(self.class_if_changed());
        Ok(out)
    }

    fn command(&mut self, table: Option<usize>, command: Command) -> Result<Outbox, Message> {
        let targets: Vec<usize> = match table {
            Some(t) if t < self.tables.len() => vec![t],
            Some(t) => {
                return Err(Message::new("net-no-table")
                    .with("table", t + 1)
                    .with("tables", self.tables.len()));
            }
            None => (0..self.tables.len()).collect(),
        };
        match command {
            Command::Status => Ok(Vec::new()),
            Command::Away { seconds } => {
                self.away_seconds = seconds;
                self.must_save();
                Ok(Vec::new())
            }
            Command::StandIn { seat } | Command::Free { seat } if targets.len() > 1 => {
                let _ = seat;
                Err(Message::new("net-which-table"))
            }
            Command::StandIn { seat } => {
                let t = targets[0];
                let before = self.tables[t].session.turn();
                if !self.tables[t].session.humans().contains(&seat) {
                    return Err(Message::new("net-not-a-seat"));
                }
                self.tables[t].stand_ins.insert(seat);
                self.tables[t].away_bots.remove(&seat);
                self.tables[t].stand_in_for_month(self.now_ms);
                self.must_save();
                Ok(self.after_change(t, before))
            }
            Command::Free { seat } => {
                let t = targets[0];
                let before = self.tables[t].session.turn();
                if !self.tables[t].session.humans().contains(&seat) {
                    return Err(Message::new("net-not-a-seat"));
                }
                // Its token stops working; whoever holds it is told and let go, and may take
                // a free seat again. Its draft stays for the next player.
                self.tables[t].tokens.remove(&seat);
                self.tables[t].stand_ins.remove(&seat);
                self.tables[t].away_bots.remove(&seat);
                let mut out = Vec::new();
                for (&conn, c) in self.connections.iter_mut() {
                    if c.table == t && c.seat == Some(seat) {
                        c.seat = None;
                        let reason = Translations::shared(c.language)
                            .message(&Message::new("net-seat-freed"));
                        out.push((conn, ToPlayer::Refused { reason }));
                        self.closing.push(conn);
                    }
                }
                self.must_save();
                out.extend(self.after_change(t, before));
                Ok(out)
            }
            Command::Minutes { minutes } => {
                let now = self.now_ms;
                for &t in &targets {
                    self.tables[t].minutes = minutes;
                    self.tables[t].restart_clock(now);
                }
                self.must_save();
                let mut out: Outbox = Vec::new();
                for t in targets {
                    out.extend(self.everyone_at(t));
                }
                Ok(out)
            }
            Command::Table(command) => {
                let mut out = Vec::new();
                let mut refused = None;
                // A command for every table passes over those whose game is over (going back
                // excepted): "play the month" at a class whose fastest table has finished.
                let every = table.is_none() && self.tables.len() > 1;
                let rewind = matches!(command, crate::session::Command::Rewind { .. });
                for t in targets {
                    if every && !rewind && self.tables[t].session.is_finished() {
                        continue;
                    }
                    match self.command_table(t, command.clone()) {
                        Ok(o) => out.extend(o),
                        Err(why) if refused.is_none() => refused = Some((t, why)),
                        Err(_) => {}
                    }
                }
                match refused {
                    None => Ok(out),
                    Some((_, why)) if self.tables.len() == 1 => Err(why),
                    Some((t, why)) => {
                        // What the other tables did still reaches their players.
                        self.queued.extend(out);
                        self.consoles_changed = true;
                        Err(Message::new("net-table-refused")
                            .with("table", t + 1)
                            .with("reason", why))
                    }
                }
            }
        }
    }

    /// A command to one table's game.
    fn command_table(
        &mut self,
        t: usize,
        command: crate::session::Command,
    ) -> Result<Outbox, Message> {
        use crate::session::Command as Do;
        let now = self.now_ms;
        let table = &mut self.tables[t];
        let before = table.session.turn();
        let rewind = matches!(command, Do::Rewind { .. });
        let resume = matches!(command, Do::Resume);
        table.session.facilitate(command)?;
        self.must_save();
        let table = &mut self.tables[t];
        if rewind {
            // The seats, tokens and stand-ins stay; the months after the one gone back to are
            // gone, and the answers with them.
            table.answered.clear();
            table.restart_clock(now);
            table.stand_in_for_month(now);
            return Ok(self.everyone_at(t));
        }
        if resume {
            table.restart_clock(now);
        }
        Ok(self.after_change(t, before))
    }

    /// Debrief answers given since the last call, as lines for the facilitator's log.
    pub fn take_feedback(&mut self, recorded_at: &str) -> Vec<Response> {
        let class = self.tables.len() > 1;
        let code = self.code.clone();
        self.tables
            .iter_mut()
            .enumerate()
            .flat_map(|(i, t)| t.take_feedback(&code, class.then_some(i as u32 + 1), recorded_at))
            .collect()
    }

    fn handle(
        &mut self,
        conn: ConnId,
        message: ToRoom,
        new_token: &mut dyn FnMut() -> String,
    ) -> Result<Outbox, Message> {
        let Some(c) = self.connections.get(&conn).cloned() else {
            return Err(Message::new("net-not-connected"));
        };
        if !c.joined && !matches!(message, ToRoom::Join { .. }) {
            return Err(Message::new("net-join-first"));
        }
        let t = c.table;
        match message {
            ToRoom::Join {
                protocol,
                room,
                language,
                token,
            } => self.join(conn, protocol, &room, &language, token),
            ToRoom::Claim { seat } => {
                if c.seat.is_some() {
                    return Err(Message::new("net-already-seated"));
                }
                let table = &mut self.tables[t];
                if !table.session.humans().contains(&seat) {
                    return Err(Message::new("net-not-a-seat"));
                }
                if !table.free_seats().contains(&seat) {
                    return Err(Message::new("net-seat-taken"));
                }
                // A participant of the roster keeps their personal secret as their seat's: their
                // link gets the seat back on any device.
                let token = match c.participant.and_then(|i| self.roster.get(i)) {
                    Some(p) => {
                        let mine = p.token.clone();
                        if table.tokens.values().any(|held| *held == mine) {
                            return Err(Message::new("net-already-seated"));
                        }
                        mine
                    }
                    None => new_token(),
                };
                table.tokens.insert(seat, token.clone());
                table.back_from_away(seat);
                self.must_save();
                self.seat(conn, seat);
                let mut out = vec![(conn, ToPlayer::Seated { seat, token })];
                out.extend(self.view_for(conn));
                out.push((conn, self.tables[t].progress()));
                Ok(out)
            }
            ToRoom::Draft { draft } => {
                let seat = self.deciding_seat(&c)?;
                if !fits(seat, &draft) {
                    return Err(Message::new("net-wrong-draft"));
                }
                let session = &mut self.tables[t].session;
                // Refused before it is stored: a draft the month could not play would hold the
                // table (and a restarted room) for good.
                session.check_draft(seat, &draft)?;
                if let Some(d) = session.draft_mut(seat) {
                    *d = draft;
                }
                self.changed = true;
                Ok(Vec::new())
            }
            ToRoom::Verdict { case, approve } => {
                let seat = self.deciding_seat(&c)?;
                let session = &mut self.tables[t].session;
                let theirs = session.view(seat).is_some_and(|v| match &v.own {
                    Own::Bank(b) => b.cases.iter().any(|k| k.case == case),
                    _ => false,
                });
                if !theirs {
                    return Err(Message::new("net-not-your-case"));
                }
                session.set_verdict(case, approve);
                self.changed = true;
                Ok(Vec::new())
            }
            ToRoom::Commit => {
                let seat = self.deciding_seat(&c)?;
                let table = &mut self.tables[t];
                let before = table.session.turn();
                table.session.commit(seat)?;
                // Saved within the second; a month it plays is saved at once.
                self.changed = true;
                if self.tables[t].session.turn() != before {
                    Ok(self.after_change(t, before))
                } else {
                    // The page keeps its view; the others hear of it at the next flush.
                    self.tables[t].progress_changed = true;
                    Ok(vec![
                        (conn, ToPlayer::Committed { turn: before }),
                        (conn, self.tables[t].progress()),
                    ])
                }
            }
            ToRoom::Quiz {
                phase,
                consent,
                answers,
            } => {
                let seat = c.seat.ok_or_else(|| Message::new("net-no-seat"))?;
                self.tables[t].answer_quiz(seat, phase, consent, answers)?;
                self.must_save();
                self.consoles_changed = true;
                // The view without the quiz: the player goes on to the month, or the debrief.
                Ok(self.view_for(conn))
            }
            ToRoom::Feedback { consent, answers } => {
                let seat = c.seat.ok_or_else(|| Message::new("net-no-seat"))?;
                let table = &self.tables[t];
                if !table.session.is_finished() {
                    return Err(Message::new("net-not-finished"));
                }
                if !consent || table.answered.contains(&seat) {
                    // Without consent nothing is kept; twice (a resend after a dropped
                    // connection) keeps the first.
                    return Ok(vec![(conn, ToPlayer::Recorded { answers: 0 })]);
                }
                let answers = Room::checked_answers(table, answers)?;
                let table = &mut self.tables[t];
                table.answered.push(seat);
                let count = answers.len();
                let respondent = table.answered.len() as u32;
                table.pending.push(Answered {
                    respondent,
                    seat,
                    answers,
                });
                self.must_save();
                self.consoles_changed = true;
                Ok(vec![(conn, ToPlayer::Recorded { answers: count })])
            }
            ToRoom::Facilitate {
                token,
                table,
                command,
            } => {
                if token != self.secret {
                    return Err(Message::new("net-not-facilitator"));
                }
                let newly = !c.facilitator;
                if let Some(c) = self.connections.get_mut(&conn) {
                    c.facilitator = true;
                }
                let mut out = match self.facilitate_at(table, command) {
                    Ok(out) => out,
                    Err(why) => {
                        // A first command refused leaves the connection a player's, so that
                        // its next one is its first and brings the class debrief.
                        if newly && let Some(c) = self.connections.get_mut(&conn) {
                            c.facilitator = false;
                        }
                        return Err(why);
                    }
                };
                if newly
                    && !out
                        .iter()
                        .any(|(k, m)| *k == conn && matches!(m, ToPlayer::Class { .. }))
                {
                    out.extend(self.class_for(&[conn]));
                }
                Ok(out)
            }
        }
    }

    /// Answers to the scenario's own questions, within their scales and options.
    fn checked_answers(
        table: &Table,
        answers: Vec<(String, Answer)>,
    ) -> Result<Vec<(String, Answer)>, Message> {
        let questions = table.questions();
        let mut kept: Vec<(String, Answer)> = Vec::new();
        for (id, answer) in answers {
            let question = questions
                .iter()
                .find(|q| q.id() == id)
                .ok_or_else(|| Message::new("net-no-question").with("id", id.clone()))?;
            let fits = match (question, &answer) {
                (QuestionSpec::Likert { scale, .. }, Answer::Likert(n)) => (1..=*scale).contains(n),
                (QuestionSpec::Choice { options, .. }, Answer::Choice { index, text }) => {
                    options.get(*index).is_some_and(|o| o.en == *text)
                }
                (QuestionSpec::FreeText { .. }, Answer::FreeText(t)) => {
                    t.chars().count() <= MAX_ANSWER_CHARS
                }
                _ => false,
            };
            if !fits || kept.iter().any(|(k, _)| *k == id) {
                return Err(Message::new("net-bad-answer").with("id", id));
            }
            kept.push((id, answer));
        }
        Ok(kept)
    }

    fn join(
        &mut self,
        conn: ConnId,
        protocol: u32,
        room: &str,
        language: &str,
        token: Option<String>,
    ) -> Result<Outbox, Message> {
        if protocol != PROTOCOL {
            return Err(Message::new("net-protocol")
                .with("theirs", protocol)
                .with("ours", PROTOCOL));
        }
        let machine = self.connections.get(&conn).and_then(|c| c.machine);
        let now = self.now_ms;
        let recent = |(count, since): (u32, u64)| now.saturating_sub(since) < 60_000 && count > 0;
        if let Some(m) = machine
            && self
                .wrong_codes
                .get(&m)
                .is_some_and(|&w| recent(w) && w.0 >= WRONG_CODES_PER_MINUTE)
        {
            return Err(Message::new("net-too-many-codes"));
        }
        if !room.trim().eq_ignore_ascii_case(&self.code) {
            if let Some(m) = machine {
                if self.wrong_codes.len() >= WRONG_CODES_KEPT {
                    self.wrong_codes.retain(|_, w| recent(*w));
                }
                let w = self.wrong_codes.entry(m).or_insert((0, now));
                if !recent(*w) {
                    *w = (0, now);
                }
                w.0 += 1;
            }
            return Err(Message::new("net-no-room").with("room", room.to_string()));
        }
        let held = token.as_ref().and_then(|t| {
            self.tables.iter().enumerate().find_map(|(i, table)| {
                table
                    .tokens
                    .iter()
                    .find(|(_, secret)| *secret == t)
                    .map(|(s, _)| (i, *s))
            })
        });
        let participant = token
            .as_ref()
            .and_then(|t| self.roster.iter().position(|p| p.token == *t));
        if token.is_some() && held.is_none() && participant.is_none() {
            return Err(Message::new("net-bad-token"));
        }
        let table = match (held, participant) {
            (Some((t, _)), _) => t,
            (None, Some(i)) => self.roster[i].table,
            (None, None) => self.emptiest_table(),
        };
        if let Some(c) = self.connections.get_mut(&conn) {
            c.joined = true;
            c.table = table;
            c.participant = participant;
            c.language = Language::from_code(language).unwrap_or_default();
        }
        let t = &self.tables[table];
        let mut out = vec![(
            conn,
            ToPlayer::Joined {
                protocol: PROTOCOL,
                free: t
                    .free_seats()
                    .into_iter()
                    .map(|seat| OpenSeat {
                        seat,
                        name: super::seats::actor_name(&t.session, seat),
                    })
                    .collect(),
                table: (self.tables.len() > 1).then_some(table),
            },
        )];
        if let Some((_, seat)) = held {
            // Back after a closed tab or a dropped network: the seat and its draft are kept,
            // and a bot that held it meanwhile gives it back. Nobody else's table changes; the
            // consoles hear of it at the next flush.
            if self.tables[table].away_bots.contains(&seat) {
                self.tables[table].back_from_away(seat);
                self.must_save();
            }
            self.seat(conn, seat);
            out.extend(self.view_for(conn));
            out.push((conn, self.tables[table].progress()));
        }
        Ok(out)
    }

    /// The table a newcomer sits at: of those with a free seat, the one with the fewest
    /// players (seated, or joined and choosing), the first of equals.
    fn emptiest_table(&self) -> usize {
        let load = |t: usize| {
            let choosing = self
                .connections
                .values()
                .filter(|c| c.joined && c.table == t && c.seat.is_none() && !c.facilitator)
                .count();
            self.tables[t].taken() + choosing
        };
        let open: Vec<usize> = (0..self.tables.len())
            .filter(|&t| !self.tables[t].free_seats().is_empty())
            .collect();
        let candidates = if open.is_empty() {
            (0..self.tables.len()).collect()
        } else {
            open
        };
        candidates
            .into_iter()
            .min_by_key(|&t| (load(t), t))
            .unwrap_or(0)
    }

    /// Gives a seat to a connection, taking it from any other connection that held it.
    fn seat(&mut self, conn: ConnId, seat: Seat) {
        let table = self.connections.get(&conn).map_or(0, |c| c.table);
        for (&k, c) in self.connections.iter_mut() {
            if c.table == table && c.seat == Some(seat) && k != conn {
                // The seat goes with the newest page (a reload, another device): the old one
                // is told, at the next flush, rather than left deciding for nothing.
                c.seat = None;
                let reason =
                    Translations::shared(c.language).message(&Message::new("net-seat-elsewhere"));
                self.queued.push((k, ToPlayer::Refused { reason }));
            }
        }
        if let Some(c) = self.connections.get_mut(&conn) {
            c.seat = Some(seat);
            c.holds = Default::default();
        }
        self.consoles_changed = true;
    }

    /// The seat a connection decides for, if it holds one and its table is not over.
    fn deciding_seat(&self, c: &Connection) -> Result<Seat, Message> {
        let seat = c.seat.ok_or_else(|| Message::new("net-no-seat"))?;
        let table = &self.tables[c.table];
        if table.session.is_finished() {
            return Err(Message::new("session-over"));
        }
        if table.stand_ins.contains(&seat) {
            return Err(Message::new("net-bot-plays"));
        }
        if table.session.is_done(seat) {
            return Err(Message::new("net-already-done"));
        }
        Ok(seat)
    }

    /// After a month was played or a table changed: its stand-ins decide the new month, its
    /// clock restarts, and everyone at it sees where it is.
    fn after_change(&mut self, t: usize, before: crate::sim::Turn) -> Outbox {
        if self.tables[t].session.turn() != before {
            self.must_save();
            let now = self.now_ms;
            self.tables[t].restart_clock(now);
            self.tables[t].stand_in_for_month(now);
        }
        self.everyone_at(t)
    }

    /// Every connection's view at a table and the table's progress; the facilitators'
    /// consoles follow at the next `flush`, or with the command's answer.
    fn everyone_at(&mut self, t: usize) -> Outbox {
        let conns: Vec<ConnId> = self
            .connections
            .iter()
            .filter(|(_, c)| c.table == t)
            .map(|(k, _)| *k)
            .collect();
        let mut out: Outbox = Vec::new();
        for k in conns {
            out.extend(self.view_for(k));
        }
        out.extend(self.progress_for_all(t));
        self.tables[t].progress_changed = false;
        // The consoles hear of it once, however many tables changed.
        self.consoles_changed = true;
        out
    }

    /// The view of the seat a connection holds: its own, under its table's layer, nothing
    /// more, without the months of history its page already holds.
    fn view_for(&mut self, conn: ConnId) -> Outbox {
        let Some(c) = self.connections.get(&conn) else {
            return Vec::new();
        };
        let Some(seat) = c.seat else {
            return Vec::new();
        };
        let Some(mut message) = self.tables[c.table].view(seat, self.now_ms) else {
            return Vec::new();
        };
        if let ToPlayer::View {
            view, history_from, ..
        } = &mut message
        {
            let whole = super::history::holding(view);
            *history_from = super::history::trim_held(view, &c.holds);
            if let Some(c) = self.connections.get_mut(&conn) {
                c.holds = whole;
            }
        }
        vec![(conn, message)]
    }

    /// Who is still deciding at a table, for every player joined at it.
    fn progress_for_all(&self, t: usize) -> Outbox {
        let progress = self.tables[t].progress();
        self.connections
            .iter()
            .filter(|(_, c)| c.joined && !c.facilitator && c.table == t)
            .map(|(k, _)| (*k, progress.clone()))
            .collect()
    }

    /// The connections that sent the facilitator's secret.
    fn facilitators(&self) -> Vec<ConnId> {
        self.connections
            .iter()
            .filter(|(_, c)| c.facilitator)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The console, for every facilitator's connection.
    fn consoles(&self) -> Outbox {
        let facilitators = self.facilitators();
        if facilitators.is_empty() {
            return Vec::new();
        }
        let tables = self.table_states();
        facilitators
            .into_iter()
            .map(|k| {
                (
                    k,
                    ToPlayer::Console {
                        tables: tables.clone(),
                        away: self.away_seconds,
                        report: self.report.clone(),
                    },
                )
            })
            .collect()
    }
}
