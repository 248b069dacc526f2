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

/// True when tmux is there. Without it the test is skipped on a developer's machine, but under
/// `CI` it fails: a real-terminal test that silently passes by skipping proves nothing.
fn need_tmux() -> bool {
    if tmux_available() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "tmux is not installed and CI is set: the real-terminal tests must run"
    );
    eprintln!("tmux is not installed: skipping the real-terminal test");
    false
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
    if !need_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path(), &["--customers", "300"], "demo.db");
    // An old daily backup, past the seven days kept, and a file of the manager's own.
    let daily = dir.path().join("backups").join("daily");
    std::fs::create_dir_all(&daily).unwrap();
    std::fs::write(daily.join("guanhu-2026-11-01.db"), b"old").unwrap();
    std::fs::write(daily.join("notes.txt"), b"mine").unwrap();

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
    // (Not "位客户" alone: the Today screen's pinned weekly-SMS row says it too.)
    let screen = tmux.wait_for(&["高端客户", "位客户", "金融资产", "q 退出"]);
    assert!(!screen.contains("今日进度"), "{screen}");

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
    // Opening made today's daily backup, owner-only and whole, and let the old one go.
    let today = daily.join("guanhu-2026-11-24.db");
    let copy = guanhu::store::Store::open_existing(&today).expect("the daily backup");
    assert_eq!(copy.count_customers().unwrap(), 300);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&today).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(!daily.join("guanhu-2026-11-01.db").exists());
    assert!(daily.join("notes.txt").exists());
}

#[test]
fn the_demo_flag_opens_a_throw_away_store_in_english() {
    if !need_tmux() {
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
    if !need_tmux() {
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
        &guanhu::domain::policy::Policy::default_policy(),
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
fn logging_the_first_row_with_c_enter_answers_what_a_call_answers() {
    if !need_tmux() {
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
    // The first row leaves the top: either the call answered every reason (the row left and
    // the gauge counts it) or it answered some and the row sank below the rows still to do.
    // The cursor stays in place, on the next row.
    let now_first = queue_names(&after);
    assert_eq!(now_first.first(), names.get(1), "{first}:\n{after}");
    if done_count(&after) == done {
        // Still on the queue: the filter finds the row, saying what was done and what is left.
        tmux.keys(&["/"]);
        tmux.run(&["send-keys", "-t", "app", "-l", &first]);
        let found = tmux.wait_for(&["已通话 · 仍需："]);
        assert!(
            found
                .lines()
                .any(|l| l.contains(first.as_str()) && l.contains("已通话 · 仍需：")),
            "{found}"
        );
        tmux.keys(&["Escape"]);
        tmux.keys(&["Escape"]);
    } else {
        assert_eq!(done_count(&after), done + 1, "{after}");
    }
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")), "0");
}

/// Like `start`, with extra environment (`NAME=value`) and the app's pid written to `pid`
/// (the shell `exec`s the app, so its pid is the app's).
fn start_with_pid(dir: &Path, args: &str, env: &[String]) -> Tmux {
    // A socket per session: a server just told to exit may still hold the last one.
    static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let tmux = Tmux {
        socket: dir.join(format!("sock{n}")),
    };
    let status = dir.join("status");
    let _ = std::fs::remove_file(&status);
    let pid = dir.join("pid");
    let _ = std::fs::remove_file(&pid);
    let command = format!(
        "sh -c 'echo $$ > {}; exec {BIN} {args}'; echo $? > {}; sleep 30",
        pid.display(),
        status.display()
    );
    let mut argv: Vec<String> = [
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
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for e in env {
        argv.push("-e".into());
        argv.push(e.clone());
    }
    argv.push(command);
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    tmux.run(&argv);
    tmux
}

fn app_pid(dir: &Path) -> String {
    wait_for_file(&dir.join("pid"))
}

fn signal(pid: &str, name: &str) {
    let out = Command::new("kill")
        .args([&format!("-{name}"), pid])
        .output()
        .unwrap();
    assert!(out.status.success(), "kill -{name} {pid}");
}

/// Waits until the file holds `text`.
fn wait_for_text_in(path: &Path, text: &str) -> String {
    let start = Instant::now();
    loop {
        if let Ok(found) = std::fs::read_to_string(path)
            && found.contains(text)
        {
            return found;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{} never held {text}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_paste_with_a_line_break_and_q_stays_text_in_the_call_note() {
    if !need_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(
        dir.path(),
        &["--customers", "120", "--managers", "1"],
        "demo.db",
    );
    let tmux = start_with_pid(
        dir.path(),
        &format!("--db {} --today 2026-11-24 --lang zh", db.display()),
        &[],
    );
    tmux.wait_for(&["今日进度", "q 退出"]);
    tmux.keys(&["c"]);
    tmux.wait_for(&["记录 电话", "Enter 保存"]);
    // As copied from WeChat: a line break, then a letter that quits elsewhere.
    let clip = dir.path().join("clip");
    std::fs::write(&clip, "客户在开会\nq").unwrap();
    tmux.run(&["load-buffer", clip.to_str().unwrap()]);
    tmux.run(&["paste-buffer", "-p", "-t", "app"]);
    tmux.wait_for(&["客户在开会 q", "Enter 保存"]);
    assert!(
        !dir.path().join("status").exists(),
        "the app is still running"
    );
    // Esc over the pasted text asks; d discards; the store has no such call.
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["有未保存的内容"]);
    tmux.keys(&["d"]);
    tmux.wait_until(&["z 暂缓"], &["Enter 保存"]);
    // A paste outside a field is not keys either: `q` does not quit.
    tmux.run(&["paste-buffer", "-p", "-t", "app"]);
    tmux.wait_for(&["粘贴只能用于输入框"]);
    assert!(!dir.path().join("status").exists());
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")), "0");
    let store = guanhu::store::Store::open(&db).unwrap();
    let day = guanhu::service::diary::load_day(
        &store,
        &guanhu::domain::policy::Policy::default_policy(),
        None,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    )
    .unwrap();
    assert!(
        !day.entries
            .iter()
            .any(|e| e.draft.note.contains("客户在开会"))
    );
}

#[test]
fn sigterm_restores_the_terminal_and_removes_the_demo_directory() {
    if !need_tmux() {
        return;
    }
    // `kill`, then `kill -INT` and `kill -QUIT` from outside (in raw mode Ctrl-c is a key).
    for sig in ["TERM", "INT", "QUIT"] {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join("tmp");
        std::fs::create_dir(&tmp).unwrap();
        let tmux = start_with_pid(
            dir.path(),
            "--demo --today 2026-11-24 --lang en",
            &[format!("TMPDIR={}", tmp.display())],
        );
        tmux.wait_for(&["Progress", "z snooze"]);
        let demo_dirs = || {
            std::fs::read_dir(&tmp)
                .unwrap()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("guanhu-demo-"))
                .count()
        };
        assert_eq!(demo_dirs(), 1, "the demo store is in TMPDIR");
        let alternate = tmux.run(&["display", "-p", "-t", "app", "#{alternate_on}"]);
        assert_eq!(alternate.trim(), "1");
        tmux.keys(&["c"]);
        tmux.wait_for(&["Enter save"]);
        tmux.run(&["send-keys", "-t", "app", "-l", "客户在开会"]);
        tmux.wait_for(&["客户在开会"]);
        signal(&app_pid(dir.path()), sig);
        assert_eq!(wait_for_file(&dir.path().join("status")), "0", "{sig}");
        let state = tmux.run(&[
            "display",
            "-p",
            "-t",
            "app",
            "#{alternate_on} #{cursor_flag}",
        ]);
        assert_eq!(state.trim(), "0 1", "{sig}: main screen back, cursor shown");
        assert_eq!(
            demo_dirs(),
            0,
            "{sig}: the demo's temporary directory is gone"
        );
    }
}

#[test]
fn typed_text_survives_kill_9_and_sighup_and_is_offered_back() {
    if !need_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(
        dir.path(),
        &["--customers", "120", "--managers", "1"],
        "demo.db",
    );
    let draft = dir.path().join("demo.db.draft");
    let args = format!("--db {} --today 2026-11-24 --lang zh", db.display());
    for (sig, text) in [("KILL", "客户说下周再联系ＡＢＣ"), ("HUP", "约周五面谈")] {
        let tmux = start_with_pid(dir.path(), &args, &[]);
        tmux.wait_for(&["今日进度"]);
        if sig == "HUP" {
            // The draft from the kill is offered first: put it back, then go on typing.
            tmux.wait_for(&["上次未保存的内容已恢复"]);
            tmux.keys(&["r"]);
            tmux.wait_for(&["客户说下周再联系ＡＢＣ", "Enter 保存"]);
            tmux.keys(&["End"]);
        } else {
            tmux.wait_for(&["q 退出"]);
            tmux.keys(&["c"]);
            tmux.wait_for(&["记录 电话", "Enter 保存"]);
        }
        tmux.run(&["send-keys", "-t", "app", "-l", text]);
        tmux.wait_for(&[text]);
        wait_for_text_in(&draft, text);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&draft).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "the draft is owner-only");
        }
        signal(&app_pid(dir.path()), sig);
        wait_for_file(&dir.path().join("status"));
        drop(tmux);
    }
    // Both pieces are back at the next start; Enter saves them and the draft goes.
    let tmux = start_with_pid(dir.path(), &args, &[]);
    tmux.wait_for(&["上次未保存的内容已恢复"]);
    tmux.keys(&["r"]);
    tmux.wait_for(&["客户说下周再联系ＡＢＣ约周五面谈", "Enter 保存"]);
    tmux.keys(&["Enter"]);
    tmux.wait_until(&["已记录：电话"], &["Enter 保存"]);
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")), "0");
    assert!(!draft.exists(), "cleared once saved");
    let store = guanhu::store::Store::open(&db).unwrap();
    let day = guanhu::service::diary::load_day(
        &store,
        &guanhu::domain::policy::Policy::default_policy(),
        None,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
    )
    .unwrap();
    assert!(
        day.entries
            .iter()
            .any(|e| e.draft.note == "客户说下周再联系ＡＢＣ约周五面谈")
    );
}

/// Whether the process is still running (a zombie waiting to be reaped has ended).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status")).is_ok_and(|s| {
        !s.lines()
            .any(|l| l.starts_with("State:") && l.contains('Z'))
    })
}

#[test]
fn the_app_ends_when_its_terminal_goes_away() {
    if !need_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(
        dir.path(),
        &["--customers", "60", "--managers", "1"],
        "gone.db",
    );
    let args = format!("--db {} --today 2026-11-24 --lang zh", db.display());
    let tmux = start_with_pid(dir.path(), &args, &[]);
    tmux.wait_for(&["今日进度"]);
    let pid = app_pid(dir.path());
    // The terminal closes under the app (a window closed, a connection dropped): it must end,
    // not spin reading a terminal that is no longer there.
    drop(tmux);
    let start = Instant::now();
    while running(&pid) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let still = running(&pid);
    if still {
        signal(&pid, "KILL");
    }
    assert!(
        !still,
        "guanhu {pid} was still running 10 s after its terminal closed"
    );
}
