//! The checker's words for the JSON reader's problems: each [`Problem`] as a [`Diagnostic`]
//! with how to fix it. The fixes live here, not in the reader, so only the checker's build
//! carries them; the widgets show the reader's message alone.

use super::{Diagnostic, Severity};
use crate::json::{JsonError, Problem};

/// Text copied from Word or minutes often brings curly quotes where JSON needs straight ones.
const CURLY_FIX: &str = "Put text and names between straight double quotes \", as a keyboard \
     types them, not curly ones “ ”: curly quotes only belong inside the text.";

/// A quotation copied into text ends the text at its first straight quote.
const INNER_QUOTE_FIX: &str =
    "Inside text, use ' or curly quotes “like this”, or type \\\" for a straight double quote.";

/// How to fix `problem`, in plain English.
pub fn fix(problem: &Problem) -> String {
    match problem {
        Problem::Empty => "Start the feed with { and end it with }; see the feed format guide for a complete example.".into(),
        Problem::TextAfterEnd => "The feed must be one object: check for an extra } or text pasted after the last }.".into(),
        Problem::Comment => "Delete the comment, or move the note into a text field such as \"note\".".into(),
        Problem::CommentNotClosed => "Delete the comment: JSON files cannot contain comments.".into(),
        Problem::StraySlash => "Put text values in double quotes, for example \"https://example.org\".".into(),
        Problem::TooDeep => "Check for brackets that open but never close; real feeds need far fewer levels.".into(),
        Problem::SingleQuotes => "Use double quotes: \"like this\", not 'like this'.".into(),
        Problem::CurlyValue(_) | Problem::CurlyName(_) => CURLY_FIX.into(),
        Problem::UnexpectedCharacter(_) => "A value is text in double quotes, a number, true, false, null, a list [ ] or an object { }.".into(),
        Problem::EndsWhereValue => "The file may have been cut short: check that every { and [ is closed.".into(),
        Problem::CapitalisedBool(_) => "Write true or false in lower case.".into(),
        Problem::UnquotedWord(word) => format!("Put text in double quotes: \"{word}\"."),
        Problem::BadNumber(_) => "Write numbers like 16600 or 48.5: no leading zeros, commas, % signs or units, and digits on both sides of a decimal point.".into(),
        Problem::UnknownEscape => "Write a backslash as \\\\, a quote inside text as \\\".".into(),
        Problem::BadUnicodeEscape => "Write the character itself instead of a \\u escape.".into(),
        Problem::TextNotClosed => "Add the missing \" at the end of the text (texts cannot run over several lines; use \\n for a line break).".into(),
        Problem::ControlCharacter => "Replace tabs with spaces, or write them as \\t.".into(),
        Problem::TrailingComma(close) => format!("Delete this comma: JSON does not allow a comma before {close}."),
        Problem::CommaMissingInList => "Add a comma after the previous item.".into(),
        Problem::ListNotClosed => "Add the missing ] (the file may have been cut short).".into(),
        Problem::NameNotQuoted => "Put the name in double quotes, for example \"title\": \"...\".".into(),
        Problem::NameExpected => "Each entry of an object is \"name\": value, separated by commas.".into(),
        Problem::ObjectNotClosed => "Add the missing } (the file may have been cut short).".into(),
        Problem::ColonMissing(key) => format!("Write \"{key}\": followed by its value."),
        Problem::DuplicateKey(_) => "Keep one of them: only one value can be used.".into(),
        Problem::CommaMissingInObject => "Add a comma at the end of the previous line.".into(),
        Problem::InnerQuote => INNER_QUOTE_FIX.into(),
        Problem::UnexpectedAfterValue(_) => "Separate entries with commas; check the previous value is complete.".into(),
    }
}

/// The reader's problem as the checker reports it.
pub fn diagnostic(error: &JsonError) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: "json-syntax",
        line: error.line,
        column: error.column,
        path: String::new(),
        message: error.message(),
        fix: fix(&error.problem),
    }
}
