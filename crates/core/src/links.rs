//! Links from feed text: only the schemes a family can safely follow.
//!
//! A hand-edited feed may hold `javascript:` or `data:` links by mistake or by attack. The
//! renderers ask here for every `href`; anything else is shown as text, never as a link.

// The same rules as JSON Schema patterns (ECMA-262), for editors that validate against the
// published schema; a test below checks each pattern against its function.

/// [`web_href`] as a pattern: http or https, a host, no whitespace inside.
pub const WEB_PATTERN: &str = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^/?#\s]+\S*\s*$";
/// [`mail_href`] as a pattern.
pub const MAIL_PATTERN: &str = r#"^\s*(mailto:)?[^\s<>"?&@]+@[^\s<>"?&]*\.[^\s<>"?&]*\s*$"#;
/// [`tel_href`] as a pattern: digits, spaces, `+`, `(`, `)` and `-`, with three digits or more.
pub const TEL_PATTERN: &str = r"^\s*(tel:)?[ +()\-]*([0-9][ +()\-]*){3,}\s*$";

/// A URL the feed gave for a web page, if it is http or https.
pub fn web_href(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host_ok = rest
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|host| !host.is_empty());
    (host_ok && !url.chars().any(char::is_whitespace)).then(|| url.to_owned())
}

/// A `mailto:` link for an email address (or a `mailto:` URL the feed already wrote).
pub fn mail_href(email: &str) -> Option<String> {
    let address = email.trim();
    let address = address.strip_prefix("mailto:").unwrap_or(address);
    let (local, domain) = address.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !address
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '?' | '&'));
    plausible.then(|| format!("mailto:{address}"))
}

/// A `tel:` link from a phone number as people write it ("020 7364 5006").
pub fn tel_href(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let phone = phone.strip_prefix("tel:").unwrap_or(phone);
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-'));
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (allowed && digits.chars().filter(char::is_ascii_digit).count() >= 3)
        .then(|| format!("tel:{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_links_must_be_http_or_https_with_a_host() {
        assert_eq!(
            web_href(" https://www.towerhamlets.gov.uk/lgnl/education_and_learning "),
            Some("https://www.towerhamlets.gov.uk/lgnl/education_and_learning".into())
        );
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "https://",
            "//evil.example",
            "https://a b",
        ] {
            assert_eq!(web_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn email_and_phone_become_mailto_and_tel() {
        assert_eq!(
            mail_href("send@example.org").as_deref(),
            Some("mailto:send@example.org")
        );
        assert_eq!(mail_href("not an email"), None);
        assert_eq!(mail_href("a@b.c?subject=x"), None);
        assert_eq!(
            tel_href("0207 364 3876").as_deref(),
            Some("tel:02073643876")
        );
        assert_eq!(
            tel_href("+44 (0)20 7364").as_deref(),
            Some("tel:+44020 7364".replace(' ', "").as_str())
        );
        assert_eq!(tel_href("javascript:1"), None);
    }

    /// Each pattern the JSON Schema publishes says yes exactly where its function does.
    #[test]
    fn schema_patterns_agree_with_the_rules() {
        type Rule = fn(&str) -> Option<String>;
        let cases: &[(&str, Rule, &[&str])] = &[
            (
                WEB_PATTERN,
                web_href,
                &[
                    "https://www.towerhamlets.gov.uk/x?y=1#z",
                    " http://a ",
                    "HTTPS://A.B",
                    "www.towerhamlets.gov.uk",
                    "https://",
                    "https://?x",
                    "https://a b",
                    "ftp://a.b",
                    "javascript:alert(1)",
                    "//a.b",
                    "",
                ],
            ),
            (
                MAIL_PATTERN,
                mail_href,
                &[
                    "send@example.org",
                    " mailto:send@example.org ",
                    "a@b@c.d",
                    "a@b",
                    "@b.c",
                    "a b@c.d",
                    "a@b.c?subject=x",
                    "<a@b.c>",
                    "not an email",
                    "",
                ],
            ),
            (
                TEL_PATTERN,
                tel_href,
                &[
                    "020 7364 5006",
                    "+44 (0)20 7364 5006",
                    "tel:020-7364",
                    " 123 ",
                    "12",
                    "zero two zero 7364 5006",
                    "020 7364 5006 ext 2",
                    "javascript:1",
                    "",
                ],
            ),
        ];
        for (pattern, rule, examples) in cases {
            let regex = regex::Regex::new(pattern).unwrap();
            for example in *examples {
                assert_eq!(
                    regex.is_match(example),
                    rule(example).is_some(),
                    "{pattern} on {example:?}"
                );
            }
        }
    }
}
