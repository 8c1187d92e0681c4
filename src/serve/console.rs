//! The facilitator's console of `glassbank serve`, on the terminal: where to join (address,
//! room code, QR code), who is connected and who has decided, and the workshop's commands
//! (pause, resume, say, next, rewind, reveal, bot, minutes) typed on standard input.
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use tokio::io::AsyncBufReadExt;

use super::{ServeOptions, Server, Shared, lock};
use crate::i18n::{Message, Translations};
use crate::net::{Command, Room, parse_seat, seat_name};
use crate::session::{Command as Do, Question};
use crate::sim::{Shock, Transparency};

/// A command typed on the console, or why it is not one.
pub enum Typed {
    /// For one table (from 0), or every table.
    Room(Option<usize>, Command),
    Help,
    Quit,
}

/// Reads one line of the console: `status`, `pause [N | question]`, `resume`, `say MESSAGE`,
/// `next`, `bots N`, `rewind MONTH`, `reveal opaque|disclosed|glass`, `bot SEAT`, `free SEAT`,
/// `minutes N`, `away N`, `help`, `quit`; `@T` first sends it to table T only.
pub fn parse_command(room: &Room, line: &str) -> Result<Typed, Message> {
    let mut line = line.trim();
    let mut table = None;
    if let Some(rest) = line.strip_prefix('@') {
        let (n, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        let n: usize = n
            .parse()
            .map_err(|_| Message::new("serve-needs-number").with("command", "@".to_string()))?;
        if n == 0 || n > room.tables().len() {
            return Err(Message::new("net-no-table")
                .with("table", n)
                .with("tables", room.tables().len()));
        }
        table = Some(n - 1);
        line = rest.trim();
    }
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let rest = rest.trim();
    let number = |what: &str| -> Result<u32, Message> {
        rest.parse()
            .map_err(|_| Message::new("serve-needs-number").with("command", what.to_string()))
    };
    let game = |command: Do| Command::Table(command);
    let command = match word {
        "" | "status" => Command::Status,
        // A number is one of the scenario's discussion questions, as `help` lists them.
        "pause" => game(Do::Pause {
            question: match rest.parse::<usize>() {
                Ok(n) if n > 0 => Some(Question::Discussion(n - 1)),
                _ => (!rest.is_empty()).then(|| Question::Own(rest.to_string())),
            },
        }),
        "resume" => game(Do::Resume),
        "say" if !rest.is_empty() => game(Do::Announce {
            message: rest.to_string(),
        }),
        "next" => game(Do::Advance),
        "bots" => game(Do::RunBots {
            months: u16::try_from(number("bots")?).unwrap_or(u16::MAX),
        }),
        "rewind" => game(Do::Rewind {
            after: u16::try_from(number("rewind")?).unwrap_or(u16::MAX),
        }),
        "reveal" => game(Do::Shock {
            shock: Shock::Transparency(match rest {
                "opaque" => Transparency::Opaque,
                "disclosed" => Transparency::Disclosed,
                "glass" => Transparency::Glass,
                _ => return Err(Message::new("serve-needs-layer")),
            }),
        }),
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
        // In minutes on the console, as the facilitator thinks of it.
        "away" => Command::Away {
            seconds: number("away")?.saturating_mul(60),
        },
        "help" | "?" => return Ok(Typed::Help),
        "quit" | "exit" => return Ok(Typed::Quit),
        other => {
            return Err(Message::new("serve-unknown-command").with("command", other.to_string()));
        }
    };
    Ok(Typed::Room(table, command))
}

/// The help, and the scenario's discussion questions by number (`pause 2` stops every table on
/// the second).
pub fn help_lines(room: &Room, tr: &Translations) -> Vec<String> {
    let mut lines = vec![tr.get("serve-help")];
    let questions = &room.session().scenario().file.discussion;
    if !questions.is_empty() {
        lines.push(tr.get("serve-questions"));
        for (i, q) in questions.iter().enumerate() {
            lines.push(format!("  {}. {}", i + 1, q.get(tr.language().code())));
        }
    }
    lines
}

/// The room at a glance. One table: its month, then one line per seat (who holds it,
/// connected, done). A class: one line per table (its treatment, month, and how many seats
/// are deciding, done, away or a bot's).
pub fn status_lines(room: &Room, tr: &Translations) -> Vec<String> {
    let states = room.table_states();
    let month = |t: &crate::net::TableState| {
        tr.message(
            &Message::new(if t.finished {
                "serve-status-over"
            } else if t.paused {
                "serve-status-paused"
            } else {
                "serve-status-month"
            })
            .with("month", t.turn)
            .with("turns", t.turns),
        )
    };
    if let [only] = states.as_slice() {
        let scenario = room.session().scenario();
        let mut lines = vec![month(only)];
        for s in &only.seats {
            lines.push(format!(
                "  {:<28} {}",
                seat_name(scenario, s.seat),
                tr.get(s.state_key())
            ));
        }
        return lines;
    }
    let mut lines = Vec::new();
    for t in &states {
        let count = |key: &str| t.seats.iter().filter(|s| s.state_key() == key).count();
        let treatment = t
            .treatment
            .map(|l| format!(" ({})", tr.get(crate::i18n::layer_key(l))))
            .unwrap_or_default();
        lines.push(
            tr.message(
                &Message::new("serve-status-table")
                    .with("table", t.table + 1)
                    .with("treatment", treatment)
                    .with("month", month(t))
                    .with("deciding", count("serve-seat-deciding"))
                    .with("done", count("serve-seat-done"))
                    .with("away", count("serve-seat-away") + count("serve-seat-free"))
                    .with("bots", count("serve-seat-bot")),
            ),
        );
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
    let tables = room.tables();
    if tables.len() > 1 {
        let treatments = match room.draw_seed() {
            Some(seed) => tr.message(
                &Message::new("serve-treatments")
                    .with("seed", seed.to_string())
                    .with(
                        "list",
                        tables
                            .iter()
                            .enumerate()
                            .map(|(i, t)| {
                                let layer = t.treatment().map_or_else(String::new, |l| {
                                    tr.get(crate::i18n::layer_key(l))
                                });
                                format!("{} {layer}", i + 1)
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
            ),
            None => String::new(),
        };
        println!(
            "{}\n",
            tr.message(
                &Message::new("serve-tables")
                    .with("tables", tables.len())
                    .with("treatments", treatments)
            )
        );
    }
    println!("{}", qr(&url));
    println!(
        "{}",
        tr.message(&Message::new("serve-join").with("url", url.clone()))
    );
    if !room.roster().is_empty() {
        println!(
            "{}",
            tr.message(
                &Message::new("serve-roster")
                    .with("count", room.roster().len())
                    .with(
                        "path",
                        super::links_file(&options.files.room).display().to_string()
                    )
            )
        );
    }
    let tablet = super::host::facilitator_url(server.address, room.code(), room.secret());
    println!(
        "{}",
        tr.message(&Message::new("serve-facilitator").with("url", tablet))
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
    println!("{}", help_lines(room, tr).join("\n"));
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
                    Ok(Typed::Help) => println!("{}", help_lines(&hub.room, tr).join("\n")),
                    Ok(Typed::Room(table, command)) => match hub.facilitate_at(table, command) {
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
