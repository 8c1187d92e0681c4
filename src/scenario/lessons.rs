//! A scenario's lessons as checks: a metric, the two variants of the scenario it compares (two
//! layers, or without and with a kind of timeline event) and the direction expected.
use super::Scenario;
use super::build::Scripted;
use super::schema::{EventName, Expect};
use crate::i18n::Message;
use crate::sim::{Metric, Shock, Transparency};

/// A lesson, checked: `metric` should be `expect`ed in the second variant of `compare` than in
/// the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lesson {
    pub metric: Metric,
    pub compare: Compare,
    pub expect: Expect,
}

/// The two variants a lesson compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Compare {
    Layers(Transparency, Transparency),
    /// Without the timeline's events of this kind, then with them.
    Event(EventName),
}

impl EventName {
    pub const ALL: [EventName; 5] = [
        EventName::PolicyRate,
        EventName::InterchangeCap,
        EventName::FeeCap,
        EventName::Recession,
        EventName::FraudWave,
    ];

    /// Whether a shock is of this kind.
    pub fn names(self, shock: &Shock) -> bool {
        matches!(
            (self, shock),
            (EventName::PolicyRate, Shock::PolicyRate(_))
                | (EventName::InterchangeCap, Shock::InterchangeCap { .. })
                | (EventName::FeeCap, Shock::FeeCap { .. })
                | (EventName::Recession, Shock::Recession { .. })
                | (EventName::FraudWave, Shock::FraudWave { .. })
        )
    }

    /// How the scenario format writes it.
    pub fn key(self) -> &'static str {
        match self {
            EventName::PolicyRate => "policy_rate",
            EventName::InterchangeCap => "interchange_cap",
            EventName::FeeCap => "fee_cap",
            EventName::Recession => "recession",
            EventName::FraudWave => "fraud_wave",
        }
    }
}

impl Expect {
    /// Whether `second` lies in the expected direction from `first`.
    pub fn holds(self, first: f64, second: f64) -> bool {
        match self {
            Expect::Lower => second < first,
            Expect::Higher => second > first,
        }
    }
}

impl Compare {
    /// The two variants of the scenario, first and second.
    pub fn variants(self, scenario: &Scenario) -> [Scenario; 2] {
        match self {
            Compare::Layers(a, b) => [scenario.under(a), scenario.under(b)],
            Compare::Event(kind) => [scenario.without(kind), scenario.clone()],
        }
    }
}

impl Scenario {
    /// The same scenario without the timeline's events of one kind: the rest held equal.
    pub fn without(&self, kind: EventName) -> Scenario {
        let mut held = self.clone();
        held.timeline
            .retain(|e| !matches!(&e.what, Scripted::Shock(s) if kind.names(s)));
        held
    }

    /// What the scenario says it teaches.
    pub fn lessons(&self) -> &[Lesson] {
        &self.lessons
    }
}

/// A metric in words, naming its bank by name.
pub fn metric_label(metric: Metric, scenario: &Scenario) -> Message {
    let id = match metric {
        Metric::HouseholdsFeesPaid => "metric-households-fees-paid",
        Metric::HouseholdsSurpriseFees => "metric-households-surprise-fees",
        Metric::HouseholdsInterest => "metric-households-interest",
        Metric::HouseholdsSavingsYield => "metric-households-savings-yield",
        Metric::HouseholdsSwitched => "metric-households-switched",
        Metric::HouseholdsComplaints => "metric-households-complaints",
        Metric::HouseholdsTrust => "metric-households-trust",
        Metric::MerchantsCardFees => "metric-merchants-card-fees",
        Metric::MerchantsSwitched => "metric-merchants-switched",
        Metric::MerchantsAcceptingCards => "metric-merchants-accepting-cards",
        Metric::MerchantsNetIncome => "metric-merchants-net-income",
        Metric::BanksFeeIncome => "metric-banks-fee-income",
        Metric::BankClients(_) => "metric-bank-clients",
        Metric::BankMerchants(_) => "metric-bank-merchants",
        Metric::BankProfit(_) => "metric-bank-profit",
        Metric::BankFeeIncome(_) => "metric-bank-fee-income",
        Metric::BankNim(_) => "metric-bank-nim",
        Metric::BankIrregularFee(_) => "metric-bank-irregular-fee",
        Metric::BankSmallPrintIncome(_) => "metric-bank-small-print-income",
    };
    let message = Message::new(id);
    match metric.bank() {
        Some(b) => {
            // The file's banks, in the order of their ids: no copy of the whole town.
            let name = scenario
                .file
                .banks
                .get(b.index())
                .map_or_else(String::new, |b| b.name.clone());
            message.with("bank", name)
        }
        None => message,
    }
}

/// One variant of a comparison in words: a layer, or without or with an event.
pub fn variant_label(compare: Compare, side: usize) -> Message {
    match compare {
        Compare::Layers(a, b) => {
            Message::new(crate::i18n::layer_key(if side == 0 { a } else { b }))
        }
        Compare::Event(kind) => Message::new(if side == 0 {
            "lesson-without"
        } else {
            "lesson-with"
        })
        .with("event", Message::new(event_key(kind))),
    }
}

fn event_key(kind: EventName) -> &'static str {
    match kind {
        EventName::PolicyRate => "lesson-event-policy-rate",
        EventName::InterchangeCap => "lesson-event-interchange-cap",
        EventName::FeeCap => "lesson-event-fee-cap",
        EventName::Recession => "lesson-event-recession",
        EventName::FraudWave => "lesson-event-fraud-wave",
    }
}
