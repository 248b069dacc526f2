//! The `guanhu` binary (temporarily a stub while the CLI is wired).
fn main() {}
