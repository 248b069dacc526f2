//! The store is an interface: the services reach SQLite only through `store::{Read, Write, Conn}`, so no service file names `rusqlite`.

use std::fs;
use std::path::Path;

#[test]
fn services_do_not_name_rusqlite() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/service");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("rusqlite"),
            "{} names `rusqlite`; use the store's Read/Write handles",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 5, "only {checked} service files found");
}
