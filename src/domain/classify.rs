//! Classification rules: AUM on the policy's basis, tier, age and preference segments, lifecycle stage. Pure functions of the customer, their snapshots and an explicit `today`.

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::customer::{Customer, Preference, Snapshot, age_on};
use super::policy::{AumBasis, Policy};

/// The age axis of the segments (青年/中老年).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeSegment {
    Young,
    Senior,
}

impl AgeSegment {
    /// `young` or `senior`.
    pub fn key(self) -> &'static str {
        match self {
            AgeSegment::Young => "young",
            AgeSegment::Senior => "senior",
        }
    }
}

/// Lifecycle stage (客户生命周期).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Prospect,
    New,
    Established,
    Loyal,
    Dormant,
}

impl Lifecycle {
    /// Every stage in display order.
    pub const ALL: [Lifecycle; 5] = [
        Lifecycle::Prospect,
        Lifecycle::New,
        Lifecycle::Established,
        Lifecycle::Loyal,
        Lifecycle::Dormant,
    ];

    /// The stable key, as exported.
    pub fn key(self) -> &'static str {
        match self {
            Lifecycle::Prospect => "prospect",
            Lifecycle::New => "new",
            Lifecycle::Established => "established",
            Lifecycle::Loyal => "loyal",
            Lifecycle::Dormant => "dormant",
        }
    }
}

/// What the diary knows about a customer's activity; empty until contacts are logged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Activity {
    pub last_contact_on: Option<NaiveDate>,
    pub sales_count: u32,
}

/// Everything the rules derive about one customer on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// AUM on the policy's basis.
    pub aum: Decimal,
    /// Index into `policy.tiers`.
    pub tier: usize,
    pub age: AgeSegment,
    pub preference: Preference,
    /// True when the preference is the manager's override rather than computed.
    pub preference_overridden: bool,
    pub lifecycle: Lifecycle,
}

/// Classifies a customer. `snapshots` may be in any order; those after `today` are ignored.
pub fn classify(
    policy: &Policy,
    customer: &Customer,
    snapshots: &[Snapshot],
    activity: Activity,
    today: NaiveDate,
) -> Classification {
    let mut snaps: Vec<Snapshot> = snapshots
        .iter()
        .filter(|s| s.as_of <= today)
        .copied()
        .collect();
    snaps.sort_by_key(|s| s.as_of);
    let aum = match policy.aum.basis {
        AumBasis::Current => snaps.last().map(|s| s.balances.aum()).unwrap_or_default(),
        AumBasis::DailyAverage365 => daily_average_aum(&snaps, today),
    };
    let computed = snaps
        .last()
        .map(|s| preference_of(policy, s.balances.investment(), s.balances.aum()))
        .unwrap_or(Preference::Savings);
    Classification {
        aum,
        tier: tier_of(policy, aum),
        age: age_segment(policy, customer, today),
        preference: customer.preference_override.unwrap_or(computed),
        preference_overridden: customer.preference_override.is_some_and(|p| p != computed),
        lifecycle: lifecycle_of(policy, customer, &snaps, activity, today),
    }
}

/// The tier an AUM falls in: the last tier whose inclusive lower bound it reaches.
pub fn tier_of(policy: &Policy, aum: Decimal) -> usize {
    policy.tiers.iter().rposition(|t| aum >= t.min).unwrap_or(0)
}

/// How much more AUM reaches the next tier, or `None` at the top tier.
pub fn distance_to_next_tier(policy: &Policy, aum: Decimal) -> Option<(usize, Decimal)> {
    let next = tier_of(policy, aum) + 1;
    policy.tiers.get(next).map(|t| (next, t.min - aum))
}

/// Young below the policy's age; unknown age falls back to the policy's `unknown_age`.
pub fn age_segment(policy: &Policy, customer: &Customer, today: NaiveDate) -> AgeSegment {
    match customer.effective_birth_date() {
        Some(birth) if age_on(birth, today) < policy.segments.young_below_age as i32 => {
            AgeSegment::Young
        }
        Some(_) => AgeSegment::Senior,
        None if policy.segments.unknown_age == "young" => AgeSegment::Young,
        None => AgeSegment::Senior,
    }
}

/// Investment when investment assets are at least the policy's share of AUM.
pub fn preference_of(policy: &Policy, investment: Decimal, aum: Decimal) -> Preference {
    if aum > Decimal::ZERO && investment >= aum * policy.segments.investment_share {
        Preference::Investment
    } else {
        Preference::Savings
    }
}

/// Time-weighted average AUM over the 365 days ending `today` (inclusive).
///
/// Each snapshot's balances hold from its date until the day before the next snapshot, the
/// last until `today`. Days before the first snapshot are unknown, not zero, so they are left
/// out of the average rather than counted as an empty account. `snaps` must be sorted.
pub fn daily_average_aum(snaps: &[Snapshot], today: NaiveDate) -> Decimal {
    let window_start = today - Duration::days(364);
    let mut weighted = Decimal::ZERO;
    let mut days_total: i64 = 0;
    for (i, snap) in snaps.iter().enumerate() {
        let end_exclusive = snaps
            .get(i + 1)
            .map(|n| n.as_of)
            .unwrap_or(today + Duration::days(1));
        let start = snap.as_of.max(window_start);
        let end = end_exclusive.min(today + Duration::days(1));
        let days = (end - start).num_days();
        if days > 0 {
            weighted += snap.balances.aum() * Decimal::from(days);
            days_total += days;
        }
    }
    if days_total == 0 {
        return Decimal::ZERO;
    }
    (weighted / Decimal::from(days_total))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The lifecycle stage. Dormant wins over the others: it is the one that asks for action.
///
/// - prospect: no first trade yet;
/// - new: first trade less than `new_within_days` ago;
/// - loyal: all three of at least `loyal_min_sales` sales in the diary, at least
///   `loyal_min_years` years since the first trade, and steady assets (`is_steady`);
/// - established: everyone else who has traded.
pub fn lifecycle_of(
    policy: &Policy,
    customer: &Customer,
    snaps: &[Snapshot],
    activity: Activity,
    today: NaiveDate,
) -> Lifecycle {
    let rules = &policy.lifecycle;
    let Some(first_trade) = customer.first_trade_on else {
        return Lifecycle::Prospect;
    };
    if is_dormant(
        rules.dormant_after_days,
        first_trade,
        snaps,
        activity,
        today,
    ) {
        return Lifecycle::Dormant;
    }
    let days_since_first = (today - first_trade).num_days();
    if days_since_first < rules.new_within_days as i64 {
        return Lifecycle::New;
    }
    let long_standing = first_trade
        .checked_add_months(chrono::Months::new(12 * rules.loyal_min_years))
        .is_some_and(|d| d <= today);
    if activity.sales_count >= rules.loyal_min_sales
        && long_standing
        && is_steady(rules.steady_max_drop, snaps, today)
    {
        return Lifecycle::Loyal;
    }
    Lifecycle::Established
}

/// No contact and no balance change for the policy's number of days, shown by the snapshots.
fn is_dormant(
    after_days: u32,
    first_trade: NaiveDate,
    snaps: &[Snapshot],
    activity: Activity,
    today: NaiveDate,
) -> bool {
    // The last date something moved: the last snapshot whose balances differ from the one
    // before it. Without a change, the earliest snapshot is as far back as we can vouch for:
    // balances come monthly, and a snapshot's balance stands for its month, so from the first
    // day of that month (six month-end snapshots then cover the 180 days of the default).
    let Some(first_snap) = snaps.first() else {
        return false;
    };
    let last_change = snaps
        .windows(2)
        .rev()
        .find(|w| w[0].balances != w[1].balances)
        .map(|w| w[1].as_of)
        .unwrap_or_else(|| first_snap.as_of.with_day(1).unwrap_or(first_snap.as_of));
    let last_activity = [
        Some(last_change),
        Some(first_trade),
        activity.last_contact_on,
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(last_change);
    (today - last_activity).num_days() >= after_days as i64
}

/// AUM now is not more than `max_drop` below the AUM at the start of the last 365 days.
fn is_steady(max_drop: Decimal, snaps: &[Snapshot], today: NaiveDate) -> bool {
    let year_ago = today - Duration::days(365);
    let Some(now) = snaps.last() else {
        return false;
    };
    let then = snaps
        .iter()
        .rev()
        .find(|s| s.as_of <= year_ago)
        .or_else(|| snaps.first())
        .map(|s| s.balances.aum())
        .unwrap_or_default();
    now.balances.aum() >= then * (Decimal::ONE - max_drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::Balances;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn snap(as_of: NaiveDate, deposits: Decimal, funds: Decimal) -> Snapshot {
        Snapshot {
            as_of,
            balances: Balances {
                deposits,
                funds,
                ..Balances::default()
            },
        }
    }

    #[test]
    fn tier_boundaries_are_inclusive_at_the_lower_end() {
        let p = Policy::default_policy();
        let cases = [
            (dec!(0), "mass"),
            (dec!(49999.99), "mass"),
            (dec!(50000), "potential"),
            (dec!(499999.99), "potential"),
            (dec!(500000), "quality"),
            (dec!(2999999.99), "quality"),
            (dec!(3000000), "high"),
            (dec!(80000000), "high"),
        ];
        for (aum, key) in cases {
            assert_eq!(p.tiers[tier_of(&p, aum)].key, key, "aum {aum}");
        }
    }

    #[test]
    fn distance_to_next_tier() {
        let p = Policy::default_policy();
        assert_eq!(
            super::distance_to_next_tier(&p, dec!(450000)),
            Some((2, dec!(50000)))
        );
        assert_eq!(super::distance_to_next_tier(&p, dec!(3000000)), None);
    }

    #[test]
    fn age_segment_boundary_at_forty() {
        let p = Policy::default_policy();
        let today = d(2026, 11, 24);
        let cases = [
            (Some(d(1986, 11, 25)), AgeSegment::Young), // 39 until tomorrow
            (Some(d(1986, 11, 24)), AgeSegment::Senior), // 40 today
            (Some(d(2000, 1, 1)), AgeSegment::Young),
            (None, AgeSegment::Senior),
        ];
        for (birth, want) in cases {
            let c = Customer {
                birth_date: birth,
                ..Customer::default()
            };
            assert_eq!(age_segment(&p, &c, today), want, "{birth:?}");
        }
    }

    #[test]
    fn preference_boundary_at_thirty_percent() {
        let p = Policy::default_policy();
        let cases = [
            (dec!(30), dec!(100), Preference::Investment),
            (dec!(29.99), dec!(100), Preference::Savings),
            (dec!(100), dec!(100), Preference::Investment),
            (dec!(0), dec!(0), Preference::Savings),
        ];
        for (inv, aum, want) in cases {
            assert_eq!(preference_of(&p, inv, aum), want, "{inv}/{aum}");
        }
    }

    #[test]
    fn override_wins_and_is_flagged() {
        let p = Policy::default_policy();
        let today = d(2026, 11, 24);
        let c = Customer {
            preference_override: Some(Preference::Investment),
            ..Customer::default()
        };
        let s = [snap(today, dec!(100000), dec!(0))];
        let k = classify(&p, &c, &s, Activity::default(), today);
        assert_eq!(k.preference, Preference::Investment);
        assert!(k.preference_overridden);
    }

    #[test]
    fn daily_average_is_time_weighted() {
        // Window 2026-01-01..=2026-12-31 (365 days): 182 days at 100,000 (Jan 1 – Jul 1),
        // 183 days at 300,000 (Jul 2 – Dec 31): (18,200,000 + 54,900,000) / 365 = 200,273.97.
        let today = d(2026, 12, 31);
        let s = [
            snap(d(2026, 1, 1), dec!(100000), dec!(0)),
            snap(d(2026, 7, 2), dec!(300000), dec!(0)),
        ];
        assert_eq!(daily_average_aum(&s, today), dec!(200273.97));
    }

    #[test]
    fn daily_average_clips_to_the_window_and_skips_unknown_days() {
        let today = d(2026, 12, 31);
        // A snapshot from 2025 holds into the window until the next one: 2026-01-01..=06-30
        // is 181 days at 200,000, then 184 days at 0 → 36,200,000 / 365 = 99,178.08.
        let s = [
            snap(d(2025, 6, 1), dec!(200000), dec!(0)),
            snap(d(2026, 7, 1), dec!(0), dec!(0)),
        ];
        assert_eq!(daily_average_aum(&s, today), dec!(99178.08));
        // Only ten days known: the average is over those ten days.
        let s = [snap(d(2026, 12, 22), dec!(70000), dec!(0))];
        assert_eq!(daily_average_aum(&s, today), dec!(70000));
        assert_eq!(daily_average_aum(&[], today), dec!(0));
    }

    #[test]
    fn daily_average_basis_changes_the_tier() {
        let p = Policy::from_toml(&["[aum]\nbasis = \"daily_average_365\"\n"]).unwrap();
        let today = d(2026, 12, 31);
        let s = [
            snap(d(2026, 1, 1), dec!(10000), dec!(0)),
            snap(d(2026, 12, 1), dec!(600000), dec!(0)),
        ];
        let k = classify(&p, &Customer::default(), &s, Activity::default(), today);
        // 334 days × 10,000 + 31 days × 600,000 = 21,940,000 / 365 = 60,109.59: potential, not quality.
        assert_eq!(k.aum, dec!(60109.59));
        assert_eq!(p.tiers[k.tier].key, "potential");
    }

    #[test]
    fn lifecycle_stages() {
        use Lifecycle::{Dormant, Established, Loyal, New, Prospect};
        let p = Policy::default_policy();
        let today = d(2026, 11, 24);
        let moving = [
            snap(d(2026, 10, 31), dec!(100000), dec!(0)),
            snap(d(2026, 11, 20), dec!(120000), dec!(0)),
        ];
        let still = [
            snap(d(2026, 3, 31), dec!(100000), dec!(0)),
            snap(d(2026, 10, 31), dec!(100000), dec!(0)),
        ];
        // Down 30% over the year, the last change this month: not dormant, not steady.
        let fell = [
            snap(d(2025, 11, 1), dec!(100000), dec!(0)),
            snap(d(2026, 11, 1), dec!(70000), dec!(0)),
        ];
        // Six unchanged month-ends, May to October: the May balance stands for all of May,
        // so nothing moved since 1 May (207 days), though the first snapshot is 177 days old.
        let six_still: Vec<Snapshot> = [(5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31)]
            .iter()
            .map(|(m, day)| snap(d(2026, *m, *day), dec!(100000), dec!(0)))
            .collect();
        // Unchanged since September: 85 days at most, not dormant.
        let two_still = &six_still[4..];
        let none = Activity::default();
        let sales = |n: u32| Activity {
            sales_count: n,
            ..none
        };
        let contact = |on: NaiveDate, n: u32| Activity {
            last_contact_on: Some(on),
            sales_count: n,
        };
        let check = |name: &str, first: Option<NaiveDate>, snaps: &[Snapshot], a, want| {
            let c = Customer {
                first_trade_on: first,
                ..Customer::default()
            };
            assert_eq!(lifecycle_of(&p, &c, snaps, a, today), want, "{name}");
        };
        let (four_years, three_years) = (Some(d(2022, 11, 24)), Some(d(2023, 11, 24)));
        check("no trade", None, &moving, none, Prospect);
        check("89 days", Some(d(2026, 8, 27)), &moving, none, New);
        check("90 days", Some(d(2026, 8, 26)), &moving, none, Established);
        check(
            "ten sales in 89 days",
            Some(d(2026, 8, 27)),
            &moving,
            sales(10),
            New,
        );
        let one_year = Some(d(2025, 11, 24));
        check(
            "ten sales but one year",
            one_year,
            &moving,
            sales(10),
            Established,
        );
        check(
            "four years steady but 2 sales",
            four_years,
            &moving,
            sales(2),
            Established,
        );
        check(
            "three years steady, no sales",
            three_years,
            &moving,
            none,
            Established,
        );
        check(
            "ten sales, four years, steady",
            four_years,
            &moving,
            sales(10),
            Loyal,
        );
        check(
            "nine sales, four years, steady",
            four_years,
            &moving,
            sales(9),
            Established,
        );
        check(
            "ten sales, three years to the day",
            three_years,
            &moving,
            sales(10),
            Loyal,
        );
        let short = Some(d(2023, 11, 25));
        check(
            "ten sales, a day short of three years",
            short,
            &moving,
            sales(10),
            Established,
        );
        check(
            "ten sales, four years, fell 30%",
            four_years,
            &fell,
            sales(10),
            Established,
        );
        let quiet_since_march = contact(d(2026, 3, 2), 10);
        check(
            "dormant beats loyal",
            four_years,
            &still,
            quiet_since_march,
            Dormant,
        );
        let long_ago = Some(d(2020, 1, 1));
        check(
            "unchanged since 03-31, no contact",
            long_ago,
            &still,
            none,
            Dormant,
        );
        let june = contact(d(2026, 6, 1), 10);
        check(
            "unchanged, a contact in June",
            long_ago,
            &still,
            june,
            Loyal,
        );
        check(
            "six unchanged month-ends",
            long_ago,
            &six_still,
            none,
            Dormant,
        );
        check(
            "two unchanged month-ends",
            long_ago,
            two_still,
            none,
            Established,
        );
    }

    #[test]
    fn a_falling_balance_is_not_steady() {
        let p = Policy::default_policy();
        let today = d(2026, 11, 24);
        let c = Customer {
            first_trade_on: Some(d(2015, 1, 1)),
            ..Customer::default()
        };
        let ten = Activity {
            sales_count: 10,
            ..Activity::default()
        };
        let falling = |now: Decimal| {
            [
                snap(d(2025, 11, 1), dec!(100000), dec!(0)),
                snap(d(2026, 11, 1), now, dec!(0)),
            ]
        };
        // Down by more than `steady_max_drop` (20%): not steady; down by exactly that: steady.
        assert_eq!(
            lifecycle_of(&p, &c, &falling(dec!(79999)), ten, today),
            Lifecycle::Established
        );
        assert_eq!(
            lifecycle_of(&p, &c, &falling(dec!(80000)), ten, today),
            Lifecycle::Loyal
        );
    }
}
