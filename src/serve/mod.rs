//! `glassbank serve`: a networked workshop's room on the facilitator's machine. One process
//! runs the authoritative game, serves the web build to the players' browsers, speaks the room's
//! protocol over WebSockets on `/ws`, keeps the room on disk after every change (a restarted
//! server goes on where it stopped) and appends the debrief answers to the feedback log. It
//! listens where the facilitator says and sends nothing anywhere else.
mod console;
mod guard;
mod host;
mod hub;
mod lessons;
mod report;
mod socket;

pub use console::{parse_command, status_lines};
pub use guard::{Limits, printable};
pub use host::{Hosted, Qr, facilitator_url, join_url, qr_modules, room_file};
pub use hub::{Files, Hub, Traffic, table_log_file};

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::i18n::{Message, Translations};
use crate::net::{Room, SavedRoom};
use crate::scenario::Scenario;
use crate::session::Session;

/// How to open a room.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub address: SocketAddr,
    /// How many people will play: each table opens the scenario's seats and more, up to its
    /// share of them.
    pub players: usize,
    /// How many tables, each its own economy (1: a workshop of one table).
    pub tables: usize,
    /// The layers the tables are given as treatments, evenly and in a seeded random order
    /// (none: every table plays the scenario's own).
    pub treatments: Vec<crate::sim::Transparency>,
    /// The time each month may take, in minutes; 0 is no limit.
    pub minutes: u32,
    /// How long a seat may stay empty before a bot plays it, in seconds; 0 is never.
    pub away_seconds: u32,
    pub seed: Option<u64>,
    /// The web build the players' browsers load (web/dist).
    pub web: PathBuf,
    pub files: Files,
    /// Start afresh even if a room was saved.
    pub fresh: bool,
    pub limits: Limits,
    /// The class's roster: one label a participant, each given a personal link and a table
    /// (none: players take the emptiest table).
    pub roster: Vec<String>,
    /// The seeds the bots play each lesson of the scenario on, for the class debrief, on a
    /// thread of their own while the room runs (none: not played).
    pub lesson_seeds: Vec<u64>,
}

/// The room shared by the server's tasks.
pub type Shared = Arc<Mutex<Hub>>;

/// Locks the room; a task that panicked while holding it leaves it usable.
pub fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, Hub> {
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A running room: where it listens and its state.
pub struct Server {
    pub address: SocketAddr,
    pub shared: Shared,
    /// Whether the room was read back from its file.
    pub resumed: bool,
    stop: tokio::sync::watch::Sender<bool>,
    shutdown_within: std::time::Duration,
    task: tokio::task::JoinHandle<()>,
    ticker: tokio::task::JoinHandle<()>,
    writer: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Stops listening, closes every connection (those that do not close within the limit are
    /// dropped) and writes the room's file a last time.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let mut task = self.task;
        if tokio::time::timeout(self.shutdown_within, &mut task)
            .await
            .is_err()
        {
            task.abort();
        }
        let _ = self.ticker.await;
        lock(&self.shared).close();
        let _ = self.writer.await;
        let mut hub = lock(&self.shared);
        if let Some(why) = hub.save_problem() {
            let line = crate::i18n::Translations::shared(Default::default()).message(&why);
            hub.say(&line);
        }
    }
}

/// The room saved at `files.room`, if it is this scenario's and unfinished; otherwise a new one
/// with a fresh code and secret.
fn open_room(
    scenario: Scenario,
    options: &ServeOptions,
    secrets: &mut dyn FnMut() -> String,
) -> Result<(Room, bool), Message> {
    if !options.fresh && crate::platform::exists(&options.files.room) {
        let text = crate::platform::read_text(&options.files.room)?;
        let in_file = |reason: Message| {
            Message::new("error-in-file")
                .with("path", options.files.room.display().to_string())
                .with("reason", reason)
        };
        let saved = SavedRoom::parse(&text).map_err(in_file)?;
        if saved
            .tables
            .first()
            .is_some_and(|t| t.log.scenario_id == scenario.id())
        {
            let room = Room::restore(saved).map_err(in_file)?;
            if room.tables().iter().any(|t| !t.session().is_finished()) {
                return Ok((room, true));
            }
        }
    }
    let tables = options.tables.clamp(1, crate::net::MAX_TABLES);
    let seats = crate::net::open_seats(&scenario, options.players.div_ceil(tables));
    // The draw of the treatments: from the game's seed when the facilitator gave one, so that
    // the class's design can be drawn again; recorded in the room either way.
    let draw_seed = (!options.treatments.is_empty())
        .then(|| options.seed.unwrap_or_else(|| seed_from(&secrets())));
    let layers = crate::net::assign_treatments(tables, &options.treatments, draw_seed.unwrap_or(0));
    let mut games = Vec::with_capacity(tables);
    for t in 0..tables {
        let treatment = layers.get(t).copied();
        // Every table plays the same town and draws: they differ by their players and their
        // treatment only.
        let played = match treatment {
            Some(layer) => scenario.treated(layer),
            None => scenario.clone(),
        };
        games.push((
            Session::new(played, seats.clone(), &[], options.seed)?,
            treatment,
        ));
    }
    let code = room_code(&secrets());
    let mut room = Room::class(code, secrets(), games, draw_seed)?;
    if options.minutes > 0 {
        room.facilitate(crate::net::Command::Minutes {
            minutes: options.minutes,
        })?;
    }
    if options.away_seconds > 0 {
        room.facilitate(crate::net::Command::Away {
            seconds: options.away_seconds,
        })?;
    }
    Ok((room, false))
}

/// Each participant's personal link, with their label and table, in a CSV beside the room's file
/// (readable by the facilitator's user only: the links are the seats' keys); nothing without a
/// roster.
fn write_links(hub: &Hub, room_file: &std::path::Path, address: SocketAddr) -> Result<(), Message> {
    let roster = hub.room.roster();
    if roster.is_empty() {
        return Ok(());
    }
    let url = host::join_url(address, hub.room.code());
    let quoted = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let mut csv = String::from("label,table,link\n");
    for p in roster {
        csv.push_str(&format!(
            "{},{},{url}#me={}\n",
            quoted(&p.label),
            p.table + 1,
            p.token
        ));
    }
    crate::platform::write_private(&links_file(room_file), &csv)
}

/// Where a room's personal links are written: `ROOM.links.csv` beside its file.
pub fn links_file(room: &std::path::Path) -> PathBuf {
    hub::beside(room, "links.csv")
}

/// A draw's seed from a fresh secret (its first 64 bits), when the facilitator gave none.
fn seed_from(secret: &str) -> u64 {
    u64::from_str_radix(secret.get(..16).unwrap_or("0"), 16).unwrap_or(0)
}

/// Four letters a player can read off a projector and type on a phone: no I, O, 0 or 1.
fn room_code(secret: &str) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    secret
        .as_bytes()
        .chunks(2)
        .take(4)
        .map(|pair| {
            let n = pair.iter().fold(0usize, |n, b| n * 31 + usize::from(*b));
            char::from(LETTERS[n % LETTERS.len()])
        })
        .collect()
}

/// Opens the room and starts listening; the tasks run on the current Tokio runtime.
pub async fn start(scenario: Scenario, options: ServeOptions) -> Result<Server, Message> {
    let mut seed = [0u8; 32];
    seed.copy_from_slice(&crate::platform::secret_bytes::<32>()?);
    let mut secrets = <rand_chacha::ChaCha20Rng as rand::SeedableRng>::from_seed(seed);
    let lesson_scenario = (!options.lesson_seeds.is_empty()).then(|| scenario.clone());
    let (room, resumed) = open_room(scenario, &options, &mut || hub::new_secret(&mut secrets))?;
    let mut room = room;
    if !options.roster.is_empty() && room.roster().is_empty() {
        // Who sits where is drawn as the treatments are: from the game's seed when given.
        let seed = room
            .draw_seed()
            .or(options.seed)
            .unwrap_or_else(|| seed_from(&hub::new_secret(&mut secrets)));
        room.set_roster(options.roster.clone(), seed, &mut || {
            hub::new_secret(&mut secrets)
        });
    }
    let hub = Hub::new(room, options.files.clone())?;
    let shared: Shared = Arc::new(Mutex::new(hub));
    let writer = {
        let mut hub = lock(&shared);
        let writer = hub.start_writer();
        hub.save(true);
        writer
    };
    if let Some(scenario) = lesson_scenario {
        lessons::play(
            scenario,
            options.lesson_seeds,
            std::sync::Arc::downgrade(&shared),
        );
    }
    let listener = tokio::net::TcpListener::bind(options.address)
        .await
        .map_err(|e| {
            Message::new("serve-cannot-listen")
                .with("address", options.address.to_string())
                .with("reason", e.to_string())
        })?;
    let address = listener.local_addr().unwrap_or(options.address);
    write_links(&lock(&shared), &options.files.room, address)?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let app = socket::router(
        shared.clone(),
        &options.web,
        stopped.clone(),
        options.limits,
    );
    let listener = guard::Guarded::new(listener, &options.limits);
    let ticking = shared.clone();
    let mut ticker_stopped = stopped.clone();
    let ticker = tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_millis(250));
        loop {
            tokio::select! {
                _ = every.tick() => lock(&ticking).tick(),
                _ = ticker_stopped.changed() => break,
            }
        }
    });
    let mut serve_stopped = stopped;
    let task = tokio::spawn(async move {
        let shutdown = async move {
            let _ = serve_stopped.changed().await;
        };
        let app = app.into_make_service_with_connect_info::<guard::Peer>();
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            eprintln!("glassbank serve: {e}");
        }
    });
    Ok(Server {
        address,
        shared,
        resumed,
        stop,
        shutdown_within: options.limits.shutdown_within,
        task,
        ticker,
        writer,
    })
}

/// `glassbank serve`: opens the room, prints where to join, and runs the facilitator's console
/// on standard input until `quit` (or end of input, or Ctrl+C).
pub fn run(scenario: Scenario, options: ServeOptions, tr: &Translations) -> Result<(), Message> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Message::new("io-other").with("detail", e.to_string()))?;
    runtime.block_on(async {
        let web_missing = !crate::platform::exists(&options.web.join("index.html"));
        let server = start(scenario, options.clone()).await?;
        console::welcome(&server, &options, web_missing, tr);
        console::run(&server.shared, tr).await;
        server.stop().await;
        Ok(())
    })
}
