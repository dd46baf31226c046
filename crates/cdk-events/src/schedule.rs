//! `events.Schedule` (`schedule.ts`).

use std::time::Duration;

use cdk_core::BuildError;

/// When a scheduled [`Rule`](crate::Rule) runs (`events.Schedule`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    expression: String,
}

impl Schedule {
    /// A schedule expression as is (`Schedule.expression`), such as `rate(1 hour)` or
    /// `cron(0 18 ? * MON-FRI *)`.
    pub fn expression(expression: impl Into<String>) -> Schedule {
        Schedule { expression: expression.into() }
    }

    /// A rate (`Schedule.rate`): whole days, else whole hours, else minutes
    /// (`rate(5 minutes)`, `rate(1 hour)`).
    ///
    /// # Errors
    /// A duration of 0 or one that is not a whole number of minutes.
    // `u64::is_multiple_of` needs Rust 1.87; the workspace's `rust-version` is 1.82.
    #[allow(clippy::manual_is_multiple_of)]
    pub fn rate(duration: Duration) -> Result<Schedule, BuildError> {
        if duration.subsec_nanos() != 0 || duration.as_secs() % 60 != 0 {
            return Err(BuildError::invalid_field(
                "rate",
                format!(
                    "'{} millis' cannot be converted into a whole number of minutes.",
                    duration.as_millis()
                ),
            ));
        }
        let minutes = duration.as_secs() / 60;
        if minutes == 0 {
            return Err(BuildError::invalid_field("rate", "Duration cannot be 0"));
        }
        let rate = |n: u64, unit: &str| {
            if n == 1 {
                format!("rate(1 {unit})")
            } else {
                format!("rate({n} {unit}s)")
            }
        };
        let expression = if minutes % (24 * 60) == 0 {
            rate(minutes / (24 * 60), "day")
        } else if minutes % 60 == 0 {
            rate(minutes / 60, "hour")
        } else {
            rate(minutes, "minute")
        };
        Ok(Schedule { expression })
    }

    /// The expression (`expressionString`).
    pub fn expression_string(&self) -> &str {
        &self.expression
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() -> Result<(), BuildError> {
        let r = |s: u64| Schedule::rate(Duration::from_secs(s)).map(|s| s.expression);
        assert_eq!(r(300)?, "rate(5 minutes)");
        assert_eq!(r(60)?, "rate(1 minute)");
        assert_eq!(r(3600)?, "rate(1 hour)");
        assert_eq!(r(7200)?, "rate(2 hours)");
        assert_eq!(r(86_400)?, "rate(1 day)");
        assert_eq!(r(90_000)?, "rate(25 hours)");
        assert!(r(0).is_err());
        assert!(r(30).is_err());
        Ok(())
    }
}
