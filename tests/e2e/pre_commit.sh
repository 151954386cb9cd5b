#!/usr/bin/env bash
# End-to-end test of the pre-commit hook in .pre-commit-hooks.yaml.
#
# Installs pre-commit into a venv under target/e2e, makes a temporary git
# repository of articles whose .pre-commit-config.yaml points at this
# checkout (`repo:` a local path, `rev:` the HEAD commit, so commit first:
# uncommitted changes are not seen), and checks that:
#   1. a commit of an article with a defect (created_date after
#      publish_date) is refused with copydesk's message;
#   2. if the build knows a mojibake rule, an article with mojibake is
#      refused too (skipped, with a note, until that rule exists);
#   3. an article that contradicts a figure in an already committed
#      article is refused (the corpus is configured, so the hook compares
#      the staged file with every article);
#   4. the `copydesk-fix` hook repairs mojibake in place;
#   5. a clean article commits.
#
# pre-commit builds copydesk with `cargo install` (release): minutes the
# first time. CARGO_HOME is the user's (pre-commit leaves it alone with the
# system toolchain), and CARGO_TARGET_DIR is kept under target/e2e, so later
# runs rebuild incrementally. Needs python3 (with venv), git and cargo.
#
# The hooks tested are this checkout's source hooks (`copydesk-src`,
# `copydesk-src-fix`) unless HOOK_REPO, HOOK_REV, HOOK_ID and FIX_ID name
# others: tests/e2e/pre_commit_wheel.sh runs this script against the
# prebuilt hooks of pre-commit-mirror/.
#
# Usage: bash tests/e2e/pre_commit.sh        (exit 0: passed)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E="$ROOT/target/e2e"
mkdir -p "$E2E"
start=$(date +%s)

say() { printf 'pre_commit.sh: %s\n' "$*"; }
fail() {
    say "FAIL: $*"
    exit 1
}

# --- pre-commit, in its own venv -------------------------------------------
VENV="$E2E/venv"
if [ ! -x "$VENV/bin/pre-commit" ]; then
    say "installing pre-commit into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check pre-commit
fi
export PATH="$VENV/bin:$PATH"
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$E2E/pre-commit-home}"
export CARGO_TARGET_DIR="$E2E/cargo-target"
# The hook's output must not depend on the machine's colour settings.
export NO_COLOR=1

HOOK_REPO=${HOOK_REPO:-$ROOT}
HOOK_ID=${HOOK_ID:-copydesk-src}
FIX_ID=${FIX_ID:-copydesk-src-fix}
REV=${HOOK_REV:-$(git -C "$ROOT" rev-parse HEAD)}
if [ "$HOOK_REPO" = "$ROOT" ] && [ -n "$(git -C "$ROOT" status --porcelain -- .pre-commit-hooks.yaml src rules Cargo.toml Cargo.lock build.rs)" ]; then
    say "note: uncommitted changes in $ROOT are not part of the test (rev $REV)"
fi

# --- a repository of articles ------------------------------------------------
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REPO="$WORK/articles"
mkdir -p "$REPO/posts"
cd "$REPO"
git init -q
git config user.name "copydesk e2e"
git config user.email "e2e@example.com"
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $HOOK_REPO
    rev: $REV
    hooks:
      - id: $HOOK_ID
      - id: $FIX_ID
        stages: [manual]
EOF
cat > copydesk.yaml <<'EOF'
corpus: posts
EOF
cat > posts/phishing-trends.md <<'EOF'
---
title: Phishing trends for small businesses
publish_date: 2025-02-03
created_date: 2025-01-20
read_time: 1 min
---
Attackers follow the money. Phishing incidents at small businesses rose 22% in 2024, according to insurers.
EOF
git add .pre-commit-config.yaml copydesk.yaml posts
git commit -qm "pre-commit config and a first article" --no-verify
pre-commit install >/dev/null

# Commit "$1"; print the hook output into $WORK/out.txt; return git's status.
try_commit() {
    git add -A
    set +e
    git commit -qm "$1" >"$WORK/out.txt" 2>&1
    local status=$?
    set -e
    return $status
}

# 1. A defect: created after it was published.
cat > posts/launch.md <<'EOF'
---
title: Launch notes
publish_date: 2024-03-01
created_date: 2024-03-05
---
We launched the new site today.
EOF
say "committing an article with created_date after publish_date (first run installs the hook)"
t0=$(date +%s.%N)
if try_commit "add launch notes"; then
    cat "$WORK/out.txt"
    fail "the commit of a defective article went through"
fi
grep -q 'date-order' "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "no date-order finding in the hook output"; }
grep -q 'created_date' "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "the message does not name created_date"; }
[ -z "$(git log --format=%H -- posts/launch.md)" ] || fail "the article was committed"
say "ok: refused with copydesk's message (hook install and first commit: $(python3 -c "print(round($(date +%s.%N) - $t0, 1))") s)"
git reset -q
rm posts/launch.md

# An article whose UTF-8 went through Windows-1252 somewhere upstream.
write_cafe() {
    cat > posts/cafe.md <<'EOF'
---
title: The cafÃ© on the corner
publish_date: 2024-03-01
---
We met at the cafÃ© â€” the one with the crÃ¨me brÃ»lÃ©e.
EOF
}

# 2. Mojibake.
COPYDESK=$(find "$PRE_COMMIT_HOME" -path '*/bin/copydesk' -type f | head -n 1)
[ -n "$COPYDESK" ] || fail "pre-commit did not install a copydesk binary"
write_cafe
if try_commit "add cafe"; then
    cat "$WORK/out.txt"
    fail "the commit of an article with mojibake went through"
fi
grep -q 'mojibake' "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "no mojibake finding in the hook output"; }
say "ok: mojibake refused"
git reset -q
rm posts/cafe.md

# 3. A contradiction with an article already in the repository.
cat > posts/training.md <<'EOF'
---
title: Security awareness training pays off
publish_date: 2025-03-03
created_date: 2025-02-20
read_time: 1 min
---
Training works when it is regular. Phishing incidents at small businesses fell 22% in 2024, as more firms ran drills.
EOF
if try_commit "add training"; then
    cat "$WORK/out.txt"
    fail "the commit of a contradicting article went through"
fi
grep -q 'claim-direction-mismatch' "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "no claim finding in the hook output"; }
grep -q 'phishing-trends.md' "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "the finding does not point at the other article"; }
say "ok: contradiction with a committed article refused"
git reset -q
rm posts/training.md

# 4. copydesk-fix repairs mojibake in place.
write_cafe
set +e
pre-commit run "$FIX_ID" --hook-stage manual --files posts/cafe.md >"$WORK/out.txt" 2>&1
set -e
grep -q 'We met at the café — the one with the crème brûlée.' posts/cafe.md || { cat "$WORK/out.txt"; cat posts/cafe.md; fail "copydesk-fix did not repair the mojibake"; }
grep -q 'title: The café on the corner' posts/cafe.md || { cat posts/cafe.md; fail "copydesk-fix did not repair the front matter"; }
say "ok: copydesk-fix repaired the file"
rm posts/cafe.md

# 5. A clean article commits.
cat > posts/launch.md <<'EOF'
---
title: Launch notes
created_date: 2024-02-20
publish_date: 2024-03-01
---
We launched the new site today.
EOF
t0=$(date +%s.%N)
if ! try_commit "add launch notes"; then
    cat "$WORK/out.txt"
    fail "the commit of a clean article was refused"
fi
say "warm commit: $(python3 -c "print(round($(date +%s.%N) - $t0, 2))") s"
grep -q 'copydesk.*Passed' "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "the hook did not run"; }
say "ok: clean article committed"

say "passed in $(($(date +%s) - start))s"
