//! What answers each reason of the daily queue, as a table over every reason code × every diary kind × every outcome under the default policy; and the overdue rule: a yearly visit is not overdue on 2 December, last year's missed period is.

use chrono::NaiveDate;
use guanhu::domain::cadence::{CadencePeriod, Obligation};
use guanhu::domain::diary::{EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::domain::queue::Reason;
use guanhu::domain::urgency::ReasonCode;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Every kind with no outcome and with each outcome, written `kind` or `kind:outcome`.
fn touches() -> Vec<(EntryKind, Option<Outcome>, String)> {
    let mut all = Vec::new();
    for kind in EntryKind::ALL {
        all.push((kind, None, kind.key().to_string()));
        for o in Outcome::ALL {
            all.push((kind, Some(o), format!("{}:{}", kind.key(), o.key())));
        }
    }
    all
}

/// The default policy's answers, written out: what a reviewer checks against the bank's rules.
const ANSWERS: &[(ReasonCode, &[&str])] = &[
    (
        ReasonCode::Callback,
        &["call:reached", "wechat:reached", "visit", "visit:*"],
    ),
    (
        ReasonCode::Maturity,
        &[
            "call:reached",
            "wechat:reached",
            "visit",
            "visit:*",
            "sale",
            "sale:*",
        ],
    ),
    (
        ReasonCode::LargeOutflow,
        &["call:reached", "wechat:reached", "visit", "visit:*"],
    ),
    (
        ReasonCode::Birthday,
        &[
            "sms",
            "sms:*",
            "wechat",
            "wechat:*",
            "call:reached",
            "visit",
            "visit:*",
        ],
    ),
    (
        ReasonCode::RiskAssessment,
        &["risk_assessment", "risk_assessment:*"],
    ),
    (
        ReasonCode::Upgrade,
        &[
            "call:reached",
            "wechat:reached",
            "visit",
            "visit:*",
            "sale",
            "sale:*",
        ],
    ),
    (
        ReasonCode::DowngradeRisk,
        &["call:reached", "wechat:reached", "visit", "visit:*"],
    ),
    (
        ReasonCode::NewCustomer,
        &["call:reached", "wechat:reached", "visit", "visit:*"],
    ),
    (
        ReasonCode::Dormant,
        &["call:reached", "wechat:reached", "visit", "visit:*"],
    ),
    // The cadence obligations, by their `satisfied_by`.
    (ReasonCode::SmsDue, &["sms", "sms:*", "wechat", "wechat:*"]),
    (
        ReasonCode::ContactDue,
        &["call:reached", "wechat:reached", "visit", "visit:*"],
    ),
    (ReasonCode::VisitDue, &["visit", "visit:*"]),
    (ReasonCode::SaleDue, &["sale", "sale:*"]),
    (
        ReasonCode::RiskReview,
        &["risk_assessment", "risk_assessment:*"],
    ),
];

/// `kind:*` in the table: the kind with any outcome but not reached (a visit that found
/// nobody answers nothing).
fn expected(list: &[&str], kind: EntryKind, outcome: Option<Outcome>, written: &str) -> bool {
    list.contains(&written)
        || (outcome.is_some_and(|o| o != Outcome::NotReached)
            && list.contains(&format!("{}:*", kind.key()).as_str()))
}

#[test]
fn every_reason_code_by_every_kind_and_outcome() {
    let policy = Policy::default_policy();
    // The quality tier owes every obligation, the quarterly sale included.
    let rules = policy.cadence.rules_for("quality");
    for code in ReasonCode::ALL {
        let Some((_, list)) = ANSWERS.iter().find(|(c, _)| *c == code) else {
            panic!("{code:?} has no row in the table");
        };
        for (kind, outcome, written) in touches() {
            let got = if code.is_signal() {
                policy.answering.accepts(code, kind, outcome)
            } else {
                let rule = rules
                    .iter()
                    .find(|r| ReasonCode::of_obligation(r.obligation) == code)
                    .unwrap();
                rule.accepts_kind(kind, outcome)
            };
            assert_eq!(
                got,
                expected(list, kind, outcome, &written),
                "{code:?} answered by {written}"
            );
        }
    }
}

#[test]
fn the_cases_a_manager_asks_about() {
    let p = Policy::default_policy();
    let a = |code, kind, outcome| p.answering.accepts(code, kind, outcome);
    // An SMS does not answer a maturity; a greeting SMS answers a birthday.
    assert!(!a(ReasonCode::Maturity, EntryKind::Sms, None));
    assert!(a(ReasonCode::Birthday, EntryKind::Sms, None));
    // A call not reached answers nothing.
    for code in ReasonCode::ALL.into_iter().filter(|c| c.is_signal()) {
        assert!(
            !a(code, EntryKind::Call, Some(Outcome::NotReached)),
            "{code:?}"
        );
    }
    // A visit answers the month's contact and a maturity.
    let contact = p
        .cadence
        .rules_for("mass")
        .into_iter()
        .find(|r| r.obligation == Obligation::Contact)
        .unwrap();
    assert!(contact.accepts_kind(EntryKind::Visit, Some(Outcome::Reached)));
    assert!(a(
        ReasonCode::Maturity,
        EntryKind::Visit,
        Some(Outcome::Reached)
    ));
    // A memo or a reflection answers nothing.
    for code in ReasonCode::ALL.into_iter().filter(|c| c.is_signal()) {
        assert!(!a(code, EntryKind::Memo, None) && !a(code, EntryKind::Reflection, None));
    }
}

#[test]
fn a_yearly_visit_is_not_overdue_on_2_december_last_years_missed_period_is() {
    let p = Policy::default_policy();
    let visit = p
        .cadence
        .rules_for("mass")
        .into_iter()
        .find(|r| r.obligation == Obligation::Visit)
        .unwrap();
    let dec2 = d(2026, 12, 2);
    let now = dec2.and_hms_opt(9, 0, 0).unwrap();
    let reason = |last: Option<NaiveDate>, known: NaiveDate| {
        let status = visit.judge(last, dec2);
        Reason::Obligation {
            status,
            period: CadencePeriod::Year,
            overdue_days: status.overdue_days(CadencePeriod::Year, dec2, Some(known)),
        }
    };
    // Met last year (2025-03-02), not yet this year: due, not overdue — December still runs.
    let met_last_year = reason(Some(d(2025, 3, 2)), d(2020, 1, 1));
    assert!(!met_last_year.is_overdue(now));
    // Last met in 2024: 2025 ended without a visit — overdue.
    assert!(reason(Some(d(2024, 5, 1)), d(2020, 1, 1)).is_overdue(now));
    // Never met, in the book since 2020: overdue; in the book since this spring: not.
    assert!(reason(None, d(2020, 1, 1)).is_overdue(now));
    assert!(!reason(None, d(2026, 4, 1)).is_overdue(now));
}
