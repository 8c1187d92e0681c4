//! The bots' games behind the class debrief's lessons: the scenario's lessons played over many seeds on a thread of their own while the room runs, their progress handed to the room now and then.
use std::sync::Weak;

use super::{Hub, lock};
use crate::headless::Study;
use crate::net::{BotSpread, class::BotGames};
use crate::scenario::Scenario;

/// Games played between two reports to the room.
const GAMES_PER_REPORT: usize = 10;

/// Plays the lessons' games on a thread; stops when the room is gone or a game fails (the
/// debrief then shows the lessons without the bots' spread).
pub fn play(scenario: Scenario, seeds: Vec<u64>, room: Weak<std::sync::Mutex<Hub>>) {
    if scenario.lessons().is_empty() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("lessons".into())
        .spawn(move || {
            let mut study = Study::new(&scenario, seeds);
            let games = u32::try_from(study.games()).unwrap_or(u32::MAX);
            loop {
                let mut failed = false;
                for _ in 0..GAMES_PER_REPORT {
                    match study.step() {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(_) => {
                            failed = true;
                            break;
                        }
                    }
                }
                let Some(shared) = room.upgrade() else {
                    return;
                };
                let done = study.is_done();
                let bots = BotGames {
                    played: u32::try_from(study.played()).unwrap_or(u32::MAX),
                    games,
                    spreads: done.then(|| spreads(&scenario, &study)),
                };
                lock(&shared).room.set_bot_games(bots);
                if done || failed {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("glassbank serve: {e}");
    }
}

/// Each lesson's spread in its two variants, in the scenario's order.
fn spreads(scenario: &Scenario, study: &Study) -> Vec<[BotSpread; 2]> {
    let findings = study.findings();
    scenario
        .lessons()
        .iter()
        .map(|lesson| {
            let f = findings.iter().find(|f| f.lesson == *lesson);
            let games = f.map_or(0, |f| u32::try_from(f.seeds).unwrap_or(u32::MAX));
            let spread = |s: Option<&crate::headless::Spread>| BotSpread {
                p10: s.map_or(0.0, |s| s.p10),
                median: s.map_or(0.0, |s| s.median),
                p90: s.map_or(0.0, |s| s.p90),
                games,
            };
            [spread(f.map(|f| &f.first)), spread(f.map(|f| &f.second))]
        })
        .collect()
}
