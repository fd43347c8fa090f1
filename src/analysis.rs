//! The output model: what ringkas found in one article, exactly as the JSON contract
//! (`../shared/CONTRACT.md`) lays it out. Offsets here are Unicode code points into the text as
//! read, end exclusive, so `text[start:end]` in Python gives the sentence or mention.

use serde::{Serialize, Serializer};

use crate::entities::MentionSource;
use crate::lang::Lang;
use crate::lexicon::EntityKind;
use crate::structure::Zone;
use crate::summarize::Features;

/// The language of an article as reported: detected, declared, or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangTag(pub Option<Lang>);

impl Serialize for LangTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.map_or("unknown", Lang::code))
    }
}

/// One sentence (or furniture line) of the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// Its position among all sentences.
    pub index: usize,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// What part of the page it is.
    pub zone: Zone,
}

/// A summary sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    /// Index into [`Analysis::sentences`].
    pub index: usize,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// The sentence, verbatim.
    pub text: String,
    /// Its score (higher is more important).
    pub score: f64,
    /// The features behind the score, with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub features: Option<Features>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionOut {
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Index of its sentence in [`Analysis::sentences`].
    pub sentence: usize,
    /// How it was found: `lexicon`, `rule` or `alias`.
    pub source: MentionSource,
    /// How sure the tagger is, from 0 to 1.
    pub confidence: f64,
}

/// An entity and its mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityOut {
    /// The canonical name.
    pub name: String,
    /// PERSON, PLACE or ORGANIZATION.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The lexicon id (Wikidata QID, `geonames:…`, `local:…`); `null` for a name found by
    /// rules that no lexicon holds.
    pub id: Option<String>,
    /// Number of mentions.
    pub count: usize,
    /// The lexicon's finer kind (`city`, `province`, `politician`, …), not serialized: the text
    /// view tells apart two entities of one name by it ("Jakarta (capital)", "Jakarta (province)").
    #[serde(skip)]
    pub subtype: Option<String>,
    /// The mentions, in document order.
    pub mentions: Vec<MentionOut>,
}

/// What ringkas found in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// The JSONL id, the path, or `stdin`.
    pub id: String,
    /// The language used.
    pub lang: LangTag,
    /// The title, if one was given or found.
    pub title: Option<String>,
    /// The dateline opening the story ("JAKARTA, KOMPAS.com - "), if any, as `[start, end]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<[usize; 2]>,
    /// Every sentence of the input, furniture included, in order.
    pub sentences: Vec<Sentence>,
    /// The chosen sentences, in document order.
    pub summary: Vec<SummarySentence>,
    /// How many sentences were asked for, when the article had fewer body sentences than that.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary_short: Option<String>,
    /// With `--explain`: every body sentence's features and score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores: Option<Vec<ScoredSentence>>,
    /// The entities, most mentioned first.
    pub entities: Vec<EntityOut>,
}

/// A body sentence's features, for `--explain`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredSentence {
    /// Index into [`Analysis::sentences`].
    pub index: usize,
    /// Its features and score.
    #[serde(flatten)]
    pub features: Features,
}

/// One output record: an analysis or the error that stopped one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    /// The input was analyzed.
    Ok(Box<Analysis>),
    /// The input could not be read.
    Failed {
        /// The input's id.
        id: String,
        /// What went wrong.
        error: String,
    },
}

/// Converts byte offsets to code-point offsets for one text.
#[derive(Debug)]
pub struct CharOffsets {
    /// `None` for ASCII text, where the two are equal.
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    /// Prepares the conversion for `text`.
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            for slot in &mut table[i..i + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        table[text.len()] = n;
        CharOffsets { table: Some(table) }
    }

    /// The code-point offset of byte offset `b` (which must be a char boundary).
    pub fn of(&self, b: usize) -> usize {
        self.table.as_ref().map_or(b, |t| t[b] as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets() {
        let t = "Rp2 – São Paulo";
        let c = CharOffsets::new(t);
        let b = t.find("Paulo").unwrap();
        assert_eq!(
            c.of(b),
            t.chars().take_while(|_| true).collect::<String>()[..].find("Paulo").map(|_| 10).unwrap()
        );
        assert_eq!(c.of(t.len()), t.chars().count());
    }

    #[test]
    fn failed_record_is_id_and_error() {
        let r = Record::Failed { id: "a.txt".into(), error: "bad".into() };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"id":"a.txt","error":"bad"}"#);
    }
}
