//! The networked workshop's figures on this machine: 30 players over real WebSockets play the
//! default scenario; reports the time from each month's last decision to every player's next
//! view (budget 200 ms), the bytes each seat receives per month, and the memory a room takes.
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

/// Memory of a room at the end of its game: rooms played to the end, held together.
fn memory_per_room() -> Option<f64> {
    const ROOMS: usize = 8;
    let before = resident_kib()?;
    let mut rooms = Vec::new();
    for i in 0..ROOMS {
        let s = scenario();
        let seats = glassbank::net::open_seats(&s, PLAYERS);
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

fn main() {
    let (play, encode) = last_commit_in_the_room();
    println!(
        "room alone: the month's last \"done\" takes {play:.1} ms (month played, {PLAYERS} views made), encoding the views {encode:.1} ms (medians)"
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let dir = std::env::temp_dir().join(format!("glassbank-bench-room-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let options = ServeOptions {
        address: SocketAddr::from(([127, 0, 0, 1], 0)),
        players: PLAYERS,
        minutes: 0,
        tables: 1,
        treatments: Vec::new(),
        away_seconds: 0,
        seed: Some(3),
        web: dir.join("web"),
        files: Files {
            room: dir.join("room.json"),
            feedback: dir.join("feedback.jsonl"),
        },
        fresh: true,
        limits: Default::default(),
    };
    let (results, traffic, turns, room_file) = runtime.block_on(async {
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
        let players: Vec<_> = seats
            .iter()
            .map(|&seat| {
                let manner = player::Manner {
                    drops_per_mille: 0,
                    seed: 1,
                    think: Duration::from_millis(100),
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
        let mut results = Vec::new();
        for p in players {
            let played = tokio::time::timeout(Duration::from_secs(300), p)
                .await
                .expect("the game ends")
                .expect("a player");
            results.push(played);
        }
        let traffic = lock(&server.shared).traffic.clone();
        let turns = lock(&server.shared).room.session().scenario().turns();
        server.stop().await;
        let room_file = std::fs::metadata(dir.join("room.json")).map_or(0, |m| m.len());
        (results, traffic, turns, room_file)
    });
    // Each month: from the last player's "done" to the last player's next view.
    let mut latencies: Vec<f64> = (1..=turns)
        .filter_map(|turn| {
            let last_commit = results
                .iter()
                .filter_map(|r| {
                    r.commits_at
                        .iter()
                        .find(|(t, _)| *t == turn)
                        .map(|(_, at)| *at)
                })
                .max()?;
            let last_view = results
                .iter()
                .filter_map(|r| {
                    r.views_at
                        .iter()
                        .find(|(t, _)| *t == turn + 1)
                        .map(|(_, at)| *at)
                })
                .max()?;
            Some(last_view.saturating_sub(last_commit).as_secs_f64() * 1_000.0)
        })
        .collect();
    let received: u64 = results.iter().map(|r| r.bytes).sum();
    let per_seat_month = received as f64 / PLAYERS as f64 / f64::from(turns);
    println!("room: {PLAYERS} players over WebSockets on loopback, {turns} months");
    println!(
        "  last decision -> every player's next view: median {:.1} ms, p95 {:.1} ms, max {:.1} ms (budget 200 ms)",
        percentile(&mut latencies, 0.5),
        percentile(&mut latencies, 0.95),
        percentile(&mut latencies, 1.0)
    );
    println!(
        "  sent by the room: {} messages, {} bytes; {:.0} bytes per seat per month",
        traffic.messages, traffic.bytes, per_seat_month
    );
    println!("  room file at the end: {room_file} bytes");
    if let Some(mib) = memory_per_room() {
        println!("  memory per room at the end of its game: {mib:.1} MiB");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
