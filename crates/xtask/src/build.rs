//! The release build of the widgets: cargo → wasm-bindgen → wasm-opt, into `www/dist/`.

use crate::tools::{ensure_wasm_bindgen, ensure_wasm_opt, ensure_wasm_target, run};
use crate::{root, say};
use std::process::Command;

/// Files the snippet loads, besides the generated glue and wasm.
const ASSETS: &[&str] = &[
    "send-pathways.js",
    "send-pathways.css",
    "send-pathways-resize.js",
];

pub fn build() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    let wasm_opt = ensure_wasm_opt()?;
    let root = root();
    let dist = root.join("www/dist");
    say("Building the widgets (cargo build --release --target wasm32-unknown-unknown)");
    run(Command::new("cargo")
        .args([
            "build",
            "--release",
            "--package",
            "send-widgets",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .current_dir(&root))?;
    say("Generating the JavaScript glue (wasm-bindgen)");
    let wasm = root.join("target/wasm32-unknown-unknown/release/send_widgets.wasm");
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "send-widgets",
            "--out-dir",
        ])
        .arg(&dist))?;
    say("Optimising the wasm for size (wasm-opt -Oz)");
    let bg = dist.join("send-widgets_bg.wasm");
    run(Command::new("node")
        .arg(&wasm_opt)
        .arg("-Oz")
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
    for asset in ASSETS {
        let from = root.join("crates/widgets/assets").join(asset);
        std::fs::copy(&from, dist.join(asset))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    let size = std::fs::metadata(&bg).map(|m| m.len()).unwrap_or(0);
    say(&format!(
        "Built www/dist/ (wasm {} KB before compression)",
        size / 1024
    ));
    Ok(())
}
