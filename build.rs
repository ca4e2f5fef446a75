//! Every `locales/<code>.ftl` becomes a language the app ships: adding a language is
//! adding one file.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("locales");
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .filter_map(|name| name.strip_suffix(".ftl").map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    let table: String = codes
        .iter()
        // Relative to the manifest at compile time, not an absolute path from this
        // run: a target directory shared by two checkouts reuses this output.
        .map(|code| {
            format!(
                "    ({code:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/locales/{code}.ftl\"))),\n"
            )
        })
        .collect();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("locales.rs");
    let source = format!(
        "/// (language code, Fluent source), sorted by code.\npub const LOCALES: &[(&str, &str)] = &[\n{table}];\n"
    );
    if let Err(error) = std::fs::write(&out, source) {
        panic!("cannot write {}: {error}", out.display());
    }
}
