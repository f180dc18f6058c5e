//! `sendfeed`: the officer's and editor's command line.
//!
//! - `sendfeed validate FILE|-`: is the feed readable? Prints `file:line:col: error: ...`.
//! - `sendfeed render FILE --widget pathway [--pathway ID] [--lang en|bn] [--heading-level N]
//!   [--into PAGE]`: the static HTML fallback an editor pastes inside the placeholder; with
//!   `--into`, replaces the marked fallback block in PAGE.
//!
//! Exit codes: 0 fine, 1 the feed has errors, 2 the command was used wrongly.

mod fallback;

use send_core::options::WidgetOptions;
use send_core::widget::render_widget;
use send_core::{parse_feed, Feed};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  sendfeed validate FILE           check a feed (FILE may be - for standard input)
  sendfeed render FILE --widget pathway [--pathway ID] [--lang en|bn] [--heading-level N] [--into PAGE]
                                   print the no-JavaScript fallback HTML for a widget;
                                   --into PAGE replaces the block between
                                   <!-- sendfeed:fallback WIDGET ID --> and <!-- /sendfeed:fallback -->
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
    let [path] = args else {
        return Err(Usage("validate takes one FILE".into()));
    };
    Ok(match load(path)? {
        Ok(_) => {
            println!("{path}: no errors");
            ExitCode::SUCCESS
        }
        Err(code) => code,
    })
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
