//! The whole analysis of one article: layout, language, sentences, words, summary, entities.
//! Everything that can fail or takes time (lexicons, automata, stopword lists) is built once in
//! [`Pipeline::new`]; [`Pipeline::analyze`] is then pure and infallible, so it runs on many
//! articles in parallel.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::path::PathBuf;

use crate::analysis::{
    Analysis, CharOffsets, EntityOut, LangTag, MentionOut, ScoredSentence, Sentence, SummarySentence,
};
use crate::document::Document;
use crate::entities::{Cues, Gazetteer, Mention, TagSpan, Target};
use crate::error::Result;
use crate::lang::{self, Lang};
use crate::lexicon::EntityKind;
use crate::segment::Segmenter;
use crate::structure::{self, FurnitureRules, Zone};
use crate::summarize::{Candidate, Length, Method, Summarizer, Weights};
use crate::tokenize::{self, ArticleTerms, Tokenizer};

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The language of every article; `None` detects it per article.
    pub lang: Option<Lang>,
    /// How long summaries are.
    pub length: Length,
    /// Extra lexicon files or folders, added after the built-in ones.
    pub lexicons: Vec<PathBuf>,
    /// Skip entity tagging (lexicons are then never loaded).
    pub no_entities: bool,
    /// Report each summary sentence's features.
    pub explain: bool,
    /// The summarization method.
    pub method: Method,
    /// Scorer weights for every language instead of the tuned ones (for tuning a house style).
    pub weights: Option<Weights>,
}

/// The configured analysis.
#[derive(Debug)]
pub struct Pipeline {
    config: Config,
    furniture: FurnitureRules,
    segmenter: Segmenter,
    tokenizer: Tokenizer,
    summarizer: Summarizer,
    gazetteer: Option<Gazetteer>,
}

/// An article split into sentences.
#[derive(Debug, Clone)]
pub struct Segmented {
    /// The language declared or detected; `None` when it could not be told.
    pub lang: Option<Lang>,
    /// Every sentence as (byte range, zone), furniture lines included, in order.
    pub sentences: Vec<(Range<usize>, Zone)>,
    /// The page layout.
    pub layout: structure::Layout,
}

/// From this size on, one article's entities and summary words are computed in parallel.
const PARALLEL_BYTES: usize = 256 * 1024;

/// The fallback when an article's language cannot be told: Indonesian comes first.
const FALLBACK_LANG: Lang = Lang::Id;

impl Pipeline {
    /// Loads and compiles everything the configuration needs.
    pub fn new(config: &Config) -> Result<Pipeline> {
        let gazetteer = if config.no_entities {
            None
        } else {
            let builtin = Gazetteer::builtin();
            if config.lexicons.is_empty() {
                Some(builtin)
            } else {
                let mut lexicon = builtin.into_lexicon();
                for path in &config.lexicons {
                    lexicon.add_path(path)?;
                }
                Some(Gazetteer::new(lexicon, Cues::builtin())?)
            }
        };
        Ok(Pipeline {
            config: config.clone(),
            furniture: FurnitureRules::builtin(),
            segmenter: Segmenter::builtin(),
            tokenizer: Tokenizer::builtin(),
            summarizer: Summarizer { method: config.method, weights: config.weights },
            gazetteer,
        })
    }

    /// The segmenter, for the `sentences` inspection command.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The tokenizer, for the `stem` inspection command.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The gazetteer, unless entities are off.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_ref()
    }

    /// The layout, language and sentences of an article.
    pub fn sentences(&self, doc: &Document) -> Segmented {
        let text = &doc.text;
        let layout = structure::analyze(text, &self.furniture, doc.title.as_deref());
        let detected = doc.lang.or(self.config.lang).or_else(|| {
            let mut body: Vec<&str> = layout
                .lines
                .iter()
                .filter(|l| l.zone == Zone::Body)
                .map(|l| &text[l.range.clone()])
                .collect();
            if body.is_empty() {
                body.push(text);
            }
            lang::detect_parts(&body, &self.tokenizer.profiles())
        });
        let lang = detected.unwrap_or(FALLBACK_LANG);
        let mut sentences = Vec::new();
        for line in &layout.lines {
            if line.zone == Zone::Body || line.zone == Zone::Caption {
                for r in self.segmenter.split(text, line.range.clone(), lang) {
                    sentences.push((r, line.zone));
                }
            } else {
                sentences.push((line.range.clone(), line.zone)); // furniture is one unit
            }
        }
        Segmented { lang: detected, sentences, layout }
    }

    /// Analyzes one article.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let text = &doc.text;
        let Segmented { lang: detected, sentences, layout } = self.sentences(doc);
        let lang = detected.unwrap_or(FALLBACK_LANG);
        let offsets = CharOffsets::new(text);

        // The words of every sentence the tagger or the summary reads, found once for both.
        let tagging = self.gazetteer.is_some();
        let words: Vec<Vec<(usize, &str)>> = sentences
            .iter()
            .map(|(r, z)| {
                if (tagging && z.feeds_entities()) || z.is_summary_candidate() {
                    tokenize::sentence_words(text, r)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let tag = || match &self.gazetteer {
            Some(g) => {
                let spans: Vec<TagSpan> = sentences
                    .iter()
                    .map(|(r, z)| TagSpan {
                        range: r.clone(),
                        tag: z.feeds_entities(),
                        headline: *z == Zone::Title,
                    })
                    .collect();
                g.tag_with_words(text, &spans, &words, lang)
            }
            None => Vec::new(),
        };
        // A sentence that is all dateline ("KONTAN.CO.ID - JAKARTA.") says nothing of the story.
        let in_dateline =
            |r: &Range<usize>| layout.dateline.as_ref().is_some_and(|d| d.start <= r.start && r.end <= d.end);
        // Nor does one that only announces what follows ("Berikut lima fakta …"), nor a question
        // that is a paragraph of its own (an interviewer's, "Apa kendala terbesarnya?").
        let own_question = |r: &Range<usize>| {
            text[r.clone()].ends_with('?')
                && layout
                    .lines
                    .binary_search_by_key(&r.start, |l| l.range.start)
                    .is_ok_and(|l| layout.lines[l].range.end == r.end)
        };
        let body: Vec<usize> = (0..sentences.len())
            .filter(|&i| {
                let (r, zone) = &sentences[i];
                zone.is_summary_candidate()
                    && !in_dateline(r)
                    && !self.furniture.is_signpost(&text[r.clone()])
                    && !own_question(r)
            })
            .collect();
        let title = doc.title.clone().or_else(|| layout.title.clone().map(|r| text[r].to_string()));
        let terms = || {
            let sentences = body.iter().map(|&i| words[i].iter().map(|&(_, w)| w));
            self.tokenizer.article_terms(sentences, title.as_deref(), lang)
        };
        // Entities and the summary's terms do not depend on each other: a long document computes
        // them on two cores.
        let (mentions, terms) =
            if text.len() >= PARALLEL_BYTES { rayon::join(tag, terms) } else { (tag(), terms()) };
        let ArticleTerms { sentences: mut body_terms, title: title_terms } = terms;

        // Summary: sentences weigh by the entities they name.
        let mut entity_count: HashMap<&Target, usize> = HashMap::default();
        for m in &mentions {
            *entity_count.entry(&m.target).or_default() += 1;
        }
        let mut entity_mass = vec![0.0; sentences.len()];
        for m in &mentions {
            entity_mass[m.sentence] += entity_count[&m.target] as f64;
        }
        // Sentences of one layout line (an input line, or a hard-wrapped paragraph) share a
        // paragraph.
        let paragraph_of: Vec<usize> =
            sentences.iter().map(|(r, _)| layout.lines.partition_point(|l| l.range.end <= r.start)).collect();
        let candidates: Vec<Candidate> = body
            .iter()
            .zip(body_terms.iter_mut())
            .map(|(&i, (terms, words))| {
                let s = &text[sentences[i].0.clone()];
                Candidate {
                    terms: std::mem::take(terms),
                    words: *words,
                    entity_mass: entity_mass[i],
                    quote: s.starts_with(['"', '“', '\'', '‘', '«']),
                    paragraph: paragraph_of[i],
                }
            })
            .collect();
        let (features, chosen) =
            self.summarizer.summarize(&candidates, &title_terms, lang, self.config.length);
        let summary: Vec<SummarySentence> = chosen
            .iter()
            .map(|&c| {
                let i = body[c];
                let mut r = sentences[i].0.clone();
                // A dateline ("JAKARTA, KOMPAS.com - ") is not part of what the story says.
                if let Some(d) = layout.dateline.as_ref().filter(|d| d.start == r.start && d.end < r.end) {
                    r.start = d.end;
                }
                // Nor is a live report's time stamp ("23.40 WIB - BMKG mencatat …").
                if let Some(n) = structure::time_stamp_prefix(&text[r.clone()]) {
                    r.start += n;
                }
                SummarySentence {
                    index: i,
                    start: offsets.of(r.start),
                    end: offsets.of(r.end),
                    text: text[r].to_string(),
                    score: (features[c].score * 1e4).round() / 1e4,
                    features: self.config.explain.then_some(features[c]),
                }
            })
            .collect();
        let summary_short = match self.config.length {
            Length::Sentences(n) if body.len() < n => {
                Some(format!("asked for {n} sentences; the article has {} body sentences", body.len()))
            }
            _ => None,
        };
        let scores = self.config.explain.then(|| {
            body.iter().zip(&features).map(|(&index, f)| ScoredSentence { index, features: *f }).collect()
        });
        let entities = match &self.gazetteer {
            Some(g) => group_entities(g, text, &offsets, mentions),
            None => Vec::new(),
        };

        Analysis {
            id: doc.id.clone(),
            lang: LangTag(detected),
            title,
            dateline: layout.dateline.as_ref().map(|d| [offsets.of(d.start), offsets.of(d.end)]),
            sentences: sentences
                .iter()
                .enumerate()
                .map(|(index, (r, zone))| Sentence {
                    index,
                    start: offsets.of(r.start),
                    end: offsets.of(r.end),
                    zone: *zone,
                })
                .collect(),
            summary,
            summary_short,
            scores,
            entities,
        }
    }
}

/// Groups mentions by entity: most mentioned first, then by first mention.
fn group_entities(
    g: &Gazetteer,
    text: &str,
    offsets: &CharOffsets,
    mentions: Vec<Mention>,
) -> Vec<EntityOut> {
    let mut out: Vec<(usize, EntityOut)> = Vec::new();
    let mut slot: HashMap<(Target, EntityKind), usize> = HashMap::default();
    for m in mentions {
        let i = *slot.entry((m.target.clone(), m.kind)).or_insert_with(|| {
            let (name, id) = g.name_and_id(&m.target);
            let (name, id) = (name.to_string(), id.map(String::from));
            let subtype = g.subtype(&m.target).map(String::from);
            out.push((
                m.range.start,
                EntityOut { name, kind: m.kind, id, count: 0, subtype, mentions: Vec::new() },
            ));
            out.len() - 1
        });
        let entity = &mut out[i].1;
        entity.count += 1;
        entity.mentions.push(MentionOut {
            start: offsets.of(m.range.start),
            end: offsets.of(m.range.end),
            text: text[m.range].to_string(),
            sentence: m.sentence,
            source: m.source,
            confidence: (f64::from(m.confidence) * 100.0).round() / 100.0,
        });
    }
    out.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
    out.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_is_all_dateline_is_no_summary_candidate() {
        let pipeline = Pipeline::new(&Config { no_entities: true, ..Config::default() }).unwrap();
        let text = "KONTAN.CO.ID - JAKARTA. PT Pertamina (Persero) menaikkan harga bahan bakar minyak \
                    nonsubsidi jenis Pertamax mulai Senin (1/4/2024). Harga Pertamax di Jakarta naik dari \
                    Rp 12.950 menjadi Rp 13.300 per liter.";
        let a = pipeline.analyze(&Document::new("kontan", text.to_string()));
        assert_eq!(a.dateline, Some([0, 24]));
        let summary: Vec<&str> = a.summary.iter().map(|s| s.text.as_str()).collect();
        assert!(!summary.iter().any(|s| s.contains("JAKARTA")), "{summary:?}");
        assert!(summary[0].starts_with("PT Pertamina"), "{summary:?}");
    }

    #[test]
    fn a_live_reports_time_stamp_is_no_part_of_its_summary_sentence() {
        let pipeline = Pipeline::new(&Config { no_entities: true, ..Config::default() }).unwrap();
        let text = "23.40 WIB - BMKG mencatat 25 gempa susulan di Cianjur sejak sore.\n\
                    23.10 WIB - Tim SAR gabungan masih mencari dua warga yang tertimbun longsor.";
        let a = pipeline.analyze(&Document::new("live", text.to_string()));
        let summary: Vec<(usize, &str)> = a.summary.iter().map(|s| (s.start, s.text.as_str())).collect();
        assert_eq!(
            summary,
            [
                (12, "BMKG mencatat 25 gempa susulan di Cianjur sejak sore."),
                (78, "Tim SAR gabungan masih mencari dua warga yang tertimbun longsor.")
            ]
        );
        // The sentences themselves still cover the whole text.
        assert_eq!(a.sentences[0].start, 0);
    }

    #[test]
    fn a_question_on_its_own_line_is_no_summary_sentence() {
        let config = Config { no_entities: true, length: Length::Sentences(5), ..Config::default() };
        let pipeline = Pipeline::new(&config).unwrap();
        let text = "Menteri Kesehatan menerima Tempo di kantornya di Kuningan pekan lalu.\n\
                    Apa kendala terbesar program imunisasi tahun ini?\n\
                    Distribusi vaksin ke daerah terpencil di Papua masih sulit. \"Kenapa sulit?\" tanya dia.\n\
                    Kami bekerja sama dengan TNI untuk pengiriman vaksin ke Papua.";
        let a = pipeline.analyze(&Document::new("wawancara", text.to_string()));
        let summary: Vec<&str> = a.summary.iter().map(|s| s.text.as_str()).collect();
        assert!(!summary.contains(&"Apa kendala terbesar program imunisasi tahun ini?"), "{summary:?}");
        // A question inside a paragraph may still be chosen.
        assert!(summary.contains(&"\"Kenapa sulit?\" tanya dia."), "{summary:?}");
    }

    #[test]
    fn a_signpost_is_no_summary_sentence() {
        let pipeline = Pipeline::new(&Config { no_entities: true, ..Config::default() }).unwrap();
        let text = "Jakarta - Kebakaran melanda sebuah gudang di kawasan Cakung, Jakarta Timur, Selasa dini \
                    hari. Berikut lima fakta kebakaran gudang di Cakung.\n\
                    Sebanyak 25 unit mobil pemadam kebakaran dikerahkan untuk memadamkan api di gudang.";
        let a = pipeline.analyze(&Document::new("daftar", text.to_string()));
        assert_eq!(a.sentences.len(), 3);
        assert!(a.summary.iter().all(|s| !s.text.starts_with("Berikut")), "{:?}", a.summary);
    }
}
