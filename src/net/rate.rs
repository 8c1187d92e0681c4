//! How fast one connection may send: a bucket of messages that refills with time (the server
//! gives the time; nothing here reads a clock).

/// At most `burst` messages at once, then `per_second` a second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    burst: f64,
    per_second: f64,
    left: f64,
    /// When `left` was last refilled, in milliseconds from any origin.
    at_ms: u64,
}

impl Rate {
    /// What a player's browser needs: a burst of slider moves, then a steady few a second.
    pub const PLAYER: Rate = Rate::new(40.0, 10.0);

    pub const fn new(burst: f64, per_second: f64) -> Rate {
        Rate {
            burst,
            per_second,
            left: burst,
            at_ms: 0,
        }
    }

    /// Whether one more message may go through at `now_ms`; it uses one if so.
    pub fn allow(&mut self, now_ms: u64) -> bool {
        let elapsed = now_ms.saturating_sub(self.at_ms) as f64 / 1000.0;
        self.left = (self.left + elapsed * self.per_second).min(self.burst);
        self.at_ms = self.at_ms.max(now_ms);
        if self.left >= 1.0 {
            self.left -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_a_steady_pace() {
        let mut r = Rate::new(5.0, 2.0);
        let allowed = (0..8).filter(|_| r.allow(0)).count();
        assert_eq!(allowed, 5, "the burst");
        assert!(!r.allow(400), "0.8 of a message refilled");
        assert!(r.allow(500), "one a half second");
        assert!(!r.allow(500));
        // A long pause refills the burst, no more.
        assert_eq!((0..8).filter(|_| r.allow(60_000)).count(), 5);
        // A clock going backwards refills nothing.
        assert!(!r.allow(1_000));
    }
}
