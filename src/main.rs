//! The Glass Bank binary: the game by default, `simulate` for headless runs and seed sweeps,
//! `check` for scenario authors. In a web page it only starts the game.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]
use glassbank::headless::{self, RunOptions, SeatOverride};
use glassbank::scenario::{self, Scenario};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  glassbank [SCENARIO.ron] [--lang en|fr] [--facilitator] [--screenshot FILE.png | --tour DIR]
      play (the shipped scenarios, and SCENARIO first if given); --facilitator starts in
      facilitator mode (F2 console, F3 projector); --screenshot saves the first screen and
      quits, --tour saves one PNG per screen in DIR and quits
  glassbank simulate [SCENARIO.ron] [--seed N] [--turns N] [--seat ROLE[:ACTOR]=bot:STRATEGY]...
                     [--out DIR] [--seeds FIRST..LAST] [--quiet]
      run with bots only; print a summary; with --out, write report.json and CSV time series;
      with --seeds, play every seed from FIRST to LAST and print the spread of the outcomes
      roles: client, retail_banker, business_banker, merchant; strategies: fair, greedy,
      cautious, random
  glassbank check SCENARIO.ron...
      read and check scenario files, reporting every problem
  glassbank replay SESSION.json [--turns N]
      replay a saved game from its session log, checking the books after every month, and
      print the summary (after month N with --turns)";

/// What the command line asked for.
#[derive(Default)]
struct Args {
    command: Command,
    scenario: Option<PathBuf>,
    /// Further files, for `check`.
    more: Vec<PathBuf>,
    language: String,
    screenshot: Option<PathBuf>,
    tour: Option<PathBuf>,
    facilitator: bool,
    run: RunOptions,
    out: Option<PathBuf>,
    seeds: Option<Vec<u64>>,
    quiet: bool,
}

#[derive(Default, PartialEq, Eq)]
enum Command {
    #[default]
    Play,
    Simulate,
    Check,
    Replay,
}

fn number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a number"))?;
    value
        .parse()
        .map_err(|_| format!("{flag} {value}: not a number in range"))
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        language: "en".into(),
        ..Args::default()
    };
    let mut args = args.peekable();
    match args.peek().map(String::as_str) {
        Some("simulate") => parsed.command = Command::Simulate,
        Some("check") => parsed.command = Command::Check,
        Some("replay") => parsed.command = Command::Replay,
        _ => {}
    }
    if parsed.command != Command::Play {
        args.next();
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => parsed.language = args.next().ok_or("--lang needs en or fr")?,
            "--screenshot" => {
                parsed.screenshot = Some(args.next().ok_or("--screenshot needs a file")?.into())
            }
            "--tour" => parsed.tour = Some(args.next().ok_or("--tour needs a folder")?.into()),
            "--facilitator" => parsed.facilitator = true,
            "--seed" => parsed.run.seed = Some(number("--seed", args.next())?),
            "--turns" => {
                let turns: u16 = number("--turns", args.next())?;
                if turns == 0 {
                    return Err("--turns must be at least 1".into());
                }
                parsed.run.turns = Some(turns);
            }
            "--seat" => parsed.run.seats.push(SeatOverride::parse(
                &args
                    .next()
                    .ok_or("--seat needs ROLE[:ACTOR]=bot:STRATEGY")?,
            )?),
            "--out" => parsed.out = Some(args.next().ok_or("--out needs a folder")?.into()),
            "--seeds" => {
                parsed.seeds = Some(headless::parse_seeds(
                    &args.next().ok_or("--seeds needs FIRST..LAST")?,
                )?)
            }
            "--quiet" | "-q" => parsed.quiet = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path if parsed.scenario.is_none() => parsed.scenario = Some(path.into()),
            path if parsed.command == Command::Check => parsed.more.push(path.into()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    if glassbank::i18n::Language::from_code(&parsed.language).is_none() {
        return Err(format!(
            "unknown language {}: use en or fr",
            parsed.language
        ));
    }
    let simulating = parsed.command == Command::Simulate;
    let run_flags = parsed.run.seed.is_some()
        || parsed.run.turns.is_some()
        || !parsed.run.seats.is_empty()
        || parsed.out.is_some()
        || parsed.seeds.is_some();
    if (parsed.screenshot.is_some() || parsed.tour.is_some()) && parsed.command != Command::Play {
        return Err("--screenshot and --tour go with the game, not with a command".into());
    }
    let replaying = parsed.command == Command::Replay;
    if replaying
        && (parsed.scenario.is_none()
            || parsed.run.seed.is_some()
            || !parsed.run.seats.is_empty()
            || parsed.out.is_some()
            || parsed.seeds.is_some())
    {
        return Err("replay takes a session log and, at most, --turns".into());
    }
    if run_flags && !simulating && !replaying {
        return Err("--seed, --turns, --seat, --out and --seeds go with `simulate`".into());
    }
    if parsed.seeds.is_some() && parsed.run.seed.is_some() {
        return Err("--seed and --seeds cannot go together".into());
    }
    if parsed.command == Command::Check && parsed.scenario.is_none() {
        return Err("check needs at least one scenario file".into());
    }
    Ok(parsed)
}

fn load(path: Option<&PathBuf>) -> Result<Scenario, String> {
    match path {
        None => scenario::load(glassbank::DEFAULT_SCENARIO, "scenarios/one_town.ron")
            .map_err(|e| e.to_string()),
        Some(path) => {
            let text = glassbank::platform::read_text(path)?;
            scenario::load(&text, &path.display().to_string()).map_err(|e| e.to_string())
        }
    }
}

/// Draws "turn 5/24" on the terminal, over itself; nothing when not on a terminal.
fn progress(quiet: bool) -> impl FnMut(usize, usize, &str) {
    let draw = !quiet && glassbank::platform::stderr_is_terminal();
    move |done, of, what| {
        if draw {
            eprint!("\r{what} {done}/{of}   ");
            if done == of {
                eprint!("\r{:30}\r", "");
            }
        }
    }
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> Result<(), String> {
    glassbank::platform::write_text(&dir.join(name), text)
}

fn simulate(scenario: &Scenario, args: &Args) -> Result<(), String> {
    let mut progress = progress(args.quiet);
    if let Some(seeds) = &args.seeds {
        let sweep = headless::sweep(scenario, &args.run, seeds, |d, n| progress(d, n, "seed"))?;
        println!("{}\n{}", scenario.title().en, sweep.table());
        if let Some(dir) = &args.out {
            write(dir, "sweep.csv", &sweep.csv())?;
            println!("wrote {}", dir.join("sweep.csv").display());
        }
        return Ok(());
    }
    let run = headless::run(scenario, &args.run, |t, n| {
        progress(usize::from(t), usize::from(n), "turn")
    })?;
    println!(
        "{} (seed {})\n{}",
        scenario.title().en,
        run.seed,
        run.economy.summary()
    );
    if let Some(dir) = &args.out {
        write(dir, "report.json", &headless::json_report(scenario, &run))?;
        for csv in headless::time_series(scenario, &run.economy) {
            write(dir, csv.name, &csv.text)?;
        }
        println!(
            "wrote report.json, banks.csv, products.csv, merchants.csv, households.csv in {}",
            dir.display()
        );
    }
    Ok(())
}

fn replay(args: &Args) -> Result<(), String> {
    let path = args.scenario.as_ref().ok_or("replay needs a session log")?;
    let text = glassbank::platform::read_text(path)?;
    let log = glassbank::session::SessionLog::parse(&text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let session = glassbank::session::Session::replay(&log, args.run.turns)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "{}: {} months replayed, books identical to the log\n{}",
        path.display(),
        session.played().len(),
        session.economy().summary()
    );
    Ok(())
}

fn check(args: &Args) -> ExitCode {
    let mut failed = false;
    for path in args.scenario.iter().chain(&args.more) {
        match load(Some(path)) {
            Ok(s) => println!(
                "{}: ok (turns: {}, banks: {}, merchants: {}, households: {}, events: {})",
                path.display(),
                s.turns(),
                s.economy().banks.len(),
                s.economy().merchants.len(),
                s.economy().clients.len(),
                s.timeline().len()
            ),
            Err(why) => {
                failed = true;
                eprintln!("{why}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// In a web page there is no command line: the game starts.
#[cfg(target_arch = "wasm32")]
fn main() {
    glassbank::game::run_in_browser();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(why) => {
            if !why.is_empty() {
                eprintln!("glassbank: {why}");
            }
            eprintln!("{USAGE}");
            return if why.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    if args.command == Command::Check {
        return check(&args);
    }
    if args.command == Command::Play {
        return play(args);
    }
    if args.command == Command::Replay {
        return match replay(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(why) => {
                eprintln!("glassbank: {why}");
                ExitCode::FAILURE
            }
        };
    }
    let scenario = match load(args.scenario.as_ref()) {
        Ok(s) => s,
        Err(why) => {
            eprintln!("glassbank: {why}");
            return ExitCode::FAILURE;
        }
    };
    match simulate(&scenario, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("glassbank: {why}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the game; a scenario file that does not load is listed with its error.
#[cfg(feature = "game")]
fn play(args: Args) -> ExitCode {
    let language = glassbank::i18n::Language::from_code(&args.language).unwrap_or_default();
    let scenario = args
        .scenario
        .as_ref()
        .map(|path| (path.display().to_string(), load(Some(path))));
    glassbank::game::run(glassbank::game::GameOptions {
        scenario,
        language,
        screenshot: args.screenshot,
        tour: args.tour,
        facilitator: args.facilitator,
    })
}

#[cfg(not(feature = "game"))]
fn play(_args: Args) -> ExitCode {
    eprintln!(
        "glassbank: this build has no game window (built without the \"game\" feature); try `glassbank simulate`"
    );
    ExitCode::from(2)
}
