//! The pure `update`: a written result or a key, by mode, routed to the screen or the field
//! that owns it, and the command line. Never fails, never does I/O.

use super::*;

/// Applies an action to the model and returns the effects to carry out. Never fails, never does I/O.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // A write waiting for the store, or the question over typed text, takes the keys first.
    if !leave_guard::is_result(&action) {
        if app.busy.is_some() {
            return leave_guard::while_busy(app, action);
        }
        if app.leave_ask.is_some() {
            return leave_guard::answer(app, action);
        }
    }
    match action {
        // Ctrl-c while writing the reflection asks before unsaved text is thrown away.
        Action::Quit if app.mode == Mode::Reflection => {
            return review(app, tabs::review::Msg::Quit);
        }
        // So does Ctrl-c in a popup with typed text.
        Action::Quit if matches!(app.mode, Mode::Log | Mode::Popup) => {
            return leave_guard::leave(app, leave_guard::Then::Quit);
        }
        Action::Quit => app.quit = true,
        Action::Paste(text) => return paste::paste(app, text),
        Action::StoreBusy(effect) => leave_guard::store_busy(app, *effect),
        Action::RetryBusy => return leave_guard::retry(app),
        Action::DraftFound(draft) => drafts::found(app, *draft),
        Action::GoTo(screen) => return switch_to(app, screen),
        Action::NextTab | Action::PrevTab => {
            let tabs = app.tabs();
            let n = tabs.len();
            let i = tabs.iter().position(|s| *s == app.screen).unwrap_or(0);
            let step = if action == Action::NextTab { 1 } else { n - 1 };
            return switch_to(app, tabs[(i + step) % n]);
        }
        Action::DayLoaded(day) => {
            let cmds = tabs::diary::update(&mut app.diary, &app.ctx, tabs::diary::Msg::Loaded(day));
            return carry_out(app, cmds);
        }
        Action::HistoryLoaded(id, revisions) => {
            app.history = Some((id, revisions));
            app.mode = Mode::Help;
        }
        Action::PeriodLoaded(entries) => {
            let msg = tabs::ledgers::Msg::Loaded(entries);
            let cmds = tabs::ledgers::update(&mut app.ledgers, &app.ctx, msg);
            return carry_out(app, cmds);
        }
        Action::EntriesDeleted(ids) => {
            app.notice = Some(Notice::fill(
                T::Deleted,
                [Arg::text(ids.first().copied().unwrap_or(0))],
            ));
            app.undo.push(UndoStep::Deleted(ids));
            app.redo.clear();
            return reload_after_write(app);
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.list_height = layout::list_rows(h);
            let mut effects = customers(app, tabs::customers::Msg::Resized(app.list_height));
            effects.extend(today(app, tabs::today::Msg::Resized(app.list_height)));
            effects.extend(review(app, tabs::review::Msg::Resize(w)));
            return effects;
        }
        Action::BookLoaded(book) => {
            app.loading = false;
            app.book_stale = false;
            app.manager_name = book
                .iter()
                .find(|s| s.customer.manager_no == app.ctx.manager && app.ctx.manager.is_some())
                .and_then(|s| s.manager_name.clone());
            return customers(app, tabs::customers::Msg::BookLoaded(book));
        }
        Action::DetailLoaded(detail) => return detail_msg(app, tabs::detail::Msg::Loaded(detail)),
        Action::Failed(failure) => {
            app.loading = false;
            // A failed save leaves the popup open with everything typed in it.
            app.saving = false;
            app.after_save = None;
            let editing = app.review.editor.is_some();
            let shown = app.screen == Screen::Review;
            let effects = review(app, tabs::review::Msg::Failed { shown });
            if !editing && app.screen == Screen::Team {
                app.team.failed = true;
            }
            app.notice = Some(Notice::Failed(failure));
            return effects;
        }
        Action::Clock(now) => app.ctx.now = now,
        Action::Tick(now) => {
            app.ctx.now = now;
            // Only while the queue is in view and nothing is being typed: a reload under an
            // open popup would change nothing the manager sees, and the next visit reloads.
            let idle = app.mode == Mode::Normal && app.form.is_none() && app.detail.is_none();
            if app.screen == Screen::Today && idle && !app.loading {
                return vec![Effect::LoadToday];
            }
        }
        Action::TodayLoaded(queue) => return today(app, tabs::today::Msg::Loaded(queue)),
        Action::UpcomingLoaded(entries) => {
            return today(app, tabs::today::Msg::UpcomingLoaded(entries));
        }
        Action::HoldsSaved(ids) => return holds_saved(app, ids),
        Action::HoldsLoaded(items) => return today(app, tabs::today::Msg::HoldsLoaded(items)),
        Action::HoldsLifted(ids) => return holds_lifted(app, ids),
        Action::EntriesSaved(ids) => return entries_saved(app, ids),
        Action::ReviewLoaded(data) => return review(app, tabs::review::Msg::Loaded(data)),
        Action::ReflectionSaved => return review(app, tabs::review::Msg::Saved),
        Action::TeamLoaded(board) => {
            let cmds = tabs::team::update(&mut app.team, &app.ctx, tabs::team::Msg::Loaded(board));
            return carry_out(app, cmds);
        }
        Action::UndoApplied { step, redo } => {
            app.notice = Some(Notice::say(if redo { T::Redone } else { T::Undone }));
            app.today_view.follow_returning = app.screen == Screen::Today;
            if redo {
                app.undo.push(step);
            } else {
                app.redo.push(step);
            }
            return reload_after_write(app);
        }
        other => return update_input(app, other),
    }
    Vec::new()
}

pub(super) fn update_input(app: &mut App, action: Action) -> Vec<Effect> {
    match app.mode {
        Mode::Help => {
            match action {
                Action::ToggleHelp | Action::Cancel | Action::Back => {
                    app.mode = Mode::Normal;
                    app.history = None;
                    app.help_scroll = 0;
                }
                // It stops at the last line, where the drawing stops, so `k` moves back at once.
                Action::Down => {
                    let lengths: Vec<usize> = keymap::help_sections(app)
                        .iter()
                        .map(|(_, rows)| rows.len() + 1)
                        .collect();
                    let most = layout::help_max_scroll(&lengths, app.size.1);
                    app.help_scroll = app.help_scroll.saturating_add(1).min(most);
                }
                Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
                _ => {}
            }
            Vec::new()
        }
        Mode::Search if app.screen == Screen::Today && app.detail.is_none() => {
            match today_edit(&action) {
                Some(edit) => today(app, tabs::today::Msg::Filter(edit)),
                None => Vec::new(),
            }
        }
        Mode::Search => customers_search(app, action),
        Mode::Popup => today_popup(app, action),
        Mode::Command => update_command(app, action),
        Mode::Filter => match action {
            Action::Customers(msg) => customers(app, msg),
            _ => Vec::new(),
        },
        Mode::Log => update_log(app, action),
        Mode::Reflection => review_editor(app, action),
        Mode::Restore => drafts::update_restore(app, action),
        Mode::Confirm => {
            match action {
                Action::Confirm => {
                    app.mode = Mode::Normal;
                    if let Some(c) = app.confirm.take() {
                        return vec![c.effect];
                    }
                }
                Action::Cancel | Action::Back => {
                    app.mode = Mode::Normal;
                    app.confirm = None;
                }
                _ => {}
            }
            Vec::new()
        }
        Mode::Normal => update_normal(app, action),
    }
}

pub(super) fn update_normal(app: &mut App, action: Action) -> Vec<Effect> {
    app.notice = None;
    if action == Action::ToggleHelp {
        app.mode = Mode::Help;
        return Vec::new();
    }
    if action == Action::StartCommand {
        app.mode = Mode::Command;
        app.command.clear();
        return Vec::new();
    }
    match action {
        Action::StartLog(kind) => return start_log(app, kind),
        Action::Undo => {
            return match app.undo.pop() {
                Some(step) => vec![Effect::Undo(step)],
                None => {
                    app.notice = Some(Notice::say(T::NothingToUndo));
                    Vec::new()
                }
            };
        }
        Action::Redo => {
            return match app.redo.pop() {
                Some(step) => vec![Effect::Redo(step)],
                None => {
                    app.notice = Some(Notice::say(T::NothingToRedo));
                    Vec::new()
                }
            };
        }
        _ => {}
    }
    // The open detail takes every key: the tab beneath waits until it closes.
    if app.detail.is_some() {
        return match action {
            Action::Detail(msg) => detail_msg(app, msg),
            _ => Vec::new(),
        };
    }
    if app.screen == Screen::Diary {
        return match action {
            Action::Diary(msg) => {
                let cmds = tabs::diary::update(&mut app.diary, &app.ctx, msg);
                carry_out(app, cmds)
            }
            _ => Vec::new(),
        };
    }
    if app.screen == Screen::Ledgers {
        return match action {
            Action::Ledgers(msg) => {
                let cmds = tabs::ledgers::update(&mut app.ledgers, &app.ctx, msg);
                carry_out(app, cmds)
            }
            _ => Vec::new(),
        };
    }
    if app.screen == Screen::Review {
        if let Some(effects) = update_other_review(app, &action) {
            return effects;
        }
        return match action {
            Action::Review(msg) => review(app, msg),
            _ => Vec::new(),
        };
    }
    if app.screen == Screen::Team {
        return match action {
            Action::Team(msg) => {
                let cmds = tabs::team::update(&mut app.team, &app.ctx, msg);
                carry_out(app, cmds)
            }
            _ => Vec::new(),
        };
    }
    if app.screen == Screen::Today {
        use tabs::today::Msg;
        // The page keys are the global rows; the tab's own keys come as its messages.
        let msg = match action {
            Action::Today(msg) => msg,
            Action::HalfPageDown => Msg::HalfPageDown,
            Action::HalfPageUp => Msg::HalfPageUp,
            Action::PageDown => Msg::PageDown,
            Action::PageUp => Msg::PageUp,
            _ => return Vec::new(),
        };
        return today(app, msg);
    }
    if app.screen != Screen::Customers {
        return Vec::new();
    }
    use tabs::customers::Msg;
    // The page keys are the global rows; the tab's own keys come as its messages.
    let msg = match action {
        Action::Customers(msg) => msg,
        Action::HalfPageDown => Msg::HalfPageDown,
        Action::HalfPageUp => Msg::HalfPageUp,
        Action::PageDown => Msg::PageDown,
        Action::PageUp => Msg::PageUp,
        _ => return Vec::new(),
    };
    customers(app, msg)
}

pub(super) fn update_command(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Input(c) => app.command.push(c),
        Action::Backspace if app.command.pop().is_none() => app.mode = Mode::Normal,
        Action::Cancel => {
            app.command.clear();
            app.mode = Mode::Normal;
        }
        Action::Submit => {
            app.mode = Mode::Normal;
            let command = std::mem::take(&mut app.command);
            return run_command(app, command.trim());
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn run_command(app: &mut App, command: &str) -> Vec<Effect> {
    let mut words = command.split_whitespace();
    let action = match (words.next(), words.next()) {
        (Some("q" | "quit"), _) => Action::Quit,
        (Some("help" | "h"), _) => Action::ToggleHelp,
        (Some("today"), _) => Action::GoTo(Screen::Today),
        (Some("customers" | "c"), _) => Action::GoTo(Screen::Customers),
        (Some("diary"), _) => Action::GoTo(Screen::Diary),
        (Some("ledgers"), _) => Action::GoTo(Screen::Ledgers),
        (Some("review"), _) => Action::GoTo(Screen::Review),
        (Some("team"), _) => Action::GoTo(Screen::Team),
        (Some("period"), Some(from)) => {
            let parse = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
            match (parse(from), words.next().and_then(parse)) {
                (Some(a), Some(b)) => {
                    app.screen = Screen::Ledgers;
                    app.detail = None;
                    let msg = tabs::ledgers::Msg::Custom(a, b);
                    let cmds = tabs::ledgers::update(&mut app.ledgers, &app.ctx, msg);
                    return carry_out(app, cmds);
                }
                _ => {
                    app.notice = Some(Notice::fill(T::UnknownCommand, [Arg::text(command)]));
                    return Vec::new();
                }
            }
        }
        (Some("lang"), Some(l)) if crate::i18n::Lang::parse(l).is_some() => {
            app.ctx.lang = crate::i18n::Lang::parse(l).unwrap_or(app.ctx.lang);
            return Vec::new();
        }
        (None, _) => return Vec::new(),
        _ => {
            app.notice = Some(Notice::fill(T::UnknownCommand, [Arg::text(command)]));
            return Vec::new();
        }
    };
    if action == Action::ToggleHelp {
        app.mode = Mode::Help;
        return Vec::new();
    }
    update(app, action)
}

/// Switches tab, loading what the new tab shows.
pub(super) fn switch_to(app: &mut App, screen: Screen) -> Vec<Effect> {
    if screen == Screen::Team && !app.team_visible() {
        app.notice = Some(Notice::say(T::TmForLeads));
        return Vec::new();
    }
    // Another manager's week is seen from the Team tab only; the Review tab itself is the
    // app's own manager's, and the figures loaded were the other's.
    let forget = app.review_manager.take().is_some();
    let mut effects = review(app, tabs::review::Msg::Reset { forget });
    app.screen = screen;
    app.detail = None;
    effects.extend(match screen {
        Screen::Today => vec![Effect::LoadToday],
        Screen::Customers if app.book_stale => vec![Effect::LoadBook],
        Screen::Diary => vec![Effect::LoadDay(app.diary.date.unwrap_or(app.ctx.today))],
        Screen::Ledgers => vec![tabs::ledgers::load(&mut app.ledgers, &app.ctx)],
        Screen::Review => review(app, tabs::review::Msg::Reload),
        Screen::Team => {
            let cmds = tabs::team::open(&mut app.team, &app.ctx);
            carry_out(app, cmds)
        }
        _ => Vec::new(),
    });
    effects
}

/// Carries out what a tab asked of the shell: effects go to the driver, a question waits for
/// y/n, a form opens the log popup.
pub(super) fn carry_out(app: &mut App, cmds: Vec<tabs::Cmd>) -> Vec<Effect> {
    let mut effects = Vec::new();
    for cmd in cmds {
        match cmd {
            tabs::Cmd::Run(effect) => effects.push(effect),
            tabs::Cmd::Ask(confirmation) => {
                app.confirm = Some(confirmation);
                app.mode = Mode::Confirm;
            }
            tabs::Cmd::Open(form) => {
                app.form = Some(*form);
                app.mode = Mode::Log;
            }
            tabs::Cmd::OpenWeekOf {
                manager_no,
                name,
                monday,
            } => effects.extend(open_week_of(app, manager_no, name, monday)),
            // issue 11 (today tab)
            tabs::Cmd::Say(notice) => app.notice = Some(notice),
            tabs::Cmd::Mode(mode) => app.mode = mode,
            tabs::Cmd::Write(effect) => {
                app.saving = true;
                effects.push(effect);
            }
            tabs::Cmd::Leave => {
                effects.extend(leave_guard::leave(app, leave_guard::Then::Close));
            }
            tabs::Cmd::BulkSms(members) => bulk_sms_to(app, &members),
            // issue 11 (review tab)
            tabs::Cmd::Hush => app.notice = None,
            tabs::Cmd::Editing(true) => {
                app.mode = Mode::Reflection;
                // Last run's unsaved reflection goes over the text just loaded.
                if let Some((summary, plan)) = app.restored_reflection.take() {
                    effects.extend(review(app, tabs::review::Msg::Restore { summary, plan }));
                }
            }
            tabs::Cmd::Editing(false) => app.mode = Mode::Normal,
            tabs::Cmd::Quit => app.quit = true,
        }
    }
    effects
}

/// A manager's week on the Review tab, opened from the Team board: read only when it is not
/// the app's own manager's; Esc comes back.
fn open_week_of(app: &mut App, no: String, name: String, monday: chrono::NaiveDate) -> Vec<Effect> {
    let own = app.ctx.manager.as_deref() == Some(no.as_str());
    app.review_manager = (!own).then(|| no.clone());
    app.screen = Screen::Review;
    app.detail = None;
    if !own {
        let who = if name.is_empty() { no } else { name };
        app.notice = Some(Notice::fill(T::TmViewing, [Arg::text(who)]));
    }
    review(app, tabs::review::Msg::ShowWeek(monday))
}

/// On the Review tab showing another manager's week (opened from the Team tab): Esc goes back
/// to the board, and the reflection is that manager's own to write. `None`: not handled here.
fn update_other_review(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    app.review_manager.as_ref()?;
    match action {
        Action::Back => Some(switch_to(app, Screen::Team)),
        // `e`/Enter say the week is read only: `review` answers them.
        _ => None,
    }
}

// issue 11 (today tab): the shell's side of the Today tab.

/// A message to the Today tab, and what it asked for carried out.
pub(super) fn today(app: &mut App, msg: tabs::today::Msg) -> Vec<Effect> {
    let cmds = tabs::today::update(&mut app.today_view, &app.ctx, msg);
    carry_out(app, cmds)
}

/// The shared editing rows of the keymap (the filter line, the popups) as the tab's keys.
fn today_edit(action: &Action) -> Option<tabs::today::Edit> {
    use tabs::today::Edit;
    Some(match action {
        Action::Input(c) => Edit::Char(*c),
        Action::Backspace => Edit::Backspace,
        Action::DeleteChar => Edit::Delete,
        Action::CursorLeft => Edit::Left,
        Action::CursorRight => Edit::Right,
        Action::Top => Edit::Home,
        Action::Bottom => Edit::End,
        Action::NextField => Edit::Next,
        Action::PrevField => Edit::Prev,
        Action::Up => Edit::Up,
        Action::Down => Edit::Down,
        Action::Submit => Edit::Submit,
        Action::Cancel => Edit::Cancel,
        _ => return None,
    })
}

/// A key while a popup is open over Today; none while its save is under way.
pub(super) fn today_popup(app: &mut App, action: Action) -> Vec<Effect> {
    if app.saving {
        return Vec::new();
    }
    match today_edit(&action) {
        Some(edit) => today(app, tabs::today::Msg::Popup(edit)),
        None => Vec::new(),
    }
}

/// The snooze or dismissal is stored: the popup closes and says so; the undo is remembered
/// and what shows the change reloads.
fn holds_saved(app: &mut App, ids: Vec<i64>) -> Vec<Effect> {
    app.saving = false;
    app.mode = Mode::Normal;
    leave_guard::saved(app);
    app.notice = None;
    let mut effects = today(app, tabs::today::Msg::Saved);
    app.undo.push(UndoStep::Held(ids));
    app.redo.clear();
    effects.extend(reload_after_write(app));
    effects
}

/// Holds were lifted from the holds view: it stays open and says so; the lift is an undo
/// step, and what shows the queue reloads.
fn holds_lifted(app: &mut App, ids: Vec<i64>) -> Vec<Effect> {
    app.saving = false;
    let mut effects = today(app, tabs::today::Msg::Lifted(ids.clone()));
    if !ids.is_empty() {
        app.undo.push(UndoStep::Lifted(ids));
        app.redo.clear();
        effects.extend(reload_after_write(app));
    }
    effects
}

/// Opens the bulk SMS to exactly the customers the weekly-SMS row stands for, named from the
/// book (a customer not in it is named by number).
fn bulk_sms_to(app: &mut App, members: &[String]) {
    let names: std::collections::HashMap<&str, &str> = app
        .customers
        .all
        .iter()
        .map(|s| (s.customer.customer_no.as_str(), s.customer.name.as_str()))
        .collect();
    let list: Vec<(String, String)> = members
        .iter()
        .map(|no| {
            let name = names.get(no.as_str()).copied().unwrap_or(no.as_str());
            (no.clone(), name.to_string())
        })
        .collect();
    open_bulk_sms(app, list);
}

// issue 11 (review tab)
/// Routes a message to the Review tab and carries out what it asks. Another manager's week is
/// read only: the shell knows whose week is shown, so it keeps the editor from opening there.
pub(super) fn review(app: &mut App, msg: tabs::review::Msg) -> Vec<Effect> {
    use tabs::review::Msg;
    let mut cmds = Vec::new();
    if app.review_manager.is_some() && matches!(msg, Msg::Edit | Msg::Loaded(_)) {
        // Their reflection is theirs to write: the editor opens neither now nor once a week
        // asked for from it arrives.
        let would_open = match &msg {
            Msg::Loaded(data) => {
                app.review.edit_on_load && data.review.monday == app.review.monday(app.ctx.today)
            }
            _ => true,
        };
        let reset = Msg::Reset { forget: false };
        cmds = tabs::review::update(&mut app.review, &app.ctx, reset);
        if would_open {
            cmds.push(tabs::Cmd::Say(Notice::say(T::TmReadOnly)));
        }
        if msg == Msg::Edit {
            return carry_out(app, cmds);
        }
    }
    cmds.extend(tabs::review::update(&mut app.review, &app.ctx, msg));
    carry_out(app, cmds)
}

/// Keys while the reflection is edited in place: the tab's own rows, and the shared editing
/// rows (typing, the cursor keys) turned into its messages.
fn review_editor(app: &mut App, action: Action) -> Vec<Effect> {
    use tabs::review::Msg;
    let msg = match action {
        Action::Review(msg) => msg,
        Action::Input(c) => Msg::Type(c),
        Action::Backspace => Msg::Backspace,
        Action::DeleteChar => Msg::Delete,
        Action::CursorLeft => Msg::Left,
        Action::CursorRight => Msg::Right,
        Action::Top => Msg::Home,
        Action::Bottom => Msg::End,
        Action::Quit => Msg::Quit,
        _ => return Vec::new(),
    };
    review(app, msg)
}
