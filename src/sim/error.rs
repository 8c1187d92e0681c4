//! Why the simulation refused a configuration or a turn's decisions.
use super::ledger::LedgerError;
use super::money::Overflow;
use std::fmt;

/// An error of the simulation. A refused decision leaves the economy unchanged; an overflow in the
/// middle of a turn stops the economy, which then refuses further turns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// The configuration is inconsistent (the scenario validator reports this with paths first).
    InvalidConfig(String),
    /// A decision names an actor that does not exist, or holds an impossible value.
    InvalidDecision(String),
    /// A decision's number is outside its limit (`limits.rs`): `who` decided it.
    OutOfBounds {
        who: String,
        oob: super::limits::OutOfBounds,
    },
    Ledger(LedgerError),
    Overflow,
    /// An earlier turn failed half-way; the economy cannot go on.
    Stopped,
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimError::InvalidConfig(why) => write!(f, "invalid economy: {why}"),
            SimError::InvalidDecision(why) => write!(f, "invalid decision: {why}"),
            SimError::OutOfBounds { who, oob } => write!(f, "invalid decision: {who}: {oob}"),
            SimError::Ledger(e) => write!(f, "ledger: {e}"),
            SimError::Overflow => f.write_str("an amount of money overflowed"),
            SimError::Stopped => f.write_str("the economy stopped after an earlier error"),
        }
    }
}

impl std::error::Error for SimError {}

impl From<LedgerError> for SimError {
    fn from(e: LedgerError) -> Self {
        SimError::Ledger(e)
    }
}

impl From<Overflow> for SimError {
    fn from(_: Overflow) -> Self {
        SimError::Overflow
    }
}
