//! The networked player's screens driven through egui_kittest against a real room (the room's
//! rules without sockets): two players join by the room's code, each picks a seat, plays the
//! month from its own view, sees who the table waits for, and answers the questionnaire.
#![cfg(feature = "game")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use glassbank::game::remote::{Phase, Remote, screen};
use glassbank::i18n::{Language, Translations};
use glassbank::net::{ConnId, Room, encode};
use glassbank::session::{Command as Do, Session};
use glassbank::sim::{BankId, ClientId, Seat};

const BANKER: Seat = Seat::RetailBanker(BankId(0));
const HOUSEHOLD: Seat = Seat::Client(ClientId(0));

fn room() -> Room {
    let scenario = glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    let session = Session::new(scenario, vec![BANKER, HOUSEHOLD], &[], Some(5)).unwrap();
    Room::new("GLAS", "boss", session)
}

/// One player's screen, in a language.
fn player(language: Language) -> Harness<'static, Remote> {
    let tr = Translations::new(language);
    let mut remote = Remote::default();
    remote.language = language;
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            move |ui, remote: &mut Remote| {
                screen::show(ui, &tr, remote);
            },
            remote,
        )
}

/// Carries the messages both ways until nothing is left to send, as the socket would.
fn exchange(
    room: &mut Room,
    players: &mut [(ConnId, &mut Harness<'static, Remote>)],
    clock: &mut u64,
) {
    let mut tokens = 0;
    for _ in 0..4 {
        let mut delivered = Vec::new();
        for (conn, h) in players.iter_mut() {
            h.state_mut().flush(glassbank::platform::now(), true);
            let outgoing = std::mem::take(&mut h.state_mut().outbox);
            for message in outgoing {
                *clock += 1_000;
                let text = serde_json::to_string(&message).unwrap();
                delivered.extend(room.receive(*conn, text.as_bytes(), *clock, &mut || {
                    tokens += 1;
                    format!("t{tokens}")
                }));
            }
        }
        for (to, m) in delivered {
            // What reaches a page is what went over the wire.
            let wire: glassbank::net::ToPlayer = serde_json::from_str(&encode(&m)).unwrap();
            if let Some((_, h)) = players.iter_mut().find(|(c, _)| *c == to) {
                h.state_mut().apply(wire);
            }
        }
        for (_, h) in players.iter_mut() {
            h.run_steps(3);
        }
    }
}

#[test]
fn two_players_join_by_code_pick_their_seats_and_play_a_month_from_their_own_views() {
    let mut room = room();
    let mut clock = 0;
    let mut banker = player(Language::En);
    let mut household = player(Language::Fr);
    for (conn, h) in [(1, &mut banker), (2, &mut household)] {
        room.connect(conn);
        h.run_steps(3);
        let language = h.state().language;
        h.state_mut()
            .join("ws://room/ws".into(), "glas".into(), language);
        h.state_mut().opened();
    }
    exchange(
        &mut room,
        &mut [(1, &mut banker), (2, &mut household)],
        &mut clock,
    );
    assert!(matches!(banker.state().phase, Phase::Choosing(ref free) if free.len() == 2));
    banker.get_by_label("Retail banker — Bank A").click();
    banker.run_steps(3);
    exchange(
        &mut room,
        &mut [(1, &mut banker), (2, &mut household)],
        &mut clock,
    );
    assert_eq!(banker.state().seat, Some(BANKER));
    assert_eq!(banker.state().phase, Phase::Playing);
    // The household's page saw the banker's seat go: only its own is left.
    household.get_by_label_contains("household-1").click();
    household.run_steps(3);
    exchange(
        &mut room,
        &mut [(1, &mut banker), (2, &mut household)],
        &mut clock,
    );
    assert_eq!(household.state().seat, Some(HOUSEHOLD));
    // Before the first month, the quiz: the banker answers it by touch, with consent; the
    // household skips it.
    assert!(
        banker
            .query_by_label("Before we start: a few questions")
            .is_some()
    );
    let quiz = glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron")
        .unwrap()
        .file
        .quiz;
    for q in &quiz {
        banker
            .get_by_label_contains(&q.options[q.answer].en)
            .click();
        banker.run_steps(2);
    }
    banker
        .get_by_label("I agree that my answers are kept, with the seat I played (never my name)")
        .click();
    banker.run_steps(2);
    banker.get_by_label("Send my answers").click();
    household.get_by_label("Passer le quiz").click();
    banker.run_steps(3);
    household.run_steps(3);
    exchange(
        &mut room,
        &mut [(1, &mut banker), (2, &mut household)],
        &mut clock,
    );
    let marked = room.take_feedback("now");
    assert_eq!(marked.len(), quiz.len(), "the banker's answers only");
    assert!(marked.iter().all(
        |r| r.correct == Some(true) && r.phase == Some(glassbank::feedback::QuizPhase::Before)
    ));
    assert!(
        household.query_by_label_contains("Mois 1 sur").is_some(),
        "in French"
    );
    assert!(banker.query_by_label_contains("Month 1 of").is_some());
    // Each decides from its own panel: the banker sees its bank's fees, the household its
    // spending.
    assert!(
        banker
            .query_by_label("Refund complaints about fees")
            .is_some()
    );
    assert!(
        household
            .query_by_label("Refund complaints about fees")
            .is_none()
    );
    banker.get_by_label("Refund complaints about fees").click();
    banker.run_steps(3);
    banker.get_by_label("Done for this month").click();
    banker.run_steps(3);
    exchange(
        &mut room,
        &mut [(1, &mut banker), (2, &mut household)],
        &mut clock,
    );
    assert!(
        banker
            .query_by_label_contains("Waiting for 1 player")
            .is_some()
    );
    assert_eq!(room.session().turn(), 1);
    household.get_by_label("J'ai fini pour ce mois").click();
    household.run_steps(3);
    exchange(
        &mut room,
        &mut [(1, &mut banker), (2, &mut household)],
        &mut clock,
    );
    assert_eq!(room.session().turn(), 2, "both done: the month was played");
    assert!(banker.query_by_label_contains("Month 2 of").is_some());
    assert!(household.query_by_label_contains("Mois 2 sur").is_some());
    // The banker's change reached the room's books.
    let played = &room.session().played()[0].decisions;
    let retail = played
        .retail
        .iter()
        .find(|(b, _)| *b == BankId(0))
        .unwrap()
        .1;
    assert_ne!(
        retail.refund_complaints,
        Session::new(
            glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap(),
            vec![BANKER],
            &[],
            Some(5)
        )
        .unwrap()
        .economy()
        .bank(BankId(0))
        .unwrap()
        .retail
        .refund_complaints
    );
}

#[test]
fn a_finished_game_asks_for_consent_and_sends_the_answers_once() {
    let mut room = room();
    let mut clock = 0;
    let mut banker = player(Language::En);
    room.connect(1);
    banker.run_steps(3);
    banker
        .state_mut()
        .join("ws://room/ws".into(), "GLAS".into(), Language::En);
    banker.state_mut().opened();
    banker.state_mut().claim(BANKER);
    exchange(&mut room, &mut [(1, &mut banker)], &mut clock);
    room.facilitate(glassbank::net::Command::StandIn { seat: HOUSEHOLD })
        .unwrap();
    for _ in 0..100 {
        if room.session().is_finished() {
            break;
        }
        banker.state_mut().commit(glassbank::platform::now());
        exchange(&mut room, &mut [(1, &mut banker)], &mut clock);
    }
    assert!(room.session().is_finished());
    // The quiz again first; this player skips it.
    banker.get_by_label("Skip the quiz").click();
    banker.run_steps(3);
    exchange(&mut room, &mut [(1, &mut banker)], &mut clock);
    assert!(
        banker
            .query_by_label("Every month has been played")
            .is_some()
    );
    // The questionnaire is below the seat's accounts: the player scrolls down to it.
    for label in ["I agree, record my answers", "4", "Save my answers"] {
        banker.get_by_label(label).scroll_to_me();
        banker.run_steps(3);
        banker.get_by_label(label).click();
        banker.run_steps(3);
    }
    exchange(&mut room, &mut [(1, &mut banker)], &mut clock);
    assert_eq!(banker.state().recorded, Some(1));
    assert!(
        banker
            .query_by_label("Thank you: your answers are saved.")
            .is_some()
    );
    let lines = room.take_feedback("now");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].question, "understood_margin");
}

/// The console of a room hosted by the desktop game: where to join (code, address, QR code),
/// one line per seat, and commands that the room carries out.
#[cfg(feature = "serve")]
#[test]
fn the_hosts_console_shows_where_to_join_and_its_buttons_command_the_room() {
    use glassbank::game::host::{Asked, Join, console};
    use glassbank::net::Command;
    struct Host {
        room: Room,
        console: glassbank::game::facilitator::Console,
        asked: Vec<Asked>,
    }
    let tr = Translations::new(Language::En);
    let url = "http://192.168.1.20:8080/?room=GLAS";
    let qr = glassbank::serve::qr_modules(url);
    let mut host = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            move |ui, host: &mut Host| {
                let join = Join {
                    url,
                    qr: qr.as_ref(),
                };
                let asked = console(ui, &tr, &host.room, join, &mut host.console, &[]);
                host.asked.extend(asked);
            },
            Host {
                room: room(),
                console: Default::default(),
                asked: Vec::new(),
            },
        );
    host.run_steps(3);
    host.get_by_label("GLAS");
    host.get_by_label(url);
    // Nobody has taken a seat yet.
    assert_eq!(host.query_all_by_label("free").count(), 2);
    // A bot for the household's seat (the second line), then a stop for discussion.
    host.query_all_by_label("Bot").nth(1).unwrap().click();
    host.run_steps(2);
    host.get_by_label("Stop for discussion").click();
    host.run_steps(2);
    let asked = std::mem::take(&mut host.state_mut().asked);
    assert_eq!(
        asked,
        vec![
            Asked::Room(Command::StandIn { seat: HOUSEHOLD }),
            Asked::Room(Command::Table(Do::Pause { question: None })),
        ]
    );
    for a in asked {
        let Asked::Room(command) = a else { continue };
        host.state_mut().room.facilitate(command).unwrap();
    }
    host.run_steps(3);
    host.get_by_label("played by a bot");
    host.get_by_label("Resume the game");
    assert!(host.query_by_label("Stop for discussion").is_none());
    // A message for the room, which the room puts in every seat's news.
    host.state_mut().console.message = "Who paid the fee?".into();
    host.run_steps(2);
    host.get_by_label("Send").click();
    host.run_steps(2);
    let asked = std::mem::take(&mut host.state_mut().asked);
    assert_eq!(
        asked,
        vec![Asked::Room(Command::Table(Do::Announce {
            message: "Who paid the fee?".into()
        }))]
    );
    // The projector's button.
    host.get_by_label("Projector (F3)").click();
    host.run_steps(2);
    assert_eq!(host.state().asked, vec![Asked::Projector(true)]);
}

/// The form that opens a room from the desktop game: its fields, then "Open the room".
#[cfg(feature = "serve")]
#[test]
fn the_host_form_opens_a_room_with_the_facilitators_choices() {
    use glassbank::game::host::{Asked, Form, form};
    let tr = Translations::new(Language::Fr);
    let mut page = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            move |ui, state: &mut (Form, Vec<Asked>)| {
                let asked = form(ui, &tr, "Une ville", &mut state.0);
                state.1.extend(asked);
            },
            (Form::default(), Vec::new()),
        );
    page.run_steps(2);
    page.get_by_label("Une salle en réseau pour « Une ville »");
    page.get_by_label("Repartir de zéro, même si la salle de ce scénario a été enregistrée")
        .click();
    page.run_steps(2);
    page.get_by_label("Ouvrir la salle").click();
    page.run_steps(2);
    let (form, asked) = page.state();
    assert!(form.fresh);
    assert!(form.lan, "open to the room's devices unless unticked");
    assert_eq!(form.port, 8080);
    assert_eq!(asked, &vec![Asked::Open]);
    // The server's options: every interface on the port, the room's file in the data folder.
    let options = form.options(std::path::Path::new("/data"), "one_town");
    assert_eq!(options.address.to_string(), "0.0.0.0:8080");
    assert_eq!(
        options.files.room,
        std::path::Path::new("/data/rooms/one_town.json")
    );
    assert!(options.fresh);
}

/// The host's projector: before the first month where to join alone, then beside the game.
#[cfg(feature = "serve")]
#[test]
fn the_hosts_projector_shows_where_to_join_then_the_game_beside_it() {
    use glassbank::game::host::{Join, projector};
    use glassbank::net::Command;
    let tr = Translations::new(Language::En);
    let url = "http://192.168.1.20:8080/?room=GLAS";
    let qr = glassbank::serve::qr_modules(url);
    let mut screen = Harness::builder()
        .with_size([1280.0, 720.0])
        .build_ui_state(
            move |ui, room: &mut Room| {
                let join = Join {
                    url,
                    qr: qr.as_ref(),
                };
                projector(ui, &tr, room, join);
            },
            room(),
        );
    screen.run_steps(3);
    screen.get_by_label("GLAS");
    screen.get_by_label(url);
    assert!(screen.query_by_label("Every card payment so far").is_none());
    screen
        .state_mut()
        .facilitate(Command::Table(Do::Advance))
        .unwrap();
    screen.run_steps(3);
    screen.get_by_label("GLAS");
    screen.get_by_label("Every card payment so far");
}

/// The facilitator's tablet over a class of two tables: the console shows each table, its
/// buttons command one table or all, and the projector shows the class debrief once a table
/// has played its last month.
#[test]
fn the_facilitators_tablet_commands_each_table_and_projects_the_class_debrief() {
    use glassbank::sim::Transparency;
    let scenario = glassbank::scenario::load(glassbank::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    let tables = [Transparency::Opaque, Transparency::Glass]
        .into_iter()
        .map(|layer| {
            let session = Session::new(
                scenario.treated(layer),
                vec![BANKER, HOUSEHOLD],
                &[],
                Some(5),
            )
            .unwrap();
            (session, Some(layer))
        })
        .collect();
    let mut room = Room::class("GLAS", "boss", tables, Some(1)).unwrap();
    let mut clock = 0;
    for language in [Language::En, Language::Fr] {
        let mut tablet = player(language);
        let conn = if language == Language::En { 1 } else { 2 };
        room.connect(conn);
        tablet.state_mut().facilitator = Some("boss".into());
        tablet
            .state_mut()
            .join("ws://room/ws".into(), "glas".into(), language);
        tablet.state_mut().opened();
        exchange(&mut room, &mut [(conn, &mut tablet)], &mut clock);
        assert_eq!(tablet.state().phase, Phase::Facilitating);
        if language == Language::Fr {
            // The second tablet finds the room as the first left it, in its own language.
            tablet.get_by_label("Vidéoprojecteur");
            tablet.get_by_label("Reprendre la table 2");
            tablet.get_by_label("Vidéoprojecteur").click();
            tablet.run_steps(3);
            tablet.get_by_label("La classe : 1 sur 2 tables terminées");
            tablet.get_by_label("Couche opaque : moyenne de 1");
            continue;
        }
        tablet.get_by_label("Table 1");
        tablet.get_by_label("Table 2");
        tablet.get_by_label("Stop table 2").click();
        tablet.run_steps(2);
        tablet.get_by_label("Play the month at table 1").click();
        tablet.run_steps(2);
        exchange(&mut room, &mut [(conn, &mut tablet)], &mut clock);
        assert!(room.tables()[1].session().paused().is_some());
        assert!(room.tables()[0].session().paused().is_none());
        assert_eq!(room.tables()[0].session().turn(), 2);
        assert_eq!(room.tables()[1].session().turn(), 1);
        tablet.get_by_label("Resume table 2");
        // The time per month, for every table, one minute a tap.
        tablet.query_all_by_label("+").next().unwrap().click();
        tablet.run_steps(2);
        exchange(&mut room, &mut [(conn, &mut tablet)], &mut clock);
        assert!(room.table_states().iter().all(|t| t.minutes == 1));
        tablet.get_by_label("1 min");
        // The first table plays to its end; the projector shows the class debrief.
        let turns = scenario.turns();
        for _ in 1..turns {
            tablet.get_by_label("Play the month at table 1").click();
            tablet.run_steps(2);
            exchange(&mut room, &mut [(conn, &mut tablet)], &mut clock);
        }
        assert!(room.tables()[0].session().is_finished());
        tablet.get_by_label("Projector").click();
        tablet.run_steps(3);
        tablet.get_by_label("The class: 1 of 2 tables finished");
        tablet.get_by_label("The tables side by side");
        tablet.get_by_label("Opaque layer: mean of 1");
        tablet.get_by_label_contains("Table 1 (");
        tablet.get_by_label("What the bots show over many games");
    }
}
