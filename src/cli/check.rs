//! `guanhu check`: SQLite's integrity check and the app's own consistency checks over the
//! store, in one line (or one line per impossible amount). Read only: it repairs nothing.

use super::output::{After, emit_lines};
use super::settings::Settings;
use crate::error::Result;
use crate::i18n::fill;
use crate::service;
use crate::store::Store;

/// `guanhu check`: exit status 1 when any check finds a problem.
pub fn check(s: &Settings, store: &Store) -> Result<i32> {
    let (ok, lines) = findings(s, store)?;
    emit_lines(&lines, After::Reading)?;
    Ok(if ok { 0 } else { 1 })
}

/// What the checks find, in lines for the user, and whether all passed (what `backup` and
/// `restore` run on the file they write or read).
pub fn findings(s: &Settings, store: &Store) -> Result<(bool, Vec<String>)> {
    let integrity = store.integrity_check()?;
    let fk = store.foreign_key_violations()?;
    // An amount beyond the ceiling (let in by an older guanhu) makes every read refuse the
    // store; name each one, with its customer, before the reads below would stop at the first.
    let implausible = crate::store::implausible::implausible_amounts(store.conn(), 50)?;
    if !implausible.is_empty() {
        let mut lines: Vec<String> = implausible
            .iter()
            .map(|a| {
                fill(
                    s.lang.pick(
                        "不可能的金额：客户 {} 的 {} 为 {}（超过 10^15 元）",
                        "Impossible amount: customer {}, {} is {} (above 10^15 yuan)",
                    ),
                    &[&a.customer_no, &a.column, &a.value],
                )
            })
            .collect();
        lines.push(
            s.lang
                .pick(
                    "请用正确的文件重新导入这些客户（新的导入会覆盖这些余额），或联系技术支持。",
                    "Re-import these customers from a correct file (a new import replaces these balances), or ask for support.",
                )
                .to_string(),
        );
        return Ok((false, lines));
    }
    // Loading every customer parses every stored amount and date: a value that does not
    // parse fails here with the row's error.
    let book = service::load_portfolio(store, &s.policy, s.today, None)?;
    // The queue reads the trigger-kept contact aggregate: it must say what the diary says.
    let stale = crate::store::queue::stale_contact_rows(store.conn())?;
    // The review reads the assignment history, the rest the customer's manager: they must agree.
    let mismatched = crate::store::assignments::assignment_mismatches(store.conn())?;
    let ok = integrity == ["ok"] && fk == 0 && stale == 0 && mismatched == 0;
    let text = fill(
            s.lang.pick(
                "SQLite 完整性检查：{}；外键问题：{}；{} 位客户的余额与日期均可读取；联系汇总与日志不符：{}；客户经理与分户记录不符：{}",
                "SQLite integrity check: {}; foreign key problems: {}; balances and dates of {} customers read back; contact summary rows disagreeing with the diary: {}; customers whose manager disagrees with the assignment history: {}",
            ),
            &[&integrity.join("; "), &fk, &book.len(), &stale, &mismatched],
        );
    Ok((ok, vec![text]))
}
