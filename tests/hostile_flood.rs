//! The room under floods, in a process of its own so that its memory is the room's: ten
//! sockets that never read, coming back with a seat's token ten times a second each. They are let
//! go, the process grows by less than the stated bound, and a new player is answered within
//! 200 ms throughout. Over real sockets on 127.0.0.1 only, for six seconds.
#![cfg(feature = "serve")]
#[path = "support/hostile.rs"]
mod support;

use std::time::Duration;

use futures_util::SinkExt;
use glassbank::serve::lock;
use support::*;
use tokio::time::{Instant, sleep, timeout};
use tokio_tungstenite::tungstenite::Message;

#[tokio::test(flavor = "current_thread")]
async fn slow_readers_and_a_rejoin_flood_are_let_go_within_a_memory_bound() {
    let (server, dir) = open("flood", None).await;
    let code = code(&server);
    let seat = lock(&server.shared).room.session().humans()[0];
    let mut first = connect(&server, [127, 0, 0, 1]).await;
    let token = seated(&mut first, &code, seat).await;
    drop(first);
    let before_kb = resident_kb();
    // Ten sockets that never read, each coming back with the seat's token ten times a second
    // (inside the room's pace bound): each join sends the seat's whole view.
    let mut slow = Vec::new();
    for _ in 0..10 {
        slow.push(socket(&server, [127, 0, 0, 1], true).await);
    }
    let began = Instant::now();
    let mut slowest = Duration::ZERO;
    let mut peak_kb = before_kb;
    while began.elapsed() < Duration::from_secs(6) {
        for ws in &mut slow {
            // A socket the room let go refuses to send; that is the point.
            let text = serde_json::to_string(&join(&code, Some(token.clone()))).unwrap();
            let _ = timeout(Duration::from_millis(20), ws.send(Message::text(text))).await;
        }
        sleep(Duration::from_millis(100)).await;
        if began.elapsed().as_millis() % 1_000 < 100 {
            slowest = slowest.max(a_player_is_answered(&server).await);
            peak_kb = peak_kb.max(resident_kb());
        }
    }
    let let_go = lock(&server.shared).traffic.let_go;
    let growth = peak_kb.saturating_sub(before_kb);
    eprintln!(
        "flood: {let_go} slow readers let go; memory {before_kb} kB, peak {peak_kb} kB (+{growth} kB); slowest new player {} ms",
        slowest.as_millis()
    );
    assert!(let_go >= 1, "a reader that never reads is let go");
    assert!(growth < GROWTH_KB, "grew by {growth} kB");
    assert!(
        slowest < ANSWERED_WITHIN,
        "a player waited {} ms",
        slowest.as_millis()
    );
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}
