//! `sendfeed`: the officer's and editor's command line.
//!
//! - `sendfeed validate FILE|- [--today D] [--format json]`: every problem, as
//!   `file:line:col: error: ...` with the source line and a caret, then a summary.
//! - `sendfeed render FILE --widget pathway [--pathway ID] [--lang en|bn] [--heading-level N]
//!   [--into PAGE]`: the static HTML fallback an editor pastes inside the placeholder; with
//!   `--into`, replaces the marked fallback block in PAGE.
//!
//! Exit codes: 0 fine, 1 the feed has errors, 2 the command was used wrongly.

mod fallback;
mod report;

use chrono::NaiveDate;
use send_core::options::WidgetOptions;
use send_core::validate::validate_feed;
use send_core::widget::render_widget;
use send_core::{parse_feed, Feed};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  sendfeed validate FILE [--today YYYY-MM-DD] [--format text|json]
                                   check a feed and list every problem (FILE may be - for
                                   standard input); exit 0: no errors, 1: errors, 2: usage
  sendfeed render FILE --widget pathway [--pathway ID] [--lang en|bn] [--heading-level N] [--into PAGE]
                                   print the no-JavaScript fallback HTML for a widget;
                                   --into PAGE replaces the block between
                                   <!-- sendfeed:fallback WIDGET ID --> and <!-- /sendfeed:fallback -->
  sendfeed schema                  print the feed's JSON Schema
  sendfeed --help                  this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") || args.is_empty() {
        println!("{USAGE}");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let result = match args[0].as_str() {
        "validate" => validate(&args[1..]),
        "render" => render(&args[1..]),
        "schema" if args.len() == 1 => {
            print!("{}", send_core::schema::feed_schema_json());
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Usage(format!("unknown command \"{other}\""))),
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("sendfeed: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

struct Usage(String);

fn read_source(path: &str) -> Result<String, Usage> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|e| Usage(format!("cannot read {path}: {e}")))
    }
}

/// Parses, or prints the problem in the `file:line:col: error:` form editors and CI understand.
fn load(path: &str) -> Result<Result<Feed, ExitCode>, Usage> {
    let text = read_source(path)?;
    Ok(parse_feed(&text).map_err(|error| {
        let shown = if path == "-" { "<stdin>" } else { path };
        eprintln!(
            "{shown}:{}:{}: error: {}",
            error.line, error.column, error.message
        );
        if !error.path.is_empty() {
            eprintln!("  at {}", error.path);
        }
        if let Some(line) = text.lines().nth(error.line.saturating_sub(1)) {
            eprintln!(
                "  {line}\n  {}^",
                " ".repeat(error.column.saturating_sub(1))
            );
        }
        ExitCode::from(1)
    }))
}

fn validate(args: &[String]) -> Result<ExitCode, Usage> {
    let mut path = None;
    let mut today = None;
    let mut json = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--today" => {
                let value = rest
                    .next()
                    .ok_or_else(|| Usage("--today needs a date".into()))?;
                today = Some(send_core::date::parse_day(value).ok_or_else(|| {
                    Usage(format!("--today {value}: write the date as YYYY-MM-DD"))
                })?);
            }
            "--format" => match rest.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return Err(Usage("--format takes text or json".into())),
            },
            other if path.is_none() && (other == "-" || !other.starts_with('-')) => {
                path = Some(other.to_owned())
            }
            other => return Err(Usage(format!("unexpected argument {other}"))),
        }
    }
    let path =
        path.ok_or_else(|| Usage("validate needs a FILE (or - for standard input)".into()))?;
    let text = read_source(&path)?;
    let report = validate_feed(&text, today.unwrap_or_else(system_today));
    let shown = if path == "-" {
        "<stdin>"
    } else {
        path.as_str()
    };
    if json {
        let out = serde_json::json!({
            "file": shown,
            "errors": report.errors(),
            "warnings": report.warnings(),
            "diagnostics": report.diagnostics,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        print!("{}", report::human(shown, &text, &report));
    }
    Ok(if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Today's date from the system clock (UTC); the core never reads the clock itself.
fn system_today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

fn render(args: &[String]) -> Result<ExitCode, Usage> {
    let (path, flags) = args
        .split_first()
        .ok_or_else(|| Usage("render needs a FILE".into()))?;
    let mut attributes = vec![("data-feed".to_owned(), path.clone())];
    let mut into = None;
    let mut rest = flags.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| Usage(format!("{flag} needs a value")))?
            .clone();
        match flag.as_str() {
            "--widget" => attributes.push(("data-send-widget".into(), value)),
            "--pathway" => attributes.push(("data-pathway".into(), value)),
            "--lang" => attributes.push(("data-lang".into(), value)),
            "--heading-level" => attributes.push(("data-heading-level".into(), value)),
            "--into" => into = Some(value),
            other => return Err(Usage(format!("unknown option {other}"))),
        }
    }
    let (options, warnings) = WidgetOptions::from_attributes(|name| {
        attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    })
    .map_err(Usage)?;
    if let Some(warning) = warnings.first() {
        return Err(Usage(warning.clone()));
    }
    let feed = match load(path)? {
        Ok(feed) => feed,
        Err(code) => return Ok(code),
    };
    let prefix = format!("spf-{}", options.pathway.as_deref().unwrap_or("widget"));
    let html = render_widget(&feed, &options, &prefix, false)
        .map_err(Usage)?
        .to_html();
    match into {
        None => println!("{html}"),
        Some(page) => {
            let marker = fallback::marker(&options);
            let text = read_source(&page)?;
            let updated = fallback::replace(&text, &marker, &html).map_err(Usage)?;
            std::fs::write(&page, updated)
                .map_err(|e| Usage(format!("cannot write {page}: {e}")))?;
            println!("{page}: fallback for {marker} updated");
        }
    }
    Ok(ExitCode::SUCCESS)
}
