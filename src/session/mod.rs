//! A game at the table, without any screen: the scenario and its economy, who plays each seat
//! (a human or a bot with a strategy), the decisions the humans are preparing, the hot-seat
//! order, the timeline's news, and the decisions of every turn for an exact replay.
mod command;
pub mod log;
mod workshop;

pub use command::{Command, MAX_ANNOUNCEMENT_CHARS, Question};
pub use log::{LoggedTurn, SessionLog};

use crate::i18n::Message;
use crate::scenario::{Scenario, Text};
use crate::sim::{
    BusinessDecision, CaseId, ClientDecision, Decisions, Economy, MerchantDecision, RetailDecision,
    Seat, SeatView, Shock, Strategy, Turn, TurnReport, Verdict, bot_decisions,
};

/// What a human is preparing for the month, for one seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Draft {
    Client(ClientDecision),
    Retail(RetailDecision),
    Business(BusinessDecision),
    Merchant(MerchantDecision),
}

/// The decisions of one turn, as played: for replay and the session log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlayedTurn {
    pub turn: Turn,
    /// Shocks applied by hand before the turn.
    pub extra_shocks: Vec<Shock>,
    /// Every shock that took effect at the start of the turn.
    pub shocks: Vec<Shock>,
    pub decisions: Decisions,
    /// The books' fingerprint after the turn.
    pub fingerprint: u64,
}

/// A game in progress.
pub struct Session {
    scenario: Scenario,
    economy: Economy,
    seed: u64,
    bots: Vec<(Seat, Strategy)>,
    /// Shocks applied by hand since the last turn.
    extra_shocks: Vec<Shock>,
    /// Human seats, in the order they play each month (hot seat).
    humans: Vec<Seat>,
    drafts: Vec<Draft>,
    done: Vec<bool>,
    /// The scripted messages of the month about to be played.
    news: Vec<Text>,
    played: Vec<PlayedTurn>,
    /// Human bankers' verdicts on the cases waiting for them, this month.
    verdicts: std::collections::BTreeMap<CaseId, bool>,
    /// Stopped for discussion, perhaps on a question.
    paused: Option<Option<Text>>,
}

impl Session {
    /// Starts a game: `humans` play in that order; `bots` changes the strategy of some bot
    /// seats; `seed` replaces the scenario's run seed.
    pub fn new(
        scenario: Scenario,
        humans: Vec<Seat>,
        bots: &[(Seat, Strategy)],
        seed: Option<u64>,
    ) -> Result<Session, Message> {
        let seed = seed.unwrap_or(scenario.seed());
        let mut config = scenario.economy_with_seed(seed);
        for &(seat, strategy) in bots {
            match seat {
                Seat::RetailBanker(b) => {
                    if let Some(bank) = config.banks.get_mut(b.index()) {
                        bank.retail_strategy = strategy;
                    }
                }
                Seat::BusinessBanker(b) => {
                    if let Some(bank) = config.banks.get_mut(b.index()) {
                        bank.business_strategy = strategy;
                    }
                }
                Seat::Merchant(m) => {
                    if let Some(m) = config.merchants.get_mut(m.index()) {
                        m.strategy = strategy;
                    }
                }
                Seat::Client(c) => {
                    if let Some(c) = config.clients.get_mut(c.index()) {
                        c.strategy = strategy;
                    }
                }
            }
        }
        let mut economy = Economy::new(config)?;
        // Human bankers decide loan applications and complaints themselves.
        for &seat in &humans {
            economy.set_manual_review(seat, true);
        }
        if let Some(seat) = humans
            .iter()
            .find(|s| SeatView::of(&economy, **s).is_none())
        {
            return Err(Message::new("session-no-seat").with("seat", format!("{seat:?}")));
        }
        let mut session = Session {
            scenario,
            economy,
            seed,
            bots: bots.to_vec(),
            extra_shocks: Vec::new(),
            drafts: Vec::new(),
            done: vec![false; humans.len()],
            humans,
            news: Vec::new(),
            played: Vec::new(),
            verdicts: Default::default(),
            paused: None,
        };
        session.open_turn()?;
        Ok(session)
    }

    /// Applies the timeline of the month about to be played and prepares fresh drafts.
    fn open_turn(&mut self) -> Result<(), Message> {
        self.news = if self.is_finished() {
            Vec::new()
        } else {
            self.scenario.apply_events(&mut self.economy)?
        };
        // A workshop step of the timeline stops the table on its question.
        let turn = self.economy.turn();
        if let Some(question) = self
            .scenario
            .events_at(turn)
            .find_map(|e| match e {
                crate::scenario::Scripted::Pause(q) => Some(q.clone()),
                _ => None,
            })
            .filter(|_| !self.is_finished())
        {
            self.paused = Some(Some(question));
        }
        self.drafts = self.humans.iter().map(|&s| self.current(s)).collect();
        self.verdicts.clear();
        self.done = vec![false; self.humans.len()];
        Ok(())
    }

    /// A seat's settings as they stand: the starting point of its draft.
    fn current(&self, seat: Seat) -> Draft {
        let e = &self.economy;
        match seat {
            Seat::Client(c) => Draft::Client(ClientDecision {
                spending: crate::sim::Bp::FULL,
                card_share: e.client(c).map_or(crate::sim::Bp::ZERO, |c| c.card_share),
                loan_request: None,
                switch_bank: None,
                complain: false,
                leave_merchant: None,
                save: crate::sim::Money::ZERO,
                buy_home: false,
            }),
            Seat::RetailBanker(b) => {
                Draft::Retail(e.bank(b).map(|b| b.retail).unwrap_or_else(|| {
                    crate::sim::ordinary_bank("", crate::sim::Money::ZERO, Strategy::Fair).retail
                }))
            }
            Seat::BusinessBanker(b) => {
                Draft::Business(e.bank(b).map(|b| b.business).unwrap_or_else(|| {
                    crate::sim::ordinary_bank("", crate::sim::Money::ZERO, Strategy::Fair).business
                }))
            }
            Seat::Merchant(m) => {
                let merchant = e.merchant(m);
                Draft::Merchant(MerchantDecision {
                    markup: merchant.map_or(crate::sim::Bp::ZERO, |m| m.markup),
                    accepts_cards: merchant.is_some_and(|m| m.accepts_cards),
                    loan_request: None,
                    switch_bank: None,
                })
            }
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn economy(&self) -> &Economy {
        &self.economy
    }

    pub fn humans(&self) -> &[Seat] {
        &self.humans
    }

    /// The month about to be played, from 1.
    pub fn turn(&self) -> Turn {
        self.economy.turn()
    }

    /// Whether every month of the scenario has been played.
    pub fn is_finished(&self) -> bool {
        self.economy.reports().len() >= usize::from(self.scenario.turns())
    }

    /// The human whose turn it is to decide, if any is left this month.
    pub fn active(&self) -> Option<Seat> {
        self.humans
            .iter()
            .zip(&self.done)
            .find(|(_, done)| !**done)
            .map(|(s, _)| *s)
    }

    /// Whether a human seat is done deciding this month.
    pub fn is_done(&self, seat: Seat) -> bool {
        self.humans
            .iter()
            .zip(&self.done)
            .any(|(s, done)| *s == seat && *done)
    }

    /// What a seat may see now.
    pub fn view(&self, seat: Seat) -> Option<SeatView> {
        SeatView::of(&self.economy, seat)
    }

    /// The scripted messages of this month.
    pub fn news(&self) -> &[Text] {
        &self.news
    }

    pub fn draft(&self, seat: Seat) -> Option<&Draft> {
        let i = self.humans.iter().position(|s| *s == seat)?;
        self.drafts.get(i)
    }

    pub fn draft_mut(&mut self, seat: Seat) -> Option<&mut Draft> {
        let i = self.humans.iter().position(|s| *s == seat)?;
        self.drafts.get_mut(i)
    }

    /// Whether a draft could be played for a seat this month, checked by the simulation's own
    /// rules: a draft of the seat's role, for banks and shops that exist, every number within
    /// its limit. A number out of bounds is said in the reader's words.
    pub fn check_draft(&self, seat: Seat, draft: &Draft) -> Result<(), Message> {
        let mut d = Decisions::default();
        match (seat, *draft) {
            (Seat::Client(c), Draft::Client(x)) => d.clients.push((c, x)),
            (Seat::RetailBanker(b), Draft::Retail(x)) => d.retail.push((b, x)),
            (Seat::BusinessBanker(b), Draft::Business(x)) => d.business.push((b, x)),
            (Seat::Merchant(m), Draft::Merchant(x)) => d.merchants.push((m, x)),
            _ => return Err(Message::new("session-wrong-draft").with("seat", format!("{seat:?}"))),
        }
        self.economy.check(&d).map_err(|e| match e {
            crate::sim::SimError::OutOfBounds { oob, .. } => crate::i18n::out_of_bounds(&oob),
            other => Message::from(other),
        })
    }

    /// A human's draft and the month's verdicts, to edit together from a decision panel.
    pub fn draft_and_verdicts_mut(
        &mut self,
        seat: Seat,
    ) -> Option<(&mut Draft, &mut std::collections::BTreeMap<CaseId, bool>)> {
        let i = self.humans.iter().position(|s| *s == seat)?;
        Some((self.drafts.get_mut(i)?, &mut self.verdicts))
    }

    /// Every verdict given this month.
    pub fn verdicts(&self) -> impl Iterator<Item = (CaseId, bool)> + '_ {
        self.verdicts.iter().map(|(c, v)| (*c, *v))
    }

    /// The verdict given on a case this month, if any.
    pub fn verdict(&self, case: CaseId) -> Option<bool> {
        self.verdicts.get(&case).copied()
    }

    /// A banker approves (or refunds) a case, or refuses it; `None` leaves it to the policy.
    pub fn set_verdict(&mut self, case: CaseId, approve: Option<bool>) {
        match approve {
            Some(a) => {
                self.verdicts.insert(case, a);
            }
            None => {
                self.verdicts.remove(&case);
            }
        }
    }

    /// Every turn played so far, with every seat's decisions.
    pub fn played(&self) -> &[PlayedTurn] {
        &self.played
    }

    /// A human is done deciding; once every human is, the month is played. Returns the month's
    /// report when it was played.
    pub fn commit(&mut self, seat: Seat) -> Result<Option<TurnReport>, Message> {
        self.not_paused()?;
        let i =
            self.humans.iter().position(|s| *s == seat).ok_or_else(|| {
                Message::new("session-not-human").with("seat", format!("{seat:?}"))
            })?;
        self.done[i] = true;
        if self.done.iter().all(|d| *d) {
            self.play_turn().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Plays the month with the humans' drafts and the bots' decisions for every other seat.
    pub fn play_turn(&mut self) -> Result<TurnReport, Message> {
        if self.is_finished() {
            return Err(Message::new("session-over"));
        }
        let mut decisions = bot_decisions(&self.economy, &self.humans);
        let mut human = Decisions::default();
        for (&seat, draft) in self.humans.iter().zip(&self.drafts) {
            match (seat, *draft) {
                (Seat::Client(c), Draft::Client(d)) => human.clients.push((c, d)),
                (Seat::RetailBanker(b), Draft::Retail(d)) => human.retail.push((b, d)),
                (Seat::BusinessBanker(b), Draft::Business(d)) => human.business.push((b, d)),
                (Seat::Merchant(m), Draft::Merchant(d)) => human.merchants.push((m, d)),
                _ => {
                    return Err(
                        Message::new("session-wrong-draft").with("seat", format!("{seat:?}"))
                    );
                }
            }
        }
        human.verdicts = self
            .verdicts
            .iter()
            .map(|(&case, &approve)| Verdict { case, approve })
            .collect();
        decisions.extend(human);
        // The month as it starts, to go back to if the books cannot carry it.
        let start = self.economy.clone();
        match self.play_decided(decisions.clone()) {
            Err(_) if self.economy.is_stopped() => {
                let overflowed = self.economy.overflowed();
                self.economy = start;
                self.play_without_overflow(decisions, overflowed)
            }
            played => played,
        }
        .inspect_err(|_| {
            // A refused decision leaves the month unplayed: let the humans fix it.
            self.done = vec![false; self.humans.len()];
        })
    }

    /// The books could not carry a posting of the month (an account would have gone past the
    /// largest amount they hold), and the economy is back at the start of the month: it is
    /// played without the decisions and verdicts of the humans whose accounts overflowed (every
    /// human's, when the account is no human's), who keep last month's settings and read why in
    /// the news.
    fn play_without_overflow(
        &mut self,
        decisions: Decisions,
        overflowed: Option<crate::sim::Account>,
    ) -> Result<TurnReport, Message> {
        let mut refused: Vec<Seat> = self
            .humans
            .iter()
            .copied()
            .filter(|&seat| overflowed.is_some_and(|a| owns(seat, a)))
            .collect();
        if refused.is_empty() {
            refused = self.humans.clone();
        }
        let mut kept = decisions;
        kept.retail
            .retain(|(b, _)| !refused.contains(&Seat::RetailBanker(*b)));
        kept.business
            .retain(|(b, _)| !refused.contains(&Seat::BusinessBanker(*b)));
        kept.merchants
            .retain(|(m, _)| !refused.contains(&Seat::Merchant(*m)));
        kept.clients
            .retain(|(c, _)| !refused.contains(&Seat::Client(*c)));
        // The refused bankers' verdicts go too: their cases are left to the bank's policy.
        let their_cases: Vec<CaseId> = refused
            .iter()
            .filter_map(|&seat| self.view(seat))
            .flat_map(|view| match view.own {
                crate::sim::Own::Bank(b) => b.cases.iter().map(|k| k.case).collect(),
                _ => Vec::new(),
            })
            .collect();
        kept.verdicts.retain(|v| !their_cases.contains(&v.case));
        let report = self.play_decided(kept)?;
        let names: Vec<String> = refused.iter().map(|s| self.actor_name(*s)).collect();
        let notice = Message::new("session-overflow-refused").with("who", names.join(", "));
        self.news.push(Text {
            en: crate::i18n::Translations::shared(crate::i18n::Language::En).message(&notice),
            fr: crate::i18n::Translations::shared(crate::i18n::Language::Fr).message(&notice),
        });
        Ok(report)
    }

    /// The name players know a seat's actor by: the bank's or the shop's, the household's id.
    pub fn actor_name(&self, seat: Seat) -> String {
        match seat {
            Seat::RetailBanker(b) | Seat::BusinessBanker(b) => {
                self.economy.bank(b).map(|b| b.name.clone())
            }
            Seat::Merchant(m) => self.economy.merchant(m).map(|m| m.name.clone()),
            Seat::Client(c) => self.scenario.ids().client_id(c),
        }
        .unwrap_or_default()
    }

    /// Plays the month with these decisions (a replay's, or the table's), then opens the next.
    pub fn play_decided(&mut self, decisions: Decisions) -> Result<TurnReport, Message> {
        if self.is_finished() {
            return Err(Message::new("session-over"));
        }
        let turn = self.economy.turn();
        let report = self.economy.step(&decisions)?;
        let shocks = report
            .events
            .iter()
            .filter_map(|e| match e {
                crate::sim::SimEvent::Shock(s) => Some(*s),
                _ => None,
            })
            .collect();
        self.played.push(log::played(
            turn,
            std::mem::take(&mut self.extra_shocks),
            shocks,
            decisions,
            self.economy.ledger().fingerprint(),
        ));
        self.open_turn()?;
        Ok(report)
    }

    /// A shock applied by hand (the facilitator's), from this month on; kept in the log.
    pub fn apply_shock(&mut self, shock: Shock) -> Result<(), Message> {
        self.economy.apply_shock(shock)?;
        self.extra_shocks.push(shock);
        Ok(())
    }

    /// The run seed of this game.
    pub fn seed(&self) -> u64 {
        self.seed
    }
}

/// Whether an account is the seat's actor's own: a bank's for its bankers, a shop's, a
/// household's current and savings accounts.
fn owns(seat: Seat, account: crate::sim::Account) -> bool {
    use crate::sim::Account as A;
    match (seat, account) {
        (Seat::RetailBanker(b) | Seat::BusinessBanker(b), A::BankEquity(x) | A::BankLoans(x)) => {
            b == x
        }
        (Seat::Merchant(m), A::Merchant(x)) => m == x,
        (Seat::Client(c), A::Client(x) | A::Savings(x)) => c == x,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load;
    use crate::sim::{BankId, ClientId, Money, Shock, SimEvent};

    fn card_fees() -> Scenario {
        load(
            include_str!("../../scenarios/card_fees.ron"),
            "card_fees.ron",
        )
        .unwrap()
    }

    #[test]
    fn humans_take_turns_then_the_month_is_played() {
        let seats = vec![Seat::RetailBanker(BankId(0)), Seat::Client(ClientId(3))];
        let mut s = Session::new(card_fees(), seats.clone(), &[], None).unwrap();
        assert_eq!(s.turn(), 1);
        assert_eq!(s.active(), Some(seats[0]));
        if let Some(Draft::Retail(d)) = s.draft_mut(seats[0]) {
            d.fees.account_fee = Money::euros(9);
        }
        assert_eq!(s.commit(seats[0]), Ok(None));
        assert_eq!(s.active(), Some(seats[1]));
        let report = s.commit(seats[1]).unwrap().expect("the month is played");
        assert_eq!(report.turn, 1);
        assert_eq!(s.turn(), 2);
        assert_eq!(s.active(), Some(seats[0]));
        // The human's decision reached the economy.
        let bank = s.economy().bank(BankId(0)).unwrap();
        assert_eq!(bank.retail.fees.account_fee, Money::euros(9));
        assert_eq!(s.played().len(), 1);
    }

    #[test]
    fn a_decision_the_books_cannot_carry_is_refused_and_the_month_goes_on() {
        use crate::sim::{Account, External};
        let household = Seat::Client(ClientId(0));
        let mut s = Session::new(card_fees(), vec![household], &[], Some(5)).unwrap();
        // A household holding nearly the most the books can in its current account, and as much
        // in savings as that account has room left: taking its savings out overflows the
        // account. Without that decision the month goes as usual (the monthly sweep into
        // savings leaves a buffer larger than a month's interest on them).
        let headroom = Money::euros(100_000);
        // Its bank has lent half of what the books can hold (bought from outside), so that its
        // reserves have room for the household's money.
        let half_of_all = Money::cents(i64::MAX / 2);
        s.economy
            .endow(
                Account::BankLoans(BankId(0)),
                Account::External(External::Suppliers),
                half_of_all,
            )
            .unwrap();
        let balance = s.economy.ledger().balance(Account::Client(ClientId(0)));
        let fill = Money::cents(i64::MAX)
            .saturating_sub(balance)
            .saturating_sub(headroom);
        let half = Money::cents(fill.as_cents() / 2);
        s.economy
            .endow(
                Account::External(External::Opening),
                Account::Client(ClientId(0)),
                half,
            )
            .unwrap();
        s.economy
            .endow(
                Account::External(External::Employer),
                Account::Client(ClientId(0)),
                fill.saturating_sub(half),
            )
            .unwrap();
        let savings = s.economy.ledger().balance(Account::Savings(ClientId(0)));
        s.economy
            .endow(
                Account::External(External::Landlords),
                Account::Savings(ClientId(0)),
                headroom.saturating_sub(savings),
            )
            .unwrap();
        if let Some(Draft::Client(d)) = s.draft_mut(household) {
            d.save = Money::euros(-1_000_000);
        }
        let report = s.commit(household).unwrap().expect("the month is played");
        assert_eq!((report.turn, s.turn()), (1, 2));
        assert!(!s.economy().is_stopped());
        assert!(s.economy().ledger().is_balanced());
        let news = s.news().last().expect("the players are told");
        let name = s.actor_name(household);
        assert!(
            news.en.contains("could not carry the decisions of")
                && news.en.contains(&name)
                && news.fr.contains(&name),
            "{news:?}"
        );
        assert_eq!(
            s.played()[0]
                .decisions
                .clients
                .iter()
                .filter(|(c, _)| *c == ClientId(0))
                .count(),
            0
        );
        // The household still holds what it had (swept into savings): only its decision was
        // refused.
        let ledger = s.economy().ledger();
        let held = i128::from(ledger.balance(Account::Client(ClientId(0))).as_cents())
            + i128::from(ledger.balance(Account::Savings(ClientId(0))).as_cents());
        assert!(held > i128::from(i64::MAX), "{held}");
    }

    #[test]
    fn the_timeline_is_news_before_the_month_it_happens() {
        let mut s = Session::new(card_fees(), vec![], &[], Some(9)).unwrap();
        while s.turn() < 7 {
            assert!(s.turn() == 4 || s.news().is_empty(), "turn {}", s.turn());
            s.play_turn().unwrap();
        }
        assert_eq!(s.news().len(), 1);
        let report = s.play_turn().unwrap();
        assert!(
            report
                .events
                .iter()
                .any(|e| matches!(e, SimEvent::Shock(Shock::InterchangeCap { .. })))
        );
        while !s.is_finished() {
            s.play_turn().unwrap();
        }
        assert_eq!(s.economy().reports().len(), 12);
        assert!(s.play_turn().is_err());
    }

    #[test]
    fn a_human_banker_decides_the_applications_waiting_for_them() {
        use crate::sim::{Borrower, RefusalReason};
        let banker = Seat::RetailBanker(BankId(0));
        let mut s = Session::new(card_fees(), vec![banker], &[], Some(3)).unwrap();
        // Households apply in some month; their applications wait for the banker.
        while s.economy().review().loans.is_empty() {
            s.resume();
            s.commit(banker).unwrap();
        }
        let waiting: Vec<_> = s.economy().review().loans.clone();
        assert!(waiting.iter().all(|a| a.bank == BankId(0)));
        let view = s.view(banker).unwrap();
        let crate::sim::Own::Bank(own) = &view.own else {
            panic!()
        };
        assert_eq!(own.cases.len(), waiting.len());
        for a in &waiting {
            s.set_verdict(a.case, Some(false));
        }
        let report = s.commit(banker).unwrap().unwrap();
        for a in &waiting {
            assert!(report.events.contains(&SimEvent::LoanRefused {
                borrower: a.borrower,
                bank: BankId(0),
                reason: RefusalReason::RefusedByBanker,
            }));
            assert!(matches!(a.borrower, Borrower::Client(_)));
        }
        // What waits now was asked for in the month just played.
        assert!(
            s.economy()
                .review()
                .loans
                .iter()
                .all(|a| a.made == report.turn)
        );
    }

    #[test]
    fn a_log_replays_the_same_books_and_can_stop_at_any_turn() {
        let banker = Seat::BusinessBanker(BankId(1));
        let mut s = Session::new(card_fees(), vec![banker], &[], Some(11)).unwrap();
        for m in 0..12 {
            if let Some(Draft::Business(d)) = s.draft_mut(banker) {
                d.merchant_fees.acquirer_margin = crate::sim::Bp(20 + m);
            }
            if m == 3 {
                s.apply_shock(Shock::PolicyRate(crate::sim::Bp(150)))
                    .unwrap();
            }
            // card_fees stops for discussion at month 7.
            s.resume();
            s.commit(banker).unwrap();
        }
        let log = s.log();
        let text = log.to_json();
        let back = SessionLog::parse(&text).unwrap();
        assert_eq!(back, log);
        let replayed = Session::replay(&back, None).unwrap();
        assert_eq!(
            replayed.economy().ledger().fingerprint(),
            s.economy().ledger().fingerprint()
        );
        assert_eq!(replayed.economy().summary(), s.economy().summary());
        // "Go back to turn 5": the game as it stood after month 5, ready to play month 6.
        let back_to_5 = Session::replay(&back, Some(5)).unwrap();
        assert_eq!(back_to_5.turn(), 6);
        assert_eq!(back_to_5.played().len(), 5);
        // A tampered log is caught at the turn where it differs.
        let mut bad = back.clone();
        bad.turns[7].decisions.business[0]
            .1
            .merchant_fees
            .acquirer_margin = crate::sim::Bp(499);
        let err = Session::replay(&bad, None).err().unwrap().to_string();
        assert!(err.contains("turn 8"), "{err}");
    }

    #[test]
    fn old_newer_and_foreign_files_get_a_clear_message() {
        let s = Session::new(card_fees(), vec![], &[], None).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&s.log().to_json()).unwrap();
        value["version"] = 99.into();
        let err = SessionLog::parse(&value.to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains("newer"), "{err}");
        value["version"] = 0.into();
        assert!(
            SessionLog::parse(&value.to_string())
                .unwrap_err()
                .to_string()
                .contains("old format")
        );
        value["format"] = "something-else".into();
        assert!(
            SessionLog::parse(&value.to_string())
                .unwrap_err()
                .to_string()
                .contains("not a Glass Bank")
        );
        assert!(
            SessionLog::parse("(id: \"x\")")
                .unwrap_err()
                .to_string()
                .contains("not JSON")
        );
    }

    #[test]
    fn bot_strategies_can_be_chosen_per_seat() {
        let s = Session::new(
            card_fees(),
            vec![],
            &[(Seat::RetailBanker(BankId(1)), Strategy::Cautious)],
            None,
        )
        .unwrap();
        assert_eq!(
            s.economy().bank(BankId(1)).unwrap().retail_strategy,
            Strategy::Cautious
        );
        assert!(
            Session::new(card_fees(), vec![Seat::Client(ClientId(99_999))], &[], None).is_err()
        );
    }
}
