//! Policy loaded from files: a corporate scheme replaces the tiers by editing the file alone; invalid files are refused naming the key.

use std::path::Path;

use guanhu::config::{ConfigFile, load_policy};
use guanhu::domain::classify::tier_of;
use guanhu::domain::policy::AumBasis;
use guanhu::i18n::Lang;
use rust_decimal_macros::dec;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/policy")
        .join(name)
}

#[test]
fn a_corporate_scheme_loads_from_a_file() {
    let p = load_policy(Some(&fixture("corporate.toml")), &ConfigFile::default()).unwrap();
    assert_eq!(p.aum.basis, AumBasis::DailyAverage365);
    let names: Vec<&str> = p.tiers.iter().map(|t| t.zh.as_str()).collect();
    assert_eq!(names, ["一般", "中端", "高端", "黄金"]);
    let cases = [
        (dec!(999999.99), "general"),
        (dec!(1000000), "middle"),
        (dec!(4999999.99), "middle"),
        (dec!(5000000), "upper"),
        (dec!(10000000), "gold"),
    ];
    for (aum, key) in cases {
        assert_eq!(p.tiers[tier_of(&p, aum)].key, key, "{aum}");
    }
    // Untouched sections keep the defaults.
    assert_eq!(p.segments.young_below_age, 40);
}

#[test]
fn an_invalid_policy_is_refused_naming_the_key() {
    let err = load_policy(Some(&fixture("bad_order.toml")), &ConfigFile::default()).unwrap_err();
    let en = err.describe(Lang::En);
    assert!(en.contains("key tiers[1].min"), "{en}");
    assert!(en.contains("strictly increase"), "{en}");
    let zh = err.describe(Lang::Zh);
    assert!(
        zh.contains("tiers[1].min") && zh.contains("严格递增"),
        "{zh}"
    );
}

#[test]
fn a_missing_policy_file_is_an_error_naming_the_file() {
    let err = load_policy(
        Some(Path::new("/nonexistent/policy.toml")),
        &ConfigFile::default(),
    )
    .unwrap_err();
    assert!(err.describe(Lang::En).contains("/nonexistent/policy.toml"));
}

/// Values that used to load and then misbehave (a negative threshold, an infinite
/// coefficient that made the queue's JSON write `"score": null`, a capacity of 0, no working
/// days, limits beyond the store's ceiling): each refused naming its key.
#[test]
fn implausible_values_are_refused_naming_the_key() {
    use guanhu::domain::policy::Policy;
    let cases = [
        (
            "[signals]\nlarge_outflow_amount = -500000",
            "signals.large_outflow_amount",
        ),
        ("[urgency]\ncallback = inf", "urgency.callback"),
        ("[urgency]\nmaturity = nan", "urgency.maturity"),
        ("[urgency]\ntier = -1.0", "urgency.tier"),
        ("[workload]\ndaily_capacity = 0", "workload.daily_capacity"),
        ("[workload]\nworking_days = []", "workload.working_days"),
        ("[limits]\nmax_sale_amount = 0", "limits.max_sale_amount"),
        (
            "[limits]\nmax_balance = \"79228162514264337593543950335\"",
            "limits.max_balance",
        ),
        ("[targets.weekly]\nsales_amount = \"1e30\"", "targets"),
    ];
    for (text, key) in cases {
        let err = Policy::from_toml(&[text]).expect_err(text);
        assert!(err.key.starts_with(key), "{text}: {err}");
    }
    let p = Policy::from_toml(&["[limits]\nmax_sale_amount = 5_000_000_000"]).unwrap();
    assert_eq!(p.limits.max_sale_amount, dec!(5000000000));
}
