//! Commit latency of logging, as a manager feels it: one reached call (the `c` Enter path) and a bulk SMS to 1,000 customers, each one transaction on a file store in WAL mode with synchronous=FULL. Prints median and p99; run with `cargo bench --bench latency`.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::service;
use guanhu::store::Store;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{name}: n={} median={:.3} ms p99={:.3} ms max={:.3} ms",
        samples.len(),
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3,
    );
}

fn draft(kind: EntryKind, customer_no: &str, note: &str) -> EntryDraft {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    EntryDraft {
        kind,
        customer_no: Some(customer_no.to_string()),
        occurred_at: today.and_hms_opt(10, 0, 0).unwrap_or_default(),
        outcome: (kind == EntryKind::Call).then_some(Outcome::Reached),
        note: note.to_string(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let now = today.and_hms_opt(10, 0, 0).unwrap_or_default();
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut store = Store::open(&dir.path().join("latency.db")).expect("store");
    let options = guanhu::demo::DemoOptions {
        customers: 2_000,
        managers: 1,
        seed: 11,
    };
    let summary = guanhu::demo::generate(&mut store, &options, today, now).expect("demo");
    let manager = summary.first_manager_no;
    let book =
        service::load_portfolio(&store, &Policy::default_policy(), today, None).expect("book");
    let numbers: Vec<String> = book
        .iter()
        .map(|s| s.customer.customer_no.clone())
        .collect();

    let mut one = Vec::with_capacity(1_000);
    for i in 0..1_000 {
        let d = draft(EntryKind::Call, &numbers[i % numbers.len()], "约下周面谈");
        let start = Instant::now();
        service::diary::log_entries(&mut store, Some(&manager), &[d], now).expect("log");
        one.push(start.elapsed());
    }
    report("log one reached call (1 transaction)", one);

    let mut bulk = Vec::with_capacity(20);
    for _ in 0..20 {
        let drafts: Vec<EntryDraft> = numbers
            .iter()
            .take(1_000)
            .map(|no| draft(EntryKind::Sms, no, "您好，本周理财产品到期提醒"))
            .collect();
        let start = Instant::now();
        service::diary::log_entries(&mut store, Some(&manager), &drafts, now).expect("bulk");
        bulk.push(start.elapsed());
    }
    report("bulk SMS to 1,000 customers (1 transaction)", bulk);
}
