//! The Review tab's messages and `update`: its own model and the read-only context in; the
//! loads and saves it needs, the message line, the editor's mode and leaving the app out, as
//! `Cmd`s the shell carries out. Pure: whose week is shown (and whether it is read only) is the
//! shell's to know and check before it routes here.

use chrono::{Duration, NaiveDate};

use super::model::{Leave, Model, ReflectionEditor, ReflectionField};
use crate::app::notice::{Arg, Notice};
use crate::app::tabs::Cmd;
use crate::app::text_area::TextArea;
use crate::app::{Ctx, Effect};
use crate::domain::review::{Reflection, monday_of, week_label};
use crate::i18n::T;

use super::model::ReviewData;

/// What the Review tab is told: a key through the keymap (on the screen, or in the editor), a
/// load's or a save's result, or what the shell decided (a tab switch, a week from the Team
/// board, a restored draft, the terminal's width).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The week before.
    PrevWeek,
    /// The week after.
    NextWeek,
    /// This week.
    ThisWeek,
    /// Scroll down a line.
    ScrollDown,
    /// Scroll up a line.
    ScrollUp,
    /// Back to the top.
    ScrollTop,
    /// `e`/Enter: write the week's reflection in place.
    Edit,
    /// In the editor: save (Ctrl-s); to the question over unsaved changes, "save".
    Save,
    /// In the editor: the other text area (Tab, Shift-Tab).
    SwitchField,
    /// In the editor: a new line (Enter).
    NewLine,
    /// In the editor: the week before, editing on (PgUp).
    EditPrevWeek,
    /// In the editor: the week after, editing on (PgDn).
    EditNextWeek,
    /// In the editor: stop editing (Esc); to the question, "keep editing".
    Close,
    /// In the editor: leave the app (Ctrl-c), asking first over unsaved changes.
    Quit,
    /// In the editor: a character typed; to the question, an answer (s, d, Esc's c).
    Type(char),
    /// In the editor: delete before the cursor.
    Backspace,
    /// In the editor: delete under the cursor.
    Delete,
    /// In the editor: the cursor left.
    Left,
    /// In the editor: the cursor right.
    Right,
    /// In the editor: the cursor up a row.
    LineUp,
    /// In the editor: the cursor down a row.
    LineDown,
    /// In the editor: the start of the line.
    Home,
    /// In the editor: the end of the line.
    End,
    /// Text pasted into the editor (already cleaned); refused while saving or asking.
    Paste(String),
    /// The terminal is this wide: the editor wraps to it.
    Resize(u16),
    /// A week asked for from the editor opens no editor later (the shell switched tab, or the
    /// week shown is another manager's); with `forget`, the figures shown were another
    /// manager's and are dropped.
    Reset { forget: bool },
    /// Load the week shown again (the tab came into view, or a write may have changed it).
    Reload,
    /// Show the week holding this day from the top, the figures shown forgotten (a manager's
    /// week opened from the Team board).
    ShowWeek(NaiveDate),
    /// Show the week holding this day and open the editor on it once loaded (a restored
    /// draft).
    EditWeek(NaiveDate),
    /// The text of a restored draft, over the editor just opened.
    Restore { summary: String, plan: String },
    /// Result: a week was loaded.
    Loaded(Box<ReviewData>),
    /// Result: the reflection was saved.
    Saved,
    /// Result: an effect failed; `shown` when the Review tab is on screen.
    Failed { shown: bool },
    /// The store stayed locked and the save was given up: editing goes on with the text.
    SaveGivenUp,
}

/// Applies a message to the Review tab.
pub fn update(model: &mut Model, ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    let monday = model.monday(ctx.today);
    let day = match msg {
        Msg::PrevWeek => monday - Duration::days(7),
        Msg::NextWeek => monday + Duration::days(7),
        Msg::ThisWeek => monday_of(ctx.today),
        Msg::ScrollDown => {
            model.scroll = model.scroll.saturating_add(1);
            return Vec::new();
        }
        Msg::ScrollUp => {
            model.scroll = model.scroll.saturating_sub(1);
            return Vec::new();
        }
        Msg::ScrollTop => {
            model.scroll = 0;
            return Vec::new();
        }
        Msg::Edit => return open_editor(model, ctx),
        Msg::Resize(width) => {
            model.text_width = super::model::text_width(width);
            return Vec::new();
        }
        Msg::Reset { forget } => {
            model.edit_on_load = false;
            if forget {
                model.data = None;
            }
            return Vec::new();
        }
        Msg::Reload => return vec![load(model, ctx)],
        Msg::ShowWeek(day) => {
            model.edit_on_load = false;
            // The figures on screen may be another manager's for the same week.
            model.data = None;
            model.scroll = 0;
            model.day = Some(day);
            return vec![load(model, ctx)];
        }
        Msg::EditWeek(day) => {
            model.day = Some(day);
            model.edit_on_load = true;
            return vec![load(model, ctx)];
        }
        Msg::Restore { summary, plan } => {
            if let Some(ed) = model.editor.as_mut() {
                ed.summary = TextArea::with(&summary);
                ed.plan = TextArea::with(&plan);
            }
            return Vec::new();
        }
        Msg::Loaded(data) => return loaded(model, ctx, *data),
        Msg::Saved => return saved(model, ctx),
        Msg::Failed { shown } => {
            // A week asked for from the editor that failed to load opens no editor later on
            // whatever week comes next.
            model.edit_on_load = false;
            if let Some(ed) = model.editor.as_mut() {
                ed.saving = false;
                // A save on the way out failed: stay, with the text.
                ed.then = None;
            } else if shown {
                model.failed = true;
            }
            return Vec::new();
        }
        Msg::SaveGivenUp => {
            if let Some(ed) = model.editor.as_mut() {
                ed.saving = false;
                ed.then = None;
            }
            return Vec::new();
        }
        Msg::Paste(text) => {
            return match model.editor.as_mut() {
                Some(ed) if !ed.saving && ed.asking.is_none() => {
                    ed.focused().insert_str(&text);
                    Vec::new()
                }
                _ => vec![Cmd::Say(Notice::say(T::PasteOnlyInField))],
            };
        }
        editing => return update_editor(model, ctx, editing),
    };
    model.day = Some(day);
    model.scroll = 0;
    // Moving on by hand: a week asked for from the editor that never came opens nothing later.
    model.edit_on_load = false;
    vec![load(model, ctx)]
}

/// The load of the week shown.
pub fn load(model: &mut Model, ctx: &Ctx) -> Cmd {
    model.failed = false;
    Cmd::Run(Effect::LoadReview(model.monday(ctx.today)))
}

/// A week arrived: show it, and go on editing if the writer moved to it from the editor.
fn loaded(model: &mut Model, ctx: &Ctx, data: ReviewData) -> Vec<Cmd> {
    let monday = data.review.monday;
    model.data = Some(data);
    if model.edit_on_load && monday == model.monday(ctx.today) {
        model.edit_on_load = false;
        if model.editor.is_none() {
            return open_editor(model, ctx);
        }
    }
    Vec::new()
}

/// Opens the editor in place on the week shown, with the reflection as loaded, the cursor in
/// 本周总结. Nothing opens before the week is loaded: an empty editor saved over a reflection
/// not yet read would erase it.
fn open_editor(model: &mut Model, ctx: &Ctx) -> Vec<Cmd> {
    let monday = model.monday(ctx.today);
    let Some(data) = model.data.as_ref().filter(|d| d.review.monday == monday) else {
        return vec![Cmd::Say(Notice::say(T::RvLoading))];
    };
    let loaded = data.reflection.clone().unwrap_or_default();
    model.editor = Some(ReflectionEditor {
        manager_no: data.manager_no.clone(),
        day: monday,
        summary: TextArea::with(&loaded.summary),
        plan: TextArea::with(&loaded.plan),
        focus: ReflectionField::Summary,
        original: (loaded.summary, loaded.plan),
        asking: None,
        then: None,
        saving: false,
    });
    vec![Cmd::Editing(true)]
}

/// Stops editing towards `to`, whatever was typed (the caller has asked or saved).
fn leave(model: &mut Model, ctx: &Ctx, to: Leave) -> Vec<Cmd> {
    model.editor = None;
    let mut cmds = vec![Cmd::Editing(false)];
    match to {
        Leave::Close => {}
        Leave::Quit => cmds.push(Cmd::Quit),
        Leave::Week(monday) => {
            model.day = Some(monday);
            model.scroll = 0;
            model.edit_on_load = true;
            cmds.push(load(model, ctx));
        }
    }
    cmds
}

/// The save effect for the editor's text.
fn save(ed: &mut ReflectionEditor, then: Option<Leave>) -> Cmd {
    ed.saving = true;
    ed.then = then;
    Cmd::Run(Effect::SaveReflection {
        manager_no: ed.manager_no.clone(),
        day: ed.day,
        summary: ed.summary.text().to_string(),
        plan: ed.plan.text().to_string(),
    })
}

/// Keys while the reflection is being edited in place.
fn update_editor(model: &mut Model, ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    let width = model.text_width as usize;
    let Some(ed) = model.editor.as_mut() else {
        return vec![Cmd::Editing(false)];
    };
    if ed.saving {
        return Vec::new();
    }
    if let Some(to) = ed.asking {
        // The question over unsaved changes: s saves and leaves, d leaves without saving,
        // Esc stays; other keys are ignored so nothing is typed by mistake.
        let answer = match msg {
            Msg::Type(c) => crate::app::keymap::normalize_char(c).to_ascii_lowercase(),
            Msg::Save => 's',
            Msg::Close => 'c',
            _ => return Vec::new(),
        };
        return match answer {
            's' | 'y' => {
                ed.asking = None;
                vec![Cmd::Hush, save(ed, Some(to))]
            }
            'd' | 'n' => {
                let mut cmds = vec![Cmd::Hush];
                cmds.extend(leave(model, ctx, to));
                cmds
            }
            'c' => {
                ed.asking = None;
                vec![Cmd::Hush]
            }
            _ => Vec::new(),
        };
    }
    let to = match msg {
        Msg::Close => Some(Leave::Close),
        Msg::Quit => Some(Leave::Quit),
        Msg::EditPrevWeek => Some(Leave::Week(ed.day - Duration::days(7))),
        Msg::EditNextWeek => Some(Leave::Week(ed.day + Duration::days(7))),
        _ => None,
    };
    if let Some(to) = to {
        if ed.changed() {
            ed.asking = Some(to);
            return vec![Cmd::Say(Notice::say(T::RvLeaveAsk))];
        }
        let mut cmds = vec![Cmd::Hush];
        cmds.extend(leave(model, ctx, to));
        return cmds;
    }
    match msg {
        Msg::Save => return vec![Cmd::Hush, save(ed, None)],
        Msg::SwitchField => {
            ed.focus = match ed.focus {
                ReflectionField::Summary => ReflectionField::Plan,
                ReflectionField::Plan => ReflectionField::Summary,
            }
        }
        Msg::NewLine => ed.focused().insert('\n'),
        Msg::Type(c) => ed.focused().insert(c),
        Msg::Backspace => ed.focused().backspace(),
        Msg::Delete => ed.focused().delete(),
        Msg::Left => ed.focused().left(),
        Msg::Right => ed.focused().right(),
        // By screen rows once the terminal's width is known, else by lines.
        Msg::LineUp if width > 0 => ed.focused().up_in(width),
        Msg::LineDown if width > 0 => ed.focused().down_in(width),
        Msg::LineUp => ed.focused().up(),
        Msg::LineDown => ed.focused().down(),
        Msg::Home => ed.focused().home(),
        Msg::End => ed.focused().end(),
        _ => {}
    }
    vec![Cmd::Hush]
}

/// The reflection is stored: say so, show the saved text, and either go on editing (Ctrl-s)
/// or leave as the writer asked before the save.
fn saved(model: &mut Model, ctx: &Ctx) -> Vec<Cmd> {
    let Some(ed) = model.editor.as_mut() else {
        return Vec::new();
    };
    ed.saving = false;
    ed.original = (ed.summary.text().to_string(), ed.plan.text().to_string());
    let (day, then) = (ed.day, ed.then.take());
    let reflection = Reflection {
        summary: ed.original.0.clone(),
        plan: ed.original.1.clone(),
        updated_at: Some(ctx.now),
    };
    let mut cmds = vec![Cmd::Say(Notice::fill(
        T::RvSaved,
        [Arg::text(week_label(day))],
    ))];
    if let Some(d) = model.data.as_mut()
        && d.review.monday == day
    {
        d.reflection = Some(reflection);
    }
    if let Some(to) = then {
        cmds.extend(leave(model, ctx, to));
    }
    cmds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::WeekReview;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ctx() -> Ctx {
        Ctx::sample()
    }

    fn week(monday: NaiveDate) -> Box<ReviewData> {
        Box::new(ReviewData {
            manager_no: "M001".into(),
            manager_name: "王芳".into(),
            week: week_label(monday),
            review: WeekReview {
                monday,
                end: monday + Duration::days(6),
                metrics: Vec::new(),
                sales_by_kind: Vec::new(),
                migrations: Vec::new(),
                referrals_received: 0,
            },
            reflection: None,
            activity: Vec::new(),
        })
    }

    #[test]
    fn weeks_load_and_nothing_is_edited_before_the_week_is_loaded() {
        let ctx = ctx();
        let mut model = Model::default();
        let monday = d(2026, 11, 30);
        model.scroll = 3;
        assert_eq!(
            update(&mut model, &ctx, Msg::PrevWeek),
            vec![Cmd::Run(Effect::LoadReview(monday - Duration::days(7)))]
        );
        assert_eq!(model.scroll, 0);
        assert_eq!(
            update(&mut model, &ctx, Msg::Edit),
            vec![Cmd::Say(Notice::say(T::RvLoading))]
        );
        assert!(model.editor.is_none());
        assert_eq!(
            update(&mut model, &ctx, Msg::ThisWeek),
            vec![Cmd::Run(Effect::LoadReview(monday))]
        );
        assert!(update(&mut model, &ctx, Msg::Loaded(week(monday))).is_empty());
        assert_eq!(
            update(&mut model, &ctx, Msg::Edit),
            vec![Cmd::Editing(true)]
        );
    }

    #[test]
    fn leaving_unsaved_text_asks_and_saving_then_leaves_for_the_next_week() {
        let ctx = ctx();
        let mut model = Model::default();
        let monday = d(2026, 11, 30);
        update(&mut model, &ctx, Msg::Loaded(week(monday)));
        update(&mut model, &ctx, Msg::Edit);
        assert_eq!(update(&mut model, &ctx, Msg::Type('好')), vec![Cmd::Hush]);
        assert_eq!(
            update(&mut model, &ctx, Msg::EditNextWeek),
            vec![Cmd::Say(Notice::say(T::RvLeaveAsk))]
        );
        let next = monday + Duration::days(7);
        let ed = model.editor.as_ref().unwrap();
        assert_eq!(ed.asking, Some(Leave::Week(next)));
        // The answer "save": the text is written, the editor waits for the store.
        let cmds = update(&mut model, &ctx, Msg::Type('s'));
        assert_eq!(
            cmds,
            vec![
                Cmd::Hush,
                Cmd::Run(Effect::SaveReflection {
                    manager_no: "M001".into(),
                    day: monday,
                    summary: "好".into(),
                    plan: String::new(),
                })
            ]
        );
        assert!(
            update(&mut model, &ctx, Msg::Type('x')).is_empty(),
            "saving"
        );
        let cmds = update(&mut model, &ctx, Msg::Saved);
        assert_eq!(
            cmds,
            vec![
                Cmd::Say(Notice::fill(T::RvSaved, [Arg::text("2026-W49")])),
                Cmd::Editing(false),
                Cmd::Run(Effect::LoadReview(next)),
            ]
        );
        assert!(model.editor.is_none());
        let stored = model.data.as_ref().unwrap().reflection.as_ref().unwrap();
        assert_eq!(stored.summary, "好");
        // The next week arrives: editing goes on there.
        assert_eq!(
            update(&mut model, &ctx, Msg::Loaded(week(next))),
            vec![Cmd::Editing(true)]
        );
        assert_eq!(model.editor.as_ref().unwrap().day, next);
    }

    #[test]
    fn quitting_from_the_editor_goes_through_the_shell() {
        let ctx = ctx();
        let mut model = Model::default();
        update(&mut model, &ctx, Msg::Loaded(week(d(2026, 11, 30))));
        update(&mut model, &ctx, Msg::Edit);
        assert_eq!(
            update(&mut model, &ctx, Msg::Quit),
            vec![Cmd::Hush, Cmd::Editing(false), Cmd::Quit]
        );
        // With typed text it asks; d leaves without saving.
        update(&mut model, &ctx, Msg::Edit);
        update(&mut model, &ctx, Msg::Paste("计划".into()));
        update(&mut model, &ctx, Msg::Quit);
        assert_eq!(
            update(&mut model, &ctx, Msg::Type('d')),
            vec![Cmd::Hush, Cmd::Editing(false), Cmd::Quit]
        );
        assert_eq!(
            update(&mut model, &ctx, Msg::Paste("x".into())),
            vec![Cmd::Say(Notice::say(T::PasteOnlyInField))]
        );
    }

    #[test]
    fn a_failed_load_stops_loading_and_a_failed_save_keeps_the_text() {
        let ctx = ctx();
        let mut model = Model::default();
        update(&mut model, &ctx, Msg::EditWeek(d(2026, 11, 25)));
        assert!(model.edit_on_load);
        update(&mut model, &ctx, Msg::Failed { shown: true });
        assert!(model.failed && !model.edit_on_load);
        update(&mut model, &ctx, Msg::Loaded(week(d(2026, 11, 23))));
        assert!(
            model.editor.is_none(),
            "the failed week's editor never opens"
        );
        update(&mut model, &ctx, Msg::Edit);
        update(&mut model, &ctx, Msg::Type('a'));
        update(&mut model, &ctx, Msg::Close);
        update(&mut model, &ctx, Msg::Save);
        update(&mut model, &ctx, Msg::Failed { shown: true });
        let ed = model.editor.as_ref().unwrap();
        assert!(!ed.saving && ed.then.is_none());
        assert_eq!(ed.summary.text(), "a");
    }
}
