//! Risk assessments the manager did with the customer: logged at the level the customer has now. Draws only from the manager's stream, in the diary's order.

use super::super::calendar::time_on;
use super::super::rng::Rng;
use super::super::tables::RISK_NOTES;
use super::{Day, Item, entry, note};
use crate::domain::customer::RiskLevel;
use crate::domain::diary::EntryKind;

fn risk_name(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::C1 => "C1（保守型）",
        RiskLevel::C2 => "C2（稳健型）",
        RiskLevel::C3 => "C3（平衡型）",
        RiskLevel::C4 => "C4（成长型）",
        RiskLevel::C5 => "C5（进取型）",
    }
}

/// At most two of the day's assessments, each logged with some chance; a member without a
/// level is counted but logs nothing (changing that would shift every later draw).
pub(super) fn plan(rng: &mut Rng, day: &Day<'_>, due: Vec<usize>, items: &mut Vec<Item>) {
    let mut assessed = 0;
    for m in due {
        if assessed >= 2 || !rng.chance(550) {
            continue;
        }
        assessed += 1;
        let member = &day.book[m];
        let Some(level) = member.risk_level else {
            continue;
        };
        let at = time_on(day.d, rng.range(9 * 60 + 30, 16 * 60 + 30));
        let text = note(rng, RISK_NOTES, &[("{level}", risk_name(level))]);
        let mut draft = entry(EntryKind::RiskAssessment, Some(member), at, text);
        draft.risk_level = Some(level);
        items.push(Item {
            draft,
            member: Some(m),
            wave: false,
        });
    }
}
