//! The team board (展板): one row per manager with the week's main figures, sorted by any of them, and the team total — shares totalled from their parts, counts and amounts summed. Pure.

use rust_decimal::Decimal;

use super::review::{Metric, MetricKey, Unit};

/// The figures the board shows, in column order.
pub const BOARD_KEYS: [MetricKey; 8] = MetricKey::BOARD;

/// One manager's row.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    pub manager_no: String,
    pub manager_name: String,
    /// The metrics of [`BOARD_KEYS`], in that order (a missing one as an empty metric).
    pub metrics: Vec<Metric>,
}

/// One week of the board.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    /// `2026-W49`.
    pub week: String,
    /// The Monday of the week.
    pub monday: chrono::NaiveDate,
    /// One row per manager of the store, by staff number.
    pub rows: Vec<BoardRow>,
    /// The team total of each column of [`BOARD_KEYS`].
    pub total: Vec<Option<Decimal>>,
    /// Each column's unit (how its total is written): taken from any manager who has the figure.
    pub units: Vec<Unit>,
}

/// Picks the board's metrics from a manager's week, in [`BOARD_KEYS`] order.
pub fn board_row(manager_no: &str, manager_name: &str, metrics: &[Metric]) -> BoardRow {
    BoardRow {
        manager_no: manager_no.to_string(),
        manager_name: manager_name.to_string(),
        metrics: BOARD_KEYS
            .iter()
            .map(|k| {
                metrics
                    .iter()
                    .find(|m| m.key == *k)
                    .cloned()
                    .unwrap_or_else(|| empty(*k))
            })
            .collect(),
    }
}

fn empty(key: MetricKey) -> Metric {
    Metric {
        key,
        unit: Unit::Count,
        basis: super::review::Basis::Week,
        actual: None,
        target: None,
        previous: None,
        expected: None,
        parts: None,
        lower_is_better: false,
        own_target: false,
    }
}

/// Sorts rows by a board key, best first (highest, or lowest where lower is better); rows
/// without a figure last; ties and `None` (or a metric not on the board) by staff number.
pub fn sort_rows(rows: &mut [BoardRow], key: Option<MetricKey>) {
    sort_rows_by(rows, key, false);
}

/// [`sort_rows`], or worst first when `reversed` (staff numbers descending without a key). Rows
/// without a figure stay last either way: a blank is no rank, not the worst one.
pub fn sort_rows_by(rows: &mut [BoardRow], key: Option<MetricKey>, reversed: bool) {
    use std::cmp::Ordering;
    let column = key.and_then(MetricKey::board_column);
    let flip = |o: Ordering| if reversed { o.reverse() } else { o };
    rows.sort_by(|a, b| {
        let by_figure = column.map_or(Ordering::Equal, |i| {
            let (x, y) = (&a.metrics[i], &b.metrics[i]);
            match (x.actual, y.actual) {
                (Some(p), Some(q)) if x.lower_is_better => flip(p.cmp(&q)),
                (Some(p), Some(q)) => flip(q.cmp(&p)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        });
        let by_number = a.manager_no.cmp(&b.manager_no);
        by_figure.then(if column.is_none() {
            flip(by_number)
        } else {
            by_number
        })
    });
}

/// The team total of each column: a share from the summed numerators and denominators, any
/// other figure summed (`None` when no manager has it).
pub fn team_total(rows: &[BoardRow]) -> Vec<Option<Decimal>> {
    (0..BOARD_KEYS.len())
        .map(|i| {
            let column: Vec<&Metric> = rows.iter().map(|r| &r.metrics[i]).collect();
            if column.iter().any(|m| m.unit == Unit::Share) {
                let (num, den) = column
                    .iter()
                    .filter_map(|m| m.parts)
                    .fold((0usize, 0usize), |(a, b), (n, d)| (a + n, b + d));
                (den > 0).then(|| Decimal::from(num) / Decimal::from(den))
            } else {
                let values: Vec<Decimal> = column.iter().filter_map(|m| m.actual).collect();
                (!values.is_empty()).then(|| values.iter().sum())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::Basis;

    fn m(key: MetricKey, unit: Unit, actual: Option<i64>, parts: Option<(usize, usize)>) -> Metric {
        Metric {
            key,
            unit,
            basis: Basis::Week,
            actual: actual.map(Decimal::from),
            target: None,
            previous: None,
            expected: None,
            parts,
            lower_is_better: key == MetricKey::CustomersLost,
            own_target: false,
        }
    }

    fn row(no: &str, sms: (usize, usize), sales: i64, lost: i64) -> BoardRow {
        let share = Decimal::from(sms.0) / Decimal::from(sms.1);
        let mut sms_metric = m(MetricKey::SmsCoverage, Unit::Share, None, Some(sms));
        sms_metric.actual = Some(share);
        board_row(
            no,
            "",
            &[
                sms_metric,
                m(MetricKey::SalesCount, Unit::Count, Some(sales), None),
                m(MetricKey::CustomersLost, Unit::Count, Some(lost), None),
            ],
        )
    }

    #[test]
    fn sorted_best_first_with_the_total_from_parts() {
        let mut rows = vec![
            row("M1", (1, 4), 3, 2),
            row("M2", (3, 4), 1, 0),
            row("M3", (2, 2), 3, 1),
        ];
        sort_rows(&mut rows, Some(MetricKey::SalesCount));
        let order: Vec<&str> = rows.iter().map(|r| r.manager_no.as_str()).collect();
        assert_eq!(order, ["M1", "M3", "M2"], "3, 3 (by number), 1");
        sort_rows(&mut rows, Some(MetricKey::CustomersLost));
        let order: Vec<&str> = rows.iter().map(|r| r.manager_no.as_str()).collect();
        assert_eq!(order, ["M2", "M3", "M1"], "fewest lost first");
        sort_rows_by(&mut rows, Some(MetricKey::CustomersLost), true);
        let order: Vec<&str> = rows.iter().map(|r| r.manager_no.as_str()).collect();
        assert_eq!(order, ["M1", "M3", "M2"], "most lost first");
        sort_rows_by(&mut rows, None, true);
        let order: Vec<&str> = rows.iter().map(|r| r.manager_no.as_str()).collect();
        assert_eq!(order, ["M3", "M2", "M1"], "staff numbers descending");
        let total = team_total(&rows);
        // SMS: (1 + 3 + 2) of (4 + 4 + 2) = 6/10, not the mean of the three shares.
        assert_eq!(total[0], Some(Decimal::new(6, 1)));
        assert_eq!(total[2], Some(Decimal::from(7)), "sales summed");
        assert_eq!(total[1], None, "nobody has the monthly contact figure here");
    }
}
