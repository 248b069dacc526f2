//! What every screen reads and none changes: the language, the day and the moment, the policy,
//! whose book is open and their role. The shell alone sets it (`:lang`, the driver's clock, the
//! role from the store); the screens' code and the views take it by shared reference.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::assignment::Role;
use crate::domain::policy::Policy;
use crate::i18n::Lang;

/// The app's context.
#[derive(Debug, Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The current moment, stamped by the driver before each key.
    pub now: NaiveDateTime,
    pub policy: Policy,
    /// The manager whose book is shown (`None`: every customer in the store).
    pub manager: Option<String>,
    /// The role of the app's manager, from the store (`None`: unknown, or no manager).
    pub role: Option<Role>,
}

#[cfg(test)]
impl Ctx {
    /// The context the tabs' unit tests run in: 2026-12-02 09:00, Chinese, the default policy,
    /// manager M001.
    pub(crate) fn sample() -> Ctx {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
        Ctx {
            lang: Lang::Zh,
            today,
            now: today.and_hms_opt(9, 0, 0).unwrap_or_default(),
            policy: Policy::default_policy(),
            manager: Some("M001".into()),
            role: None,
        }
    }
}
