//! The Markdown body, parsed once with pulldown-cmark into what the rules
//! need: prose blocks, images, the ranges that are not prose (code, raw HTML,
//! link destinations), HTML comments (for suppressions) and a word count.
//! All spans are rebased onto the whole file at construction.

use super::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// An image in the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The whole image syntax.
    pub span: Span,
    /// Where the destination is written (the whole image for reference images).
    pub dest_span: Span,
    /// The destination as the parser resolved it.
    pub dest: String,
    /// The alt text.
    pub alt: String,
}

/// What the rules need to know about a Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The body's extent in the file.
    pub span: Span,
    /// Paragraphs and table cells (not headings, not code).
    pub prose: Vec<Span>,
    /// Headings.
    pub headings: Vec<Span>,
    /// Text runs outside code: where pattern rules on body text look.
    pub text: Vec<Span>,
    /// Images.
    pub images: Vec<Image>,
    /// Ranges that are not prose: code blocks, inline code, raw HTML, link
    /// and image destinations, autolinks. Sorted by start.
    pub masked: Vec<Span>,
    /// HTML comments, for suppression directives.
    pub comments: Vec<Span>,
    /// Words a reader meets (code blocks, URLs and images excluded).
    pub words: usize,
}

impl Body {
    /// Parse `text[start..]` as Markdown.
    pub fn parse(text: &str, start: usize) -> Body {
        let src = &text[start..];
        let mut body = Body {
            span: Span::new(start, text.len()),
            ..Body::default()
        };
        let opts = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        let mut code_block_depth = 0usize;
        let mut image_stack: Vec<(Span, String, LinkType, String, usize)> = Vec::new();
        // End of the last child inside the innermost open link or image.
        let mut link_stack: Vec<(Span, LinkType, usize)> = Vec::new();
        let mut words = WordCounter::default();
        let mut items = TightItems::default();
        for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
            let span = Span::from(range).shifted(start);
            items.observe(&event, span, &mut body.prose);
            match event {
                Event::Start(Tag::CodeBlock(_)) => {
                    code_block_depth += 1;
                    body.masked.push(span);
                }
                Event::End(TagEnd::CodeBlock) => {
                    code_block_depth = code_block_depth.saturating_sub(1)
                }
                Event::Start(Tag::Paragraph) | Event::Start(Tag::TableCell) => {
                    body.prose.push(span)
                }
                Event::Start(Tag::Heading { .. }) => body.headings.push(span),
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    ..
                }) => {
                    image_stack.push((
                        span,
                        dest_url.to_string(),
                        link_type,
                        String::new(),
                        span.start,
                    ));
                }
                Event::End(TagEnd::Image) => {
                    if let Some((span, dest, link_type, alt, last)) = image_stack.pop() {
                        let dest_span = destination_span(text, span, last, link_type);
                        body.masked.push(dest_span);
                        body.images.push(Image {
                            span,
                            dest_span,
                            dest,
                            alt,
                        });
                    }
                }
                Event::Start(Tag::Link { link_type, .. }) => {
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                        body.masked.push(span);
                    }
                    link_stack.push((span, link_type, span.start));
                }
                Event::End(TagEnd::Link) => {
                    if let Some((span, link_type, last)) = link_stack.pop()
                        && !matches!(link_type, LinkType::Autolink | LinkType::Email)
                    {
                        body.masked
                            .push(destination_span(text, span, last, link_type));
                    }
                }
                Event::Text(t) if code_block_depth == 0 => {
                    if let Some(img) = image_stack.last_mut() {
                        img.3.push_str(&t);
                    } else {
                        body.text.push(span);
                        words.add(&t);
                    }
                }
                Event::Code(t) => {
                    body.masked.push(span);
                    if image_stack.is_empty() {
                        words.add(&t);
                    }
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    body.masked.push(span);
                    let raw = &text[span.range()];
                    if raw.trim_start().starts_with("<!--") {
                        body.comments.push(span);
                    }
                }
                Event::SoftBreak | Event::HardBreak => words.boundary(),
                Event::End(_) => words.boundary(),
                _ => {}
            }
            // Remember where the last child of an open link/image ended, to
            // find where its destination is written.
            if let Some(top) = image_stack.last_mut() {
                top.4 = top.4.max(span.end.min(top.0.end));
                if span == top.0 {
                    top.4 = top.0.start;
                }
            }
            if let Some(top) = link_stack.last_mut()
                && span != top.0
            {
                top.2 = top.2.max(span.end);
            }
        }
        body.masked.sort_by_key(|s| s.start);
        body.prose.sort_by_key(|s| s.start);
        body.words = words.finish();
        body
    }

    /// Whether `span` touches a range that is not prose.
    pub fn is_masked(&self, span: Span) -> bool {
        let i = self.masked.partition_point(|m| m.end <= span.start);
        self.masked[i..]
            .iter()
            .take_while(|m| m.start < span.end.max(span.start + 1))
            .any(|m| m.overlaps(span))
    }
}

/// The items of a tight list carry their text with no paragraph around it;
/// this tracks such items so their inline content counts as a prose block.
#[derive(Default)]
struct TightItems {
    /// Open items: whether each has a paragraph, and its inline extent so far.
    open: Vec<(bool, Option<Span>)>,
    in_paragraph: usize,
    in_heading: bool,
}

impl TightItems {
    fn observe(&mut self, event: &Event, span: Span, prose: &mut Vec<Span>) {
        match event {
            Event::Start(Tag::Item) => self.open.push((false, None)),
            Event::End(TagEnd::Item) => {
                if let Some((false, Some(extent))) = self.open.pop() {
                    prose.push(extent);
                }
            }
            Event::Start(Tag::Paragraph) => {
                self.in_paragraph += 1;
                if let Some(top) = self.open.last_mut() {
                    top.0 = true;
                }
            }
            Event::End(TagEnd::Paragraph) => {
                self.in_paragraph = self.in_paragraph.saturating_sub(1)
            }
            Event::Start(Tag::Heading { .. }) => self.in_heading = true,
            Event::End(TagEnd::Heading(_)) => self.in_heading = false,
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            ) if self.in_paragraph == 0 && !self.in_heading => {
                if let Some((false, extent)) = self.open.last_mut() {
                    let e = extent.get_or_insert(span);
                    e.start = e.start.min(span.start);
                    e.end = e.end.max(span.end);
                }
            }
            _ => {}
        }
    }
}

/// The destination part of an inline link or image (`](dest "title")`): what
/// follows its last child. Reference and shortcut forms have none in place,
/// so the whole syntax is used.
fn destination_span(text: &str, whole: Span, last_child_end: usize, link_type: LinkType) -> Span {
    if link_type != LinkType::Inline {
        return whole;
    }
    let tail = &text[last_child_end.min(whole.end)..whole.end];
    let Some(open) = tail.find("](") else {
        return whole;
    };
    let start = last_child_end + open + 2;
    let inner = &text[start..whole.end];
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim_start();
    let (dest_start, dest_len) = if let Some(rest) = trimmed.strip_prefix('<') {
        (1, rest.find('>').unwrap_or(rest.len()))
    } else {
        // A title follows the destination after whitespace and a quote.
        let cut = [" \"", " '", " (", "\n\"", "\n'"]
            .iter()
            .filter_map(|p| trimmed.find(p))
            .min()
            .unwrap_or(trimmed.len());
        (0, trimmed[..cut].trim_end().len())
    };
    let s = start + lead + dest_start;
    Span::new(s, s + dest_len)
}

/// Counts words as a reader meets them: a token counts if it has a letter or
/// a digit; a CJK character is a word of its own (as Hugo counts); URLs do
/// not count. Text runs split by inline markup are joined before counting.
#[derive(Default)]
struct WordCounter {
    pending: String,
    total: usize,
}

impl WordCounter {
    fn add(&mut self, text: &str) {
        self.pending.push_str(text);
    }

    fn boundary(&mut self) {
        if !self.pending.is_empty() {
            self.total += count_words(&self.pending);
            self.pending.clear();
        }
    }

    fn finish(mut self) -> usize {
        self.boundary();
        self.total
    }
}

/// Byte classes for [`count_words`]: white space ends a token, an ASCII
/// letter or digit makes it a word, a byte ≥ 0xE3 may start a CJK character.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const NON_ASCII: u8 = 4;
const MAYBE_CJK: u8 = 8;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c >= 0xE3 {
            NON_ASCII | MAYBE_CJK
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Words in `text` by the rule above. Tokens are split on ASCII white
/// space, scanning bytes through a class table: this runs over every body,
/// so it must be cheap. Characters are decoded only for tokens that may hold
/// CJK text or have no ASCII letter or digit.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut total = 0;
    let mut i = 0;
    while i < bytes.len() {
        if CLASS[bytes[i] as usize] & SPACE != 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut flags = 0u8;
        while i < bytes.len() {
            let class = CLASS[bytes[i] as usize];
            if class & SPACE != 0 {
                break;
            }
            flags |= class;
            i += 1;
        }
        let token = &bytes[start..i];
        if matches!(token[0], b'h' | b'w')
            && (token.starts_with(b"http://")
                || token.starts_with(b"https://")
                || token.starts_with(b"www."))
        {
            continue;
        }
        if flags & MAYBE_CJK == 0 && (flags & ALNUM != 0 || flags & NON_ASCII == 0) {
            total += usize::from(flags & ALNUM != 0);
            continue;
        }
        // Token boundaries are ASCII bytes, hence char boundaries.
        let mut cjk = 0;
        let mut other_word = false;
        for c in text[start..i].chars() {
            if is_cjk(c) {
                cjk += 1;
            } else if c.is_alphanumeric() {
                other_word = true;
            }
        }
        total += cjk + usize::from(other_word);
    }
    total
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_images_do_not_count_as_words() {
        let text = "One two three.\n\n```\nlet x = 1;\n```\n\n![alt text](https://x.io/a.png) four https://x.io five\n";
        let body = Body::parse(text, 0);
        assert_eq!(body.words, 5);
        assert_eq!(body.images.len(), 1);
        assert_eq!(
            &text[body.images[0].dest_span.range()],
            "https://x.io/a.png"
        );
        assert_eq!(body.images[0].alt, "alt text");
    }

    #[test]
    fn tight_list_items_are_prose() {
        let text = "- Salaries rose 12% in 2024.\n- **Remote** roles fell 3%.\n";
        let body = Body::parse(text, 0);
        let blocks: Vec<&str> = body.prose.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(
            blocks,
            vec!["Salaries rose 12% in 2024.", "**Remote** roles fell 3%."]
        );
    }

    #[test]
    fn cjk_counts_per_character() {
        assert_eq!(count_words("日本語 text"), 4);
    }

    #[test]
    fn spans_are_rebased_onto_the_file() {
        let text = "---\nt: 1\n---\nSee `â€“` and [link](http://a.b/â€“).\n";
        let body = Body::parse(text, 12);
        let code = text.find('`').unwrap();
        assert!(body.is_masked(Span::new(code + 1, code + 3)));
        let dest = text.find("http").unwrap();
        assert!(body.is_masked(Span::new(dest + 10, dest + 12)));
        let see = text.find("See").unwrap();
        assert!(!body.is_masked(Span::new(see, see + 3)));
    }

    #[test]
    fn image_with_title_has_destination_only() {
        let text = "![a](img/x.png \"Title\")\n";
        let body = Body::parse(text, 0);
        assert_eq!(&text[body.images[0].dest_span.range()], "img/x.png");
    }
}
