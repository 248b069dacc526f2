//! Property tests: every parser of typed or supplied text returns a value or a clear error and never panics (and the xlsx writer takes any value) — follow-ups and moments, dates, times, amounts (one rule for the app and the import), `--today`, the policy and config loaders on arbitrary TOML, the language name, ID numbers (GB 11643), and the app's `:` command line. Counts of cases are set per property so the whole file stays quick in a debug build.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::app::{Action, update};
use guanhu::domain::money::parse_money;
use guanhu::domain::policy::Policy;
use guanhu::domain::when::{TimeProblem, parse_follow_up, parse_moment};
use guanhu::domain::written::{read_amount, read_date, read_month_day, read_time};
use guanhu::i18n::Lang;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 2)
        .and_then(|d| d.and_hms_opt(10, 15, 0))
        .unwrap_or_default()
}

/// Text that looks like what a Chinese user types into a time or amount field: digits in
/// both widths, separators, units, CJK, spaces of every kind, and now and then anything.
fn typed() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("+".to_string()),
        Just("＋".to_string()),
        "[0-9]{1,12}",
        "[０-９]{1,6}",
        Just("天".to_string()),
        Just("周".to_string()),
        Just("分".to_string()),
        Just("时".to_string()),
        Just("小时".to_string()),
        Just("明天".to_string()),
        Just("万".to_string()),
        Just("亿".to_string()),
        Just("¥".to_string()),
        Just("年".to_string()),
        Just("月".to_string()),
        Just("日".to_string()),
        Just("-".to_string()),
        Just("－".to_string()),
        Just(":".to_string()),
        Just("：".to_string()),
        Just(",".to_string()),
        Just("，".to_string()),
        Just(".".to_string()),
        Just("．".to_string()),
        Just(" ".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{a0}".to_string()),
        Just("T".to_string()),
        Just("d".to_string()),
        Just("h".to_string()),
        Just("w".to_string()),
        Just("m".to_string()),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn follow_ups_and_moments_never_panic(text in typed()) {
        let follow = parse_follow_up(&text, now());
        if let Ok(Some(at)) = follow {
            // Whatever is accepted is within the years guanhu works in.
            prop_assert!((1900..=2200).contains(&chrono::Datelike::year(&at)));
        }
        let _ = parse_moment(&text, now());
    }

    #[test]
    fn dates_and_times_never_panic(text in typed()) {
        if let Ok(d) = read_date(&text) {
            prop_assert!((1900..=2200).contains(&chrono::Datelike::year(&d)));
        }
        let _ = read_month_day(&text, 2026);
        let _ = read_time(&text);
    }

    #[test]
    fn amounts_never_panic_and_agree(text in typed(), unit in 0u32..5) {
        let multiplier = Decimal::from(10_i64.pow(unit * 2));
        let _ = read_amount(&text, multiplier);
        // The popup's rule is the import's rule, cents only.
        if let Some(typed) = parse_money(&text) {
            prop_assert_eq!(read_amount(&text, Decimal::ONE).map(|d| d.normalize()), Some(typed));
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = parse_follow_up(&text, now());
        let _ = parse_moment(&text, now());
        let _ = read_date(&text);
        let _ = read_amount(&text, Decimal::ONE);
        let _ = parse_money(&text);
        let _ = read_time(&text);
        let _ = guanhu::clock::resolve_today(Some(&text), None);
        let _ = guanhu::clock::resolve_now(Some(&text));
        let _ = Lang::parse(&text);
        let _ = guanhu::domain::identity::id_number_problem(&text, now().date());
    }

    /// ID numbers as a core-system export may carry them: digits, X, spaces, wide digits, at
    /// and around the 15 and 18 lengths the check reads by index.
    #[test]
    fn id_numbers_never_panic(text in "[0-9Xx ０-９]{0,20}") {
        let _ = guanhu::domain::identity::id_number_problem(&text, now().date());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Arbitrary text as a user policy file: a clear error (naming a key) or a policy.
    #[test]
    fn policy_loader_never_panics_on_any_text(text in any::<String>()) {
        let _ = Policy::from_toml(&[&text]);
    }

    /// The default policy with one value replaced by something odd: refused with a key, or
    /// accepted — and an accepted policy builds a queue without panicking.
    #[test]
    fn policy_values_are_range_checked(
        line in 0usize..400,
        value in prop_oneof![
            Just("-1".to_string()),
            Just("0".to_string()),
            Just("inf".to_string()),
            Just("nan".to_string()),
            Just("\"-0.5\"".to_string()),
            Just("\"1e30\"".to_string()),
            Just("99999999999999999999".to_string()),
            Just("\"79228162514264337593543950335\"".to_string()),
            Just("[]".to_string()),
            Just("\"\"".to_string()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|f| format!("{f:?}")),
        ],
    ) {
        let default = guanhu::domain::policy::DEFAULT_POLICY_TOML;
        let lines: Vec<&str> = default.lines().collect();
        let Some(target) = lines.get(line % lines.len()) else { return Ok(()); };
        let Some((key, _)) = target.split_once(" = ") else { return Ok(()); };
        if key.starts_with('#') || key.contains('[') {
            return Ok(());
        }
        let text: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == line % lines.len() { format!("{key} = {value}") } else { l.to_string() })
            .collect::<Vec<_>>()
            .join("\n");
        match Policy::from_toml(&[&text]) {
            Err(e) => prop_assert!(!e.key.is_empty()),
            Ok(policy) => {
                let store = common::sample_store();
                let _ = guanhu::service::queue::load_today(&store, &policy, common::now(), None);
            }
        }
    }

    /// The app's `:` command line on arbitrary text: a message or a command, never a panic.
    #[test]
    fn the_command_line_never_panics(text in any::<String>()) {
        let mut store = common::sample_store();
        let mut app = common::sample_app(&mut store, Lang::Zh, 24);
        update(&mut app, Action::StartCommand);
        for c in text.chars() {
            update(&mut app, Action::Input(c));
        }
        update(&mut app, Action::Submit);
    }
}

#[test]
fn follow_ups_a_chinese_user_types() {
    let at = |d: u32, h: u32, m: u32| {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .and_then(|x| x.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    };
    assert_eq!(parse_follow_up("+1天", now()), Ok(Some(at(3, 10, 15))));
    assert_eq!(parse_follow_up("+2周", now()), Ok(Some(at(16, 10, 15))));
    assert_eq!(parse_follow_up("+30分", now()), Ok(Some(at(2, 10, 45))));
    assert_eq!(parse_follow_up("+3时", now()), Ok(Some(at(2, 13, 15))));
    assert_eq!(parse_follow_up("+3天", now()), Ok(Some(at(5, 10, 15))));
    assert_eq!(
        parse_follow_up("2026-02-30", now()),
        Err(TimeProblem::NoSuchDate)
    );
    assert_eq!(
        parse_follow_up("+100000000d", now()),
        Err(TimeProblem::OutOfRange)
    );
}

proptest! {
    // A workbook is zipped in memory: fewer cases keep the debug build quick.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The xlsx writer takes any text and any amount without panicking, and what a
    /// customer typed comes back as a string cell, never a formula.
    #[test]
    fn the_xlsx_writer_never_panics_and_keeps_text_text(
        text in any::<String>(),
        lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
        negative in any::<bool>(), scale in 0u32..=28,
        days in -800_000i64..3_000_000,
    ) {
        use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
        use guanhu::export::{Cell, sheet_text, write_xlsx};
        let amount = Decimal::from_parts(lo, mid, hi, negative, scale);
        let day = NaiveDate::from_ymd_opt(2000, 1, 1)
            .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
        let row = vec![
            Cell::Text(text.clone()),
            Cell::Amount(amount),
            day.map_or(Cell::Empty, Cell::Date),
            Cell::Share(amount),
        ];
        let mut out = Vec::new();
        write_xlsx(&mut out, "表", &["名", "额", "日", "比"], vec![row]).unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(out)).unwrap();
        let range = book.worksheet_range("表").unwrap();
        let formulas = book.worksheet_formula("表").unwrap();
        prop_assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
        let kept = sheet_text(&text);
        if !kept.is_empty() {
            prop_assert_eq!(range.get((1, 0)), Some(&Data::String(kept)));
        }
    }
}
