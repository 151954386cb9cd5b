//! The findings cache: the corpus rules' findings of the last full run,
//! kept with the fingerprint of everything they were computed from (the
//! run's key, see `engine/gather.rs`) and the hash of the claims file they
//! were computed with. A full run that finds both unchanged reuses the
//! findings instead of decoding the claims, comparing them and running the
//! corpus rules again, as Ruff and ESLint reuse cached results.
//!
//! The findings are stored before severities and suppressions are applied,
//! so those still apply as in any other run. A file with another key,
//! another layout or bytes that do not match their checksum is not used.

use super::folder;
use crate::claims::ClaimRef;
use crate::diagnostic::{Applicability, Data, Diagnostic, Edit, Fix, Label, Severity};
use crate::document::Span;
use crate::source::{FileId, SourceFile};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::Path;

/// The findings file, beside the claims file.
const FILE: &str = "findings.bin";
/// First bytes of a findings file.
const MAGIC: [u8; 8] = *b"cdfindgs";
/// Version of this layout.
const LAYOUT: u32 = 1;

/// Read first: a file whose header does not match is not decoded further.
#[derive(Serialize, Deserialize)]
struct Header {
    magic: [u8; 8],
    layout: u32,
    /// The run's key: everything the findings depend on.
    key: u64,
    /// Hash of the claims file the findings were computed with: only with
    /// that file are the claims (of `--format json`) and its stat data the
    /// ones the findings came from.
    claims: u64,
    /// Hash of the findings after the header: a damaged file is not used,
    /// since a flipped file index or offset would still decode.
    body: u64,
}

/// Findings per chunk of the file: the chunks are decoded in parallel.
const CHUNK: usize = 1024;

/// A loaded findings file, its findings not yet decoded.
pub struct StoredFindings {
    key: u64,
    claims: u64,
    bytes: Vec<u8>,
    /// Where the findings start in `bytes`.
    body: usize,
}

impl StoredFindings {
    /// Reads the findings file of `dir`; `None` when there is none usable.
    pub fn read(dir: &Path) -> Option<StoredFindings> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        let (header, body): (Header, _) = postcard::take_from_bytes(&bytes).ok()?;
        let usable = header.magic == MAGIC
            && header.layout == LAYOUT
            && super::content_hash(body) == header.body;
        let body = bytes.len() - body.len();
        usable.then_some(StoredFindings {
            key: header.key,
            claims: header.claims,
            bytes,
            body,
        })
    }

    /// Whether the findings were computed with the claims file of hash
    /// `claims`.
    pub fn matches_claims(&self, claims: u64) -> bool {
        self.claims == claims
    }

    /// Whether the findings were saved by a run of key `key`.
    pub fn matches_key(&self, key: u64) -> bool {
        self.key == key
    }

    /// The findings, if every one points into `files`.
    pub fn diagnostics(&self, files: &[SourceFile]) -> Option<Vec<Diagnostic>> {
        let chunks = super::split_chunks(&self.bytes[self.body..])?;
        let decoded = chunks
            .par_iter()
            .map(|chunk| {
                let stored: Vec<Stored> = postcard::from_bytes(chunk).ok()?;
                stored.into_iter().map(|s| s.restore(files)).collect()
            })
            .collect::<Option<Vec<Vec<Diagnostic>>>>()?;
        Some(decoded.into_iter().flatten().collect())
    }
}

/// The stored form of `diagnostics`, for [`write()`]; `None` when one has
/// free-form JSON data (no corpus rule makes those, and their numbers would
/// not come back bit for bit).
pub fn encode(diagnostics: &[Diagnostic]) -> Option<Vec<u8>> {
    let stored = diagnostics
        .iter()
        .map(Stored::of)
        .collect::<Option<Vec<_>>>()?;
    let mut body = Vec::new();
    for chunk in stored.chunks(CHUNK) {
        let chunk = postcard::to_stdvec(chunk).ok()?;
        body.extend(u32::try_from(chunk.len()).ok()?.to_le_bytes());
        body.extend(chunk);
    }
    Some(body)
}

/// Replaces the findings file of `dir` with `body` ([`encode`]), saved by
/// a run of key `key` with the claims file of id `claims`; removes it when
/// there is no body.
pub fn write(dir: &Path, key: u64, claims: u64, body: Option<&[u8]>) -> std::io::Result<()> {
    let Some(body) = body else {
        return match std::fs::remove_file(dir.join(FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    };
    let header = Header {
        magic: MAGIC,
        layout: LAYOUT,
        key,
        claims,
        body: super::content_hash(body),
    };
    let mut bytes = postcard::to_stdvec(&header).map_err(std::io::Error::other)?;
    bytes.extend(body);
    folder::prepare(dir)?;
    folder::replace(dir, FILE, &bytes)
}

/// [`encode`] then [`write()`].
pub fn save(dir: &Path, key: u64, claims: u64, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    write(dir, key, claims, encode(diagnostics).as_deref())
}

/// A [`Diagnostic`] as stored: borrowed when written, owned when read.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    rule: Cow<'a, str>,
    severity: Severity,
    message: Cow<'a, str>,
    file: u32,
    span: (usize, usize),
    label: Option<Cow<'a, str>>,
    related: Vec<(u32, (usize, usize), Cow<'a, str>)>,
    help: Option<Cow<'a, str>>,
    fix: Option<StoredFix<'a>>,
    data: Option<StoredData>,
}

#[derive(Serialize, Deserialize)]
struct StoredFix<'a> {
    title: Cow<'a, str>,
    edits: Vec<((usize, usize), Cow<'a, str>)>,
    safe: bool,
    store_as_utf8: bool,
}

#[derive(Serialize, Deserialize)]
enum StoredData {
    ClaimPair {
        claim: (usize, usize),
        other: (usize, usize),
        confidence: f64,
    },
    ClaimFact {
        claim: (usize, usize),
        fact: usize,
    },
}

fn span_of(s: Span) -> (usize, usize) {
    (s.start, s.end)
}

fn claim_of(r: ClaimRef) -> (usize, usize) {
    (r.doc, r.claim)
}

fn claim_ref((doc, claim): (usize, usize)) -> ClaimRef {
    ClaimRef { doc, claim }
}

/// `span` of file `file`, if the file exists and the span lies on its
/// character boundaries.
fn place(files: &[SourceFile], file: u32, (start, end): (usize, usize)) -> Option<(FileId, Span)> {
    let text = files.get(file as usize)?.text();
    let fits = start <= end && text.is_char_boundary(start) && text.is_char_boundary(end);
    fits.then_some((FileId(file), Span { start, end }))
}

impl<'a> Stored<'a> {
    /// `None` for a finding with free-form JSON data.
    fn of(d: &'a Diagnostic) -> Option<Stored<'a>> {
        let data = match &d.data {
            None => None,
            Some(Data::Json(_)) => return None,
            Some(Data::ClaimPair {
                claim,
                other,
                confidence,
            }) => Some(StoredData::ClaimPair {
                claim: claim_of(*claim),
                other: claim_of(*other),
                confidence: *confidence,
            }),
            Some(Data::ClaimFact { claim, fact }) => Some(StoredData::ClaimFact {
                claim: claim_of(*claim),
                fact: *fact,
            }),
        };
        Some(Stored {
            rule: Cow::Borrowed(&d.rule),
            severity: d.severity,
            message: Cow::Borrowed(&d.message),
            file: d.file.0,
            span: span_of(d.span),
            label: d.label.as_deref().map(Cow::Borrowed),
            related: d
                .related
                .iter()
                .map(|l| (l.file.0, span_of(l.span), Cow::Borrowed(l.message.as_str())))
                .collect(),
            help: d.help.as_deref().map(Cow::Borrowed),
            fix: d.fix.as_ref().map(|f| StoredFix {
                title: Cow::Borrowed(&f.title),
                edits: f
                    .edits
                    .iter()
                    .map(|e| (span_of(e.span), Cow::Borrowed(e.replacement.as_str())))
                    .collect(),
                safe: f.applicability == Applicability::Safe,
                store_as_utf8: f.store_as_utf8,
            }),
            data,
        })
    }

    fn restore(self, files: &[SourceFile]) -> Option<Diagnostic> {
        let (file, span) = place(files, self.file, self.span)?;
        let related = self
            .related
            .into_iter()
            .map(|(file, span, message)| {
                let (file, span) = place(files, file, span)?;
                Some(Label {
                    file,
                    span,
                    message: message.into_owned(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let fix = match self.fix {
            None => None,
            Some(f) => Some(Fix {
                title: f.title.into_owned(),
                edits: f
                    .edits
                    .into_iter()
                    .map(|(span, replacement)| {
                        let (_, span) = place(files, file.0, span)?;
                        Some(Edit {
                            span,
                            replacement: replacement.into_owned(),
                        })
                    })
                    .collect::<Option<Vec<_>>>()?,
                applicability: if f.safe {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                },
                store_as_utf8: f.store_as_utf8,
            }),
        };
        let data = self.data.map(|d| match d {
            StoredData::ClaimPair {
                claim,
                other,
                confidence,
            } => Data::ClaimPair {
                claim: claim_ref(claim),
                other: claim_ref(other),
                confidence,
            },
            StoredData::ClaimFact { claim, fact } => Data::ClaimFact {
                claim: claim_ref(claim),
                fact,
            },
        });
        Some(Diagnostic {
            rule: Cow::Owned(self.rule.into_owned()),
            severity: self.severity,
            message: self.message.into_owned(),
            file,
            span,
            label: self.label.map(Cow::into_owned),
            related,
            help: self.help.map(|h| Cow::Owned(h.into_owned())),
            fix,
            data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Decoded, Encoding, LineEnding};
    use std::path::PathBuf;

    fn files() -> Vec<SourceFile> {
        [
            "Phishing rose 22% in 2024.",
            "Phishing fell 22% in 2024 — “é”.",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            SourceFile::new(
                FileId(i as u32),
                PathBuf::from(format!("/corpus/{i}.md")),
                Decoded {
                    text: text.to_string(),
                    encoding: Encoding::Utf8,
                    bom: false,
                    line_ending: LineEnding::Lf,
                    lossy: false,
                },
            )
        })
        .collect()
    }

    fn findings() -> Vec<Diagnostic> {
        let pair = Diagnostic::new("claim-direction-mismatch", FileId(1), Span::new(9, 12), "b")
            .with_label("here")
            .with_help("Check both")
            .with_related(FileId(0), Span::new(14, 17), "the other")
            .with_data(Data::ClaimPair {
                claim: ClaimRef { doc: 1, claim: 0 },
                other: ClaimRef { doc: 0, claim: 0 },
                confidence: 0.1 + 0.2,
            });
        let fact = Diagnostic::new("claim-fact-mismatch", FileId(0), Span::new(0, 8), "a")
            .with_fix(Fix::unsafe_edit("Replace", Span::new(14, 17), "23%"))
            .with_data(Data::ClaimFact {
                claim: ClaimRef { doc: 0, claim: 0 },
                fact: 3,
            });
        vec![
            pair,
            fact,
            Diagnostic::new("x", FileId(0), Span::new(1, 1), "c"),
        ]
    }

    #[test]
    fn findings_round_trip_under_their_key_only() {
        let dir = tempfile::tempdir().unwrap();
        let saved = findings();
        save(dir.path(), 7, 9, &saved).unwrap();
        let stored = StoredFindings::read(dir.path()).unwrap();
        assert!(stored.matches_key(7) && stored.matches_claims(9));
        assert!(!stored.matches_key(8));
        assert!(!stored.matches_claims(8));
        assert_eq!(stored.diagnostics(&files()).unwrap(), saved);
        // A file list the findings do not fit: not used.
        assert!(stored.diagnostics(&files()[..1]).is_none());
        assert!(StoredFindings::read(&dir.path().join("missing")).is_none());
    }

    #[test]
    fn many_findings_come_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let saved: Vec<Diagnostic> = (0..2 * CHUNK + 5)
            .map(|i| Diagnostic::new("x", FileId(0), Span::new(i % 9, 9), format!("{i}")))
            .collect();
        save(dir.path(), 1, 2, &saved).unwrap();
        let stored = StoredFindings::read(dir.path()).unwrap();
        assert_eq!(stored.diagnostics(&files()).unwrap(), saved);
    }

    #[test]
    fn json_data_is_not_stored() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), 7, 9, &findings()).unwrap();
        let json = Diagnostic::new("x", FileId(0), Span::new(0, 1), "c")
            .with_data(Data::Json(serde_json::json!({"a": 0.1})));
        save(dir.path(), 7, 9, &[json]).unwrap();
        assert!(StoredFindings::read(dir.path()).is_none());
    }

    #[test]
    fn damaged_bytes_are_not_used() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), 7, 9, &findings()).unwrap();
        let path = dir.path().join(FILE);
        let bytes = std::fs::read(&path).unwrap();
        let files = files();
        // Every truncation and every flipped byte: not used, never a panic.
        for cut in 0..bytes.len() {
            std::fs::write(&path, &bytes[..cut]).unwrap();
            assert!(StoredFindings::read(dir.path()).is_none(), "cut at {cut}");
            let mut flipped = bytes.clone();
            flipped[cut] ^= 0xff;
            std::fs::write(&path, &flipped).unwrap();
            let usable = StoredFindings::read(dir.path())
                .filter(|s| s.matches_key(7) && s.matches_claims(9))
                .and_then(|s| s.diagnostics(&files));
            assert!(usable.is_none(), "flipped byte {cut}");
        }
        std::fs::write(&path, b"not findings at all").unwrap();
        assert!(StoredFindings::read(dir.path()).is_none());
    }
}
