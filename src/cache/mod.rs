//! The claims cache: the statistical claims of every article of a corpus,
//! kept between runs so that a partial run (a pre-commit hook checking the
//! staged files against the whole corpus) need not read and parse thousands
//! of articles that did not change.
//!
//! It lives in `.copydesk-cache/` in the project root (see `folder.rs` for
//! what makes the folder safe to delete and invisible to git), in one file
//! keyed by [`key`]: copydesk's version, a fingerprint of the build's sources
//! and the `lexicon:` section of the config, since all three change what is
//! extracted. A file with another key, another layout or damaged bytes is
//! ignored and rewritten; a folder that cannot be written is not an error.
//!
//! Inside, each article has its stat data, a hash of its bytes and its
//! claims. A run trusts the stat data of files changed well before the run
//! that wrote the cache (see `source/stamp.rs`); any other file is read and hashed,
//! and re-parsed only when the hash changed. This module only stores and
//! loads; which files a run reads is the engine's business
//! (`engine/gather.rs`). Beside the claims: the groups the last full run
//! judged (`judged.bin`) and its corpus findings (`findings.rs`).

pub mod findings;
mod folder;
mod record;

pub use crate::source::stamp::{Stamp, content_hash, now_ns};

use crate::claims::{Claim, Judged};
use rayon::prelude::*;
use record::{CHUNK, Damaged, Header, LAYOUT, MAGIC, StoredFile, Tables, Vocabularies, Vocabulary};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The cache folder's name, in the project root.
pub const FOLDER: &str = ".copydesk-cache";
/// The claims file inside it.
const FILE: &str = "claims.bin";

/// The file of the comparison's remembered groups ([`Judged`]).
const JUDGED_FILE: &str = "judged.bin";

/// First bytes of the judged file.
const JUDGED_MAGIC: [u8; 8] = *b"cdjudged";

/// The judged file: usable only under the same key as the claims.
#[derive(serde::Serialize, serde::Deserialize)]
struct JudgedFile<J> {
    magic: [u8; 8],
    key: u64,
    judged: J,
}

/// The key a cache file must carry to be used: the version, the build's
/// source fingerprint (so development builds of one version do not share a
/// cache) and the config's `lexicon:` section, hashed.
pub fn key(lexicon: Option<&serde_yaml::Value>) -> u64 {
    let lexicon = lexicon
        .and_then(|v| serde_yaml::to_string(v).ok())
        .unwrap_or_default();
    let text = format!(
        "{}\0{}\0{lexicon}",
        env!("CARGO_PKG_VERSION"),
        env!("COPYDESK_SOURCE_FINGERPRINT")
    );
    content_hash(text.as_bytes())
}

/// What the cache knows about one article.
#[derive(Debug)]
pub struct Entry {
    /// Its stat data when it was read.
    pub stamp: Stamp,
    /// Hash of its bytes ([`content_hash`]).
    pub hash: u64,
    /// Its claims.
    pub claims: Vec<Claim>,
}

/// A loaded cache: its entries (none when there was no usable file) and
/// where to save it. The default is no cache at all: nothing to read, and
/// nowhere to write.
#[derive(Debug, Default)]
pub struct ClaimsCache {
    dir: Option<PathBuf>,
    key: u64,
    started_ns: u64,
    /// By absolute path (as bytes: hashing a `Path` parses its components).
    index: HashMap<OsString, usize>,
    entries: Vec<Entry>,
    /// [`ClaimsFile::id`] of the file the entries were decoded from (none
    /// when empty).
    file_id: Option<u64>,
}

/// The claims file of a folder, looked at but not yet decoded: a full run
/// whose findings are cached never needs the claims (see `findings.rs`).
#[derive(Debug, Default)]
pub struct ClaimsFile {
    dir: PathBuf,
    key: u64,
    /// The whole file, once read.
    bytes: Option<Vec<u8>>,
    id: Option<u64>,
}

/// Bytes of the start of a claims file that [`identity`] reads.
const PREFIX: usize = 4096;

/// What tells one claims file from another without reading it all: its
/// length and first bytes, where the header holds the key and the start
/// time of the run that wrote it (no two runs write the same).
fn identity(bytes: &[u8], len: u64) -> u64 {
    let mut text = bytes[..bytes.len().min(PREFIX)].to_vec();
    text.extend(len.to_le_bytes());
    content_hash(&text)
}

impl ClaimsFile {
    /// Reads the claims file of `dir` (none there: empty).
    pub fn read(dir: &Path, key: u64) -> ClaimsFile {
        let bytes = std::fs::read(dir.join(FILE)).ok();
        let id = bytes.as_deref().map(|b| identity(b, b.len() as u64));
        ClaimsFile {
            dir: dir.to_path_buf(),
            key,
            bytes,
            id,
        }
    }

    /// Reads only the start of the claims file of `dir`, for its
    /// [`ClaimsFile::id`]; [`ClaimsFile::decode`] reads the rest.
    pub fn peek(dir: &Path, key: u64) -> ClaimsFile {
        use std::io::Read;
        let start = || -> std::io::Result<(Vec<u8>, u64)> {
            let file = std::fs::File::open(dir.join(FILE))?;
            let len = file.metadata()?.len();
            let mut prefix = Vec::with_capacity(PREFIX);
            file.take(PREFIX as u64).read_to_end(&mut prefix)?;
            Ok((prefix, len))
        };
        ClaimsFile {
            dir: dir.to_path_buf(),
            key,
            bytes: None,
            id: start().ok().map(|(prefix, len)| identity(&prefix, len)),
        }
    }

    /// Which claims file this is (`None`: there was none).
    pub fn id(&self) -> Option<u64> {
        self.id
    }

    /// The cache the file holds if it carries the key; an empty cache, to
    /// be saved in the folder, otherwise.
    pub fn decode(self) -> ClaimsCache {
        let file = match self.bytes {
            Some(_) => self,
            None => ClaimsFile::read(&self.dir, self.key),
        };
        let loaded = file
            .bytes
            .as_deref()
            .and_then(|bytes| decode(bytes, file.key).ok())
            .map(|c| ClaimsCache {
                file_id: file.id,
                ..c
            })
            .unwrap_or_default();
        ClaimsCache {
            dir: Some(file.dir),
            key: file.key,
            ..loaded
        }
    }
}

impl ClaimsCache {
    /// Loads the cache of `dir` if it exists and carries `key`; an empty
    /// cache, to be saved in `dir`, otherwise. Never fails: a cache is only
    /// ever a shortcut.
    pub fn load(dir: &Path, key: u64) -> ClaimsCache {
        ClaimsFile::read(dir, key).decode()
    }

    /// The folder the cache is saved in.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// [`ClaimsFile::id`] of the file the entries came from, when there was one.
    pub fn file_id(&self) -> Option<u64> {
        self.file_id
    }

    /// The groups the last full run judged, read only by a full run that
    /// compares (none without a cache, or under another key).
    pub fn load_judged(&self) -> Judged {
        let Some(dir) = &self.dir else {
            return Judged::default();
        };
        std::fs::read(dir.join(JUDGED_FILE))
            .ok()
            .and_then(|bytes| postcard::from_bytes::<JudgedFile<Judged>>(&bytes).ok())
            .filter(|f| f.magic == JUDGED_MAGIC && f.key == self.key)
            .map(|f| f.judged)
            .unwrap_or_default()
    }

    /// Replaces the remembered groups with `judged`; does nothing for the
    /// default, folder-less cache.
    pub fn save_judged(&self, judged: &Judged) -> std::io::Result<()> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let file = JudgedFile {
            magic: JUDGED_MAGIC,
            key: self.key,
            judged,
        };
        let bytes = postcard::to_stdvec(&file).map_err(std::io::Error::other)?;
        folder::prepare(dir)?;
        folder::replace(dir, JUDGED_FILE, &bytes)
    }

    /// Replaces the saved cache with `records` (see [`save`]) and returns
    /// the new file's [`ClaimsFile::id`]; does nothing for the default,
    /// folder-less cache.
    pub fn save(&self, started_ns: u64, records: &[Record]) -> std::io::Result<Option<u64>> {
        match &self.dir {
            Some(dir) => save(dir, self.key, started_ns, records).map(Some),
            None => Ok(None),
        }
    }

    /// Whether the cache has a folder to be saved in.
    pub fn is_enabled(&self) -> bool {
        self.dir.is_some()
    }

    /// Number of articles in the cache.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the cache holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The index of the entry for `path` (absolute, see [`absolute`]).
    pub fn position(&self, path: &Path) -> Option<usize> {
        self.index.get(path.as_os_str()).copied()
    }

    /// Entry `i`.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// Moves the claims of entry `i` out (the entry keeps none).
    pub fn take_claims(&mut self, i: usize) -> Vec<Claim> {
        std::mem::take(&mut self.entries[i].claims)
    }

    /// Every entry with its absolute path, and the stamp to record for it
    /// in a newer cache: its own when it was settled for this cache's run,
    /// else [`Stamp::UNKNOWN`], so that a newer start time cannot make a
    /// racy entry look settled.
    pub fn carried_over(&self) -> impl Iterator<Item = (&Path, Stamp, &Entry)> {
        self.index.iter().map(|(path, &i)| {
            let entry = &self.entries[i];
            let stamp = if entry.stamp.settled_before(self.started_ns) {
                entry.stamp
            } else {
                Stamp::UNKNOWN
            };
            (Path::new(path.as_os_str()), stamp, entry)
        })
    }

    /// Whether a file whose stat data are now `stamp` is unchanged since
    /// entry `i` was recorded, without reading it.
    pub fn unchanged(&self, i: usize, stamp: &Stamp) -> bool {
        self.entries[i].stamp == *stamp && stamp.settled_before(self.started_ns)
    }
}

/// One article to record.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Absolute path (see [`absolute`]).
    pub path: &'a Path,
    /// Stat data taken before the file was read.
    pub stamp: Stamp,
    /// Hash of the bytes read.
    pub hash: u64,
    /// The claims extracted from those bytes.
    pub claims: &'a [Claim],
}

/// Writes the cache of `dir` (creating the folder), replacing the previous
/// one, and returns its [`ClaimsFile::id`]. `started_ns` is when the run
/// began, before any file was looked at.
pub fn save(dir: &Path, key: u64, started_ns: u64, records: &[Record]) -> std::io::Result<u64> {
    let bytes = encode(key, started_ns, records).map_err(std::io::Error::other)?;
    folder::prepare(dir)?;
    folder::replace(dir, FILE, &bytes)?;
    Ok(identity(&bytes, bytes.len() as u64))
}

/// `path` made absolute against `cwd` with `.` components dropped, without
/// touching the file system: the form paths are cached under, so that runs
/// started from different folders share entries.
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let plain = path.is_absolute()
        && !path
            .as_os_str()
            .as_encoded_bytes()
            .windows(2)
            .any(|w| w == b"/.");
    if plain {
        // The common case (a corpus given as an absolute path) needs no
        // parsing; `/.` also catches hidden names, which is only slower.
        return path.to_path_buf();
    }
    cwd.join(path).components().collect()
}

fn encode(key: u64, started_ns: u64, records: &[Record]) -> Result<Vec<u8>, postcard::Error> {
    let header = Header {
        magic: MAGIC,
        layout: LAYOUT,
        key,
        started_ns,
    };
    let mut vocabulary = Vocabulary::default();
    let mut chunks = Vec::new();
    for chunk in records.chunks(CHUNK) {
        let files: Vec<StoredFile> = chunk
            .iter()
            .map(|r| StoredFile {
                path: path_bytes(r.path),
                stamp: r.stamp,
                hash: r.hash,
                claims: r.claims.iter().map(|c| vocabulary.store(c)).collect(),
            })
            .collect();
        chunks.push(postcard::to_stdvec(&files)?);
    }
    let (words, lists) = vocabulary.into_tables();
    let mut bytes = postcard::to_stdvec(&header)?;
    bytes.extend(postcard::to_stdvec(&Vocabularies { words, lists })?);
    for chunk in chunks {
        let len = u32::try_from(chunk.len()).map_err(|_| postcard::Error::SerializeBufferFull)?;
        bytes.extend(len.to_le_bytes());
        bytes.extend(chunk);
    }
    Ok(bytes)
}

/// Why a cache file was not used (never shown: the cache is rebuilt).
#[derive(Debug)]
enum Unusable {
    Bytes,
    OtherKey,
    Damaged,
}

impl From<postcard::Error> for Unusable {
    fn from(_: postcard::Error) -> Unusable {
        Unusable::Bytes
    }
}

impl From<Damaged> for Unusable {
    fn from(_: Damaged) -> Unusable {
        Unusable::Damaged
    }
}

fn decode(bytes: &[u8], key: u64) -> Result<ClaimsCache, Unusable> {
    let (header, rest): (Header, _) = postcard::take_from_bytes(bytes)?;
    if header.magic != MAGIC || header.layout != LAYOUT || header.key != key {
        return Err(Unusable::OtherKey);
    }
    let (vocabularies, rest): (Vocabularies, _) = postcard::take_from_bytes(rest)?;
    let tables = Tables::intern(&vocabularies.words, &vocabularies.lists)?;
    let chunks = split_chunks(rest).ok_or(Unusable::Bytes)?;
    let decoded = chunks
        .par_iter()
        .map(|chunk| {
            let files: Vec<StoredFile> = postcard::from_bytes(chunk)?;
            files
                .into_iter()
                .map(|f| {
                    let claims = f
                        .claims
                        .iter()
                        .map(|c| tables.restore(c))
                        .collect::<Result<Vec<Claim>, Damaged>>()?;
                    let entry = Entry {
                        stamp: f.stamp,
                        hash: f.hash,
                        claims,
                    };
                    Ok((path_from_bytes(f.path).into_os_string(), entry))
                })
                .collect::<Result<Vec<_>, Unusable>>()
        })
        .collect::<Result<Vec<_>, Unusable>>()?;
    let mut index = HashMap::with_capacity(decoded.len() * CHUNK);
    let mut entries = Vec::with_capacity(decoded.len() * CHUNK);
    for (path, entry) in decoded.into_iter().flatten() {
        index.insert(path, entries.len());
        entries.push(entry);
    }
    Ok(ClaimsCache {
        dir: None,
        key,
        started_ns: header.started_ns,
        index,
        entries,
        file_id: None,
    })
}

/// The chunks of a cache file's body, each written after its length (four
/// bytes, little-endian) so that they decode in parallel; `None` when a
/// length runs past the end.
fn split_chunks(mut rest: &[u8]) -> Option<Vec<&[u8]>> {
    let mut chunks = Vec::new();
    while !rest.is_empty() {
        let (len, tail) = rest.split_first_chunk::<4>()?;
        let len = u32::from_le_bytes(*len) as usize;
        if len > tail.len() {
            return None;
        }
        let (chunk, tail) = tail.split_at(len);
        chunks.push(chunk);
        rest = tail;
    }
    Some(chunks)
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Lexicon, extract_prose};

    fn claims_of(text: &str) -> Vec<Claim> {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
        extract_prose(text, date, &Lexicon::builtin())
    }

    fn stamp(n: u64) -> Stamp {
        Stamp {
            size: n,
            mtime_ns: n,
            ctime_ns: n,
            inode: n,
        }
    }

    #[test]
    fn claims_round_trip() {
        let texts = [
            "The median salary for remote nurses in the US was about $98,000 in 2024.",
            "Ransomware attacks rose from 5% to 19% between 2019 and 2023, and one in five firms paid.",
            "The market will grow 12% a year through 2030, to more than $1.8 trillion.",
        ];
        let docs: Vec<Vec<Claim>> = texts.iter().map(|t| claims_of(t)).collect();
        assert!(docs.iter().all(|d| !d.is_empty()), "{docs:?}");
        let paths: Vec<PathBuf> = (0..docs.len())
            .map(|i| PathBuf::from(format!("/corpus/{i}.md")))
            .collect();
        let records: Vec<Record> = docs
            .iter()
            .zip(&paths)
            .enumerate()
            .map(|(i, (claims, path))| Record {
                path,
                stamp: stamp(i as u64),
                hash: 100 + i as u64,
                claims,
            })
            .collect();
        let bytes = encode(7, 42, &records).unwrap();
        let cache = decode(&bytes, 7).unwrap();
        assert_eq!(cache.len(), 3);
        assert!(!cache.is_enabled());
        assert_eq!(cache.started_ns, 42);
        for (i, (claims, path)) in docs.iter().zip(&paths).enumerate() {
            let entry = cache.entry(cache.position(path).unwrap());
            assert_eq!(entry.stamp, stamp(i as u64));
            assert_eq!(entry.hash, 100 + i as u64);
            // Debug shows every field, words included.
            assert_eq!(format!("{:?}", entry.claims), format!("{claims:?}"));
            let json = |c: &[Claim]| serde_json::to_string(c).unwrap();
            assert_eq!(json(&entry.claims), json(claims));
        }
    }

    #[test]
    fn another_key_or_damaged_bytes_are_not_used() {
        let claims = claims_of("Phishing incidents rose 22% in 2024.");
        let path = PathBuf::from("/corpus/a.md");
        let records = [Record {
            path: &path,
            stamp: stamp(1),
            hash: 1,
            claims: &claims,
        }];
        let bytes = encode(7, 42, &records).unwrap();
        assert!(matches!(decode(&bytes, 8), Err(Unusable::OtherKey)));
        assert!(decode(&bytes[..bytes.len() / 2], 7).is_err());
        assert!(decode(b"", 7).is_err());
        assert!(decode(b"not a cache at all, just some text", 7).is_err());
        // Every truncation and every flipped byte: an error or a cache, never a panic.
        for cut in 0..bytes.len() {
            let _ = decode(&bytes[..cut], 7);
            let mut flipped = bytes.clone();
            flipped[cut] ^= 0xff;
            let _ = decode(&flipped, 7);
        }
    }

    #[test]
    fn save_creates_a_folder_safe_to_ignore_and_load_reads_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join(FOLDER);
        let claims = claims_of("Phishing incidents rose 22% in 2024.");
        let path = dir.path().join("a.md");
        let records = [Record {
            path: &path,
            stamp: stamp(1),
            hash: 9,
            claims: &claims,
        }];
        save(&cache_dir, 3, 5, &records).unwrap();
        assert_eq!(
            std::fs::read_to_string(cache_dir.join(".gitignore"))
                .unwrap()
                .lines()
                .last(),
            Some("*")
        );
        assert!(
            std::fs::read_to_string(cache_dir.join("CACHEDIR.TAG"))
                .unwrap()
                .starts_with("Signature: 8a477f597d28d172789f06886806bc55")
        );
        let loaded = ClaimsCache::load(&cache_dir, 3);
        assert_eq!(loaded.len(), 1);
        assert!(loaded.is_enabled());
        assert!(ClaimsCache::load(&cache_dir, 4).is_empty());
        assert!(ClaimsCache::load(&dir.path().join("missing"), 3).is_empty());
    }

    #[test]
    fn a_claims_file_is_known_by_its_start_without_reading_it_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        // More claims than the identity reads, so a change past it shows.
        let claims = claims_of(&"Phishing incidents rose 22% in 2024. ".repeat(200));
        let record = |started| {
            let records = [Record {
                path: &path,
                stamp: stamp(1),
                hash: 9,
                claims: &claims,
            }];
            save(dir.path(), 3, started, &records).unwrap()
        };
        let id = record(5);
        assert!(std::fs::metadata(dir.path().join(FILE)).unwrap().len() > PREFIX as u64);
        assert_eq!(ClaimsFile::peek(dir.path(), 3).id(), Some(id));
        assert_eq!(ClaimsFile::read(dir.path(), 3).id(), Some(id));
        let cache = ClaimsFile::peek(dir.path(), 3).decode();
        assert_eq!((cache.len(), cache.file_id()), (1, Some(id)));
        // Written by another run: another start time in the header.
        assert_ne!(record(6), id);
        assert_eq!(ClaimsFile::peek(&dir.path().join("none"), 3).id(), None);
        assert!(
            ClaimsFile::peek(&dir.path().join("none"), 3)
                .decode()
                .is_empty()
        );
    }

    #[test]
    fn absolute_paths_drop_dots() {
        let cwd = Path::new("/work/site");
        assert_eq!(
            absolute(Path::new("./content/a.md"), cwd),
            PathBuf::from("/work/site/content/a.md")
        );
        assert_eq!(
            absolute(Path::new("/x/./a.md"), cwd),
            PathBuf::from("/x/a.md")
        );
        assert_eq!(
            absolute(Path::new("/x/.hidden/a.md"), cwd),
            PathBuf::from("/x/.hidden/a.md")
        );
        assert_eq!(
            absolute(Path::new("/x/a.md"), cwd),
            PathBuf::from("/x/a.md")
        );
    }
}
