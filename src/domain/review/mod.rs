//! A manager's week against the targets (周报): builds the week's metrics, one function per metric (grouped by what they read), in the order of [`MetricKey::ALL`]. Pure: the service reads the store and hands everything in; no I/O, no clock. Adding a metric is one `MetricKey` row and one function here.

mod contacts;
mod customers;
mod key;
mod products;
mod sales;
mod types;
mod week;
mod work;

use chrono::{Datelike, Duration, IsoWeek, NaiveDate, Weekday};

pub use key::{MetricKey, target_name};
pub use types::{
    Basis, DayCompletion, KindSales, Metric, Migration, Reflection, ReviewCustomer, ReviewEntry,
    Unit, WeekReview, listed_on,
};

use super::period::Period;
use super::policy::Policy;
use week::Week;

/// `2026-W47` for the ISO week of `day`.
pub fn week_label(day: NaiveDate) -> String {
    let w: IsoWeek = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The Monday of an ISO week written `2026-W47` (or `2026w47`).
pub fn parse_week(text: &str) -> Option<NaiveDate> {
    let t = text.trim().to_ascii_uppercase();
    let (year, week) = t.split_once('W')?;
    let year: i32 = year.trim_end_matches('-').parse().ok()?;
    let week: u32 = week.parse().ok()?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

/// The Monday of the week holding `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    Period::Week(day).range().0
}

/// The first day of diary history the review of the week starting `monday` reads: the start
/// of the previous week's year (for the year-to-date visit coverage), or the dormancy window
/// before the previous week when that reaches further back.
pub fn entries_since(policy: &Policy, monday: NaiveDate) -> NaiveDate {
    let prev = monday - Duration::days(7);
    let prev_end = prev + Duration::days(6);
    let year_start = NaiveDate::from_ymd_opt(prev_end.year(), 1, 1).unwrap_or(prev);
    let dormant = prev - Duration::days(i64::from(policy.lifecycle.dormant_after_days));
    year_start.min(dormant)
}

/// The week starting `monday` with the week before as `previous`; `today` cuts a running week
/// short (nothing after it is counted, and month-to-date is measured to it).
pub fn review_week(
    policy: &Policy,
    customers: &[ReviewCustomer],
    queue_days: &[DayCompletion],
    monday: NaiveDate,
    today: NaiveDate,
) -> WeekReview {
    let monday = monday_of(monday);
    let this = Week::new(policy, customers, queue_days, monday, today);
    let before = Week::new(
        policy,
        customers,
        queue_days,
        monday - Duration::days(7),
        today,
    );
    let before_metrics = measure_all(&before);
    let mut metrics = measure_all(&this);
    for m in &mut metrics {
        m.previous = before_metrics
            .iter()
            .find(|p| p.key == m.key)
            .and_then(|p| p.actual);
    }
    WeekReview {
        monday,
        end: this.end,
        metrics,
        migrations: customers::migrations(policy, &this.book, monday, this.end),
        sales_by_kind: this.sales,
        referrals_received: 0,
    }
}

/// The week's metrics in display order: [`MetricKey::ALL`], with the penetration of the
/// policy's core products, in the policy's order, where the penetration rows stand.
fn measure_all(w: &Week) -> Vec<Metric> {
    let mut out = Vec::new();
    // The penetration rows of ALL stand for the core products: measured once, at the first.
    let mut core_placed = false;
    for key in MetricKey::ALL {
        match key {
            MetricKey::Penetration(_) if core_placed => {}
            MetricKey::Penetration(_) => {
                core_placed = true;
                let core = w.policy.targets.core_kinds();
                out.extend(core.into_iter().map(|k| products::penetration(w, k)));
            }
            key => out.push(measure(w, key)),
        }
    }
    out
}

/// One metric of the week.
fn measure(w: &Week, key: MetricKey) -> Metric {
    match key {
        MetricKey::NewCustomers => customers::new_customers(w),
        MetricKey::SmsCoverage => contacts::sms_coverage(w),
        MetricKey::ContactCoverageMtd => contacts::contact_coverage_mtd(w),
        MetricKey::VisitCoverageYtd => contacts::visit_coverage_ytd(w),
        MetricKey::SaleCoverageQtd => sales::sale_coverage_qtd(w),
        MetricKey::SalesCount => sales::sales_count(w),
        MetricKey::SalesAmount => sales::sales_amount(w),
        MetricKey::RiskAssessments => contacts::risk_assessments(w),
        MetricKey::RiskAssessmentValidShare => contacts::risk_assessment_valid_share(w),
        MetricKey::VipNetChange => customers::vip_net_change(w),
        MetricKey::OpportunitiesHandled => work::opportunities_handled(w),
        MetricKey::CustomersLost => customers::customers_lost(w),
        MetricKey::AumChange => customers::aum_change(w),
        MetricKey::Penetration(kind) => products::penetration(w, kind),
        MetricKey::ProductCoverage => products::product_coverage(w),
        MetricKey::QueueCompletion => work::queue_completion(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn week_labels_round_trip() {
        assert_eq!(week_label(d(2026, 11, 30)), "2026-W49");
        assert_eq!(parse_week("2026-W49"), Some(d(2026, 11, 30)));
        assert_eq!(parse_week("2026w01"), Some(d(2025, 12, 29)));
        assert_eq!(parse_week("2026-W54"), None);
        assert_eq!(parse_week("week"), None);
    }

    #[test]
    fn an_empty_list_has_counts_but_no_shares() {
        let policy = Policy::default_policy();
        let r = review_week(&policy, &[], &[], d(2026, 11, 30), d(2026, 12, 10));
        let get = |k: MetricKey| r.metrics.iter().find(|m| m.key == k).unwrap();
        assert_eq!(get(MetricKey::NewCustomers).actual, Some(Decimal::ZERO));
        assert_eq!(get(MetricKey::SmsCoverage).actual, None);
        assert_eq!(get(MetricKey::QueueCompletion).actual, None);
        assert_eq!(r.end, d(2026, 12, 6));
    }
}
