//! Per-line detection: turns the units of [`scan`](super::scan) into candidate runs for every
//! code page, peels nested layers off each run, scores each run by how much odder the original
//! is than its repair, picks the best non-overlapping runs, and applies the line-level rules
//! (a line with confident mojibake lends evidence to weak runs beside it, and its reading to
//! the short words between them; a capital before punctuation that reads as correct text needs
//! such a line; a single weak run in a line of otherwise correct non-ASCII text is ambiguous; a
//! line full of undecodable debris is hopeless). Also repairs lone C1 controls and lossy
//! sequences (a byte lost to U+FFFD or `?`), and reports `â€` whose last byte was deleted.

use super::chars::{Kind, Script, cost, is_forbidden, is_letter, kind, script, weirdness};
use super::codepage::{CodePage, is_cont, lead_len};
use super::scan::{Line, Lossy, Unit, decode_full, lossy_at, units};

/// Score a run needs on its own.
const ACCEPT: f32 = 1.9;
/// Score a run needs when the same line already has a confidently repaired run.
const ACCEPT_WITH_EVIDENCE: f32 = -0.5;
/// Cost of reading an ASCII space as a lost NBSP byte: it takes extra evidence.
const LOSSY_SPACE: f32 = 1.5;

/// A repair found in one line (byte offsets into the whole text).
#[derive(Debug, Clone)]
pub(crate) struct LineRepair {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub steps: Vec<String>,
}

/// A damaged sequence that cannot be repaired unambiguously.
#[derive(Debug, Clone)]
pub(crate) struct LineLossy {
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// A scored candidate run.
#[derive(Debug, Clone)]
struct Candidate {
    cp: CodePage,
    start: usize,
    end: usize,
    replacement: String,
    steps: Vec<String>,
    score: f32,
    lossy: u32,
    units: usize,
    nbytes: u32,
    has_c1: bool,
    /// Reads just as well as correct text (a capital ending a word in capitals, then
    /// punctuation: `AMANHÃ…`): repaired only beside confident runs of the same code page.
    weak: bool,
}

impl Candidate {
    fn net(&self) -> f32 {
        self.score - LOSSY_SPACE * self.lossy as f32
    }
}

/// Name of one decoding step for a run of `cp` units.
fn step_name(cp: CodePage, units: &[Unit]) -> String {
    let from = if cp == CodePage::Windows1252
        && units.iter().any(|u| u.has_c1)
        && !units.iter().any(|u| u.has_cp1252_special)
    {
        "latin-1"
    } else {
        cp.name()
    };
    let to = if units.iter().any(|u| u.nbytes == 6) {
        "cesu-8"
    } else {
        "utf-8"
    };
    format!("{from} → {to}")
}

/// Portuguese words that begin with `à`: after `Ã` and a space, these show the space was the
/// lost NBSP byte rather than a real space (`Ã s` is `às`, not `à s`).
const A_GRAVE_CONTINUATIONS: [&str; 6] = ["s", "quele", "quela", "queles", "quelas", "quilo"];

/// Characters that are words on their own, so a repair that leaves one standing alone is fine.
const STANDALONE: [char; 5] = ['à', 'á', 'è', 'é', 'ó'];

/// Whether the word starting at `i` is one of [`A_GRAVE_CONTINUATIONS`].
fn continues_a_grave(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j < chars.len() && chars[j].is_alphabetic() {
        j += 1;
    }
    let word: String = chars[i..j].iter().collect();
    let after_ok = chars.get(j).is_none_or(|&c| c != '\'' && c != '’');
    after_ok && A_GRAVE_CONTINUATIONS.contains(&word.as_str())
}

/// Whether the characters from `i` form an English clitic after an apostrophe (`’s`, `’t`).
fn clitic_at(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_alphabetic() {
        j += 1;
    }
    let word: String = chars[i..j].iter().collect::<String>().to_ascii_lowercase();
    matches!(word.as_str(), "s" | "t" | "d" | "m" | "re" | "ve" | "ll")
}

/// What the line around a run says, shared by all its candidates.
struct LineContext {
    /// Scripts of the letters that no code page reads as mojibake.
    clean_scripts: Vec<Script>,
    /// How many such letters there are.
    clean_letters: usize,
}

/// Evidence that a unit's characters form a UTF-8 sequence by design rather than by chance:
/// a lead character followed by exactly the right continuation characters is rare in correct
/// text for 3- and 4-byte sequences, and a C1 control inside one is never correct text.
fn unit_structure(u: &Unit) -> f32 {
    let base = match u.nbytes {
        2 => 0.0,
        3 => 2.5,
        _ => 3.5,
    };
    base + if u.has_c1 { 1.5 } else { 0.0 }
}

/// Evidence from a further layer: that the whole decoded run decodes again is itself
/// telling, more so for longer sequences.
fn layer_structure(decoded: &[char]) -> f32 {
    decoded
        .iter()
        .map(|c| match c.len_utf8() {
            2 => 0.0,
            3 => 2.5,
            _ => 3.5,
        })
        .sum()
}

/// Scores reading `chars[start..end]` as `replacement`: how much odder the original is than
/// the repair in a window of one character each side, plus `structure`, minus the context
/// penalties.
fn score_reading(
    line: &Line,
    ctx: &LineContext,
    start: usize,
    end: usize,
    replacement: &str,
    structure: f32,
) -> f32 {
    let chars = &line.chars;
    let prev = start.checked_sub(1).map(|i| chars[i]);
    let next = chars.get(end).copied();
    let mut orig_w: Vec<char> = Vec::with_capacity(end - start + 2);
    orig_w.extend(prev);
    orig_w.extend_from_slice(&chars[start..end]);
    orig_w.extend(next);
    let mut new_w: Vec<char> = Vec::with_capacity(replacement.len() + 2);
    new_w.extend(prev);
    new_w.extend(replacement.chars());
    new_w.extend(next);
    let mut score = weirdness(&orig_w) + structure - weirdness(&new_w);
    // `É’s`: a curly apostrophe before an English clitic is more likely a real apostrophe
    // than part of a sequence, so a repair that swallows it needs more evidence.
    if chars[end - 1] == '’' && !replacement.ends_with('’') && clitic_at(chars, end) {
        score -= 1.0;
    }
    score -= context_penalty(chars, start, end, replacement);
    // Letters of a script that appears nowhere else in the line need more evidence, and a
    // single such letter (`墉` amid English) much more.
    if ctx.clean_letters >= 3 {
        // Digits count as their script's letters here: a lone Lao digit (`໖`) amid Greek
        // is as foreign as a Lao letter (issue 13).
        let mut letters = replacement
            .chars()
            .filter(|&c| is_letter(c) || (!c.is_ascii() && c.is_numeric()))
            .peekable();
        let foreign = letters.peek().is_some()
            && letters.all(|c| {
                let s = super::chars::script(c);
                !ctx.clean_scripts
                    .iter()
                    .any(|&k| super::chars::scripts_compatible(k, s))
            });
        if foreign {
            score -= if replacement.chars().count() == 1 {
                3.5
            } else {
                1.5
            };
        }
    }
    score
}

/// Builds and scores the candidate for one run of adjacent units. Each further layer that
/// decodes completely is also scored, and peeling goes on while each layer clearly improves
/// on the one above.
fn evaluate(line: &Line, ctx: &LineContext, cp: CodePage, run: &[Unit]) -> Option<Candidate> {
    let chars = &line.chars;
    let first = run.first()?;
    let last = run.last()?;
    let (start, end) = (first.start, last.end);
    let lossy = run.iter().filter(|u| u.lossy_space).count() as u32;
    // `â€ ` alone reads as `†` with a space for its NBSP byte, but far more often it is `”`
    // whose last byte was deleted, followed by a real space: the lost-byte check decides.
    if run.len() == 1 && first.lossy_space && chars[start..end] == ['â', '€', ' '] {
        return None;
    }
    let mut level: Vec<char> = run.iter().map(|u| u.decoded).collect();
    let mut steps = vec![step_name(cp, run)];
    let mut structure: f32 = run.iter().map(unit_structure).sum();
    let mut best: Option<(f32, String, Vec<String>)> = None;
    // Whether a shallower reading ended with an apostrophe (see `score_reading`).
    let mut apostrophe = false;
    for depth in 0..4 {
        let mut reading = level.clone();
        let mut reading_steps = steps.clone();
        if depth == 0 {
            // `Â\u{85}`: a C1 control that went through one more layer. Read it through
            // windows-1252 as a lone one would be.
            let mut mapped = false;
            for (c, u) in reading.iter_mut().zip(run) {
                if u.has_c1 && ('\u{80}'..='\u{9f}').contains(c) {
                    let w =
                        super::codepage::tables().decode(CodePage::Windows1252, *c as u32 as u8);
                    if w != *c {
                        *c = w;
                        mapped = true;
                    }
                }
            }
            if mapped {
                reading_steps.push("latin-1 → windows-1252".to_string());
            }
        }
        if !reading.iter().any(|&c| is_forbidden(c)) {
            let mut replacement: String = reading.iter().collect();
            // `Ã` + space: the space was the NBSP byte of `à`. French `à` is a word of its own,
            // and pages often merge "NBSP space" into one space, so keep a space unless the
            // next word shows the NBSP was inside a word or a second space follows.
            if run.len() == 1 && first.lossy_space && reading == ['à'] {
                let consume = chars.get(end) == Some(&' ') || continues_a_grave(chars, end);
                if !consume {
                    replacement.push(' ');
                }
            }
            let mut score = score_reading(line, ctx, start, end, &replacement, structure);
            if apostrophe && !replacement.ends_with('’') && clitic_at(chars, end) {
                score -= 1.0;
            }
            apostrophe |= replacement.ends_with('’');
            // A further layer must be as convincing, against the layer above it, as a repair
            // of the original has to be: otherwise peeling stops.
            match &best {
                Some(b) if score - b.0 < ACCEPT => break,
                _ => best = Some((score, replacement, reading_steps)),
            }
        }
        // A result that is itself, entirely, valid mojibake may be another layer.
        match decode_full(&level) {
            Some((next, cp2)) => {
                structure += layer_structure(&next);
                steps.push(format!("{} → utf-8", cp2.name()));
                level = next;
            }
            None => break,
        }
    }
    let (score, replacement, steps) = best?;
    // A combining mark read onto a non-ASCII symbol (`≤Ã≥Â ` as `≤` + U+0333) is a
    // coincidence of Mac Roman math; on `$` or `'` it is real (`$Ì¶6Ì¶`) (issue 13).
    let mark_on_symbol = replacement
        .chars()
        .next()
        .is_some_and(|c| kind(c) == Kind::Combining)
        && start > 0
        && !chars[start - 1].is_ascii()
        && kind(chars[start - 1]) == Kind::Symbol;
    if mark_on_symbol || splits_word(chars, start, end, &replacement) {
        return None;
    }
    Some(Candidate {
        cp,
        start,
        end,
        replacement,
        steps,
        score,
        lossy,
        units: run.len(),
        nbytes: run.iter().map(|u| u32::from(u.nbytes)).sum(),
        has_c1: run.iter().any(|u| u.has_c1),
        weak: run.len() == 1 && capital_before_punctuation(chars, start, end),
    })
}

/// Whether reading `chars[start..end]` as `replacement` cuts a correct word in two (issue
/// 13): the run begins with a letter that continues a word of its own script (or ends with
/// one that such a word continues), and the repair puts at that edge what no word of that
/// script holds.
///
/// In Greek or Cyrillic words the edge must stay a letter of the same script: mojibake in
/// those letters is all letters, so a run of it never starts beside a clean one, and
/// `Москва»–` is `Москв` + `а»–`, not `Москв໖`. After a Latin letter, mojibake often
/// starts with `â` or `Ã` (`Justinâ\u{9d}¤`, `IL2RÎ³c`, `Ningboï¼Œ`, even `CÑ€Ð¿` for
/// `Cрп`), so only a letter or digit of a script other than the alphabets is refused there
/// (`déjà»–` is not `déj໖`, `Zoë–º` is not `Zo떺`).
fn splits_word(chars: &[char], start: usize, end: usize, replacement: &str) -> bool {
    let word_letters = |a: char, b: char| is_letter(a) && is_letter(b) && script(a) == script(b);
    let fits = |edge: Option<char>, word: char| {
        let Some(c) = edge else { return false };
        if script(word) != Script::Latin {
            // The same block too: `θάλασσα½»` is not `θάλασσ` + polytonic `ύ`.
            return is_letter(c)
                && script(c) == script(word)
                && (c as u32) >> 8 == (word as u32) >> 8;
        }
        // Letters, digits and signs of the scripts from Hebrew to Mongolian (Indic,
        // South-East Asian, ...), Hangul and CJK: never glued to a Latin word.
        let cp = c as u32;
        let other_script = matches!(script(c), Script::Other(_) | Script::Hangul | Script::Cjk)
            && !(0x2000..0x3000).contains(&cp);
        let indic_and_beyond = (0x0700..0x1E00).contains(&cp);
        let alphanumeric = is_letter(c) || (!c.is_ascii() && c.is_numeric());
        !(indic_and_beyond || (alphanumeric && other_script))
    };
    let replacement = replacement.trim_end_matches(' ');
    let head = start > 0 && word_letters(chars[start - 1], chars[start]);
    let tail = end < chars.len() && word_letters(chars[end - 1], chars[end]);
    (head && !fits(replacement.chars().next(), chars[start]))
        || (tail && !fits(replacement.chars().next_back(), chars[end - 1]))
}

/// A character of a script far from every single-byte code page's own: Indic, South-East
/// Asian, Mongolian, kana, CJK, Hangul.
fn far(c: char) -> bool {
    let cp = c as u32;
    (0x0700..0x1E00).contains(&cp)
        || (0x3040..0xA000).contains(&cp)
        || (0xAC00..0xD7B0).contains(&cp)
        || cp >= 0x20000
}

/// Whether each of `accepted` is one unit read as a single character of a far script that
/// nothing else in the line shares (issue 13). Three characters of Latin-1 and punctuation
/// (`à¹–`, `„à©`) stand beside each other in correct text far more often than one such
/// character is garbled alone; real mojibake of those scripts comes in runs
/// (`à¤¹à¤¿à¤¨`), or at least twice (`(à¸‡'…)à¸‡` is `(ง'…)ง`).
fn lone_far_characters(chars: &[char], accepted: &[Candidate]) -> bool {
    let mut scripts: Vec<Script> = Vec::new();
    for c in accepted {
        let mut it = c.replacement.trim_end_matches(' ').chars();
        let (Some(ch), None) = (it.next(), it.next()) else {
            return false;
        };
        if c.units != 1 || !far(ch) || scripts.contains(&script(ch)) {
            return false;
        }
        scripts.push(script(ch));
    }
    !scripts.is_empty()
        && !chars
            .iter()
            .any(|&o| far(o) && scripts.contains(&script(o)))
}

/// Punctuation that naturally follows a word: closing marks, dashes, bullets and quotes.
/// Several of them are continuation bytes in single-byte code pages.
const AFTER_WORD: [char; 14] = [
    '…', '”', '“', '•', '’', '‘', '–', '—', '»', '«', '›', '‹', '„', '‚',
];

/// Whether `chars[start..end]` is a capital letter that ends a word in capitals (or is a word
/// by itself), followed by punctuation that naturally follows a word: `AMANHÃ…`, `VOCÊ”`,
/// `CANCIÓN“`, `É•`. Portuguese, Spanish and French headlines are full of these, and the
/// same characters happen to be a lead byte and continuation bytes (issue 14).
fn capital_before_punctuation(chars: &[char], start: usize, end: usize) -> bool {
    let lead = chars[start];
    let word_start = start == 0 || !is_letter(chars[start - 1]);
    let caps_before = word_start || chars[start - 1].is_uppercase();
    let word_end = chars.get(end).is_none_or(|&c| !c.is_alphanumeric());
    end == start + 2
        && lead.is_uppercase()
        && is_letter(lead)
        && caps_before
        && AFTER_WORD.contains(&chars[start + 1])
        && word_end
}

/// Penalties that need more context than a window: lowercase letters put into an all-caps
/// word, and a lone letter of an alphabet left standing as a word by itself.
fn context_penalty(chars: &[char], start: usize, end: usize, replacement: &str) -> f32 {
    let mut penalty = 0.0;
    let mut left = start;
    while left > 0 && is_letter(chars[left - 1]) {
        left -= 1;
    }
    let mut right = end;
    while right < chars.len() && is_letter(chars[right]) {
        right += 1;
    }
    let around = chars[left..start].iter().chain(chars[end..right].iter());
    let (mut n, mut upper) = (0, 0);
    for &c in around {
        n += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    if n >= 2 && upper == n && replacement.chars().any(|c| c.is_lowercase()) {
        penalty += 2.5;
    }
    let trimmed = replacement.trim_end_matches(' ');
    let mut it = trimmed.chars();
    if let (Some(c), None) = (it.next(), it.next()) {
        let alphabetic_script = matches!(
            kind(c),
            Kind::Letter {
                script: Script::Latin
                    | Script::Greek
                    | Script::Cyrillic
                    | Script::Armenian
                    | Script::Hebrew
                    | Script::Arabic,
                ..
            }
        );
        let spaced = trimmed.len() < replacement.len();
        let before = start > 0 && is_letter(chars[start - 1]);
        let after = !spaced && end < chars.len() && is_letter(chars[end]);
        if alphabetic_script && !before && !after && !STANDALONE.contains(&c) {
            penalty += 1.2;
        }
    }
    penalty
}

/// Picks the best non-overlapping candidates. Acceptable candidates of a code page in
/// `favoured` go first: a line garbled through one code page is usually garbled through it
/// throughout, so a better-scoring reading through another code page that overlaps one of
/// them is more likely a coincidence.
fn select(candidates: &[Candidate], favoured: &[CodePage], n: usize) -> Vec<Candidate> {
    let first = |c: &Candidate| favoured.contains(&c.cp) && c.score >= ACCEPT_WITH_EVIDENCE;
    let mut order: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.score >= ACCEPT_WITH_EVIDENCE)
        .collect();
    // Best first; ties go to longer runs, then to the earlier code page in priority order
    // (candidates were pushed in that order and the sort is stable).
    order.sort_by(|a, b| {
        first(b)
            .cmp(&first(a))
            .then(b.net().total_cmp(&a.net()))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
    });
    let mut taken = vec![false; n];
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in order {
        if taken[c.start..c.end].iter().any(|&t| t) {
            continue;
        }
        taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
        chosen.push(c.clone());
    }
    chosen.sort_by_key(|c| c.start);
    // Confidence comes from one clear run, or from several moderately odd ones.
    // Only repairs into ordinary characters count towards the latter.
    let moderate: Vec<f32> = chosen
        .iter()
        .filter(|c| !c.weak && c.replacement.chars().all(|ch| cost(ch) < 1.0))
        .map(Candidate::net)
        .filter(|&s| s >= 1.0)
        .collect();
    let strong = chosen.iter().any(|c| !c.weak && c.net() >= ACCEPT)
        || (moderate.len() >= 2 && moderate.iter().sum::<f32>() >= ACCEPT);
    // A weak run needs a confident run of its own code page beside it: in a line that really
    // went through that code page, a correct `Ã…` would itself have been garbled.
    let confident_cps: Vec<CodePage> = chosen
        .iter()
        .filter(|c| !c.weak && c.net() >= ACCEPT)
        .map(|c| c.cp)
        .collect();
    chosen.retain(|c| {
        if c.weak {
            confident_cps.contains(&c.cp) && c.score >= ACCEPT_WITH_EVIDENCE
        } else {
            c.net() >= ACCEPT || (strong && c.score >= ACCEPT_WITH_EVIDENCE)
        }
    });
    chosen
}

/// Confident runs of the favoured code pages that a line needs before its reading decides
/// the short words between them.
const LINE_READING_RUNS: usize = 2;

/// Short words in a line of mojibake (issue 14): in `РЇ РЅРµ Р·РЅР°СЋ, С‡С‚Рѕ РґРµР»Р°С‚СЊ РІ СЌС‚РѕР№`
/// the one-letter words `РЇ` and `РІ` are two characters each and score too low on their own,
/// though the line around them is plainly windows-1251 mojibake. A candidate of a favoured
/// code page that is a whole word (no letter either side), decodes to ordinary letters of a
/// script the confident runs decode to, in a line with at least [`LINE_READING_RUNS`]
/// confident runs of that code page (or one, when every non-ASCII letter of the line belongs
/// to units of the favoured code pages), is raised to the score that evidence lets through.
fn lend_line_reading(
    chars: &[char],
    candidates: &mut [Candidate],
    first: &[Candidate],
    favoured: &[CodePage],
    all_covered: bool,
) {
    let confident: Vec<&Candidate> = first
        .iter()
        .filter(|c| !c.weak && c.net() >= ACCEPT && favoured.contains(&c.cp))
        .collect();
    if confident.is_empty() || (confident.len() < LINE_READING_RUNS && !all_covered) {
        return;
    }
    let mut scripts: Vec<Script> = Vec::new();
    for c in &confident {
        for ch in c.replacement.chars().filter(|&ch| is_letter(ch)) {
            let s = super::chars::script(ch);
            if !scripts.contains(&s) {
                scripts.push(s);
            }
        }
    }
    for c in candidates.iter_mut() {
        if c.score >= ACCEPT_WITH_EVIDENCE || !favoured.contains(&c.cp) || c.lossy > 0 {
            continue;
        }
        let whole_word = (c.start == 0 || !chars[c.start - 1].is_alphanumeric())
            && chars.get(c.end).is_none_or(|ch| !ch.is_alphanumeric());
        let ordinary_letters = !c.replacement.is_empty()
            && c.replacement.chars().all(|ch| {
                is_letter(ch) && cost(ch) < 1.0 && scripts.contains(&super::chars::script(ch))
            });
        if whole_word && ordinary_letters {
            c.score = ACCEPT_WITH_EVIDENCE;
        }
    }
}

/// What [`analyse`] finds in one line.
pub(crate) struct Analysis {
    /// The repairs to make.
    pub repairs: Vec<LineRepair>,
    /// The lossy sequences to report.
    pub lossy: Vec<LineLossy>,
}

/// Analyses one line. Each line stands on its own, and so does each round of repair: the
/// evidence of a layer peeled in an earlier round is not carried over, because what remains
/// after a peeled layer is often correct text that merely looks odd. `repaired_before` says
/// the line is the result of an earlier round's repairs.
pub(crate) fn analyse(line: &Line, repaired_before: bool) -> Analysis {
    let chars = &line.chars;
    let n = line.len();
    let mut per_cp: Vec<Vec<Unit>> = Vec::with_capacity(CodePage::ALL.len());
    let mut covered = vec![false; n];
    // Bit `k` of `covered_by[i]`: character `i` is in a unit of `CodePage::ALL[k]`.
    let mut covered_by = vec![0u16; n];
    for cp in CodePage::ALL {
        let us = units(line, cp, true);
        for u in &us {
            covered_by[u.start..u.end]
                .iter_mut()
                .for_each(|c| *c |= 1 << cp.index());
            if !u.lossy_space {
                covered[u.start..u.end].iter_mut().for_each(|c| *c = true);
            }
        }
        per_cp.push(us);
    }
    // Units without a lost space hold no ASCII character (continuation bytes are not
    // ASCII), so every ASCII letter is clean and only the others need looking at.
    let ascii_letters = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let mut ctx = LineContext {
        clean_scripts: if ascii_letters > 0 {
            vec![Script::Latin]
        } else {
            Vec::new()
        },
        clean_letters: ascii_letters,
    };
    for &i in &line.non_ascii {
        let c = chars[i];
        if !covered[i] && is_letter(c) {
            ctx.clean_letters += 1;
            let s = super::chars::script(c);
            if !ctx.clean_scripts.contains(&s) {
                ctx.clean_scripts.push(s);
            }
        }
    }
    // Lossy sequences, wherever they are; those inside accepted runs are dropped
    // later, and a candidate that takes only part of one is dropped now (in `Â¢â?¬` the `â`
    // belongs to the lossy `â?¬`, not to a Mac Roman reading of `Â¢â`).
    // A lossy sequence starts with a lead byte, never ASCII.
    let mut lossy_seqs: Vec<Lossy> = Vec::new();
    let mut free = 0;
    for &i in &line.non_ascii {
        if i < free {
            continue;
        }
        if let Some(l) = lossy_at(chars, &line.rows, i) {
            free = l.end;
            lossy_seqs.push(l);
        }
    }
    let mut in_lossy = vec![false; n];
    for l in &lossy_seqs {
        in_lossy[l.start..l.end].iter_mut().for_each(|b| *b = true);
    }

    // A candidate takes part of a lossy sequence when one crosses its first or last
    // character's edge; looked up per character, not per sequence, to stay linear.
    let mut lossy_at_char: Vec<Option<usize>> = vec![None; n];
    for (k, l) in lossy_seqs.iter().enumerate() {
        lossy_at_char[l.start..l.end]
            .iter_mut()
            .for_each(|x| *x = Some(k));
    }
    let splits_lossy = |c: &Candidate| {
        let crosses_start = lossy_at_char[c.start].is_some_and(|k| lossy_seqs[k].start < c.start);
        let crosses_end = lossy_at_char[c.end - 1].is_some_and(|k| lossy_seqs[k].end > c.end);
        crosses_start || crosses_end
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    for (cp, us) in CodePage::ALL.iter().zip(&per_cp) {
        let mut i = 0;
        while i < us.len() {
            let mut j = i + 1;
            while j < us.len() && us[j].start == us[j - 1].end {
                j += 1;
            }
            let whole = evaluate(line, &ctx, *cp, &us[i..j]);
            let whole_ok = whole
                .as_ref()
                .is_some_and(|c| c.score >= ACCEPT_WITH_EVIDENCE);
            candidates.extend(whole.filter(|c| !splits_lossy(c)));
            // A long run may hold one bad unit: if it fails as a whole, try each unit alone.
            if j - i > 1 && !whole_ok {
                for k in i..j {
                    if let Some(c) = evaluate(line, &ctx, *cp, &us[k..k + 1])
                        && !splits_lossy(&c)
                    {
                        candidates.push(c);
                    }
                }
            }
            i = j;
        }
    }
    // A lossy sequence inside a double layer (`Ã¢â€�â€™`): the lost byte can often be
    // recovered exactly, because only one of the possible bytes makes the whole run decode
    // again through the next layer.
    for l in lossy_seqs.iter().filter(|l| !l.question_mark) {
        if let Some(c) = recover_lossy_layer(line, &ctx, &per_cp[l.cp.index()], l) {
            candidates.push(c);
        }
    }
    let first = select(&candidates, &[], n);
    // The code pages that explain most of the confident repairs (a run often reads the same
    // through several code pages; count each that does).
    let mut support = [0f32; super::codepage::NCP];
    // Candidates by their range, so that each confident run finds its twins at once
    // (comparing every pair was quadratic in long lines).
    let mut by_range: std::collections::HashMap<(usize, usize), Vec<&Candidate>> =
        std::collections::HashMap::new();
    for d in &candidates {
        by_range.entry((d.start, d.end)).or_default().push(d);
    }
    for c in first.iter().filter(|c| !c.weak && c.net() >= ACCEPT) {
        for d in by_range.get(&(c.start, c.end)).into_iter().flatten() {
            if d.replacement == c.replacement {
                support[d.cp.index()] += c.net();
            }
        }
    }
    let best = support.iter().copied().fold(0f32, f32::max);
    let favoured: Vec<CodePage> = CodePage::ALL
        .iter()
        .copied()
        .filter(|cp| best > 0.0 && support[cp.index()] >= best)
        .collect();
    let mut accepted = if favoured.is_empty() {
        first
    } else {
        let mask = favoured.iter().fold(0u16, |m, cp| m | 1 << cp.index());
        let all_covered = line
            .non_ascii
            .iter()
            .all(|&i| covered_by[i] & mask != 0 || !is_letter(chars[i]));
        lend_line_reading(chars, &mut candidates, &first, &favoured, all_covered);
        select(&candidates, &favoured, n)
    };
    // One two-character unit in a line that also has correct non-ASCII text (which the same
    // wrong decoding would have garbled too) is ambiguous: leave it. In a line an earlier
    // round repaired, the other non-ASCII text is mostly what that round wrote, which proves
    // nothing about this unit: a double layer (`Ã…Å¸arkı` → `ÅŸarkı` → `şarkı`) must finish.
    if !repaired_before && accepted.len() == 1 && accepted[0].units == 1 && accepted[0].nbytes == 2
    {
        let c = &accepted[0];
        let clean_other = line.non_ascii.iter().any(|&i| {
            let ch = chars[i];
            (i < c.start || i >= c.end)
                && !ch.is_ascii()
                && !covered[i]
                && !in_lossy[i]
                && ch != '\u{fffd}'
                && !('\u{80}'..='\u{9f}').contains(&ch)
                && line.rows[i][CodePage::Windows1252.index()] != 0
        });
        if clean_other && !c.has_c1 {
            accepted.clear();
        }
    }
    // A word that holds a correct non-ASCII letter its code page would have garbled too
    // (`≈Ångström`: read through Mac Roman, `ö` would be `√∂`) is correct text, not
    // mojibake with one bad letter (issue 13). Only letters that are continuation bytes in
    // that code page count: one that is a lead byte may itself start damaged mojibake
    // (the `â` of `â€` whose last byte was deleted).
    if !repaired_before {
        let mut in_accepted = vec![false; n];
        for c in &accepted {
            in_accepted[c.start..c.end]
                .iter_mut()
                .for_each(|b| *b = true);
        }
        // Words are looked at up to 64 letters each side: the pass stays linear however
        // long a run of letters is.
        let clean_in_word = |c: &Candidate| {
            let mut left = c.start;
            while left > 0 && c.start - left < 64 && is_letter(chars[left - 1]) {
                left -= 1;
            }
            let mut right = c.end;
            while right < n && right - c.end < 64 && is_letter(chars[right]) {
                right += 1;
            }
            (left..c.start).chain(c.end..right).any(|i| {
                !chars[i].is_ascii()
                    && !in_accepted[i]
                    && !in_lossy[i]
                    && covered_by[i] & (1 << c.cp.index()) == 0
                    && (0x80..0xC0).contains(&line.rows[i][c.cp.index()])
            })
        };
        let keep: Vec<bool> = accepted.iter().map(|c| !clean_in_word(c)).collect();
        let mut keep = keep.into_iter();
        accepted.retain(|_| keep.next().unwrap_or(true));
    }
    // Mac Roman mojibake is the Mac Roman repertoire only: its math symbols (`≈≥`, `√`)
    // are also real mathematics, so a line that holds letters Mac Roman cannot write
    // (`Αθήνα≈≥`, `Łódź`), or correct letters that Mac Roman would have garbled (`brûlée`
    // would read `br√ªl√©e`), was not decoded through it (issue 13).
    let mac = CodePage::MacRoman.index();
    if !repaired_before
        && line.non_ascii.iter().any(|&i| {
            is_letter(chars[i])
                && (line.rows[i][mac] == 0
                    || ((0x80..0xC0).contains(&line.rows[i][mac])
                        && covered_by[i] & (1 << mac) == 0
                        && !in_lossy[i]))
        })
    {
        accepted.retain(|c| c.cp != CodePage::MacRoman);
    }
    if !repaired_before && lone_far_characters(chars, &accepted) {
        accepted.clear();
    }

    // A line where sequences that start like mojibake but do not decode outnumber the ones
    // that do is damaged beyond repair (lower-cased or truncated mojibake): leave it.
    if !accepted.is_empty() {
        let mut debris = 0;
        let mut seen: Vec<CodePage> = Vec::new();
        for c in &accepted {
            if seen.contains(&c.cp) {
                continue;
            }
            seen.push(c.cp);
            let (col, bit) = (c.cp.index(), 1u16 << c.cp.index());
            let mine = |i: usize| covered_by[i] & bit != 0;
            // A lead byte is never ASCII.
            for &i in line.non_ascii.iter().take_while(|&&i| i + 1 < n) {
                if mine(i) || mine(i + 1) || in_lossy[i] || in_lossy[i + 1] {
                    continue;
                }
                if lead_len(line.rows[i][col]).is_some() && is_cont(line.rows[i + 1][col]) {
                    debris += 1;
                }
            }
        }
        let units: usize = accepted.iter().map(|c| c.units).sum();
        if debris >= 2 && debris >= units {
            accepted.clear();
        }
    }

    let mut repairs: Vec<LineRepair> = accepted
        .iter()
        .map(|c| {
            let mut steps = c.steps.clone();
            if c.lossy > 0
                && let Some(s) = steps.first_mut()
            {
                s.push_str(" (a space read as the lost NBSP byte)");
            }
            LineRepair {
                start: line.offs[c.start],
                end: line.offs[c.end],
                replacement: c.replacement.clone(),
                steps,
            }
        })
        .collect();
    let mut busy = vec![false; n];
    for c in &accepted {
        busy[c.start..c.end].iter_mut().for_each(|b| *b = true);
    }

    // Lossy sequences and `â€` with its last byte deleted, left to right so that a closing
    // quote can be matched with the opening quote before it. Runs start at non-ASCII
    // characters, and so do quotes and `â`: ASCII ones change nothing.
    let mut lossy_reports = Vec::new();
    let mut pending: Vec<&Lossy> = lossy_seqs
        .iter()
        .filter(|l| !busy[l.start..l.end].iter().any(|&b| b))
        .collect();
    pending.reverse();
    let mut open_quotes: i32 = 0;
    // Code pages of the lossy sequences repaired so far: evidence for the next ones.
    let mut lossy_cps: Vec<CodePage> = Vec::new();
    // The accepted runs in order, walked alongside the characters: looking each one up
    // made long lines of mojibake quadratic.
    let mut by_start: Vec<&Candidate> = accepted.iter().collect();
    by_start.sort_by_key(|c| c.start);
    let mut by_start = by_start.into_iter().peekable();
    for &i in &line.non_ascii {
        if busy[i] {
            while by_start.next_if(|c| c.start < i).is_some() {}
            if let Some(c) = by_start.next_if(|c| c.start == i) {
                open_quotes += quote_balance(&c.replacement);
            }
            continue;
        }
        if let Some(l) = pending.last().filter(|l| l.start == i) {
            let l = *l;
            pending.pop();
            // A line an earlier round repaired was mojibake: its evidence is spent, but it
            // still counts (`Ä‚ï¿½frica` → `Ă�frica` → `�frica`).
            if repaired_before
                || lossy_cps.contains(&l.cp)
                || lossy_evidenced(line, l, &per_cp[l.cp.index()], &accepted)
            {
                lossy_cps.push(l.cp);
                busy[l.start..l.end].iter_mut().for_each(|b| *b = true);
                let repair = repair_lossy(line, l, open_quotes > 0);
                open_quotes += quote_balance(&repair.replacement);
                repairs.push(repair);
                continue;
            }
        }
        let ch = chars[i];
        if ch == '“' {
            open_quotes += 1;
        } else if ch == '”' {
            open_quotes -= 1;
        }
        // `â€` with its last byte deleted (0x9D, the closing quote, is the usual victim).
        if ch == 'â'
            && i + 1 < n
            && chars[i + 1] == '€'
            && !busy[i + 1]
            && chars.get(i + 2).is_none_or(|&c| {
                !is_cont(line.rows[i + 2][CodePage::Windows1252.index()]) && c != '\u{fffd}'
            })
        {
            busy[i] = true;
            busy[i + 1] = true;
            let (start, end) = (line.offs[i], line.offs[i + 2]);
            if open_quotes > 0 {
                open_quotes -= 1;
                repairs.push(LineRepair {
                    start,
                    end,
                    replacement: "”".to_string(),
                    steps: vec!["windows-1252 → utf-8 (lost byte 0x9D restored)".to_string()],
                });
            } else {
                lossy_reports.push(LineLossy {
                    start,
                    end,
                    reason: "UTF-8 punctuation whose last byte was lost (`â€`): it may have \
                             been ”, a hyphen, a space or an invisible format character"
                        .to_string(),
                });
            }
        }
    }

    // Lone C1 controls: windows-1252 text read as Latin-1, or Mac Roman text read as Latin-1
    // when some C1 control inside a word only makes sense that way.
    let lone_c1 = |i: usize| !busy[i] && ('\u{80}'..='\u{9f}').contains(&chars[i]);
    let mac_roman = line
        .non_ascii
        .iter()
        .any(|&i| lone_c1(i) && mac_roman_in_word(chars, i));
    for &i in &line.non_ascii {
        if !lone_c1(i) {
            continue;
        }
        let ch = chars[i];
        let byte = ch as u32 as u8;
        let t = super::codepage::tables();
        let (fixed, step) = if mac_roman && in_word(chars, i) {
            (t.decode(CodePage::MacRoman, byte), "latin-1 → mac-roman")
        } else {
            (
                t.decode(CodePage::Windows1252, byte),
                "latin-1 → windows-1252",
            )
        };
        if fixed != ch {
            repairs.push(LineRepair {
                start: line.offs[i],
                end: line.offs[i + 1],
                replacement: fixed.to_string(),
                steps: vec![step.to_string()],
            });
        }
    }
    repairs.sort_by_key(|r| r.start);
    lossy_reports.sort_by_key(|r| r.start);
    Analysis {
        repairs,
        lossy: lossy_reports,
    }
}

/// Whether character `i` stands between two letters.
fn in_word(chars: &[char], i: usize) -> bool {
    i > 0 && is_letter(chars[i - 1]) && chars.get(i + 1).is_some_and(|&c| is_letter(c))
}

/// Whether the C1 control at `i` stands inside a word where its windows-1252 reading is a
/// symbol no word holds (`Coatl\u{87}n` would read `Coatl‡n`) and its Mac Roman reading is a
/// letter (`Coatlán`). Apostrophes, dashes, ellipses, bullets and `™` do stand right
/// beside letters, so they prove nothing.
fn mac_roman_in_word(chars: &[char], i: usize) -> bool {
    let t = super::codepage::tables();
    let byte = chars[i] as u32 as u8;
    let windows = t.decode(CodePage::Windows1252, byte);
    let mac = t.decode(CodePage::MacRoman, byte);
    in_word(chars, i)
        && matches!(kind(windows), Kind::Symbol | Kind::Close | Kind::Open)
        && !matches!(windows, '’' | '‘' | '–' | '—' | '…' | '•' | '™')
        && mac.is_lowercase()
}

/// The candidate for the units of `l.cp` around the lossy sequence `l`, when exactly one of
/// its possible readings lets the run decode through a further layer.
fn recover_lossy_layer(
    line: &Line,
    ctx: &LineContext,
    us: &[Unit],
    l: &Lossy,
) -> Option<Candidate> {
    // Units are sorted and do not overlap: found by binary search, not a scan per lossy
    // sequence (quadratic in long lines).
    let left = us.partition_point(|u| u.end < l.start);
    let right = us.partition_point(|u| u.start < l.end);
    let left_units = match (left < us.len() && us[left].end == l.start).then_some(left) {
        Some(last) => {
            let mut first = last;
            while first > 0 && us[first - 1].end == us[first].start {
                first -= 1;
            }
            &us[first..=last]
        }
        None => &us[..0],
    };
    let right_units = match (right < us.len() && us[right].start == l.end).then_some(right) {
        Some(first) => {
            let mut last = first;
            while last + 1 < us.len() && us[last + 1].start == us[last].end {
                last += 1;
            }
            &us[first..=last]
        }
        None => &us[..0],
    };
    if left_units.is_empty() && right_units.is_empty() {
        return None;
    }
    let mut found: Option<Candidate> = None;
    for &option in &l.options {
        let mut run: Vec<Unit> = left_units.to_vec();
        run.push(Unit {
            start: l.start,
            end: l.end,
            decoded: option,
            nbytes: (l.end - l.start) as u8,
            lossy_space: false,
            has_c1: false,
            has_cp1252_special: true,
        });
        run.extend_from_slice(right_units);
        let Some(mut c) = evaluate(line, ctx, l.cp, &run) else {
            continue;
        };
        if c.steps.len() < 2 {
            continue;
        }
        if found.is_some() {
            // Two readings decode: ambiguous, leave it to the lossy report.
            return None;
        }
        if let Some(s) = c.steps.first_mut() {
            s.push_str(" (the one lost byte that decodes restored)");
        }
        found = Some(c);
    }
    found
}

/// Net count of opening minus closing curly double quotes in `s`.
fn quote_balance(s: &str) -> i32 {
    s.chars()
        .map(|c| match c {
            '“' => 1,
            '”' => -1,
            _ => 0,
        })
        .sum()
}

/// Whether the lossy sequence `l` is mojibake rather than correct text followed by a lost
/// character (`ПРИВЕТ�`, `ŁÓDŹ�`): what is left of it is odd with the character before it
/// (`amanhÃ�`, `â€�`), or it touches a unit of its code page (`Ñ€Ñ�`), or the line has
/// repairs through that code page (the caller also counts earlier lossy sequences).
fn lossy_evidenced(line: &Line, l: &Lossy, units: &[Unit], accepted: &[Candidate]) -> bool {
    let chars = &line.chars;
    let mut window: Vec<char> = Vec::with_capacity(l.end - l.start + 1);
    window.extend(l.start.checked_sub(1).map(|k| chars[k]));
    window.extend(
        chars[l.start..l.end]
            .iter()
            .filter(|&&c| c != '\u{fffd}' && c != '?'),
    );
    weirdness(&window) >= 1.0
        || units.iter().any(|u| u.end == l.start || u.start == l.end)
        || accepted.iter().any(|c| c.cp == l.cp)
}

/// The repair of the lossy sequence `l` (issue 14): the one character it can have been, or
/// `”` when that is among the possible readings and an opening quote is waiting for it
/// (`quote_open`), or else U+FFFD for the lost character, as if the decoder had met the
/// broken sequence itself. The `replacement-character` rule then reports the U+FFFD, so the
/// writer sees one clear finding instead of a broken sequence.
fn repair_lossy(line: &Line, l: &Lossy, quote_open: bool) -> LineRepair {
    let (start, end) = (line.offs[l.start], line.offs[l.end]);
    let (replacement, how) = if l.options.len() == 1 && !l.question_mark {
        (
            l.options[0],
            "the one possible lost byte restored".to_string(),
        )
    } else if quote_open && l.options.contains(&'”') {
        (
            '”',
            "the closing quote of an open quotation restored".to_string(),
        )
    } else {
        let how = if l.question_mark {
            "the `?` of a lost byte made U+FFFD"
        } else {
            "the lost character left as U+FFFD"
        };
        ('\u{fffd}', how.to_string())
    };
    LineRepair {
        start,
        end,
        replacement: replacement.to_string(),
        steps: vec![format!("{} → utf-8 ({how})", l.cp.name())],
    }
}
