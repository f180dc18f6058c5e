//! One stylesheet to edit, one to download per widget build: `send-pathways.css` is split at
//! its `/* sp-build: NAME */` markers into `send-pathway.css` (the rules both widgets use and the
//! pathway's) and `send-tracker.css` (the same common rules and the tracker's). A page with one
//! kind of widget then downloads only its rules (measured at 27a1ebb, brotli: the tracker
//! page's stylesheet 3,788 → about 3,000 bytes, the pathway page's → about 2,700); the whole
//! file stays for the page with both, the demo pages and pages that link it by hand.
//!
//! A marker may say why after its part's name (`/* sp-build: common, the tracker's too */`).
//! A marker holds until the next one at the same level, or the end of the block it is in (an
//! `@media` block starts with the part around it), so the forced-colours and print blocks can
//! give each rule to its widget. The split works on whole rules: a rule is never cut.

use std::fmt;

/// The part of the source a marker names: both widgets, or one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Common,
    Pathway,
    Tracker,
}

/// The stylesheets cut from the source: (file name, the part it adds to the common rules).
pub const PIECES: &[(&str, Part)] = &[
    ("send-pathway.css", Part::Pathway),
    ("send-tracker.css", Part::Tracker),
];

const MARKER: &str = "sp-build:";

/// A piece of a stylesheet, its text kept exactly as written.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    /// Whitespace or a comment between rules.
    Between(&'a str),
    /// A marker comment: what follows belongs to this part.
    Marker(&'a str, Part),
    /// A whole rule: a style rule, or an at-rule with no rules inside (`@import …;`).
    Rule(&'a str),
    /// A block of rules (`@media … {`, the rules, `}`).
    Group {
        head: &'a str,
        body: Vec<Piece<'a>>,
        tail: &'a str,
    },
}

#[derive(Debug, PartialEq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The line of a byte offset, for messages.
fn line_of(source: &str, at: usize) -> usize {
    source[..at].matches('\n').count() + 1
}

/// Reads the pieces from `at` until the end of `source` (top level) or a `}` closing the
/// block they are in; returns them and where it stopped (at the `}`, or the end).
fn pieces<'a>(
    source: &'a str,
    mut at: usize,
    nested: bool,
) -> Result<(Vec<Piece<'a>>, usize), Error> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    loop {
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at > start {
            out.push(Piece::Between(&source[start..at]));
        }
        if at == bytes.len() {
            if nested {
                return Err(Error(format!(
                    "a block is not closed by the end of the stylesheet (line {})",
                    line_of(source, start)
                )));
            }
            return Ok((out, at));
        }
        if bytes[at] == b'}' {
            if nested {
                return Ok((out, at));
            }
            return Err(Error(format!(
                "a `}}` closes nothing (line {})",
                line_of(source, at)
            )));
        }
        if source[at..].starts_with("/*") {
            let end = comment_end(source, at)?;
            let text = &source[at..end];
            let inner = text[2..text.len() - 2].trim();
            out.push(match inner.strip_prefix(MARKER) {
                // The part's name, then any words on why.
                Some(rest) => {
                    let name = rest.trim_start().split([' ', ',', '\n', ':']).next();
                    Piece::Marker(text, part_named(name.unwrap_or(""), source, at)?)
                }
                None => Piece::Between(text),
            });
            at = end;
            continue;
        }
        // A rule: its prelude up to `{` (or `;` for a statement at-rule), then its block.
        let mut prelude_end = at;
        loop {
            match bytes.get(prelude_end) {
                None => {
                    return Err(Error(format!(
                        "a rule has no block (line {})",
                        line_of(source, at)
                    )))
                }
                Some(b'{') | Some(b';') => break,
                Some(b'}') => {
                    return Err(Error(format!(
                        "a rule has no block (line {})",
                        line_of(source, at)
                    )))
                }
                Some(b'"') | Some(b'\'') => prelude_end = string_end(source, prelude_end)?,
                Some(b'/') if source[prelude_end..].starts_with("/*") => {
                    prelude_end = comment_end(source, prelude_end)?
                }
                Some(_) => prelude_end += 1,
            }
        }
        if bytes[prelude_end] == b';' {
            out.push(Piece::Rule(&source[at..=prelude_end]));
            at = prelude_end + 1;
            continue;
        }
        let is_group = ["@media", "@supports", "@layer", "@container"]
            .iter()
            .any(|name| source[at..].starts_with(name));
        if is_group {
            let (body, close) = pieces(source, prelude_end + 1, true)?;
            out.push(Piece::Group {
                head: &source[at..=prelude_end],
                body,
                tail: &source[close..=close],
            });
            at = close + 1;
        } else {
            let end = block_end(source, prelude_end)?;
            out.push(Piece::Rule(&source[at..end]));
            at = end;
        }
    }
}

fn part_named(name: &str, source: &str, at: usize) -> Result<Part, Error> {
    match name {
        "common" => Ok(Part::Common),
        "pathway" => Ok(Part::Pathway),
        "tracker" => Ok(Part::Tracker),
        _ => Err(Error(format!(
            "`{MARKER} {name}` names no part (common, pathway or tracker; line {})",
            line_of(source, at)
        ))),
    }
}

/// Where the comment starting at `at` ends (just after its `*/`).
fn comment_end(source: &str, at: usize) -> Result<usize, Error> {
    source[at + 2..]
        .find("*/")
        .map(|end| at + 2 + end + 2)
        .ok_or_else(|| {
            Error(format!(
                "a comment is not closed (line {})",
                line_of(source, at)
            ))
        })
}

/// Where the string starting at `at` ends (just after its closing quote).
fn string_end(source: &str, at: usize) -> Result<usize, Error> {
    let bytes = source.as_bytes();
    let quote = bytes[at];
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => break,
            c if c == quote => return Ok(i + 1),
            _ => i += 1,
        }
    }
    Err(Error(format!(
        "a string is not closed (line {})",
        line_of(source, at)
    )))
}

/// Where the block opening at `open` (a `{`) ends, just after its matching `}`.
fn block_end(source: &str, open: usize) -> Result<usize, Error> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                depth += 1;
                i += 1;
            }
            b'}' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Ok(i);
                }
            }
            b'"' | b'\'' => i = string_end(source, i)?,
            b'/' if source[i..].starts_with("/*") => i = comment_end(source, i)?,
            _ => i += 1,
        }
    }
    Err(Error(format!(
        "a block is not closed (line {})",
        line_of(source, open)
    )))
}

/// Writes the pieces of `wanted` (and the common ones) to `out`; says whether any rule went.
fn write(pieces: &[Piece], mut part: Part, wanted: Part, out: &mut String) -> bool {
    let mut wrote_rule = false;
    for piece in pieces {
        let keep = part == Part::Common || part == wanted;
        match piece {
            Piece::Marker(_, named) => part = *named,
            Piece::Between(text) => {
                if keep {
                    out.push_str(text);
                }
            }
            Piece::Rule(text) => {
                if keep {
                    out.push_str(text);
                    wrote_rule = true;
                }
            }
            Piece::Group { head, body, tail } => {
                let mut inner = String::new();
                if write(body, part, wanted, &mut inner) {
                    out.push_str(head);
                    out.push_str(&inner);
                    out.push_str(tail);
                    wrote_rule = true;
                }
            }
        }
    }
    wrote_rule
}

/// The stylesheet of one widget's build: the common rules and `wanted`'s, in source order.
pub fn piece(source: &str, wanted: Part) -> Result<String, Error> {
    let (pieces, _) = pieces(source, 0, false)?;
    let mut out = String::new();
    write(&pieces, Part::Common, wanted, &mut out);
    Ok(out)
}

/// Writes each piece of the source stylesheet next to it in `dist`.
pub fn split_into(source: &std::path::Path, dist: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    for (name, part) in PIECES {
        let css = piece(&text, *part).map_err(|e| format!("{}: {e}", source.display()))?;
        std::fs::write(dist.join(name), css).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule, each with the at-rule blocks around it, and the marker parts it fell under.
    fn rules(source: &str) -> Vec<String> {
        fn walk(pieces: &[Piece], context: &str, out: &mut Vec<String>) {
            for piece in pieces {
                match piece {
                    Piece::Rule(text) => out.push(format!("{context}{}", text.trim())),
                    Piece::Group { head, body, .. } => {
                        walk(body, &format!("{context}{} ", head.trim()), out)
                    }
                    _ => {}
                }
            }
        }
        let (pieces, _) = pieces(source, 0, false).expect("the stylesheet reads");
        let mut out = Vec::new();
        walk(&pieces, "", &mut out);
        out
    }

    fn source() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../widgets/assets/send-pathways.css"
        );
        std::fs::read_to_string(path).expect("the widget stylesheet")
    }

    #[test]
    fn every_rule_of_the_stylesheet_lands_in_a_piece_and_each_piece_reads_whole() {
        let source = source();
        let all = rules(&source);
        assert!(all.len() > 100, "{} rules", all.len());
        let pieces: Vec<Vec<String>> = PIECES
            .iter()
            .map(|(_, part)| rules(&piece(&source, *part).expect("splits")))
            .collect();
        for rule in &all {
            assert!(
                pieces.iter().any(|piece| piece.contains(rule)),
                "in no piece: {rule}"
            );
        }
        for piece in &pieces {
            for rule in piece {
                assert!(all.contains(rule), "not in the source: {rule}");
            }
            assert!(piece.len() < all.len());
        }
        // In source order, so the cascade is the source's.
        for piece in &pieces {
            let positions: Vec<usize> = piece
                .iter()
                .map(|rule| all.iter().position(|r| r == rule).expect("from the source"))
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn each_widget_gets_its_own_rules_and_the_common_ones_only() {
        let source = source();
        let pathway = piece(&source, Part::Pathway).expect("splits");
        let tracker = piece(&source, Part::Tracker).expect("splits");
        for (css, has, lacks) in [
            (&pathway, ".sp-map__box", ".sp-chart__grid"),
            (&tracker, ".sp-chart__grid", ".sp-map__box"),
        ] {
            assert!(css.contains(has), "{has}");
            assert!(!css.contains(lacks), "{lacks}");
            // The common rules: the isolation reset, the date questions, the print rules.
            for common in [":not(#sp-isolated).sp *", ".sp-date-input", "@media print"] {
                assert!(css.contains(common), "{common}");
            }
            // Forced colours: each widget's drawings keep theirs.
            assert!(css.contains("@media (forced-colors: active)"));
        }
    }

    #[test]
    fn markers_hold_until_the_next_one_or_the_end_of_their_block() {
        let css = "a{x:1}\n/* sp-build: pathway */\nb{x:2}\n@media print{/* sp-build: tracker */c{x:3}}\nd{x:4}\n/* sp-build: common */\ne{x:5}";
        assert_eq!(
            piece(css, Part::Pathway).expect("splits"),
            "a{x:1}\n\nb{x:2}\n\nd{x:4}\n\ne{x:5}"
        );
        assert_eq!(
            piece(css, Part::Tracker).expect("splits"),
            "a{x:1}\n@media print{c{x:3}}\ne{x:5}"
        );
    }

    #[test]
    fn a_broken_stylesheet_or_an_unknown_marker_is_an_error() {
        for css in [
            "a{x:1",
            "a{x:1}}",
            "@media print{a{x:1}",
            "/* open",
            "a{content:\"}",
            "/* sp-build: both */",
        ] {
            assert!(piece(css, Part::Pathway).is_err(), "{css}");
        }
        assert_eq!(
            piece("a{content:\"}\"}", Part::Tracker).expect("a brace in a string"),
            "a{content:\"}\"}"
        );
    }
}
