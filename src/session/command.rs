//! What a facilitator does to a table, one command whichever console it comes from (the desktop game's, the terminal's, a browser's), carried out by `Session::facilitate`.
use serde::{Deserialize, Serialize};

use super::Session;
use crate::i18n::Message;
use crate::scenario::Text;
use crate::sim::{Shock, Turn};

/// A facilitator's command to one table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Stop for discussion, perhaps on a question for the whole room.
    Pause {
        question: Option<Question>,
    },
    Resume,
    /// Play the month now, with the decisions as they stand.
    Advance,
    /// Bots play the next months for every seat, the players' included.
    RunBots {
        months: u16,
    },
    /// Go back to the game as it stood after month `after` (0: the start) and branch from there.
    Rewind {
        after: Turn,
    },
    /// A rule changed by hand from this month on: the layer, the policy rate, a cap, a
    /// scripted event now.
    Shock {
        shock: Shock,
    },
    /// A message for the table, in this month's news.
    Announce {
        message: String,
    },
}

/// The longest message or question of the facilitator's own a table takes, in characters.
pub const MAX_ANNOUNCEMENT_CHARS: usize = 500;

/// The facilitator's own words, refused when longer than a table takes.
fn own_words(text: &str) -> Result<(), Message> {
    let length = text.chars().count();
    if length > MAX_ANNOUNCEMENT_CHARS {
        return Err(Message::new("session-words-too-long")
            .with("found", length)
            .with("max", MAX_ANNOUNCEMENT_CHARS));
    }
    Ok(())
}

/// The question a table stops on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// The scenario's discussion question with this index: each player reads it in their
    /// language.
    Discussion(usize),
    /// The facilitator's own words, shown as typed.
    Own(String),
}

impl Session {
    /// Carries out a facilitator's command; one that cannot be (a month not played yet, a
    /// question the scenario lacks, a paused table asked to play) changes nothing and says why.
    pub fn facilitate(&mut self, command: Command) -> Result<(), Message> {
        match command {
            Command::Pause { question } => {
                let text =
                    match question {
                        None => None,
                        Some(Question::Discussion(i)) => {
                            Some(self.scenario.file.discussion.get(i).cloned().ok_or_else(
                                || Message::new("session-no-question").with("number", i + 1),
                            )?)
                        }
                        Some(Question::Own(q)) => {
                            own_words(&q)?;
                            (!q.trim().is_empty()).then(|| Text {
                                en: q.clone(),
                                fr: q,
                            })
                        }
                    };
                self.pause(text);
            }
            Command::Resume => self.resume(),
            Command::Advance => {
                self.play_now()?;
            }
            Command::RunBots { months } => {
                self.run_bots(months)?;
            }
            Command::Rewind { after } => {
                *self = self.rewound(after)?;
            }
            Command::Shock { shock } => self.apply_shock(shock)?,
            Command::Announce { message } => {
                own_words(&message)?;
                self.announce(Text {
                    en: message.clone(),
                    fr: message,
                })
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let scenario = crate::scenario::load(crate::DEFAULT_SCENARIO, "one_town.ron").unwrap();
        let seats = scenario.human_seats().to_vec();
        Session::new(scenario, seats, &[], None).unwrap()
    }

    #[test]
    fn the_facilitators_words_are_bounded_before_they_reach_the_news() {
        let mut s = session();
        let long = "a".repeat(MAX_ANNOUNCEMENT_CHARS + 1);
        let news = s.news().len();
        let why = s
            .facilitate(Command::Announce {
                message: long.clone(),
            })
            .unwrap_err();
        assert_eq!(why.id, "session-words-too-long");
        let why = s
            .facilitate(Command::Pause {
                question: Some(Question::Own(long)),
            })
            .unwrap_err();
        assert_eq!(why.id, "session-words-too-long");
        assert_eq!((s.news().len(), s.paused()), (news, None));
        let fits = "é".repeat(MAX_ANNOUNCEMENT_CHARS);
        s.facilitate(Command::Announce { message: fits }).unwrap();
        assert_eq!(s.news().len(), news + 1);
    }

    #[test]
    fn a_discussion_question_travels_by_its_number_and_a_missing_one_changes_nothing() {
        let mut s = session();
        let second = s.scenario().file.discussion[1].clone();
        s.facilitate(Command::Pause {
            question: Some(Question::Discussion(1)),
        })
        .unwrap();
        assert_eq!(s.paused(), Some(Some(&second)));
        s.facilitate(Command::Resume).unwrap();
        let missing = s.facilitate(Command::Pause {
            question: Some(Question::Discussion(99)),
        });
        assert_eq!(missing.unwrap_err().id, "session-no-question");
        assert_eq!(s.paused(), None);
        // The command reads back from the room's JSON as it was sent.
        let sent = Command::Pause {
            question: Some(Question::Discussion(1)),
        };
        let text = serde_json::to_string(&sent).unwrap();
        assert_eq!(serde_json::from_str::<Command>(&text).unwrap(), sent);
    }

    #[test]
    fn advance_plays_the_month_and_rewind_goes_back_to_it() {
        let mut s = session();
        s.facilitate(Command::Advance).unwrap();
        s.facilitate(Command::RunBots { months: 2 }).unwrap();
        assert_eq!(s.turn(), 4);
        s.facilitate(Command::Rewind { after: 1 }).unwrap();
        assert_eq!(s.turn(), 2);
        assert!(s.facilitate(Command::Rewind { after: 5 }).is_err());
        s.facilitate(Command::Pause { question: None }).unwrap();
        assert_eq!(
            s.facilitate(Command::Advance).unwrap_err().id,
            "session-paused"
        );
    }
}
