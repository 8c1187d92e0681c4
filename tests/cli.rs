//! The command line as a facilitator uses it: `simulate` writes a JSON report and CSV series,
//! sweeps seeds, and says clearly what is wrong with bad arguments or a bad file, in English
//! or in French.
use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the binary in an environment that names no language (so it speaks English) plus `env`.
fn glassbank_in(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_glassbank"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
        .envs(env.iter().copied())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn glassbank(args: &[&str]) -> Output {
    glassbank_in(&[], args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("glassbank-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn simulate_writes_a_report_and_time_series() {
    let out = scratch("out");
    let o = glassbank(&[
        "simulate",
        "scenarios/card_fees.ron",
        "--seed",
        "3",
        "--turns",
        "8",
        "--seat",
        "business_banker=bot:fair",
        "--seat",
        "merchant:bakery=bot:greedy",
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("(seed 3)"));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["seed"], 3);
    assert_eq!(report["turns_played"], 8);
    assert_eq!(report["books_balanced"], true);
    assert_eq!(report["banks"][1]["id"], "acquirer");
    assert_eq!(report["banks"][1]["business_strategy"], "fair");
    assert_eq!(
        report["banks"][0]["product_margins"][0]["product"],
        "current_account"
    );
    // The interchange cap of turn 7 is in the report.
    assert_eq!(report["shocks"][1]["turn"], 7);
    let banks = std::fs::read_to_string(out.join("banks.csv")).unwrap();
    assert_eq!(banks.lines().count(), 1 + 8 * 2);
    assert!(banks.starts_with("turn,bank,reserves,"));
    let products = std::fs::read_to_string(out.join("products.csv")).unwrap();
    // A line for each month, bank and product of a bank.
    assert_eq!(
        products.lines().count(),
        1 + 8 * 2 * glassbank::sim::Product::OF_BANKS.len()
    );
    let merchants = std::fs::read_to_string(out.join("merchants.csv")).unwrap();
    assert!(merchants.lines().nth(1).unwrap().starts_with("1,bakery,"));
    let households = std::fs::read_to_string(out.join("households.csv")).unwrap();
    assert_eq!(households.lines().count(), 1 + 8);
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn a_seed_sweep_prints_the_spread_and_writes_every_seed() {
    let out = scratch("sweep");
    let o = glassbank(&[
        "simulate",
        "scenarios/one_town.ron",
        "--seeds",
        "1..4",
        "--turns",
        "6",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.contains("4 seeds"), "{stdout}");
    assert!(stdout.contains("bank a: NIM (%)"), "{stdout}");
    let csv = std::fs::read_to_string(out.join("sweep.csv")).unwrap();
    assert_eq!(csv.lines().count(), 5);
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn bad_arguments_exit_2_with_a_reason() {
    for (args, reason) in [
        (
            vec!["simulate", "--turns", "0"],
            "--turns must be at least 1",
        ),
        (vec!["simulate", "--seed", "x"], "--seed x: not a number"),
        (vec!["simulate", "--seat", "pilot=bot:fair"], "unknown role"),
        (vec!["simulate", "--seeds", "9..1"], "expected FIRST..LAST"),
        (vec!["--seed", "3"], "go with `simulate`"),
        (
            vec!["simulate", "--frobnicate"],
            "unknown option --frobnicate",
        ),
    ] {
        let o = glassbank(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let stderr = text(&o.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
        assert!(stderr.contains("usage:"), "{args:?}");
    }
}

#[test]
fn a_bad_file_exits_1_naming_every_problem() {
    let dir = scratch("bad");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.ron");
    let good = std::fs::read_to_string("scenarios/one_town.ron").unwrap();
    std::fs::write(
        &bad,
        good.replace("turns: 24", "turns: 0")
            .replace("capital: 150000", "capital: -1"),
    )
    .unwrap();
    let o = glassbank(&["check", bad.to_str().unwrap(), "scenarios/rate_shock.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = text(&o.stderr);
    assert!(stderr.contains("4 problems"), "{stderr}");
    assert!(stderr.contains("turns: must be >= 1, found 0"), "{stderr}");
    assert!(
        stderr.contains("banks[2].capital: must be >= 0, found -1"),
        "{stderr}"
    );
    assert!(text(&o.stdout).contains("rate_shock.ron: ok"));
    let o = glassbank(&["simulate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = glassbank(&["simulate", "no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("no/such/file.ron"));
    let _ = std::fs::remove_dir_all(dir);
}

/// A session log of three months of bots in `dir`.
fn three_months_log(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let scenario = glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    let mut session = glassbank::session::Session::new(scenario, vec![], &[], Some(4)).unwrap();
    for _ in 0..3 {
        session.play_turn().unwrap();
    }
    let log = dir.join("game.json");
    std::fs::write(&log, session.log().to_json()).unwrap();
    log
}

#[test]
fn a_session_log_replays_from_the_command_line() {
    let dir = scratch("replay");
    let log = three_months_log(&dir);
    let o = glassbank(&["replay", log.to_str().unwrap(), "--turns", "2"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("2 months replayed, books identical"));
    std::fs::write(&log, "{\"format\": \"glassbank-session\", \"version\": 7}").unwrap();
    let o = glassbank(&["replay", log.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("newer Glass Bank"),
        "{}",
        text(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn report_writes_a_class_page_from_a_folder_and_says_when_there_is_nothing_to_read() {
    let dir = scratch("report");
    let log = three_months_log(&dir);
    std::fs::rename(&log, dir.join("room.table-2.session.json")).unwrap();
    std::fs::write(dir.join("feedback.jsonl"), "not json\n").unwrap();
    let out = dir.join("out");
    let o = glassbank(&[
        "report",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        page.contains("Table 2"),
        "the table's number from its file's name"
    );
    assert!(
        page.contains("1 damaged lines"),
        "the damaged line is counted, not fatal"
    );
    // An empty folder, and a seed the report has no use for.
    let empty = scratch("report-empty");
    std::fs::create_dir_all(&empty).unwrap();
    let o = glassbank(&["report", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("no session log"),
        "{}",
        text(&o.stderr)
    );
    let o = glassbank(&["report", empty.to_str().unwrap(), "--seed", "3"]);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(empty);
}

#[test]
fn the_command_line_speaks_french_when_asked_or_when_the_environment_does() {
    let o = glassbank(&[
        "simulate",
        "scenarios/card_fees.ron",
        "--seed",
        "3",
        "--turns",
        "3",
        "--quiet",
        "--lang",
        "fr",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.contains("(graine 3)"), "{stdout}");
    assert!(stdout.contains("mois joués : 3"), "{stdout}");
    assert!(stdout.contains("fonds propres "), "{stdout}");
    // Amounts as French writes them: "1 234,56 €" with no-break spaces.
    assert!(
        stdout.contains(",00\u{a0}€") || stdout.contains("\u{a0}€ "),
        "{stdout}"
    );
    assert!(!stdout.contains("balance sheet"), "{stdout}");

    let french = [("LANG", "fr_FR.UTF-8")];
    let o = glassbank_in(&french, &["simulate", "--turns", "0"]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = text(&o.stderr);
    assert!(
        stderr.contains("glassbank : --turns doit valoir au moins 1"),
        "{stderr}"
    );
    assert!(stderr.contains("utilisation :"), "{stderr}");
    let o = glassbank_in(&french, &["simulate", "--seat", "pilot=bot:fair"]);
    assert!(
        text(&o.stderr).contains("rôle inconnu « pilot »"),
        "{}",
        text(&o.stderr)
    );
    // LC_ALL comes first; --lang above all.
    let o = glassbank_in(
        &[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")],
        &["simulate", "--turns", "0"],
    );
    assert!(text(&o.stderr).contains("--turns must be at least 1"));
    let o = glassbank_in(&french, &["simulate", "--turns", "0", "--lang", "en"]);
    assert!(text(&o.stderr).contains("--turns must be at least 1"));
}

#[test]
fn a_bad_file_is_explained_in_french_with_its_place_and_the_path_of_each_field() {
    let dir = scratch("bad-fr");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.ron");
    let good = std::fs::read_to_string("scenarios/one_town.ron").unwrap();
    std::fs::write(
        &bad,
        good.replace("turns: 24", "turns: 0")
            .replace("capital: 150000", "capital: -1"),
    )
    .unwrap();
    let o = glassbank(&[
        "check",
        "--lang",
        "fr",
        bad.to_str().unwrap(),
        "scenarios/rate_shock.ron",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = text(&o.stderr);
    assert!(stderr.contains("bad.ron : 4 problèmes :"), "{stderr}");
    assert!(
        stderr.contains("\n  turns : doit être supérieur ou égal à 1 (valeur trouvée : 0)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("banks[2].capital : doit être supérieur ou égal à 0 (valeur trouvée : -1)"),
        "{stderr}"
    );
    let stdout = text(&o.stdout);
    assert!(
        stdout.contains("rate_shock.ron : correct (mois : 24, banques : 2"),
        "{stdout}"
    );

    // A syntax error: file, line and column, what was expected, and the line with a caret.
    let syntax = dir.join("syntax.ron");
    std::fs::write(
        &syntax,
        good.replacen("turns: 24", "turns: 24,\n    colour: \"red\"", 1),
    )
    .unwrap();
    let o = glassbank_in(
        &[("LANG", "fr_FR.UTF-8")],
        &["check", syntax.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = text(&o.stderr);
    let line = good.lines().position(|l| l.contains("turns: 24")).unwrap() + 2;
    assert!(
        stderr.contains(&format!(
            "syntax.ron:{line}:5 : champ inconnu `colour` dans `scenario` ; attendu : `id`"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{line} |     colour: \"red\"")),
        "{stderr}"
    );
    assert!(stderr.contains("    ^"), "{stderr}");

    let o = glassbank(&["simulate", "--lang", "fr", "no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("no/such/file.ron : fichier ou dossier introuvable"),
        "{}",
        text(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_french_sweep_keeps_its_csv_columns() {
    let out = scratch("sweep-fr");
    let o = glassbank(&[
        "simulate",
        "scenarios/one_town.ron",
        "--seeds",
        "1..2",
        "--turns",
        "3",
        "--lang",
        "fr",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.contains("2 graines"), "{stdout}");
    assert!(stdout.contains("médiane"), "{stdout}");
    assert!(
        stdout.contains("banque a : taux de marge d'intérêts (%)"),
        "{stdout}"
    );
    // A data format, not a message: the columns stay as they were.
    let csv = std::fs::read_to_string(out.join("sweep.csv")).unwrap();
    assert!(
        csv.lines().next().unwrap().contains("\"bank a: NIM (%)\""),
        "{csv}"
    );
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn a_session_log_replays_in_french() {
    let dir = scratch("replay-fr");
    let log = three_months_log(&dir);
    let french = [("LANG", "fr_FR.UTF-8")];
    let o = glassbank_in(&french, &["replay", log.to_str().unwrap(), "--turns", "2"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("2 mois rejoués, comptes identiques au journal"),
        "{}",
        text(&o.stdout)
    );
    std::fs::write(&log, "{\"format\": \"glassbank-session\", \"version\": 7}").unwrap();
    let o = glassbank_in(&french, &["replay", log.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("version plus récente de Glass Bank (format version 7)"),
        "{}",
        text(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn check_lessons_plays_a_scenarios_lessons_and_fails_when_one_does_not_hold() {
    let o = glassbank(&[
        "check",
        "scenarios/card_fees.ron",
        "--lessons",
        "--seeds",
        "1..6",
        "--quiet",
    ]);
    let out = text(&o.stdout);
    assert!(o.status.success(), "{out}{}", text(&o.stderr));
    assert!(out.contains("with 6 seeds (p10 / median / p90)"), "{out}");
    assert!(
        out.contains("shops' card fees: glass against opaque, expected lower"),
        "{out}"
    );
    assert_eq!(out.matches("\n  holds:").count(), 4, "{out}");
    // The same lesson turned around does not hold: the command says so and fails.
    let scratch = scratch("lessons");
    std::fs::create_dir_all(&scratch).unwrap();
    let turned = scratch.join("turned.ron");
    let scenario = std::fs::read_to_string("scenarios/card_fees.ron")
        .unwrap()
        .replace(
            "(metric: merchants_card_fees, compare: layers(opaque, glass), expect: lower)",
            "(metric: merchants_card_fees, compare: layers(opaque, glass), expect: higher)",
        );
    std::fs::write(&turned, scenario).unwrap();
    let o = glassbank_in(
        &[("LANG", "fr_FR.UTF-8")],
        &[
            "check",
            turned.to_str().unwrap(),
            "--lessons",
            "--seeds",
            "1..4",
            "--quiet",
        ],
    );
    assert!(!o.status.success());
    let out = text(&o.stdout);
    assert!(out.contains("non vérifiée"), "{out}");
    assert!(
        text(&o.stderr).contains("une leçon n'est pas vérifiée"),
        "{}",
        text(&o.stderr)
    );
    // --lessons goes with check only.
    let o = glassbank(&["simulate", "scenarios/card_fees.ron", "--lessons"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--lessons goes with `check`"));
}
