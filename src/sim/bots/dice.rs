//! A small portable random stream for one seat and one month (SplitMix64), so bots stay
//! deterministic and a human taking one seat does not change the draws of the others.
use crate::sim::decisions::Seat;

pub(super) struct Dice(u64);

impl Dice {
    pub(super) fn new(seed: u64, turn: u16, seat: Seat) -> Dice {
        let (kind, id) = match seat {
            Seat::Client(c) => (1u64, u64::from(c.0)),
            Seat::RetailBanker(b) => (2, u64::from(b.0)),
            Seat::BusinessBanker(b) => (3, u64::from(b.0)),
            Seat::Merchant(m) => (4, u64::from(m.0)),
        };
        let mut dice =
            Dice(seed ^ (u64::from(turn) << 40) ^ (kind << 36) ^ id.wrapping_mul(0x9E37_79B9));
        dice.next();
        dice
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True with a probability of `p` basis points.
    pub(super) fn chance(&mut self, p: i64) -> bool {
        (self.next() % 10_000) < p.clamp(0, 10_000) as u64
    }

    /// A whole number in `lo..=hi`.
    pub(super) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi as i128 - lo as i128 + 1) as u128;
        (lo as i128 + (u128::from(self.next()) % span) as i128) as i64
    }
}
