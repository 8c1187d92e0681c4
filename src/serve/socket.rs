//! The room's web side: the web build's files (precompressed where the browser takes it) and
//! one WebSocket per player on `/ws`, whose messages go to the room and whose answers come back
//! through the connection's bounded queue; pinged, timed, and let go when it falls behind.
use std::path::Path;

use axum::Router;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, Path as Segments, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::watch;
use tokio::time::timeout;
use tower_http::services::ServeDir;

use super::guard::{Limits, allowed_origin};
use super::{Shared, lock};
use crate::net::MAX_MESSAGE_BYTES;

#[derive(Clone)]
struct Web {
    shared: Shared,
    stopped: watch::Receiver<bool>,
    limits: Limits,
}

/// `/ws` for the room, the class's report under `/report/` (see `report`), every other path
/// from the web build.
pub fn router(
    shared: Shared,
    web: &Path,
    stopped: watch::Receiver<bool>,
    limits: Limits,
) -> Router {
    let files = ServeDir::new(web).precompressed_br().precompressed_gzip();
    Router::new()
        .route("/ws", get(upgrade))
        .route("/report/{key}/{language}/{file}", get(report))
        .fallback_service(files)
        .with_state(Web {
            shared,
            stopped,
            limits,
        })
}

async fn report(
    Segments((key, language, file)): Segments<(String, String, String)>,
    State(web): State<Web>,
) -> Response {
    super::report::respond(&web.shared, &key, &language, &file).await
}

async fn upgrade(
    ws: WebSocketUpgrade,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<super::guard::Peer>,
    State(web): State<Web>,
) -> Response {
    if !allowed_origin(&headers) {
        lock(&web.shared).refuse_upgrade();
        return StatusCode::FORBIDDEN.into_response();
    }
    // Larger than the room's own limit, so a message a little too large is refused by the room
    // with a reason; a much larger one closes the connection.
    ws.max_message_size(4 * MAX_MESSAGE_BYTES)
        .max_frame_size(4 * MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| connection(socket, web, super::guard::machine(peer.0.ip())))
}

/// One player's connection, from its opening to its closing.
async fn connection(mut socket: WebSocket, mut web: Web, machine: std::net::IpAddr) {
    let limits = web.limits;
    let (queue, mut outgoing) = tokio::sync::mpsc::channel::<String>(limits.queue);
    let conn = lock(&web.shared).connect_from(queue, Some(machine));
    let start = tokio::time::Instant::now();
    let mut ping = tokio::time::interval_at(start + limits.ping_every, limits.ping_every);
    let join_by = tokio::time::sleep(limits.join_within);
    tokio::pin!(join_by);
    let mut joined = false;
    loop {
        tokio::select! {
            // What waits to go out goes first: a player who sends faster than it reads is slowed
            // down (its messages wait in the kernel) rather than let go.
            biased;
            text = outgoing.recv() => match text {
                Some(text) => {
                    let sent = timeout(limits.send_within, socket.send(WsMessage::Text(text.into())));
                    match sent.await {
                        Ok(Ok(())) => {}
                        Ok(Err(_)) => break,
                        // The player's machine takes nothing in: let go, to come back later.
                        Err(_) => {
                            lock(&web.shared).fell_behind(conn);
                            break;
                        }
                    }
                }
                // The room let this connection go (it fell behind, or its seat was freed)
                // once its last messages were out.
                None => break,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(WsMessage::Text(text))) => lock(&web.shared).receive(conn, text.as_bytes()),
                Some(Ok(WsMessage::Binary(bytes))) => lock(&web.shared).receive(conn, &bytes),
                Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => {}
                Some(Ok(WsMessage::Close(_)) | Err(_)) | None => break,
            },
            _ = ping.tick() => {
                let sent = timeout(limits.send_within, socket.send(WsMessage::Ping(Vec::new().into())));
                if !matches!(sent.await, Ok(Ok(()))) {
                    break;
                }
            }
            _ = &mut join_by, if !joined => {
                if !lock(&web.shared).room.has_joined(conn) {
                    break;
                }
                joined = true;
            }
            _ = web.stopped.changed() => break,
        }
    }
    let _ = timeout(limits.send_within, socket.send(WsMessage::Close(None))).await;
    lock(&web.shared).disconnect(conn);
}
