//! Countdowns on the monotonic clock. Time is read from `Instant`s passed in, never
//! counted in ticks, so a slow frame or a resize cannot make a timer wrong, and tests
//! drive it with any clock they like.

use std::time::{Duration, Instant};

/// A stopwatch with an optional limit, which can be paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    started: Instant,
    paused_at: Option<Instant>,
    paused_total: Duration,
    pub limit: Option<Duration>,
}

impl Timer {
    pub fn start(now: Instant, limit: Option<Duration>) -> Timer {
        Timer {
            started: now,
            paused_at: None,
            paused_total: Duration::ZERO,
            limit,
        }
    }

    /// Running time, pauses excluded.
    pub fn elapsed(&self, now: Instant) -> Duration {
        let end = self.paused_at.unwrap_or(now);
        end.saturating_duration_since(self.started)
            .saturating_sub(self.paused_total)
    }

    /// Time left before the limit, if there is one.
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        self.limit.map(|l| l.saturating_sub(self.elapsed(now)))
    }

    pub fn expired(&self, now: Instant) -> bool {
        self.remaining(now).is_some_and(|r| r.is_zero())
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    pub fn pause(&mut self, now: Instant) {
        if self.paused_at.is_none() {
            self.paused_at = Some(now);
        }
    }

    pub fn resume(&mut self, now: Instant) {
        if let Some(at) = self.paused_at.take() {
            self.paused_total += now.saturating_duration_since(at);
        }
    }

    /// How long until the display changes: the next whole second of the countdown.
    pub fn until_next_second(&self, now: Instant) -> Duration {
        let nanos = self.elapsed(now).subsec_nanos();
        Duration::from_nanos(u64::from(1_000_000_000 - nanos)).max(Duration::from_millis(20))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_and_expires() {
        let t0 = Instant::now();
        let timer = Timer::start(t0, Some(Duration::from_secs(3)));
        assert_eq!(
            timer.remaining(t0 + Duration::from_secs(1)),
            Some(Duration::from_secs(2))
        );
        assert!(!timer.expired(t0 + Duration::from_millis(2999)));
        assert!(timer.expired(t0 + Duration::from_secs(3)));
        assert_eq!(
            timer.remaining(t0 + Duration::from_secs(10)),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn pauses_do_not_count() {
        let t0 = Instant::now();
        let mut timer = Timer::start(t0, Some(Duration::from_secs(10)));
        timer.pause(t0 + Duration::from_secs(2));
        assert_eq!(
            timer.elapsed(t0 + Duration::from_secs(100)),
            Duration::from_secs(2)
        );
        timer.resume(t0 + Duration::from_secs(100));
        assert_eq!(
            timer.elapsed(t0 + Duration::from_secs(101)),
            Duration::from_secs(3)
        );
        assert!(!timer.expired(t0 + Duration::from_secs(107)));
        assert!(timer.expired(t0 + Duration::from_secs(108)));
    }
}
