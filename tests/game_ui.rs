//! The game without a window: egui panels driven through egui_kittest (find a control by its
//! label, click it, check what changed), and the Bevy app's screen flow driven by `update()`
//! with `MinimalPlugins`, from the title to the debrief, with decisions reaching the economy.
#![cfg(feature = "game")]

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use glassbank::game::{Action, Catalog, Screen, Seating, Table, insert_resources, logic_plugin};
use glassbank::i18n::{Language, Translations};
use glassbank::scenario::load;
use glassbank::session::{Command as Do, Draft, Question, Session};
use glassbank::sim::{BankId, ClientId, Money, Seat};

fn session(humans: Vec<Seat>) -> Session {
    let scenario = load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    Session::new(scenario, humans, &[], Some(5)).unwrap()
}

/// A harness around one seat's decision panel, with the draft as its state.
fn panel(seat: Seat, language: Language) -> Harness<'static, Draft> {
    let s = session(vec![seat]);
    let view = s.view(seat).unwrap();
    let draft = *s.draft(seat).unwrap();
    let tr = Translations::new(language);
    let mut verdicts = Default::default();
    Harness::builder()
        .with_size([700.0, 1000.0])
        .build_ui_state(
            move |ui, draft: &mut Draft| {
                glassbank::game::panels::decide::decide(ui, &tr, &view, draft, &mut verdicts);
            },
            draft,
        )
}

#[test]
fn the_retail_banker_can_stop_refunding_complaints_and_publish_prices() {
    let mut h = panel(Seat::RetailBanker(BankId(0)), Language::En);
    h.get_by_label("Refund complaints about fees").click();
    h.get_by_label("Publish the full fee schedule").click();
    h.run();
    let Draft::Retail(d) = h.state() else {
        panic!()
    };
    assert!(!d.refund_complaints);
    assert!(d.disclose);
}

#[test]
fn a_shopkeeper_can_refuse_cards_in_french() {
    let mut h = panel(Seat::Merchant(glassbank::sim::MerchantId(0)), Language::Fr);
    h.get_by_label("Accepter les cartes").click();
    h.run();
    let Draft::Merchant(d) = h.state() else {
        panic!()
    };
    assert!(!d.accepts_cards);
}

#[test]
fn a_household_asking_for_a_loan_sees_its_rate_and_first_payment() {
    // household-3 has no loan running in this town.
    let scenario = load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    let free = (0..300)
        .map(ClientId)
        .find(|c| {
            let s = Session::new(scenario.clone(), vec![Seat::Client(*c)], &[], Some(5)).unwrap();
            s.economy().client(*c).unwrap().loan.is_none()
        })
        .unwrap();
    let mut h = panel(Seat::Client(free), Language::En);
    h.get_by_label("Ask my bank for a loan").click();
    h.run();
    let Draft::Client(d) = h.state() else {
        panic!()
    };
    assert!(d.loan_request.is_some_and(|l| l.amount.is_positive()));
    assert!(h.query_by_label_contains("First monthly payment").is_some());
    assert!(h.query_by_label_contains("Rate: ").is_some());
}

#[test]
fn the_title_screen_leads_to_the_scenario_choice() {
    let tr = Translations::new(Language::En);
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| {
            out.extend(glassbank::game::screens::title::show(ui, &tr, &[], None))
        },
        Vec::new(),
    );
    h.get_by_label("Play").click();
    h.run();
    assert!(h.state().contains(&Action::Open(Screen::Choice)));
}

/// A harness around the month's screen, in English, with the actions it sent.
fn turn_screen(session: Session) -> Harness<'static, (Table, Vec<Action>)> {
    let tr = Translations::new(Language::En);
    let table = Table {
        session: Some(session),
        ..Table::default()
    };
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            move |ui, (table, out): &mut (Table, Vec<Action>)| {
                out.extend(glassbank::game::screens::turn::show(ui, &tr, table));
            },
            (table, Vec::new()),
        )
}

#[test]
fn the_turn_screen_commits_and_switches_tabs() {
    let mut h = turn_screen(session(vec![Seat::RetailBanker(BankId(0))]));
    h.get_by_label("Where the money goes").click();
    h.run();
    assert_eq!(
        h.state().0.tab,
        glassbank::game::screens::turn::Tab::ValueChain
    );
    h.get_by_label("Done for this month").click();
    h.run();
    assert!(h.state().1.contains(&Action::Commit));
}

fn app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    insert_resources(&mut app, Catalog::load(None), Language::En);
    app.add_plugins(logic_plugin);
    // Logs of these test games go to a temporary folder, never the player's data directory.
    app.world_mut()
        .resource_mut::<glassbank::game::records::Records>()
        .data_dir =
        std::env::temp_dir().join(format!("glassbank-ui-{}", glassbank::platform::random_id()));
    app.update();
    app
}

fn act(app: &mut App, action: Action) {
    app.world_mut().write_message(action);
    // One update applies the action, the next one the state transition.
    app.update();
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn a_hot_seat_game_goes_from_the_title_to_the_debrief() {
    let mut app = app();
    assert_eq!(screen(&app), Screen::Title);
    act(&mut app, Action::Open(Screen::Choice));
    act(&mut app, Action::ChooseScenario(1));
    assert_eq!(screen(&app), Screen::Choice);
    act(&mut app, Action::ConfirmScenario);
    assert_eq!(screen(&app), Screen::Seats);
    // card_fees offers three seats: the first is human by default; make the second human too.
    let seating = app.world().resource::<Seating>().clone();
    assert_eq!(seating.choices.len(), 3);
    act(
        &mut app,
        Action::SetPlayer(1, glassbank::game::actions::Player::Human),
    );
    act(&mut app, Action::StartGame);
    assert_eq!(screen(&app), Screen::Handover);
    act(&mut app, Action::Ready);
    assert_eq!(screen(&app), Screen::Turn);

    // The business banker (second human) raises the terminal fee through the UI's draft.
    let business = seating.choices[1].seat;
    let mut months = 0;
    while screen(&app) != Screen::Debrief {
        {
            let mut table = app.world_mut().resource_mut::<Table>();
            let session = table.session.as_mut().unwrap();
            // card_fees stops for discussion at month 7: the facilitator resumes.
            session.resume();
            if session.active() == Some(business)
                && let Some(Draft::Business(d)) = session.draft_mut(business)
            {
                d.merchant_fees.terminal_fee = Money::euros(33);
            }
        }
        act(&mut app, Action::Commit);
        if screen(&app) == Screen::Handover {
            act(&mut app, Action::Ready);
        }
        months += 1;
        assert!(months < 100, "the game never ended");
    }
    let table = app.world().resource::<Table>();
    let session = table.session.as_ref().unwrap();
    assert!(session.is_finished());
    assert_eq!(session.economy().reports().len(), 12);
    let Seat::BusinessBanker(bank) = business else {
        panic!("{business:?}")
    };
    assert_eq!(
        session
            .economy()
            .bank(bank)
            .unwrap()
            .business
            .merchant_fees
            .terminal_fee,
        Money::euros(33)
    );
    act(&mut app, Action::NewGame);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn with_no_human_the_bots_play_month_by_month() {
    let mut app = app();
    act(&mut app, Action::Open(Screen::Choice));
    act(&mut app, Action::ConfirmScenario);
    act(
        &mut app,
        Action::SetPlayer(0, glassbank::game::actions::Player::Bot(Default::default())),
    );
    act(&mut app, Action::StartGame);
    assert_eq!(screen(&app), Screen::Turn);
    act(&mut app, Action::PlayMonth);
    let table = app.world().resource::<Table>();
    assert_eq!(table.session.as_ref().unwrap().turn(), 2);
}

#[test]
fn settings_change_the_language_at_once() {
    let mut app = app();
    act(&mut app, Action::SetLanguage(Language::Fr));
    let tr = app.world().resource::<glassbank::game::Tr>();
    assert_eq!(tr.0.get("play"), "Jouer");
}

/// Every source file of the game, with its text.
fn game_sources() -> Vec<(std::path::PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("src/game")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files
}

/// Every message the game asks for exists in both languages (a missing one would show its key).
#[test]
fn every_message_of_the_game_is_translated() {
    let mut keys = std::collections::BTreeSet::new();
    for (_, text) in game_sources() {
        {
            for call in ["tr.get(", "tr.format("] {
                for (i, _) in text.match_indices(call) {
                    let rest = text[i + call.len()..].trim_start();
                    if let Some(rest) = rest.strip_prefix('"') {
                        let key: String = rest.chars().take_while(|c| *c != '"').collect();
                        if !key.contains('{') {
                            keys.insert(key);
                        }
                    }
                }
            }
        }
    }
    assert!(keys.len() > 100, "{} keys found", keys.len());
    // Keys built at run time.
    for term in glassbank::game::widgets::glossary::TERMS {
        keys.insert(format!("term-{term}"));
        keys.insert(format!("glossary-{term}"));
    }
    // Each row of the market's table, from the sim's list of terms.
    for term in glassbank::sim::Term::ALL {
        if term.explained() {
            keys.insert(format!("term-{}", term.key()));
            keys.insert(format!("glossary-{}", term.key()));
        } else {
            keys.insert(term.key().to_string());
        }
    }
    // Each product's name, from the product list: a new product is checked here at once.
    for product in glassbank::sim::Product::OF_BANKS {
        keys.insert(format!("product-{}", product.key()));
    }
    for stage in [
        "shoppers",
        "shops",
        "card-fees",
        "state",
        "suppliers",
        "issuer",
        "scheme",
        "acquirer",
        "shop-keeps",
    ] {
        keys.insert(format!("stage-{stage}"));
    }
    for k in [
        "role-client",
        "role-retail",
        "role-business",
        "role-merchant",
        "layer-opaque",
        "layer-disclosed",
        "layer-glass",
        "player-bot-fair",
        "player-bot-greedy",
        "player-bot-cautious",
        "player-bot-random",
        "refusal-toorisky",
        "refusal-unaffordable",
        "refusal-alreadyborrowing",
        "refusal-refusedbybanker",
        "refusal-withdrawn",
        "language-en",
        "language-fr",
        // Passed through the two tables' row helper.
        "tables-fee-income",
    ] {
        keys.insert(k.to_string());
    }
    for language in Language::ALL {
        let ids: std::collections::BTreeSet<String> =
            Translations::new(language).ids().into_iter().collect();
        let missing: Vec<_> = keys.iter().filter(|k| !ids.contains(*k)).collect();
        assert!(missing.is_empty(), "{language:?} lacks {missing:?}");
    }
}

#[test]
fn a_human_banker_refuses_a_waiting_application_from_the_panel() {
    let banker = Seat::RetailBanker(BankId(0));
    let mut s = session(vec![banker]);
    while s.economy().review().loans.is_empty() {
        s.commit(banker).unwrap();
    }
    let view = s.view(banker).unwrap();
    let draft = *s.draft(banker).unwrap();
    let tr = Translations::new(Language::En);
    let mut h = Harness::builder()
        .with_size([700.0, 1400.0])
        .build_ui_state(
        move |ui, (draft, verdicts): &mut (Draft, glassbank::game::panels::decide::Verdicts)| {
            bevy_egui::egui::ScrollArea::vertical().show(ui, |ui| {
                glassbank::game::panels::decide::decide(ui, &tr, &view, draft, verdicts);
            });
        },
        (draft, Default::default()),
    );
    h.get_all_by_label("Refuse").next().unwrap().click();
    h.run();
    let first = s.economy().review().loans[0].case;
    assert_eq!(h.state().1.get(&first), Some(&false));
}

#[test]
fn answers_are_saved_after_consent_one_line_each_and_exported() {
    let dir =
        std::env::temp_dir().join(format!("glassbank-ui-{}", glassbank::platform::random_id()));
    let mut app = app();
    app.world_mut()
        .resource_mut::<glassbank::game::records::Records>()
        .data_dir = dir.clone();
    act(&mut app, Action::Open(Screen::Choice));
    act(&mut app, Action::ConfirmScenario);
    act(&mut app, Action::StartGame);
    while screen(&app) != Screen::Debrief {
        act(&mut app, Action::Commit);
    }
    {
        let mut records = app
            .world_mut()
            .resource_mut::<glassbank::game::records::Records>();
        assert!(records.session_log.as_ref().is_some_and(|p| p.exists()));
        let q = &mut records.questionnaire;
        q.consent = Some(true);
        q.answers.insert(
            "understood_margin".into(),
            glassbank::feedback::Answer::Likert(4),
        );
        q.answers.insert(
            "surprise".into(),
            glassbank::feedback::Answer::FreeText("the interchange".into()),
        );
    }
    act(&mut app, Action::SaveAnswers);
    act(&mut app, Action::ExportFeedback);
    let records = app.world().resource::<glassbank::game::records::Records>();
    assert!(
        records.questionnaire.saved,
        "{:?}",
        records.questionnaire.error
    );
    let log = std::fs::read_to_string(dir.join("feedback.jsonl")).unwrap();
    let (read, damaged) = glassbank::feedback::read_log(&log);
    assert_eq!((read.len(), damaged), (2, 0));
    assert_eq!(read[0].role, Some(glassbank::sim::Role::RetailBanker));
    assert_eq!(records.exported.len(), 2);
    let csv = std::fs::read_to_string(&records.exported[0]).unwrap();
    assert_eq!(csv.lines().count(), 3);
    // The session log replays to the same books.
    let text = std::fs::read_to_string(records.session_log.as_ref().unwrap()).unwrap();
    let replayed =
        Session::replay(&glassbank::session::SessionLog::parse(&text).unwrap(), None).unwrap();
    let table = app.world().resource::<Table>();
    assert_eq!(
        replayed.economy().ledger().fingerprint(),
        table
            .session
            .as_ref()
            .unwrap()
            .economy()
            .ledger()
            .fingerprint()
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_saved_game_resumes_where_it_stopped() {
    let mut app = app();
    act(&mut app, Action::Open(Screen::Choice));
    act(&mut app, Action::ConfirmScenario);
    act(&mut app, Action::StartGame);
    for _ in 0..3 {
        act(&mut app, Action::Commit);
    }
    let (path, fingerprint) = {
        let records = app.world().resource::<glassbank::game::records::Records>();
        let table = app.world().resource::<Table>();
        let s = table.session.as_ref().unwrap();
        (
            records.session_log.clone().unwrap(),
            s.economy().ledger().fingerprint(),
        )
    };
    act(&mut app, Action::NewGame);
    assert!(app.world().resource::<Table>().session.is_none());
    act(&mut app, Action::Resume(path));
    assert_eq!(screen(&app), Screen::Turn);
    let table = app.world().resource::<Table>();
    let s = table.session.as_ref().unwrap();
    assert_eq!(s.turn(), 4);
    assert_eq!(s.economy().ledger().fingerprint(), fingerprint);
}

#[test]
fn the_facilitator_stops_the_table_rewinds_and_changes_the_layer() {
    use glassbank::game::facilitator::{Command, Console, apply};
    let mut console = Console::default();
    let banker = Seat::RetailBanker(BankId(0));
    let mut table = Table {
        session: Some(session(vec![banker])),
        ..Table::default()
    };
    for _ in 0..3 {
        table.session.as_mut().unwrap().commit(banker).unwrap();
    }
    apply(
        &mut table,
        &mut console,
        &Command::Table(Do::Pause {
            question: Some(Question::Discussion(0)),
        }),
    )
    .unwrap();
    let s = table.session.as_ref().unwrap();
    assert!(s.paused().is_some_and(|q| q.is_some()));
    // The turn screen shows only the question while stopped.
    let tr = Translations::new(Language::En);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            move |ui, table: &mut Table| {
                glassbank::game::screens::turn::show(ui, &tr, table);
            },
            table,
        );
    h.run();
    assert!(h.query_by_label("Stop for discussion").is_some());
    assert!(h.query_by_label("Where the money goes").is_none());
    let mut table = std::mem::take(h.state_mut());
    apply(&mut table, &mut console, &Command::Table(Do::Resume)).unwrap();
    apply(
        &mut table,
        &mut console,
        &Command::Table(Do::Rewind { after: 1 }),
    )
    .unwrap();
    assert_eq!(table.session.as_ref().unwrap().turn(), 2);
    apply(
        &mut table,
        &mut console,
        &Command::Table(Do::Shock {
            shock: glassbank::sim::Shock::Transparency(glassbank::sim::Transparency::Glass),
        }),
    )
    .unwrap();
    table.session.as_mut().unwrap().commit(banker).unwrap();
    let s = table.session.as_ref().unwrap();
    assert_eq!(
        s.economy().reports().last().unwrap().transparency,
        glassbank::sim::Transparency::Glass
    );
    assert_eq!(s.played()[1].extra_shocks.len(), 1);
}

#[test]
fn the_console_shows_the_facilitator_note_of_the_month() {
    let scenario = load(
        &std::fs::read_to_string("scenarios/card_fees.ron").unwrap(),
        "card_fees.ron",
    )
    .unwrap();
    let mut s = Session::new(scenario, vec![], &[], Some(1)).unwrap();
    s.run_bots(6).unwrap();
    assert_eq!(s.turn(), 7);
    let tr = Translations::new(Language::En);
    let mut h = Harness::builder().with_size([700.0, 900.0]).build_ui_state(
        move |ui, console: &mut glassbank::game::facilitator::Console| {
            glassbank::game::facilitator::show(ui, &tr, &s, console, true);
        },
        glassbank::game::facilitator::Console::default(),
    );
    h.run();
    assert!(h.query_by_label_contains("Pause after the cap").is_some());
    assert!(h.query_by_label_contains("Before month 1").is_none());
}

#[test]
fn the_turn_timer_counts_down_and_restarts_for_the_next_player() {
    use glassbank::game::TurnTimer;
    use std::time::Duration;
    let mut timer = TurnTimer::default();
    let t0 = glassbank::platform::now();
    let a = (3, Some(Seat::RetailBanker(BankId(0))));
    let b = (3, Some(Seat::Client(ClientId(0))));
    assert_eq!(timer.remaining(a, t0), None);
    timer.limit_secs = 120;
    assert_eq!(timer.remaining(a, t0), Some(120));
    assert_eq!(timer.remaining(a, t0 + Duration::from_secs(50)), Some(70));
    assert_eq!(timer.remaining(a, t0 + Duration::from_secs(500)), Some(0));
    // The next player gets the whole time again.
    assert_eq!(timer.remaining(b, t0 + Duration::from_secs(500)), Some(120));
}

#[test]
fn the_console_moves_a_slow_table_on_and_a_branch_keeps_its_own_log() {
    use glassbank::game::facilitator::Command;
    use glassbank::game::records::Records;
    let mut app = app();
    act(&mut app, Action::Open(Screen::Choice));
    act(&mut app, Action::ChooseScenario(1));
    act(&mut app, Action::ConfirmScenario);
    act(
        &mut app,
        Action::SetPlayer(1, glassbank::game::actions::Player::Human),
    );
    act(&mut app, Action::StartGame);
    act(&mut app, Action::Ready);
    // The first player is done; the second is slow: the facilitator plays the month.
    act(&mut app, Action::Commit);
    assert_eq!(screen(&app), Screen::Handover);
    let waiting = app
        .world()
        .resource::<Table>()
        .session
        .as_ref()
        .unwrap()
        .waiting();
    assert_eq!(waiting.len(), 1);
    act(&mut app, Action::Facilitate(Command::Table(Do::Advance)));
    assert_eq!(screen(&app), Screen::Handover);
    act(
        &mut app,
        Action::Facilitate(Command::Table(Do::RunBots { months: 3 })),
    );
    let session_turn = |app: &App| {
        app.world()
            .resource::<Table>()
            .session
            .as_ref()
            .unwrap()
            .turn()
    };
    assert_eq!(session_turn(&app), 5);
    let first_log = app
        .world()
        .resource::<Records>()
        .session_log
        .clone()
        .unwrap();
    let first =
        glassbank::session::SessionLog::parse(&std::fs::read_to_string(&first_log).unwrap())
            .unwrap();
    assert_eq!(first.turns.len(), 4);
    // Back to after month 2: a branch, saved apart; the original log stays whole.
    act(
        &mut app,
        Action::Facilitate(Command::Table(Do::Rewind { after: 2 })),
    );
    assert_eq!(session_turn(&app), 3);
    act(&mut app, Action::Facilitate(Command::Table(Do::Advance)));
    let branch_log = app
        .world()
        .resource::<Records>()
        .session_log
        .clone()
        .unwrap();
    assert_ne!(branch_log, first_log);
    let branch =
        glassbank::session::SessionLog::parse(&std::fs::read_to_string(&branch_log).unwrap())
            .unwrap();
    assert_eq!(branch.turns.len(), 3);
    let first =
        glassbank::session::SessionLog::parse(&std::fs::read_to_string(&first_log).unwrap())
            .unwrap();
    assert_eq!(first.turns.len(), 4);
    // A message for the room reaches the month's news; an impossible rewind is an error shown.
    act(
        &mut app,
        Action::Facilitate(Command::Table(Do::Announce {
            message: "Five minutes".into(),
        })),
    );
    let table = app.world().resource::<Table>();
    assert!(
        table
            .session
            .as_ref()
            .unwrap()
            .news()
            .iter()
            .any(|t| t.en == "Five minutes")
    );
    act(
        &mut app,
        Action::Facilitate(Command::Table(Do::Rewind { after: 40 })),
    );
    assert!(app.world().resource::<Table>().error.is_some());
}

#[test]
fn the_console_screen_lists_who_is_deciding_and_plays_the_month() {
    use glassbank::game::facilitator::{Command, Console, screen};
    let a = Seat::RetailBanker(BankId(0));
    let b = Seat::BusinessBanker(BankId(1));
    let mut s = session(vec![a, b]);
    s.commit(a).unwrap();
    let table = Table {
        session: Some(s),
        ..Table::default()
    };
    let tr = Translations::new(Language::En);
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(
            move |ui, state: &mut (Console, Vec<Command>)| {
                let out = screen(ui, &tr, &table, &mut state.0);
                state.1.extend(out);
            },
            (Console::default(), Vec::new()),
        );
    h.run();
    assert!(h.query_by_label_contains("still deciding").is_some());
    assert!(h.query_by_label_contains("done").is_some());
    h.get_by_label("Play the month now").click();
    h.run();
    assert!(h.state().1.contains(&Command::Table(Do::Advance)));
    h.get_by_label("Projector (F3)").click();
    h.run();
    assert!(h.state().1.contains(&Command::Show(
        glassbank::game::facilitator::View::Projector
    )));
}

#[test]
fn the_debrief_shows_the_same_game_under_another_layer_beside_it() {
    use glassbank::game::screens::tables::{Comparison, show};
    let scenario = load(
        &std::fs::read_to_string("scenarios/hidden_fees.ron").unwrap(),
        "hidden_fees.ron",
    )
    .unwrap();
    let banker = Seat::RetailBanker(BankId(0));
    let mut s = Session::new(scenario, vec![banker], &[], Some(3)).unwrap();
    for _ in 0..6 {
        s.commit(banker).unwrap();
    }
    let tr = Translations::new(Language::En);
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(
            move |ui, compare: &mut Comparison| show(ui, &tr, &s, compare),
            Comparison::default(),
        );
    h.run_steps(3);
    assert!(h.query_by_label("This table\n(opaque)").is_some());
    assert!(h.query_by_label("Second table\n(glass)").is_some());
    assert!(
        h.query_by_label_contains("of which above what they expected")
            .is_some()
    );
    h.get_by_label("disclosed").click();
    h.run_steps(3);
    assert!(h.query_by_label("Second table\n(disclosed)").is_some());
    // The scenario's lessons, played by bots a few games a frame, then said in words.
    assert!(
        h.query_by_label("What the bots show over many games")
            .is_some()
    );
    for _ in 0..200 {
        if h.query_by_label_contains("games played by bots, households' fees paid")
            .is_some()
        {
            break;
        }
        h.run_steps(3);
    }
    let sentence = h
        .query_by_label_contains("games played by bots, households' fees paid")
        .expect("the first lesson in words");
    let text = format!("{sentence:?}");
    assert!(text.contains("In 100 games played by bots"), "{text}");
    assert!(text.contains("(opaque) to"), "{text}");
    assert!(h.query_all_by_label_contains("More than luck").count() >= 6);
}

/// Presses Tab until `focused` says the wanted control has the keyboard focus.
fn tab_to<S>(h: &mut Harness<'_, S>, focused: impl Fn(&Harness<'_, S>) -> bool) -> bool {
    for _ in 0..120 {
        h.key_press(egui::Key::Tab);
        h.run();
        if focused(h) {
            return true;
        }
    }
    false
}

#[test]
fn a_month_is_played_with_the_keyboard_alone() {
    let seat = Seat::Client(ClientId(0));
    let mut played = session(vec![seat]);
    // A month played, so the value chain has a payment to show.
    played.commit(seat).unwrap();
    let mut h = turn_screen(played);
    h.run();
    let draft = |h: &Harness<'_, (Table, Vec<Action>)>| {
        *h.state().0.session.as_ref().unwrap().draft(seat).unwrap()
    };
    let before = draft(&h);
    // Tab reaches a slider; the arrow keys move it.
    assert!(tab_to(&mut h, |h| h
        .query_all_by_role(egui::accesskit::Role::Slider)
        .any(|n| n.is_focused())));
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_ne!(draft(&h), before, "the arrow key changed the decision");
    // Tab reaches a tab of the right-hand side; Enter opens it.
    assert!(tab_to(&mut h, |h| h
        .get_by_label("Where the money goes")
        .is_focused()));
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().0.tab,
        glassbank::game::screens::turn::Tab::ValueChain
    );
    // The flows of the Sankey can be read as text, without a mouse to hover them.
    assert!(tab_to(&mut h, |h| h
        .get_by_label("The flows in words")
        .is_focused()));
    h.key_press(egui::Key::Enter);
    h.run();
    // Ctrl+Enter ends the month.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    h.run();
    assert!(h.state().1.contains(&Action::Commit));
}

#[test]
fn the_first_month_guide_goes_on_with_enter_and_skips_with_escape() {
    use glassbank::game::guide::{Guide, show, take};
    let tr = Translations::new(Language::Fr);
    let mut guide = Guide::default();
    guide.offer(Seat::Merchant(glassbank::sim::MerchantId(0)));
    let mut h = Harness::new_ui_state(
        move |ui, (guide, never): &mut (Guide, bool)| {
            let ctx = ui.ctx().clone();
            if let Some((seat, page)) = guide.page()
                && let Some(step) = show(&ctx, &tr, seat, page)
            {
                *never |= take(guide, step);
            }
        },
        (guide, false),
    );
    h.run();
    assert!(
        h.query_by_label_contains("Vous tenez un commerce")
            .is_some(),
        "the shopkeeper's first page, in French"
    );
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().0.page().map(|p| p.1), Some(1));
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().0.is_open());
    assert!(!h.state().1, "skipping is not turning the guides off");
}

/// A French word without its accents, as a dictionary orders it.
fn fold_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'û' | 'ù' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

#[test]
fn the_glossary_lists_every_term_in_order_and_finds_one() {
    for language in Language::ALL {
        let tr = Translations::new(language);
        let mut h = Harness::builder()
            .with_size([700.0, 3000.0])
            .build_ui(move |ui| {
                glassbank::game::widgets::glossary::screen(ui, &tr);
            });
        h.run();
        let tr = Translations::new(language);
        let terms: Vec<String> = glassbank::game::widgets::glossary::TERMS
            .iter()
            .map(|k| tr.get(&format!("term-{k}")))
            .collect();
        let mut tops: Vec<(f32, &String)> = terms
            .iter()
            .map(|t| (h.get_by_label(t).rect().top(), t))
            .collect();
        tops.sort_by(|a, b| a.0.total_cmp(&b.0));
        let shown: Vec<String> = tops.iter().map(|(_, t)| t.to_lowercase()).collect();
        assert!(
            shown
                .windows(2)
                .all(|w| fold_accents(&w[0]) <= fold_accents(&w[1])),
            "{language:?}: {shown:?}"
        );
        h.get_by_role(egui::accesskit::Role::TextInput).click();
        h.run();
        h.get_by_role(egui::accesskit::Role::TextInput)
            .type_text("interchange");
        h.run();
        let interchange = tr.get("term-interchange");
        assert!(h.query_by_label(&interchange).is_some());
        let vat = tr.get("term-vat");
        assert!(
            h.query_by_label(&vat).is_none(),
            "{language:?}: {vat} filtered out"
        );
    }
}

/// Every term the game underlines or explains is in the glossary.
#[test]
fn the_glossary_has_every_term_the_game_explains() {
    let terms = glassbank::game::widgets::glossary::TERMS;
    let mut used = std::collections::BTreeSet::new();
    for (path, text) in game_sources() {
        {
            for call in ["term(ui, tr, \"", "explain(tr, \"", "Some(\""] {
                for (i, _) in text.match_indices(call) {
                    let key: String = text[i + call.len()..]
                        .chars()
                        .take_while(|c| *c != '"')
                        .collect();
                    // `Some("...")` only counts in the value chain's rules.
                    if call != "Some(\"" || path.ends_with("chain.rs") {
                        used.insert(key);
                    }
                }
            }
        }
    }
    assert!(used.len() > 10, "{used:?}");
    let missing: Vec<_> = used
        .iter()
        .filter(|k| !terms.contains(&k.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the glossary: {missing:?}");
}

#[test]
fn the_settings_are_remembered_for_the_next_game() {
    use glassbank::game::{Settings, settings};
    let mut app = app();
    app.add_systems(Update, settings::remember);
    app.update();
    act(&mut app, Action::SetLanguage(Language::Fr));
    act(&mut app, Action::SetScale(1.5));
    act(&mut app, Action::SetScale(9.0));
    assert_eq!(
        app.world().resource::<Settings>().ui_scale,
        2.0,
        "200% at most"
    );
    act(&mut app, Action::SetTutorials(false));
    let dir = app
        .world()
        .resource::<glassbank::game::records::Records>()
        .data_dir
        .clone();
    let mut next = Settings::new(Language::En);
    settings::recall(&mut next, &dir, false);
    assert_eq!(next.language, Language::Fr);
    assert_eq!(next.ui_scale, 2.0);
    assert!(!next.tutorials);
    // A language given on the command line wins over the remembered one.
    let mut given = Settings::new(Language::En);
    settings::recall(&mut given, &dir, true);
    assert_eq!((given.language, given.ui_scale), (Language::En, 2.0));
    // A damaged file changes nothing.
    std::fs::write(dir.join("settings.ron"), "(language: 12,").unwrap();
    let mut fresh = Settings::new(Language::En);
    settings::recall(&mut fresh, &dir, false);
    assert_eq!(fresh, Settings::new(Language::En));
}

#[test]
fn a_seat_is_given_to_a_bot_from_the_keyboard() {
    let tr = Translations::new(Language::En);
    let scenario = load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    let seating = glassbank::game::actions::default_seating(&scenario);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            move |ui, out: &mut Vec<Action>| {
                out.extend(glassbank::game::screens::seats::show(
                    ui, &tr, "", &seating, None,
                ));
            },
            Vec::new(),
        );
    h.run();
    // Tab to the first seat's list, open it with Space, move to another player, take it.
    assert!(tab_to(&mut h, |h| h
        .query_all_by_role(egui::accesskit::Role::ComboBox)
        .any(|n| n.is_focused())));
    h.key_press(egui::Key::Space);
    h.run();
    assert!(
        h.query_by_label("Bot: greedy").is_some(),
        "the list is open"
    );
    assert!(tab_to(&mut h, |h| h
        .get_by_label("Bot: greedy")
        .is_focused()));
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.state().iter().any(|a| matches!(
            a,
            Action::SetPlayer(0, glassbank::game::actions::Player::Bot(_))
        )),
        "{:?}",
        h.state()
    );
}

#[test]
fn the_questionnaire_is_answered_from_the_keyboard() {
    use glassbank::game::records::Records;
    use glassbank::game::screens::{debrief, tables};
    let tr = Translations::new(Language::En);
    let played = session(vec![Seat::RetailBanker(BankId(0))]);
    let state = (
        Records::default(),
        debrief::Part::Questionnaire,
        tables::Comparison::default(),
        Vec::new(),
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 1000.0])
        .build_ui_state(
            move |ui, (records, part, compare, out): &mut (_, _, _, Vec<Action>)| {
                out.extend(debrief::show(ui, &tr, &played, records, part, compare));
            },
            state,
        );
    h.run();
    assert!(tab_to(&mut h, |h| h
        .get_by_label("I agree, record my answers")
        .is_focused()));
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().0.questionnaire.consent, Some(true));
    assert!(tab_to(&mut h, |h| h
        .query_all_by_label("4")
        .any(|n| n.is_focused())));
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.state()
            .0
            .questionnaire
            .answers
            .values()
            .any(|a| *a == glassbank::feedback::Answer::Likert(4))
    );
    assert!(tab_to(&mut h, |h| h
        .get_by_label("Save my answers")
        .is_focused()));
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().3.contains(&Action::SaveAnswers));
}

#[test]
fn without_a_display_the_game_says_what_to_do_and_fails() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_glassbank"))
        .args(["--lang", "fr"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the game runs");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("xvfb-run") && said.contains("glassbank serve") && !said.contains("panicked"),
        "{said}"
    );
}
