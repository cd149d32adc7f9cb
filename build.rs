//! Embeds the question bank in `content/` into the binary, so prepdeck works from any
//! folder. Every `.md`, `.markdown` and `.txt` file except READMEs is included. Also
//! records the git commit for `--version` when built from a checkout.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    version_from_git();
    // Read at run time, not with `env!`: a build script compiled for one checkout and
    // reused by another sharing the target folder must still embed this one's content.
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let root = manifest.join("content");
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from(
        "/// The bundled question files: (path under content/, bytes).\npub static BUNDLED: &[(&str, &[u8])] = &[\n",
    );
    for path in &files {
        let rel = path.strip_prefix(&root).expect("under content/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled.rs");
    std::fs::write(out, code).expect("write bundled.rs");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, out);
        } else if !name.eq_ignore_ascii_case("README.md")
            && matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "markdown" | "txt")
            )
        {
            out.push(path);
        }
    }
}

/// Sets `PREPDECK_GIT_DESC` to " (abc1234)" when built from a git checkout, else to "".
fn version_from_git() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let manifest = manifest.as_path();
    let head = manifest.join(".git/HEAD");
    if head.exists() {
        println!("cargo:rerun-if-changed={}", head.display());
        if let Ok(text) = std::fs::read_to_string(&head)
            && let Some(reference) = text.trim().strip_prefix("ref: ")
        {
            let target = manifest.join(".git").join(reference);
            if target.exists() {
                println!("cargo:rerun-if-changed={}", target.display());
            }
        }
    }
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=9", "HEAD"])
        .current_dir(manifest)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|c| !c.is_empty());
    let desc = commit.map_or(String::new(), |c| format!(" ({c})"));
    println!("cargo:rustc-env=PREPDECK_GIT_DESC={desc}");
}
