//! The SMS list for the bank's SMS platform: name, the phone UNMASKED, a personalised
//! message. The bytes hold personal data; saying so is the caller's job.

use std::io::Write;

use super::{Cell, ExportFormat, write_table};
use crate::domain::portfolio::CustomerSummary;
use crate::error::Result;
use crate::i18n::Lang;

/// Puts the customer's name into an SMS template (`{name}您好，…`).
pub fn personalise(template: &str, name: &str) -> String {
    template.replace("{name}", name)
}

/// The SMS list for the bank's SMS platform, with a Chinese header (姓名, 手机号, 短信内容): one row
/// per customer with a phone, the phone UNMASKED, the message personalised from `template`.
/// The bytes hold personal data; the caller should say so.
pub fn sms_list(customers: &[CustomerSummary], template: &str) -> Result<Vec<u8>> {
    sms_list_in(customers, template, Lang::Zh)
}

/// `sms_list` with the header in `lang` (Name, Phone, Message in English).
pub fn sms_list_in(customers: &[CustomerSummary], template: &str, lang: Lang) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_sms_list(&mut out, customers, template, ExportFormat::Csv, lang)?;
    Ok(out)
}

/// The SMS list into a writer as CSV or XLSX; the SMS platform reads no JSON, so the CLI
/// offers none and `Json` here writes CSV.
pub fn write_sms_list(
    out: impl Write,
    customers: &[CustomerSummary],
    template: &str,
    format: ExportFormat,
    lang: Lang,
) -> Result<()> {
    let header = [
        lang.pick("姓名", "Name"),
        lang.pick("手机号", "Phone"),
        lang.pick("短信内容", "Message"),
    ];
    let rows = customers.iter().filter_map(|s| {
        let phone = s.customer.phone.as_deref()?.trim();
        if phone.is_empty() {
            return None;
        }
        Some(vec![
            Cell::Text(s.customer.name.clone()),
            Cell::Text(phone.to_string()),
            Cell::Text(personalise(template, &s.customer.name)),
        ])
    });
    write_table(
        out,
        format,
        lang.pick("短信名单", "SMS list"),
        &header,
        rows,
    )
}
