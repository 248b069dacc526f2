//! A demo customer's money: the latest AUM in their tier, its split into asset classes, and the six month-ends walked back from it. Integer cents throughout (exact on every platform); `Decimal` only when a snapshot is built. No store.

use rust_decimal::Decimal;

use super::MONTHS;
use super::people::Context;
use super::rng::Rng;
use super::tables::AUM_BUCKETS;
use crate::domain::customer::Balances;
use chrono::NaiveDate;

/// Balances in cents, so every step is exact integer arithmetic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Cents {
    pub(super) deposits: i64,
    pub(super) wealth: i64,
    pub(super) funds: i64,
    pub(super) insurance: i64,
    pub(super) bonds: i64,
    pub(super) other: i64,
}

impl Cents {
    pub(super) fn total(&self) -> i64 {
        self.deposits + self.wealth + self.funds + self.insurance + self.bonds + self.other
    }

    /// Every class times `num / den` (rounded down).
    pub(super) fn scaled(&self, num: i64, den: i64) -> Cents {
        let s = |c: i64| scale(c, num, den);
        Cents {
            deposits: s(self.deposits),
            wealth: s(self.wealth),
            funds: s(self.funds),
            insurance: s(self.insurance),
            bonds: s(self.bonds),
            other: s(self.other),
        }
    }

    pub(super) fn balances(&self) -> Balances {
        let d = |c: i64| Decimal::new(c, 2);
        Balances {
            deposits: d(self.deposits),
            wealth: d(self.wealth),
            funds: d(self.funds),
            insurance: d(self.insurance),
            bonds: d(self.bonds),
            other: d(self.other),
        }
    }
}

/// `amount × num / den` in 128 bits, rounded down; `amount` when `den` is not positive.
pub(super) fn scale(amount: i64, num: i64, den: i64) -> i64 {
    if den <= 0 {
        return amount;
    }
    let v = i128::from(amount) * i128::from(num) / i128::from(den);
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// How a customer's balances moved over the six months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pattern {
    /// Small monthly drift.
    Normal,
    /// Not a cent moved (a dormancy candidate).
    Still,
    /// A large outflow in the last month: the month before held `10000 / keep_bp` times as much.
    Outflow { keep_bp: i64 },
    /// Crossed a tier boundary into the final tier at month `at`: before it, AUM was `before`.
    Crossed { at: usize, before: i64 },
}

/// A final AUM in cents inside the tier's range.
pub(super) fn aum_in_tier(rng: &mut Rng, tier: usize) -> i64 {
    let buckets = AUM_BUCKETS[tier.min(3)];
    let (lo, hi) = rng.weighted(buckets);
    rng.range(lo * 100, hi * 100 - 1)
}

/// Splits an AUM into asset classes; investment-type customers keep at least 30% of it in
/// wealth products, funds, insurance and bonds, savers less.
pub(super) fn split_classes(rng: &mut Rng, total: i64, investment_type: bool, age: i64) -> Cents {
    if total == 0 {
        return Cents::default();
    }
    let investment_bp = if investment_type {
        rng.range(3_100, 9_000)
    } else if rng.chance(450) {
        0
    } else {
        rng.range(100, 2_800)
    };
    let other_bp = if rng.chance(100) {
        rng.range(100, 800).min(10_000 - investment_bp)
    } else {
        0
    };
    let investment = scale(total, investment_bp, 10_000);
    let other = scale(total, other_bp, 10_000);
    let mut cents = Cents {
        deposits: total - investment - other,
        other,
        ..Cents::default()
    };
    if investment == 0 {
        return cents;
    }
    // Which investment classes the customer uses, by age: the young like funds, their
    // parents wealth products and insurance, the old savings bonds.
    let young = age < 40;
    let old = age >= 60;
    let mut weights = [0i64; 4];
    if rng.chance(if young { 550 } else { 750 }) {
        weights[0] = rng.range(2, 10);
    }
    if rng.chance(if young {
        780
    } else if old {
        280
    } else {
        500
    }) {
        weights[1] = rng.range(2, 10);
    }
    if rng.chance(if young {
        180
    } else if old {
        250
    } else {
        400
    }) {
        weights[2] = rng.range(1, 6);
    }
    if rng.chance(if old { 350 } else { 100 }) {
        weights[3] = rng.range(1, 6);
    }
    if weights.iter().all(|w| *w == 0) {
        weights[if young { 1 } else { 0 }] = 1;
    }
    let weight_total: i64 = weights.iter().sum();
    let mut parts = [0i64; 4];
    let mut given = 0;
    let last = weights.iter().rposition(|w| *w > 0).unwrap_or(0);
    for (i, w) in weights.iter().enumerate() {
        if i == last {
            parts[i] = investment - given;
        } else {
            parts[i] = scale(investment, *w, weight_total);
            given += parts[i];
        }
    }
    cents.wealth = parts[0];
    cents.funds = parts[1];
    cents.insurance = parts[2];
    cents.bonds = parts[3];
    cents
}

/// The six month-ends, walked back from the latest with the customer's pattern. Month-ends
/// before the first trade hold nothing.
pub(super) fn walk_back(
    rng: &mut Rng,
    last: Cents,
    pattern: Pattern,
    ctx: &Context<'_>,
    first_trade: Option<NaiveDate>,
) -> [Cents; MONTHS] {
    let mut history = [last; MONTHS];
    for k in (0..MONTHS - 1).rev() {
        let next = history[k + 1];
        history[k] = match pattern {
            Pattern::Still => next,
            Pattern::Outflow { keep_bp } if k == MONTHS - 2 => next.scaled(10_000, keep_bp),
            Pattern::Crossed { at, before } if k + 1 == at => next.scaled(before, next.total()),
            _ => drift(rng, next),
        };
    }
    for (cents, as_of) in history.iter_mut().zip(ctx.month_ends.iter()) {
        if first_trade.is_none_or(|first| *as_of < first) {
            *cents = Cents::default();
        }
    }
    history
}

/// The previous month from this one: deposits and funds move a little, wealth products now and
/// then (purchases and redemptions), insurance grows by premiums, bonds stay put.
fn drift(rng: &mut Rng, c: Cents) -> Cents {
    let wealth_bp = if rng.chance(250) {
        rng.range(-1_500, 1_500)
    } else {
        0
    };
    let insurance_bp = if rng.chance(150) {
        -rng.range(100, 1_000)
    } else {
        0
    };
    Cents {
        deposits: scale(c.deposits, 10_000 + rng.range(-350, 350), 10_000),
        wealth: scale(c.wealth, 10_000 + wealth_bp, 10_000),
        funds: scale(c.funds, 10_000 + rng.range(-700, 700), 10_000),
        insurance: scale(c.insurance, 10_000 + insurance_bp, 10_000),
        bonds: c.bonds,
        other: scale(c.other, 10_000 + rng.range(-300, 300), 10_000),
    }
}

/// Splits `total` cents into at most `n` positive parts, all but the last rounded to `unit`
/// cents when there is room for that.
pub(super) fn split_amount(rng: &mut Rng, total: i64, n: usize, unit: i64) -> Vec<i64> {
    if total <= 0 || n == 0 {
        return Vec::new();
    }
    let unit = if total >= unit * 4 * n as i64 {
        unit
    } else {
        1
    };
    let weights: Vec<i64> = (0..n).map(|_| rng.range(1, 9)).collect();
    let weight_total: i64 = weights.iter().sum();
    let mut parts = Vec::with_capacity(n);
    let mut given = 0;
    for w in &weights[..n - 1] {
        let part = scale(total, *w, weight_total) / unit * unit;
        if part > 0 {
            parts.push(part);
            given += part;
        }
    }
    parts.push(total - given);
    parts
}

#[cfg(test)]
mod tests {
    use super::super::rng::Rng;
    use super::*;

    #[test]
    fn amounts_split_exactly() {
        let mut rng = Rng::new(1);
        for total in [1, 99, 12_345, 100_000_000, 987_654_321] {
            for n in 1..4 {
                let parts = split_amount(&mut rng, total, n, 100_000);
                assert_eq!(parts.iter().sum::<i64>(), total);
                assert!(parts.iter().all(|p| *p > 0), "{parts:?}");
            }
        }
    }
}
