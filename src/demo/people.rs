//! One demo customer: a person (name, gender, birth, phone, a valid resident ID number with its check digit, occupation, risk profile, tags) with the balance history and holdings that go with them. Draws from the customer's own stream only; writes nothing.

use std::collections::HashSet;

use chrono::{Datelike, Duration, Months, NaiveDate};

use super::balances::{Cents, Pattern, aum_in_tier, scale, split_classes, walk_back};
use super::holdings::make_holdings;
use super::rng::Rng;
use super::tables::{
    AGE_BANDS, FEMALE_CHARS, FEMALE_NAMES, MALE_CHARS, MALE_NAMES, PHONE_PREFIXES, REGIONS,
    SALARIED, SURNAMES, TIER_WEIGHTS, WORKING_OCCUPATIONS,
};
use super::{MONTHS, TIER_BOUNDS};
use crate::domain::customer::{Customer, Gender, Holding, RiskLevel};

pub(super) struct Context<'a> {
    pub(super) today: NaiveDate,
    pub(super) month_ends: &'a [NaiveDate; MONTHS],
}

impl Context<'_> {
    pub(super) fn last_month_end(&self) -> NaiveDate {
        self.month_ends[MONTHS - 1]
    }
}

pub(super) struct Person {
    pub(super) customer: Customer,
    pub(super) added_on: NaiveDate,
    /// Balances at each month-end, oldest first.
    pub(super) history: [Cents; MONTHS],
    pub(super) holdings: Vec<Holding>,
    /// Not a cent moved in six months: left alone by the diary too, so they stay dormant.
    pub(super) still: bool,
}

/// The `pattern_roll` values (per mille) of normal customers who are still as well.
const STILL_TOO: (i64, i64) = (115, 135);

pub(super) fn make_person(
    rng: &mut Rng,
    ctx: &Context<'_>,
    phones: &mut HashSet<u64>,
    ids: &mut HashSet<String>,
) -> Person {
    let today = ctx.today;
    let gender = if rng.chance(500) {
        Gender::Male
    } else {
        Gender::Female
    };
    let (lo, hi) = rng.weighted(AGE_BANDS);
    let age = rng.range(lo, hi);
    let birth = today - Duration::days(age * 365 + age / 4 + rng.range(1, 364));
    let name = person_name(rng, gender, birth.year());
    let phone = unique_phone(rng, phones);
    let id_number = unique_id_number(rng, birth, gender, ids);

    // Prospects have contact data only; everyone else has traded at least once.
    let pattern_roll = rng.below(1000) as i64;
    let prospect = rng.chance(30);
    // About 7% whose money has not moved in six months (the first 5% and a slice of the
    // normal drifters, so the outflow and tier-crossing customers stay as they were).
    let still =
        !prospect && (pattern_roll < 50 || (STILL_TOO.0..STILL_TOO.1).contains(&pattern_roll));
    let adult_on = birth
        .checked_add_months(Months::new(18 * 12))
        .unwrap_or(birth);
    let first_trade = if prospect {
        None
    } else {
        Some(first_trade_date(rng, ctx, adult_on, still))
    };

    let tier = if prospect {
        0
    } else {
        rng.weighted(TIER_WEIGHTS)
    };
    let occupation = occupation(rng, age, gender, tier);
    let risk_level = if prospect && rng.chance(500) {
        None
    } else {
        Some(risk_level(rng, age))
    };
    let risk_assessed_on = risk_level.map(|_| today - Duration::days(rng.range(1, 540)));
    let tags = tags(rng, age, occupation);

    // The final (latest month-end) AUM decides the tier, so it is drawn first and the history
    // is walked backwards from it.
    let mut pattern = Pattern::Normal;
    let final_total = if prospect {
        0
    } else if still {
        pattern = Pattern::Still;
        aum_in_tier(rng, tier)
    } else if pattern_roll < 75 {
        pattern = Pattern::Outflow {
            keep_bp: rng.range(2_500, 6_800),
        };
        aum_in_tier(rng, tier)
    } else if pattern_roll < 115 {
        // Near a boundary, on the other side of it earlier on.
        let at = if rng.chance(600) {
            MONTHS - 1
        } else {
            MONTHS - 2
        };
        let up = tier == 3 || (tier > 0 && rng.chance(500));
        if up {
            let bound = TIER_BOUNDS[tier - 1];
            pattern = Pattern::Crossed {
                at,
                before: scale(bound, rng.range(8_600, 9_900), 10_000),
            };
            scale(bound, rng.range(10_000, 11_500), 10_000)
        } else {
            let bound = TIER_BOUNDS[tier];
            pattern = Pattern::Crossed {
                at,
                before: scale(bound, rng.range(10_100, 11_800), 10_000),
            };
            scale(bound, rng.range(8_800, 9_990), 10_000)
        }
    } else {
        aum_in_tier(rng, tier)
    };
    let investment_type = {
        let mut p = [250, 530, 680, 800][tier.min(3)];
        if age < 40 {
            p += 120;
        } else if age >= 60 {
            p -= 80;
        }
        rng.chance(p)
    };
    let final_cents = split_classes(rng, final_total, investment_type, age);
    let history = walk_back(rng, final_cents, pattern, ctx, first_trade);

    let holdings = match first_trade {
        Some(first) => make_holdings(rng, ctx, &final_cents, first, investment_type),
        None => Vec::new(),
    };

    let added_on = match first_trade {
        Some(first) => first.max(today - Duration::days(730 + rng.range(0, 1_100))),
        None => today - Duration::days(rng.range(0, 60)),
    };

    Person {
        customer: Customer {
            customer_no: String::new(),
            name,
            gender: Some(gender),
            birth_date: Some(birth),
            phone: Some(phone),
            id_number: Some(id_number),
            occupation: Some(occupation.to_string()),
            manager_no: None,
            risk_level,
            risk_assessed_on,
            first_trade_on: first_trade,
            tags,
            preference_override: None,
        },
        added_on,
        history,
        holdings,
        still,
    }
}

/// A Chinese name fitting the gender and the generation born in `birth_year`.
pub(super) fn person_name(rng: &mut Rng, gender: Gender, birth_year: i32) -> String {
    let surname = rng.weighted(SURNAMES);
    let era = match birth_year {
        ..1965 => 0,
        1965..1985 => 1,
        _ => 2,
    };
    let (chars, names) = match gender {
        Gender::Male => (MALE_CHARS, MALE_NAMES[era]),
        Gender::Female => (FEMALE_CHARS, FEMALE_NAMES[era]),
    };
    let roll = rng.below(100);
    let given = if roll < 28 || surname.chars().count() > 1 {
        rng.pick(chars).to_string()
    } else if roll < 80 {
        rng.pick(names).to_string()
    } else {
        let a = rng.pick(chars);
        let mut b = rng.pick(chars);
        if a == b {
            b = rng.pick(chars);
        }
        format!("{a}{b}")
    };
    format!("{surname}{given}")
}

fn unique_phone(rng: &mut Rng, used: &mut HashSet<u64>) -> String {
    loop {
        let prefix = rng.pick(PHONE_PREFIXES);
        let number = prefix * 100_000_000 + rng.below(100_000_000);
        if used.insert(number) {
            return number.to_string();
        }
    }
}

fn unique_id_number(
    rng: &mut Rng,
    birth: NaiveDate,
    gender: Gender,
    used: &mut HashSet<String>,
) -> String {
    loop {
        let region = rng.weighted(REGIONS);
        // The 17th digit is odd for men and even for women.
        let parity = match gender {
            Gender::Male => 1,
            Gender::Female => 0,
        };
        let sequence = rng.below(500) * 2 + parity;
        let body = format!("{region}{}{sequence:03}", birth.format("%Y%m%d"));
        let id = format!("{body}{}", id_check_digit(&body));
        if !used.contains(&id) {
            used.insert(id.clone());
            return id;
        }
    }
}

/// The GB 11643-1999 check character of the first 17 digits of a resident ID.
fn id_check_digit(body: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let sum: u32 = body
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

/// When the customer first traded: over the last fifteen years, some in the last 90 days (always
/// on or before the last month-end, so the latest snapshot already holds their money), and
/// never before they came of age.
fn first_trade_date(
    rng: &mut Rng,
    ctx: &Context<'_>,
    adult_on: NaiveDate,
    still: bool,
) -> NaiveDate {
    let today = ctx.today;
    let since_month_end = (today - ctx.last_month_end()).num_days();
    let adult_days = (today - adult_on).num_days().max(since_month_end);
    let days_ago = if !still && rng.chance(50) {
        rng.range(since_month_end, 89)
    } else {
        let most = adult_days.min(15 * 365);
        let least = if still { 400 } else { 90 };
        rng.range(least.min(most), most)
    };
    today - Duration::days(days_ago)
}

fn occupation(rng: &mut Rng, age: i64, gender: Gender, tier: usize) -> &'static str {
    let retire_age = match gender {
        Gender::Male => 60,
        Gender::Female => 55,
    };
    if age >= retire_age && rng.chance(if age >= 65 { 900 } else { 700 }) {
        return "退休";
    }
    if age < 24 && rng.chance(400) {
        return "学生";
    }
    if tier >= 2 && age >= 30 && rng.chance(350) {
        return if rng.chance(600) {
            "企业主"
        } else {
            "个体经营"
        };
    }
    rng.weighted(WORKING_OCCUPATIONS)
}

fn risk_level(rng: &mut Rng, age: i64) -> RiskLevel {
    let table: &[(RiskLevel, u32)] = if age >= 65 {
        &[
            (RiskLevel::C1, 25),
            (RiskLevel::C2, 45),
            (RiskLevel::C3, 24),
            (RiskLevel::C4, 5),
            (RiskLevel::C5, 1),
        ]
    } else if age < 40 {
        &[
            (RiskLevel::C1, 6),
            (RiskLevel::C2, 28),
            (RiskLevel::C3, 40),
            (RiskLevel::C4, 18),
            (RiskLevel::C5, 8),
        ]
    } else {
        &[
            (RiskLevel::C1, 10),
            (RiskLevel::C2, 37),
            (RiskLevel::C3, 36),
            (RiskLevel::C4, 12),
            (RiskLevel::C5, 5),
        ]
    };
    rng.weighted(table)
}

fn tags(rng: &mut Rng, age: i64, occupation: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut add = |t: &str| tags.push(t.to_string());
    if SALARIED.contains(&occupation) && rng.chance(450) {
        add("代发工资");
    }
    if occupation == "退休" && rng.chance(600) {
        add("退休");
    }
    if occupation == "企业主" && rng.chance(800) {
        add("企业主");
    }
    if occupation == "个体经营" && rng.chance(300) {
        add("商户");
    }
    if (25..=55).contains(&age) && rng.chance(150) {
        add("按揭");
    }
    if age < 40 && rng.chance(80) {
        add("新市民");
    }
    if rng.chance(60) {
        add("社保卡");
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_follows_gb_11643() {
        assert_eq!(id_check_digit("11010519491231002"), 'X');
        assert_eq!(id_check_digit("44052418800101001"), '4');
    }
}
