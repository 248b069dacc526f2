//! Sales in the diary: the logged purchase of a holding the balances already show, and new business (an investment or a card or e-banking service). Builds entries only; the diary writes them.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::super::book::{Member, SaleCandidate};
use super::super::calendar::time_on;
use super::super::rng::{Rng, shuffle};
use super::super::tables::{
    CN_NUMBERS, FUND_WEIGHTS, FUNDS, INSURANCE, INSURANCE_WEIGHTS, SALE_BOND, SALE_DEPOSIT,
    SALE_INSURANCE, SALE_INVEST, SALE_SERVICE, TIME_DEPOSIT_WEIGHTS, TIME_DEPOSITS,
    WEALTH_PRODUCTS, WEALTH_WEIGHTS,
};
use super::picker::{Picker, Pickers};
use super::{Day, Item, entry, note, scaled};
use crate::domain::customer::{Holding, ProductKind};
use crate::domain::diary::{EntryKind, Sale};

/// The sale of a holding the balances already show.
fn sale_item(rng: &mut Rng, member: &Member, m: usize, at: NaiveDateTime, h: &Holding) -> Item {
    let cents = (h.amount * Decimal::from(100))
        .trunc()
        .try_into()
        .unwrap_or(0i64);
    let mut draft = entry(
        EntryKind::Sale,
        Some(member),
        at,
        sale_note(rng, h.kind, &h.product_name, cents),
    );
    draft.sale = Some(Sale {
        product_kind: h.kind,
        product_code: h.product_code.clone(),
        product_name: h.product_name.clone(),
        amount: Some(h.amount),
        maturity_on: h.maturity_on,
    });
    Item {
        draft,
        member: Some(m),
        wave: false,
    }
}

fn sale_note(rng: &mut Rng, kind: ProductKind, product: &str, cents: i64) -> String {
    let templates = match kind {
        ProductKind::Wealth | ProductKind::Fund => SALE_INVEST,
        ProductKind::Insurance => SALE_INSURANCE,
        ProductKind::Deposit => SALE_DEPOSIT,
        ProductKind::Bond => SALE_BOND,
        _ => SALE_SERVICE,
    };
    let amount = amount_text(cents);
    note(
        rng,
        templates,
        &[("{item}", product), ("{amount}", &amount)],
    )
}

/// New business of the day: an investment for a customer with the money for it, or a card or
/// e-banking service. Before the latest month-end only products the snapshots need not show
/// (funds since redeemed, services without an amount).
fn new_sale(
    rng: &mut Rng,
    book: &[Member],
    investors: &Picker,
    cardholders: &Picker,
    d: NaiveDate,
    at: NaiveDateTime,
    after_snapshots: bool,
) -> Option<Item> {
    let kind = if after_snapshots {
        rng.weighted(&[
            (ProductKind::Wealth, 42),
            (ProductKind::Fund, 24),
            (ProductKind::Insurance, 6),
            (ProductKind::Deposit, 10),
            (ProductKind::Bond, 2),
            (ProductKind::CreditCard, 7),
            (ProductKind::MobileBanking, 6),
            (ProductKind::Payroll, 2),
            (ProductKind::EBanking, 1),
        ])
    } else {
        rng.weighted(&[
            (ProductKind::Fund, 62),
            (ProductKind::CreditCard, 18),
            (ProductKind::MobileBanking, 12),
            (ProductKind::Payroll, 5),
            (ProductKind::EBanking, 3),
        ])
    };
    let needs_amount = crate::domain::diary::sale_needs_amount(kind);
    let picker = if needs_amount { investors } else { cardholders };
    let m = picker.pick(rng, |m| book[m].can_buy(d))?;
    let member = &book[m];
    let (code, name, amount, maturity) = if needs_amount {
        let cents = amount_cents(rng, kind, member);
        let (code, name, maturity) = new_product(rng, kind, d);
        (code, name, Some(Decimal::new(cents, 2)), maturity)
    } else {
        let (code, name) = match kind {
            ProductKind::CreditCard => rng.pick(&[
                ("CC01", "白金信用卡"),
                ("CC02", "金卡信用卡"),
                ("CC05", "车主信用卡"),
            ]),
            ProductKind::MobileBanking => ("MB", "手机银行"),
            ProductKind::Payroll => ("PR", "代发工资签约"),
            _ => ("EB", "网上银行"),
        };
        (code.to_string(), name.to_string(), None, None)
    };
    let cents = amount
        .map(|a| (a * Decimal::from(100)).trunc().try_into().unwrap_or(0i64))
        .unwrap_or(0);
    let mut draft = entry(
        EntryKind::Sale,
        Some(member),
        at,
        sale_note(rng, kind, &name, cents),
    );
    draft.sale = Some(Sale {
        product_kind: kind,
        product_code: code,
        product_name: name,
        amount,
        maturity_on: maturity,
    });
    Some(Item {
        draft,
        member: Some(m),
        wave: false,
    })
}

/// What a customer puts into one purchase, in cents: mostly 5万–100万, never more than most
/// of what they have.
fn amount_cents(rng: &mut Rng, kind: ProductKind, member: &Member) -> i64 {
    let wan = match kind {
        ProductKind::Insurance => {
            rng.weighted(&[(1, 20), (2, 20), (3, 15), (5, 20), (10, 15), (20, 10)])
        }
        _ => rng.weighted(&[
            (5, 24),
            (10, 26),
            (20, 18),
            (30, 12),
            (50, 10),
            (100, 6),
            (200, 2),
            (2, 2),
        ]),
    };
    let cap = member.aum * 6 / 10 / 1_000_000;
    wan.min(cap).max(1) * 1_000_000
}

/// A purchase of the years before the diary (`history`): a fund or an open-ended wealth
/// product, since redeemed, so no snapshot and no holding of today shows it, and without a
/// maturity (a term product would be a holding of its own).
pub(super) fn past_sale(rng: &mut Rng, member: &Member, m: usize, at: NaiveDateTime) -> Item {
    let kind = rng.weighted(&[(ProductKind::Fund, 7), (ProductKind::Wealth, 3)]);
    let (code, name) = if kind == ProductKind::Fund {
        let (code, name, _) = new_product(rng, kind, at.date());
        (code, name)
    } else {
        let idx = WEALTH_PRODUCTS
            .iter()
            .position(|(_, term)| *term == 0)
            .unwrap_or(0);
        (
            format!("WM{:02}", idx + 1),
            WEALTH_PRODUCTS[idx].0.to_string(),
        )
    };
    let cents = amount_cents(rng, kind, member);
    let mut draft = entry(
        EntryKind::Sale,
        Some(member),
        at,
        sale_note(rng, kind, &name, cents),
    );
    draft.sale = Some(Sale {
        product_kind: kind,
        product_code: code,
        product_name: name,
        amount: Some(Decimal::new(cents, 2)),
        maturity_on: None,
    });
    Item {
        draft,
        member: Some(m),
        wave: false,
    }
}

/// Code, name and maturity of a product sold on `d`: wealth products of three months to a year,
/// time deposits, savings bonds; funds and insurance run without a maturity.
fn new_product(
    rng: &mut Rng,
    kind: ProductKind,
    d: NaiveDate,
) -> (String, String, Option<NaiveDate>) {
    match kind {
        ProductKind::Wealth => {
            let weights: Vec<u32> = WEALTH_PRODUCTS
                .iter()
                .zip(WEALTH_WEIGHTS)
                .map(|((_, term), w)| if *term >= 90 { *w } else { 0 })
                .collect();
            let idx = rng.distinct(&weights, 1)[0];
            let (name, term) = WEALTH_PRODUCTS[idx];
            let code = format!("WM{}{:02}{:02}", d.year(), idx + 1, d.iso_week().week());
            (code, name.to_string(), Some(d + Duration::days(term)))
        }
        ProductKind::Fund => {
            let idx = rng.distinct(FUND_WEIGHTS, 1)[0];
            let (code, name) = FUNDS[idx];
            (code.to_string(), name.to_string(), None)
        }
        ProductKind::Insurance => {
            let idx = rng.distinct(INSURANCE_WEIGHTS, 1)[0];
            let (code, name) = INSURANCE[idx];
            (code.to_string(), name.to_string(), None)
        }
        ProductKind::Deposit => {
            let idx = rng.distinct(TIME_DEPOSIT_WEIGHTS, 1)[0];
            let (code, name, months) = TIME_DEPOSITS[idx];
            (
                code.to_string(),
                name.to_string(),
                d.checked_add_months(Months::new(months)),
            )
        }
        _ => {
            let years: u32 = if rng.chance(600) { 3 } else { 5 };
            let issue = 1 + rng.below(CN_NUMBERS.len() as u64) as usize;
            (
                format!("SB{:02}{:02}{years}", d.year() % 100, issue),
                format!(
                    "{}年第{}期储蓄国债(电子式){}年期",
                    d.year(),
                    CN_NUMBERS[issue - 1],
                    years
                ),
                d.checked_add_months(Months::new(12 * years)),
            )
        }
    }
}

/// An amount in cents as a manager writes it: `30万`, `12.5万`, `8000元`.
fn amount_text(cents: i64) -> String {
    if cents < 1_000_000 {
        return format!("{}元", cents / 100);
    }
    let hundredths = cents / 10_000;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => format!("{whole}万"),
        f if f % 10 == 0 => format!("{whole}.{}万", f / 10),
        f => format!("{whole}.{f:02}万"),
    }
}

/// The day's sales: first the purchases the balances show from this day (the sizeable ones
/// logged, up to the day's number), then new business. Returns the candidates not logged
/// whose holding is still to be written: the diary writes them as imported holdings.
pub(super) fn plan(
    rng: &mut Rng,
    day: &Day<'_>,
    mut candidates: Vec<SaleCandidate>,
    pickers: &Pickers,
    items: &mut Vec<Item>,
) -> Vec<SaleCandidate> {
    let (d, book) = (day.d, day.book);
    let wanted = scaled(rng, 1, 3, day.scale) as usize;
    let mut sold = 0;
    let mut unlogged = Vec::new();
    shuffle(rng, &mut candidates);
    for c in candidates {
        // The manager logs the sizeable purchases; small ones were made in the app, and
        // time deposits are mostly rolled over at the counter.
        let by_kind = match c.holding.kind {
            ProductKind::Deposit => 350,
            _ => 950,
        };
        let by_amount = match c.holding.amount {
            a if a < Decimal::from(10_000) => 150,
            a if a < Decimal::from(50_000) => 450,
            _ => 1_000,
        };
        let logged = by_kind * by_amount / 1_000;
        if sold < wanted && rng.chance(logged) {
            sold += 1;
            let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 45));
            items.push(sale_item(rng, &book[c.member], c.member, at, &c.holding));
        } else if c.deferred {
            unlogged.push(c);
        }
    }
    let after_snapshots = d > day.w.last_month_end;
    for _ in sold..wanted {
        if !rng.chance(750) {
            continue;
        }
        let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 45));
        if let Some(item) = new_sale(
            rng,
            book,
            &pickers.investors,
            &pickers.cardholders,
            d,
            at,
            after_snapshots,
        ) {
            items.push(item);
        }
    }
    unlogged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_a_manager_writes_them() {
        assert_eq!(amount_text(30_000_000), "30万");
        assert_eq!(amount_text(12_500_000), "12.5万");
        assert_eq!(amount_text(35_234_012), "35.23万");
        assert_eq!(amount_text(800_000), "8000元");
    }
}
