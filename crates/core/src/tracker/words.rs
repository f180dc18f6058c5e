//! Word forms for the tracker's words filter, so "autism" finds "autistic" and "assessment"
//! finds "assessments".
//!
//! A dozen English suffix rules rather than a stemmer crate: Snowball's English stemmer keeps
//! "autism" and "autist" apart (the pair families type most), and would add its tables to
//! every family wasm. Words with letters outside ASCII (Bengali) are compared as typed.

/// The family a word belongs to: plurals, "-ism"/"-ist"/"-istic", "-ment", "-ed", "-ing"
/// removed. `word` is lower case.
pub fn stem(word: &str) -> String {
    if !word.is_ascii() {
        return word.to_owned();
    }
    let mut w = word.to_owned();
    let ends =
        |w: &str, suffix: &str, keep: usize| w.ends_with(suffix) && w.len() >= suffix.len() + keep;
    if ends(&w, "ies", 2) {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if ends(&w, "sses", 2)
        || ["xes", "ches", "shes", "zes"]
            .iter()
            .any(|s| ends(&w, s, 2))
    {
        w.truncate(w.len() - 2);
    } else if ends(&w, "s", 3) && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        w.truncate(w.len() - 1);
    }
    for (suffix, keep) in [
        ("istic", 3),
        ("ism", 3),
        ("ist", 3),
        ("ment", 4),
        ("ing", 4),
        ("ed", 4),
    ] {
        if ends(&w, suffix, keep) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    w
}

/// Every word of `query` appears in `text`, as typed (part of a word is enough, so typing
/// shows results as it goes) or in another form of the same word. ASCII case is ignored.
pub fn words_match(query: &str, text: &str) -> bool {
    // ASCII case only: the feed's languages are English and Bengali (which has no case), and
    // Unicode case tables cost the widgets' wasm 18 kB with the other lowercasings.
    let text = text.to_ascii_lowercase();
    let mut stems: Option<Vec<String>> = None;
    query.to_ascii_lowercase().split_whitespace().all(|word| {
        text.contains(word) || {
            let stems = stems.get_or_insert_with(|| {
                text.split(|c: char| c.is_ascii_whitespace() || c.is_ascii_punctuation())
                    .filter(|w| !w.is_empty())
                    .map(stem)
                    .collect()
            });
            let wanted = stem(word.trim_matches(|c: char| c.is_ascii_punctuation()));
            stems.contains(&wanted)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_families_share_a_stem() {
        for family in [
            &["autism", "autistic", "autist", "autists"][..],
            &[
                "assessment",
                "assessments",
                "assess",
                "assessed",
                "assessing",
            ],
            &["review", "reviews", "reviewed"],
            &["therapy", "therapies"],
            &["specialist", "specialists", "specialism"],
            &["process", "processes"],
        ] {
            for word in family {
                assert_eq!(stem(word), stem(family[0]), "{word}");
            }
        }
        // Short words and words that only look like a form are left alone.
        for word in ["list", "need", "bus", "this", "class", "ring", "used"] {
            assert_eq!(stem(word), word);
        }
        assert_eq!(stem("অটিজম"), "অটিজম");
    }

    #[test]
    fn the_filter_finds_other_forms_and_still_finds_part_of_a_word() {
        let text = "More autistic children assessed; EHCP's reviewed.";
        assert!(words_match("autism", text));
        assert!(words_match("Autism assessment", text));
        assert!(words_match("ehcp", text));
        assert!(words_match("revi", text));
        assert!(words_match("autis", text));
        assert!(!words_match("autism housing", text));
        // Other forms count only for the whole word typed: "therapist" does not find "therapy".
        assert!(!words_match("therapist", "speech therapy"));
    }
}
