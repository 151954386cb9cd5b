//! What the comparison found in each group of claims, remembered between
//! runs (in the claims cache folder) so that a full run whose articles did
//! not change, or changed in a few places, does not judge the unchanged
//! groups again.
//!
//! A group's conflicts depend only on its members: their claims, their
//! order, and which of them share an article (claims of one sentence are
//! never compared). A claim is a function of its article's bytes and of the
//! build and lexicon the cache is keyed by, so an article's content hash and
//! the claim's index in it identify the claim. A group's [`fingerprint`]
//! hashes those identities in member order, with a flag for "same article as
//! the previous member"; equal fingerprints mean equal conflicts, stored as
//! member positions so that they survive articles being renumbered.

use serde::{Deserialize, Serialize};

use super::compare::Conflict;
use super::lexicon::FastMap;
use super::{Claim, ClaimRef, ConflictKind};

/// The two kinds of group the comparison judges (their fingerprints must
/// differ even for the same members).
#[derive(Clone, Copy)]
pub(super) enum Family {
    /// Claims with equal subject slots.
    Slots = 1,
    /// Claims that repeat the same digits.
    Figures = 2,
}

/// A conflict of a group: the kind and the positions of the two claims in
/// the group's member list (`a` is the one reported, as in [`Conflict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Pair {
    a: u32,
    b: u32,
    kind: ConflictKind,
}

/// The conflicts of every group of a run, by group fingerprint.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judged {
    groups: FastMap<u64, Vec<Pair>>,
}

impl Judged {
    /// True when no group is remembered.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// What a run knows to judge groups with memory: the content hash of each
/// article (indexed like the run's documents) and the groups judged before.
#[derive(Clone, Copy)]
pub struct Memory<'a> {
    /// Content hash of each article's bytes.
    pub identities: &'a [u64],
    /// The previous run's groups.
    pub earlier: &'a Judged,
}

/// The fingerprint of a group (see the module doc).
fn fingerprint(
    family: Family,
    all: &[(ClaimRef, &Claim)],
    members: &[u32],
    identities: &[u64],
) -> u64 {
    let mut bytes: Vec<u8> = Vec::with_capacity(16 * members.len() + 1);
    bytes.push(family as u8);
    let mut previous = None;
    for &j in members {
        let r = all[j as usize].0;
        let same_article = u64::from(previous == Some(r.doc));
        bytes.extend(identities[r.doc].to_le_bytes());
        bytes.extend((((r.claim as u64) << 1) | same_article).to_le_bytes());
        previous = Some(r.doc);
    }
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

/// The conflicts of one group: remembered ones when `memory` knows the
/// group, else `judge`'s. With memory, also the group's fingerprint and
/// conflicts as positions, for the next run.
pub(super) fn judge_group(
    family: Family,
    all: &[(ClaimRef, &Claim)],
    members: &[u32],
    memory: Option<Memory<'_>>,
    judge: impl FnOnce() -> Vec<Conflict>,
) -> (Vec<Conflict>, Option<(u64, Vec<Pair>)>) {
    let Some(memory) = memory else {
        return (judge(), None);
    };
    let print = fingerprint(family, all, members, memory.identities);
    if let Some(pairs) = memory.earlier.groups.get(&print) {
        let claim = |p: u32| all[members[p as usize] as usize];
        let conflicts = pairs
            .iter()
            .map(|p| Conflict::of(p.kind, claim(p.a), claim(p.b)))
            .collect();
        return (conflicts, Some((print, pairs.clone())));
    }
    let conflicts = judge();
    let position = |r: ClaimRef| {
        members
            .binary_search_by_key(&r, |&j| all[j as usize].0)
            .expect("a group's conflicts are between its members") as u32
    };
    let pairs = conflicts
        .iter()
        .map(|c| Pair {
            a: position(c.a),
            b: position(c.b),
            kind: c.kind,
        })
        .collect();
    (conflicts, Some((print, pairs)))
}

/// The groups of this run, for the next.
pub(super) fn remember(groups: impl IntoIterator<Item = (u64, Vec<Pair>)>) -> Judged {
    Judged {
        groups: groups.into_iter().collect(),
    }
}
