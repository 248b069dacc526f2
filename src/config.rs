//! Where things live and what the user chose: the config file (`config.toml`), the store path, the policy file, the language. Flags win over the config file, the config file over defaults.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::i18n::Lang;

/// The optional `config.toml` in the platform config directory.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub lang: Option<String>,
    pub manager: Option<String>,
    pub db: Option<PathBuf>,
    pub policy: Option<PathBuf>,
    /// Days of automatic daily backups the app keeps (`backups/daily/` beside the store);
    /// 0 turns them off. Seven when not set.
    pub backup_days: Option<u32>,
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "guanhu")
}

/// The platform config directory (`~/.config/guanhu` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().to_path_buf())
}

/// The default store path: `guanhu.db` in the platform data directory.
pub fn default_db_path() -> PathBuf {
    project_dirs()
        .map(|d| d.data_dir().join("guanhu.db"))
        .unwrap_or_else(|| PathBuf::from("guanhu.db"))
}

/// Reads `config.toml` from the config directory; a missing file is an empty config.
pub fn load_config_file() -> Result<ConfigFile> {
    let Some(dir) = config_dir() else {
        return Ok(ConfigFile::default());
    };
    let path = dir.join("config.toml");
    if !path.exists() {
        return Ok(ConfigFile::default());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    toml::from_str(&text).map_err(|e| Error::Config {
        file: path.display().to_string(),
        message: e.message().to_string(),
    })
}

/// The policy: the compiled-in default with the user's file merged over it. The file is the
/// flag's, else the config file's, else `policy.toml` in the config directory if present.
pub fn load_policy(flag: Option<&Path>, config: &ConfigFile) -> Result<Policy> {
    let candidate = flag
        .map(Path::to_path_buf)
        .or_else(|| config.policy.clone())
        .or_else(|| {
            config_dir()
                .map(|d| d.join("policy.toml"))
                .filter(|p| p.exists())
        });
    let Some(path) = candidate else {
        return Ok(Policy::default_policy());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    Policy::from_toml(&[&text]).map_err(|error| Error::Policy {
        file: path.display().to_string(),
        error,
    })
}

/// The language: the flag, else the config file, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn resolve_lang(flag: Option<&str>, config: &ConfigFile, locale: &[Option<String>]) -> Lang {
    flag.and_then(Lang::parse)
        .or_else(|| config.lang.as_deref().and_then(Lang::parse))
        .or_else(|| {
            locale
                .iter()
                .flatten()
                .find(|v| !v.is_empty())
                .and_then(|v| Lang::parse(v))
        })
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_precedence() {
        let cfg = ConfigFile {
            lang: Some("en".into()),
            ..ConfigFile::default()
        };
        let zh_locale = [Some("zh_CN.UTF-8".to_string())];
        assert_eq!(resolve_lang(Some("zh"), &cfg, &zh_locale), Lang::Zh);
        assert_eq!(resolve_lang(None, &cfg, &zh_locale), Lang::En);
        let none = ConfigFile::default();
        assert_eq!(resolve_lang(None, &none, &zh_locale), Lang::Zh);
        assert_eq!(
            resolve_lang(None, &none, &[None, Some("en_US".into())]),
            Lang::En
        );
        assert_eq!(resolve_lang(None, &none, &[]), Lang::En);
    }
}
