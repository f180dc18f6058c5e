//! A JSON reader that remembers where every value is, and explains mistakes people make by hand.
//!
//! serde_json stops at the first error and forgets positions once it has a value. Officers need
//! the line and column of every problem, so the validator reads the text into this tree first.
//! Comments and trailing commas are reported and skipped, so one run lists them all; errors
//! that leave the structure unknowable (a missing quote) end the reading.

use super::{Diagnostic, Severity};

/// Deeper nesting than this is refused: no real feed needs it, and it protects the reader.
/// The same limit as the widgets' parser, so both refuse the same feeds at the same place.
pub use crate::parse::MAX_DEPTH;

#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub value: Value,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in the order written, with the position of each key.
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub line: usize,
    pub column: usize,
    pub value: Json,
}

impl Value {
    /// The JSON type's name as an officer would say it.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list [ ]",
            Value::Object(_) => "an object { }",
        }
    }
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }
}

/// Reads `text`. Recoverable mistakes are pushed to `diagnostics`; `None` when the text cannot
/// be read as JSON at all (the reason is in `diagnostics`).
pub fn read(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Json> {
    let mut reader = Reader {
        text,
        at: 0,
        line: 1,
        column: 1,
        diagnostics,
    };
    let result = reader.document();
    result.ok()
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    column: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
}

/// Reading stopped; the diagnostic has been recorded.
struct Stop;

impl Reader<'_> {
    fn document(&mut self) -> Result<Json, Stop> {
        self.skip_space()?;
        if self.peek().is_none() {
            return Err(self.fatal(
                "the file is empty",
                "Start the feed with { and end it with }; see the feed format guide for a complete example.",
            ));
        }
        let value = self.value(0)?;
        self.skip_space()?;
        if self.peek().is_some() {
            return Err(self.fatal(
                "there is more text after the end of the feed",
                "The feed must be one object: check for an extra } or text pasted after the last }.",
            ));
        }
        Ok(value)
    }

    fn peek(&self) -> Option<char> {
        // JSON's structure is ASCII: decode UTF-8 only inside text.
        match *self.text.as_bytes().get(self.at)? {
            byte if byte.is_ascii() => Some(char::from(byte)),
            _ => self.text[self.at..].chars().next(),
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn record(&mut self, line: usize, column: usize, message: &str, fix: &str) {
        self.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            code: "json-syntax",
            line,
            column,
            path: String::new(),
            message: message.to_owned(),
            fix: fix.to_owned(),
        });
    }

    fn fatal(&mut self, message: &str, fix: &str) -> Stop {
        let (line, column) = (self.line, self.column);
        self.record(line, column, message, fix);
        Stop
    }

    /// Skips whitespace, and comments (reporting each: JSON has none).
    fn skip_space(&mut self) -> Result<(), Stop> {
        loop {
            // Indentation is most of a pretty-printed feed: skip each run of it in one step.
            let run = self.text.as_bytes()[self.at..]
                .iter()
                .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r'))
                .count();
            self.at += run;
            self.column += run;
            match self.peek() {
                Some(' ' | '\t' | '\n' | '\r' | '\u{feff}') => {
                    self.bump();
                }
                Some('/') => {
                    let (line, column) = (self.line, self.column);
                    self.bump();
                    match self.bump() {
                        Some('/') => {
                            while self.peek().is_some_and(|c| c != '\n') {
                                self.bump();
                            }
                        }
                        Some('*') => loop {
                            match self.bump() {
                                Some('*') if self.peek() == Some('/') => {
                                    self.bump();
                                    break;
                                }
                                Some(_) => {}
                                None => {
                                    return Err(self.fatal(
                                        "a /* comment is never closed",
                                        "Delete the comment: JSON files cannot contain comments.",
                                    ))
                                }
                            }
                        },
                        _ => {
                            return Err(self.fatal(
                                "unexpected /",
                                "Put text values in double quotes, for example \"https://example.org\".",
                            ))
                        }
                    }
                    self.record(
                        line,
                        column,
                        "JSON files cannot contain comments",
                        "Delete the comment, or move the note into a text field such as \"note\".",
                    );
                }
                _ => return Ok(()),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Stop> {
        // `depth` counts the containers around this value: opening one more than MAX_DEPTH
        // deep is refused, as `parse::check_limits` does.
        if depth >= MAX_DEPTH && matches!(self.peek(), Some('{' | '[')) {
            return Err(self.fatal(
                &crate::parse::too_deep_message(),
                "Check for brackets that open but never close; real feeds need far fewer levels.",
            ));
        }
        let (line, column) = (self.line, self.column);
        let value = match self.peek() {
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => Value::String(self.string()?),
            Some('\'') => {
                return Err(self.fatal(
                    "text is in single quotes",
                    "Use double quotes: \"like this\", not 'like this'.",
                ))
            }
            Some('-' | '0'..='9') => self.number()?,
            Some(c @ ('“' | '”' | '„' | '‘' | '’')) => {
                return Err(self.fatal(
                    &format!("text starts with a curly quote {c}"),
                    CURLY_FIX,
                ))
            }
            Some(c) if c.is_alphabetic() => self.word()?,
            Some(c) => {
                return Err(self.fatal(
                    &format!("unexpected character '{c}' where a value should be"),
                    "A value is text in double quotes, a number, true, false, null, a list [ ] or an object { }.",
                ))
            }
            None => {
                return Err(self.fatal(
                    "the file ends where a value should be",
                    "The file may have been cut short: check that every { and [ is closed.",
                ))
            }
        };
        Ok(Json {
            value,
            line,
            column,
        })
    }

    fn word(&mut self) -> Result<Value, Stop> {
        let (line, column) = (self.line, self.column);
        let mut word = String::new();
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            word.extend(self.bump());
        }
        match word.as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            "null" => Ok(Value::Null),
            "True" | "False" | "TRUE" | "FALSE" => {
                self.record(
                    line,
                    column,
                    &format!("`{word}` is not JSON"),
                    "Write true or false in lower case.",
                );
                Err(Stop)
            }
            _ => {
                self.record(
                    line,
                    column,
                    &format!("`{word}` is not in double quotes"),
                    &format!("Put text in double quotes: \"{word}\"."),
                );
                Err(Stop)
            }
        }
    }

    fn number(&mut self) -> Result<Value, Stop> {
        let (line, column) = (self.line, self.column);
        let mut text = String::new();
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
        {
            text.extend(self.bump());
        }
        let leading_zero =
            text.len() > 1 && text.starts_with('0') && text.as_bytes()[1].is_ascii_digit();
        let valid_json = !(text.starts_with("-.") || text.starts_with('.') || leading_zero);
        match text.parse::<f64>() {
            Ok(n) if valid_json && n.is_finite() => Ok(Value::Number(n)),
            _ => {
                self.record(
                    line,
                    column,
                    &format!("`{text}` is not a number JSON can read"),
                    "Write numbers like 16600 or 48.5: no leading zeros, commas, % signs or units.",
                );
                Err(Stop)
            }
        }
    }

    fn string(&mut self) -> Result<String, Stop> {
        let (line, column) = (self.line, self.column);
        self.bump();
        let mut out = String::new();
        loop {
            // Most of a feed is plain text: take each run of it in one step, not char by char.
            // The run ends at an ASCII byte (or the end), so it ends on a character boundary;
            // bytes of 0x80 and over are parts of non-ASCII characters, which are plain text.
            let run = self.text.as_bytes()[self.at..]
                .iter()
                .take_while(|&&b| b != b'"' && b != b'\\' && b >= b' ')
                .count();
            let plain = &self.text[self.at..self.at + run];
            out.push_str(plain);
            self.at += run;
            // Columns count characters: every byte but UTF-8's continuation bytes starts one.
            self.column += plain.bytes().filter(|b| b & 0xC0 != 0x80).count();
            match self.bump() {
                Some('"') => return Ok(out),
                Some('\\') => match self.bump() {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('/') => out.push('/'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('u') => out.push(self.unicode_escape()?),
                    _ => {
                        return Err(self.fatal(
                            "a backslash \\ starts an escape JSON does not know",
                            "Write a backslash as \\\\, a quote inside text as \\\".",
                        ))
                    }
                },
                Some('\n') | None => {
                    self.record(
                        line,
                        column,
                        "this text has no closing double quote",
                        "Add the missing \" at the end of the text (texts cannot run over several lines; use \\n for a line break).",
                    );
                    return Err(Stop);
                }
                Some(c) if (c as u32) < 0x20 => {
                    return Err(self.fatal(
                        "a text contains a control character (such as a tab)",
                        "Replace tabs with spaces, or write them as \\t.",
                    ))
                }
                Some(c) => out.push(c),
            }
        }
    }

    fn unicode_escape(&mut self) -> Result<char, Stop> {
        let hex = |reader: &mut Self| -> Option<u32> {
            let mut code = 0;
            for _ in 0..4 {
                code = code * 16 + reader.bump()?.to_digit(16)?;
            }
            Some(code)
        };
        let bad = |reader: &mut Self| {
            reader.fatal(
                "a \\u escape is not four hexadecimal digits",
                "Write the character itself instead of a \\u escape.",
            )
        };
        let Some(first) = hex(self) else {
            return Err(bad(self));
        };
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.bump() != Some('\\') || self.bump() != Some('u') {
                return Err(bad(self));
            }
            let Some(second) = hex(self).filter(|s| (0xDC00..0xE000).contains(s)) else {
                return Err(bad(self));
            };
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| bad(self))
    }

    /// Steps over a comma; one right before `close` is reported (JSON forbids it) and skipped.
    fn comma(&mut self, close: char, last: &str) -> Result<(), Stop> {
        let (line, column) = (self.line, self.column);
        self.bump();
        self.skip_space()?;
        if self.peek() == Some(close) {
            self.record(
                line,
                column,
                &format!("there is a comma after {last}"),
                &format!("Delete this comma: JSON does not allow a comma before {close}."),
            );
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Value, Stop> {
        self.bump();
        let mut items = Vec::new();
        loop {
            self.skip_space()?;
            if self.peek() == Some(']') {
                self.bump();
                return Ok(Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            self.skip_space()?;
            match self.peek() {
                Some(',') => self.comma(']', "the last item of a list")?,
                Some(']') => {}
                Some(_) => {
                    return Err(self.fatal(
                        "a comma is missing between two items of a list",
                        "Add a comma after the previous item.",
                    ))
                }
                None => {
                    return Err(self.fatal(
                        "a list [ is never closed",
                        "Add the missing ] (the file may have been cut short).",
                    ))
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Stop> {
        self.bump();
        let mut members: Vec<Member> = Vec::new();
        loop {
            self.skip_space()?;
            let (line, column) = (self.line, self.column);
            match self.peek() {
                Some('}') => {
                    self.bump();
                    return Ok(Value::Object(members));
                }
                Some('"') => {}
                Some(c @ ('“' | '”' | '„' | '‘' | '’')) => {
                    return Err(self.fatal(
                        &format!("a property name starts with a curly quote {c}"),
                        CURLY_FIX,
                    ))
                }
                Some(c) if c.is_alphabetic() => {
                    return Err(self.fatal(
                        "a property name is not in double quotes",
                        "Put the name in double quotes, for example \"title\": \"...\".",
                    ))
                }
                None => {
                    return Err(self.fatal(
                        "an object { is never closed",
                        "Add the missing } (the file may have been cut short).",
                    ))
                }
                Some(_) => {
                    return Err(self.fatal(
                        "a property name should be here",
                        "Each entry of an object is \"name\": value, separated by commas.",
                    ))
                }
            }
            let key = self.string()?;
            self.skip_space()?;
            if self.peek() != Some(':') {
                return Err(self.fatal(
                    &format!("a colon is missing after \"{key}\""),
                    &format!("Write \"{key}\": followed by its value."),
                ));
            }
            self.bump();
            self.skip_space()?;
            let value = self.value(depth + 1)?;
            if members.iter().any(|m| m.key == key) {
                self.record(
                    line,
                    column,
                    &format!("\"{key}\" appears twice in the same object"),
                    "Keep one of them: only one value can be used.",
                );
            }
            members.push(Member {
                key,
                line,
                column,
                value,
            });
            self.skip_space()?;
            match self.peek() {
                Some(',') => self.comma('}', "the last entry of an object")?,
                Some('}') => {}
                Some('"') => {
                    return Err(self.fatal(
                        "a comma is missing between two entries",
                        "Add a comma at the end of the previous line.",
                    ))
                }
                None => {
                    return Err(self.fatal(
                        "an object { is never closed",
                        "Add the missing } (the file may have been cut short).",
                    ))
                }
                Some(c) if c.is_alphanumeric() || matches!(c, '“' | '”' | '‘' | '’') => {
                    return Err(self.fatal(
                        "a straight double quote \" inside the text ends it too early",
                        INNER_QUOTE_FIX,
                    ))
                }
                Some(c) => {
                    return Err(self.fatal(
                        &format!("unexpected '{c}' after a value"),
                        "Separate entries with commas; check the previous value is complete.",
                    ))
                }
            }
        }
    }
}

/// Text copied from Word or minutes often brings curly quotes where JSON needs straight ones.
const CURLY_FIX: &str = "Put text and names between straight double quotes \", as a keyboard \
     types them, not curly ones “ ”: curly quotes only belong inside the text.";

/// A quotation copied into text ends the text at its first straight quote.
const INNER_QUOTE_FIX: &str =
    "Inside text, use ' or curly quotes “like this”, or type \\\" for a straight double quote.";

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Option<Json>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let json = read(text, &mut diagnostics);
        (json, diagnostics)
    }

    #[test]
    fn values_keep_their_positions() {
        let (json, diagnostics) = read_all("{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": null}\n}");
        assert!(diagnostics.is_empty());
        let json = json.unwrap();
        let a = json.get("a").unwrap();
        assert_eq!((a.line, a.column), (2, 8));
        let Value::Array(items) = &a.value else {
            panic!()
        };
        assert_eq!(items[1].value, Value::String("x".into()));
        assert_eq!(json.get("b").unwrap().get("c").unwrap().column, 14);
    }

    #[test]
    fn comments_and_trailing_commas_are_all_reported_and_skipped() {
        let (json, diagnostics) = read_all("{\n // note\n \"a\": [1,],\n \"b\": 2, /* x */\n}");
        assert!(json.is_some());
        let found: Vec<(usize, usize)> = diagnostics.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(found, [(2, 2), (3, 9), (4, 10), (4, 8)]);
    }

    #[test]
    fn fatal_mistakes_say_what_and_where() {
        let cases = [
            ("{\"a\": \"open\n}", (1, 7), "no closing double quote"),
            ("{\"a\": 'x'}", (1, 7), "single quotes"),
            ("{\"a\": “x”}", (1, 7), "starts with a curly quote “"),
            (
                "{“a”: 1}",
                (1, 2),
                "property name starts with a curly quote",
            ),
            (
                "{\"a\": \"the \"best\" one\"}",
                (1, 13),
                "inside the text ends it too early",
            ),
            ("{\"a\": 1 \"b\": 2}", (1, 9), "comma is missing"),
            ("{a: 1}", (1, 2), "not in double quotes"),
            ("{\"a\": True}", (1, 7), "is not JSON"),
            ("{\"a\": 012}", (1, 7), "not a number"),
            ("{\"a\": [1, 2}", (1, 12), "comma is missing"),
            ("", (1, 1), "empty"),
        ];
        for (text, position, words) in cases {
            let (json, diagnostics) = read_all(text);
            assert!(json.is_none(), "{text}");
            let d = diagnostics.last().unwrap();
            assert_eq!((d.line, d.column), position, "{text}: {d:?}");
            assert!(d.message.contains(words), "{text}: {}", d.message);
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(MAX_DEPTH + 5);
        let (json, diagnostics) = read_all(&text);
        assert!(json.is_none());
        assert!(diagnostics[0].message.contains("nested"));
    }

    #[test]
    fn escapes_and_duplicates() {
        let (json, diagnostics) = read_all(r#"{"a": "\u00e9\ud83d\ude00\n", "a": 1}"#);
        assert_eq!(
            json.unwrap().get("a").unwrap().value,
            Value::String("é😀\n".into())
        );
        assert!(diagnostics[0].message.contains("appears twice"));
    }
}
