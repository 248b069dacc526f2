//! The metrics of reaching the list, from the diary: SMS, contact and visit coverage by the cadence rules, and risk assessments. One function per metric; no other metric here.

use chrono::{Datelike, Months, NaiveDate};

use super::week::{Week, rule_of, share};
use super::{Basis, Metric, MetricKey};
use crate::domain::cadence::Obligation;
use crate::domain::diary::EntryKind;
use crate::domain::period::Period;

pub(super) fn sms_coverage(w: &Week) -> Metric {
    let sms = rule_of(w.policy, Obligation::Sms);
    let done = w.count_where(|c| w.covered(sms.as_ref(), w.monday, c));
    w.share_metric(MetricKey::SmsCoverage, Basis::Week, done, w.n())
}

pub(super) fn contact_coverage_mtd(w: &Week) -> Metric {
    let (month_start, month_end) = Period::Month(w.end).range();
    let contact = rule_of(w.policy, Obligation::Contact);
    let contacted = w.count_where(|c| w.covered(contact.as_ref(), month_start, c));
    let mut m = w.share_metric(
        MetricKey::ContactCoverageMtd,
        Basis::MonthToDate,
        contacted,
        w.n(),
    );
    // Where the share should be by now at an even pace over the month's working days.
    let calendar = &w.policy.calendar;
    m.expected = share(
        calendar.working_days_between(month_start, w.end),
        calendar.working_days_between(month_start, month_end),
    );
    m
}

pub(super) fn visit_coverage_ytd(w: &Week) -> Metric {
    let year_start = NaiveDate::from_ymd_opt(w.end.year(), 1, 1).unwrap_or(w.monday);
    let visit = rule_of(w.policy, Obligation::Visit);
    let visited = w.count_where(|c| w.covered(visit.as_ref(), year_start, c));
    w.share_metric(
        MetricKey::VisitCoverageYtd,
        Basis::YearToDate,
        visited,
        w.n(),
    )
}

pub(super) fn risk_assessments(w: &Week) -> Metric {
    let assessments: usize = w
        .book
        .iter()
        .map(|c| {
            super::week::entries_in(c, w.monday, w.end)
                .filter(|e| e.kind == EntryKind::RiskAssessment)
                .count()
        })
        .sum();
    w.metric(
        MetricKey::RiskAssessments,
        Basis::Week,
        Some(assessments.into()),
        None,
    )
}

/// Customers whose last assessment (logged or imported) is still valid at the week's end.
pub(super) fn risk_assessment_valid_share(w: &Week) -> Metric {
    let valid_months = Months::new(w.policy.signals.risk_assessment_valid_months);
    let end = w.end;
    let valid = w.count_where(|c| {
        let logged = c
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::RiskAssessment && e.at.date() <= end)
            .map(|e| e.at.date())
            .max();
        let imported = c.risk_assessed_on.filter(|d| *d <= end);
        logged
            .max(imported)
            .and_then(|d| d.checked_add_months(valid_months))
            .is_some_and(|expires| expires > end)
    });
    w.share_metric(
        MetricKey::RiskAssessmentValidShare,
        Basis::WeekEnd,
        valid,
        w.n(),
    )
}
