//! `cargo xtask test`: every check the project has, in the order a developer would want them,
//! continuing past a failure so one run shows everything, then one summary line.

use crate::bench;
use crate::build::VARIANTS;
use crate::dist::dist;
use crate::serve::serve_on;
use crate::tools::{ensure, run, Needs};
use crate::{root, say};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Command, ExitCode, Stdio};

/// The result of one step: how many checks passed and failed in it.
struct Outcome {
    name: String,
    passed: usize,
    failed: usize,
}

pub fn run_all() -> ExitCode {
    let mut outcomes = Vec::new();
    let mut step = |name: &str, result: Result<(usize, usize), String>| {
        let (passed, failed) = result.unwrap_or_else(|message| {
            eprintln!("xtask: {name}: {message}");
            (0, 1)
        });
        outcomes.push(Outcome {
            name: name.to_owned(),
            passed,
            failed,
        });
    };
    let cargo = |args: &[&str]| run(Command::new("cargo").args(args).current_dir(root()));
    let single = |result: Result<(), String>| result.map(|()| (1, 0));

    // Before any step: the wasm clippy steps need the wasm target, the build wasm-bindgen and
    // wasm-opt, the browser tests Chromium, the WordPress step WordPress. A failed install is counted and the run goes on.
    step("tools", single(ensure(Needs::WordPress)));
    say("Checking formatting (cargo fmt --check)");
    step("rustfmt", single(cargo(&["fmt", "--all", "--check"])));
    say("Linting (cargo clippy, all targets, -D warnings)");
    step(
        "clippy",
        single(cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    // Every wasm build, each in its own target folder as in `build`, so nothing is rebuilt.
    for (name, features, target_dir) in VARIANTS {
        let mut args = vec![
            "clippy",
            "--package",
            "send-widgets",
            "--target",
            "wasm32-unknown-unknown",
            "--target-dir",
            target_dir,
        ];
        args.extend_from_slice(features);
        args.extend_from_slice(&["--", "-D", "warnings"]);
        step(&format!("clippy ({name})"), single(cargo(&args)));
    }
    say("Running the native tests (cargo test)");
    step(
        "native tests",
        counted(
            Command::new("cargo")
                .args(["test", "--workspace"])
                .current_dir(root()),
            cargo_counts,
        ),
    );
    // Each one-widget build reads only its own parts of the feed (`read.rs`): tried in those
    // builds, which the workspace's tests (both widgets on) never compile.
    for feature in ["pathway", "tracker"] {
        say(&format!(
            "Running the {feature} build's own reading test (send-core, --features {feature})"
        ));
        step(
            &format!("native tests ({feature} build)"),
            counted(
                Command::new("cargo")
                    .args([
                        "test",
                        "--package",
                        "send-core",
                        "--no-default-features",
                        "--features",
                        feature,
                        "--lib",
                        "one_widget",
                    ])
                    .current_dir(root()),
                cargo_counts,
            ),
        );
    }
    say("Building the widgets and the release files (cargo xtask dist)");
    let built = dist();
    let built_ok = built.is_ok();
    step("wasm build + dist", single(built));
    say("Running the browser tests (headless Chromium)");
    let browser = if built_ok {
        browser_tests()
    } else {
        Err("skipped: the wasm build failed".into())
    };
    step("browser tests", browser);
    say("Trying the WordPress plugin in a real WordPress (Apache, PHP 8.2, MariaDB on 127.0.0.1)");
    let in_wordpress = if built_ok {
        crate::wordpress::test()
    } else {
        Err("skipped: the wasm build failed".into())
    };
    step("wordpress", in_wordpress);
    // Keeps the bench command working; it measures, it never fails on a time.
    say("Smoke-running the bench (cargo xtask bench --quick on the build above)");
    let smoke = if built_ok {
        bench::bench(&bench::Options {
            quick: true,
            build: false,
            runs: None,
        })
    } else {
        Err("skipped: the wasm build failed".into())
    };
    step("bench smoke", single(smoke));

    println!();
    let width = outcomes.iter().map(|o| o.name.len()).max().unwrap_or(0);
    for outcome in &outcomes {
        println!(
            "  {:<width$} {} passed, {} failed",
            outcome.name, outcome.passed, outcome.failed
        );
    }
    let passed: usize = outcomes.iter().map(|o| o.passed).sum();
    let failed: usize = outcomes.iter().map(|o| o.failed).sum();
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn browser_tests() -> Result<(usize, usize), String> {
    let listener =
        TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot bind a port: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || serve_on(listener));
    let tests = root().join("tests");
    counted(
        Command::new("node")
            .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
            .arg("e2e/")
            .env("BASE_URL", format!("http://127.0.0.1:{port}"))
            .current_dir(tests),
        node_counts,
    )
}

/// Runs a test command, echoing its output, and counts results with `parse` on each line.
pub fn counted(
    command: &mut Command,
    parse: fn(&str, &mut (usize, usize)),
) -> Result<(usize, usize), String> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {command:?}: {e}"))?;
    let mut counts = (0, 0);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            parse(&line, &mut counts);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() && counts.1 == 0 {
        // It failed before reporting any test (a compile error, a crash): count the failure.
        counts.1 = 1;
    }
    Ok(counts)
}

/// `test result: ok. 12 passed; 0 failed; ...`
fn cargo_counts(line: &str, counts: &mut (usize, usize)) {
    if let Some(rest) = line.strip_prefix("test result: ") {
        counts.0 += number_before(rest, " passed");
        counts.1 += number_before(rest, " failed");
    }
}

/// `ℹ pass 3` / `ℹ fail 0` from node's spec reporter.
pub fn node_counts(line: &str, counts: &mut (usize, usize)) {
    let line = line.trim_start_matches(['ℹ', ' ']);
    if let Some(n) = line.strip_prefix("pass ") {
        counts.0 += n.trim().parse().unwrap_or(0);
    } else if let Some(n) = line.strip_prefix("fail ") {
        counts.1 += n.trim().parse().unwrap_or(0);
    }
}

fn number_before(text: &str, marker: &str) -> usize {
    text.find(marker)
        .and_then(|end| text[..end].rsplit([' ', '.']).next()?.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_and_node_summaries() {
        let mut counts = (0, 0);
        cargo_counts(
            "test result: ok. 12 passed; 0 failed; 0 ignored",
            &mut counts,
        );
        cargo_counts(
            "test result: FAILED. 3 passed; 2 failed; 0 ignored",
            &mut counts,
        );
        assert_eq!(counts, (15, 2));
        let mut counts = (0, 0);
        for line in ["ℹ tests 4", "ℹ pass 3", "ℹ fail 1", "ℹ cancelled 0"] {
            node_counts(line, &mut counts);
        }
        assert_eq!(counts, (3, 1));
    }
}
