//! Use-cases both the CLI and the TUI call: import a plan, load a manager's book, load one customer, generate a demo store. Each write is one transaction; no terminal code.

pub mod assignment;
pub mod board;
pub mod book;
pub mod diary;
pub mod holds;
mod import;
mod portfolio;
pub mod queue;
pub mod review;
pub mod targets;
pub mod upcoming;

pub use import::{
    ImportReport, Linking, ProspectLine, ProspectVerdict, import_customers,
    import_customers_linking, import_holdings, plan_customers, plan_holdings, preview_prospects,
};
pub use portfolio::{customer_listing, load_customer_detail, load_portfolio, resolve_manager};

/// The row id of the manager `manager_no` names (`None`: the whole store); an unknown number
/// is refused, naming it.
pub(crate) fn manager_id_of(
    conn: &crate::store::Conn,
    manager_no: Option<&str>,
) -> crate::error::Result<Option<i64>> {
    match manager_no {
        Some(no) => Ok(Some(
            crate::store::managers::find_manager(conn, no)?
                .ok_or_else(|| crate::error::Error::NoSuchManager(no.to_string()))?
                .id,
        )),
        None => Ok(None),
    }
}
