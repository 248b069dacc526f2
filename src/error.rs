//! The crate's error type: what can go wrong at the edges (store, files, policy, input), each with a message in both languages.

use std::path::PathBuf;

use crate::i18n::Lang;

/// Errors the CLI and TUI turn into messages; never a panic.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store {path} has schema version {found}, newer than this guanhu knows ({known})")]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("policy {file}: {error}")]
    Policy {
        file: String,
        error: crate::domain::policy::PolicyError,
    },
    #[error("config {file}: {message}")]
    Config { file: String, message: String },
    #[error("{0}")]
    Input(String),
    #[error("{0:?}")]
    Read(crate::import::ReadError),
    #[error("--today/GUANHU_TODAY: {0} is not a YYYY-MM-DD date")]
    BadToday(String),
    /// `--today`/`GUANHU_TODAY` outside the years guanhu can count in (1900–2200).
    #[error("--today/GUANHU_TODAY: {0} is not between the years 1900 and 2200")]
    TodayOutOfRange(String),
    /// `--now`/`GUANHU_NOW` that is not a moment guanhu can use.
    #[error("--now/GUANHU_NOW: {0} is not a YYYY-MM-DD HH:MM moment")]
    BadNow(String),
    /// `--now` on another day than `--today`.
    #[error("--now {now} is not on --today {today}")]
    NowNotToday { now: String, today: String },
    #[error("{0:?}")]
    Draft(crate::domain::diary::DraftProblem),
    #[error("no diary entry {0}")]
    NoSuchEntry(i64),
    #[error("no customer {0}")]
    NoSuchCustomer(String),
    #[error("no manager {0}")]
    NoSuchManager(String),
    #[error("manager {0} already exists")]
    ManagerExists(String),
    /// A required value left blank; names the option (`--name`).
    #[error("{0} is empty")]
    EmptyField(&'static str),
    /// Not a role key; carries what was given.
    #[error("unknown role {0}")]
    UnknownRole(String),
    #[error("{field}: {value} is not a YYYY-MM-DD date")]
    BadDate { field: &'static str, value: String },
    /// A manager's own target refused: its key, the value as given, and why.
    #[error("target {key} = {value}: {problem:?}")]
    BadTarget {
        key: String,
        value: String,
        problem: crate::domain::policy::PolicyProblem,
    },
    /// `--db` names no store, and the command only reads one: nothing was created.
    #[error("no store at {0}")]
    NoStore(PathBuf),
    /// `--db` names a file that is not a guanhu store (another program's SQLite database, or
    /// not SQLite at all); it is left untouched.
    #[error("{0} is not a guanhu store")]
    NotAStore(PathBuf),
    /// Writing the command's output to standard output failed. `saved` when the work itself
    /// had already been committed, so a script must not run it again.
    #[error("stdout: {source}")]
    Output { source: std::io::Error, saved: bool },
    /// An assignment dated before the customer's current manager took over.
    #[error("customer {customer_no}: {on} is before {since}")]
    AssignmentBeforeCurrent {
        customer_no: String,
        on: chrono::NaiveDate,
        since: chrono::NaiveDate,
    },
}

/// Shorthand for results with the crate's error.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// True when another running copy holds the write lock (SQLITE_BUSY or SQLITE_LOCKED):
    /// worth waiting and trying again, not a fault.
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            Error::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                )
        )
    }

    /// The exit status for this error: 2 when the input (a flag, a typed value, a file to
    /// import, the policy) was rejected, 1 for everything else. A closed pipe is not an
    /// error at all (see `cli::run`).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_)
            | Error::Read(_)
            | Error::BadToday(_)
            | Error::TodayOutOfRange(_)
            | Error::BadNow(_)
            | Error::NowNotToday { .. }
            | Error::Draft(_)
            | Error::NoSuchEntry(_)
            | Error::NoSuchCustomer(_)
            | Error::NoSuchManager(_)
            | Error::ManagerExists(_)
            | Error::EmptyField(_)
            | Error::UnknownRole(_)
            | Error::BadDate { .. }
            | Error::BadTarget { .. }
            | Error::AssignmentBeforeCurrent { .. }
            | Error::Policy { .. }
            | Error::Config { .. } => 2,
            Error::Sqlite(_)
            | Error::Io { .. }
            | Error::NewerSchema { .. }
            | Error::NoStore(_)
            | Error::NotAStore(_)
            | Error::Output { .. } => 1,
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The message shown to the user.
    pub fn describe(&self, lang: Lang) -> String {
        use crate::i18n::{T, fill};
        match self {
            Error::Sqlite(rusqlite::Error::FromSqlConversionFailure(_, _, e))
                if e.is::<crate::domain::limits::AmountBeyondCeiling>() =>
            {
                let value = e
                    .downcast_ref::<crate::domain::limits::AmountBeyondCeiling>()
                    .map(|a| a.0.clone())
                    .unwrap_or_default();
                fill(
                    lang.pick(
                        "数据文件中有一个不可能的金额 {}（超过 10^15 元），是旧版 guanhu 导入的。运行 guanhu check 查看它属于哪位客户，再用正确的文件重新导入该客户。",
                        "The store holds an impossible amount {} (above 10^15 yuan), let in by an older guanhu. Run guanhu check to see whose it is, then re-import that customer from a correct file.",
                    ),
                    &[&value],
                )
            }
            Error::Sqlite(e) => fill(lang.pick("数据库错误：{}", "Database error: {}"), &[e]),
            Error::Io { path, source } => fill(
                lang.pick("无法读写 {}：{}", "Cannot read or write {}: {}"),
                &[&path.display(), source],
            ),
            Error::NewerSchema { path, found, known } => fill(
                lang.pick(
                    "数据文件 {} 由更新版本的 guanhu 写入（结构版本 {}，本程序支持到 {}）。未做任何改动，请升级 guanhu。",
                    "The store {} was written by a newer guanhu (schema version {}, this one knows up to {}). Nothing was changed; please upgrade guanhu.",
                ),
                &[path, found, known],
            ),
            Error::Policy { file, error } => {
                let problem = describe_policy_problem(&error.problem, lang);
                fill(
                    lang.pick("策略文件 {} 有误，键 {}：{}", "Policy {} refused, key {}: {}"),
                    &[file, &error.key, &problem],
                )
            }
            Error::Config { file, message } => fill(
                lang.pick("配置文件 {} 有误：{}", "Config file {} is invalid: {}"),
                &[file, message],
            ),
            Error::Input(message) => message.clone(),
            Error::Read(e) => e.describe(lang),
            Error::BadToday(text) => fill(
                lang.pick(
                    "--today / GUANHU_TODAY：“{}” 不是 YYYY-MM-DD 格式的日期",
                    "--today / GUANHU_TODAY: \"{}\" is not a YYYY-MM-DD date",
                ),
                &[text],
            ),
            Error::TodayOutOfRange(text) => fill(
                T::CliYearOutOfRange.get(lang),
                &[&"--today / GUANHU_TODAY", text],
            ),
            Error::BadNow(text) => fill(
                lang.pick(
                    "--now / GUANHU_NOW：“{}” 不是 YYYY-MM-DD HH:MM 格式的时间（年份 1900–2200）",
                    "--now / GUANHU_NOW: \"{}\" is not a YYYY-MM-DD HH:MM moment (years 1900–2200)",
                ),
                &[text],
            ),
            Error::NowNotToday { now, today } => fill(
                lang.pick(
                    "--now {} 不在 --today {} 这一天；去掉其中一个，或让两者同一天",
                    "--now {} is not on --today {}; drop one of them or make them the same day",
                ),
                &[now, today],
            ),
            Error::Draft(problem) => describe_draft_problem(*problem, lang),
            Error::NoSuchEntry(id) => fill(
                lang.pick("没有编号为 {} 的日志", "No diary entry numbered {}"),
                &[id],
            ),
            Error::NoSuchCustomer(no) => {
                fill(lang.pick("没有客户号为 {} 的客户", "No customer numbered {}"), &[no])
            }
            Error::NoSuchManager(no) => {
                fill(lang.pick("没有工号为 {} 的客户经理", "No manager numbered {}"), &[no])
            }
            Error::ManagerExists(no) => fill(
                lang.pick(
                    "工号 {} 已存在；修改请用 guanhu managers set",
                    "Staff number {} already exists; change it with guanhu managers set",
                ),
                &[no],
            ),
            Error::EmptyField(field) => {
                fill(lang.pick("{} 不能为空", "{} must not be empty"), &[field])
            }
            Error::UnknownRole(role) => fill(
                lang.pick(
                    "--role：未知角色 {}（可用：{}）",
                    "--role: unknown role {} (use: {})",
                ),
                &[role, &crate::domain::assignment::Role::keys()],
            ),
            Error::BadDate { field, value } => fill(
                lang.pick(
                    "{}：“{}” 不是 YYYY-MM-DD 格式的日期",
                    "{}: \"{}\" is not a YYYY-MM-DD date",
                ),
                &[field, value],
            ),
            Error::BadTarget {
                key,
                value,
                problem,
            } => fill(
                lang.pick("指标 {}（{}）：{}；未做任何改动", "Target {} ({}): {}. Nothing was changed"),
                &[key, value, &describe_policy_problem(problem, lang)],
            ),
            Error::NoStore(path) => fill(
                lang.pick(
                    "{} 处没有数据文件（路径是否写错？可用 --db 或 GUANHU_DB 指定）。未新建任何文件。",
                    "There is no store at {} (is the path mistyped? set it with --db or GUANHU_DB). Nothing was created.",
                ),
                &[&path.display()],
            ),
            Error::NotAStore(path) => fill(
                lang.pick(
                    "{} 不是 guanhu 的数据文件（是其他程序的数据库或不是 SQLite 文件）。未做任何改动。",
                    "{} is not a guanhu store (it is another program's database, or not SQLite). Nothing was changed.",
                ),
                &[&path.display()],
            ),
            Error::Output { source, saved } => {
                let template = if *saved {
                    lang.pick(
                        "已保存；但结果无法写到标准输出：{}（请勿重复执行）",
                        "The work was saved, but its report could not be written to standard output: {} (do not run it again)",
                    )
                } else {
                    lang.pick("无法写到标准输出：{}", "Cannot write to standard output: {}")
                };
                fill(template, &[source])
            }
            Error::AssignmentBeforeCurrent {
                customer_no,
                on,
                since,
            } => fill(
                lang.pick(
                    "--on：客户 {} 自 {} 起由现任客户经理管户，分户日期 {} 不能早于此日；未做任何改动",
                    "--on: customer {} has been with the current manager since {}; the assignment date {} cannot be earlier. Nothing was changed",
                ),
                &[customer_no, since, on],
            ),
        }
    }
}

fn describe_policy_problem(problem: &crate::domain::policy::PolicyProblem, lang: Lang) -> String {
    use crate::domain::policy::PolicyProblem as P;
    let text = match problem {
        P::Syntax(message) => return message.clone(),
        P::NoTiers => lang.pick("至少需要一个分层", "at least one tier is needed"),
        P::FirstTierNotZero => {
            lang.pick("第一个分层的下限必须是 0", "the first tier must start at 0")
        }
        P::NotAscending => lang.pick(
            "分层下限必须严格递增",
            "tier lower bounds must strictly increase",
        ),
        P::DuplicateKey => lang.pick("分层键重复", "duplicate tier key"),
        P::Empty => lang.pick("不能为空", "must not be empty"),
        P::UnknownColor => lang.pick(
            "未知颜色（可用：gray, white, green, cyan, blue, yellow, magenta, red）",
            "unknown colour (use gray, white, green, cyan, blue, yellow, magenta, red)",
        ),
        P::ShareOutOfRange => lang.pick("必须在 0 到 1 之间", "must be between 0 and 1"),
        P::UnknownTier => lang.pick("不是已定义的分层键", "is not a defined tier key"),
        P::UnknownAgeSegment => lang.pick("只能是 young 或 senior", "must be young or senior"),
        P::Unsupported => lang.pick("不支持的版本", "unsupported version"),
        P::BadPeriod => lang.pick(
            "周期只能是 week、month、quarter、year 或“天数d”（如 14d）",
            "the period must be week, month, quarter, year or a number of days such as 14d",
        ),
        P::UnknownObligation => lang.pick(
            "只能是 sms、contact、visit、sale 或 risk_review",
            "must be sms, contact, visit, sale or risk_review",
        ),
        P::Negative => lang.pick("不能小于 0", "must not be below 0"),
        P::BadDate => lang.pick(
            "日期应写作 YYYY-MM-DD，如 2026-10-01",
            "a date must be written YYYY-MM-DD, such as 2026-10-01",
        ),
        P::UnknownSignal => lang.pick(
            "只能是 callback、maturity、large_outflow、birthday、risk_assessment、upgrade、downgrade_risk、new_customer 或 dormant",
            "must be callback, maturity, large_outflow, birthday, risk_assessment, upgrade, downgrade_risk, new_customer or dormant",
        ),
        P::UnknownRole => lang.pick(
            "只能是 relationship_manager（客户经理）、team_lead（团队长）、branch_head（网点负责人）或 counter_staff（柜员），或客户经理工号列表",
            "must be relationship_manager, team_lead, branch_head or counter_staff, or a list of staff numbers",
        ),
        P::MaxNotAboveMin => lang.pick("上限必须大于下限", "the upper bound must be above the lower bound"),
        P::UnknownTarget => lang.pick(
            "不是指标键（如 weekly.sales_count，见 guanhu managers targets）",
            "is not a target key (such as weekly.sales_count; see guanhu managers targets)",
        ),
        P::NotWholeNumber => lang.pick("必须是整数", "must be a whole number"),
        P::TooLarge => lang.pick("数值过大", "is too large"),
        P::NotPositive => lang.pick("必须大于 0", "must be above 0"),
        P::NotANumber => lang.pick(
            "不是数字（如 8、300000、0.95 或 95%）",
            "is not a number (such as 8, 300000, 0.95 or 95%)",
        ),
        P::UnknownProduct => lang.pick(
            "只能是产品类型键：fund、wealth、insurance、deposit、bond、credit_card、e_banking、mobile_banking、payroll 或 other",
            "must be a product kind key: fund, wealth, insurance, deposit, bond, credit_card, e_banking, mobile_banking, payroll or other",
        ),
        P::BadWeekday => lang.pick(
            "只能是 mon、tue、wed、thu、fri、sat 或 sun",
            "must be mon, tue, wed, thu, fri, sat or sun",
        ),
        P::BadSatisfier => lang.pick(
            "应为日志类型，可带结果，如 visit、call:reached",
            "must be a diary kind, optionally with an outcome, such as visit or call:reached",
        ),
    };
    text.to_string()
}

/// Why a diary entry cannot be saved, in words.
pub fn describe_draft_problem(problem: crate::domain::diary::DraftProblem, lang: Lang) -> String {
    use crate::domain::diary::DraftProblem as P;
    let text = match problem {
        P::AmountTooLarge { limit } => {
            let limit = crate::domain::money::format_yuan(limit);
            return match lang {
                Lang::Zh => format!("单笔销售金额不能超过 {limit}（政策 limits.max_sale_amount）"),
                Lang::En => {
                    format!("One sale may be at most {limit} (policy limits.max_sale_amount)")
                }
            };
        }
        P::MaturityNotAfterSale => lang.pick(
            "到期日必须晚于销售日",
            "The maturity must be after the day of the sale",
        ),
        P::CallBackNeedsTime => lang.pick(
            "约定回电需要填写回电时间（如 +1h、明天 10:00）",
            "Call back requested needs a call-back time (such as +1h, tomorrow 10:00)",
        ),
        P::TextRequired => lang.pick("短信和备忘需要填写内容", "An SMS or a memo needs its text"),
        P::TextTooLong => lang.pick(
            "内容过长（最多 10,000 字）",
            "The text is too long (10,000 characters at most)",
        ),
        P::DateOutOfRange => lang.pick(
            "日期必须在 1900 至 2200 年之间",
            "The date must be between the years 1900 and 2200",
        ),
        P::CustomerRequired => lang.pick(
            "这类日志需要选定客户",
            "This kind of entry needs a customer",
        ),
        P::NoCustomerAllowed => lang.pick(
            "备忘和感悟不属于某位客户",
            "Memos and reflections belong to no customer",
        ),
        P::AmountRequired => lang.pick("请填写金额", "Enter the amount"),
        P::AmountNotPositive => lang.pick("金额必须大于 0", "The amount must be above 0"),
        P::ProductNameRequired => lang.pick("请填写产品名称", "Enter the product name"),
        P::RiskLevelRequired => lang.pick("请选择风险等级 C1–C5", "Pick a risk level C1–C5"),
    };
    text.to_string()
}
