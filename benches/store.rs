//! Benchmarks: importing a customer CSV, and opening the app on a large store to its first drawn frame (load the book, classify, build the tree, render). Sizes from `GUANHU_BENCH_CUSTOMERS` (default 10,000; the figure uses 100,000).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use guanhu::app::{Action, App, update};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::service;
use guanhu::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn size() -> usize {
    std::env::var("GUANHU_BENCH_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// A customers CSV like the core system's export, `n` rows.
fn customers_csv(n: usize) -> Vec<u8> {
    let mut text = String::from(
        "客户号,客户姓名,性别,出生日期,手机号码,证件号码,管户经理工号,管户经理,存款余额(元),理财余额(元),基金余额(元),风险等级,风险测评日期,首次交易日期,数据日期\n",
    );
    let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    let given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "杰", "丽", "强"];
    for i in 0..n {
        let name = format!(
            "{}{}{}",
            surnames[i % 10],
            given[(i / 10) % 10],
            given[(i / 100) % 10]
        );
        let deposits = (i * 7919) % 400_000;
        let wealth = (i * 104_729) % 300_000;
        text.push_str(&format!(
            "C{:08},{name},{},1980-{:02}-{:02},13{:09},110101198001011234,M{:03},经理{},{deposits}.00,{wealth}.50,0,C3,2026-03-01,2015-06-01,2026-10-31\n",
            i,
            if i % 2 == 0 { "男" } else { "女" },
            i % 12 + 1,
            i % 28 + 1,
            i,
            i % 5 + 1,
            i % 5 + 1,
        ));
    }
    text.into_bytes()
}

fn bench_import(c: &mut Criterion) {
    let n = size();
    let bytes = customers_csv(n);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function(format!("customers_csv_{n}_rows_file_store"), |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
                let plan =
                    guanhu::import::read_customers(&bytes, guanhu::import::FileFormat::Csv, None)
                        .unwrap();
                let now = today().and_hms_opt(9, 0, 0).unwrap();
                let report =
                    service::import_customers(&mut store, plan, None, today(), now, false).unwrap();
                assert_eq!(report.added, n);
                black_box(report);
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn bench_first_frame(c: &mut Criterion) {
    let n = size();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    {
        let mut store = Store::open(&path).unwrap();
        let options = guanhu::demo::DemoOptions {
            customers: n,
            managers: 1,
            seed: 7,
        };
        guanhu::demo::generate(
            &mut store,
            &options,
            today(),
            today().and_hms_opt(9, 0, 0).unwrap(),
        )
        .unwrap();
    }
    let policy = Policy::default_policy();
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function(format!("first_frame_{n}_customers"), |b| {
        b.iter(|| {
            let store = Store::open(&path).unwrap();
            let manager = service::resolve_manager(&store, None).unwrap();
            let mut app = App::new(
                Lang::Zh,
                today(),
                policy.clone(),
                manager.clone(),
                String::new(),
            );
            update(&mut app, Action::Resize(120, 40));
            let book =
                service::load_portfolio(&store, &policy, today(), manager.as_deref()).unwrap();
            update(&mut app, Action::BookLoaded(book));
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
            black_box(terminal);
        })
    });
    group.finish();
}

fn bench_log_call(c: &mut Criterion) {
    use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    let mut store = Store::open(&path).unwrap();
    let options = guanhu::demo::DemoOptions {
        customers: 2_000,
        managers: 1,
        seed: 7,
    };
    let summary = guanhu::demo::generate(
        &mut store,
        &options,
        today(),
        today().and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    let book = service::load_portfolio(&store, &Policy::default_policy(), today(), None).unwrap();
    let customer_no = book[0].customer.customer_no.clone();
    let now = today().and_hms_opt(10, 0, 0).unwrap();
    let draft = EntryDraft {
        kind: EntryKind::Call,
        customer_no: Some(customer_no),
        occurred_at: now,
        outcome: Some(Outcome::Reached),
        note: "约下周面谈".to_string(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    };
    let manager = summary.first_manager_no;
    // One reached call, one transaction, synchronous=FULL, on a file store: the `c` Enter path.
    c.bench_function("log/one_call_file_store_full_sync", |b| {
        b.iter(|| {
            service::diary::log_entries(
                &mut store,
                Some(&manager),
                std::slice::from_ref(&draft),
                now,
            )
            .unwrap()
        })
    });
}

/// Generating the demo branch the tests share (2,000 customers, 3 managers) into memory: the
/// time `tests/demo.rs` used to assert on, measured here instead.
fn bench_demo(c: &mut Criterion) {
    let mut group = c.benchmark_group("demo");
    group.sample_size(10);
    group.bench_function("generate_2000_customers_3_managers", |b| {
        b.iter(|| {
            let mut store = Store::open_in_memory().unwrap();
            let options = guanhu::demo::DemoOptions {
                customers: 2_000,
                managers: 3,
                seed: 42,
            };
            let now = today().and_hms_opt(9, 0, 0).unwrap();
            black_box(guanhu::demo::generate(&mut store, &options, today(), now).unwrap())
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_import,
    bench_first_frame,
    bench_log_call,
    bench_demo
);
criterion_main!(benches);
