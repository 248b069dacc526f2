//! The weekly bulk SMS: which day of most weeks it goes out, and one wave's entries (a slice of the book when the book is big). Draws only from the manager's stream, in the diary's order.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::super::calendar::time_on;
use super::super::rng::Rng;
use super::{Day, Item, entry};
use crate::domain::diary::EntryKind;

/// The most SMS one weekly wave sends: a bigger book is messaged in turns, a slice a week.
const WAVE_SIZE: usize = 600;

/// Which working day of most weeks gets the bulk SMS: day → wave number.
pub(super) fn wave_days(rng: &mut Rng, days: &[NaiveDate]) -> BTreeMap<NaiveDate, usize> {
    let mut waves = BTreeMap::new();
    let mut at = 0;
    while at < days.len() {
        let week = days[at].iso_week();
        let end = at
            + days[at..]
                .iter()
                .take_while(|d| d.iso_week() == week)
                .count();
        if rng.chance(850) {
            // Early in the week, mostly: the maturities of the week ahead.
            let span = (end - at) as i64;
            let skew = rng.range(0, span - 1);
            let k = rng.range(0, skew) as usize;
            waves.insert(days[at + k], waves.len());
        }
        at = end;
    }
    waves
}

/// One wave's entries: the next `WAVE_SIZE` of the book's list (round and round), all at one
/// time, from the week's `template`.
pub(super) fn wave(
    rng: &mut Rng,
    day: &Day<'_>,
    sms_list: &[usize],
    wave: usize,
    template: &str,
    manager_name: &str,
    items: &mut Vec<Item>,
) {
    let d = day.d;
    let at = time_on(d, rng.pick(&[570, 600, 630, 900, 930, 960]));
    for (k, &m) in sms_list.iter().enumerate() {
        let member = &day.book[m];
        // Each wave takes the next `WAVE_SIZE` of the list, round and round.
        let offset = (wave * WAVE_SIZE) % sms_list.len();
        if (k + sms_list.len() - offset) % sms_list.len() >= WAVE_SIZE || member.added_on > d {
            continue;
        }
        let text = template
            .replace("{name}", &member.name)
            .replace("{manager}", manager_name);
        items.push(Item {
            draft: entry(EntryKind::Sms, Some(member), at, text),
            member: Some(m),
            wave: true,
        });
    }
}
