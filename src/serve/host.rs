//! A room opened from the desktop game: the server runs on a thread of its own (its own Tokio
//! runtime) while the game's window shows the room and sends the facilitator's commands.
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use super::{ServeOptions, Shared, lock};
use crate::i18n::Message;
use crate::net::Command;
use crate::scenario::Scenario;

/// A room this process serves, until `close` (or until it is dropped).
pub struct Hosted {
    /// Where it listens.
    pub address: SocketAddr,
    /// The address players type, with the room's code.
    pub url: String,
    /// Its QR code, made once for the screens that show it every frame.
    pub qr: Option<Qr>,
    pub shared: Shared,
    /// Whether the room was read back from its file.
    pub resumed: bool,
    pub options: ServeOptions,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Hosted {
    /// Opens the room and starts listening; returns once it listens, or why it cannot.
    pub fn open(scenario: Scenario, options: ServeOptions) -> Result<Hosted, Message> {
        let (ready, answer) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let opening = options.clone();
        let thread = std::thread::Builder::new()
            .name("glassbank-room".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let why = Message::new("io-other").with("detail", e.to_string());
                        let _ = ready.send(Err(why));
                        return;
                    }
                };
                runtime.block_on(async move {
                    match super::start(scenario, opening).await {
                        Ok(server) => {
                            let opened = (server.address, server.shared.clone(), server.resumed);
                            let _ = ready.send(Ok(opened));
                            // Until the game closes the room, or goes away.
                            let _ = stopped.await;
                            server.stop().await;
                        }
                        Err(why) => {
                            let _ = ready.send(Err(why));
                        }
                    }
                });
            })
            .map_err(|e| Message::new("io-other").with("detail", e.to_string()))?;
        let opened = answer.recv().unwrap_or_else(|_| {
            Err(Message::new("io-other").with("detail", "the room's thread stopped".to_string()))
        });
        let (address, shared, resumed) = match opened {
            Ok(opened) => opened,
            Err(why) => {
                let _ = thread.join();
                return Err(why);
            }
        };
        let url = join_url(address, lock(&shared).room.code());
        Ok(Hosted {
            address,
            qr: qr_modules(&url),
            url,
            shared,
            resumed,
            options,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// A facilitator's command, carried out on the room and sent to the players.
    pub fn facilitate(&self, command: Command) -> Result<(), Message> {
        lock(&self.shared).facilitate(command)
    }

    /// The class's report in `language`, as this machine's browser reaches it.
    pub fn report_url(&self, language: crate::i18n::Language) -> Option<String> {
        let path = lock(&self.shared).room.report()?.to_string();
        let ip = if self.address.ip().is_unspecified() {
            // Listening on every address: this machine's loopback, of the same family.
            match self.address.ip() {
                std::net::IpAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                std::net::IpAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            }
        } else {
            self.address.ip()
        };
        let here = SocketAddr::new(ip, self.address.port());
        Some(format!(
            "http://{here}{}",
            crate::net::report_page(&path, language)
        ))
    }

    /// Closes every connection, writes the room's file a last time and stops listening.
    pub fn close(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Hosted {
    fn drop(&mut self) {
        self.close();
    }
}

/// The page players open: the machine's address on the local network and the room's code.
pub fn join_url(listening: SocketAddr, code: &str) -> String {
    format!(
        "http://{}/?room={code}",
        super::console::join_address(listening)
    )
}

/// The facilitator's tablet: the join address with the room's secret after `#host=` (a
/// fragment, never sent to the server by a browser).
pub fn facilitator_url(listening: SocketAddr, code: &str, secret: &str) -> String {
    format!("{}#host={secret}", join_url(listening, code))
}

/// Where a scenario's room is kept in the data folder: `rooms/<id>.json`, the id written with
/// letters, digits, '-' and '_' only.
pub fn room_file(data: &Path, scenario_id: &str) -> PathBuf {
    let name: String = scenario_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    data.join("rooms").join(format!("{name}.json"))
}

/// A QR code: its dark modules, row after row, and the side's length in modules.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub dark: Vec<bool>,
    pub width: usize,
}

/// The QR code of `text`; none if the text is too long for one.
pub fn qr_modules(text: &str) -> Option<Qr> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some(Qr {
        dark,
        width: code.width(),
    })
}
