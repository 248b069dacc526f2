//! What the daily queue needs of one customer's diary, in a compact form the store can keep up to date: the latest entry of each kind and outcome before today, today's entries, and the follow-ups set (what answers a reason is the policy's: `answers`, the cadence's `satisfied_by`). Built here from entries for tests and small books; the store keeps the same aggregate for large ones. Pure.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::classify::Activity;
use super::diary::{DiaryEntry, EntryKind, Outcome, is_two_way_kind};

/// The latest live entry of one kind and outcome, and how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastContact {
    pub kind: EntryKind,
    pub outcome: Option<Outcome>,
    pub at: NaiveDateTime,
    pub count: u32,
}

/// One live entry of the day being looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayEntry {
    /// The entry's id (what answered a reason, in the queue's JSON).
    pub id: i64,
    pub kind: EntryKind,
    pub outcome: Option<Outcome>,
    pub at: NaiveDateTime,
    /// Part of a bulk send (the weekly SMS to many): it answers the SMS, not a birthday.
    pub bulk: bool,
}

/// A follow-up time set on a live entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUp {
    pub entry_id: i64,
    /// When the entry that set it happened.
    pub set_at: NaiveDateTime,
    pub due_at: NaiveDateTime,
}

/// A customer's diary as the queue reads it, relative to one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactFacts {
    /// Per kind and outcome, the latest live entry before the day.
    pub before: Vec<LastContact>,
    /// Live entries on the day itself.
    pub on_day: Vec<DayEntry>,
    /// Follow-ups set on live entries up to the end of the day, due by then.
    pub follow_ups: Vec<FollowUp>,
}

impl ContactFacts {
    /// The facts of `entries` (any order) relative to `day`: deleted entries and entries after
    /// the day are left out, as the store's aggregate leaves them out.
    pub fn from_entries(entries: &[DiaryEntry], day: NaiveDate) -> ContactFacts {
        let mut last: BTreeMap<(EntryKind, Option<Outcome>), LastContact> = BTreeMap::new();
        let mut facts = ContactFacts::default();
        for e in entries.iter().filter(|e| !e.deleted) {
            let (kind, outcome, at) = (e.draft.kind, e.draft.outcome, e.draft.occurred_at);
            if at.date() > day {
                continue;
            }
            if at.date() == day {
                facts.on_day.push(DayEntry {
                    id: e.id,
                    kind,
                    outcome,
                    at,
                    bulk: e.batch_id.is_some(),
                });
            } else {
                let slot = last.entry((kind, outcome)).or_insert(LastContact {
                    kind,
                    outcome,
                    at,
                    count: 0,
                });
                slot.count += 1;
                slot.at = slot.at.max(at);
            }
            if let Some(due_at) = e.draft.follow_up_at.filter(|d| d.date() <= day) {
                facts.follow_ups.push(FollowUp {
                    entry_id: e.id,
                    set_at: at,
                    due_at,
                });
            }
        }
        facts.before = last.into_values().collect();
        facts.on_day.sort_by_key(|e| e.at);
        facts
    }

    /// The latest entry before the day that `accepts` takes.
    pub fn last_before(
        &self,
        accepts: impl Fn(EntryKind, Option<Outcome>) -> bool,
    ) -> Option<NaiveDateTime> {
        self.before
            .iter()
            .filter(|c| accepts(c.kind, c.outcome))
            .map(|c| c.at)
            .max()
    }

    /// The latest entry up to the end of the day that `accepts` takes.
    pub fn last(
        &self,
        accepts: impl Fn(EntryKind, Option<Outcome>) -> bool,
    ) -> Option<NaiveDateTime> {
        let today = self
            .on_day
            .iter()
            .filter(|e| accepts(e.kind, e.outcome))
            .map(|e| e.at)
            .max();
        today.or_else(|| self.last_before(accepts))
    }

    /// These facts without the day's own entries: what the day's plan is made of. Every
    /// follow-up is kept (one set this morning for this afternoon joins the plan when due);
    /// what the day's entries answered is judged apart, reason by reason.
    pub fn at_start_of_day(&self) -> ContactFacts {
        ContactFacts {
            before: self.before.clone(),
            on_day: Vec::new(),
            follow_ups: self.follow_ups.clone(),
        }
    }

    /// Last two-way contact or sale, and the number of sales: what the lifecycle reads.
    pub fn activity(&self) -> Activity {
        let two_way = |kind: EntryKind, outcome: Option<Outcome>| {
            kind == EntryKind::Sale || is_two_way_kind(kind, outcome)
        };
        let sales = self
            .before
            .iter()
            .filter(|c| c.kind == EntryKind::Sale)
            .map(|c| c.count)
            .sum::<u32>()
            + self
                .on_day
                .iter()
                .filter(|e| e.kind == EntryKind::Sale)
                .count() as u32;
        Activity {
            last_contact_on: self.last(two_way).map(|t| t.date()),
            sales_count: sales,
        }
    }
}

/// One live entry of a run of days, with the follow-up it set: what rolls a customer's facts
/// forward from the start of the run to any day in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowEntry {
    pub id: i64,
    pub kind: EntryKind,
    pub outcome: Option<Outcome>,
    pub at: NaiveDateTime,
    pub follow_up_at: Option<NaiveDateTime>,
    /// Part of a bulk send.
    pub bulk: bool,
}

impl ContactFacts {
    /// The facts on `day`, from `self` as they stood at the start of a run of days (`before`
    /// only, and the follow-ups set before the run that were still open then, whatever their
    /// due time) and the run's live entries up to `day` (any order). Equal to
    /// [`ContactFacts::from_entries`] over the whole diary, without reading it again per day.
    pub fn rolled_to(&self, window: &[WindowEntry], day: NaiveDate) -> ContactFacts {
        let mut last: BTreeMap<(EntryKind, Option<Outcome>), LastContact> = self
            .before
            .iter()
            .map(|c| ((c.kind, c.outcome), *c))
            .collect();
        let mut on_day = Vec::new();
        let mut follow_ups: Vec<FollowUp> = self
            .follow_ups
            .iter()
            .filter(|f| f.due_at.date() <= day)
            .copied()
            .collect();
        for e in window.iter().filter(|e| e.at.date() <= day) {
            if e.at.date() == day {
                on_day.push(DayEntry {
                    id: e.id,
                    kind: e.kind,
                    outcome: e.outcome,
                    at: e.at,
                    bulk: e.bulk,
                });
            } else {
                let slot = last.entry((e.kind, e.outcome)).or_insert(LastContact {
                    kind: e.kind,
                    outcome: e.outcome,
                    at: e.at,
                    count: 0,
                });
                slot.count += 1;
                slot.at = slot.at.max(e.at);
            }
            if let Some(due_at) = e.follow_up_at.filter(|d| d.date() <= day) {
                follow_ups.push(FollowUp {
                    entry_id: e.id,
                    set_at: e.at,
                    due_at,
                });
            }
        }
        on_day.sort_by_key(|e| e.at);
        ContactFacts {
            before: last.into_values().collect(),
            on_day,
            follow_ups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diary::{DiaryEntry, EntryDraft};

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .unwrap_or_default()
    }

    fn entry(id: i64, kind: EntryKind, outcome: Option<Outcome>, on: NaiveDateTime) -> DiaryEntry {
        DiaryEntry {
            id,
            manager_no: None,
            customer_name: None,
            draft: EntryDraft {
                kind,
                customer_no: Some("C1".into()),
                occurred_at: on,
                outcome,
                note: String::new(),
                follow_up_at: None,
                sale: None,
                risk_level: None,
            },
            created_at: on,
            amended: false,
            deleted: false,
            batch_id: None,
        }
    }

    fn sorted(mut f: ContactFacts) -> ContactFacts {
        f.follow_ups.sort_by_key(|x| (x.set_at, x.entry_id));
        f
    }

    /// Rolling the start-of-run facts forward gives, on every day of the run, what reading the
    /// whole diary gives.
    #[test]
    fn rolling_forward_matches_reading_the_whole_diary() {
        let mut entries = vec![
            entry(1, EntryKind::Call, Some(Outcome::Reached), at(2, 10)),
            entry(2, EntryKind::Sms, None, at(9, 9)),
            entry(3, EntryKind::Call, Some(Outcome::NotReached), at(16, 11)),
            entry(4, EntryKind::Sale, None, at(17, 15)),
            entry(5, EntryKind::Call, Some(Outcome::Reached), at(18, 10)),
            entry(6, EntryKind::Visit, None, at(18, 16)),
            entry(7, EntryKind::Sms, None, at(20, 9)),
        ];
        // Follow-ups set before the run (one due inside it, one answered before it) and in it.
        entries[0].draft.follow_up_at = Some(at(3, 10));
        entries[1].draft.follow_up_at = Some(at(19, 10));
        entries[2].draft.follow_up_at = Some(at(17, 9));
        entries[4].draft.follow_up_at = Some(at(25, 9));
        let start = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default();
        let (old, run): (Vec<_>, Vec<_>) = entries
            .iter()
            .partition(|e| e.draft.occurred_at.date() < start);
        let mut base = ContactFacts::from_entries(
            &old.iter().map(|e| (*e).clone()).collect::<Vec<_>>(),
            start - chrono::Duration::days(1),
        );
        // The store hands over every open follow-up set before the run, due in it or not.
        base.before
            .extend(base.on_day.drain(..).map(|e| LastContact {
                kind: e.kind,
                outcome: e.outcome,
                at: e.at,
                count: 1,
            }));
        base.follow_ups = old
            .iter()
            .filter_map(|e| {
                e.draft.follow_up_at.map(|due_at| FollowUp {
                    entry_id: e.id,
                    set_at: e.draft.occurred_at,
                    due_at,
                })
            })
            .collect();
        let window: Vec<WindowEntry> = run
            .iter()
            .map(|e| WindowEntry {
                id: e.id,
                kind: e.draft.kind,
                outcome: e.draft.outcome,
                at: e.draft.occurred_at,
                follow_up_at: e.draft.follow_up_at,
                bulk: e.batch_id.is_some(),
            })
            .collect();
        for day in 16..=26 {
            let on = NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default();
            assert_eq!(
                sorted(base.rolled_to(&window, on)),
                sorted(ContactFacts::from_entries(&entries, on)),
                "day {on}"
            );
        }
    }
}
