//! `guanhu backup [--out FILE]` and `guanhu restore FILE [--yes]`: an owner-only copy of the store made with SQLite's online backup (safe while the app is open) and checked as `guanhu check` checks; a restore that checks the file first (a newer schema or a failed check is refused), keeps the current store as a backup, asks unless `--yes`, and replaces the store in one step.

use std::path::{Path, PathBuf};

use clap::Args;

use super::check::findings;
use super::output::{After, emit_lines, note};
use super::settings::Settings;
use crate::error::Result;
use crate::i18n::fill;
use crate::store::Store;
use crate::store::backup::backup_to;

/// Options of `guanhu backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (default: backups/guanhu-YYYYMMDD-HHMMSS.db beside the store).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Options of `guanhu restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to restore.
    pub file: PathBuf,
    /// Restore without asking.
    #[arg(long)]
    pub yes: bool,
}

/// `backups/guanhu-<label>-YYYYMMDD-HHMMSS.db` in the store's directory.
fn default_backup(s: &Settings, label: &str) -> PathBuf {
    let db = s.db_path();
    let dir = db.parent().map(Path::to_path_buf).unwrap_or_default();
    let now = crate::clock::now_on(s.today);
    let stem = format!("guanhu{label}-{}", now.format("%Y%m%d-%H%M%S"));
    // Never over an earlier backup of the same second (or of a fixed `--today`/`--now`).
    let dir = dir.join("backups");
    let mut path = dir.join(format!("{stem}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.db"));
        n += 1;
    }
    path
}

/// Opens the store file at `path`, runs the checks on it and leaves it one file again.
fn checked(s: &Settings, path: &Path) -> Result<(bool, Vec<String>)> {
    let store = Store::open_existing(path)?;
    let found = findings(s, &store)?;
    // Opening set WAL; a backup stays one self-contained file.
    let _mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    Ok(found)
}

/// `guanhu backup`: exit status 1 when the copy fails its check.
pub fn backup(s: &Settings, store: &Store, args: &BackupArgs) -> Result<i32> {
    let out = args.out.clone().unwrap_or_else(|| default_backup(s, ""));
    backup_to(store, &out)?;
    let (ok, lines) = checked(s, &out)?;
    let said = if ok {
        fill(
            s.lang.pick(
                "已备份到 {}（仅本人可读），检查通过。",
                "Backed up to {} (owner-only); the check passed.",
            ),
            &[&out.display()],
        )
    } else {
        fill(
            s.lang
                .pick("备份 {} 未通过检查：", "The backup {} failed its check:"),
            &[&out.display()],
        )
    };
    let mut all = vec![said];
    if !ok {
        all.extend(lines);
    }
    emit_lines(&all, After::Reading)?;
    Ok(if ok { 0 } else { 1 })
}

/// `guanhu restore`: 0 restored, 1 the file failed its check, 2 not confirmed.
pub fn restore(s: &Settings, store: &mut Store, args: &RestoreArgs) -> Result<i32> {
    let lang = s.lang;
    if !args.file.is_file() {
        return Err(crate::error::Error::NoStore(args.file.clone()));
    }
    // The file is checked (and brought to this version's schema) as a copy: the user's
    // backup is never written to.
    let trial = default_backup(s, "-restore-check");
    if let Some(dir) = trial.parent() {
        std::fs::create_dir_all(dir).map_err(|e| crate::error::Error::io(dir, e))?;
    }
    crate::store::backup::probe(&args.file)?;
    copy_private(&args.file, &trial)?;
    let outcome = (|| -> Result<i32> {
        let (ok, lines) = checked(s, &trial)?;
        if !ok {
            let mut all = vec![fill(
                lang.pick(
                    "不恢复：{} 未通过检查。",
                    "Not restored: {} failed its check.",
                ),
                &[&args.file.display()],
            )];
            all.extend(lines);
            emit_lines(&all, After::Reading)?;
            return Ok(1);
        }
        let keep = default_backup(s, "-before-restore");
        if !args.yes && !confirmed(s, &args.file, &keep) {
            note(lang.pick(
                "未恢复：需要确认（在终端中回答 y，或加 --yes）。",
                "Not restored: it needs a yes (answer y in a terminal, or add --yes).",
            ));
            return Ok(2);
        }
        backup_to(store, &keep)?;
        store.restore_from(&trial)?;
        emit_lines(
            &[fill(
                lang.pick(
                    "已从 {} 恢复；原来的数据已备份到 {}。",
                    "Restored from {}; the store as it was is kept in {}.",
                ),
                &[&args.file.display(), &keep.display()],
            )],
            After::Commit,
        )?;
        Ok(0)
    })();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = trial.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    outcome
}

/// Copies the store file `from` (and its write-ahead log, if one lies beside it) to `to`,
/// owner-only: the trial a restore checks, so the user's file is only ever read.
fn copy_private(from: &Path, to: &Path) -> Result<()> {
    for suffix in ["", "-wal"] {
        let (mut a, mut b) = (from.as_os_str().to_owned(), to.as_os_str().to_owned());
        a.push(suffix);
        b.push(suffix);
        let (a, b) = (PathBuf::from(a), PathBuf::from(b));
        if suffix.is_empty() || a.is_file() {
            std::fs::copy(&a, &b).map_err(|e| crate::error::Error::io(&a, e))?;
            owner_only(&b);
        }
    }
    Ok(())
}

/// Read and write for the owner only.
fn owner_only(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Asks on the terminal; anything but y/yes (or no terminal at all) is a no.
fn confirmed(s: &Settings, file: &Path, keep: &Path) -> bool {
    let question = fill(
        s.lang.pick(
            "用 {} 替换当前数据？当前数据会先备份到 {}。[y/N] ",
            "Replace the store with {}? The store as it is will be kept in {} first. [y/N] ",
        ),
        &[&file.display(), &keep.display()],
    );
    super::output::ask_yes(&question)
}

/// The app's daily automatic backup: once a day, on opening, a copy in `backups/daily/`
/// beside the store (`guanhu-YYYY-MM-DD.db`), keeping the last `backup_days` (config) days. A
/// failure is said on stderr and never keeps the app from opening.
pub fn daily_backup(s: &Settings, store: &Store) {
    let days = s.backup_days();
    if days == 0 {
        return;
    }
    let Some(dir) = store
        .path()
        .and_then(Path::parent)
        .map(|d| d.join("backups").join("daily"))
    else {
        return;
    };
    let today = dir.join(format!("guanhu-{}.db", s.today.format("%Y-%m-%d")));
    if !today.exists()
        && let Err(e) = backup_to(store, &today)
    {
        note(&format!(
            "guanhu: {}{}",
            s.lang.pick(
                "每日自动备份未完成：",
                "the daily backup did not complete: "
            ),
            e.describe(s.lang)
        ));
        return;
    }
    // The oldest go first, by the date in their names (a file of another name is left alone).
    let keep_from = s.today - chrono::Duration::days(i64::from(days) - 1);
    let Ok(listing) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in listing.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let day = name
            .strip_prefix("guanhu-")
            .and_then(|rest| rest.strip_suffix(".db"))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if day.is_some_and(|d| d < keep_from) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
