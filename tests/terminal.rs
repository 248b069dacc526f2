//! The real binary in a real pseudo-terminal (tmux): start it on a demo store, press keys, read the screen, quit, then check the store. Polls until the screen is stable; never sleeps a fixed time to decide.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "app"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "app"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Waits until every text is on screen (the whole frame drawn), or fails after 20 s.
    fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(texts, &[])
    }

    /// Waits until every text of `present` is on screen and none of `absent`.
    fn wait_until(&self, present: &[&str], absent: &[&str]) -> String {
        let texts = present;
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t))
                && !absent.iter().any(|t| screen.contains(t))
            {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {texts:?}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.trim().is_empty()
        {
            return text.trim().to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app did not exit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Writes a demo store dated 2026-11-24 with the given `guanhu demo` options.
fn demo_store(dir: &Path, options: &[&str], name: &str) -> PathBuf {
    let db = dir.join(name);
    let out = Command::new(BIN)
        .args(["--today", "2026-11-24", "demo"])
        .args(options)
        .arg("--out")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn start(dir: &Path, args: &str) -> Tmux {
    let tmux = Tmux {
        socket: dir.join("sock"),
    };
    let status = dir.join("status");
    let command = format!("{BIN} {args}; echo $? > {}; sleep 30", status.display());
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "app",
        "-x",
        "120",
        "-y",
        "40",
        "-e",
        "LANG=C.UTF-8",
        &command,
    ]);
    tmux
}

#[test]
fn browse_search_open_and_quit_on_a_demo_store() {
    if !tmux_available() {
        eprintln!("tmux is not installed: skipping the real-terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path(), &["--customers", "300"], "demo.db");

    let tmux = start(
        dir.path(),
        &format!(
            "--db {} --today 2026-11-24 --lang zh --manager M001",
            db.display()
        ),
    );
    // The app opens on the Today queue; the Customers tree is tab 2.
    tmux.wait_for(&["1 今日", "客户经理", "2026-11-24", "今日进度", "q 退出"]);
    tmux.keys(&["2"]);
    let screen = tmux.wait_for(&["高端客户", "位客户", "q 退出"]);
    assert!(screen.contains("金融资产"), "{screen}");

    // Start a search and leave it (each key waits for its frame: a terminal reads an Esc
    // followed at once by a letter as Alt+letter), then open the first customer.
    tmux.keys(&["/"]);
    tmux.wait_for(&["/搜索"]);
    tmux.keys(&["Escape"]);
    tmux.wait_until(&["q 退出"], &["/搜索"]);
    tmux.keys(&["G", "g", "j", "j", "Enter"]);
    let detail = tmux.wait_for(&["基本信息", "金融资产", "按 p 显示", "Esc h 返回"]);
    assert!(detail.contains("****"), "phone masked:\n{detail}");
    tmux.keys(&["p"]);
    tmux.wait_for(&["按 p 隐藏"]);
    tmux.keys(&["Escape"]);
    tmux.wait_until(&["q 退出"], &["基本信息"]);
    tmux.keys(&["?"]);
    tmux.wait_for(&["按键", "按 ? 或 Esc 关闭"]);
    tmux.keys(&["Escape"]);
    tmux.wait_until(&["q 退出"], &["按 ? 或 Esc 关闭"]);
    tmux.keys(&["1"]);
    tmux.wait_for(&["今日进度", "z 暂缓"]);
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")), "0");

    let store = guanhu::store::Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
    assert_eq!(store.count_customers().unwrap(), 300);
}

#[test]
fn the_demo_flag_opens_a_throw_away_store_in_english() {
    if !tmux_available() {
        eprintln!("tmux is not installed: skipping the real-terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tmux = start(dir.path(), "--demo --today 2026-11-24 --lang en");
    tmux.wait_for(&["2 Customers", "Manager", "Progress", "z snooze"]);
    tmux.keys(&["2"]);
    let screen = tmux.wait_for(&["High-end", "q quit"]);
    assert!(
        screen.contains("guanhu-demo-"),
        "the throw-away store is named:\n{screen}"
    );
    tmux.keys(&["/", "z", "w"]);
    tmux.wait_for(&["/Search zw"]);
    tmux.keys(&["Escape"]);
    tmux.wait_until(&["q quit"], &["/Search"]);
    // A full-width ｑ from a Chinese input method quits too.
    tmux.keys(&["ｑ"]);
    assert_eq!(wait_for_file(&dir.path().join("status")), "0");
}

#[test]
fn log_a_call_with_a_chinese_note_in_a_real_terminal() {
    if !tmux_available() {
        eprintln!("tmux is not installed: skipping the real-terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(
        dir.path(),
        &["--customers", "120", "--managers", "1"],
        "demo.db",
    );
    let tmux = start(
        dir.path(),
        &format!("--db {} --today 2026-11-24 --lang zh", db.display()),
    );
    tmux.wait_for(&["今日进度", "q 退出"]);
    tmux.keys(&["2"]);
    tmux.wait_for(&["高端客户", "q 退出"]);
    // The first customer of the tree: tier header, segment header, customer.
    tmux.keys(&["j", "j", "c"]);
    tmux.wait_for(&["记录 电话", "Enter 保存"]);
    tmux.run(&["send-keys", "-t", "app", "-l", "客户说下周二上午方便面谈"]);
    tmux.wait_for(&["客户说下周二上午方便面谈"]);
    tmux.keys(&["Enter"]);
    tmux.wait_until(&["已记录：电话"], &["Enter 保存"]);
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")), "0");

    let store = guanhu::store::Store::open(&db).unwrap();
    let day = guanhu::service::diary::load_day(
        &store,
        None,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    )
    .unwrap();
    let call = day
        .entries
        .iter()
        .find(|e| e.draft.note == "客户说下周二上午方便面谈")
        .expect("the call is in the store with its note");
    assert_eq!(call.draft.kind, guanhu::domain::diary::EntryKind::Call);
    assert_eq!(
        call.draft.outcome,
        Some(guanhu::domain::diary::Outcome::Reached)
    );
}

/// The rows of the Today queue on screen: (rank line's name, the whole line).
fn queue_names(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip_while(|l| !l.contains("姓名"))
        .skip(1)
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let rank = words.next()?;
            rank.trim_end_matches('!')
                .parse::<usize>()
                .ok()
                .and(words.next().map(str::to_string))
        })
        .collect()
}

/// "已完成 3/25" → 3.
fn done_count(screen: &str) -> usize {
    let after = screen.split("已完成 ").nth(1).expect("the progress gauge");
    after
        .split('/')
        .next()
        .and_then(|n| n.trim().parse().ok())
        .expect("a done count")
}

#[test]
fn logging_the_first_row_with_c_enter_takes_it_off_the_today_queue() {
    if !tmux_available() {
        eprintln!("tmux is not installed: skipping the real-terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(
        dir.path(),
        &["--customers", "200", "--managers", "1"],
        "demo.db",
    );
    let tmux = start(
        dir.path(),
        &format!("--db {} --today 2026-11-24 --lang zh", db.display()),
    );
    let before = tmux.wait_for(&["今日进度", "已完成", "z 暂缓", "q 退出"]);
    let names = queue_names(&before);
    let first = names.first().expect("a first row").clone();
    let done = done_count(&before);

    tmux.keys(&["c"]);
    tmux.wait_for(&["记录 电话", "Enter 保存"]);
    tmux.keys(&["Enter"]);
    let after = tmux.wait_until(&[&format!("已记录：电话 · {first}")], &["Enter 保存"]);
    // The row left and every row below moved up one (names may repeat: compare the order).
    let left = queue_names(&after);
    assert_eq!(
        left[..names.len() - 1],
        names[1..],
        "{first} left the queue:\n{after}"
    );
    assert_eq!(done_count(&after), done + 1, "{after}");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")), "0");
}
