//! The work diary (客户经理工作日志): entry kinds, outcomes, sales, and the rules of what an entry means (which kinds are two-way contacts, which need an amount). Plain data and pure rules.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::customer::ProductKind;

/// What kind of diary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Call,
    Sms,
    Wechat,
    Visit,
    Sale,
    RiskAssessment,
    Memo,
    Reflection,
}

impl EntryKind {
    /// Every kind in display order.
    pub const ALL: [EntryKind; 8] = [
        EntryKind::Call,
        EntryKind::Sms,
        EntryKind::Wechat,
        EntryKind::Visit,
        EntryKind::Sale,
        EntryKind::RiskAssessment,
        EntryKind::Memo,
        EntryKind::Reflection,
    ];

    /// The stable key, as stored and exported.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Call => "call",
            EntryKind::Sms => "sms",
            EntryKind::Wechat => "wechat",
            EntryKind::Visit => "visit",
            EntryKind::Sale => "sale",
            EntryKind::RiskAssessment => "risk_assessment",
            EntryKind::Memo => "memo",
            EntryKind::Reflection => "reflection",
        }
    }

    /// Parses a stored key.
    pub fn from_key(key: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Memos and reflections belong to the manager, not to a customer.
    pub fn needs_customer(self) -> bool {
        !matches!(self, EntryKind::Memo | EntryKind::Reflection)
    }

    /// Kinds that record an attempt to talk with the customer, and so carry an outcome (an SMS
    /// is sent, not answered).
    pub fn has_outcome(self) -> bool {
        matches!(self, EntryKind::Call | EntryKind::Wechat | EntryKind::Visit)
    }
}

/// How a contact went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Reached,
    NotReached,
    CallbackRequested,
    Refused,
}

impl Outcome {
    /// Every outcome, in the order keys 1–4 pick them.
    pub const ALL: [Outcome; 4] = [
        Outcome::Reached,
        Outcome::NotReached,
        Outcome::CallbackRequested,
        Outcome::Refused,
    ];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Reached => "reached",
            Outcome::NotReached => "not_reached",
            Outcome::CallbackRequested => "callback_requested",
            Outcome::Refused => "refused",
        }
    }

    /// Parses a stored key.
    pub fn from_key(key: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.key() == key)
    }
}

/// The product side of a sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sale {
    pub product_kind: ProductKind,
    pub product_code: String,
    pub product_name: String,
    pub amount: Option<Decimal>,
    pub maturity_on: Option<NaiveDate>,
}

/// Product kinds whose sale must state an amount.
pub fn sale_needs_amount(kind: ProductKind) -> bool {
    matches!(
        kind,
        ProductKind::Fund
            | ProductKind::Wealth
            | ProductKind::Insurance
            | ProductKind::Deposit
            | ProductKind::Bond
    )
}

/// What the manager typed: one entry before it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub kind: EntryKind,
    /// The bank's customer number; `None` for memos and reflections.
    pub customer_no: Option<String>,
    pub occurred_at: NaiveDateTime,
    pub outcome: Option<Outcome>,
    pub note: String,
    pub follow_up_at: Option<NaiveDateTime>,
    pub sale: Option<Sale>,
    /// The new risk level, for a risk assessment.
    pub risk_level: Option<super::customer::RiskLevel>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryEntry {
    pub id: i64,
    pub manager_no: Option<String>,
    pub customer_name: Option<String>,
    pub draft: EntryDraft,
    pub created_at: NaiveDateTime,
    /// True when the entry was amended (its earlier versions are kept).
    pub amended: bool,
    /// True when the entry was deleted (kept, hidden from the day and the figures).
    pub deleted: bool,
    /// Entries logged together (a bulk SMS) share a batch number.
    #[serde(default)]
    pub batch_id: Option<i64>,
}

/// One day of the diary: its live entries in time order and the follow-ups due that day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiaryDay {
    pub date: NaiveDate,
    pub entries: Vec<DiaryEntry>,
    pub follow_ups: Vec<DiaryEntry>,
}

/// Why a draft cannot be saved; the field it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftProblem {
    CustomerRequired,
    NoCustomerAllowed,
    AmountRequired,
    AmountNotPositive,
    /// Above the policy's `limits.max_sale_amount` (carried, to be said in the message).
    AmountTooLarge {
        limit: Decimal,
    },
    ProductNameRequired,
    RiskLevelRequired,
    /// A maturity on or before the day of the sale.
    MaturityNotAfterSale,
    /// "Call back requested" with no call-back time.
    CallBackNeedsTime,
    /// An SMS or a memo with no text.
    TextRequired,
    /// A note longer than [`MAX_NOTE_CHARS`].
    TextTooLong,
    /// A time before 1900 or after 2200.
    DateOutOfRange,
}

/// The longest note an entry may carry, in characters: a page of text is plenty for a
/// contact, and a bound keeps one paste from bloating every screen and export.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// Checks a draft against the diary's rules and the policy's limits.
pub fn validate_draft(
    draft: &EntryDraft,
    limits: &super::limits::LimitsPolicy,
) -> Result<(), DraftProblem> {
    use super::limits::plausible_year;
    use chrono::Datelike;
    match (draft.kind.needs_customer(), &draft.customer_no) {
        (true, None) => return Err(DraftProblem::CustomerRequired),
        (false, Some(_)) => return Err(DraftProblem::NoCustomerAllowed),
        _ => {}
    }
    let years_ok = plausible_year(draft.occurred_at.year())
        && draft.follow_up_at.is_none_or(|t| plausible_year(t.year()))
        && draft
            .sale
            .as_ref()
            .and_then(|s| s.maturity_on)
            .is_none_or(|d| plausible_year(d.year()));
    if !years_ok {
        return Err(DraftProblem::DateOutOfRange);
    }
    if draft.note.chars().count() > MAX_NOTE_CHARS {
        return Err(DraftProblem::TextTooLong);
    }
    if matches!(draft.kind, EntryKind::Sms | EntryKind::Memo) && draft.note.trim().is_empty() {
        return Err(DraftProblem::TextRequired);
    }
    if draft.outcome == Some(Outcome::CallbackRequested) && draft.follow_up_at.is_none() {
        return Err(DraftProblem::CallBackNeedsTime);
    }
    if draft.kind == EntryKind::Sale {
        let Some(sale) = &draft.sale else {
            return Err(DraftProblem::ProductNameRequired);
        };
        if sale.product_name.trim().is_empty() && sale_needs_amount(sale.product_kind) {
            return Err(DraftProblem::ProductNameRequired);
        }
        match sale.amount {
            None if sale_needs_amount(sale.product_kind) => {
                return Err(DraftProblem::AmountRequired);
            }
            Some(a) if a <= Decimal::ZERO => return Err(DraftProblem::AmountNotPositive),
            Some(a) if a > limits.max_sale_amount => {
                return Err(DraftProblem::AmountTooLarge {
                    limit: limits.max_sale_amount,
                });
            }
            _ => {}
        }
        if sale
            .maturity_on
            .is_some_and(|m| m <= draft.occurred_at.date())
        {
            return Err(DraftProblem::MaturityNotAfterSale);
        }
    }
    if draft.kind == EntryKind::RiskAssessment && draft.risk_level.is_none() {
        return Err(DraftProblem::RiskLevelRequired);
    }
    Ok(())
}

/// When the customer was last reached in each way the cadence counts (dates of the latest entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CadenceStatus {
    /// Last SMS or WeChat message.
    pub last_sms: Option<NaiveDate>,
    /// Last two-way contact: a reached call or WeChat call, or a visit.
    pub last_contact: Option<NaiveDate>,
    pub last_visit: Option<NaiveDate>,
    pub last_sale: Option<NaiveDate>,
    pub last_risk_assessment: Option<NaiveDate>,
}

/// True when the entry is a two-way communication (a reached call, a visit).
pub fn is_two_way(draft: &EntryDraft) -> bool {
    is_two_way_kind(draft.kind, draft.outcome)
}

/// `is_two_way` on a kind and outcome alone.
pub fn is_two_way_kind(kind: EntryKind, outcome: Option<Outcome>) -> bool {
    match kind {
        EntryKind::Call | EntryKind::Wechat => outcome == Some(Outcome::Reached),
        EntryKind::Visit => !matches!(outcome, Some(Outcome::NotReached | Outcome::Refused)),
        _ => false,
    }
}

/// The cadence block of one customer from their live entries and the imported assessment date.
pub fn cadence_status(
    entries: &[DiaryEntry],
    risk_assessed_on: Option<NaiveDate>,
) -> CadenceStatus {
    let mut status = CadenceStatus {
        last_risk_assessment: risk_assessed_on,
        ..CadenceStatus::default()
    };
    let later = |slot: &mut Option<NaiveDate>, day: NaiveDate| {
        if slot.is_none_or(|d| d < day) {
            *slot = Some(day);
        }
    };
    for e in entries.iter().filter(|e| !e.deleted) {
        let d = &e.draft;
        let day = d.occurred_at.date();
        match d.kind {
            EntryKind::Sms | EntryKind::Wechat => later(&mut status.last_sms, day),
            EntryKind::Sale => later(&mut status.last_sale, day),
            EntryKind::RiskAssessment => later(&mut status.last_risk_assessment, day),
            _ => {}
        }
        if d.kind == EntryKind::Visit && is_two_way(d) {
            later(&mut status.last_visit, day);
        }
        if is_two_way(d) {
            later(&mut status.last_contact, day);
        }
    }
    status
}

/// The sales of one product kind in `entries`, live ones only, in the entries' order.
pub fn ledger_entries(entries: &[DiaryEntry], kind: ProductKind) -> Vec<(&DiaryEntry, &Sale)> {
    entries
        .iter()
        .filter(|e| !e.deleted && e.draft.kind == EntryKind::Sale)
        .filter_map(|e| e.draft.sale.as_ref().map(|s| (e, s)))
        .filter(|(_, s)| s.product_kind == kind)
        .collect()
}

/// Totals by product name of one kind's sales: (name, count, amount), sorted by name. A sale
/// without an amount counts as a sale and adds nothing.
pub fn ledger_totals(entries: &[DiaryEntry], kind: ProductKind) -> Vec<(String, usize, Decimal)> {
    let mut totals: std::collections::BTreeMap<String, (usize, Decimal)> = Default::default();
    for (_, sale) in ledger_entries(entries, kind) {
        let slot = totals
            .entry(sale.product_name.clone())
            .or_insert((0, Decimal::ZERO));
        slot.0 += 1;
        slot.1 += sale.amount.unwrap_or_default();
    }
    totals
        .into_iter()
        .map(|(name, (count, amount))| (name, count, amount))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validate_draft_default(d: &EntryDraft) -> Result<(), DraftProblem> {
        validate_draft(d, &super::super::limits::LimitsPolicy::default())
    }
    use rust_decimal_macros::dec;

    fn draft(kind: EntryKind, customer: Option<&str>) -> EntryDraft {
        EntryDraft {
            kind,
            customer_no: customer.map(str::to_string),
            occurred_at: NaiveDate::from_ymd_opt(2026, 11, 24)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            outcome: None,
            note: String::new(),
            follow_up_at: None,
            sale: None,
            risk_level: None,
        }
    }

    #[test]
    fn cadence_counts_what_each_obligation_accepts() {
        let entry = |kind, outcome, day: u32| DiaryEntry {
            id: 1,
            manager_no: None,
            customer_name: None,
            draft: EntryDraft {
                outcome,
                occurred_at: NaiveDate::from_ymd_opt(2026, 11, day)
                    .unwrap()
                    .and_hms_opt(10, 0, 0)
                    .unwrap(),
                ..draft(kind, Some("C1"))
            },
            created_at: NaiveDate::from_ymd_opt(2026, 11, day)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            amended: false,
            deleted: false,
            batch_id: None,
        };
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
        let entries = vec![
            entry(EntryKind::Call, Some(Outcome::NotReached), 20),
            entry(EntryKind::Call, Some(Outcome::Reached), 10),
            entry(EntryKind::Wechat, Some(Outcome::NotReached), 18),
            entry(EntryKind::Visit, Some(Outcome::Reached), 5),
            entry(EntryKind::Sale, None, 6),
        ];
        let s = cadence_status(&entries, d(1));
        assert_eq!(s.last_sms, d(18), "a WeChat message counts as the SMS");
        assert_eq!(s.last_contact, d(10), "a not-reached call is no contact");
        assert_eq!(s.last_visit, d(5));
        assert_eq!(s.last_sale, d(6));
        assert_eq!(s.last_risk_assessment, d(1));
    }

    #[test]
    fn drafts_are_checked() {
        assert_eq!(
            validate_draft_default(&draft(EntryKind::Call, None)),
            Err(DraftProblem::CustomerRequired)
        );
        assert_eq!(
            validate_draft_default(&draft(EntryKind::Memo, Some("C1"))),
            Err(DraftProblem::NoCustomerAllowed)
        );
        assert_eq!(
            validate_draft_default(&draft(EntryKind::Memo, None)),
            Err(DraftProblem::TextRequired)
        );
        let mut memo = draft(EntryKind::Memo, None);
        memo.note = "周五带资料".into();
        assert_eq!(validate_draft_default(&memo), Ok(()));
        let mut sms = draft(EntryKind::Sms, Some("C1"));
        sms.note = "  ".into();
        assert_eq!(
            validate_draft_default(&sms),
            Err(DraftProblem::TextRequired)
        );
        let mut call = draft(EntryKind::Call, Some("C1"));
        call.outcome = Some(Outcome::CallbackRequested);
        assert_eq!(
            validate_draft_default(&call),
            Err(DraftProblem::CallBackNeedsTime)
        );
        call.follow_up_at = Some(call.occurred_at + chrono::Duration::hours(1));
        assert_eq!(validate_draft_default(&call), Ok(()));
        call.follow_up_at =
            NaiveDate::from_ymd_opt(262_142, 1, 1).and_then(|d| d.and_hms_opt(9, 0, 0));
        assert_eq!(
            validate_draft_default(&call),
            Err(DraftProblem::DateOutOfRange)
        );
        let mut sale = draft(EntryKind::Sale, Some("C1"));
        sale.sale = Some(Sale {
            product_kind: ProductKind::Wealth,
            product_code: String::new(),
            product_name: "稳利丰".into(),
            amount: None,
            maturity_on: None,
        });
        assert_eq!(
            validate_draft_default(&sale),
            Err(DraftProblem::AmountRequired)
        );
        sale.sale.as_mut().unwrap().amount = Some(dec!(0));
        assert_eq!(
            validate_draft_default(&sale),
            Err(DraftProblem::AmountNotPositive)
        );
        sale.sale.as_mut().unwrap().amount = Some(dec!(99999999999999999999));
        assert_eq!(
            validate_draft_default(&sale),
            Err(DraftProblem::AmountTooLarge {
                limit: dec!(1000000000)
            })
        );
        sale.sale.as_mut().unwrap().amount = Some(dec!(300000));
        assert_eq!(validate_draft_default(&sale), Ok(()));
        sale.sale.as_mut().unwrap().maturity_on = NaiveDate::from_ymd_opt(2026, 11, 24);
        assert_eq!(
            validate_draft_default(&sale),
            Err(DraftProblem::MaturityNotAfterSale)
        );
        sale.sale.as_mut().unwrap().maturity_on = NaiveDate::from_ymd_opt(2027, 11, 24);
        assert_eq!(validate_draft_default(&sale), Ok(()));
        let mut card = draft(EntryKind::Sale, Some("C1"));
        card.sale = Some(Sale {
            product_kind: ProductKind::CreditCard,
            product_code: String::new(),
            product_name: String::new(),
            amount: None,
            maturity_on: None,
        });
        assert_eq!(
            validate_draft_default(&card),
            Ok(()),
            "a credit card needs no amount"
        );
        assert_eq!(
            validate_draft_default(&draft(EntryKind::RiskAssessment, Some("C1"))),
            Err(DraftProblem::RiskLevelRequired)
        );
    }
}
