//! The room against hostile and clumsy clients, over real sockets on 127.0.0.1 only, bounded in
//! count and time: every decision field at its extremes for every role, idle and half-open
//! connections, escape bytes, a stranger's Origin, a freed seat, a room file that cannot be
//! written, and `quit` with a half-sent request open. Throughout, a legitimate player is
//! answered within 200 ms. The floods are in `hostile_flood.rs`, a process of their own.
#![cfg(feature = "serve")]
#[path = "support/hostile.rs"]
mod support;

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use glassbank::net::{Command, ToPlayer, ToRoom};
use glassbank::serve::{Server, lock};
use glassbank::session::Draft;
use glassbank::sim::{Bounded, Seat};
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Instant, sleep, timeout};
use tokio_tungstenite::tungstenite::Message;

/// Every key `field` anywhere in a JSON value set to `value`.
fn set_json(v: &mut serde_json::Value, field: &str, value: &serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                if k == field {
                    *x = value.clone();
                } else {
                    set_json(x, field, value);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|x| set_json(x, field, value)),
        _ => {}
    }
}

/// The limits of a draft's fields, a loan asked for so that its fields are there too.
fn with_loan(draft: Draft) -> Draft {
    let loan = Some(glassbank::sim::LoanRequest {
        amount: glassbank::sim::Money::euros(1_000),
        months: 12,
    });
    match draft {
        Draft::Client(mut d) => {
            d.loan_request = loan;
            Draft::Client(d)
        }
        Draft::Merchant(mut d) => {
            d.loan_request = loan;
            Draft::Merchant(d)
        }
        other => other,
    }
}

fn limits_of(draft: Draft) -> Vec<glassbank::sim::Limit> {
    fn of<D: Bounded>(mut d: D) -> Vec<glassbank::sim::Limit> {
        d.fields().into_iter().map(|(l, _)| l).collect()
    }
    match draft {
        Draft::Client(d) => of(d),
        Draft::Retail(d) => of(d),
        Draft::Business(d) => of(d),
        Draft::Merchant(d) => of(d),
    }
}

/// The draft with every field at the top or the bottom of its limit.
fn at_bound(draft: Draft, high: bool) -> Draft {
    fn set<D: Bounded>(mut d: D, high: bool) -> D {
        for (l, mut f) in d.fields() {
            f.set(if high { l.max } else { l.min });
        }
        d
    }
    match with_loan(draft) {
        Draft::Client(d) => Draft::Client(set(d, high)),
        Draft::Retail(d) => Draft::Retail(set(d, high)),
        Draft::Business(d) => Draft::Business(set(d, high)),
        Draft::Merchant(d) => Draft::Merchant(set(d, high)),
    }
}

/// Sends the seat's draft with each field at each extreme, in turn: nothing out of bounds is
/// stored, each is refused for what it is (not for its pace); then the draft with every field at
/// one end of its limit is kept.
async fn try_every_extreme(
    server: &Server,
    seat: Seat,
    p: &mut Player,
    extremes: &[serde_json::Value],
    high: bool,
) {
    let draft = *lock(&server.shared).room.session().draft(seat).unwrap();
    let loaned = with_loan(draft);
    let (mut sent, mut out_of_bounds) = (0, 0);
    for limit in limits_of(loaned) {
        for value in extremes.iter().chain([&serde_json::json!(limit.max + 1)]) {
            if !value.as_i64().is_some_and(|v| limit.contains(v)) {
                out_of_bounds += 1;
            }
            let mut json = serde_json::to_value(ToRoom::Draft { draft: loaned }).unwrap();
            set_json(&mut json, limit.field, value);
            p.to_room
                .send(Message::text(json.to_string()))
                .await
                .unwrap();
            sent += 1;
            // Within the room's steady pace of 10 a second (its burst is spent by then).
            sleep(Duration::from_millis(105)).await;
        }
    }
    sleep(Duration::from_millis(300)).await;
    let mut reasons = Vec::new();
    while let Ok(m) = p.from_room.try_recv() {
        if let ToPlayer::Refused { reason } = m {
            reasons.push(reason);
        }
    }
    assert!(
        reasons.iter().all(|r| !r.contains("too many")),
        "{seat:?}: refused for its pace: {reasons:?}"
    );
    let (stored, playable) = {
        let hub = lock(&server.shared);
        let stored = *hub.room.session().draft(seat).unwrap();
        (
            stored,
            hub.room.session().check_draft(seat, &stored).is_ok(),
        )
    };
    assert!(
        playable,
        "{seat:?}: a draft out of bounds was stored: {stored:?}"
    );
    assert_eq!(
        reasons.len(),
        out_of_bounds,
        "{seat:?}: {} of {sent} refused: {reasons:?}",
        reasons.len()
    );
    let edge = at_bound(draft, high);
    send(p, &ToRoom::Draft { draft: edge }).await;
    sleep(Duration::from_millis(150)).await;
    assert_eq!(
        *lock(&server.shared).room.session().draft(seat).unwrap(),
        edge
    );
}

#[tokio::test(flavor = "current_thread")]
async fn every_field_at_its_extremes_is_refused_or_played_and_every_view_still_reads() {
    let (server, dir) = open("fields", None).await;
    let code = code(&server);
    let seats: Vec<Seat> = lock(&server.shared).room.session().humans().to_vec();
    let mut players = Vec::new();
    for &seat in &seats {
        let mut p = connect(&server, [127, 0, 0, 1]).await;
        seated(&mut p, &code, seat).await;
        players.push((seat, p));
    }
    let extremes = [
        serde_json::json!(0),
        serde_json::json!(-1),
        serde_json::json!(i64::MAX),
        serde_json::json!(1e300),
    ];
    for month in 0..2 {
        // The seats try their extremes at once, each at the pace a connection is allowed.
        let tries = players
            .iter_mut()
            .map(|(seat, p)| try_every_extreme(&server, *seat, p, &extremes, month % 2 == 0));
        futures_util::future::join_all(tries).await;
        let turn = lock(&server.shared).room.session().turn();
        for (_, ws) in &mut players {
            send(ws, &ToRoom::Commit).await;
        }
        for (seat, ws) in &mut players {
            let view = until(ws, Duration::from_secs(10), |m| match m {
                ToPlayer::View { turn: t, view, .. } if t == turn + 1 => Some(view),
                _ => None,
            })
            .await;
            assert!(view.is_some(), "{seat:?} never saw month {}", turn + 1);
        }
        assert!(a_player_is_answered(&server).await < ANSWERED_WITHIN);
    }
    {
        let hub = lock(&server.shared);
        let session = hub.room.session();
        assert!(!session.economy().is_stopped());
        assert!(session.economy().ledger().is_balanced());
        // Every seat of the economy still has a view (bankers', shops', households').
        let e = session.economy();
        let all = e
            .banks()
            .iter()
            .flat_map(|b| [Seat::RetailBanker(b.id), Seat::BusinessBanker(b.id)])
            .chain(e.merchants().iter().map(|m| Seat::Merchant(m.id)))
            .chain(e.clients().iter().map(|c| Seat::Client(c.id)));
        for seat in all {
            assert!(session.view(seat).is_some(), "{seat:?}");
        }
    }
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// Whether the server closed a socket within `within` (a read ends or fails).
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 1024];
    timeout(within, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return true,
                Ok(_) => {}
            }
        }
    })
    .await
    .unwrap_or(false)
}

#[tokio::test(flavor = "current_thread")]
async fn idle_half_sent_and_excess_connections_are_closed_and_a_player_still_gets_in() {
    let (server, dir) = open("idle", None).await;
    let limits = limits();
    // More bare sockets and half-sent requests than one address may hold.
    let mut bare = Vec::new();
    for i in 0..limits.per_address + 10 {
        let mut s = TcpStream::connect(server.address).await.unwrap();
        if i % 4 == 0 {
            let _ = s
                .write_all(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                .await;
        }
        bare.push(s);
    }
    // A WebSocket that never joins.
    let mut silent = socket(&server, [127, 0, 0, 3], false).await;
    // The excess is closed at once; a player from another address gets in regardless.
    let mut excess_closed = 0;
    for s in bare.iter_mut().skip(limits.per_address) {
        if closed_within(s, Duration::from_millis(300)).await {
            excess_closed += 1;
        }
    }
    assert_eq!(
        excess_closed, 10,
        "the sockets beyond the limit are closed at once"
    );
    assert!(a_player_is_answered(&server).await < ANSWERED_WITHIN);
    // The one that never joined is closed after `join_within`.
    let never_joined = timeout(Duration::from_secs(3), async {
        while let Some(Ok(m)) = silent.next().await {
            if matches!(m, Message::Close(_)) {
                return true;
            }
        }
        true
    })
    .await
    .unwrap_or(false);
    assert!(never_joined, "a socket that never joins is closed");
    // The idle and half-sent ones are closed after `idle_after`.
    let mut idle_closed = 0;
    for s in bare.iter_mut().take(limits.per_address) {
        if closed_within(s, limits.idle_after + Duration::from_secs(2)).await {
            idle_closed += 1;
        }
    }
    assert_eq!(
        idle_closed, limits.per_address,
        "every silent connection is closed"
    );
    // A half-sent request does not hold `quit`.
    let mut half = TcpStream::connect(server.address).await.unwrap();
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127")
        .await
        .unwrap();
    let room = dir.join("room.json");
    let began = Instant::now();
    server.stop().await;
    let took = began.elapsed();
    assert!(
        took < limits.shutdown_within + Duration::from_secs(1),
        "quit took {took:?}"
    );
    assert!(room.exists(), "saved on the way out");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&room).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the room's file holds every seat's token");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "current_thread")]
async fn escape_bytes_and_a_refusal_flood_reach_the_terminal_as_a_few_safe_lines() {
    let (server, dir) = open("escape", None).await;
    // A stranger's Join with escape codes in it, refused.
    let mut stranger = connect(&server, [127, 0, 0, 1]).await;
    send(&mut stranger, &join("\u{1b}[2J\u{1b}]0;owned\u{7}", None)).await;
    // A player in the room sending rubbish as fast as it can: refused (too fast, or not a
    // message), each with its reason, read as they come.
    let mut p = connect(&server, [127, 0, 0, 1]).await;
    send(&mut p, &join(&code(&server), None)).await;
    for _ in 0..2_000 {
        let _ = p
            .to_room
            .send(Message::text("{\"type\":\"\u{1b}[31mred\"}"))
            .await;
        while p.from_room.try_recv().is_ok() {}
    }
    sleep(Duration::from_millis(2_500)).await;
    let lines: Vec<String> = lock(&server.shared)
        .recent_log()
        .map(String::from)
        .collect();
    assert!(!lines.is_empty(), "refusals are written");
    assert!(lines.len() <= 4, "counted, not a line each: {lines:?}");
    for line in &lines {
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    assert!(
        lines.iter().any(|l| l.contains("message(s) refused")),
        "{lines:?}"
    );
    let refused = lock(&server.shared).traffic.refused;
    eprintln!("refused: {refused}");
    assert!(refused >= 200, "{refused}");
    assert!(a_player_is_answered(&server).await < ANSWERED_WITHIN);
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "current_thread")]
async fn a_strangers_page_cannot_open_a_socket_and_a_freed_seats_token_stops_working() {
    let (server, dir) = open("origin", None).await;
    let code = code(&server);
    for (host, origin) in [
        ("127.0.0.1", "http://evil.example"),
        ("evil.example", "http://evil.example"),
    ] {
        let stream = TcpStream::connect(server.address).await.unwrap();
        let request = tokio_tungstenite::tungstenite::http::Request::builder()
            .uri(format!("ws://{}/ws", server.address))
            .header("Host", format!("{host}:{}", server.address.port()))
            .header("Origin", origin)
            .header("Connection", "Upgrade")
            .header("Upgrade", "websocket")
            .header("Sec-WebSocket-Version", "13")
            .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
            .body(())
            .unwrap();
        let refused = tokio_tungstenite::client_async(request, stream).await;
        assert!(refused.is_err(), "{host} / {origin} opened a socket");
    }
    assert_eq!(lock(&server.shared).traffic.foreign, 2);
    // A stranger took a seat: the facilitator frees it.
    let seat = lock(&server.shared).room.session().humans()[1];
    let mut stranger = connect(&server, [127, 0, 0, 1]).await;
    let token = seated(&mut stranger, &code, seat).await;
    lock(&server.shared)
        .facilitate(Command::Free { seat })
        .unwrap();
    let told = until(&mut stranger, Duration::from_secs(2), |m| match m {
        ToPlayer::Refused { reason } => Some(reason),
        _ => None,
    })
    .await;
    assert!(told.is_some_and(|r| r.contains("freed")));
    let mut again = connect(&server, [127, 0, 0, 1]).await;
    send(&mut again, &join(&code, Some(token))).await;
    let refused = until(&mut again, Duration::from_secs(2), |m| match m {
        ToPlayer::Refused { .. } => Some(()),
        _ => None,
    })
    .await;
    assert!(refused.is_some(), "the freed seat's token no longer works");
    assert!(lock(&server.shared).room.free_seats().contains(&seat));
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "current_thread")]
async fn a_room_file_that_cannot_be_written_is_said_and_written_once_it_can() {
    let base =
        std::env::temp_dir().join(format!("glassbank-hostile-blocked-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    // A file where the room's folder should be: nothing can be written there (even as root).
    let blocked = base.join("rooms");
    std::fs::write(&blocked, "not a folder").unwrap();
    let room = blocked.join("room.json");
    let (server, dir) = open("unwritable", Some(room.clone())).await;
    sleep(Duration::from_millis(600)).await;
    eprintln!(
        "terminal: {:?}",
        lock(&server.shared).recent_log().collect::<Vec<_>>()
    );
    assert!(lock(&server.shared).save_problem().is_some());
    let lines: Vec<String> = lock(&server.shared)
        .recent_log()
        .map(String::from)
        .collect();
    assert!(lines.iter().any(|l| l.contains("rooms")), "{lines:?}");
    std::fs::remove_file(&blocked).unwrap();
    std::fs::create_dir_all(&blocked).unwrap();
    sleep(Duration::from_millis(2_000)).await;
    assert!(lock(&server.shared).save_problem().is_none());
    assert!(room.exists(), "written once it could be");
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(base);
}

#[tokio::test(flavor = "current_thread")]
async fn a_page_still_downloading_slowly_is_not_idle() {
    let (server, dir) = open("download", None).await;
    let limits = limits();
    std::fs::create_dir_all(dir.join("web")).unwrap();
    let size = 4 * 1024 * 1024;
    std::fs::write(dir.join("web/big.bin"), vec![7u8; size]).unwrap();
    let mut s = TcpStream::connect(server.address).await.unwrap();
    s.write_all(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    // About 1.3 MB a second: longer than `idle_after`, but never still.
    let began = Instant::now();
    let mut got = 0;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match timeout(Duration::from_secs(5), s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) | Err(_) => break,
            Ok(Ok(n)) => got += n,
        }
        sleep(Duration::from_millis(50)).await;
    }
    assert!(began.elapsed() > limits.idle_after, "slow enough to matter");
    assert!(got > size, "the whole file came: {got} bytes");
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}
