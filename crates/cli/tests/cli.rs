//! The `sendfeed` command as an officer or a CI job uses it: exit codes and output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/validate"
);

fn sendfeed(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sendfeed"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_valid_feed_exits_0_even_with_warnings() {
    let feed = format!("{FIXTURES}/overdue-measure/feed.json");
    let out = sendfeed(&["validate", &feed, "--today", "2024-06-01"], None);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("0 errors, 1 warning: the feed can be published"),
        "{stdout}"
    );
    assert!(stdout.contains(":74:57: warning: action 1.1 measure 3 is past its deadline"));
}

#[test]
fn errors_exit_1_with_position_source_line_caret_and_fix() {
    let feed = format!("{FIXTURES}/unknown-field-typo/feed.json");
    let out = sendfeed(&["validate", &feed, "--today", "2024-06-01"], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].ends_with("feed.json:72:43: error: \"deadlnie\" is not a field of a measure"),
        "{stdout}"
    );
    assert_eq!(
        lines[1],
        "  at plan.workstreams[0].actions[0].measures[0].deadlnie"
    );
    assert!(lines[2].starts_with("  72 |") && lines[2].contains("\"deadlnie\""));
    // The caret sits under the column the first line names.
    assert_eq!(lines[3].find('^'), Some("  72 | ".len() + 42));
    assert_eq!(lines[4], "  fix: Did you mean \"deadline\"? Rename it.");
    assert!(stdout.contains("1 error, 0 warnings: fix the errors before publishing"));
}

#[test]
fn standard_input_and_json_output() {
    let out = sendfeed(
        &["validate", "-", "--format", "json", "--today", "2024-06-01"],
        Some("{\"version\": 1,}"),
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["file"], "<stdin>");
    // The trailing comma, and the three required fields this tiny feed lacks: all at once.
    assert_eq!(report["errors"], 4);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let missing = diagnostics
        .iter()
        .filter(|d| d["code"] == "missing-field")
        .count();
    assert_eq!(missing, 3);
    let first = diagnostics
        .iter()
        .find(|d| d["code"] == "json-syntax")
        .unwrap();
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(1), Some(14))
    );
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "json-syntax");
    assert!(first["fix"].as_str().unwrap().contains("Delete this comma"));
}

#[test]
fn usage_problems_exit_2() {
    for args in [
        vec!["validate"],
        vec!["validate", "a.json", "--today", "22/11/2026"],
        vec!["validate", "a.json", "--format", "xml"],
        vec!["frobnicate"],
        vec![],
        vec!["validate", "/no/such/file.json"],
        vec!["render", "x.json", "--widget", "map"],
    ] {
        let out = sendfeed(&args, None);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!out.stderr.is_empty() || args.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_schema() {
    // The top-level help lists every command; each command has a help of its own.
    let out = sendfeed(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let top = text(&out.stdout);
    for command in [
        "validate",
        "render",
        "fmt",
        "export",
        "import",
        "schema",
        "completions",
    ] {
        assert!(top.contains(&format!("  {command} ")), "{command}: {top}");
    }
    assert!(top.contains("Exit codes: 0 fine"), "{top}");
    for (command, usage, option) in [
        (
            "validate",
            "Usage: sendfeed validate [OPTIONS] <FILE>",
            "--today <YYYY-MM-DD>",
        ),
        (
            "render",
            "Usage: sendfeed render [OPTIONS] --widget <KIND> <FILE>",
            "--into <PAGE>",
        ),
    ] {
        for args in [[command, "--help"], ["help", command]] {
            let out = sendfeed(&args, None);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let help = text(&out.stdout);
            assert!(help.contains(usage), "{args:?}: {help}");
            assert!(help.contains(option), "{args:?}: {help}");
            // A command's help is about that command, not the whole usage text.
            let other = if command == "validate" {
                "--into"
            } else {
                "--today"
            };
            assert!(!help.contains(other), "{args:?}: {help}");
        }
    }
    let out = sendfeed(&["schema"], None);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/schema/feed.schema.json"
    ))
    .unwrap();
    assert_eq!(text(&out.stdout), committed);
}

#[test]
fn render_prints_the_fallback_html() {
    let feed = format!("{FIXTURES}/valid/feed.json");
    let out = sendfeed(
        &["render", &feed, "--widget", "pathway", "--lang", "bn"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert!(
        html.starts_with("<section class=\"sp sp-pathway\" lang=\"bn\""),
        "{html}"
    );
    // The widget's controls only as hidden room (the core's tests check their shape).
    assert!(html.contains("Ask for help") && html.contains(" hidden=\"\" data-sp-room=\"\""));
    assert!(!html.contains("<svg"));
}

#[test]
fn version_and_suggestions_for_mistakes() {
    let out = sendfeed(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout).trim(),
        format!("sendfeed {}", env!("CARGO_PKG_VERSION"))
    );
    let out = sendfeed(&["validate", "a.json", "--todya", "2024-06-01"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("a similar argument exists: '--today'"),
        "{stderr}"
    );
    let out = sendfeed(&["valdate", "a.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("a similar subcommand exists: 'validate'"));
    // The checker's own usage errors keep exit code 2 and show the command's usage line.
    let out = sendfeed(&["render", "x.json", "--widget", "map"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("\"map\" is not a widget"), "{stderr}");
    assert!(stderr.contains("Usage: sendfeed render"), "{stderr}");
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _sendfeed"),
        ("zsh", "#compdef sendfeed"),
        ("fish", "complete -c sendfeed"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = sendfeed(&["completions", shell], None);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("validate") && script.contains("today"),
            "{shell}"
        );
    }
    assert_eq!(
        sendfeed(&["completions", "tcsh"], None).status.code(),
        Some(2)
    );
}

/// The help the README and the officer guide quote is the help the command prints.
#[test]
fn the_docs_quote_the_help_as_printed() {
    let docs = |path: &str| {
        std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    for (path, intro, args) in [
        ("README.md", "`sendfeed --help`:", ["--help"].as_slice()),
        (
            "www/docs/feed-format.md",
            "`sendfeed validate --help` prints:",
            &["validate", "--help"],
        ),
    ] {
        let text = docs(path);
        let after = &text[text
            .find(intro)
            .unwrap_or_else(|| panic!("{path}: {intro}"))..];
        let block = after
            .split_once("```text\n")
            .and_then(|(_, rest)| rest.split_once("\n```"))
            .map(|(block, _)| block)
            .unwrap_or_else(|| panic!("{path}: no text block after {intro}"));
        let printed = text_of(sendfeed(args, None).stdout);
        assert_eq!(block, printed.trim_end(), "{path}: update the quoted help");
    }
}

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn fmt_writes_the_canonical_layout_and_check_says_so() {
    // Made-up test data, in a layout of its own: one line, a float written 210.0.
    let messy = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-01-05","languages":["en"],"indicators":[{"id":"w","title":"Made-up waiting list","unit":"number","better":"lower","actual":[{"period":"2024-03","value":210.0}],"source":"Made up"}]}"#;
    let dir = std::env::temp_dir().join(format!("sendfeed-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("feed.json");
    std::fs::write(&file, messy).unwrap();
    let path = file.to_str().unwrap();

    let out = sendfeed(&["fmt", path, "--check"], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("not in the canonical layout"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), messy);

    let out = sendfeed(&["fmt", path], None);
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("\n  \"languages\": [\"en\"],\n"),
        "{written}"
    );
    assert!(
        written.contains("{ \"period\": \"2024-03\", \"value\": 210 }"),
        "{written}"
    );
    // No value changes (the lists the format defaults to empty are written out).
    assert_eq!(
        send_core::parse_feed(messy).unwrap(),
        send_core::parse_feed(&written).unwrap()
    );

    let out = sendfeed(&["fmt", path, "--check"], None);
    assert_eq!(out.status.code(), Some(0));
    // Standard input is printed; a broken feed exits 1 with its place; a usage mistake 2.
    let out = sendfeed(&["fmt", "-"], Some(messy));
    assert_eq!(text(&out.stdout), written);
    let out = sendfeed(&["fmt", "-"], Some("{\"version\": 1,}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("<stdin>:1:"),
        "{}",
        text(&out.stderr)
    );
    let out = sendfeed(&["fmt", "/no/such/feed.json"], None);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn migrate_rewrites_a_version_1_feed_as_version_2() {
    let v1 = format!("{FIXTURES}/valid/feed.json");
    let before = send_core::parse_feed(&std::fs::read_to_string(&v1).unwrap()).unwrap();
    assert_eq!(before.version, 1);

    // To standard output, in the canonical layout; what happened is on standard error.
    let out = sendfeed(&["migrate", &v1], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("rewritten as format version 2"));
    let printed = text(&out.stdout);
    let after = send_core::parse_feed(&printed).unwrap();
    assert_eq!(after.version, 2);
    assert!(after.plan.is_none());
    assert_eq!(after.plans.len(), 1);
    let plan = &after.plans[0];
    assert_eq!(plan.id.as_deref(), Some("improvement-plan"));
    assert_eq!(plan.lifecycle, None);
    // Every value but the id is kept, and the checker finds nothing new.
    let mut unchanged = plan.clone();
    unchanged.id = None;
    assert_eq!(Some(&unchanged), before.plan.as_ref());
    // The canonical layout, leaving out what the version 1 file left out for its defaults.
    let original = std::fs::read_to_string(&v1).unwrap();
    assert_eq!(send_core::edit::write_feed_like(&after, &original), printed);
    let report = send_core::validate::validate_feed(
        &printed,
        chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
    );
    assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);

    // --output writes a file; --in-place rewrites the feed; a version 2 feed is left as it is.
    let dir = std::env::temp_dir().join(format!("sendfeed-migrate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("v2.json");
    let out = sendfeed(
        &["migrate", &v1, "--output", out_file.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).is_empty());
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), printed);
    let in_place = dir.join("feed.json");
    std::fs::copy(&v1, &in_place).unwrap();
    let out = sendfeed(&["migrate", in_place.to_str().unwrap(), "--in-place"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&in_place).unwrap(), printed);
    let out = sendfeed(&["migrate", "-"], Some(&printed));
    assert_eq!(text(&out.stdout), printed);
    assert!(text(&out.stderr).contains("already format version 2, nothing to migrate"));

    // Usage mistakes exit 2; a broken feed exits 1.
    let both = ["migrate", &v1, "--in-place", "--output", "x.json"];
    assert_eq!(sendfeed(&both, None).status.code(), Some(2));
    let stdin_in_place = sendfeed(&["migrate", "-", "--in-place"], None);
    assert_eq!(stdin_in_place.status.code(), Some(2));
    let broken = sendfeed(&["migrate", "-"], Some("{\"version\": 1,}"));
    assert_eq!(broken.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}
