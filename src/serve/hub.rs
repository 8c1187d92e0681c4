//! The room shared by the server's tasks: the connections' outgoing queues, the clock, the
//! files the room is kept in, and what was sent (for the report).
use std::collections::BTreeMap;
use std::path::PathBuf;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use tokio::sync::mpsc::UnboundedSender;

use crate::i18n::Message;
use crate::net::{ConnId, Outbox, Room, ToPlayer, encode};

/// Where the room is kept between restarts, and where the debrief answers go.
#[derive(Clone, Debug)]
pub struct Files {
    pub room: PathBuf,
    pub feedback: PathBuf,
}

/// What went out, per connection and in all.
#[derive(Clone, Debug, Default)]
pub struct Traffic {
    pub messages: u64,
    pub bytes: u64,
    pub refused: u64,
}

/// The room and its connections.
pub struct Hub {
    pub room: Room,
    queues: BTreeMap<ConnId, UnboundedSender<String>>,
    next: ConnId,
    started: web_time::Instant,
    files: Files,
    pub traffic: Traffic,
    /// Answers the log could not take yet (a full disk): tried again at the next change.
    unwritten: Vec<String>,
    /// When the room was last written, in ms on the room's clock.
    saved_at: u64,
    /// Makes the seats' secrets, seeded by the operating system.
    secrets: ChaCha20Rng,
    /// The room's file, as text, to the task that writes it off the players' path.
    writer: Option<UnboundedSender<String>>,
}

impl Hub {
    /// The hub of a room; fails only if the operating system gives no randomness.
    pub fn new(room: Room, files: Files) -> Result<Hub, Message> {
        Ok(Hub {
            room,
            queues: BTreeMap::new(),
            next: 1,
            started: crate::platform::now(),
            files,
            traffic: Traffic::default(),
            unwritten: Vec::new(),
            saved_at: 0,
            secrets: ChaCha20Rng::from_seed(crate::platform::secret_bytes::<32>()?),
            writer: None,
        })
    }

    /// Starts the task that writes the room's file: the newest text wins, each write is atomic,
    /// and the players' messages never wait for the disk. Ends when `close` is called.
    pub fn start_writer(&mut self) -> tokio::task::JoinHandle<()> {
        let (queue, mut texts) = tokio::sync::mpsc::unbounded_channel::<String>();
        self.writer = Some(queue);
        let path = self.files.room.clone();
        tokio::spawn(async move {
            while let Some(mut text) = texts.recv().await {
                while let Ok(newer) = texts.try_recv() {
                    text = newer;
                }
                let path = path.clone();
                let written = tokio::task::spawn_blocking(move || {
                    crate::platform::write_atomically(&path, &text)
                })
                .await;
                if let Ok(Err(why)) = written {
                    eprintln!("glassbank serve: {}", message_en(&why));
                }
            }
        })
    }

    /// Writes the room one last time and lets the writer finish.
    pub fn close(&mut self) {
        self.save(true);
        self.writer = None;
    }

    /// Milliseconds since the server started: the room's clock.
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// A new connection, with the queue its messages go to.
    pub fn connect(&mut self, queue: UnboundedSender<String>) -> ConnId {
        let conn = self.next;
        self.next += 1;
        self.queues.insert(conn, queue);
        self.room.connect(conn);
        conn
    }

    pub fn disconnect(&mut self, conn: ConnId) {
        self.queues.remove(&conn);
        let out = self.room.disconnect(conn);
        self.deliver(out);
    }

    /// A message from a connection: handled, answered, and the room kept on disk.
    pub fn receive(&mut self, conn: ConnId, bytes: &[u8]) {
        let now = self.now_ms();
        let secrets = &mut self.secrets;
        let out = self
            .room
            .receive(conn, bytes, now, &mut || new_secret(secrets));
        // Answers reach the log before the player is told they are recorded.
        self.write_feedback();
        self.deliver(out);
        let urgent = self.room.is_urgent();
        self.save(urgent);
    }

    /// A facilitator's command (the terminal's console or the desktop game's): carried out,
    /// sent to the players and the room kept on disk at once.
    pub fn facilitate(&mut self, command: crate::net::Command) -> Result<(), Message> {
        let out = self.room.facilitate(command)?;
        self.deliver(out);
        self.save(true);
        Ok(())
    }

    /// The clock moved on: a month whose time is up is played; the room is saved now and then.
    pub fn tick(&mut self) {
        let now = self.now_ms();
        let out = self.room.tick(now);
        let played = !out.is_empty();
        self.deliver(out);
        self.save(played || now.saturating_sub(self.saved_at) >= 1_000);
    }

    /// Sends each message to its connection's queue; refusals are written to the log.
    pub fn deliver(&mut self, out: Outbox) {
        for (conn, message) in out {
            if let ToPlayer::Refused { reason } = &message {
                self.traffic.refused += 1;
                eprintln!("glassbank serve: connection {conn}: {reason}");
            }
            let text = encode(&message);
            self.traffic.messages += 1;
            self.traffic.bytes += text.len() as u64;
            if let Some(queue) = self.queues.get(&conn) {
                // A queue whose socket closed is dropped at its disconnection.
                let _ = queue.send(text);
            }
        }
    }

    /// Writes the room when something changed (`now`), or at most once a second for drafts.
    pub fn save(&mut self, now: bool) {
        let elapsed = self.now_ms().saturating_sub(self.saved_at);
        if !now && elapsed < 1_000 {
            return;
        }
        if self.room.take_changed() {
            self.saved_at = self.now_ms();
            let text = self.room.saved().to_json();
            let queued = match &self.writer {
                Some(writer) => writer.send(text).map_err(|e| e.0),
                None => Err(text),
            };
            if let Err(text) = queued
                && let Err(why) = crate::platform::write_atomically(&self.files.room, &text)
            {
                eprintln!("glassbank serve: {}", message_en(&why));
            }
        }
    }

    /// Appends the answers given since the last call to the feedback log.
    fn write_feedback(&mut self) {
        let lines = self.room.take_feedback(&crate::platform::utc_now());
        self.unwritten
            .extend(lines.iter().map(crate::feedback::Response::to_line));
        if self.unwritten.is_empty() {
            return;
        }
        let lines: Vec<&str> = self.unwritten.iter().map(String::as_str).collect();
        match crate::platform::append_lines(&self.files.feedback, &lines) {
            Ok(()) => self.unwritten.clear(),
            Err(why) => eprintln!("glassbank serve: {}", message_en(&why)),
        }
    }
}

/// A message for the server's own terminal.
fn message_en(why: &Message) -> String {
    crate::i18n::Translations::shared(Default::default()).message(why)
}

/// A secret: 128 bits from a generator the operating system seeded, in hexadecimal.
pub fn new_secret(secrets: &mut ChaCha20Rng) -> String {
    let mut bytes = [0u8; 16];
    secrets.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
