//! Keeps the layering honest: `domain/` and `app/` never reach for the database, the terminal frame, the store or the UI; `ui/` never touches the store.

use std::fs;
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

fn assert_layer_avoids(layer: &str, forbidden: &[&str]) {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer),
        &mut files,
    );
    assert!(!files.is_empty(), "no sources under src/{layer}");
    for (path, text) in files {
        for word in forbidden {
            assert!(
                !text.contains(word),
                "{path} names `{word}`, which its layer must not use"
            );
        }
    }
}

#[test]
fn domain_is_pure() {
    assert_layer_avoids(
        "domain",
        &[
            "rusqlite",
            "crate::store",
            "crate::ui",
            "ratatui",
            "crossterm",
            "std::fs",
            "Local::now",
            "Utc::now",
        ],
    );
}

#[test]
fn app_does_no_io() {
    assert_layer_avoids(
        "app",
        &[
            "rusqlite",
            "crate::store",
            "crate::ui",
            "crate::service",
            "ratatui::Frame",
            "std::fs",
            "Local::now",
        ],
    );
}

#[test]
fn ui_only_draws() {
    assert_layer_avoids(
        "ui",
        &[
            "rusqlite",
            "crate::store",
            "crate::service",
            "std::fs",
            "Local::now",
        ],
    );
}

#[test]
fn import_does_not_write_the_store() {
    assert_layer_avoids(
        "import",
        &["rusqlite", "crate::store", "crate::ui", "ratatui"],
    );
}

#[test]
fn store_does_not_format_for_display() {
    assert_layer_avoids(
        "store",
        &["crate::ui", "crate::app", "ratatui", "format_yuan"],
    );
}
