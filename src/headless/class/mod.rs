//! `glassbank report DIR`: a class's session logs and feedback read back into one page for the facilitator (each table's outcomes, the questionnaire by treatment, the quiz's scores before and after with their effect sizes) and one long CSV with its codebook.
mod html;
mod long;
pub mod stats;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::feedback::{Answer, QuizPhase, Response};
use crate::i18n::{Message, Translations};
use crate::scenario::{QuestionSpec, QuizSpec, Scenario, Text};
use crate::session::{Session, SessionLog};
use crate::sim::{Transparency, Turn};

pub use stats::{Effect, Summary};

/// One table of the class, replayed from its log.
#[derive(Clone, Debug)]
pub struct ClassTable {
    /// From 1.
    pub table: u32,
    /// The layer it was played under (its treatment in a class that had them).
    pub treatment: Transparency,
    pub months: Turn,
    pub turns: Turn,
    pub players: usize,
    /// Its main outcomes: the column name, the label and the value (see `sweep`).
    pub outcomes: Vec<(String, Message, f64)>,
    /// Where its log was read.
    pub file: PathBuf,
}

impl ClassTable {
    /// A table (from 1) as its session has played it so far; `file` is where its log is.
    pub fn of(table: u32, session: &Session, file: PathBuf) -> ClassTable {
        let played = session.scenario();
        ClassTable {
            table,
            treatment: session.economy().params().transparency,
            months: Turn::try_from(session.played().len()).unwrap_or(Turn::MAX),
            turns: played.turns(),
            players: session.humans().len(),
            outcomes: super::sweep::measure(played, &session.economy().summary()),
            file,
        }
    }
}

/// A player's quiz score: the share of the quiz's questions answered right, before and after.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// The quiz of one treatment.
#[derive(Clone, Debug, PartialEq)]
pub struct Learning {
    pub treatment: Transparency,
    pub before: Option<Summary>,
    pub after: Option<Summary>,
    /// After minus before, for the players who answered both.
    pub gain: Option<Summary>,
    /// The gain standardised (d_z) and, against the reference treatment, the difference of gains.
    pub change: Option<Effect>,
    pub against_reference: Option<Effect>,
}

/// A player of a class: the session (the room's code), the table (from 1) and the seat.
pub type Player = (String, u32, String);

/// A class read back.
#[derive(Clone, Debug)]
pub struct Class {
    pub title: Text,
    pub scenario_id: String,
    pub tables: Vec<ClassTable>,
    pub responses: Vec<Response>,
    pub quiz: Vec<QuizSpec>,
    pub questions: Vec<QuestionSpec>,
    /// Feedback lines that could not be read.
    pub damaged: usize,
}

/// The table a session log is of: `ROOM.table-3.session.json` is table 3; another log takes
/// the next number.
fn table_number(path: &Path, next: u32) -> u32 {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    name.and_then(|n| {
        let rest = n.strip_suffix(".session.json")?;
        let (_, number) = rest.rsplit_once(".table-")?;
        number.parse().ok()
    })
    .unwrap_or(next)
}

impl Class {
    /// Reads every session log (`*.session.json`) and feedback log (`*.jsonl`) in `dir`; the
    /// tables are replayed, their books checked month by month. With `room`, only the answers
    /// given in the room of that code are kept (a feedback log gathers every game of the
    /// machine, a rehearsal's too); without it, every answer to this scenario.
    pub fn read(dir: &Path, room: Option<&str>) -> Result<Class, Message> {
        let mut tables = Vec::new();
        let mut scenario: Option<Scenario> = None;
        let mut logs = crate::platform::list_files(dir, "json");
        logs.retain(|p| p.to_string_lossy().ends_with(".session.json"));
        logs.sort();
        for (i, path) in logs.iter().enumerate() {
            let in_file = |reason: Message| {
                Message::new("error-in-file")
                    .with("path", path.display().to_string())
                    .with("reason", reason)
            };
            let text = crate::platform::read_text(path)?;
            let log = SessionLog::parse(&text).map_err(in_file)?;
            let session = Session::replay(&log, None).map_err(in_file)?;
            tables.push(ClassTable::of(
                table_number(path, i as u32 + 1),
                &session,
                path.clone(),
            ));
            if scenario.is_none() {
                scenario = Some(session.scenario().clone());
            }
        }
        let Some(scenario) = scenario else {
            return Err(Message::new("report-no-logs").with("dir", dir.display().to_string()));
        };
        let mut responses = Vec::new();
        let mut damaged = 0;
        for path in crate::platform::list_files(dir, "jsonl") {
            let (read, bad) = crate::feedback::read_log(&crate::platform::read_text(&path)?);
            damaged += bad;
            responses.extend(read);
        }
        Ok(Class::of(&scenario, tables, responses, damaged, room))
    }

    /// A class from its tables as played and the answers of a feedback log: only this
    /// scenario's answers are kept, and with `room` only those given in the room of that code
    /// (a feedback log gathers every game of the machine, a rehearsal's too).
    pub fn of(
        scenario: &Scenario,
        mut tables: Vec<ClassTable>,
        mut responses: Vec<Response>,
        damaged: usize,
        room: Option<&str>,
    ) -> Class {
        tables.sort_by_key(|t| t.table);
        responses.retain(|r| {
            r.scenario == scenario.id()
                && room.is_none_or(|code| r.session.eq_ignore_ascii_case(code))
        });
        Class {
            title: scenario.title().clone(),
            scenario_id: scenario.id().to_string(),
            tables,
            responses,
            quiz: scenario.file.quiz.clone(),
            questions: scenario.file.debrief.clone(),
            damaged,
        }
    }

    /// The treatment an answer was given under: its own, or its table's.
    pub fn treatment_of(&self, r: &Response) -> Option<Transparency> {
        r.treatment.or_else(|| {
            let table = r.table.unwrap_or(1);
            self.tables
                .iter()
                .find(|t| t.table == table)
                .map(|t| t.treatment)
        })
    }

    /// The treatments of the class, in the order opaque, disclosed, glass.
    pub fn treatments(&self) -> Vec<Transparency> {
        let mut out: Vec<Transparency> = self.tables.iter().map(|t| t.treatment).collect();
        out.sort();
        out.dedup();
        out
    }

    /// Each player's quiz scores, by treatment: (session, table, seat) to its scores; a feedback
    /// log gathers every game of a machine, so two rooms' players at the same table and seat
    /// stay two players. A question left unanswered counts as wrong.
    pub fn scores(&self) -> BTreeMap<Transparency, BTreeMap<Player, Scores>> {
        let questions = self.quiz.len().max(1) as f64;
        let mut right: BTreeMap<(Transparency, Player, QuizPhase), usize> = BTreeMap::new();
        for r in &self.responses {
            let (Some(phase), Some(correct), Some(seat), Some(treatment)) =
                (r.phase, r.correct, r.seat.clone(), self.treatment_of(r))
            else {
                continue;
            };
            let player = (r.session.clone(), r.table.unwrap_or(1), seat);
            *right.entry((treatment, player, phase)).or_default() += usize::from(correct);
        }
        let mut out: BTreeMap<Transparency, BTreeMap<Player, Scores>> = BTreeMap::new();
        for ((treatment, player, phase), n) in right {
            let scores = out.entry(treatment).or_default().entry(player).or_default();
            let share = n as f64 / questions;
            match phase {
                QuizPhase::Before => scores.before = Some(share),
                QuizPhase::After => scores.after = Some(share),
            }
        }
        out
    }

    /// The quiz by treatment; the first treatment (opaque, where there is one) is the reference
    /// the others' gains are compared with.
    pub fn learning(&self) -> Vec<Learning> {
        let scores = self.scores();
        let gains = |t: &Transparency| -> Vec<f64> {
            scores.get(t).map_or_else(Vec::new, |players| {
                players
                    .values()
                    .filter_map(|s| Some(s.after? - s.before?))
                    .collect()
            })
        };
        let treatments = self.treatments();
        let reference = treatments.first().map(gains).unwrap_or_default();
        treatments
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let players = scores.get(t);
                let of = |pick: fn(&Scores) -> Option<f64>| {
                    let values: Vec<f64> = players
                        .map(|p| p.values().filter_map(pick).collect())
                        .unwrap_or_default();
                    Summary::of(&values)
                };
                let gain = gains(t);
                Learning {
                    treatment: *t,
                    before: of(|s| s.before),
                    after: of(|s| s.after),
                    gain: Summary::of(&gain),
                    change: Effect::paired(&gain),
                    against_reference: (i > 0)
                        .then(|| Effect::between(&reference, &gain))
                        .flatten(),
                }
            })
            .collect()
    }

    /// The Likert answers to a question by treatment: how many chose each point of the scale.
    pub fn likert(&self, id: &str, scale: u8) -> Vec<(Transparency, Vec<usize>)> {
        self.treatments()
            .into_iter()
            .map(|t| {
                let mut counts = vec![0; usize::from(scale)];
                for r in self.responses.iter().filter(|r| r.question == id) {
                    if let (Answer::Likert(n), Some(rt)) = (&r.answer, self.treatment_of(r))
                        && rt == t
                        && let Some(c) = counts.get_mut(usize::from(*n).wrapping_sub(1))
                    {
                        *c += 1;
                    }
                }
                (t, counts)
            })
            .collect()
    }
}

/// Writes the class's report into `out`: `report.html`, `class.csv` and `codebook.csv`. The
/// files written.
pub fn write_report(class: &Class, out: &Path, tr: &Translations) -> Result<Vec<PathBuf>, Message> {
    crate::platform::create_dir_all(out);
    let mut written = Vec::new();
    for name in REPORT_FILES {
        let path = out.join(name);
        crate::platform::write_text(&path, &report_file(class, name, tr).unwrap_or_default())?;
        written.push(path);
    }
    Ok(written)
}

/// The report's files, by name: the page links the other two beside it.
pub const REPORT_FILES: [&str; 3] = ["report.html", "class.csv", "codebook.csv"];

/// One of the report's files (`REPORT_FILES`), if it is one.
pub fn report_file(class: &Class, name: &str, tr: &Translations) -> Option<String> {
    match name {
        "report.html" => Some(html::page(class, tr)),
        "class.csv" => Some(long::rows(class)),
        "codebook.csv" => Some(long::codebook(tr)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_log_says_its_number_and_other_logs_take_the_next() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(table_number(&p("/x/room.table-3.session.json"), 9), 3);
        assert_eq!(table_number(&p("/x/saved.session.json"), 2), 2);
        assert_eq!(table_number(&p("/x/room.table-x.session.json"), 4), 4);
    }

    #[test]
    fn two_rooms_players_at_the_same_table_and_seat_are_two_players() {
        let scenario = crate::scenario::load(crate::DEFAULT_SCENARIO, "one_town.ron").unwrap();
        let quiz = scenario.file.quiz.clone();
        let answer = |session: &str, id: &str, correct: bool| Response {
            format: crate::feedback::FORMAT.into(),
            version: crate::feedback::VERSION,
            session: session.into(),
            scenario: scenario.id().into(),
            respondent: 1,
            role: None,
            question: id.into(),
            answer: Answer::Choice {
                index: 0,
                text: String::new(),
            },
            recorded_at: String::new(),
            table: Some(1),
            treatment: Some(Transparency::Glass),
            seat: Some("client-0".into()),
            phase: Some(QuizPhase::Before),
            correct: Some(correct),
        };
        // The same feedback log holds an earlier room's answers: every question right in both.
        let responses = ["ROOM", "EARLIER"]
            .iter()
            .flat_map(|s| quiz.iter().map(move |q| (s, q.id.clone())))
            .map(|(s, id)| answer(s, &id, true))
            .collect();
        let class = Class {
            title: scenario.title().clone(),
            scenario_id: scenario.id().into(),
            tables: Vec::new(),
            responses,
            quiz: quiz.clone(),
            questions: Vec::new(),
            damaged: 0,
        };
        let scores = class.scores();
        let glass = &scores[&Transparency::Glass];
        assert_eq!(glass.len(), 2);
        assert!(glass.values().all(|s| s.before == Some(1.0)));
    }
}
