//! The class's report served to the facilitators' browsers while the room runs (the page `glassbank report` writes, made afresh at each request from the tables as played and the feedback log), at an address with a key of its own that only the facilitators' consoles are told.
use std::path::Path;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{Shared, lock};
use crate::headless::class::{Class, ClassTable, REPORT_FILES, report_file};
use crate::i18n::{Language, Message, Translations};
use crate::scenario::Scenario;

/// Where the report of the room whose key is `key` is served; the language's code and a file
/// of `REPORT_FILES` follow (`/report/KEY/fr/report.html`), so the page's links to its CSV
/// files stay relative, as beside the files `glassbank report` writes.
pub fn path(key: &str) -> String {
    format!("/report/{key}/")
}

/// What the report is made of, taken from the room while it is locked (the feedback log is
/// written under the same lock, so an answer is read once, from the log or from those still
/// waiting to be written).
pub struct Source {
    /// The room's code: the feedback log's answers of other rooms are left out.
    pub code: String,
    pub scenario: Scenario,
    pub tables: Vec<ClassTable>,
    /// The feedback log's lines, then those not yet written to it; or why it could not be
    /// read (the report is not made without the answers).
    pub answers: Result<String, Message>,
}

impl Source {
    /// The lines of the feedback log at `log` (none if there is none yet), then `unwritten`.
    pub fn answers(log: &Path, unwritten: &[String]) -> Result<String, Message> {
        let mut lines = if crate::platform::exists(log) {
            crate::platform::read_text(log)?
        } else {
            String::new()
        };
        for line in unwritten {
            lines.push('\n');
            lines.push_str(line);
        }
        Ok(lines)
    }

    /// The class: the tables, and this room's answers.
    pub fn class(self) -> Result<Class, Message> {
        let (answers, damaged) = crate::feedback::read_log(&self.answers?);
        Ok(Class::of(
            &self.scenario,
            self.tables,
            answers,
            damaged,
            Some(&self.code),
        ))
    }
}

/// Whether two keys are the same, in a time that does not depend on where they differ.
fn same_key(given: &str, key: &str) -> bool {
    given.len() == key.len()
        && given
            .bytes()
            .zip(key.bytes())
            .fold(0u8, |d, (a, b)| d | (a ^ b))
            == 0
}

/// `GET /report/KEY/LANG/FILE`: the file made now, or 404 for a wrong key, language or file
/// (the same answer for each, so a wrong key tells nothing).
pub async fn respond(shared: &Shared, key: &str, language: &str, name: &str) -> Response {
    let language = Language::from_code(language);
    let known = REPORT_FILES.contains(&name);
    let source = {
        let hub = lock(shared);
        (same_key(key, hub.report_key()) && known && language.is_some())
            .then(|| hub.report_source())
    };
    let (Some(source), Some(language)) = (source, language) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let name = name.to_string();
    // Reading the feedback log and drawing the page happen off the room's lock and off the
    // thread that answers the players.
    let made = tokio::task::spawn_blocking(move || {
        let tr = Translations::shared(language);
        match source.class() {
            Ok(class) => report_file(&class, &name, tr).map(|text| Ok((name, text))),
            Err(why) => Some(Err(tr.message(&why))),
        }
    })
    .await;
    let (name, text) = match made {
        Ok(Some(Ok(made))) => made,
        // The feedback log could not be read: said, in the console's language.
        Ok(Some(Err(why))) => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                why,
            )
                .into_response();
        }
        _ => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let kind = if name.ends_with(".html") {
        "text/html; charset=utf-8"
    } else {
        "text/csv; charset=utf-8"
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, kind),
            // The answers of a class: kept by no cache, the address told to no other site,
            // and the page allowed its own inline style and drawings only.
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                 frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            ),
        ],
        text,
    )
        .into_response();
    if name.ends_with(".csv")
        && let Ok(value) = format!("attachment; filename=\"{name}\"").parse()
    {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::same_key;

    #[test]
    fn a_key_is_the_same_only_whole() {
        assert!(same_key("ab12", "ab12"));
        assert!(!same_key("ab13", "ab12"));
        assert!(!same_key("ab1", "ab12"));
        assert!(!same_key("", "ab12"));
    }
}
