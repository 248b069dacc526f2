//! The branch's customers as the diary and the lead's moves see them (`Member`), and what each manager's book holds for the diary to tell (`ManagerPlan`). Draws only from each member's own stream; no store.

use chrono::{Duration, NaiveDate};

use super::calendar::Window;
use super::holdings::first_term;
use super::people::Person;
use super::rng::{Rng, mix};
use super::{MONTHS, TIER_BOUNDS};
use crate::domain::customer::{Holding, ProductKind, RiskLevel};

/// What the diary needs to know about one customer.
#[derive(Debug, Clone)]
pub(super) struct Member {
    pub(super) id: i64,
    pub(super) customer_no: String,
    pub(super) name: String,
    /// The default policy's tier index by the latest balances.
    pub(super) tier: usize,
    pub(super) added_on: NaiveDate,
    pub(super) first_trade: Option<NaiveDate>,
    pub(super) still: bool,
    /// Opted out of marketing messages and never picked for a call: work left for the queue.
    pub(super) quiet: bool,
    /// Latest AUM in cents.
    pub(super) aum: i64,
    pub(super) risk_level: Option<RiskLevel>,
    pub(super) risk_assessed_on: Option<NaiveDate>,
    /// The risk profile before the latest assessment.
    pub(super) prior_risk: (Option<RiskLevel>, Option<NaiveDate>),
    /// Seeds the member's purchases before the diary (`diary::history`), a stream of its own.
    pub(super) history_seed: u64,
}

impl Member {
    pub(super) fn of(person: &Person, seed: u64, i: usize) -> Member {
        // A stream of its own, so the customers come out as they did before the diary.
        let mut rng = Rng::new(mix(seed ^ mix(i as u64 + 1) ^ 0x0d1a_4e55));
        let c = &person.customer;
        let aum = person.history[MONTHS - 1].total();
        let tier = TIER_BOUNDS.iter().filter(|b| aum >= **b).count();
        let quiet = tier < 2 && rng.chance(70);
        let prior_level = c.risk_level.map(|level| {
            let i = RiskLevel::ALL.iter().position(|l| *l == level).unwrap_or(0) as i64;
            let step = rng.weighted(&[(-1, 2), (0, 6), (1, 2)]);
            RiskLevel::ALL[(i + step).clamp(0, 4) as usize]
        });
        let prior_on = c
            .risk_assessed_on
            .map(|on| on - Duration::days(rng.range(366, 430)));
        Member {
            id: 0,
            customer_no: c.customer_no.clone(),
            name: c.name.clone(),
            tier,
            added_on: person.added_on,
            first_trade: c.first_trade_on,
            still: person.still,
            quiet,
            aum,
            risk_level: c.risk_level,
            risk_assessed_on: c.risk_assessed_on,
            prior_risk: (prior_level, prior_on),
            history_seed: mix(seed ^ mix(i as u64 + 1) ^ 0x5a1e_5015),
        }
    }

    /// Someone the manager talks with on `d`: on the books by then, and not left alone.
    pub(super) fn reachable(&self, d: NaiveDate) -> bool {
        !self.quiet && self.added_on <= d
    }

    /// Someone who buys on `d`: a trading customer by then, and not a dormant one.
    pub(super) fn can_buy(&self, d: NaiveDate) -> bool {
        self.reachable(d) && !self.still && self.first_trade.is_some_and(|f| f <= d)
    }

    /// The customer's risk profile as the diary saw it on `d`.
    pub(super) fn risk_on(&self, d: NaiveDate) -> (Option<RiskLevel>, Option<NaiveDate>) {
        match self.risk_assessed_on {
            Some(on) if on >= d => self.prior_risk,
            _ => (self.risk_level, self.risk_assessed_on),
        }
    }

    /// The day of the latest assessment, when the manager may have logged it.
    pub(super) fn risk_candidate(&self, w: &Window) -> Option<NaiveDate> {
        let on = self.risk_assessed_on?;
        self.risk_level?;
        (w.contains(on) && w.calendar.is_working_day(on) && self.reachable(on) && !self.still)
            .then_some(on)
    }

    /// Whether a holding bought in the diary's months (and in the snapshots) may be logged as
    /// its sale: `Some(true)` when the sale writes the holding (a term product in its first
    /// term), `Some(false)` when the sale is logged beside the imported holding (no maturity).
    pub(super) fn sale_candidate(&self, h: &Holding, w: &Window) -> Option<bool> {
        let start = h.start_on?;
        if !(w.contains(start)
            && start <= w.last_month_end
            && w.calendar.is_working_day(start)
            && self.can_buy(start))
        {
            return None;
        }
        match (h.kind, h.maturity_on) {
            (_, Some(maturity)) => first_term(h, start, maturity).then_some(true),
            (ProductKind::Fund | ProductKind::Insurance | ProductKind::Wealth, None) => Some(false),
            _ => None,
        }
    }
}

/// One manager's book and what happened in it that the diary may tell.
#[derive(Default)]
pub(super) struct ManagerPlan {
    /// Indices into the branch's members.
    pub(super) members: Vec<usize>,
    pub(super) sales: Vec<SaleCandidate>,
    /// (day, member) of assessments the manager may have logged.
    pub(super) risks: Vec<(NaiveDate, usize)>,
}

pub(super) struct SaleCandidate {
    pub(super) on: NaiveDate,
    pub(super) member: usize,
    pub(super) holding: Holding,
    /// The holding is not written yet: the sale writes it, or, not logged, it is imported.
    pub(super) deferred: bool,
}
