//! Installing what the build and tests need, only when it is missing.
//!
//! A fresh machine of this kind has rustup, cargo, node and npm, and nothing else the project
//! uses. Each check is cheap; each install says what it is doing and how long it may take.

use crate::{root, say};
use std::path::PathBuf;
use std::process::Command;

/// Runs a command, inheriting the terminal, and fails with its name if it fails.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// The output of a command, if it ran and succeeded.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    say("Adding the Rust target wasm32-unknown-unknown (rustup, under a minute)");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

pub fn ensure_wasm_bindgen() -> Result<(), String> {
    let wanted = wasm_bindgen_version()?;
    let found = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    if found.is_empty() {
        say(&format!(
            "Installing wasm-bindgen-cli {wanted} (cargo install, about 5 minutes, once)"
        ));
    } else {
        say(&format!(
            "Replacing {} with wasm-bindgen-cli {wanted} to match Cargo.lock (about 5 minutes)",
            found.trim()
        ));
    }
    // No --locked: the registry mirror here lacks some of the newest transitive versions.
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={wanted}"),
        "--force",
    ]))
}

/// wasm-opt from the npm package `binaryen` (pinned in tests/package-lock.json). Debian 12's
/// binaryen 108 cannot round-trip the externref table that wasm-bindgen 0.2.130 emits (even
/// `wasm-opt -O0` produces a module the browser rejects), so it is not used.
pub fn ensure_wasm_opt() -> Result<PathBuf, String> {
    ensure_node()?;
    ensure_npm_packages()?;
    Ok(root().join("tests/node_modules/binaryen/bin/wasm-opt"))
}

pub fn ensure_chromium() -> Result<(), String> {
    if std::path::Path::new("/usr/bin/chromium").exists() {
        return Ok(());
    }
    apt_install(
        &["chromium"],
        "Chromium for the browser tests (Debian package, a few minutes)",
    )
}

pub fn ensure_node() -> Result<(), String> {
    if output("node", &["--version"]).is_some() && output("npm", &["--version"]).is_some() {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"], "Node.js and npm for the browser tests")
}

/// `npm ci` from the committed lockfile, when tests/node_modules is missing.
pub fn ensure_npm_packages() -> Result<(), String> {
    let tests = root().join("tests");
    let wanted = ["playwright-core", "@axe-core/playwright", "binaryen"];
    if wanted
        .iter()
        .all(|package| tests.join("node_modules").join(package).exists())
    {
        return Ok(());
    }
    say("Installing the npm packages for the build and browser tests with npm ci (tests/package-lock.json)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(tests))
}

fn apt_install(packages: &[&str], what: &str) -> Result<(), String> {
    say(&format!("Installing {what} with apt-get"));
    let root_user = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if root_user {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}
