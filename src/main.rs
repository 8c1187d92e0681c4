//! The Glass Bank binary: the game by default, `simulate` for headless runs and seed sweeps,
//! `check` for scenario authors, in French or English. In a web page it only starts the game.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]
use glassbank::headless::{self, RunOptions, SeatOverride};
use glassbank::i18n::{Language, Message, Translations};
use glassbank::scenario::{self, Scenario};
use std::path::PathBuf;
use std::process::ExitCode;

/// What the command line asked for.
#[derive(Default)]
struct Args {
    command: Command,
    scenario: Option<PathBuf>,
    /// Further files, for `check`.
    more: Vec<PathBuf>,
    /// `--lang`, if given: it then wins over the environment's and the game's remembered one.
    language: Option<Language>,
    /// `--scale`: the size of the game's interface for this run.
    ui_scale: Option<f32>,
    screenshot: Option<PathBuf>,
    tour: Option<PathBuf>,
    facilitator: bool,
    run: RunOptions,
    out: Option<PathBuf>,
    seeds: Option<Vec<u64>>,
    /// `report --room-code`: only the answers given in this room.
    room_code: Option<String>,
    /// `check --lessons`: play the scenarios' lessons over the seeds.
    lessons: bool,
    quiet: bool,
    /// `serve`'s flags.
    net: NetArgs,
}

/// How `serve` opens its room.
#[derive(Default)]
struct NetArgs {
    port: Option<u16>,
    bind: Option<std::net::IpAddr>,
    players: Option<usize>,
    tables: Option<usize>,
    table_size: Option<usize>,
    treatments: Vec<glassbank::sim::Transparency>,
    minutes: Option<u32>,
    away: Option<u32>,
    web: Option<PathBuf>,
    room: Option<PathBuf>,
    /// A class's list of participants: each gets a personal link.
    roster: Option<PathBuf>,
    fresh: bool,
}

impl NetArgs {
    fn given(&self) -> bool {
        self.port.is_some()
            || self.bind.is_some()
            || self.players.is_some()
            || self.tables.is_some()
            || self.table_size.is_some()
            || !self.treatments.is_empty()
            || self.minutes.is_some()
            || self.away.is_some()
            || self.web.is_some()
            || self.room.is_some()
            || self.roster.is_some()
            || self.fresh
    }
}

#[derive(Default, PartialEq, Eq)]
enum Command {
    #[default]
    Play,
    Simulate,
    Check,
    Replay,
    Serve,
    Report,
}

/// Why the command line was not understood; `Help` asks for the usage alone.
enum ArgsError {
    Help,
    Bad(Message),
}

impl From<Message> for ArgsError {
    fn from(why: Message) -> ArgsError {
        ArgsError::Bad(why)
    }
}

fn number<T: std::str::FromStr>(flag: &'static str, value: Option<String>) -> Result<T, Message> {
    let value = value.ok_or_else(|| Message::new("cli-needs-number").with("flag", flag))?;
    value.parse().map_err(|_| {
        Message::new("cli-not-a-number")
            .with("flag", flag)
            .with("value", value)
    })
}

/// The value after a flag, or why it is missing (`needs`: the message saying what it takes).
fn value(
    flag: &'static str,
    value: Option<String>,
    needs: &'static str,
) -> Result<String, Message> {
    value.ok_or_else(|| Message::new(needs).with("flag", flag))
}

/// The language the command line speaks: `--lang` if it names one the game speaks, otherwise
/// the environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
fn cli_language(args: &[String]) -> Language {
    args.windows(2)
        .find(|w| w[0] == "--lang")
        .and_then(|w| Language::from_code(&w[1]))
        .unwrap_or_else(|| Language::from_environment(|name| std::env::var(name).ok()))
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, ArgsError> {
    let mut parsed = Args::default();
    let mut args = args.peekable();
    match args.peek().map(String::as_str) {
        Some("simulate") => parsed.command = Command::Simulate,
        Some("check") => parsed.command = Command::Check,
        Some("replay") => parsed.command = Command::Replay,
        Some("serve") => parsed.command = Command::Serve,
        Some("report") => parsed.command = Command::Report,
        _ => {}
    }
    if parsed.command != Command::Play {
        args.next();
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => {
                let code = args.next().ok_or(Message::new("cli-lang-needed"))?;
                parsed.language = Some(
                    Language::from_code(&code)
                        .ok_or_else(|| Message::new("cli-lang-unknown").with("lang", code))?,
                );
            }
            "--scale" => parsed.ui_scale = Some(number("--scale", args.next())?),
            "--screenshot" => {
                parsed.screenshot =
                    Some(value("--screenshot", args.next(), "cli-needs-file")?.into())
            }
            "--tour" => {
                parsed.tour = Some(value("--tour", args.next(), "cli-needs-folder")?.into())
            }
            "--facilitator" => parsed.facilitator = true,
            "--seed" => parsed.run.seed = Some(number("--seed", args.next())?),
            "--turns" => {
                let turns: u16 = number("--turns", args.next())?;
                if turns == 0 {
                    return Err(Message::new("cli-turns-zero").into());
                }
                parsed.run.turns = Some(turns);
            }
            "--seat" => parsed.run.seats.push(SeatOverride::parse(&value(
                "--seat",
                args.next(),
                "cli-seat-needed",
            )?)?),
            "--out" => parsed.out = Some(value("--out", args.next(), "cli-needs-folder")?.into()),
            "--seeds" => {
                parsed.seeds = Some(headless::parse_seeds(&value(
                    "--seeds",
                    args.next(),
                    "cli-seeds-needed",
                )?)?)
            }
            "--room-code" => {
                let code = value("--room-code", args.next(), "cli-room-code-needed")?;
                // A room's code is a few letters and digits (`serve` prints it).
                if code.is_empty()
                    || code.len() > 16
                    || !code.chars().all(|c| c.is_ascii_alphanumeric())
                {
                    return Err(Message::new("cli-room-code-needed").into());
                }
                parsed.room_code = Some(code);
            }
            "--quiet" | "-q" => parsed.quiet = true,
            "--lessons" => parsed.lessons = true,
            "--port" => parsed.net.port = Some(number("--port", args.next())?),
            "--bind" => {
                let address = value("--bind", args.next(), "cli-needs-address")?;
                parsed.net.bind = Some(
                    address
                        .parse()
                        .map_err(|_| Message::new("cli-not-an-address").with("value", address))?,
                );
            }
            "--players" => parsed.net.players = Some(number("--players", args.next())?),
            "--minutes" => parsed.net.minutes = Some(number("--minutes", args.next())?),
            "--away" => parsed.net.away = Some(number("--away", args.next())?),
            "--roster" => {
                parsed.net.roster = Some(PathBuf::from(value(
                    "--roster",
                    args.next(),
                    "cli-needs-file",
                )?))
            }
            "--tables" => parsed.net.tables = Some(number("--tables", args.next())?),
            "--table-size" => parsed.net.table_size = Some(number("--table-size", args.next())?),
            "--treatments" => {
                let list = value("--treatments", args.next(), "cli-needs-layers")?;
                for word in list.split(',') {
                    parsed.net.treatments.push(match word.trim() {
                        "opaque" => glassbank::sim::Transparency::Opaque,
                        "disclosed" => glassbank::sim::Transparency::Disclosed,
                        "glass" => glassbank::sim::Transparency::Glass,
                        other => {
                            return Err(Message::new("cli-not-a-layer")
                                .with("value", other.to_string())
                                .into());
                        }
                    });
                }
            }
            "--web" => {
                parsed.net.web = Some(value("--web", args.next(), "cli-needs-folder")?.into())
            }
            "--room" => {
                parsed.net.room = Some(value("--room", args.next(), "cli-needs-file")?.into())
            }
            "--new" => parsed.net.fresh = true,
            "-h" | "--help" => return Err(ArgsError::Help),
            flag if flag.starts_with('-') => {
                return Err(Message::new("cli-unknown-option")
                    .with("option", flag)
                    .into());
            }
            path if parsed.scenario.is_none() => parsed.scenario = Some(path.into()),
            path if parsed.command == Command::Check => parsed.more.push(path.into()),
            extra => {
                return Err(Message::new("cli-unexpected-argument")
                    .with("argument", extra)
                    .into());
            }
        }
    }
    check_combination(&parsed)?;
    Ok(parsed)
}

/// Flags that do not go together, or not with the command given.
fn check_combination(parsed: &Args) -> Result<(), Message> {
    let simulating = parsed.command == Command::Simulate;
    let checking_lessons = parsed.command == Command::Check && parsed.lessons;
    if parsed.lessons && parsed.command != Command::Check {
        return Err(Message::new("cli-lessons-only"));
    }
    let run_flags = parsed.run.seed.is_some()
        || parsed.run.turns.is_some()
        || !parsed.run.seats.is_empty()
        || parsed.out.is_some()
        || (parsed.seeds.is_some() && !checking_lessons);
    if (parsed.screenshot.is_some() || parsed.tour.is_some()) && parsed.command != Command::Play {
        return Err(Message::new("cli-game-only"));
    }
    let replaying = parsed.command == Command::Replay;
    if replaying
        && (parsed.scenario.is_none()
            || parsed.run.seed.is_some()
            || !parsed.run.seats.is_empty()
            || parsed.out.is_some()
            || parsed.seeds.is_some())
    {
        return Err(Message::new("cli-replay-arguments"));
    }
    let serving = parsed.command == Command::Serve;
    if parsed.net.given() && !serving {
        return Err(Message::new("cli-serve-only"));
    }
    if serving
        && (parsed.run.turns.is_some() || !parsed.run.seats.is_empty() || parsed.out.is_some())
    {
        return Err(Message::new("cli-serve-arguments"));
    }
    let reporting = parsed.command == Command::Report;
    if run_flags && !simulating && !replaying && !serving && !reporting {
        return Err(Message::new("cli-simulate-only"));
    }
    // A room takes both: the treatments' draw, and the seeds of the lessons' bots.
    if parsed.seeds.is_some() && parsed.run.seed.is_some() && !serving {
        return Err(Message::new("cli-seed-and-seeds"));
    }
    if parsed.command == Command::Check && parsed.scenario.is_none() {
        return Err(Message::new("cli-check-needs-file"));
    }
    if reporting
        && (parsed.scenario.is_none()
            || parsed.run.seed.is_some()
            || parsed.run.turns.is_some()
            || !parsed.run.seats.is_empty()
            || parsed.seeds.is_some())
    {
        return Err(Message::new("cli-report-arguments"));
    }
    Ok(())
}

/// Reads and checks a scenario file (the default one without a path).
fn load(path: Option<&PathBuf>) -> Result<Scenario, Message> {
    match path {
        None => scenario::load(glassbank::DEFAULT_SCENARIO, "scenarios/one_town.ron")
            .map_err(Message::from),
        Some(path) => {
            let text = glassbank::platform::read_text(path)?;
            scenario::load(&text, &path.display().to_string()).map_err(Message::from)
        }
    }
}

/// Draws "month 5/24" on the terminal, over itself; nothing when not on a terminal. `step` is
/// the message of one step, with `done` and `of`.
fn progress(quiet: bool, tr: &Translations) -> impl FnMut(usize, usize, &'static str) + '_ {
    let draw = !quiet && glassbank::platform::stderr_is_terminal();
    move |done, of, step| {
        if draw {
            let line = Message::new(step).with("done", done).with("of", of);
            eprint!("\r{}   ", tr.message(&line));
            if done == of {
                eprint!("\r{:30}\r", "");
            }
        }
    }
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> Result<(), Message> {
    glassbank::platform::write_text(&dir.join(name), text)
}

fn simulate(scenario: &Scenario, args: &Args, tr: &Translations) -> Result<(), Message> {
    let mut progress = progress(args.quiet, tr);
    let title = scenario.title().get(tr.language().code());
    if let Some(seeds) = &args.seeds {
        let sweep = headless::sweep(scenario, &args.run, seeds, |done, of| {
            progress(done, of, "cli-progress-seed")
        })?;
        println!("{title}\n{}", sweep.table(tr));
        if let Some(dir) = &args.out {
            write(dir, "sweep.csv", &sweep.csv())?;
            let path = dir.join("sweep.csv").display().to_string();
            println!(
                "{}",
                tr.message(&Message::new("cli-wrote").with("path", path))
            );
        }
        return Ok(());
    }
    let run = headless::run(scenario, &args.run, |turn, of| {
        progress(usize::from(turn), usize::from(of), "cli-progress-month")
    })?;
    let heading = Message::new("cli-run-title")
        .with("title", title)
        .with("seed", run.seed.to_string());
    println!(
        "{}\n{}",
        tr.message(&heading),
        headless::summary(&run.economy, tr)
    );
    if let Some(dir) = &args.out {
        write(dir, "report.json", &headless::json_report(scenario, &run))?;
        for csv in headless::time_series(scenario, &run.economy) {
            write(dir, csv.name, &csv.text)?;
        }
        let wrote = Message::new("cli-wrote-report").with("folder", dir.display().to_string());
        println!("{}", tr.message(&wrote));
    }
    Ok(())
}

fn replay(args: &Args, tr: &Translations) -> Result<(), Message> {
    let path = args
        .scenario
        .as_ref()
        .ok_or(Message::new("cli-replay-needs-log"))?;
    let in_file = |reason: Message| {
        Message::new("error-in-file")
            .with("path", path.display().to_string())
            .with("reason", reason)
    };
    let text = glassbank::platform::read_text(path)?;
    let log = glassbank::session::SessionLog::parse(&text).map_err(in_file)?;
    let session = glassbank::session::Session::replay(&log, args.run.turns).map_err(in_file)?;
    let replayed = Message::new("cli-replayed")
        .with("path", path.display().to_string())
        .with("months", session.played().len());
    println!(
        "{}\n{}",
        tr.message(&replayed),
        headless::summary(session.economy(), tr)
    );
    Ok(())
}

/// `glassbank report DIR [--out DIR] [--room-code CODE]`: a class's report from the session logs
/// and feedback in DIR (the answers given in room CODE only, with it), written into DIR (or
/// `--out`).
fn report(args: &Args, tr: &Translations) -> Result<(), Message> {
    let dir = args
        .scenario
        .as_ref()
        .ok_or(Message::new("cli-report-arguments"))?;
    let class = headless::class::Class::read(dir, args.room_code.as_deref())?;
    let out = args.out.clone().unwrap_or_else(|| dir.clone());
    let written = headless::class::write_report(&class, &out, tr)?;
    let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    println!(
        "{}",
        tr.message(&Message::new("report-written").with("files", files.join(", ")))
    );
    Ok(())
}

fn check(args: &Args, tr: &Translations) -> ExitCode {
    let mut failed = false;
    let count = |n: usize| glassbank::i18n::format::count(tr.language(), n as u64);
    for path in args.scenario.iter().chain(&args.more) {
        match load(Some(path)) {
            Ok(s) => {
                let config = s.economy();
                let ok = Message::new("cli-check-ok")
                    .with("path", path.display().to_string())
                    .with("turns", count(s.turns().into()))
                    .with("banks", count(config.banks.len()))
                    .with("merchants", count(config.merchants.len()))
                    .with("households", count(config.clients.len()))
                    .with("events", count(s.timeline().len()));
                println!("{}", tr.message(&ok));
                if args.lessons && !lessons(&s, path, args, tr) {
                    failed = true;
                }
            }
            Err(why) => {
                failed = true;
                eprintln!("{}", tr.message(&why));
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `check --lessons`: plays the scenario's lessons over the seeds and prints whether each holds;
/// false if one does not.
fn lessons(scenario: &Scenario, path: &std::path::Path, args: &Args, tr: &Translations) -> bool {
    if scenario.lessons().is_empty() {
        println!(
            "{}",
            tr.message(&Message::new("lessons-none").with("path", path.display().to_string()))
        );
        return true;
    }
    let seeds = args.seeds.clone().unwrap_or_else(|| (1..=20).collect());
    let mut study = headless::Study::new(scenario, seeds);
    let mut show = progress(args.quiet, tr);
    if let Err(why) = study.run(|done, of| show(done, of, "cli-progress-games")) {
        complain(&why, tr);
        return false;
    }
    let findings = study.findings();
    print!("{}", headless::lessons_table(&findings, scenario, tr));
    let failed = findings.iter().filter(|f| !f.holds()).count();
    if failed > 0 {
        eprintln!(
            "{}",
            tr.message(&Message::new("lessons-failed").with("count", failed as i64))
        );
    }
    failed == 0
}

/// `glassbank serve`: a networked workshop's room on this machine, until `quit`.
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
fn serve(args: &Args, tr: &Translations) -> Result<(), Message> {
    let scenario = load(args.scenario.as_ref())?;
    let data = glassbank::platform::data_dir();
    let room = args
        .net
        .room
        .clone()
        .unwrap_or_else(|| glassbank::serve::room_file(&data, scenario.id()));
    let roster = match &args.net.roster {
        None => Vec::new(),
        Some(path) => {
            let in_file = |reason: Message| {
                Message::new("error-in-file")
                    .with("path", path.display().to_string())
                    .with("reason", reason)
            };
            let text = glassbank::platform::read_text(path)?;
            glassbank::net::parse_labels(&text).map_err(in_file)?
        }
    };
    // `--players 30 --table-size 6` makes 5 tables of 6; `--tables 5 --players 30` the same.
    let players = args.net.players.unwrap_or(0);
    let tables = match (args.net.tables, args.net.table_size) {
        (Some(n), _) => n,
        (None, Some(size)) => players.div_ceil(size.max(1)).max(1),
        (None, None) => 1,
    };
    if !(1..=glassbank::net::MAX_TABLES).contains(&tables) {
        return Err(Message::new("net-tables")
            .with("found", tables)
            .with("max", glassbank::net::MAX_TABLES));
    }
    let players = match args.net.table_size {
        Some(size) => size.saturating_mul(tables),
        None => players,
    };
    let options = glassbank::serve::ServeOptions {
        address: std::net::SocketAddr::new(
            args.net
                .bind
                .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
            args.net.port.unwrap_or(8080),
        ),
        players,
        tables,
        treatments: args.net.treatments.clone(),
        minutes: args.net.minutes.unwrap_or(0),
        away_seconds: args.net.away.unwrap_or(0).saturating_mul(60),
        seed: args.run.seed,
        web: args
            .net
            .web
            .clone()
            .unwrap_or_else(|| PathBuf::from("web/dist")),
        files: glassbank::serve::Files {
            room,
            feedback: data.join("feedback.jsonl"),
        },
        fresh: args.net.fresh,
        limits: glassbank::serve::Limits::default(),
        roster,
        lesson_seeds: args
            .seeds
            .clone()
            .unwrap_or_else(|| (1..=glassbank::headless::LESSON_SEEDS).collect()),
    };
    glassbank::serve::run(scenario, options, tr)
}

#[cfg(not(all(feature = "serve", not(target_arch = "wasm32"))))]
fn serve(_args: &Args, _tr: &Translations) -> Result<(), Message> {
    Err(Message::new("cli-no-serve"))
}

/// Says why on standard error, in the command line's language.
fn complain(why: &Message, tr: &Translations) {
    let line = Message::new("cli-error").with("reason", why.clone());
    eprintln!("{}", tr.message(&line));
}

/// In a web page there is no command line: the game starts.
#[cfg(target_arch = "wasm32")]
fn main() {
    glassbank::game::run_in_browser();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let tr = Translations::shared(cli_language(&raw));
    let args = match parse_args(raw.into_iter()) {
        Ok(args) => args,
        Err(ArgsError::Help) => {
            eprintln!("{}", tr.get("cli-usage"));
            return ExitCode::SUCCESS;
        }
        Err(ArgsError::Bad(why)) => {
            complain(&why, tr);
            eprintln!("{}", tr.get("cli-usage"));
            return ExitCode::from(2);
        }
    };
    let outcome = match args.command {
        Command::Check => return check(&args, tr),
        Command::Play => return play(args, tr.language()),
        Command::Replay => replay(&args, tr),
        Command::Serve => serve(&args, tr),
        Command::Report => report(&args, tr),
        Command::Simulate => {
            load(args.scenario.as_ref()).and_then(|scenario| simulate(&scenario, &args, tr))
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            complain(&why, tr);
            ExitCode::FAILURE
        }
    }
}

/// Opens the game in `--lang`'s language, or else the remembered one, or else `fallback` (the
/// environment's); a scenario file that does not load is listed with its error.
#[cfg(feature = "game")]
fn play(args: Args, fallback: Language) -> ExitCode {
    if !glassbank::platform::has_display() {
        let language = args.language.unwrap_or(fallback);
        complain(
            &Message::new("cli-no-display"),
            Translations::shared(language),
        );
        return ExitCode::FAILURE;
    }
    let scenario = args
        .scenario
        .as_ref()
        .map(|path| (path.display().to_string(), load(Some(path))));
    glassbank::game::run(glassbank::game::GameOptions {
        scenario,
        language: args.language.unwrap_or(fallback),
        language_given: args.language.is_some(),
        ui_scale: args.ui_scale,
        screenshot: args.screenshot,
        tour: args.tour,
        facilitator: args.facilitator,
    })
}

#[cfg(not(feature = "game"))]
fn play(_args: Args, language: Language) -> ExitCode {
    complain(&Message::new("cli-no-game"), Translations::shared(language));
    ExitCode::from(2)
}
