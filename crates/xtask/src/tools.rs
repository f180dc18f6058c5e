//! Making sure the tools a command needs are there, before its first step: the one place that
//! knows what each command needs and how to install it.
//!
//! A fresh machine of this kind has rustup (with the pinned toolchain, often without its wasm
//! target: rustup adds `rust-toolchain.toml`'s targets only when it installs a toolchain),
//! cargo, node and npm, and nothing else the project uses. Every command calls [`ensure`]
//! first, so no step meets a missing tool whatever order the steps run in. Each check is cheap;
//! what is missing is listed with how long it takes before anything is installed, and each
//! install reports its time.

use crate::{root, say};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// What a command is about to do, and so which tools it needs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Needs {
    /// The release wasm builds (`build`, `dist`, `demo`): the wasm target, wasm-bindgen and the
    /// npm packages (wasm-opt comes from `binaryen`).
    WasmBuild,
    /// The above and a browser (`test`, `bench`): Chromium drives the browser tests.
    Browser,
    /// The fuzzer: nightly and cargo-fuzz.
    Fuzz,
    /// Everything `Browser` needs, and a WordPress to try the plugin in (`test`): Debian's
    /// `wordpress`, Apache with PHP 8.2 and MariaDB, started by the test step itself.
    WordPress,
}

/// One tool: how to tell it is there, and how to install it.
struct Tool {
    what: String,
    /// How long the install takes on this kind of machine (2 cores), to say before it starts.
    takes: &'static str,
    present: Box<dyn Fn() -> bool>,
    install: Box<dyn Fn() -> Result<(), String>>,
}

/// Where wasm-opt is once [`ensure`] has installed the npm packages.
pub fn wasm_opt() -> PathBuf {
    root().join("tests/node_modules/binaryen/bin/wasm-opt")
}

/// Installs whatever `needs` lacks, in an order where each install has what it needs itself
/// (npm before the npm packages). Says what is missing and how long it will take first.
pub fn ensure(needs: Needs) -> Result<(), String> {
    let missing: Vec<Tool> = tools(needs)?
        .into_iter()
        .filter(|tool| !(tool.present)())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    say("Installing what this command needs and this machine lacks (once; later runs skip it):");
    for tool in &missing {
        println!("      - {} ({})", tool.what, tool.takes);
    }
    let all = Instant::now();
    for tool in &missing {
        say(&format!("Installing {} ({})", tool.what, tool.takes));
        let started = Instant::now();
        (tool.install)().map_err(|e| format!("could not install {}: {e}", tool.what))?;
        if !(tool.present)() {
            return Err(format!(
                "{} still missing after installing it: see the output above",
                tool.what
            ));
        }
        say(&format!(
            "Installed {} in {}",
            tool.what,
            minutes(started.elapsed().as_secs())
        ));
    }
    say(&format!(
        "All tools in place after {}",
        minutes(all.elapsed().as_secs())
    ));
    Ok(())
}

fn minutes(seconds: u64) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        format!("{} min {} s", seconds / 60, seconds % 60)
    }
}

fn tools(needs: Needs) -> Result<Vec<Tool>, String> {
    if needs == Needs::Fuzz {
        return Ok(vec![nightly(), cargo_fuzz()]);
    }
    let mut list = vec![node(), npm_packages()?, wasm_target()];
    if matches!(needs, Needs::Browser | Needs::WordPress) {
        list.push(chromium());
        list.push(bengali_font());
    }
    if needs == Needs::WordPress {
        list.push(wordpress());
    }
    // Last: the longest, and nothing above needs it.
    list.push(wasm_bindgen()?);
    Ok(list)
}

fn node() -> Tool {
    Tool {
        what: "Node.js and npm (Debian packages nodejs, npm)".into(),
        takes: "apt-get, about a minute",
        present: Box::new(|| {
            output("node", &["--version"]).is_some() && output("npm", &["--version"]).is_some()
        }),
        install: Box::new(|| apt_install(&["nodejs", "npm"])),
    }
}

/// `npm ci` from the committed lockfile when any package in `tests/package.json` is missing or
/// at another version than the lockfile pins (a `git pull` that bumps one installs it).
fn npm_packages() -> Result<Tool, String> {
    let tests = root().join("tests");
    let wanted = pinned_packages(&tests)?;
    Ok(Tool {
        what: format!(
            "the npm packages in tests/ ({})",
            wanted
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        takes: "npm ci, under a minute",
        present: Box::new({
            let tests = tests.clone();
            move || {
                wanted.iter().all(|(name, version)| {
                    installed_version(&tests, name).as_ref() == Some(version)
                })
            }
        }),
        install: Box::new(move || {
            run(Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&tests))
        }),
    })
}

/// Each package `tests/package.json` asks for, with the version `package-lock.json` pins.
fn pinned_packages(tests: &Path) -> Result<Vec<(String, String)>, String> {
    let read = |name: &str| -> Result<serde_json::Value, String> {
        let text = std::fs::read_to_string(tests.join(name))
            .map_err(|e| format!("cannot read tests/{name}: {e}"))?;
        json(&text).map_err(|e| format!("tests/{name} is not valid JSON: {e}"))
    };
    let manifest = read("package.json")?;
    let lock = read("package-lock.json")?;
    let names = manifest["devDependencies"]
        .as_object()
        .ok_or("tests/package.json has no devDependencies")?;
    names
        .keys()
        .map(|name| {
            lock["packages"][format!("node_modules/{name}")]["version"]
                .as_str()
                .map(|version| (name.clone(), version.to_owned()))
                .ok_or_else(|| {
                    format!(
                        "tests/package-lock.json does not pin {name}: run npm install in tests/"
                    )
                })
        })
        .collect()
}

/// npm's own files, read by a dev tool: the wasm-size reason for the lint does not apply here.
#[expect(clippy::disallowed_methods, reason = "xtask is not shipped as wasm")]
fn json(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::from_str(text)
}

fn installed_version(tests: &Path, name: &str) -> Option<String> {
    let text =
        std::fs::read_to_string(tests.join("node_modules").join(name).join("package.json")).ok()?;
    let manifest = json(&text).ok()?;
    manifest["version"].as_str().map(str::to_owned)
}

/// The toolchain `rust-toolchain.toml` pins: asked of rustup from the workspace root, so the
/// answer is the same whatever folder `cargo xtask` was started from.
fn rustup(args: &[&str]) -> Command {
    let mut command = Command::new("rustup");
    command.args(args).current_dir(root());
    command
}

fn wasm_target() -> Tool {
    Tool {
        what: "the Rust target wasm32-unknown-unknown".into(),
        takes: "rustup, under a minute",
        present: Box::new(|| {
            rustup(&["target", "list", "--installed"])
                .output()
                .ok()
                .filter(|out| out.status.success())
                .is_some_and(|out| {
                    String::from_utf8_lossy(&out.stdout)
                        .lines()
                        .any(|l| l.trim() == "wasm32-unknown-unknown")
                })
        }),
        install: Box::new(|| run(&mut rustup(&["target", "add", "wasm32-unknown-unknown"]))),
    }
}

/// Debian's Chromium: the browser tests and the bench drive it; no browser is ever downloaded.
fn chromium() -> Tool {
    Tool {
        what: "Chromium for the browser tests (Debian package chromium)".into(),
        takes: "apt-get, 2 to 4 minutes",
        present: Box::new(|| output("/usr/bin/chromium", &["--version"]).is_some()),
        install: Box::new(|| apt_install(&["chromium"])),
    }
}

/// A Bengali font, so the browser tests measure and photograph Bengali as families see it, not
/// as missing-glyph boxes. Present when fontconfig lists one (or, on a machine without the
/// `fc-list` command, when Noto Sans Bengali is where Debian puts it).
fn bengali_font() -> Tool {
    Tool {
        what: "a Bengali font for the browser tests (Debian package fonts-noto-core)".into(),
        takes: "apt-get, about a minute",
        present: Box::new(|| match output("fc-list", &[":lang=bn", "family"]) {
            Some(fonts) => !fonts.trim().is_empty(),
            None => {
                Path::new("/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf").exists()
            }
        }),
        install: Box::new(|| apt_install(&["fonts-noto-core"])),
    }
}

/// The Debian packages of the WordPress step: WordPress 6.1 itself, Apache with PHP 8.2,
/// MariaDB, and the themes it is tried under. Installing does not start the system's services
/// where a policy forbids it (as in containers); the step starts its own servers on 127.0.0.1
/// and stops them.
const WORDPRESS_PACKAGES: &[&str] = &[
    "wordpress",
    "wordpress-theme-twentytwentyone",
    "wordpress-theme-twentytwentythree",
    "apache2",
    "libapache2-mod-php8.2",
    "php8.2-cli",
    "php8.2-mysql",
    "mariadb-server",
];

fn wordpress() -> Tool {
    Tool {
        what: format!(
            "WordPress, Apache, PHP and MariaDB for the plugin's test (Debian packages {})",
            WORDPRESS_PACKAGES.join(", ")
        ),
        takes: "apt-get, 1 to 3 minutes",
        present: Box::new(|| WORDPRESS_PACKAGES.iter().all(|p| deb_installed(p))),
        install: Box::new(|| apt_install(WORDPRESS_PACKAGES)),
    }
}

/// Whether dpkg has this package installed (not merely known or removed with its config).
fn deb_installed(package: &str) -> bool {
    output("dpkg-query", &["-W", "-f=${Status}", package])
        .is_some_and(|status| status.trim() == "install ok installed")
}

/// The wasm-bindgen CLI at exactly the version of the crate in Cargo.lock.
fn wasm_bindgen() -> Result<Tool, String> {
    let wanted = wasm_bindgen_version()?;
    let found = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    let what = if found.is_empty() {
        format!("wasm-bindgen-cli {wanted}")
    } else {
        format!(
            "wasm-bindgen-cli {wanted} in place of {} (Cargo.lock asks for {wanted})",
            found.trim()
        )
    };
    Ok(Tool {
        what,
        takes: "cargo install, about 5 minutes",
        present: Box::new({
            let wanted = wanted.clone();
            move || {
                output("wasm-bindgen", &["--version"])
                    .is_some_and(|v| v.split_whitespace().nth(1) == Some(wanted.as_str()))
            }
        }),
        install: Box::new(move || {
            // No --locked: the registry mirror here lacks some of the newest transitive versions.
            run(Command::new("cargo").args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &format!("={wanted}"),
                "--force",
            ]))
        }),
    })
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version() -> Result<String, String> {
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

fn nightly() -> Tool {
    Tool {
        what: "the nightly Rust toolchain, for the fuzzer".into(),
        takes: "rustup, a few minutes",
        present: Box::new(|| {
            output("rustup", &["toolchain", "list"])
                .is_some_and(|list| list.lines().any(|l| l.starts_with("nightly")))
        }),
        install: Box::new(|| {
            run(Command::new("rustup").args([
                "toolchain",
                "install",
                "nightly",
                "--profile",
                "minimal",
            ]))
        }),
    }
}

fn cargo_fuzz() -> Tool {
    Tool {
        what: "cargo-fuzz".into(),
        takes: "cargo install, a few minutes",
        present: Box::new(|| output("cargo", &["+nightly", "fuzz", "--version"]).is_some()),
        // No --locked: the registry mirror here lacks some of the newest transitive versions.
        install: Box::new(|| run(Command::new("cargo").args(["install", "cargo-fuzz"]))),
    }
}

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

/// apt-get as root, or through sudo for anyone else.
fn apt_install(packages: &[&str]) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_npm_package_is_pinned_by_the_lockfile() {
        let pinned = pinned_packages(&root().join("tests")).unwrap();
        let names: Vec<&str> = pinned.iter().map(|(name, _)| name.as_str()).collect();
        for needed in ["playwright-core", "@axe-core/playwright", "binaryen"] {
            assert!(names.contains(&needed), "{needed} missing from {names:?}");
        }
        assert!(pinned.iter().all(|(_, version)| !version.is_empty()));
    }

    #[test]
    fn a_browser_command_needs_everything_a_build_does_and_chromium() {
        let names = |needs| -> Vec<String> {
            tools(needs)
                .unwrap()
                .into_iter()
                .map(|tool| tool.what)
                .collect()
        };
        let build = names(Needs::WasmBuild);
        let browser = names(Needs::Browser);
        assert!(build.iter().all(|tool| browser.contains(tool)));
        assert!(browser.iter().any(|tool| tool.starts_with("Chromium")));
        assert!(!build.iter().any(|tool| tool.starts_with("Chromium")));
        assert!(browser
            .iter()
            .any(|tool| tool.starts_with("a Bengali font")));
        assert!(!build.iter().any(|tool| tool.starts_with("a Bengali font")));
        assert!(build
            .iter()
            .any(|tool| tool.contains("wasm32-unknown-unknown")));
    }
}
