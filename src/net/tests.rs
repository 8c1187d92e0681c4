//! The room played through its messages: seats, refusals that change nothing, what each seat
//! receives, reconnection, and the same books as a game played at one table.
use super::*;
use crate::scenario::load;
use crate::session::{Draft, Session};
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
            room: Room::new("GLASS", session()),
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
        out.iter()
            .find_map(|(_, m)| match m {
                ToPlayer::Seated { token, .. } => Some(token.clone()),
                _ => None,
            })
            .expect("seated")
    }

    fn fingerprint(&self) -> u64 {
        self.room.session().economy().ledger().fingerprint()
    }
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
    assert!(t.room.connected_seats().is_empty());
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
    assert_eq!(t.room.connected_seats(), vec![HOUSEHOLD]);
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
