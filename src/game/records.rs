//! What the game keeps on the machine: the session log (rewritten whole after every month, so
//! any game can be replayed or resumed) and the players' answers to the questionnaire (appended
//! one line each, after consent). On the desktop they are files in the data directory; in the
//! browser they are kept in the page's storage (see `platform`) and can be downloaded.
use std::path::PathBuf;

use bevy::prelude::*;

use crate::feedback::{Answer, Response};
use crate::i18n::{Message, Translations};
use crate::session::Session;
use crate::sim::Role;

/// The questionnaire of the debrief, one player after the other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Questionnaire {
    /// The player answering now, from 1.
    pub respondent: u32,
    /// `None` until the player has read what is recorded and chosen.
    pub consent: Option<bool>,
    pub answers: std::collections::BTreeMap<String, Answer>,
    /// Where this player's answers were saved, once they are.
    pub saved: bool,
    /// Why saving failed, and where the player may try instead.
    pub error: Option<String>,
    pub other_path: String,
}

/// The game's records: ids, where they go, what went wrong.
#[derive(Resource)]
pub struct Records {
    /// Where logs go: the platform's data directory unless changed (tests, a facilitator).
    pub data_dir: PathBuf,
    /// Anonymous: a random id for this game, never a name.
    pub session_id: String,
    pub session_log: Option<PathBuf>,
    pub feedback_log: Option<PathBuf>,
    pub error: Option<Message>,
    pub questionnaire: Questionnaire,
    /// The last export's files.
    pub exported: Vec<PathBuf>,
    /// Answers kept in memory where there is no file system (the browser).
    pub kept: Vec<Response>,
}

impl Default for Records {
    fn default() -> Self {
        Records {
            data_dir: crate::platform::data_dir(),
            session_id: crate::platform::random_id(),
            session_log: None,
            feedback_log: None,
            error: None,
            questionnaire: Questionnaire {
                respondent: 1,
                ..Questionnaire::default()
            },
            exported: Vec::new(),
            kept: Vec::new(),
        }
    }
}

impl Records {
    /// A new game: a new id, an empty questionnaire.
    pub fn restart(&mut self) {
        let data_dir = std::mem::take(&mut self.data_dir);
        *self = Records {
            data_dir,
            ..Records::default()
        };
    }

    /// Rewrites the session log after a month.
    pub fn save_session(&mut self, session: &Session) {
        let path = self
            .data_dir
            .join("sessions")
            .join(format!("{}.json", self.session_id));
        match crate::platform::write_atomically(&path, &session.log().to_json()) {
            Ok(()) => {
                self.session_log = Some(path);
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Hands the player this game's session log as a file (the browser's way to keep it).
    #[cfg(target_arch = "wasm32")]
    pub fn download_session(&mut self, session: &Session) {
        let name = format!("glassbank-{}.json", self.session_id);
        if let Err(e) =
            crate::platform::download(&name, &session.log().to_json(), "application/json")
        {
            self.error = Some(e);
        }
    }

    /// Hands the player the answers being given as a file, when the browser cannot keep them;
    /// a failure is told in the player's language.
    #[cfg(target_arch = "wasm32")]
    pub fn download_answers(&mut self, session: &Session, tr: &Translations) {
        let name = format!(
            "glassbank-answers-{}-{}.jsonl",
            self.session_id, self.questionnaire.respondent
        );
        let text = crate::feedback::to_json_lines(&self.responses(session));
        if let Err(e) = crate::platform::download(&name, &text, "application/jsonl") {
            self.questionnaire.error = Some(tr.message(&e));
        }
    }

    /// The role the current respondent played, if they held a seat.
    fn role(&self, session: &Session) -> Option<Role> {
        let i = self.questionnaire.respondent.checked_sub(1)? as usize;
        session.humans().get(i).map(|s| s.role())
    }

    /// The current respondent's answers, one response each.
    fn responses(&self, session: &Session) -> Vec<Response> {
        let role = self.role(session);
        let now = crate::platform::utc_now();
        self.questionnaire
            .answers
            .iter()
            .map(|(q, a)| {
                Response::new(
                    &self.session_id,
                    session.scenario().id(),
                    self.questionnaire.respondent,
                    role,
                    q,
                    a.clone(),
                    now.clone(),
                )
            })
            .collect()
    }

    /// Saves the current respondent's answers (to `path`, or the usual log), one line each; a
    /// failure is told in the player's language.
    pub fn save_answers(&mut self, session: &Session, path: Option<PathBuf>, tr: &Translations) {
        let lines = self.responses(session);
        let path = path.unwrap_or_else(|| self.data_dir.join("feedback.jsonl"));
        let text: Vec<String> = lines.iter().map(Response::to_line).collect();
        let refs: Vec<&str> = text.iter().map(String::as_str).collect();
        if let Err(e) = crate::platform::append_lines(&path, &refs) {
            warn!("answers not saved: {e}");
            self.questionnaire.error = Some(tr.message(&e));
            return;
        }
        info!("{} answers saved to {}", lines.len(), path.display());
        self.feedback_log = Some(path);
        self.kept.extend(lines);
        self.questionnaire.saved = true;
        self.questionnaire.error = None;
    }

    /// The next player answers.
    pub fn next_respondent(&mut self) {
        self.exported.clear();
        let next = self.questionnaire.respondent + 1;
        self.questionnaire = Questionnaire {
            respondent: next,
            ..Questionnaire::default()
        };
    }

    /// Writes this game's answers as CSV and JSON Lines beside the log; in the browser, hands
    /// them to the player as two downloaded files.
    pub fn export(&mut self) {
        let Some(log) = self.feedback_log.clone() else {
            return;
        };
        let text = crate::platform::read_text(&log).unwrap_or_default();
        let (all, _) = crate::feedback::read_log(&text);
        let ours: Vec<Response> = all
            .into_iter()
            .filter(|r| r.session == self.session_id)
            .collect();
        let dir = log.parent().map(PathBuf::from).unwrap_or_default();
        let csv = dir.join(format!("feedback-{}.csv", self.session_id));
        let jsonl = dir.join(format!("feedback-{}.jsonl", self.session_id));
        let (csv_text, jsonl_text) = (
            crate::feedback::to_csv(&ours),
            crate::feedback::to_json_lines(&ours),
        );
        #[cfg(not(target_arch = "wasm32"))]
        let written = crate::platform::write_atomically(&csv, &csv_text)
            .and_then(|()| crate::platform::write_atomically(&jsonl, &jsonl_text));
        #[cfg(target_arch = "wasm32")]
        let written = {
            let name = |p: &PathBuf| p.file_name().map(|n| n.to_string_lossy().into_owned());
            crate::platform::download(&name(&csv).unwrap_or_default(), &csv_text, "text/csv")
                .and_then(|()| {
                    crate::platform::download(
                        &name(&jsonl).unwrap_or_default(),
                        &jsonl_text,
                        "application/jsonl",
                    )
                })
        };
        match written {
            Ok(()) => self.exported = vec![csv, jsonl],
            Err(e) => self.error = Some(e),
        }
    }
}

/// A game saved on this machine that can be resumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedGame {
    pub path: PathBuf,
    pub scenario: String,
    /// Months played.
    pub months: usize,
}

/// The saved games, newest first, read when the title screen opens.
#[derive(Resource, Default)]
pub struct SavedGames(pub Vec<SavedGame>);

/// Reads the newest saved games of the data directory.
pub fn list_saved(records: &Records) -> Vec<SavedGame> {
    crate::platform::list_files_newest_first(&records.data_dir.join("sessions"), "json")
        .into_iter()
        .take(6)
        .filter_map(|path| {
            let text = crate::platform::read_text(&path).ok()?;
            let log = crate::session::SessionLog::parse(&text).ok()?;
            Some(SavedGame {
                path,
                scenario: log.scenario_id,
                months: log.turns.len(),
            })
        })
        .collect()
}

/// Reads a saved game and replays it to where it stopped.
pub fn resume(path: &std::path::Path) -> Result<Session, Message> {
    let text = crate::platform::read_text(path)?;
    let log = crate::session::SessionLog::parse(&text)?;
    Session::replay(&log, None)
}
