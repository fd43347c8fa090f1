//! Choosing the sentences that matter. Each body sentence gets a score from three features —
//! its position (news puts the most important facts first), its centrality (how much it shares
//! with the rest of the story, over stems) and its overlap with the title — and the best ones
//! are returned in document order.

use std::collections::HashMap;

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

/// What the scorer knows of one candidate sentence.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Its stems (content words only).
    pub terms: Vec<String>,
    /// Its number of words, for `--words`.
    pub words: usize,
}

/// The features of one sentence and its final score.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Features {
    /// Position prior, 1.0 for the first body sentence, decaying smoothly.
    pub position: f64,
    /// Mean cosine similarity to the other body sentences, scaled to the best sentence.
    pub centrality: f64,
    /// Share of the title's stems the sentence contains.
    pub title: f64,
    /// The weighted sum.
    pub score: f64,
}

/// Feature weights.
#[derive(Debug, Clone, Copy)]
pub struct Scorer {
    position: f64,
    centrality: f64,
    title: f64,
}

impl Default for Scorer {
    fn default() -> Scorer {
        Scorer { position: 0.6, centrality: 0.25, title: 0.15 }
    }
}

impl Scorer {
    /// Scores the candidates (body sentences, in document order) against the title's stems.
    pub fn score(&self, candidates: &[Candidate], title: &[String]) -> Vec<Features> {
        let n = candidates.len();
        // Term ids and document frequencies over the article's sentences.
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let vectors: Vec<HashMap<usize, f64>> = candidates
            .iter()
            .map(|c| {
                let mut v = HashMap::new();
                for t in &c.terms {
                    let next = ids.len();
                    let id = *ids.entry(t.as_str()).or_insert(next);
                    *v.entry(id).or_insert(0.0) += 1.0;
                }
                v
            })
            .collect();
        let mut df = vec![0usize; ids.len()];
        for v in &vectors {
            for &t in v.keys() {
                df[t] += 1;
            }
        }
        let idf: Vec<f64> = df.iter().map(|&d| ((1 + n) as f64 / d as f64).ln() + 1.0).collect();
        let weighted: Vec<HashMap<usize, f64>> =
            vectors.into_iter().map(|v| v.into_iter().map(|(t, tf)| (t, tf * idf[t])).collect()).collect();
        let norms: Vec<f64> =
            weighted.iter().map(|v| v.values().map(|x| x * x).sum::<f64>().sqrt()).collect();

        // Centrality: mean similarity to a window of neighbours on each side keeps long documents
        // near-linear; news paragraphs relate mostly to nearby ones.
        const WINDOW: usize = 40;
        let mut centrality = vec![0.0; n];
        for i in 0..n {
            let (lo, hi) = (i.saturating_sub(WINDOW), (i + WINDOW + 1).min(n));
            let mut sum = 0.0;
            for j in (lo..hi).filter(|&j| j != i) {
                sum += cosine(&weighted[i], &weighted[j], norms[i], norms[j]);
            }
            centrality[i] = if hi - lo > 1 { sum / (hi - lo - 1) as f64 } else { 0.0 };
        }
        let top = centrality.iter().cloned().fold(0.0, f64::max);
        if top > 0.0 {
            centrality.iter_mut().for_each(|c| *c /= top);
        }

        let title_ids: Vec<usize> = {
            let mut t: Vec<usize> = title.iter().filter_map(|t| ids.get(t.as_str()).copied()).collect();
            t.sort_unstable();
            t.dedup();
            t
        };
        let title_len = {
            let mut t: Vec<&String> = title.iter().collect();
            t.sort();
            t.dedup();
            t.len()
        };
        (0..n)
            .map(|i| {
                let position = 1.0 / (1.0 + i as f64 / 2.0);
                let title = if title_len == 0 {
                    0.0
                } else {
                    title_ids.iter().filter(|t| weighted[i].contains_key(t)).count() as f64 / title_len as f64
                };
                let score = self.position * position + self.centrality * centrality[i] + self.title * title;
                Features { position, centrality: centrality[i], title, score }
            })
            .collect()
    }
}

fn cosine(a: &HashMap<usize, f64>, b: &HashMap<usize, f64>, na: f64, nb: f64) -> f64 {
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let dot: f64 = small.iter().filter_map(|(t, x)| large.get(t).map(|y| x * y)).sum();
    dot / (na * nb)
}

/// Picks sentences by score for the requested length; returns candidate indices in document
/// order. Ties go to the earlier sentence.
pub fn select(features: &[Features], candidates: &[Candidate], length: Length) -> Vec<usize> {
    let mut order: Vec<usize> = (0..features.len()).collect();
    order.sort_by(|&a, &b| features[b].score.total_cmp(&features[a].score).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = match length {
        Length::Sentences(k) => order.into_iter().take(k).collect(),
        Length::Ratio(r) => {
            let k = ((features.len() as f64 * r).ceil() as usize).max(1);
            order.into_iter().take(k).collect()
        }
        Length::Words(budget) => {
            let mut used = 0;
            let mut picked = Vec::new();
            for i in order {
                if used + candidates[i].words <= budget {
                    used += candidates[i].words;
                    picked.push(i);
                }
            }
            picked
        }
    };
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(words: &str) -> Candidate {
        Candidate { terms: words.split(' ').map(String::from).collect(), words: words.split(' ').count() }
    }

    #[test]
    fn lead_and_central_sentences_win() {
        let c = vec![
            cand("putin trump telepon bahas hubung"),
            cand("kremlin putin trump hubung stabil"),
            cand("cuaca cerah hari ini"),
            cand("putin trump bahas kerja sama"),
        ];
        let title = vec!["putin".to_string(), "trump".to_string(), "bahas".to_string()];
        let f = Scorer::default().score(&c, &title);
        assert_eq!(select(&f, &c, Length::Sentences(2)), [0, 1]);
        assert!(f[3].score > f[2].score, "central beats off-topic");
        assert_eq!(select(&f, &c, Length::Sentences(9)), [0, 1, 2, 3]);
        assert_eq!(select(&f, &c, Length::Ratio(0.5)), [0, 1]);
    }

    #[test]
    fn words_budget_never_cuts_a_sentence() {
        let c = vec![cand("a b c d e"), cand("f g h"), cand("i j k l m n o")];
        let f = Scorer::default().score(&c, &[]);
        assert_eq!(select(&f, &c, Length::Words(8)), [0, 1]);
        assert_eq!(select(&f, &c, Length::Words(2)), Vec::<usize>::new());
    }
}
