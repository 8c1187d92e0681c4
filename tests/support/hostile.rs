//! A hostile test's tools: a room with short limits on 127.0.0.1, players whose messages are
//! read as they come, bare sockets that read nothing, the process's memory. Shared by the
//! hostile tests and the flood test (a process of its own, so its memory is its own).
#![allow(dead_code)]
use std::net::SocketAddr;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use glassbank::net::{PROTOCOL, ToPlayer, ToRoom};
use glassbank::serve::{Files, Limits, ServeOptions, Server, lock, start};
use glassbank::sim::Seat;
use tokio::net::{TcpSocket, TcpStream};
use tokio::time::{Instant, timeout};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The longest a legitimate player may wait for the room's answer.
pub const ANSWERED_WITHIN: Duration = Duration::from_millis(200);
/// How much the process may grow under a flood, in kB.
pub const GROWTH_KB: u64 = 64 * 1024;

/// Short limits, so that each timeout is seen within a second or two.
pub fn limits() -> Limits {
    Limits {
        connections: 96,
        per_address: 48,
        join_within: Duration::from_millis(800),
        ping_every: Duration::from_millis(400),
        idle_after: Duration::from_millis(1_500),
        // Above a connection's burst (40): a player within its pace is never let go.
        queue: 48,
        send_within: Duration::from_millis(800),
        shutdown_within: Duration::from_millis(800),
    }
}

pub fn scenario() -> glassbank::scenario::Scenario {
    glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap()
}

pub async fn open(name: &str, room: Option<std::path::PathBuf>) -> (Server, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("glassbank-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let options = ServeOptions {
        address: SocketAddr::from(([127, 0, 0, 1], 0)),
        players: 8,
        minutes: 0,
        tables: 1,
        treatments: Vec::new(),
        away_seconds: 0,
        seed: Some(2),
        web: dir.join("web"),
        files: Files {
            room: room.unwrap_or_else(|| dir.join("room.json")),
            feedback: dir.join("feedback.jsonl"),
        },
        fresh: true,
        limits: limits(),
        roster: Vec::new(),
        lesson_seeds: Vec::new(),
    };
    (start(scenario(), options).await.unwrap(), dir)
}

pub fn code(server: &Server) -> String {
    lock(&server.shared).room.code().to_string()
}

/// A player's browser: what it sends, and what the room sent it, read as it comes (which also
/// answers the room's pings, as a browser does).
pub struct Player {
    pub to_room: futures_util::stream::SplitSink<Ws, Message>,
    pub from_room: tokio::sync::mpsc::UnboundedReceiver<ToPlayer>,
    reader: tokio::task::JoinHandle<()>,
}

impl Drop for Player {
    fn drop(&mut self) {
        self.reader.abort();
    }
}

/// A player connected from `from` (127.0.0.1 or another loopback address).
pub async fn connect(server: &Server, from: [u8; 4]) -> Player {
    let ws = socket(server, from, false).await;
    let (to_room, mut incoming) = ws.split();
    let (queue, from_room) = tokio::sync::mpsc::unbounded_channel();
    let reader = tokio::spawn(async move {
        while let Some(Ok(m)) = incoming.next().await {
            if let Message::Text(text) = m
                && let Ok(message) = serde_json::from_str::<ToPlayer>(&text)
                && queue.send(message).is_err()
            {
                break;
            }
        }
    });
    Player {
        to_room,
        from_room,
        reader,
    }
}

/// A bare WebSocket from `from`, with a small receive buffer when it means to read slowly.
pub async fn socket(server: &Server, from: [u8; 4], small_buffer: bool) -> Ws {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from((from, 0))).unwrap();
    if small_buffer {
        socket.set_recv_buffer_size(4_096).unwrap();
    }
    let stream = socket.connect(server.address).await.unwrap();
    let url = format!("ws://{}/ws", server.address);
    let (ws, _) = tokio_tungstenite::client_async(url, MaybeTlsStream::Plain(stream))
        .await
        .expect("the upgrade");
    ws
}

pub async fn send(p: &mut Player, message: &ToRoom) {
    let text = serde_json::to_string(message).unwrap();
    p.to_room.send(Message::text(text)).await.unwrap();
}

/// The next message that `wanted` picks, within `within`.
pub async fn until<T>(
    p: &mut Player,
    within: Duration,
    mut wanted: impl FnMut(ToPlayer) -> Option<T>,
) -> Option<T> {
    timeout(within, async {
        while let Some(message) = p.from_room.recv().await {
            if let Some(found) = wanted(message) {
                return Some(found);
            }
        }
        None
    })
    .await
    .ok()
    .flatten()
}

pub fn join(code: &str, token: Option<String>) -> ToRoom {
    ToRoom::Join {
        protocol: PROTOCOL,
        room: code.to_string(),
        language: "en".into(),
        token,
    }
}

/// Joins, takes the seat and returns its token.
pub async fn seated(ws: &mut Player, code: &str, seat: Seat) -> String {
    send(ws, &join(code, None)).await;
    send(ws, &ToRoom::Claim { seat }).await;
    until(ws, Duration::from_secs(5), |m| match m {
        ToPlayer::Seated { token, .. } => Some(token),
        _ => None,
    })
    .await
    .expect("seated")
}

/// How long a new player from 127.0.0.2 waits from connecting to being in the room.
pub async fn a_player_is_answered(server: &Server) -> Duration {
    let began = Instant::now();
    let mut p = connect(server, [127, 0, 0, 2]).await;
    send(&mut p, &join(&code(server), None)).await;
    let joined = until(&mut p, Duration::from_secs(5), |m| {
        matches!(m, ToPlayer::Joined { .. }).then_some(())
    })
    .await;
    assert!(joined.is_some(), "the player was never answered");
    let took = began.elapsed();
    let _ = p.to_room.close().await;
    took
}

/// The process's resident memory, in kB (Linux).
pub fn resident_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
