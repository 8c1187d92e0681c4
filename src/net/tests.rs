//! The room played through its messages: seats, refusals that change nothing, what each seat
//! receives, reconnection, and the same books as a game played at one table.
use super::*;
use crate::net::saved::SavedRoom;
use crate::scenario::load;
use crate::session::{Command as Do, Draft, Question, Session};
use crate::sim::{BankId, ClientId, Seat, Shown};

const BANKER: Seat = Seat::RetailBanker(BankId(0));
const HOUSEHOLD: Seat = Seat::Client(ClientId(0));

fn session() -> Session {
    let scenario = load(crate::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    Session::new(scenario, vec![BANKER, HOUSEHOLD], &[], Some(7)).unwrap()
}

/// A room and a counter for tokens.
struct Table {
    room: Room,
    tokens: u32,
    clock_ms: u64,
    /// Everything each connection received, as sent on the wire.
    wire: std::collections::BTreeMap<ConnId, Vec<String>>,
}

impl Table {
    fn new() -> Table {
        Table {
            room: Room::new("GLASS", "boss", session()),
            tokens: 0,
            clock_ms: 0,
            wire: Default::default(),
        }
    }

    fn send(&mut self, conn: ConnId, message: &ToRoom) -> Outbox {
        self.send_bytes(conn, serde_json::to_string(message).unwrap().as_bytes())
    }

    fn send_bytes(&mut self, conn: ConnId, bytes: &[u8]) -> Outbox {
        let tokens = &mut self.tokens;
        // A message every second: well within any connection's pace.
        self.clock_ms += 1_000;
        let out = self.room.receive(conn, bytes, self.clock_ms, &mut || {
            *tokens += 1;
            format!("secret-{tokens}")
        });
        for (to, m) in &out {
            self.wire.entry(*to).or_default().push(encode(m));
        }
        out
    }

    fn join(&mut self, conn: ConnId, token: Option<String>) -> Outbox {
        self.room.connect(conn);
        self.send(
            conn,
            &ToRoom::Join {
                protocol: PROTOCOL,
                room: "glass".into(),
                language: "fr".into(),
                token,
            },
        )
    }

    /// Joins and takes a seat; the seat's token.
    fn seat(&mut self, conn: ConnId, seat: Seat) -> String {
        self.join(conn, None);
        let out = self.send(conn, &ToRoom::Claim { seat });
        token_in(&out)
    }

    fn fingerprint(&self) -> u64 {
        self.room.session().economy().ledger().fingerprint()
    }
}

/// The seat's token the room sent back when a seat was taken.
pub(super) fn token_in(out: &Outbox) -> String {
    out.iter()
        .find_map(|(_, m)| match m {
            ToPlayer::Seated { token, .. } => Some(token.clone()),
            _ => None,
        })
        .expect("seated")
}

fn refused(out: &Outbox) -> bool {
    out.len() == 1 && matches!(out[0].1, ToPlayer::Refused { .. })
}

#[test]
fn each_seat_receives_its_own_view_and_nothing_the_layer_hides() {
    let mut t = Table::new();
    t.seat(1, BANKER);
    t.seat(2, HOUSEHOLD);
    assert!(t.room.free_seats().is_empty());
    for conn in [1, 2] {
        t.send(conn, &ToRoom::Commit);
    }
    assert_eq!(
        t.room.session().turn(),
        2,
        "both done: the month was played"
    );
    let banker = t.room.session().view(BANKER).unwrap();
    let profit = banker.banks[0]
        .profit
        .shown()
        .expect("a banker sees their bank's profit");
    let secret = serde_json::to_string(&Shown::Shown(profit)).unwrap();
    for line in &t.wire[&2] {
        let message: ToPlayer = serde_json::from_str(line).unwrap();
        if let ToPlayer::View { view, .. } = message {
            assert_eq!(view.seat, HOUSEHOLD, "only the household's own view");
            assert!(view.banks.iter().all(|b| b.profit == Shown::Hidden));
        }
        assert!(
            !line.contains(&secret),
            "the bank's profit reached the household"
        );
    }
    assert!(
        t.wire[&1].iter().any(|l| l.contains(&secret)),
        "the banker's own screen has it"
    );
}

#[test]
fn refused_messages_say_why_and_change_nothing() {
    let mut t = Table::new();
    t.room.connect(9);
    assert!(refused(&t.send(9, &ToRoom::Commit)), "before joining");
    let wrong_protocol = ToRoom::Join {
        protocol: PROTOCOL + 1,
        room: "GLASS".into(),
        language: "en".into(),
        token: None,
    };
    let out = t.send(9, &wrong_protocol);
    assert!(refused(&out));
    let ToPlayer::Refused { reason } = &out[0].1 else {
        panic!()
    };
    assert!(reason.contains("reload the page"), "{reason}");
    let wrong_room = ToRoom::Join {
        protocol: PROTOCOL,
        room: "OTHER".into(),
        language: "en".into(),
        token: None,
    };
    assert!(refused(&t.send(9, &wrong_room)));
    assert!(
        refused(&t.join(8, Some("stolen".into()))),
        "an unknown token"
    );
    t.seat(1, BANKER);
    t.join(2, None);
    assert!(
        refused(&t.send(2, &ToRoom::Claim { seat: BANKER })),
        "taken"
    );
    assert!(refused(&t.send(2, &ToRoom::Commit)), "no seat yet");
    t.send(2, &ToRoom::Claim { seat: HOUSEHOLD });
    let before = (t.fingerprint(), *t.room.session().draft(HOUSEHOLD).unwrap());
    // A banker's decision from the household's seat, a case that is not theirs, rubbish, a flood.
    let banker_draft = *t.room.session().draft(BANKER).unwrap();
    assert!(refused(&t.send(
        2,
        &ToRoom::Draft {
            draft: banker_draft
        }
    )));
    let case = ToRoom::Verdict {
        case: crate::sim::CaseId(0),
        approve: Some(true),
    };
    assert!(refused(&t.send(2, &case)));
    assert!(refused(&t.send_bytes(2, b"{\"type\":")));
    assert!(refused(
        &t.send_bytes(2, &vec![b'x'; MAX_MESSAGE_BYTES + 1])
    ));
    t.send(2, &ToRoom::Commit);
    assert!(
        refused(&t.send(2, &ToRoom::Commit)),
        "done already this month"
    );
    assert_eq!(
        (t.fingerprint(), *t.room.session().draft(HOUSEHOLD).unwrap()),
        before
    );
    let ToPlayer::Refused { reason } = &t.send(2, &ToRoom::Commit)[0].1 else {
        panic!()
    };
    assert!(
        reason.contains("attendez les autres"),
        "in the player's language: {reason}"
    );
}

#[test]
fn a_dropped_player_gets_the_seat_and_the_draft_back_with_the_token() {
    let mut t = Table::new();
    let token = t.seat(1, HOUSEHOLD);
    let Some(Draft::Client(mut d)) = t.room.session().draft(HOUSEHOLD).copied() else {
        panic!()
    };
    d.card_share = crate::sim::Bp(1234);
    t.send(
        1,
        &ToRoom::Draft {
            draft: Draft::Client(d),
        },
    );
    t.room.disconnect(1);
    assert!(t.room.connected_seats(0).is_empty());
    assert!(t.room.free_seats().contains(&BANKER));
    assert!(
        !t.room.free_seats().contains(&HOUSEHOLD),
        "kept for its token"
    );
    let out = t.join(3, Some(token));
    let view = out.iter().find_map(|(_, m)| match m {
        ToPlayer::View { draft, .. } => Some(*draft),
        _ => None,
    });
    assert_eq!(view, Some(Draft::Client(d)));
    assert_eq!(t.room.connected_seats(0), vec![HOUSEHOLD]);
}

#[test]
fn a_game_played_through_the_room_keeps_the_books_of_one_table() {
    let mut t = Table::new();
    t.seat(1, BANKER);
    t.seat(2, HOUSEHOLD);
    let mut local = session();
    for month in 0..4 {
        let Some(Draft::Client(mut d)) = local.draft(HOUSEHOLD).copied() else {
            panic!()
        };
        d.card_share = crate::sim::Bp(5_000 + 1_000 * month);
        *local.draft_mut(HOUSEHOLD).unwrap() = Draft::Client(d);
        t.send(
            2,
            &ToRoom::Draft {
                draft: Draft::Client(d),
            },
        );
        for (conn, seat) in [(2, HOUSEHOLD), (1, BANKER)] {
            t.send(conn, &ToRoom::Commit);
            local.commit(seat).unwrap();
        }
    }
    assert_eq!(t.room.session().turn(), 5);
    assert_eq!(t.fingerprint(), local.economy().ledger().fingerprint());
}

#[test]
fn a_flood_from_one_connection_is_refused_and_changes_nothing() {
    let mut t = Table::new();
    t.seat(2, HOUSEHOLD);
    let Some(Draft::Client(mut flood)) = t.room.session().draft(HOUSEHOLD).copied() else {
        panic!()
    };
    let now = t.clock_ms;
    // A thousand messages in the same millisecond: the burst passes, the rest is refused.
    let mut refusals = 0;
    for i in 0..1_000 {
        flood.card_share = crate::sim::Bp(i);
        let message = serde_json::to_vec(&ToRoom::Draft {
            draft: Draft::Client(flood),
        })
        .unwrap();
        if refused(&t.room.receive(2, &message, now, &mut String::new)) {
            refusals += 1;
        }
    }
    assert!(refusals >= 950, "{refusals}");
    // The refused ones changed nothing: the draft is the last one let through.
    let Some(Draft::Client(kept)) = t.room.session().draft(HOUSEHOLD).copied() else {
        panic!()
    };
    assert_eq!(kept.card_share.0, 1_000 - refusals - 1);
    // A second later, a message passes again.
    t.send(2, &ToRoom::Commit);
    assert!(t.room.session().is_done(HOUSEHOLD));
}

/// Plays every month to the end: each seat commits.
fn play_to_the_end(t: &mut Table, seats: &[(ConnId, Seat)]) {
    while !t.room.session().is_finished() {
        for (conn, _) in seats {
            t.send(*conn, &ToRoom::Commit);
        }
    }
}

#[test]
fn a_bot_stands_in_for_a_player_who_left_and_the_timer_plays_a_slow_month() {
    let mut t = Table::new();
    t.seat(1, BANKER);
    t.seat(2, HOUSEHOLD);
    t.room.disconnect(2);
    t.send(1, &ToRoom::Commit);
    assert_eq!(t.room.session().turn(), 1, "waiting for the household");
    let console = t
        .room
        .facilitate(Command::StandIn { seat: HOUSEHOLD })
        .unwrap();
    assert!(
        console
            .iter()
            .all(|(_, m)| !matches!(m, ToPlayer::Refused { .. }))
    );
    assert_eq!(
        t.room.session().turn(),
        2,
        "the bot decided: the month was played"
    );
    let states = t.room.seat_states();
    assert!(
        states
            .iter()
            .any(|s| s.seat == HOUSEHOLD && s.bot && s.done)
    );
    assert!(!t.room.free_seats().contains(&HOUSEHOLD));
    // From now on the banker alone decides; the bot is done at once each month.
    t.send(1, &ToRoom::Commit);
    assert_eq!(t.room.session().turn(), 3);
    // The facilitator gives each month one minute: a silent banker is played without.
    t.room.facilitate(Command::Minutes { minutes: 1 }).unwrap();
    let start = t.clock_ms;
    assert!(t.room.tick(start + 59_000).is_empty());
    assert_eq!(t.room.session().turn(), 3);
    let out = t.room.tick(start + 60_500);
    assert_eq!(t.room.session().turn(), 4, "time was up");
    assert!(out.iter().any(|(c, m)| *c == 1
        && matches!(
            m,
            ToPlayer::View {
                seconds_left: Some(60),
                turn: 4,
                ..
            }
        )));
    // Paused, the clock waits.
    t.room
        .facilitate(Command::Table(Do::Pause {
            question: Some(Question::Own("Who paid?".into())),
        }))
        .unwrap();
    assert!(t.room.tick(start + 10 * 60_000).is_empty());
    assert_eq!(t.room.session().turn(), 4);
    assert!(refused(&t.send(1, &ToRoom::Commit)), "paused");
}

#[test]
fn only_the_facilitators_secret_commands_the_room_and_its_console_has_no_numbers() {
    let mut t = Table::new();
    t.seat(1, BANKER);
    t.join(5, None);
    let forged = ToRoom::Facilitate {
        token: "guess".into(),
        table: None,
        command: Command::Table(Do::Advance),
    };
    assert!(refused(&t.send(1, &forged)));
    assert_eq!(t.room.session().turn(), 1);
    let out = t.send(
        5,
        &ToRoom::Facilitate {
            token: "boss".into(),
            table: None,
            command: Command::Table(Do::Advance),
        },
    );
    assert_eq!(t.room.session().turn(), 2);
    assert!(
        out.iter().any(|(c, m)| *c == 5
            && matches!(m, ToPlayer::Console { tables, .. } if tables[0].turn == 2))
    );
    assert!(
        out.iter()
            .any(|(c, m)| *c == 1 && matches!(m, ToPlayer::View { turn: 2, .. }))
    );
    let out = t.send(
        5,
        &ToRoom::Facilitate {
            token: "boss".into(),
            table: None,
            command: Command::Table(Do::Rewind { after: 0 }),
        },
    );
    assert_eq!(t.room.session().turn(), 1, "back to the start");
    assert!(
        out.iter()
            .any(|(c, m)| *c == 1 && matches!(m, ToPlayer::View { turn: 1, .. }))
    );
    for line in &t.wire[&5] {
        assert!(
            !line.contains("\"view\""),
            "the console carries no seat's numbers"
        );
    }
}

#[test]
fn answers_are_kept_once_per_seat_with_consent_and_checked_against_the_questions() {
    use crate::feedback::Answer;
    let mut t = Table::new();
    t.seat(1, BANKER);
    t.seat(2, HOUSEHOLD);
    let answer = |consent, answers: Vec<(&str, Answer)>| ToRoom::Feedback {
        consent,
        answers: answers
            .into_iter()
            .map(|(q, a)| (q.to_string(), a))
            .collect(),
    };
    let good = vec![("understood_margin", Answer::Likert(4))];
    assert!(
        refused(&t.send(1, &answer(true, good.clone()))),
        "not over yet"
    );
    play_to_the_end(&mut t, &[(1, BANKER), (2, HOUSEHOLD)]);
    assert!(refused(
        &t.send(1, &answer(true, vec![("nope", Answer::Likert(1))]))
    ));
    assert!(refused(&t.send(
        1,
        &answer(true, vec![("understood_margin", Answer::Likert(9))])
    )));
    assert!(
        t.room.take_feedback("now").is_empty(),
        "refused answers are not kept"
    );
    let out = t.send(2, &answer(false, good.clone()));
    assert!(matches!(out[0].1, ToPlayer::Recorded { answers: 0 }));
    assert!(
        t.room.take_feedback("now").is_empty(),
        "no consent, nothing kept"
    );
    let out = t.send(1, &answer(true, good.clone()));
    assert!(matches!(out[0].1, ToPlayer::Recorded { answers: 1 }));
    // The same answers sent again after a dropped connection are not doubled.
    t.send(1, &answer(true, good));
    let lines = t.room.take_feedback("2026-11-23T23:00:00Z");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].role, Some(crate::sim::Role::RetailBanker));
    assert_eq!(lines[0].respondent, 1);
    assert_eq!(lines[0].session, "GLASS");
}

#[test]
fn a_saved_room_comes_back_with_its_seats_drafts_and_books() {
    let mut t = Table::new();
    let token = t.seat(1, BANKER);
    t.seat(2, HOUSEHOLD);
    for _ in 0..2 {
        t.send(1, &ToRoom::Commit);
        t.send(2, &ToRoom::Commit);
    }
    let Some(Draft::Client(mut d)) = t.room.session().draft(HOUSEHOLD).copied() else {
        panic!()
    };
    d.card_share = crate::sim::Bp(4321);
    t.send(
        2,
        &ToRoom::Draft {
            draft: Draft::Client(d),
        },
    );
    t.send(1, &ToRoom::Commit);
    t.room
        .facilitate(Command::Table(Do::Shock {
            shock: crate::sim::Shock::Transparency(crate::sim::Transparency::Glass),
        }))
        .unwrap();
    // A new policy rate and a message from the console reach every seat at once.
    let out = t
        .room
        .facilitate(Command::Table(Do::Shock {
            shock: crate::sim::Shock::PolicyRate(crate::sim::Bp(425)),
        }))
        .unwrap();
    assert!(out.iter().any(|(to, m)| *to == 2
        && matches!(m, ToPlayer::View { view, .. } if view.policy_rate == crate::sim::Bp(425))));
    let out = t
        .room
        .facilitate(Command::Table(Do::Announce {
            message: "Rates are up".into(),
        }))
        .unwrap();
    assert!(out.iter().any(|(to, m)| *to == 1
        && matches!(m, ToPlayer::View { news, .. } if news.iter().any(|n| n.en == "Rates are up"))));
    let text = t.room.saved().to_json();
    let back = Room::restore(SavedRoom::parse(&text).unwrap()).unwrap();
    assert_eq!(back.code(), "GLASS");
    assert_eq!(back.session().turn(), 3);
    assert_eq!(back.session().draft(HOUSEHOLD), Some(&Draft::Client(d)));
    assert!(back.session().is_done(BANKER));
    assert_eq!(
        back.session().pending_shocks(),
        t.room.session().pending_shocks()
    );
    assert_eq!(back.session().pending_shocks().len(), 2);
    assert_eq!(
        back.session().economy().ledger().fingerprint(),
        t.fingerprint()
    );
    // The banker's browser finds its seat in the restarted room.
    t.room = back;
    assert!(!refused(&t.join(7, Some(token))));
    assert_eq!(t.room.connected_seats(0), vec![BANKER]);
    assert!(SavedRoom::parse("{\"format\":\"other\"}").is_err());
}

/// A draft with one of its fields set to a value.
type SetField = Box<dyn Fn(i64) -> Draft>;

/// Each limited field of a draft: its limit and the draft with that field set to `value`.
fn fields_of(draft: Draft) -> Vec<(crate::sim::Limit, SetField)> {
    use crate::sim::Bounded;
    fn each<D: Bounded + 'static>(
        d: D,
        wrap: fn(D) -> Draft,
    ) -> Vec<(crate::sim::Limit, SetField)> {
        let mut copy = d;
        let limits: Vec<_> = copy.fields().into_iter().map(|(l, _)| l).collect();
        limits
            .into_iter()
            .enumerate()
            .map(|(i, limit)| {
                let set: SetField = Box::new(move |value| {
                    let mut d = d;
                    if let Some((_, mut field)) = d.fields().into_iter().nth(i) {
                        field.set(value);
                    }
                    wrap(d)
                });
                (limit, set)
            })
            .collect()
    }
    match draft {
        Draft::Client(d) => each(d, Draft::Client),
        Draft::Retail(d) => each(d, Draft::Retail),
        Draft::Business(d) => each(d, Draft::Business),
        Draft::Merchant(d) => each(d, Draft::Merchant),
    }
}

/// Every field of a draft at one end of its limit, with a loan asked for.
fn at_the_bound(draft: Draft, high: bool) -> Draft {
    let loan = Some(crate::sim::LoanRequest {
        amount: crate::sim::Money::euros(1_000),
        months: 12,
    });
    let mut draft = match draft {
        Draft::Client(mut d) => {
            d.loan_request = loan;
            Draft::Client(d)
        }
        Draft::Merchant(mut d) => {
            d.loan_request = loan;
            Draft::Merchant(d)
        }
        other => other,
    };
    for i in 0..fields_of(draft).len() {
        let (limit, set) = fields_of(draft).swap_remove(i);
        draft = set(if high { limit.max } else { limit.min });
    }
    draft
}

#[test]
fn every_field_at_its_bounds_plays_and_beyond_them_is_refused_before_it_is_stored() {
    let scenario = load(crate::DEFAULT_SCENARIO, "one_town.ron").unwrap();
    let seats = [
        Seat::RetailBanker(BankId(0)),
        Seat::BusinessBanker(BankId(1)),
        Seat::Merchant(crate::sim::MerchantId(0)),
        HOUSEHOLD,
    ];
    let session = Session::new(scenario, seats.to_vec(), &[], Some(3)).unwrap();
    let mut t = Table {
        room: Room::new("GLASS", "boss", session),
        tokens: 0,
        clock_ms: 0,
        wire: Default::default(),
    };
    for (i, &seat) in seats.iter().enumerate() {
        t.seat(i as ConnId + 1, seat);
    }
    let mut months = 0;
    while !t.room.session().is_finished() {
        for (i, &seat) in seats.iter().enumerate() {
            let conn = i as ConnId + 1;
            let draft = *t.room.session().draft(seat).unwrap();
            for (limit, set) in fields_of(at_the_bound(draft, true)) {
                for beyond in [limit.max + 1, limit.min - 1, i64::MAX, i64::MIN] {
                    // A value the field's type cannot hold is held at the type's end, still
                    // beyond the limit.
                    let bad = set(beyond);
                    let out = t.send(conn, &ToRoom::Draft { draft: bad });
                    assert!(refused(&out), "{}: {beyond}", limit.field);
                    let stored = *t.room.session().draft(seat).unwrap();
                    assert_ne!(stored, bad, "{}: {beyond} was stored", limit.field);
                }
            }
            let ToPlayer::Refused { reason } = &t.send(
                conn,
                &ToRoom::Draft {
                    draft: fields_of(draft)[0].1(fields_of(draft)[0].0.max + 1),
                },
            )[0]
            .1
            else {
                panic!("refused")
            };
            assert!(
                reason.contains(" et "),
                "in the player's language: {reason}"
            );
            // At the high bound one month, the low bound the next.
            let edge = at_the_bound(draft, months % 2 == 0);
            assert!(!refused(&t.send(conn, &ToRoom::Draft { draft: edge })));
            assert_eq!(*t.room.session().draft(seat).unwrap(), edge);
        }
        // A household moving to a bank that does not exist would hold the month for good.
        if let Some(Draft::Client(mut d)) = t.room.session().draft(HOUSEHOLD).copied() {
            d.switch_bank = Some(BankId(99));
            assert!(refused(&t.send(
                4,
                &ToRoom::Draft {
                    draft: Draft::Client(d)
                }
            )));
        }
        let turn = t.room.session().turn();
        for i in 0..seats.len() {
            t.send(i as ConnId + 1, &ToRoom::Commit);
        }
        assert_eq!(t.room.session().turn(), turn + 1, "month {turn} was played");
        let economy = t.room.session().economy();
        assert!(economy.ledger().is_balanced());
        for c in economy.clients() {
            let _ = t.room.session().view(Seat::Client(c.id));
        }
        for b in economy.banks() {
            let _ = t.room.session().view(Seat::RetailBanker(b.id));
            let _ = t.room.session().view(Seat::BusinessBanker(b.id));
        }
        for m in economy.merchants() {
            let _ = t.room.session().view(Seat::Merchant(m.id));
        }
        months += 1;
    }
    assert_eq!(months, usize::from(t.room.session().scenario().turns()));
}

#[test]
fn the_facilitator_frees_a_seat_its_holder_is_let_go_and_its_token_stops_working() {
    let mut t = Table::new();
    let token = t.seat(2, HOUSEHOLD);
    let out = t
        .room
        .facilitate(Command::Free { seat: HOUSEHOLD })
        .unwrap();
    assert!(
        out.iter().any(|(c, m)| *c == 2
            && matches!(m, ToPlayer::Refused { reason } if reason.contains("libéré"))),
        "told in their language: {out:?}"
    );
    assert_eq!(t.room.take_closing(), vec![2]);
    assert!(t.room.free_seats().contains(&HOUSEHOLD));
    t.room.disconnect(2);
    assert!(refused(&t.join(3, Some(token))), "the old token");
    let again = t.seat(4, HOUSEHOLD);
    assert!(!refused(&t.join(5, Some(again))), "the new player's token");
    assert!(
        t.room
            .facilitate(Command::Free {
                seat: Seat::Client(ClientId(999))
            })
            .is_err()
    );
}

#[test]
fn tables_are_sent_once_per_tick_and_a_rejoin_reaches_only_its_player() {
    let mut t = Table::new();
    let token = t.seat(1, HOUSEHOLD);
    t.seat(2, BANKER);
    for conn in 10..20 {
        t.join(conn, None);
    }
    t.room.flush();
    // The household is done: only it hears of it now; everyone at the next tick, once.
    let out = t.send(1, &ToRoom::Commit);
    assert!(out.iter().all(|(c, _)| *c == 1), "{out:?}");
    // Ten re-joins with the household's token in a row: nobody else hears of any of them.
    for conn in 30..40 {
        let out = t.join(conn, Some(token.clone()));
        assert!(out.iter().all(|(c, _)| *c == conn), "{out:?}");
    }
    let out = t.room.tick(t.clock_ms);
    let tables = out
        .iter()
        .filter(|(_, m)| matches!(m, ToPlayer::Progress { .. }))
        .count();
    // The 10 watchers, the banker and the household's last connection (those it left are
    // still open in this test).
    assert_eq!(tables, t.room.connections_joined(), "one table each");
    assert!(t.room.tick(t.clock_ms + 250).is_empty(), "nothing new");
}

#[test]
fn a_room_saved_after_a_scripted_pause_was_lifted_comes_back_as_it_was() {
    let scenario = load(
        include_str!("../../scenarios/card_fees.ron"),
        "card_fees.ron",
    )
    .unwrap();
    let seats = [BANKER, HOUSEHOLD];
    let session = Session::new(scenario, seats.to_vec(), &[], Some(4)).unwrap();
    let mut t = Table {
        room: Room::new("GLASS", "boss", session),
        tokens: 0,
        clock_ms: 0,
        wire: Default::default(),
    };
    t.seat(1, BANKER);
    t.seat(2, HOUSEHOLD);
    // card_fees stops for discussion at the start of month 7.
    while t.room.session().paused().is_none() {
        t.send(1, &ToRoom::Commit);
        t.send(2, &ToRoom::Commit);
    }
    let month = t.room.session().turn();
    t.room.facilitate(Command::Table(Do::Resume)).unwrap();
    t.send(1, &ToRoom::Commit);
    let back = Room::restore(t.room.saved()).expect("the room opens again");
    assert_eq!(back.session().turn(), month);
    assert!(back.session().paused().is_none(), "the pause was lifted");
    assert!(back.session().is_done(BANKER) && !back.session().is_done(HOUSEHOLD));
    t.room
        .facilitate(Command::Table(Do::Pause {
            question: Some(Question::Own("Who paid?".into())),
        }))
        .unwrap();
    let again = Room::restore(t.room.saved()).unwrap();
    assert_eq!(
        again.session().paused().flatten().map(|q| q.en.as_str()),
        Some("Who paid?")
    );
    assert!(again.session().is_done(BANKER));
}

#[test]
fn a_machine_that_guesses_room_codes_is_held_off_for_a_minute() {
    let mut t = Table::new();
    let stranger: std::net::IpAddr = "192.0.2.7".parse().unwrap();
    let guess = |code: &str| ToRoom::Join {
        protocol: PROTOCOL,
        room: code.into(),
        language: "en".into(),
        token: None,
    };
    // Each guess on a new connection, as a program would.
    for conn in 100..110 {
        t.room.connect_from(conn, Some(stranger));
        assert!(refused(&t.send(conn, &guess("ZZZZ"))));
    }
    t.room.connect_from(110, Some(stranger));
    let ToPlayer::Refused { reason } = &t.send(110, &guess("GLASS"))[0].1 else {
        panic!()
    };
    assert!(
        reason.contains("wait a minute"),
        "even the right code: {reason}"
    );
    // Another machine, and this machine's own loopback, are not held off.
    t.room.connect_from(111, Some("192.0.2.8".parse().unwrap()));
    assert!(!refused(&t.send(111, &guess("GLASS"))));
    t.room
        .connect_from(112, Some(std::net::Ipv4Addr::LOCALHOST.into()));
    assert!(!refused(&t.send(112, &guess("GLASS"))));
    // A minute later (the table's clock moves a second a message) it may try again.
    t.clock_ms += 60_000;
    t.room.connect_from(113, Some(stranger));
    assert!(!refused(&t.send(113, &guess("GLASS"))));
}
