//! A scenario's lessons as checks: a metric, the two variants of the scenario it compares (two
//! layers, or without and with a kind of timeline event) and the direction expected.
use super::Scenario;
use super::build::Scripted;
use super::schema::{EventName, Expect};
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
