//! The networked workshop's figures on this machine: 30 players at one table, then a class of
//! 200 players at 34 tables, over real WebSockets, play the default scenario; reports the time
//! from a table's last decision of a month to every player's next view there (budget 200 ms at
//! p95), the bytes each seat receives per month, and the memory a table takes.
//! Run with `cargo bench --bench room` (add `--no-default-features --features serve` to skip
//! the game).
#[path = "../tests/support/player.rs"]
mod player;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use glassbank::serve::{Files, ServeOptions, lock, start};
use glassbank::session::Session;

const PLAYERS: usize = 30;
/// A class: 200 players at 34 tables of six.
const CLASS_PLAYERS: usize = 200;
const CLASS_TABLES: usize = 34;

fn scenario() -> glassbank::scenario::Scenario {
    glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").expect("shipped")
}

/// Resident memory of this process now, in KiB, from /proc (Linux only).
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    values[((values.len() - 1) as f64 * p).round() as usize]
}

/// Memory of a table of `players` seats at the end of its game: tables played to the end, held
/// together.
fn memory_per_room(players: usize) -> Option<f64> {
    const ROOMS: usize = 8;
    let before = resident_kib()?;
    let mut rooms = Vec::new();
    for i in 0..ROOMS {
        let s = scenario();
        let seats = glassbank::net::open_seats(&s, players);
        let mut session = Session::new(s, seats, &[], Some(i as u64)).ok()?;
        let turns = session.scenario().turns();
        session.run_bots(turns).ok()?;
        rooms.push(glassbank::net::Room::new("ROOM", "secret", session));
    }
    let after = resident_kib()?;
    let per_room = (after.saturating_sub(before)) as f64 / ROOMS as f64 / 1024.0;
    drop(rooms);
    Some(per_room)
}

/// The room alone, without sockets: how long the last "done" of a month takes (the month
/// played, then every seat's view made and encoded).
fn last_commit_in_the_room() -> (f64, f64) {
    use glassbank::net::{PROTOCOL, Room, ToRoom, encode};
    let s = scenario();
    let seats = glassbank::net::open_seats(&s, PLAYERS);
    let session = Session::new(s, seats.clone(), &[], Some(3)).expect("a game");
    let mut room = Room::new("ROOM", "secret", session);
    let mut n = 0u32;
    let mut token = || {
        n += 1;
        n.to_string()
    };
    let send = |room: &mut Room, conn: u64, m: &ToRoom, t: &mut dyn FnMut() -> String| {
        room.receive(
            conn,
            serde_json::to_string(m).expect("json").as_bytes(),
            0,
            t,
        )
    };
    for (i, &seat) in seats.iter().enumerate() {
        let conn = i as u64;
        room.connect(conn);
        let join = ToRoom::Join {
            protocol: PROTOCOL,
            room: "ROOM".into(),
            language: "en".into(),
            token: None,
        };
        send(&mut room, conn, &join, &mut token);
        send(&mut room, conn, &ToRoom::Claim { seat }, &mut token);
    }
    let (mut play, mut encode_ms) = (Vec::new(), Vec::new());
    let mut clock = 0;
    while !room.session().is_finished() {
        for conn in 0..seats.len() as u64 {
            clock += 1_000;
            let started = std::time::Instant::now();
            let out = room.receive(conn, b"{\"type\":\"commit\"}", clock, &mut token);
            let handled = started.elapsed();
            let bytes: usize = out.iter().map(|(_, m)| encode(m).len()).sum();
            if conn + 1 == seats.len() as u64 {
                play.push(handled.as_secs_f64() * 1_000.0);
                encode_ms.push((started.elapsed() - handled).as_secs_f64() * 1_000.0);
                std::hint::black_box(bytes);
            }
        }
    }
    (percentile(&mut play, 0.5), percentile(&mut encode_ms, 0.5))
}

/// What a room's players saw, and what it sent.
struct Played {
    results: Vec<player::Played>,
    traffic: glassbank::serve::Traffic,
    turns: glassbank::sim::Turn,
    room_file: u64,
}

/// Plays a room to its end with bot players over WebSockets on loopback: `seats` names each
/// player's seat, or leaves it to the room (a class); each takes `think` over its decisions.
fn play_room(options: ServeOptions, players: usize, named: bool, think: Duration) -> Played {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let room_path = options.files.room.clone();
    runtime.block_on(async {
        let server = start(scenario(), options).await.expect("the room opens");
        let (code, seats) = {
            let hub = lock(&server.shared);
            (
                hub.room.code().to_string(),
                hub.room.session().humans().to_vec(),
            )
        };
        let address = Arc::new(Mutex::new(server.address));
        let clock = tokio::time::Instant::now();
        let tasks: Vec<_> = (0..players)
            .map(|i| {
                let mut manner = player::Manner::steady(1 + i as u64);
                manner.think = think;
                let seat = named.then(|| seats[i]);
                tokio::spawn(player::play(
                    address.clone(),
                    code.clone(),
                    seat,
                    manner,
                    clock,
                ))
            })
            .collect();
        let mut results = Vec::new();
        for p in tasks {
            let played = tokio::time::timeout(Duration::from_secs(600), p)
                .await
                .expect("the game ends")
                .expect("a player");
            results.push(played);
        }
        let traffic = lock(&server.shared).traffic.clone();
        let turns = lock(&server.shared).room.session().scenario().turns();
        server.stop().await;
        let room_file = std::fs::metadata(&room_path).map_or(0, |m| m.len());
        Played {
            results,
            traffic,
            turns,
            room_file,
        }
    })
}

/// For each table and month: from the last player's "done" to the last player's next view, ms.
fn latencies(played: &Played) -> Vec<f64> {
    let tables: std::collections::BTreeSet<Option<usize>> =
        played.results.iter().map(|r| r.table).collect();
    let mut out = Vec::new();
    for table in tables {
        let at: Vec<&player::Played> = played.results.iter().filter(|r| r.table == table).collect();
        for turn in 1..played.turns {
            let last_commit = at
                .iter()
                .filter_map(|r| {
                    r.commits_at
                        .iter()
                        .find(|(t, _)| *t == turn)
                        .map(|(_, a)| *a)
                })
                .max();
            let last_view = at
                .iter()
                .filter_map(|r| {
                    r.views_at
                        .iter()
                        .find(|(t, _)| *t == turn + 1)
                        .map(|(_, a)| *a)
                })
                .max();
            if let (Some(c), Some(v)) = (last_commit, last_view) {
                out.push(v.saturating_sub(c).as_secs_f64() * 1_000.0);
            }
        }
    }
    out
}

/// A room's options; a class lets bots take, after a second, the seats no player took.
fn options(dir: &std::path::Path, players: usize, tables: usize) -> ServeOptions {
    ServeOptions {
        address: SocketAddr::from(([127, 0, 0, 1], 0)),
        players,
        minutes: 0,
        tables,
        treatments: Vec::new(),
        away_seconds: u32::from(tables > 1),
        seed: Some(3),
        web: dir.join("web"),
        files: Files {
            room: dir.join("room.json"),
            feedback: dir.join("feedback.jsonl"),
        },
        fresh: true,
        limits: glassbank::serve::Limits {
            // A class's 200 players come from this one machine.
            per_address: 256,
            ..Default::default()
        },
        // As `glassbank serve` does: the lessons' bots play on the second core meanwhile.
        roster: Vec::new(),
        lesson_seeds: (1..=glassbank::headless::LESSON_SEEDS).collect(),
    }
}

fn report(what: &str, played: &Played, players: usize) {
    let mut latencies = latencies(played);
    let received: u64 = played.results.iter().map(|r| r.bytes).sum();
    let per_seat_month = received as f64 / players as f64 / f64::from(played.turns);
    println!("{what}, {} months", played.turns);
    println!(
        "  last decision -> every player's next view, per table and month: median {:.1} ms, p95 {:.1} ms, max {:.1} ms (budget 200 ms at p95)",
        percentile(&mut latencies, 0.5),
        percentile(&mut latencies, 0.95),
        percentile(&mut latencies, 1.0)
    );
    println!(
        "  sent by the room: {} messages, {} bytes; {:.0} bytes per seat per month",
        played.traffic.messages, played.traffic.bytes, per_seat_month
    );
    println!("  room file at the end: {} bytes", played.room_file);
}

fn main() {
    let (play, encode) = last_commit_in_the_room();
    println!(
        "room alone: the month's last \"done\" takes {play:.1} ms (month played, {PLAYERS} views made), encoding the views {encode:.1} ms (medians)"
    );
    let dir = std::env::temp_dir().join(format!("glassbank-bench-room-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let one = play_room(
        options(&dir.join("one"), PLAYERS, 1),
        PLAYERS,
        true,
        Duration::from_millis(100),
    );
    report(
        &format!("one table: {PLAYERS} players over WebSockets on loopback"),
        &one,
        PLAYERS,
    );
    if let Some(mib) = memory_per_room(PLAYERS) {
        println!("  memory per table of {PLAYERS} seats at the end of its game: {mib:.1} MiB");
    }
    let class = play_room(
        options(&dir.join("class"), CLASS_PLAYERS, CLASS_TABLES),
        CLASS_PLAYERS,
        false,
        Duration::from_millis(100),
    );
    report(
        &format!(
            "a class: {CLASS_PLAYERS} players at {CLASS_TABLES} tables over WebSockets on loopback"
        ),
        &class,
        CLASS_PLAYERS,
    );
    let seats = CLASS_PLAYERS.div_ceil(CLASS_TABLES);
    if let Some(mib) = memory_per_room(seats) {
        println!("  memory per table of {seats} seats at the end of its game: {mib:.1} MiB");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
