//! The Today tab's model: the loaded queue, the `/` filter over it, the cursor and the window
//! of rows shown, the open popup (snooze, dismiss, score breakdown). Plain state and the
//! queries on it; it never loads, writes or reads the clock (`update` and the shell do).

use super::popup::TodayPopup;
use crate::app::log_form::Target;
use crate::domain::queue::{QueueItem, TodayQueue};
use crate::domain::search::SearchKey;

/// The rows a list shows before the first resize: the shell's own `list_height` default.
pub const DEFAULT_HEIGHT: usize = 20;

/// State of the Today screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The queue as last loaded (`None` until the first load).
    pub queue: Option<TodayQueue>,
    /// Pinyin index of each row's name, in the queue's order; built when a filter first needs
    /// it, so reloading the queue after each log costs nothing extra.
    keys: Vec<SearchKey>,
    /// The `/` filter: name, pinyin initials or full pinyin, customer number.
    pub filter: String,
    /// The visible rows, as indices into the queue's items.
    pub rows: Vec<usize>,
    pub cursor: usize,
    /// The first visible row (kept so the cursor stays on screen).
    pub offset: usize,
    pub popup: Option<TodayPopup>,
    /// The customer whose call-backs `X` is closing, until the write is stored.
    pub closing: Option<String>,
    /// Set by the shell when an entry was logged: the next load keeps the cursor in place if
    /// the selected row sank (a clock tick's reload follows the customer instead).
    pub after_log: bool,
    /// Set by an undo or redo: the next load puts the cursor on a row it brought back.
    pub follow_returning: bool,
    /// The rows the list shows. The page size is part of what the shell gives the tab: it
    /// sends `Msg::Resized` with its `list_height` on each resize, so `update` pages and scrolls
    /// without reading the terminal.
    pub height: usize,
    /// The Upcoming view (`a`), when open over the tab.
    pub upcoming: Option<super::upcoming::Upcoming>,
}

impl Default for Model {
    fn default() -> Model {
        Model {
            queue: None,
            keys: Vec::new(),
            filter: String::new(),
            rows: Vec::new(),
            cursor: 0,
            offset: 0,
            popup: None,
            closing: None,
            after_log: false,
            follow_returning: false,
            height: DEFAULT_HEIGHT,
            upcoming: None,
        }
    }
}

impl Model {
    /// Replaces the queue. The cursor stays on the same customer when they are still there
    /// (a clock tick's reload moves nobody under it); when they left (snoozed, every reason
    /// answered) or, after a log, sank below (the log answered their weightiest reasons), it
    /// stays in place so the next row moves up under it.
    pub fn set_queue(&mut self, queue: TodayQueue) {
        let first_load = self.queue.is_none();
        let mut current = self.selected().map(|i| i.customer_no.clone());
        let returning = std::mem::take(&mut self.follow_returning);
        let after_log = std::mem::take(&mut self.after_log);
        if returning {
            // An undone snooze or log brings its row back: go to it, as before the step.
            let before: std::collections::HashSet<&Option<String>> =
                self.items().iter().map(|i| &i.customer_no).collect();
            if let Some(back) = queue
                .items
                .iter()
                .find(|i| !before.contains(&&i.customer_no))
            {
                current = Some(back.customer_no.clone());
            }
        }
        self.keys.clear();
        self.queue = Some(queue);
        self.rebuild();
        let was_at = self.cursor;
        if let Some(no) = current
            && let Some(pos) = self
                .rows
                .iter()
                .position(|&i| self.items()[i].customer_no == no)
        {
            // A row that sank (a log answered its weightiest reasons, a call was not reached)
            // is not followed down the list: the cursor stays in place, on the next row to do.
            self.cursor = if pos > was_at && after_log && !returning {
                was_at
            } else {
                pos
            };
        } else if first_load {
            // The pinned weekly-SMS row is read, not worked: the day starts on the first customer.
            self.cursor = self
                .rows
                .iter()
                .position(|&i| self.items()[i].customer_no.is_some())
                .unwrap_or(0);
        }
    }

    /// Every row of the queue, filtered or not.
    pub fn items(&self) -> &[QueueItem] {
        self.queue.as_ref().map_or(&[], |q| q.items.as_slice())
    }

    /// Recomputes the visible rows from the filter.
    pub fn rebuild(&mut self) {
        if !self.filter.trim().is_empty() && self.keys.is_empty() {
            self.keys = self
                .items()
                .iter()
                .map(|i| SearchKey::new(i.customer_name.as_deref().unwrap_or("")))
                .collect();
        }
        let query = self.filter.trim();
        let rows: Vec<usize> = self
            .items()
            .iter()
            .enumerate()
            .filter(|(i, item)| match &item.customer_no {
                // The weekly-SMS row has no name to match: it shows only unfiltered.
                None => query.is_empty(),
                Some(no) => {
                    query.is_empty()
                        || self
                            .keys
                            .get(*i)
                            .is_some_and(|k| k.matches(query, None, no))
                }
            })
            .map(|(i, _)| i)
            .collect();
        self.rows = rows;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// The row under the cursor.
    pub fn selected(&self) -> Option<&QueueItem> {
        self.rows
            .get(self.cursor)
            .and_then(|&i| self.items().get(i))
    }

    /// The selected row's rank in the whole queue (1 first), whatever the filter.
    pub fn selected_rank(&self) -> Option<usize> {
        self.rows
            .get(self.cursor)
            .and_then(|&i| rank_of(self.items(), i))
    }

    /// Moves the cursor by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
    }

    /// Keeps the cursor within the window of [`Model::height`] rows, scrolling as little as
    /// possible.
    pub fn scroll_to_cursor(&mut self) {
        self.offset = crate::app::layout::scroll_window(
            self.offset,
            self.cursor,
            self.rows.len(),
            self.height,
        );
    }

    /// The customer the quick-log keys act on: the selected row's (`None` on the weekly-SMS
    /// row, which stands for many).
    pub fn selected_target(&self) -> Option<Target> {
        let item = self.selected()?;
        Some(Target::One {
            customer_no: item.customer_no.clone()?,
            name: item.customer_name.clone().unwrap_or_default(),
        })
    }
}

/// A customer row's rank in the queue (1 first); the pinned weekly-SMS row has none.
pub fn rank_of(items: &[QueueItem], i: usize) -> Option<usize> {
    items.get(i)?.customer_no.as_ref()?;
    Some(
        items[..i]
            .iter()
            .filter(|r| r.customer_no.is_some())
            .count()
            + 1,
    )
}
