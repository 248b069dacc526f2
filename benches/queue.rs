//! Benchmark: building today's queue from a file store — for one manager with 3,000 customers and 60,000 diary entries, for one manager of a 100,000-customer store, and for that whole store with 2,000,000 diary entries. The stores are demo stores topped up with older diary history, built once and kept under `target/bench-stores/` (delete them to rebuild). `GUANHU_BENCH_QUEUE_SMALL_ONLY=1` skips the large store.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};
use guanhu::demo::DemoOptions;
use guanhu::domain::policy::Policy;
use guanhu::service;
use guanhu::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 0, 0).unwrap()
}

/// A demo store of `customers` over `managers`, its diary topped up to `entries` entries with
/// calls, SMS, WeChat and visits spread over the two years before the demo's own history.
fn store(customers: usize, managers: usize, entries: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-stores");
    let path = dir.join(format!("queue-{customers}-{entries}.db"));
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let building = dir.join(format!("queue-{customers}-{entries}.building.db"));
    let _ = std::fs::remove_file(&building);
    let mut store = Store::open(&building).unwrap();
    let options = DemoOptions {
        customers,
        managers,
        seed: 11,
    };
    guanhu::demo::generate(&mut store, &options, today(), now()).unwrap();
    let have: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM diary_entries", [], |r| r.get(0))
        .unwrap();
    let missing = entries.saturating_sub(have as usize);
    let per_customer = missing.div_ceil(customers);
    let tx = store.write().unwrap();
    // Older history: day offsets from 200 to 900 days back, kinds and outcomes mixed by id.
    tx.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) \
         INSERT INTO diary_entries (manager_id, customer_id, kind, occurred_at, outcome, note, \
         created_at) \
         SELECT c.manager_id, c.id, \
           CASE (c.id + n.i) % 4 WHEN 0 THEN 'call' WHEN 1 THEN 'sms' WHEN 2 THEN 'wechat' \
             ELSE 'visit' END, \
           datetime(?2, '-' || (200 + (c.id * 7 + n.i * 37) % 700) || ' days', '+10 hours'), \
           CASE (c.id + n.i) % 4 WHEN 1 THEN NULL \
             ELSE CASE (c.id * 3 + n.i) % 3 WHEN 0 THEN 'not_reached' ELSE 'reached' END END, \
           '', ?2 || ' 09:00:00' \
         FROM customers c, n LIMIT ?3",
        rusqlite::params![per_customer as i64, today().to_string(), missing as i64],
    )
    .unwrap();
    tx.commit().unwrap();
    drop(store);
    std::fs::rename(&building, &path).unwrap();
    path
}

fn bench_queue(c: &mut Criterion) {
    let policy = Policy::default_policy();
    let mut group = c.benchmark_group("queue");
    group.sample_size(10);

    let small = Store::open(&store(3_000, 1, 60_000)).unwrap();
    group.bench_function("one_manager_3000_customers_60k_entries", |b| {
        b.iter(|| {
            black_box(service::queue::load_today(&small, &policy, now(), Some("M001")).unwrap())
        })
    });

    if std::env::var_os("GUANHU_BENCH_QUEUE_SMALL_ONLY").is_none() {
        let large = Store::open(&store(100_000, 33, 2_000_000)).unwrap();
        group.bench_function("one_manager_of_100000_customers_2m_entries", |b| {
            b.iter(|| {
                black_box(service::queue::load_today(&large, &policy, now(), Some("M001")).unwrap())
            })
        });
        group.bench_function("whole_store_100000_customers_2m_entries", |b| {
            b.iter(|| black_box(service::queue::load_today(&large, &policy, now(), None).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_queue);
criterion_main!(benches);
