//! Automatic screenshots: one of the first screen (`--screenshot FILE`), or a tour of every
//! screen with one PNG each (`--tour DIR`): title, scenario choice, seats, hand-over, each
//! role's panel with the market, value chain, pricing and charts tabs, the settings, the
//! first-month guide, the glossary, the facilitator's console and projector, the debrief, and
//! a networked room hosted from the game (its console and projector).
//! `--lang` and `--scale` give the same tour in French or at 200%.
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use super::actions::Player;
use super::panels::chain::Span as ChainSpan;
use super::screens::turn::Tab;
use super::{Action, Screen, Seating, Table};

/// Frames to let a screen settle (egui lays out over two frames) before capturing it.
const SETTLE: u32 = 8;
/// Give up (with an error) if a capture takes longer than this many frames.
const TIMEOUT: u32 = 600;

/// One step of a tour.
#[derive(Clone, Debug)]
enum Step {
    Act(Vec<Action>),
    /// Make every offered seat human.
    AllHuman,
    ShowTab(Tab, ChainSpan),
    /// Every human commits, month after month, for this many months.
    Play(u16),
    /// The active human commits.
    Commit,
    /// Play the remaining months and open the debrief.
    Finish,
    Shot(&'static str),
    ShowDebrief(super::screens::debrief::Part),
    /// The current player agrees to the questionnaire and answers its first question.
    Consent,
    /// Open or close the facilitator's console.
    Console(bool),
    /// Switch the projector view on or off.
    Projector(bool),
    /// Give each player this many minutes.
    Timer(u32),
    /// Host a networked room (opened on the first call), play months in it, and show its
    /// console or projector.
    #[cfg(feature = "serve")]
    Host {
        projector: bool,
        months: u16,
    },
}

/// The steps left and where the PNGs go.
#[derive(Resource)]
pub(super) struct Tour {
    dir: PathBuf,
    single: Option<PathBuf>,
    steps: std::collections::VecDeque<Step>,
    frame: u32,
    /// The frame the current step started at.
    since: u32,
    /// The file being captured, and when it was saved.
    capturing: Option<(PathBuf, Option<u32>)>,
}

impl Tour {
    pub(super) fn single(path: PathBuf) -> Tour {
        Tour {
            dir: PathBuf::new(),
            single: Some(path),
            steps: [Step::Shot("")].into(),
            frame: 0,
            since: 0,
            capturing: None,
        }
    }

    pub(super) fn every_screen(dir: PathBuf) -> Tour {
        use Step::*;
        let steps = [
            Shot("01-title.png"),
            Act(vec![Action::Open(Screen::Choice)]),
            Shot("02-choice.png"),
            Act(vec![Action::ConfirmScenario]),
            AllHuman,
            Shot("03-seats.png"),
            // The first-month guides wait for their own picture (20).
            Act(vec![Action::SetTutorials(false)]),
            Act(vec![Action::StartGame]),
            Shot("04-handover.png"),
            Play(3),
            Act(vec![Action::Open(Screen::Turn)]),
            ShowTab(Tab::News, ChainSpan::Payment),
            Shot("05-retail-news.png"),
            // The decisions' own tab, when the window is narrow (200%); else the news again.
            ShowTab(Tab::Decide, ChainSpan::Payment),
            Shot("22-retail-decide-narrow.png"),
            ShowTab(Tab::Market, ChainSpan::Payment),
            Shot("06-retail-market.png"),
            ShowTab(Tab::Charts, ChainSpan::Payment),
            Shot("07-charts.png"),
            // The bank's books: balance sheet, P&L, tax and capital.
            ShowTab(Tab::Accounts, ChainSpan::Payment),
            Shot("27-retail-accounts.png"),
            Commit,
            Act(vec![Action::Open(Screen::Turn)]),
            ShowTab(Tab::Pricing, ChainSpan::Payment),
            Shot("08-business-pricing.png"),
            Commit,
            Act(vec![Action::Open(Screen::Turn)]),
            ShowTab(Tab::ValueChain, ChainSpan::Payment),
            Shot("09-merchant-value-chain.png"),
            ShowTab(Tab::ValueChain, ChainSpan::Game),
            Shot("10-value-chain-game.png"),
            Commit,
            Act(vec![Action::Open(Screen::Turn)]),
            ShowTab(Tab::Accounts, ChainSpan::Payment),
            Shot("11-client-accounts.png"),
            Act(vec![Action::ToggleSettings]),
            Shot("12-settings.png"),
            Act(vec![Action::ToggleSettings]),
            Act(vec![Action::SetTutorials(true)]),
            Shot("20-guide.png"),
            Act(vec![Action::SetTutorials(false)]),
            Act(vec![Action::ToggleGlossary]),
            Shot("21-glossary.png"),
            Act(vec![Action::ToggleGlossary]),
            Console(true),
            Timer(5),
            Shot("17-facilitator-console.png"),
            Timer(0),
            Console(false),
            Projector(true),
            Shot("18-projector.png"),
            Projector(false),
            Finish,
            Shot("13-debrief.png"),
            ShowDebrief(super::screens::debrief::Part::Money),
            Shot("14-debrief-money.png"),
            ShowDebrief(super::screens::debrief::Part::Hidden),
            Shot("15-debrief-hidden.png"),
            ShowDebrief(super::screens::debrief::Part::Tables),
            Shot("19-debrief-tables.png"),
            ShowDebrief(super::screens::debrief::Part::Lessons),
            Shot("26-debrief-lessons.png"),
            ShowDebrief(super::screens::debrief::Part::Questionnaire),
            Consent,
            Shot("16-questionnaire.png"),
            #[cfg(feature = "serve")]
            Host {
                projector: true,
                months: 0,
            },
            #[cfg(feature = "serve")]
            Shot("23-host-projector-join.png"),
            #[cfg(feature = "serve")]
            Host {
                projector: false,
                months: 3,
            },
            #[cfg(feature = "serve")]
            Shot("24-host-console.png"),
            #[cfg(feature = "serve")]
            Host {
                projector: true,
                months: 0,
            },
            #[cfg(feature = "serve")]
            Shot("25-host-projector.png"),
        ];
        Tour {
            dir,
            single: None,
            steps: steps.into(),
            frame: 0,
            since: 0,
            capturing: None,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, drive);
}

fn commit_all(table: &mut Table) {
    if let Some(session) = table.session.as_mut() {
        while let Some(seat) = session.active() {
            if session.commit(seat).is_err() {
                break;
            }
            if session.is_finished() {
                break;
            }
            if session.active() == session.humans().first().copied() {
                break;
            }
        }
    }
}

#[allow(clippy::too_many_arguments)] // a Bevy system takes what it touches
fn drive(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    mut table: ResMut<Table>,
    mut seating: ResMut<Seating>,
    mut next: ResMut<NextState<Screen>>,
    times: Res<super::UiTimes>,
    mut records: ResMut<super::records::Records>,
    mut console: ResMut<super::facilitator::Console>,
    mut actions: MessageWriter<Action>,
    mut exit: MessageWriter<AppExit>,
) {
    tour.frame += 1;
    let frame = tour.frame;
    if let Some((path, saved)) = tour.capturing.clone() {
        match saved {
            Some(at) if frame >= at + 2 => {
                if !crate::platform::exists(&path) {
                    error!("Screenshot could not be saved to {}", path.display());
                    exit.write(AppExit::error());
                    return;
                }
                info!("Screenshot written to {}", path.display());
                tour.capturing = None;
                tour.since = frame;
            }
            None if frame > tour.since + TIMEOUT => {
                error!("No screenshot was captured after {TIMEOUT} frames");
                exit.write(AppExit::error());
            }
            _ => {}
        }
        return;
    }
    if frame < tour.since + SETTLE {
        return;
    }
    let Some(step) = tour.steps.pop_front() else {
        if let Some((mean, p95, max)) = times.summary() {
            info!(
                "Turn screen UI built in {mean:.2} ms on average, {p95:.2} ms at the 95th \
                 percentile, {max:.2} ms at most, over {} frames",
                times.turn_screen.len()
            );
        }
        exit.write(AppExit::Success);
        return;
    };
    tour.since = frame;
    match step {
        Step::Act(list) => {
            actions.write_batch(list);
        }
        Step::AllHuman => {
            for c in &mut seating.choices {
                c.player = Player::Human;
            }
        }
        Step::ShowTab(tab, chain) => {
            table.tab = tab;
            table.chain = chain;
        }
        Step::Play(months) => {
            for _ in 0..months {
                commit_all(&mut table);
            }
        }
        Step::Commit => {
            if let Some(session) = table.session.as_mut()
                && let Some(seat) = session.active()
            {
                let _ = session.commit(seat);
            }
        }
        Step::Finish => {
            while table.session.as_ref().is_some_and(|s| !s.is_finished()) {
                commit_all(&mut table);
            }
            next.set(Screen::Debrief);
        }
        Step::ShowDebrief(part) => {
            // The tour's picture shows the lessons worked out, not half-way.
            use super::screens::debrief::Part;
            if matches!(part, Part::Tables | Part::Lessons)
                && let Some(session) = table.session.as_ref()
            {
                let scenario = session.scenario().clone();
                table.compare.work_on_lessons(&scenario, usize::MAX);
            }
            table.debrief = part;
        }
        Step::Console(open) => {
            console.view = if open {
                super::facilitator::View::Console
            } else {
                super::facilitator::View::Players
            }
        }
        Step::Projector(on) => {
            console.view = if on {
                super::facilitator::View::Projector
            } else {
                super::facilitator::View::Players
            }
        }
        Step::Timer(minutes) => {
            console.timer_minutes = minutes;
            table.timer.limit_secs = minutes * 60;
        }
        Step::Consent => {
            records.questionnaire.consent = Some(true);
        }
        #[cfg(feature = "serve")]
        Step::Host { projector, months } => {
            next.set(Screen::Host);
            commands.queue(move |world: &mut World| {
                super::host::show_in_tour(world, projector, months);
            });
        }
        Step::Shot(name) => {
            let path = tour.single.clone().unwrap_or_else(|| tour.dir.join(name));
            if let Some(dir) = path.parent() {
                crate::platform::create_dir_all(dir);
            }
            tour.capturing = Some((path.clone(), None));
            let mut save = save_to_disk(path);
            commands.spawn(Screenshot::primary_window()).observe(
                move |captured: On<ScreenshotCaptured>, mut tour: ResMut<Tour>| {
                    save(captured);
                    let frame = tour.frame;
                    if let Some((_, saved)) = tour.capturing.as_mut() {
                        *saved = Some(frame);
                    }
                },
            );
        }
    }
}
