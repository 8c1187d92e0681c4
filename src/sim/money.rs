//! Money as integer cents and rates as basis points, with checked arithmetic.
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in euro cents. Never a float: every balance is exact.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

/// Arithmetic on money left the range of `i64` cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount of money overflowed")
    }
}

impl std::error::Error for Overflow {}

impl Money {
    pub const ZERO: Money = Money(0);

    /// An amount from a number of cents.
    pub const fn cents(cents: i64) -> Money {
        Money(cents)
    }

    /// An amount from whole euros.
    pub const fn euros(euros: i64) -> Money {
        Money(euros * 100)
    }

    /// The amount in cents.
    pub const fn as_cents(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, Overflow> {
        self.0.checked_add(other.0).map(Money).ok_or(Overflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, Overflow> {
        self.0.checked_sub(other.0).map(Money).ok_or(Overflow)
    }

    pub fn checked_mul(self, factor: i64) -> Result<Money, Overflow> {
        self.0.checked_mul(factor).map(Money).ok_or(Overflow)
    }

    pub fn checked_neg(self) -> Result<Money, Overflow> {
        self.0.checked_neg().map(Money).ok_or(Overflow)
    }

    /// This amount divided into `parts` (rounded towards zero); `parts` must be positive.
    pub fn checked_div(self, parts: i64) -> Result<Money, Overflow> {
        self.0.checked_div(parts).map(Money).ok_or(Overflow)
    }

    /// `self * rate`, rounded half away from zero to the cent.
    pub fn apply(self, rate: Bp) -> Result<Money, Overflow> {
        self.ratio(i64::from(rate.0), 10_000)
    }

    /// `self * rate / 12`: one month of interest at a yearly rate, rounded half away from zero.
    pub fn monthly_interest(self, yearly: Bp) -> Result<Money, Overflow> {
        self.ratio(i64::from(yearly.0), 120_000)
    }

    /// What share of `whole` this amount is, in basis points: a fee weighed against an income.
    /// Zero for an amount that is not positive; `whole` counts as at least one euro.
    pub fn share_of(self, whole: Money) -> i64 {
        if !self.is_positive() {
            return 0;
        }
        i64::try_from(i128::from(self.0) * 10_000 / i128::from(whole.0.max(100)))
            .unwrap_or(i64::MAX)
    }

    /// `self * numerator / denominator`, rounded half away from zero, computed exactly in i128.
    pub fn ratio(self, numerator: i64, denominator: i64) -> Result<Money, Overflow> {
        if denominator == 0 {
            return Err(Overflow);
        }
        // The common case fits in i64, whose division is much cheaper than i128's.
        if let Some(product) = self.0.checked_mul(numerator)
            && let Some(twice) = product
                .checked_abs()
                .and_then(|p| p.checked_add(denominator.abs() / 2))
        {
            let magnitude = twice / denominator.abs();
            let negative = (product < 0) != (denominator < 0);
            return Ok(Money(if negative { -magnitude } else { magnitude }));
        }
        let product = i128::from(self.0) * i128::from(numerator);
        let den = i128::from(denominator);
        let half = den.abs() / 2;
        let magnitude = (product.abs() + half) / den.abs();
        let rounded = if (product < 0) != (den < 0) {
            -magnitude
        } else {
            magnitude
        };
        i64::try_from(rounded).map(Money).map_err(|_| Overflow)
    }

    /// `self + other`, stopping at the ends of the range: for totals shown to people, never for
    /// balances.
    pub const fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// `self - other`, stopping at the ends of the range (for totals shown to people).
    pub const fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }

    /// `-self`, stopping at the end of the range (for totals shown to people).
    pub const fn saturating_neg(self) -> Money {
        Money(self.0.saturating_neg())
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    /// The sum of amounts, or an overflow.
    pub fn sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, Overflow> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |total, m| total.checked_add(m))
    }
}

impl fmt::Display for Money {
    /// `-1234.56 EUR` style without grouping; the game formats for the player's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// A rate in basis points: 1 bp = 0.01%, 10,000 bp = 100%.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Bp(pub i32);

impl Bp {
    pub const ZERO: Bp = Bp(0);
    /// 100%.
    pub const FULL: Bp = Bp(10_000);

    pub fn checked_add(self, other: Bp) -> Option<Bp> {
        self.0.checked_add(other.0).map(Bp)
    }

    /// `self + other`, held at the ends of the range (rates shown, never a panic).
    pub const fn saturating_add(self, other: Bp) -> Bp {
        Bp(self.0.saturating_add(other.0))
    }

    pub const fn saturating_sub(self, other: Bp) -> Bp {
        Bp(self.0.saturating_sub(other.0))
    }

    /// `self * other`, e.g. PD x LGD, rounded half up.
    pub fn of(self, other: Bp) -> Bp {
        let product = i64::from(self.0) * i64::from(other.0);
        Bp(((product + 5_000).div_euclid(10_000)) as i32)
    }
}

impl fmt::Display for Bp {
    /// As a percentage with two decimals: `1.65%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}%", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        assert_eq!(
            Money::cents(i64::MAX).checked_add(Money::cents(1)),
            Err(Overflow)
        );
        assert_eq!(Money::cents(i64::MIN).checked_neg(), Err(Overflow));
        assert_eq!(Money::cents(i64::MAX).apply(Bp(20_000)), Err(Overflow));
    }

    #[test]
    fn rates_round_half_away_from_zero() {
        // 0.2% of 100.00 EUR is 0.20 EUR exactly.
        assert_eq!(Money::euros(100).apply(Bp(20)), Ok(Money::cents(20)));
        // 0.2% of 2.50 EUR = 0.5 cent -> 1 cent; of -2.50 -> -1 cent.
        assert_eq!(Money::cents(250).apply(Bp(20)), Ok(Money::cents(1)));
        assert_eq!(Money::cents(-250).apply(Bp(20)), Ok(Money::cents(-1)));
        // 1,000 EUR at 3% a year is 2.50 EUR a month.
        assert_eq!(
            Money::euros(1000).monthly_interest(Bp(300)),
            Ok(Money::cents(250))
        );
    }

    #[test]
    fn display_is_plain_euros_and_percent() {
        assert_eq!(Money::cents(-123_456).to_string(), "-1234.56");
        assert_eq!(Money::cents(5).to_string(), "0.05");
        assert_eq!(Bp(165).to_string(), "1.65%");
        assert_eq!(Bp(150).of(Bp(4_000)), Bp(60));
    }
}
