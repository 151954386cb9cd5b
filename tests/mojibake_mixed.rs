//! Issue 13: the safe mojibake repair leaves correct mixed-language text alone.
//! Lines are generated from small word lists (Greek, Cyrillic, Latin-1 and
//! other accented Latin, math symbols, typographic quotes and dashes), glued
//! together with and without spaces the way real prose and titles mix them;
//! none of them is mojibake, so [`copydesk::mojibake::fix`] must change none.

use copydesk::mojibake::{find, fix};

const GREEK: &[&str] = &[
    "Αθήνα",
    "Ελλάδα",
    "θάλασσα",
    "καλημέρα",
    "ουρανός",
    "φίλος",
    "ήλιος",
    "νερό",
    "Σπάρτη",
    "Κρήτη",
    "λόγος",
    "ψυχή",
    "Ωμέγα",
    "αλφάβητο",
    "Ρόδος",
    "ΑΘΗΝΑ",
    "μέτρο",
    "Προϊόν",
    "Ύδρα",
];
const CYRILLIC: &[&str] = &[
    "Москва",
    "привет",
    "книга",
    "Київ",
    "дорога",
    "вода",
    "солнце",
    "мир",
    "Ёлка",
    "щука",
    "Белград",
    "Љубљана",
    "ёж",
    "Їжак",
    "ЧАЙ",
    "объём",
    "Ўзбекистон",
    "съезд",
];
const LATIN: &[&str] = &[
    "Ångström",
    "Ærø",
    "café",
    "naïve",
    "Müller",
    "Øresund",
    "façade",
    "São",
    "Señor",
    "Zoë",
    "crème",
    "brûlée",
    "déjà",
    "Ålborg",
    "Þórshöfn",
    "ÉCOLE",
    "œuvre",
    "Straße",
    "Ìschia",
    "Ñandú",
    "Ýmir",
    "Über",
    "Öl",
    "à",
    "Åse",
    "Être",
    "Ôde",
    "Ísland",
    "Úlfur",
    "Ça",
    "Æsir",
    "Łódź",
    "Dvořák",
    "Kraków",
    "İzmir",
    "Škoda",
    "Čapek",
    "Ģirts",
    "Đorđe",
    "Ășadar",
];
const SYMBOLS: &[&str] = &[
    "≈", "≤", "≥", "±", "×", "÷", "∞", "√", "∑", "≠", "∂", "µ", "°", "‰", "€", "£", "¥", "©", "®",
    "™", "§", "¶", "†", "‡", "•", "·", "¬", "¦", "¿", "¡", "º", "ª", "¹", "²", "³", "½",
];
const QUOTES: &[(&str, &str)] = &[
    ("“", "”"),
    ("‘", "’"),
    ("«", "»"),
    ("„", "“"),
    ("‹", "›"),
    ("»", "«"),
    ("“", "»"),
    ("(", ")"),
];
const GLUE: &[&str] = &[" ", " ", " ", "", " — ", "–", "…", ", ", "/", " · "];

/// A small deterministic generator (no dependency needed).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One line of correct mixed text.
fn line(rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut spaced = false;
    for i in 0..1 + rng.below(5) {
        if i > 0 {
            out.push_str(if spaced { " " } else { rng.pick(GLUE) });
        }
        spaced = false;
        let word = match rng.below(5) {
            0 => rng.pick(GREEK),
            1 => rng.pick(CYRILLIC),
            2 | 3 => rng.pick(LATIN),
            // A symbol standing alone (`±`, `≈`); piles of them are not prose.
            _ => {
                if i > 0 && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(rng.pick(SYMBOLS));
                spaced = true;
                continue;
            }
        };
        // A symbol may run into a word (`≈Ångström`, `Müller²`).
        let mut token = String::new();
        if rng.below(4) == 0 {
            token.push_str(rng.pick(SYMBOLS));
        }
        token.push_str(word);
        if rng.below(6) == 0 {
            token.push_str(rng.pick(SYMBOLS));
        }
        if rng.below(3) == 0 {
            let (open, close) = QUOTES[rng.below(QUOTES.len())];
            token = format!("{open}{token}{close}");
        }
        out.push_str(&token);
    }
    out
}

/// Lines the repair changes, with what it made of them.
fn false_repairs(seed: u64, lines: usize) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    (0..lines)
        .map(|_| line(&mut rng))
        .filter_map(|l| {
            let fixed = fix(&l);
            (fixed != l).then(|| (l.clone(), fixed.into_owned()))
        })
        .collect()
}

#[test]
fn issue_13_correct_mixed_language_lines_stay_unchanged() {
    let mut bad = Vec::new();
    for seed in 1..=10 {
        bad.extend(false_repairs(seed, 3000));
    }
    for (line, fixed) in bad.iter().take(30) {
        eprintln!("{line:?}\n  -> {fixed:?}");
    }
    assert!(bad.is_empty(), "{} of 30000 lines changed", bad.len());
}

#[test]
fn issue_13_reported_mixed_language_texts_stay_unchanged() {
    for text in [
        "≈Ångström",
        "“Αθήνα» Ærø",
        "Û≥≤≥",
        "Ù≤≥≤ and Ú≥≥≤",
        "x Û≥≤≥ y",
        "«Москва»–дорога",
        "«déjà»–Straße",
        "Zoë–º• and Zoë–µ·",
        "µ »Київ« Αθήνα≈≥à√ · Łódź™",
        "‘καλημέρα½’ and «θάλασσα½»",
        "«•à§» «καλημέρα°»",
        "≈Ångström – ≈Ångström",
        "x ≤Ã≥Â y",
        "The gap is ≈Ångström-sized, says “Αθήνα» Ærø.",
    ] {
        assert_eq!(fix(text), text);
        assert!(find(text).is_empty(), "{text}");
    }
}

/// Private use and noncharacters: never the result of a repair.
fn private_or_nonchar(c: char) -> bool {
    let cp = c as u32;
    matches!(cp, 0xE000..=0xF8FF | 0xFDD0..=0xFDEF | 0xF0000..) || cp & 0xFFFE == 0xFFFE
}

#[test]
fn issue_13_no_repair_writes_private_use_characters() {
    // Runs of `≤`/`≥` and other Mac Roman symbols with Latin-1 letters, four to eight
    // characters, alone and in a sentence.
    let alphabet: Vec<char> = "≤≥≈∞∂√∑πΩ∫ÙÚÛÒÓÔ˘ıÍÎÏÌ¯˙˚¸˝˛ˇÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈ"
        .chars()
        .collect();
    let mut rng = Rng(13);
    for _ in 0..20_000 {
        let run: String = (0..4 + rng.below(5))
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        for text in [run.clone(), format!("The value {run} is here.")] {
            let fixed = fix(&text);
            assert!(
                !fixed.chars().any(private_or_nonchar),
                "{text:?} -> {fixed:?}"
            );
        }
    }
}
