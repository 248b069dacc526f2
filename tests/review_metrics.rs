//! The weekly review's figures on the hand-built store of `review_store`, each worked out by hand below. W49 runs Monday 30 Nov – Sunday 6 Dec 2026 (across the month end); W48 is 23–29 Nov. "Start" is the state entering the week (the Sunday before), "end" the Sunday.

mod review_store;

use guanhu::domain::policy::Policy;
use guanhu::domain::review::Metric;
use guanhu::service::review::{
    ManagerWeek, load_reflection, load_week, load_week_without_queue, save_reflection,
};
use review_store::{at, d, review_store, today};
use rust_decimal::Decimal;
use std::str::FromStr;

fn week(manager: &str, day: chrono::NaiveDate) -> ManagerWeek {
    let store = review_store();
    load_week(&store, &Policy::default_policy(), manager, day, today()).unwrap()
}

fn metric<'a>(w: &'a ManagerWeek, key: &str) -> &'a Metric {
    w.review
        .metrics
        .iter()
        .find(|m| m.key.as_str() == key)
        .unwrap_or_else(|| panic!("no metric {key}"))
}

fn n(text: &str) -> Option<Decimal> {
    Some(Decimal::from_str(text).unwrap())
}

/// Asserts actual and previous.
fn check(w: &ManagerWeek, key: &str, actual: Option<Decimal>, previous: Option<Decimal>) {
    let m = metric(w, key);
    assert_eq!((m.actual, m.previous), (actual, previous), "{key}: {m:?}");
}

#[test]
fn a_week_across_the_month_end() {
    let w = week("M001", d(2026, 12, 2));
    assert_eq!(w.week, "2026-W49");
    assert_eq!(w.review.monday, d(2026, 11, 30));
    assert_eq!(w.review.end, d(2026, 12, 6));
    // The list at the end: 甲, 乙, 丙 (added 1 Dec) = 3; at W48's end: 甲, 乙 = 2.

    // 丙 was added on 1 Dec, but nobody has reached 丙 yet, so 丙 is not an effective (有效) new
    // customer under the default `[book] effective` rule; with the rule off 丙 counts. Nobody
    // in W48.
    check(&w, "new_customers", n("0"), n("0"));
    let mut no_rule = Policy::default_policy();
    no_rule.book.effective.two_way_contact = false;
    no_rule.book.effective.mobile = false;
    let loose = load_week(&review_store(), &no_rule, "M001", d(2026, 12, 2), today()).unwrap();
    check(&loose, "new_customers", n("1"), n("0"));
    assert_eq!(metric(&w, "new_customers").target, n("5"));
    // SMS: 甲 and 乙 on 1 Dec, of 3 = 0.6667; W48: 甲 on 24 Nov, of 2 = 0.5.
    check(&w, "sms_coverage", n("0.6667"), n("0.5"));
    // Month to date is December's 1–6: 乙's visit on 3 Dec, of 3 = 0.3333 (甲's reached call
    // was in November). W48 is November's 1–29: 甲's call, of 2 = 0.5.
    check(&w, "contact_coverage_mtd", n("0.3333"), n("0.5"));
    // Expected: December's working days to the 6th (Tue 1 – Fri 4: 4) over the month's
    // (4 + 5 + 5 + 5 + 4 = 23) = 0.1739.
    assert_eq!(metric(&w, "contact_coverage_mtd").expected, n("0.1739"));
    // Year to date: 乙's visit, of 3; W48: none of 2.
    check(&w, "visit_coverage_ytd", n("0.3333"), n("0"));
    // Quality/high at the end: 乙 only (520,000), sold to on 3 Dec = 1. At W48's end nobody is
    // quality or high (乙 had 480,000): nothing to measure.
    check(&w, "sale_coverage_qtd", n("1"), None);
    // Sales: 乙's fund, 100,000; W48: 甲's wealth product, 50,000.
    check(&w, "sales_count", n("1"), n("1"));
    check(&w, "sales_amount", n("100000"), n("50000"));
    assert_eq!(w.review.sales_by_kind.len(), 1);
    assert_eq!(w.review.sales_by_kind[0].amount, Decimal::from(100_000));
    // One assessment (乙, 3 Dec). Valid at the end: 甲 (imported 2026-03-01, valid 12 months)
    // and 乙 = 2 of 3; at W48's end only 甲 = 1 of 2.
    check(&w, "risk_assessments", n("1"), n("0"));
    check(&w, "risk_assessment_valid_share", n("0.6667"), n("0.5"));
    // VIP (潜力 and up, ≥ 50,000): end 甲 100,000, 乙 520,000, 丙 60,000 = 3; start 甲, 乙 = 2:
    // +1. W48: 2 − 2 = 0.
    check(&w, "vip_net_change", n("1"), n("0"));
    // 乙 moved 潜力 → 优质 on Wednesday 2 Dec; 丙's first snapshot is no migration.
    assert_eq!(w.review.migrations.len(), 1);
    let m = &w.review.migrations[0];
    assert_eq!(
        (
            m.customer_no.as_str(),
            m.from.as_str(),
            m.to.as_str(),
            m.date,
            m.upgrade
        ),
        ("C02", "potential", "quality", d(2026, 12, 2), true)
    );
    // Opportunities in W49: 丙's call-back due 5 Dec (not done); 乙's upgrade (480,000 is within
    // 10% of 500,000 entering the week; the visit on 3 Dec acts on it); 乙 dormant (no contact,
    // sale or balance change in the 180 days before Monday; the visit acts on it). 甲 was
    // called on 27 Nov, so not dormant. Handled 2 of 3 = 0.6667.
    // W48: 乙's upgrade (not acted on that week), 甲 dormant (nothing from 27 May to 22 Nov;
    // the sale on 25 Nov acts on it), 乙 dormant (not acted on): 1 of 3 = 0.3333.
    check(&w, "opportunities_handled", n("0.6667"), n("0.3333"));
    assert_eq!(metric(&w, "opportunities_handled").parts, Some((2, 3)));
    // Nobody's AUM fell to zero.
    check(&w, "customers_lost", n("0"), n("0"));
    // AUM: end 100,000 + 520,000 + 60,000 = 680,000; start 100,000 + 480,000 = 580,000:
    // +100,000. W48: 580,000 − 580,000 = 0.
    check(&w, "aum_change", n("100000"), n("0"));
    // Holdings at the end: 甲 e-banking (since 2025) and the wealth product sold 25 Nov; 乙 the
    // fund sold 3 Dec; 丙 nothing. Fund 1/3, wealth 1/3, credit card 0/3, e-banking 1/3.
    // At W48's end (29 Nov) 乙's fund was not yet held: fund 0/2, wealth 1/2, e-banking 1/2.
    check(&w, "core_product_penetration.fund", n("0.3333"), n("0"));
    check(&w, "core_product_penetration.wealth", n("0.3333"), n("0.5"));
    check(&w, "core_product_penetration.credit_card", n("0"), n("0"));
    check(
        &w,
        "core_product_penetration.e_banking",
        n("0.3333"),
        n("0.5"),
    );
    // Kinds held: 甲 2, 乙 1, 丙 0 = 3 over 3 customers = 1.00; W48: 甲 2, 乙 0 = 2 over 2.
    check(&w, "product_coverage", n("1"), n("1"));
    // Queue completion: rows done over rows planned, each working day's plan rebuilt as it
    // stood (worked out day by day in tests/review_queue.rs): W49 0/3, 0/4, 0/4, 1/4, 0/3 =
    // 1 of 18 (a row is done when every reason of its day is answered); W48 (丙 not yet on
    // the list): none of its rows had every reason answered, 0 of 15.
    let q = metric(&w, "queue_completion");
    assert_eq!((q.parts, q.previous), (Some((1, 18)), n("0")));
    // Without the rebuild every other figure is the same and queue completion is unmeasured.
    let store = review_store();
    let policy = Policy::default_policy();
    let quick = load_week_without_queue(&store, &policy, "M001", d(2026, 12, 2), today()).unwrap();
    for (a, b) in quick.review.metrics.iter().zip(&w.review.metrics) {
        if a.key.as_str() == "queue_completion" {
            assert_eq!((a.actual, a.previous), (None, None));
        } else {
            assert_eq!(a, b);
        }
    }
    // The reflection written for the week.
    let r = w.reflection.as_ref().unwrap();
    assert!(r.summary.contains("基金销售"));
}

#[test]
fn a_manager_with_no_activity() {
    let w = week("M002", d(2026, 12, 2));
    // 丁 is on the list (10,000, 普通) with nothing logged.
    check(&w, "new_customers", n("0"), n("0"));
    check(&w, "sms_coverage", n("0"), n("0"));
    check(&w, "contact_coverage_mtd", n("0"), n("0"));
    check(&w, "sales_count", n("0"), n("0"));
    check(&w, "sales_amount", n("0"), n("0"));
    check(&w, "vip_net_change", n("0"), n("0"));
    check(&w, "aum_change", n("0"), n("0"));
    // 丁 owes no sale (普通): nothing to measure. 丁 has been on the list since 5 Jan, before
    // the 180 days ahead of Monday (3 Jun), with no contact and no balance change: one dormant
    // opportunity each week, not acted on = 0 of 1.
    check(&w, "sale_coverage_qtd", None, None);
    check(&w, "opportunities_handled", n("0"), n("0"));
    assert_eq!(metric(&w, "opportunities_handled").parts, Some((0, 1)));
    assert!(w.review.migrations.is_empty());
    assert!(w.review.sales_by_kind.is_empty());
    assert!(w.reflection.is_none());
}

#[test]
fn a_running_week_is_counted_to_today() {
    let store = review_store();
    // On Wednesday 2 Dec: 乙's visit (3 Dec) has not happened yet.
    let w = load_week(
        &store,
        &Policy::default_policy(),
        "M001",
        d(2026, 12, 2),
        d(2026, 12, 2),
    )
    .unwrap();
    assert_eq!(w.review.end, d(2026, 12, 2));
    check(&w, "contact_coverage_mtd", n("0"), n("0.5"));
    // Tue 1 and Wed 2 of December's 23 working days.
    assert_eq!(metric(&w, "contact_coverage_mtd").expected, n("0.087"));
}

#[test]
fn reflections_are_saved_per_week_and_rewritten() {
    let mut store = review_store();
    let saved = load_reflection(&store, "M001", d(2026, 12, 6))
        .unwrap()
        .unwrap();
    assert_eq!(saved.plan, "回电丙；下周给每位客户发短信。");
    save_reflection(
        &mut store,
        "M001",
        d(2026, 12, 6),
        "改写",
        "计划",
        at(2026, 12, 7, 9),
    )
    .unwrap();
    let again = load_reflection(&store, "M001", d(2026, 11, 30))
        .unwrap()
        .unwrap();
    assert_eq!(
        (again.summary.as_str(), again.plan.as_str()),
        ("改写", "计划")
    );
    assert_eq!(again.updated_at, Some(at(2026, 12, 7, 9)));
    assert!(
        load_reflection(&store, "M001", d(2026, 12, 7))
            .unwrap()
            .is_none()
    );
    assert!(load_reflection(&store, "M404", d(2026, 12, 7)).is_err());
}

#[test]
fn a_reassigned_customer_moves_between_the_lists_on_its_day() {
    // 丁 (10,000, no activity) moves from M002 to M001 on Thursday 3 Dec, in W49.
    let mut store = review_store();
    guanhu::service::assignment::assign_to(
        &mut store,
        &["C04".to_string()],
        "M001",
        d(2026, 12, 3),
        "M002",
        at(2026, 12, 3, 9),
        false,
    )
    .unwrap();
    // The list's movements, counted without the effective rule (a test of its own above).
    let mut policy = Policy::default_policy();
    policy.book.effective.two_way_contact = false;
    policy.book.effective.mobile = false;
    let m1 = load_week_without_queue(&store, &policy, "M001", d(2026, 12, 2), today()).unwrap();
    // M001: 丙 (added Tuesday) and 丁 (moved in Thursday) came onto the list: 2 new. AUM at the
    // end gains 丁's 10,000 on top of the 100,000 worked out in `a_week_across_the_month_end`.
    check(&m1, "new_customers", n("2"), n("0"));
    check(&m1, "aum_change", n("110000"), n("0"));
    check(&m1, "customers_lost", n("0"), n("0"));
    let m2 = load_week_without_queue(&store, &policy, "M002", d(2026, 12, 2), today()).unwrap();
    // M002: 丁 was on the list entering W49 and is not at its end: lost 1, AUM −10,000. In W48
    // nothing moved.
    check(&m2, "new_customers", n("0"), n("0"));
    check(&m2, "customers_lost", n("1"), n("0"));
    check(&m2, "aum_change", n("-10000"), n("0"));
    // The week before the move, 丁 is still M002's and not M001's.
    let w48 = load_week_without_queue(&store, &policy, "M002", d(2026, 11, 25), today()).unwrap();
    check(&w48, "customers_lost", n("0"), n("0"));
}

/// Moved to another manager and back on the same day: the other manager never had the
/// customer, in the figures or in the daily plans.
#[test]
fn a_customer_moved_away_and_back_the_same_day_is_on_no_other_list() {
    let mut store = review_store();
    let policy = Policy::default_policy();
    let before = load_week(&store, &policy, "M002", d(2026, 12, 2), today()).unwrap();
    for to in ["M002", "M001"] {
        guanhu::service::assignment::assign_to(
            &mut store,
            &["C02".to_string()],
            to,
            d(2026, 12, 3),
            "M001",
            at(2026, 12, 3, 9),
            false,
        )
        .unwrap();
    }
    let after = load_week(&store, &policy, "M002", d(2026, 12, 2), today()).unwrap();
    assert_eq!(after.review, before.review);
    // 赵经理's list is 丁 alone: SMS coverage 0 of 1, as before the moves.
    assert_eq!(metric(&after, "sms_coverage").parts, Some((0, 1)));
    // M001 keeps 乙 throughout.
    let m1 = load_week(&store, &policy, "M001", d(2026, 12, 2), today()).unwrap();
    check(&m1, "customers_lost", n("0"), n("0"));
}

/// A manager's own targets replace the policy's for them only; the figures stay the same.
#[test]
fn a_managers_own_targets_judge_their_week() {
    let mut store = review_store();
    let policy = Policy::default_policy();
    let now = at(2026, 12, 7, 9);
    let sets = vec![
        ("weekly.sales_count".to_string(), Decimal::ONE),
        (
            "weekly.sms_coverage".to_string(),
            Decimal::from_str("0.6").unwrap(),
        ),
    ];
    guanhu::service::targets::change_targets(&mut store, "M001", &sets, &[], now).unwrap();
    let own = load_week_without_queue(&store, &policy, "M001", d(2026, 12, 2), today()).unwrap();
    let sales = metric(&own, "sales_count");
    // One sale (乙's fund) against their own target of 1: met, where the policy's 5 was not.
    assert_eq!(
        (sales.actual, sales.target, sales.met()),
        (n("1"), n("1"), Some(true))
    );
    let sms = metric(&own, "sms_coverage");
    assert_eq!((sms.target, sms.met()), (n("0.6"), Some(true)));
    // Everything else keeps the policy's target; the two own ones are marked as such.
    assert_eq!(metric(&own, "sales_amount").target, n("500000"));
    let marked: Vec<&str> = own
        .review
        .metrics
        .iter()
        .filter(|m| m.own_target)
        .map(|m| m.key.as_str())
        .collect();
    assert_eq!(marked, ["sms_coverage", "sales_count"]);
    // 赵经理 has none of their own.
    let other = load_week_without_queue(&store, &policy, "M002", d(2026, 12, 2), today()).unwrap();
    assert_eq!(metric(&other, "sales_count").target, n("5"));
}
