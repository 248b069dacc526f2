//! The screen's geometry as the model needs it, in one place the drawing uses too: the frame's
//! fixed rows (so a page is exactly the list the screen shows), the one scroll-window rule every
//! list follows, and how the `?` help flows into columns (so `j` stops at its last line without
//! the drawing writing anything back into the model). Pure: sizes in, sizes out.

/// Rows of the frame around a screen: the tab bar, the status line, the message line and the
/// footer (top to bottom: tabs, status, the screen, message, footer).
pub const FRAME_ROWS: u16 = 4;

/// Rows above a list on the Today and Customers screens: its bar and its table header.
pub const LIST_HEAD_ROWS: u16 = 2;

/// How many rows of a list a terminal `height` lines tall shows.
pub fn list_rows(height: u16) -> usize {
    height.saturating_sub(FRAME_ROWS + LIST_HEAD_ROWS).max(1) as usize
}

/// The first row to show so the cursor is inside a window of `height` rows, moving the window
/// from `offset` as little as possible and never past the end of `len` rows.
pub fn scroll_window(offset: usize, cursor: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    let mut offset = offset;
    if cursor < offset {
        offset = cursor;
    } else if cursor >= offset + height {
        offset = cursor + 1 - height;
    }
    offset.min(len.saturating_sub(height))
}

/// Rows of the `?` help inside its border on a terminal `height` lines tall.
pub fn help_view_rows(height: u16) -> usize {
    height.saturating_sub(2).max(1) as usize
}

/// The help's columns for `total` lines in `view` rows: two when they fit, else three.
pub fn help_columns(total: usize, view: usize) -> usize {
    if total <= view * 2 { 2 } else { 3 }
}

/// Flows the sections into at most `columns` columns of `rows` lines, newspaper fashion: a
/// heading starts a column rather than end one with nothing under it, and a section that goes
/// on in the next column has its heading repeated there (`continued` makes the repeat) when
/// `repeat`. `None` when they do not fit.
pub fn flow<L: Clone>(
    sections: &[Vec<L>],
    rows: usize,
    columns: usize,
    repeat: bool,
    continued: &impl Fn(&L) -> L,
) -> Option<Vec<Vec<L>>> {
    let rows = rows.max(2);
    let mut cols: Vec<Vec<L>> = vec![Vec::new()];
    for section in sections {
        let Some((head, items)) = section.split_first() else {
            continue;
        };
        if cols
            .last()
            .is_some_and(|c| !c.is_empty() && c.len() + section.len().min(2) > rows)
        {
            cols.push(Vec::new());
        }
        cols.last_mut()?.push(head.clone());
        for item in items {
            if cols.last().is_some_and(|c| c.len() >= rows) {
                let mut next = Vec::new();
                if repeat {
                    next.push(continued(head));
                }
                cols.push(next);
            }
            cols.last_mut()?.push(item.clone());
        }
    }
    (cols.len() <= columns).then_some(cols)
}

/// The help's columns in `view` rows: each section whole or continued under its repeated
/// heading; without the repeats if that is what it takes to fit; else taller columns, scrolled.
pub fn place<L: Clone>(
    sections: &[Vec<L>],
    view: usize,
    columns: usize,
    continued: &impl Fn(&L) -> L,
) -> Vec<Vec<L>> {
    flow(sections, view, columns, true, continued)
        .or_else(|| flow(sections, view, columns, false, continued))
        .or_else(|| {
            let most: usize = sections.iter().map(Vec::len).sum();
            (view..=view.max(most) + 1)
                .find_map(|rows| flow(sections, rows, columns, true, continued))
        })
        .unwrap_or_default()
}

/// How far the help scrolls on a terminal `height` lines tall, for sections of these lengths
/// (a heading and its rows each).
pub fn help_max_scroll(section_lengths: &[usize], height: u16) -> u16 {
    let view = help_view_rows(height);
    let sections: Vec<Vec<()>> = section_lengths.iter().map(|n| vec![(); *n]).collect();
    let total: usize = section_lengths.iter().sum();
    let cols = place(&sections, view, help_columns(total, view), &|_| ());
    let used = cols.iter().map(Vec::len).max().unwrap_or(0);
    u16::try_from(used.saturating_sub(view)).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_moves_as_little_as_it_can() {
        assert_eq!(scroll_window(0, 5, 100, 10), 0);
        assert_eq!(scroll_window(0, 12, 100, 10), 3);
        assert_eq!(scroll_window(3, 1, 100, 10), 1);
        assert_eq!(scroll_window(50, 99, 100, 10), 90);
        assert_eq!(scroll_window(95, 99, 100, 10), 90);
        assert_eq!(scroll_window(0, 0, 0, 0), 0);
    }

    #[test]
    fn the_help_scrolls_only_when_it_cannot_fit() {
        assert_eq!(help_max_scroll(&[5, 5, 5], 24), 0);
        assert!(help_max_scroll(&[40, 40, 40], 24) > 0);
        assert!(help_max_scroll(&[40, 40, 40], 2) > 0);
    }
}
