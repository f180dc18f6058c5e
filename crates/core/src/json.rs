//! A JSON reader that remembers where every value is, and says what went wrong in plain words.
//!
//! serde_json stops at the first error and forgets positions once it has a value. Officers need
//! the line and column of every problem, so the feed reader ([`crate::read`]) and the checker
//! ([`crate::validate`]) both read the text into this tree first. Comments and trailing commas
//! are reported and skipped, so one run lists them all; errors that leave the structure
//! unknowable (a missing quote) end the reading.
//!
//! Layering: this module sits just above [`crate::limits`] and imports nothing else from the
//! crate. A problem is a [`Problem`] (what, with its words) at a place; how to fix it is the
//! checker's business (`validate::syntax`), so the fix texts are not in the widgets' wasm.
//!
//! The grammar is JSON's (RFC 8259) exactly, as serde_json reads it: numbers like `1.`, `.5`,
//! `-01` or `1.e5` are refused, and a byte order mark is allowed only as the first character.
//! Whether a number was written as a whole number (`20`, not `20.0` or `2e1`) is kept, because
//! serde refuses the others for a whole-number field and the feed reader must do the same.

/// Deeper nesting than this is refused: no real feed needs it, and it protects the reader.
/// The same limit as the size-and-depth pass, so both refuse the same feeds at the same place.
pub use crate::limits::MAX_DEPTH;

#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub value: Value,
    pub line: usize,
    pub column: usize,
    /// A number written as a whole number: digits, perhaps after a `-`, with no fraction or
    /// exponent, and not `-0` (serde reads that as a fraction). False for anything else.
    pub integer: bool,
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

/// What is wrong at a place in the text. The words are [`Problem::message`]; the checker adds
/// how to fix each (`validate::syntax`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TextAfterEnd,
    /// A `//` or `/* */` comment (reported and skipped).
    Comment,
    CommentNotClosed,
    StraySlash,
    TooDeep,
    SingleQuotes,
    /// A value starting with a curly quote.
    CurlyValue(char),
    /// A property name starting with a curly quote.
    CurlyName(char),
    UnexpectedCharacter(char),
    EndsWhereValue,
    /// `True`, `FALSE`…
    CapitalisedBool(String),
    /// A word that is not `true`, `false` or `null`.
    UnquotedWord(String),
    /// Text starting like a number that is not one JSON allows.
    BadNumber(String),
    UnknownEscape,
    BadUnicodeEscape,
    TextNotClosed,
    ControlCharacter,
    /// A comma right before the `]` or `}` given (reported and skipped).
    TrailingComma(char),
    CommaMissingInList,
    ListNotClosed,
    NameNotQuoted,
    NameExpected,
    ObjectNotClosed,
    ColonMissing(String),
    /// The same key twice in one object (reported; the reading goes on).
    DuplicateKey(String),
    CommaMissingInObject,
    /// A straight quote inside a text, ending it early.
    InnerQuote,
    UnexpectedAfterValue(char),
}

impl Problem {
    /// What is wrong, in plain English, for the widgets' notice and the checker alike.
    pub fn message(&self) -> String {
        match self {
            Problem::Empty => "the file is empty".into(),
            Problem::TextAfterEnd => "there is more text after the end of the feed".into(),
            Problem::Comment => "JSON files cannot contain comments".into(),
            Problem::CommentNotClosed => "a /* comment is never closed".into(),
            Problem::StraySlash => "unexpected /".into(),
            Problem::TooDeep => crate::limits::too_deep_message(),
            Problem::SingleQuotes => "text is in single quotes".into(),
            Problem::CurlyValue(c) => format!("text starts with a curly quote {c}"),
            Problem::CurlyName(c) => format!("a property name starts with a curly quote {c}"),
            Problem::UnexpectedCharacter(c) => {
                format!("unexpected character '{c}' where a value should be")
            }
            Problem::EndsWhereValue => "the file ends where a value should be".into(),
            Problem::CapitalisedBool(word) => format!("`{word}` is not JSON"),
            Problem::UnquotedWord(word) => format!("`{word}` is not in double quotes"),
            Problem::BadNumber(text) => format!("`{text}` is not a number JSON can read"),
            Problem::UnknownEscape => "a backslash \\ starts an escape JSON does not know".into(),
            Problem::BadUnicodeEscape => "a \\u escape is not four hexadecimal digits".into(),
            Problem::TextNotClosed => "this text has no closing double quote".into(),
            Problem::ControlCharacter => {
                "a text contains a control character (such as a tab)".into()
            }
            Problem::TrailingComma(close) => format!(
                "there is a comma after {}",
                if *close == ']' {
                    "the last item of a list"
                } else {
                    "the last entry of an object"
                }
            ),
            Problem::CommaMissingInList => "a comma is missing between two items of a list".into(),
            Problem::ListNotClosed => "a list [ is never closed".into(),
            Problem::NameNotQuoted => "a property name is not in double quotes".into(),
            Problem::NameExpected => "a property name should be here".into(),
            Problem::ObjectNotClosed => "an object { is never closed".into(),
            Problem::ColonMissing(key) => format!("a colon is missing after \"{key}\""),
            Problem::DuplicateKey(key) => format!("\"{key}\" appears twice in the same object"),
            Problem::CommaMissingInObject => "a comma is missing between two entries".into(),
            Problem::InnerQuote => {
                "a straight double quote \" inside the text ends it too early".into()
            }
            Problem::UnexpectedAfterValue(c) => format!("unexpected '{c}' after a value"),
        }
    }
}

/// A problem and where it starts (line and column from 1, columns in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

impl JsonError {
    pub fn message(&self) -> String {
        self.problem.message()
    }
}

/// Turns the text of a number, already known to be in JSON's grammar, into the nearest `f64`,
/// for the numbers [`exact`] leaves (more than 15 significant digits, or a power of ten
/// beyond ±22). `None` if it cannot.
pub type Convert = fn(&str) -> Option<f64>;

/// The standard library's conversion, for [`read_with`]: correct for every number, and what
/// [`read`] uses. It costs the wasm 14.5 kB brotli (its power-of-five table and the slow path),
/// so the family widgets pass the browser's own instead (`send-widgets`' `fetch.rs`).
pub fn std_convert(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// Reads `text`. Recoverable mistakes are pushed to `problems`; `None` when the text cannot
/// be read as JSON at all (the reason is the last of `problems`).
pub fn read(text: &str, problems: &mut Vec<JsonError>) -> Option<Json> {
    read_with(text, problems, std_convert)
}

/// [`read`], with `convert` for the numbers the reader does not convert itself ([`exact`]).
pub fn read_with(text: &str, problems: &mut Vec<JsonError>, convert: Convert) -> Option<Json> {
    let mut reader = Reader {
        text,
        at: 0,
        line: 1,
        column: 1,
        problems,
        convert,
    };
    // A byte order mark (Windows Notepad writes one) is allowed as the first character only.
    if text.starts_with('\u{feff}') {
        reader.at = '\u{feff}'.len_utf8();
        reader.column = 2;
    }
    let result = reader.document();
    result.ok()
}

/// A character of a word an officer forgot to quote: an ASCII letter, digit or `_`, or any
/// character beyond ASCII that is not a space (a letter of another script, most likely).
/// Unicode's letter tables (`char::is_alphabetic`) would cost the family wasm 1.6 kB brotli,
/// only to word a mistake that is refused either way.
fn wordlike(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && !c.is_whitespace())
}

/// The `f64` nearest to `text`, a number in JSON's grammar, when it can be had exactly by one
/// rounding: its digits, without the point, make an integer below 2^53, and the power of ten
/// that scales them is at most 22 either way. Both are then exact `f64`s, and IEEE
/// multiplication and division round their result correctly once (Clinger's fast path, which
/// the standard library takes first too). `None` for the rest, which [`Convert`] is for.
/// Every figure a council publishes (`20`, `45.5`, `0.25`, `2024`) is read here.
pub fn exact(text: &str) -> Option<f64> {
    const MAX_EXACT: u64 = 1 << 53;
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut mantissa: u64 = 0;
    for digit in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(u64::from(digit.checked_sub(b'0')?))?;
    }
    if mantissa > MAX_EXACT {
        return None;
    }
    let scale = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    let power =
        (0..scale.unsigned_abs()).try_fold(1.0_f64, |p, _| (p < 1e22).then_some(p * 10.0))?;
    // Integers up to 2^53 are exact f64s; so are the powers of ten up to 10^22.
    let value = if scale < 0 {
        mantissa as f64 / power
    } else {
        mantissa as f64 * power
    };
    Some(if negative { -value } else { value })
}

/// Whether `text` is a number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn is_json_number(text: &str) -> bool {
    let digits = |bytes: &[u8], from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => at += digits(bytes, at),
        _ => return false,
    }
    if bytes.get(at) == Some(&b'.') {
        let n = digits(bytes, at + 1);
        if n == 0 {
            return false;
        }
        at += 1 + n;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let n = digits(bytes, at);
        if n == 0 {
            return false;
        }
        at += n;
    }
    at == bytes.len()
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    column: usize,
    problems: &'a mut Vec<JsonError>,
    convert: Convert,
}

/// Reading stopped; the problem has been recorded.
struct Stop;

impl Reader<'_> {
    fn document(&mut self) -> Result<Json, Stop> {
        self.skip_space()?;
        if self.peek().is_none() {
            return Err(self.fatal(Problem::Empty));
        }
        let value = self.value(0)?;
        self.skip_space()?;
        if self.peek().is_some() {
            return Err(self.fatal(Problem::TextAfterEnd));
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

    fn record(&mut self, line: usize, column: usize, problem: Problem) {
        self.problems.push(JsonError {
            line,
            column,
            problem,
        });
    }

    fn fatal(&mut self, problem: Problem) -> Stop {
        let (line, column) = (self.line, self.column);
        self.record(line, column, problem);
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
                Some(' ' | '\t' | '\n' | '\r') => {
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
                                None => return Err(self.fatal(Problem::CommentNotClosed)),
                            }
                        },
                        _ => return Err(self.fatal(Problem::StraySlash)),
                    }
                    self.record(line, column, Problem::Comment);
                }
                _ => return Ok(()),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Stop> {
        // `depth` counts the containers around this value: opening one more than MAX_DEPTH
        // deep is refused, as `limits::check` does.
        if depth >= MAX_DEPTH && matches!(self.peek(), Some('{' | '[')) {
            return Err(self.fatal(Problem::TooDeep));
        }
        let (line, column) = (self.line, self.column);
        let mut integer = false;
        let value = match self.peek() {
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => Value::String(self.string()?),
            Some('\'') => return Err(self.fatal(Problem::SingleQuotes)),
            Some('-' | '0'..='9') => {
                let (number, whole) = self.number()?;
                integer = whole;
                number
            }
            Some(c @ ('“' | '”' | '„' | '‘' | '’')) => {
                return Err(self.fatal(Problem::CurlyValue(c)))
            }
            Some(c) if wordlike(c) => self.word()?,
            Some(c) => return Err(self.fatal(Problem::UnexpectedCharacter(c))),
            None => return Err(self.fatal(Problem::EndsWhereValue)),
        };
        Ok(Json {
            value,
            line,
            column,
            integer,
        })
    }

    fn word(&mut self) -> Result<Value, Stop> {
        let (line, column) = (self.line, self.column);
        let mut word = String::new();
        while self.peek().is_some_and(wordlike) {
            word.extend(self.bump());
        }
        match word.as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            "null" => Ok(Value::Null),
            "True" | "False" | "TRUE" | "FALSE" => {
                self.record(line, column, Problem::CapitalisedBool(word));
                Err(Stop)
            }
            _ => {
                self.record(line, column, Problem::UnquotedWord(word));
                Err(Stop)
            }
        }
    }

    /// A number, and whether it was written as a whole number.
    fn number(&mut self) -> Result<(Value, bool), Stop> {
        let (line, column) = (self.line, self.column);
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
        {
            self.bump();
        }
        let text = &self.text[start..self.at];
        let number = is_json_number(text)
            .then(|| exact(text).or_else(|| (self.convert)(text)))
            .flatten();
        match number {
            Some(n) if n.is_finite() => {
                let whole = !text.contains(['.', 'e', 'E']) && text != "-0";
                Ok((Value::Number(n), whole))
            }
            _ => {
                self.record(line, column, Problem::BadNumber(text.to_owned()));
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
                    _ => return Err(self.fatal(Problem::UnknownEscape)),
                },
                Some('\n') | None => {
                    self.record(line, column, Problem::TextNotClosed);
                    return Err(Stop);
                }
                Some(c) if (c as u32) < 0x20 => return Err(self.fatal(Problem::ControlCharacter)),
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
        let bad = |reader: &mut Self| reader.fatal(Problem::BadUnicodeEscape);
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
    fn comma(&mut self, close: char) -> Result<(), Stop> {
        let (line, column) = (self.line, self.column);
        self.bump();
        self.skip_space()?;
        if self.peek() == Some(close) {
            self.record(line, column, Problem::TrailingComma(close));
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
                Some(',') => self.comma(']')?,
                Some(']') => {}
                Some(_) => return Err(self.fatal(Problem::CommaMissingInList)),
                None => return Err(self.fatal(Problem::ListNotClosed)),
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
                    return Err(self.fatal(Problem::CurlyName(c)))
                }
                Some(c) if wordlike(c) => return Err(self.fatal(Problem::NameNotQuoted)),
                None => return Err(self.fatal(Problem::ObjectNotClosed)),
                Some(_) => return Err(self.fatal(Problem::NameExpected)),
            }
            let key = self.string()?;
            self.skip_space()?;
            if self.peek() != Some(':') {
                return Err(self.fatal(Problem::ColonMissing(key)));
            }
            self.bump();
            self.skip_space()?;
            let value = self.value(depth + 1)?;
            if members.iter().any(|m| m.key == key) {
                self.record(line, column, Problem::DuplicateKey(key.clone()));
            }
            members.push(Member {
                key,
                line,
                column,
                value,
            });
            self.skip_space()?;
            match self.peek() {
                Some(',') => self.comma('}')?,
                Some('}') => {}
                Some('"') => return Err(self.fatal(Problem::CommaMissingInObject)),
                None => return Err(self.fatal(Problem::ObjectNotClosed)),
                Some(c) if wordlike(c) || matches!(c, '“' | '”' | '‘' | '’') => {
                    return Err(self.fatal(Problem::InnerQuote))
                }
                Some(c) => return Err(self.fatal(Problem::UnexpectedAfterValue(c))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Option<Json>, Vec<JsonError>) {
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
            // Words in other scripts are words too.
            ("{\"a\": হ্যাঁ}", (1, 7), "`হ্যাঁ` is not in double quotes"),
            ("{নাম: 1}", (1, 2), "not in double quotes"),
            ("{\"a\": \u{a0}1}", (1, 7), "unexpected character"),
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
            assert!(d.message().contains(words), "{text}: {}", d.message());
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(MAX_DEPTH + 5);
        let (json, diagnostics) = read_all(&text);
        assert!(json.is_none());
        assert!(diagnostics[0].message().contains("nested"));
    }

    #[test]
    fn escapes_and_duplicates() {
        let (json, diagnostics) = read_all(r#"{"a": "\u00e9\ud83d\ude00\n", "a": 1}"#);
        assert_eq!(
            json.unwrap().get("a").unwrap().value,
            Value::String("é😀\n".into())
        );
        assert!(diagnostics[0].message().contains("appears twice"));
    }

    #[test]
    fn numbers_follow_json_grammar_as_serde_does() {
        // Accepted, and whether each is a whole number as serde would read it into an integer.
        for (text, integer) in [
            ("0", true),
            ("-7", true),
            ("120", true),
            ("-0", false),
            ("20.0", false),
            ("1e2", false),
            ("1E+2", false),
            ("2.5e-3", false),
        ] {
            let (json, problems) = read_all(&format!("[{text}]"));
            assert!(problems.is_empty(), "{text}: {problems:?}");
            let Value::Array(items) = json.unwrap().value else {
                panic!()
            };
            assert_eq!(items[0].integer, integer, "{text}");
            assert_eq!(
                items[0].value,
                Value::Number(text.parse().unwrap()),
                "{text}"
            );
        }
        for text in [
            "1.", "1.e5", "-01", "01", "-.5", "1e", "1e+", "--1", "1-2", "1.5.2", "1e400",
        ] {
            let (json, problems) = read_all(&format!("[{text}]"));
            assert!(json.is_none(), "{text} was read");
            assert_eq!(
                problems[0].problem,
                Problem::BadNumber(text.into()),
                "{text}"
            );
            assert_eq!(problems[0].column, 2, "{text}");
        }
        // Only numbers are whole numbers.
        assert!(!read_all("\"20\"").0.unwrap().integer);
    }

    #[test]
    fn a_byte_order_mark_only_at_the_start() {
        let (json, problems) = read_all("\u{feff}{\"a\": 1}");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(json.unwrap().column, 2);
        for text in [
            "{\u{feff}\"a\": 1}",
            "{\"a\":\u{feff} 1}",
            "{\"a\": 1}\u{feff}",
            "\u{feff}\u{feff}{}",
        ] {
            let (json, problems) = read_all(text);
            assert!(json.is_none(), "{text:?} was read");
            assert!(!problems.is_empty(), "{text:?}");
        }
    }

    /// A number the reader must not convert itself, and so hands to [`Convert`].
    fn refuse(text: &str) -> Option<f64> {
        panic!("{text} was handed to the conversion")
    }

    #[test]
    fn everyday_figures_are_converted_by_the_reader_itself() {
        for text in [
            "0",
            "-0",
            "20",
            "45.5",
            "0.25",
            "-3.75",
            "2024",
            "1e2",
            "2.5E-3",
            "1E+22",
            "9007199254740992",
            "0.0000001",
            "123456789012345",
            "1234567.89012345",
        ] {
            let mut problems = Vec::new();
            let json = read_with(&format!("[{text}]"), &mut problems, refuse).unwrap();
            let Value::Array(items) = json.value else {
                panic!()
            };
            let Value::Number(n) = items[0].value else {
                panic!()
            };
            let expected: f64 = text.parse().unwrap();
            assert_eq!(n.to_bits(), expected.to_bits(), "{text}");
        }
        // The sample feed's every number, so the family widgets never call the browser for it.
        let sample = include_str!("../../../www/feed/tower-hamlets.json");
        assert!(read_with(sample, &mut Vec::new(), refuse).is_some());
    }

    #[test]
    fn the_rest_is_left_to_the_conversion_and_read_by_it() {
        let big = |_: &str| Some(1.5);
        for text in [
            "1e23",
            "1e-23",
            "9007199254740993",
            "0.12345678901234567",
            "1e400",
        ] {
            assert_eq!(exact(text), None, "{text}");
            let json = read_with(&format!("[{text}]"), &mut Vec::new(), big).unwrap();
            let Value::Array(items) = json.value else {
                panic!()
            };
            assert_eq!(items[0].value, Value::Number(1.5), "{text}");
        }
        // What the conversion cannot read, or reads as infinite, is a bad number.
        for convert in [(|_: &str| None) as Convert, |_: &str| Some(f64::INFINITY)] {
            let mut problems = Vec::new();
            assert!(read_with("[1e400]", &mut problems, convert).is_none());
            assert_eq!(problems[0].problem, Problem::BadNumber("1e400".into()));
        }
    }

    proptest::proptest! {
        /// Wherever the reader converts a number itself, it gets the standard library's answer,
        /// bit for bit.
        #[test]
        fn the_exact_reading_is_the_standard_one(
            negative in proptest::bool::ANY,
            whole in "(0|[1-9][0-9]{0,17})",
            fraction in proptest::option::of("[0-9]{1,17}"),
            exponent in proptest::option::of(-40i32..40),
        ) {
            let mut text = format!("{}{whole}", if negative { "-" } else { "" });
            if let Some(fraction) = &fraction {
                text = format!("{text}.{fraction}");
            }
            if let Some(exponent) = exponent {
                text = format!("{text}e{exponent}");
            }
            proptest::prop_assert!(is_json_number(&text));
            let standard: f64 = text.parse().unwrap();
            if let Some(n) = exact(&text) {
                proptest::prop_assert_eq!(n.to_bits(), standard.to_bits(), "{}", text);
            }
        }
    }
}
