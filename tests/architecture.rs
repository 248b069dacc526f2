//! Keeps the shape of the code honest by reading it with `syn`: no upward import between layers, no
//! I/O names in the pure layers, `ui` never mutates app state, no long files, no cycles. It only reads
//! `src/`; it must not grow exceptions for code that breaks a rule (fix the code instead).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use syn::visit::{self, Visit};

/// Layer ranks, lowest first. A module may name its own rank or lower. `tabs`, `export` and `demo` are
/// listed even while some do not exist as top-level modules, so the rule already holds when they land.
const RANKS: &[(&str, u8)] = &[
    ("domain", 0),
    ("store", 1),
    ("import", 1),
    ("service", 2),
    ("export", 3),
    ("demo", 3),
    ("app", 4),
    ("tabs", 4),
    ("ui", 5),
    ("tui", 6),
    ("cli", 7),
];

/// Anyone may use these; they still take part in the cycle check, so they cannot lean back on a layer.
const LEAVES: &[&str] = &["i18n", "error", "clock", "config"];

/// What the pure layers (`domain`, `app`, `tabs`) never name: the store, the database, the terminal, the
/// clock. A path is caught when it starts with one of these (segment by segment).
const IMPURE: &[&str] = &[
    "crate::store",
    "rusqlite",
    "ratatui::backend",
    "crossterm::terminal",
    "crossterm::event::read",
    "crossterm::event::poll",
    "crate::clock",
    "chrono::Local",
    "chrono::Utc::now",
    "std::time::SystemTime",
];
const PURE_LAYERS: &[&str] = &["domain", "app", "tabs"];

/// The only things a `ui` function may borrow mutably: what it draws into and widget scroll state.
const UI_MUT_ALLOWED: &[&str] = &[
    "Frame",
    "Buffer",
    "TableState",
    "ListState",
    "ScrollbarState",
];

const MAX_LINES: usize = 600;
const LONG_FILE_EXEMPT: &[&str] = &["src/i18n.rs"];

/// One place a file names a path: a `use` leaf (or glob prefix) or a path in code, already resolved.
#[derive(Debug, Clone)]
struct Ref {
    line: usize,
    /// Resolved: `crate::…` for this crate, else as written (an extern crate).
    path: Vec<String>,
    /// When the first segment came from a `use` alias, the alias's own resolved path; that `use` line
    /// is already judged, so a rule only reports here when the longer path adds a new match.
    via_alias: Option<Vec<String>>,
    /// A `use path::*`: it may bring in any name under `path` without spelling it.
    glob: bool,
}

/// A `&mut T` parameter of a fn, by the last name of `T` (or how `T` reads when it is not a path).
#[derive(Debug, Clone)]
struct MutParam {
    line: usize,
    ty: String,
}

#[derive(Debug, Default)]
struct Facts {
    refs: Vec<Ref>,
    mut_params: Vec<MutParam>,
    /// Uses of `std::cell::Cell`/`RefCell` (or a bare `RefCell` the collector could not resolve).
    cells: Vec<usize>,
}

struct SourceFile {
    rel: String,
    module: Vec<String>,
    ast: syn::File,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Violation {
    file: String,
    line: usize,
    rule: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.rule)
    }
}

fn seg(s: &str) -> Vec<String> {
    s.split("::").map(str::to_owned).collect()
}

fn starts_with(path: &[String], prefix: &[String]) -> bool {
    path.len() >= prefix.len() && path.iter().zip(prefix).all(|(a, b)| a == b)
}

fn line_of(span: proc_macro2::Span) -> usize {
    span.start().line
}

// ---------------------------------------------------------------- collecting

/// Module-wide knowledge the resolver needs: which modules exist (files and inline `mod`s) and what
/// each module's `use` items bring in by name.
#[derive(Default)]
struct Scope {
    modules: BTreeSet<Vec<String>>,
    aliases: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>,
}

impl Scope {
    /// Resolves `segments` as written inside `module`; `None` when it cannot be placed (`super` above
    /// the crate root). Aliases are looked up only when `use_aliases` is set, so a `use` tree is
    /// resolved from modules and keywords alone.
    fn resolve(
        &self,
        module: &[String],
        leading_colon: bool,
        segments: &[String],
        use_aliases: bool,
    ) -> Option<(Vec<String>, Option<Vec<String>>)> {
        let first = segments.first()?;
        let mut base: Vec<String>;
        let mut rest = segments;
        let mut via_alias = None;
        if leading_colon {
            base = Vec::new();
        } else if first == "crate" || first == "guanhu" {
            base = vec!["crate".to_owned()];
            rest = &segments[1..];
        } else if first == "self" || first == "super" {
            base = std::iter::once("crate".to_owned())
                .chain(module.iter().cloned())
                .collect();
            while let Some(s) = rest.first() {
                if s == "self" {
                    rest = &rest[1..];
                } else if s == "super" {
                    if base.len() <= 1 {
                        return None;
                    }
                    base.pop();
                    rest = &rest[1..];
                } else {
                    break;
                }
            }
        } else if let Some(target) = use_aliases
            .then(|| self.aliases.get(module).and_then(|m| m.get(first)))
            .flatten()
        {
            base = target.clone();
            via_alias = Some(target.clone());
            rest = &segments[1..];
        } else if self.modules.contains(&[module, &segments[..1]].concat()) {
            base = std::iter::once("crate".to_owned())
                .chain(module.iter().cloned())
                .collect();
        } else {
            base = Vec::new();
        }
        base.extend(rest.iter().cloned());
        // ratatui re-exports crossterm; naming it through ratatui is naming it.
        if base.len() >= 2 && base[0] == "ratatui" && base[1] == "crossterm" {
            base.remove(0);
        }
        Some((base, via_alias))
    }
}

/// A flattened `use` leaf: the path as written, what it is called here (`None` for a glob), its line.
struct UseLeaf {
    leading_colon: bool,
    path: Vec<String>,
    name: Option<String>,
    line: usize,
}

fn flatten_use(tree: &syn::UseTree, prefix: &mut Vec<String>, lead: bool, out: &mut Vec<UseLeaf>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, lead, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let ident = n.ident.to_string();
            let (path, name) = if ident == "self" {
                (prefix.clone(), prefix.last().cloned())
            } else {
                let mut p = prefix.clone();
                p.push(ident.clone());
                (p, Some(ident))
            };
            out.push(UseLeaf {
                leading_colon: lead,
                path,
                name,
                line: line_of(n.ident.span()),
            });
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            if r.ident != "self" {
                path.push(r.ident.to_string());
            }
            out.push(UseLeaf {
                leading_colon: lead,
                path,
                name: Some(r.rename.to_string()),
                line: line_of(r.ident.span()),
            });
        }
        syn::UseTree::Glob(g) => out.push(UseLeaf {
            leading_colon: lead,
            path: prefix.clone(),
            name: None,
            line: line_of(g.star_token.spans[0]),
        }),
        syn::UseTree::Group(g) => {
            for item in &g.items {
                flatten_use(item, prefix, lead, out);
            }
        }
    }
}

/// Pass one: inline modules and `use` leaves, per module.
struct UseCollector {
    module: Vec<String>,
    modules: Vec<Vec<String>>,
    uses: Vec<(Vec<String>, UseLeaf)>,
}

impl<'ast> Visit<'ast> for UseCollector {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if m.content.is_some() {
            self.module.push(m.ident.to_string());
            self.modules.push(self.module.clone());
            visit::visit_item_mod(self, m);
            self.module.pop();
        }
    }
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut leaves = Vec::new();
        flatten_use(
            &u.tree,
            &mut Vec::new(),
            u.leading_colon.is_some(),
            &mut leaves,
        );
        for leaf in leaves {
            self.uses.push((self.module.clone(), leaf));
        }
    }
}

/// Pass two: every path in code (types, expressions, patterns, attributes, and the arguments of
/// macros that parse as expressions), `&mut` parameters, and cells.
struct PathCollector<'a> {
    scope: &'a Scope,
    module: Vec<String>,
    impl_self: Vec<String>,
    facts: Facts,
}

impl PathCollector<'_> {
    fn record(&mut self, leading_colon: bool, segments: &[String], line: usize) {
        if segments.first().is_some_and(|s| s == "Self") {
            return;
        }
        if let Some((path, via_alias)) =
            self.scope
                .resolve(&self.module, leading_colon, segments, true)
        {
            let is_cell = starts_with(&path, &seg("std::cell::Cell"))
                || starts_with(&path, &seg("std::cell::RefCell"))
                || starts_with(&path, &seg("core::cell::Cell"))
                || starts_with(&path, &seg("core::cell::RefCell"))
                || (via_alias.is_none() && path.first().is_some_and(|s| s == "RefCell"));
            if is_cell {
                self.facts.cells.push(line);
            }
            self.facts.refs.push(Ref {
                line,
                path,
                via_alias,
                glob: false,
            });
        }
    }

    fn mut_param(&mut self, ty: &syn::Type) {
        let syn::Type::Reference(r) = ty else {
            return;
        };
        if r.mutability.is_none() {
            return;
        }
        let line = line_of(r.and_token.spans[0]);
        let name = match &*r.elem {
            syn::Type::Path(p) => p
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default(),
            other => type_kind(other),
        };
        let name = if name == "Self" {
            self.impl_self
                .last()
                .cloned()
                .unwrap_or_else(|| "Self".into())
        } else {
            name
        };
        self.facts.mut_params.push(MutParam { line, ty: name });
    }
}

impl<'ast> Visit<'ast> for PathCollector<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if m.content.is_some() {
            self.module.push(m.ident.to_string());
            visit::visit_item_mod(self, m);
            self.module.pop();
        }
    }
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut leaves = Vec::new();
        flatten_use(
            &u.tree,
            &mut Vec::new(),
            u.leading_colon.is_some(),
            &mut leaves,
        );
        for leaf in leaves {
            if let Some((path, _)) =
                self.scope
                    .resolve(&self.module, leaf.leading_colon, &leaf.path, false)
            {
                let is_cell =
                    starts_with(&path, &seg("std::cell")) || starts_with(&path, &seg("core::cell"));
                let names_cell = leaf.name.is_none()
                    || path
                        .last()
                        .is_some_and(|s| s == "Cell" || s == "RefCell" || s == "cell");
                if is_cell && names_cell {
                    self.facts.cells.push(leaf.line);
                }
                self.facts.refs.push(Ref {
                    line: leaf.line,
                    path,
                    via_alias: None,
                    glob: leaf.name.is_none(),
                });
            }
        }
    }
    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        if let Some(first) = p.segments.first() {
            self.record(
                p.leading_colon.is_some(),
                &segments,
                line_of(first.ident.span()),
            );
        }
        visit::visit_path(self, p);
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        visit::visit_macro(self, m);
        // `format!`, `assert_eq!`, `vec!` and friends hide their arguments in tokens; most parse as a
        // comma-separated list of expressions, and those are read like any other code.
        let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        if let Ok(args) = syn::parse::Parser::parse2(parser, m.tokens.clone()) {
            for expr in &args {
                self.visit_expr(expr);
            }
        }
    }
    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let name = match &*i.self_ty {
            syn::Type::Path(p) => p
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default(),
            other => type_kind(other),
        };
        self.impl_self.push(name);
        visit::visit_item_impl(self, i);
        self.impl_self.pop();
    }
    fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
        self.impl_self.push("Self".into());
        visit::visit_item_trait(self, t);
        self.impl_self.pop();
    }
    fn visit_fn_arg(&mut self, arg: &'ast syn::FnArg) {
        match arg {
            syn::FnArg::Receiver(r) => self.mut_param(&r.ty),
            syn::FnArg::Typed(t) => self.mut_param(&t.ty),
        }
        visit::visit_fn_arg(self, arg);
    }
}

/// How a non-path type reads in a message (`&mut [T]`, `&mut impl Trait`).
fn type_kind(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Slice(_) => "[..]".into(),
        syn::Type::Array(_) => "[..; N]".into(),
        syn::Type::ImplTrait(_) => "impl ..".into(),
        syn::Type::TraitObject(_) => "dyn ..".into(),
        syn::Type::Reference(_) => "&..".into(),
        _ => "(a non-path type)".into(),
    }
}

/// The module path of a file under `src/` (`src/app/mod.rs` → `app`, `src/tui.rs` → `tui`).
fn module_of(rel_in_src: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel_in_src
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" {
            parts.push(stem.to_owned());
        }
    }
    parts
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.map(|e| e.path()).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Reads every `src/**/*.rs` of the library (the binary's `main.rs` is judged only for its length).
fn read_sources() -> (Vec<SourceFile>, Vec<(String, usize)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    walk(&root.join("src"), &mut paths);
    let mut files = Vec::new();
    let mut lengths = Vec::new();
    for path in paths {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        lengths.push((rel.clone(), text.lines().count()));
        if rel == "src/main.rs" {
            continue;
        }
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let module = module_of(path.strip_prefix(root.join("src")).unwrap_or(&path));
        files.push(SourceFile { rel, module, ast });
    }
    (files, lengths)
}

/// Collects the facts of every file, resolving names across the whole crate.
fn collect(files: &[SourceFile]) -> Vec<Facts> {
    let mut scope = Scope::default();
    for f in files {
        scope.modules.insert(f.module.clone());
    }
    collect_with(files, scope)
}

/// Both passes over `files`, starting from the modules `scope` already knows.
fn collect_with(files: &[SourceFile], mut scope: Scope) -> Vec<Facts> {
    let mut uses = Vec::new();
    for f in files {
        let mut c = UseCollector {
            module: f.module.clone(),
            modules: Vec::new(),
            uses: Vec::new(),
        };
        c.visit_file(&f.ast);
        scope.modules.extend(c.modules);
        uses.extend(c.uses);
    }
    for (module, leaf) in uses {
        let Some(name) = &leaf.name else { continue };
        if let Some((path, _)) = scope.resolve(&module, leaf.leading_colon, &leaf.path, false) {
            scope
                .aliases
                .entry(module)
                .or_default()
                .insert(name.clone(), path);
        }
    }
    files
        .iter()
        .map(|f| {
            let mut c = PathCollector {
                scope: &scope,
                module: f.module.clone(),
                impl_self: Vec::new(),
                facts: Facts::default(),
            };
            c.visit_file(&f.ast);
            c.facts
        })
        .collect()
}

// ---------------------------------------------------------------- rules

fn rank(top: &str) -> Option<u8> {
    RANKS.iter().find(|(m, _)| *m == top).map(|(_, r)| *r)
}

/// The top-level module a crate path lands in, if it is one.
fn crate_top(path: &[String]) -> Option<&str> {
    match path {
        [c, top, ..] if c == "crate" => Some(top.as_str()),
        _ => None,
    }
}

fn no_upward_import(file: &SourceFile, facts: &Facts) -> Vec<Violation> {
    let mut out = Vec::new();
    let Some(top) = file.module.first() else {
        return out;
    };
    if LEAVES.contains(&top.as_str()) {
        return out;
    }
    let Some(own) = rank(top) else {
        out.push(Violation {
            file: file.rel.clone(),
            line: 1,
            rule: format!("top-level module `{top}` has no layer rank; add it to RANKS or LEAVES"),
        });
        return out;
    };
    for r in facts.refs.iter().filter(|r| r.via_alias.is_none()) {
        let Some(target) = crate_top(&r.path) else {
            continue;
        };
        if LEAVES.contains(&target) {
            continue;
        }
        match rank(target) {
            Some(t) if t <= own => {}
            Some(_) => out.push(Violation {
                file: file.rel.clone(),
                line: r.line,
                rule: format!(
                    "upward import: `{top}` names `{}` (a higher layer)",
                    r.path.join("::")
                ),
            }),
            None => {}
        }
    }
    out
}

fn pure_layers_name_no_io(file: &SourceFile, facts: &Facts) -> Vec<Violation> {
    let mut out = Vec::new();
    if !file
        .module
        .first()
        .is_some_and(|t| PURE_LAYERS.contains(&t.as_str()))
    {
        return out;
    }
    for r in &facts.refs {
        for bad in IMPURE {
            let bad = seg(bad);
            let new_match = starts_with(&r.path, &bad)
                && !r.via_alias.as_ref().is_some_and(|a| starts_with(a, &bad));
            if new_match {
                out.push(Violation {
                    file: file.rel.clone(),
                    line: r.line,
                    rule: format!(
                        "`{}` names `{}` (store, database, terminal or clock)",
                        file.module[0],
                        bad.join("::")
                    ),
                });
            } else if r.glob && bad.len() > r.path.len() && starts_with(&bad, &r.path) {
                // `use crossterm::event::*` would let `read()` through unspelled.
                out.push(Violation {
                    file: file.rel.clone(),
                    line: r.line,
                    rule: format!(
                        "`{}` glob-imports `{}::*`, which may bring `{}`",
                        file.module[0],
                        r.path.join("::"),
                        bad.join("::")
                    ),
                });
            }
        }
    }
    out
}

fn ui_never_mutates(file: &SourceFile, facts: &Facts) -> Vec<Violation> {
    let mut out = Vec::new();
    if file.module.first().is_none_or(|t| t != "ui") {
        return out;
    }
    for p in &facts.mut_params {
        if !(UI_MUT_ALLOWED.contains(&p.ty.as_str()) || p.ty.ends_with("ViewState")) {
            out.push(Violation {
                file: file.rel.clone(),
                line: p.line,
                rule: format!("`ui` takes `&mut {}`; views draw from `&` state", p.ty),
            });
        }
    }
    for &line in &facts.cells {
        out.push(Violation {
            file: file.rel.clone(),
            line,
            rule: "`ui` uses `Cell`/`RefCell` (mutation behind `&`)".into(),
        });
    }
    out
}

fn long_files(lengths: &[(String, usize)]) -> Vec<Violation> {
    lengths
        .iter()
        .filter(|(rel, n)| *n > MAX_LINES && !LONG_FILE_EXEMPT.contains(&rel.as_str()))
        .map(|(rel, n)| Violation {
            file: rel.clone(),
            line: *n,
            rule: format!("{n} lines, over {MAX_LINES}"),
        })
        .collect()
}

/// Edges between top-level modules, each with the first place that makes it.
fn module_edges(files: &[SourceFile], facts: &[Facts]) -> BTreeMap<(String, String), String> {
    let mut edges = BTreeMap::new();
    for (f, facts) in files.iter().zip(facts) {
        let Some(from) = f.module.first() else {
            continue;
        };
        for r in facts.refs.iter().filter(|r| r.via_alias.is_none()) {
            if let Some(to) = crate_top(&r.path)
                && to != from
            {
                edges
                    .entry((from.clone(), to.to_owned()))
                    .or_insert_with(|| format!("{}:{}", f.rel, r.line));
            }
        }
    }
    edges
}

/// Every elementary cycle found by a depth-first search, each reported once (from its smallest node).
fn cycles(edges: &BTreeMap<(String, String), String>) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a.as_str()).or_default().push(b.as_str());
    }
    let mut found = Vec::new();
    fn dfs<'a>(
        start: &'a str,
        at: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        stack: &mut Vec<&'a str>,
        found: &mut Vec<Vec<String>>,
    ) {
        for &n in next.get(at).map(Vec::as_slice).unwrap_or_default() {
            if n == start {
                found.push(stack.iter().map(|s| s.to_string()).collect());
            } else if n > start && !stack.contains(&n) {
                stack.push(n);
                dfs(start, n, next, stack, found);
                stack.pop();
            }
        }
    }
    for &start in next.keys() {
        dfs(start, start, &next, &mut vec![start], &mut found);
    }
    found
}

fn cycle_violations(files: &[SourceFile], facts: &[Facts]) -> Vec<String> {
    let edges = module_edges(files, facts);
    cycles(&edges)
        .into_iter()
        .map(|c| {
            let hops: Vec<String> = c
                .iter()
                .zip(c.iter().cycle().skip(1))
                .map(|(a, b)| {
                    let at = edges
                        .get(&(a.clone(), b.clone()))
                        .map_or("?", String::as_str);
                    format!("{a} -> {b} ({at})")
                })
                .collect();
            format!("cycle among top-level modules: {}", hops.join(", "))
        })
        .collect()
}

// ---------------------------------------------------------------- the tests

type Rule = fn(&SourceFile, &Facts) -> Vec<Violation>;

fn check(rule: Rule, what: &str) {
    let (files, _) = read_sources();
    let facts = collect(&files);
    assert!(!files.is_empty(), "no sources under src/");
    let mut found: Vec<Violation> = files
        .iter()
        .zip(&facts)
        .flat_map(|(f, facts)| rule(f, facts))
        .collect();
    found.sort();
    found.dedup();
    report(what, found.iter().map(ToString::to_string).collect());
}

fn report(what: &str, found: Vec<String>) {
    assert!(
        found.is_empty(),
        "{what}: {} violation(s)\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn no_upward_import_between_layers() {
    check(no_upward_import, "no upward import");
}

#[test]
fn domain_app_and_tabs_name_no_store_terminal_or_clock() {
    check(pure_layers_name_no_io, "pure layers name no I/O");
}

#[test]
fn ui_never_mutates_app_state() {
    check(ui_never_mutates, "ui never mutates");
}

#[test]
fn no_source_file_over_600_lines() {
    let (_, lengths) = read_sources();
    let found = long_files(&lengths);
    report(
        "file length",
        found.iter().map(ToString::to_string).collect(),
    );
}

#[test]
fn no_cycle_among_top_level_modules() {
    let (files, _) = read_sources();
    let facts = collect(&files);
    report("module cycles", cycle_violations(&files, &facts));
}

// ---------------------------------------------------------------- the collector's own tests

/// Builds one file as if it sat at `module`, beside a few known top-level modules.
fn one(module: &str, text: &str) -> (SourceFile, Facts) {
    let ast = syn::parse_file(text).unwrap_or_else(|e| panic!("fixture: {e}"));
    let file = SourceFile {
        rel: format!("src/{}.rs", module.replace("::", "/")),
        module: seg(module),
        ast,
    };
    let mut scope = Scope::default();
    for m in ["domain", "store", "app", "app::tabs", "ui"] {
        scope.modules.insert(seg(m));
    }
    scope.modules.insert(file.module.clone());
    let files = [file];
    let mut facts = collect_with(&files, scope);
    let [file] = files;
    (file, facts.remove(0))
}

fn paths(facts: &Facts) -> Vec<(usize, String)> {
    facts
        .refs
        .iter()
        .map(|r| (r.line, r.path.join("::")))
        .collect()
}

#[test]
fn collector_resolves_super_groups_and_expression_paths() {
    let (file, facts) = one(
        "app::tabs::today",
        "use super::super::store::X;\n\
         use crate::domain::{customer::Customer, queue::{self, Item as QItem}};\n\
         fn f() { let _ = crate::clock::today(); let _ = queue::build(); }\n\
         mod tests { use super::*; fn g() { assert!(self::super::super::y() == 1); } }\n",
    );
    let found = paths(&facts);
    for want in [
        (1, "crate::app::store::X"),
        (2, "crate::domain::customer::Customer"),
        (2, "crate::domain::queue"),
        (2, "crate::domain::queue::Item"),
        (3, "crate::clock::today"),
        (3, "crate::domain::queue::build"),
        (4, "crate::app::tabs::today"),
        (4, "crate::app::tabs::y"),
    ] {
        assert!(
            found.contains(&(want.0, want.1.to_owned())),
            "missing {want:?} in {found:?}"
        );
    }
    // `super::super` from app::tabs::today is crate::app, so line 1 is `crate::app::store::X`, not
    // the store; the one pure-layer hit is the clock call.
    let bad = pure_layers_name_no_io(&file, &facts);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].line, 3);
}

#[test]
fn collector_catches_store_through_super_and_aliases() {
    let (file, facts) = one(
        "domain::queue",
        "use super::super::store::Store;\n\
         use chrono::Utc;\n\
         use ratatui::crossterm::event;\n\
         fn f(s: &Store) { let _ = Utc::now(); let _ = Utc::today(); event::poll(d); }\n\
         use crate::app::Model;\n\
         use crossterm::event::*;\n",
    );
    let bad = pure_layers_name_no_io(&file, &facts);
    let lines: Vec<(usize, &str)> = bad
        .iter()
        .map(|v| (v.line, v.rule.rsplit('`').nth(1).unwrap_or("")))
        .collect();
    // The `use` line is reported once; `&Store` in the signature is the same alias, not a new match.
    assert_eq!(
        lines,
        vec![
            (1, "crate::store"),
            (4, "chrono::Utc::now"),
            (4, "crossterm::event::poll"),
            (6, "crossterm::event::read"),
            (6, "crossterm::event::poll"),
        ],
        "{bad:?}"
    );
    let up: Vec<usize> = no_upward_import(&file, &facts)
        .iter()
        .map(|v| v.line)
        .collect();
    assert_eq!(up, vec![1, 5], "store and app both sit above domain");
}

#[test]
fn collector_reads_macro_arguments_and_mut_params() {
    let (file, facts) = one(
        "ui::board",
        "use std::cell::RefCell;\n\
         impl BoardViewState { fn scroll(&mut self) {} }\n\
         impl Board { fn poke(&mut self) {} }\n\
         fn draw(f: &mut Frame, app: &mut App, s: &mut TableState, v: &mut BoardViewState) {\n\
             println!(\"{}\", crate::store::count());\n\
         }\n",
    );
    assert!(
        paths(&facts).contains(&(5, "crate::store::count".to_owned())),
        "{:?}",
        paths(&facts)
    );
    let bad = ui_never_mutates(&file, &facts);
    let lines: Vec<usize> = bad.iter().map(|v| v.line).collect();
    assert_eq!(lines, vec![3, 4, 1], "{bad:?}");
    assert!(bad[1].rule.contains("&mut App"), "{bad:?}");
    let up = no_upward_import(&file, &facts);
    assert!(up.is_empty(), "store is below ui: {up:?}");
}

#[test]
fn cycles_are_found_once_each() {
    let mut edges = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")] {
        edges.insert((a.to_owned(), b.to_owned()), String::new());
    }
    let mut found = cycles(&edges);
    found.sort();
    assert_eq!(
        found,
        vec![
            vec!["a".to_owned(), "b".to_owned()],
            vec!["b".to_owned(), "c".to_owned(), "d".to_owned()]
        ]
    );
}
