//! `sendfeed`: the officer's and editor's command line.
//!
//! - `sendfeed validate FILE|- [--today D] [--format json]`: every problem, as
//!   `file:line:col: error: ...` with the source line and a caret, then a summary.
//! - `sendfeed render FILE --widget pathway [--pathway ID] [--lang en|bn] [--heading-level N]
//!   [--into PAGE]`: the static HTML fallback an editor pastes inside the placeholder; with
//!   `--into`, replaces the marked fallback block in PAGE.
//! - `sendfeed fmt FILE [--check]`: rewrites FILE in the canonical layout the editor downloads
//!   (or, with `--check`, only says whether it is in it).
//! - `sendfeed export FEED --measures OUT.xlsx|OUT.csv [--figures OUT.xlsx|OUT.csv]`: the
//!   plan's measures and the indicator figures as sheets to fill in.
//! - `sendfeed import SHEET --into FEED [--dry-run] [--partial]`: a filled-in sheet, row by
//!   row: what will change and what is refused and why; then the feed, written canonically.
//! - `sendfeed migrate FEED [--output OUT | --in-place]`: a version 1 feed (one `plan`)
//!   rewritten as version 2 (`plans`), in the canonical layout; printed unless told where.
//! - `sendfeed schema`, `sendfeed completions bash|zsh|fish|powershell|elvish`.
//!
//! Arguments are parsed by clap (help per command, `--version`, suggestions for a mistyped
//! command or flag). Exit codes: 0 fine, 1 the feed has errors, 2 the command was used wrongly.

mod fallback;
mod report;
mod sheets;

use chrono::NaiveDate;
use clap::error::ErrorKind;
use clap::{ArgGroup, CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use send_core::options::WidgetOptions;
use send_core::validate::validate_feed;
use send_core::widget::render_fallback;
use send_core::{parse_feed, Feed};
use std::io::Read;
use std::process::ExitCode;

/// Said after every command's help: what the exit code means to a CI job.
const EXIT_CODES: &str =
    "Exit codes: 0 fine (warnings allowed), 1 the feed has errors, 2 the command was used wrongly.";

/// Said after `import`'s help.
const IMPORT_EXIT_CODES: &str = "Exit codes: 0 every row was accepted, 1 a row was refused (nothing is written then, unless --partial) or the feed has errors, 2 the command was used wrongly.";

/// The officer's and editor's command line for SEND Pathways feeds.
#[derive(Parser)]
#[command(name = "sendfeed", version, arg_required_else_help = true, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a feed and list every problem, with line, column, the source line and a fix.
    #[command(after_help = EXIT_CODES)]
    Validate {
        /// The feed's JSON file, or - for standard input.
        #[arg(value_name = "FILE")]
        file: String,
        /// The day deadlines are checked against (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
        today: Option<NaiveDate>,
        /// How to list the problems: text for people, json for other programs.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the no-JavaScript fallback HTML for a widget, or put it into a page.
    #[command(after_help = EXIT_CODES)]
    Render {
        /// The feed's JSON file.
        #[arg(value_name = "FILE")]
        file: String,
        /// Which widget: pathway or tracker.
        #[arg(long, value_name = "KIND")]
        widget: String,
        /// A pathway id from the feed (default: the feed's first pathway).
        #[arg(long, value_name = "ID")]
        pathway: Option<String>,
        /// en or bn.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// The level of the widget's top heading, 2 to 6.
        #[arg(long, value_name = "N")]
        heading_level: Option<String>,
        /// Replace the block between <!-- sendfeed:fallback WIDGET ID --> and
        /// <!-- /sendfeed:fallback --> in PAGE instead of printing.
        #[arg(long, value_name = "PAGE")]
        into: Option<String>,
    },
    /// Write a feed in the one canonical layout the editor downloads, changing no value.
    #[command(after_help = EXIT_CODES)]
    Fmt {
        /// The feed's JSON file, rewritten in place; - reads standard input and prints.
        #[arg(value_name = "FILE")]
        file: String,
        /// Change nothing: exit 1 and say so when the file is not in the canonical layout.
        #[arg(long)]
        check: bool,
    },
    /// Write the plan's measures or the indicator figures as a spreadsheet (XLSX or CSV).
    #[command(
        after_help = "The same .xlsx for --measures and --figures gives one workbook with both sheets.\n\nExit codes: 0 written, 1 the feed has errors, 2 the command was used wrongly.",
        group(ArgGroup::new("sheets").required(true).multiple(true).args(["measures", "figures"]))
    )]
    Export {
        /// The feed's JSON file.
        #[arg(value_name = "FEED")]
        feed: String,
        /// Write the measures, one row a measure, to this .xlsx or .csv file.
        #[arg(long, value_name = "OUT")]
        measures: Option<String>,
        /// Write the indicator figures, one row a figure, to this .xlsx or .csv file.
        #[arg(long, value_name = "OUT")]
        figures: Option<String>,
        /// The day "what families see now" is worked out for (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
        today: Option<NaiveDate>,
    },
    /// Read a filled-in sheet into a feed, listing first what changes and what is refused.
    #[command(after_help = IMPORT_EXIT_CODES)]
    Import {
        /// The sheet: an .xlsx (also as Excel re-saved it) or .csv file from sendfeed export.
        #[arg(value_name = "SHEET")]
        sheet: String,
        /// The feed's JSON file to change, rewritten in the canonical layout.
        #[arg(long, value_name = "FEED")]
        into: String,
        /// Only list what would change and what is refused; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write the accepted rows even when some are refused.
        #[arg(long)]
        partial: bool,
        /// The day dates are checked against: none may be after it (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
        today: Option<NaiveDate>,
    },
    /// Rewrite a version 1 feed (one "plan") as version 2 ("plans"), in the canonical layout.
    #[command(
        after_help = "The plan keeps every value; it gains an id made from its label, and no lifecycle (version 1 never said one). A feed already at version 2 keeps its values and is written in the canonical layout.\n\nExit codes: 0 written, 1 the feed has errors, 2 the command was used wrongly.",
        group(ArgGroup::new("to").args(["output", "in_place"]))
    )]
    Migrate {
        /// The version 1 feed's JSON file, or - for standard input.
        #[arg(value_name = "FEED")]
        feed: String,
        /// Write the version 2 feed to this file instead of standard output.
        #[arg(long, short, value_name = "OUT")]
        output: Option<String>,
        /// Rewrite FEED itself.
        #[arg(long)]
        in_place: bool,
    },
    /// Print the feed's JSON Schema (for editors such as VS Code).
    Schema,
    /// Print a shell completion script.
    #[command(
        after_help = "For example: sendfeed completions bash > /etc/bash_completion.d/sendfeed"
    )]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
}

impl Command {
    /// The subcommand's name as typed, for its usage line in an error.
    fn name(&self) -> &'static str {
        match self {
            Command::Validate { .. } => "validate",
            Command::Render { .. } => "render",
            Command::Fmt { .. } => "fmt",
            Command::Export { .. } => "export",
            Command::Import { .. } => "import",
            Command::Migrate { .. } => "migrate",
            Command::Schema => "schema",
            Command::Completions { .. } => "completions",
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn day(value: &str) -> Result<NaiveDate, String> {
    send_core::date::parse_day(value).ok_or_else(|| "write the date as YYYY-MM-DD".to_owned())
}

fn main() -> ExitCode {
    // clap prints help and --version with exit 0, and a usage mistake with a suggestion and exit 2.
    let cli = Cli::parse();
    let name = cli.command.name();
    let result = match cli.command {
        Command::Validate {
            file,
            today,
            format,
        } => validate(&file, today, format),
        Command::Render {
            file,
            widget,
            pathway,
            lang,
            heading_level,
            into,
        } => {
            let attributes = [
                ("data-feed", Some(file.clone())),
                ("data-send-widget", Some(widget)),
                ("data-pathway", pathway),
                ("data-lang", lang),
                ("data-heading-level", heading_level),
            ];
            render(&file, &attributes, into)
        }
        Command::Fmt { file, check } => fmt(&file, check),
        Command::Export {
            feed,
            measures,
            figures,
            today,
        } => export(
            &feed,
            measures.as_deref(),
            figures.as_deref(),
            today.unwrap_or_else(system_today),
        ),
        Command::Import {
            sheet,
            into,
            dry_run,
            partial,
            today,
        } => import(
            &sheet,
            &into,
            Import {
                dry_run,
                partial,
                today: today.unwrap_or_else(system_today),
            },
        ),
        Command::Migrate {
            feed,
            output,
            in_place,
        } => migrate(&feed, output.as_deref(), in_place),
        Command::Schema => {
            print!("{}", send_core::schema::feed_schema_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "sendfeed",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            // The same form as clap's own usage errors, with the command's usage line, and
            // the same exit code (2).
            let mut cli = Cli::command();
            cli.build();
            let error = match cli.find_subcommand_mut(name) {
                Some(command) => command.error(ErrorKind::ValueValidation, message),
                None => cli.error(ErrorKind::ValueValidation, message),
            };
            error.exit()
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
    Ok(parse_or_report(path, &text))
}

/// [`load`] for text already read.
fn parse_or_report(path: &str, text: &str) -> Result<Feed, ExitCode> {
    parse_feed(text).map_err(|error| {
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
    })
}

fn validate(path: &str, today: Option<NaiveDate>, format: Format) -> Result<ExitCode, Usage> {
    let text = read_source(path)?;
    let report = validate_feed(&text, today.unwrap_or_else(system_today));
    let shown = if path == "-" { "<stdin>" } else { path };
    if matches!(format, Format::Json) {
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

/// Rewrites the feed in the canonical layout; with `check`, only compares.
fn fmt(path: &str, check: bool) -> Result<ExitCode, Usage> {
    let text = read_source(path)?;
    let feed = match parse_or_report(path, &text) {
        Ok(feed) => feed,
        Err(code) => return Ok(code),
    };
    let canonical = send_core::edit::write_feed_like(&feed, &text);
    let shown = if path == "-" { "<stdin>" } else { path };
    if check {
        if canonical == text {
            println!("{shown}: in the canonical layout");
            return Ok(ExitCode::SUCCESS);
        }
        println!("{shown}: not in the canonical layout; run: sendfeed fmt {shown}");
        return Ok(ExitCode::from(1));
    }
    if path == "-" {
        print!("{canonical}");
    } else if canonical != text {
        std::fs::write(path, &canonical).map_err(|e| Usage(format!("cannot write {path}: {e}")))?;
        println!("{path}: rewritten in the canonical layout");
    } else {
        println!("{path}: already in the canonical layout");
    }
    Ok(ExitCode::SUCCESS)
}

/// Rewrites a version 1 feed as version 2, to standard output, OUT, or in place. Messages go to
/// standard error, so the printed feed can be piped.
fn migrate(path: &str, output: Option<&str>, in_place: bool) -> Result<ExitCode, Usage> {
    if in_place && path == "-" {
        return Err(Usage(
            "--in-place needs a file, not standard input; use --output".into(),
        ));
    }
    let text = read_source(path)?;
    let mut feed = match parse_or_report(path, &text) {
        Ok(feed) => feed,
        Err(code) => return Ok(code),
    };
    let shown = if path == "-" { "<stdin>" } else { path };
    let changed = feed.migrate_to_v2();
    let written = send_core::edit::write_feed_like(&feed, &text);
    let target = if in_place { Some(path) } else { output };
    match target {
        None => print!("{written}"),
        Some(out) => {
            std::fs::write(out, &written).map_err(|e| Usage(format!("cannot write {out}: {e}")))?
        }
    }
    let place = target.map(|out| format!(" to {out}")).unwrap_or_default();
    if changed {
        eprintln!("{shown}: rewritten as format version 2{place}");
    } else {
        eprintln!(
            "{shown}: already format version {}, nothing to migrate (written in the canonical layout{place})",
            feed.version
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the measures and/or figures sheets; the same .xlsx for both is one workbook.
fn export(
    path: &str,
    measures: Option<&str>,
    figures: Option<&str>,
    today: NaiveDate,
) -> Result<ExitCode, Usage> {
    use send_core::sheet::{figures_table, measures_table};
    let mut outputs: Vec<(&str, sheets::Kind)> = Vec::new();
    for out in [measures, figures].into_iter().flatten() {
        let kind = sheets::kind_of(out, false).map_err(Usage)?;
        if !outputs.iter().any(|(o, _)| *o == out) {
            outputs.push((out, kind));
        }
    }
    if measures.is_some() && measures == figures && outputs[0].1 == sheets::Kind::Csv {
        return Err(Usage(
            "a CSV file holds one sheet: give --measures and --figures different files".into(),
        ));
    }
    let feed = match load(path)? {
        Ok(feed) => feed,
        Err(code) => return Ok(code),
    };
    let measures_sheet = measures_table(&feed, today);
    let figures_sheet = figures_table(&feed);
    for (out, kind) in outputs {
        let mut tables = Vec::new();
        if measures == Some(out) {
            tables.push(&measures_sheet);
        }
        if figures == Some(out) {
            tables.push(&figures_sheet);
        }
        match kind {
            sheets::Kind::Xlsx => sheets::write_xlsx(out, &tables, today),
            sheets::Kind::Csv => sheets::write_csv(out, tables[0]),
        }
        .map_err(Usage)?;
        let said: Vec<String> = tables
            .iter()
            .map(|t| {
                let what = if t.name == measures_sheet.name {
                    "measure"
                } else {
                    "figure"
                };
                let n = t.rows.len();
                format!("{} ({n} {what}{})", t.name, if n == 1 { "" } else { "s" })
            })
            .collect();
        println!("{out}: written, {}", said.join(" and "));
    }
    if feed.plans().is_empty() && measures.is_some() {
        println!("note: {path} has no plan, so the measures sheet has only its header row");
    }
    Ok(ExitCode::SUCCESS)
}

struct Import {
    dry_run: bool,
    partial: bool,
    today: NaiveDate,
}

/// Lists what the sheet will change and what it refuses, then writes the accepted rows (all
/// of them, or with `--partial` those there are) in the canonical layout.
fn import(sheet: &str, path: &str, how: Import) -> Result<ExitCode, Usage> {
    let text = read_source(path)?;
    let feed = match parse_or_report(path, &text) {
        Ok(feed) => feed,
        Err(code) => return Ok(code),
    };
    let cells = sheets::read(sheet).map_err(Usage)?;
    let plan = send_core::sheet::plan_import(&feed, &cells, how.today).map_err(|e| {
        Usage(format!(
            "{sheet}: {e}: export one with sendfeed export and fill that in"
        ))
    })?;
    println!("{sheet} → {path}");
    for line in plan.lines() {
        println!("{line}");
    }
    let refused = plan.refused_rows() > 0;
    let code = if refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    if how.dry_run {
        println!("Dry run: nothing written.");
        return Ok(code);
    }
    if refused && !how.partial {
        println!(
            "Nothing written: fix the refused rows in the sheet and import it again, or add --partial to write the accepted rows."
        );
        return Ok(code);
    }
    if plan.changes().count() == 0 {
        println!("{path}: nothing to change, not written");
        return Ok(code);
    }
    let mut after = feed.clone();
    // The edits were made against this same feed; one that missed would be a bug, and the
    // feed is then left as it was.
    if let Err(error) = plan.apply(&mut after) {
        eprintln!("{path}: not written: {error}");
        return Ok(ExitCode::from(1));
    }
    let written = send_core::edit::write_feed_like(&after, &text);
    let errors_before = validate_feed(&text, how.today);
    let errors_after = validate_feed(&written, how.today);
    if errors_after.errors() > errors_before.errors() {
        println!("Nothing written: the feed would then have errors the checker finds:");
        for d in &errors_after.diagnostics {
            let new = !errors_before
                .diagnostics
                .iter()
                .any(|b| b.message == d.message);
            if new && d.severity == send_core::validate::Severity::Error {
                println!("  {}: {}", d.path, d.message);
            }
        }
        return Ok(ExitCode::from(1));
    }
    std::fs::write(path, &written).map_err(|e| Usage(format!("cannot write {path}: {e}")))?;
    let n = plan.changes().count();
    println!(
        "{path}: written, {n} change{}{}",
        if n == 1 { "" } else { "s" },
        if refused {
            " (the refused rows left out)"
        } else {
            ""
        }
    );
    if send_core::edit::write_feed_like(&feed, &text) != text {
        println!("note: {path} was not in the canonical layout; it is now (as sendfeed fmt writes it), so more lines differ than the changes");
    }
    Ok(code)
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

fn render(
    path: &str,
    attributes: &[(&str, Option<String>)],
    into: Option<String>,
) -> Result<ExitCode, Usage> {
    let (options, warnings) = WidgetOptions::from_attributes(|name| {
        attributes
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.clone())
    })
    .map_err(Usage)?;
    if let Some(warning) = warnings.first() {
        return Err(Usage(warning.clone()));
    }
    let text = read_source(path)?;
    let feed = match parse_or_report(path, &text) {
        Ok(feed) => feed,
        Err(code) => return Ok(code),
    };
    // The same ids as the WordPress block's fallback (a pathway id may hold any character).
    let prefix = send_core::render::common::element_id(
        "spf",
        options.pathway.as_deref().unwrap_or("widget"),
    );
    // A pathway's fallback says which feed text drew it, so the widget can keep it.
    let html = render_fallback(&feed, &text, &options, &prefix)
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
