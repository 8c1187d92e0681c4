//! A room: the facilitator's authoritative game and the players' connections. Each player
//! holds one seat by a secret token, sends only that seat's decisions, and receives only that
//! seat's view under the layer. Everything here is pure: the server brings the sockets, the
//! clock and the tokens.
use std::collections::{BTreeMap, BTreeSet};

use super::protocol::{Command, OpenSeat, PROTOCOL, SeatState, ToPlayer, ToRoom, decode};
use crate::feedback::{Answer, Response};
use crate::i18n::{Language, Message, Translations};
use crate::scenario::{QuestionSpec, Text};
use crate::session::{Draft, Session};
use crate::sim::{Own, Seat, Shock, Turn};

/// A connection, numbered by the server.
pub type ConnId = u64;

/// The longest free-text answer kept, in characters.
const MAX_ANSWER_CHARS: usize = 2_000;
/// Wrong room codes one machine may try in a minute: a person mistypes a few; a program that
/// guesses the 331,776 codes would need weeks.
const WRONG_CODES_PER_MINUTE: u32 = 10;
/// The machines remembered for their wrong codes, at most.
const WRONG_CODES_KEPT: usize = 10_000;

/// What the room knows of a connection.
#[derive(Clone, Debug)]
struct Connection {
    language: Language,
    joined: bool,
    seat: Option<Seat>,
    /// Sent the facilitator's secret: it receives the console.
    facilitator: bool,
    /// How fast it may send.
    rate: super::Rate,
    /// The machine it comes from, if the server says (never the loopback's).
    machine: Option<std::net::IpAddr>,
}

/// Debrief answers given with consent, waiting for the server to append them to the log.
struct Answered {
    respondent: u32,
    seat: Seat,
    answers: Vec<(String, Answer)>,
}

/// The facilitator's game and who plays it from where.
pub struct Room {
    code: String,
    /// The facilitator's secret, for commands sent over the network.
    secret: String,
    session: Session,
    /// Each taken seat's secret token.
    tokens: BTreeMap<Seat, String>,
    connections: BTreeMap<ConnId, Connection>,
    /// Seats a bot plays for a player who left.
    stand_ins: BTreeSet<Seat>,
    /// The time each month may take, in minutes; 0 is no limit.
    minutes: u32,
    /// When the month is played without waiting, on the server's clock.
    deadline_ms: Option<u64>,
    /// The server's clock at the last message or tick.
    now_ms: u64,
    /// Seats whose debrief answers are recorded, in the order they answered.
    answered: Vec<Seat>,
    pending: Vec<Answered>,
    /// Something worth saving changed since the last `take_changed`.
    changed: bool,
    /// A change to save at once: a seat taken, a month committed or played, answers given, a
    /// facilitator's command (a draft can wait a second).
    urgent: bool,
    /// Who is deciding changed: every player's table is sent at the next `flush`, once however
    /// many players committed or joined since.
    table_changed: bool,
    /// A seat's connection changed: the facilitators' consoles are sent at the next `flush`.
    consoles_changed: bool,
    /// Connections the server should close once their last messages are out.
    closing: Vec<ConnId>,
    /// Wrong room codes per machine: how many, since when (ms on the server's clock).
    wrong_codes: BTreeMap<std::net::IpAddr, (u32, u64)>,
}

/// Messages to send, each to one connection.
pub type Outbox = Vec<(ConnId, ToPlayer)>;

impl Room {
    /// A room for a game: `code` is what players type, `secret` the facilitator's.
    pub fn new(code: impl Into<String>, secret: impl Into<String>, session: Session) -> Room {
        Room {
            code: code.into(),
            secret: secret.into(),
            session,
            tokens: BTreeMap::new(),
            connections: BTreeMap::new(),
            stand_ins: BTreeSet::new(),
            minutes: 0,
            deadline_ms: None,
            now_ms: 0,
            answered: Vec::new(),
            pending: Vec::new(),
            changed: true,
            urgent: true,
            table_changed: false,
            consoles_changed: false,
            closing: Vec::new(),
            wrong_codes: BTreeMap::new(),
        }
    }

    /// A room read back from disk (see `saved`).
    pub(super) fn resumed(
        code: String,
        secret: String,
        session: Session,
        tokens: Vec<(Seat, String)>,
        stand_ins: Vec<Seat>,
        minutes: u32,
        answered: Vec<Seat>,
    ) -> Room {
        let mut room = Room::new(code, secret, session);
        room.tokens = tokens.into_iter().collect();
        room.stand_ins = stand_ins.into_iter().collect();
        room.minutes = minutes;
        room.answered = answered;
        // The month being decided gets its full time again from the restart.
        room.restart_clock();
        room
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    /// The facilitator's secret.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    pub(super) fn tokens(&self) -> impl Iterator<Item = (Seat, &str)> {
        self.tokens.iter().map(|(s, t)| (*s, t.as_str()))
    }

    pub(super) fn stand_ins(&self) -> impl Iterator<Item = Seat> + '_ {
        self.stand_ins.iter().copied()
    }

    pub fn minutes(&self) -> u32 {
        self.minutes
    }

    pub(super) fn answered(&self) -> &[Seat] {
        &self.answered
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The human seats nobody holds yet.
    pub fn free_seats(&self) -> Vec<Seat> {
        self.session
            .humans()
            .iter()
            .copied()
            .filter(|s| !self.tokens.contains_key(s) && !self.stand_ins.contains(s))
            .collect()
    }

    /// The seats held by a connection now.
    pub fn connected_seats(&self) -> Vec<Seat> {
        self.connections.values().filter_map(|c| c.seat).collect()
    }

    /// Every seat, who holds it and how far it is: the facilitator's console.
    pub fn seat_states(&self) -> Vec<SeatState> {
        let connected = self.connected_seats();
        self.session
            .humans()
            .iter()
            .map(|&seat| SeatState {
                seat,
                taken: self.tokens.contains_key(&seat),
                connected: connected.contains(&seat),
                done: self.session.is_done(seat),
                bot: self.stand_ins.contains(&seat),
            })
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
                seat: None,
                facilitator: false,
                rate: super::Rate::PLAYER,
                machine: machine.filter(|m| !m.is_loopback()),
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

    /// Connections the server should close (a seat the facilitator freed), since the last call.
    pub fn take_closing(&mut self) -> Vec<ConnId> {
        std::mem::take(&mut self.closing)
    }

    /// The tables and consoles that changed since the last call, each sent once: 30 players who
    /// commit within one tick (250 ms on the server) send each player one table, not 30.
    pub fn flush(&mut self) -> Outbox {
        let out = if self.table_changed {
            self.table_for_all()
        } else if self.consoles_changed {
            self.consoles()
        } else {
            Vec::new()
        };
        self.table_changed = false;
        self.consoles_changed = false;
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

    /// The clock moved on: a month whose time is up is played with the decisions as they
    /// stand; the tables and consoles that changed are sent.
    pub fn tick(&mut self, now_ms: u64) -> Outbox {
        self.now_ms = self.now_ms.max(now_ms);
        let due = self.deadline_ms.is_some_and(|d| self.now_ms >= d);
        if !due || self.session.paused().is_some() || self.session.is_finished() {
            return self.flush();
        }
        let before = self.session.turn();
        match self.session.play_now() {
            Ok(_) => self.after_change(before),
            // A refused decision keeps the month open; try again at the next tick.
            Err(_) => self.flush(),
        }
    }

    /// A facilitator's command, from the server's own console or over the network.
    pub fn facilitate(&mut self, command: Command) -> Result<Outbox, Message> {
        let before = self.session.turn();
        match command {
            Command::Status => return Ok(self.consoles()),
            Command::Pause { question } => {
                // One of the scenario's discussion questions is shown in each player's language.
                let discussion = &self.session.scenario().file.discussion;
                let question = question.filter(|q| !q.trim().is_empty()).map(|q| {
                    discussion
                        .iter()
                        .find(|d| d.en == q || d.fr == q)
                        .cloned()
                        .unwrap_or(Text {
                            en: q.clone(),
                            fr: q,
                        })
                });
                self.session.pause(question);
            }
            Command::Resume => {
                self.session.resume();
                self.restart_clock();
            }
            Command::Advance => {
                self.session.play_now()?;
            }
            Command::Rewind { after } => {
                let mut back = self.session.rewound(after)?;
                // The seats, tokens and stand-ins stay; the months after `after` are gone.
                std::mem::swap(&mut self.session, &mut back);
                self.answered.clear();
                self.must_save();
                self.restart_clock();
                self.stand_in_for_month();
                return Ok(self.everyone());
            }
            Command::Reveal { layer } => {
                self.session.apply_shock(Shock::Transparency(layer))?;
            }
            Command::Shock { shock } => {
                self.session.apply_shock(shock)?;
            }
            Command::Announce { message } => {
                self.session.announce(Text {
                    en: message.clone(),
                    fr: message,
                });
            }
            Command::StandIn { seat } => {
                if !self.session.humans().contains(&seat) {
                    return Err(Message::new("net-not-a-seat"));
                }
                self.stand_ins.insert(seat);
                self.stand_in_for_month();
            }
            Command::Free { seat } => {
                if !self.session.humans().contains(&seat) {
                    return Err(Message::new("net-not-a-seat"));
                }
                // Its token stops working; whoever holds it is told and let go, and may take
                // a free seat again. Its draft stays for the next player.
                self.tokens.remove(&seat);
                self.stand_ins.remove(&seat);
                let mut out = Vec::new();
                for (&conn, c) in self.connections.iter_mut() {
                    if c.seat == Some(seat) {
                        c.seat = None;
                        let reason = Translations::shared(c.language)
                            .message(&Message::new("net-seat-freed"));
                        out.push((conn, ToPlayer::Refused { reason }));
                        self.closing.push(conn);
                    }
                }
                self.must_save();
                out.extend(self.after_change(before));
                return Ok(out);
            }
            Command::Minutes { minutes } => {
                self.minutes = minutes;
                self.restart_clock();
            }
        }
        self.must_save();
        Ok(self.after_change(before))
    }

    /// Debrief answers given since the last call, as lines for the facilitator's log.
    pub fn take_feedback(&mut self, recorded_at: &str) -> Vec<Response> {
        let scenario = self.session.scenario().id().to_string();
        let mut lines = Vec::new();
        for a in std::mem::take(&mut self.pending) {
            for (question, answer) in a.answers {
                lines.push(Response::new(
                    &self.code,
                    &scenario,
                    a.respondent,
                    Some(a.seat.role()),
                    &question,
                    answer,
                    recorded_at.to_string(),
                ));
            }
        }
        lines
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
                if !self.session.humans().contains(&seat) {
                    return Err(Message::new("net-not-a-seat"));
                }
                if self.tokens.contains_key(&seat) || self.stand_ins.contains(&seat) {
                    return Err(Message::new("net-seat-taken"));
                }
                let token = new_token();
                self.tokens.insert(seat, token.clone());
                self.must_save();
                self.seat(conn, seat);
                let mut out = vec![(conn, ToPlayer::Seated { seat, token })];
                out.extend(self.view_for(conn));
                out.extend(self.table_for(conn));
                Ok(out)
            }
            ToRoom::Draft { draft } => {
                let seat = self.deciding_seat(&c)?;
                if !fits(seat, &draft) {
                    return Err(Message::new("net-wrong-draft"));
                }
                // Refused before it is stored: a draft the month could not play would hold the
                // table (and a restarted room) for good.
                self.session.check_draft(seat, &draft)?;
                if let Some(d) = self.session.draft_mut(seat) {
                    *d = draft;
                }
                self.changed = true;
                Ok(Vec::new())
            }
            ToRoom::Verdict { case, approve } => {
                let seat = self.deciding_seat(&c)?;
                let theirs = self.session.view(seat).is_some_and(|v| match &v.own {
                    Own::Bank(b) => b.cases.iter().any(|k| k.case == case),
                    _ => false,
                });
                if !theirs {
                    return Err(Message::new("net-not-your-case"));
                }
                self.session.set_verdict(case, approve);
                self.changed = true;
                Ok(Vec::new())
            }
            ToRoom::Commit => {
                let seat = self.deciding_seat(&c)?;
                let before = self.session.turn();
                self.session.commit(seat)?;
                // Saved within the second; a month it plays is saved at once.
                self.changed = true;
                if self.session.turn() != before {
                    Ok(self.after_change(before))
                } else {
                    self.table_changed = true;
                    let mut out = self.view_for(conn);
                    out.extend(self.table_for(conn));
                    Ok(out)
                }
            }
            ToRoom::Feedback { consent, answers } => {
                let seat = c.seat.ok_or_else(|| Message::new("net-no-seat"))?;
                if !self.session.is_finished() {
                    return Err(Message::new("net-not-finished"));
                }
                if !consent || self.answered.contains(&seat) {
                    // Without consent nothing is kept; twice (a resend after a dropped
                    // connection) keeps the first.
                    return Ok(vec![(conn, ToPlayer::Recorded { answers: 0 })]);
                }
                let answers = self.checked_answers(answers)?;
                self.answered.push(seat);
                let count = answers.len();
                self.pending.push(Answered {
                    respondent: self.answered.len() as u32,
                    seat,
                    answers,
                });
                self.must_save();
                self.consoles_changed = true;
                Ok(vec![(conn, ToPlayer::Recorded { answers: count })])
            }
            ToRoom::Facilitate { token, command } => {
                if token != self.secret {
                    return Err(Message::new("net-not-facilitator"));
                }
                if let Some(c) = self.connections.get_mut(&conn) {
                    c.facilitator = true;
                }
                self.facilitate(command)
            }
        }
    }

    /// Answers to the scenario's own questions, within their scales and options.
    fn checked_answers(
        &self,
        answers: Vec<(String, Answer)>,
    ) -> Result<Vec<(String, Answer)>, Message> {
        let questions = &self.session.scenario().file.debrief;
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
        let seat = match token {
            None => None,
            Some(t) => Some(
                self.tokens
                    .iter()
                    .find(|(_, secret)| **secret == t)
                    .map(|(s, _)| *s)
                    .ok_or_else(|| Message::new("net-bad-token"))?,
            ),
        };
        if let Some(c) = self.connections.get_mut(&conn) {
            c.joined = true;
            c.language = Language::from_code(language).unwrap_or_default();
        }
        let mut out = vec![(
            conn,
            ToPlayer::Joined {
                protocol: PROTOCOL,
                free: self
                    .free_seats()
                    .into_iter()
                    .map(|seat| OpenSeat {
                        seat,
                        name: super::seats::actor_name(&self.session, seat),
                    })
                    .collect(),
            },
        )];
        if let Some(seat) = seat {
            // Back after a closed tab or a dropped network: the seat and its draft are kept.
            // Nobody else's table changes; the consoles hear of it at the next flush.
            self.seat(conn, seat);
            out.extend(self.view_for(conn));
            out.extend(self.table_for(conn));
        }
        Ok(out)
    }

    /// Gives a seat to a connection, taking it from any other connection that held it.
    fn seat(&mut self, conn: ConnId, seat: Seat) {
        for c in self.connections.values_mut() {
            if c.seat == Some(seat) {
                c.seat = None;
            }
        }
        if let Some(c) = self.connections.get_mut(&conn) {
            c.seat = Some(seat);
        }
        self.consoles_changed = true;
    }

    /// The seat a connection decides for, if it holds one and the table is not stopped.
    fn deciding_seat(&self, c: &Connection) -> Result<Seat, Message> {
        let seat = c.seat.ok_or_else(|| Message::new("net-no-seat"))?;
        if self.session.is_finished() {
            return Err(Message::new("session-over"));
        }
        if self.stand_ins.contains(&seat) {
            return Err(Message::new("net-bot-plays"));
        }
        if self.session.is_done(seat) {
            return Err(Message::new("net-already-done"));
        }
        Ok(seat)
    }

    /// After a month was played or the table changed: the stand-ins decide the new month, the
    /// clock restarts, and everyone sees where the table is.
    fn after_change(&mut self, before: Turn) -> Outbox {
        if self.session.turn() != before {
            self.must_save();
            self.restart_clock();
            self.stand_in_for_month();
        }
        self.everyone()
    }

    /// The bots standing in for players decide this month and are done (which may play it, and
    /// the months after if every seat is a bot's).
    fn stand_in_for_month(&mut self) {
        let mut guard = usize::from(self.session.scenario().turns()) + 1;
        while guard > 0 && self.session.paused().is_none() && !self.session.is_finished() {
            guard -= 1;
            let turn = self.session.turn();
            let seats: Vec<Seat> = self
                .stand_ins
                .iter()
                .copied()
                .filter(|s| !self.session.is_done(*s))
                .collect();
            for seat in seats {
                if let (Some(bot), Some(d)) =
                    (self.session.bot_draft(seat), self.session.draft(seat))
                    && fits(seat, &bot)
                    && *d != bot
                    && let Some(d) = self.session.draft_mut(seat)
                {
                    *d = bot;
                }
                if self.session.commit(seat).is_err() {
                    return;
                }
            }
            if self.session.turn() == turn {
                return;
            }
            self.restart_clock();
        }
    }

    fn restart_clock(&mut self) {
        self.deadline_ms = (self.minutes > 0 && !self.session.is_finished())
            .then(|| self.now_ms + u64::from(self.minutes) * 60_000);
    }

    /// Every connection's view, the table's progress and the facilitators' consoles.
    fn everyone(&mut self) -> Outbox {
        let conns: Vec<ConnId> = self.connections.keys().copied().collect();
        let mut out: Outbox = conns.into_iter().flat_map(|k| self.view_for(k)).collect();
        out.extend(self.table_for_all());
        self.table_changed = false;
        self.consoles_changed = false;
        out
    }

    /// The view of the seat a connection holds: its own, under the layer, nothing more.
    fn view_for(&self, conn: ConnId) -> Outbox {
        let Some(seat) = self.connections.get(&conn).and_then(|c| c.seat) else {
            return Vec::new();
        };
        let (Some(view), Some(draft)) = (self.session.view(seat), self.session.draft(seat)) else {
            return Vec::new();
        };
        let paused = self.session.paused();
        let verdicts = match &view.own {
            Own::Bank(b) => b
                .cases
                .iter()
                .filter_map(|k| self.session.verdict(k.case).map(|v| (k.case, v)))
                .collect(),
            _ => Vec::new(),
        };
        vec![(
            conn,
            ToPlayer::View {
                turn: self.session.turn(),
                turns: self.session.scenario().turns(),
                view: Box::new(view),
                draft: *draft,
                verdicts,
                news: self.session.news().to_vec(),
                committed: self.session.is_done(seat) || self.stand_ins.contains(&seat),
                paused: paused.is_some(),
                question: paused.flatten().cloned(),
                finished: self.session.is_finished(),
                questions: if self.session.is_finished() {
                    self.session.scenario().file.debrief.clone()
                } else {
                    Vec::new()
                },
                seconds_left: self.deadline_ms.map(|d| {
                    u32::try_from(d.saturating_sub(self.now_ms) / 1_000).unwrap_or(u32::MAX)
                }),
            },
        )]
    }

    /// Who is still deciding this month, for every joined connection, and the facilitators'
    /// consoles.
    fn table_for_all(&self) -> Outbox {
        let table = self.table();
        let mut out: Outbox = self
            .connections
            .iter()
            .filter(|(_, c)| c.joined && !c.facilitator)
            .map(|(k, _)| (*k, table.clone()))
            .collect();
        out.extend(self.consoles());
        out
    }

    /// Who is still deciding this month, for one connection.
    fn table_for(&self, conn: ConnId) -> Outbox {
        vec![(conn, self.table())]
    }

    fn table(&self) -> ToPlayer {
        let (done, deciding): (Vec<Seat>, Vec<Seat>) = self
            .session
            .humans()
            .iter()
            .partition(|s| self.session.is_done(**s));
        ToPlayer::Table { deciding, done }
    }

    /// The console, for every facilitator's connection.
    fn consoles(&self) -> Outbox {
        let states = self.seat_states();
        self.connections
            .iter()
            .filter(|(_, c)| c.facilitator)
            .map(|(k, _)| {
                (
                    *k,
                    ToPlayer::Console {
                        turn: self.session.turn(),
                        turns: self.session.scenario().turns(),
                        paused: self.session.paused().is_some(),
                        seats: states.clone(),
                    },
                )
            })
            .collect()
    }
}

/// Whether a draft is of the seat's role.
fn fits(seat: Seat, draft: &Draft) -> bool {
    matches!(
        (seat, draft),
        (Seat::Client(_), Draft::Client(_))
            | (Seat::RetailBanker(_), Draft::Retail(_))
            | (Seat::BusinessBanker(_), Draft::Business(_))
            | (Seat::Merchant(_), Draft::Merchant(_))
    )
}
