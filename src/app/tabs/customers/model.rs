//! The Customers tab's model: the tier → segment tree over the loaded book, its folding, the
//! search query and filters, the marks for a bulk SMS, the cursor. Pure: it never loads the book
//! (the shell hands it over) and knows nothing of the other tabs or of the open detail.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::domain::classify::{AgeSegment, Lifecycle};
use crate::domain::customer::Preference;
use crate::domain::portfolio::CustomerSummary;

/// A group of the tree: a tier, or a segment (age × preference) within a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Tier(usize),
    Segment(usize, AgeSegment, Preference),
}

/// One visible line of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeRow {
    Group {
        key: GroupKey,
        count: usize,
        aum: Decimal,
        collapsed: bool,
    },
    /// A customer, by index into `Model::all`.
    Customer(usize),
}

/// The filters `f` sets; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub tier: Option<usize>,
    pub age: Option<AgeSegment>,
    pub preference: Option<Preference>,
    pub lifecycle: Option<Lifecycle>,
    pub tag: Option<String>,
}

impl Filter {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn admits(&self, s: &CustomerSummary) -> bool {
        self.tier.is_none_or(|t| s.class.tier == t)
            && self.age.is_none_or(|a| s.class.age == a)
            && self.preference.is_none_or(|p| s.class.preference == p)
            && self.lifecycle.is_none_or(|l| s.class.lifecycle == l)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| s.customer.tags.iter().any(|x| x == t))
    }
}

/// The four segments of a tier, in display order.
pub const SEGMENTS: [(AgeSegment, Preference); 4] = [
    (AgeSegment::Young, Preference::Investment),
    (AgeSegment::Young, Preference::Savings),
    (AgeSegment::Senior, Preference::Investment),
    (AgeSegment::Senior, Preference::Savings),
];

/// The rows the tree shows before the first resize: the shell's own `list_height` default.
pub const DEFAULT_HEIGHT: usize = 20;

/// State of the Customers screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The loaded book, sorted by tier (highest first), segment, then AUM (largest first).
    pub all: Vec<CustomerSummary>,
    pub collapsed: HashSet<GroupKey>,
    pub query: String,
    pub filter: Filter,
    /// The visible lines, rebuilt whenever the book, folding, query or filter change.
    pub rows: Vec<TreeRow>,
    pub cursor: usize,
    /// The first visible line (kept so the cursor stays on screen).
    pub offset: usize,
    /// Customers passing search and filter.
    pub matched: usize,
    /// All tags in the book, for the tag filter.
    pub tags: Vec<String>,
    /// Customers marked for a bulk SMS, by customer number.
    pub marked: std::collections::BTreeSet<String>,
    /// Lines available to the tree. The shell sends `Msg::Resized` with its `list_height` on
    /// each resize, so `update` pages and scrolls without reading the shell.
    pub height: usize,
}

impl Default for Model {
    fn default() -> Model {
        Model {
            all: Vec::new(),
            collapsed: HashSet::new(),
            query: String::new(),
            filter: Filter::default(),
            rows: Vec::new(),
            cursor: 0,
            offset: 0,
            matched: 0,
            tags: Vec::new(),
            marked: std::collections::BTreeSet::new(),
            height: DEFAULT_HEIGHT,
        }
    }
}

impl Model {
    /// Replaces the book, keeping the cursor on the same customer when it is still there.
    pub fn set_book(&mut self, mut all: Vec<CustomerSummary>, tier_count: usize) {
        let current = self
            .selected_customer()
            .map(|s| s.customer.customer_no.clone());
        all.sort_by(|a, b| {
            b.class
                .tier
                .cmp(&a.class.tier)
                .then(segment_rank(a).cmp(&segment_rank(b)))
                .then(b.class.aum.cmp(&a.class.aum))
                .then(a.customer.customer_no.cmp(&b.customer.customer_no))
        });
        let mut tags: Vec<String> = all.iter().flat_map(|s| s.customer.tags.clone()).collect();
        tags.sort();
        tags.dedup();
        self.tags = tags;
        self.all = all;
        if self.filter.tier.is_some_and(|t| t >= tier_count) {
            self.filter.tier = None;
        }
        self.rebuild();
        if let Some(no) = current {
            self.select_customer(&no);
        }
    }

    /// Recomputes the visible rows from the book, folding, query and filter.
    pub fn rebuild(&mut self) {
        let mut rows = Vec::new();
        let searching = !self.query.trim().is_empty() || !self.filter.is_empty();
        let visible: Vec<usize> = (0..self.all.len())
            .filter(|&i| {
                let s = &self.all[i];
                self.filter.admits(s)
                    && s.search.matches(
                        &self.query,
                        s.customer.phone.as_deref(),
                        &s.customer.customer_no,
                    )
            })
            .collect();
        self.matched = visible.len();
        let mut i = 0;
        while i < visible.len() {
            let tier = self.all[visible[i]].class.tier;
            let tier_end = i + visible[i..]
                .iter()
                .take_while(|&&k| self.all[k].class.tier == tier)
                .count();
            let tier_key = GroupKey::Tier(tier);
            // A search or filter opens every group so the hits are seen at once.
            let tier_collapsed = !searching && self.collapsed.contains(&tier_key);
            rows.push(TreeRow::Group {
                key: tier_key,
                count: tier_end - i,
                aum: sum_aum(&self.all, &visible[i..tier_end]),
                collapsed: tier_collapsed,
            });
            if !tier_collapsed {
                let mut j = i;
                while j < tier_end {
                    let (age, pref) = segment_of(&self.all[visible[j]]);
                    let seg_end = j + visible[j..tier_end]
                        .iter()
                        .take_while(|&&k| segment_of(&self.all[k]) == (age, pref))
                        .count();
                    let key = GroupKey::Segment(tier, age, pref);
                    let collapsed = !searching && self.collapsed.contains(&key);
                    rows.push(TreeRow::Group {
                        key,
                        count: seg_end - j,
                        aum: sum_aum(&self.all, &visible[j..seg_end]),
                        collapsed,
                    });
                    if !collapsed {
                        rows.extend(visible[j..seg_end].iter().map(|&k| TreeRow::Customer(k)));
                    }
                    j = seg_end;
                }
            }
            i = tier_end;
        }
        self.rows = rows;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// The customer under the cursor, if the cursor is on a customer.
    pub fn selected_customer(&self) -> Option<&CustomerSummary> {
        match self.rows.get(self.cursor) {
            Some(TreeRow::Customer(i)) => self.all.get(*i),
            _ => None,
        }
    }

    /// The group under the cursor, or the group the customer under the cursor belongs to.
    pub fn group_at_cursor(&self) -> Option<GroupKey> {
        match self.rows.get(self.cursor)? {
            TreeRow::Group { key, .. } => Some(*key),
            TreeRow::Customer(i) => {
                let s = self.all.get(*i)?;
                let (age, pref) = segment_of(s);
                Some(GroupKey::Segment(s.class.tier, age, pref))
            }
        }
    }

    /// Moves the cursor to a customer by number, if visible.
    pub fn select_customer(&mut self, customer_no: &str) {
        if let Some(pos) = self.rows.iter().position(|r| match r {
            TreeRow::Customer(i) => self.all[*i].customer.customer_no == customer_no,
            TreeRow::Group { .. } => false,
        }) {
            self.cursor = pos;
        }
    }

    /// Moves the cursor to a group's header line.
    pub fn select_group(&mut self, key: GroupKey) {
        if let Some(pos) = self
            .rows
            .iter()
            .position(|r| matches!(r, TreeRow::Group { key: k, .. } if *k == key))
        {
            self.cursor = pos;
        }
    }

    /// Folds or unfolds a group, keeping the cursor on its header.
    pub fn set_collapsed(&mut self, key: GroupKey, collapsed: bool) {
        if collapsed {
            self.collapsed.insert(key);
        } else {
            self.collapsed.remove(&key);
        }
        self.rebuild();
        self.select_group(key);
    }

    /// `V`: marks the group under the cursor, or with a search or filter on, every result; when
    /// all of them are marked already, unmarks them.
    pub fn mark_group_or_results(&mut self) {
        let searching = !self.query.trim().is_empty() || !self.filter.is_empty();
        let group = self.group_at_cursor();
        let members: Vec<String> = self
            .visible_customers()
            .into_iter()
            .filter(|s| {
                searching
                    || match group {
                        Some(GroupKey::Tier(t)) => s.class.tier == t,
                        Some(GroupKey::Segment(t, a, p)) => {
                            s.class.tier == t && s.class.age == a && s.class.preference == p
                        }
                        None => false,
                    }
            })
            .map(|s| s.customer.customer_no.clone())
            .collect();
        if members.iter().all(|no| self.marked.contains(no)) {
            for no in &members {
                self.marked.remove(no);
            }
        } else {
            self.marked.extend(members);
        }
    }

    /// Customers passing the search and filter (folded groups included).
    fn visible_customers(&self) -> Vec<&CustomerSummary> {
        self.all
            .iter()
            .filter(|s| {
                self.filter.admits(s)
                    && s.search.matches(
                        &self.query,
                        s.customer.phone.as_deref(),
                        &s.customer.customer_no,
                    )
            })
            .collect()
    }

    /// Moves the cursor by `delta` lines, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + delta).clamp(0, last.max(0)) as usize;
    }

    /// Puts the cursor on the first matching customer so Enter opens the best hit.
    pub fn first_customer(&mut self) {
        self.cursor = self
            .rows
            .iter()
            .position(|r| matches!(r, TreeRow::Customer(_)))
            .unwrap_or(0);
    }

    /// Keeps the cursor within the window of [`Model::height`] lines, scrolling as little as
    /// possible.
    pub fn scroll_to_cursor(&mut self) {
        self.offset = crate::app::layout::scroll_window(
            self.offset,
            self.cursor,
            self.rows.len(),
            self.height,
        );
    }
}

fn segment_of(s: &CustomerSummary) -> (AgeSegment, Preference) {
    (s.class.age, s.class.preference)
}

fn segment_rank(s: &CustomerSummary) -> usize {
    SEGMENTS
        .iter()
        .position(|seg| *seg == segment_of(s))
        .unwrap_or(0)
}

fn sum_aum(all: &[CustomerSummary], idx: &[usize]) -> Decimal {
    idx.iter().map(|&i| all[i].class.aum).sum()
}
