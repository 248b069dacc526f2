//! `guanhu demo`: a deterministic demo store written to a new file, and the one line saying
//! what is in it. The generating is `crate::demo`'s; this file never overwrites a file.

use std::path::PathBuf;

use clap::Args;

use super::output::{After, emit_lines};
use super::settings::Settings;
use crate::clock;
use crate::error::{Error, Result};
use crate::i18n::fill;
use crate::store::Store;

/// Options of `guanhu demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to write the store (must not exist yet).
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 600)]
    pub customers: usize,
    #[arg(long, default_value_t = 3)]
    pub managers: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

/// `guanhu demo`: writes a deterministic demo store to a new file.
pub fn write_demo(s: &Settings, args: &DemoArgs) -> Result<i32> {
    if args.out.exists() {
        return Err(Error::Input(fill(
            s.lang.pick(
                "{} 已存在；演示数据只写入新文件",
                "{} already exists; the demo is only written to a new file",
            ),
            &[&args.out.display()],
        )));
    }
    let mut store = Store::open(&args.out)?;
    let options = crate::demo::DemoOptions {
        customers: args.customers,
        managers: args.managers.max(1),
        seed: args.seed,
    };
    let summary = crate::demo::generate(&mut store, &options, s.today, clock::now_on(s.today))?;
    super::store::close(store, s.lang);
    let text = fill(
            s.lang.pick(
                "已写入 {}：{} 位客户，{} 位客户经理（{} 为团队长），1 位柜员（{} 位客户），{} 条余额记录，{} 笔持有产品，{} 条日志。打开：guanhu --db {} --manager {}",
                "Wrote {}: {} customers, {} managers ({} the team lead), 1 counter staff ({} customers), {} balance snapshots, {} holdings, {} diary entries. Open: guanhu --db {} --manager {}",
            ),
            &[
                &args.out.display(),
                &summary.customers,
                &summary.managers,
                &summary.first_manager_no,
                &summary.counter_customers,
                &summary.snapshots,
                &summary.holdings,
                &summary.diary_entries,
                &args.out.display(),
                &summary.first_manager_no,
            ],
        );
    emit_lines(&[text], After::Commit)?;
    Ok(0)
}
