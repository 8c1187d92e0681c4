//! The room's web side: the web build's files (precompressed where the browser takes it) and
//! one WebSocket per player on `/ws`, whose messages go to the room and whose answers come back
//! through the connection's queue.
use std::path::Path;

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::routing::get;
use tokio::sync::watch;
use tower_http::services::ServeDir;

use super::{Shared, lock};
use crate::net::MAX_MESSAGE_BYTES;

#[derive(Clone)]
struct Web {
    shared: Shared,
    stopped: watch::Receiver<bool>,
}

/// `/ws` for the room, every other path from the web build.
pub fn router(shared: Shared, web: &Path, stopped: watch::Receiver<bool>) -> Router {
    let files = ServeDir::new(web).precompressed_br().precompressed_gzip();
    Router::new()
        .route("/ws", get(upgrade))
        .fallback_service(files)
        .with_state(Web { shared, stopped })
}

async fn upgrade(ws: WebSocketUpgrade, State(web): State<Web>) -> Response {
    // Larger than the room's own limit, so a message a little too large is refused by the room
    // with a reason; a much larger one closes the connection.
    ws.max_message_size(4 * MAX_MESSAGE_BYTES)
        .max_frame_size(4 * MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| connection(socket, web))
}

/// One player's connection, from its opening to its closing.
async fn connection(mut socket: WebSocket, mut web: Web) {
    let (queue, mut outgoing) = tokio::sync::mpsc::unbounded_channel::<String>();
    let conn = lock(&web.shared).connect(queue);
    loop {
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(WsMessage::Text(text))) => lock(&web.shared).receive(conn, text.as_bytes()),
                Some(Ok(WsMessage::Binary(bytes))) => lock(&web.shared).receive(conn, &bytes),
                Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => {}
                Some(Ok(WsMessage::Close(_)) | Err(_)) | None => break,
            },
            Some(text) = outgoing.recv() => {
                if socket.send(WsMessage::Text(text.into())).await.is_err() {
                    break;
                }
            }
            _ = web.stopped.changed() => break,
        }
    }
    lock(&web.shared).disconnect(conn);
}
