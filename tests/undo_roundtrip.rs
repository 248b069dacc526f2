//! Every diary kind round-trips through the store unchanged; undo and redo of a log, an amendment, a deletion and a bulk SMS, each recorded, through the driver's effects.

mod common;

use guanhu::app::{Action, App, Effect, UndoStep};
use guanhu::domain::customer::{ProductKind, RiskLevel};
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome, Sale};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::service::diary::{entry_history, load_entry, log_entries};
use guanhu::store::Store;
use guanhu::tui::Effects;
use rust_decimal_macros::dec;

fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
    common::today().and_hms_opt(h, m, 0).unwrap()
}

fn full_draft(kind: EntryKind) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: kind.needs_customer().then(|| "C0005".to_string()),
        occurred_at: at(9, 41),
        outcome: kind.has_outcome().then_some(Outcome::CallbackRequested),
        note: format!("{}：客户关心养老规划，约下周二面谈", kind.key()),
        follow_up_at: Some(at(15, 30)),
        sale: (kind == EntryKind::Sale).then(|| Sale {
            product_kind: ProductKind::Wealth,
            product_code: "WM2026A018".into(),
            product_name: "稳利丰180天".into(),
            amount: Some(dec!(300000.50)),
            maturity_on: Some(common::d(2027, 5, 24)),
        }),
        risk_level: (kind == EntryKind::RiskAssessment).then_some(RiskLevel::C4),
    }
}

#[test]
fn every_kind_round_trips() {
    let mut store = common::sample_store();
    for kind in EntryKind::ALL {
        let draft = full_draft(kind);
        let ids = log_entries(
            &mut store,
            Some("M001"),
            std::slice::from_ref(&draft),
            at(10, 0),
        )
        .unwrap();
        let stored = load_entry(&store, ids[0]).unwrap();
        assert_eq!(stored.draft, draft, "{kind:?}");
        assert_eq!(stored.manager_no.as_deref(), Some("M001"));
        assert!(!stored.amended && !stored.deleted);
        assert_eq!(stored.created_at, at(10, 0));
    }
}

/// Runs an effect through the driver's effect runner and returns the action it answers with.
fn run(store: &mut Store, app: &App, effect: Effect) -> Action {
    let policy = Policy::default_policy();
    let mut effects = Effects {
        store,
        policy: &policy,
        today: common::today(),
    };
    effects.run(effect, app)
}

fn app() -> App {
    App::new(
        Lang::Zh,
        common::today(),
        Policy::default_policy(),
        Some("M001".into()),
        String::new(),
    )
}

#[test]
fn undo_and_redo_of_each_kind_of_step() {
    let mut store = common::sample_store();
    let app = app();
    let call = full_draft(EntryKind::Call);

    // A log.
    let ids = log_entries(
        &mut store,
        Some("M001"),
        std::slice::from_ref(&call),
        at(10, 0),
    )
    .unwrap();
    let step = UndoStep::Logged(ids.clone());
    run(&mut store, &app, Effect::Undo(step.clone()));
    assert!(load_entry(&store, ids[0]).unwrap().deleted);
    run(&mut store, &app, Effect::Redo(step));
    assert!(!load_entry(&store, ids[0]).unwrap().deleted);

    // An amendment.
    let mut after = call.clone();
    after.note = "改：客户已同意面谈".into();
    let answer = run(
        &mut store,
        &app,
        Effect::AmendEntry {
            id: ids[0],
            draft: Box::new(after.clone()),
        },
    );
    assert_eq!(answer, Action::EntriesSaved(vec![ids[0]]));
    let step = UndoStep::Amended {
        id: ids[0],
        before: Box::new(call.clone()),
        after: Box::new(after.clone()),
    };
    run(&mut store, &app, Effect::Undo(step.clone()));
    assert_eq!(load_entry(&store, ids[0]).unwrap().draft.note, call.note);
    run(&mut store, &app, Effect::Redo(step));
    assert_eq!(load_entry(&store, ids[0]).unwrap().draft.note, after.note);

    // A deletion.
    let answer = run(&mut store, &app, Effect::DeleteEntries(ids.clone()));
    assert_eq!(answer, Action::EntriesDeleted(ids.clone()));
    let step = UndoStep::Deleted(ids.clone());
    run(&mut store, &app, Effect::Undo(step.clone()));
    assert!(!load_entry(&store, ids[0]).unwrap().deleted);
    run(&mut store, &app, Effect::Redo(step));
    assert!(load_entry(&store, ids[0]).unwrap().deleted);

    // Every change above is kept as a revision, undo and redo included.
    let actions: Vec<String> = entry_history(&store, ids[0])
        .unwrap()
        .into_iter()
        .map(|(_, a, _)| a)
        .collect();
    assert_eq!(
        actions,
        [
            "undo", "redo", "amend", "amend", "amend", "delete", "undo", "redo"
        ]
    );

    // A bulk SMS is one step.
    let sms: Vec<EntryDraft> = ["C0001", "C0002", "C0003"]
        .iter()
        .map(|no| EntryDraft {
            kind: EntryKind::Sms,
            customer_no: Some(no.to_string()),
            occurred_at: at(11, 0),
            outcome: None,
            note: "您好，本周理财产品到期提醒".into(),
            follow_up_at: None,
            sale: None,
            risk_level: None,
        })
        .collect();
    let answer = run(&mut store, &app, Effect::SaveEntries(sms));
    let Action::EntriesSaved(bulk) = answer else {
        panic!("{answer:?}")
    };
    assert_eq!(bulk.len(), 3);
    let step = UndoStep::Logged(bulk.clone());
    run(&mut store, &app, Effect::Undo(step.clone()));
    assert!(
        bulk.iter()
            .all(|id| load_entry(&store, *id).unwrap().deleted)
    );
    run(&mut store, &app, Effect::Redo(step));
    assert!(
        bulk.iter()
            .all(|id| !load_entry(&store, *id).unwrap().deleted)
    );
}
