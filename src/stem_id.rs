//! Indonesian stemmer: the Snowball adaptation of Tala's (2003) Porter-style
//! stemmer for Bahasa Indonesia.
//!
//! The algorithm is purely rule based (no dictionary). It strips, in order,
//! at most one inflectional particle, one possessive pronoun, and then a
//! combination of derivational prefixes and one derivational suffix:
//!
//! 1. **Measure.** The *measure* of a word is its number of vowels
//!    (`a e i o u`; `y` and non-ASCII letters are not vowels). A word whose
//!    measure is 2 or less is returned unchanged. Each affix removed below
//!    takes exactly one vowel with it, so the measure is decremented by one
//!    per removal and every later step requires the measure to still exceed 2.
//! 2. **Particle.** Remove a final `-kah`, `-lah` or `-pun`.
//! 3. **Possessive pronoun.** If the measure still exceeds 2, remove a final
//!    `-ku`, `-mu` or `-nya`. If the measure is now 2 or less, stop.
//! 4. **First-order prefix.** The longest of these initial strings is
//!    considered; each removal records a prefix *class* used by step 5:
//!    * `di-`, `ter-`, `me-`, `men-`, `meng-`: removed (class *di/meng/ter*);
//!    * `meny-` before a vowel becomes `s` (`menyapu` → `sapu`), otherwise
//!      it is treated as `men-`;
//!    * `mem-` before a vowel becomes `p` (`memukul` → `pukul`), otherwise
//!      it is removed (`membaca` → `baca`);
//!    * `ke-`, `pen-`, `peng-`: removed (class *ke/peng*);
//!    * `peny-` + vowel → `s`, `pem-` + vowel → `p`, as above (class
//!      *ke/peng*).
//! 5. **Derivational suffix** (only with measure > 2). The longest of
//!    `-kan`, `-an`, `-i` whose condition holds is removed:
//!    * `-kan` unless the prefix class is *ke/peng* or *per*; if refused,
//!      `-an` is tried instead (so `perbaikan` → `baik`);
//!    * `-an` unless the prefix class is *di/meng/ter*;
//!    * `-i` only when the prefix class is none, *di/meng/ter* or *per*, and
//!      the word does not end in `-si` (protects `televisi`, `organisasi`).
//! 6. **Second-order prefix.** Longest match of `per-`, `pe-` (class *per*),
//!    `ber-` (class *ber*), `be-` only when followed by consonant + `er`
//!    (`bekerja` → `kerja`), and the special words `pelajar`/`belajar`,
//!    whose prefix `pel-`/`bel-` is removed to leave `ajar…`.
//!
//! If a first-order prefix was removed, the suffix step (5) is tried next,
//! and the second-order step (6) runs only if a suffix was actually removed
//! and the measure still exceeds 2 (`mempermainkan` → `main`, but
//! `memerintah` → `perintah`). A first-order prefix that was *replaced* by
//! `s` or `p` also rules step 6 out (`memerintahkan` → `perintah`): in the
//! Snowball program the cursor is then left after the replacement letter,
//! in front of a vowel, where no second-order prefix can start.
//!
//! If no first-order prefix was found, step 6 runs first and step 5 after it
//! (`perbaikan` → `baik`, `pelajaran` → `ajar`).
//!
//! Every rule above reproduces the Snowball reference implementation exactly
//! (checked on its 64,586-word sample vocabulary by `tests/stem_id.rs`).
//!
//! The implementation works on bytes of the UTF-8 input without allocating
//! anything but the returned `String`; every affix is ASCII, so all cut points
//! fall on character boundaries.

/// Prefix class recorded by the prefix steps; it decides which derivational
/// suffixes may be removed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prefix {
    /// No prefix removed yet (`pelajar` → `ajar` does not set a class).
    None,
    /// `di-`, `ter-`, `me-` and its variants `mem-`, `men-`, `meng-`, `meny-`.
    DiMengTer,
    /// `per-` / `pe-` (second order).
    Per,
    /// `ke-`, `peng-` and its variants `pem-`, `pen-`, `peny-`.
    KePeng,
    /// `ber-` / `be-` (second order).
    Ber,
}

/// The word being stemmed: an optional replacement first letter (`s` or `p`,
/// produced by `meny-`/`peny-`/`mem-`/`pem-` + vowel) followed by a slice of
/// the input.
struct Word<'a> {
    lead: Option<u8>,
    rest: &'a str,
}

impl<'a> Word<'a> {
    #[inline]
    fn len(&self) -> usize {
        self.rest.len() + usize::from(self.lead.is_some())
    }

    /// Byte at position `i` of the current form, if any.
    #[inline]
    fn at(&self, i: usize) -> Option<u8> {
        match self.lead {
            Some(c) if i == 0 => Some(c),
            Some(_) => self.rest.as_bytes().get(i - 1).copied(),
            None => self.rest.as_bytes().get(i).copied(),
        }
    }

    #[inline]
    fn starts_with(&self, pat: &[u8]) -> bool {
        pat.len() <= self.len() && pat.iter().enumerate().all(|(i, &b)| self.at(i) == Some(b))
    }

    #[inline]
    fn ends_with(&self, pat: &[u8]) -> bool {
        // Suffixes never reach into the replacement letter: the measure
        // guard keeps at least two vowels in the word.
        self.rest.as_bytes().ends_with(pat)
    }

    /// Removes the first `n` bytes of the current form.
    #[inline]
    fn drop_front(&mut self, mut n: usize) {
        if n > 0 && self.lead.take().is_some() {
            n -= 1;
        }
        self.rest = &self.rest[n..];
    }

    /// Replaces the first `n` bytes of the current form by `c`.
    #[inline]
    fn replace_front(&mut self, n: usize, c: u8) {
        self.drop_front(n);
        self.lead = Some(c);
    }

    #[inline]
    fn drop_back(&mut self, n: usize) {
        self.rest = &self.rest[..self.rest.len() - n];
    }

    fn into_string(self) -> String {
        let mut out = String::with_capacity(self.len());
        if let Some(c) = self.lead {
            out.push(char::from(c));
        }
        out.push_str(self.rest);
        out
    }
}

#[inline]
fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Byte length of the UTF-8 character starting with byte `b`.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

struct Stemmer<'a> {
    word: Word<'a>,
    measure: usize,
    prefix: Prefix,
}

impl Stemmer<'_> {
    /// Runs steps 2–6 on a word whose measure exceeds 2.
    fn run(&mut self) {
        self.remove_particle();
        if self.measure <= 2 {
            return;
        }
        self.remove_possessive_pronoun();
        if self.measure <= 2 {
            return;
        }
        if self.remove_first_order_prefix() {
            // After a replacement (`mem-` + vowel → `p`, ...) Snowball's
            // cursor is left just after the new letter, in front of a vowel,
            // where no second-order prefix can match: `pemerintahan` →
            // `perintah`, not `intah`.
            if self.measure > 2 && self.remove_suffix() {
                let measure_ok = self.measure > 2;
                if measure_ok && self.word.lead.is_none() {
                    self.remove_second_order_prefix();
                }
            }
        } else {
            self.remove_second_order_prefix();
            if self.measure > 2 {
                self.remove_suffix();
            }
        }
    }

    /// Removes `-kah`, `-lah` or `-pun`.
    fn remove_particle(&mut self) {
        if [b"kah", b"lah", b"pun"].iter().any(|p| self.word.ends_with(*p)) {
            self.word.drop_back(3);
            self.measure -= 1;
        }
    }

    /// Removes `-nya`, `-ku` or `-mu`.
    fn remove_possessive_pronoun(&mut self) {
        let n = if self.word.ends_with(b"nya") {
            3
        } else if self.word.ends_with(b"ku") || self.word.ends_with(b"mu") {
            2
        } else {
            return;
        };
        self.word.drop_back(n);
        self.measure -= 1;
    }

    /// Step 4; returns whether a prefix was removed.
    fn remove_first_order_prefix(&mut self) -> bool {
        let w = &self.word;
        let vowel_at = |i: usize| w.at(i).is_some_and(is_vowel);
        // (bytes consumed, replacement letter, class)
        let (n, repl, class) = match (w.at(0), w.at(1), w.at(2), w.at(3)) {
            (Some(b'd'), Some(b'i'), ..) => (2, None, Prefix::DiMengTer),
            (Some(b't'), Some(b'e'), Some(b'r'), _) => (3, None, Prefix::DiMengTer),
            (Some(b'k'), Some(b'e'), ..) => (2, None, Prefix::KePeng),
            (Some(m @ (b'm' | b'p')), Some(b'e'), third, fourth) => {
                let class = if m == b'm' { Prefix::DiMengTer } else { Prefix::KePeng };
                match (third, fourth) {
                    (Some(b'n'), Some(b'g')) => (4, None, class),
                    (Some(b'n'), Some(b'y')) if vowel_at(4) => (4, Some(b's'), class),
                    (Some(b'n'), _) => (3, None, class),
                    (Some(b'm'), _) if vowel_at(3) => (3, Some(b'p'), class),
                    (Some(b'm'), _) => (3, None, class),
                    // Bare `pe-` is a second-order prefix only.
                    _ if m == b'm' => (2, None, class),
                    _ => return false,
                }
            }
            _ => return false,
        };
        match repl {
            Some(c) => self.word.replace_front(n, c),
            None => self.word.drop_front(n),
        }
        self.prefix = class;
        self.measure -= 1;
        true
    }

    /// Step 6.
    fn remove_second_order_prefix(&mut self) {
        let w = &self.word;
        let (n, class) = if w.starts_with(b"pelajar") {
            (3, self.prefix)
        } else if w.starts_with(b"pe") {
            // `per-`, else bare `pe-`.
            (if w.at(2) == Some(b'r') { 3 } else { 2 }, Prefix::Per)
        } else if w.starts_with(b"ber") || w.starts_with(b"belajar") {
            // `ber-`, or `bel-` of `belajar…`.
            (3, Prefix::Ber)
        } else if w.starts_with(b"be") && self.followed_by_consonant_er(2) {
            (2, Prefix::Ber)
        } else {
            return;
        };
        self.word.drop_front(n);
        self.prefix = class;
        self.measure -= 1;
    }

    /// Whether position `i` holds one non-vowel character followed by `er`.
    fn followed_by_consonant_er(&self, i: usize) -> bool {
        match self.word.at(i) {
            Some(b) if !is_vowel(b) => {
                let j = i + utf8_len(b);
                self.word.at(j) == Some(b'e') && self.word.at(j + 1) == Some(b'r')
            }
            _ => false,
        }
    }

    /// Step 5; returns whether a suffix was removed.
    fn remove_suffix(&mut self) -> bool {
        let p = self.prefix;
        let kan_ok = p != Prefix::KePeng && p != Prefix::Per;
        let an_ok = p != Prefix::DiMengTer;
        let n = if self.word.ends_with(b"kan") && kan_ok {
            3
        } else if self.word.ends_with(b"an") && an_ok {
            2
        } else if self.word.ends_with(b"i")
            && matches!(p, Prefix::None | Prefix::DiMengTer | Prefix::Per)
            && !self.word.ends_with(b"si")
        {
            1
        } else {
            return false;
        };
        self.word.drop_back(n);
        self.measure -= 1;
        true
    }
}

/// Stems one lowercase Indonesian word with the Snowball Indonesian
/// algorithm (see the module documentation).
///
/// Words with two vowels or fewer are returned unchanged. The function never
/// panics and accepts any UTF-8 input; only ASCII affixes are removed.
///
/// ```
/// use ringkas::stem_id::stem;
/// assert_eq!(stem("pembahasan"), "bahas");
/// assert_eq!(stem("memukul"), "pukul");
/// ```
pub fn stem(word: &str) -> String {
    let measure = word.bytes().filter(|&b| is_vowel(b)).count();
    let mut s = Stemmer { word: Word { lead: None, rest: word }, measure, prefix: Prefix::None };
    if s.measure > 2 {
        s.run();
    }
    s.word.into_string()
}

#[cfg(test)]
mod tests {
    use super::stem;

    /// Pairs worked out by hand from the algorithm description.
    const CASES: &[(&str, &str)] = &[
        // measure <= 2: unchanged
        ("dia", "dia"),
        ("kamu", "kamu"),
        ("di", "di"),
        ("", ""),
        // first-order prefixes
        ("membahas", "bahas"),
        ("dibahas", "bahas"),
        ("memukul", "pukul"),
        ("membaca", "baca"),
        ("menyapu", "sapu"),
        ("menyanyi", "sanyi"),
        ("mengambil", "ambil"),
        ("melihat", "lihat"),
        ("menulis", "ulis"),
        ("terlambat", "lambat"),
        ("memerintah", "perintah"),
        // first-order prefix + suffix
        ("pembahasan", "bahas"),
        ("ditemukan", "temu"),
        ("keadilan", "adil"),
        ("kebersihan", "bersih"),
        ("mengakhiri", "akhir"),
        ("pemilihan", "pilih"),
        ("penyelesaian", "selesai"),
        // ... + second-order prefix
        ("mempermainkan", "main"),
        ("memperkenalkan", "kenal"),
        ("diperkenalkan", "kenal"),
        ("keberhasilan", "hasil"),
        // ... but not after a replaced prefix
        ("memerintahkan", "perintah"),
        ("pemerintahan", "perintah"),
        ("memeberikan", "peberi"),
        // second-order prefixes
        ("bekerja", "kerja"),
        ("belerang", "lerang"),
        ("berlari", "lari"),
        ("belajar", "ajar"),
        ("pelajar", "ajar"),
        ("pelajaran", "ajar"),
        ("perbaikan", "baik"),
        ("peledakan", "ledak"),
        // suffix only
        ("pukulan", "pukul"),
        ("televisi", "televisi"),
        // particles and possessives
        ("bukunya", "buku"),
        ("bukukah", "buku"),
        ("makanlah", "makan"),
        ("apapun", "apa"),
        ("rumahku", "rumah"),
        ("bajumu", "baju"),
        // prefix class blocks the -i suffix
        ("ketahuilah", "tahui"),
        // non-ASCII input is handled on character boundaries
        ("bečera", "čera"),
        ("kafé", "kafé"),
    ];

    #[test]
    fn table() {
        for &(word, want) in CASES {
            assert_eq!(stem(word), want, "stem({word:?})");
        }
    }
}
