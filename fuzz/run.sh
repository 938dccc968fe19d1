#!/usr/bin/env bash
# Builds the libFuzzer targets (if needed) in build-fuzz/ and runs each for SECONDS (default
# 60), starting from the committed seeds in fuzz/corpus/<target>/ (never written to). Prints
# one summary line per target; exits 1 when any target finds a crash, leak, timeout or OOM.
# Findings are kept in build-fuzz/fuzz-findings/<target>/.
set -u
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${VEIL_FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=(frame_reader message_decoder engine_scan)

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DVEIL_FUZZ=ON -DVEIL_BUILD_TESTS=OFF >"$build.configure.log" 2>&1 ||
    { echo "fuzz: configure failed, see $build.configure.log"; exit 1; }
fi
if ! cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" >"$build/fuzz-build.log" 2>&1; then
  tail -20 "$build/fuzz-build.log"
  echo "fuzz: build failed, see $build/fuzz-build.log"
  exit 1
fi

status=0
for t in "${targets[@]}"; do
  work="$(mktemp -d)"
  findings="$build/fuzz-findings/$t"
  mkdir -p "$findings"
  log="$build/fuzz-$t.log"
  start=$(date +%s)
  # Half-second per-input timeout keeps a slow input from eating the budget unnoticed.
  VEIL_CACHE_DIR="$build/engine-cache" ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" "$build/fuzz/fuzz_$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$findings/" "$work" "$root/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  runs="$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
  new_inputs="$(find "$work" -type f | wc -l)"
  rm -rf "$work"
  if [ "$rc" -eq 0 ]; then
    echo "fuzz_$t: OK   ${elapsed}s, ${runs:-?} runs, coverage ${cov:-?}, ${new_inputs} new inputs"
  else
    status=1
    echo "fuzz_$t: FAIL exit $rc after ${elapsed}s, ${runs:-?} runs; log $log, findings in $findings/"
  fi
done
exit "$status"
