//! The extraction pipeline for one file: prose blocks -> cheap prefilter ->
//! sentences -> tokens -> quantities -> clause, time qualifier, subject ->
//! [`Claim`] records with byte spans in the file.
//!
//! The grammar pieces live in their own files; this one only wires them and
//! turns a quantity's hedge into the claim's interval. Comparison is in
//! `compare.rs`.

use std::ops::Range;

use chrono::Datelike;

use super::bracket::split_brackets;
use super::lexicon::{Lexicon, ends_in_plural_s, normalise_word};
use super::number::{Form, Hedge, Quantity, Unit, find_quantities, rate_base, year_of};
use super::period::{Per, TimeFacts, coded_part, is_dash, month_number, resolve, scan};
use super::sentence::{hint_sentences, is_markup, segments, sentence_end_after};
use super::subject::{
    ArticleText, LeadIn, Metric, SubjectContext, Words, analyse, is_auxiliary, is_change_noun,
    is_determiner, is_down_word, is_ed_form, is_figure_hedge, is_irregular_past, is_linking_noun,
    is_measure_word, is_place_preposition, is_preposition, is_reporting_verb, is_source_noun,
    is_up_word, opens_on_it, opens_with_participle, restates_the_figure_before,
    says_what_is_measured, title_scope, topic_of, without_possessive,
};
use super::term::{Term, Terms};
use super::token::{
    Token, TokenKind, is_letter_in_brackets, names_a_frequency, tokenize, tokenize_into,
};
use super::{Claim, Period, ProseInput, snippet_topic_text};

/// Extracts every numeric claim from the prose blocks of one file, in file
/// order. Never panics: blocks that are out of range or not on char
/// boundaries are skipped.
pub fn extract(input: &ProseInput, lexicon: &Lexicon) -> Vec<Claim> {
    let publish_year = input.publish_date.map(|d| d.year());
    let publish_month = input
        .publish_date
        .map(|d| d.year() * 12 + d.month0() as i32);
    let mut masked: Vec<Range<usize>> = input.masked.to_vec();
    masked.sort_by_key(|r| r.start);
    // The article topic is read from the front matter only when a clause says
    // "the field" or "the industry": most files never need it.
    let mut topic_cache: Option<Vec<Term>> = None;
    let mut topic = || {
        topic_cache
            .get_or_insert_with(|| {
                let mut text = String::new();
                for r in input.topic {
                    text.push_str(input.text.get(r.clone()).unwrap_or_default());
                    text.push('\n');
                }
                let body = input
                    .blocks
                    .first()
                    .and_then(|b| input.text.get(b.start..))
                    .unwrap_or_default();
                topic_of(&text, body, lexicon)
            })
            .clone()
    };
    let tol = lexicon.tolerances();
    let article = ArticleText::new(input.text);
    let mut claims: Vec<Claim> = Vec::new();
    // Buffers reused across blocks.
    let mut blanks: Vec<Range<usize>> = Vec::new();
    let mut sents: Vec<Range<usize>> = Vec::new();
    // The block with ASCII letters lowercased, and in its figure sentences
    // markup and masked ranges blanked, at the same offsets.
    let mut scratch: Vec<u8> = Vec::new();
    // The last list item seen and its list's first item: the next item of
    // the same list stops looking back there.
    let mut last_item: Option<(usize, usize)> = None;
    // The last table row read for its context, with its table's first line.
    let mut last_row: Option<(usize, usize)> = None;
    // The lead-in of the list last seen, by its first item.
    let mut lead_cache: Option<(usize, Option<(LeadIn, TimeFacts)>)> = None;
    // The years the paragraph named so far: "that year" in a later
    // sentence is the one year it named.
    let mut told: ToldYears;
    for block in input.blocks {
        let Some(raw) = input.text.get(block.clone()) else {
            continue;
        };
        let block_claims = claims.len();
        told = ToldYears::default();
        let table_row = table_row_start(input.text, block.start);
        // A row's first cell is its label ("| 2022 | 880,000 |", "| 10 kWh
        // | $11,500 |"), not a figure of the table.
        if table_row.is_some_and(|line| input.text[line..block.start].matches('|').count() == 1) {
            continue;
        }
        scratch.clear();
        scratch.extend_from_slice(raw.as_bytes());
        scratch.make_ascii_lowercase();
        // Only sentences holding a digit or a number word are tokenized.
        hint_sentences(
            input.text,
            block,
            &masked,
            &scratch,
            &mut blanks,
            &mut sents,
        );
        cut_long_sentences(raw, &mut sents);
        if sents.is_empty() {
            continue;
        }
        // "**4. 1.4%.** The share of flights cancelled last year.": a
        // figure standing alone as a sentence is told by the next one, read
        // as if a colon joined them.
        let stops = join_headlines(raw, &scratch, &blanks, &mut sents);
        // The rest of the copy is never read.
        let mut bytes = std::mem::take(&mut scratch);
        for sentence in &sents {
            for b in &mut bytes[sentence.clone()] {
                if is_markup(*b) {
                    *b = b' ';
                }
            }
        }
        for r in &blanks {
            bytes[r.clone()].fill(b' ');
        }
        for &stop in &stops {
            bytes[stop] = b':';
        }
        for sentence in &sents {
            blank_asides(&mut bytes[sentence.clone()], lexicon);
        }
        // Blanks replace ASCII bytes or whole chars, so this never fails.
        let lowered = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let mut toks = Vec::new();
        let list_first = if table_row.is_none() {
            list_start(input.text, block.start, last_item)
        } else {
            None
        };
        if let Some(first) = list_first {
            last_item = Some((block.start, first));
        }
        // The rows of one table, like the items of one list, are parallel
        // figures ("| Alaska | $115,800 |", "| Oregon | $101,200 |"): they
        // share one key and are never compared with each other.
        let table_first = table_row.map(|line| {
            let first = table_start(input.text, line, last_row);
            last_row = Some((line, first));
            first
        });
        let row = table_first.or(list_first);
        // "- Ohio: $78,000" under "Median salaries for nurses in 2023:".
        let lead = match list_first {
            Some(first) => {
                if lead_cache.as_ref().is_none_or(|(at, _)| *at != first) {
                    lead_cache = Some((first, lead_in_of(input.text, first, lexicon)));
                }
                lead_cache.as_ref().and_then(|(_, lead)| lead.as_ref())
            }
            None => None,
        };
        // "- **2023**: ... the average yield fell to 0.27 gallons": a list
        // item labelled with a date alone is of that date, every sentence.
        let item_date = date_label(raw).map(|label| {
            // Read as "in 2023": a date alone is no time phrase to `scan`.
            let phrase = format!("in {}", label.to_lowercase());
            scan(&tokenize(&phrase, 0..phrase.len(), 0))
        });
        // A table cell's column header and its row's label say what its
        // figure is: "| Ohio | $78,000 |" under "| State | Median nurse pay
        // (2023) |" is read as "median nurse pay 2023 Ohio $78,000".
        // A cell that is a sentence ("For data scientists, pay ranges from
        // ...") says its own subject.
        let bare_cell = || raw.split_whitespace().nth(4).is_none();
        let cell_context = table_row
            .zip(table_first)
            .filter(|_| bare_cell())
            .map_or_else(Vec::new, |(line, first)| {
                table_context(input.text, first, line, block.start)
                    .iter()
                    .flat_map(|r| context_words(tokenize(input.text, r.clone(), 0)))
                    .collect()
            });
        // The header comes first, from the lines above the row; the rest
        // is the row's own label (and dates).
        let header_len = table_row.map_or(0, |line| {
            cell_context.iter().take_while(|t| t.start < line).count()
        });
        for sentence in sents.iter().cloned() {
            let sentence_key = row.unwrap_or(block.start + sentence.start);
            // Whether the sentence opens its list item, markup aside.
            let opens_item = list_first.is_some()
                && raw.get(..sentence.start).is_some_and(|before| {
                    before
                        .trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '_')
                        .is_empty()
                });
            tokenize_into(
                &lowered,
                Some(raw),
                sentence.clone(),
                block.start,
                &mut toks,
            );
            let context_len = cell_context.len();
            if context_len > 0 {
                toks.splice(0..0, cell_context.iter().cloned());
            }
            let mut quantities = find_quantities(&toks);
            // The header and label are context, not figures of the cell.
            quantities.retain(|q| q.hedge_first >= context_len);
            let year_before = told.year();
            told.add(&toks[context_len..]);
            if quantities.is_empty() {
                continue;
            }
            // "adults aged 18 to 49": part of the subject, not a claim.
            let (mut quantities, mut brackets) = split_brackets(&toks, quantities);
            if quantities.is_empty() {
                continue;
            }
            // "It" for a subject stands for a name the sentence before
            // opened with, or else for what that sentence's figure was of.
            let (antecedent, antecedent_geo) = if opens_on_it(&toks, context_len) {
                let named = antecedent_of_it(raw, &blanks, sentence.start, lexicon);
                if named.is_empty() {
                    subject_of_the_sentence_before(
                        &claims[block_claims..],
                        input.text,
                        block.start + sentence.start,
                    )
                    .unwrap_or_default()
                } else {
                    (named, None)
                }
            } else {
                (Vec::new(), None)
            };
            // "three in four (75%) completed": the bracketed figure says
            // the same, and its brackets must not cut the clause.
            drop_restatements(&mut toks, &mut quantities, &mut brackets);
            let toks = &toks[..];
            let segs = segments(toks);
            let words = Words::new(toks, lexicon).with_context(header_len..context_len);
            let q_ranges: Vec<Range<usize>> =
                quantities.iter().map(|q| q.hedge_first..q.last).collect();
            let mut in_figure = vec![false; toks.len()];
            for r in q_ranges.iter().chain(brackets.iter().map(|b| &b.tokens)) {
                in_figure[r.clone()].fill(true);
            }
            // "- **Memory**: sales climbed to about $165 billion, up 79%":
            // a short label names what every figure of its item is about.
            let item_topic = opens_item
                .then(|| item_topic(toks, &segs))
                .flatten()
                .map(|r| LeadIn::read(&toks[r], lexicon));
            let respectively = toks.iter().any(|t| t.word() == "respectively");
            // "At a 22.8% APR, a $6,000 balance ...": the whole sentence
            // works through the example its first clause sets up.
            let example_sentence = segs
                .first()
                .is_some_and(|s| opens_with_example(toks, s, &q_ranges));
            for (qi, q) in quantities.iter().enumerate() {
                // "66% and 53% respectively", "66%, 53% and 12%": parallel
                // figures whose subjects a clause cannot tell apart.
                if respectively
                    || coordinated(toks, &q_ranges, &quantities, qi)
                    || bracketed_in_a_list(toks, &q_ranges, qi)
                {
                    continue;
                }
                let Some(seg_index) = segs.iter().position(|s| s.contains(&q.first)) else {
                    continue;
                };
                if supposes(toks, &segs[seg_index], q.hedge_first)
                    || sizes_a_pronoun(toks, &segs, seg_index, q)
                    || example_sentence
                    || opens_with_example(toks, &segs[seg_index], &q_ranges)
                {
                    continue;
                }
                let segment = trim_trailing_clause(toks, segs[seg_index].clone(), q, &in_figure);
                // The first segment of a sentence is an introduction
                // ("Worldwide,", "In 2024,") when it holds no figure and is short.
                // After a colon, the sentence starts again: "Location matters:
                // in Washington, therapists earn ..." opens on "in Washington".
                // So does a clause after a colon that names its own subject:
                // "Competition for experienced managers is real: lodging
                // managers held about 39,800 jobs" is of all lodging managers.
                let own_start = segs[seg_index].start > 0
                    && toks[segs[seg_index].start - 1].is_symbol(':')
                    && q.hedge_first > segs[seg_index].start + 1;
                let opening = if own_start {
                    seg_index
                } else {
                    restart_after_colon(toks, &segs[..seg_index])
                };
                let intro = segs[opening..seg_index]
                    .first()
                    .filter(|s| is_bare_clause(s, &q_ranges))
                    .filter(|_| !opens_a_list(toks, &segs[opening + 1..seg_index], &q_ranges))
                    .cloned();
                // The clause before, passing over asides ("Seed costs,
                // however, rose 7%") and sources ("..., according to Freddie
                // Mac, and averaged 6.7%", "..., per the trade group, down
                // 1%"), which name who reports the figure, not what it
                // measures.
                // "..., turning out 211 million panes": the clause goes on
                // from the one before (subject and date).
                let participle =
                    seg_index > 0 && opens_with_participle(toks, &segs[seg_index], q.hedge_first);
                let follows_aside = |k: usize| {
                    k > 1
                        && ((opens_with_a_verb(toks, &segs[k])
                            && (opens_a_relative_aside(toks, &segs[k - 1])
                                || is_connective(toks, &segs[k - 1])))
                            || (is_appositive(toks, &segs[k - 1], &q_ranges)
                                && opens_a_predicate(toks, &segs[k])))
                };
                // "Pet services, including grooming, boarding and walking,
                // accounted for ...": the segments of a list that opens on
                // "including" are one aside before the noun's verb.
                let listed = |p: usize| in_a_listing(toks, &segs, p, &q_ranges);
                let after_list = seg_index > 1
                    && listed(seg_index - 1)
                    && opens_a_predicate(toks, &segs[seg_index]);
                let after_aside = follows_aside(seg_index) || after_list;
                let previous = (0..seg_index)
                    .rev()
                    .find(|&p| {
                        let aside =
                            (after_aside && p + 1 == seg_index) || (after_list && listed(p));
                        !(aside
                            || words.only_stop_words(segs[p].clone())
                            || names_a_source(toks, &segs[p])
                            || is_connective(toks, &segs[p]))
                    })
                    // "Physical therapy aides, an entry-level role, earn
                    // far less, with a median of $35,330": a clause that is
                    // the verb of a noun before an aside is that noun's.
                    .map(|p| if follows_aside(p) { p - 2 } else { p })
                    .map(|p| segs[p].clone());
                // "$7.3 billion: what airlines collected in bag fees": a
                // figure alone at the head of its sentence is told by the
                // clause after its colon or dash.
                let told_after = told_after(toks, &segs, seg_index, q);
                // "- **Average yearly premium, dog plan**: $812": a list
                // item's label is one noun phrase, whose commas join its
                // parts; it is the clause before the value, whole.
                // "- **Sales (2024)**: $540 million, down 6.5% from 2023": a
                // figure right after the item's bare value is of what the
                // label names too.
                let label = list_first.and_then(|_| {
                    item_label(toks, &segs, seg_index).or_else(|| {
                        let p = seg_index.checked_sub(1)?;
                        let bare = segs[p]
                            .clone()
                            .all(|k| in_figure[k] || toks[k].kind != TokenKind::Word);
                        item_label(toks, &segs, p).filter(|_| bare)
                    })
                });
                // "- **Subway ridership (2024)**: 268 million trips": the
                // value's own noun is its unit; the label says what it counts.
                let value_label = label.clone().filter(|_| {
                    q.hedge_first.saturating_sub(segs[seg_index].start) <= LABELLED_REACH
                });
                let labelled = value_label.is_some();
                let previous = label.or(told_after.clone()).or(previous);
                // Its aggregate and place too: "$28: the average charge".
                let intro = told_after.clone().or(intro);
                let ctx = SubjectContext {
                    toks,
                    words: &words,
                    segment: segment.clone(),
                    previous,
                    intro: intro.clone(),
                    quantity: q,
                    all: &quantities,
                    quantities: &q_ranges,
                    in_figure: &in_figure,
                    brackets: &brackets,
                    lexicon,
                    labelled,
                    antecedent: &antecedent,
                    antecedent_geo,
                    after_aside,
                    participle,
                    article: &article,
                };
                let Some(mut analysis) = analyse(&ctx, &mut topic) else {
                    continue;
                };
                // "Roughly 1.9 million acres burned there", "vacancy in
                // the city climbed to 36.9%": a place told before, which
                // the clause does not name. Its figure is not the
                // country's, and which place it is, is not read here.
                // A clause that writes a name ("California's statewide
                // snowpack") may name the place itself.
                if analysis.key.geo.is_none()
                    && points_to_a_place(&toks[segment.clone()])
                    && words
                        .names(toks, context_len, analysis.key.terms)
                        .is_empty()
                {
                    continue;
                }
                // "7.4 bags per 1,000 checked": the base is part of what a
                // rate measures; a rate per 100,000 never meets one per 1,000.
                if q.unit == Unit::Count
                    && let Some(base) = rate_base(toks, q.last)
                {
                    let per_base = Term::new(&format!("per {}", Unit::Count.format(base)));
                    analysis.key.terms = analysis.key.terms.with(per_base);
                }
                if let Some(topic) = &item_topic
                    && seg_index > 0
                {
                    topic.apply(&mut analysis.key, true);
                    // "- **Firms reporting delays**: 45%": the label's
                    // population is the base, not a word of the subject.
                    analysis.key.drop_base_words();
                    // "- Market size: the boutique hotel market generated
                    // $26.5 billion in revenue": in money, a market's size
                    // is its sales, as in a clause ([`analyse`]).
                    let (market, sale) = (Term::new("market"), Term::new("sale"));
                    if q.unit.is_money() && analysis.key.terms.contains(market) {
                        analysis.key.terms = analysis.key.terms.without(market).with(sale);
                    }
                }
                let mut facts = scan(&toks[segment.clone()]);
                // Only a value right after its label's colon: an item
                // that is a sentence of its own says its own subject.
                let label_item = lead.filter(|_| {
                    let figure = toks[q.hedge_first].start;
                    input
                        .text
                        .get(block.start..figure)
                        .is_some_and(ends_in_colon)
                });
                if let Some((lead, lead_facts)) = label_item {
                    // "- **Average age** of a U.S. video game player: 36"
                    // names its whole subject: the lead-in only places
                    // and dates it.
                    // So does "- **Port of Los Angeles**: 10.3 million TEU",
                    // a count of the things named after it, of a place or
                    // body its label names ("- **Backlog at year-end**:
                    // 8,658 aircraft" is the backlog of what the lead-in
                    // names).
                    let counted = q.unit == Unit::Count
                        && toks.get(q.last).is_some_and(|t| {
                            t.kind == TokenKind::Word && !lexicon.is_stop(t.word())
                        })
                        && toks[..q.hedge_first]
                            .iter()
                            .filter(|t| t.kind == TokenKind::Word)
                            .skip(1)
                            .any(|t| t.capitalized);
                    // So does "- **Off-premise dollar sales (2024)**: $540
                    // million": what is measured and whose it is.
                    let measured_whose =
                        analysis.key.names_measure_and_whose(says_what_is_measured);
                    let named = (analysis.key.aggregate.is_some() || counted || measured_whose)
                        && analysis.key.terms.len() >= 2;
                    lead.apply(&mut analysis.key, !named);
                    analysis.key.drop_base_words();
                    facts = facts.or(*lead_facts);
                }
                // Several figures in one clause: each reads its own dates.
                let own = own_stretch(toks, &q_ranges, q.hedge_first..q.last, &segment);
                if own != segment {
                    facts = TimeFacts::narrowed(scan(&toks[own.clone()]), facts);
                }
                if let Some(after) = &told_after {
                    facts = scan(&toks[after.clone()]).or(facts);
                }
                // "... in 2023, and about 6,500 agencies were operating
                // that year": the year told last may be the sentence's own.
                let told = || {
                    segs[..seg_index]
                        .iter()
                        .rev()
                        .find_map(|s| scan(&toks[s.clone()]).point_year())
                        .or(year_before)
                };
                facts = with_neighbours(facts, toks, &segs, seg_index, &q_ranges);
                if facts.says_that_year() {
                    facts = facts.in_told_year(told());
                }
                if let Some(when) =
                    when_clause(toks, &segs[seg_index], &segment, &q_ranges[qi], &q_ranges)
                {
                    facts = facts.or(scan(&toks[when]));
                }
                // "..., set a record in the 2020 season, turning out 211
                // million pounds": the clause the participle goes on from
                // dates it.
                if participle {
                    facts = facts.or(scan(&toks[segs[seg_index - 1].clone()]));
                }
                // "- **Average long-distance move (about 1,000 miles),
                // 2024**: $4,850": the label dates its value, and "**Median
                // hourly wage**: $22.10" says how often it is paid.
                if let Some(label) = &value_label {
                    let told = scan(&toks[label.clone()]);
                    facts = facts.or(told).rate_or(told);
                }
                if let Some(date) = item_date {
                    facts = facts.or(date);
                }
                let is_change = analysis.key.metric == Metric::Change;
                let future = says_future(&toks[own_or_segment(&own, &segment)]);
                let (mut period, mut per) = resolve(&facts, is_change, future, publish_year);
                // A figure told in the past tense with no date of its own
                // ("the bottom tier paid 12% in fees") is not the article's
                // present: when it held is not written.
                let mut part = None;
                if matches!(period, Period::Point { weak: true, .. })
                    && !future
                    && says_past(&toks[own_or_segment(&own, &segment)])
                {
                    period = Period::None;
                    // "... earned a median annual wage of $37,060 in May
                    // 2023. Broken down, the median hourly wage was
                    // $17.82": the same summary of the same figures, told
                    // on in the past, is of the date just given.
                    if let Some(before) = claims[block_claims..].last().filter(|c| {
                        c.sentence != sentence_key
                            && c.unit == q.unit
                            && c.subject.metric == analysis.key.metric
                            && c.subject.aggregate.is_some()
                            && c.subject.aggregate == analysis.key.aggregate
                            && matches!(c.period, Period::Point { weak: false, .. })
                            // "$73,410 ... On an hourly basis, the median
                            // pay was $35.29": figures thousands of times
                            // apart are of two rates; unless both rates are
                            // read, it is not the same summary.
                            && ((c.per.is_some() && per.is_some())
                                || {
                                    let ratio = (q.value / c.value).abs();
                                    ratio > 0.01 && ratio < 100.0
                                })
                    }) {
                        period = before.period;
                        part = before.part;
                    }
                }
                let forecast = future || ends_after(&period, publish_year);
                // A share has no frequency: "43% of workers go in one day a
                // week" is 43% of workers.
                if analysis.key.metric == Metric::Share {
                    // ... but how often those counted do it says which
                    // ones: "34% listen to podcasts weekly" are not the
                    // 38% who listen monthly.
                    let often = match per {
                        Some(Per::Month) => Some("monthly"),
                        Some(Per::Week) => Some("weekly"),
                        Some(Per::Day) => Some("daily"),
                        _ => None,
                    };
                    if let Some(often) = often {
                        analysis.key.terms = analysis.key.terms.with(Term::new(often));
                    }
                    per = None;
                }
                // "94 million households own a pet. That works out to 71%
                // of all households": the share is of the count before.
                if analysis.key.metric == Metric::Share
                    && analysis.key.terms.is_empty()
                    && !analysis.key.base.is_empty()
                    && restates_the_figure_before(&toks[segment.clone()])
                    && let Some(before) = claims[block_claims..]
                        .last()
                        .filter(|c| c.sentence != sentence_key)
                        .filter(|c| c.unit == Unit::Count && c.subject.metric == Metric::Level)
                {
                    let base = analysis.key.base;
                    let terms = before.subject.terms.iter().filter(|&t| !base.contains(t));
                    analysis.key.terms = Terms::from_unsorted(terms.collect());
                    analysis.key.geo = analysis.key.geo.or(before.subject.geo);
                    analysis.key.inherited = true;
                }
                // "The median hourly wage for movers is $18.40, which works
                // out to about $38,270 a year for someone working full
                // time": a sum set equal to the one before it is that sum
                // in other terms, of its subject and its date.
                if q.unit.is_money()
                    && converts_the_figure_before(
                        &toks[segment.start.saturating_sub(1)..q.hedge_first],
                    )
                    && per.is_some()
                    && let Some(before) = claims[block_claims..].last().filter(|c| {
                        c.unit == q.unit
                            && c.subject.metric == analysis.key.metric
                            && c.per.is_some()
                            && c.per != per
                    })
                {
                    analysis.key = before.subject;
                    analysis.key.inherited = true;
                    period = before.period;
                    part = before.part;
                }
                analysis.key.names = words.names(toks, context_len, analysis.key.terms);
                let (low, high) = interval(q, tol.approx_tol, analysis.key.metric);
                let span = toks[q.hedge_first].start..toks[q.last - 1].end;
                // A figure told by the clause after it is quoted with it.
                let context_end = told_after.as_ref().map_or(segment.end, |a| a.end);
                let context = toks[segment.start.max(context_len)].start..toks[context_end - 1].end;
                claims.push(Claim {
                    span,
                    context,
                    value: q.value,
                    low,
                    high,
                    unit: q.unit,
                    per,
                    hedge: q.hedge,
                    form: q.form,
                    from: q.from,
                    mantissa: q.mantissa,
                    scale: q.scale,
                    direction: analysis.direction,
                    period,
                    subject: analysis.key,
                    sentence: sentence_key,
                    forecast,
                    // "There are roughly 950 cideries right now": said to
                    // hold now, a figure is as of its article's date too.
                    as_of: match period {
                        super::Period::Point { weak: true, .. } => publish_month,
                        super::Period::Point { weak: false, .. } if facts.says_now() => {
                            publish_month
                        }
                        _ => None,
                    },
                    part: part.or_else(|| facts.part_of(&period)),
                    placed_by_article: false,
                    abroad: false,
                });
            }
        }
        drop(toks);
        scratch = lowered.into_bytes();
    }
    place_by_article_regions(&mut claims, lexicon);
    if !claims.is_empty() {
        place_by_title(&mut claims, input, lexicon);
    }
    employment_of_the_paid(&mut claims);
    claims.shrink_to_fit();
    claims
}

/// "The BLS counted about 31,000 motorboat mechanics" in an article that
/// gives the motorboat mechanics' pay: a count of the people an article
/// says are paid is their employment, as "held 31,000 jobs" is. Counts of
/// anything the article gives no pay for ("3,500 bowling centers", "28.2
/// million beef cows") stay counts.
fn employment_of_the_paid(claims: &mut [Claim]) {
    let pay = Term::new("pay");
    let job = Term::new("job");
    let paid: Vec<Terms> = claims
        .iter()
        // Named in the clause: "they earn a median of $47,500" says whose
        // pay only through the article's topic ("bowling center").
        .filter(|c| {
            let s = &c.subject;
            c.unit.is_money() && s.terms.contains(pay) && !(s.topical || s.anaphoric || s.inherited)
        })
        .map(|c| c.subject.terms.without(pay))
        .filter(|t| !t.is_empty())
        .collect();
    if paid.is_empty() {
        return;
    }
    for c in claims.iter_mut() {
        let s = &c.subject;
        let a_count = c.unit == Unit::Count
            && s.metric == Metric::Level
            && s.base.is_empty()
            && s.aggregate.is_none()
            && !s.terms.iter().any(|t| is_measure_word(t.as_str()));
        if a_count && paid.contains(&s.terms) {
            c.subject.terms = s.terms.with(job);
        }
    }
}

/// "Cybersecurity Jobs in Texas", "Moving to Austin": a place the title
/// names, that the text also names as a place ("in Austin"), is where the
/// article's figures hold unless a figure names its own region. Two city
/// guides' "the median rent is $1,450" are two cities' rents.
fn place_by_title(claims: &mut [Claim], input: &ProseInput, lexicon: &Lexicon) {
    let Some(title) = input.title.and_then(|r| input.text.get(r.clone())) else {
        return;
    };
    // One pass over the text per name: each place it is written, with the
    // words before it.
    let in_text = |name: &str| {
        input.blocks.iter().any(|b| {
            let block = input.text.get(b.clone()).unwrap_or_default();
            block
                .match_indices(name)
                .any(|(at, _)| follows_place_preposition(&block[..at]))
        })
    };
    let Some(scope) = title_scope(title, &in_text, lexicon) else {
        return;
    };
    // The figures of one clause share their verdict: read each clause once.
    let mut last: Option<(Range<usize>, bool)> = None;
    for c in claims.iter_mut() {
        // The sentence up to the end of the clause and the rest of it, where
        // a source is named ("Nationally, ...", "..., a national poll found").
        let rest = input.text.get(c.context.end..).unwrap_or_default();
        let end = c.context.end + rest.find(['.', '\n']).unwrap_or(rest.len());
        let stretch = c.sentence.min(c.context.start)..end;
        let placed = match &last {
            Some((seen, placed)) if *seen == stretch => *placed,
            _ => {
                let text = input.text.get(stretch.clone()).unwrap_or_default();
                let placed = !says_national(text) && !names_another_place(text, title);
                last = Some((stretch, placed));
                placed
            }
        };
        if placed {
            scope.apply(&mut c.subject);
        }
    }
}

/// The name an "It" opening a sentence stands for: the run of capitalised
/// words the sentence before opens with, when they are a name the lexicon
/// does not know ("DoorDash is far ahead of its rivals. It accounted for
/// 62% of ..."; "Citizens Property Insurance grew fast. It reached ...").
/// Not "The", "In" or another word that opens sentences, and not a name
/// followed by another capitalised word's "of" ("Bank of America").
fn antecedent_of_it(
    raw: &str,
    blanks: &[Range<usize>],
    sentence_start: usize,
    lexicon: &Lexicon,
) -> Vec<Term> {
    // The sentence before: walk the block's sentences, abbreviations and
    // all ("U.S."), to the one that ends where this one starts.
    let bytes = raw.as_bytes();
    let mut start = 0;
    loop {
        let end = sentence_end_after(bytes, blanks, start);
        let next = end + raw[end..].len() - raw[end..].trim_start().len();
        if next >= sentence_start || end >= raw.len() {
            break;
        }
        start = next;
    }
    let all = tokenize(raw, start..sentence_start.max(start), 0);
    // "On that front, DoorDash is far ahead.": past an introduction.
    let intro = all
        .iter()
        .take(6)
        .position(|t| t.is_symbol(','))
        .filter(|_| all.first().is_some_and(|t| is_sentence_opener(t.word())))
        .map_or(0, |comma| comma + 1);
    let toks = &all[intro..];
    let run = toks
        .iter()
        .take_while(|t| t.kind == TokenKind::Word && t.capitalized)
        .count();
    let next = toks.get(run);
    if run == 0
        || run > 4
        || !next.is_some_and(|t| t.kind == TokenKind::Word && !t.capitalized && t.word() != "of")
        || is_sentence_opener(toks[0].word())
    {
        return Vec::new();
    }
    // A word capitalised only because it opens the sentence ("Ground-source
    // systems fall under ...") is no name: one word must be written as a
    // name inside ("DoorDash") or the run be longer than one word.
    let named =
        run > 1 || toks[0].acronym || raw.get(toks[0].start..toks[0].end).is_some_and(mixed_case);
    if !named {
        return Vec::new();
    }
    let terms: Vec<Term> = toks[..run]
        .iter()
        .map(|t| normalise_word(&t.lower))
        .filter(|w| lexicon.entry(w).is_none())
        .map(|w| Term::new(&w))
        .collect();
    if terms.len() == run {
        terms
    } else {
        Vec::new()
    }
}

/// What the figure of the sentence just before `at` was of, for an "it"
/// that stands for it: "The US body piercing services market was worth
/// about $940 million in 2023. It is expected to grow about 4.5% a year".
/// Only a level (a size, a count, a price) told in the one sentence right
/// before, with a subject of its own; a sum of sales is its market's, which
/// is what grows. Returns the subject words and the place.
fn subject_of_the_sentence_before(
    block_claims: &[Claim],
    text: &str,
    at: usize,
) -> Option<(Vec<Term>, Option<Term>)> {
    let before = block_claims.last()?;
    let s = &before.subject;
    if s.metric != Metric::Level || s.anaphoric || s.inherited || s.topical || !s.base.is_empty() {
        return None;
    }
    // Nothing but the end of that sentence between its figure's clause and
    // this one.
    let gap = text.get(before.context.end..at)?;
    let ends = gap.chars().filter(|c| matches!(c, '.' | '!' | '?')).count();
    if ends != 1 || !gap.trim_end().ends_with(['.', '!', '?']) {
        return None;
    }
    let sale = Term::new("sale");
    let market = Term::new("market");
    let terms = s
        .terms
        .iter()
        .map(|t| {
            if t == sale && before.unit.is_money() {
                market
            } else {
                t
            }
        })
        .collect();
    Some((terms, s.geo))
}

/// Is `word` written with a capital after its first letter ("DoorDash",
/// "iPhone")?
fn mixed_case(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

word_set!(
    /// Capitalised words that open sentences without naming anything.
    is_sentence_opener: [
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "but", "and", "or",
    "however", "it", "its", "they", "their", "we", "our", "as", "by", "with", "from", "after",
    "before", "when", "while", "since", "according", "still", "yet", "so", "then", "also", "today",
    "here", "there", "most", "many", "some", "all", "each", "every", "one", "both", "if", "what",
]
);

/// The years a paragraph names, sentence by sentence, for "that year" in
/// a later sentence: it means the paragraph's year only when the paragraph
/// named one ("At the end of 2024 ... double the 341 million of 2019 ...
/// $30 billion that year" does not say which).
#[derive(Default)]
struct ToldYears {
    /// The one year named so far; `None` before any.
    year: Option<i32>,
    /// More than one year was named.
    several: bool,
}

impl ToldYears {
    /// Notes the years of one sentence's tokens.
    fn add(&mut self, toks: &[Token<'_>]) {
        for y in toks.iter().filter_map(year_of) {
            match self.year {
                None => self.year = Some(y),
                Some(x) if x != y => self.several = true,
                Some(_) => {}
            }
        }
    }

    /// The year "that year" means, when the paragraph named one.
    fn year(&self) -> Option<i32> {
        self.year.filter(|_| !self.several)
    }
}

/// A word of a date written alone: a year, a month, a day, a quarter
/// ("Q4", "fiscal", "FY2024"), or a comma.
fn is_date_word(t: &Token<'_>) -> bool {
    let w = t.word();
    year_of(t).is_some()
        || t.is_symbol(',')
        || (t.kind == TokenKind::Number
            && t.lower.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)))
        || month_number(w).is_some()
        || coded_part(w).is_some()
        || matches!(w, "fiscal" | "fy" | "year")
}

/// Does a clause point back to a place it does not name: "there" (not
/// the "there" of "there were"), "in the city", "the state's"?
fn points_to_a_place(toks: &[Token<'_>]) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    (0..toks.len()).any(|k| match word(k) {
        "there" => {
            let verb = word(k + 1);
            !is_auxiliary(verb)
                && !is_existential_verb(verb)
                && !matches!(
                    word(k.wrapping_sub(1)),
                    "over" | "out" | "up" | "down" | "from"
                )
        }
        "statewide" | "citywide" | "countywide" => true,
        "the" | "that" | "this" => {
            let place = matches!(
                word(k + 1),
                "city" | "state" | "county" | "province" | "region"
            );
            let before = matches!(
                word(k.wrapping_sub(1)),
                "in" | "across" | "throughout" | "within"
            );
            let possessive = toks
                .get(k + 2)
                .is_some_and(|t| t.lower == "'s" || t.lower == "’s")
                || matches!(word(k + 1), "city's" | "state's" | "county's" | "region's");
            (place && before) || possessive
        }
        _ => false,
    })
}

word_set!(
    /// Verbs that stand for "be" after an existential "there" ("there
    /// remain", "there seem to be"), besides the auxiliaries.
    is_existential_verb: [
    "being", "remain", "remains", "remained", "exist", "exists", "existed", "seem", "seems",
    "seemed", "appear", "appears", "appeared", "'s", "’s",
]
);

/// "according to a national poll", "Nationally,", "nationwide": the
/// country's figure, not the title's place.
fn says_national(sentence: &str) -> bool {
    sentence.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
        ["national", "nationally", "nationwide", "countrywide"]
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n))
    })
}

/// Does `before` end with a preposition of place ("in ", "across the ")?
fn follows_place_preposition(before: &str) -> bool {
    let before = before.strip_suffix(' ').unwrap_or(before);
    let before = before.strip_suffix(" the").unwrap_or(before);
    let word = before.rsplit(' ').next().unwrap_or_default();
    is_place_preposition(&word.to_ascii_lowercase())
}

/// Does `sentence` name a place the title does not ("in Colorado", "across
/// New England" in an article on Texas)? Then its figure is that place's.
fn names_another_place(sentence: &str, title: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.windows(2).any(|pair| {
        let name = pair[1]
            .split(|ch: char| !ch.is_alphabetic())
            .next()
            .unwrap_or_default();
        is_place_preposition(&pair[0].to_ascii_lowercase())
            && name.len() >= 3
            && name.starts_with(|ch: char| ch.is_uppercase())
            && super::period::month_number(&name.to_lowercase()).is_none()
            && !title.contains(name)
    })
}

/// The longest stretch of text read as one sentence, in bytes: far beyond
/// any sentence a reader takes in at once (a long one is 300), so that a
/// figure's subject and dates are looked for near it, and a paragraph with
/// no full stop (a generated list, a pasted table) costs time in proportion
/// to its length, not its square (issue 13).
const MAX_SENTENCE_BYTES: usize = 2_000;

/// A sentence that is only a figure, perhaps numbered and in bold
/// ("**4. 1.4%.**", "$7.3 billion."): the heading of a "by the numbers"
/// item, whose next sentence says what it counts.
fn is_headline(lower: &[u8]) -> bool {
    static HEADLINE: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(
            r"^(?:\d{1,2}[.)]\s*)?[$£€]?\d[\d,]*(?:\.\d+)?\s*(?:%|k|bn|percent|per cent|million|billion|trillion)?[.!]$",
        )
        .expect("static regex")
    });
    // Most sentences are longer than any headline.
    if lower.len() > 48 {
        return false;
    }
    let kept: Vec<u8> = lower
        .iter()
        .copied()
        .filter(|b| !matches!(b, b'*' | b'_'))
        .collect();
    HEADLINE.is_match(kept.trim_ascii())
}

/// Joins each run of [`is_headline`] sentences of a block with the
/// sentence after it, in `sents` (block offsets, in order). Returns where
/// the last headline of each join ends (its full stop), to be read as a
/// colon.
fn join_headlines(
    raw: &str,
    lower: &[u8],
    blanks: &[Range<usize>],
    sents: &mut Vec<Range<usize>>,
) -> Vec<usize> {
    let mut stops = Vec::new();
    let mut i = 0;
    while i < sents.len() {
        if !is_headline(&lower[sents[i].clone()]) {
            i += 1;
            continue;
        }
        let mut last = i;
        while sents.get(last + 1).is_some_and(|s| {
            raw[sents[last].end..s.start].trim().is_empty() && is_headline(&lower[s.clone()])
        }) {
            last += 1;
        }
        let from = sents[last].end;
        let end = sentence_end_after(raw.as_bytes(), blanks, from);
        let told = raw[from..end].bytes().any(|b| b.is_ascii_alphabetic());
        let stop = raw[sents[last].clone()]
            .rfind(['.', '!'])
            .map(|k| sents[last].start + k);
        if let (true, Some(stop)) = (told, stop) {
            let joined = sents[i].start..end;
            let past = sents[i..].iter().take_while(|s| s.start < end).count();
            sents.splice(i..i + past, std::iter::once(joined));
            stops.push(stop);
        }
        i += 1;
    }
    stops
}

/// Cuts each sentence of `sents` (ranges of `raw`) longer than
/// [`MAX_SENTENCE_BYTES`] at spaces into pieces no longer than that (a
/// piece without a space is cut at a character boundary).
fn cut_long_sentences(raw: &str, sents: &mut Vec<Range<usize>>) {
    if sents.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES) {
        return;
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(sents.len() + 1);
    for s in sents.drain(..) {
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE_BYTES {
            let limit = start + MAX_SENTENCE_BYTES;
            let cut = bytes[start + 1..limit]
                .iter()
                .rposition(|&b| b == b' ')
                .map(|i| start + 1 + i)
                .unwrap_or_else(|| {
                    (start + 1..=limit)
                        .rev()
                        .find(|&i| raw.is_char_boundary(i))
                        .unwrap_or(limit)
                });
            out.push(start..cut);
            start = cut;
        }
        out.push(start..s.end);
    }
    *sents = out;
}

/// Places the figures that name no region by the regions the article's
/// other figures name, in one look at them:
///
/// - When they name the United States and no other region, a dollar figure
///   is a US figure: "the average salary is $105,000" in a guide that speaks
///   of US salaries is a US salary. An article that names no place, or
///   several, leaves such figures without one (a global market size is in
///   dollars too).
/// - When they name other countries, or count in pounds or euros, and never
///   the US ("In Canada, ...", "£1,200 a month"), every unplaced figure is
///   [`Claim::abroad`]: the comparison reads an unplaced figure as a US one,
///   which these are not. A figure of the whole world says nothing of where
///   the others are. Dollars stay at home when the countries named count
///   in pounds or euros and never in dollars (a US guide with a UK aside).
fn place_by_article_regions(claims: &mut [Claim], lexicon: &Lexicon) {
    let Some(home) = lexicon.home_of(Unit::Usd) else {
        return;
    };
    let world = Term::new("WORLD");
    let (mut named_home, mut named_world, mut named_other) = (false, false, false);
    for g in claims.iter().filter_map(|c| c.subject.geo) {
        if g == home {
            named_home = true;
        } else if g == world {
            named_world = true;
        } else {
            named_other = true;
        }
    }
    if named_home && !named_world && !named_other {
        for c in claims.iter_mut() {
            if c.unit == Unit::Usd && c.subject.geo.is_none() {
                c.subject.geo = Some(home);
                c.placed_by_article = true;
            }
        }
        return;
    }
    // Pounds and euros tell of another country as well as its name does.
    let foreign_money = || {
        claims
            .iter()
            .any(|c| matches!(c.unit, Unit::Gbp | Unit::Eur))
    };
    if named_home || !(named_other || foreign_money()) {
        return;
    }
    // "The average repair order was $568 ... British drivers pay £78 an
    // hour": when the other countries named count in their own money, the
    // dollars are the home country's. A country named with dollars
    // ("In Canada, the average premium is $1,900") writes its own in "$".
    let dollars_abroad = claims
        .iter()
        .any(|c| c.unit == Unit::Usd && c.subject.geo.is_some_and(|g| g != home && g != world));
    let home_dollars = named_other && !dollars_abroad && foreign_money();
    // So are the other figures of a sentence that counts in such dollars
    // ("$568 in 2024, up 4.8% from 2023").
    let home_sentences: Vec<usize> = if home_dollars {
        claims
            .iter()
            .filter(|c| c.unit == Unit::Usd && c.subject.geo.is_none())
            .map(|c| c.sentence)
            .collect()
    } else {
        Vec::new()
    };
    for c in claims.iter_mut().filter(|c| c.subject.geo.is_none()) {
        let home = home_dollars && (c.unit == Unit::Usd || home_sentences.contains(&c.sentence));
        if !home {
            c.abroad = true;
        }
    }
}

/// Extracts the claims of a text that is prose from end to end (a sentence
/// of a facts file, a test snippet): no markup, nothing masked.
pub fn extract_prose(
    text: &str,
    publish_date: Option<chrono::NaiveDate>,
    lexicon: &Lexicon,
) -> Vec<Claim> {
    let whole = 0..text.len();
    let mut input = ProseInput {
        text,
        blocks: std::slice::from_ref(&whole),
        masked: &[],
        publish_date,
        topic: &[],
        title: None,
    };
    // A snippet's own front matter, if any, is its topic: the snippet and
    // its topic lines, one after the other.
    let topic_text = snippet_topic_text(text);
    if topic_text.is_empty() {
        return extract(&input, lexicon);
    }
    let joined = format!("{text}\n{topic_text}");
    let topic = text.len() + 1..joined.len();
    input.text = &joined;
    input.topic = std::slice::from_ref(&topic);
    extract(&input, lexicon)
}

/// The start of the line holding `offset` when that line is a Markdown
/// table row (it starts with `|`): every cell of a row shares one key.
fn table_row_start(text: &str, offset: usize) -> Option<usize> {
    let start = text.get(..offset)?.rfind('\n').map_or(0, |n| n + 1);
    text[start..]
        .trim_start_matches([' ', '\t'])
        .starts_with('|')
        .then_some(start)
}

/// The words of a table header or row label, read as context of a cell:
/// its punctuation would cut the cell's clause, but a dash between two
/// numbers is a range ("Job growth, 2023-2033" is a span of years, not
/// two years).
fn context_words(toks: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let number = |t: Option<&Token<'_>>| t.is_some_and(|t| t.kind == TokenKind::Number);
    (0..toks.len())
        .filter(|&i| {
            toks[i].kind != TokenKind::Symbol
                || (is_dash(&toks[i])
                    && number(i.checked_sub(1).and_then(|p| toks.get(p)))
                    && number(toks.get(i + 1)))
        })
        .map(|i| toks[i].clone())
        .collect()
}

/// The first line of the table whose row starts at `line`: the walk up
/// over its rows stops at `known`, an earlier row with its table's first
/// line, so that a long table costs time in proportion to its length.
fn table_start(text: &str, line: usize, known: Option<(usize, usize)>) -> usize {
    let mut first = line;
    while first > 0 {
        if let Some((row, its_first)) = known
            && row == first
        {
            return its_first;
        }
        let prev = text[..first - 1].rfind('\n').map_or(0, |n| n + 1);
        if !text[prev..first - 1].trim_start().starts_with('|') {
            break;
        }
        first = prev;
    }
    first
}

/// The column header and the row label of the table cell at `offset`,
/// whose row starts at `line` in the table starting at `first`, as ranges
/// of `text`: none for a cell of the header row or of the label column, or
/// a table without a header row (the line after the header is the `|---|`
/// separator).
fn table_context(text: &str, first: usize, line: usize, offset: usize) -> Vec<Range<usize>> {
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |n| at + n);
    let header_end = line_end(first);
    let separator = text.get(header_end + 1..line_end((header_end + 1).min(text.len())));
    let is_separator = separator.is_some_and(|l| {
        let l = l.trim();
        l.starts_with('|') && l.contains('-') && l.bytes().all(|b| b"|-: \t".contains(&b))
    });
    if first == line || !is_separator {
        return Vec::new();
    }
    // Cell ranges of a row: between unescaped pipes.
    let cells = |start: usize, end: usize| -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let pipes: Vec<usize> = (start..end)
            .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
            .collect();
        pipes.windows(2).map(|w| w[0] + 1..w[1]).collect()
    };
    let row = cells(line, line_end(line));
    let Some(column) = row.iter().position(|c| c.contains(&offset)) else {
        return Vec::new();
    };
    if column == 0 {
        return Vec::new();
    }
    let header = cells(first, header_end);
    // The row's label is its first cell, and every short cell of words
    // before the figure's: "| 1 | California | $101,084 |" under "| Rank |
    // State | Average salary |" is California's salary, not rank 1's. A
    // cell that describes at length is no label.
    let words_only = |c: &Range<usize>| {
        let cell = &text[c.clone()];
        cell.chars().any(char::is_alphabetic)
            && !cell.chars().any(|ch| ch.is_ascii_digit())
            && cell.split_whitespace().nth(4).is_none()
    };
    let labels = row[1..column].iter().filter(|c| words_only(c));
    // A cell of the row that is only a date dates the row: "| Average
    // 401(k) balance | $118,400 | Q4 2024 |".
    let dates = row
        .iter()
        .enumerate()
        .filter(|&(i, c)| i != 0 && i != column && is_date_cell(&text[c.clone()]))
        .map(|(_, c)| c);
    header
        .get(column)
        .into_iter()
        .chain(row.first())
        .chain(labels)
        .chain(dates)
        .cloned()
        .collect()
}

/// The index of the segment a sentence starts again from: the one after
/// its last colon among `before` (segments end at colons), or 0.
fn restart_after_colon(toks: &[Token<'_>], before: &[Range<usize>]) -> usize {
    before
        .iter()
        .rposition(|s| s.start > 0 && toks[s.start - 1].is_symbol(':'))
        .unwrap_or(0)
}

/// Is a clause an introduction or an aside: short, and holding none of
/// the sentence's `figures` ("In 2024,", "Worldwide,", "one way,")?
fn is_bare_clause(s: &Range<usize>, figures: &[Range<usize>]) -> bool {
    s.len() <= 8 && !figures.iter().any(|r| s.contains(&r.start))
}

/// Are `rest`, the clauses between an introduction and a figure's clause,
/// the other items of a list the introduction opens ("Across newspapers,
/// broadcast, cable and digital outlets, newsroom employment fell 26%")?
/// Short clauses without a figure, the last joined by "and" or "or": the
/// introduction's noun is then one of several, not whose figure it is.
fn opens_a_list(toks: &[Token<'_>], rest: &[Range<usize>], figures: &[Range<usize>]) -> bool {
    rest.last().is_some_and(|last| {
        toks[last.clone()]
            .iter()
            .any(|t| matches!(t.word(), "and" | "or"))
    }) && rest
        .iter()
        .all(|s| s.len() <= 5 && is_bare_clause(s, figures))
}

/// `facts` of a figure's clause completed by the clauses around it in
/// its sentence: the dates of the introductions, nearest first, when only
/// introductions come before the clause ("- **Cost**: As of December
/// 2024, the average ..."), else of its first one ("In 2024, ..."), and
/// the frequency of one that opens with "each" or "every" ("Each year,
/// ..."); then a date set off after the clause ("spent 29.5 minutes
/// getting to work, one way, in 2023, per the Census"). Its own dates
/// come first.
/// The most tokens an opening phrase of time or source may have
/// ([`with_neighbours`]).
const LONG_INTRO: usize = 14;

/// The most tokens an opening phrase naming a source ("According to ...",
/// "Per ...") may have ([`with_neighbours`]).
const LONG_SOURCE_INTRO: usize = 24;

fn with_neighbours(
    mut facts: TimeFacts,
    toks: &[Token<'_>],
    segs: &[Range<usize>],
    seg_index: usize,
    figures: &[Range<usize>],
) -> TimeFacts {
    // "since 2019, when the average family spent $693": a clause opened by
    // "when" right after a date is that date's.
    if toks[segs[seg_index].start].word() == "when"
        && let Some(date) = seg_index
            .checked_sub(1)
            .and_then(|p| trailing_date(toks, &segs[p]))
    {
        facts = facts.or(scan(&toks[date]));
    }
    // "662 million loans in 2023, per the consortium, a 19% jump from the
    // year before": the jump is 2023's, the year of the nearest clause
    // before that names one.
    if facts.wants_sentence_year()
        && let Some(year) = segs[..seg_index]
            .iter()
            .rev()
            .find_map(|s| scan(&toks[s.clone()]).year_only())
    {
        facts = facts.ending(year);
    }
    // "In the National Endowment for the Arts' 2022 survey, ...",
    // "According to the BLS Occupational Employment and Wage Statistics
    // survey for May 2023, ...": an opening phrase of time or source dates
    // what follows however long the name in it, and a source's name may be
    // longer than any phrase of time ("According to the Bureau of Labor
    // Statistics (BLS) Occupational Employment and Wage Statistics release
    // for May 2023, ...").
    let bare = |s: &Range<usize>| {
        let longest = match toks[s.start].word() {
            "according" | "per" => LONG_SOURCE_INTRO,
            "in" | "during" | "as" | "by" | "for" => LONG_INTRO,
            _ => 0,
        };
        is_bare_clause(s, figures)
            || (s.start == 0 && s.len() <= longest && !figures.iter().any(|r| s.contains(&r.start)))
    };
    let before = &segs[..seg_index];
    if before.iter().all(bare) {
        for s in before.iter().rev() {
            let said = scan(&toks[s.clone()]);
            facts = facts.or(said);
            if matches!(toks[s.start].word(), "each" | "every") {
                facts = facts.rate_or(said);
            }
        }
    } else if let Some(intro) = before.first().filter(|s| bare(s)) {
        facts = facts.or(scan(&toks[intro.clone()]));
    }
    for s in segs[seg_index + 1..].iter().take_while(|s| bare(s)) {
        // "in 2023", or a date alone in brackets: "$132,270 (May 2023)",
        // not "(up from 44% in 2016)".
        let bracketed = s.start > 0
            && toks[s.start - 1].is_symbol('(')
            && toks[s.clone()].iter().all(is_date_word);
        // "..., according to federal wage data for May 2024": the date of
        // the source named after the figure is the figure's.
        if matches!(toks[s.start].word(), "in" | "during" | "as")
            || bracketed
            || names_a_source(toks, s)
        {
            return facts.or(scan(&toks[s.clone()]));
        }
    }
    facts
}

/// Do the words before a sum set it equal to a sum given before ("which
/// works out to about", "equal to a median hourly wage of", "or the
/// equivalent of", ", or about")? The phrase stands within a few words of
/// the figure; the caller checks that the two sums are paid per different
/// spans of time.
fn converts_the_figure_before(before: &[Token<'_>]) -> bool {
    let n = before.len();
    (n.saturating_sub(8)..n).any(|k| {
        let w = before[k].word();
        let prev = |back: usize| k.checked_sub(back).map_or("", |p| before[p].word());
        // "$49,860 a year, or about $23.97 an hour".
        (w == "or"
            && k > 0
            && before[k - 1].is_symbol(',')
            && before[k + 1..].iter().all(|t| is_figure_hedge(t.word())))
            || (w == "to"
                && prev(1) == "out"
                && matches!(prev(2), "works" | "worked" | "work" | "working"))
            || (w == "to"
                && matches!(
                    prev(1),
                    "equal" | "equivalent" | "translates" | "translating"
                ))
            || (w == "equivalent" && prev(1) == "the")
    })
}

/// Does `segment` open a relative clause set off by commas ("zookeepers,
/// who do similar work with land animals, earned a median of $37,600")?
/// Before a clause that opens with a verb ([`opens_with_a_verb`]), it
/// describes the noun before it, whose verb that is. Not a clause about
/// the whole sentence before ("..., which means that average revenue
/// slipped, to $55").
fn opens_a_relative_aside(toks: &[Token<'_>], segment: &Range<usize>) -> bool {
    matches!(
        toks[segment.start].word(),
        "who" | "which" | "whose" | "where" | "meaning"
    )
}

/// Is `segment` a noun phrase set off by commas that renames the noun
/// before it ("Beef cows, the mothers of every future steak, numbered 31.2
/// million")? Like a relative clause, it describes that noun, whose verb
/// comes after it. It opens with an article, holds no figure and no verb.
fn is_appositive(toks: &[Token<'_>], segment: &Range<usize>, figures: &[Range<usize>]) -> bool {
    let words = &toks[segment.clone()];
    let after_comma = segment.start > 0 && toks[segment.start - 1].is_symbol(',');
    // "an entry-level role that requires no degree": a relative clause
    // inside the noun phrase has its own verb.
    let head = words
        .iter()
        .position(|t| matches!(t.word(), "that" | "who" | "which"))
        .unwrap_or(words.len());
    after_comma
        && matches!(words.first().map(|t| t.word()), Some("the" | "a" | "an"))
        && words.len() <= 10
        && head > 1
        && !figures.iter().any(|f| segment.contains(&f.start))
        && !words[..head]
            .iter()
            .any(|t| is_finite_verb(t.word()) || is_reporting_verb(t.word()))
}

/// Is segment `p` part of a list that an "including" or "such as" opens
/// after a noun ("Pet services, including grooming, boarding, training,
/// pet sitting and walking, accounted for ...")? The list names examples
/// of the noun, not whose figure the clause after it gives. Its segments
/// are short, with no figure and no verb.
fn in_a_listing(
    toks: &[Token<'_>],
    segs: &[Range<usize>],
    p: usize,
    figures: &[Range<usize>],
) -> bool {
    let plain = |q: usize| {
        let s = &segs[q];
        s.len() <= 4
            && !figures.iter().any(|f| s.contains(&f.start))
            && !toks[s.clone()].iter().any(|t| is_finite_verb(t.word()))
    };
    let opens = |q: usize| {
        let s = &segs[q];
        let first = toks[s.start].word();
        q > 0
            && toks[s.start - 1].is_symbol(',')
            && (matches!(first, "including" | "excluding")
                || (first == "such" && toks.get(s.start + 1).is_some_and(|t| t.word() == "as")))
            && !figures.iter().any(|f| s.contains(&f.start))
    };
    let mut q = p;
    loop {
        if opens(q) {
            return true;
        }
        if q == 0 || !plain(q) {
            return false;
        }
        q -= 1;
    }
}

/// Can `segment` be the predicate of the noun before an appositive
/// ("Physical therapy aides, an entry-level role, earn far less")? After
/// a noun and its appositive comes the noun's verb, unless the clause
/// opens with a word that starts something else (a preposition, an
/// article, a conjunction, a name).
fn opens_a_predicate(toks: &[Token<'_>], segment: &Range<usize>) -> bool {
    let t = &toks[segment.start];
    let w = t.word();
    t.kind == TokenKind::Word
        && !t.capitalized
        && !is_preposition(w)
        && !is_determiner(w)
        && !matches!(
            w,
            "and"
                | "or"
                | "but"
                | "as"
                | "to"
                | "an"
                | "which"
                | "who"
                | "that"
                | "while"
                | "according"
                | "including"
        )
        && !is_reporting_verb(w)
}

/// Does `segment` open with a verb that goes on from a noun before it
/// ("earned a median of ...", "had a median wage of ...")? Not a verb of
/// saying: "Firm X, which tracks cases, says 25% of victims paid" names a
/// source.
fn opens_with_a_verb(toks: &[Token<'_>], segment: &Range<usize>) -> bool {
    let verb = toks[segment.start].word();
    !is_reporting_verb(verb) && (is_finite_verb(verb) || ends_in_plural_s(verb))
}

/// Is `w` an auxiliary or a verb in the past ("was", "had", "earned",
/// "grew")?
fn is_finite_verb(w: &str) -> bool {
    is_auxiliary(w) || is_irregular_past(w) || is_ed_form(w)
}

/// Is `segment` a connective set off by commas ("for example", "in
/// contrast", "however")? It links the clauses around it and names
/// nothing: "Transit bus drivers, for example, had a median wage of ..."
/// is the drivers'.
fn is_connective(toks: &[Token<'_>], segment: &Range<usize>) -> bool {
    let words = &toks[segment.clone()];
    match words {
        [one] => is_connective_adverb(one.word()),
        [first, .., last] if words.len() <= 3 => {
            matches!(first.word(), "for" | "in" | "by" | "on" | "as")
                && is_linking_noun(last.word())
        }
        _ => false,
    }
}

word_set!(
    /// Adverbs that link a clause to the one before: "however", "meanwhile".
    is_connective_adverb: [
    "however", "meanwhile", "instead", "though", "also", "too", "still", "likewise", "similarly",
    "nevertheless", "nonetheless", "moreover", "furthermore", "besides", "overall", "notably",
]
);

/// Does `segment` only say where a figure comes from: "according to
/// Freddie Mac", "per the trade group", "per a 2024 survey"?
fn names_a_source(toks: &[Token<'_>], segment: &Range<usize>) -> bool {
    match toks[segment.start].word() {
        "according" => true,
        // "..., based on 2024 revenue": what the figure was worked out from.
        "based" => is_based_on(toks, segment.start),
        "per" => toks
            .get(segment.start + 1)
            .is_some_and(|t| matches!(t.word(), "the" | "a" | "an") || t.capitalized),
        _ => false,
    }
}

/// Does "based on" (or "upon") open at `k`: what a figure was worked out
/// from, its source?
fn is_based_on(toks: &[Token<'_>], k: usize) -> bool {
    toks[k].word() == "based"
        && toks
            .get(k + 1)
            .is_some_and(|t| matches!(t.word(), "on" | "upon"))
}

/// The clause that tells what a figure standing alone at the head of its
/// sentence is ("$7.3 billion: what airlines collected", "4. 1.4% — the
/// share of flights cancelled"): the segment after the figure's colon or
/// dash, when the figure's segment holds nothing but the figure and only a
/// list number comes before it.
fn told_after(
    toks: &[Token<'_>],
    segs: &[Range<usize>],
    seg_index: usize,
    q: &Quantity,
) -> Option<Range<usize>> {
    // A price band ("Under $1,000: hub motors", "$1,000 to $2,500: the
    // sweet spot") sorts what follows; it states no figure of it.
    if q.form != Form::Point || !matches!(q.hedge, Hedge::Exact | Hedge::Approximate) {
        return None;
    }
    let own = &segs[seg_index];
    let alone = own.start >= q.hedge_first && own.end <= q.last;
    let numbered = segs[..seg_index]
        .iter()
        .all(|s| s.len() == 1 && toks[s.start].kind == TokenKind::Number);
    let stop = toks.get(own.end)?;
    let opens = stop.is_symbol(':') || is_dash(stop);
    let after = segs.get(seg_index + 1)?;
    if !(alone && numbered && opens && after.start == own.end + 1) {
        return None;
    }
    // "904 million: that is how many passengers ...": the pointing words
    // and their verb say nothing of what was counted.
    let points = matches!(toks[after.start].word(), "that" | "this" | "it")
        && toks
            .get(after.start + 1)
            .is_some_and(|t| matches!(t.word(), "is" | "was" | "'s"));
    let start = if points { after.start + 2 } else { after.start };
    (start < after.end).then_some(start..after.end)
}

/// How many words may stand between a list item's colon and its value
/// ("about", "now about", "typically") for the label to say what the value
/// counts.
const LABELLED_REACH: usize = 3;

/// The label of a "Label: value" list item whose value opens segment
/// `seg_index`: every segment before it, when a colon ends the last of
/// them and no other colon comes earlier.
fn item_label(toks: &[Token<'_>], segs: &[Range<usize>], seg_index: usize) -> Option<Range<usize>> {
    let last = segs[..seg_index].last()?;
    let first = segs.first()?;
    // "Ferry boardings (2023):": the label's bracket may close before the colon.
    let colon = (last.end..segs[seg_index].start).find(|&k| !toks[k].is_symbol(')'))?;
    if !toks[colon].is_symbol(':') || toks[..last.end].iter().any(|t| t.is_symbol(':')) {
        return None;
    }
    Some(first.start..colon)
}

/// The label of a list item that opens with a short name and a colon
/// ("**Memory**: sales climbed ..."): its first segment, of one to
/// [`TOPIC_WORDS`] words and no figure, when a colon follows it.
fn item_topic(toks: &[Token<'_>], segs: &[Range<usize>]) -> Option<Range<usize>> {
    let first = segs.first()?.clone();
    let words = &toks[first.clone()];
    (segs.len() >= 2
        && first.start == 0
        && toks.get(first.end).is_some_and(|t| t.is_symbol(':'))
        && (1..=TOPIC_WORDS).contains(&words.len())
        && words.iter().all(|t| t.kind == TokenKind::Word))
    .then_some(first)
}

/// The most words a list item's label may have to name its item's topic.
const TOPIC_WORDS: usize = 4;

/// The date that ends `segment`, without its preposition: "2019" of
/// "climbed since 2019", "March 2020" of "back in March 2020".
fn trailing_date(toks: &[Token<'_>], segment: &Range<usize>) -> Option<Range<usize>> {
    let last = segment.end.checked_sub(1).filter(|&k| k >= segment.start)?;
    year_of(&toks[last])?;
    let month = last > segment.start && month_number(toks[last - 1].word()).is_some();
    Some(if month { last - 1 } else { last }..segment.end)
}

/// Is a table cell only a date: "2023", "Q4 2024", "May 2024", "2023-24"?
/// The label of a list item that is a date alone ("- **2023**: A warm
/// February ...", "**Q3 2024:** ..."), if the item has one.
fn date_label(item: &str) -> Option<&str> {
    let text = item.trim_start();
    let text = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| text.strip_prefix(m))
        .unwrap_or(text);
    let rest = text.trim_start().strip_prefix("**")?;
    let end = rest.find("**")?;
    let inside = rest[..end].trim();
    let colon = inside.ends_with(':') || rest[end + 2..].trim_start().starts_with(':');
    let label = inside.trim_end_matches(':').trim();
    (colon && is_date_cell(label)).then_some(label)
}

fn is_date_cell(cell: &str) -> bool {
    let is_year = |w: &str| {
        let digits = w.split('-').next().unwrap_or("");
        digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(&digits[..2], "19" | "20")
    };
    let words: Vec<String> = cell.split_whitespace().map(str::to_lowercase).collect();
    words.iter().any(|w| is_year(w))
        && words.len() <= 3
        && words.iter().all(|w| {
            is_year(w)
                || w == "fy"
                || super::period::coded_part(w).is_some()
                || super::period::month_number(w).is_some()
        })
}

/// Is the figure at `figure` only supposed, not stated: in a premise ("If
/// a fund returns 7% a year, ...", "Assuming rents rise 3%, ..."), in the
/// clause worked out right after a premise about the reader ("If you sell
/// 300 cones a day, that is $270,000"), or in a sentence that sets up an
/// example ("Suppose ...", "Imagine ...", "Let's say ...")? A writer's
/// example is no claim about the world.
fn supposes(toks: &[Token<'_>], segment: &Range<usize>, figure: usize) -> bool {
    let opens = |k: usize| toks.get(k).map_or("", |t| t.word());
    let sets_up = matches!(
        opens(0),
        "suppose" | "imagine" | "assume" | "hypothetically" | "picture"
    ) || (opens(0) == "let's" && opens(1) == "say")
        || (opens(0) == "say" && !toks.get(1).is_some_and(|t| t.kind == TokenKind::Number));
    // "If the 8.9 million acres that burned in 2023 taught buyers anything":
    // a premise about a figure named with "the" takes the figure as given.
    let presupposed = |k: usize| {
        toks[k].word() == "if"
            && k + 2 == figure
            && matches!(opens(k + 1), "the" | "those" | "these")
    };
    // "If you sell 300 cones a day at $6, that is $270,000": the clause
    // right after a premise about the reader is worked out from the
    // supposition. What the sentence goes on to say after another comma,
    // a colon, "and" or "which" is said ("..., and elevator workers
    // averaged $21.40").
    // A premise ends at its comma; a sentence with none has no such clause.
    let worked = opens(0) == "if"
        && toks
            .iter()
            .position(|t| t.is_symbol(','))
            .is_some_and(|end| {
                figure > end
                    && toks[1..end]
                        .iter()
                        .any(|t| matches!(t.word(), "you" | "your"))
                    && !toks[end + 1..figure].iter().any(|t| {
                        t.kind != TokenKind::Word && !t.is_symbol('$')
                            || matches!(t.word(), "and" | "which")
                    })
            });
    sets_up
        || worked
        || (segment.start..figure.max(segment.start)).any(|k| {
            matches!(
                toks[k].word(),
                "if" | "unless" | "assuming" | "supposing" | "suppose" | "imagine"
            ) && !presupposed(k)
        })
}

/// Does the clause from `at` open with an example amount: "a" or "an",
/// then a figure, then what it is an amount of ("a $6,000 balance", "an 8%
/// rate"), optionally after a preposition ("At a 22.8% APR, ...", "On a
/// $300,000 loan, ...")? Such a clause works through a writer's example,
/// and its figures are no claims about the world. A change told this way
/// ("A 12% increase in sales") is a claim.
fn opens_with_example(toks: &[Token<'_>], clause: &Range<usize>, figures: &[Range<usize>]) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    let mut k = clause.start;
    // Quote marks and list markers before the first word.
    while k < clause.end && toks[k].kind == TokenKind::Symbol {
        k += 1;
    }
    if matches!(word(k), "at" | "on" | "for" | "with") {
        k += 1;
    }
    // "An estimated 260,000 water mains break": a hedge, not an example.
    if !matches!(word(k), "a" | "an") || word(k + 1) == "estimated" {
        return false;
    }
    figures.iter().find(|f| f.start == k + 1).is_some_and(|f| {
        let noun = word(f.end);
        // "a roughly 15% year-over-year increase": the change noun may
        // come a few words on.
        let states_change = (f.end..f.end + 3).any(|k| is_change_noun(word(k)));
        !noun.is_empty() && noun != "of" && !states_change
    })
}

/// Is the figure of segment `seg` told in an opening "At ..." phrase whose
/// sentence goes on with a pronoun ("At about 6.5 million golfers, it is
/// the largest age group")? The figure is then what the pronoun's thing
/// measures, and what that is was said in another sentence: the figure's
/// own noun ("golfers") is not whose figure it is.
fn sizes_a_pronoun(toks: &[Token<'_>], segs: &[Range<usize>], seg: usize, q: &Quantity) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    let Some(clause) = segs.get(seg).filter(|_| seg == 0) else {
        return false;
    };
    let mut k = clause.start;
    while k < clause.end && toks[k].kind == TokenKind::Symbol {
        k += 1;
    }
    word(k) == "at"
        && q.hedge_first <= k + 3
        && segs.get(1).is_some_and(|next| {
            matches!(
                word(next.start),
                "it" | "they" | "this" | "that" | "these" | "those" | "he" | "she"
            )
        })
}

/// How far, in percentage points, a percentage may be from the fraction in
/// words it restates ("one in four, or 26%").
const RESTATED_FRACTION_POINTS: f64 = 5.0;

/// Is figure `i` joined to a neighbouring figure by nothing but "and", "or"
/// and commas ("66% and 53%", "12%, 30%, or 41%")? Not when "or" joins
/// figures of two units, or a fraction and its percentage: "$743 billion,
/// or 14.5% of sales" and "one in four, or 26%" say one thing twice.
fn coordinated(
    toks: &[Token<'_>],
    figures: &[Range<usize>],
    quantities: &[Quantity],
    i: usize,
) -> bool {
    let joins = |a: usize, b: usize| {
        if figures[a].end > figures[b].start {
            return false;
        }
        let gap = &toks[figures[a].end..figures[b].start];
        // "about one in four, or 26%": a fraction in words restated as
        // its percentage.
        let (qa, qb) = (&quantities[a], &quantities[b]);
        let same_share = qa.unit == Unit::Percent
            && qb.unit == Unit::Percent
            && (qa.form == Form::Fraction || qb.form == Form::Fraction)
            && (qa.value - qb.value).abs() <= RESTATED_FRACTION_POINTS;
        // "$56,800, or $27.31 an hour": a sum restated at another frequency.
        let per_other = qa.unit == qb.unit && names_a_frequency(toks, qb.last);
        let restated =
            (qa.unit != qb.unit || same_share || per_other) && gap.iter().any(|t| t.word() == "or");
        !gap.is_empty()
            && gap.len() <= 2
            && gap
                .iter()
                .all(|t| matches!(t.word(), "and" | "or") || t.is_symbol(','))
            && !restated
    };
    let before = i.checked_sub(1).is_some_and(|p| joins(p, i));
    let after = i + 1 < figures.len() && joins(i, i + 1);
    before || after
}

/// Is figure `i` alone in brackets after its label, beside another figure
/// written so ("cost (38%), scheduling (29%) and distance (21%)", "Linux
/// (66%), macOS (53%)")? Each belongs to the words before its brackets,
/// which a clause cannot tell apart: parallel figures, like
/// [`coordinated`] ones.
fn bracketed_in_a_list(toks: &[Token<'_>], figures: &[Range<usize>], i: usize) -> bool {
    let alone = |r: &Range<usize>| in_brackets(toks, r);
    alone(&figures[i]) && figures.iter().enumerate().any(|(j, r)| j != i && alone(r))
}

/// Is the figure at token range `r` alone in brackets: "(38%)"?
fn in_brackets(toks: &[Token<'_>], r: &Range<usize>) -> bool {
    r.start > 0
        && toks[r.start - 1].is_symbol('(')
        && toks.get(r.end).is_some_and(|t| t.is_symbol(')'))
}

/// The lead-in of the list whose first item starts at `first`: the last
/// sentence of the line just before it when that ends with a colon
/// ("Median salaries for registered nurses in 2023:") or the line is a
/// bold line standing as the list's heading ("**Boeing (2024)**"), read
/// for its subject and its dates (or the year of the sentence before). None
/// when there is no such line or it says nothing of a subject.
fn lead_in_of(text: &str, first: usize, lexicon: &Lexicon) -> Option<(LeadIn, TimeFacts)> {
    let before = text.get(..first)?.trim_end();
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    let whole = &before[start..];
    let line = whole.trim_end_matches(['*', '_']);
    if !(ends_in_colon(line) || is_bold_heading(whole))
        || is_list_item(line)
        || line.starts_with('|')
    {
        return None;
    }
    // "The latest release covers May 2023. Here is what it shows for
    // chiropractors:": the lead-in is the paragraph's last sentence, dated
    // by the one before when it names no year itself.
    let bytes = line.as_bytes();
    let (mut from, mut previous) = (0, None);
    loop {
        let end = sentence_end_after(bytes, &[], from);
        let next = end + (line[end..].len() - line[end..].trim_start().len());
        if next >= line.len() {
            break;
        }
        previous = Some(start + from..start + end);
        from = next;
    }
    let start = start + from;
    let line = &line[from..];
    let toks = tokenize(text, start..start + line.len(), 0);
    // A long lead-in is a paragraph that happens to end in a colon.
    if toks.len() > 16 {
        return None;
    }
    // "According to Indeed, here are ...:", "... ranges, according to
    // Indeed:": the source is no subject.
    let start = match toks.first() {
        Some(t) if is_subordinator(t.word()) => toks
            .iter()
            .position(|t| t.is_symbol(','))
            .map_or(toks.len(), |c| c + 1),
        _ => 0,
    };
    // "Here is where the profession stands, based on federal data:" the
    // source is no subject either.
    let end = (start..toks.len())
        .find(|&k| is_subordinator(toks[k].word()) || is_based_on(&toks, k))
        .unwrap_or(toks.len());
    let lead = LeadIn::read(&toks[start..end], lexicon);
    if lead.is_empty() {
        return None;
    }
    let dates = scan(&toks).or_else(|| {
        previous
            .and_then(|r| scan(&tokenize(text, r, 0)).year_only())
            .unwrap_or_default()
    });
    Some((lead, dates))
}

/// Is `line` a short paragraph in bold only ("**Boeing (2024)**"), which
/// writers put above a list as its heading? Every list under such a line
/// is about what it names.
fn is_bold_heading(line: &str) -> bool {
    let line = line.trim();
    let inner = ["**", "__"].iter().find_map(|m| {
        line.strip_prefix(m)
            .and_then(|rest| rest.strip_suffix(m))
            .filter(|inner| !inner.is_empty() && !inner.contains(m))
    });
    inner.is_some_and(|inner| inner.split_whitespace().count() <= 8)
}

/// Does `text` end in a colon, emphasis markup aside ("**Oregon**:",
/// "Median pay in 2024:**")?
fn ends_in_colon(text: &str) -> bool {
    text.trim_end().trim_end_matches(['*', '_']).ends_with(':')
}

/// Is `line` a Markdown list item ("- ", "* ", "+ ", "1. ", "2) ")?
fn is_list_item(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t[digits..];
    if digits > 0 {
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    ["- ", "* ", "+ "].iter().any(|m| rest.starts_with(m))
}

/// The start of the first item of the Markdown list whose item holds
/// `offset`: items of one list ("- Linux: 66%", "- macOS: 53%") are
/// parallel statements, like the cells of a table row. `known` is an
/// earlier item (an offset in it) with its list's first item: reaching that
/// item's line, the walk ends there, so a long list costs time in proportion
/// to its length, not its square.
fn list_start(text: &str, offset: usize, known: Option<(usize, usize)>) -> Option<usize> {
    let mut start = text.get(..offset)?.rfind('\n').map_or(0, |n| n + 1);
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    if !is_list_item(&text[start..end]) {
        return None;
    }
    let mut first = start;
    // Walk back over the list's items, blank lines and indented
    // continuations, to the first item.
    while start > 0 {
        let prev_end = start - 1;
        let prev_start = text[..prev_end].rfind('\n').map_or(0, |n| n + 1);
        let line = &text[prev_start..prev_end];
        if is_list_item(line) {
            if let Some((item, its_first)) = known
                && (prev_start..=prev_end).contains(&item)
            {
                return Some(its_first);
            }
            first = prev_start;
        } else if !(line.trim().is_empty() || line.starts_with([' ', '\t'])) {
            break;
        }
        start = prev_start;
    }
    Some(first)
}

/// Blanks parenthetical asides that hold no digit ("the United States
/// (USA) across all industries", "growth (demand-wise)"): they add nothing
/// to the subject and would cut the clause in two. A parenthesis with a
/// figure ("(up from 4% in 2019)") is a statement of its own and stays,
/// and so does the word of one that names an aggregate alone ("$46,200
/// (median)"), without its brackets.
fn blank_asides(bytes: &mut [u8], lexicon: &Lexicon) {
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k] != b'(' {
            k += 1;
            continue;
        }
        let close = bytes[k + 1..]
            .iter()
            .take(80)
            .position(|&b| matches!(b, b')' | b'(' | b'\n'))
            .map(|n| k + 1 + n);
        // "401(k)": part of a name.
        let name = k > 0 && bytes[k - 1].is_ascii_digit() && is_letter_in_brackets(bytes, k);
        match close {
            // "$46,200 (median)", "the typical (median) household": the
            // word says which figure this is, the brackets go.
            Some(c) if bytes[c] == b')' && names_an_aggregate(&bytes[k + 1..c], lexicon) => {
                bytes[k] = b' ';
                bytes[c] = b' ';
                k = c + 1;
            }
            Some(c) if bytes[c] == b')' && !name && !bytes[k..c].iter().any(u8::is_ascii_digit) => {
                bytes[k..=c].fill(b' ');
                k = c + 1;
            }
            _ => k += 1,
        }
    }
}

/// Is `inside` (a bracket's lowercased text) one word the lexicon reads
/// as an aggregate ("median", "avg.")?
fn names_an_aggregate(inside: &[u8], lexicon: &Lexicon) -> bool {
    let word = std::str::from_utf8(inside)
        .unwrap_or_default()
        .trim()
        .trim_end_matches('.');
    !word.is_empty() && lexicon.aggregate(word).is_some()
}

/// The figure's own stretch, or its whole clause when the stretch is empty.
fn own_or_segment(own: &Range<usize>, segment: &Range<usize>) -> Range<usize> {
    if own.is_empty() {
        segment.clone()
    } else {
        own.clone()
    }
}

word_set!(
    /// Words that put a statement in the future: projections, expectations
    /// and the future tense ("is expected to reach", "will add", "could hit").
    is_future_word: [
    "will", "expected", "expect", "expects", "projected", "projects", "projection", "projections",
    "forecast", "forecasts", "forecasted", "predicted", "predict", "predicts", "prediction",
    "anticipated", "anticipate", "anticipates", "could", "would", "poised", "likely",
]
);

/// Is the clause told in the past tense of "be" or "have" ("was", "were",
/// "had")? Other verbs are not read: a word in "-ed" is as often an
/// adjective ("registered nurses") or a participle ("is expected").
fn says_past(toks: &[Token<'_>]) -> bool {
    toks.iter()
        .any(|t| matches!(t.word(), "was" | "were" | "had"))
}

/// Does the clause speak of the future?
fn says_future(toks: &[Token<'_>]) -> bool {
    toks.iter().any(|t| is_future_word(t.word()))
}

/// Does the period end after the article's date (a projection)? Without a
/// date, a total "by 2030" is taken as a projection.
fn ends_after(period: &super::Period, publish_year: Option<i32>) -> bool {
    use super::Period;
    let end = match *period {
        Period::Until { year, .. } => Some(year),
        Period::Rate { to, .. } => to,
        Period::Point { year, weak: false } => Some(year),
        Period::Span { to, .. } => Some(to),
        _ => None,
    };
    match (end, publish_year) {
        (Some(end), Some(p)) => end > p,
        (Some(_), None) => matches!(period, Period::Until { .. }),
        _ => false,
    }
}

word_set!(
    /// Words that open a trailing subordinate clause ("... by 2030 as rooftop
    /// programs expand"): what follows says why or how, not what was measured.
    is_subordinator: [
    "as", "while", "whereas", "because", "which", "who", "once", "when", "although", "though", "despite", "driven",
    "thanks", "making", "according", "outpacing", "amid", "fuelled", "fueled", "helped", "with", "led",
]
);

/// Cuts a clause segment at the first subordinator after the figure, or at
/// a comparison with something else ("... of $122,060, notably higher than
/// the typical tech salary"): what follows is the yardstick, not the subject.
///
/// After a share ("60% of adults pay with a card", "5% of homes with solar
/// panels", "one in four adults volunteered with a group") or a count's
/// noun ("126,000 kindergartners with an exemption"), "with" completes the
/// base, the noun or the verb: it cuts nothing.
///
/// A "than" inside a figure or bracket ("earn less than $35,000") is the
/// figure's hedge, not a comparison.
fn trim_trailing_clause(
    toks: &[Token<'_>],
    segment: Range<usize>,
    figure: &Quantity,
    in_figure: &[bool],
) -> Range<usize> {
    let after = figure.last;
    let from = after.max(segment.start);
    let share = figure.form == Form::Fraction || toks.get(after).is_some_and(|t| t.word() == "of");
    let mut cut = segment.end;
    for k in from..segment.end {
        let w = toks[k].word();
        // "at least once a week": "once" as an adverb of frequency.
        let frequency = w == "once"
            && (matches!(
                toks.get(k + 1).map(|t| t.word()),
                Some("a" | "an" | "per" | "every")
            ) || (k > 0 && toks[k - 1].word() == "least"));
        // "64% of students who start college finish a degree": a relative
        // clause right after a share's base sorts the base; the clause goes
        // on to what the share says.
        let sorts_base = share && matches!(w, "who" | "that") && k - after <= 5;
        // "452,000 policies in force as of September 2024": a date; "as of
        // the association's 2020 study" names a source, with its date.
        let as_of = w == "as"
            && toks.get(k + 1).is_some_and(|t| t.word() == "of")
            && !toks[k..segment.end]
                .iter()
                .any(|t| is_source_noun(without_possessive(&t.lower)));
        // "126,000 kindergartners with an exemption": "with" right after
        // the counted noun says which of them.
        let counted = figure.unit == Unit::Count && k == after + 1;
        // "11% of households relied on a heat pump as their primary
        // heating system in 2020": "as" with a noun phrase and no verb
        // after it says in what role, and the clause goes on.
        let as_role = w == "as"
            && toks.get(k + 1).is_some_and(|t| {
                matches!(
                    t.word(),
                    "a" | "an" | "the" | "their" | "its" | "his" | "her" | "our"
                )
            })
            && !toks[k + 1..segment.end].iter().any(|t| {
                let v = t.word();
                is_auxiliary(v)
                    || is_up_word(v)
                    || is_down_word(v)
                    || (v.len() >= 4 && v.ends_with("ed") && !v.ends_with("eed"))
            });
        // "8,400 people worked as piano tuners": the role a verb of
        // working names is what the figure counts.
        let as_work = super::subject::is_as_of_a_role(toks, k);
        let goes_on = ((share || counted) && w == "with")
            || frequency
            || sorts_base
            || as_of
            || as_role
            || as_work;
        if is_subordinator(w) && !goes_on {
            cut = k;
            break;
        }
        // "rose 38% in 2024 after poor harvests": once the figure has its
        // date, "after" or "following" tells the cause. Before a date it may
        // qualify the figure ("earn $50,000 after taxes").
        if matches!(w, "after" | "following") && toks[from..k].iter().any(|t| year_of(t).is_some())
        {
            cut = k;
            break;
        }
        if w == "than" && !in_figure[k] {
            // Back over "notably higher", "far more".
            let mut start = k;
            while start > from && is_comparison_word(toks[start - 1].word()) {
                start -= 1;
            }
            cut = start;
            break;
        }
    }
    segment.start..cut
}

/// The "when" clause that ends a figure's clause, or the source it names
/// ("according to", "as of the association's 2020 study"), when it tells
/// the time of that figure: "13% of households were renting a unit when the
/// association last surveyed the market in 2020" held in 2020. Not across
/// another figure: in "13% rent one, up from 9% when the survey began in
/// 2012", 2012 is the 9%'s; nor when the clause has figures of its own.
fn when_clause(
    toks: &[Token<'_>],
    segment: &Range<usize>,
    clause: &Range<usize>,
    figure: &Range<usize>,
    figures: &[Range<usize>],
) -> Option<Range<usize>> {
    let when = clause.end;
    let between = figure.end..segment.end;
    let alone = !figures.iter().any(|r| between.contains(&r.start));
    let dating = toks[when..segment.end]
        .first()
        .is_some_and(|t| matches!(t.word(), "when" | "according" | "as"));
    (dating && alone).then_some(when..segment.end)
}

/// Comparatives and the adverbs that grade them, before "than".
fn is_comparison_word(w: &str) -> bool {
    (w.len() > 4 && (w.ends_with("er") || w.ends_with("ly")))
        || matches!(
            w,
            "more" | "less" | "fewer" | "much" | "far" | "well" | "way" | "even" | "still"
        )
}

/// The part of `segment` that belongs to `figure` when the clause holds
/// several: it ends where the next figure's part begins, at the first "and",
/// "but" or "while" between the two, else at the next figure itself (dates
/// written after a figure are its own).
fn own_stretch(
    toks: &[Token<'_>],
    figures: &[Range<usize>],
    figure: Range<usize>,
    segment: &Range<usize>,
) -> Range<usize> {
    let boundary = |left: usize, right: usize| {
        (left..right)
            .find(|&k| matches!(toks[k].word(), "and" | "but" | "while" | "whereas" | "or"))
            .unwrap_or(right)
    };
    let start = figures
        .iter()
        .filter(|r| r.end <= figure.start && r.end > segment.start)
        .map(|r| r.end)
        .max()
        .map_or(segment.start, |prev_end| boundary(prev_end, figure.start));
    let end = figures
        .iter()
        .filter(|r| r.start >= figure.end && r.start < segment.end)
        .map(|r| r.start)
        .min()
        .map_or(segment.end, |next_start| boundary(figure.end, next_start));
    start..end
}

/// Removes the figures that restate the one before them in brackets
/// ("about three in four (75%) completed", "half of renters (50%)"): the
/// same unit, a value within the first one's hedge, nothing but the
/// brackets around them. Their tokens go too, brackets included, so the
/// pair reads as one claim whose clause runs on past the brackets; the
/// token indices of the figures and brackets after them are shifted.
fn drop_restatements(
    toks: &mut Vec<Token<'_>>,
    quantities: &mut Vec<Quantity>,
    brackets: &mut [super::bracket::Bracket],
) {
    let mut k = 1;
    while k < quantities.len() {
        let (p, q) = (&quantities[k - 1], &quantities[k]);
        // Right after the figure, or after the noun of a fraction in words
        // ("half of all renters (50%)"); never after another clause's
        // words ("China (6%), France (6%)").
        let between = toks.get(p.last..q.hedge_first.saturating_sub(1));
        let adjacent = between.is_some_and(|w| {
            w.is_empty()
                || (p.form == Form::Fraction
                    && w.len() <= MAX_FRACTION_NOUN_WORDS
                    && w.iter().all(|t| t.kind == TokenKind::Word))
        });
        let bracketed =
            (q.hedge_first > p.last && adjacent && in_brackets(toks, &(q.hedge_first..q.last)))
                .then_some(q.last + 1);
        let aside = bracketed.or_else(|| {
            (q.hedge_first > p.last && adjacent)
                .then(|| apposition_end(toks, q))
                .flatten()
        });
        // A fraction in words is a rough figure, and its bracketed
        // percentage the exact one: "just under half (47%)", "nearly a
        // third (31%)".
        let tolerance = if p.form == Form::Fraction {
            FRACTION_RESTATEMENT_TOLERANCE
        } else {
            RESTATEMENT_TOLERANCE
        };
        let (low, high) = interval(p, tolerance, Metric::Level);
        let restates = p.unit == q.unit
            && p.from.is_none()
            && q.from.is_none()
            && (low..=high).contains(&q.value);
        let Some(end) = aside.filter(|_| restates) else {
            k += 1;
            continue;
        };
        let gone = q.hedge_first - 1..end;
        let n = gone.len();
        toks.drain(gone.clone());
        let restated = quantities.remove(k);
        // "Over half (55%) of respondents": the percentage is the figure the
        // fraction rounds; the claim keeps the fraction's words and hedge
        // words but states the percentage.
        let fraction = &mut quantities[k - 1];
        // A hedged percentage too ("seven in ten (about 72%)"): it is still
        // nearer than the fraction.
        if fraction.form == Form::Fraction
            && restated.unit == Unit::Percent
            && restated.form == Form::Point
            && matches!(restated.hedge, Hedge::Exact | Hedge::Approximate)
        {
            fraction.value = restated.value;
            fraction.lo = restated.lo;
            fraction.hi = restated.hi;
            fraction.mantissa = restated.mantissa;
            fraction.rounding = restated.rounding;
            fraction.hedge = restated.hedge;
        }
        // A figure inside the aside's attribution ("by one estimate") goes
        // with it.
        quantities.retain(|r| r.first < gone.start || r.first >= gone.end);
        let shift = |i: &mut usize| {
            if *i >= gone.end {
                *i -= n;
            }
        };
        for q in quantities.iter_mut() {
            shift(&mut q.first);
            shift(&mut q.last);
            shift(&mut q.hedge_first);
        }
        for b in brackets.iter_mut() {
            shift(&mut b.tokens.start);
            shift(&mut b.tokens.end);
        }
    }
}

/// The token index one past an apposition that restates a figure between
/// commas: "one in three adults, 32% by one estimate, have ...", "about a
/// third of workers, 34%, say ...". The figure may carry a short
/// attribution ("by one estimate", "according to the survey", "per the
/// report") and nothing else: another figure or a verb would make it a
/// statement of its own.
fn apposition_end(toks: &[Token<'_>], q: &Quantity) -> Option<usize> {
    if !toks.get(q.hedge_first.checked_sub(1)?)?.is_symbol(',') {
        return None;
    }
    let rest = toks.get(q.last..)?;
    let close = rest
        .iter()
        .take(MAX_ATTRIBUTION_WORDS + 1)
        .position(|t| t.is_symbol(','))?;
    let words = &rest[..close];
    let attributed = words.is_empty()
        || (matches!(words[0].word(), "by" | "according" | "per")
            && words.iter().all(|t| t.kind == TokenKind::Word));
    attributed.then_some(q.last + close + 1)
}

/// The most words of an apposition's attribution: "by one recent estimate".
const MAX_ATTRIBUTION_WORDS: usize = 6;

/// How far a bracketed restatement may round its figure: "one in three
/// (32%)".
const RESTATEMENT_TOLERANCE: f64 = 0.05;

/// How far a bracketed percentage may be from the fraction in words it
/// restates: "just under half (47%)" is written for 45% to 49%.
const FRACTION_RESTATEMENT_TOLERANCE: f64 = 0.1;

/// The most words between a fraction and its restatement: "half of all
/// renter households (50%)", "more than half of all speech therapists in the
/// United States (52%)".
const MAX_FRACTION_NOUN_WORDS: usize = 8;

/// The most an approximate share ("about 60%") can be off, in points.
const SHARE_APPROX_POINTS: f64 = 2.0;

/// The interval a quantity allows once its hedge and rounding are applied.
fn interval(q: &Quantity, approx: f64, metric: Metric) -> (f64, f64) {
    let v = q.value;
    let r = q.rounding;
    let cap = if q.unit == Unit::Percent && metric == Metric::Share {
        100.0
    } else {
        f64::INFINITY
    };
    // Fractions and multipliers written in words are approximate by nature.
    let hedge = match (q.hedge, q.form) {
        (Hedge::Exact, Form::Fraction | Form::Multiplier) => Hedge::Approximate,
        (h, _) => h,
    };
    // "Roughly 78% of flights" is 78% give or take a few points, not
    // anything from 70% to 86%: a share's hedge is in points.
    // "About 65%" was rounded to the nearest 5, "about 740 million" to the
    // nearest 10 million: a round figure's hedge is its rounding, half the
    // step its digits were rounded to (at least 2% and at most 10% of it).
    // "About $123,111" was not rounded: its hedge is `approx` of itself.
    let scaled = q.mantissa * 10f64.powi(q.scale);
    let (digits, step) = rounding_of(q.mantissa);
    let round = (scaled - q.value).abs() <= 1e-9 * q.value.abs().max(1.0) && digits <= 2;
    let step = step * 10f64.powi(q.scale);
    let slack = |x: f64| {
        let slack = if round {
            (step / 2.0).clamp(x * ROUND_APPROX_MIN, x * ROUND_APPROX_MAX)
        } else {
            x * approx
        };
        if q.unit == Unit::Percent && metric == Metric::Share {
            slack.min(SHARE_APPROX_POINTS)
        } else {
            slack
        }
    };
    match hedge {
        Hedge::Exact => (q.lo - r, q.hi + r),
        Hedge::Approximate => (
            (q.lo - slack(q.lo)).min(q.lo - r),
            (q.hi + slack(q.hi)).max(q.hi + r),
        ),
        Hedge::Above | Hedge::AtLeast => (v, cap),
        Hedge::JustOver => (v, (v * (1.0 + approx)).min(cap)),
        Hedge::Nearly => (v * (1.0 - approx), v),
        Hedge::Below | Hedge::UpTo => (0.0, v),
    }
}

/// The least and the most a hedged round figure may be off, relative to it.
const ROUND_APPROX_MIN: f64 = 0.02;
const ROUND_APPROX_MAX: f64 = 0.1;

/// How a written number looks rounded: its significant digits, and the
/// step it was rounded to, the place of its last digit that is not zero,
/// or five of that place when the digit is 5 (740 -> 2 digits, step 10;
/// 65 -> 2, 5; 2.4 -> 2, 0.1; 8,700 -> 2, 100; 123,111 -> 6, 1). Up to
/// three decimals, as numbers are written in prose.
fn rounding_of(written: f64) -> (u32, f64) {
    let scaled = (written.abs() * 1000.0).round();
    if !scaled.is_finite() || scaled < 1.0 {
        return (0, 0.0);
    }
    let mut digits = scaled as u64;
    let mut place = 0.001;
    while digits.is_multiple_of(10) {
        digits /= 10;
        place *= 10.0;
    }
    let step = if digits % 10 == 5 { 5.0 * place } else { place };
    (digits.ilog10() + 1, step)
}

#[cfg(test)]
mod tests {
    use super::super::Lexicon;
    use super::{
        MAX_SENTENCE_BYTES, Period, cut_long_sentences, date_label, extract_prose, lead_in_of,
        list_start, points_to_a_place, table_context, table_start, tokenize,
    };

    #[test]
    fn a_period_is_written_with_its_part_of_the_year() {
        let lexicon = Lexicon::builtin();
        let period = |text: &str| extract_prose(text, None, &lexicon)[0].period_text();
        assert_eq!(
            period("Nurse vacancies fell 8% in March 2024."),
            "a change in March 2024"
        );
        assert_eq!(
            period("Nurse vacancies fell 8% between January and March 2024."),
            "a change in January–March 2024"
        );
        assert_eq!(
            period("By March 2024, 20% of clinics used e-prescribing."),
            "by March 2024"
        );
        assert_eq!(
            period("By March 2024, clinics had hired 2,000 new nurses."),
            "cumulative through March 2024"
        );
        assert_eq!(
            period("The nurse vacancy rate was 8% in March 2024."),
            "in March 2024"
        );
        // A source named at length before the figure dates it.
        assert_eq!(
            period(
                "According to the Bureau of Labor Statistics (BLS) Occupational Employment \
                 and Wage Statistics release for May 2023, the median annual wage for glass \
                 cutters was $42,100."
            ),
            "in May 2023"
        );
        // A change from a year runs to the year of the clause before.
        assert_eq!(
            period("Clinic visits hit a record in 2024, up 2.8% from 2023."),
            "year-over-year in 2024"
        );
    }

    /// The figures of `text` that are claims, as written.
    fn figures(text: &str) -> Vec<String> {
        extract_prose(text, None, &Lexicon::builtin())
            .iter()
            .map(|c| c.figure(text).to_string())
            .collect()
    }

    /// The subject words of each claim of `text`.
    fn subject_words(text: &str) -> Vec<Vec<&'static str>> {
        extract_prose(text, None, &Lexicon::builtin())
            .iter()
            .map(|c| {
                c.subject
                    .terms
                    .as_slice()
                    .iter()
                    .map(|t| t.as_str())
                    .collect()
            })
            .collect()
    }

    /// The value and the subject, as `copydesk claims` shows it, of each
    /// claim of `text`.
    fn values_and_subjects(text: &str) -> Vec<(f64, String)> {
        extract_prose(text, None, &Lexicon::builtin())
            .iter()
            .map(|c| (c.value, c.subject.display()))
            .collect()
    }

    #[test]
    fn it_stands_for_what_the_figure_before_was_of() {
        let subjects = |text: &str| -> Vec<String> {
            values_and_subjects(text)
                .into_iter()
                .map(|(_, s)| s)
                .collect()
        };
        for text in [
            "The US kiln market was valued at $285 million in 2024. It is expected to grow \
             3.8% a year through 2030.",
            "The US kiln market was valued at $285 million in 2024. Analysts expect it to \
             expand at a compound annual rate of 3.8% through 2030.",
            "The US kiln market was valued at $285 million in 2024. Analysts project that \
             it will grow 3.8% a year through 2030.",
        ] {
            assert_eq!(
                subjects(text),
                ["sale · kiln · US", "change in market · kiln · US"],
                "{text}"
            );
        }
        // Not past a sentence with no figure: which thing "it" is, is no
        // longer plain.
        assert_eq!(
            subjects(
                "The US kiln market was valued at $285 million in 2024. Demand is steady. \
                 It is expected to grow 3.8% a year through 2030."
            ),
            ["sale · kiln · US"]
        );
    }

    #[test]
    fn a_bracketed_percentage_restates_a_rough_fraction() {
        let claims = values_and_subjects;
        let one = |value: f64, subject: &str| vec![(value, subject.to_string())];
        // The percentage is the figure, and the clause goes on past it.
        assert_eq!(
            claims("Just under half of glassblowers (47%) are women."),
            one(47.0, "share of glassblower: woman")
        );
        assert_eq!(
            claims("Nearly a third of glassblowers (31%) are self-employed."),
            one(31.0, "share of glassblower: selfemployed")
        );
        // A hedged percentage is still nearer than "seven in ten".
        assert_eq!(
            claims("Roughly seven in ten glassblowers (about 72%) are women."),
            one(72.0, "share of glassblower: woman")
        );
        // The population between them may be long.
        assert_eq!(
            claims("More than half of all glassblowers in the United States (52%) are women."),
            one(52.0, "share of glassblower: woman · US")
        );
        // Too far from the fraction to restate it: two figures.
        assert_eq!(
            claims("Nearly half of glassblowers (38%) are women.").len(),
            2
        );
    }

    #[test]
    fn a_verb_handing_over_its_figure_is_no_subject_word() {
        for (text, words) in [
            (
                "The regional consortium lends about 2.3 million e-books to branches.",
                vec!["branch", "consortium", "ebook", "regional"],
            ),
            (
                // What the structures underwent is what is counted, and
                // the participle goes on from the fire's clause.
                "The fire burned for weeks, leaving 9,418 structures destroyed.",
                vec!["destroyed", "fire", "structure"],
            ),
            (
                "Officials warned again, citing an estimated 25,400 kayak injuries in 2023.",
                vec!["injury", "kayak"],
            ),
            // An adjective after a determiner, a noun before its age
            // bracket, an adverb in "-s": all stay.
            (
                "The remaining 15% went to county libraries.",
                vec!["county", "library", "remaining"],
            ),
            (
                "About 18% of adults 65 and older read e-books.",
                vec!["adult aged 65+", "ebook", "read"],
            ),
        ] {
            assert_eq!(subject_words(text), [words], "{text}");
        }
    }

    #[test]
    fn a_long_source_name_before_its_verb_is_no_subject() {
        // A report's name of ten words and more, before "found", says who
        // reports the figure, not what it measures.
        let text = "The 2024 Great Lakes Harbor Pilots Association Annual Wage Report found a median salary of $88,000 for harbor pilots.";
        assert_eq!(subject_words(text), [["harbor", "pay", "pilot"]]);
    }

    #[test]
    fn a_change_from_a_year_s_peak_starts_in_that_year() {
        let lexicon = Lexicon::builtin();
        let published = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
        let claim = |text: &str| extract_prose(text, published, &lexicon).remove(0);
        let fell = claim("Ferry boardings fell 9% from the 2021 peak through 2024.");
        assert_eq!(fell.period_text(), "over 2021-2024");
        let words: Vec<&str> = fell.subject.terms.iter().map(|t| t.as_str()).collect();
        assert_eq!(words, ["boarding", "ferry"]);
        let up = claim("Ferry fares are up 40% from their 2019 level.");
        assert_eq!(up.period_text(), "over 2019-2025");
        // A yardstick the figure is measured against is not where a
        // change starts.
        let below = claim("Ferry boardings are still 10% below the 2019 peak.");
        assert_ne!(below.period_text(), "over 2019-2025");
    }

    #[test]
    fn people_counted_in_a_role_are_its_jobs() {
        let jobs = subject_words("Piano tuners held about 8,400 jobs in 2024.");
        assert_eq!(jobs, [["job", "piano", "tuner"]]);
        for text in [
            "About 8,400 people worked as piano tuners in 2024.",
            "About 8,400 workers were employed as piano tuners in 2024.",
        ] {
            assert_eq!(subject_words(text), jobs, "{text}");
        }
        // Pay of people in a role is their pay; "as recently as" is a time.
        assert_eq!(
            subject_words("Piano tuners working as contractors earn $95 a visit."),
            [["contractor", "pay", "piano", "tuner", "visit", "working"]]
        );
    }

    #[test]
    fn the_country_is_the_whole_country_not_a_subject_word() {
        assert_eq!(
            subject_words("The country had about 11,700 retail florists in 2024."),
            [["florist", "retail"]]
        );
        let claims = extract_prose(
            "Landfills emit roughly 14% of the nation's methane emissions.",
            None,
            &Lexicon::builtin(),
        );
        let base: Vec<&str> = claims[0].subject.base.iter().map(|t| t.as_str()).collect();
        assert_eq!(base, ["emission", "methane"]);
    }

    #[test]
    fn a_list_item_labelled_with_a_date_is_of_that_date() {
        assert_eq!(
            date_label("**2023**: A warm February came first."),
            Some("2023")
        );
        assert_eq!(date_label("- **Q3 2024:** Sales fell."), Some("Q3 2024"));
        assert_eq!(date_label("**Average yield**: 0.32 gallons"), None);
        let claims = extract_prose(
            "- **2019**: Kiln owners paid an average of $4,100 for a new kiln.",
            chrono::NaiveDate::from_ymd_opt(2024, 5, 1),
            &Lexicon::builtin(),
        );
        assert_eq!(
            claims[0].period,
            Period::Point {
                year: 2019,
                weak: false
            }
        );
    }

    #[test]
    fn a_list_of_examples_is_an_aside() {
        // The verb after an "including" list is the noun's before it.
        assert_eq!(
            subject_words(
                "Glass services, including etching, repair, custom cutting and framing, accounted for $13.1 billion of spending in 2024."
            ),
            [["glass", "sale"]]
        );
    }

    #[test]
    fn a_figure_after_a_verb_past_an_appositive_is_the_nouns() {
        // The clause before the figure's is the verb of the noun before
        // the appositive, not a subject of its own.
        assert_eq!(
            subject_words(
                "Glass cutters, a trade that requires no degree, earn far less, with a median around $35,330 in 2024."
            ),
            [["cutter", "glass"]]
        );
    }

    #[test]
    fn a_bracketed_aggregate_names_the_figure() {
        let aggregates = |text: &str| -> Vec<Option<&'static str>> {
            extract_prose(text, None, &Lexicon::builtin())
                .iter()
                .map(|c| c.subject.aggregate.map(|a| a.as_str()))
                .collect()
        };
        assert_eq!(
            aggregates("Typical pawn store managers earned $46,200 (median) in 2024."),
            [Some("median")]
        );
        assert_eq!(
            aggregates("The typical (median) flight attendant made roughly $67,000 in May 2023."),
            [Some("median")]
        );
        // A bracket that repeats the aggregate does not cut the clause.
        assert_eq!(
            subject_words("The average (mean) hourly wage for baristas was $15.62 in May 2024."),
            [["barista", "pay"]]
        );
        assert_eq!(
            aggregates("The average (mean) hourly wage for baristas was $15.62 in May 2024."),
            [Some("average")]
        );
    }

    #[test]
    fn what_a_thing_sold_for_is_its_price() {
        assert_eq!(
            subject_words("The average new outboard boat sold for $64,900 in 2024."),
            subject_words("The average price of a new outboard boat was $64,900 in 2024.")
        );
        // How much was sold is sales.
        assert_eq!(
            subject_words("Outboard boat dealers sold $4.2 billion worth of boats in 2024."),
            [["boat", "dealer", "outboard", "sale"]]
        );
    }

    #[test]
    fn one_thing_of_a_kind_priced_nationally_is_the_kind_itself() {
        // Not one the article has in mind: without a topic, still a claim.
        assert_eq!(
            subject_words(
                "An asphalt shingle replacement costs about $9,800 nationally this year."
            ),
            [["asphalt", "cost", "replacement", "shingle"]]
        );
    }

    #[test]
    fn a_noun_phrase_set_off_by_commas_renames_the_noun_before_it() {
        assert_eq!(
            subject_words(
                "Beef cows, the mothers of every future steak, numbered 31.2 million in 2025."
            ),
            [["beef", "cow"]]
        );
        // In brackets it says which part of the whole the figure is.
        assert_ne!(
            subject_words(
                "A quarter of drivers (the 25th percentile) netted $7.90 or less in 2024."
            ),
            [["driver"]]
        );
    }

    #[test]
    fn what_was_shed_fell() {
        let lexicon = Lexicon::builtin();
        let claims = extract_prose(
            "The national herd shed 8.1 million head in 2024.",
            None,
            &lexicon,
        );
        assert_eq!(
            (claims[0].subject.metric, claims[0].direction),
            (super::Metric::Change, -1)
        );
        assert_eq!(
            subject_words("The national herd shed 8.1 million head in 2024."),
            subject_words("The national herd lost 8.1 million head in 2024.")
        );
        // A shed that is a building is no fall.
        let claims = extract_prose(
            "A sugarhouse can be anything from a converted shed to a $50,000 new building.",
            None,
            &lexicon,
        );
        assert!(claims.iter().all(|c| c.direction == 0));
    }

    #[test]
    fn what_was_paid_for_is_priced_not_who_paid() {
        assert_eq!(
            subject_words(
                "Homeowners paid an average of $325 for a standard chimney sweep in 2025."
            ),
            subject_words("A standard chimney sweep cost an average of $325 in 2025.")
        );
        // So is the average for one thing of a kind.
        assert_eq!(
            subject_words("The national average for a standard chimney sweep is $325 in 2025."),
            subject_words(
                "Homeowners paid an average of $325 for a standard chimney sweep in 2025."
            )
        );
        // A name among who paid says which ones.
        assert_eq!(
            subject_words(
                "Florida homeowners paid an average of $5,800 a year for coverage in 2025."
            ),
            [["cost", "coverage", "florida"]]
        );
    }

    #[test]
    fn a_list_label_says_what_its_value_counts() {
        // The value's own noun is only its unit: the label, bracket and
        // all, says what is counted.
        for text in [
            "- **Commuter ferry boardings (2023)**: 6.2 million trips\n- **Fleet size**: 14 vessels\n",
            "- **Commuter ferry boardings, 2023**: about 6.2 million trips\n- **Fleet size**: 14 vessels\n",
        ] {
            assert_eq!(
                subject_words(text),
                [["boarding", "commuter", "ferry", "trip"]],
                "{text}"
            );
        }
    }

    #[test]
    fn a_list_label_says_how_often_its_value_is_paid() {
        use super::super::period::Per;
        let published = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
        for (item, per) in [
            ("- **Median hourly wage (2024)**: $22.10\n", Some(Per::Hour)),
            (
                "- **Typical monthly rent, 2024**: $1,450\n",
                Some(Per::Month),
            ),
            ("- **Median pay (2024)**: $48,000\n", None),
        ] {
            let claims = extract_prose(item, published, &Lexicon::builtin());
            assert_eq!(
                claims.iter().map(|c| c.per).collect::<Vec<_>>(),
                [per],
                "{item}"
            );
        }
    }

    #[test]
    fn a_label_gives_its_value_an_aggregate_and_no_national_word() {
        let claims = extract_prose(
            "- **Gutter replacement, national average, 2024**: $1,450\n",
            None,
            &Lexicon::builtin(),
        );
        let words: Vec<&str> = claims[0]
            .subject
            .terms
            .as_slice()
            .iter()
            .map(|t| t.as_str())
            .collect();
        assert_eq!(words, ["gutter", "replacement"]);
        assert_eq!(
            claims[0].subject.aggregate.map(|t| t.as_str()),
            Some("average")
        );
        // The label's year dates the value, past a bracket with a figure.
        let claims = extract_prose(
            "- **Average long-distance move (about 1,000 miles), 2024**: $4,850\n",
            None,
            &Lexicon::builtin(),
        );
        let dated = claims
            .iter()
            .find(|c| c.value == 4850.0)
            .expect("the value");
        assert_eq!(dated.period_text(), "in 2024");
    }

    /// The metric of each claim of `text`.
    fn metrics(text: &str) -> Vec<super::Metric> {
        extract_prose(text, None, &Lexicon::builtin())
            .iter()
            .map(|c| c.subject.metric)
            .collect()
    }

    #[test]
    fn a_label_that_opens_with_a_change_makes_its_value_one() {
        for list in [
            "- **Increase in ferry fares since 2020**: 22%\n",
            "- **Drop in ferry riders since 2022**: 4%\n",
            // A label whose head noun is a change.
            "- **Ferry job growth**: 6% from 2023 to 2033\n",
            "- Projected ferry employment growth (2023 to 2033): 6%\n",
        ] {
            assert_eq!(metrics(list), [super::Metric::Change], "{list}");
        }
        // Adjectives are not changes.
        let list = "- **Down payment**: $33,800\n- **Reduced fare**: $1.35\n";
        assert!(metrics(list).iter().all(|m| *m != super::Metric::Change));
    }

    #[test]
    fn a_relative_clause_before_the_verb_hangs_on_the_noun_before_it() {
        assert_eq!(
            subject_words(
                "School bus drivers, who typically work a split day, had a median of $44,150."
            ),
            [["bus", "driver", "school"]]
        );
        // After a verb of saying, the noun is the source.
        assert_eq!(
            subject_words(
                "Harbor Analytics, which audits thousands of ports a year, says 25% of ferries were canceled in 2024."
            )[0],
            Vec::<&str>::new()
        );
    }

    #[test]
    fn it_opening_a_sentence_is_the_name_the_sentence_before_opened_with() {
        assert_eq!(
            subject_words(
                "On volume, CartCrate is far ahead. It handled 58% of online grocery orders in 2024."
            ),
            [["cartcrate"]]
        );
        // A word capitalised only to open its sentence is no name.
        assert_eq!(
            subject_words(
                "Ground-source systems fall under another credit. It pays 30% of the cost of a system."
            )[0],
            ["pay", "system"]
        );
    }

    #[test]
    fn a_small_count_that_is_an_average_is_a_claim() {
        for text in [
            "Rural classrooms averaged 22.6 students in 2021.",
            "The average ferry trip carried 62 passengers in 2024.",
        ] {
            assert_eq!(figures(text).len(), 1, "{text}");
        }
        // A small whole count, a version or a sample is not.
        for text in [
            "Rural classrooms had 23 students in 2021.",
            "Python 3.11 users reported faster builds.",
            "An average across 604 schools in 16 countries says little.",
        ] {
            assert!(figures(text).is_empty(), "{text}");
        }
    }

    /// The periods of the claims of `text` in an article published on the
    /// first of June of `year`.
    fn periods_published_in(year: i32, text: &str) -> Vec<String> {
        let date = chrono::NaiveDate::from_ymd_opt(year, 6, 1);
        extract_prose(text, date, &Lexicon::builtin())
            .iter()
            .map(|c| c.period_text())
            .collect()
    }

    #[test]
    fn as_with_a_noun_phrase_and_no_verb_goes_on_with_the_clause() {
        let periods = periods_published_in(
            2024,
            "Only 11% of households relied on a wood stove as their primary heating system in 2020.",
        );
        assert_eq!(periods[0], "in 2020");
        // A clause with a verb after "as" says why: it is cut.
        assert_eq!(
            subject_words("Ferry revenue fell 1% to $51.9 million in 2024 as the old fleet aged."),
            [["ferry", "revenue"], ["ferry", "sale"]]
        );
    }

    #[test]
    fn a_source_named_after_the_figure_dates_it() {
        let period = |text: &str| periods_published_in(2025, text).remove(0);
        assert_eq!(
            period(
                "Ferry deckhands earn a median of $48,200 a year, according to federal wage data for May 2024."
            ),
            "in May 2024"
        );
        // A date of its own comes first.
        assert_eq!(
            period("Ferry deckhands earned $46,900 in 2023, according to a 2024 wage survey."),
            "in 2023"
        );
        // So does an opening source, however long its name.
        assert_eq!(
            period(
                "According to the BLS Occupational Employment and Wage Statistics survey for May 2023, the median hourly wage for nursery farmworkers was $16.47."
            ),
            "in May 2023"
        );
        // What the figure was worked out from is its source too.
        assert_eq!(
            period("Ferry lines are now a $4.1 billion business, based on 2024 revenue."),
            "in 2024"
        );
    }

    #[test]
    fn a_clause_after_a_colon_with_its_own_subject_takes_nothing_from_before_it() {
        let lexicon = Lexicon::builtin();
        let subject = |text: &str| extract_prose(text, None, &lexicon)[0].subject.display();
        assert_eq!(
            subject(
                "Competition for experienced managers is real: lodging managers held about 39,800 jobs in 2023."
            ),
            subject("Lodging managers held about 39,800 jobs in 2023."),
        );
        // A figure right after the colon is still told by what comes before.
        assert!(
            subject("Median pay for glaziers: $52,000 in 2023.").contains("median pay"),
            "{}",
            subject("Median pay for glaziers: $52,000 in 2023.")
        );
    }

    #[test]
    fn that_year_is_the_year_told_last_in_the_sentence_too() {
        let periods = periods_published_in(
            2025,
            "Ferry lines carried 24 million riders in 2023, a slow year, and about 610 ferries sailed that year.",
        );
        assert_eq!(periods, ["in 2023", "in 2023"]);
    }

    /// The subjects of the figures of `text`, a snippet with no date.
    fn subjects_undated(text: &str) -> Vec<String> {
        extract_prose(text, None, &Lexicon::builtin())
            .iter()
            .map(|c| c.subject.display())
            .collect()
    }

    /// The subjects of `body`'s paragraphs in an article titled `title`.
    fn subjects_titled(title: &str, body: &str) -> Vec<String> {
        let text = format!("{title}\n\n{body}");
        let mut blocks = Vec::new();
        let mut at = title.len() + 2;
        for para in body.split("\n\n") {
            blocks.push(at..at + para.len());
            at += para.len() + 2;
        }
        let title_range = 0..title.len();
        let input = super::ProseInput {
            text: &text,
            blocks: &blocks,
            masked: &[],
            publish_date: None,
            topic: std::slice::from_ref(&title_range),
            title: Some(&title_range),
        };
        super::extract(&input, &Lexicon::builtin())
            .iter()
            .map(|c| c.subject.display())
            .collect()
    }

    #[test]
    fn a_count_of_the_people_an_article_pays_is_their_employment() {
        let subjects = subjects_undated;
        assert_eq!(
            subjects(
                "Locksmiths earned a median pay of $49,870 in 2023. \
                 There were about 21,400 locksmiths in 2023."
            ),
            ["median pay · locksmith", "job · locksmith"]
        );
        // No pay is given for bowling centers: a count of them is a count.
        assert_eq!(
            subjects(
                "Bowling center workers earned a median pay of $29,870 in 2023. \
                 There were about 3,500 bowling centers in 2023."
            ),
            ["median pay · bowling center worker", "bowling center"]
        );
    }

    #[test]
    fn a_title_that_names_its_topic_once_is_read_against_the_body() {
        let body = "Food truck cooks work long shifts, and a food truck cook preps at dawn. \
                    Food truck cooks clean at night.\n\nThe median pay is $16.40 an hour.";
        assert_eq!(
            subjects_titled("Food Truck Cook Salary Guide", body),
            ["median pay · cook food truck"]
        );
        // A title word the body hardly uses is no topic.
        assert_eq!(
            subjects_titled("A Really Useful Guide", "The median pay is $16.40 an hour."),
            ["median pay"]
        );
    }

    #[test]
    fn a_group_named_with_the_topic_first_is_the_topic() {
        let intro = "Locksmiths are busy, and locksmiths work long hours. Every locksmith \
                     needs tools.\n\n";
        let subjects =
            |clause: &str| subjects_titled("Locksmith Salary Guide", &format!("{intro}{clause}"));
        assert_eq!(
            subjects("Locksmiths and safe repairers held 21,400 jobs in 2023."),
            subjects("Locksmiths held 21,400 jobs in 2023.")
        );
        assert_eq!(
            subjects(
                "According to the BLS, locksmiths and safe repairers held 21,400 jobs in 2023."
            ),
            ["job · locksmith"]
        );
        // The topic as a later member: the group is another one.
        assert_eq!(
            subjects("Bakers and locksmiths held 21,400 jobs in 2023."),
            ["job · baker locksmith"]
        );
        assert_eq!(
            subjects("Locksmiths, safe repairers and other lock workers held 21,400 jobs in 2023."),
            ["job · locksmith"]
        );
        // A group whose name ends in "workers".
        assert_eq!(
            subjects("Locksmiths and other lock service workers held 21,400 jobs in 2023."),
            ["job · locksmith"]
        );
        // The topic named as the trade: its workers head the group.
        let trade = "Welding is busy work, and welding pays. Welding needs tools.\n\n";
        assert_eq!(
            subjects_titled(
                "Starting a Welding Business",
                &format!("{trade}Welders, cutters and brazers held 21,400 jobs in 2023.")
            ),
            ["job · welder"]
        );
    }

    /// The claims of `text` read as the given blocks (paragraphs, list
    /// items), with no front matter.
    fn extract_blocks(text: &str, blocks: &[std::ops::Range<usize>]) -> Vec<super::Claim> {
        let input = super::ProseInput {
            text,
            blocks,
            masked: &[],
            publish_date: None,
            topic: &[],
            title: None,
        };
        super::extract(&input, &Lexicon::builtin())
    }

    #[test]
    fn that_year_is_the_one_year_its_paragraph_named() {
        let periods = |text: &str| -> Vec<String> {
            extract_prose(text, None, &Lexicon::builtin())
                .iter()
                .map(|c| c.period_text())
                .collect()
        };
        assert_eq!(
            periods(
                "In 2018 the county composted 41,000 tons of yard waste. \
                 The county landfill took in 212,000 tons of household trash that year."
            ),
            ["in 2018", "in 2018"]
        );
        // Two years named before: which one is not said.
        assert_eq!(
            periods(
                "The county composted 41,000 tons in 2018, against 30,000 tons in 2015. \
                 The county landfill took in 212,000 tons of household trash that year."
            )
            .last()
            .map(String::as_str),
            Some("undated")
        );
        // "that year" dates its own figure, not the clause's other date.
        assert_eq!(
            periods(
                "In 2024 about 16% of households had a smart lock. Global smart-lock sales were \
                 $3.1 billion that year and should reach $8.9 billion by 2032."
            ),
            ["in 2024", "in 2024", "cumulative through 2032"]
        );
        // A new paragraph starts over.
        let text = "In 2018 the county composted 41,000 tons of yard waste.\n\n\
                    The county landfill took in 212,000 tons of household trash that year.";
        let first = 0..text.find("\n\n").expect("two paragraphs");
        let second = first.end + 2..text.len();
        let claims = extract_blocks(text, &[first, second]);
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[1].period_text(), "undated");
    }

    #[test]
    fn a_label_that_says_what_is_measured_and_whose_takes_no_lead_in_words() {
        // Each line is a block, as the Markdown parser gives them.
        let subjects = |text: &str| -> Vec<String> {
            let mut blocks = Vec::new();
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                if !line.trim().is_empty() {
                    blocks.push(at..at + line.trim_end().len());
                }
                at += line.len();
            }
            extract_blocks(text, &blocks)
                .iter()
                .map(|c| c.subject.display())
                .collect()
        };
        // "headline numbers most people ask us for" says nothing of sales.
        assert_eq!(
            subjects(
                "Here are the headline numbers most people ask us for:\n\n\
                 - **Off-premise dollar sales (2024)**: $540 million\n"
            ),
            ["sale · offpremise"]
        );
        // A change after the item's value is of what the label names too.
        assert_eq!(
            subjects(
                "Key figures:\n\n- **Off-premise sales (2024)**: $540 million, down 6.5% from 2023\n"
            ),
            ["sale · offpremise", "change in sale · offpremise"]
        );
        // A label naming only where still takes what the lead-in measures.
        let welders = subjects("Median pay for welders in 2023:\n\n- Ohio: $52,000\n");
        assert!(welders[0].contains("welder"), "{welders:?}");
    }

    #[test]
    fn up_and_down_of_another_verb_are_no_change() {
        for text in [
            "The average kayak ringing up at the register cost $1,380 in 2024.",
            "The marina racked up $2.1 million in slip fees in 2024.",
            "Affected ferries are down for an average of 24 days.",
        ] {
            assert_eq!(metrics(text), [super::Metric::Level], "{text}");
        }
        for text in [
            "Slip fees were up 12% in 2024.",
            "Slip fees were up by 12% in 2024.",
            "Ferry riders were down nearly 4% in 2024.",
        ] {
            assert_eq!(metrics(text), [super::Metric::Change], "{text}");
        }
    }

    #[test]
    fn what_became_more_or_less_changed() {
        assert_eq!(
            metrics("Generic drugs got 3.1 percent more expensive in 2023."),
            [super::Metric::Change]
        );
        // Set against something, it is a comparison.
        assert_eq!(
            metrics("Generic drugs are 3.1 percent more expensive than in 2020."),
            [super::Metric::Comparative]
        );
    }

    #[test]
    fn a_with_phrase_counts_what_its_clause_names() {
        assert_eq!(
            subject_words(
                "Harbor Point State Park was again the busiest park, with 2.9 million recreation visits in 2024."
            ),
            [["harbor", "park", "recreation", "state", "visit"]]
        );
        // Of a clause that opens with a name, the name.
        assert_eq!(
            subject_words(
                "Lakeview Regional Airport saw the biggest rebound, with 4.2 million passengers in 2023."
            ),
            [["airport", "lakeview", "passenger", "regional"]]
        );
        // A clause that opens with its verb goes on with the sentence's
        // opening subject.
        assert_eq!(
            subject_words(
                "The Harbor Pass, which most riders buy, is cheaper: $42.50 a month in 2024."
            ),
            [["harbor", "pass"]]
        );
    }

    #[test]
    fn a_round_figure_is_hedged_by_its_rounding() {
        let bounds = |text: &str| {
            let c = &extract_prose(text, None, &Lexicon::builtin())[0];
            (c.low, c.high)
        };
        // Rounded to the nearest 10 million, but at least 2% either way.
        let (low, high) = bounds("Libraries lent about 740 million e-books in 2023.");
        assert!(
            (low - 725.2e6).abs() < 1.0 && (high - 754.8e6).abs() < 1.0,
            "{low} {high}"
        );
        // One significant digit: at most 10% either way.
        assert_eq!(
            bounds("Libraries lent about 10 million e-books in 2023."),
            (9e6, 11e6)
        );
        // Rounded to 5: 2.5 either way.
        assert_eq!(bounds("E-book loans grew about 65% in 2023."), (62.5, 67.5));
        // Not rounded: the lexicon's 5% either way.
        let (low, high) = bounds("Libraries lent about 123,100 e-books in 2023.");
        assert!(
            (low - 116_945.0).abs() < 1e-6 && (high - 129_255.0).abs() < 1e-6,
            "{low} {high}"
        );
        assert_eq!(super::rounding_of(8_700.0), (2, 100.0));
    }

    #[test]
    fn a_supposed_figure_is_no_claim() {
        for text in [
            "If a fund returns 7% a year, your money doubles in about ten years.",
            "Assuming rents rise 3% a year, the flat pays for itself.",
            "Suppose a savings account pays 5% a year.",
            "Imagine a fund that returns 9% a year.",
            "Let's say your salary is $60,000.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // What the clause right after a premise about the reader works out.
        assert!(
            figures("If you sell 300 cones a day at $6 each, that is $270,000 a season.")
                .is_empty()
        );
        // A sentence that opens with "if" and has no comma (the fuzzer's).
        figures("if five workers changed jl.rfa more htan 39k.");
        figures("If 39k");
        for text in [
            "If you hire help, know the going rate: the median wage was $16.90 an hour.",
            "If you hire help, you compete with mills, and mill workers averaged $16.90 an hour in 2024.",
        ] {
            assert_eq!(figures(text), ["$16.90"], "{text}");
        }
        // The premise only: what follows it is said.
        let said = figures("If rates stay high, home sales will fall 10% in 2025.");
        assert_eq!(said, ["10%"]);
        assert_eq!(
            figures("Index funds returned 7% a year, if fees are ignored."),
            ["7%"]
        );
        // A premise about a figure named with "the" takes it as given.
        assert_eq!(
            figures("If the 8.9 million acres that burned in 2023 taught us anything, it is this."),
            ["8.9 million"]
        );
    }

    #[test]
    fn an_example_amount_is_no_claim() {
        for text in [
            "At a 24% APR, a $5,000 balance paid off at $150 a month costs $2,600 in interest.",
            "A $300,000 mortgage at 7% costs about $2,000 a month.",
            "On a $6,000 balance, a 3% fee is $180.",
            "\"A 25% rate doubles a balance in three years,\" she said.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
        // A change told after "a" is a claim, and so is an amount mid-clause.
        assert_eq!(
            figures("A 12% increase in sales was reported in 2023."),
            ["12%"]
        );
        assert_eq!(
            figures("Hiring saw a roughly 15% year-over-year increase in 2024."),
            ["roughly 15%"]
        );
        assert_eq!(
            figures("Nurses in Ohio earn a $72,000 salary on average."),
            ["$72,000"]
        );
        // "An estimated" hedges the figure it opens with.
        assert_eq!(
            figures("An estimated 260,000 water mains break in the United States every year."),
            ["estimated 260,000"]
        );
    }

    #[test]
    fn a_list_lead_in_gives_its_items_their_subject_and_date() {
        let lexicon = Lexicon::builtin();
        // The subject `item` takes from the lead-in of the list whose first
        // item opens with `first`, and the period the lead-in dates it by.
        let read = |text: &str, first: &str, item: &str| {
            let (lead, facts) =
                lead_in_of(text, text.find(first).unwrap(), &lexicon).expect("a lead-in");
            let mut key = extract_prose(item, None, &lexicon)[0].subject;
            lead.apply(&mut key, true);
            let (period, _) = super::super::period::resolve(&facts, false, false, Some(2025));
            (key.display(), period)
        };
        let in_2023 = Period::Point {
            year: 2023,
            weak: false,
        };
        let text = "Intro.\n\nAccording to the state, median pay for welders in 2023:\n\n- Ohio: $52,000\n- Iowa: $49,000\n";
        let (subject, period) = read(text, "- Ohio", "The welders in Ohio earn $1,000.");
        assert!(subject.contains("median pay"), "{subject}");
        assert_eq!(period, in_2023);
        // A paragraph's last sentence leads in, dated by the one before.
        let text = "Intro.\n\nThe latest federal release covers May 2023. Here is what it shows for welders:\n\n- Median pay: $52,000\n";
        let (subject, period) = read(text, "- Median", "Pay is $1,000.");
        assert!(subject.contains("welder"), "{subject}");
        assert_eq!(period, in_2023);
        // Not a lead-in: a paragraph, or a line without a colon.
        assert!(lead_in_of("Intro.\n- Ohio: $52,000\n", 7, &lexicon).is_none());
        let long = format!("{}:\n- Ohio: $52,000\n", "word ".repeat(30));
        assert!(lead_in_of(&long, long.find("- Ohio").unwrap(), &lexicon).is_none());
        // A bold line above a list is its heading; bold inside a line is not.
        let bold = "Intro.\n\n**Valley Line (2024)**\n- **Riders**: 28,900\n";
        let (lead, _) = lead_in_of(bold, bold.find("- ").unwrap(), &lexicon).expect("a heading");
        let mut key = extract_prose("Riders numbered 28,900.", None, &lexicon)[0].subject;
        lead.apply(&mut key, true);
        assert!(key.display().contains("valley"), "{}", key.display());
        let mixed = "Intro.\n\n**Valley** riders by stop\n- **Main St**: 900\n";
        assert!(lead_in_of(mixed, mixed.find("- ").unwrap(), &lexicon).is_none());
    }

    #[test]
    fn a_table_cell_is_read_with_its_header_and_row_label() {
        let text = "Intro.\n\n| State | Median pay (2024) |\n|---|---|\n| Ohio | $61,000 |\n";
        let cell = text.find("$61").unwrap();
        let line = text.find("| Ohio").unwrap();
        let first = table_start(text, line, None);
        assert_eq!(first, text.find("| State").unwrap());
        // From a known earlier row, the same first line.
        assert_eq!(table_start(text, line, Some((line, first))), first);
        let context: Vec<&str> = table_context(text, first, line, cell)
            .into_iter()
            .map(|r| text[r].trim())
            .collect();
        assert_eq!(context, ["Median pay (2024)", "Ohio"]);
        // The label column and the header row have no context.
        assert!(table_context(text, first, line, line + 2).is_empty());
        assert!(table_context(text, first, first, first + 2).is_empty());
        // No separator row: not a table with a header.
        let plain = "| a | b |\n| Ohio | $61,000 |\n";
        assert!(table_context(plain, 0, 10, plain.find("$61").unwrap()).is_empty());
        // A rank before the label: the word cells before the figure's are
        // labels too, its other figures are not.
        let ranked =
            "| Rank | State | Jobs | Pay |\n|---|---|---|---|\n| 1 | Ohio | 9,400 | $61,000 |\n";
        let line = ranked.find("| 1 ").unwrap();
        let context: Vec<&str> = table_context(ranked, 0, line, ranked.find("$61").unwrap())
            .into_iter()
            .map(|r| ranked[r].trim())
            .collect();
        assert_eq!(context, ["Pay", "1", "Ohio"]);
    }

    #[test]
    fn a_long_opening_phrase_of_time_or_source_dates_the_clause() {
        let text = "In the National Endowment for the Arts' 2022 survey of public participation, about 7.6% of adults attended a concert.";
        assert_eq!(described(text), ["about 7.6% in 2022"]);
    }

    #[test]
    fn a_participle_clause_is_dated_by_the_clause_it_goes_on_from() {
        let text =
            "Glass producers set a record in the 2020 season, turning out 211 million panes.";
        assert_eq!(described(text), ["211 million in 2020"]);
    }

    #[test]
    fn a_range_of_years_in_a_row_label_is_a_span() {
        let text = "Intro.\n\n| | Pharmacists |\n|---|---|\n| Job growth, 2023-2033 | 5% |\n";
        assert_eq!(described(text), ["5% over 2023-2033"]);
    }

    #[test]
    fn list_start_from_the_previous_item_agrees_with_a_full_walk() {
        let text = "Intro.\n\n- Linux: 66%\n- macOS: 53%\n\n  more on macOS\n- BSD: 2%\n\nAfter.\n\n1. One: 5%\n2. Two: 6%\n";
        let items: Vec<usize> = text.match_indices(": ").map(|(i, _)| i).collect();
        let mut known = None;
        for &item in &items {
            let full = list_start(text, item, None);
            assert!(full.is_some(), "{item}");
            assert_eq!(list_start(text, item, known), full, "{item}");
            known = full.map(|first| (item, first));
        }
        assert_eq!(list_start(text, items[2], None), Some(8));
        assert_eq!(list_start(text, items[4], None), text.find("1. "));
        assert_eq!(list_start(text, text.find("After").unwrap(), known), None);
    }

    #[test]
    fn a_long_sentence_is_cut_at_spaces_into_pieces_that_cover_it() {
        let raw = format!("{}{}", "word ".repeat(1_000), "é".repeat(1_500));
        let mut sents: Vec<std::ops::Range<usize>> = std::iter::once(0..raw.len()).collect();
        cut_long_sentences(&raw, &mut sents);
        assert!(sents.len() > 2);
        assert!(sents.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert_eq!((sents[0].start, sents.last().unwrap().end), (0, raw.len()));
        assert!(sents.windows(2).all(|w| w[0].end == w[1].start));
        assert!(sents.iter().all(|s| raw.is_char_boundary(s.start)));
        assert_eq!(&raw[sents[1].start..sents[1].start + 1], " ");
        // Short sentences are left alone.
        let mut short = vec![0..10, 11..20];
        cut_long_sentences(&raw, &mut short);
        assert_eq!(short, vec![0..10, 11..20]);
    }

    /// `describe()` of each claim of `text`: figure and framing.
    fn described(text: &str) -> Vec<String> {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        extract_prose(text, date, &Lexicon::builtin())
            .iter()
            .map(|c| c.describe())
            .collect()
    }

    #[test]
    fn the_same_summary_told_on_in_the_past_keeps_the_date_just_given() {
        assert_eq!(
            described(
                "Glaziers earned a median annual wage of $51,200 in May 2023. \
                 Broken down, the median hourly wage was $24.60."
            ),
            [
                "$51,200 per year in May 2023",
                "$24.60 per hour in May 2023"
            ]
        );
        // Another summary of the figures is not told on.
        assert_eq!(
            described(
                "Glaziers earned a median annual wage of $51,200 in May 2023. \
                 The average hourly wage was $26.10."
            )[1],
            "$26.10 per hour"
        );
        // Nor is a figure thousands of times apart with no rate read.
        assert_eq!(
            described(
                "Glaziers earned a median salary of $51,200 in May 2023. \
                 Per hour worked, the median pay was $24.60."
            )[1],
            "$24.60"
        );
    }

    #[test]
    fn a_change_may_date_its_start_and_fall_can_be_a_season() {
        let d = described("The share of graduates with debt fell from 59% in 2012 to 54% in 2022.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].starts_with("59% to 54%"), "{d:?}");
        let d = described("Community college enrollment rose 2.6% in fall 2023.");
        assert_eq!(d, ["2.6% year-over-year in 2023"]);
        // The figure after "fell to" is the level reached, not a change.
        let d = described("MMR coverage fell to 92.7% in 2023.");
        assert_eq!(d, ["92.7% in 2023"]);
    }

    #[test]
    fn years_listed_after_over_or_across_are_one_span() {
        let d =
            described("Across 2021, 2022, and 2023, US runners logged 510,000 marathon finishes.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].contains("2021-2023"), "{d:?}");
        let d =
            described("Shoppers downloaded 257 billion apps over 2021, 2022 and 2023 combined.");
        assert!(d[0].contains("2021-2023"), "{d:?}");
        // After "in", each year's: the last year named dates the figure.
        let d = described("Grocery prices rose 4% in 2021, 2022 and 2023.");
        assert!(!d[0].contains("2021-2023"), "{d:?}");
    }

    #[test]
    fn a_range_and_a_fraction_are_shown_as_written() {
        // Not the interval that rounding widens: $79,500-$95,500.
        assert_eq!(
            described("Nurse salaries in Ohio ranged from $80,000 to $95,000 in 2023."),
            ["$80,000-$95,000 in 2023"]
        );
        assert_eq!(
            described("Between 1.5 and 2 million households moved in 2023."),
            ["1.5 million-2 million in 2023"]
        );
        assert_eq!(
            described("Two-thirds of households owned a pet in 2023."),
            ["66.7% in 2023"]
        );
    }

    #[test]
    fn the_year_of_a_yardstick_is_not_the_period() {
        assert_eq!(
            described("Ridership reached 79% of its 2019 level in 2024."),
            ["79% in 2024"]
        );
        let d = described("Ridership will reach 95% of 2019 levels by 2030.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].contains("2030") && !d[0].contains("2019"), "{d:?}");
    }

    #[test]
    fn an_aside_between_subject_and_figure_is_passed_over() {
        let text = "Fertilizer prices fell 18% in 2023. Seed costs, however, rose 7% in 2023.";
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        let subjects: Vec<String> = extract_prose(text, date, &Lexicon::builtin())
            .iter()
            .map(|c| c.subject.display())
            .collect();
        assert_eq!(subjects.len(), 2, "{subjects:?}");
        assert!(subjects[1].contains("seed"), "{subjects:?}");
    }

    #[test]
    fn a_clause_on_where_or_meaning_describes_the_noun_before_it() {
        let subjects = subjects_undated;
        assert_eq!(
            subjects(
                "Unlimited wash clubs, where drivers pay a flat fee, averaged about $30 a month in 2024."
            ),
            subjects("Unlimited wash clubs averaged about $30 a month in 2024.")
        );
        assert_eq!(
            subjects(
                "The average hull claim, meaning a repair on a boat that was not a total loss, came to about $4,700 in 2024."
            ),
            subjects("The average hull claim came to about $4,700 in 2024.")
        );
    }

    #[test]
    fn a_sum_set_equal_to_the_one_before_is_of_its_subject_and_date() {
        let figures = |text: &str| -> Vec<String> {
            let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 10);
            extract_prose(text, date, &Lexicon::builtin())
                .iter()
                .map(|c| format!("{} | {}", c.subject.display(), c.period_text()))
                .collect()
        };
        let hourly = "median pay · glazier | in May 2023";
        for text in [
            "Glaziers earned a median of $49,860 a year in May 2023, or about $23.97 an hour.",
            "Glaziers earned a median of $49,860 a year in May 2023, which works out to $23.97 an hour for someone working full time.",
            "Glaziers earned a median of $49,860 a year in May 2023. Converted to an hourly rate, the median works out to $23.97 per hour.",
            "Glaziers earned a median of $49,860 a year in May 2023, equal to a median hourly wage of $23.97.",
        ] {
            assert_eq!(figures(text)[1], hourly, "{text}");
        }
        // A price per square foot worked out for a house is another sum.
        let text = "Sprinklers cost about $1.35 per square foot, which works out to about $3,400 for a typical home.";
        let found = figures(text);
        assert_ne!(
            found[0].split(" | ").next(),
            found[1].split(" | ").next(),
            "{found:?}"
        );
    }

    #[test]
    fn a_source_is_passed_over_for_the_clause_before_it() {
        let text = "The average mortgage rate was 6.85% in December 2024, according to Freddie Mac, and averaged 6.7% in 2024.";
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 28);
        let subjects: Vec<String> = extract_prose(text, date, &Lexicon::builtin())
            .iter()
            .map(|c| c.subject.display())
            .collect();
        assert_eq!(subjects.len(), 2, "{subjects:?}");
        assert!(!subjects[1].contains("freddie"), "{subjects:?}");
        assert!(subjects[1].contains("mortgage"), "{subjects:?}");
    }

    #[test]
    fn a_length_of_time_in_words_is_a_figure_beside_an_average() {
        let figures = |text: &str| -> Vec<String> {
            extract_prose(text, None, &Lexicon::builtin())
                .iter()
                .map(|c| format!("{} {}", c.subject.display(), c.unit.format(c.value)))
                .collect()
        };
        assert_eq!(
            figures("The average wait for a deer shoulder mount is about six months."),
            figures("The average wait for a deer shoulder mount is about 6 months.")
        );
        assert_eq!(
            figures("The average wait for a mount is about 6 months.").len(),
            1
        );
        // Not a statistic: how long something takes, and when.
        assert!(figures("It takes six months to learn the trade.").is_empty());
        assert!(
            figures("The average hotel is not much better off than it was two years ago.")
                .is_empty()
        );
        assert!(figures("The average hotel was full 12 years ago.").is_empty());
    }

    #[test]
    fn a_figure_alone_is_told_by_what_follows_it() {
        assert_eq!(
            described("**$7.3 billion**: what US airlines collected in checked-bag fees in 2024."),
            ["$7.3 billion in 2024"]
        );
        assert_eq!(
            described("**4. 1.4%.** The share of scheduled flights cancelled last year."),
            ["1.4% in 2023"]
        );
        // A price band sorts what follows; a sentence with a subject of
        // its own is not joined to the next.
        assert!(described("- **Under $1,000**: hub motors and smaller batteries").is_empty());
        assert_eq!(
            described("Fares rose 3.5%. That was the fastest pace since 2019."),
            ["3.5%"]
        );
    }

    #[test]
    fn experienced_is_a_level_only_before_its_noun() {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
        let subjects = |text: &str| -> Vec<String> {
            extract_prose(text, date, &Lexicon::builtin())
                .iter()
                .map(|c| c.subject.display())
                .collect()
        };
        let verb = subjects(
            "The U.S. experienced 27 weather disasters that each caused at least $1 billion in damage in 2024.",
        );
        assert!(!verb.iter().any(|s| s.contains("senior")), "{verb:?}");
        let level = subjects("Experienced nurses in Ohio earn $98,000 a year.");
        assert!(level.iter().all(|s| s.starts_with("senior")), "{level:?}");
    }

    #[test]
    fn a_when_clause_after_a_date_is_that_date_s() {
        assert_eq!(
            described(
                "Ticket prices at clubs and arenas alike have climbed since 2019, when the average ticket cost $92."
            ),
            ["$92 in 2019"]
        );
        // No comma: "when" still opens the clause, so $92 is no change.
        assert_eq!(
            described(
                "Ticket prices at clubs and arenas alike have climbed since 2019 when the average ticket cost $92."
            ),
            ["$92 in 2019"]
        );
    }

    #[test]
    fn the_year_compared_with_is_not_the_period() {
        assert_eq!(
            described("Fertilizer prices fell 18% in 2023 after a record 2022."),
            ["-18% year-over-year in 2023"]
        );
        let d = described("Farmland sold for $11,835 an acre in 2023, a 3.5% increase from 2022.");
        assert!(!d.iter().any(|d| d.contains("2022")), "{d:?}");
    }

    #[test]
    fn each_figure_of_a_clause_reads_its_own_year() {
        assert_eq!(
            described("Nurse turnover averaged 22.5% in 2022 and eased to 18.4% in 2023."),
            ["22.5% in 2022", "18.4% in 2023"]
        );
        // A year for the whole clause still applies to every figure.
        assert_eq!(
            described("In 2023, turnover averaged 18% at hospitals and 12% at clinics."),
            ["18% in 2023", "12% in 2023"]
        );
        assert_eq!(
            described("Sales reached $5.8 trillion in 2023 and could reach $8 trillion by 2027."),
            [
                "$5.8 trillion in 2023",
                "$8 trillion cumulative through 2027"
            ]
        );
        // So does a rate written once; a bare "year-over-year" is the
        // change over the article's own year.
        assert_eq!(
            described("Postings rose 74% and salaries 12% year-over-year."),
            ["74% year-over-year in 2024", "12% year-over-year in 2024"]
        );
    }

    #[test]
    fn a_clause_that_points_back_to_a_place_is_told_apart_from_there_is() {
        let points = |s: &str| points_to_a_place(&tokenize(s, 0..s.len(), 0));
        assert!(points("About 1.4 million acres burned there in 2023"));
        assert!(points("Vacancy in the city climbed to 14%"));
        assert!(points("a quarter of the state's power"));
        assert!(points("statewide, 48% of residents gave"));
        assert!(!points("There were 8.9 million acres burned"));
        assert!(!points("there are 4,000 stations"));
        assert!(!points("Vacancy in the country rose to 20%"));
    }
}
