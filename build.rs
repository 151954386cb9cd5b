//! Embeds every `rules/*.yaml` in the binary so copydesk works with no files
//! beside it. The catalogue itself is validated at start-up and by tests.
//! Also fingerprints the sources and rule data, so the claims cache of a
//! different build is never trusted (`src/cache/`).

use std::hash::Hasher;
use std::{env, fs, path::Path};

/// The package root, read when the script runs (not when it was compiled:
/// a target folder shared by two checkouts keeps one compiled script).
fn manifest_dir() -> std::path::PathBuf {
    env::var_os("CARGO_MANIFEST_DIR")
        .expect("cargo sets CARGO_MANIFEST_DIR")
        .into()
}

fn main() {
    source_fingerprint();
    let dir = manifest_dir().join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("rules/ folder exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    entries.sort();
    let mut out = String::from(
        "/// Built-in rule files: (file name, contents).\npub static BUILTIN_RULES: &[(&str, &str)] = &[\n",
    );
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_rules.rs");
    fs::write(target, out).expect("write builtin_rules.rs");
}

/// Sets `COPYDESK_SOURCE_FINGERPRINT` to a hash of every file under `src/`
/// and `rules/`: claims extracted by one build are not reused by another,
/// even when the version number did not change (development builds).
fn source_fingerprint() {
    let root = manifest_dir();
    let root = root.as_path();
    let mut files = Vec::new();
    for dir in ["src", "rules"] {
        let dir = root.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &mut files);
    }
    files.sort();
    // SipHash with fixed keys: deterministic, and computed once per build.
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new();
    for path in files {
        hasher.write(
            path.strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .as_bytes(),
        );
        hasher.write(&fs::read(&path).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=COPYDESK_SOURCE_FINGERPRINT={:016x}",
        hasher.finish()
    );
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
