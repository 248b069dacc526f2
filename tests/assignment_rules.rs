//! The assignment rules as tables: each default rule, the 50,000 / 200,000 / 500,000 boundaries (`min` inclusive, `max` exclusive), the round-robin order, the no-credit-card condition, customers no rule matches, and policy errors that name the key.

use guanhu::domain::assignment::{Candidate, Move, Role, Staff, plan_by_rules};
use guanhu::domain::policy::{Policy, PolicyProblem};
use rust_decimal::Decimal;

fn staff() -> Vec<Staff> {
    [
        ("L01", Role::TeamLead),
        ("M02", Role::RelationshipManager),
        ("M01", Role::RelationshipManager),
        ("C01", Role::CounterStaff),
        ("B01", Role::BranchHead),
    ]
    .into_iter()
    .map(|(no, role)| Staff {
        manager_no: no.into(),
        role,
    })
    .collect()
}

fn cand(no: &str, aum: i64, card: bool, manager: Option<&str>) -> Candidate {
    Candidate {
        customer_no: no.into(),
        name: format!("客户{no}"),
        aum: Decimal::from(aum),
        has_credit_card: card,
        manager_no: manager.map(str::to_string),
    }
}

/// (to, rule) of the move for each customer, `None` when it stays.
fn outcome(moves: &[Move], no: &str) -> Option<(String, String)> {
    moves
        .iter()
        .find(|m| m.customer_no == no)
        .map(|m| (m.to.clone(), m.rule.clone()))
}

/// Customer number, AUM, holds a credit card, and where the plan sends them (to, rule).
type Case = (
    &'static str,
    i64,
    bool,
    Option<(&'static str, &'static str)>,
);

#[test]
fn the_default_rules_decide_by_aum_and_credit_card() {
    let policy = Policy::default_policy();
    // Every customer starts with X99, who is in no rule's pool, so each one matched moves.
    // Default rules, in order: [500,000, ∞) → team lead; [50,000, 500,000) → relationship
    // managers in turn; [0, 200,000) without a credit card → counter staff.
    let cases: &[Case] = &[
        ("c01", 3_000_000, false, Some(("L01", "quality_to_lead"))),
        ("c02", 500_000, true, Some(("L01", "quality_to_lead"))), // min inclusive
        ("c03", 499_999, true, Some(("M01", "potential_in_turn"))), // max exclusive
        ("c04", 50_000, true, Some(("M02", "potential_in_turn"))), // min inclusive; next in turn
        ("c05", 49_999, true, None), // card holder below 50,000: no rule
        ("c06", 49_999, false, Some(("C01", "small_to_counter"))),
        ("c07", 0, false, Some(("C01", "small_to_counter"))),
        // 50,000–200,000 without a card: the relationship-manager rule comes first and wins.
        ("c08", 199_999, false, Some(("M01", "potential_in_turn"))),
        ("c09", 200_000, false, Some(("M02", "potential_in_turn"))),
    ];
    let customers: Vec<Candidate> = cases
        .iter()
        .map(|(no, aum, card, _)| cand(no, *aum, *card, Some("X99")))
        .collect();
    let moves = plan_by_rules(&policy.assignment.rules, &customers, &staff());
    for (no, aum, card, want) in cases {
        let want = want.map(|(to, rule)| (to.to_string(), rule.to_string()));
        assert_eq!(outcome(&moves, no), want, "{no} aum {aum} card {card}");
    }
    let from: Vec<_> = moves.iter().map(|m| m.from.as_deref()).collect();
    assert!(from.iter().all(|f| *f == Some("X99")));
}

fn rules(toml: &str) -> Policy {
    Policy::from_toml(&[toml]).unwrap()
}

#[test]
fn the_max_bound_is_exclusive_and_the_min_inclusive_at_200_000() {
    let p = rules(
        "[assignment]\n[[assignment.rules]]\nmax = 200_000\ncondition = \"no_credit_card\"\nto = \"counter_staff\"\n",
    );
    let customers = [
        cand("a", 199_999, false, None),
        cand("b", 200_000, false, None),
        cand("c", 100, true, None),
    ];
    let moves = plan_by_rules(&p.assignment.rules, &customers, &staff());
    assert_eq!(outcome(&moves, "a"), Some(("C01".into(), "#1".into())));
    assert_eq!(outcome(&moves, "b"), None);
    assert_eq!(outcome(&moves, "c"), None, "holds a credit card");
    assert_eq!(
        moves[0].from, None,
        "an unassigned customer moves from nobody"
    );
}

#[test]
fn named_managers_take_customers_in_turn_by_customer_number() {
    let p = rules(
        "[assignment]\n[[assignment.rules]]\nmin = 50_000\nmax = 500_000\nto = [\"M02\", \"M01\", \"L01\"]\n",
    );
    // Given out of order on purpose: the plan sorts by customer number.
    let customers = [
        cand("n5", 60_000, false, None),
        cand("n1", 60_000, false, None),
        cand("n3", 60_000, false, Some("X99")),
        cand("n2", 60_000, false, None),
        cand("n4", 60_000, false, None),
    ];
    let moves = plan_by_rules(&p.assignment.rules, &customers, &staff());
    let order: Vec<(&str, &str)> = moves
        .iter()
        .map(|m| (m.customer_no.as_str(), m.to.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("n1", "M02"),
            ("n2", "M01"),
            ("n3", "L01"),
            ("n4", "M02"),
            ("n5", "M01")
        ]
    );
    // Deterministic: the same input gives the same plan.
    assert_eq!(
        plan_by_rules(&p.assignment.rules, &customers, &staff()),
        moves
    );
}

#[test]
fn customers_already_with_the_rules_staff_stay_and_do_not_use_a_turn() {
    let p = rules("[assignment]\n[[assignment.rules]]\nto = \"relationship_manager\"\n");
    let customers = [
        cand("a", 1, false, Some("M02")),
        cand("b", 1, false, Some("L01")),
        cand("c", 1, false, None),
    ];
    let moves = plan_by_rules(&p.assignment.rules, &customers, &staff());
    // Role holders in staff-number order: M01, M02.
    assert_eq!(outcome(&moves, "a"), None);
    assert_eq!(outcome(&moves, "b").map(|o| o.0), Some("M01".into()));
    assert_eq!(outcome(&moves, "c").map(|o| o.0), Some("M02".into()));
}

#[test]
fn a_rule_for_a_role_nobody_holds_is_passed_over() {
    let p = rules(
        "[assignment]\n[[assignment.rules]]\nto = \"counter_staff\"\n[[assignment.rules]]\nto = \"team_lead\"\n",
    );
    let only_lead = vec![Staff {
        manager_no: "L01".into(),
        role: Role::TeamLead,
    }];
    let moves = plan_by_rules(
        &p.assignment.rules,
        &[cand("a", 5, false, None)],
        &only_lead,
    );
    assert_eq!(outcome(&moves, "a"), Some(("L01".into(), "#2".into())));
}

#[test]
fn no_rules_or_no_match_changes_nothing() {
    let p = rules("[assignment]\nrules = []\n");
    assert!(p.assignment.rules.is_empty());
    assert!(plan_by_rules(&p.assignment.rules, &[cand("a", 5, false, None)], &staff()).is_empty());
    let p = rules("[assignment]\n[[assignment.rules]]\nmin = 1_000\nto = \"team_lead\"\n");
    assert!(
        plan_by_rules(
            &p.assignment.rules,
            &[cand("a", 999, false, None)],
            &staff()
        )
        .is_empty()
    );
}

#[test]
fn bad_rules_name_the_key() {
    let cases = [
        (
            "[[assignment.rules]]\nto = \"boss\"\n",
            "assignment.rules[0].to",
            Some(PolicyProblem::UnknownRole),
        ),
        (
            "[assignment]\n[[assignment.rules]]\nmin = 10\nmax = 10\nto = \"team_lead\"\n",
            "assignment.rules[0].max",
            Some(PolicyProblem::MaxNotAboveMin),
        ),
        (
            "[assignment]\n[[assignment.rules]]\nmin = -1\nto = \"team_lead\"\n",
            "assignment.rules[0].min",
            Some(PolicyProblem::Negative),
        ),
        (
            "[assignment]\n[[assignment.rules]]\nto = []\n",
            "assignment.rules[0].to",
            Some(PolicyProblem::Empty),
        ),
        (
            "[assignment]\n[[assignment.rules]]\nto = \"team_lead\"\ncondition = \"rich\"\n",
            "assignment.rules[0].condition",
            None,
        ),
        (
            "[assignment]\n[[assignment.rules]]\nto = \"team_lead\"\nmax_aum = 3\n",
            "assignment.rules[0].max_aum",
            None,
        ),
    ];
    for (text, key, problem) in cases {
        let e = Policy::from_toml(&[text]).unwrap_err();
        assert_eq!(e.key, key, "for {text:?}: {e:?}");
        if let Some(p) = problem {
            assert_eq!(e.problem, p, "for {text:?}");
        }
    }
}
