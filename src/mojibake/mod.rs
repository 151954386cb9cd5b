//! Mojibake detection and repair: finds runs of UTF-8 text that were decoded with a
//! single-byte code page (`cafÃ©`, `donâ€™t`, `Ð¿Ñ€Ð¸Ð²ÐµÑ‚`), says what each run should read
//! and by which decoding path, and repairs them without touching anything else.
//!
//! The engine works line by line. A cheap pre-check skips lines that cannot hold mojibake
//! (pure ASCII, or non-ASCII text where no character is a UTF-8 lead byte followed by a
//! continuation byte in any known code page). Otherwise every code page proposes runs whose
//! re-encoded bytes are valid UTF-8; each run is scored by how much odder the original is
//! than its repair, in a small window of context, and only runs that clear the threshold are
//! repaired. Nested layers (double and triple mojibake) are peeled off inside each run, and
//! [`find`] also repeats whole rounds so that every reported repair is final.
//!
//! Modules: `codepage` builds the decode tables, `assigned` knows which code points exist,
//! `chars` classifies characters and scores oddness, `scan` finds candidate units, `detect`
//! decides per line, and this file holds the public API and the composition of rounds.

use std::borrow::Cow;
use std::ops::Range;

mod assigned;
mod chars;
mod codepage;
mod detect;
mod scan;

/// One damaged run and what it should read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// Byte range in the input text, on char boundaries.
    pub range: Range<usize>,
    /// `text[range]`.
    pub original: String,
    /// What it should read.
    pub replacement: String,
    /// Decoding path, e.g. "windows-1252 → utf-8" or "windows-1252 → utf-8, 2 rounds".
    pub path: String,
}

/// A run whose last byte was deleted (`â€`) and that cannot be repaired unambiguously:
/// reported, never changed. (A byte lost to U+FFFD or `?` is repaired instead: to the one
/// character it can have been, or to U+FFFD for the lost character.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrepairable {
    /// Byte range in the input text, on char boundaries.
    pub range: Range<usize>,
    /// `text[range]`.
    pub original: String,
    /// Why it cannot be repaired, with the possible readings.
    pub reason: String,
}

/// Most rounds of repair applied to one text (a triple layer that a run could not peel
/// by itself needs three).
const MAX_ROUNDS: usize = 4;

/// A repair in progress: a range of the original text, what it becomes, and the decoding
/// steps that led there (one per layer peeled).
#[derive(Debug, Clone)]
struct Edit {
    range: Range<usize>,
    replacement: String,
    steps: Vec<String>,
}

/// Calls `f` with each line of `text` (without its `\n`) and its byte offset, skipping
/// lines that cannot hold mojibake. One pass of the pre-check over the whole text finds the
/// suspect lines; the lines in between are never looked at again.
fn for_each_suspect_line(text: &str, mut f: impl FnMut(&str, usize)) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = scan::find_suspect(text, from) {
        let start = bytes[from..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(from, |k| from + k + 1);
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |k| at + k);
        f(&text[start..end], start);
        if end == bytes.len() {
            break;
        }
        from = end + 1;
    }
}

/// What one round of detection found.
struct Round {
    edits: Vec<Edit>,
    /// Lossy runs, when asked for.
    lossy: Vec<Unrepairable>,
    /// Start offsets of the lines that had any edit, in order.
    hits: Vec<usize>,
    /// The line being analysed, kept to reuse its buffers.
    line: scan::Line,
}

impl Round {
    /// Analyses one line of `text` starting at byte `base`.
    /// `later` says the line was repaired in the round before.
    fn analyse_line(&mut self, text: &str, line: &str, base: usize, lossy: bool, later: bool) {
        self.line.refill(line, base);
        let mut found = detect::analyse(&self.line, later);
        // Whatever path found it, a repair that writes a private-use, unassigned or
        // control character that was not there is a coincidence, not a repair (issue 13).
        found.repairs.retain(|r| {
            let original = &text[r.start..r.end];
            !r.replacement
                .chars()
                .any(|c| chars::is_forbidden(c) && !original.contains(c))
        });
        if !found.repairs.is_empty() {
            self.hits.push(base);
        }
        self.edits.extend(found.repairs.into_iter().map(|r| Edit {
            range: r.start..r.end,
            replacement: r.replacement,
            steps: r.steps,
        }));
        if lossy {
            self.lossy
                .extend(found.lossy.into_iter().map(|l| Unrepairable {
                    original: text[l.start..l.end].to_string(),
                    range: l.start..l.end,
                    reason: l.reason,
                }));
        }
    }

    fn new() -> Round {
        Round {
            edits: Vec::new(),
            lossy: Vec::new(),
            hits: Vec::new(),
            line: scan::Line::new("", 0),
        }
    }

    /// One round of detection over the whole text, with the lossy runs if `lossy`.
    fn first(text: &str, lossy: bool) -> Round {
        let mut round = Round::new();
        for_each_suspect_line(text, |line, base| {
            round.analyse_line(text, line, base, lossy, false);
        });
        round
    }

    /// The next round over `text`, given the round before it over `prev`. Each line is
    /// analysed on its own, so a line that reads exactly as the same line of `prev` and had
    /// no edit there has none now either: only changed lines (and, for safety, lines that had
    /// edits) are analysed again. Repairs never add or remove a newline; if the line counts
    /// differ all the same, the whole text is analysed.
    fn next(prev: &str, prev_hits: &[usize], text: &str) -> Round {
        let mut round = Round::new();
        let mut hits = prev_hits.iter().copied().peekable();
        let (mut a, mut b) = (0, 0);
        for (old, new) in prev.split('\n').zip(text.split('\n')) {
            let hit = hits.next_if_eq(&a).is_some();
            if (hit || old != new) && scan::line_may_have_mojibake(new) {
                round.analyse_line(text, new, b, false, true);
            }
            a += old.len() + 1;
            b += new.len() + 1;
        }
        if a != prev.len() + 1 || b != text.len() + 1 {
            return Round::first(text, false);
        }
        round
    }
}

/// Edits for a text composed over several rounds.
struct Found {
    edits: Vec<Edit>,
    /// Lossy runs of the first round, when asked for.
    lossy: Vec<Unrepairable>,
    /// Whether a round over the text with `edits` applied found nothing more (false when
    /// [`MAX_ROUNDS`] ran out first).
    stable: bool,
}

/// `text` with `edits` (sorted, non-overlapping) applied.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in edits {
        out.push_str(&text[pos..e.range.start]);
        out.push_str(&e.replacement);
        pos = e.range.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Composes `second` (edits on the text after `first`) with `first` (edits on `original`)
/// into edits on `original`.
fn compose(original: &str, first: Vec<Edit>, after_first: &str, second: Vec<Edit>) -> Vec<Edit> {
    // Where each first-round edit sits in the intermediate text.
    let mut spans: Vec<Range<usize>> = Vec::with_capacity(first.len());
    let mut delta: isize = 0;
    for e in &first {
        let start = (e.range.start as isize + delta) as usize;
        let end = start + e.replacement.len();
        delta += e.replacement.len() as isize - e.range.len() as isize;
        spans.push(start..end);
    }
    // Maps an intermediate position to the original, widening to whole first-round edits.
    let to_original = |pos: usize, is_end: bool| -> usize {
        let mut delta: isize = 0;
        for (e, s) in first.iter().zip(&spans) {
            if (!is_end && pos >= s.start && pos < s.end)
                || (is_end && pos > s.start && pos <= s.end)
            {
                return if is_end { e.range.end } else { e.range.start };
            }
            if s.end <= pos {
                delta = s.end as isize - e.range.end as isize;
            } else {
                break;
            }
        }
        (pos as isize - delta) as usize
    };
    // Regions of the original touched by either round.
    let mut regions: Vec<(Range<usize>, Vec<String>)> = first
        .iter()
        .map(|e| (e.range.clone(), e.steps.clone()))
        .collect();
    for e in &second {
        let start = to_original(e.range.start, false);
        let end = to_original(e.range.end, true).max(start);
        regions.push((start..end, Vec::new()));
    }
    regions.sort_by_key(|r| (r.0.start, r.0.end));
    let mut merged: Vec<(Range<usize>, Vec<String>)> = Vec::new();
    for (r, steps) in regions {
        if let Some(last) = merged.last_mut()
            && (r.start < last.0.end || (r.start == last.0.end && r.is_empty()))
        {
            last.0.end = last.0.end.max(r.end);
            if steps.len() > last.1.len() {
                last.1 = steps;
            }
            continue;
        }
        merged.push((r, steps));
    }
    // Maps a position of the original that is not inside a first-round edit forward.
    let to_intermediate = |pos: usize| -> usize {
        let mut delta: isize = 0;
        for (e, s) in first.iter().zip(&spans) {
            if e.range.end <= pos {
                delta = s.end as isize - e.range.end as isize;
            } else {
                break;
            }
        }
        (pos as isize + delta) as usize
    };
    let mut out = Vec::with_capacity(merged.len());
    for (r, mut steps) in merged {
        let (a, b) = (to_intermediate(r.start), to_intermediate(r.end));
        let mut text = String::new();
        let mut pos = a;
        let mut second_steps: Vec<String> = Vec::new();
        for e in second
            .iter()
            .filter(|e| e.range.start >= a && e.range.end <= b)
        {
            text.push_str(&after_first[pos..e.range.start]);
            text.push_str(&e.replacement);
            pos = e.range.end;
            if e.steps.len() > second_steps.len() {
                second_steps = e.steps.clone();
            }
        }
        text.push_str(&after_first[pos..b]);
        steps.extend(second_steps);
        if text != original[r.clone()] {
            out.push(Edit {
                range: r,
                replacement: text,
                steps,
            });
        }
    }
    out
}

/// All edits for `text`, composed over up to [`MAX_ROUNDS`] rounds, and the lossy runs of
/// the first round if `lossy`.
fn find_edits(text: &str, lossy: bool) -> Found {
    let first = Round::first(text, lossy);
    let mut found = Found {
        edits: first.edits,
        lossy: first.lossy,
        stable: true,
    };
    if found.edits.is_empty() {
        return found;
    }
    found.stable = false;
    let mut prev = Cow::Borrowed(text);
    let mut hits = first.hits;
    for _ in 1..MAX_ROUNDS {
        let current = apply(text, &found.edits);
        let more = Round::next(&prev, &hits, &current);
        if more.edits.is_empty() {
            found.stable = true;
            break;
        }
        found.edits = compose(text, found.edits, &current, more.edits);
        hits = more.hits;
        prev = Cow::Owned(current);
    }
    found
}

/// Public form of an edit of `text`.
fn repair(text: &str, e: Edit) -> Repair {
    Repair {
        original: text[e.range.clone()].to_string(),
        path: describe(&e.steps),
        range: e.range,
        replacement: e.replacement,
    }
}

/// Describes a sequence of decoding steps, e.g. "windows-1252 → utf-8, 2 rounds".
fn describe(steps: &[String]) -> String {
    match steps.split_first() {
        None => String::new(),
        Some((first, rest)) if rest.iter().all(|s| s == first) => {
            if rest.is_empty() {
                first.clone()
            } else {
                format!("{first}, {} rounds", steps.len())
            }
        }
        Some(_) => steps.join(", then "),
    }
}

/// Cheap test: could `text` contain mojibake at all? False for ASCII and for
/// text whose non-ASCII characters never pair up the way mis-decoded UTF-8
/// bytes do; callers use it to skip work on clean files.
pub fn may_contain(text: &str) -> bool {
    scan::find_suspect(text, 0).is_some()
}

/// Find mojibake runs in `text`: sorted, non-overlapping, only the damaged runs (never a
/// whole line when only part is damaged). Each replacement is final: double and triple
/// layers are already peeled, and the path says how many rounds that took. Text with no
/// suspicious characters returns at once.
pub fn find(text: &str) -> Vec<Repair> {
    find_edits(text, false)
        .edits
        .into_iter()
        .map(|e| repair(text, e))
        .collect()
}

/// `text` with every repair of [`find`] applied, repeated until stable (at most
/// [`MAX_ROUNDS`] times). Borrowed when nothing changes.
pub fn fix(text: &str) -> Cow<'_, str> {
    let found = find_edits(text, false);
    if found.edits.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = apply(text, &found.edits);
    let mut stable = found.stable;
    for _ in 1..MAX_ROUNDS {
        // A stable result was already analysed in full and found clean.
        if stable {
            break;
        }
        let more = find_edits(&out, false);
        if more.edits.is_empty() {
            break;
        }
        out = apply(&out, &more.edits);
        stable = more.stable;
    }
    Cow::Owned(out)
}

/// Runs whose last byte was deleted (`â€`) and that cannot be repaired unambiguously. They
/// are reported here and never changed by [`fix`]. A byte lost to U+FFFD or `?` is repaired
/// by [`fix`] instead, to the one character it can have been or to U+FFFD (issue 14).
pub fn find_unrepairable(text: &str) -> Vec<Unrepairable> {
    Round::first(text, true).lossy
}

/// [`find`] and [`find_unrepairable`] at once, sharing the work: one pass of detection
/// serves both. Callers that want both should use this.
pub fn analyse(text: &str) -> (Vec<Repair>, Vec<Unrepairable>) {
    let found = find_edits(text, true);
    let repairs = found.edits.into_iter().map(|e| repair(text, e)).collect();
    (repairs, found.lossy)
}

/// A tiny deterministic generator for the module's randomised tests.
#[cfg(test)]
pub(crate) mod test_rng {
    /// Linear congruential generator (no dependency needed).
    pub(crate) struct Lcg(pub(crate) u64);

    impl Lcg {
        /// A number below `n`.
        pub(crate) fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        fix(s).into_owned()
    }

    #[test]
    fn fast_path_borrows() {
        assert!(matches!(fix("plain ASCII"), Cow::Borrowed(_)));
        assert!(matches!(fix("café – “quoted” ’s"), Cow::Borrowed(_)));
        assert!(find("plain ASCII").is_empty());
    }

    #[test]
    fn windows_1252_typical_cases() {
        assert_eq!(fixed("$122,060 â€“ notably"), "$122,060 – notably");
        assert_eq!(fixed("donâ€™t"), "don’t");
        assert_eq!(fixed("cafÃ©"), "café");
        assert_eq!(fixed("Brandâ„¢"), "Brand™");
    }

    #[test]
    fn lost_closing_quote_byte() {
        assert_eq!(fixed("â€œquoteâ€\u{9d}"), "“quote”");
        assert_eq!(fixed("â€œquoteâ€ and"), "“quote” and");
        assert_eq!(fixed("â€œquoteâ€"), "“quote”");
    }

    #[test]
    fn cyrillic_in_windows_1252() {
        assert_eq!(fixed("Ð¿Ñ€Ð¸Ð²ÐµÑ‚"), "привет");
    }

    #[test]
    fn other_code_pages() {
        // windows-1251
        assert_eq!(fixed("РїСЂРёРІРµС‚ РјРёСЂ"), "привет мир");
        // windows-1250
        assert_eq!(fixed("LiĂ¨ge"), "Liège");
        // iso-8859-2 (C1 controls in the run)
        assert_eq!(fixed("tĹ\u{99}etĂ\u{ad}ho"), "třetího");
        // windows-1253
        assert_eq!(fixed("Ξ•Ξ»Ξ»Ξ·Ξ½ΞΉΞΊΞ¬"), "Ελληνικά");
        // windows-1254
        assert_eq!(fixed("Ä°stanbul ve Ä°zmir"), "İstanbul ve İzmir");
        // windows-1257
        assert_eq!(
            fixed("Å iaip ÄÆdomu, kaip ÄÆsivaizduoji"),
            "Šiaip įdomu, kaip įsivaizduoji"
        );
        // Mac Roman
        assert_eq!(fixed("g√¢teaux r√©gime"), "gâteaux régime");
        // IBM437
        assert_eq!(fixed("─îe┼ítina"), "Čeština");
        // Latin-1 (C1 controls)
        assert_eq!(fixed("â\u{80}\u{9c}hi â\u{80}\u{94} there"), "“hi — there");
    }

    #[test]
    fn double_and_triple_layers() {
        assert_eq!(fixed("Iggy Pop (nÃƒÂ© Jim)"), "Iggy Pop (né Jim)");
        assert_eq!(fixed("doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t"), "doesn’t");
        let r = find("nÃƒÂ©");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].replacement, "é");
        assert_eq!(r[0].path, "windows-1252 → utf-8, 2 rounds");
    }

    #[test]
    fn partial_runs_stay_local() {
        let text = "A correct line – with “quotes” and cafÃ© and donâ€™t.";
        let r = find(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].original, "Ã©");
        assert_eq!(r[1].original, "â€™");
        assert_eq!(&text[r[0].range.clone()], "Ã©");
        assert_eq!(fixed("®â€™s"), "®’s");
    }

    #[test]
    fn correct_text_is_left_alone() {
        for s in [
            "SÃO PAULO",
            "NÃO",
            "pâte",
            "€ 5",
            "Brand™",
            "AHÅ™",
            "Â is a letter",
            "ÐÓRÐUR",
            "NESTLÉ®",
            "the Ã’s",
            "MISUTÂ\u{a0}AJIKKO",
            "привет",
            "ВІКІ",
        ] {
            assert_eq!(fixed(s), s, "{s}");
        }
    }

    #[test]
    fn issue_14_capitals_before_punctuation_stay() {
        for s in [
            "E AMANHÃ…",
            "O JOGO DE AMANHÃ• E DEPOIS",
            "“VOCÊ”",
            "LA CANCIÓN“ DEL VERANO",
            "É… ASSIM",
        ] {
            assert_eq!(fixed(s), s, "{s}");
        }
        // Beside confident mojibake of the same code page, the same shape is mojibake too.
        assert_eq!(fixed("SÃ… cafÃ© e pÃ£o"), "SÅ café e pão");
    }

    #[test]
    fn issue_14_short_words_follow_the_line() {
        // Russian and Ukrainian through windows-1251: one-letter words are two characters.
        assert_eq!(
            fixed("Р’ РњРѕСЃРєРІРµ Рё РІ РљРёРµРІРµ"),
            "В Москве и в Киеве"
        );
        assert_eq!(
            fixed("РЇ С– С‚Рё, Р° РІС–РЅ Сѓ С€РєРѕР»С–"),
            "Я і ти, а він у школі"
        );
        // One confident run is enough when every non-ASCII letter is of the same kind.
        assert_eq!(fixed("РЇ РїРѕРЅРёРјР°СЋ"), "Я понимаю");
        // Without a line of mojibake around it, a short run stays as it is.
        assert_eq!(fixed("РІ"), "РІ");
        assert_eq!(fixed("Модель РІ 2024"), "Модель РІ 2024");
    }

    #[test]
    fn issue_14_no_repair_into_unassigned_code_points() {
        // `ï…` + `°` would read as U+F170 (private use); `Í` + `¸` as U+0378 (unassigned).
        for s in ["naïve…°", "SÍ¸ x"] {
            assert_eq!(fixed(s), s, "{s}");
        }
    }

    #[test]
    fn issue_14_lossy_sequences_keep_u_fffd_for_the_lost_character() {
        // Several readings: the sequence becomes the one U+FFFD it stands for.
        for (text, want) in [
            ("A lone â€\u{fffd} here", "A lone \u{fffd} here"),
            ("SÃ\u{fffd}O", "S\u{fffd}O"),
            ("Ð\u{fffd}Ñ€Ð¸Ð²ÐµÑ‚", "\u{fffd}ривет"),
            ("ItÃ?Â¢â?¬â?¢s", "It\u{fffd}¢\u{fffd}\u{fffd}s"),
        ] {
            assert_eq!(fixed(text), want, "{text}");
            assert!(find_unrepairable(text).is_empty(), "{text}");
        }
        // `”` is one of the readings and an opening quote waits for it.
        assert_eq!(fixed("â€œlossyâ€\u{fffd}"), "“lossy”");
        assert_eq!(fixed("â€œbb+â€? and â€œbbâ€?"), "“bb+” and “bb”");
        // Correct text followed by a lost character is not mojibake: no evidence, no repair.
        for s in ["ПРИВЕТ\u{fffd} и всё", "ŁÓDŹ\u{fffd}"] {
            assert_eq!(fixed(s), s, "{s}");
        }
        // A `?` that is ordinary punctuation is not a lost byte.
        for s in ["«Анна»? Да.", "«правда»?Да", "Что это — «правда»?"]
        {
            assert_eq!(fixed(s), s, "{s}");
            assert!(find_unrepairable(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn deleted_byte_without_an_open_quote_is_reported_not_changed() {
        let text = "a dash â€ lost";
        assert_eq!(fixed(text), text);
        let u = find_unrepairable(text);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].original, "â€");
    }

    #[test]
    fn find_matches_fix_and_fix_is_idempotent() {
        for s in [
            "Times New Ã¢â‚¬Å“ RomanceÃ¢â‚¬Â\u{9d}.",
            "cafÃ© and â€œquotesâ€\u{9d}",
            "РґРѕСЂРѕРіРµ Р\u{98}Р·-РїРѕРґ",
        ] {
            let once = apply(s, &find_edits(s, false).edits);
            assert_eq!(once, fixed(s));
            assert_eq!(fixed(&once), once);
        }
    }

    #[test]
    fn lossy_with_one_possible_byte_is_repaired() {
        // windows-1251 leaves only 0x98 undefined, so `Р�` can only have been `И`.
        assert_eq!(fixed("РџСЂРёРІРµС‚ Р\u{fffd}РІР°РЅ"), "Привет Иван");
        assert!(find_unrepairable("РџСЂРёРІРµС‚ Р\u{fffd}РІР°РЅ").is_empty());
    }

    #[test]
    fn cesu_8_and_lone_c1_controls() {
        assert_eq!(fixed("Hi í\u{a0}½í¸\u{8d}"), "Hi 😍");
        assert_eq!(fixed("parlé\u{85} Tu"), "parlé… Tu");
        assert_eq!(fixed("\u{84}Handwerk\u{93}"), "„Handwerk“");
        // 0x81 has no windows-1252 reading: left alone.
        assert_eq!(fixed("intentional \u{81}"), "intentional \u{81}");
        let r = find("parlé\u{85}");
        assert_eq!(r[0].path, "latin-1 → windows-1252");
    }

    #[test]
    fn c1_controls_inside_words_can_show_mac_roman() {
        // `‡` has no business inside a word: the line is Mac Roman read as Latin-1, and so is
        // the `\u{92}` beside it.
        assert_eq!(fixed("Coatl\u{87}n conf\u{92}an"), "Coatlán confían");
        // An apostrophe, `™` or a bullet inside a word proves nothing.
        assert_eq!(fixed("don\u{92}t"), "don’t");
        assert_eq!(fixed("Brand\u{99}s a\u{95}b"), "Brand™s a•b");
    }

    #[test]
    fn paths_name_the_code_page() {
        let path = |s: &str| find(s).first().map(|r| r.path.clone()).unwrap_or_default();
        assert_eq!(path("cafÃ©"), "windows-1252 → utf-8");
        assert_eq!(path("â\u{80}\u{9c}x"), "latin-1 → utf-8");
        assert_eq!(path("Р\u{98}Р·-РїРѕРґ"), "windows-1251 → utf-8");
        assert_eq!(path("g√¢teaux r√©gime"), "mac-roman → utf-8");
        assert_eq!(
            path("doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t"),
            "windows-1252 → utf-8, 3 rounds"
        );
    }

    use super::test_rng::Lcg;

    #[test]
    fn random_text_keeps_the_invariants() {
        let pool: Vec<char> = "aZ ?\n'’“”–—…€™©®°·Â Ã¢©€œž¤¦ÐÑÎÏÅÄ×Øâäåçèéêëíîïðñ√ƒ≈∆¬«»─┼╨┐Рвёђ\u{a0}\u{fffd}\u{81}\u{85}\u{9d}\u{93}í½¸😀中"
            .chars()
            .collect();
        let mut rng = Lcg(42);
        for _ in 0..3000 {
            let len = 1 + rng.next(20);
            let s: String = (0..len).map(|_| pool[rng.next(pool.len())]).collect();
            let repairs = find(&s);
            let mut last_end = 0;
            for r in &repairs {
                assert!(r.range.start >= last_end, "overlap in {s:?}");
                assert!(s.is_char_boundary(r.range.start) && s.is_char_boundary(r.range.end));
                assert_eq!(s[r.range.clone()], r.original);
                assert_ne!(r.original, r.replacement);
                last_end = r.range.end;
            }
            let once = apply(&s, &find_edits(&s, false).edits);
            let full = fixed(&s);
            assert_eq!(once, full, "find and fix disagree on {s:?}");
            assert_eq!(fixed(&full), full, "fix not idempotent on {s:?}");
            let lossy = find_unrepairable(&s);
            for u in &lossy {
                assert_eq!(s[u.range.clone()], u.original);
            }
            assert_eq!(analyse(&s), (repairs, lossy), "analyse disagrees on {s:?}");
            assert_eq!(
                may_contain(&s),
                s.lines().any(scan::line_may_have_mojibake_reference)
            );
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "Ã",
            "â€",
            "\u{fffd}",
            "Ã\u{fffd}",
            "í\u{a0}",
            "â\n€",
            "\u{9d}",
            "Ã ",
            " Ã",
        ] {
            let _ = fix(s);
            let _ = find_unrepairable(s);
        }
    }
}
