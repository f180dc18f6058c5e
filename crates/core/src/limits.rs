//! How large and how deep a feed may be: the bottom of the core, below the JSON reader.
//!
//! Everything that reads feed text (the widgets, the checker, the CLI) refuses the same feeds
//! at the same place with the same words, because the numbers and the words live here once.
//! This module imports nothing from the crate.

/// The largest feed the widgets and the checker read: 5 MB. The sample feed, with every
/// pathway and the whole improvement plan, is under 100 KB; a feed fifty times larger is a
/// mistake (a pasted export, an image as text) or an attack, and reading it would stall a
/// phone. Refused before any parsing.
pub const MAX_FEED_BYTES: usize = 5 * 1024 * 1024;

/// The deepest nesting of `[` and `{` a feed may have. Real feeds need under 10 levels; the
/// limit is well below serde_json's own recursion limit (128), so the widgets, the checker and
/// the CLI all refuse the same feeds with the same message. Checked before parsing.
pub const MAX_DEPTH: usize = 64;

/// A feed over one of the limits, and where (line and column from 1, columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// More than [`MAX_FEED_BYTES`]: this many bytes. Said at line 1, column 1.
    Size(u64),
    /// Nested deeper than [`MAX_DEPTH`]: the first bracket too deep.
    Depth { line: usize, column: usize },
}

impl Over {
    pub fn line_column(self) -> (usize, usize) {
        match self {
            Over::Size(_) => (1, 1),
            Over::Depth { line, column } => (line, column),
        }
    }

    /// What is wrong, in the words every reader uses.
    pub fn message(self) -> String {
        match self {
            Over::Size(bytes) => too_large_message(bytes),
            Over::Depth { .. } => too_deep_message(),
        }
    }
}

/// Refuses a feed over [`MAX_FEED_BYTES`] or nested deeper than [`MAX_DEPTH`], in one quick
/// pass over the bytes that builds nothing.
pub fn check(text: &str) -> Result<(), Over> {
    if text.len() > MAX_FEED_BYTES {
        return Err(Over::Size(text.len() as u64));
    }
    match too_deep_at(text) {
        Some(at) => {
            let (line, column) = position(text, at);
            Err(Over::Depth { line, column })
        }
        None => Ok(()),
    }
}

/// "the feed is 6.2 MB, …": shared with the widgets, which also check the size the server
/// announces before downloading.
pub fn too_large_message(bytes: u64) -> String {
    // Tenths of a megabyte, rounded up, so a feed just over the limit never reads "5.0 MB".
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    format!(
        "the feed is {}.{} MB, more than the {} MB these widgets read; a feed this large is \
         almost certainly a mistake (check that the URL is the feed and that nothing was \
         pasted into it)",
        tenths / 10,
        tenths % 10,
        MAX_FEED_BYTES / (1024 * 1024)
    )
}

pub fn too_deep_message() -> String {
    format!("the feed is nested more than {MAX_DEPTH} levels deep")
}

/// The byte offset of the first `[` or `{` deeper than [`MAX_DEPTH`], outside strings.
fn too_deep_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Line and column (both from 1, columns in characters) of a byte offset.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_and_depth_say_where() {
        assert_eq!(check("{}"), Ok(()));
        let large = " ".repeat(MAX_FEED_BYTES + 1);
        assert_eq!(check(&large), Err(Over::Size(large.len() as u64)));
        let deep = format!("{{\n  {}", "[".repeat(MAX_DEPTH));
        let over = check(&deep).unwrap_err();
        assert_eq!(over.line_column(), (2, 2 + MAX_DEPTH));
        assert_eq!(
            over.message(),
            "the feed is nested more than 64 levels deep"
        );
        // Brackets inside text do not count.
        assert_eq!(check(&format!("[\"{}\"]", "[".repeat(200))), Ok(()));
    }
}
