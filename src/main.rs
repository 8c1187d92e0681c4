//! The Glass Bank binary: the game by default, or a headless run with `simulate`.
use glassbank::scenario::{self, Scenario};
use glassbank::sim::{Economy, bot_decisions};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  glassbank [SCENARIO.ron] [--lang en|fr] [--screenshot FILE.png]   play (the default scenario if none)
  glassbank simulate [SCENARIO.ron]                                 run with bots only, print a summary";

/// What the command line asked for.
struct Args {
    simulate: bool,
    scenario: Option<PathBuf>,
    language: String,
    screenshot: Option<PathBuf>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        simulate: false,
        scenario: None,
        language: "en".into(),
        screenshot: None,
    };
    let mut args = args.peekable();
    if args.peek().map(String::as_str) == Some("simulate") {
        parsed.simulate = true;
        args.next();
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => parsed.language = args.next().ok_or("--lang needs en or fr")?,
            "--screenshot" => {
                parsed.screenshot = Some(args.next().ok_or("--screenshot needs a file")?.into())
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path if parsed.scenario.is_none() => parsed.scenario = Some(path.into()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    if glassbank::i18n::Language::from_code(&parsed.language).is_none() {
        return Err(format!(
            "unknown language {}: use en or fr",
            parsed.language
        ));
    }
    Ok(parsed)
}

fn load(path: Option<&PathBuf>) -> Result<Scenario, String> {
    match path {
        None => scenario::parse(glassbank::DEFAULT_SCENARIO, "scenarios/one_town.ron")
            .map_err(|e| e.to_string()),
        Some(path) => {
            let text = glassbank::platform::read_text(path)?;
            scenario::parse(&text, &path.display().to_string()).map_err(|e| e.to_string())
        }
    }
}

fn simulate(scenario: &Scenario) -> Result<(), String> {
    let mut economy = Economy::new(scenario.economy()).map_err(|e| e.to_string())?;
    for _ in 0..scenario.turns {
        let decisions = bot_decisions(&economy, &[]);
        economy.step(&decisions).map_err(|e| e.to_string())?;
    }
    println!("{}\n{}", scenario.title.en, economy.summary());
    Ok(())
}

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
    let scenario = match load(args.scenario.as_ref()) {
        Ok(s) => s,
        Err(why) => {
            eprintln!("glassbank: {why}");
            return ExitCode::FAILURE;
        }
    };
    if args.simulate {
        return match simulate(&scenario) {
            Ok(()) => ExitCode::SUCCESS,
            Err(why) => {
                eprintln!("glassbank: {why}");
                ExitCode::FAILURE
            }
        };
    }
    play(scenario, args)
}

#[cfg(feature = "game")]
fn play(scenario: Scenario, args: Args) -> ExitCode {
    let language = glassbank::i18n::Language::from_code(&args.language).unwrap_or_default();
    glassbank::game::run(glassbank::game::GameOptions {
        scenario,
        language,
        screenshot: args.screenshot,
    })
}

#[cfg(not(feature = "game"))]
fn play(_scenario: Scenario, _args: Args) -> ExitCode {
    eprintln!(
        "glassbank: this build has no game window (built without the \"game\" feature); try `glassbank simulate`"
    );
    ExitCode::from(2)
}
