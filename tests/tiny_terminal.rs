//! Drawing never panics, however small the terminal: every screen, popup and overlay at tiny sizes.

mod common;

use common::{sample_app, sample_store};
use guanhu::app::tabs::customers::Msg as CustMsg;
use guanhu::app::tabs::today::Msg as TodayMsg;
use guanhu::app::{Action, Screen, update};
use guanhu::domain::diary::EntryKind;
use guanhu::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn every_screen_draws_at_tiny_sizes() {
    let mut store = sample_store();
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(1, 1), (2, 2), (5, 2), (12, 4), (20, 6), (40, 10), (60, 12)] {
            let mut app = sample_app(&mut store, lang, h);
            let states: Vec<Vec<Action>> = vec![
                vec![],
                vec![
                    Action::Customers(CustMsg::Down),
                    Action::Customers(CustMsg::Down),
                ],
                vec![Action::ToggleHelp],
                vec![Action::Customers(CustMsg::StartSearch), Action::Input('z')],
                vec![
                    Action::Customers(CustMsg::StartFilter),
                    Action::Customers(CustMsg::CycleTier),
                ],
                vec![
                    Action::Customers(CustMsg::Down),
                    Action::Customers(CustMsg::Down),
                    Action::StartLog(EntryKind::Sale),
                ],
                vec![Action::StartLog(EntryKind::Memo)],
                vec![Action::GoTo(Screen::Today)],
                vec![Action::GoTo(Screen::Today), Action::Today(TodayMsg::Snooze)],
                vec![
                    Action::GoTo(Screen::Today),
                    Action::Today(TodayMsg::Dismiss),
                ],
                vec![
                    Action::GoTo(Screen::Today),
                    Action::Today(TodayMsg::Explain),
                ],
                vec![
                    Action::GoTo(Screen::Today),
                    Action::Today(TodayMsg::StartFilter),
                    Action::Input('z'),
                ],
                vec![Action::GoTo(Screen::Review)],
            ];
            for actions in states {
                let mut app = app.clone();
                for a in actions {
                    update(&mut app, a);
                }
                update(&mut app, Action::Resize(w, h));
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
            }
            // The Diary and Ledgers screens, empty and loaded, through the real effects.
            for key in ['3', '4'] {
                common::press_at(
                    &mut app,
                    &mut store,
                    ratatui::crossterm::event::KeyCode::Char(key),
                    ratatui::crossterm::event::KeyModifiers::NONE,
                    common::now(),
                );
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
            }
            // The customer detail.
            let detail = guanhu::service::load_customer_detail(
                &store,
                &app.ctx.policy,
                common::today(),
                "C0005",
            )
            .unwrap();
            update(&mut app, Action::DetailLoaded(Box::new(detail)));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
        }
    }
}
