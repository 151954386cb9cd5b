#!/usr/bin/env bash
# End-to-end test of the prebuilt hooks (pre-commit-mirror/, `language:
# python`): builds the copydesk wheel with maturin (manylinux2014, linked
# with zig), makes a git repository of the mirror folder, and runs
# tests/e2e/pre_commit.sh against it with PIP_FIND_LINKS pointing at the
# wheel, which stands in for the package index. No Rust toolchain is used by
# pre-commit here: the hook environment gets the wheel's binary.
#
# Usage: bash tests/e2e/pre_commit_wheel.sh   (exit 0: passed)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E="$ROOT/target/e2e-wheel"
WHEELS="$E2E/wheels"
mkdir -p "$E2E"
say() { printf 'pre_commit_wheel.sh: %s\n' "$*"; }

VENV="$E2E/build-venv"
if [ ! -x "$VENV/bin/maturin" ]; then
    say "installing maturin and ziglang into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.5,<2" ziglang
fi
rm -rf "$WHEELS"
say "building the wheel"
# maturin finds zig as `python -m ziglang` with the first python on PATH:
# the venv's, which has ziglang (a bare machine's python3 does not).
(cd "$ROOT" && PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" build --quiet --release --zig \
    --compatibility manylinux2014 -o "$WHEELS")
ls "$WHEELS"/copydesk-*.whl >/dev/null || { say "FAIL: no wheel built"; exit 1; }

# The wheel installs and runs in a fresh venv.
rm -rf "$E2E/try-venv"
python3 -m venv "$E2E/try-venv"
"$E2E/try-venv/bin/pip" install --quiet --disable-pip-version-check --no-index --find-links "$WHEELS" copydesk
"$E2E/try-venv/bin/copydesk" --version

# The mirror folder as its own repository, as it is published.
MIRROR=$(mktemp -d)
trap 'rm -rf "$MIRROR"' EXIT
cp -r "$ROOT/pre-commit-mirror/." "$MIRROR/"
git -C "$MIRROR" init -q
git -C "$MIRROR" add -A
git -C "$MIRROR" -c user.name=e2e -c user.email=e2e@example.com -c commit.gpgsign=false commit -qm mirror
export PIP_FIND_LINKS="$WHEELS"
HOOK_REPO="$MIRROR" HOOK_REV=$(git -C "$MIRROR" rev-parse HEAD) HOOK_ID=copydesk FIX_ID=copydesk-fix \
    PRE_COMMIT_HOME="$E2E/pre-commit-home" bash "$ROOT/tests/e2e/pre_commit.sh"
