//! Money at the ceiling: a branch whose every balance, holding and sale is the largest amount guanhu stores (10¹⁵ yuan, allowed by a policy that raises its limits that far) — every command, export and screen still works, because no sum over amounts within the ceiling can overflow `Decimal`. This is the construction that replaces checking each addition: amounts are bounded where they enter (typed, imported) and where they are read back.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use guanhu::app::{Action, Screen};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");
const CEILING: &str = "1000000000000000";
const CUSTOMERS: usize = 60;

fn guanhu(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(dir.join("g.db"))
        .arg("--policy")
        .arg(dir.join("policy.toml"))
        .args(["--today", "2026-11-24"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env_remove("GUANHU_TODAY")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn branch_at_the_ceiling(dir: &Path) {
    std::fs::write(
        dir.join("policy.toml"),
        format!("[limits]\nmax_sale_amount = \"{CEILING}\"\nmax_balance = \"{CEILING}\"\n"),
    )
    .unwrap();
    for (as_of, file) in [("2026-09-30", "a.csv"), ("2026-10-31", "b.csv")] {
        let mut csv = String::from(
            "客户号,客户姓名,手机号码,管户经理工号,管户经理,存款余额(元),理财余额(元),基金余额(元),数据日期\n",
        );
        for i in 0..CUSTOMERS {
            // The second month halves nobody and empties a third: outflows at the ceiling.
            let amount = if as_of == "2026-10-31" && i % 3 == 0 {
                "0"
            } else {
                CEILING
            };
            let manager = if i % 2 == 0 { "M001" } else { "M002" };
            writeln!(
                csv,
                "C{i:04},客户{i},1391000{i:04},{manager},经理{manager},{amount},{amount},{amount},{as_of}"
            )
            .unwrap();
        }
        std::fs::write(dir.join(file), csv).unwrap();
        let path = dir.join(file);
        let o = guanhu(dir, &["import", "customers", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    }
    for i in 0..CUSTOMERS {
        let no = format!("C{i:04}");
        let o = guanhu(
            dir,
            &[
                "--manager",
                if i % 2 == 0 { "M001" } else { "M002" },
                "log",
                "sale",
                "--customer",
                &no,
                "--product-kind",
                if i % 2 == 0 { "fund" } else { "wealth" },
                "--product-name",
                "天量",
                "--amount",
                CEILING,
                "--at",
                "2026-11-23 10:00",
                "--maturity",
                "2026-12-01",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    }
}

#[test]
fn every_command_and_screen_works_at_the_ceiling() {
    let dir = tempfile::tempdir().unwrap();
    branch_at_the_ceiling(dir.path());
    let commands: [&[&str]; 12] = [
        &["customers"],
        &["customers", "--format", "csv"],
        &["queue", "--format", "json"],
        &["check"],
        &["review", "--manager", "M001"],
        &["review", "--manager", "M001", "--format", "json"],
        &["board"],
        &["board", "--format", "json"],
        &[
            "export",
            "diary",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ],
        &[
            "export",
            "fund-ledger",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ],
        &[
            "export",
            "wealth-ledger",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ],
        &["export", "sms-list", "--template", "{name}您好"],
    ];
    for args in commands {
        let o = guanhu(dir.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o));
    }

    let mut store = Store::open(&dir.path().join("g.db")).unwrap();
    let policy = Policy::default_policy();
    let mut app = common::today_app(&mut store, Lang::Zh, 40);
    for screen in [
        Screen::Today,
        Screen::Customers,
        Screen::Diary,
        Screen::Ledgers,
        Screen::Review,
    ] {
        let mut effects = guanhu::tui::Effects {
            store: &mut store,
            policy: &policy,
            today: common::today(),
        };
        guanhu::tui::dispatch(&mut app, &mut effects, Action::GoTo(screen));
        for (w, h) in [(120, 40), (80, 24)] {
            guanhu::app::update(&mut app, Action::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
        }
    }
}
