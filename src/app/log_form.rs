//! The quick-log popup's model: which kind, for whom, the outcome, the text fields and pickers, which field has the cursor, and turning it into an `EntryDraft` with errors pinned to their field. Pure.

use chrono::NaiveDateTime;

use super::text_field::TextField;
use crate::domain::customer::{ProductKind, RiskLevel};
use crate::domain::diary::{DraftProblem, EntryDraft, EntryKind, Outcome, Sale, validate_draft};
use crate::domain::limits::LimitsPolicy;
use crate::domain::money::parse_money;
use crate::domain::when::{parse_follow_up, parse_moment};

/// A field of the popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    ProductKind,
    ProductName,
    Amount,
    Maturity,
    RiskLevel,
    Note,
    Time,
    FollowUp,
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    BadTime,
    BadFollowUp,
    BadAmount,
    BadDate,
    Draft(DraftProblem),
}

/// Who the entry is for: one customer, many (a bulk SMS), or nobody (memo, reflection).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Nobody,
    One { customer_no: String, name: String },
    Many(Vec<(String, String)>),
}

/// The popup's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogForm {
    pub kind: EntryKind,
    pub target: Target,
    pub outcome: Option<Outcome>,
    pub product_kind: ProductKind,
    pub risk_level: RiskLevel,
    pub note: TextField,
    pub time: TextField,
    pub follow_up: TextField,
    pub product_name: TextField,
    pub amount: TextField,
    pub maturity: TextField,
    pub focus: Field,
    pub error: Option<(Field, FormError)>,
    /// The entry being amended, if this is an amendment.
    pub amend_id: Option<i64>,
    /// The amended entry as it was, so the amendment can be undone.
    pub original: Option<EntryDraft>,
    /// The text fields as the popup opened (see `has_typed`).
    pub start_texts: Vec<String>,
}

impl LogForm {
    /// A fresh popup for `kind`, time `now`, cursor in the note (or the first sale field).
    pub fn new(kind: EntryKind, target: Target, now: NaiveDateTime) -> LogForm {
        let mut form = LogForm {
            kind,
            target,
            outcome: kind.has_outcome().then_some(Outcome::Reached),
            product_kind: ProductKind::Wealth,
            risk_level: RiskLevel::C3,
            note: TextField::default(),
            time: TextField::with(&now.format("%Y-%m-%d %H:%M").to_string()),
            follow_up: TextField::default(),
            product_name: TextField::default(),
            amount: TextField::default(),
            maturity: TextField::default(),
            focus: Field::Note,
            error: None,
            amend_id: None,
            original: None,
            start_texts: Vec::new(),
        };
        form.focus = form.fields()[0];
        form.mark_pristine();
        form
    }

    /// Every text field's text, in a fixed order.
    fn texts(&self) -> Vec<String> {
        [
            &self.note,
            &self.time,
            &self.follow_up,
            &self.product_name,
            &self.amount,
            &self.maturity,
        ]
        .iter()
        .map(|f| f.text().to_string())
        .collect()
    }

    /// Takes the fields as they are now as untouched (after a template or an amendment fills
    /// them), so only what the user types next counts as typed.
    pub fn mark_pristine(&mut self) {
        self.start_texts = self.texts();
    }

    /// True when a text field differs from how the popup opened: leaving would lose typing.
    pub fn has_typed(&self) -> bool {
        self.texts() != self.start_texts
    }

    /// A popup holding an existing entry, to amend it.
    pub fn amend(id: i64, draft: &EntryDraft, name: Option<String>) -> LogForm {
        let target = match (&draft.customer_no, name) {
            (Some(no), name) => Target::One {
                customer_no: no.clone(),
                name: name.unwrap_or_else(|| no.clone()),
            },
            (None, _) => Target::Nobody,
        };
        let mut form = LogForm::new(draft.kind, target, draft.occurred_at);
        form.amend_id = Some(id);
        form.original = Some(draft.clone());
        form.outcome = draft.outcome;
        form.note = TextField::with(&draft.note);
        if let Some(f) = draft.follow_up_at {
            form.follow_up = TextField::with(&f.format("%Y-%m-%d %H:%M").to_string());
        }
        if let Some(level) = draft.risk_level {
            form.risk_level = level;
        }
        if let Some(sale) = &draft.sale {
            form.product_kind = sale.product_kind;
            form.product_name = TextField::with(&sale.product_name);
            if let Some(a) = sale.amount {
                form.amount = TextField::with(&a.to_string());
            }
            if let Some(m) = sale.maturity_on {
                form.maturity = TextField::with(&m.to_string());
            }
        }
        form.focus = Field::Note;
        form.mark_pristine();
        form
    }

    /// The fields this kind shows, in Tab order.
    pub fn fields(&self) -> Vec<Field> {
        match self.kind {
            EntryKind::Sale => vec![
                Field::ProductKind,
                Field::ProductName,
                Field::Amount,
                Field::Maturity,
                Field::Note,
                Field::Time,
                Field::FollowUp,
            ],
            EntryKind::RiskAssessment => vec![Field::RiskLevel, Field::Note, Field::Time],
            EntryKind::Reflection => vec![Field::Note, Field::Time],
            _ => vec![Field::Note, Field::Time, Field::FollowUp],
        }
    }

    /// Moves the cursor to the next (`+1`) or previous (`-1`) field.
    pub fn move_focus(&mut self, step: isize) {
        let fields = self.fields();
        let pos = fields.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let n = fields.len() as isize;
        self.focus = fields[((pos + step).rem_euclid(n)) as usize];
    }

    /// The text field with the cursor, if the focus is on one.
    pub fn focused_text(&mut self) -> Option<&mut TextField> {
        match self.focus {
            Field::Note => Some(&mut self.note),
            Field::Time => Some(&mut self.time),
            Field::FollowUp => Some(&mut self.follow_up),
            Field::ProductName => Some(&mut self.product_name),
            Field::Amount => Some(&mut self.amount),
            Field::Maturity => Some(&mut self.maturity),
            Field::ProductKind | Field::RiskLevel => None,
        }
    }

    /// Steps a picker (product kind or risk level) forwards or backwards.
    pub fn cycle_picker(&mut self, step: isize) {
        match self.focus {
            Field::ProductKind => {
                let all = ProductKind::ALL;
                let pos = all
                    .iter()
                    .position(|k| *k == self.product_kind)
                    .unwrap_or(0) as isize;
                self.product_kind = all[(pos + step).rem_euclid(all.len() as isize) as usize];
            }
            Field::RiskLevel => {
                let all = RiskLevel::ALL;
                let pos = all.iter().position(|k| *k == self.risk_level).unwrap_or(0) as isize;
                self.risk_level = all[(pos + step).rem_euclid(all.len() as isize) as usize];
            }
            _ => {}
        }
    }

    /// For an amendment: the entry before and after, for the undo step.
    pub fn original_and_new(&self, now: NaiveDateTime) -> Option<(EntryDraft, EntryDraft)> {
        let before = self.original.clone()?;
        let mut drafts = self.drafts(now).ok()?;
        (drafts.len() == 1).then(|| (before, drafts.remove(0)))
    }

    /// The customers the entry is for (one draft each).
    fn customers(&self) -> Vec<Option<String>> {
        match &self.target {
            Target::Nobody => vec![None],
            Target::One { customer_no, .. } => vec![Some(customer_no.clone())],
            Target::Many(list) => list.iter().map(|(no, _)| Some(no.clone())).collect(),
        }
    }

    /// Builds the drafts to save, or the first field in error, checked against the store's
    /// own ceiling only (see [`LogForm::drafts_within`]).
    pub fn drafts(&self, now: NaiveDateTime) -> Result<Vec<EntryDraft>, (Field, FormError)> {
        self.drafts_within(now, &LimitsPolicy::ceiling())
    }

    /// Builds the drafts to save, checked against the policy's limits too.
    pub fn drafts_within(
        &self,
        now: NaiveDateTime,
        limits: &LimitsPolicy,
    ) -> Result<Vec<EntryDraft>, (Field, FormError)> {
        let occurred_at =
            parse_moment(self.time.text(), now).map_err(|_| (Field::Time, FormError::BadTime))?;
        let follow_up_at = parse_follow_up(self.follow_up.text(), occurred_at)
            .map_err(|_| (Field::FollowUp, FormError::BadFollowUp))?;
        let sale = if self.kind == EntryKind::Sale {
            let amount = if self.amount.text().trim().is_empty() {
                None
            } else {
                Some(parse_money(self.amount.text()).ok_or((Field::Amount, FormError::BadAmount))?)
            };
            let maturity_on = if self.maturity.text().trim().is_empty() {
                None
            } else {
                Some(
                    parse_follow_up(self.maturity.text(), occurred_at)
                        .ok()
                        .flatten()
                        .map(|t| t.date())
                        .ok_or((Field::Maturity, FormError::BadDate))?,
                )
            };
            Some(Sale {
                product_kind: self.product_kind,
                product_code: String::new(),
                product_name: self.product_name.text().trim().to_string(),
                amount,
                maturity_on,
            })
        } else {
            None
        };
        let names: Vec<String> = match &self.target {
            Target::Many(list) => list.iter().map(|(_, n)| n.clone()).collect(),
            Target::One { name, .. } => vec![name.clone()],
            Target::Nobody => vec![String::new()],
        };
        let drafts: Vec<EntryDraft> = self
            .customers()
            .into_iter()
            .zip(names)
            .map(|(customer_no, name)| EntryDraft {
                kind: self.kind,
                customer_no,
                occurred_at,
                outcome: self.outcome,
                // A bulk SMS note is a template: {name} becomes each customer's name.
                note: self.note.text().trim().replace("{name}", &name),
                follow_up_at,
                sale: sale.clone(),
                risk_level: (self.kind == EntryKind::RiskAssessment).then_some(self.risk_level),
            })
            .collect();
        for d in &drafts {
            validate_draft(d, limits).map_err(|p| (field_of(p), FormError::Draft(p)))?;
        }
        Ok(drafts)
    }
}

/// The field a draft problem belongs to.
fn field_of(problem: DraftProblem) -> Field {
    match problem {
        DraftProblem::AmountRequired
        | DraftProblem::AmountNotPositive
        | DraftProblem::AmountTooLarge { .. } => Field::Amount,
        DraftProblem::ProductNameRequired => Field::ProductName,
        DraftProblem::RiskLevelRequired => Field::RiskLevel,
        DraftProblem::MaturityNotAfterSale => Field::Maturity,
        DraftProblem::CallBackNeedsTime => Field::FollowUp,
        DraftProblem::DateOutOfRange => Field::Time,
        DraftProblem::CustomerRequired
        | DraftProblem::NoCustomerAllowed
        | DraftProblem::TextRequired
        | DraftProblem::TextTooLong => Field::Note,
    }
}
