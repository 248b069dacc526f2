//! Cadence rules, table-driven with a fixed today: each obligation due or met, satisfied by the kinds that count and not by the others, at period boundaries (Sunday → Monday, month end, quarter end, leap years), per-tier periods, and policy validation.

use chrono::NaiveDate;
use guanhu::domain::cadence::{CadencePeriod, Obligation, Rule};
use guanhu::domain::diary::{DiaryEntry, EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn entry(kind: EntryKind, outcome: Option<Outcome>, on: NaiveDate) -> DiaryEntry {
    DiaryEntry {
        id: 1,
        manager_no: None,
        customer_name: None,
        draft: EntryDraft {
            kind,
            customer_no: Some("C1".into()),
            occurred_at: on.and_hms_opt(10, 0, 0).unwrap(),
            outcome,
            note: String::new(),
            follow_up_at: None,
            sale: None,
            risk_level: None,
        },
        created_at: on.and_hms_opt(10, 0, 0).unwrap(),
        amended: false,
        deleted: false,
        batch_id: None,
    }
}

fn rule(policy: &Policy, tier: &str, o: Obligation) -> Option<Rule> {
    policy
        .cadence
        .rules_for(tier)
        .into_iter()
        .find(|r| r.obligation == o)
}

#[test]
fn the_default_obligations_by_tier() {
    let p = Policy::default_policy();
    let keys = |tier: &str| -> Vec<Obligation> {
        p.cadence
            .rules_for(tier)
            .iter()
            .map(|r| r.obligation)
            .collect()
    };
    use Obligation::*;
    assert_eq!(keys("mass"), vec![Sms, Contact, Visit, RiskReview]);
    assert_eq!(keys("quality"), vec![Sms, Contact, Visit, Sale, RiskReview]);
    assert_eq!(keys("high"), vec![Sms, Contact, Visit, Sale, RiskReview]);
}

#[test]
fn each_obligation_is_met_only_by_what_counts() {
    use EntryKind::*;
    use Obligation as O;
    let p = Policy::default_policy();
    let today = d(2026, 11, 24); // a Tuesday
    let reached = Some(Outcome::Reached);
    let missed = Some(Outcome::NotReached);
    // (obligation, kind, outcome, met?)
    let cases = [
        (O::Sms, Sms, None, true),
        (O::Sms, Wechat, None, true),
        (O::Sms, Call, reached, false),
        (O::Contact, Call, reached, true),
        (O::Contact, Call, missed, false),
        (O::Contact, Call, Some(Outcome::CallbackRequested), false),
        (O::Contact, Wechat, reached, true),
        (O::Contact, Sms, None, false),
        (O::Contact, Visit, reached, true),
        (O::Visit, Visit, reached, true),
        (O::Visit, Call, reached, false),
        (O::Sale, Sale, None, true),
        (O::Sale, Visit, reached, false),
        (O::RiskReview, RiskAssessment, None, true),
        (O::RiskReview, Memo, None, false),
    ];
    for (o, kind, outcome, met) in cases {
        let r = rule(&p, "high", o).unwrap();
        let status = r.status(&[entry(kind, outcome, today)], today);
        assert_eq!(!status.due, met, "{o:?} by {kind:?} {outcome:?}");
    }
}

#[test]
fn calendar_boundaries() {
    let p = Policy::default_policy();
    let sms = rule(&p, "mass", Obligation::Sms).unwrap();
    let contact = rule(&p, "mass", Obligation::Contact).unwrap();
    let risk = rule(&p, "mass", Obligation::RiskReview).unwrap();
    let visit = rule(&p, "mass", Obligation::Visit).unwrap();
    // (rule, entry day, today, due?)
    let cases = [
        // An SMS on Sunday 22nd belongs to last week: due again on Monday 23rd.
        (&sms, d(2026, 11, 22), d(2026, 11, 22), false),
        (&sms, d(2026, 11, 22), d(2026, 11, 23), true),
        // An SMS on Monday satisfies the whole week, through Sunday.
        (&sms, d(2026, 11, 23), d(2026, 11, 29), false),
        // ISO week across the year end: Monday 2026-12-28 to Sunday 2027-01-03.
        (&sms, d(2026, 12, 28), d(2027, 1, 3), false),
        // Month end: contact on 31 Oct does not count for November.
        (&contact, d(2026, 10, 31), d(2026, 10, 31), false),
        (&contact, d(2026, 10, 31), d(2026, 11, 1), true),
        // Leap years: 29 Feb counts for February 2028.
        (&contact, d(2028, 2, 29), d(2028, 2, 29), false),
        (&contact, d(2028, 2, 1), d(2028, 2, 29), false),
        (&contact, d(2028, 2, 29), d(2028, 3, 1), true),
        // Quarter end.
        (&risk, d(2026, 9, 30), d(2026, 9, 30), false),
        (&risk, d(2026, 9, 30), d(2026, 10, 1), true),
        (&risk, d(2026, 7, 1), d(2026, 9, 30), false),
        // Year.
        (&visit, d(2026, 1, 1), d(2026, 12, 31), false),
        (&visit, d(2026, 12, 31), d(2027, 1, 1), true),
    ];
    for (r, on, today, due) in cases {
        let kind = match r.obligation {
            Obligation::Sms => EntryKind::Sms,
            Obligation::RiskReview => EntryKind::RiskAssessment,
            _ => EntryKind::Visit,
        };
        let status = r.status(&[entry(kind, Some(Outcome::Reached), on)], today);
        assert_eq!(
            status.due, due,
            "{:?} entry {on} today {today}",
            r.obligation
        );
        assert_eq!(status.last_satisfied, Some(on));
    }
}

#[test]
fn nothing_logged_is_due_and_deleted_or_future_entries_do_not_count() {
    let p = Policy::default_policy();
    let r = rule(&p, "mass", Obligation::Contact).unwrap();
    let today = d(2026, 11, 24);
    assert!(r.status(&[], today).due);
    let mut deleted = entry(EntryKind::Visit, None, today);
    deleted.deleted = true;
    assert!(r.status(&[deleted], today).due);
    let future = entry(EntryKind::Visit, None, d(2026, 11, 25));
    assert!(r.status(&[future], today).due);
}

#[test]
fn per_tier_periods_and_rolling_windows() {
    let p = Policy::from_toml(&["[cadence.by_tier.high]\ncontact = \"14d\"\n"]).unwrap();
    let high = rule(&p, "high", Obligation::Contact).unwrap();
    assert_eq!(high.period, CadencePeriod::Days(14));
    assert_eq!(
        rule(&p, "mass", Obligation::Contact).unwrap().period,
        CadencePeriod::Month
    );
    let today = d(2026, 11, 24);
    // 14 days ending today: 11-11 ..= 11-24.
    assert_eq!(high.period.window(today), (d(2026, 11, 11), today));
    let call = |on| entry(EntryKind::Call, Some(Outcome::Reached), on);
    assert!(!high.status(&[call(d(2026, 11, 11))], today).due);
    assert!(high.status(&[call(d(2026, 11, 10))], today).due);
}

#[test]
fn a_bad_cadence_policy_names_the_key() {
    let cases = [
        (
            "[cadence.contact]\nperiod = \"fortnight\"\nsatisfied_by = [\"visit\"]\n",
            "cadence.contact.period",
        ),
        (
            "[cadence.sms]\nperiod = \"week\"\nsatisfied_by = [\"sms\", \"fax\"]\n",
            "cadence.sms.satisfied_by[1]",
        ),
        (
            "[cadence.sms]\nperiod = \"week\"\nsatisfied_by = [\"call:answered\"]\n",
            "cadence.sms.satisfied_by[0]",
        ),
        (
            "[cadence.sale]\nperiod = \"quarter\"\nsatisfied_by = [\"sale\"]\ntiers = [\"gold\"]\n",
            "cadence.sale.tiers[0]",
        ),
        (
            "[cadence.by_tier.gold]\ncontact = \"14d\"\n",
            "cadence.by_tier.gold",
        ),
        (
            "[cadence.by_tier.high]\nlunch = \"14d\"\n",
            "cadence.by_tier.high.lunch",
        ),
        (
            "[cadence.by_tier.high]\ncontact = \"0d\"\n",
            "cadence.by_tier.high.contact",
        ),
    ];
    for (text, key) in cases {
        let e = Policy::from_toml(&[text]).unwrap_err();
        assert_eq!(e.key, key, "{text}");
    }
}

#[test]
fn overdue_counts_from_the_missed_period_and_the_plan_ignores_today() {
    use guanhu::domain::contacts::ContactFacts;
    let policy = Policy::default_policy();
    let contact = rule(&policy, "mass", Obligation::Contact).unwrap();
    let today = d(2026, 11, 6);
    let period = contact.period;
    // (last met, in the book since) → days overdue on 6 November
    let table = [
        // Met in October: simply due in November, not overdue.
        (Some(d(2026, 10, 20)), None, 0),
        // Last met in September: October was missed too, overdue since 1 November: 6 days.
        (Some(d(2026, 9, 30)), None, 6),
        // Never met, in the book for long: overdue.
        (None, Some(d(2025, 1, 1)), 6),
        // Never met, but new to the book since October began: it was never owed before.
        (None, Some(d(2026, 10, 15)), 0),
    ];
    for (last, since, days) in table {
        let status = contact.judge(last, today);
        assert_eq!(
            status.overdue_days(period, today, since),
            days,
            "{last:?} {since:?}"
        );
    }
    // A reached call this morning meets the month now, but the day's plan was made without it.
    let facts = ContactFacts::from_entries(
        &[entry(EntryKind::Call, Some(Outcome::Reached), today)],
        today,
    );
    assert!(!contact.status_of(&facts, today).due);
    assert!(contact.status_at_start(&facts, today).due);
}
