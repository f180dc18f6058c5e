//! `cargo xtask fuzz --seconds N`: runs the feed fuzzer (crates/fuzz) for N seconds.
//!
//! The feed is typed by hand and served by a CMS, so the widgets must survive any bytes. The
//! fuzzer needs nightly and cargo-fuzz; both are installed here when missing. It starts from
//! the committed seeds and regression inputs, grows its corpus in the git-ignored part of
//! `crates/fuzz/corpus/feed/`, and any crash is saved in `crates/fuzz/artifacts/feed/`: copy
//! it into `crates/fuzz/regressions/` with the fix, where `cargo test` replays it on stable.

use crate::tools::{ensure, Needs};
use crate::{root, say};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Any single input taking longer than this is a finding: a feed must never hang the tab.
const INPUT_TIMEOUT_S: u32 = 10;

pub fn fuzz(args: &[String]) -> Result<(), String> {
    let seconds = match args.iter().position(|a| a == "--seconds") {
        None => 60,
        Some(i) => args
            .get(i + 1)
            .and_then(|s| s.parse::<u32>().ok())
            .filter(|s| *s > 0)
            .ok_or("--seconds needs a whole number of seconds")?,
    };
    ensure(Needs::Fuzz)?;
    let root = root();
    say(&format!(
        "Fuzzing parse → validate → render for {seconds} s (cargo +nightly fuzz run feed)"
    ));
    let mut child = Command::new("cargo")
        .args([
            "+nightly",
            "fuzz",
            "run",
            "--fuzz-dir",
            "crates/fuzz",
            "feed",
        ])
        .args(["crates/fuzz/corpus/feed", "crates/fuzz/regressions", "--"])
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={INPUT_TIMEOUT_S}"))
        .args([
            "-dict=crates/fuzz/feed.dict",
            "-max_len=131072",
            "-print_final_stats=1",
        ])
        .current_dir(&root)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let mut runs = None;
    let mut findings = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                runs = n.trim().parse::<u64>().ok();
            }
            if let Some(at) = line.find("Test unit written to ") {
                findings.push(line[at + "Test unit written to ".len()..].to_owned());
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let runs = runs.map_or_else(|| "an unknown number of".to_owned(), |n| n.to_string());
    say(&format!(
        "Fuzzing done: {runs} executions in {seconds} s, {} finding(s)",
        findings.len()
    ));
    for finding in &findings {
        say(&format!(
            "Finding saved in {finding}: fix it, then copy it into crates/fuzz/regressions/"
        ));
    }
    if status.success() && findings.is_empty() {
        Ok(())
    } else {
        Err(format!("the fuzzer found a problem ({status})"))
    }
}
