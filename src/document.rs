//! One article as read: its id, its text exactly as decoded (a leading byte-order mark removed,
//! CRLF kept), and what the input said about it (language, title). Every offset ringkas reports
//! points into `Document::text`.

use crate::error::{Error, Result};
use crate::lang::Lang;

/// An article to analyze.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The id reported in the output: the JSONL `id`, else the path, else `stdin`.
    pub id: String,
    /// The text, after UTF-8 decoding and removal of a leading byte-order mark.
    pub text: String,
    /// A language the input declared (JSONL `lang`); `None` means detect.
    pub lang: Option<Lang>,
    /// A title the input declared (JSONL `title`); `None` means find it in the text.
    pub title: Option<String>,
}

impl Document {
    /// A document from text already in memory (a leading BOM is removed).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Document { id: id.into(), text, lang: None, title: None }
    }

    /// Decodes raw bytes: UTF-8 only, a leading BOM removed. NUL bytes mark a binary file,
    /// invalid UTF-8 is refused rather than guessed at, and a web page (HTML markup) is refused
    /// rather than read as prose, each with an error naming `id`.
    pub fn from_bytes(id: impl Into<String>, bytes: Vec<u8>) -> Result<Document> {
        let id = id.into();
        match decode(bytes) {
            Ok(text) => match markup_reason(&text) {
                Some(reason) => Err(Error::Decode { path: id, reason }),
                None => Ok(Document::new(id, text)),
            },
            Err(NotText::Utf16 { big_endian }) => {
                Err(Error::Decode { path: id, reason: utf16_reason(big_endian) })
            }
            Err(NotText::Binary { at, .. }) => Err(Error::Decode {
                path: id,
                reason: format!("binary file (NUL byte at byte {at}), not text"),
            }),
            Err(NotText::Invalid { at, line }) => Err(Error::Decode {
                path: id,
                reason: format!("invalid UTF-8 at byte {at} (line {line}); ringkas reads UTF-8 only"),
            }),
        }
    }
}

/// Why bytes are not text ringkas reads: where, by byte offset and line (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotText {
    /// UTF-16 with its byte-order mark (as Windows Notepad saves "Unicode"): text, not UTF-8.
    Utf16 { big_endian: bool },
    /// A NUL byte: a binary file.
    Binary { at: usize, line: usize },
    /// Bytes that are not UTF-8.
    Invalid { at: usize, line: usize },
}

/// The text of `bytes` if they are UTF-8 without NUL bytes (a BOM is kept).
pub(crate) fn decode(bytes: Vec<u8>) -> std::result::Result<String, NotText> {
    let line = |bytes: &[u8], at: usize| 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    if let Some(big_endian) = utf16_bom(&bytes) {
        return Err(NotText::Utf16 { big_endian });
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(NotText::Binary { at, line: line(&bytes, at) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        NotText::Invalid { at, line: line(e.as_bytes(), at) }
    })
}

/// Whether `bytes` start with a UTF-16 byte-order mark, and which: `Some(true)` big-endian.
pub(crate) fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..2)? {
        [0xff, 0xfe] => Some(false),
        [0xfe, 0xff] => Some(true),
        _ => None,
    }
}

/// What to say of UTF-16 input.
pub(crate) fn utf16_reason(big_endian: bool) -> String {
    let (order, bom) = if big_endian { ("BE", "FE FF") } else { ("LE", "FF FE") };
    format!("UTF-16{order} text (byte-order mark {bom}), not UTF-8; convert it first, e.g. `iconv -f UTF-16 -t UTF-8`")
}

/// Why `text` is refused as a web page, when it opens with HTML (or XML) markup: a doctype, a
/// comment, an XML declaration or one of the elements a page or a fragment of one starts with,
/// past blank space and a byte-order mark. Read as prose, a page gives tags and scripts as sentences and entities, and
/// offsets into the markup; its article text has to be extracted first.
pub(crate) fn markup_reason(text: &str) -> Option<String> {
    let rest = text.trim_start_matches('\u{feff}').trim_start().strip_prefix('<')?;
    let head: String = rest.chars().take(12).collect::<String>().to_ascii_lowercase();
    let opens = ["!doctype", "!--", "?xml"].iter().any(|p| head.starts_with(p)) || {
        let end = head.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(head.len());
        let (name, after) = head.split_at(end);
        PAGE_ELEMENTS.contains(&name)
            && after.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
    };
    let shown: String = rest.chars().take_while(|&c| c != '>' && !c.is_whitespace()).take(12).collect();
    opens.then(|| {
        format!(
            "HTML markup (the text opens with `<{shown}`), not article text; extract the article's \
             text first, e.g. `trafilatura < page.html`"
        )
    })
}

/// The elements whose opening tag, first in a text, marks it as a web page or a fragment of one.
const PAGE_ELEMENTS: &[&str] = &[
    "html", "head", "body", "meta", "title", "link", "script", "style", "noscript", "div", "p", "span",
    "article", "section", "main", "header", "footer", "nav", "aside", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "table", "ul", "ol", "li", "a", "img", "br", "form", "iframe", "b", "i", "em", "strong", "rss",
    "feed",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_crlf_kept() {
        let d = Document::from_bytes("a", b"\xef\xbb\xbfHalo.\r\nDunia.".to_vec()).unwrap();
        assert_eq!(d.text, "Halo.\r\nDunia.");
    }

    #[test]
    fn nul_and_invalid_utf8_are_errors_naming_the_file() {
        let e = Document::from_bytes("x.txt", b"ab\0cd".to_vec()).unwrap_err();
        assert!(e.to_string().starts_with("x.txt: binary file"), "{e}");
        let e = Document::from_bytes("z.txt", b"\xff\xfeH\0a\0l\0o\0".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "z.txt: UTF-16LE text (byte-order mark FF FE), not UTF-8; convert it first, e.g. `iconv -f \
             UTF-16 -t UTF-8`"
        );
        let e = Document::from_bytes("y.txt", b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "y.txt: invalid UTF-8 at byte 7 (line 2); ringkas reads UTF-8 only");
    }

    #[test]
    fn web_pages_are_refused_and_prose_that_opens_with_a_bracket_is_not() {
        for page in [
            "<!DOCTYPE html>\n<html lang=\"id\"><head><title>Berita</title>",
            "\n  <html>\n<body><p>Presiden tiba di Jakarta.</p>",
            "<p>Presiden tiba di Jakarta.</p>",
            "<DIV class=\"artikel\">Presiden tiba.</DIV>",
            "<!-- saved from url=(0040)https://example.com -->\n<html>",
            "<?xml version=\"1.0\"?><rss version=\"2.0\">",
            "<br/>Presiden tiba di Jakarta.",
            "<b>Presiden</b> tiba.",
        ] {
            let e = Document::from_bytes("halaman.txt", page.as_bytes().to_vec()).unwrap_err();
            assert!(e.to_string().starts_with("halaman.txt: HTML markup (the text opens with `<"), "{e}");
        }
        let e = Document::from_bytes("a.html", b"\xef\xbb\xbf<!doctype html><html>".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.html: HTML markup (the text opens with `<!doctype`), not article text; extract the \
             article's text first, e.g. `trafilatura < page.html`"
        );
        for prose in [
            "<Jakarta> adalah judul lagu.",
            "< 5 persen warga setuju.",
            "<pre-order> dibuka hari ini.",
            "Harga naik <p> kata pedagang.",
            "",
        ] {
            assert!(Document::from_bytes("a.txt", prose.as_bytes().to_vec()).is_ok(), "{prose}");
        }
    }
}
