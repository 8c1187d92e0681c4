//! A player's browser, played by a program over a real WebSocket: it joins a room, claims its
//! seat, decides each month by a fixed rule, answers the debrief, and may drop its connection
//! at random moments and come back with its seat's secret. Shared by the loopback test and the
//! room's benchmark.
#![allow(dead_code)]
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use glassbank::feedback::Answer;
use glassbank::net::{PROTOCOL, ToPlayer, ToRoom};
use glassbank::session::Draft;
use glassbank::sim::{Bp, Seat, Turn};
use tokio_tungstenite::tungstenite::Message;

/// The decision a player makes for a month, from its seat's current settings: the same rule
/// run at one local table gives the same books. Deciding twice gives the same decision (a player
/// who reconnects decides again from the draft it sent).
pub fn decide(seat: Seat, turn: Turn, draft: Draft) -> Draft {
    let t = i32::from(turn);
    match draft {
        Draft::Client(mut d) => {
            let n = match seat {
                Seat::Client(c) => c.0 as i32,
                _ => 0,
            };
            d.spending = Bp(8_000 + (t * 37 + n * 11) % 2_000);
            d.complain = turn.is_multiple_of(5);
            Draft::Client(d)
        }
        Draft::Retail(mut d) => {
            d.current_rate = Bp((t * 5) % 50);
            Draft::Retail(d)
        }
        Draft::Business(d) => Draft::Business(d),
        Draft::Merchant(mut d) => {
            d.markup = Bp(3_000 + (t % 3) * 100);
            Draft::Merchant(d)
        }
    }
}

/// The questionnaire answers every test player gives (the default scenario's questions).
pub fn answers() -> Vec<(String, Answer)> {
    vec![("understood_margin".to_string(), Answer::Likert(4))]
}

/// A player's quiz answers: before the game, an option that depends on the player; after it,
/// the second option of every question (the correct one in `one_town`'s quiz), so that the
/// class's scores rise.
pub fn quiz_answers(due: &glassbank::net::QuizDue, seed: u64) -> Vec<(String, usize)> {
    due.questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let chosen = match due.phase {
                glassbank::feedback::QuizPhase::Before => (seed as usize + i) % q.options.len(),
                glassbank::feedback::QuizPhase::After => 1,
            };
            (q.id.clone(), chosen)
        })
        .collect()
}

/// What happened to one player, for the test to check.
#[derive(Debug, Default, Clone)]
pub struct Played {
    pub seat: Option<Seat>,
    pub reconnections: u32,
    pub refusals: Vec<String>,
    pub months_seen: Vec<Turn>,
    pub recorded: bool,
    /// Bytes received over the whole game.
    pub bytes: u64,
    /// The table of a class it was placed at.
    pub table: Option<usize>,
    /// The quizzes it answered.
    pub quizzes: u32,
    /// When each month's view arrived (turn, time since the start).
    pub views_at: Vec<(Turn, Duration)>,
    /// When the player said it was done with each month.
    pub commits_at: Vec<(Turn, Duration)>,
}

/// How a player behaves.
#[derive(Clone, Copy)]
pub struct Manner {
    /// Chance in a thousand, at each message, of dropping the connection.
    pub drops_per_mille: u32,
    pub seed: u64,
    /// Time taken over each month's decisions (a person takes minutes; the room bounds each
    /// connection's pace, so a player much faster than 10 messages a second is told to wait).
    pub think: Duration,
    /// Leaves for good once this month is shown, without deciding it (a student who walks out).
    pub quits_at: Option<Turn>,
}

impl Manner {
    /// A player who never drops, thinks in no time and stays to the end.
    pub fn steady(seed: u64) -> Manner {
        Manner {
            drops_per_mille: 0,
            seed,
            think: Duration::ZERO,
            quits_at: None,
        }
    }
}

/// A tiny deterministic generator for the drops (the test's own, not the game's).
struct Dice(u64);
impl Dice {
    fn roll(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 1_000) as u32
    }
}

/// Plays `seat` (or, without one, the first seat free at the table the room gives it) in the
/// room at `address` (which may change if the server restarts) until the debrief answers are
/// recorded, or it quits.
pub async fn play(
    address: Arc<Mutex<SocketAddr>>,
    code: String,
    seat: Option<Seat>,
    manner: Manner,
    clock: tokio::time::Instant,
) -> Played {
    // Without a seat of its own it takes the first free one; if another player took it first,
    // it joins again for a fresh list.
    let choosing = seat.is_none();
    let mut seat = seat;
    let mut played = Played::default();
    let mut dice = Dice(manner.seed.max(1));
    let mut token: Option<String> = None;
    loop {
        let at = *address.lock().unwrap();
        let url = format!("ws://{at}/ws");
        // As a browser does, each message goes out at once (no Nagle).
        let Ok((mut ws, _)) = tokio_tungstenite::connect_async_with_config(url, None, true).await
        else {
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let send = |m: &ToRoom| Message::Text(serde_json::to_string(m).unwrap().into());
        let join = ToRoom::Join {
            protocol: PROTOCOL,
            room: code.clone(),
            language: "en".into(),
            token: token.clone(),
        };
        if ws.send(send(&join)).await.is_err() {
            continue;
        }
        let mut dropped = false;
        let mut slow_down = false;
        while let Some(Ok(message)) = ws.next().await {
            let Message::Text(text) = message else {
                continue;
            };
            played.bytes += text.len() as u64;
            let message: ToPlayer = serde_json::from_str(&text).unwrap();
            let mut out = Vec::new();
            match message {
                ToPlayer::Joined { free, table, .. } if token.is_none() => {
                    played.table = table;
                    let wanted = seat.or_else(|| free.first().map(|f| f.seat));
                    if let Some(s) = wanted {
                        out.push(ToRoom::Claim { seat: s });
                    }
                }
                ToPlayer::Seated { seat: s, token: t } => {
                    played.seat = Some(s);
                    seat = Some(s);
                    token = Some(t);
                }
                ToPlayer::View {
                    turn,
                    draft,
                    committed,
                    finished,
                    quiz,
                    ..
                } => {
                    played.views_at.push((turn, clock.elapsed()));
                    if !played.months_seen.contains(&turn) {
                        played.months_seen.push(turn);
                    }
                    if manner.quits_at.is_some_and(|q| turn >= q) && !finished {
                        let _ = ws.close(None).await;
                        return played;
                    }
                    let Some(seat) = seat else { continue };
                    if let Some(due) = quiz {
                        // The quiz first; the room answers with the view without it.
                        played.quizzes += 1;
                        out.push(ToRoom::Quiz {
                            phase: due.phase,
                            consent: true,
                            answers: quiz_answers(&due, manner.seed),
                        });
                    } else if finished {
                        out.push(ToRoom::Feedback {
                            consent: true,
                            answers: answers(),
                        });
                    } else if !committed {
                        tokio::time::sleep(manner.think).await;
                        out.push(ToRoom::Draft {
                            draft: decide(seat, turn, draft),
                        });
                        out.push(ToRoom::Commit);
                    }
                }
                ToPlayer::Recorded { .. } => {
                    played.recorded = true;
                    let _ = ws.close(None).await;
                    return played;
                }
                ToPlayer::Refused { reason } => {
                    if choosing && token.is_none() {
                        played.refusals.push(reason);
                        break;
                    }
                    if reason.contains("too many messages") {
                        // Faster than the room allows (a whole game of bots around one
                        // player): wait, and come back for the month's view.
                        slow_down = true;
                    } else if reason.contains("key is unknown")
                        && let Some(seat) = seat
                    {
                        // The room forgot the seat (a server that lost its file): claim again.
                        token = None;
                        out.push(ToRoom::Claim { seat });
                    }
                    played.refusals.push(reason);
                }
                _ => {}
            }
            if slow_down {
                tokio::time::sleep(Duration::from_millis(1_000)).await;
                break;
            }
            let turn = played.months_seen.last().copied().unwrap_or(0);
            for m in out {
                if dice.roll() < manner.drops_per_mille {
                    dropped = true;
                    break;
                }
                if ws.send(send(&m)).await.is_err() {
                    dropped = true;
                    break;
                }
                if m == ToRoom::Commit {
                    played.commits_at.push((turn, clock.elapsed()));
                }
            }
            if dropped {
                break;
            }
        }
        // The connection dropped (by chance, or the server went away): come back.
        played.reconnections += 1;
        let _ = ws.close(None).await;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}
