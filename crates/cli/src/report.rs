//! Diagnostics as a person reads them in a terminal, in the `file:line:col: severity: message`
//! form that editors and CI systems turn into clickable links.

use send_core::validate::Report;
use std::fmt::Write;

pub fn human(file: &str, text: &str, report: &Report) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{file}:{}:{}: {}: {}",
            d.line,
            d.column,
            d.severity.as_str(),
            d.message
        );
        if !d.path.is_empty() {
            let _ = writeln!(out, "  at {}", d.path);
        }
        if let Some(source) = lines.get(d.line.saturating_sub(1)) {
            let number = d.line.to_string();
            let caret_at: String = source
                .chars()
                .take(d.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "  {number} | {source}");
            let _ = writeln!(out, "  {} | {caret_at}^", " ".repeat(number.len()));
        }
        let _ = writeln!(out, "  fix: {}\n", d.fix);
    }
    let (errors, warnings) = (report.errors(), report.warnings());
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let verdict = if errors == 0 {
        "the feed can be published"
    } else {
        "fix the errors before publishing"
    };
    let _ = writeln!(
        out,
        "{file}: {}, {}: {verdict}",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    out
}
