//! Sentence boundaries. Unicode's sentence rules (UAX #29, through `unicode-segmentation`) give
//! candidate breaks; this module then undoes the breaks that news text does not want: after an
//! abbreviation from `lexicons/abbreviations-{id,en}.txt` ("Jl.", "Prof.", "Mr.", "U.S."), after
//! an initial ("B. J. Habibie"), and before a lowercase word (`"Kenapa?" tanya dia.`). A line
//! break always ends a sentence: in scraped pages every line is a paragraph or a piece of
//! furniture, and a furniture line must never be glued to the story.

use std::collections::HashMap;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Error, Result};
use crate::lang::Lang;

/// When the period after an abbreviation may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevKind {
    /// Always followed by a name or number: never a sentence end ("Dr.", "Jl.").
    Prefix,
    /// Never a sentence end before a digit ("No. 5").
    Number,
    /// A sentence end only when the next word is capitalized ("dll.", "Inc.").
    Any,
}

/// Abbreviations of one language, keyed by their lowercase form without the final period.
#[derive(Debug, Clone, Default)]
struct Abbreviations(HashMap<String, AbbrevKind>);

impl Abbreviations {
    fn parse(src: &str, path: &str) -> Result<Abbreviations> {
        let mut map = HashMap::new();
        for (i, line) in src.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or_default().trim().to_lowercase();
            let kind = match cols.next().map(str::trim) {
                None | Some("") => AbbrevKind::Any,
                Some("prefix") => AbbrevKind::Prefix,
                Some("number") => AbbrevKind::Number,
                Some(other) => {
                    return Err(Error::Lexicon {
                        path: path.into(),
                        line: i + 1,
                        reason: format!("unknown abbreviation kind {other:?} (prefix, number or none)"),
                    })
                }
            };
            map.insert(word.trim_end_matches('.').to_string(), kind);
        }
        Ok(Abbreviations(map))
    }
}

/// Splits text into sentences, per language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    id: Abbreviations,
    en: Abbreviations,
}

impl Segmenter {
    /// The segmenter with the built-in abbreviation lists.
    pub fn builtin() -> Segmenter {
        Segmenter::new(
            include_str!("../lexicons/abbreviations-id.txt"),
            include_str!("../lexicons/abbreviations-en.txt"),
        )
        .expect("the built-in abbreviation lists are valid (a unit test proves it)")
    }

    /// A segmenter from the text of the two abbreviation lists.
    pub fn new(id: &str, en: &str) -> Result<Segmenter> {
        Ok(Segmenter {
            id: Abbreviations::parse(id, "lexicons/abbreviations-id.txt")?,
            en: Abbreviations::parse(en, "lexicons/abbreviations-en.txt")?,
        })
    }

    /// The sentences of `text[range]` (one line of the input) as byte ranges into `text`,
    /// trimmed of surrounding whitespace. Together they cover every non-space character.
    pub fn split(&self, text: &str, range: Range<usize>, lang: Lang) -> Vec<Range<usize>> {
        let abbrevs = match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        };
        let line = &text[range.clone()];
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut glue = false;
        for (at, piece) in line.split_sentence_bound_indices() {
            let trimmed = piece.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            if trimmed.trim_start().is_empty() {
                continue;
            }
            let s = range.start + at + lead;
            let e = range.start + at + trimmed.len();
            let next_starts = trimmed.trim_start();
            match out.last_mut() {
                Some(prev) if glue || continues(next_starts) => prev.end = e,
                _ => out.push(s..e),
            }
            glue = false;
            if let Some(prev) = out.last() {
                glue = !breaks_after(&text[prev.clone()], abbrevs, line_rest(text, e, range.end));
            }
        }
        out
    }
}

fn line_rest(text: &str, from: usize, to: usize) -> &str {
    text[from..to].trim_start()
}

/// A piece that starts with a lowercase letter (or closing punctuation) continues the sentence
/// before it: `"Kenapa?" tanya dia.`, `… dan lain-lain… kemudian`.
fn continues(piece: &str) -> bool {
    piece.chars().next().is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')'))
}

/// Whether the sentence so far may end here, given the text that follows on the line.
fn breaks_after(sentence: &str, abbrevs: &Abbreviations, next: &str) -> bool {
    let Some(before_dot) = sentence.strip_suffix('.') else {
        return true;
    };
    // The last token before the period, without opening brackets or quotes.
    let token = before_dot
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '\'' | '/'))
        .next()
        .unwrap_or_default();
    if token.is_empty() || token.ends_with('.') && token.chars().filter(|&c| c == '.').count() > 2 {
        return true; // "..." or an ellipsis
    }
    let next_char = next.chars().next();
    let next_digit = next_char.is_some_and(|c| c.is_ascii_digit());
    let next_upper = next_char.is_some_and(char::is_uppercase);
    // An initial: one capital letter ("B. J. Habibie", "Joko P. di ruang").
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    match abbrevs.0.get(&token.to_lowercase()) {
        Some(AbbrevKind::Prefix) => false,
        Some(AbbrevKind::Number) => !next_digit,
        Some(AbbrevKind::Any) => next_upper,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        let seg = Segmenter::builtin();
        seg.split(text, 0..text.len(), lang).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn builtin_lists_parse() {
        let seg = Segmenter::builtin();
        assert!(seg.id.0.len() > 100 && seg.en.0.len() > 80);
    }

    #[test]
    fn indonesian_cases() {
        for (text, want) in [
            (
                "Budi pergi ke Jl. KH. Mukmin no. 67. Dia tersesat.",
                vec!["Budi pergi ke Jl. KH. Mukmin no. 67.", "Dia tersesat."],
            ),
            (
                "Harga naik menjadi Rp2.375.000 atau 3,5 persen pada Rabu (12/2). Warga mengeluh.",
                vec!["Harga naik menjadi Rp2.375.000 atau 3,5 persen pada Rabu (12/2).", "Warga mengeluh."],
            ),
            (
                "\"Kenapa harus sekarang?\" tanya dia. Semua diam.",
                vec!["\"Kenapa harus sekarang?\" tanya dia.", "Semua diam."],
            ),
            (
                "Ia bertemu Prof. Dr. H. Ahmad Syafii, S.H., M.Si. di kampus. Lalu pulang.",
                vec!["Ia bertemu Prof. Dr. H. Ahmad Syafii, S.H., M.Si. di kampus.", "Lalu pulang."],
            ),
            ("Mantan presiden B. J. Habibie wafat.", vec!["Mantan presiden B. J. Habibie wafat."]),
            ("Ada buah, sayur, dll. Semua segar.", vec!["Ada buah, sayur, dll.", "Semua segar."]),
        ] {
            assert_eq!(split(text, Lang::Id), want, "{text}");
        }
    }

    #[test]
    fn english_cases() {
        for (text, want) in [
            (
                "Mr. Smith met Dr. Jones at 9 a.m. yesterday. They talked.",
                vec!["Mr. Smith met Dr. Jones at 9 a.m. yesterday.", "They talked."],
            ),
            (
                "The U.S. economy grew 3.5 percent. Stocks rose.",
                vec!["The U.S. economy grew 3.5 percent.", "Stocks rose."],
            ),
            ("He said no. Then he left.", vec!["He said no.", "Then he left."]),
            ("See No. 5 on the list.", vec!["See No. 5 on the list."]),
        ] {
            assert_eq!(split(text, Lang::En), want, "{text}");
        }
    }

    #[test]
    fn ranges_are_trimmed_and_offset() {
        let text = "xx\n  One. Two.  \n";
        let seg = Segmenter::builtin();
        let got = seg.split(text, 3..text.len() - 1, Lang::En);
        assert_eq!(got.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["One.", "Two."]);
    }
}
