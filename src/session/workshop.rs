//! What a facilitator does to a game in a workshop: go back to an earlier month and branch from
//! there, let the bots play a few months for everyone, stop for discussion, and run the same game
//! as a second table under another transparency layer.
use super::{Draft, Session};
use crate::i18n::Message;
use crate::scenario::Text;
use crate::sim::{Seat, Shock, Transparency, Turn, TurnReport, bot_decision, bot_decisions};

impl Session {
    /// The game as it stood after month `after` (0: before the first month), replayed from its
    /// log; playing on from it makes a branch, the original is left as it is.
    pub fn rewound(&self, after: Turn) -> Result<Session, Message> {
        if after >= self.turn() {
            return Err(Message::new("session-not-played-yet")
                .with("month", after)
                .with("now", self.turn()));
        }
        let mut log = self.log();
        log.turns.truncate(usize::from(after));
        let mut back = Session::replay(&log, Some(after))?;
        back.paused = None;
        Ok(back)
    }

    /// Bots play the next `months` months for every seat, the humans' included.
    pub fn run_bots(&mut self, months: u16) -> Result<Vec<TurnReport>, Message> {
        let mut reports = Vec::new();
        for _ in 0..months {
            if self.is_finished() {
                break;
            }
            let decisions = bot_decisions(&self.economy, &[]);
            reports.push(self.play_decided(decisions)?);
        }
        Ok(reports)
    }

    /// Stops the table for discussion, with a question on screen; committing waits until the
    /// facilitator resumes.
    pub fn pause(&mut self, question: Option<Text>) {
        self.paused = Some(question);
    }

    pub fn resume(&mut self) {
        self.paused = None;
    }

    /// The human seats that have not finished this month yet.
    pub fn waiting(&self) -> Vec<Seat> {
        self.humans
            .iter()
            .zip(&self.done)
            .filter(|(_, done)| !**done)
            .map(|(s, _)| *s)
            .collect()
    }

    /// Plays the month now, with what the humans still deciding have so far (the facilitator
    /// moving a slow table on).
    pub fn play_now(&mut self) -> Result<TurnReport, Message> {
        self.not_paused()?;
        self.play_turn()
    }

    /// Nothing is played while the table is stopped for discussion.
    pub(super) fn not_paused(&self) -> Result<(), Message> {
        match self.paused {
            Some(_) => Err(Message::new("session-paused")),
            None => Ok(()),
        }
    }

    /// A message from the facilitator, in the news of the month being decided.
    pub fn announce(&mut self, text: Text) {
        if !text.en.trim().is_empty() || !text.fr.trim().is_empty() {
            self.news.push(text);
        }
    }

    /// Whether the table is stopped for discussion, and on which question.
    pub fn paused(&self) -> Option<Option<&Text>> {
        self.paused.as_ref().map(Option::as_ref)
    }

    /// A second table: the same scenario, seed and seats held under another transparency layer
    /// from the first month. It has played the months this table has: the humans' decisions of
    /// each month, the bots' own under its layer, and the facilitator's shocks but for changes
    /// of layer. Comparing the two shows what transparency changed.
    pub fn treatment(&self, layer: Transparency) -> Result<Session, Message> {
        let mut other = Session::new(
            self.scenario.under(layer),
            self.humans.clone(),
            &self.bots,
            Some(self.seed),
        )?;
        let not_layer = |s: &&Shock| !matches!(s, Shock::Transparency(_));
        for played in &self.played {
            for &shock in played.extra_shocks.iter().filter(not_layer) {
                other.apply_shock(shock)?;
            }
            let mut decisions = bot_decisions(&other.economy, &other.humans);
            decisions.extend(played.decisions.of_seats(&self.humans));
            other.play_decided(decisions).map_err(|e| {
                Message::new("session-in-month")
                    .with("month", played.turn)
                    .with("reason", e)
            })?;
        }
        for &shock in self.extra_shocks.iter().filter(not_layer) {
            other.apply_shock(shock)?;
        }
        other.paused = None;
        Ok(other)
    }

    /// What a bot would decide for a seat this month, from that seat's view: a stand-in for a
    /// player who left.
    pub fn bot_draft(&self, seat: Seat) -> Option<Draft> {
        let d = bot_decision(&self.economy, seat);
        match seat {
            Seat::Client(_) => d.clients.first().map(|(_, d)| Draft::Client(*d)),
            Seat::RetailBanker(_) => d.retail.first().map(|(_, d)| Draft::Retail(*d)),
            Seat::BusinessBanker(_) => d.business.first().map(|(_, d)| Draft::Business(*d)),
            Seat::Merchant(_) => d.merchants.first().map(|(_, d)| Draft::Merchant(*d)),
        }
    }

    /// The shocks applied by hand this month, not yet in a played month of the log.
    pub fn pending_shocks(&self) -> &[Shock] {
        &self.extra_shocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load;
    use crate::sim::{BankId, Money};

    fn hidden_fees() -> crate::scenario::Scenario {
        load(
            include_str!("../../scenarios/hidden_fees.ron"),
            "hidden_fees.ron",
        )
        .unwrap()
    }

    #[test]
    fn going_back_replays_the_same_books_and_a_branch_leaves_the_original() {
        let banker = Seat::RetailBanker(BankId(0));
        let mut s = Session::new(hidden_fees(), vec![banker], &[], Some(2)).unwrap();
        let mut after = Vec::new();
        for _ in 0..4 {
            s.commit(banker).unwrap();
            after.push(s.economy().ledger().fingerprint());
        }
        let mut back = s.rewound(2).unwrap();
        assert_eq!(back.turn(), 3);
        assert_eq!(back.economy().ledger().fingerprint(), after[1]);
        // Branch: a different choice in month 3.
        if let Some(super::super::Draft::Retail(d)) = back.draft_mut(banker) {
            d.fees.account_fee = crate::sim::Money::euros(14);
        }
        back.commit(banker).unwrap();
        assert_ne!(back.economy().ledger().fingerprint(), after[2]);
        assert_eq!(s.economy().ledger().fingerprint(), after[3]);
        assert!(s.rewound(9).is_err());
        // The branch's own log replays to the branch.
        let replayed = Session::replay(&back.log(), None).unwrap();
        assert_eq!(
            replayed.economy().ledger().fingerprint(),
            back.economy().ledger().fingerprint()
        );
    }

    #[test]
    fn bots_can_play_months_for_everyone_and_a_pause_holds_a_question() {
        let banker = Seat::RetailBanker(BankId(0));
        let mut s = Session::new(hidden_fees(), vec![banker], &[], Some(2)).unwrap();
        s.pause(Some(Text {
            en: "Who pays the fees?".into(),
            fr: "Qui paie les frais ?".into(),
        }));
        assert!(s.paused().is_some_and(|q| q.is_some()));
        assert!(s.commit(banker).is_err());
        s.resume();
        assert_eq!(s.run_bots(3).unwrap().len(), 3);
        assert_eq!(s.turn(), 4);
        // Bot months replay like any other.
        let replayed = Session::replay(&s.log(), None).unwrap();
        assert_eq!(
            replayed.economy().ledger().fingerprint(),
            s.economy().ledger().fingerprint()
        );
    }

    #[test]
    fn a_scripted_pause_stops_the_table_on_its_question() {
        let text = include_str!("../../scenarios/card_fees.ron");
        let s = load(text, "card_fees.ron").unwrap();
        let banker = Seat::BusinessBanker(BankId(1));
        let mut s = Session::new(s, vec![banker], &[], None).unwrap();
        while s.paused().is_none() {
            s.commit(banker).unwrap();
        }
        assert_eq!(s.turn(), 7);
        assert!(
            s.paused()
                .is_some_and(|q| q.is_some_and(|q| q.en.contains("pass")))
        );
        assert!(s.commit(banker).is_err());
        s.resume();
        s.commit(banker).unwrap();
        assert_eq!(s.turn(), 8);
        // The pause is a matter for the table: the replay does not need it.
        let replayed = Session::replay(&s.log(), None).unwrap();
        assert_eq!(
            replayed.economy().ledger().fingerprint(),
            s.economy().ledger().fingerprint()
        );
    }

    #[test]
    fn two_tables_under_different_layers_differ_as_transparency_does() {
        let s = Session::new(hidden_fees(), vec![], &[], Some(5)).unwrap();
        let mut opaque = s.treatment(Transparency::Opaque).unwrap();
        let mut glass = s.treatment(Transparency::Glass).unwrap();
        opaque.run_bots(12).unwrap();
        glass.run_bots(12).unwrap();
        let surprises = |t: &Session| -> i64 {
            t.economy()
                .reports()
                .iter()
                .map(|r| r.clients.surprise_fees.as_cents())
                .sum()
        };
        // Under glass nothing is small print: a household is surprised only when its own usage
        // grows, not by a hidden fee the first time it is charged.
        assert!(surprises(&opaque) > 0);
        assert!(
            surprises(&glass) < surprises(&opaque),
            "{} / {}",
            surprises(&glass),
            surprises(&opaque)
        );
        assert_eq!(
            glass.economy().reports()[0].transparency,
            Transparency::Glass
        );
    }

    #[test]
    fn a_second_table_plays_the_humans_decisions_under_its_own_layer() {
        let banker = Seat::RetailBanker(BankId(0));
        let mut s = Session::new(hidden_fees(), vec![banker], &[], Some(4)).unwrap();
        for month in 0..5 {
            if let Some(super::super::Draft::Retail(d)) = s.draft_mut(banker) {
                d.fees.account_fee = Money::euros(3 + month);
            }
            s.commit(banker).unwrap();
        }
        s.apply_shock(Shock::PolicyRate(crate::sim::Bp(300)))
            .unwrap();
        let glass = s.treatment(Transparency::Glass).unwrap();
        assert_eq!(glass.turn(), s.turn());
        let fee = |t: &Session| t.economy().bank(BankId(0)).unwrap().retail.fees.account_fee;
        assert_eq!(fee(&glass), Money::euros(7));
        assert_eq!(fee(&glass), fee(&s));
        // The facilitator's pending shock is there too, and the layer holds.
        assert_eq!(glass.economy().params().policy_rate, crate::sim::Bp(300));
        assert!(
            glass
                .economy()
                .reports()
                .iter()
                .all(|r| r.transparency == Transparency::Glass)
        );
        // The same table under its own layer is the same game.
        let same = s.treatment(s.economy().params().transparency).unwrap();
        assert_eq!(
            same.economy().ledger().fingerprint(),
            s.economy().ledger().fingerprint()
        );
        // A household of the glass table sees Murky Bank's small print; of this table, not.
        let household = Seat::Client(crate::sim::ClientId(0));
        let murky = |t: &Session| t.view(household).unwrap().offers[0].irregular_payment_fee;
        assert!(murky(&glass).shown().is_some());
        assert_eq!(murky(&s), crate::sim::Shown::Hidden);
    }

    #[test]
    fn the_facilitator_can_move_a_slow_table_on_and_speak_to_it() {
        let a = Seat::RetailBanker(BankId(0));
        let b = Seat::BusinessBanker(BankId(1));
        let mut s = Session::new(hidden_fees(), vec![a, b], &[], Some(2)).unwrap();
        s.commit(a).unwrap();
        assert_eq!(s.waiting(), vec![b]);
        s.announce(Text {
            en: "Five minutes left".into(),
            fr: "Plus que cinq minutes".into(),
        });
        assert!(s.news().iter().any(|t| t.en == "Five minutes left"));
        s.pause(None);
        assert!(s.play_now().is_err());
        s.resume();
        s.play_now().unwrap();
        assert_eq!(s.turn(), 2);
        assert_eq!(s.waiting(), vec![a, b]);
    }
}
