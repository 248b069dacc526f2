//! Drawing a manager's customers by weight (the better the tier, the more often). Pure.

use super::super::book::Member;
use super::super::rng::Rng;

/// Draws members by weight.
pub(super) struct Picker {
    pub(super) members: Vec<usize>,
    pub(super) ends: Vec<u64>,
}

impl Picker {
    pub(super) fn new(
        book: &[Member],
        members: &[usize],
        weight: impl Fn(&Member) -> u64,
    ) -> Picker {
        let mut picker = Picker {
            members: Vec::new(),
            ends: Vec::new(),
        };
        let mut total = 0;
        for &m in members {
            let w = weight(&book[m]);
            if w > 0 {
                total += w;
                picker.members.push(m);
                picker.ends.push(total);
            }
        }
        picker
    }

    /// A member `ok` accepts, drawn by weight (a few tries, then none).
    pub(super) fn pick(&self, rng: &mut Rng, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let total = *self.ends.last()?;
        for _ in 0..12 {
            let r = rng.below(total);
            let m = self.members[self.ends.partition_point(|e| *e <= r)];
            if ok(m) {
                return Some(m);
            }
        }
        None
    }
}

/// The manager's pickers, one per kind of contact. The better the tier, the more often the
/// manager is in touch; dormant and quiet customers are left alone (only the bulk SMS reaches
/// the dormant ones), so they stay that way for the queue.
pub(super) struct Pickers {
    pub(super) callers: Picker,
    pub(super) chatters: Picker,
    pub(super) visitors: Picker,
    pub(super) investors: Picker,
    pub(super) cardholders: Picker,
}

impl Pickers {
    pub(super) fn new(book: &[Member], members: &[usize]) -> Pickers {
        let by_tier = |weights: [u64; 4]| {
            move |m: &Member| {
                if m.still || m.quiet {
                    0
                } else {
                    weights[m.tier.min(3)]
                }
            }
        };
        Pickers {
            callers: Picker::new(book, members, by_tier([1, 3, 8, 16])),
            chatters: Picker::new(book, members, by_tier([1, 3, 6, 10])),
            visitors: Picker::new(book, members, by_tier([1, 4, 20, 60])),
            investors: Picker::new(book, members, by_tier([0, 3, 8, 14])),
            cardholders: Picker::new(book, members, by_tier([4, 3, 2, 1])),
        }
    }
}
