//! Matching a hand-added person (a prospect with a local number) to a customer a core-system
//! import brings: by mobile, by ID number, or both — and when the two point different ways,
//! a conflict the manager must settle, never a guess. Pure.

use super::book::normal_id;
use super::identity::mobile_digits;

fn normal_phone(text: &str) -> Option<String> {
    mobile_digits(text).ok()
}

/// A hand-added person not yet linked, as the matcher sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prospect {
    pub id: i64,
    pub local_no: String,
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
}

/// What matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    Mobile,
    IdNumber,
    Both,
}

/// The matcher's verdict for one imported customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProspectMatch {
    /// No prospect has this mobile or ID number.
    None,
    /// One prospect is this customer.
    Link { prospect: i64, by: MatchedBy },
    /// The numbers point at different prospects, or at one whose other number disagrees
    /// (a family sharing a phone): shown, never applied.
    Conflict { prospects: Vec<i64>, why: Conflict },
}

/// Why a match is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// The mobile matches one prospect, the ID number another.
    TwoPeople,
    /// The mobile matches, but the prospect's ID number is another person's.
    IdDiffers,
    /// More than one prospect has this mobile and none has the ID number.
    SharedMobile,
}

/// Matches an imported customer's mobile and ID number against the prospects.
///
/// An ID number names one person, so a match on it wins over a changed mobile; a mobile alone
/// links only when exactly one prospect has it and that prospect has no other ID number.
pub fn match_prospect(
    phone: Option<&str>,
    id_number: Option<&str>,
    prospects: &[Prospect],
) -> ProspectMatch {
    let phone = phone.and_then(normal_phone);
    let id = id_number.map(normal_id).filter(|i| !i.is_empty());
    let same_phone =
        |p: &Prospect| phone.is_some() && p.phone.as_deref().and_then(normal_phone) == phone;
    let same_id = |p: &Prospect| id.is_some() && p.id_number.as_deref().map(normal_id) == id;
    let by_id: Vec<&Prospect> = prospects.iter().filter(|p| same_id(p)).collect();
    let by_phone: Vec<&Prospect> = prospects.iter().filter(|p| same_phone(p)).collect();
    match (by_id.as_slice(), by_phone.as_slice()) {
        ([], []) => ProspectMatch::None,
        ([one], []) => ProspectMatch::Link {
            prospect: one.id,
            by: MatchedBy::IdNumber,
        },
        ([one], phones) if phones.iter().all(|p| p.id == one.id) => ProspectMatch::Link {
            prospect: one.id,
            by: MatchedBy::Both,
        },
        ([one], phones) => ProspectMatch::Conflict {
            prospects: std::iter::once(one.id)
                .chain(phones.iter().map(|p| p.id).filter(|&p| p != one.id))
                .collect(),
            why: Conflict::TwoPeople,
        },
        ([], [one]) => match (&id, one.id_number.as_deref()) {
            (Some(_), Some(theirs)) if !theirs.trim().is_empty() => ProspectMatch::Conflict {
                prospects: vec![one.id],
                why: Conflict::IdDiffers,
            },
            _ => ProspectMatch::Link {
                prospect: one.id,
                by: MatchedBy::Mobile,
            },
        },
        ([], many) => ProspectMatch::Conflict {
            prospects: many.iter().map(|p| p.id).collect(),
            why: Conflict::SharedMobile,
        },
        // Two prospects with one ID number: the book itself is wrong; show them all.
        (ids, phones) => {
            let mut all: Vec<i64> = ids.iter().chain(phones).map(|p| p.id).collect();
            all.sort_unstable();
            all.dedup();
            ProspectMatch::Conflict {
                prospects: all,
                why: Conflict::TwoPeople,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: i64, phone: Option<&str>, id_number: Option<&str>) -> Prospect {
        Prospect {
            id,
            local_no: format!("P{id:06}"),
            name: "王小明".into(),
            phone: phone.map(str::to_string),
            id_number: id_number.map(str::to_string),
        }
    }

    const ID_A: &str = "11010519491231002X";
    const ID_B: &str = "440524188001010014";

    #[test]
    fn the_matching_rule() {
        let book = [
            p(1, Some("13900001111"), None),
            p(2, Some("13900002222"), Some(ID_A)),
            p(3, Some("13700003333"), None),
            p(4, Some("13700003333"), None),
        ];
        let link = |prospect, by| ProspectMatch::Link { prospect, by };
        let cases: [(Option<&str>, Option<&str>, ProspectMatch); 9] = [
            (Some("139 0000 1111"), None, link(1, MatchedBy::Mobile)),
            (
                Some("+8613900001111"),
                Some(ID_B),
                link(1, MatchedBy::Mobile),
            ),
            (
                Some("13600000000"),
                Some(ID_A),
                link(2, MatchedBy::IdNumber),
            ),
            (
                Some("13900002222"),
                Some("11010519491231002x"),
                link(2, MatchedBy::Both),
            ),
            (None, None, ProspectMatch::None),
            (Some("13600000000"), Some(ID_B), ProspectMatch::None),
            (
                Some("13900001111"),
                Some(ID_A),
                ProspectMatch::Conflict {
                    prospects: vec![2, 1],
                    why: Conflict::TwoPeople,
                },
            ),
            (
                Some("13900002222"),
                Some(ID_B),
                ProspectMatch::Conflict {
                    prospects: vec![2],
                    why: Conflict::IdDiffers,
                },
            ),
            (
                Some("13700003333"),
                None,
                ProspectMatch::Conflict {
                    prospects: vec![3, 4],
                    why: Conflict::SharedMobile,
                },
            ),
        ];
        for (phone, id, want) in cases {
            assert_eq!(match_prospect(phone, id, &book), want, "{phone:?} {id:?}");
        }
    }
}
