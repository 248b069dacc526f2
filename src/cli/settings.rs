//! The settings a command runs with, resolved once: flags over the environment (clap reads
//! `GUANHU_DB`, `GUANHU_TODAY`, `GUANHU_NOW`) over `config.toml` over the built-in defaults — language, today,
//! the policy, the store path and the manager. Resolving only: no store, no printing.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Cli;
use super::managers::AdminContext;
use crate::clock;
use crate::config::{self, ConfigFile};
use crate::domain::policy::Policy;
use crate::error::Result;
use crate::i18n::Lang;

/// Settings resolved from flags, environment and config.
/// Daily backups kept when the config file says nothing.
const DEFAULT_BACKUP_DAYS: u32 = 7;

pub struct Settings {
    pub lang: Lang,
    pub today: NaiveDate,
    pub policy: Policy,
    config: ConfigFile,
    /// `--db`, kept apart from the config's so the default path is only looked up when needed.
    db_flag: Option<PathBuf>,
    /// `--manager` as given: the demo app prefers it over its own first manager, but not the
    /// config file's manager (who does not exist in a freshly generated demo store).
    pub manager_flag: Option<String>,
}

/// Resolves the settings. The language comes first and on its own, so that even a config file
/// or policy that cannot be read is reported in the user's language.
pub fn resolve(cli: &Cli) -> (Lang, Result<Settings>) {
    let config = config::load_config_file();
    let locale: Vec<Option<String>> = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .map(|k| std::env::var(k).ok())
        .collect();
    let lang_config = config.as_ref().cloned().unwrap_or_default();
    let lang = config::resolve_lang(cli.lang.as_deref(), &lang_config, &locale);
    let settings = config.and_then(|config| {
        let now = clock::resolve_now(cli.now.as_deref())?;
        let today = match (cli.today.as_deref(), now) {
            (None, Some(now)) => now.date(),
            (flag, _) => clock::resolve_today(flag, None)?,
        };
        if let Some(now) = now {
            if now.date() != today {
                return Err(crate::error::Error::NowNotToday {
                    now: now.format("%Y-%m-%d %H:%M").to_string(),
                    today: today.to_string(),
                });
            }
            clock::fix_now(now);
        }
        let policy = config::load_policy(cli.policy.as_deref(), &config)?;
        Ok(Settings {
            lang,
            today,
            policy,
            config,
            db_flag: cli.db.clone(),
            manager_flag: cli.manager.clone(),
        })
    });
    (lang, settings)
}

impl Settings {
    /// The manager in effect: `--manager`, else the config file's.
    /// Days of automatic daily backups to keep (0: none).
    pub fn backup_days(&self) -> u32 {
        self.config.backup_days.unwrap_or(DEFAULT_BACKUP_DAYS)
    }

    pub fn manager(&self) -> Option<String> {
        self.manager_flag
            .clone()
            .or_else(|| self.config.manager.clone())
    }

    /// The store file: `--db` (or `GUANHU_DB`), else the config file's, else the platform's
    /// data directory.
    pub fn db_path(&self) -> PathBuf {
        self.db_flag
            .clone()
            .or_else(|| self.config.db.clone())
            .unwrap_or_else(config::default_db_path)
    }

    /// What the lead's commands need, with `actor` recorded as the one acting.
    pub fn admin_context<'a>(&'a self, actor: &'a str) -> AdminContext<'a> {
        AdminContext {
            lang: self.lang,
            today: self.today,
            now: clock::now_on(self.today),
            policy: &self.policy,
            actor,
        }
    }
}
