//! The Upcoming view's use-case (今日预约): today's and the next seven days' open call-backs, appointments and memo reminders of a manager, as the queue judges a call-back answered. No terminal code, no display words.

use chrono::{Duration, NaiveDateTime};

use crate::domain::diary::DiaryEntry;
use crate::domain::policy::Policy;
use crate::domain::urgency::ReasonCode;
use crate::error::Result;
use crate::store::Store;
use crate::store::upcoming::{Answers, list_upcoming};

/// The days the view covers after today (today is shown too: eight days in all).
pub const UPCOMING_DAYS: i64 = 7;

/// What answers a follow-up under `policy`: its `[answers] callback` list and its `[queue]
/// callback_lead_minutes`, so the view, the Diary and the queue agree.
pub fn callback_answers(policy: &Policy) -> Answers<'_> {
    Answers {
        satisfiers: policy.answering.satisfiers(ReasonCode::Callback),
        lead_minutes: policy.queue.callback_lead_minutes,
    }
}

/// The open follow-ups from the start of `now`'s day to the end of the seventh day after it,
/// in time order, for the manager (or the whole store when `None`). Memo reminders without a
/// customer from a day before `now` (see `store::upcoming::list_upcoming`), so one set for
/// last night still shows this morning. A manager not in the store is refused.
pub fn load_upcoming(
    store: &Store,
    policy: &Policy,
    now: NaiveDateTime,
    manager_no: Option<&str>,
) -> Result<Vec<DiaryEntry>> {
    let manager_id = super::manager_id_of(store.conn(), manager_no)?;
    let from = now.date().and_hms_opt(0, 0, 0).unwrap_or_default();
    let to = from + Duration::days(UPCOMING_DAYS + 1);
    list_upcoming(
        store.conn(),
        manager_id,
        (from, to),
        now - Duration::days(1),
        callback_answers(policy),
    )
}
