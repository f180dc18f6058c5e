//! Build automation, so that two commands set up and check everything on a fresh machine:
//!
//! - `cargo xtask demo [--port N]`: install what is missing, build the widgets, serve `www/`.
//! - `cargo xtask test`: install what is missing, then fmt, clippy, native tests, the wasm
//!   build, the browser tests and a bench smoke, ending with an `N passed, N failed` line.
//! - `cargo xtask build` and `cargo xtask serve [--port N]` do one part each.
//! - `cargo xtask dist`: release files with content-hashed names and SRI hashes.
//! - `cargo xtask bench [--quick] [--runs N]`: sizes and speed against the budgets (issue 7).
//! - `cargo xtask fuzz [--seconds N]`: the feed fuzzer on nightly (issue 8).

mod bench;
mod build;
mod css;
mod dist;
mod docs;
mod fuzz;
mod imports;
mod serve;
mod test;
mod tools;
mod wordpress;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <demo|test|build|dist|serve|bench|fuzz|wordpress> [--port N] [--quick] [--runs N]
                   [--seconds N]

  demo    install missing tools, build the widgets, serve www/ on 127.0.0.1
  test    install missing tools, then fmt, clippy, native tests, wasm build, browser tests,
          the WordPress plugin in a real WordPress, bench smoke
  build   build the widgets in release mode into www/dist/
  dist    build, then write the release files with hashed names, snippet.html and SRI
          hashes into target/dist/
  serve   serve www/ as it is (no build)
  bench   build, then measure sizes, native and browser speed into target/bench/report.json
          and www/docs/benchmarks.md (--quick: one browser run, sample feed, no criterion)
  wordpress  the test's WordPress step alone (after dist): the plugin in a real WordPress
  fuzz    install nightly and cargo-fuzz if missing, then fuzz parse → validate → render
          for --seconds N (default 60); crashes go to crates/fuzz/artifacts/

  --port N   port for demo and serve (default 8080)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let port = match port_option(&args) {
        Ok(port) => port,
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match args.first().map(String::as_str) {
        Some("demo") => build::build().and_then(|()| serve::serve(port, true)),
        Some("build") => build::build(),
        Some("dist") => dist::dist(),
        Some("serve") => serve::serve(port, true),
        Some("test") => return test::run_all(),
        Some("bench") => bench::Options::from_args(&args).and_then(|o| bench::bench(&o)),
        Some("fuzz") => fuzz::fuzz(&args),
        Some("wordpress") => wordpress::run_alone(),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn port_option(args: &[String]) -> Result<u16, String> {
    match args.iter().position(|a| a == "--port") {
        None => Ok(8080),
        Some(i) => args
            .get(i + 1)
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| "--port needs a number from 1 to 65535".to_owned()),
    }
}

/// The workspace root (xtask lives in crates/xtask).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .map(PathBuf::from)
        .unwrap_or(manifest)
}

/// Prints what is happening, so nobody stares at a silent terminal.
pub fn say(message: &str) {
    println!("==> {message}");
}
