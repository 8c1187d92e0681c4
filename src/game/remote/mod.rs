//! Playing in a networked workshop: this game (in a browser or on a desktop) as one player's
//! seat in a room the facilitator runs with `glassbank serve`. The room sends only this seat's
//! view; the screen edits a draft and sends it; a dropped connection comes back by itself with
//! the seat's secret, kept in the browser's storage.
mod class;
mod link;
pub mod screen;
pub mod tablet;

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::feedback::Answer;
use crate::i18n::Language;
use crate::net::{OpenSeat, PROTOCOL, ToPlayer, ToRoom};
use crate::scenario::{QuestionSpec, Text};
use crate::session::Draft;
use crate::sim::{CaseId, Seat, SeatView, Turn};

pub use link::Link;

pub fn plugin(app: &mut App) {
    app.init_resource::<Remote>()
        .init_non_send::<Link>()
        .add_systems(
            Update,
            link::pump.run_if(in_state(crate::game::Screen::Remote)),
        );
    screen::plugin(app);
}

/// Where the player is in joining and playing.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    /// Typing the room's code (and, on a desktop, its address).
    #[default]
    Form,
    Connecting,
    /// In the room, choosing among the free seats.
    Choosing(Vec<OpenSeat>),
    Playing,
    /// The facilitator's tablet: the class's console and the projector.
    Facilitating,
}

/// The month as the room last showed it to this seat.
#[derive(Clone, Debug, PartialEq)]
pub struct Month {
    pub turn: Turn,
    pub turns: Turn,
    pub view: Box<SeatView>,
    pub news: Vec<Text>,
    pub committed: bool,
    pub paused: bool,
    pub question: Option<Text>,
    pub finished: bool,
    pub questions: Vec<QuestionSpec>,
    /// Seconds left when the view arrived, and when that was.
    pub seconds_left: Option<(u32, web_time::Instant)>,
    /// The quiz to answer now, if any.
    pub quiz: Option<Box<crate::net::QuizDue>>,
}

/// This player's side of the room.
#[derive(Resource, Default)]
pub struct Remote {
    /// The room's WebSocket address (`ws://host:port/ws`); in a browser, the page's server.
    pub address: String,
    /// Where seats' secrets are kept between visits (the data folder's `rooms/`, the browser's
    /// storage on the web); none: not kept.
    pub store: Option<std::path::PathBuf>,
    pub code: String,
    pub phase: Phase,
    pub language: Language,
    pub seat: Option<Seat>,
    /// The seat a link asked for: taken at once if free.
    pub wanted: Option<Seat>,
    /// The table of a class the room placed this player at (from 0).
    pub table: Option<usize>,
    token: Option<String>,
    pub month: Option<Month>,
    /// The decision being edited, and the one the room has.
    pub draft: Option<Draft>,
    sent_draft: Option<Draft>,
    sent_at: Option<web_time::Instant>,
    pub verdicts: BTreeMap<CaseId, bool>,
    sent_verdicts: BTreeMap<CaseId, bool>,
    /// How many at the table are still deciding this month, and how many are done.
    pub deciding: u16,
    pub done: u16,
    /// The room's last refusal, or a connection problem, in the player's language.
    pub notice: Option<String>,
    pub consent: Option<bool>,
    pub answers: BTreeMap<String, Answer>,
    /// The quiz being answered: the option chosen for each question, and the consent asked.
    pub quiz_choices: BTreeMap<String, usize>,
    pub quiz_consent: bool,
    /// The room has the answers (how many were kept).
    pub recorded: Option<usize>,
    /// Messages waiting for the connection.
    pub outbox: Vec<ToRoom>,
    pub tab: crate::game::screens::turn::Tab,
    pub chain: crate::game::panels::chain::Span,
    /// The room's secret when this page is the facilitator's (`#host=` in its address); it
    /// goes with each command and is never kept.
    pub facilitator: Option<String>,
    /// The class as the room last sent it to the facilitator's page.
    pub console: Option<tablet::Console>,
    pub class: Option<Box<crate::net::ClassDebrief>>,
    pub tablet: tablet::Tablet,
}

/// How long edits wait before going to the room, so a dragged slider sends a few messages,
/// not one per frame.
const DRAFT_PAUSE_MS: u128 = 300;

impl Remote {
    /// A room to join: its address and code; a seat's secret kept from an earlier visit is
    /// used to come back to it.
    pub fn join(&mut self, address: String, code: String, language: Language) {
        self.address = address;
        self.code = code.trim().to_uppercase();
        self.language = language;
        self.token = self
            .token_path()
            .and_then(|path| crate::platform::read_text(&path).ok())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        self.phase = Phase::Connecting;
        self.notice = None;
    }

    /// The connection opened: say who we are, before anything still waiting to go out.
    pub fn opened(&mut self) {
        self.outbox.insert(
            0,
            ToRoom::Join {
                protocol: PROTOCOL,
                room: self.code.clone(),
                language: self.language.code().into(),
                token: self.token.clone(),
            },
        );
    }

    /// A participant's personal link (a class's roster): its secret takes them to their table,
    /// and to their seat once they have one, on any device; kept like a seat's secret.
    pub fn use_personal_link(&mut self, secret: String) {
        if let Some(path) = self.token_path() {
            let _ = crate::platform::write_text(&path, &secret);
        }
        self.token = Some(secret);
    }

    /// Takes a free seat.
    pub fn claim(&mut self, seat: Seat) {
        self.outbox.push(ToRoom::Claim { seat });
    }

    /// A message from the room.
    pub fn apply(&mut self, message: ToPlayer) {
        match message {
            ToPlayer::Joined { free, table, .. } => {
                self.notice = None;
                self.table = table;
                if self.facilitator.is_some() {
                    // The facilitator's page takes no seat: it asks for the console.
                    self.phase = Phase::Facilitating;
                    self.facilitate(None, crate::net::Command::Status);
                    return;
                }
                // Coming back with a seat's secret, the seat's view follows (and replaces this
                // choice); a personal link without a seat yet chooses one at its table.
                if self.token.is_none() || self.seat.is_none() {
                    match self.wanted.take() {
                        Some(seat) if free.iter().any(|f| f.seat == seat) => self.claim(seat),
                        _ => self.phase = Phase::Choosing(free),
                    }
                }
            }
            ToPlayer::Seated { seat, token } => {
                if let Some(path) = self.token_path() {
                    let _ = crate::platform::write_text(&path, &token);
                }
                self.seat = Some(seat);
                self.token = Some(token);
                self.phase = Phase::Playing;
            }
            ToPlayer::View {
                turn,
                turns,
                view,
                draft,
                verdicts,
                news,
                committed,
                paused,
                question,
                finished,
                questions,
                seconds_left,
                quiz,
                history_from,
            } => {
                // The months of history this page already holds come first. The room counts
                // them per connection, and a new connection gets them all again, so they are
                // there; if not, the charts show the months sent.
                let mut view = view;
                if let Some(previous) = &self.month {
                    crate::net::history::restore(&previous.view, &mut view, history_from);
                }
                let edits = self.draft.is_some() && self.draft != self.sent_draft;
                let same_month = self.month.as_ref().is_some_and(|m| m.turn == turn);
                if !(edits && same_month) || committed {
                    self.draft = Some(draft);
                    self.sent_draft = Some(draft);
                    self.verdicts = verdicts.into_iter().collect();
                    self.sent_verdicts = self.verdicts.clone();
                }
                self.seat = Some(view.seat);
                self.month = Some(Month {
                    turn,
                    turns,
                    view,
                    news,
                    committed,
                    paused,
                    question,
                    finished,
                    questions,
                    seconds_left: seconds_left.map(|s| (s, crate::platform::now())),
                    quiz,
                });
                self.phase = Phase::Playing;
            }
            ToPlayer::Committed { turn } => {
                if let Some(m) = self.month.as_mut().filter(|m| m.turn == turn) {
                    m.committed = true;
                }
            }
            ToPlayer::Progress { deciding, done } => {
                self.deciding = deciding;
                self.done = done;
            }
            ToPlayer::Recorded { answers } => self.recorded = Some(answers),
            ToPlayer::Console {
                tables,
                away,
                report,
            } => {
                self.console = Some(tablet::Console {
                    tables,
                    away,
                    report,
                });
            }
            ToPlayer::Class { debrief } => self.class = Some(debrief),
            ToPlayer::ClassBots {
                played,
                games,
                spreads,
            } => {
                if let Some(class) = self.class.as_mut() {
                    class.with_bots(played, games, spreads.as_deref());
                }
            }
            ToPlayer::Refused { reason } => {
                if self.phase == Phase::Connecting && self.token.is_some() {
                    // The room does not know this seat's secret (a new room with the same
                    // code): forget it and join without.
                    self.token = None;
                    if let Some(path) = self.token_path() {
                        let _ = crate::platform::write_text(&path, "");
                    }
                    self.opened();
                }
                self.notice = Some(reason);
            }
        }
    }

    /// A facilitator's command for one table (from 0) or all, with the room's secret.
    pub fn facilitate(&mut self, table: Option<usize>, command: crate::net::Command) {
        let Some(token) = self.facilitator.clone() else {
            return;
        };
        self.notice = None;
        self.outbox.push(ToRoom::Facilitate {
            token,
            table,
            command,
        });
    }

    /// Edits waiting for the room go out once the player pauses (or at once with `now`).
    pub fn flush(&mut self, now: web_time::Instant, at_once: bool) {
        let waited = self
            .sent_at
            .is_none_or(|t| now.saturating_duration_since(t).as_millis() >= DRAFT_PAUSE_MS);
        if !(waited || at_once) {
            return;
        }
        if let Some(draft) = self.draft
            && self.sent_draft != Some(draft)
        {
            self.outbox.push(ToRoom::Draft { draft });
            self.sent_draft = Some(draft);
            self.sent_at = Some(now);
        }
        let changed: Vec<(CaseId, Option<bool>)> = self
            .verdicts
            .iter()
            .filter(|(c, v)| self.sent_verdicts.get(c) != Some(v))
            .map(|(c, v)| (*c, Some(*v)))
            .chain(
                self.sent_verdicts
                    .keys()
                    .filter(|c| !self.verdicts.contains_key(c))
                    .map(|c| (*c, None)),
            )
            .collect();
        for (case, approve) in changed {
            self.outbox.push(ToRoom::Verdict { case, approve });
            self.sent_at = Some(now);
        }
        self.sent_verdicts = self.verdicts.clone();
    }

    /// Done for the month: the last edits, then the word.
    pub fn commit(&mut self, now: web_time::Instant) {
        self.flush(now, true);
        self.outbox.push(ToRoom::Commit);
    }

    /// Sends the questionnaire's answers (none without consent).
    pub fn send_answers(&mut self) {
        let consent = self.consent == Some(true);
        self.outbox.push(ToRoom::Feedback {
            consent,
            answers: if consent {
                self.answers.clone().into_iter().collect()
            } else {
                Vec::new()
            },
        });
    }

    /// Sends the quiz's answers, with consent, or none without (the quiz is not asked again).
    pub fn send_quiz(&mut self, phase: crate::feedback::QuizPhase, consent: bool) {
        let answers = if consent {
            std::mem::take(&mut self.quiz_choices).into_iter().collect()
        } else {
            Vec::new()
        };
        self.quiz_choices.clear();
        // Each quiz asks for its own consent: the one after the debrief is not taken for given.
        self.quiz_consent = false;
        self.outbox.push(ToRoom::Quiz {
            phase,
            consent,
            answers,
        });
    }

    /// Where this room's seat secret is kept, if anywhere.
    fn token_path(&self) -> Option<std::path::PathBuf> {
        let safe: String = self
            .code
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        self.store
            .as_ref()
            .map(|dir| dir.join(format!("seat-{safe}.txt")))
    }

    /// The connection dropped: everything is kept, and the room is joined again.
    pub fn lost(&mut self) {
        if self.phase != Phase::Form {
            self.phase = if self.seat.is_some() {
                Phase::Playing
            } else {
                Phase::Connecting
            };
        }
    }
}
