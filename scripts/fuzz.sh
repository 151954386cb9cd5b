#!/usr/bin/env bash
# Runs every fuzz target under fuzz/ for SECONDS each (default 30), one at a
# time, on the stable toolchain: the targets are built with the coverage
# instrumentation cargo-fuzz would add, without a sanitizer (which needs
# nightly), and run straight from the seeds in fuzz/seeds/TARGET. New inputs
# go to fuzz/target/corpus/TARGET, crashes to fuzz/artifacts/TARGET/.
#
#     scripts/fuzz.sh [SECONDS] [TARGET...]
#
# With cargo-fuzz and nightly installed, `cd fuzz && cargo fuzz run TARGET
# seeds/TARGET` works too.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-30}
shift || true
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# With an explicit --target, RUSTFLAGS reach the targets but not build
# scripts and proc macros (which libFuzzer does not link), as in cargo-fuzz.
host=$(rustc -vV | sed -n 's/^host: //p')
nice -n 10 cargo build --release --quiet --bins --target "$host"
bin="target/$host/release"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz_targets && ls -- *.rs | sed "s/\.rs$//")
fi
status=0
for t in "${targets[@]}"; do
  mkdir -p "target/corpus/$t" "artifacts/$t"
  echo "== $t (${seconds}s)"
  # 1 s per input and 512 MB at most: no input of this size may cost more
  # (issue 13); a slower or hungrier one is saved as an artifact.
  if ! nice -n 10 "$bin/$t" -max_total_time="$seconds" -timeout=1 \
      -rss_limit_mb=512 -malloc_limit_mb=256 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="artifacts/$t/" "target/corpus/$t" "seeds/$t" 2> "target/$t.log"; then
    status=1
    tail -30 "target/$t.log"
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "target/$t.log" | tr '\n' ' '
  echo
done
exit $status
