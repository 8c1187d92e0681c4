//! The facilitator's console of `glassbank serve`, on the terminal: where to join (address,
//! room code, QR code), who is connected and who has decided, and the workshop's commands
//! (pause, resume, say, next, rewind, reveal, bot, minutes) typed on standard input.
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use tokio::io::AsyncBufReadExt;

use super::{ServeOptions, Server, Shared, lock};
use crate::i18n::{Message, Translations};
use crate::net::{Command, Room, parse_seat, seat_name};
use crate::sim::Transparency;

/// A command typed on the console, or why it is not one.
pub enum Typed {
    Room(Command),
    Help,
    Quit,
}

/// Reads one line of the console: `status`, `pause [question]`, `resume`, `say MESSAGE`, `next`,
/// `rewind MONTH`, `reveal opaque|disclosed|glass`, `bot SEAT`, `free SEAT`, `minutes N`, `help`,
/// `quit`.
pub fn parse_command(room: &Room, line: &str) -> Result<Typed, Message> {
    let line = line.trim();
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let rest = rest.trim();
    let number = |what: &str| -> Result<u32, Message> {
        rest.parse()
            .map_err(|_| Message::new("serve-needs-number").with("command", what.to_string()))
    };
    let command = match word {
        "" | "status" => Command::Status,
        "pause" => Command::Pause {
            question: (!rest.is_empty()).then(|| rest.to_string()),
        },
        "resume" => Command::Resume,
        "say" if !rest.is_empty() => Command::Announce {
            message: rest.to_string(),
        },
        "next" => Command::Advance,
        "rewind" => Command::Rewind {
            after: u16::try_from(number("rewind")?).unwrap_or(u16::MAX),
        },
        "reveal" => Command::Reveal {
            layer: match rest {
                "opaque" => Transparency::Opaque,
                "disclosed" => Transparency::Disclosed,
                "glass" => Transparency::Glass,
                _ => return Err(Message::new("serve-needs-layer")),
            },
        },
        "bot" | "free" => {
            let seat = parse_seat(room.session().scenario(), rest)
                .ok_or_else(|| Message::new("serve-no-such-seat").with("seat", rest.to_string()))?;
            if word == "bot" {
                Command::StandIn { seat }
            } else {
                Command::Free { seat }
            }
        }
        "minutes" => Command::Minutes {
            minutes: number("minutes")?,
        },
        "help" | "?" => return Ok(Typed::Help),
        "quit" | "exit" => return Ok(Typed::Quit),
        other => {
            return Err(Message::new("serve-unknown-command").with("command", other.to_string()));
        }
    };
    Ok(Typed::Room(command))
}

/// The table at a glance: the month, then one line per seat (who holds it, connected, done).
pub fn status_lines(room: &Room, tr: &Translations) -> Vec<String> {
    let session = room.session();
    let mut lines = vec![
        tr.message(
            &Message::new(if session.is_finished() {
                "serve-status-over"
            } else if session.paused().is_some() {
                "serve-status-paused"
            } else {
                "serve-status-month"
            })
            .with("month", session.turn())
            .with("turns", session.scenario().turns()),
        ),
    ];
    for s in room.seat_states() {
        lines.push(format!(
            "  {:<28} {}",
            seat_name(session.scenario(), s.seat),
            tr.get(s.state_key())
        ));
    }
    lines
}

/// The address players type: the machine's address on the local network when listening on
/// every interface (found without sending anything), else the one listened on.
pub(super) fn join_address(listening: SocketAddr) -> SocketAddr {
    if !listening.ip().is_unspecified() {
        return listening;
    }
    let lan = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|s| {
            // Connecting a UDP socket only picks a route; no packet leaves the machine.
            s.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
            s.local_addr()
        })
        .map(|a| a.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    SocketAddr::new(lan, listening.port())
}

/// The URL with the room's code, as a QR code of text blocks for the projector.
fn qr(url: &str) -> String {
    use qrcode::render::unicode::Dense1x2;
    qrcode::QrCode::new(url.as_bytes())
        .map(|code| {
            code.render::<Dense1x2>()
                .dark_color(Dense1x2::Light)
                .light_color(Dense1x2::Dark)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

/// What the facilitator projects when the room opens.
pub fn welcome(server: &Server, options: &ServeOptions, web_missing: bool, tr: &Translations) {
    let hub = lock(&server.shared);
    let room = &hub.room;
    let url = super::host::join_url(server.address, room.code());
    let opened = Message::new(if server.resumed {
        "serve-resumed"
    } else {
        "serve-opened"
    })
    .with("room", room.code().to_string())
    .with("month", room.session().turn())
    .with("seats", room.session().humans().len());
    println!("{}\n", tr.message(&opened));
    println!("{}", qr(&url));
    println!(
        "{}",
        tr.message(&Message::new("serve-join").with("url", url.clone()))
    );
    println!(
        "{}",
        tr.message(
            &Message::new("serve-files")
                .with("room", options.files.room.display().to_string())
                .with("feedback", options.files.feedback.display().to_string())
        )
    );
    if web_missing {
        println!(
            "{}",
            tr.message(
                &Message::new("serve-no-web").with("path", options.web.display().to_string())
            )
        );
    }
    println!("{}", tr.get("serve-help"));
}

/// Reads commands until `quit`, the end of input or Ctrl+C; prints the table after each, and
/// whenever a month is played or a player comes or goes.
pub async fn run(shared: &Shared, tr: &Translations) {
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    let mut every = tokio::time::interval(std::time::Duration::from_millis(500));
    let mut last = String::new();
    loop {
        tokio::select! {
            line = lines.next_line() => {
                let Ok(Some(line)) = line else { break };
                let mut hub = lock(shared);
                match parse_command(&hub.room, &line) {
                    Ok(Typed::Quit) => break,
                    Ok(Typed::Help) => println!("{}", tr.get("serve-help")),
                    Ok(Typed::Room(command)) => match hub.facilitate(command) {
                        Ok(()) => last.clear(),
                        Err(why) => println!("{}", tr.message(&why)),
                    },
                    Err(why) => println!("{}", tr.message(&why)),
                }
            }
            _ = every.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }
        let now = {
            let hub = lock(shared);
            let mut lines = status_lines(&hub.room, tr);
            if let Some(why) = hub.save_problem() {
                lines.push(tr.message(&Message::new("serve-not-saved").with("reason", why)));
            }
            lines.join("\n")
        };
        if now != last {
            println!("{now}");
            last = now;
        }
    }
}
