//! Choosing the sentences that matter.
//!
//! The default method, `ringkas`, scores each body sentence with features a news editor would
//! name — where it stands (the inverted pyramid puts the key facts first; a smooth curve, not a
//! cliff), how central it is to the story (LexRank-style similarity over stems), how much it
//! shares with the title and with the article's most mentioned entities, and whether it is long
//! enough to carry a fact — then picks sentences greedily with a redundancy penalty (MMR) and
//! returns them in document order. `lead`, `textrank` and `lexrank` are there for comparison.
//!
//! Long documents stay near-linear: similarities are computed within a window of neighbouring
//! sentences, never between all pairs.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::lang::Lang;
use crate::tokenize::TermId;

/// How long a summary should be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// Exactly this many sentences (fewer only if the article has fewer).
    Sentences(usize),
    /// This share of the body sentences, rounded up, at least one.
    Ratio(f64),
    /// As many sentences as fit in this many words, never cutting a sentence.
    Words(usize),
}

impl Default for Length {
    fn default() -> Length {
        Length::Sentences(3)
    }
}

/// A summarization method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// The first sentences (LEAD-N).
    Lead,
    /// TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap similarity.
    TextRank,
    /// LexRank (Erkan & Radev 2004): PageRank over thresholded tf-idf cosine similarity.
    LexRank,
    /// ringkas's news-aware scorer with redundancy control.
    #[default]
    Ringkas,
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 4] = [Method::Lead, Method::TextRank, Method::LexRank, Method::Ringkas];

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Lead => "lead",
            Method::TextRank => "textrank",
            Method::LexRank => "lexrank",
            Method::Ringkas => "ringkas",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> Result<Method, String> {
        Method::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("unknown method {s:?} (lead, textrank, lexrank or ringkas)"))
    }
}

/// What the scorer knows of one candidate sentence.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    /// Its stems (content words only), as [`crate::tokenize::Tokenizer::article_terms`] numbers them.
    pub terms: Vec<TermId>,
    /// Its number of words.
    pub words: usize,
    /// Summed article-wide mention counts of the entities it names.
    pub entity_mass: f64,
    /// It opens with a quotation mark.
    pub quote: bool,
    /// Index of the paragraph (input line) it belongs to.
    pub paragraph: usize,
}

/// The features of one sentence and its final score, as `--explain` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Features {
    /// Position prior: 1.0 for the first body sentence, decaying smoothly.
    pub position: f64,
    /// Similarity to the rest of the story (0–1, the most central sentence is 1).
    pub centrality: f64,
    /// TextRank score over word overlap (0–1): favours long sentences that share much.
    pub textrank: f64,
    /// Share of the title's stems the sentence contains (0 without a title).
    pub title: f64,
    /// Weight of the article's entities the sentence names (0–1).
    pub entities: f64,
    /// Length prior: short fragments carry little (0–1).
    pub length: f64,
    /// 1 when the sentence opens with a quotation.
    pub quote: f64,
    /// The method's score before redundancy control.
    pub score: f64,
}

/// Weights of the `ringkas` method for one language. Tuned on the development sets
/// (`tools/tune_summary.py` explains how), never on anything else.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Half-life-like constant of the position curve `1 / (1 + i / k)`.
    pub position_k: f64,
    /// Weight of the position prior.
    pub position: f64,
    /// Weight of centrality.
    pub centrality: f64,
    /// Weight of the TextRank score.
    pub textrank: f64,
    /// Weight of title overlap.
    pub title: f64,
    /// Weight of entity salience.
    pub entities: f64,
    /// Weight of the length prior.
    pub length: f64,
    /// Weight (usually negative) of opening with a quotation.
    pub quote: f64,
    /// Redundancy penalty of MMR (0 turns it off).
    pub redundancy: f64,
    /// Below this many paragraphs the text is running copy without structure: centrality,
    /// TextRank and length then count for nothing and the lead decides.
    pub min_paragraphs: usize,
}

impl Weights {
    /// The tuned weights for a language.
    pub fn for_lang(lang: Lang) -> Weights {
        match lang {
            // `python3 tools/tune_summary.py descend --lang id` (2026-12-06), from the earlier
            // grid's setting: mean ROUGE F1 on sum-id-dev 62.23 → 63.46.
            Lang::Id => Weights {
                position_k: 1.5,
                position: 1.0,
                centrality: 0.1,
                textrank: 0.0,
                title: 0.0,
                entities: 0.05,
                length: 0.1,
                quote: -0.2,
                redundancy: 0.2,
                min_paragraphs: 0,
            },
            Lang::En => Weights {
                position_k: 2.0,
                position: 1.0,
                centrality: 0.4,
                textrank: 4.0,
                title: 0.0,
                entities: 0.0,
                length: 1.6,
                quote: 0.0,
                redundancy: 0.0,
                min_paragraphs: 3,
            },
        }
    }
}

/// Sparse tf-idf vectors of the candidates, with their norms.
struct Vectors {
    rows: Vec<Vec<(u32, f64)>>,
    norms: Vec<f64>,
    /// Dense ids in order of first use, keyed by the candidates' term ids: the order of the
    /// sums below, so that scores do not depend on how a thread numbered its stems.
    ids: HashMap<TermId, u32>,
}

impl Vectors {
    fn new(candidates: &[Candidate]) -> Vectors {
        let mut ids: HashMap<TermId, u32> = HashMap::default();
        let mut rows: Vec<Vec<(u32, f64)>> = candidates
            .iter()
            .map(|c| {
                let mut row: Vec<(u32, f64)> = c
                    .terms
                    .iter()
                    .map(|t| {
                        let next = ids.len() as u32;
                        (*ids.entry(*t).or_insert(next), 1.0)
                    })
                    .collect();
                row.sort_unstable_by_key(|&(t, _)| t);
                row.dedup_by(|b, a| {
                    let same = a.0 == b.0;
                    if same {
                        a.1 += b.1;
                    }
                    same
                });
                row
            })
            .collect();
        let mut df = vec![0u32; ids.len()];
        for row in &rows {
            for &(t, _) in row {
                df[t as usize] += 1;
            }
        }
        let n = candidates.len() as f64;
        for row in &mut rows {
            for (t, w) in row.iter_mut() {
                *w *= ((1.0 + n) / f64::from(df[*t as usize])).ln() + 1.0;
            }
        }
        let norms = rows.iter().map(|r| r.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()).collect();
        Vectors { rows, norms, ids }
    }

    fn cosine(&self, a: usize, b: usize) -> f64 {
        let (dot, shared) = intersect(&self.rows[a], &self.rows[b]);
        self.measures(a, b, dot, shared).0
    }

    /// Cosine and TextRank's overlap (shared terms over the log of the lengths) of two
    /// sentences, from their dot product and number of shared terms.
    fn measures(&self, a: usize, b: usize, dot: f64, shared: usize) -> (f64, f64) {
        let (na, nb) = (self.norms[a], self.norms[b]);
        let cosine = if na == 0.0 || nb == 0.0 { 0.0 } else { dot / (na * nb) };
        let (la, lb) = (self.rows[a].len(), self.rows[b].len());
        let overlap =
            if la < 2 || lb < 2 { 0.0 } else { shared as f64 / ((la as f64).ln() + (lb as f64).ln()) };
        (cosine, overlap)
    }

    /// The windowed similarity graph: each sentence's mean cosine with its window's neighbours,
    /// and its neighbours whose `edge` measure (of `(cosine, overlap)`) is above `threshold`, in
    /// order. Every pair is computed once (both measures are symmetric) and nothing per pair is
    /// kept but the edges that count: a long document has up to 100 neighbours per sentence.
    ///
    /// Sentence `i`'s weights are spread over a dense array once, and each later neighbour's
    /// row is read against it: a walk over one row per pair instead of a merge of two. The sums
    /// are those of [`intersect`], term for term in the same order (a term the two do not share
    /// adds an exact zero), and each sentence's cosines are summed in order of the neighbour, as
    /// a sum over its row of the graph would be: the numbers are the merge's, bit for bit.
    fn graph(&self, edge: Measure, threshold: f64) -> Graph {
        let n = self.rows.len();
        // The sums start where `Iterator::sum` starts (-0.0), so that a sentence alone in its
        // window keeps the mean that summing its empty row gave.
        let zero: f64 = std::iter::empty::<f64>().sum();
        let mut sums = vec![zero; n];
        let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        let mut dense = vec![0.0; self.ids.len()];
        for i in 0..n {
            for &(t, w) in &self.rows[i] {
                dense[t as usize] = w;
            }
            for j in i + 1..window(i, n).end {
                let (mut dot, mut shared) = (0.0, 0);
                for &(t, w) in &self.rows[j] {
                    let a = dense[t as usize];
                    dot += a * w;
                    shared += usize::from(a != 0.0);
                }
                let m = self.measures(i, j, dot, shared);
                sums[i] += m.0;
                sums[j] += m.0;
                let e = edge(m);
                if e > threshold {
                    edges[i].push((j, e));
                    edges[j].push((i, e));
                }
            }
            for &(t, _) in &self.rows[i] {
                dense[t as usize] = 0.0;
            }
        }
        let centrality = (0..n).map(|i| sums[i] / (window(i, n).len() - 1).max(1) as f64).collect();
        Graph { centrality, edges }
    }
}

/// What [`Vectors::graph`] gives.
struct Graph {
    /// Each sentence's mean cosine with its window's neighbours.
    centrality: Vec<f64>,
    /// Each sentence's neighbours over the threshold, with the edge measure, in order.
    edges: Vec<Vec<(usize, f64)>>,
}

/// One of a pair's two measures, from both: [`cosine`] or [`overlap`].
type Measure = fn((f64, f64)) -> f64;

/// The cosine of a pair's measures.
fn cosine((c, _): (f64, f64)) -> f64 {
    c
}

/// TextRank's overlap of a pair's measures.
fn overlap((_, o): (f64, f64)) -> f64 {
    o
}

/// The dot product of two sorted sparse vectors and the number of terms they share, in one merge.
fn intersect(a: &[(u32, f64)], b: &[(u32, f64)]) -> (f64, usize) {
    let (mut i, mut j, mut sum, mut shared) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (sum, shared)
}

/// Neighbours on each side that a sentence is compared with. News paragraphs relate mostly to
/// nearby ones, and a window keeps a 10 MB document linear.
const WINDOW: usize = 50;

fn window(i: usize, n: usize) -> std::ops::Range<usize> {
    i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(n)
}

/// PageRank over a windowed similarity graph: [`Vectors::graph`]'s edges, those over its threshold.
fn pagerank(n: usize, edges: Vec<Vec<(usize, f64)>>) -> Vec<f64> {
    // Flat arrays of (target, weight / source's out-weight), one run per source: the loop below
    // runs up to 50 times over every edge of a document that may have 100,000 sentences.
    let mut start = Vec::with_capacity(n + 1);
    let mut to: Vec<u32> = Vec::new();
    let mut share: Vec<f64> = Vec::new();
    for e in &edges {
        start.push(to.len());
        let out: f64 = e.iter().map(|(_, w)| w).sum();
        if out > 0.0 {
            for &(i, w) in e {
                to.push(i as u32);
                share.push(w / out);
            }
        }
    }
    start.push(to.len());
    drop(edges);
    let d = 0.85;
    let mut rank = vec![1.0 / n.max(1) as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..50 {
        next.iter_mut().for_each(|x| *x = (1.0 - d) / n as f64);
        for j in 0..n {
            let r = d * rank[j];
            let (lo, hi) = (start[j], start[j + 1]);
            for (&i, &w) in to[lo..hi].iter().zip(&share[lo..hi]) {
                next[i as usize] += r * w;
            }
        }
        let delta: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if delta < 1e-7 {
            break;
        }
    }
    rank
}

fn scale_to_max(v: &mut [f64]) {
    let top = v.iter().cloned().fold(0.0, f64::max);
    if top > 0.0 {
        v.iter_mut().for_each(|x| *x /= top);
    }
}

/// Scores and picks sentences.
#[derive(Debug, Clone, Copy)]
pub struct Summarizer {
    /// The method.
    pub method: Method,
    /// Weights of the `ringkas` method; `None` takes the tuned ones for the language.
    pub weights: Option<Weights>,
}

impl Default for Summarizer {
    fn default() -> Summarizer {
        Summarizer { method: Method::Ringkas, weights: None }
    }
}

impl Summarizer {
    /// Scores the candidates (body sentences, in document order) and picks a summary of
    /// `length`. Returns every candidate's features and the chosen candidate indices in
    /// document order.
    pub fn summarize(
        &self,
        candidates: &[Candidate],
        title: &[TermId],
        lang: Lang,
        length: Length,
    ) -> (Vec<Features>, Vec<usize>) {
        let n = candidates.len();
        if n == 0 {
            return (Vec::new(), Vec::new());
        }
        let w = self.weights.unwrap_or_else(|| Weights::for_lang(lang));
        let vectors = Vectors::new(candidates);

        // Graphs are built only where their scores count, each pair of sentences compared once.
        let (mut textrank, mut centrality) = match self.method {
            Method::Lead => (vec![0.0; n], vec![0.0; n]),
            Method::TextRank => {
                let t = pagerank(n, vectors.graph(overlap, 0.0).edges);
                (t.clone(), t)
            }
            Method::LexRank => (vec![0.0; n], pagerank(n, vectors.graph(cosine, 0.1).edges)),
            // No edge is above an infinite threshold: the mean cosines alone.
            Method::Ringkas if w.textrank == 0.0 => {
                (vec![0.0; n], vectors.graph(cosine, f64::INFINITY).centrality)
            }
            Method::Ringkas => {
                let Graph { centrality, edges } = vectors.graph(overlap, 0.0);
                (pagerank(n, edges), centrality)
            }
        };
        scale_to_max(&mut textrank);
        scale_to_max(&mut centrality);
        let mut title_ids: Vec<u32> = title.iter().filter_map(|t| vectors.ids.get(t).copied()).collect();
        title_ids.sort_unstable();
        title_ids.dedup();
        let title_len = {
            let mut t = title.to_vec();
            t.sort_unstable();
            t.dedup();
            t.len()
        };
        let mut entities: Vec<f64> = candidates.iter().map(|c| c.entity_mass).collect();
        scale_to_max(&mut entities);
        let paragraphs = 1 + candidates.windows(2).filter(|p| p[0].paragraph != p[1].paragraph).count();
        let content = if paragraphs < w.min_paragraphs { 0.0 } else { 1.0 };

        let features: Vec<Features> = (0..n)
            .map(|i| {
                let c = &candidates[i];
                let position = 1.0 / (1.0 + i as f64 / w.position_k);
                let title = if title_len == 0 {
                    0.0
                } else {
                    let row = &vectors.rows[i];
                    title_ids.iter().filter(|&&t| row.binary_search_by_key(&t, |&(x, _)| x).is_ok()).count()
                        as f64
                        / title_len as f64
                };
                let length = (c.words as f64 / 30.0).min(1.0);
                let quote = f64::from(u8::from(c.quote));
                let mut f = Features {
                    position,
                    centrality: centrality[i],
                    textrank: textrank[i],
                    title,
                    entities: entities[i],
                    length,
                    quote,
                    score: 0.0,
                };
                f.score = match self.method {
                    Method::Lead => position,
                    Method::TextRank | Method::LexRank => centrality[i],
                    Method::Ringkas => {
                        w.position * position
                            + content
                                * (w.centrality * f.centrality + w.textrank * f.textrank + w.length * length)
                            + w.title * title
                            + w.entities * f.entities
                            + w.quote * quote
                    }
                };
                f
            })
            .collect();
        let redundancy = if self.method == Method::Ringkas { w.redundancy } else { 0.0 };
        let chosen = select(&features, candidates, length, |a, b| vectors.cosine(a, b), redundancy);
        (features, chosen)
    }
}

/// Greedy selection by score with an MMR redundancy penalty; ties go to the earlier sentence.
/// Returns candidate indices in document order.
fn select(
    features: &[Features],
    candidates: &[Candidate],
    length: Length,
    sim: impl Fn(usize, usize) -> f64,
    redundancy: f64,
) -> Vec<usize> {
    let n = features.len();
    let (max_count, budget) = match length {
        Length::Sentences(k) => (k.min(n), usize::MAX),
        Length::Ratio(r) => (((n as f64 * r).ceil() as usize).clamp(1, n), usize::MAX),
        Length::Words(b) => (n, b),
    };
    let mut chosen: Vec<usize> = Vec::new();
    let mut penalty = vec![0.0f64; n];
    let mut taken = vec![false; n];
    let mut used = 0usize;
    while chosen.len() < max_count {
        let best = (0..n)
            .filter(|&i| !taken[i] && used + candidates[i].words <= budget)
            .map(|i| (i, features[i].score - redundancy * penalty[i]))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        taken[i] = true;
        used += candidates[i].words;
        chosen.push(i);
        if redundancy > 0.0 {
            for j in window(i, n) {
                penalty[j] = penalty[j].max(sim(i, j));
            }
        }
    }
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A term id per distinct word, as the tokenizer numbers stems.
    fn id(word: &str) -> TermId {
        thread_local!(static IDS: std::cell::RefCell<HashMap<String, TermId>> = Default::default());
        IDS.with_borrow_mut(|ids| {
            let next = ids.len() as TermId;
            *ids.entry(word.to_string()).or_insert(next)
        })
    }

    fn cand(words: &str) -> Candidate {
        Candidate {
            terms: words.split(' ').map(id).collect(),
            words: words.split(' ').count(),
            ..Candidate::default()
        }
    }

    fn pick(method: Method, c: &[Candidate], title: &[&str], length: Length) -> Vec<usize> {
        let title: Vec<TermId> = title.iter().map(|&s| id(s)).collect();
        Summarizer { method, weights: None }.summarize(c, &title, Lang::Id, length).1
    }

    proptest::proptest! {
        /// The graph gives exactly the numbers of the plain computation: every pair in the
        /// window measured by a merge of the two sorted rows, each sentence's cosines summed
        /// over its neighbours in order, the edges those above the threshold. Bit for bit.
        #[test]
        fn the_graph_is_the_merged_measures_exactly(
            sentences in proptest::collection::vec(proptest::collection::vec(0u32..40, 0..12), 0..70),
            lexrank: bool,
        ) {
            let candidates: Vec<Candidate> = sentences
                .iter()
                .map(|terms| Candidate { terms: terms.clone(), words: terms.len(), ..Candidate::default() })
                .collect();
            let v = Vectors::new(&candidates);
            let edge: Measure = if lexrank { cosine } else { overlap };
            let threshold = if lexrank { 0.1 } else { 0.0 };
            let graph = v.graph(edge, threshold);
            let n = candidates.len();
            proptest::prop_assert_eq!(graph.centrality.len(), n);
            proptest::prop_assert_eq!(graph.edges.len(), n);
            for i in 0..n {
                let near: Vec<(usize, (f64, f64))> = window(i, n)
                    .filter(|&j| j != i)
                    .map(|j| {
                        let (dot, shared) = intersect(&v.rows[i], &v.rows[j]);
                        (j, v.measures(i, j, dot, shared))
                    })
                    .collect();
                let mean = near.iter().map(|(_, m)| m.0).sum::<f64>() / near.len().max(1) as f64;
                proptest::prop_assert_eq!(graph.centrality[i].to_bits(), mean.to_bits());
                let edges: Vec<(usize, u64)> =
                    near.iter().map(|&(j, m)| (j, edge(m))).filter(|&(_, e)| e > threshold).map(|(j, e)| (j, e.to_bits())).collect();
                let got: Vec<(usize, u64)> = graph.edges[i].iter().map(|&(j, e)| (j, e.to_bits())).collect();
                proptest::prop_assert_eq!(got, edges);
            }
        }
    }

    #[test]
    fn lead_and_central_sentences_win() {
        let c = vec![
            cand("putin trump telepon bahas hubung"),
            cand("kremlin putin trump hubung stabil"),
            cand("cuaca cerah hari ini"),
            cand("putin trump bahas kerja sama"),
        ];
        let title = ["putin", "trump", "bahas"];
        assert_eq!(pick(Method::Ringkas, &c, &title, Length::Sentences(2)), [0, 1]);
        assert_eq!(pick(Method::Ringkas, &c, &title, Length::Sentences(9)), [0, 1, 2, 3]);
        assert_eq!(pick(Method::Ringkas, &c, &title, Length::Ratio(0.5)), [0, 1]);
        assert_eq!(pick(Method::Lead, &c, &title, Length::Sentences(3)), [0, 1, 2]);
        for m in [Method::TextRank, Method::LexRank] {
            assert!(!pick(m, &c, &title, Length::Sentences(3)).contains(&2), "{m}: off-topic sentence");
        }
    }

    #[test]
    fn words_budget_never_cuts_a_sentence() {
        let c = vec![cand("a b c d e"), cand("f g h"), cand("i j k l m n o")];
        assert_eq!(pick(Method::Lead, &c, &[], Length::Words(8)), [0, 1]);
        assert_eq!(pick(Method::Lead, &c, &[], Length::Words(2)), Vec::<usize>::new());
    }

    #[test]
    fn redundancy_penalty_skips_repeats() {
        let c = vec![cand("a b c d"), cand("a b c d"), cand("x y z w")];
        let w = Weights { redundancy: 1.0, ..Weights::for_lang(Lang::Id) };
        let s = Summarizer { method: Method::Ringkas, weights: Some(w) };
        assert_eq!(s.summarize(&c, &[], Lang::Id, Length::Sentences(2)).1, [0, 2]);
    }

    #[test]
    fn methods_parse() {
        for m in Method::ALL {
            assert_eq!(m.as_str().parse::<Method>().unwrap(), m);
        }
    }
}
