//! `cargo xtask bench [--quick] [--runs N]`: how heavy and how fast the widgets are, against
//! the budgets in issue 7, written to `target/bench/report.json` and a readable table.
//!
//! Rust builds the artefacts and measures the core natively (criterion, in
//! `crates/core/benches/feed/`, which also writes the 10× and 100× feeds); node measures sizes
//! and drives headless Chromium (`tests/bench/`), because compressing, JSON and the browser are
//! its home ground. A full run appends its table to `www/docs/benchmarks.md`, which also
//! documents the report's keys. The browser part ends with the startup comparison of issue 20,
//! item 8: loader start → interactive for the pathway widget against GOV.UK Frontend's accordion
//! holding the same steps, 11 runs a page at 1× and 4× CPU, timed from the pages' own marks and
//! a CDP trace (`tests/bench/startup.mjs`). `--quick` (the smoke `cargo xtask test` runs) skips
//! criterion, the 100× feed and the CPU throttle, runs each browser scenario (and each startup
//! page) once, writes to `target/bench/quick/` and leaves the docs alone. Nothing here asserts a
//! time: a slow run is reported, not failed.

use crate::build::build;
use crate::tools::{ensure, run, Needs};
use crate::{root, say};
use std::path::Path;
use std::process::Command;

pub struct Options {
    pub quick: bool,
    /// Build the release artefacts first (the test run has just built them).
    pub build: bool,
    /// Browser runs per scenario (default 5, or 1 with --quick).
    pub runs: Option<u32>,
}

impl Options {
    pub fn from_args(args: &[String]) -> Result<Options, String> {
        let runs = match args.iter().position(|a| a == "--runs") {
            None => None,
            Some(i) => Some(
                args.get(i + 1)
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n >= 1)
                    .ok_or("--runs needs a number of runs, at least 1")?,
            ),
        };
        Ok(Options {
            quick: args.iter().any(|a| a == "--quick"),
            build: true,
            runs,
        })
    }
}

pub fn bench(options: &Options) -> Result<(), String> {
    let root = root();
    let generated = root.join("target/bench");
    let out = if options.quick {
        generated.join("quick")
    } else {
        generated.clone()
    };
    ensure(Needs::Browser)?;
    if options.build {
        build()?;
    }
    // Another terminal's build (or a test run) may rewrite www/dist/ during a long run: measure
    // a copy of what this run built.
    let dist = out.join("dist");
    snapshot(&root.join("www/dist"), &dist)?;

    let mut node = Command::new("node");
    node.arg("bench/run.mjs")
        .arg("--dist")
        .arg(&dist)
        .arg("--generated")
        .arg(&generated)
        .arg("--out")
        .arg(&out)
        .current_dir(root.join("tests"));
    if let Some(runs) = options.runs {
        node.args(["--runs", &runs.to_string()]);
    }
    if options.quick {
        node.arg("--quick");
    } else {
        say("Measuring the core natively (cargo bench, criterion; a few minutes)");
        let criterion = generated.join("criterion");
        // Criterion keeps estimates between runs; an operation this run skips (over the 5 MB
        // limit) must read as not measured, not as an old run's figure.
        if criterion.exists() {
            std::fs::remove_dir_all(&criterion)
                .map_err(|e| format!("cannot clear {}: {e}", criterion.display()))?;
        }
        run(Command::new("cargo")
            .args(["bench", "--package", "send-core", "--bench", "feed"])
            .env("SEND_BENCH_OUT", &generated)
            .env("CRITERION_HOME", &criterion)
            .current_dir(&root))?;
        node.arg("--criterion")
            .arg(&criterion)
            .arg("--docs")
            .arg(root.join("www/docs/benchmarks.md"));
    }
    say("Measuring sizes and the widgets in headless Chromium (tests/bench/run.mjs)");
    run(&mut node)
}

fn snapshot(from: &Path, to: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name()))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quick_and_runs() {
        let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let options = Options::from_args(&args(&["bench", "--quick", "--runs", "3"])).unwrap();
        assert!(options.quick && options.build);
        assert_eq!(options.runs, Some(3));
        assert!(Options::from_args(&args(&["bench", "--runs", "0"])).is_err());
        assert!(Options::from_args(&args(&["bench"]))
            .unwrap()
            .runs
            .is_none());
    }
}
