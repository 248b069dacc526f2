//! The demo store: a deterministic, realistic-looking branch (managers, customers, six month-end balance snapshots, holdings) written in one transaction. Same options and `today` give the same store; no clock, no randomness from outside.
//!
//! Amounts are integer cents throughout and become `Decimal` only at the end, so nothing
//! depends on floating point (which could differ between platforms and break determinism).
//! The tier shape (about 55% / 33% / 10% / 2%) is aimed at the default policy's thresholds.

use std::collections::HashSet;

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use crate::domain::customer::{
    Balances, Customer, Gender, Holding, ProductKind, RiskLevel, Snapshot,
};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::customers::{CustomerUpsert, insert_customer, upsert_snapshot};
use crate::store::holdings::upsert_holding;
use crate::store::managers::ensure_manager;

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
    /// The staff number of the first manager (`M001`), to open the app on.
    pub first_manager_no: String,
}

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
    let manager_count = options.managers.max(1);
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
    let month_ends = month_ends_before(today);

    let tx = store.write()?;
    let mut manager_ids = Vec::with_capacity(manager_count);
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
    }

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
        let upsert = CustomerUpsert {
            customer: person.customer,
            manager_id: manager_ids.get(manager).copied(),
        };
        let id = insert_customer(&tx, &upsert, person.added_on, now)?;
        for (as_of, cents) in month_ends.iter().zip(person.history.iter()) {
            let snap = Snapshot {
                as_of: *as_of,
                balances: cents.balances(),
            };
            if upsert_snapshot(&tx, id, &snap)? {
                snapshots += 1;
            }
        }
        for h in &person.holdings {
            upsert_holding(&tx, id, h, now)?;
            holdings += 1;
        }
    }
    tx.commit()?;
    Ok(DemoSummary {
        customers: options.customers,
        managers: manager_count,
        snapshots,
        holdings,
        first_manager_no: manager_no(0),
    })
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
