//! `guanhu customers add|edit|note|relate`: the manager's own book from the command line —
//! add a person by hand (a prospect with a local number), change details (each change kept),
//! pin a note, link two customers. The rules and the writes are `service::book`'s.

use clap::{Args, Subcommand};

use super::output::{After, emit_lines, note};
use super::settings::Settings;
use crate::clock;
use crate::domain::book::{EditField, NewPerson, RelationKind};
use crate::error::{Error, Result};
use crate::i18n::fill;
use crate::service::book;
use crate::store::Store;

/// `guanhu customers …`
#[derive(Debug, Subcommand)]
pub enum CustomersAction {
    /// Add a person by hand (walk-in, referral…): a local number until the core system's import links them.
    Add(AddArgs),
    /// Change a customer's details; every change is kept in the history. An empty value clears.
    Edit(EditArgs),
    /// Pin a note to a customer ("不喜欢电话，微信联系").
    Note(NoteArgs),
    /// Link two customers: the other is the customer's spouse, parent, child, same employer or other.
    Relate(RelateArgs),
}

/// Options of `guanhu customers add`. The manager is `--manager` (default: me).
#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long)]
    pub name: String,
    /// Mainland mobile number.
    #[arg(long)]
    pub phone: Option<String>,
    /// Resident ID number (checked: GB 11643).
    #[arg(long)]
    pub id_number: Option<String>,
    /// How they came: walk_in, referral, event, teller, other (or the policy's words).
    #[arg(long)]
    pub source: Option<String>,
    /// The customer number of the customer who referred them.
    #[arg(long)]
    pub referred_by: Option<String>,
    /// The staff number of the colleague who referred them (a teller's referral).
    #[arg(long)]
    pub referred_by_staff: Option<String>,
    /// A first note, pinned.
    #[arg(long)]
    pub note: Option<String>,
}

/// Options of `guanhu customers edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// Customer number (or a hand-added person's local number).
    pub customer_no: String,
    /// Name (only for a person added by hand and not yet linked).
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// ID number (only for a person added by hand and not yet linked).
    #[arg(long)]
    pub id_number: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub employer: Option<String>,
    #[arg(long)]
    pub occupation: Option<String>,
    /// Comma-separated tags.
    #[arg(long)]
    pub tags: Option<String>,
    /// investment or savings (empty: judged from the assets).
    #[arg(long)]
    pub preference: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
}

/// Options of `guanhu customers note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    pub customer_no: String,
    pub text: String,
    /// Keep the note without pinning it to the top of the detail.
    #[arg(long)]
    pub unpinned: bool,
}

/// Options of `guanhu customers relate`.
#[derive(Debug, Args)]
pub struct RelateArgs {
    pub customer_no: String,
    pub other_no: String,
    /// spouse, parent, child, same_employer or other (or 配偶, 父母, 子女, 同一企业, 其他).
    #[arg(long = "as")]
    pub kind: String,
}

/// Runs `guanhu customers add|edit|note|relate`.
pub fn run(s: &Settings, store: &mut Store, action: &CustomersAction) -> Result<i32> {
    let lang = s.lang;
    let now = clock::now_on(s.today);
    let me = s.manager();
    let line = match action {
        CustomersAction::Add(a) => {
            let person = NewPerson {
                name: a.name.clone(),
                phone: a.phone.clone(),
                id_number: a.id_number.clone(),
                source: a.source.clone(),
                referred_by_customer: a.referred_by.clone(),
                referred_by_staff: a.referred_by_staff.clone(),
                note: a.note.clone(),
                manager_no: None,
            };
            let added =
                book::add_person(store, &s.policy, lang, &person, me.as_deref(), s.today, now)?;
            if let Some(phone) = person
                .phone
                .as_deref()
                .and_then(|p| crate::domain::identity::mobile_digits(p).ok())
                && let Some((no, name)) = book::same_mobile_other(store, &phone, added.id)?
            {
                note(&fill(
                    lang.pick(
                        "提示：客户 {} {} 也用这个手机号",
                        "note: customer {} {} has this mobile too",
                    ),
                    &[&no, &name],
                ));
            }
            fill(
                lang.pick("已新增 {}（{}）", "Added {} ({})"),
                &[&a.name.trim(), &added.local_no],
            )
        }
        CustomersAction::Edit(a) => {
            let edits: Vec<(EditField, String)> = [
                (EditField::Name, &a.name),
                (EditField::Phone, &a.phone),
                (EditField::IdNumber, &a.id_number),
                (EditField::Address, &a.address),
                (EditField::Employer, &a.employer),
                (EditField::Occupation, &a.occupation),
                (EditField::Tags, &a.tags),
                (EditField::Preference, &a.preference),
                (EditField::Source, &a.source),
            ]
            .into_iter()
            .filter_map(|(f, v)| v.clone().map(|v| (f, v)))
            .collect();
            if edits.is_empty() {
                return Err(Error::Input(
                    lang.pick(
                        "没有要修改的内容（例如 --phone 13900001111）",
                        "nothing to change (for example --phone 13900001111)",
                    )
                    .into(),
                ));
            }
            let by = me.clone().unwrap_or_default();
            let ids = book::edit_customer(
                store,
                &s.policy,
                lang,
                &a.customer_no,
                &edits,
                &by,
                s.today,
                now,
            )?;
            fill(
                lang.pick("已修改 {} 项（{}）", "changed {} field(s) ({})"),
                &[&ids.len(), &a.customer_no],
            )
        }
        CustomersAction::Note(a) => {
            let by = me.clone().unwrap_or_default();
            book::add_note(store, lang, &a.customer_no, &a.text, !a.unpinned, &by, now)?;
            fill(
                lang.pick("已添加备注（{}）", "note added ({})"),
                &[&a.customer_no],
            )
        }
        CustomersAction::Relate(a) => {
            let kind = RelationKind::parse(&a.kind).ok_or_else(|| {
                Error::Input(fill(
                    lang.pick(
                        "未知关系 {}（可用：spouse, parent, child, same_employer, other）",
                        "unknown relation {} (use: spouse, parent, child, same_employer, other)",
                    ),
                    &[&a.kind],
                ))
            })?;
            book::relate(store, lang, &a.customer_no, &a.other_no, kind, now)?;
            fill(
                lang.pick("已关联：{} 是 {} 的{}", "linked: {} is {}'s {}"),
                &[
                    &a.other_no,
                    &a.customer_no,
                    &lang.pick(kind.zh(), kind.en()),
                ],
            )
        }
    };
    emit_lines(&[line], After::Commit)?;
    Ok(0)
}
