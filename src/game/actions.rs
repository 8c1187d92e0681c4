//! What the players ask for, as messages the screens send, and the one system that carries
//! them out: moving between screens, seating, starting the session, committing decisions.
use bevy::prelude::*;

use super::{Catalog, Screen, Settings, Table, Tr};
use crate::i18n::{Language, Translations};
use crate::session::Session;
use crate::sim::{Seat, Strategy};

/// Who plays a seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Player {
    Human,
    Bot(Strategy),
}

/// One seat a human may take, and who will play it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatingChoice {
    pub seat: Seat,
    /// The actor's id in the scenario.
    pub actor: String,
    /// Its name for players: the bank's or shop's name, or the household's id.
    pub name: String,
    pub player: Player,
}

/// The seats of the chosen scenario, as set on the seats screen.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct Seating {
    pub choices: Vec<SeatingChoice>,
}

/// Something a player asked for.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum Action {
    Open(Screen),
    ChooseScenario(usize),
    /// Go on with the chosen scenario to the seats screen.
    ConfirmScenario,
    SetPlayer(usize, Player),
    StartGame,
    /// The next player has the computer.
    Ready,
    /// Resume a saved game from its session log.
    Resume(std::path::PathBuf),
    /// The active player is done for the month.
    Commit,
    /// With no human at the table: play the month with bots.
    PlayMonth,
    NewGame,
    SetLanguage(Language),
    SetScale(f32),
    SetFullscreen(bool),
    /// Facilitator mode: the console on F2, the projector on F3.
    SetFacilitator(bool),
    /// A command from the facilitator's console.
    Facilitate(super::facilitator::Command),
    ToggleSettings,
    /// Open or close the glossary (F1).
    ToggleGlossary,
    /// Show each role's guide in its first month, or not.
    SetTutorials(bool),
    /// Save the current player's answers to the usual log.
    SaveAnswers,
    /// Save them to another file (when the usual place cannot be written).
    SaveAnswersTo(String),
    /// The next player answers the questionnaire.
    NextRespondent,
    /// Write this game's answers as CSV and JSON Lines for the facilitator.
    ExportFeedback,
    /// A scenario file the player opened: its name and text; it goes first in the list.
    OpenScenarioText(String, String),
    /// Ask the page for a scenario file (the browser's file picker).
    PickScenarioFile,
    /// Download this game's session log (the browser's way to keep it).
    DownloadSessionLog,
    /// Download the answers being given (when the browser cannot keep them).
    DownloadAnswers,
    Quit,
}

/// The seats of a scenario with their default players: the first seat human, the others bots
/// playing their actor's strategy.
pub fn default_seating(scenario: &crate::scenario::Scenario) -> Seating {
    let config = scenario.economy();
    let ids = scenario.ids();
    let choices = scenario
        .human_seats()
        .iter()
        .enumerate()
        .map(|(i, &seat)| {
            let (actor, name, strategy) = match seat {
                Seat::RetailBanker(b) | Seat::BusinessBanker(b) => {
                    let bank = config.banks.get(b.index());
                    let strategy = bank.map(|x| match seat {
                        Seat::RetailBanker(_) => x.retail_strategy,
                        _ => x.business_strategy,
                    });
                    (ids.bank_id(b), bank.map(|x| x.name.clone()), strategy)
                }
                Seat::Merchant(m) => {
                    let shop = config.merchants.get(m.index());
                    (
                        ids.merchant_id(m),
                        shop.map(|x| x.name.clone()),
                        shop.map(|x| x.strategy),
                    )
                }
                Seat::Client(c) => (
                    ids.client_id(c),
                    ids.client_id(c),
                    config.clients.get(c.index()).map(|c| c.strategy),
                ),
            };
            SeatingChoice {
                seat,
                actor: actor.unwrap_or_default(),
                name: name.unwrap_or_default(),
                player: if i == 0 {
                    Player::Human
                } else {
                    Player::Bot(strategy.unwrap_or_default())
                },
            }
        })
        .collect();
    Seating { choices }
}

/// A new month opens on its news when the timeline has any.
fn open_month(table: &mut Table) {
    if table.session.as_ref().is_some_and(|s| !s.news().is_empty()) {
        table.tab = super::screens::turn::Tab::News;
    }
}

/// Carries out a facilitator's command; months played or undone are saved like any other, and
/// a branch from an earlier month gets a log of its own, the original's staying as it was.
fn facilitate(
    table: &mut Table,
    console: &mut super::facilitator::Console,
    records: &mut super::records::Records,
    next: &mut NextState<Screen>,
    command: &super::facilitator::Command,
    tr: &Translations,
) {
    let before = table.session.as_ref().map(|s| s.played().len());
    if let Err(e) = super::facilitator::apply(table, console, command) {
        table.error = Some(tr.message(&e));
        return;
    }
    table.error = None;
    let Some(session) = table.session.as_ref() else {
        return;
    };
    let played = session.played().len();
    if before == Some(played) {
        return;
    }
    if before.is_some_and(|b| played < b) {
        records.restart();
    }
    records.save_session(session);
    let screen = after_month(session);
    open_month(table);
    // The next player takes the seat as after any month; the console stays on screen.
    next.set(screen);
}

/// Where to go once a month has been decided or played.
fn after_month(session: &Session) -> Screen {
    if session.is_finished() {
        Screen::Debrief
    } else if session.humans().len() > 1 {
        Screen::Handover
    } else {
        Screen::Turn
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn apply(
    mut actions: MessageReader<Action>,
    mut next: ResMut<NextState<Screen>>,
    mut catalog: ResMut<Catalog>,
    mut seating: ResMut<Seating>,
    mut table: ResMut<Table>,
    mut settings: ResMut<Settings>,
    mut tr: ResMut<Tr>,
    mut records: ResMut<super::records::Records>,
    mut console: ResMut<super::facilitator::Console>,
    mut guide: ResMut<super::guide::Guide>,
    mut exit: MessageWriter<AppExit>,
) {
    for action in actions.read() {
        match action {
            Action::Facilitate(command) => facilitate(
                &mut table,
                &mut console,
                &mut records,
                &mut next,
                command,
                &tr.0,
            ),
            Action::Open(screen) => next.set(*screen),
            Action::ChooseScenario(i) => {
                if *i < catalog.entries.len() {
                    catalog.chosen = *i;
                }
            }
            Action::ConfirmScenario => {
                if let Some(Ok(scenario)) = catalog.chosen().map(|e| &e.scenario) {
                    *seating = default_seating(scenario);
                    next.set(Screen::Seats);
                }
            }
            Action::SetPlayer(i, player) => {
                if let Some(choice) = seating.choices.get_mut(*i) {
                    choice.player = *player;
                }
            }
            Action::StartGame => {
                let Some(Ok(scenario)) = catalog.chosen().map(|e| &e.scenario) else {
                    continue;
                };
                let humans: Vec<Seat> = seating
                    .choices
                    .iter()
                    .filter(|c| c.player == Player::Human)
                    .map(|c| c.seat)
                    .collect();
                let bots: Vec<(Seat, Strategy)> = seating
                    .choices
                    .iter()
                    .filter_map(|c| match c.player {
                        Player::Bot(s) => Some((c.seat, s)),
                        Player::Human => None,
                    })
                    .collect();
                match Session::new(scenario.clone(), humans, &bots, None) {
                    Ok(session) => {
                        records.restart();
                        guide.restart();
                        records.save_session(&session);
                        let screen = if session.humans().len() > 1 {
                            Screen::Handover
                        } else {
                            Screen::Turn
                        };
                        table.session = Some(session);
                        table.error = None;
                        next.set(screen);
                    }
                    Err(e) => table.error = Some(tr.0.message(&e)),
                }
            }
            Action::Resume(path) => match super::records::resume(path) {
                Ok(session) => {
                    // The game goes on in the same log file.
                    if let Some(id) = path.file_stem().and_then(|s| s.to_str()) {
                        records.restart();
                        records.session_id = id.to_string();
                    }
                    guide.restart();
                    let screen = if session.is_finished() {
                        Screen::Debrief
                    } else {
                        after_month(&session)
                    };
                    table.session = Some(session);
                    table.error = None;
                    next.set(screen);
                }
                Err(e) => table.error = Some(tr.0.message(&e)),
            },
            Action::Ready => {
                open_month(&mut table);
                next.set(Screen::Turn);
            }
            Action::Commit => {
                let Some(session) = table.session.as_mut() else {
                    continue;
                };
                let Some(seat) = session.active() else {
                    continue;
                };
                match session.commit(seat) {
                    Ok(Some(_)) => {
                        records.save_session(session);
                        let screen = after_month(session);
                        table.error = None;
                        open_month(&mut table);
                        next.set(screen);
                    }
                    Ok(None) => {
                        table.error = None;
                        next.set(Screen::Handover);
                    }
                    Err(e) => table.error = Some(tr.0.message(&e)),
                }
            }
            Action::PlayMonth => {
                let Some(session) = table.session.as_mut() else {
                    continue;
                };
                match session.play_turn() {
                    Ok(_) => {
                        records.save_session(session);
                        let screen = after_month(session);
                        open_month(&mut table);
                        next.set(screen);
                    }
                    Err(e) => table.error = Some(tr.0.message(&e)),
                }
            }
            Action::NewGame => {
                records.restart();
                guide.restart();
                table.session = None;
                table.error = None;
                next.set(Screen::Title);
            }
            Action::SetLanguage(language) => {
                settings.language = *language;
                tr.0 = Translations::new(*language);
            }
            Action::SetScale(scale) => {
                let range = super::settings::SCALES;
                settings.ui_scale = scale.clamp(*range.start(), *range.end());
            }
            Action::SetFullscreen(on) => settings.fullscreen = *on,
            Action::SetFacilitator(on) => settings.facilitator = *on,
            Action::ToggleSettings => settings.open = !settings.open,
            Action::ToggleGlossary => settings.glossary = !settings.glossary,
            Action::SetTutorials(on) => settings.tutorials = *on,
            Action::SaveAnswers | Action::SaveAnswersTo(_) => {
                if let Some(session) = table.session.as_ref() {
                    let path = match action {
                        Action::SaveAnswersTo(p) => Some(std::path::PathBuf::from(p)),
                        _ => None,
                    };
                    records.save_answers(session, path, &tr.0);
                }
            }
            Action::NextRespondent => records.next_respondent(),
            Action::ExportFeedback => records.export(),
            Action::OpenScenarioText(name, text) => {
                catalog.open(name, text);
                next.set(Screen::Choice);
            }
            Action::PickScenarioFile => {
                #[cfg(target_arch = "wasm32")]
                crate::platform::pick_scenario_file();
            }
            Action::DownloadSessionLog =>
            {
                #[cfg(target_arch = "wasm32")]
                if let Some(session) = table.session.as_ref() {
                    records.download_session(session);
                }
            }
            Action::DownloadAnswers =>
            {
                #[cfg(target_arch = "wasm32")]
                if let Some(session) = table.session.as_ref() {
                    records.download_answers(session, &tr.0);
                }
            }
            Action::Quit => {
                exit.write(AppExit::Success);
            }
        }
    }
}
