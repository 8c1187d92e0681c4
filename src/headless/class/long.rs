//! The class as one long CSV, a row per observation (a table's outcome, an answer, a quiz answer), every field of every feedback line kept, and the codebook that explains each column.
use super::Class;
use crate::feedback::{Answer, QuizPhase};
use crate::i18n::Translations;

/// The columns, in order; the codebook explains each with the message `report-column-NAME`.
pub const COLUMNS: [&str; 14] = [
    "record",
    "session",
    "scenario",
    "table",
    "treatment",
    "respondent",
    "seat",
    "role",
    "variable",
    "kind",
    "value",
    "phase",
    "correct",
    "recorded_at",
];

/// A field as CSV: quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn layer(l: crate::sim::Transparency) -> String {
    format!("{l:?}").to_lowercase()
}

/// Every observation of the class, a row each.
pub fn rows(class: &Class) -> String {
    let mut out = COLUMNS.join(",") + "\n";
    let mut row = |cells: [String; 14]| {
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    };
    for t in &class.tables {
        let facts = [
            ("months played".to_string(), f64::from(t.months)),
            ("players".to_string(), t.players as f64),
        ];
        let outcomes = t.outcomes.iter().map(|(name, _, v)| (name.clone(), *v));
        for (name, value) in facts.into_iter().chain(outcomes) {
            row([
                "outcome".into(),
                String::new(),
                class.scenario_id.clone(),
                t.table.to_string(),
                layer(t.treatment),
                String::new(),
                String::new(),
                String::new(),
                name,
                "number".into(),
                value.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    for r in &class.responses {
        let (kind, value) = match &r.answer {
            Answer::Likert(n) => ("likert", n.to_string()),
            Answer::Choice { index, text } => ("choice", format!("{index}: {text}")),
            Answer::FreeText(t) => ("free_text", t.clone()),
        };
        row([
            if r.phase.is_some() { "quiz" } else { "answer" }.into(),
            r.session.clone(),
            r.scenario.clone(),
            r.table.unwrap_or(1).to_string(),
            class.treatment_of(r).map(layer).unwrap_or_default(),
            r.respondent.to_string(),
            r.seat.clone().unwrap_or_default(),
            r.role
                .map(|role| format!("{role:?}").to_lowercase())
                .unwrap_or_default(),
            r.question.clone(),
            kind.into(),
            value,
            r.phase.map(QuizPhase::key).unwrap_or_default().into(),
            r.correct.map(|c| c.to_string()).unwrap_or_default(),
            r.recorded_at.clone(),
        ]);
    }
    out
}

/// What each column of `class.csv` holds, in the facilitator's language.
pub fn codebook(tr: &Translations) -> String {
    let mut out = format!(
        "{},{}\n",
        field(&tr.get("report-codebook-column")),
        field(&tr.get("report-codebook-meaning"))
    );
    for c in COLUMNS {
        out.push_str(&format!(
            "{},{}\n",
            c,
            field(&tr.get(&format!("report-column-{c}")))
        ));
    }
    out
}
