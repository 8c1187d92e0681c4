//! The room shared by the server's tasks: the connections' bounded outgoing queues, the clock,
//! the files the room is kept in (retried until written), what was sent and refused, and the
//! lines written to the facilitator's terminal.
use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::mpsc::{Sender, UnboundedSender};

use super::guard::printable;

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
    /// Connections let go because they could not keep up with their messages.
    pub let_go: u64,
    /// WebSockets refused for their Host or Origin.
    pub foreign: u64,
}

/// The refusals of one connection since they were last written to the terminal.
#[derive(Clone, Debug, Default)]
struct Refusals {
    count: u64,
    last: String,
}

/// Refusals are written to the terminal at most this often, as one line per connection.
const REFUSALS_EVERY_MS: u64 = 2_000;
/// The room's file is written at most this often (ms), however many tables play a month.
const SAVES_AT_MOST_EVERY_MS: u64 = 250;
/// The lines kept for `recent_log` (the terminal has them all).
const LOG_KEPT: usize = 200;

/// The room and its connections.
pub struct Hub {
    pub room: Room,
    queues: BTreeMap<ConnId, Sender<String>>,
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
    /// The room's file and its tables' logs, as text, to the task that writes them off the
    /// players' path.
    writer: Option<UnboundedSender<(PathBuf, String)>>,
    /// The months of each table whose session log was last written.
    logged: Vec<Option<crate::sim::Turn>>,
    /// Closing: the last write goes out whenever the one before was.
    closing: bool,
    /// Whether the room was written since the server started (the first write never waits).
    written_once: bool,
    /// Why the room's file could not be written the last time, until a write succeeds.
    save_failed: Arc<Mutex<Option<Message>>>,
    /// The failure already written to the terminal (each is written once).
    save_failure_told: Option<Message>,
    refusals: BTreeMap<ConnId, Refusals>,
    refusals_told_at: u64,
    /// Connections let go since the terminal was last told.
    let_go_untold: u64,
    /// The feedback log's failure already written to the terminal.
    feedback_failure_told: Option<Message>,
    /// The last lines written to the terminal.
    log: VecDeque<String>,
    /// The key in the class report's address (see `report`): a secret of its own, so that
    /// the address a facilitator's browser keeps in its history opens nothing else.
    report_key: String,
}

impl Hub {
    /// The hub of a room; fails only if the operating system gives no randomness.
    pub fn new(mut room: Room, files: Files) -> Result<Hub, Message> {
        let mut secrets = ChaCha20Rng::from_seed(crate::platform::secret_bytes::<32>()?);
        let report_key = new_secret(&mut secrets);
        room.set_report(Some(super::report::path(&report_key)));
        Ok(Hub {
            room,
            queues: BTreeMap::new(),
            next: 1,
            started: crate::platform::now(),
            files,
            traffic: Traffic::default(),
            unwritten: Vec::new(),
            saved_at: 0,
            secrets,
            writer: None,
            logged: Vec::new(),
            closing: false,
            written_once: false,
            save_failed: Arc::new(Mutex::new(None)),
            save_failure_told: None,
            refusals: BTreeMap::new(),
            refusals_told_at: 0,
            let_go_untold: 0,
            feedback_failure_told: None,
            log: VecDeque::new(),
            report_key,
        })
    }

    /// A line for the facilitator's terminal (standard error), made printable first.
    pub fn say(&mut self, line: &str) {
        let line = printable(line);
        eprintln!("glassbank serve: {line}");
        if self.log.len() == LOG_KEPT {
            self.log.pop_front();
        }
        self.log.push_back(line);
    }

    /// The last lines written to the terminal, oldest first.
    pub fn recent_log(&self) -> impl Iterator<Item = &str> {
        self.log.iter().map(String::as_str)
    }

    /// Why the room's file is not written, while it is not.
    pub fn save_problem(&self) -> Option<Message> {
        self.save_failed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// A WebSocket refused for where it came from.
    pub fn refuse_upgrade(&mut self) {
        self.traffic.foreign += 1;
    }

    /// Starts the task that writes the room's file and its tables' logs: the newest text of
    /// each file wins, each write is atomic and readable by this user only, and the players'
    /// messages never wait for the disk. A failed write is kept for `tick`, which tries again.
    /// Ends when `close` is called.
    pub fn start_writer(&mut self) -> tokio::task::JoinHandle<()> {
        let (queue, mut texts) = tokio::sync::mpsc::unbounded_channel::<(PathBuf, String)>();
        self.writer = Some(queue);
        let failed = self.save_failed.clone();
        tokio::spawn(async move {
            while let Some((path, text)) = texts.recv().await {
                let mut newest = BTreeMap::from([(path, text)]);
                while let Ok((path, newer)) = texts.try_recv() {
                    newest.insert(path, newer);
                }
                let written = tokio::task::spawn_blocking(move || {
                    newest
                        .iter()
                        .map(|(path, text)| crate::platform::write_private(path, text))
                        .find(Result::is_err)
                        .unwrap_or(Ok(()))
                })
                .await
                .unwrap_or_else(|e| Err(Message::new("io-other").with("detail", e.to_string())));
                *failed
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = written.err();
            }
        })
    }

    /// Writes the room one last time and lets the writer finish.
    pub fn close(&mut self) {
        self.closing = true;
        self.save(true);
        self.writer = None;
    }

    /// Milliseconds since the server started: the room's clock.
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// A new connection, with the queue its messages go to, from a machine if the server knows
    /// it (for the room's limit on wrong room codes).
    pub fn connect_from(
        &mut self,
        queue: Sender<String>,
        machine: Option<std::net::IpAddr>,
    ) -> ConnId {
        let conn = self.next;
        self.next += 1;
        self.queues.insert(conn, queue);
        self.room.connect_from(conn, machine);
        conn
    }

    pub fn disconnect(&mut self, conn: ConnId) {
        self.queues.remove(&conn);
        self.room.disconnect(conn);
    }

    /// A connection that could not keep up with its messages (its queue is full, or its socket
    /// took nothing in for `Limits::send_within`) is let go, and counted.
    pub fn fell_behind(&mut self, conn: ConnId) {
        self.traffic.let_go += 1;
        self.let_go_untold += 1;
        self.let_go(conn);
    }

    /// Lets a connection go: its queue closes once the messages in it are out, and its task
    /// closes the socket. Its seat stays taken, for its token.
    fn let_go(&mut self, conn: ConnId) {
        self.queues.remove(&conn);
        self.room.disconnect(conn);
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
        // A seat freed by a facilitator's command sent over the network lets its holder go.
        for conn in self.room.take_closing() {
            self.let_go(conn);
        }
        let urgent = self.room.is_urgent();
        self.save(urgent);
    }

    /// The class report's key (see `report`).
    pub fn report_key(&self) -> &str {
        &self.report_key
    }

    /// What the class's report is made of, read while the room is locked: each table as
    /// played so far, the scenario, the feedback log and the answers not yet in it (the log
    /// is read here, under the lock it is written under, so that no answer is read twice).
    pub fn report_source(&self) -> super::report::Source {
        let tables = self.room.tables();
        super::report::Source {
            code: self.room.code().to_string(),
            scenario: self.room.session().scenario().clone(),
            tables: tables
                .iter()
                .enumerate()
                .map(|(t, table)| {
                    crate::headless::class::ClassTable::of(
                        t as u32 + 1,
                        table.session(),
                        table_log_file(&self.files.room, t),
                    )
                })
                .collect(),
            answers: super::report::Source::answers(&self.files.feedback, &self.unwritten),
        }
    }

    /// How many connections are open.
    pub fn connections(&self) -> usize {
        self.queues.len()
    }

    /// A facilitator's command for every table (the terminal's console or the desktop
    /// game's): carried out, sent to the players and the room kept on disk at once.
    pub fn facilitate(&mut self, command: crate::net::Command) -> Result<(), Message> {
        self.facilitate_at(None, command)
    }

    /// A facilitator's command for one table (from 0), or every table.
    pub fn facilitate_at(
        &mut self,
        table: Option<usize>,
        command: crate::net::Command,
    ) -> Result<(), Message> {
        let done = self.room.facilitate_at(table, command);
        if let Ok(out) = &done {
            self.deliver(out.clone());
        }
        // What the tables that took it did reaches their players even if another refused.
        let queued = self.room.flush();
        self.deliver(queued);
        for conn in self.room.take_closing() {
            self.let_go(conn);
        }
        self.save(true);
        done.map(|_| ())
    }

    /// The clock moved on: a month whose time is up is played, the tables that changed are
    /// sent, refusals are written to the terminal now and then, and the room is saved (again,
    /// if the last write failed).
    pub fn tick(&mut self) {
        let now = self.now_ms();
        let months = self.months_played();
        let out = self.room.tick(now);
        let played = self.months_played() != months;
        self.deliver(out);
        self.tell_refusals(now);
        match self.save_problem() {
            Some(why) => {
                if self.save_failure_told.as_ref() != Some(&why) {
                    let line = message_en(&why);
                    self.say(&line);
                    self.save_failure_told = Some(why);
                }
                // Written again at the next save, until it works.
                self.room.keep_unsaved();
            }
            None => self.save_failure_told = None,
        }
        let urgent = self.room.is_urgent();
        self.save(urgent || played || now.saturating_sub(self.saved_at) >= 1_000);
    }

    /// The months every table has played, in all: it moves when a month is played anywhere.
    fn months_played(&self) -> usize {
        self.room
            .tables()
            .iter()
            .map(|t| usize::from(t.months_played()))
            .sum()
    }

    /// Sends each message to its connection's queue; a connection whose queue is full is let
    /// go. Refusals are counted, and written to the terminal by `tick`.
    pub fn deliver(&mut self, out: Outbox) {
        for (conn, message) in out {
            if let ToPlayer::Refused { reason } = &message {
                self.traffic.refused += 1;
                let r = self.refusals.entry(conn).or_default();
                r.count += 1;
                r.last.clone_from(reason);
            }
            let text = encode(&message);
            self.traffic.messages += 1;
            self.traffic.bytes += text.len() as u64;
            let Some(queue) = self.queues.get(&conn) else {
                continue;
            };
            match queue.try_send(text) {
                Ok(()) => {}
                Err(TrySendError::Full(_)) => self.fell_behind(conn),
                // Its socket closed; the queue goes at its disconnection.
                Err(TrySendError::Closed(_)) => {}
            }
        }
    }

    /// One line per connection whose messages were refused since the last time, at most every
    /// two seconds and ten connections.
    fn tell_refusals(&mut self, now: u64) {
        let nothing = self.refusals.is_empty() && self.let_go_untold == 0;
        if nothing || now.saturating_sub(self.refusals_told_at) < REFUSALS_EVERY_MS {
            return;
        }
        self.refusals_told_at = now;
        if self.let_go_untold > 0 {
            let n = std::mem::take(&mut self.let_go_untold);
            self.say(&format!(
                "{n} connection(s) fell behind their messages and were let go"
            ));
        }
        let refusals = std::mem::take(&mut self.refusals);
        let more = refusals.len().saturating_sub(10);
        for (conn, r) in refusals.into_iter().take(10) {
            self.say(&format!(
                "connection {conn}: {} message(s) refused, the last: {}",
                r.count, r.last
            ));
        }
        if more > 0 {
            self.say(&format!("and {more} more connection(s) refused"));
        }
    }

    /// Writes the room when something changed (`now`), or at most once a second for drafts.
    pub fn save(&mut self, now: bool) {
        let elapsed = self.now_ms().saturating_sub(self.saved_at);
        // However many tables played a month, the room is written at most every quarter of a
        // second (the next tick writes what waits), or once a second for drafts.
        let too_soon = self.written_once && !self.closing && elapsed < SAVES_AT_MOST_EVERY_MS;
        if (!now && elapsed < 1_000) || too_soon {
            return;
        }
        if self.room.take_changed() {
            self.saved_at = self.now_ms();
            self.written_once = true;
            let mut files = vec![(self.files.room.clone(), self.room.saved_json())];
            // Each table's session log, for `glassbank replay`, once a month more is played.
            self.logged.resize(self.room.tables().len(), None);
            for t in 0..self.room.tables().len() {
                let months = self.room.tables()[t].months_played();
                if self.logged[t] != Some(months) {
                    self.logged[t] = Some(months);
                    let log = self.room.table_mut(t).log_json();
                    files.push((table_log_file(&self.files.room, t), log.to_string()));
                }
            }
            for (path, text) in files {
                let queued = match &self.writer {
                    Some(writer) => writer.send((path, text)).map_err(|e| e.0),
                    None => Err((path, text)),
                };
                if let Err((path, text)) = queued {
                    let written = crate::platform::write_private(&path, &text);
                    *self
                        .save_failed
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = written.err();
                }
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
            Ok(()) => {
                self.unwritten.clear();
                self.feedback_failure_told = None;
            }
            // Said once until it changes; the answers wait and are tried again.
            Err(why) => {
                if self.feedback_failure_told.as_ref() != Some(&why) {
                    let line = message_en(&why);
                    self.say(&line);
                    self.feedback_failure_told = Some(why);
                }
            }
        }
    }
}

/// Where a table's session log is written beside the room's file: `room.json` gives
/// `room.table-1.session.json` for the first table.
pub fn table_log_file(room: &std::path::Path, table: usize) -> PathBuf {
    beside(room, &format!("table-{}.session.json", table + 1))
}

/// A file beside the room's, named after it: `ROOM.{what}`.
pub(super) fn beside(room: &std::path::Path, what: &str) -> PathBuf {
    let stem = room
        .file_stem()
        .map_or_else(|| "room".into(), |s| s.to_string_lossy().into_owned());
    room.with_file_name(format!("{stem}.{what}"))
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
