//! A class over real WebSockets on this machine: three tables under two treatments drawn from a seed, players placed at the emptiest table as they come, a student who walks out and a seat nobody took both played by bots after the away time, every table played to its end with its own replayable log, and each answer filed with its table and treatment.
#![cfg(feature = "serve")]
#[path = "support/player.rs"]
mod player;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use glassbank::feedback::QuizPhase;
use glassbank::headless::class::{Class, write_report};
use glassbank::serve::{Files, ServeOptions, lock, start, table_log_file};
use glassbank::session::{Session, SessionLog};
use glassbank::sim::Transparency;

const TABLES: usize = 3;
/// One fewer than the seats: one seat is never taken.
const PLAYERS: usize = 11;

/// A page from the room's web side, its head and body as they came.
async fn get(address: SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut answer))
        .await
        .expect("the page in time")
        .unwrap();
    String::from_utf8(answer).unwrap()
}

fn scenario() -> glassbank::scenario::Scenario {
    glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn a_class_of_three_tables_plays_to_the_end_with_its_treatments_and_bots_for_the_missing() {
    let dir = std::env::temp_dir().join(format!("glassbank-class-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = Files {
        room: dir.join("room.json"),
        feedback: dir.join("feedback.jsonl"),
    };
    let options = ServeOptions {
        address: SocketAddr::from(([127, 0, 0, 1], 0)),
        players: 12,
        tables: TABLES,
        treatments: vec![Transparency::Opaque, Transparency::Glass],
        minutes: 0,
        away_seconds: 1,
        seed: Some(21),
        web: dir.join("web"),
        files: files.clone(),
        fresh: true,
        limits: Default::default(),
        roster: Vec::new(),
        lesson_seeds: Vec::new(),
    };
    let server = start(scenario(), options).await.unwrap();
    let (code, treatments) = {
        let hub = lock(&server.shared);
        let room = &hub.room;
        assert_eq!(room.tables().len(), TABLES);
        assert_eq!(room.draw_seed(), Some(21));
        for t in room.tables() {
            assert_eq!(t.session().humans().len(), 4, "the scenario's seats");
        }
        let treatments: Vec<Transparency> = room
            .tables()
            .iter()
            .map(|t| t.treatment().unwrap())
            .collect();
        (room.code().to_string(), treatments)
    };
    // Balanced: two tables of one layer, one of the other.
    let glass = treatments
        .iter()
        .filter(|l| **l == Transparency::Glass)
        .count();
    assert!(glass == 1 || glass == 2, "{treatments:?}");
    let address = Arc::new(Mutex::new(server.address));
    let clock = tokio::time::Instant::now();
    let players: Vec<_> = (0..PLAYERS)
        .map(|i| {
            let mut manner = player::Manner::steady(100 + i as u64);
            // The first to come walks out in month 3.
            if i == 0 {
                manner.quits_at = Some(3);
            }
            tokio::spawn(player::play(
                address.clone(),
                code.clone(),
                None,
                manner,
                clock,
            ))
        })
        .collect();
    let mut results = Vec::new();
    for p in players {
        results.push(
            tokio::time::timeout(Duration::from_secs(180), p)
                .await
                .expect("a player never finished")
                .unwrap(),
        );
    }
    // Spread over the tables as they came: 4, 4 and 3.
    let mut at = [0usize; TABLES];
    for r in &results {
        at[r.table.expect("placed at a table")] += 1;
    }
    at.sort();
    assert_eq!(at, [3, 4, 4]);
    let walked_out = &results[0];
    assert!(!walked_out.recorded);
    assert!(results[1..].iter().all(|r| r.recorded));
    let fingerprints: Vec<u64> = {
        let hub = lock(&server.shared);
        let room = &hub.room;
        let states = room.table_states();
        // Bots hold the seat of the one who left and the seat nobody took.
        let bots: usize = states
            .iter()
            .map(|t| t.seats.iter().filter(|s| s.bot).count())
            .sum();
        assert_eq!(bots, 2, "{states:?}");
        let left = walked_out.seat.unwrap();
        let table = walked_out.table.unwrap();
        assert!(states[table].seats.iter().any(|s| s.seat == left && s.bot));
        room.tables()
            .iter()
            .map(|t| {
                assert!(t.session().is_finished(), "no table stalled");
                t.session().economy().ledger().fingerprint()
            })
            .collect()
    };
    // The report as the facilitator's tablet opens it, made by the running server.
    let report = lock(&server.shared).room.report().unwrap().to_string();
    let code = lock(&server.shared).room.code().to_string();
    let served = get(server.address, &format!("{report}fr/report.html")).await;
    assert!(served.starts_with("HTTP/1.1 200"), "{served:.300}");
    let (head, served_page) = served.split_once("\r\n\r\n").unwrap();
    let head = head.to_ascii_lowercase();
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(head.contains("cache-control: no-store"), "{head}");
    assert!(head.contains("referrer-policy: no-referrer"), "{head}");
    let csv = get(server.address, &format!("{report}en/class.csv")).await;
    assert!(csv.starts_with("HTTP/1.1 200"), "{csv:.300}");
    assert!(
        csv.contains("attachment; filename=\"class.csv\""),
        "{csv:.300}"
    );
    // A wrong key, language or file is not found, and nothing else is served from there.
    let wrong_key = format!("/report/{}/fr/report.html", "0".repeat(32));
    for path in [
        wrong_key.as_str(),
        &format!("{report}de/report.html"),
        &format!("{report}fr/room.json"),
        &format!("{report}fr/..%2Froom.json"),
    ] {
        let answer = get(server.address, path).await;
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer:.200}");
    }
    server.stop().await;
    // Every table's own log replays to its books.
    for (t, fingerprint) in fingerprints.iter().enumerate() {
        let text = std::fs::read_to_string(table_log_file(&files.room, t)).unwrap();
        let log = SessionLog::parse(&text).unwrap();
        let replayed = Session::replay(&log, None).unwrap();
        assert_eq!(replayed.economy().ledger().fingerprint(), *fingerprint);
        assert_eq!(
            replayed.economy().params().transparency,
            treatments[t],
            "table {} under its treatment",
            t + 1
        );
    }
    // Each answer with its table and that table's treatment.
    let text = std::fs::read_to_string(&files.feedback).unwrap();
    let (responses, damaged) = glassbank::feedback::read_log(&text);
    assert_eq!(damaged, 0);
    for r in &responses {
        let table = r.table.expect("a table") as usize;
        assert_eq!(r.treatment, Some(treatments[table - 1]));
        assert!(r.seat.is_some(), "every answer says its seat");
    }
    let questionnaire = responses.iter().filter(|r| r.phase.is_none()).count();
    assert_eq!(questionnaire, PLAYERS - 1);
    // The quiz: everyone before the first month (the one who walked out too), the others after.
    let questions = scenario().file.quiz.len();
    let quiz = |phase| responses.iter().filter(|r| r.phase == Some(phase)).count();
    assert_eq!(quiz(QuizPhase::Before), PLAYERS * questions);
    assert_eq!(quiz(QuizPhase::After), (PLAYERS - 1) * questions);
    let csv = glassbank::feedback::to_csv(&responses);
    assert!(csv.starts_with("session,scenario,table,treatment,"));
    // A rehearsal's answers in the same folder (the feedback log gathers every game of the
    // machine): kept without a room's code, left out with this room's.
    let rehearsal: Vec<String> = responses
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.session = "REHEARSAL".into();
            r.to_line()
        })
        .collect();
    std::fs::write(dir.join("rehearsal.jsonl"), rehearsal.join("\n")).unwrap();
    let everything = Class::read(&dir, None).unwrap();
    assert_eq!(everything.responses.len(), 2 * responses.len());
    // The facilitator's report from the folder: the class learnt (every player answers the
    // quiz right after the game), and nothing is dropped from the long CSV.
    let class = Class::read(&dir, Some(&code.to_ascii_lowercase())).unwrap();
    assert_eq!(class.responses.len(), responses.len());
    assert_eq!(class.tables.len(), TABLES);
    let learning = class.learning();
    assert!(!learning.is_empty() && learning.len() <= 2);
    for l in &learning {
        let (before, after) = (l.before.unwrap(), l.after.unwrap());
        assert_eq!(after.mean, 1.0, "{l:?}");
        assert!(before.mean < after.mean, "{l:?}");
    }
    let tr = glassbank::i18n::Translations::shared(glassbank::i18n::Language::Fr);
    let out = dir.join("report");
    let written = write_report(&class, &out, tr).unwrap();
    assert_eq!(written.len(), 3);
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(page.contains("Rapport de la classe") && page.contains("<svg"));
    assert_eq!(
        served_page, page,
        "the server's report is the one written from the class's files"
    );
    assert!(!page.contains("report-"), "every message translated");
    let rows = std::fs::read_to_string(out.join("class.csv")).unwrap();
    let outcomes: usize = class.tables.iter().map(|t| t.outcomes.len() + 2).sum();
    assert_eq!(rows.lines().count(), 1 + outcomes + responses.len());
    let codebook = std::fs::read_to_string(out.join("codebook.csv")).unwrap();
    assert_eq!(codebook.lines().count(), 15);
    let _ = std::fs::remove_dir_all(&dir);
}
