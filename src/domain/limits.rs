//! Plausibility limits (`[limits]` in the policy): the largest sale a manager may log and the largest balance or holding an import may bring. Every amount that reaches the store is below [`MAX_STORED_AMOUNT`], so no sum over a store can overflow `Decimal` (7.9 × 10²⁸): that bound is what makes the arithmetic safe by construction. No I/O.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::policy::PolicyProblem;

/// The hard ceiling for any amount guanhu stores or reads back: 10¹⁵ yuan. A policy limit
/// may not exceed it; a stored value above it (written by an older guanhu) is refused on
/// read with a message, and `guanhu check` lists where it is.
pub const MAX_STORED_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The years a typed or imported date may fall in. Outside them date arithmetic could
/// overflow, and no customer or contact is that old or that far ahead.
pub const EARLIEST_YEAR: i32 = 1900;
/// See [`EARLIEST_YEAR`].
pub const LATEST_YEAR: i32 = 2200;

/// True when `year` is within [`EARLIEST_YEAR`] ..= [`LATEST_YEAR`].
pub fn plausible_year(year: i32) -> bool {
    (EARLIEST_YEAR..=LATEST_YEAR).contains(&year)
}

/// True when a stored or imported amount is within ±[`MAX_STORED_AMOUNT`].
pub fn storable_amount(amount: Decimal) -> bool {
    amount.abs() <= MAX_STORED_AMOUNT
}

/// A stored amount above [`MAX_STORED_AMOUNT`] (written by an older guanhu that did not
/// check imports): refused on read, so that no later sum can overflow; `guanhu check`
/// lists where such values are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountBeyondCeiling(pub String);

impl std::fmt::Display for AmountBeyondCeiling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "stored amount {} is above the largest guanhu accepts ({MAX_STORED_AMOUNT})",
            self.0
        )
    }
}

impl std::error::Error for AmountBeyondCeiling {}

/// The `[limits]` section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsPolicy {
    /// The largest amount one sale may carry, in yuan.
    #[serde(default = "default_max_sale")]
    pub max_sale_amount: Decimal,
    /// The largest balance of one asset class, or one holding, an import may bring, in yuan.
    #[serde(default = "default_max_balance")]
    pub max_balance: Decimal,
}

fn default_max_sale() -> Decimal {
    Decimal::from(1_000_000_000_i64)
}

fn default_max_balance() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

impl Default for LimitsPolicy {
    fn default() -> Self {
        LimitsPolicy {
            max_sale_amount: default_max_sale(),
            max_balance: default_max_balance(),
        }
    }
}

impl LimitsPolicy {
    /// The limits the store itself needs whatever the policy says: every amount within
    /// [`MAX_STORED_AMOUNT`]. The service checks these; the popup and `guanhu log` check the
    /// policy's own limits first.
    pub fn ceiling() -> LimitsPolicy {
        LimitsPolicy {
            max_sale_amount: MAX_STORED_AMOUNT,
            max_balance: MAX_STORED_AMOUNT,
        }
    }

    /// Checks the limits are positive and below the hard ceiling; the error names the key.
    pub fn validate(&self) -> Result<(), (String, PolicyProblem)> {
        for (key, value) in [
            ("limits.max_sale_amount", self.max_sale_amount),
            ("limits.max_balance", self.max_balance),
        ] {
            if value <= Decimal::ZERO {
                return Err((key.into(), PolicyProblem::Negative));
            }
            if value > MAX_STORED_AMOUNT {
                return Err((key.into(), PolicyProblem::TooLarge));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceiling_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_STORED_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
    }

    #[test]
    fn limits_checked_by_key() {
        let mut l = LimitsPolicy::default();
        assert_eq!(l.validate(), Ok(()));
        l.max_sale_amount = Decimal::ZERO;
        assert_eq!(
            l.validate(),
            Err(("limits.max_sale_amount".into(), PolicyProblem::Negative))
        );
        l.max_sale_amount = MAX_STORED_AMOUNT + Decimal::ONE;
        assert_eq!(
            l.validate(),
            Err(("limits.max_sale_amount".into(), PolicyProblem::TooLarge))
        );
    }

    #[test]
    fn years() {
        assert!(plausible_year(2026));
        assert!(!plausible_year(262_142));
        assert!(!plausible_year(1899));
    }
}
