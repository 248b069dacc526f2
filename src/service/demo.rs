//! The demo store: a deterministic, realistic-looking branch (a team lead and managers, a counter clerk, customers, six month-end balance snapshots, holdings, six months of work diary, a few recent reassignments) written in one transaction. Same options and `today` give the same store; no clock, no randomness from outside.
//!
//! Amounts are integer cents throughout and become `Decimal` only at the end, so nothing
//! depends on floating point (which could differ between platforms and break determinism).
//! The tier shape (about 55% / 33% / 10% / 2%) is aimed at the default policy's thresholds.
//!
//! The diary is written through the diary's store functions as the app would have logged it at
//! the time, and agrees with the rest of the store: a sale before the latest month-end is the
//! purchase of a holding the balances already show (a term product's sale writes that holding
//! itself), sales after it are new money; a logged risk assessment is the customer's current
//! one. Activity per manager is that of a 600-customer book at most, so big books stay fast.
//!
//! Every role shows: M001 is the team lead (团队长, still with a list of their own, so the app
//! opens on a lead), the rest relationship managers, and G001 counter staff (柜员) looking
//! after a few small customers, with no diary. In the last weeks the lead moved a few
//! customers between managers (after the old manager's last entry for them), so the review's
//! new and lost figures have something to count.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Timelike, Weekday};
use rusqlite::Connection;
use rust_decimal::Decimal;

use crate::domain::assignment::Role;
use crate::domain::customer::{
    Balances, Customer, Gender, Holding, ProductKind, RiskLevel, Snapshot,
};
use crate::domain::diary::{EntryDraft, EntryKind, Outcome, Sale};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::assignments::{reason, reassign_customer};
use crate::store::customers::{CustomerUpsert, insert_customer, update_risk, upsert_snapshot};
use crate::store::diary::{EntryLinks, insert_entry, set_holding};
use crate::store::holdings::{insert_sale_holding, upsert_holding};
use crate::store::managers::{ensure_manager, insert_manager, update_manager};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub customers: usize,
    /// At least one manager is always created.
    pub managers: usize,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> DemoOptions {
        DemoOptions {
            customers: 600,
            managers: 3,
            seed: 42,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub customers: usize,
    pub managers: usize,
    pub snapshots: usize,
    pub holdings: usize,
    /// Diary entries of the six months before `today`, all managers together.
    pub diary_entries: usize,
    /// The staff number of the first manager (`M001`, the team lead), to open the app on.
    pub first_manager_no: String,
    /// Customers of the counter staff member (`G001`).
    pub counter_customers: usize,
    /// Customers the lead moved between managers in the last weeks.
    pub reassigned: usize,
}

/// The counter staff member's number and name.
const COUNTER_STAFF: (&str, &str) = ("G001", "周静");

/// At most this many small customers go to the counter: "a few", whatever the branch's size.
const COUNTER_CUSTOMERS: usize = 12;

/// Latest AUM below which a customer may be looked after at the counter: 20,000 yuan in cents.
const COUNTER_AUM: i64 = 2_000_000;

/// Customers each manager hands to the next one in the last weeks.
const MOVES_PER_MANAGER: usize = 2;

/// Number of month-end snapshots per customer.
const MONTHS: usize = 6;

/// Lower tier bounds of the default policy in cents: 50,000 / 500,000 / 3,000,000 yuan.
const TIER_BOUNDS: [i64; 3] = [5_000_000, 50_000_000, 300_000_000];

/// Highest customer number plus one (`C` + 8 digits).
const CUSTOMER_NO_LIMIT: u64 = 100_000_000;

/// Writes a demo branch into `store` in one transaction.
pub fn generate(
    store: &mut Store,
    options: &DemoOptions,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<DemoSummary> {
    let first_no_start = 20_000_000 + Rng::new(mix(options.seed) ^ 0x5eed).below(10_000_000);
    let room = CUSTOMER_NO_LIMIT - first_no_start;
    let customers = options.customers as u64;
    if customers >= room {
        return Err(Error::Input(format!(
            "demo: at most {} customers fit in 8-digit customer numbers",
            room - 1
        )));
    }
    // Customer numbers go up with gaps, as accounts opened over the years do.
    let max_gap = ((room - 1) / customers.max(1)).clamp(1, 9);
    // A bulk load: a bigger page cache for this transaction keeps SQLite from spilling pages
    // to disk and reading them back (half the diary's time at 100,000 customers); the
    // connection gets its own setting back afterwards.
    let cache: i64 = store
        .conn()
        .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    store
        .conn()
        .execute_batch(&format!("PRAGMA cache_size = {BULK_CACHE_KIB}"))?;
    let written = write_branch(store, options, today, now, first_no_start, max_gap);
    store
        .conn()
        .execute_batch(&format!("PRAGMA cache_size = {cache}"))?;
    written
}

/// SQLite's page cache while the demo is written: 128 MiB (negative means KiB); at 100,000
/// customers the process peaks near 190 MB, against 110 MB and a second more with half of it.
const BULK_CACHE_KIB: i64 = -131_072;

/// The branch in one transaction.
fn write_branch(
    store: &mut Store,
    options: &DemoOptions,
    today: NaiveDate,
    now: NaiveDateTime,
    first_no_start: u64,
    max_gap: u64,
) -> Result<DemoSummary> {
    let manager_count = options.managers.max(1);
    let month_ends = month_ends_before(today);
    let window = Window::new(today, month_ends[MONTHS - 1]);

    let tx = store.write()?;
    let mut manager_ids = Vec::with_capacity(manager_count);
    let mut manager_names = Vec::with_capacity(manager_count);
    let mut manager_rng = Rng::new(mix(options.seed) ^ 0x3a7a_9e11);
    for i in 0..manager_count {
        let name = match MANAGER_NAMES.get(i) {
            Some(n) => (*n).to_string(),
            None => {
                let gender = if i % 2 == 0 {
                    Gender::Female
                } else {
                    Gender::Male
                };
                person_name(&mut manager_rng, gender, 1985)
            }
        };
        manager_ids.push(ensure_manager(&tx, &manager_no(i), Some(&name), now)?);
        manager_names.push(name);
    }
    update_manager(&tx, manager_ids[0], None, Some(Role::TeamLead))?;
    let counter_id = insert_manager(
        &tx,
        COUNTER_STAFF.0,
        COUNTER_STAFF.1,
        Role::CounterStaff,
        now,
    )?;
    let mut counter_customers = 0;
    let mut plans: Vec<ManagerPlan> = (0..manager_count).map(|_| ManagerPlan::default()).collect();
    let mut book = Vec::with_capacity(options.customers);

    let mut numbers = Rng::new(mix(options.seed ^ 0x00c0_ffee));
    let mut next_no = first_no_start;
    let mut phones = HashSet::with_capacity(options.customers);
    let mut ids = HashSet::with_capacity(options.customers);
    let ctx = Context {
        today,
        month_ends: &month_ends,
    };
    let mut snapshots = 0;
    let mut holdings = 0;
    for i in 0..options.customers {
        next_no += 1 + numbers.below(max_gap);
        let mut rng = Rng::new(mix(options.seed ^ mix(i as u64 + 1)));
        let manager = rng.below(manager_count as u64) as usize;
        let mut person = make_person(&mut rng, &ctx, &mut phones, &mut ids);
        person.customer.customer_no = format!("C{next_no:08}");
        person.customer.manager_no = Some(manager_no(manager));
        // A few small customers are the counter's from the start; the choice draws nothing
        // from the customer's own stream, so everyone else comes out as before.
        let counter = counter_customers < COUNTER_CUSTOMERS
            && person.history[MONTHS - 1].total() < COUNTER_AUM
            && mix(options.seed ^ 0xc0c0 ^ i as u64).is_multiple_of(16);
        if counter {
            person.customer.manager_no = Some(COUNTER_STAFF.0.to_string());
            counter_customers += 1;
        }
        let member = Member::of(&person, options.seed, i);
        let upsert = CustomerUpsert {
            customer: person.customer,
            manager_id: if counter {
                Some(counter_id)
            } else {
                manager_ids.get(manager).copied()
            },
        };
        let id = insert_customer(&tx, &upsert, person.added_on, now)?;
        let index = book.len();
        let mut no_plan = ManagerPlan::default();
        let plan = if counter {
            &mut no_plan
        } else {
            &mut plans[manager]
        };
        plan.members.push(index);
        if let Some(on) = member.risk_candidate(&window) {
            plan.risks.push((on, index));
        }
        for (as_of, cents) in month_ends.iter().zip(person.history.iter()) {
            let snap = Snapshot {
                as_of: *as_of,
                balances: cents.balances(),
            };
            if upsert_snapshot(&tx, id, &snap)? {
                snapshots += 1;
            }
        }
        for h in person.holdings {
            // A term product bought in the diary's months may be logged as the sale that made
            // it (written then, as the sale's own holding); other recent purchases are logged
            // as sales of a holding the import brought.
            // Nobody logs the counter's customers' sales: their holdings all come from the import.
            let sale = if counter {
                None
            } else {
                member.sale_candidate(&h, &window)
            };
            if sale != Some(true) {
                upsert_holding(&tx, id, &h, now)?;
                holdings += 1;
            }
            if let (Some(deferred), Some(on)) = (sale, h.start_on) {
                plan.sales.push(SaleCandidate {
                    on,
                    member: index,
                    holding: h,
                    deferred,
                });
            }
        }
        book.push(Member { id, ..member });
    }
    let members: Vec<Vec<usize>> = plans.iter().map(|p| p.members.clone()).collect();
    let mut diary_entries = 0;
    for (m, plan) in plans.into_iter().enumerate() {
        let manager = DiaryManager {
            id: manager_ids[m],
            name: &manager_names[m],
            rng: Rng::new(mix(options.seed ^ 0xd1a7_0000 ^ mix(m as u64 + 1))),
        };
        let written = write_diary(&tx, manager, plan, &book, &window, now)?;
        diary_entries += written.entries;
        holdings += written.holdings;
    }
    let reassigned =
        move_some_customers(&tx, options.seed, today, now, &manager_ids, &members, &book)?;
    tx.commit()?;
    Ok(DemoSummary {
        customers: options.customers,
        managers: manager_count,
        snapshots,
        holdings,
        diary_entries,
        first_manager_no: manager_no(0),
        counter_customers,
        reassigned,
    })
}

/// The lead's recent moves: each manager hands `MOVES_PER_MANAGER` customers to the next one,
/// on a working day of the last three weeks after anything the old manager logged or planned
/// for them (so the diary stays the old manager's own). Returns how many moved.
fn move_some_customers(
    conn: &Connection,
    seed: u64,
    today: NaiveDate,
    now: NaiveDateTime,
    manager_ids: &[i64],
    members: &[Vec<usize>],
    book: &[Member],
) -> Result<usize> {
    if manager_ids.len() < 2 {
        return Ok(0);
    }
    let mut rng = Rng::new(mix(seed ^ 0xa551_9e00));
    let mut last_touch = conn.prepare_cached(
        "SELECT MAX(COALESCE(MAX(follow_up_at), ''), COALESCE(MAX(occurred_at), ''))          FROM diary_entries WHERE customer_id = ?1",
    )?;
    let lead = manager_no(0);
    let mut moved = 0;
    // Each customer moves at most once: one drawn again with an earlier date would still be
    // the old manager's then, and the move would record nothing.
    let mut already: HashSet<i64> = HashSet::new();
    for (m, list) in members.iter().enumerate() {
        let to = manager_ids[(m + 1) % manager_ids.len()];
        let mut done = 0;
        // A bounded number of tries: a book whose customers were all busy lately moves fewer.
        for _ in 0..MOVES_PER_MANAGER * 40 {
            if done == MOVES_PER_MANAGER || list.is_empty() {
                break;
            }
            let member = &book[list[rng.below(list.len() as u64) as usize]];
            if already.contains(&member.id) {
                continue;
            }
            let mut on = today - Duration::days(rng.range(2, 21));
            while !is_working_day(on) {
                on -= Duration::days(1);
            }
            let touched: String = last_touch.query_row([member.id], |r| r.get(0))?;
            // ISO text compares as time does; the move comes the day after the last touch.
            if touched.as_str() >= on.format("%Y-%m-%d").to_string().as_str()
                || on <= member.added_on
            {
                continue;
            }
            if crate::store::assignments::find_manager_on(conn, member.id, on)?
                != Some(manager_ids[m])
            {
                continue;
            }
            reassign_customer(conn, member.id, to, on, reason::MANUAL, &lead, now)?;
            already.insert(member.id);
            done += 1;
        }
        moved += done;
    }
    Ok(moved)
}

fn manager_no(index: usize) -> String {
    format!("M{:03}", index + 1)
}

/// The last `MONTHS` month-ends strictly before `today`, oldest first.
fn month_ends_before(today: NaiveDate) -> [NaiveDate; MONTHS] {
    let mut ends = [today; MONTHS];
    let mut end = first_of_month(today) - Duration::days(1);
    for slot in ends.iter_mut().rev() {
        *slot = end;
        end = first_of_month(end) - Duration::days(1);
    }
    ends
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.day0()))
}

// ---------------------------------------------------------------------------------------------
// Randomness

/// SplitMix64: tiny, fast, good enough for demo data, and the same on every platform.
struct Rng(u64);

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi` (`lo` when the range is empty).
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo) as u64 + 1) as i64
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: i64) -> bool {
        (self.below(1000) as i64) < per_mille
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// Picks by weight; the tables are non-empty constants.
    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut r = self.below(total);
        for (item, w) in items {
            if r < u64::from(*w) {
                return *item;
            }
            r -= u64::from(*w);
        }
        items[items.len() - 1].0
    }

    /// A date in `lo..=hi` (`hi` when the range is empty).
    fn date_between(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days();
        if span <= 0 {
            return hi;
        }
        lo + Duration::days(self.range(0, span))
    }

    /// `k` distinct indices into a table of `weights`, drawn by weight.
    fn distinct(&mut self, weights: &[u32], k: usize) -> Vec<usize> {
        let mut left: Vec<(usize, u32)> = weights.iter().copied().enumerate().collect();
        let mut out = Vec::with_capacity(k);
        while out.len() < k && !left.is_empty() {
            let total: u64 = left.iter().map(|(_, w)| u64::from(*w)).sum();
            let mut r = self.below(total);
            let mut at = left.len() - 1;
            for (pos, (_, w)) in left.iter().enumerate() {
                if r < u64::from(*w) {
                    at = pos;
                    break;
                }
                r -= u64::from(*w);
            }
            out.push(left.remove(at).0);
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Tables

const MANAGER_NAMES: &[&str] = &[
    "王芳",
    "李强",
    "陈静",
    "张伟",
    "刘洋",
    "赵敏",
    "孙磊",
    "周婷",
    "吴昊",
    "郑丽",
    "徐明",
    "何雪",
    "高峰",
    "马丽娜",
    "罗斌",
    "梁爽",
    "宋佳",
    "唐宁",
    "林晓燕",
    "黄志刚",
];

/// Surnames with weights roughly in proportion to their frequency in the 2020 census, plus the
/// polyphonic ones (曾 单 解 仇 区) whose pinyin search must not trip.
#[rustfmt::skip]
const SURNAMES: &[(&str, u32)] = &[
    ("王", 710), ("李", 700), ("张", 640), ("刘", 540), ("陈", 460), ("杨", 310), ("黄", 220), ("赵", 200),
    ("吴", 190), ("周", 190), ("徐", 150), ("孙", 140), ("马", 130), ("朱", 120), ("胡", 120), ("郭", 110),
    ("何", 110), ("林", 100), ("高", 100), ("罗", 90), ("郑", 80), ("梁", 80), ("谢", 70), ("宋", 60),
    ("唐", 60), ("许", 60), ("韩", 60), ("冯", 50), ("邓", 50), ("曹", 50), ("彭", 50), ("曾", 50),
    ("肖", 50), ("田", 40), ("董", 40), ("袁", 40), ("潘", 40), ("于", 40), ("蒋", 40), ("蔡", 40),
    ("余", 40), ("杜", 30), ("叶", 30), ("程", 30), ("苏", 30), ("魏", 30), ("吕", 30), ("丁", 30),
    ("任", 30), ("沈", 30), ("姚", 30), ("卢", 30), ("姜", 30), ("崔", 30), ("钟", 20), ("谭", 20),
    ("陆", 20), ("汪", 20), ("范", 20), ("金", 20), ("石", 20), ("廖", 20), ("贾", 20), ("夏", 20),
    ("韦", 20), ("付", 20), ("方", 20), ("白", 20), ("邹", 20), ("孟", 20), ("熊", 20), ("秦", 20),
    ("邱", 20), ("江", 20), ("尹", 20), ("薛", 20), ("闫", 20), ("段", 20), ("雷", 20), ("侯", 20),
    ("龙", 20), ("史", 20), ("陶", 10), ("黎", 10), ("贺", 10), ("顾", 10), ("毛", 10), ("郝", 10),
    ("龚", 10), ("邵", 10), ("万", 10), ("钱", 10), ("严", 10), ("覃", 10), ("武", 10), ("戴", 10),
    ("莫", 10), ("孔", 10), ("向", 10), ("汤", 10), ("单", 8), ("解", 8), ("仇", 6), ("区", 6),
    ("欧阳", 4), ("司马", 2),
];

const MALE_CHARS: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "洋", "峰", "建", "国",
    "文", "东", "亮", "成", "海", "毅", "晨", "博",
];

const FEMALE_CHARS: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "颖", "琳", "洁",
    "梅", "莉", "兰", "萍", "红", "琴", "云", "倩", "佳", "欣", "悦", "彤", "晶", "蕾", "璐", "丹",
];

/// Two-character given names by generation: born before 1965, 1965–1984, 1985 on.
const MALE_NAMES: [&[&str]; 3] = [
    &[
        "建国", "建华", "国强", "志强", "志明", "德明", "国庆", "卫东", "建军", "振华", "学军",
        "永明", "玉林", "德胜", "长青", "福生", "宝山", "金山", "庆丰", "广明",
    ],
    &[
        "海波", "志刚", "建平", "晓东", "立新", "永刚", "红军", "卫国", "明亮", "海涛", "建伟",
        "春雷", "国华", "俊峰", "晓峰", "文斌", "少华", "志勇", "宏伟", "建明",
    ],
    &[
        "子轩", "浩然", "宇航", "俊杰", "子豪", "梓豪", "浩宇", "博文", "思远", "天佑", "一鸣",
        "嘉诚", "文博", "泽宇", "皓轩", "明轩", "子墨", "宇轩", "晨阳", "家豪", "锦程", "雨泽",
    ],
];

const FEMALE_NAMES: [&[&str]; 3] = [
    &[
        "秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "玉珍", "淑英", "秀珍", "桂芳",
        "玉梅", "素梅", "丽华", "美华", "秀云", "翠兰", "玉芬",
    ],
    &[
        "丽娟", "晓燕", "春梅", "海燕", "红梅", "丽萍", "秀梅", "晓红", "雪梅", "丽君", "晓丽",
        "艳红", "美玲", "慧敏", "春燕", "小红", "玉婷", "丽丽", "淑华", "彩霞",
    ],
    &[
        "梓涵", "欣怡", "雨涵", "诗涵", "可馨", "思琪", "梦琪", "雨欣", "佳怡", "子涵", "一诺",
        "语嫣", "雅静", "婉婷", "紫萱", "欣妍", "心怡", "佳琪", "晓彤", "梦瑶",
    ],
];

/// Administrative region codes (first six ID digits), weighted towards a few big cities.
const REGIONS: &[(&str, u32)] = &[
    ("110101", 30),
    ("110105", 40),
    ("110108", 40),
    ("310101", 30),
    ("310104", 40),
    ("310115", 50),
    ("440305", 50),
    ("440304", 40),
    ("440106", 40),
    ("320102", 30),
    ("320106", 30),
    ("330106", 40),
    ("330102", 30),
    ("510107", 30),
    ("420106", 25),
    ("370102", 20),
    ("350203", 20),
    ("610113", 20),
    ("500103", 20),
    ("120101", 15),
    ("430104", 15),
    ("410105", 15),
    ("340104", 15),
    ("210102", 10),
    ("130102", 10),
    ("360102", 10),
    ("450103", 8),
    ("530102", 8),
];

const PHONE_PREFIXES: &[u64] = &[
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159,
    166, 173, 176, 177, 180, 181, 182, 183, 185, 186, 187, 188, 189, 198, 199,
];

/// Ages (inclusive ranges) with weights: a branch's customers are mostly middle-aged.
const AGE_BANDS: &[((i64, i64), u32)] = &[
    ((22, 29), 12),
    ((30, 39), 21),
    ((40, 49), 22),
    ((50, 59), 20),
    ((60, 69), 15),
    ((70, 79), 8),
    ((80, 86), 2),
];

const WORKING_OCCUPATIONS: &[(&str, u32)] = &[
    ("企业职员", 300),
    ("个体经营", 120),
    ("工程师", 80),
    ("教师", 70),
    ("自由职业", 70),
    ("公务员", 60),
    ("事业单位职员", 60),
    ("销售", 50),
    ("医生", 40),
    ("企业主", 40),
    ("会计", 40),
    ("护士", 30),
    ("农民", 30),
    ("司机", 30),
    ("快递员", 20),
    ("律师", 10),
];

/// Occupations whose salary is usually paid through the bank (代发工资).
const SALARIED: &[&str] = &[
    "企业职员",
    "工程师",
    "教师",
    "公务员",
    "事业单位职员",
    "医生",
    "会计",
    "护士",
    "销售",
];

/// Lowest tier's AUM buckets in yuan (`lo..hi`) with weights, likewise for the others.
const AUM_BUCKETS: [&[((i64, i64), u32)]; 4] = [
    &[
        ((100, 1_000), 14),
        ((1_000, 5_000), 24),
        ((5_000, 20_000), 32),
        ((20_000, 50_000), 30),
    ],
    &[
        ((50_000, 100_000), 36),
        ((100_000, 200_000), 30),
        ((200_000, 350_000), 20),
        ((350_000, 500_000), 14),
    ],
    &[
        ((500_000, 1_000_000), 46),
        ((1_000_000, 2_000_000), 36),
        ((2_000_000, 3_000_000), 18),
    ],
    &[
        ((3_000_000, 5_000_000), 55),
        ((5_000_000, 10_000_000), 30),
        ((10_000_000, 30_000_000), 13),
        ((30_000_000, 60_000_000), 2),
    ],
];

/// Tier weights for customers who trade (prospects add to the lowest tier).
const TIER_WEIGHTS: &[(usize, u32)] = &[(0, 535), (1, 340), (2, 104), (3, 21)];

/// Wealth products: name and term in days (0 for open-ended, redeemable any day).
const WEALTH_PRODUCTS: &[(&str, i64)] = &[
    ("招睿月享", 30),
    ("稳利丰90天", 90),
    ("安心享180天", 180),
    ("季季盈", 91),
    ("半年添利", 182),
    ("年年红一年期", 365),
    ("天天宝", 0),
    ("周周宝", 7),
    ("双月盈", 60),
    ("稳健优选270天", 270),
    ("鑫享固收增强120天", 120),
    ("养老理财一年持有", 365),
];
const WEALTH_WEIGHTS: &[u32] = &[14, 16, 10, 10, 8, 8, 12, 5, 6, 5, 4, 2];

/// Funds: six-digit code and name.
const FUNDS: &[(&str, &str)] = &[
    ("004123", "稳健增利债券A"),
    ("005871", "中证500指数增强A"),
    ("007339", "沪深300ETF联接C"),
    ("001410", "科技创新混合A"),
    ("003095", "消费精选混合"),
    ("002708", "医疗健康股票A"),
    ("009264", "价值成长混合C"),
    ("006011", "纯债增强债券A"),
    ("013571", "短债30天持有"),
    ("010206", "新能源产业混合A"),
    ("015426", "红利低波ETF联接A"),
    ("006290", "养老目标2040三年持有(FOF)"),
    ("000719", "货币市场基金B"),
    ("012348", "恒生科技ETF联接(QDII)A"),
    ("008272", "平衡配置混合"),
    ("011450", "信用精选债券C"),
];
const FUND_WEIGHTS: &[u32] = &[12, 8, 10, 6, 6, 5, 5, 9, 8, 4, 6, 3, 10, 3, 5, 6];

const INSURANCE: &[(&str, &str)] = &[
    ("INS3001", "鑫享年金保险(分红型)"),
    ("INS3002", "增额终身寿险"),
    ("INS3005", "康宁重大疾病保险"),
    ("INS3010", "金福两全保险"),
    ("INS3012", "个人养老年金保险"),
];
const INSURANCE_WEIGHTS: &[u32] = &[25, 30, 20, 10, 15];

/// Time deposits: code, name, term in months.
const TIME_DEPOSITS: &[(&str, &str, u32)] = &[
    ("TD03", "三个月定期", 3),
    ("TD06", "六个月定期", 6),
    ("TD12", "一年期定期", 12),
    ("TD24", "两年期定期", 24),
    ("TD36", "三年期定期", 36),
];
const TIME_DEPOSIT_WEIGHTS: &[u32] = &[25, 25, 35, 8, 7];

const CN_NUMBERS: &[&str] = &["一", "二", "三", "四", "五", "六"];

// ---------------------------------------------------------------------------------------------
// One customer

struct Context<'a> {
    today: NaiveDate,
    month_ends: &'a [NaiveDate; MONTHS],
}

impl Context<'_> {
    fn last_month_end(&self) -> NaiveDate {
        self.month_ends[MONTHS - 1]
    }
}

struct Person {
    customer: Customer,
    added_on: NaiveDate,
    /// Balances at each month-end, oldest first.
    history: [Cents; MONTHS],
    holdings: Vec<Holding>,
    /// Not a cent moved in six months: left alone by the diary too, so they stay dormant.
    still: bool,
}

/// Balances in cents, so every step is exact integer arithmetic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Cents {
    deposits: i64,
    wealth: i64,
    funds: i64,
    insurance: i64,
    bonds: i64,
    other: i64,
}

impl Cents {
    fn total(&self) -> i64 {
        self.deposits + self.wealth + self.funds + self.insurance + self.bonds + self.other
    }

    /// Every class times `num / den` (rounded down).
    fn scaled(&self, num: i64, den: i64) -> Cents {
        let s = |c: i64| scale(c, num, den);
        Cents {
            deposits: s(self.deposits),
            wealth: s(self.wealth),
            funds: s(self.funds),
            insurance: s(self.insurance),
            bonds: s(self.bonds),
            other: s(self.other),
        }
    }

    fn balances(&self) -> Balances {
        let d = |c: i64| Decimal::new(c, 2);
        Balances {
            deposits: d(self.deposits),
            wealth: d(self.wealth),
            funds: d(self.funds),
            insurance: d(self.insurance),
            bonds: d(self.bonds),
            other: d(self.other),
        }
    }
}

/// `amount × num / den` in 128 bits, rounded down; `amount` when `den` is not positive.
fn scale(amount: i64, num: i64, den: i64) -> i64 {
    if den <= 0 {
        return amount;
    }
    let v = i128::from(amount) * i128::from(num) / i128::from(den);
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// How a customer's balances moved over the six months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    /// Small monthly drift.
    Normal,
    /// Not a cent moved (a dormancy candidate).
    Still,
    /// A large outflow in the last month: the month before held `10000 / keep_bp` times as much.
    Outflow { keep_bp: i64 },
    /// Crossed a tier boundary into the final tier at month `at`: before it, AUM was `before`.
    Crossed { at: usize, before: i64 },
}

fn make_person(
    rng: &mut Rng,
    ctx: &Context<'_>,
    phones: &mut HashSet<u64>,
    ids: &mut HashSet<String>,
) -> Person {
    let today = ctx.today;
    let gender = if rng.chance(500) {
        Gender::Male
    } else {
        Gender::Female
    };
    let (lo, hi) = rng.weighted(AGE_BANDS);
    let age = rng.range(lo, hi);
    let birth = today - Duration::days(age * 365 + age / 4 + rng.range(1, 364));
    let name = person_name(rng, gender, birth.year());
    let phone = unique_phone(rng, phones);
    let id_number = unique_id_number(rng, birth, gender, ids);

    // Prospects have contact data only; everyone else has traded at least once.
    let pattern_roll = rng.below(1000) as i64;
    let prospect = rng.chance(30);
    let still = !prospect && pattern_roll < 50;
    let adult_on = birth
        .checked_add_months(Months::new(18 * 12))
        .unwrap_or(birth);
    let first_trade = if prospect {
        None
    } else {
        Some(first_trade_date(rng, ctx, adult_on, still))
    };

    let tier = if prospect {
        0
    } else {
        rng.weighted(TIER_WEIGHTS)
    };
    let occupation = occupation(rng, age, gender, tier);
    let risk_level = if prospect && rng.chance(500) {
        None
    } else {
        Some(risk_level(rng, age))
    };
    let risk_assessed_on = risk_level.map(|_| today - Duration::days(rng.range(1, 540)));
    let tags = tags(rng, age, occupation);

    // The final (latest month-end) AUM decides the tier, so it is drawn first and the history
    // is walked backwards from it.
    let mut pattern = Pattern::Normal;
    let final_total = if prospect {
        0
    } else if still {
        pattern = Pattern::Still;
        aum_in_tier(rng, tier)
    } else if pattern_roll < 75 {
        pattern = Pattern::Outflow {
            keep_bp: rng.range(2_500, 6_800),
        };
        aum_in_tier(rng, tier)
    } else if pattern_roll < 115 {
        // Near a boundary, on the other side of it earlier on.
        let at = if rng.chance(600) {
            MONTHS - 1
        } else {
            MONTHS - 2
        };
        let up = tier == 3 || (tier > 0 && rng.chance(500));
        if up {
            let bound = TIER_BOUNDS[tier - 1];
            pattern = Pattern::Crossed {
                at,
                before: scale(bound, rng.range(8_600, 9_900), 10_000),
            };
            scale(bound, rng.range(10_000, 11_500), 10_000)
        } else {
            let bound = TIER_BOUNDS[tier];
            pattern = Pattern::Crossed {
                at,
                before: scale(bound, rng.range(10_100, 11_800), 10_000),
            };
            scale(bound, rng.range(8_800, 9_990), 10_000)
        }
    } else {
        aum_in_tier(rng, tier)
    };
    let investment_type = {
        let mut p = [250, 530, 680, 800][tier.min(3)];
        if age < 40 {
            p += 120;
        } else if age >= 60 {
            p -= 80;
        }
        rng.chance(p)
    };
    let final_cents = split_classes(rng, final_total, investment_type, age);
    let history = walk_back(rng, final_cents, pattern, ctx, first_trade);

    let holdings = match first_trade {
        Some(first) => make_holdings(rng, ctx, &final_cents, first, investment_type),
        None => Vec::new(),
    };

    let added_on = match first_trade {
        Some(first) => first.max(today - Duration::days(730 + rng.range(0, 1_100))),
        None => today - Duration::days(rng.range(0, 60)),
    };

    Person {
        customer: Customer {
            customer_no: String::new(),
            name,
            gender: Some(gender),
            birth_date: Some(birth),
            phone: Some(phone),
            id_number: Some(id_number),
            occupation: Some(occupation.to_string()),
            manager_no: None,
            risk_level,
            risk_assessed_on,
            first_trade_on: first_trade,
            tags,
            preference_override: None,
        },
        added_on,
        history,
        holdings,
        still,
    }
}

/// A Chinese name fitting the gender and the generation born in `birth_year`.
fn person_name(rng: &mut Rng, gender: Gender, birth_year: i32) -> String {
    let surname = rng.weighted(SURNAMES);
    let era = match birth_year {
        ..1965 => 0,
        1965..1985 => 1,
        _ => 2,
    };
    let (chars, names) = match gender {
        Gender::Male => (MALE_CHARS, MALE_NAMES[era]),
        Gender::Female => (FEMALE_CHARS, FEMALE_NAMES[era]),
    };
    let roll = rng.below(100);
    let given = if roll < 28 || surname.chars().count() > 1 {
        rng.pick(chars).to_string()
    } else if roll < 80 {
        rng.pick(names).to_string()
    } else {
        let a = rng.pick(chars);
        let mut b = rng.pick(chars);
        if a == b {
            b = rng.pick(chars);
        }
        format!("{a}{b}")
    };
    format!("{surname}{given}")
}

fn unique_phone(rng: &mut Rng, used: &mut HashSet<u64>) -> String {
    loop {
        let prefix = rng.pick(PHONE_PREFIXES);
        let number = prefix * 100_000_000 + rng.below(100_000_000);
        if used.insert(number) {
            return number.to_string();
        }
    }
}

fn unique_id_number(
    rng: &mut Rng,
    birth: NaiveDate,
    gender: Gender,
    used: &mut HashSet<String>,
) -> String {
    loop {
        let region = rng.weighted(REGIONS);
        // The 17th digit is odd for men and even for women.
        let parity = match gender {
            Gender::Male => 1,
            Gender::Female => 0,
        };
        let sequence = rng.below(500) * 2 + parity;
        let body = format!("{region}{}{sequence:03}", birth.format("%Y%m%d"));
        let id = format!("{body}{}", id_check_digit(&body));
        if !used.contains(&id) {
            used.insert(id.clone());
            return id;
        }
    }
}

/// The GB 11643-1999 check character of the first 17 digits of a resident ID.
fn id_check_digit(body: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let sum: u32 = body
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

/// When the customer first traded: over the last fifteen years, some in the last 90 days (always
/// on or before the last month-end, so the latest snapshot already holds their money), and
/// never before they came of age.
fn first_trade_date(
    rng: &mut Rng,
    ctx: &Context<'_>,
    adult_on: NaiveDate,
    still: bool,
) -> NaiveDate {
    let today = ctx.today;
    let since_month_end = (today - ctx.last_month_end()).num_days();
    let adult_days = (today - adult_on).num_days().max(since_month_end);
    let days_ago = if !still && rng.chance(50) {
        rng.range(since_month_end, 89)
    } else {
        let most = adult_days.min(15 * 365);
        let least = if still { 400 } else { 90 };
        rng.range(least.min(most), most)
    };
    today - Duration::days(days_ago)
}

fn occupation(rng: &mut Rng, age: i64, gender: Gender, tier: usize) -> &'static str {
    let retire_age = match gender {
        Gender::Male => 60,
        Gender::Female => 55,
    };
    if age >= retire_age && rng.chance(if age >= 65 { 900 } else { 700 }) {
        return "退休";
    }
    if age < 24 && rng.chance(400) {
        return "学生";
    }
    if tier >= 2 && age >= 30 && rng.chance(350) {
        return if rng.chance(600) {
            "企业主"
        } else {
            "个体经营"
        };
    }
    rng.weighted(WORKING_OCCUPATIONS)
}

fn risk_level(rng: &mut Rng, age: i64) -> RiskLevel {
    let table: &[(RiskLevel, u32)] = if age >= 65 {
        &[
            (RiskLevel::C1, 25),
            (RiskLevel::C2, 45),
            (RiskLevel::C3, 24),
            (RiskLevel::C4, 5),
            (RiskLevel::C5, 1),
        ]
    } else if age < 40 {
        &[
            (RiskLevel::C1, 6),
            (RiskLevel::C2, 28),
            (RiskLevel::C3, 40),
            (RiskLevel::C4, 18),
            (RiskLevel::C5, 8),
        ]
    } else {
        &[
            (RiskLevel::C1, 10),
            (RiskLevel::C2, 37),
            (RiskLevel::C3, 36),
            (RiskLevel::C4, 12),
            (RiskLevel::C5, 5),
        ]
    };
    rng.weighted(table)
}

fn tags(rng: &mut Rng, age: i64, occupation: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut add = |t: &str| tags.push(t.to_string());
    if SALARIED.contains(&occupation) && rng.chance(450) {
        add("代发工资");
    }
    if occupation == "退休" && rng.chance(600) {
        add("退休");
    }
    if occupation == "企业主" && rng.chance(800) {
        add("企业主");
    }
    if occupation == "个体经营" && rng.chance(300) {
        add("商户");
    }
    if (25..=55).contains(&age) && rng.chance(150) {
        add("按揭");
    }
    if age < 40 && rng.chance(80) {
        add("新市民");
    }
    if rng.chance(60) {
        add("社保卡");
    }
    tags
}

/// A final AUM in cents inside the tier's range.
fn aum_in_tier(rng: &mut Rng, tier: usize) -> i64 {
    let buckets = AUM_BUCKETS[tier.min(3)];
    let (lo, hi) = rng.weighted(buckets);
    rng.range(lo * 100, hi * 100 - 1)
}

/// Splits an AUM into asset classes; investment-type customers keep at least 30% of it in
/// wealth products, funds, insurance and bonds, savers less.
fn split_classes(rng: &mut Rng, total: i64, investment_type: bool, age: i64) -> Cents {
    if total == 0 {
        return Cents::default();
    }
    let investment_bp = if investment_type {
        rng.range(3_100, 9_000)
    } else if rng.chance(450) {
        0
    } else {
        rng.range(100, 2_800)
    };
    let other_bp = if rng.chance(100) {
        rng.range(100, 800).min(10_000 - investment_bp)
    } else {
        0
    };
    let investment = scale(total, investment_bp, 10_000);
    let other = scale(total, other_bp, 10_000);
    let mut cents = Cents {
        deposits: total - investment - other,
        other,
        ..Cents::default()
    };
    if investment == 0 {
        return cents;
    }
    // Which investment classes the customer uses, by age: the young like funds, their
    // parents wealth products and insurance, the old savings bonds.
    let young = age < 40;
    let old = age >= 60;
    let mut weights = [0i64; 4];
    if rng.chance(if young { 550 } else { 750 }) {
        weights[0] = rng.range(2, 10);
    }
    if rng.chance(if young {
        780
    } else if old {
        280
    } else {
        500
    }) {
        weights[1] = rng.range(2, 10);
    }
    if rng.chance(if young {
        180
    } else if old {
        250
    } else {
        400
    }) {
        weights[2] = rng.range(1, 6);
    }
    if rng.chance(if old { 350 } else { 100 }) {
        weights[3] = rng.range(1, 6);
    }
    if weights.iter().all(|w| *w == 0) {
        weights[if young { 1 } else { 0 }] = 1;
    }
    let weight_total: i64 = weights.iter().sum();
    let mut parts = [0i64; 4];
    let mut given = 0;
    let last = weights.iter().rposition(|w| *w > 0).unwrap_or(0);
    for (i, w) in weights.iter().enumerate() {
        if i == last {
            parts[i] = investment - given;
        } else {
            parts[i] = scale(investment, *w, weight_total);
            given += parts[i];
        }
    }
    cents.wealth = parts[0];
    cents.funds = parts[1];
    cents.insurance = parts[2];
    cents.bonds = parts[3];
    cents
}

/// The six month-ends, walked back from the latest with the customer's pattern. Month-ends
/// before the first trade hold nothing.
fn walk_back(
    rng: &mut Rng,
    last: Cents,
    pattern: Pattern,
    ctx: &Context<'_>,
    first_trade: Option<NaiveDate>,
) -> [Cents; MONTHS] {
    let mut history = [last; MONTHS];
    for k in (0..MONTHS - 1).rev() {
        let next = history[k + 1];
        history[k] = match pattern {
            Pattern::Still => next,
            Pattern::Outflow { keep_bp } if k == MONTHS - 2 => next.scaled(10_000, keep_bp),
            Pattern::Crossed { at, before } if k + 1 == at => next.scaled(before, next.total()),
            _ => drift(rng, next),
        };
    }
    for (cents, as_of) in history.iter_mut().zip(ctx.month_ends.iter()) {
        if first_trade.is_none_or(|first| *as_of < first) {
            *cents = Cents::default();
        }
    }
    history
}

/// The previous month from this one: deposits and funds move a little, wealth products now and
/// then (purchases and redemptions), insurance grows by premiums, bonds stay put.
fn drift(rng: &mut Rng, c: Cents) -> Cents {
    let wealth_bp = if rng.chance(250) {
        rng.range(-1_500, 1_500)
    } else {
        0
    };
    let insurance_bp = if rng.chance(150) {
        -rng.range(100, 1_000)
    } else {
        0
    };
    Cents {
        deposits: scale(c.deposits, 10_000 + rng.range(-350, 350), 10_000),
        wealth: scale(c.wealth, 10_000 + wealth_bp, 10_000),
        funds: scale(c.funds, 10_000 + rng.range(-700, 700), 10_000),
        insurance: scale(c.insurance, 10_000 + insurance_bp, 10_000),
        bonds: c.bonds,
        other: scale(c.other, 10_000 + rng.range(-300, 300), 10_000),
    }
}

/// Splits `total` cents into at most `n` positive parts, all but the last rounded to `unit`
/// cents when there is room for that.
fn split_amount(rng: &mut Rng, total: i64, n: usize, unit: i64) -> Vec<i64> {
    if total <= 0 || n == 0 {
        return Vec::new();
    }
    let unit = if total >= unit * 4 * n as i64 {
        unit
    } else {
        1
    };
    let weights: Vec<i64> = (0..n).map(|_| rng.range(1, 9)).collect();
    let weight_total: i64 = weights.iter().sum();
    let mut parts = Vec::with_capacity(n);
    let mut given = 0;
    for w in &weights[..n - 1] {
        let part = scale(total, *w, weight_total) / unit * unit;
        if part > 0 {
            parts.push(part);
            given += part;
        }
    }
    parts.push(total - given);
    parts
}

/// Holdings matching the latest balances: wealth products, funds, insurance and bonds add up to
/// their class; part of the deposits is in time deposits. Everything started on or before the
/// latest month-end; term products mature after today (renewed where the term is short).
fn make_holdings(
    rng: &mut Rng,
    ctx: &Context<'_>,
    c: &Cents,
    first_trade: NaiveDate,
    investment_type: bool,
) -> Vec<Holding> {
    let today = ctx.today;
    let last_me = ctx.last_month_end();
    let mut out = Vec::new();
    let count_for = |rng: &mut Rng, amount: i64, max: usize| -> usize {
        let n = match amount {
            ..3_000_000 => 1,
            3_000_000..20_000_000 => 1 + rng.below(2) as usize,
            _ => 1 + rng.below(3) as usize,
        };
        n.min(max)
    };

    if c.wealth > 0 {
        let n = count_for(rng, c.wealth, WEALTH_PRODUCTS.len());
        let chosen = rng.distinct(WEALTH_WEIGHTS, n);
        let amounts = split_amount(rng, c.wealth, chosen.len(), 100_000);
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (name, term) = WEALTH_PRODUCTS[*idx];
            let (start, maturity) = if term == 0 {
                (rng.date_between(first_trade, last_me), None)
            } else {
                let earliest = earliest_start(
                    first_trade,
                    last_me,
                    Some(last_me - Duration::days(term - 1)),
                );
                let (s, m) = term_dates(rng, earliest, last_me, today, |d, k| {
                    d.checked_add_signed(Duration::days(term * i64::from(k)))
                });
                (s, Some(m))
            };
            out.push(Holding {
                kind: ProductKind::Wealth,
                product_code: format!(
                    "WM{}{:02}{:02}",
                    start.year(),
                    idx + 1,
                    start.iso_week().week()
                ),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(start),
                maturity_on: maturity,
            });
        }
    }

    if c.funds > 0 {
        let n = count_for(rng, c.funds, 4);
        let chosen = rng.distinct(FUND_WEIGHTS, n + usize::from(c.funds >= 50_000_000));
        let amounts = split_amount(rng, c.funds, chosen.len(), 100);
        let earliest = first_trade.max(today - Duration::days(5 * 365));
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (code, name) = FUNDS[*idx];
            out.push(Holding {
                kind: ProductKind::Fund,
                product_code: code.to_string(),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(rng.date_between(earliest, last_me)),
                maturity_on: None,
            });
        }
    }

    if c.insurance > 0 {
        let n = if c.insurance >= 20_000_000 { 2 } else { 1 };
        let chosen = rng.distinct(INSURANCE_WEIGHTS, n);
        let amounts = split_amount(rng, c.insurance, chosen.len(), 100_000);
        let earliest = first_trade.max(today - Duration::days(10 * 365));
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (code, name) = INSURANCE[*idx];
            out.push(Holding {
                kind: ProductKind::Insurance,
                product_code: code.to_string(),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(rng.date_between(earliest, last_me)),
                maturity_on: None,
            });
        }
    }

    if c.bonds > 0 {
        let earliest = first_trade.max(last_me - Duration::days(900));
        let start = rng.date_between(earliest, last_me);
        let years: u32 = if rng.chance(600) { 3 } else { 5 };
        let issue = 1 + rng.below(CN_NUMBERS.len() as u64) as usize;
        out.push(Holding {
            kind: ProductKind::Bond,
            product_code: format!("SB{:02}{:02}{years}", start.year() % 100, issue),
            product_name: format!(
                "{}年第{}期储蓄国债(电子式){}年期",
                start.year(),
                CN_NUMBERS[issue - 1],
                years
            ),
            amount: Decimal::new(c.bonds, 2),
            start_on: Some(start),
            maturity_on: start.checked_add_months(Months::new(12 * years)),
        });
    }

    // Time deposits: savers keep more of their deposits fixed.
    let fixed_chance = if investment_type { 350 } else { 600 };
    if c.deposits >= 1_000_000 && rng.chance(fixed_chance) {
        let fixed = scale(c.deposits, rng.range(3_000, 8_500), 10_000);
        let n = count_for(rng, fixed, 3);
        let chosen = rng.distinct(TIME_DEPOSIT_WEIGHTS, n);
        let amounts = split_amount(rng, fixed, chosen.len(), 100_000);
        for (idx, amount) in chosen.iter().zip(amounts) {
            let (code, name, months) = TIME_DEPOSITS[*idx];
            let term_start = last_me
                .checked_sub_months(Months::new(months))
                .map(|d| d + Duration::days(1));
            let earliest = earliest_start(first_trade, last_me, term_start);
            let (start, maturity) = term_dates(rng, earliest, last_me, today, |d, k| {
                d.checked_add_months(Months::new(months * k))
            });
            out.push(Holding {
                kind: ProductKind::Deposit,
                product_code: code.to_string(),
                product_name: name.to_string(),
                amount: Decimal::new(amount, 2),
                start_on: Some(start),
                maturity_on: Some(maturity),
            });
        }
    }
    out
}

/// Start and maturity of a term product held today: bought on or after `earliest` (at most
/// one term before the latest month-end, and not before the first trade) and on or before the
/// latest month-end, renewed term after term until it matures after today.
fn term_dates(
    rng: &mut Rng,
    earliest: NaiveDate,
    last_me: NaiveDate,
    today: NaiveDate,
    after_terms: impl Fn(NaiveDate, u32) -> Option<NaiveDate>,
) -> (NaiveDate, NaiveDate) {
    let start = rng.date_between(earliest, last_me);
    let mut k = 1;
    let mut maturity = after_terms(start, k).unwrap_or(today + Duration::days(1));
    while maturity <= today && k < 1_000 {
        k += 1;
        maturity = after_terms(start, k).unwrap_or(today + Duration::days(1));
    }
    (start, maturity.max(today + Duration::days(1)))
}

/// The earliest start of a product of `term` still in its first term on `last_me`, at most a
/// year back and not before the first trade.
fn earliest_start(
    first_trade: NaiveDate,
    last_me: NaiveDate,
    term_start: Option<NaiveDate>,
) -> NaiveDate {
    let year_back = last_me - Duration::days(365);
    term_start
        .unwrap_or(year_back)
        .max(year_back)
        .max(first_trade)
        .min(last_me)
}

// ---------------------------------------------------------------------------------------------
// The work diary

/// A manager's day at full activity belongs to a book of this many customers or more; smaller
/// books get somewhat less of everything (by the square root of their size).
const FULL_BOOK: u64 = 600;

/// The most SMS one weekly wave sends: a bigger book is messaged in turns, a slice a week.
const WAVE_SIZE: usize = 600;

/// Office hours in minutes after midnight: 08:30–17:30.
const OPEN: i64 = 8 * 60 + 30;
const CLOSE: i64 = 17 * 60 + 30;

/// The diary's months: working days from six months before `today` up to yesterday.
struct Window {
    start: NaiveDate,
    today: NaiveDate,
    /// The latest month-end: purchases after it are in no balance snapshot yet.
    last_month_end: NaiveDate,
}

impl Window {
    fn new(today: NaiveDate, last_month_end: NaiveDate) -> Window {
        Window {
            start: today.checked_sub_months(Months::new(6)).unwrap_or(today),
            today,
            last_month_end,
        }
    }

    fn contains(&self, d: NaiveDate) -> bool {
        d >= self.start && d < self.today
    }

    fn working_days(&self) -> Vec<NaiveDate> {
        self.start
            .iter_days()
            .take_while(|d| *d < self.today)
            .filter(|d| is_working_day(*d))
            .collect()
    }
}

/// Monday to Friday, except the fixed-date public holidays (New Year's Day, the Labour Day and
/// National Day weeks).
fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
        && !matches!((d.month(), d.day()), (1, 1) | (5, 1..=5) | (10, 1..=7))
}

fn next_working_day(d: NaiveDate) -> NaiveDate {
    let mut next = d + Duration::days(1);
    while !is_working_day(next) {
        next += Duration::days(1);
    }
    next
}

fn time_on(d: NaiveDate, minutes: i64) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::minutes(minutes.clamp(OPEN, CLOSE))
}

fn minutes_of(at: NaiveDateTime) -> i64 {
    i64::from(at.hour()) * 60 + i64::from(at.minute())
}

/// What the diary needs to know about one customer.
#[derive(Debug, Clone)]
struct Member {
    id: i64,
    customer_no: String,
    name: String,
    /// The default policy's tier index by the latest balances.
    tier: usize,
    added_on: NaiveDate,
    first_trade: Option<NaiveDate>,
    still: bool,
    /// Opted out of marketing messages and never picked for a call: work left for the queue.
    quiet: bool,
    /// Latest AUM in cents.
    aum: i64,
    risk_level: Option<RiskLevel>,
    risk_assessed_on: Option<NaiveDate>,
    /// The risk profile before the latest assessment.
    prior_risk: (Option<RiskLevel>, Option<NaiveDate>),
}

impl Member {
    fn of(person: &Person, seed: u64, i: usize) -> Member {
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
        }
    }

    /// Someone the manager talks with on `d`: on the books by then, and not left alone.
    fn reachable(&self, d: NaiveDate) -> bool {
        !self.quiet && self.added_on <= d
    }

    /// Someone who buys on `d`: a trading customer by then, and not a dormant one.
    fn can_buy(&self, d: NaiveDate) -> bool {
        self.reachable(d) && !self.still && self.first_trade.is_some_and(|f| f <= d)
    }

    /// The customer's risk profile as the diary saw it on `d`.
    fn risk_on(&self, d: NaiveDate) -> (Option<RiskLevel>, Option<NaiveDate>) {
        match self.risk_assessed_on {
            Some(on) if on >= d => self.prior_risk,
            _ => (self.risk_level, self.risk_assessed_on),
        }
    }

    /// The day of the latest assessment, when the manager may have logged it.
    fn risk_candidate(&self, w: &Window) -> Option<NaiveDate> {
        let on = self.risk_assessed_on?;
        self.risk_level?;
        (w.contains(on) && is_working_day(on) && self.reachable(on) && !self.still).then_some(on)
    }

    /// Whether a holding bought in the diary's months (and in the snapshots) may be logged as
    /// its sale: `Some(true)` when the sale writes the holding (a term product in its first
    /// term), `Some(false)` when the sale is logged beside the imported holding (no maturity).
    fn sale_candidate(&self, h: &Holding, w: &Window) -> Option<bool> {
        let start = h.start_on?;
        if !(w.contains(start)
            && start <= w.last_month_end
            && is_working_day(start)
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

/// True when `maturity` is one term after `start` (not a product renewed term after term).
fn first_term(h: &Holding, start: NaiveDate, maturity: NaiveDate) -> bool {
    match h.kind {
        ProductKind::Wealth => WEALTH_PRODUCTS.iter().any(|(name, term)| {
            *name == h.product_name && start + Duration::days(*term) == maturity
        }),
        ProductKind::Deposit => TIME_DEPOSITS.iter().any(|(code, _, months)| {
            *code == h.product_code
                && start.checked_add_months(Months::new(*months)) == Some(maturity)
        }),
        ProductKind::Bond => true,
        _ => false,
    }
}

/// One manager's book and what happened in it that the diary may tell.
#[derive(Default)]
struct ManagerPlan {
    /// Indices into the branch's members.
    members: Vec<usize>,
    sales: Vec<SaleCandidate>,
    /// (day, member) of assessments the manager may have logged.
    risks: Vec<(NaiveDate, usize)>,
}

struct SaleCandidate {
    on: NaiveDate,
    member: usize,
    holding: Holding,
    /// The holding is not written yet: the sale writes it, or, not logged, it is imported.
    deferred: bool,
}

struct DiaryManager<'a> {
    id: i64,
    name: &'a str,
    rng: Rng,
}

/// What one manager's diary wrote.
struct Written {
    entries: usize,
    holdings: usize,
}

/// Draws members by weight.
struct Picker {
    members: Vec<usize>,
    ends: Vec<u64>,
}

impl Picker {
    fn new(book: &[Member], members: &[usize], weight: impl Fn(&Member) -> u64) -> Picker {
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
    fn pick(&self, rng: &mut Rng, ok: impl Fn(usize) -> bool) -> Option<usize> {
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

/// A follow-up the manager kept: a call back or a visit at an agreed time.
#[derive(Debug, Clone, Copy)]
struct Planned {
    at: NaiveDateTime,
    member: usize,
    kind: EntryKind,
}

/// One entry to write.
struct Item {
    draft: EntryDraft,
    member: Option<usize>,
    /// Part of an SMS wave: the wave's entries share a batch, as a bulk SMS logged in the app.
    wave: bool,
}

/// How much of a full day a book of `n` customers gets, per mille.
fn activity_scale(n: usize) -> i64 {
    let ratio = (n as u64).saturating_mul(1_000_000) / FULL_BOOK;
    ratio.isqrt().clamp(400, 1_000) as i64
}

/// A count in `lo..=hi` for a full book, scaled.
fn scaled(rng: &mut Rng, lo: i64, hi: i64, scale: i64) -> i64 {
    rng.range((lo * scale + 500) / 1_000, (hi * scale + 500) / 1_000)
}

/// One of `templates`, with `{product}` and `{fund}` filled by a product name and the `fill`
/// pairs replaced.
fn note(rng: &mut Rng, templates: &[&str], fill: &[(&str, &str)]) -> String {
    let mut out = rng.pick(templates).to_string();
    if out.contains("{product}") {
        let (name, _) = WEALTH_PRODUCTS[rng.below(WEALTH_PRODUCTS.len() as u64) as usize];
        out = out.replace("{product}", name);
    }
    if out.contains("{fund}") {
        let (_, name) = FUNDS[rng.below(FUNDS.len() as u64) as usize];
        out = out.replace("{fund}", name);
    }
    for (key, value) in fill {
        out = out.replace(key, value);
    }
    out
}

/// An amount in cents as a manager writes it: `30万`, `12.5万`, `8000元`.
fn amount_text(cents: i64) -> String {
    if cents < 1_000_000 {
        return format!("{}元", cents / 100);
    }
    let hundredths = cents / 10_000;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => format!("{whole}万"),
        f if f % 10 == 0 => format!("{whole}.{}万", f / 10),
        f => format!("{whole}.{f:02}万"),
    }
}

fn risk_name(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::C1 => "C1（保守型）",
        RiskLevel::C2 => "C2（稳健型）",
        RiskLevel::C3 => "C3（平衡型）",
        RiskLevel::C4 => "C4（成长型）",
        RiskLevel::C5 => "C5（进取型）",
    }
}

fn entry(kind: EntryKind, m: Option<&Member>, at: NaiveDateTime, note: String) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: m.map(|m| m.customer_no.clone()),
        occurred_at: at,
        outcome: None,
        note,
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

/// Which working day of most weeks gets the bulk SMS: day → wave number.
fn wave_days(rng: &mut Rng, days: &[NaiveDate]) -> BTreeMap<NaiveDate, usize> {
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

/// Six months of one manager's working days, written through the diary's store functions as
/// the app would have written them at the time. Returns what was written.
fn write_diary(
    conn: &Connection,
    manager: DiaryManager<'_>,
    plan: ManagerPlan,
    book: &[Member],
    w: &Window,
    now: NaiveDateTime,
) -> Result<Written> {
    let DiaryManager {
        id: manager_id,
        name: manager_name,
        mut rng,
    } = manager;
    let rng = &mut rng;
    let mut written = Written {
        entries: 0,
        holdings: 0,
    };
    if plan.members.is_empty() {
        return Ok(written);
    }
    let scale = activity_scale(plan.members.len());
    let members = &plan.members;
    // The better the tier, the more often the manager is in touch. Dormant customers are left
    // alone (only the bulk SMS reaches them), so they stay dormant for the queue.
    let by_tier = |weights: [u64; 4]| {
        move |m: &Member| {
            if m.still || m.quiet {
                0
            } else {
                weights[m.tier.min(3)]
            }
        }
    };
    let callers = Picker::new(book, members, by_tier([1, 3, 8, 16]));
    let chatters = Picker::new(book, members, by_tier([1, 3, 6, 10]));
    let visitors = Picker::new(book, members, by_tier([1, 4, 20, 60]));
    let investors = Picker::new(book, members, by_tier([0, 3, 8, 14]));
    let cardholders = Picker::new(book, members, by_tier([4, 3, 2, 1]));

    let mut sales: BTreeMap<NaiveDate, Vec<SaleCandidate>> = BTreeMap::new();
    for c in plan.sales {
        sales.entry(c.on).or_default().push(c);
    }
    let mut risks: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (on, m) in plan.risks {
        risks.entry(on).or_default().push(m);
    }
    let sms_list: Vec<usize> = members
        .iter()
        .copied()
        .filter(|m| !book[*m].quiet)
        .collect();
    let days = w.working_days();
    let waves = wave_days(rng, &days);
    let first_template = rng.below(SMS_WAVES.len() as u64) as usize;
    let mut planned: BTreeMap<NaiveDate, Vec<Planned>> = BTreeMap::new();

    for &d in &days {
        let mut items: Vec<Item> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();

        // The weekly SMS to the whole book (in turns when the book is big), one time for all.
        if let Some(&wave) = waves.get(&d) {
            let template = SMS_WAVES[(first_template + wave) % SMS_WAVES.len()];
            let at = time_on(d, rng.pick(&[570, 600, 630, 900, 930, 960]));
            for (k, &m) in sms_list.iter().enumerate() {
                let member = &book[m];
                // Each wave takes the next `WAVE_SIZE` of the list, round and round.
                let offset = (wave * WAVE_SIZE) % sms_list.len();
                if (k + sms_list.len() - offset) % sms_list.len() >= WAVE_SIZE
                    || member.added_on > d
                {
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

        // Follow-ups agreed earlier and kept today.
        let mut calls = 0;
        let mut visits = 0;
        for p in planned.remove(&d).unwrap_or_default() {
            let member = &book[p.member];
            seen.insert(p.member);
            let at = time_on(d, minutes_of(p.at) + rng.range(0, 12));
            let mut draft = if p.kind == EntryKind::Visit {
                visits += 1;
                let mut draft = entry(
                    EntryKind::Visit,
                    Some(member),
                    at,
                    note(rng, VISIT_AGREED, &[]),
                );
                draft.outcome = Some(Outcome::Reached);
                draft
            } else {
                calls += 1;
                let reached = rng.chance(800);
                let text = if reached {
                    CALLBACK_KEPT
                } else {
                    CALLBACK_MISSED
                };
                let mut draft = entry(EntryKind::Call, Some(member), at, note(rng, text, &[]));
                draft.outcome = Some(if reached {
                    Outcome::Reached
                } else {
                    Outcome::NotReached
                });
                draft
            };
            draft.occurred_at = at;
            items.push(Item {
                draft,
                member: Some(p.member),
                wave: false,
            });
        }

        // Calls: most reached, some not, some asking to be called back, a few refusing.
        for _ in calls..scaled(rng, 8, 20, scale) {
            let Some(m) = callers.pick(rng, |m| book[m].reachable(d) && !seen.contains(&m)) else {
                continue;
            };
            seen.insert(m);
            let at = time_on(d, rng.range(9 * 60, 17 * 60 + 15));
            let outcome = rng.weighted(&[
                (Outcome::Reached, 60),
                (Outcome::NotReached, 20),
                (Outcome::CallbackRequested, 10),
                (Outcome::Refused, 10),
            ]);
            let mut follow_up = None;
            let text = match outcome {
                Outcome::Reached if rng.chance(110) => {
                    // A visit agreed for one of the next few working days.
                    let mut day = next_working_day(d);
                    for _ in 0..rng.range(0, 4) {
                        day = next_working_day(day);
                    }
                    let when = time_on(day, rng.pick(&[600, 630, 870, 930, 990]));
                    follow_up = Some(when);
                    keep_follow_up(
                        &mut planned,
                        w,
                        Planned {
                            at: when,
                            member: m,
                            kind: EntryKind::Visit,
                        },
                        rng,
                        750,
                    );
                    CALL_INVITED
                }
                Outcome::Reached if rng.chance(90) => {
                    // Thinking it over: call again in a week or two.
                    let mut day = d + Duration::days(rng.range(4, 13));
                    if !is_working_day(day) {
                        day = next_working_day(day);
                    }
                    let when = time_on(day, rng.range(60, 96) * 10);
                    follow_up = Some(when);
                    keep_follow_up(
                        &mut planned,
                        w,
                        Planned {
                            at: when,
                            member: m,
                            kind: EntryKind::Call,
                        },
                        rng,
                        800,
                    );
                    CALL_LATER
                }
                Outcome::Reached => CALL_REACHED,
                Outcome::NotReached => {
                    if rng.chance(250) {
                        let when = time_on(next_working_day(d), rng.range(570, 690) / 10 * 10);
                        follow_up = Some(when);
                        keep_follow_up(
                            &mut planned,
                            w,
                            Planned {
                                at: when,
                                member: m,
                                kind: EntryKind::Call,
                            },
                            rng,
                            600,
                        );
                    }
                    CALL_NOT_REACHED
                }
                Outcome::CallbackRequested => {
                    let minute = minutes_of(at);
                    let when = if minute <= 15 * 60 && rng.chance(550) {
                        time_on(d, (minute + rng.range(60, 180)) / 10 * 10)
                    } else {
                        time_on(next_working_day(d), rng.range(570, 690) / 10 * 10)
                    };
                    follow_up = Some(when);
                    keep_follow_up(
                        &mut planned,
                        w,
                        Planned {
                            at: when,
                            member: m,
                            kind: EntryKind::Call,
                        },
                        rng,
                        850,
                    );
                    if when.date() == d {
                        CALLBACK_TODAY
                    } else {
                        CALLBACK_TOMORROW
                    }
                }
                Outcome::Refused => CALL_REFUSED,
            };
            let mut draft = entry(EntryKind::Call, Some(&book[m]), at, note(rng, text, &[]));
            draft.outcome = Some(outcome);
            draft.follow_up_at = follow_up;
            items.push(Item {
                draft,
                member: Some(m),
                wave: false,
            });
        }

        // WeChat messages: answered, or left unread.
        for _ in 0..scaled(rng, 2, 5, scale) {
            let Some(m) = chatters.pick(rng, |m| book[m].reachable(d)) else {
                continue;
            };
            let at = time_on(d, rng.range(OPEN, CLOSE));
            let reached = rng.chance(750);
            let text = if reached {
                WECHAT_REACHED
            } else {
                WECHAT_UNANSWERED
            };
            let mut draft = entry(EntryKind::Wechat, Some(&book[m]), at, note(rng, text, &[]));
            draft.outcome = Some(if reached {
                Outcome::Reached
            } else {
                Outcome::NotReached
            });
            items.push(Item {
                draft,
                member: Some(m),
                wave: false,
            });
        }

        // Visits, mostly the better tiers: at the branch or at their door.
        for _ in visits..scaled(rng, 1, 2, scale) {
            let Some(m) = visitors.pick(rng, |m| book[m].reachable(d) && !seen.contains(&m)) else {
                continue;
            };
            seen.insert(m);
            let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 30));
            let met = rng.chance(920);
            let text = if met { VISIT_MET } else { VISIT_MISSED };
            let mut draft = entry(EntryKind::Visit, Some(&book[m]), at, note(rng, text, &[]));
            draft.outcome = Some(if met {
                Outcome::Reached
            } else {
                Outcome::NotReached
            });
            items.push(Item {
                draft,
                member: Some(m),
                wave: false,
            });
        }

        // Sales: first the purchases the balances show from this day, then new business.
        let wanted = scaled(rng, 1, 3, scale) as usize;
        let mut sold = 0;
        let mut candidates = sales.remove(&d).unwrap_or_default();
        shuffle(rng, &mut candidates);
        for c in candidates {
            // The manager logs the sizeable purchases; small ones were made in the app, and
            // time deposits are mostly rolled over at the counter.
            let by_kind = match c.holding.kind {
                ProductKind::Deposit => 350,
                _ => 950,
            };
            let by_amount = match c.holding.amount {
                a if a < Decimal::from(10_000) => 150,
                a if a < Decimal::from(50_000) => 450,
                _ => 1_000,
            };
            let logged = by_kind * by_amount / 1_000;
            if sold < wanted && rng.chance(logged) {
                sold += 1;
                let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 45));
                items.push(sale_item(rng, &book[c.member], c.member, at, &c.holding));
            } else if c.deferred {
                upsert_holding(conn, book[c.member].id, &c.holding, now)?;
                written.holdings += 1;
            }
        }
        let after_snapshots = d > w.last_month_end;
        for _ in sold..wanted {
            if !rng.chance(750) {
                continue;
            }
            let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 45));
            if let Some(item) =
                new_sale(rng, book, &investors, &cardholders, d, at, after_snapshots)
            {
                items.push(item);
            }
        }

        // Risk assessments the manager did with the customer (others were done at the counter
        // or in the app): their level is the one the customer has now.
        let mut assessed = 0;
        for m in risks.remove(&d).unwrap_or_default() {
            if assessed >= 2 || !rng.chance(550) {
                continue;
            }
            assessed += 1;
            let member = &book[m];
            let Some(level) = member.risk_level else {
                continue;
            };
            let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 30));
            let text = note(rng, RISK_NOTES, &[("{level}", risk_name(level))]);
            let mut draft = entry(EntryKind::RiskAssessment, Some(member), at, text);
            draft.risk_level = Some(level);
            items.push(Item {
                draft,
                member: Some(m),
                wave: false,
            });
        }

        // The manager's own notes: a memo most days, a reflection on Fridays.
        if rng.chance(750) {
            let minute = if rng.chance(600) {
                rng.range(OPEN, 9 * 60 + 5)
            } else {
                rng.range(17 * 60, CLOSE - 5)
            };
            let text = rng.pick(MEMOS).to_string();
            items.push(Item {
                draft: entry(EntryKind::Memo, None, time_on(d, minute), text),
                member: None,
                wave: false,
            });
        }
        if d.weekday() == Weekday::Fri && rng.chance(850) {
            let text = rng.pick(REFLECTIONS).to_string();
            let at = time_on(d, rng.range(17 * 60 + 5, CLOSE));
            items.push(Item {
                draft: entry(EntryKind::Reflection, None, at, text),
                member: None,
                wave: false,
            });
        }

        items.sort_by_key(|i| i.draft.occurred_at);
        for item in items {
            write_item(conn, manager_id, book, item, now, &mut written)?;
        }
    }
    // Purchases on days the diary did not cover are imported holdings after all.
    for c in sales.into_values().flatten().filter(|c| c.deferred) {
        upsert_holding(conn, book[c.member].id, &c.holding, now)?;
        written.holdings += 1;
    }
    Ok(written)
}

/// Books a follow-up that is kept (with `chance` per mille) on its day, when that day is in
/// the diary's months.
fn keep_follow_up(
    planned: &mut BTreeMap<NaiveDate, Vec<Planned>>,
    w: &Window,
    p: Planned,
    rng: &mut Rng,
    chance: i64,
) {
    if p.at.date() < w.today && rng.chance(chance) {
        planned.entry(p.at.date()).or_default().push(p);
    }
}

/// Fisher–Yates, with the demo's own generator.
fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// The sale of a holding the balances already show.
fn sale_item(rng: &mut Rng, member: &Member, m: usize, at: NaiveDateTime, h: &Holding) -> Item {
    let cents = (h.amount * Decimal::from(100))
        .trunc()
        .try_into()
        .unwrap_or(0i64);
    let mut draft = entry(
        EntryKind::Sale,
        Some(member),
        at,
        sale_note(rng, h.kind, &h.product_name, cents),
    );
    draft.sale = Some(Sale {
        product_kind: h.kind,
        product_code: h.product_code.clone(),
        product_name: h.product_name.clone(),
        amount: Some(h.amount),
        maturity_on: h.maturity_on,
    });
    Item {
        draft,
        member: Some(m),
        wave: false,
    }
}

fn sale_note(rng: &mut Rng, kind: ProductKind, product: &str, cents: i64) -> String {
    let templates = match kind {
        ProductKind::Wealth | ProductKind::Fund => SALE_INVEST,
        ProductKind::Insurance => SALE_INSURANCE,
        ProductKind::Deposit => SALE_DEPOSIT,
        ProductKind::Bond => SALE_BOND,
        _ => SALE_SERVICE,
    };
    let amount = amount_text(cents);
    note(
        rng,
        templates,
        &[("{item}", product), ("{amount}", &amount)],
    )
}

/// New business of the day: an investment for a customer with the money for it, or a card or
/// e-banking service. Before the latest month-end only products the snapshots need not show
/// (funds since redeemed, services without an amount).
fn new_sale(
    rng: &mut Rng,
    book: &[Member],
    investors: &Picker,
    cardholders: &Picker,
    d: NaiveDate,
    at: NaiveDateTime,
    after_snapshots: bool,
) -> Option<Item> {
    let kind = if after_snapshots {
        rng.weighted(&[
            (ProductKind::Wealth, 42),
            (ProductKind::Fund, 24),
            (ProductKind::Insurance, 6),
            (ProductKind::Deposit, 10),
            (ProductKind::Bond, 2),
            (ProductKind::CreditCard, 7),
            (ProductKind::MobileBanking, 6),
            (ProductKind::Payroll, 2),
            (ProductKind::EBanking, 1),
        ])
    } else {
        rng.weighted(&[
            (ProductKind::Fund, 62),
            (ProductKind::CreditCard, 18),
            (ProductKind::MobileBanking, 12),
            (ProductKind::Payroll, 5),
            (ProductKind::EBanking, 3),
        ])
    };
    let needs_amount = crate::domain::diary::sale_needs_amount(kind);
    let picker = if needs_amount { investors } else { cardholders };
    let m = picker.pick(rng, |m| book[m].can_buy(d))?;
    let member = &book[m];
    let (code, name, amount, maturity) = if needs_amount {
        // Mostly 5万–100万, never more than most of what the customer has.
        let wan = match kind {
            ProductKind::Insurance => {
                rng.weighted(&[(1, 20), (2, 20), (3, 15), (5, 20), (10, 15), (20, 10)])
            }
            _ => rng.weighted(&[
                (5, 24),
                (10, 26),
                (20, 18),
                (30, 12),
                (50, 10),
                (100, 6),
                (200, 2),
                (2, 2),
            ]),
        };
        let cap = member.aum * 6 / 10 / 1_000_000;
        let cents = wan.min(cap).max(1) * 1_000_000;
        let (code, name, maturity) = new_product(rng, kind, d);
        (code, name, Some(Decimal::new(cents, 2)), maturity)
    } else {
        let (code, name) = match kind {
            ProductKind::CreditCard => rng.pick(&[
                ("CC01", "白金信用卡"),
                ("CC02", "金卡信用卡"),
                ("CC05", "车主信用卡"),
            ]),
            ProductKind::MobileBanking => ("MB", "手机银行"),
            ProductKind::Payroll => ("PR", "代发工资签约"),
            _ => ("EB", "网上银行"),
        };
        (code.to_string(), name.to_string(), None, None)
    };
    let cents = amount
        .map(|a| (a * Decimal::from(100)).trunc().try_into().unwrap_or(0i64))
        .unwrap_or(0);
    let mut draft = entry(
        EntryKind::Sale,
        Some(member),
        at,
        sale_note(rng, kind, &name, cents),
    );
    draft.sale = Some(Sale {
        product_kind: kind,
        product_code: code,
        product_name: name,
        amount,
        maturity_on: maturity,
    });
    Some(Item {
        draft,
        member: Some(m),
        wave: false,
    })
}

/// Code, name and maturity of a product sold on `d`: wealth products of three months to a year,
/// time deposits, savings bonds; funds and insurance run without a maturity.
fn new_product(
    rng: &mut Rng,
    kind: ProductKind,
    d: NaiveDate,
) -> (String, String, Option<NaiveDate>) {
    match kind {
        ProductKind::Wealth => {
            let weights: Vec<u32> = WEALTH_PRODUCTS
                .iter()
                .zip(WEALTH_WEIGHTS)
                .map(|((_, term), w)| if *term >= 90 { *w } else { 0 })
                .collect();
            let idx = rng.distinct(&weights, 1)[0];
            let (name, term) = WEALTH_PRODUCTS[idx];
            let code = format!("WM{}{:02}{:02}", d.year(), idx + 1, d.iso_week().week());
            (code, name.to_string(), Some(d + Duration::days(term)))
        }
        ProductKind::Fund => {
            let idx = rng.distinct(FUND_WEIGHTS, 1)[0];
            let (code, name) = FUNDS[idx];
            (code.to_string(), name.to_string(), None)
        }
        ProductKind::Insurance => {
            let idx = rng.distinct(INSURANCE_WEIGHTS, 1)[0];
            let (code, name) = INSURANCE[idx];
            (code.to_string(), name.to_string(), None)
        }
        ProductKind::Deposit => {
            let idx = rng.distinct(TIME_DEPOSIT_WEIGHTS, 1)[0];
            let (code, name, months) = TIME_DEPOSITS[idx];
            (
                code.to_string(),
                name.to_string(),
                d.checked_add_months(Months::new(months)),
            )
        }
        _ => {
            let years: u32 = if rng.chance(600) { 3 } else { 5 };
            let issue = 1 + rng.below(CN_NUMBERS.len() as u64) as usize;
            (
                format!("SB{:02}{:02}{years}", d.year() % 100, issue),
                format!(
                    "{}年第{}期储蓄国债(电子式){}年期",
                    d.year(),
                    CN_NUMBERS[issue - 1],
                    years
                ),
                d.checked_add_months(Months::new(12 * years)),
            )
        }
    }
}

/// Writes one entry and what it changes, as `service::diary` does when it is logged: created
/// at the moment it happened, a sale with an amount and a maturity becomes a holding, an
/// assessment sets the customer's risk profile.
fn write_item(
    conn: &Connection,
    manager_id: i64,
    book: &[Member],
    item: Item,
    now: NaiveDateTime,
    written: &mut Written,
) -> Result<()> {
    let at = item.draft.occurred_at;
    let member = item.member.map(|m| &book[m]);
    let (prev_risk_level, prev_risk_assessed_on) = match member {
        Some(m) => m.risk_on(at.date()),
        None => (None, None),
    };
    let links = EntryLinks {
        manager_id: Some(manager_id),
        customer_id: member.map(|m| m.id),
        prev_risk_level,
        prev_risk_assessed_on,
        // One wave a manager a day: manager and day make the batch number unique.
        batch_id: item
            .wave
            .then(|| manager_id * 1_000_000 + i64::from(at.date().num_days_from_ce())),
    };
    let id = insert_entry(conn, &item.draft, links, at)?;
    written.entries += 1;
    let Some(member) = member else {
        return Ok(());
    };
    if let Some(sale) = &item.draft.sale
        && let (Some(amount), Some(maturity)) = (sale.amount, sale.maturity_on)
    {
        let holding = Holding {
            kind: sale.product_kind,
            product_code: sale.product_code.clone(),
            product_name: sale.product_name.clone(),
            amount,
            start_on: Some(at.date()),
            maturity_on: Some(maturity),
        };
        let holding_id = insert_sale_holding(conn, member.id, &holding, at)?;
        set_holding(conn, id, Some(holding_id))?;
        written.holdings += 1;
    }
    if item.draft.kind == EntryKind::RiskAssessment {
        update_risk(conn, member.id, item.draft.risk_level, Some(at.date()), now)?;
    }
    Ok(())
}

// Notes, as managers write them.

const SMS_WAVES: &[&str] = &[
    "{name}您好，本周理财产品到期提醒：如您有产品近期到期，欢迎联系我提前安排续作。客户经理{manager}",
    "{name}您好，我行新发一款稳健型理财，业绩比较基准2.6%-3.2%，起购1万元，详情欢迎咨询。客户经理{manager}",
    "{name}您好，近期冒充客服、公检法的电信诈骗高发，请勿向任何人透露验证码。客户经理{manager}",
    "{name}您好，本周六上午支行二楼举办理财沙龙，主题为家庭资产配置，诚邀您参加。客户经理{manager}",
    "{name}您好，大额存单额度有限，如有需要请提前与我预约。客户经理{manager}",
    "{name}您好，天气多变，注意增减衣物，祝您和家人身体健康！客户经理{manager}",
    "{name}您好，个人养老金账户开户有礼，可到网点或通过手机银行办理，欢迎咨询。客户经理{manager}",
    "{name}您好，风险测评有效期为一年，过期将影响理财购买，如需重新测评请联系我。客户经理{manager}",
    "{name}您好，本月信用卡分期手续费限时优惠，欢迎咨询。客户经理{manager}",
    "{name}您好，本周到期提醒：定期存款到期未转存将按活期计息，如需转存请联系我。客户经理{manager}",
];

const CALL_REACHED: &[&str] = &[
    "提醒客户{product}下周到期，客户表示到期后继续购买",
    "介绍新发稳健型理财，客户有兴趣，准备到期资金转入",
    "了解客户近期资金安排，年底有一笔资金到账",
    "客户咨询大额存单利率，已告知最新报价",
    "回访上次购买的{product}，客户对收益满意",
    "客户关心{fund}近期回撤，已解释市场情况，建议继续持有",
    "邀请客户参加周六理财沙龙，客户答应到场",
    "生日问候，客户很高兴",
    "客户反馈手机银行转账限额不够，已指导调整",
    "推荐养老理财，客户表示和家人商量后回复",
    "客户询问基金定投，已介绍{fund}定投方案",
    "提醒客户风险测评即将到期，需来网点或在手机银行重新测评",
    "客户准备给孩子存教育金，已初步介绍年金险",
    "例行问候，顺便了解客户理财到期情况",
    "客户询问国债发行时间，已告知下期发行安排",
    "沟通{product}续作事宜，客户同意到期自动续作",
    "客户反映收益不及预期，已耐心解释并介绍更稳健的产品",
];

const CALL_INVITED: &[&str] = &[
    "客户同意来网点面谈资产配置，已约好时间",
    "约客户来网点做资产检视",
    "客户有一笔资金到期，约来网点面谈",
    "约好上门拜访，了解家庭理财需求",
];

const CALL_LATER: &[&str] = &[
    "客户考虑中，约下周再联系确认",
    "客户要和家人商量，约一周后回复",
    "客户资金下旬到账，届时再联系",
    "客户对{product}有兴趣，约下周详细介绍",
];

const CALL_NOT_REACHED: &[&str] = &[
    "无人接听",
    "无人接听，稍后再打",
    "关机",
    "占线",
    "提示号码暂时无法接通",
    "响铃后被挂断",
];

const CALLBACK_TODAY: &[&str] = &[
    "客户正在开会，约稍后回电",
    "客户在开车，要求晚点再联系",
    "客户说现在不方便，约下午回电",
];

const CALLBACK_TOMORROW: &[&str] = &[
    "客户在外地出差，约明天上午再联系",
    "客户要先看看资金情况，约明天再沟通",
    "客户正在医院陪家人，约明天再打",
];

const CALLBACK_KEPT: &[&str] = &[
    "按约回电，客户同意{product}到期续作",
    "按约回电，客户考虑后决定先存定期",
    "按约回电，已把产品说明书发到客户微信",
    "按约回电，客户约周末来网点面谈",
    "按约回电，客户暂不考虑，下月再联系",
];

const CALLBACK_MISSED: &[&str] = &["按约回电，未接通", "按约回电，客户仍不方便"];

const CALL_REFUSED: &[&str] = &[
    "客户表示暂无理财需求",
    "客户明确表示不要再推荐产品，已备注",
    "客户不方便沟通，不愿多谈",
    "客户资金已转他行，暂不考虑",
    "客户对收益率不满意，不考虑续作",
];

const WECHAT_REACHED: &[&str] = &[
    "微信发送{product}产品说明书，客户已回复",
    "微信推送本周市场解读，客户回复感谢",
    "微信回复客户关于{fund}净值的咨询",
    "微信问候，客户回复",
    "客户微信询问存款利率，已回复",
    "微信发送理财沙龙邀请，客户报名参加",
    "客户微信咨询信用卡分期，已解答",
];

const WECHAT_UNANSWERED: &[&str] = &["微信发送到期提醒，客户未回复", "微信发送产品资料，暂未回复"];

const VISIT_MET: &[&str] = &[
    "客户来网点办理业务，顺便沟通资产配置",
    "上门拜访，了解家庭理财需求，送去小礼品",
    "客户来网点签约理财，面谈约半小时",
    "贵宾室面谈，做资产检视并推荐{product}",
    "客户来网点咨询养老规划，介绍个人养老金账户",
    "陪同客户办理大额转账，沟通到期资金安排",
    "到客户公司拜访，了解企业代发工资需求",
    "客户来网点更新身份证信息，顺便沟通理财到期安排",
];

const VISIT_MISSED: &[&str] = &["上门拜访未遇，留下联系卡", "客户临时有事未到网点，改约下周"];

const VISIT_AGREED: &[&str] = &[
    "客户按约来网点，面谈资产配置",
    "按约上门拜访，了解家庭资金安排",
    "客户按约来网点，做资产检视并讲解{product}",
];

const SALE_INVEST: &[&str] = &[
    "客户购买{item}{amount}，已完成风险提示",
    "到期资金续作{item}{amount}",
    "他行资金转入，购买{item}{amount}",
    "面谈后购买{item}{amount}，已双录",
    "追加购买{item}{amount}",
];

const SALE_INSURANCE: &[&str] = &[
    "客户投保{item}，保费{amount}，已完成双录",
    "为客户做保险规划后投保{item}{amount}",
];

const SALE_DEPOSIT: &[&str] = &["客户办理{item}{amount}", "到期资金转存{item}{amount}"];

const SALE_BOND: &[&str] = &["客户认购{item}{amount}"];

const SALE_SERVICE: &[&str] = &["为客户办理{item}", "协助客户开通{item}，已指导使用"];

const RISK_NOTES: &[&str] = &[
    "风险测评到期，协助客户重新测评，结果{level}",
    "客户来网点完成风险测评，结果{level}",
    "购买产品前重新测评，结果{level}",
];

const MEMOS: &[&str] = &[
    "整理本周到期客户清单",
    "准备周会材料",
    "核对理财销售台账",
    "整理下周约访名单",
    "参加支行晨会，学习新发产品要点",
    "完成反洗钱线上培训",
    "准备周六理财沙龙物料",
    "更新高端客户资产配置表",
    "整理双录资料并归档",
    "季度考核指标自查",
    "梳理风险测评即将到期的客户",
    "与柜面沟通大额存单额度",
    "整理信用卡申请资料",
    "复盘本月销售情况",
];

const REFLECTIONS: &[&str] = &[
    "高端客户更看重专属服务和及时回访",
    "打电话前先看客户持仓，沟通更有针对性",
    "老年客户更信任面对面沟通，电话里不宜讲太多产品",
    "到期提醒要提前一周，不要等到到期当天",
    "年轻客户更习惯微信沟通，电话接通率低",
    "先了解客户资金用途再推荐产品，成交更顺",
    "客户抱怨时先倾听再解释，效果更好",
    "下午四点后外呼接通率明显更高",
    "沙龙后一周内回访，转化率最高",
    "潜力客户提升空间大，不能只盯着大客户",
    "风险测评要提前预约，避免到期资金买不了产品",
    "本周拒绝较多，下周话术要更简短",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn check_digit_follows_gb_11643() {
        assert_eq!(id_check_digit("11010519491231002"), 'X');
        assert_eq!(id_check_digit("44052418800101001"), '4');
    }

    #[test]
    fn six_month_ends_strictly_before_today() {
        assert_eq!(
            month_ends_before(d(2026, 11, 24)),
            [
                d(2026, 5, 31),
                d(2026, 6, 30),
                d(2026, 7, 31),
                d(2026, 8, 31),
                d(2026, 9, 30),
                d(2026, 10, 31)
            ]
        );
        assert_eq!(month_ends_before(d(2026, 3, 1))[5], d(2026, 2, 28));
        assert_eq!(month_ends_before(d(2026, 3, 1))[0], d(2025, 9, 30));
    }

    #[test]
    fn amounts_split_exactly() {
        let mut rng = Rng::new(1);
        for total in [1, 99, 12_345, 100_000_000, 987_654_321] {
            for n in 1..4 {
                let parts = split_amount(&mut rng, total, n, 100_000);
                assert_eq!(parts.iter().sum::<i64>(), total);
                assert!(parts.iter().all(|p| *p > 0), "{parts:?}");
            }
        }
    }

    #[test]
    fn amounts_read_as_a_manager_writes_them() {
        assert_eq!(amount_text(30_000_000), "30万");
        assert_eq!(amount_text(12_500_000), "12.5万");
        assert_eq!(amount_text(35_234_012), "35.23万");
        assert_eq!(amount_text(800_000), "8000元");
    }

    #[test]
    fn the_diary_keeps_to_working_days() {
        assert!(is_working_day(d(2026, 11, 23)));
        assert!(!is_working_day(d(2026, 11, 22)), "Sunday");
        assert!(!is_working_day(d(2026, 10, 1)), "National Day");
        assert_eq!(next_working_day(d(2026, 11, 20)), d(2026, 11, 23));
        assert_eq!(next_working_day(d(2026, 9, 30)), d(2026, 10, 8));
        let w = Window::new(d(2026, 11, 24), d(2026, 10, 31));
        let days = w.working_days();
        assert_eq!(days.first(), Some(&d(2026, 5, 25)));
        assert_eq!(days.last(), Some(&d(2026, 11, 23)));
        assert!(days.iter().all(|x| is_working_day(*x)));
    }

    #[test]
    fn smaller_books_are_a_little_quieter() {
        assert_eq!(activity_scale(600), 1_000);
        assert_eq!(activity_scale(100_000), 1_000);
        assert_eq!(activity_scale(150), 500);
        assert_eq!(activity_scale(10), 400);
    }

    #[test]
    fn term_products_mature_after_today() {
        let mut rng = Rng::new(7);
        let today = d(2026, 11, 24);
        for _ in 0..200 {
            let (start, maturity) =
                term_dates(&mut rng, d(2026, 10, 30), d(2026, 10, 31), today, |s, k| {
                    s.checked_add_signed(Duration::days(7 * i64::from(k)))
                });
            assert!(start <= d(2026, 10, 31) && start >= d(2026, 10, 30));
            assert!(maturity > today);
        }
    }
}
