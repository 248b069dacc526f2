//! Opening the TUI from the command line: `guanhu` on the user's store and `guanhu --demo` on a
//! throw-away one. It builds the app's starting state and hands over to `tui::run`; the loop,
//! the terminal and the tabs are `tui`'s and `app`'s, never this file's.

use super::settings::Settings;
use crate::app::App;
use crate::clock;
use crate::error::{Error, Result};
use crate::service;
use crate::store::Store;
use crate::tui;

/// Opens the app on `store` for `manager` (else the manager in effect).
pub fn run_app(s: &Settings, store: &mut Store, manager: Option<String>) -> Result<i32> {
    let requested = manager.or_else(|| s.manager());
    let manager = service::resolve_manager(store, requested.as_deref())?;
    let mut app = App::new(
        s.lang,
        s.today,
        s.policy.clone(),
        manager,
        short_path(&store.display_path()),
    );
    // The role decides whether the Team tab is shown; read once, as the manager is.
    if let Some(no) = app.ctx.manager.clone() {
        app.ctx.role = service::board::manager_role(store, &no)?;
    }
    let mut effects = tui::Effects {
        store,
        policy: &s.policy,
        today: s.today,
    };
    tui::run(&mut app, &mut effects)?;
    Ok(0)
}

/// The store path with the home directory shown as `~`, so the status line stays short.
fn short_path(path: &str) -> String {
    match std::env::var("HOME") {
        Ok(home) if !home.is_empty() => match path.strip_prefix(&home) {
            Some(rest) => format!("~{rest}"),
            None => path.to_string(),
        },
        _ => path.to_string(),
    }
}

/// `guanhu --demo`: the app on a freshly generated store.
pub fn run_demo_app(s: &Settings) -> Result<i32> {
    // A throw-away store in a private temporary directory, removed when the app closes.
    let dir = tempfile::Builder::new()
        .prefix("guanhu-demo-")
        .tempdir()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path)?;
    let now = clock::now_on(s.today);
    let summary = crate::demo::generate(
        &mut store,
        &crate::demo::DemoOptions::default(),
        s.today,
        now,
    )?;
    let manager = s.manager_flag.clone().or(Some(summary.first_manager_no));
    run_app(s, &mut store, manager)
}
