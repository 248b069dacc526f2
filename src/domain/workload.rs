//! Daily capacity and spreading (工作量均衡): which days are working days (weekdays, holidays, make-up working days), how many remain in a period, and each day's fair share of the monthly contacts and yearly visits still owed. Pure; the policy's `[workload]`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use super::cadence::Obligation;
use super::policy::PolicyProblem;
use super::urgency::ReasonCode;

/// The `[workload]` section.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadPolicy {
    /// Customers a manager can contact for spread obligations in one working day.
    pub daily_capacity: u32,
    /// Working weekdays: `mon` … `sun`.
    pub working_days: Vec<String>,
    /// Days off that would otherwise be working days (`2026-10-01`).
    #[serde(default)]
    pub holidays: Vec<String>,
    /// Weekend days worked in exchange for a holiday (调休).
    #[serde(default)]
    pub make_up_days: Vec<String>,
    /// Obligations spread over the working days left in their period (the others are shown
    /// in full as soon as they fall due).
    pub spread: Vec<String>,
    /// Signals that are not pressing on any one day, spread over the working days left in the
    /// month like the obligations (reason codes: `risk_assessment`, `upgrade`, …).
    #[serde(default)]
    pub spread_signals: Vec<String>,
}

/// `[workload]` read and checked: the form the queue uses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Calendar {
    pub daily_capacity: usize,
    weekdays: [bool; 7],
    holidays: Vec<NaiveDate>,
    make_up_days: Vec<NaiveDate>,
    spread: Vec<Obligation>,
    spread_signals: Vec<ReasonCode>,
}

fn weekday_of(key: &str) -> Option<Weekday> {
    Some(match key.trim() {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn dates(key: &str, texts: &[String]) -> Result<Vec<NaiveDate>, (String, PolicyProblem)> {
    let mut out = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                .map_err(|_| (format!("workload.{key}[{i}]"), PolicyProblem::BadDate))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.sort();
    Ok(out)
}

impl WorkloadPolicy {
    /// Checks every value; the error names the key (`workload.holidays[2]`).
    pub fn calendar(&self) -> Result<Calendar, (String, PolicyProblem)> {
        let mut weekdays = [false; 7];
        for (i, d) in self.working_days.iter().enumerate() {
            let day = weekday_of(d).ok_or_else(|| {
                (
                    format!("workload.working_days[{i}]"),
                    PolicyProblem::BadWeekday,
                )
            })?;
            weekdays[day.num_days_from_monday() as usize] = true;
        }
        let spread = self
            .spread
            .iter()
            .enumerate()
            .map(|(i, k)| {
                Obligation::ALL
                    .iter()
                    .copied()
                    .find(|o| o.key() == k.trim())
                    .ok_or_else(|| {
                        (
                            format!("workload.spread[{i}]"),
                            PolicyProblem::UnknownObligation,
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let spread_signals = self
            .spread_signals
            .iter()
            .enumerate()
            .map(|(i, k)| {
                ReasonCode::from_key(k.trim())
                    .filter(|c| c.is_signal())
                    .ok_or_else(|| {
                        (
                            format!("workload.spread_signals[{i}]"),
                            PolicyProblem::UnknownSignal,
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Calendar {
            spread_signals,
            daily_capacity: self.daily_capacity as usize,
            weekdays,
            holidays: dates("holidays", &self.holidays)?,
            make_up_days: dates("make_up_days", &self.make_up_days)?,
            spread,
        })
    }
}

impl Calendar {
    /// True on a working day: a working weekday that is not a holiday, or a make-up day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.make_up_days.binary_search(&day).is_ok() {
            return true;
        }
        self.weekdays[day.weekday().num_days_from_monday() as usize]
            && self.holidays.binary_search(&day).is_err()
    }

    /// Working days from `from` to `to`, both included (0 when `to` is before `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> usize {
        let mut n = 0;
        let mut d = from;
        while d <= to {
            n += usize::from(self.is_working_day(d));
            d += Duration::days(1);
        }
        n
    }

    /// True when the obligation is spread over its period rather than shown in full.
    pub fn spreads(&self, obligation: Obligation) -> bool {
        self.spread.contains(&obligation)
    }

    /// True when the signal waits its turn in the spread rather than showing at once.
    pub fn spreads_signal(&self, code: ReasonCode) -> bool {
        self.spread_signals.contains(&code)
    }

    /// The next working day after `day` (for "snooze to tomorrow"); `day + 1` if none is
    /// found within a year, so a calendar without working days cannot loop.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        (1..=366)
            .map(|n| day + Duration::days(n))
            .find(|d| self.is_working_day(*d))
            .unwrap_or(day + Duration::days(1))
    }
}

/// A day's plan for the spread obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayPlan {
    /// Working days left in the period, today included when it is one.
    pub remaining_days: usize,
    /// Customers to contact today for this obligation: the fair share of those still owed,
    /// before the daily capacity is applied.
    pub share: usize,
    /// How many the manager is behind an even pace since the period began.
    pub behind: usize,
}

/// Today's fair share of an obligation still owed to `owed` customers (at the start of the
/// day), with `met` customers already seen earlier in the period `window`. On a day off the
/// share is 0: the work waits for the next working day. Behind is measured against an even
/// pace over the period's working days: after `k` of `n` days, `k/n` of all that were owed
/// should have been met.
pub fn day_plan(
    calendar: &Calendar,
    window: (NaiveDate, NaiveDate),
    today: NaiveDate,
    owed: usize,
    met: usize,
) -> DayPlan {
    let remaining_days = calendar.working_days_between(today, window.1);
    let share = if calendar.is_working_day(today) && remaining_days > 0 {
        owed.div_ceil(remaining_days)
    } else {
        0
    };
    let total_days = calendar.working_days_between(window.0, window.1);
    let elapsed = total_days.saturating_sub(remaining_days);
    // Integer arithmetic: the expected count is floored, so an even pace is never "behind".
    let behind = ((owed + met) * elapsed)
        .checked_div(total_days)
        .unwrap_or(0)
        .saturating_sub(met);
    DayPlan {
        remaining_days,
        share,
        behind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::Policy;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_default_calendar_works_monday_to_friday() {
        let c = Policy::default_policy().calendar;
        assert!(c.is_working_day(d(11, 23))); // Monday
        assert!(!c.is_working_day(d(11, 22))); // Sunday
        assert_eq!(c.working_days_between(d(11, 1), d(11, 30)), 21);
        assert!(c.spreads(Obligation::Contact));
        assert!(!c.spreads(Obligation::Sms));
    }

    #[test]
    fn bad_values_are_named() {
        let e =
            Policy::from_toml(&["[workload]\nworking_days = [\"mon\", \"funday\"]\n"]).unwrap_err();
        assert_eq!(e.key, "workload.working_days[1]");
        let e = Policy::from_toml(&["[workload]\nholidays = [\"2026-13-01\"]\n"]).unwrap_err();
        assert_eq!(e.key, "workload.holidays[0]");
        let e = Policy::from_toml(&["[workload]\nspread = [\"lunch\"]\n"]).unwrap_err();
        assert_eq!(e.key, "workload.spread[0]");
        let e =
            Policy::from_toml(&["[workload]\nspread_signals = [\"contact_due\"]\n"]).unwrap_err();
        assert_eq!(e.key, "workload.spread_signals[0]");
    }
}
