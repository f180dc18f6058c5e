//! The release build of the widgets: cargo → wasm-bindgen → wasm-opt, into `www/dist/`.

use crate::tools::{ensure, run, wasm_opt, Needs};
use crate::{root, say};
use std::path::PathBuf;
use std::process::Command;

/// Files the snippet loads, besides the generated glue and wasm.
const ASSETS: &[&str] = &[
    "send-pathways.js",
    "send-pathways.css",
    "send-pathways-resize.js",
];

/// The wasm builds, each with its own target folder so that switching features never rebuilds:
/// what families load (both widgets, or one alone for a page with only that kind: the loader
/// picks), the officer's checker (both widgets plus the validator) and the officer's editor.
pub const VARIANTS: &[(&str, &[&str], &str)] = &[
    ("send-widgets", &[], "target"),
    (
        "send-pathway",
        &["--no-default-features", "--features", "pathway"],
        "target/pathway",
    ),
    (
        "send-tracker",
        &["--no-default-features", "--features", "tracker"],
        "target/tracker",
    ),
    ("send-checker", &["--features", "checker"], "target/checker"),
    (
        "send-editor",
        &["--no-default-features", "--features", "editor"],
        "target/editor",
    ),
];

pub fn build() -> Result<(), String> {
    ensure(Needs::WasmBuild)?;
    let wasm_opt = wasm_opt();
    let root = root();
    let dist = root.join("www/dist");
    for (name, features, target_dir) in VARIANTS {
        say(&format!(
            "Building {name} (cargo build --release --target wasm32-unknown-unknown {})",
            features.join(" ")
        ));
        run(Command::new("cargo")
            .args(["build", "--release", "--package", "send-widgets"])
            .args([
                "--target",
                "wasm32-unknown-unknown",
                "--target-dir",
                target_dir,
            ])
            .args(*features)
            .current_dir(&root))?;
        say(&format!(
            "Generating the JavaScript glue for {name} (wasm-bindgen)"
        ));
        let wasm = root
            .join(target_dir)
            .join("wasm32-unknown-unknown/release/send_widgets.wasm");
        run(Command::new("wasm-bindgen")
            .arg(&wasm)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(&dist))?;
        let bg = dist.join(format!("{name}_bg.wasm"));
        shorten_imports(name, &bg, &dist.join(format!("{name}.js")))?;
        say(&format!("Optimising {name} for size (wasm-opt -Oz)"));
        run(Command::new("node")
            .arg(&wasm_opt)
            // -Oz twice: the second pass finds what the first one's inlining and merging left
            // (measured at 8c35914, brotli: send-pathway -0.75 kB, send-tracker -0.3 kB,
            // send-widgets -0.9 kB; --converge saved less). About 10 s more a build.
            .args(["-Oz", "-Oz"])
            // A function with one caller is inlined into it only when it is small (20, by
            // binaryen's size measure; by default every such function is, whatever its size).
            // Inlining the renderers' big one-caller helpers into their callers made functions
            // of tens of kB (send-tracker's Live::tree was 35 kB) that brotli packs far worse
            // than the helpers apart: measured at d109601, brotli, wasm-opt alone, the wasm
            // send-pathway 121,368 → 116,610 B, send-tracker 120,038 → 114,331 B, send-widgets
            // 163,533 → 154,031 B (10: 116,652 / 114,352 / 154,359; 50: tracker 115,168; 200:
            // tracker 118,031). -fimfs made no difference under -Oz.
            .args(["--one-caller-inline-max-function-size", "20"])
            // Rust's linker puts the stack first, growing down from 1 MiB towards address 0, and
            // the data after it: the lowest 1 kB is used only by a stack 1023 kB deep, which
            // would overflow a moment later anyway. Told so, wasm-opt folds more constant
            // offsets into loads and stores (measured at 4753e17, brotli, wasm-opt alone:
            // send-widgets 154,048 → 153,767 B; -iit, -tnh, --gufa and a third -Oz saved
            // nothing, opt-level "s" cost 15 kB).
            .arg("--low-memory-unused")
            // The features current rustc and wasm-bindgen output use.
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
                "--strip-debug",
                "--strip-producers",
            ])
            .arg(&bg)
            .arg("-o")
            .arg(&bg))?;
        let size = std::fs::metadata(&bg).map(|m| m.len()).unwrap_or(0);
        say(&format!(
            "Built www/dist/{name}_bg.wasm ({} KB before compression)",
            size / 1024
        ));
    }
    crate::docs::build_docs()?;
    for asset in ASSETS {
        let from = root.join("crates/widgets/assets").join(asset);
        std::fs::copy(&from, dist.join(asset))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    // A stylesheet per one-widget build, cut from the one people edit (`css.rs`).
    crate::css::split_into(&root.join("crates/widgets/assets/send-pathways.css"), &dist)?;
    // What families download goes out minified: the loader, the resizer, the stylesheet and
    // every build's glue (about 2 kB brotli each for the loader, the glue and the CSS). The
    // browser tests and the bench run on these same files.
    let shipped: Vec<PathBuf> = ASSETS
        .iter()
        .map(|asset| dist.join(asset))
        .chain(crate::css::PIECES.iter().map(|(name, _)| dist.join(name)))
        .chain(
            VARIANTS
                .iter()
                .map(|(name, ..)| dist.join(format!("{name}.js"))),
        )
        .collect();
    minify(&shipped)
}

/// Gives the wasm's hashed imports from its glue short names, in the wasm and in the glue
/// alike (`imports.rs` says why and what it saves).
fn shorten_imports(
    name: &str,
    wasm: &std::path::Path,
    glue: &std::path::Path,
) -> Result<(), String> {
    let read_error =
        |path: &std::path::Path, e: std::io::Error| format!("cannot read {}: {e}", path.display());
    let bytes = std::fs::read(wasm).map_err(|e| read_error(wasm, e))?;
    let js = std::fs::read_to_string(glue).map_err(|e| read_error(glue, e))?;
    let (bytes, js, renamed) = crate::imports::shorten(name, &bytes, &js)?;
    std::fs::write(wasm, bytes).map_err(|e| format!("cannot write {}: {e}", wasm.display()))?;
    std::fs::write(glue, js).map_err(|e| format!("cannot write {}: {e}", glue.display()))?;
    say(&format!(
        "Gave {name}'s {renamed} imports from its glue short names"
    ));
    Ok(())
}

/// Minifies JavaScript and CSS files in place (`tests/tools/minify.mjs`: terser and
/// lightningcss, installed by the tool check with the other npm packages).
pub fn minify(files: &[PathBuf]) -> Result<(), String> {
    say("Minifying the loader, the glue and the stylesheet (terser, lightningcss)");
    run(Command::new("node")
        .arg("tools/minify.mjs")
        .args(files)
        .current_dir(root().join("tests")))
}
