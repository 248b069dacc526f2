//! Snapshot tests of every screen of this slice, in both languages, at 120×40 and 80×24, plus style checks where colour carries meaning.

mod common;

use common::{sample_app, sample_store};
use guanhu::app::tabs::customers::Msg as CustMsg;
use guanhu::app::tabs::detail::Msg as DetailMsg;
use guanhu::app::{Action, App, update};
use guanhu::i18n::{Lang, T};
use guanhu::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, app)).unwrap();
    terminal
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

#[test]
fn customers_tree() {
    let mut store = sample_store();
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut app = sample_app(&mut store, lang, h);
            let t = draw(&mut app, w, h);
            insta::assert_snapshot!(
                format!("customers_{}_{w}x{h}", lang_name(lang)),
                t.backend()
            );
        }
    }
}

#[test]
fn customers_tree_folded_and_searched() {
    let mut store = sample_store();
    for lang in LANGS {
        let mut app = sample_app(&mut store, lang, 24);
        update(&mut app, Action::Customers(CustMsg::Down));
        update(&mut app, Action::Customers(CustMsg::Open)); // fold the segment under the high tier
        update(&mut app, Action::Customers(CustMsg::Down));
        update(&mut app, Action::Customers(CustMsg::Open)); // fold the quality tier
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(
            format!("customers_folded_{}_80x24", lang_name(lang)),
            t.backend()
        );

        let mut app = sample_app(&mut store, lang, 24);
        update(&mut app, Action::Customers(CustMsg::StartSearch));
        for c in "zw".chars() {
            update(&mut app, Action::Input(c));
        }
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(
            format!("customers_search_{}_80x24", lang_name(lang)),
            t.backend()
        );

        let mut app = sample_app(&mut store, lang, 24);
        update(&mut app, Action::Customers(CustMsg::StartFilter));
        update(&mut app, Action::Customers(CustMsg::CycleTier));
        update(&mut app, Action::Customers(CustMsg::CycleTier));
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(
            format!("customers_filter_{}_80x24", lang_name(lang)),
            t.backend()
        );
    }
}

#[test]
fn customer_detail() {
    let mut store = sample_store();
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut app = sample_app(&mut store, lang, h);
            let detail = guanhu::service::load_customer_detail(
                &store,
                &app.ctx.policy,
                common::today(),
                "C0005",
            )
            .unwrap();
            update(&mut app, Action::DetailLoaded(Box::new(detail)));
            let t = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("detail_{}_{w}x{h}", lang_name(lang)), t.backend());
        }
    }
}

#[test]
fn customer_detail_revealed() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 24);
    let detail =
        guanhu::service::load_customer_detail(&store, &app.ctx.policy, common::today(), "C0001")
            .unwrap();
    update(&mut app, Action::DetailLoaded(Box::new(detail)));
    let masked = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(masked.contains("138****5678"), "{masked}");
    assert!(masked.contains("110101********1234"), "{masked}");
    assert!(!masked.contains("13812345678"));
    update(&mut app, Action::Detail(DetailMsg::Reveal));
    let shown = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(shown.contains("13812345678"), "{shown}");
    assert!(shown.contains("110101199003071234"), "{shown}");
}

#[test]
fn empty_store_shows_the_first_step() {
    let mut store = Store::open_in_memory().unwrap();
    for lang in LANGS {
        let mut app = sample_app(&mut store, lang, 24);
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(format!("empty_{}_80x24", lang_name(lang)), t.backend());
    }
}

#[test]
fn help_overlay() {
    let mut store = sample_store();
    for lang in LANGS {
        let mut app = sample_app(&mut store, lang, 24);
        update(&mut app, Action::ToggleHelp);
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(format!("help_{}_80x24", lang_name(lang)), t.backend());
        // Every section is on the 80×24 screen, the last (the filter bar) too.
        let screen = screen_text(&t);
        for title in HELP_SECTIONS {
            assert!(
                screen.contains(title.get(lang)),
                "{} missing from the help at 80x24:\n{screen}",
                title.get(lang)
            );
        }
        assert!(screen.contains(T::KeyConfirm.get(lang)));
    }
}

/// The headings of the `?` help, in order.
const HELP_SECTIONS: [T; 9] = [
    T::AppName,
    T::TabToday,
    T::TabCustomers,
    T::DetailProfile,
    T::TabDiary,
    T::TabLedgers,
    T::TabReview,
    T::HelpReflection,
    T::FilterPrompt,
];

fn screen_text(t: &Terminal<TestBackend>) -> String {
    let buffer = t.backend().buffer();
    let area = buffer.area;
    let mut text = String::new();
    for y in 0..area.height {
        let mut x = 0;
        // A wide character's second cell holds a blank that is not part of the text.
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            text.push_str(symbol);
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        text.push('\n');
    }
    text
}

#[test]
fn help_too_tall_for_the_screen_scrolls_with_j_and_k() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut store = sample_store();
    for lang in LANGS {
        let mut app = sample_app(&mut store, lang, 16);
        update(&mut app, Action::ToggleHelp);
        let mut seen = String::new();
        let mut last = String::new();
        for _ in 0..40 {
            let screen = screen_text(&draw(&mut app, 80, 16));
            if screen == last {
                break;
            }
            seen.push_str(&screen);
            last = screen;
            let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
            let action = guanhu::app::keymap::action_for(&app, j).unwrap();
            update(&mut app, action);
        }
        assert!(seen.contains("j/k"), "the help says it scrolls");
        for title in HELP_SECTIONS {
            assert!(seen.contains(title.get(lang)), "{}", title.get(lang));
        }
        // j past the end stays at the end, so one k goes back at once; Esc closes and the
        // next help starts at the top.
        let at_end = app.help_scroll;
        assert!(at_end > 0);
        let k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE);
        let action = guanhu::app::keymap::action_for(&app, k).unwrap();
        update(&mut app, action);
        assert_eq!(app.help_scroll, at_end - 1);
        assert_ne!(
            screen_text(&draw(&mut app, 80, 16)),
            last,
            "k moved the view"
        );
        update(&mut app, Action::Cancel);
        assert_eq!(app.help_scroll, 0);
    }
}

#[test]
fn tier_badges_carry_the_tier_colour() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    let t = draw(&mut app, 120, 40);
    let buffer = t.backend().buffer();
    // Row 4 is the first customer line (tabs, status, bar, header, high-tier group, segment).
    // A wide glyph fills two cells; the first holds the character and the style.
    let find_bg = |y: u16, text: &str| -> Option<Color> {
        (0..120)
            .map(|x| &buffer[(x, y)])
            .find(|c| c.symbol() == text.chars().next().unwrap().to_string())
            .map(|c| c.bg)
    };
    assert_eq!(find_bg(4, "高端客户"), Some(Color::Magenta));
    assert_eq!(find_bg(6, "高端客户"), Some(Color::Magenta));
    let quality_row = (0..40)
        .find(|&y| (0..120).any(|x| buffer[(x, y)].symbol() == "陈"))
        .unwrap();
    assert_eq!(find_bg(quality_row, "优质客户"), Some(Color::Blue));
}
