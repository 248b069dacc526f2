//! A big import holds the write lock only for its writes: the file is read, checked and matched first, so another copy of guanhu can write meanwhile. Prints the longest time the other writer waited, which bounds how long the import held the lock.
//!
//! Size: `GUANHU_IMPORT_ROWS` rows, by default 300,000 in a release build and 30,000 in a
//! debug one (whose SQLite and parser are unoptimised). The figure in the report came from
//! `GUANHU_IMPORT_ROWS=600000 cargo test --release --test import_lock -- --nocapture`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::domain::limits::LimitsPolicy;
use guanhu::import::FileFormat;
use guanhu::service::{import_customers, plan_customers};
use guanhu::store::Store;
use guanhu::store::managers::ensure_manager;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 0, 0).unwrap_or_default()
}

fn rows() -> usize {
    std::env::var("GUANHU_IMPORT_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            30_000
        } else {
            300_000
        })
}

/// A customer list of `n` rows with balances and a manager, about 90 bytes a row.
fn customer_csv(n: usize) -> Vec<u8> {
    use std::fmt::Write;
    let mut csv = String::with_capacity(n * 96);
    csv.push_str(
        "客户号,客户姓名,手机号,管户经理工号,管户经理,存款余额（万元）,理财余额,数据日期\n",
    );
    for i in 0..n {
        let _ = writeln!(
            csv,
            "C{i:08},客户{i},138{:08},A{:03},经理{},{}.5,{},2026-10-31",
            i % 100_000_000,
            i % 7,
            i % 7,
            i % 500,
            i % 90_000
        );
    }
    csv.into_bytes()
}

#[test]
fn another_writer_gets_in_while_a_big_import_runs() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("guanhu.db");
    let n = rows();
    let bytes = customer_csv(n);
    let mut store = Store::open(&db)?;
    let other = Store::open(&db)?;
    other.set_busy_timeout(Duration::from_secs(120))?;

    let done = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let importer = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let result = plan_customers(&bytes, FileFormat::Csv, None, &LimitsPolicy::default())
                .and_then(|plan| import_customers(&mut store, plan, None, today(), now(), false));
            done.store(true, Ordering::SeqCst);
            result
        })
    };

    // The other copy of guanhu: small writes, one after another, until the import ends.
    let (mut writes, mut during_import, mut longest) = (0usize, 0usize, Duration::ZERO);
    let mut other = other;
    while !done.load(Ordering::SeqCst) || writes == 0 {
        let asked = Instant::now();
        let tx = other.write()?;
        ensure_manager(&tx, &format!("B{writes}"), Some("另一位经理"), now())?;
        tx.commit()?;
        let waited = asked.elapsed();
        longest = longest.max(waited);
        writes += 1;
        if !done.load(Ordering::SeqCst) {
            during_import += 1;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let report = importer
        .join()
        .map_err(|_| "the import thread panicked")??;
    let total = started.elapsed();
    println!(
        "{n} rows imported in {total:.2?}; the other writer wrote {writes} times \
         ({during_import} while the import ran), waiting at most {longest:.2?}"
    );
    assert_eq!(report.added, n);
    assert!(report.rejected.is_empty());
    assert!(
        during_import >= 2,
        "the other writer got in {during_import} times while the import ran"
    );
    assert!(
        longest < total,
        "the lock was held for the whole import: {longest:?} of {total:?}"
    );
    assert_eq!(other.count_customers()?, i64::try_from(n)?);
    Ok(())
}
