//! Benchmark: one manager's weekly review (figures for the week and the week before, the queue rebuilt for each working day, the reflection), and the team board of every manager, on the 100,000-customer, 2,000,000-entry store that `benches/queue.rs` builds and caches under `target/bench-stores/` (run `cargo bench --bench queue` once first to build it).

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use guanhu::domain::policy::Policy;
use guanhu::service;
use guanhu::store::Store;

fn bench_review(c: &mut Criterion) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-stores/queue-100000-2000000.db");
    if !path.exists() {
        eprintln!(
            "{} is missing: run `cargo bench --bench queue` once to build it",
            path.display()
        );
        return;
    }
    let policy = Policy::default_policy();
    // Opening applies the review's migration to the cached store once.
    let mut store = Store::open(&path).unwrap();
    // The queue bench's diary top-up writes `created_at` as a bare date, which the full entry
    // read (used when the queue is rebuilt for a past day) refuses; give those a time, once.
    let tx = store.write().unwrap();
    tx.execute(
        "UPDATE diary_entries SET created_at = created_at || ' 00:00:00' \
         WHERE length(created_at) = 10",
        [],
    )
    .unwrap();
    tx.commit().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let week = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
    let mut group = c.benchmark_group("review");
    group.sample_size(10);
    group.bench_function("one_manager_week_of_100000_customers_2m_entries", |b| {
        b.iter(|| {
            black_box(service::review::load_week(&store, &policy, "M001", week, today).unwrap())
        })
    });
    group.bench_function("one_manager_week_without_queue_rebuild", |b| {
        b.iter(|| {
            black_box(
                service::review::load_week_without_queue(&store, &policy, "M001", week, today)
                    .unwrap(),
            )
        })
    });
    // The Team tab and `guanhu board`: every manager of the store (33 on this one).
    group.bench_function("team_board_33_managers_100000_customers", |b| {
        b.iter(|| black_box(service::board::load_board(&store, &policy, week, today).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench_review);
criterion_main!(benches);
