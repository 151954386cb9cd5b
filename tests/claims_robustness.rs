//! Extraction and comparison never panic, whatever the text and ranges.

use copydesk::claims::{Lexicon, ProseInput, Tolerances, compare, extract};

/// Deterministic pseudo-random generator (no extra dependency).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "1",
    "9",
    "0",
    ",",
    ".",
    "%",
    "$",
    "€",
    "-",
    "–",
    "—",
    " ",
    " ",
    " ",
    "\n",
    "rose",
    "from",
    "to",
    "between",
    "and",
    "million",
    "one in five",
    "half of",
    "more than",
    "north of",
    "by 2027",
    "year-over-year",
    "a year",
    "é",
    "’",
    "â€“",
    "the field",
    "US",
    "of",
    "workers",
    "six figures",
    "doubled",
    "(",
    ")",
    ";",
    ":",
    "**",
    "[",
    "]",
    "`",
    "x",
    "k",
    "bn",
    "2024",
    "2,000",
    "34.80",
    "per cent",
    "percentage points",
    "up to",
    "nearly",
    "U.S.",
    "e.g.",
    "!",
    "?",
];

#[test]
fn arbitrary_text_and_ranges_never_panic() {
    let lexicon = Lexicon::builtin();
    let mut rng = Lcg(7);
    let mut docs = Vec::new();
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..rng.below(80) {
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
        let len = text.len() + 3;
        let mut ranges = || {
            (0..rng.below(4))
                .map(|_| {
                    let a = rng.below(len);
                    let b = rng.below(len);
                    a.min(b)..a.max(b)
                })
                .collect::<Vec<_>>()
        };
        let mut blocks = ranges();
        blocks.push(0..text.len());
        let masked = ranges();
        // The whole text as a title too: the title's place is looked for
        // in any text.
        let whole = 0..text.len();
        let input = ProseInput {
            text: &text,
            blocks: &blocks,
            masked: &masked,
            publish_date: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
            topic: &[],
            title: Some(&whole),
        };
        let claims = extract(&input, &lexicon);
        for c in &claims {
            assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            let _ = c.describe();
        }
        docs.push(claims);
    }
    let _ = compare(&docs, &Tolerances::default());
}
