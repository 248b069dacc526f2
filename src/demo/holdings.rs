//! A demo customer's products: holdings that add up to the latest balances, with start dates and maturities (term products mature after today). Pure; no store.

use chrono::{Datelike, Duration, Months, NaiveDate};
use rust_decimal::Decimal;

use super::balances::{Cents, scale, split_amount};
use super::people::Context;
use super::rng::Rng;
use super::tables::{
    CN_NUMBERS, FUND_WEIGHTS, FUNDS, INSURANCE, INSURANCE_WEIGHTS, TIME_DEPOSIT_WEIGHTS,
    TIME_DEPOSITS, WEALTH_PRODUCTS, WEALTH_WEIGHTS,
};
use crate::domain::customer::{Holding, ProductKind};

/// Holdings matching the latest balances: wealth products, funds, insurance and bonds add up to
/// their class; part of the deposits is in time deposits. Everything started on or before the
/// latest month-end; term products mature after today (renewed where the term is short).
pub(super) fn make_holdings(
    rng: &mut Rng,
    ctx: &Context<'_>,
    c: &Cents,
    first_trade: NaiveDate,
    investment_type: bool,
) -> Vec<Holding> {
    let today = ctx.today;
    let last_me = ctx.last_month_end();
    let mut out = Vec::new();
    let count_for = |rng: &mut Rng, amount: i64, max: usize| -> usize {
        let n = match amount {
            ..3_000_000 => 1,
            3_000_000..20_000_000 => 1 + rng.below(2) as usize,
            _ => 1 + rng.below(3) as usize,
        };
        n.min(max)
    };

    if c.wealth > 0 {
        let n = count_for(rng, c.wealth, WEALTH_PRODUCTS.len());
        let chosen = rng.distinct(WEALTH_WEIGHTS, n);
        let amounts = split_amount(rng, c.wealth, chosen.len(), 100_000);
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (name, term) = WEALTH_PRODUCTS[*idx];
            let (start, maturity) = if term == 0 {
                (rng.date_between(first_trade, last_me), None)
            } else {
                let earliest = earliest_start(
                    first_trade,
                    last_me,
                    Some(last_me - Duration::days(term - 1)),
                );
                let (s, m) = term_dates(rng, earliest, last_me, today, |d, k| {
                    d.checked_add_signed(Duration::days(term * i64::from(k)))
                });
                (s, Some(m))
            };
            out.push(Holding {
                kind: ProductKind::Wealth,
                product_code: format!(
                    "WM{}{:02}{:02}",
                    start.year(),
                    idx + 1,
                    start.iso_week().week()
                ),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(start),
                maturity_on: maturity,
            });
        }
    }

    if c.funds > 0 {
        let n = count_for(rng, c.funds, 4);
        let chosen = rng.distinct(FUND_WEIGHTS, n + usize::from(c.funds >= 50_000_000));
        let amounts = split_amount(rng, c.funds, chosen.len(), 100);
        let earliest = first_trade.max(today - Duration::days(5 * 365));
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (code, name) = FUNDS[*idx];
            out.push(Holding {
                kind: ProductKind::Fund,
                product_code: code.to_string(),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(rng.date_between(earliest, last_me)),
                maturity_on: None,
            });
        }
    }

    if c.insurance > 0 {
        let n = if c.insurance >= 20_000_000 { 2 } else { 1 };
        let chosen = rng.distinct(INSURANCE_WEIGHTS, n);
        let amounts = split_amount(rng, c.insurance, chosen.len(), 100_000);
        let earliest = first_trade.max(today - Duration::days(10 * 365));
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (code, name) = INSURANCE[*idx];
            out.push(Holding {
                kind: ProductKind::Insurance,
                product_code: code.to_string(),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(rng.date_between(earliest, last_me)),
                maturity_on: None,
            });
        }
    }

    if c.bonds > 0 {
        let earliest = first_trade.max(last_me - Duration::days(900));
        let start = rng.date_between(earliest, last_me);
        let years: u32 = if rng.chance(600) { 3 } else { 5 };
        let issue = 1 + rng.below(CN_NUMBERS.len() as u64) as usize;
        out.push(Holding {
            kind: ProductKind::Bond,
            product_code: format!("SB{:02}{:02}{years}", start.year() % 100, issue),
            product_name: format!(
                "{}年第{}期储蓄国债(电子式){}年期",
                start.year(),
                CN_NUMBERS[issue - 1],
                years
            ),
            amount: Decimal::new(c.bonds, 2),
            start_on: Some(start),
            maturity_on: start.checked_add_months(Months::new(12 * years)),
        });
    }

    // Time deposits: savers keep more of their deposits fixed.
    let fixed_chance = if investment_type { 350 } else { 600 };
    if c.deposits >= 1_000_000 && rng.chance(fixed_chance) {
        let fixed = scale(c.deposits, rng.range(3_000, 8_500), 10_000);
        let n = count_for(rng, fixed, 3);
        let chosen = rng.distinct(TIME_DEPOSIT_WEIGHTS, n);
        let amounts = split_amount(rng, fixed, chosen.len(), 100_000);
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (code, name, months) = TIME_DEPOSITS[*idx];
            let term_start = last_me
                .checked_sub_months(Months::new(months))
                .map(|d| d + Duration::days(1));
            let earliest = earliest_start(first_trade, last_me, term_start);
            let (start, maturity) = term_dates(rng, earliest, last_me, today, |d, k| {
                d.checked_add_months(Months::new(months * k))
            });
            out.push(Holding {
                kind: ProductKind::Deposit,
                product_code: code.to_string(),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(start),
                maturity_on: Some(maturity),
            });
        }
    }
    out
}

/// Start and maturity of a term product held today: bought on or after `earliest` (at most
/// one term before the latest month-end, and not before the first trade) and on or before the
/// latest month-end, renewed term after term until it matures after today.
fn term_dates(
    rng: &mut Rng,
    earliest: NaiveDate,
    last_me: NaiveDate,
    today: NaiveDate,
    after_terms: impl Fn(NaiveDate, u32) -> Option<NaiveDate>,
) -> (NaiveDate, NaiveDate) {
    let start = rng.date_between(earliest, last_me);
    let mut k = 1;
    let mut maturity = after_terms(start, k).unwrap_or(today + Duration::days(1));
    while maturity <= today && k < 1_000 {
        k += 1;
        maturity = after_terms(start, k).unwrap_or(today + Duration::days(1));
    }
    (start, maturity.max(today + Duration::days(1)))
}

/// The earliest start of a product of `term` still in its first term on `last_me`, at most a
/// year back and not before the first trade.
fn earliest_start(
    first_trade: NaiveDate,
    last_me: NaiveDate,
    term_start: Option<NaiveDate>,
) -> NaiveDate {
    let year_back = last_me - Duration::days(365);
    term_start
        .unwrap_or(year_back)
        .max(year_back)
        .max(first_trade)
        .min(last_me)
}

/// True when `maturity` is one term after `start` (not a product renewed term after term).
pub(super) fn first_term(h: &Holding, start: NaiveDate, maturity: NaiveDate) -> bool {
    match h.kind {
        ProductKind::Wealth => WEALTH_PRODUCTS.iter().any(|(name, term)| {
            *name == h.product_name && start + Duration::days(*term) == maturity
        }),
        ProductKind::Deposit => TIME_DEPOSITS.iter().any(|(code, _, months)| {
            *code == h.product_code
                && start.checked_add_months(Months::new(*months)) == Some(maturity)
        }),
        ProductKind::Bond => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::rng::Rng;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn term_products_mature_after_today() {
        let mut rng = Rng::new(7);
        let today = d(2026, 11, 24);
        for _ in 0..200 {
            let (start, maturity) =
                term_dates(&mut rng, d(2026, 10, 30), d(2026, 10, 31), today, |s, k| {
                    s.checked_add_signed(Duration::days(7 * i64::from(k)))
                });
            assert!(start <= d(2026, 10, 31) && start >= d(2026, 10, 30));
            assert!(maturity > today);
        }
    }
}
