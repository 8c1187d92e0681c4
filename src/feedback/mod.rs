//! Players' answers to the debrief questionnaire: one JSON line per answer, anonymous (a random
//! session id and a respondent number, never a name), read back line by line so a damaged line
//! never costs the others, and exported for the facilitator as CSV or JSON Lines.
use serde::{Deserialize, Serialize};

use crate::sim::{Role, Transparency};

/// What each line says it is.
pub const FORMAT: &str = "glassbank-feedback";
pub const VERSION: u32 = 1;

/// An answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A point on a scale from 1 to the question's scale.
    Likert(u8),
    /// The option chosen, from 0, with its English text for reading the log.
    Choice {
        index: usize,
        text: String,
    },
    FreeText(String),
}

/// One response, as one line of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub format: String,
    pub version: u32,
    /// A random id shared by every answer of one game.
    pub session: String,
    pub scenario: String,
    /// Which player answered, from 1, in the order they answered (hot seat).
    pub respondent: u32,
    /// The role they played, if any: no name is ever recorded.
    pub role: Option<Role>,
    pub question: String,
    pub answer: Answer,
    /// When, in UTC (from the platform's clock), e.g. "2026-11-23T15:04:05Z".
    pub recorded_at: String,
    /// The table of a class the respondent played at, from 1 (absent for a game of one table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    /// The layer that table was given as its treatment, if the class had treatments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<Transparency>,
    /// The seat the respondent played (`client-3`, `retail-0`), which pairs a player's answers
    /// before and after; never a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<String>,
    /// For a quiz answer: asked before the first month or after the debrief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<QuizPhase>,
    /// For a quiz answer: whether it was the correct one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
}

/// When a quiz is asked: what a player knew before playing, and after the debrief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuizPhase {
    Before,
    After,
}

impl QuizPhase {
    pub fn key(self) -> &'static str {
        match self {
            QuizPhase::Before => "before",
            QuizPhase::After => "after",
        }
    }
}

impl Response {
    pub fn new(
        session: &str,
        scenario: &str,
        respondent: u32,
        role: Option<Role>,
        question: &str,
        answer: Answer,
        recorded_at: String,
    ) -> Response {
        Response {
            format: FORMAT.into(),
            version: VERSION,
            session: session.into(),
            scenario: scenario.into(),
            respondent,
            role,
            question: question.into(),
            answer,
            recorded_at,
            table: None,
            treatment: None,
            seat: None,
            phase: None,
            correct: None,
        }
    }

    /// The answer of the player at `seat` (its code).
    pub fn by_seat(mut self, seat: String) -> Response {
        self.seat = Some(seat);
        self
    }

    /// A quiz answer, asked at `phase`, right or wrong.
    pub fn quiz(mut self, phase: QuizPhase, correct: bool) -> Response {
        self.phase = Some(phase);
        self.correct = Some(correct);
        self
    }

    /// The response of a player at table `table` (from 1) of a class, under its treatment.
    pub fn at_table(mut self, table: u32, treatment: Option<Transparency>) -> Response {
        self.table = Some(table);
        self.treatment = treatment;
        self
    }

    /// The response as one line of JSON, without its newline.
    pub fn to_line(&self) -> String {
        // Serialising plain data cannot fail; an empty object would be skipped on reading.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }
}

/// Every response a log holds, and how many lines could not be read (a line cut by a crash,
/// a line from something else).
pub fn read_log(text: &str) -> (Vec<Response>, usize) {
    let mut responses = Vec::new();
    let mut damaged = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<Response>(line) {
            Ok(r) if r.format == FORMAT => responses.push(r),
            _ => damaged += 1,
        }
    }
    (responses, damaged)
}

fn csv_field(s: &str) -> String {
    // A spreadsheet would take a leading = + - @ for a formula.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Responses as CSV, one row each.
pub fn to_csv(responses: &[Response]) -> String {
    let mut out = String::from(
        "session,scenario,table,treatment,respondent,seat,role,question,kind,answer,phase,correct,recorded_at\n",
    );
    for r in responses {
        let role = r
            .role
            .map(|r| format!("{r:?}").to_lowercase())
            .unwrap_or_default();
        let (kind, answer) = match &r.answer {
            Answer::Likert(n) => ("likert", n.to_string()),
            Answer::Choice { index, text } => ("choice", format!("{index}: {text}")),
            Answer::FreeText(t) => ("free_text", t.clone()),
        };
        let table = r.table.map(|t| t.to_string()).unwrap_or_default();
        let treatment = r
            .treatment
            .map(|t| format!("{t:?}").to_lowercase())
            .unwrap_or_default();
        let seat = r.seat.as_deref().map(csv_field).unwrap_or_default();
        let phase = r.phase.map(QuizPhase::key).unwrap_or_default();
        let correct = r.correct.map(|c| c.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_field(&r.session),
            csv_field(&r.scenario),
            table,
            treatment,
            r.respondent,
            seat,
            role,
            csv_field(&r.question),
            kind,
            csv_field(&answer),
            phase,
            correct,
            csv_field(&r.recorded_at)
        ));
    }
    out
}

/// Responses as JSON Lines.
pub fn to_json_lines(responses: &[Response]) -> String {
    responses
        .iter()
        .map(|r| r.to_line() + "\n")
        .collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(n: u32, answer: Answer) -> Response {
        Response::new(
            "s1",
            "one_town",
            n,
            Some(Role::Merchant),
            "q",
            answer,
            "2026-11-23T15:00:00Z".into(),
        )
    }

    #[test]
    fn lines_read_back_and_a_cut_line_costs_only_itself() {
        let a = response(1, Answer::Likert(4));
        let b = response(
            2,
            Answer::FreeText("Les frais, \"vraiment\" cachés,\nsur deux lignes".into()),
        );
        let c = response(
            3,
            Answer::Choice {
                index: 1,
                text: "The banks".into(),
            },
        );
        let whole = format!("{}\n{}\n", a.to_line(), b.to_line());
        let cut = &c.to_line()[..20];
        let text = format!("{whole}{cut}\n{}\n", a.to_line());
        let (read, damaged) = read_log(&text);
        assert_eq!(read, vec![a.clone(), b.clone(), a.clone()]);
        assert_eq!(damaged, 1);
        let csv = to_csv(&read);
        assert_eq!(csv.lines().next().unwrap().split(',').count(), 13);
        assert!(csv.contains("\"Les frais, \"\"vraiment\"\" cachés,\nsur deux lignes\""));
        assert_eq!(read_log(&to_json_lines(&read)).0, read);
    }
}
