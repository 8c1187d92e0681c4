//! The connection to the room: one WebSocket (the browser's own on the web), opened when the
//! player joins, read every frame, and opened again a moment after it drops.
use bevy::prelude::*;

use super::{Phase, Remote};
use crate::net::ToPlayer;

/// The open socket, if any, and when to try again after a drop.
#[derive(Default)]
pub struct Link {
    socket: Option<(ewebsock::WsSender, ewebsock::WsReceiver)>,
    open: bool,
    retry_at: Option<web_time::Instant>,
    /// Drops in a row, for a slower retry each time (up to 5 s).
    failures: u32,
}

impl Link {
    fn connect(&mut self, address: &str) -> Result<(), String> {
        let options = ewebsock::Options::default();
        self.socket = Some(ewebsock::connect(address, options)?);
        self.open = false;
        Ok(())
    }

    fn drop_socket(&mut self, now: web_time::Instant) {
        self.socket = None;
        self.open = false;
        self.failures += 1;
        let wait = (250 * u64::from(self.failures)).min(5_000);
        self.retry_at = Some(now + std::time::Duration::from_millis(wait));
    }
}

/// Opens, reads and writes the socket; applies the room's messages.
pub fn pump(mut link: NonSendMut<Link>, mut remote: ResMut<Remote>) {
    let now = crate::platform::now();
    if remote.phase == Phase::Form {
        link.socket = None;
        return;
    }
    if link.socket.is_none() && link.retry_at.is_none_or(|t| now >= t) {
        let address = remote.address.clone();
        if let Err(e) = link.connect(&address) {
            remote.notice = Some(e);
            link.drop_socket(now);
            return;
        }
    }
    let mut events = Vec::new();
    if let Some((_, receiver)) = &link.socket {
        while let Some(event) = receiver.try_recv() {
            events.push(event);
        }
    }
    for event in events {
        match event {
            ewebsock::WsEvent::Opened => {
                link.open = true;
                link.failures = 0;
                remote.opened();
            }
            ewebsock::WsEvent::Message(ewebsock::WsMessage::Text(text)) => {
                match serde_json::from_str::<ToPlayer>(&text) {
                    Ok(message) => remote.apply(message),
                    Err(e) => remote.notice = Some(e.to_string()),
                }
            }
            ewebsock::WsEvent::Message(_) => {}
            ewebsock::WsEvent::Error(_) | ewebsock::WsEvent::Closed => {
                link.drop_socket(now);
                remote.lost();
                return;
            }
        }
    }
    remote.flush(now, false);
    if link.open
        && let Some((sender, _)) = &mut link.socket
    {
        for message in std::mem::take(&mut remote.outbox) {
            if let Ok(text) = serde_json::to_string(&message) {
                sender.send(ewebsock::WsMessage::Text(text));
            }
        }
    }
}
