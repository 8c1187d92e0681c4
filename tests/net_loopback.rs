//! The networked workshop over real WebSockets on this machine: 30 players join one room, drop
//! and regain their connections at random, the server is stopped and restarted from its file
//! mid-game, and still no decision and no answer is lost and the books equal one table's.
#![cfg(feature = "serve")]
#[path = "support/player.rs"]
mod player;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use glassbank::net::Command;
use glassbank::serve::{Files, ServeOptions, lock, start};
use glassbank::session::{Command as Do, Question, Session};
use glassbank::sim::Seat;

const PLAYERS: usize = 30;
const SEED: u64 = 11;

fn scenario() -> glassbank::scenario::Scenario {
    glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap()
}

fn options(dir: &std::path::Path, fresh: bool, port: u16) -> ServeOptions {
    ServeOptions {
        address: SocketAddr::from(([127, 0, 0, 1], port)),
        players: PLAYERS,
        minutes: 0,
        tables: 1,
        treatments: Vec::new(),
        away_seconds: 0,
        seed: Some(SEED),
        web: dir.join("web"),
        files: Files {
            room: dir.join("room.json"),
            feedback: dir.join("feedback.jsonl"),
        },
        fresh,
        limits: Default::default(),
        roster: Vec::new(),
        lesson_seeds: Vec::new(),
    }
}

/// The same game at one table: the same seats, seed and rule for every decision.
fn one_table(seats: &[Seat]) -> Session {
    let mut session = Session::new(scenario(), seats.to_vec(), &[], Some(SEED)).unwrap();
    while !session.is_finished() {
        let turn = session.turn();
        for &seat in seats {
            let draft = *session.draft(seat).unwrap();
            *session.draft_mut(seat).unwrap() = player::decide(seat, turn, draft);
        }
        session.play_turn().unwrap();
    }
    session
}

#[tokio::test(flavor = "current_thread")]
async fn thirty_players_with_drops_and_a_restart_end_with_one_tables_books() {
    let dir = std::env::temp_dir().join(format!("glassbank-loopback-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let server = start(scenario(), options(&dir, true, 0)).await.unwrap();
    let (code, seats) = {
        let hub = lock(&server.shared);
        (
            hub.room.code().to_string(),
            hub.room.session().humans().to_vec(),
        )
    };
    assert_eq!(seats.len(), PLAYERS);
    let address = Arc::new(Mutex::new(server.address));
    let clock = tokio::time::Instant::now();
    let players: Vec<_> = seats
        .iter()
        .enumerate()
        .map(|(i, &seat)| {
            let manner = player::Manner {
                drops_per_mille: 60,
                seed: 1_000 + i as u64,
                think: Duration::ZERO,
                quits_at: None,
            };
            tokio::spawn(player::play(
                address.clone(),
                code.clone(),
                Some(seat),
                manner,
                clock,
            ))
        })
        .collect();
    // Stop the server once month 4 is being decided, and start it again from its file.
    let mut server = Some(server);
    let restarted = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            tokio::time::sleep(Duration::from_millis(5)).await;
            let Some(s) = server.as_ref() else { break };
            if lock(&s.shared).room.session().turn() >= 4 {
                server.take().unwrap().stop().await;
                break;
            }
        }
    })
    .await;
    assert!(restarted.is_ok(), "the players never reached month 4");
    let port = address.lock().unwrap().port();
    let again = start(scenario(), options(&dir, false, port)).await.unwrap();
    assert!(again.resumed, "the room was read back from its file");
    assert_eq!(lock(&again.shared).room.code(), code);
    *address.lock().unwrap() = again.address;
    let mut results = Vec::new();
    for p in players {
        results.push(
            tokio::time::timeout(Duration::from_secs(120), p)
                .await
                .expect("a player never finished")
                .unwrap(),
        );
    }
    let turns = scenario().turns();
    for (r, seat) in results.iter().zip(&seats) {
        assert_eq!(r.seat, Some(*seat));
        assert!(r.recorded, "{seat:?}'s answers were not recorded");
        assert_eq!(
            r.months_seen.len(),
            usize::from(turns) + 1,
            "{seat:?} saw every month and the end: {:?}",
            r.months_seen
        );
    }
    let reconnections: u32 = results.iter().map(|r| r.reconnections).sum();
    assert!(reconnections >= 30, "the drops happened: {reconnections}");
    // The same books as one table.
    let local = one_table(&seats);
    {
        let hub = lock(&again.shared);
        let session = hub.room.session();
        assert!(session.is_finished());
        assert_eq!(
            session.economy().ledger().fingerprint(),
            local.economy().ledger().fingerprint()
        );
        assert_eq!(session.log().turns, local.log().turns);
        // A facilitator's command still answers.
        drop(hub);
        lock(&again.shared)
            .room
            .facilitate(Command::Status)
            .unwrap();
    }
    // Every player's answers once in the facilitator's log, whatever the drops.
    let text = std::fs::read_to_string(dir.join("feedback.jsonl")).unwrap();
    let (responses, damaged) = glassbank::feedback::read_log(&text);
    assert_eq!(damaged, 0);
    assert_eq!(
        responses.iter().filter(|r| r.phase.is_none()).count(),
        PLAYERS,
        "one answer per player, none doubled"
    );
    // The quiz before and after, once per player whatever the drops.
    let quiz = scenario().file.quiz.len();
    assert_eq!(
        responses.iter().filter(|r| r.phase.is_some()).count(),
        2 * PLAYERS * quiz
    );
    again.stop().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// A room opened from the desktop game runs on a thread of its own: the facilitator's commands
/// reach it (a discussion question in both languages, bots in the empty seats), a player plays
/// the whole game over WebSockets, and a room closed and opened again goes on where it stopped.
#[tokio::test(flavor = "current_thread")]
async fn a_room_hosted_by_the_desktop_game_takes_commands_and_resumes_after_closing() {
    use glassbank::serve::Hosted;
    let dir = std::env::temp_dir().join(format!("glassbank-hosted-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut options = options(&dir, true, 0);
    options.players = 0;
    let hosted = Hosted::open(scenario(), options.clone()).unwrap();
    assert!(!hosted.resumed);
    let code = lock(&hosted.shared).room.code().to_string();
    assert!(
        hosted.url.ends_with(&format!("/?room={code}")),
        "{}",
        hosted.url
    );
    assert!(hosted.url.contains(&format!(":{}/", hosted.address.port())));
    // A discussion question chosen on the console reaches each player in their language.
    let question = scenario().file.discussion[0].clone();
    hosted
        .facilitate(Command::Table(Do::Pause {
            question: Some(Question::Discussion(0)),
        }))
        .unwrap();
    assert_eq!(
        lock(&hosted.shared).room.session().paused(),
        Some(Some(&question))
    );
    hosted.facilitate(Command::Table(Do::Resume)).unwrap();
    // Bots hold every seat but the first.
    let seats = lock(&hosted.shared).room.session().humans().to_vec();
    assert!(seats.len() >= 2);
    for &seat in &seats[1..] {
        hosted.facilitate(Command::StandIn { seat }).unwrap();
    }
    // A seat that is not in the game is refused and changes nothing.
    let stranger = Seat::Client(glassbank::sim::ClientId(9_999));
    assert!(
        hosted
            .facilitate(Command::StandIn { seat: stranger })
            .is_err()
    );
    let address = Arc::new(Mutex::new(hosted.address));
    let manner = player::Manner {
        drops_per_mille: 0,
        seed: 7,
        think: Duration::ZERO,
        quits_at: None,
    };
    let clock = tokio::time::Instant::now();
    let playing = tokio::spawn(player::play(
        address.clone(),
        code.clone(),
        Some(seats[0]),
        manner,
        clock,
    ));
    // Closed at month 3 and opened again on the same port: the same room, where it stopped.
    let mut hosted = Some(hosted);
    let closed = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            tokio::time::sleep(Duration::from_millis(5)).await;
            let at = lock(&hosted.as_ref().unwrap().shared).room.session().turn();
            if at >= 3 {
                let mut room = hosted.take().unwrap();
                // Closing waits for the room's thread; the player's task goes on meanwhile.
                tokio::task::spawn_blocking(move || room.close())
                    .await
                    .unwrap();
                break at;
            }
        }
    })
    .await
    .expect("the player never reached month 3");
    let mut again = options.clone();
    again.address = *address.lock().unwrap();
    again.fresh = false;
    let reopened = Hosted::open(scenario(), again).unwrap();
    assert!(reopened.resumed);
    assert_eq!(lock(&reopened.shared).room.code(), code);
    assert!(lock(&reopened.shared).room.session().turn() >= closed);
    let played = tokio::time::timeout(Duration::from_secs(120), playing)
        .await
        .expect("the player never finished")
        .unwrap();
    assert!(played.recorded);
    assert!(
        played.reconnections >= 1,
        "the player came back after the closing"
    );
    assert!(lock(&reopened.shared).room.session().is_finished());
    let text = std::fs::read_to_string(dir.join("feedback.jsonl")).unwrap();
    let (responses, _) = glassbank::feedback::read_log(&text);
    assert_eq!(responses.iter().filter(|r| r.phase.is_none()).count(), 1);
    drop(reopened);
    let _ = std::fs::remove_dir_all(&dir);
}
