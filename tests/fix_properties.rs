//! Properties of `--fix` over generated documents: fixing twice changes
//! nothing more than fixing once; correct documents come out byte for byte;
//! text in code spans, code blocks and link destinations is never touched.
//! Documents are generated from a seeded generator, so failures reproduce.

use copydesk::catalog::Catalog;
use copydesk::config::Config;
use copydesk::engine::{Context, Engine};
use copydesk::fix::{FixOptions, fix_source};
use copydesk::rules::registry::REGISTRY;
use copydesk::source::{FileId, SourceFile, decode};

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const WORDS: &[&str] = &[
    "the",
    "salary",
    "rose",
    "in",
    "2024",
    "café",
    "naïve",
    "résumé",
    "–",
    "—",
    "“quoted”",
    "don’t",
    "€40",
    "Brand™",
    "SÃO",
    "PAULO",
    "NÃO",
    "pâte",
    "Привет",
    "Ελλάδα",
    "Kraków",
    "İstanbul",
    "日本語",
    "🙂",
    "über",
    "façade",
    "año",
    "Þór",
    "Ðe",
    "©2024",
    "naïveté",
    "crème",
    "brûlée",
    "Zürich",
    "œuvre",
    "½",
    "°C",
];

/// `word` as it reads after its UTF-8 bytes were decoded as windows-1252.
fn mojibake(word: &str) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(word.as_bytes())
        .0
        .into_owned()
}

/// A document and whether mojibake was planted in its prose.
fn document(rng: &mut Rng, plant: bool) -> (String, Vec<String>) {
    let mut protected = Vec::new();
    let mut text = String::from("---\ntitle: \"A day in ");
    text.push_str(rng.pick(&["Zürich", "São Paulo", "Kraków", "the café"]));
    text.push_str("\"\npublish_date: 2025-01-02\n---\n\n");
    for _ in 0..(2 + rng.next() % 4) {
        let mut words = Vec::new();
        for _ in 0..(5 + rng.next() % 25) {
            let w = rng.pick(WORDS);
            let has_non_ascii = !w.is_ascii();
            words.push(if plant && has_non_ascii && rng.chance(25) {
                mojibake(w)
            } else {
                w.to_string()
            });
        }
        if rng.chance(40) {
            let code = format!("`{}`", mojibake(rng.pick(&["café", "–", "don’t"])));
            protected.push(code.clone());
            words.push(code);
        }
        if rng.chance(30) {
            let link = format!(
                "[{}](https://example.com/{})",
                rng.pick(&["guide", "report"]),
                mojibake("–")
            );
            protected.push(format!("(https://example.com/{})", mojibake("–")));
            words.push(link);
        }
        text.push_str(&words.join(" "));
        text.push_str("\n\n");
    }
    if rng.chance(30) {
        let block = format!("```\n{}\n```\n", mojibake("naïve café – “x”"));
        protected.push(block.clone());
        text.push_str(&block);
    }
    (text, protected)
}

fn engine() -> Engine {
    let catalog = Catalog::builtin().expect("catalogue");
    let context = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
        root: std::env::temp_dir(),
        ..Default::default()
    };
    Engine::new(&catalog, &REGISTRY, &Config::default(), context).expect("engine")
}

fn source(text: &str) -> SourceFile {
    SourceFile {
        id: FileId(0),
        path: "generated.md".into(),
        display: "generated.md".into(),
        decoded: decode(text.as_bytes()).expect("text"),
    }
}

#[test]
fn fixing_is_idempotent_and_never_touches_code_or_urls() {
    let engine = engine();
    let mut rng = Rng(20_261_121);
    let mut repaired = 0;
    for case in 0..300 {
        let (text, protected) = document(&mut rng, true);
        let once = fix_source(&engine, &source(&text), FixOptions::default());
        let twice = fix_source(&engine, &source(&once.text), FixOptions::default());
        assert_eq!(
            twice.text, once.text,
            "case {case}: a second fix changed more\n{text}"
        );
        for p in &protected {
            assert!(
                once.text.contains(p.as_str()),
                "case {case}: `{p}` was changed\n{}",
                once.text
            );
        }
        repaired += usize::from(once.text != text);
    }
    // The generator plants mojibake in most documents: the fixer must act.
    assert!(
        repaired > 150,
        "only {repaired} of 300 documents were repaired"
    );
}

#[test]
fn correct_documents_come_out_byte_for_byte() {
    let engine = engine();
    let mut rng = Rng(7);
    for case in 0..300 {
        let (text, _) = document(&mut rng, false);
        let fixed = fix_source(&engine, &source(&text), FixOptions::default());
        assert_eq!(
            fixed.text, text,
            "case {case}: correct text changed: {:?}",
            fixed.applied
        );
    }
}
