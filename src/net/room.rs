//! A room: the facilitator's authoritative game and the players' connections. Each player
//! holds one seat by a secret token, sends only that seat's decisions, and receives only that
//! seat's view under the layer. Everything here is pure: the server brings the sockets, the
//! clock and the tokens.
use std::collections::BTreeMap;

use super::protocol::{PROTOCOL, ToPlayer, ToRoom, decode};
use crate::i18n::{Language, Message, Translations};
use crate::session::{Draft, Session};
use crate::sim::{Own, Seat};

/// A connection, numbered by the server.
pub type ConnId = u64;

/// What the room knows of a connection.
#[derive(Clone, Debug)]
struct Connection {
    language: Language,
    joined: bool,
    seat: Option<Seat>,
    /// How fast it may send.
    rate: super::Rate,
}

/// The facilitator's game and who plays it from where.
pub struct Room {
    code: String,
    session: Session,
    /// Each taken seat's secret token.
    tokens: BTreeMap<Seat, String>,
    connections: BTreeMap<ConnId, Connection>,
}

/// Messages to send, each to one connection.
pub type Outbox = Vec<(ConnId, ToPlayer)>;

impl Room {
    pub fn new(code: impl Into<String>, session: Session) -> Room {
        Room {
            code: code.into(),
            session,
            tokens: BTreeMap::new(),
            connections: BTreeMap::new(),
        }
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
            .filter(|s| !self.tokens.contains_key(s))
            .collect()
    }

    /// The seats held by a connection now.
    pub fn connected_seats(&self) -> Vec<Seat> {
        self.connections.values().filter_map(|c| c.seat).collect()
    }

    /// A new connection; it must join before anything else.
    pub fn connect(&mut self, conn: ConnId) {
        self.connections.insert(
            conn,
            Connection {
                language: Language::En,
                joined: false,
                seat: None,
                rate: super::Rate::PLAYER,
            },
        );
    }

    /// A closed connection: its seat stays taken, for its token to claim again.
    pub fn disconnect(&mut self, conn: ConnId) {
        self.connections.remove(&conn);
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
                if self.tokens.contains_key(&seat) {
                    return Err(Message::new("net-seat-taken"));
                }
                let token = new_token();
                self.tokens.insert(seat, token.clone());
                self.seat(conn, seat);
                let mut out = vec![(conn, ToPlayer::Seated { seat, token })];
                out.extend(self.view_for(conn));
                out.extend(self.table_for_all());
                Ok(out)
            }
            ToRoom::Draft { draft } => {
                let seat = self.deciding_seat(&c)?;
                if !fits(seat, &draft) {
                    return Err(Message::new("net-wrong-draft"));
                }
                if let Some(d) = self.session.draft_mut(seat) {
                    *d = draft;
                }
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
                Ok(Vec::new())
            }
            ToRoom::Commit => {
                let seat = self.deciding_seat(&c)?;
                let before = self.session.played().len();
                self.session.commit(seat)?;
                if self.session.played().len() > before {
                    // The month was played: everyone sees their seat's new month.
                    let conns: Vec<ConnId> = self.connections.keys().copied().collect();
                    let mut out: Outbox =
                        conns.into_iter().flat_map(|k| self.view_for(k)).collect();
                    out.extend(self.table_for_all());
                    Ok(out)
                } else {
                    let mut out = self.view_for(conn);
                    out.extend(self.table_for_all());
                    Ok(out)
                }
            }
        }
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
        if !room.eq_ignore_ascii_case(&self.code) {
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
                free: self.free_seats(),
            },
        )];
        if let Some(seat) = seat {
            // Back after a closed tab or a dropped network: the seat and its draft are kept.
            self.seat(conn, seat);
            out.extend(self.view_for(conn));
            out.extend(self.table_for_all());
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
    }

    /// The seat a connection decides for, if it holds one and the table is not stopped.
    fn deciding_seat(&self, c: &Connection) -> Result<Seat, Message> {
        let seat = c.seat.ok_or_else(|| Message::new("net-no-seat"))?;
        if self.session.is_finished() {
            return Err(Message::new("session-over"));
        }
        if self.session.is_done(seat) {
            return Err(Message::new("net-already-done"));
        }
        Ok(seat)
    }

    /// The view of the seat a connection holds: its own, under the layer, nothing more.
    fn view_for(&self, conn: ConnId) -> Outbox {
        let Some(seat) = self.connections.get(&conn).and_then(|c| c.seat) else {
            return Vec::new();
        };
        let (Some(view), Some(draft)) = (self.session.view(seat), self.session.draft(seat)) else {
            return Vec::new();
        };
        vec![(
            conn,
            ToPlayer::View {
                turn: self.session.turn(),
                view: Box::new(view),
                draft: *draft,
                news: self.session.news().to_vec(),
                committed: self.session.is_done(seat),
            },
        )]
    }

    /// Who is still deciding, for every joined connection.
    fn table_for_all(&self) -> Outbox {
        let (done, deciding): (Vec<Seat>, Vec<Seat>) = self
            .session
            .humans()
            .iter()
            .partition(|s| self.session.is_done(**s));
        self.connections
            .iter()
            .filter(|(_, c)| c.joined)
            .map(|(k, _)| {
                (
                    *k,
                    ToPlayer::Table {
                        deciding: deciding.clone(),
                        done: done.clone(),
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
