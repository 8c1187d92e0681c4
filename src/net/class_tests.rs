//! A class in one room: newcomers spread over the tables, each table its own game under its treatment, a command for one table or all, bots for the seats nobody holds, and the class saved and read back.
use super::*;
use crate::net::saved::SavedRoom;
use crate::scenario::load;
use crate::session::{Command as Do, Question, Session};
use crate::sim::{BankId, ClientId, Seat, Transparency};

const BANKER: Seat = Seat::RetailBanker(BankId(0));
const HOUSEHOLD: Seat = Seat::Client(ClientId(0));
const MINUTE: u64 = 60_000;

fn table(layer: Transparency) -> (Session, Option<Transparency>) {
    let scenario = load(crate::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    let session = Session::new(
        scenario.treated(layer),
        vec![BANKER, HOUSEHOLD],
        &[],
        Some(7),
    );
    (session.unwrap(), Some(layer))
}

/// A class of `layers.len()` tables, its clock and its tokens.
struct Class {
    room: Room,
    tokens: u32,
    clock_ms: u64,
}

impl Class {
    fn new(layers: &[Transparency]) -> Class {
        let tables = layers.iter().map(|l| table(*l)).collect();
        Class {
            room: Room::class("GLASS", "boss", tables, Some(5)).unwrap(),
            tokens: 0,
            clock_ms: 0,
        }
    }

    fn send(&mut self, conn: ConnId, message: &ToRoom) -> Outbox {
        let tokens = &mut self.tokens;
        self.clock_ms += 1_000;
        let bytes = serde_json::to_vec(message).unwrap();
        self.room.receive(conn, &bytes, self.clock_ms, &mut || {
            *tokens += 1;
            format!("secret-{tokens}")
        })
    }

    /// Joins; the table it was placed at and its free seats there.
    fn join(&mut self, conn: ConnId, token: Option<String>) -> (Option<usize>, Vec<Seat>) {
        self.room.connect(conn);
        let out = self.send(
            conn,
            &ToRoom::Join {
                protocol: PROTOCOL,
                room: "GLASS".into(),
                language: "en".into(),
                token,
            },
        );
        out.iter()
            .find_map(|(_, m)| match m {
                ToPlayer::Joined { table, free, .. } => {
                    Some((*table, free.iter().map(|f| f.seat).collect()))
                }
                _ => None,
            })
            .expect("joined")
    }

    /// Connects and joins with a secret; everything the room answered.
    fn join_with(&mut self, conn: ConnId, token: &str) -> Outbox {
        self.room.connect(conn);
        self.send(
            conn,
            &ToRoom::Join {
                protocol: PROTOCOL,
                room: "GLASS".into(),
                language: "en".into(),
                token: Some(token.into()),
            },
        )
    }

    fn claim(&mut self, conn: ConnId, seat: Seat) -> String {
        let out = self.send(conn, &ToRoom::Claim { seat });
        super::tests::token_in(&out)
    }

    fn turn(&self, table: usize) -> crate::sim::Turn {
        self.room.tables()[table].session().turn()
    }
}

#[test]
fn newcomers_fill_the_tables_evenly_and_a_token_finds_its_table_again() {
    let mut c = Class::new(&[Transparency::Opaque; 3]);
    // Six join before anyone has chosen a seat: two at each table, not six at the first.
    let placed: Vec<Option<usize>> = (1..=6).map(|conn| c.join(conn, None).0).collect();
    assert_eq!(
        placed,
        [Some(0), Some(1), Some(2), Some(0), Some(1), Some(2)]
    );
    let mut tokens = Vec::new();
    for conn in 1..=6 {
        let seat = if conn <= 3 { BANKER } else { HOUSEHOLD };
        tokens.push(c.claim(conn, seat));
    }
    // The third table's banker drops and comes back with its token: the same table and seat.
    c.room.disconnect(3);
    let (table, _) = c.join(30, Some(tokens[2].clone()));
    assert_eq!(table, Some(2));
    assert_eq!(c.room.table_of(30), Some(2));
    let mut held = c.room.connected_seats(2);
    held.sort();
    assert_eq!(held.len(), 2);
    assert!(held.contains(&BANKER) && held.contains(&HOUSEHOLD));
    // A seventh finds every seat taken: placed anyway, with nothing to choose.
    let (_, free) = c.join(7, None);
    assert!(free.is_empty());
}

#[test]
fn each_table_plays_its_own_game_under_its_treatment() {
    let mut c = Class::new(&[Transparency::Opaque, Transparency::Glass]);
    for (conn, seat) in [(1, BANKER), (2, BANKER), (3, HOUSEHOLD), (4, HOUSEHOLD)] {
        c.join(conn, None);
        c.claim(conn, seat);
    }
    assert_eq!(c.room.tables()[1].treatment(), Some(Transparency::Glass));
    // The glass table's household sees the small print the opaque table's does not.
    let layer_of =
        |c: &Class, t: usize| c.room.tables()[t].session().view(HOUSEHOLD).unwrap().layer;
    assert_eq!(layer_of(&c, 0), Transparency::Opaque);
    assert_eq!(layer_of(&c, 1), Transparency::Glass);
    // The first table's players commit: only its month is played, and only they hear of it.
    c.send(1, &ToRoom::Commit);
    let out = c.send(3, &ToRoom::Commit);
    assert_eq!((c.turn(0), c.turn(1)), (2, 1));
    assert!(
        out.iter().all(|(to, _)| [1, 3].contains(to)),
        "the other table heard nothing: {:?}",
        out.iter().map(|(to, _)| to).collect::<Vec<_>>()
    );
    // The same town and seed: the tables differ by their treatment and players only.
    let opening = |t: usize| {
        let log = c.room.tables()[t].session().log();
        (log.seed, log.scenario_id)
    };
    assert_eq!(opening(0), opening(1));
    // A table's log replays under its treatment.
    let log = c.room.tables()[1].session().log();
    let replayed = Session::replay(&log, None).unwrap();
    assert_eq!(
        replayed.economy().params().transparency,
        Transparency::Glass
    );
}

#[test]
fn a_command_goes_to_one_table_or_to_all_and_a_refusal_names_its_table() {
    let mut c = Class::new(&[Transparency::Opaque, Transparency::Glass]);
    c.join(1, None);
    c.claim(1, BANKER);
    c.join(2, None);
    c.claim(2, BANKER);
    let second = c.room.tables()[1].session().scenario().file.discussion[1].clone();
    c.room
        .facilitate_at(
            Some(1),
            Command::Table(Do::Pause {
                question: Some(Question::Discussion(1)),
            }),
        )
        .unwrap();
    assert_eq!(c.room.tables()[0].session().paused(), None);
    assert_eq!(c.room.tables()[1].session().paused(), Some(Some(&second)));
    // Every table is asked to play its month: the stopped one refuses, the other plays, and
    // its player sees the new month.
    let refused = c.room.facilitate(Command::Table(Do::Advance)).unwrap_err();
    assert_eq!(refused.id, "net-table-refused");
    assert_eq!((c.turn(0), c.turn(1)), (2, 1));
    let queued = c.room.flush();
    assert!(
        queued
            .iter()
            .any(|(to, m)| *to == 1 && matches!(m, ToPlayer::View { turn: 2, .. }))
    );
    // A table that is not there, and a seat without its table, are refused.
    assert_eq!(
        c.room
            .facilitate_at(Some(5), Command::Table(Do::Resume))
            .unwrap_err()
            .id,
        "net-no-table"
    );
    assert_eq!(
        c.room
            .facilitate(Command::StandIn { seat: HOUSEHOLD })
            .unwrap_err()
            .id,
        "net-which-table"
    );
    // The facilitator's console shows every table, without numbers.
    c.join(9, None);
    let out = c.send(
        9,
        &ToRoom::Facilitate {
            token: "boss".into(),
            table: None,
            command: Command::Status,
        },
    );
    let Some(ToPlayer::Console { tables, .. }) = out.iter().map(|(_, m)| m).next() else {
        panic!("{out:?}")
    };
    assert_eq!(tables.len(), 2);
    assert!(tables[1].paused && tables[1].treatment == Some(Transparency::Glass));
}

#[test]
fn a_seat_empty_for_the_away_time_is_a_bots_until_a_player_takes_it() {
    let mut c = Class::new(&[Transparency::Opaque, Transparency::Glass]);
    c.room.facilitate(Command::Away { seconds: 60 }).unwrap();
    let start = c.clock_ms;
    // Newcomers alternate between the tables: a banker at each, a household at the first.
    assert_eq!(c.join(1, None).0, Some(0));
    let banker = c.claim(1, BANKER);
    assert_eq!(c.join(2, None).0, Some(1));
    c.claim(2, BANKER);
    assert_eq!(c.join(3, None).0, Some(0));
    c.claim(3, HOUSEHOLD);
    c.room.tick(start);
    // The first table's banker leaves; the second table's household seat was never taken.
    c.room.disconnect(1);
    c.room.tick(start + 10_000);
    c.room.tick(start + 10_000 + MINUTE / 2);
    assert!(c.room.tables()[0].stand_ins.is_empty(), "not yet");
    c.room.tick(start + 10_000 + MINUTE + 1_000);
    assert!(c.room.tables()[0].stand_ins.contains(&BANKER));
    assert!(c.room.tables()[1].stand_ins.contains(&HOUSEHOLD));
    // The bot decided the banker's month; the table waits for its household only.
    assert!(c.room.tables()[0].session().is_done(BANKER));
    assert_eq!(c.turn(0), 1);
    // The banker comes back: its seat again, decided by the bot this month, its own next month.
    c.clock_ms = start + 2 * MINUTE;
    c.join(10, Some(banker));
    assert!(!c.room.tables()[0].stand_ins.contains(&BANKER));
    c.send(3, &ToRoom::Commit);
    assert_eq!(c.turn(0), 2);
    assert!(!c.room.tables()[0].session().is_done(BANKER));
    // A newcomer may take the seat a bot held because nobody came.
    let (table, free) = c.join(11, None);
    assert_eq!((table, free), (Some(1), vec![HOUSEHOLD]));
    c.claim(11, HOUSEHOLD);
    assert!(!c.room.tables()[1].stand_ins.contains(&HOUSEHOLD));
    // Bots never take a seat while the away time is off.
    c.room.facilitate(Command::Away { seconds: 0 }).unwrap();
    c.room.disconnect(11);
    c.room.tick(start + 100 * MINUTE);
    assert!(!c.room.tables()[1].stand_ins.contains(&HOUSEHOLD));
}

#[test]
fn a_class_is_saved_and_read_back_with_its_treatments_bots_and_answers_by_table() {
    let mut c = Class::new(&[Transparency::Glass, Transparency::Opaque]);
    c.room.facilitate(Command::Away { seconds: 120 }).unwrap();
    c.join(1, None);
    c.claim(1, HOUSEHOLD);
    c.room.tick(c.clock_ms);
    c.room.tick(c.clock_ms + 3 * MINUTE);
    // Bots play the first table to its end; its household answers the questionnaire.
    c.room
        .facilitate_at(Some(0), Command::Table(Do::RunBots { months: 24 }))
        .unwrap();
    assert!(c.room.tables()[0].session().is_finished());
    let out = c.send(
        1,
        &ToRoom::Feedback {
            consent: true,
            answers: vec![(
                "understood_margin".into(),
                crate::feedback::Answer::Likert(4),
            )],
        },
    );
    assert!(matches!(out[0].1, ToPlayer::Recorded { answers: 1 }));
    let lines = c.room.take_feedback("2026-12-03T12:00:00Z");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].table, Some(1));
    assert_eq!(lines[0].treatment, Some(Transparency::Glass));
    let text = c.room.saved().to_json();
    // The file's JSON made table by table, logs from their cache, says the same.
    let fast = c.room.saved_json();
    assert_eq!(
        SavedRoom::parse(&fast).unwrap(),
        SavedRoom::parse(&text).unwrap()
    );
    assert_eq!(c.room.saved_json(), fast, "made again from the cache");
    let back = Room::restore(SavedRoom::parse(&text).unwrap()).unwrap();
    assert_eq!(back.tables().len(), 2);
    assert_eq!(back.draw_seed(), Some(5));
    assert_eq!(back.away_seconds(), 120);
    for (a, b) in back.tables().iter().zip(c.room.tables()) {
        assert_eq!(a.treatment(), b.treatment());
        assert_eq!(a.session().turn(), b.session().turn());
        assert_eq!(a.stand_ins, b.stand_ins);
        assert_eq!(a.away_bots, b.away_bots);
        assert_eq!(a.answered, b.answered);
    }
}

#[test]
fn a_room_file_of_version_1_is_read_as_one_table() {
    let mut c = Class::new(&[Transparency::Opaque]);
    c.join(1, None);
    c.claim(1, BANKER);
    let mut v2: serde_json::Value = serde_json::from_str(&c.room.saved().to_json()).unwrap();
    // Version 1 kept the table's fields beside the room's.
    let table = v2["tables"][0].take();
    let mut v1 = serde_json::json!({
        "format": "glassbank-room",
        "version": 1,
        "code": v2["code"].take(),
        "secret": v2["secret"].take(),
    });
    for (k, v) in table.as_object().unwrap() {
        if !["treatment", "away_bots"].contains(&k.as_str()) {
            v1[k] = v.clone();
        }
    }
    let back = Room::restore(SavedRoom::parse(&v1.to_string()).unwrap()).unwrap();
    assert_eq!(back.tables().len(), 1);
    assert_eq!(back.code(), "GLASS");
    assert_eq!(back.tables()[0].tokens.len(), 1);
}

#[test]
fn quiz_answers_out_of_turn_or_out_of_bounds_are_refused_and_change_nothing() {
    use crate::feedback::QuizPhase;
    let mut c = Class::new(&[Transparency::Opaque]);
    c.join(1, None);
    c.claim(1, BANKER);
    let quiz = c.room.tables()[0].session().scenario().file.quiz.clone();
    let send = |c: &mut Class, phase, answers: Vec<(String, usize)>| {
        c.send(
            1,
            &ToRoom::Quiz {
                phase,
                consent: true,
                answers,
            },
        )
    };
    let refused = |out: &Outbox| matches!(out.as_slice(), [(_, ToPlayer::Refused { .. })]);
    let id = quiz[0].id.clone();
    // The after-quiz before the game is over, an unknown question, an option that is not
    // there, a question answered twice.
    assert!(refused(&send(
        &mut c,
        QuizPhase::After,
        vec![(id.clone(), 0)]
    )));
    assert!(refused(&send(
        &mut c,
        QuizPhase::Before,
        vec![("nope".into(), 0)]
    )));
    assert!(refused(&send(
        &mut c,
        QuizPhase::Before,
        vec![(id.clone(), 99)]
    )));
    assert!(refused(&send(
        &mut c,
        QuizPhase::Before,
        vec![(id.clone(), 0), (id.clone(), 1)]
    )));
    assert!(c.room.take_feedback("now").is_empty());
    assert_eq!(c.room.tables()[0].quiz_due(BANKER), Some(QuizPhase::Before));
    // A good answer is kept once; a second one is refused.
    let out = send(
        &mut c,
        QuizPhase::Before,
        vec![(id.clone(), quiz[0].answer)],
    );
    assert!(matches!(
        out.as_slice(),
        [(_, ToPlayer::View { quiz: None, .. })]
    ));
    assert!(refused(&send(&mut c, QuizPhase::Before, vec![(id, 0)])));
    let lines = c.room.take_feedback("now");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].correct, Some(true));
    assert_eq!(lines[0].seat.as_deref(), Some("retail-0"));
}

#[test]
fn the_class_debrief_reaches_the_facilitators_only_once_a_table_finishes() {
    let mut c = Class::new(&[Transparency::Opaque, Transparency::Glass]);
    c.join(1, None);
    c.claim(1, HOUSEHOLD);
    c.join(9, None);
    let facilitate = |table, command| ToRoom::Facilitate {
        token: "boss".into(),
        table,
        command,
    };
    // The facilitator's page asks for the state: the console and an empty debrief.
    let out = c.send(9, &facilitate(None, Command::Status));
    let class = |out: &Outbox, conn: ConnId| {
        out.iter().find_map(|(k, m)| match m {
            ToPlayer::Class { debrief } if *k == conn => Some(debrief.clone()),
            _ => None,
        })
    };
    let d = class(&out, 9).expect("the facilitator's first debrief");
    assert_eq!((d.tables.len(), d.of), (0, 2));
    assert!(!d.figures.is_empty());
    // The glass table plays to its end with bots in its seats: its outcome follows, to the
    // facilitator alone, with the value chain its households saw.
    let turns = c.room.tables()[1].session().scenario().turns();
    let mut outs = Vec::new();
    for _ in 0..turns {
        outs.push(c.send(9, &facilitate(Some(1), Command::Table(Do::Advance))));
    }
    assert!(c.room.tables()[1].session().is_finished());
    let all: Outbox = outs.into_iter().flatten().chain(c.room.flush()).collect();
    assert!(
        all.iter().all(
            |(k, m)| *k == 9 || !matches!(m, ToPlayer::Class { .. } | ToPlayer::Console { .. })
        ),
        "a player's page never gets the console or the class's figures"
    );
    let d = all
        .iter()
        .rev()
        .find_map(|(k, m)| match m {
            ToPlayer::Class { debrief } if *k == 9 => Some(debrief.clone()),
            _ => None,
        })
        .expect("the debrief after the table finished");
    assert_eq!(d.tables.len(), 1);
    let t = &d.tables[0];
    assert_eq!((t.table, t.layer), (1, Transparency::Glass));
    assert_eq!(t.values.len(), d.figures.len());
    assert!(!t.chain.flows.is_empty());
    // The same table again: nothing new to send.
    assert!(class(&c.room.flush(), 9).is_none());
    // The bots' games: their progress reaches the facilitator at the next flush.
    c.room.set_bot_games(class::BotGames {
        played: 10,
        games: 40,
        spreads: None,
    });
    // The tables did not change: their progress alone, a few bytes rather than every chain.
    let out = c.room.flush();
    assert!(class(&out, 9).is_none());
    let Some((_, bots)) = out.iter().find(|(k, _)| *k == 9) else {
        panic!("the bots' progress: {out:?}")
    };
    assert!(crate::net::encode(bots).len() < 200, "{bots:?}");
    let ToPlayer::ClassBots {
        played,
        games,
        spreads,
    } = bots.clone()
    else {
        panic!("{bots:?}")
    };
    let mut d = d;
    d.with_bots(played, games, spreads.as_deref());
    assert_eq!((d.bots_played, d.bots_games), (10, 40));
    // Once every game is played, each lesson's spread.
    let spread = class::BotSpread {
        p10: 1.0,
        median: 2.0,
        p90: 3.0,
        games: 20,
    };
    c.room.set_bot_games(class::BotGames {
        played: 40,
        games: 40,
        spreads: Some(vec![[spread, spread]; d.lessons.len()]),
    });
    let out = c.room.flush();
    let Some((_, ToPlayer::ClassBots { spreads, .. })) = out.iter().find(|(k, _)| *k == 9) else {
        panic!("the bots' spreads: {out:?}")
    };
    d.with_bots(40, 40, spreads.as_deref());
    assert!(d.lessons.iter().all(|l| l.bots == Some([spread, spread])));
}

#[test]
fn a_facilitators_first_command_refused_still_brings_the_debrief_with_the_next() {
    let mut c = Class::new(&[Transparency::Opaque, Transparency::Glass]);
    c.join(9, None);
    let facilitate = |table, command| ToRoom::Facilitate {
        token: "boss".into(),
        table,
        command,
    };
    let got_class = |out: &Outbox| {
        out.iter()
            .any(|(k, m)| *k == 9 && matches!(m, ToPlayer::Class { .. }))
    };
    // A table that is not there: refused, and no debrief.
    let out = c.send(9, &facilitate(Some(7), Command::Table(Do::Advance)));
    assert!(
        out.iter()
            .any(|(k, m)| *k == 9 && matches!(m, ToPlayer::Refused { .. })),
        "{out:?}"
    );
    assert!(!got_class(&out) && !got_class(&c.room.flush()));
    // The next command is its first taken: the whole debrief comes with it, so the bots'
    // progress sent alone later has a debrief to join.
    let out = c.send(9, &facilitate(None, Command::Status));
    assert!(got_class(&out), "{out:?}");
}

#[test]
fn nobody_is_left_deciding_at_a_table_whose_months_are_all_played() {
    let mut c = Class::new(&[Transparency::Glass]);
    c.join(1, None);
    c.claim(1, HOUSEHOLD);
    c.join(9, None);
    let advance = ToRoom::Facilitate {
        token: "boss".into(),
        table: Some(0),
        command: Command::Table(Do::Advance),
    };
    let turns = c.room.tables()[0].session().scenario().turns();
    for _ in 0..turns {
        c.send(9, &advance);
    }
    assert!(c.room.tables()[0].session().is_finished());
    let state = &c.room.table_states()[0];
    let household = state.seats.iter().find(|s| s.seat == HOUSEHOLD).unwrap();
    assert!(household.connected && household.done, "{household:?}");
    assert_eq!(household.state_key(), "serve-seat-done");
}

#[test]
fn a_roster_places_each_participant_at_their_table_and_their_link_gets_their_seat_back() {
    let mut c = Class::new(&[Transparency::Opaque, Transparency::Glass]);
    let mut n = 0;
    c.room.set_roster(
        vec!["Ada".into(), "Grace".into(), "Alan".into()],
        3,
        &mut || {
            n += 1;
            format!("me-{n}")
        },
    );
    let roster = c.room.roster().to_vec();
    assert_eq!(roster.len(), 3);
    // Ada opens her personal link: she is placed at her table, and takes a seat there.
    let ada = &roster[0];
    let (table, free) = c.join(1, Some(ada.token.clone()));
    assert_eq!(table, Some(ada.table));
    assert!(free.contains(&HOUSEHOLD));
    let seat_token = c.claim(1, HOUSEHOLD);
    assert_eq!(seat_token, ada.token, "her link's secret is her seat's");
    // On another device, the same link: the same table and seat, nothing to choose.
    c.room.disconnect(1);
    c.join(2, Some(ada.token.clone()));
    assert_eq!(c.room.table_of(2), Some(ada.table));
    assert!(c.room.connected_seats(ada.table).contains(&HOUSEHOLD));
    // A third device: the seat goes with it.
    let out = c.join_with(3, &ada.token);
    assert!(out.iter().any(|(_, m)| matches!(m, ToPlayer::View { .. })));
    // The page that held the seat before is told it goes on elsewhere.
    let flushed = c.room.flush();
    assert!(
        flushed
            .iter()
            .any(|(k, m)| *k == 2 && matches!(m, ToPlayer::Refused { .. }))
    );
    // A link nobody was given is refused.
    let out = c.join_with(4, "me-99");
    assert!(
        out.iter()
            .any(|(_, m)| matches!(m, ToPlayer::Refused { .. }))
    );
    // The roster is kept in the room's file and read back; a second roster does not replace it.
    let saved = SavedRoom::parse(&c.room.saved_json()).unwrap();
    assert_eq!(saved.roster, roster);
    let mut back = Room::restore(saved).unwrap();
    back.set_roster(vec!["Someone".into()], 1, &mut || "other".into());
    assert_eq!(back.roster(), roster.as_slice());
    // Labels never reach the answers: the room's feedback lines carry seats, not names.
    assert!(!format!("{:?}", c.room.take_feedback("now")).contains("Ada"));
}

#[test]
fn a_command_for_every_table_passes_over_the_tables_whose_game_is_over() {
    let mut c = Class::new(&[Transparency::Opaque, Transparency::Glass]);
    let turns = c.room.tables()[1].session().scenario().turns();
    for _ in 0..turns {
        c.room
            .facilitate_at(Some(1), Command::Table(Do::Advance))
            .unwrap();
    }
    assert!(c.room.tables()[1].session().is_finished());
    let before = c.turn(0);
    c.room.facilitate(Command::Table(Do::Advance)).unwrap();
    assert_eq!(c.turn(0), before + 1);
    // Going back still reaches a finished table.
    c.room
        .facilitate(Command::Table(Do::Rewind { after: 1 }))
        .unwrap();
    assert_eq!((c.turn(0), c.turn(1)), (2, 2));
}
