//! Staff roles and the policy's assignment rules (分户管户): which manager a customer should go to, decided from AUM, holdings and the staff list. Pure: the service reads the store and applies the plan.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::policy::PolicyProblem;

/// What a member of staff does; stored as its key in `managers.role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 客户经理: manages a list of customers.
    RelationshipManager,
    /// 团队长: leads a team and takes the largest customers under the default rules.
    TeamLead,
    /// 网点负责人: heads the branch.
    BranchHead,
    /// 柜员: counter staff, who may look after small customers with simple needs.
    CounterStaff,
}

impl Role {
    /// Whether the role sees the team board (the Team tab): leads and branch heads do.
    pub fn sees_team(self) -> bool {
        matches!(self, Role::TeamLead | Role::BranchHead)
    }

    /// Every role, in the order lists show them.
    pub const ALL: [Role; 4] = [
        Role::RelationshipManager,
        Role::TeamLead,
        Role::BranchHead,
        Role::CounterStaff,
    ];

    /// The stored and command-line key.
    pub fn key(self) -> &'static str {
        match self {
            Role::RelationshipManager => "relationship_manager",
            Role::TeamLead => "team_lead",
            Role::BranchHead => "branch_head",
            Role::CounterStaff => "counter_staff",
        }
    }

    /// Parses a key (`team_lead`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Role> {
        let t = text.trim();
        Role::ALL.into_iter().find(|r| r.key() == t)
    }

    /// The keys joined for messages that list the choices.
    pub fn keys() -> String {
        Role::ALL.map(Role::key).join(", ")
    }
}

/// The `[assignment]` section of the policy.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentPolicy {
    /// Tried in order; the first rule that matches a customer decides.
    #[serde(default)]
    pub rules: Vec<AssignmentRule>,
}

/// One rule: customers whose AUM lies in `[min, max)` (and meet `condition`) go to `to`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRule {
    /// A label shown in the plan; the rule's position when absent.
    #[serde(default)]
    pub name: Option<String>,
    /// Inclusive lower bound of AUM (none: from 0).
    #[serde(default)]
    pub min: Option<Decimal>,
    /// Exclusive upper bound of AUM (none: no limit), so adjacent rules never overlap.
    #[serde(default)]
    pub max: Option<Decimal>,
    /// The staff who take matching customers.
    pub to: RuleTarget,
    /// An extra test on the customer.
    #[serde(default)]
    pub condition: Option<Condition>,
}

/// Whom a rule assigns to: everyone with a role (`"team_lead"`) or named staff numbers
/// (`["A001", "A002"]`), taken in turn.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum RuleTarget {
    Role(String),
    Managers(Vec<String>),
}

/// Extra tests a rule may require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Condition {
    /// Holds no credit card (信用卡) product.
    #[serde(rename = "no_credit_card")]
    NoCreditCard,
}

impl AssignmentPolicy {
    /// Checks what serde cannot; the key names the rule (`assignment.rules[1].to`).
    pub fn validate(&self) -> Result<(), (String, PolicyProblem)> {
        for (i, rule) in self.rules.iter().enumerate() {
            let key = |field: &str| format!("assignment.rules[{i}].{field}");
            for (field, bound) in [("min", rule.min), ("max", rule.max)] {
                if bound.is_some_and(|b| b < Decimal::ZERO) {
                    return Err((key(field), PolicyProblem::Negative));
                }
            }
            if let (Some(min), Some(max)) = (rule.min, rule.max)
                && min >= max
            {
                return Err((key("max"), PolicyProblem::MaxNotAboveMin));
            }
            match &rule.to {
                RuleTarget::Role(role) if Role::parse(role).is_none() => {
                    return Err((key("to"), PolicyProblem::UnknownRole));
                }
                RuleTarget::Managers(list)
                    if list.is_empty() || list.iter().any(|m| m.trim().is_empty()) =>
                {
                    return Err((key("to"), PolicyProblem::Empty));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Staff numbers the rules name, for checking against the store.
    pub fn named_managers(&self) -> Vec<&str> {
        self.rules
            .iter()
            .filter_map(|r| match &r.to {
                RuleTarget::Managers(list) => Some(list.iter().map(String::as_str)),
                RuleTarget::Role(_) => None,
            })
            .flatten()
            .collect()
    }
}

impl AssignmentRule {
    /// The label shown in a plan: its name, else `#N` counting from 1.
    pub fn label(&self, index: usize) -> String {
        self.name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| format!("#{}", index + 1))
    }

    fn matches(&self, c: &Candidate) -> bool {
        let in_range =
            self.min.is_none_or(|min| c.aum >= min) && self.max.is_none_or(|max| c.aum < max);
        let condition = match self.condition {
            None => true,
            Some(Condition::NoCreditCard) => !c.has_credit_card,
        };
        in_range && condition
    }
}

/// A customer as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub customer_no: String,
    pub name: String,
    /// AUM on the policy's basis (as `classify` computes it).
    pub aum: Decimal,
    pub has_credit_card: bool,
    /// The current manager's staff number.
    pub manager_no: Option<String>,
}

/// A member of staff the rules may assign to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub manager_no: String,
    pub role: Role,
}

/// One change the plan makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub customer_no: String,
    pub customer_name: String,
    pub from: Option<String>,
    pub to: String,
    /// The rule's label (or the reason of a manual assignment).
    pub rule: String,
}

/// Decides who should manage each customer under `rules`.
///
/// Customers are taken in customer-number order so the plan is the same on every run. The
/// first rule that matches and has staff to give decides; a rule whose role nobody holds is
/// passed over. A customer whose manager is already among the rule's staff stays put (no
/// customer is moved only to even out the turn), and the others are dealt in turn to the
/// rule's staff — a role's holders by staff number, named staff in the order written.
/// Customers no rule matches keep their manager.
pub fn plan_by_rules(
    rules: &[AssignmentRule],
    customers: &[Candidate],
    staff: &[Staff],
) -> Vec<Move> {
    let mut sorted: Vec<&Candidate> = customers.iter().collect();
    sorted.sort_by(|a, b| a.customer_no.cmp(&b.customer_no));
    let pools: Vec<Vec<String>> = rules.iter().map(|r| pool(r, staff)).collect();
    let mut turn: HashMap<usize, usize> = HashMap::new();
    let mut moves = Vec::new();
    for c in sorted {
        let Some((i, rule)) = rules
            .iter()
            .enumerate()
            .find(|(i, r)| !pools[*i].is_empty() && r.matches(c))
        else {
            continue;
        };
        let pool = &pools[i];
        if c.manager_no.as_ref().is_some_and(|m| pool.contains(m)) {
            continue;
        }
        let next = turn.entry(i).or_insert(0);
        let to = pool[*next % pool.len()].clone();
        *next += 1;
        moves.push(Move {
            customer_no: c.customer_no.clone(),
            customer_name: c.name.clone(),
            from: c.manager_no.clone(),
            to,
            rule: rule.label(i),
        });
    }
    moves
}

fn pool(rule: &AssignmentRule, staff: &[Staff]) -> Vec<String> {
    match &rule.to {
        RuleTarget::Role(key) => {
            let Some(role) = Role::parse(key) else {
                return Vec::new();
            };
            let mut nos: Vec<String> = staff
                .iter()
                .filter(|s| s.role == role)
                .map(|s| s.manager_no.clone())
                .collect();
            nos.sort();
            nos
        }
        RuleTarget::Managers(list) => list.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_their_keys() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.key()), Some(r));
        }
        assert_eq!(Role::parse("boss"), None);
    }
}
