//! One table of a room: its game, the seats' tokens, the bots standing in for players who left or never came, its clock, and the debrief answers its players gave.
use std::collections::{BTreeMap, BTreeSet};

use super::protocol::{QuizDue, QuizQuestion, SeatState, TableState, ToPlayer};
use crate::feedback::{Answer, QuizPhase, Response};
use crate::i18n::Message;
use crate::scenario::QuestionSpec;
use crate::session::{Draft, Session};
use crate::sim::{Own, Seat, Transparency, Turn};

/// Debrief answers given with consent, waiting for the server to append them to the log.
pub(super) struct Answered {
    pub(super) respondent: u32,
    pub(super) seat: Seat,
    pub(super) answers: Vec<(String, Answer)>,
}

/// Quiz answers given with consent: each question's id, the option chosen, whether it was the
/// correct one, and the option's English text for reading the log.
pub(super) struct Quizzed {
    pub(super) seat: Seat,
    pub(super) phase: QuizPhase,
    pub(super) answers: Vec<(String, usize, bool, String)>,
}

/// What a table's log was made at: the months played and the books' fingerprint after the last.
pub(super) type LogKey = (usize, Option<u64>);

/// A table: its own economy, played by the players seated at it.
pub struct Table {
    pub(super) session: Session,
    /// The layer the class's randomisation gave it, if the class has treatments.
    pub(super) treatment: Option<Transparency>,
    /// Each taken seat's secret token.
    pub(super) tokens: BTreeMap<Seat, String>,
    /// Seats a bot plays.
    pub(super) stand_ins: BTreeSet<Seat>,
    /// Of them, those a bot took because nobody held them for the room's away time: a player
    /// who comes back, or a newcomer for a seat never taken, gets it back.
    pub(super) away_bots: BTreeSet<Seat>,
    /// Since when (ms on the room's clock) each seat nobody holds has been empty.
    pub(super) empty_since: BTreeMap<Seat, u64>,
    /// The time each month may take, in minutes; 0 is no limit.
    pub(super) minutes: u32,
    /// When the month is played without waiting, on the server's clock.
    pub(super) deadline_ms: Option<u64>,
    /// Seats whose debrief answers are recorded, in the order they answered.
    pub(super) answered: Vec<Seat>,
    pub(super) pending: Vec<Answered>,
    /// Seats that answered (or declined) the quiz before the first month, and after the debrief.
    pub(super) quiz_before: BTreeSet<Seat>,
    pub(super) quiz_after: BTreeSet<Seat>,
    pub(super) pending_quiz: Vec<Quizzed>,
    /// Who is deciding changed: the table's players are sent its progress at the next flush.
    pub(super) progress_changed: bool,
    /// The session log's JSON and the months it was made at (`Table::log_json`).
    pub(super) log_cache: Option<(LogKey, std::sync::Arc<str>)>,
    /// The table's outcome for the class debrief and the months it was read at, once finished.
    outcome_cache: Option<(LogKey, super::TableOutcome)>,
}

impl Table {
    pub(super) fn new(session: Session, treatment: Option<Transparency>) -> Table {
        Table {
            session,
            treatment,
            tokens: BTreeMap::new(),
            stand_ins: BTreeSet::new(),
            away_bots: BTreeSet::new(),
            empty_since: BTreeMap::new(),
            minutes: 0,
            deadline_ms: None,
            answered: Vec::new(),
            pending: Vec::new(),
            quiz_before: BTreeSet::new(),
            quiz_after: BTreeSet::new(),
            pending_quiz: Vec::new(),
            progress_changed: false,
            log_cache: None,
            outcome_cache: None,
        }
    }

    /// The months played and the books' fingerprint after the last.
    pub(super) fn log_key(&self) -> LogKey {
        let played = self.session.played();
        (played.len(), played.last().map(|p| p.fingerprint))
    }

    /// What the table came to, for the class debrief, once it is finished (read once).
    pub(super) fn outcome(&mut self, index: usize) -> Option<super::TableOutcome> {
        if !self.session.is_finished() {
            return None;
        }
        let key = self.log_key();
        if self.outcome_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let outcome = super::class::outcome(index, &self.session, self.treatment);
            self.outcome_cache = Some((key, outcome));
        }
        self.outcome_cache.as_ref().map(|(_, o)| o.clone())
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn treatment(&self) -> Option<Transparency> {
        self.treatment
    }

    /// The human seats a newcomer may take: nobody's, or a bot's that nobody held.
    pub fn free_seats(&self) -> Vec<Seat> {
        self.session
            .humans()
            .iter()
            .copied()
            .filter(|s| {
                !self.tokens.contains_key(s)
                    && (!self.stand_ins.contains(s) || self.away_bots.contains(s))
            })
            .collect()
    }

    /// The seats players hold (by token), a measure of how full the table is.
    pub fn taken(&self) -> usize {
        self.tokens.len()
    }

    /// Every seat, who holds it and how far it is: the facilitator's console.
    pub(super) fn state(&self, index: usize, connected: &[Seat]) -> TableState {
        let session = &self.session;
        TableState {
            table: index,
            treatment: self.treatment,
            turn: session.turn(),
            turns: session.scenario().turns(),
            paused: session.paused().is_some(),
            finished: session.is_finished(),
            minutes: self.minutes,
            seats: session
                .humans()
                .iter()
                .map(|&seat| SeatState {
                    seat,
                    taken: self.tokens.contains_key(&seat),
                    connected: connected.contains(&seat),
                    done: self.done(seat),
                    bot: self.stand_ins.contains(&seat),
                })
                .collect(),
        }
    }

    /// The bots standing in for players decide this month and are done (which may play it, and
    /// the months after if every seat is a bot's); the clock restarts at each month played.
    pub(super) fn stand_in_for_month(&mut self, now_ms: u64) {
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
            self.restart_clock(now_ms);
        }
    }

    /// Bots take the seats nobody has held for `away_ms` (a player who left, a seat never
    /// taken), so that no table waits for someone who is not there. Whether any did.
    pub(super) fn stand_in_for_the_away(
        &mut self,
        held: &[Seat],
        now_ms: u64,
        away_ms: Option<u64>,
    ) -> bool {
        let mut took = false;
        if self.session.is_finished() {
            return took;
        }
        for &seat in self.session.humans() {
            if held.contains(&seat) || self.stand_ins.contains(&seat) {
                self.empty_since.remove(&seat);
                continue;
            }
            let since = *self.empty_since.entry(seat).or_insert(now_ms);
            if away_ms.is_some_and(|away| now_ms.saturating_sub(since) >= away) {
                self.stand_ins.insert(seat);
                self.away_bots.insert(seat);
                self.empty_since.remove(&seat);
                took = true;
            }
        }
        if took {
            self.stand_in_for_month(now_ms);
        }
        took
    }

    /// A player takes back a seat a bot held while nobody was there.
    pub(super) fn back_from_away(&mut self, seat: Seat) {
        if self.away_bots.remove(&seat) {
            self.stand_ins.remove(&seat);
        }
        self.empty_since.remove(&seat);
    }

    pub(super) fn restart_clock(&mut self, now_ms: u64) {
        self.deadline_ms = (self.minutes > 0 && !self.session.is_finished())
            .then(|| now_ms + u64::from(self.minutes) * 60_000);
    }

    /// Whether a seat has nothing left to decide: done for this month, or every month is
    /// played (its player is in the debrief).
    fn done(&self, seat: Seat) -> bool {
        self.session.is_finished() || self.session.is_done(seat)
    }

    /// How many are still deciding this month, and how many are done.
    pub(super) fn progress(&self) -> ToPlayer {
        let humans = self.session.humans();
        let done = humans.iter().filter(|s| self.done(**s)).count();
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        ToPlayer::Progress {
            deciding: count(humans.len() - done),
            done: count(done),
        }
    }

    /// The view of a seat at this table: its own, under the layer, nothing more.
    pub(super) fn view(&self, seat: Seat, now_ms: u64) -> Option<ToPlayer> {
        let (Some(view), Some(draft)) = (self.session.view(seat), self.session.draft(seat)) else {
            return None;
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
        Some(ToPlayer::View {
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
            seconds_left: self
                .deadline_ms
                .map(|d| u32::try_from(d.saturating_sub(now_ms) / 1_000).unwrap_or(u32::MAX)),
            quiz: self
                .quiz_due(seat)
                .map(|phase| Box::new(self.quiz_for(phase))),
            history_from: Default::default(),
        })
    }

    /// Debrief answers given since the last call, as lines for the facilitator's log; a class's
    /// carry their table (from 1) and its treatment.
    pub(super) fn take_feedback(
        &mut self,
        code: &str,
        table: Option<u32>,
        recorded_at: &str,
    ) -> Vec<Response> {
        let scenario = self.session.scenario().id().to_string();
        let at_table = |line: Response| match table {
            Some(t) => line.at_table(t, self.treatment),
            None => line,
        };
        let mut lines = Vec::new();
        for a in std::mem::take(&mut self.pending) {
            for (question, answer) in a.answers {
                let line = Response::new(
                    code,
                    &scenario,
                    a.respondent,
                    Some(a.seat.role()),
                    &question,
                    answer,
                    recorded_at.to_string(),
                );
                lines.push(at_table(line.by_seat(super::seat_code(a.seat))));
            }
        }
        for q in std::mem::take(&mut self.pending_quiz) {
            // A quiz's respondent is its seat's place at the table, from 1: the same before and
            // after.
            let place = self.session.humans().iter().position(|s| *s == q.seat);
            let respondent = place.map_or(0, |p| p as u32 + 1);
            for (id, index, correct, text) in q.answers {
                let line = Response::new(
                    code,
                    &scenario,
                    respondent,
                    Some(q.seat.role()),
                    &format!("quiz:{id}"),
                    Answer::Choice { index, text },
                    recorded_at.to_string(),
                );
                lines.push(at_table(
                    line.by_seat(super::seat_code(q.seat))
                        .quiz(q.phase, correct),
                ));
            }
        }
        lines
    }

    /// The quiz a seat has to answer now, if any: before the first month is played, and once
    /// the game is over.
    pub fn quiz_due(&self, seat: Seat) -> Option<QuizPhase> {
        let session = &self.session;
        if session.scenario().file.quiz.is_empty() {
            return None;
        }
        if session.is_finished() {
            (!self.quiz_after.contains(&seat)).then_some(QuizPhase::After)
        } else {
            (session.turn() == 1 && !self.quiz_before.contains(&seat)).then_some(QuizPhase::Before)
        }
    }

    /// A seat's quiz answers: checked against the scenario's questions, marked, and kept for the
    /// log with consent; the seat is not asked again either way. How many were kept.
    pub(super) fn answer_quiz(
        &mut self,
        seat: Seat,
        phase: QuizPhase,
        consent: bool,
        answers: Vec<(String, usize)>,
    ) -> Result<usize, Message> {
        if self.quiz_due(seat) != Some(phase) {
            return Err(Message::new("net-quiz-not-due"));
        }
        let quiz = &self.session.scenario().file.quiz;
        let mut marked: Vec<(String, usize, bool, String)> = Vec::new();
        for (id, chosen) in answers {
            let question = quiz
                .iter()
                .find(|q| q.id == id)
                .ok_or_else(|| Message::new("net-no-question").with("id", id.clone()))?;
            let Some(option) = question.options.get(chosen) else {
                return Err(Message::new("net-bad-answer").with("id", id));
            };
            if marked.iter().any(|(k, ..)| *k == id) {
                return Err(Message::new("net-bad-answer").with("id", id));
            }
            let text = option.en.clone();
            marked.push((id, chosen, chosen == question.answer, text));
        }
        match phase {
            QuizPhase::Before => self.quiz_before.insert(seat),
            QuizPhase::After => self.quiz_after.insert(seat),
        };
        if !consent {
            return Ok(0);
        }
        let count = marked.len();
        self.pending_quiz.push(Quizzed {
            seat,
            phase,
            answers: marked,
        });
        Ok(count)
    }

    /// The quiz as a player sees it, without its answers.
    fn quiz_for(&self, phase: QuizPhase) -> QuizDue {
        QuizDue {
            phase,
            questions: self
                .session
                .scenario()
                .file
                .quiz
                .iter()
                .map(|q| QuizQuestion {
                    id: q.id.clone(),
                    prompt: q.prompt.clone(),
                    options: q.options.clone(),
                })
                .collect(),
        }
    }

    /// The last month this table played, for the server to write its log when it changes.
    pub fn months_played(&self) -> Turn {
        self.session.turn().saturating_sub(1)
    }

    /// The questionnaire of the scenario played here.
    pub(super) fn questions(&self) -> &[QuestionSpec] {
        &self.session.scenario().file.debrief
    }
}

/// Whether a draft is of the seat's role.
pub(super) fn fits(seat: Seat, draft: &Draft) -> bool {
    matches!(
        (seat, draft),
        (Seat::Client(_), Draft::Client(_))
            | (Seat::RetailBanker(_), Draft::Retail(_))
            | (Seat::BusinessBanker(_), Draft::Business(_))
            | (Seat::Merchant(_), Draft::Merchant(_))
    )
}

/// Each table's treatment: the layers given as evenly as they go round the tables (no two
/// counts more than one apart), in an order drawn from `seed`, so that the class's design is
/// balanced, random and can be drawn again from its seed.
pub fn assign_treatments(tables: usize, layers: &[Transparency], seed: u64) -> Vec<Transparency> {
    if layers.is_empty() {
        return Vec::new();
    }
    let mut order: Vec<Transparency> = (0..tables).map(|t| layers[t % layers.len()]).collect();
    shuffle(&mut order, seed);
    order
}

/// A seeded Fisher-Yates shuffle (ChaCha8): the class's draws, made again from their seed.
pub(super) fn shuffle<T>(items: &mut [T], seed: u64) {
    use rand::{RngExt, SeedableRng};
    let mut dice = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    for i in (1..items.len()).rev() {
        let j = dice.random_range(0..=i);
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn treatments_are_balanced_and_drawn_again_from_their_seed() {
        let layers = [Transparency::Opaque, Transparency::Glass];
        for tables in 1..=9 {
            let drawn = assign_treatments(tables, &layers, 7);
            assert_eq!(drawn.len(), tables);
            let glass = drawn.iter().filter(|l| **l == Transparency::Glass).count();
            let opaque = tables - glass;
            assert!(glass.abs_diff(opaque) <= 1, "{tables}: {drawn:?}");
            assert_eq!(drawn, assign_treatments(tables, &layers, 7));
        }
        // The seed changes the order, not the balance.
        let orders: BTreeSet<Vec<Transparency>> = (0..20)
            .map(|seed| assign_treatments(6, &layers, seed))
            .collect();
        assert!(orders.len() > 1);
        assert!(assign_treatments(4, &[], 1).is_empty());
    }
}
