//! The customer book end to end on in-memory stores: a person added by hand gets a local
//! number and the stage 潜在, the next core import matches them (held back without a yes,
//! linked with it) and the diary logged before stays on the merged customer; a detail edit is
//! kept in the history and undoes and redoes; the command line adds, links and refuses.

mod common;

use guanhu::domain::book::{EditField, NewPerson, RelationKind};
use guanhu::domain::classify::Lifecycle;
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::import::{FileFormat, read_customers};
use guanhu::service::{
    self, Linking, ProspectVerdict, book, import_customers_linking, load_customer_detail,
};
use guanhu::store::Store;

fn walk_in(name: &str, phone: &str) -> NewPerson {
    NewPerson {
        name: name.into(),
        phone: Some(phone.into()),
        source: Some("到店".into()),
        note: Some("不喜欢电话，微信联系".into()),
        ..NewPerson::default()
    }
}

fn import(store: &mut Store, csv: &str, linking: Linking) -> service::ImportReport {
    let plan = read_customers(csv.as_bytes(), FileFormat::Csv, None).unwrap();
    import_customers_linking(
        store,
        plan,
        None,
        common::today(),
        common::now(),
        false,
        linking,
    )
    .unwrap()
}

fn call(customer_no: &str) -> EntryDraft {
    EntryDraft {
        kind: EntryKind::Call,
        customer_no: Some(customer_no.into()),
        occurred_at: common::now(),
        outcome: Some(Outcome::Reached),
        note: "首次来电，约下周到店".into(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

const CORE: &str = "客户号,姓名,手机号,管户经理工号,存款\nC7001,王小明,13900001111,M001,50000\n";

#[test]
fn a_hand_added_prospect_is_matched_by_the_next_import_and_keeps_its_diary() {
    let mut store = Store::open_in_memory().unwrap();
    let policy = Policy::default_policy();
    let added = book::add_person(
        &mut store,
        &policy,
        Lang::Zh,
        &walk_in("王小明", "139 0000 1111"),
        Some("M001"),
        common::today(),
        common::now(),
    )
    .unwrap();
    assert_eq!(added.local_no, "P000001");
    let detail = load_customer_detail(&store, &policy, common::today(), &added.local_no).unwrap();
    assert_eq!(detail.summary.class.lifecycle, Lifecycle::Prospect);
    assert_eq!(
        detail.summary.customer.phone.as_deref(),
        Some("13900001111")
    );
    assert_eq!(detail.book.source.as_deref(), Some("walk_in"));
    assert_eq!(detail.book.pinned().count(), 1);
    service::diary::log_entries(&mut store, Some("M001"), &[call("P000001")], common::now())
        .unwrap();

    // Without a yes the match is listed and the row held back: nothing is merged silently.
    let held = import(&mut store, CORE, Linking::HoldBack);
    assert_eq!((held.added, held.updated), (0, 0));
    assert!(matches!(
        held.prospects[0].verdict,
        ProspectVerdict::HeldBack(_)
    ));
    assert!(load_customer_detail(&store, &policy, common::today(), "C7001").is_err());

    let linked = import(&mut store, CORE, Linking::Apply);
    assert_eq!((linked.added, linked.updated), (0, 1));
    assert_eq!(linked.prospects[0].prospects[0].0, "P000001");
    let detail = load_customer_detail(&store, &policy, common::today(), "C7001").unwrap();
    assert_eq!(
        detail.timeline.len(),
        1,
        "the diary stays with the merged customer"
    );
    assert_eq!(detail.timeline[0].draft.note, "首次来电，约下周到店");
    assert_eq!(detail.book.local_no.as_deref(), Some("P000001"));
    assert!(detail.book.linked_at.is_some() && !detail.book.is_prospect());
    assert_eq!(detail.book.pinned().count(), 1, "the note stays too");
    assert!(detail.book.changes.iter().any(|c| c.via == "link"
        && c.old_value.as_deref() == Some("P000001")
        && c.new_value.as_deref() == Some("C7001")));
    assert!(load_customer_detail(&store, &policy, common::today(), "P000001").is_err());

    // Imported again: an ordinary unchanged row, no second match.
    let again = import(&mut store, CORE, Linking::Apply);
    assert_eq!((again.added, again.unchanged), (0, 1));
    assert!(again.prospects.is_empty());
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    assert_eq!(store.foreign_key_violations().unwrap(), 0);
}

#[test]
fn conflicting_numbers_import_apart_and_leave_the_prospect_alone() {
    let mut store = Store::open_in_memory().unwrap();
    let policy = Policy::default_policy();
    let mut person = walk_in("王小明", "13900001111");
    person.id_number = Some("11010519491231002X".into());
    book::add_person(
        &mut store,
        &policy,
        Lang::Zh,
        &person,
        Some("M001"),
        common::today(),
        common::now(),
    )
    .unwrap();
    let csv = "客户号,姓名,手机号,证件号码\nC7002,王小红,13900001111,440524198001010013\n";
    let report = import(&mut store, csv, Linking::Apply);
    assert_eq!(report.added, 1);
    assert!(matches!(
        report.prospects[0].verdict,
        ProspectVerdict::Conflict(_)
    ));
    let prospect = load_customer_detail(&store, &policy, common::today(), "P000001").unwrap();
    assert!(prospect.book.is_prospect());
}

#[test]
fn a_detail_edit_keeps_its_history_and_undoes() {
    let mut store = common::sample_store();
    let policy = Policy::default_policy();
    let no = "C0001";
    let before = load_customer_detail(&store, &policy, common::today(), no).unwrap();
    let edits = [
        (EditField::Phone, "+86 137 0000 9999".to_string()),
        (EditField::Address, "北京市朝阳区建国路 1 号".to_string()),
        (EditField::Tags, "退休，广场舞".to_string()),
    ];
    let ids = book::edit_customer(
        &mut store,
        &policy,
        Lang::Zh,
        no,
        &edits,
        "M001",
        common::today(),
        common::now(),
    )
    .unwrap();
    assert_eq!(ids.len(), 3);
    let after = load_customer_detail(&store, &policy, common::today(), no).unwrap();
    assert_eq!(after.summary.customer.phone.as_deref(), Some("13700009999"));
    assert_eq!(after.summary.customer.tags, vec!["退休", "广场舞"]);
    assert_eq!(
        after.book.address.as_deref(),
        Some("北京市朝阳区建国路 1 号")
    );
    let phone_change = after
        .book
        .changes
        .iter()
        .find(|c| c.field == "phone")
        .unwrap();
    assert_eq!(phone_change.old_value, before.summary.customer.phone);
    assert_eq!(phone_change.by, "M001");

    book::set_edits_undone(&mut store, &ids, true, common::now()).unwrap();
    let undone = load_customer_detail(&store, &policy, common::today(), no).unwrap();
    assert_eq!(undone.summary.customer.phone, before.summary.customer.phone);
    assert_eq!(undone.summary.customer.tags, before.summary.customer.tags);
    assert_eq!(undone.book.address, None);
    assert!(
        undone
            .book
            .changes
            .iter()
            .filter(|c| c.via == "hand")
            .all(|c| c.undone)
    );

    book::set_edits_undone(&mut store, &ids, false, common::now()).unwrap();
    let redone = load_customer_detail(&store, &policy, common::today(), no).unwrap();
    assert_eq!(
        redone.summary.customer.phone.as_deref(),
        Some("13700009999")
    );

    // A bad value writes nothing and names its field; the core system's name is not ours.
    let bad = book::edit_customer(
        &mut store,
        &policy,
        Lang::En,
        no,
        &[
            (EditField::Address, "新地址".into()),
            (EditField::Phone, "12345".into()),
        ],
        "M001",
        common::today(),
        common::now(),
    )
    .unwrap_err();
    assert!(bad.to_string().contains("Mobile"), "{bad}");
    let name = book::edit_customer(
        &mut store,
        &policy,
        Lang::Zh,
        no,
        &[(EditField::Name, "别名".into())],
        "M001",
        common::today(),
        common::now(),
    )
    .unwrap_err();
    assert!(name.to_string().contains("核心系统"), "{name}");
    let kept = load_customer_detail(&store, &policy, common::today(), no).unwrap();
    assert_eq!(
        kept.book.address.as_deref(),
        Some("北京市朝阳区建国路 1 号")
    );
}

#[test]
fn relations_referrals_and_the_household_total() {
    let mut store = common::sample_store();
    let policy = Policy::default_policy();
    let mut person = walk_in("周小燕", "13600006666");
    person.referred_by_customer = Some("C0001".into());
    person.source = Some("referral".into());
    let added = book::add_person(
        &mut store,
        &policy,
        Lang::Zh,
        &person,
        Some("M001"),
        common::today(),
        common::now(),
    )
    .unwrap();
    book::relate(
        &mut store,
        Lang::Zh,
        "C0001",
        "C0002",
        RelationKind::Spouse,
        common::now(),
    )
    .unwrap();
    book::relate(
        &mut store,
        Lang::Zh,
        "C0001",
        "C0003",
        RelationKind::Child,
        common::now(),
    )
    .unwrap();
    let one = load_customer_detail(&store, &policy, common::today(), "C0001").unwrap();
    let two = load_customer_detail(&store, &policy, common::today(), "C0002").unwrap();
    let three = load_customer_detail(&store, &policy, common::today(), "C0003").unwrap();
    assert_eq!(one.book.referrals, 1);
    assert_eq!(
        one.book.household_aum,
        one.summary.class.aum + two.summary.class.aum + three.summary.class.aum
    );
    assert_eq!(
        three.book.relations[0].kind,
        RelationKind::Parent,
        "read from the child's end"
    );
    let referred = load_customer_detail(&store, &policy, common::today(), &added.local_no).unwrap();
    assert!(matches!(
        referred.book.referrer,
        Some(guanhu::domain::book::Referrer::Customer { ref customer_no, .. }) if customer_no == "C0001"
    ));
    let week = guanhu::store::book::referrals_received(
        store.conn(),
        None,
        common::today(),
        common::today(),
    )
    .unwrap();
    assert_eq!(week, 1);
    let review = service::review::load_week_without_queue(
        &store,
        &policy,
        "M001",
        common::today(),
        common::today(),
    )
    .unwrap();
    assert_eq!(
        review.review.referrals_received, 1,
        "the review counts the referral"
    );
}
