#!/usr/bin/env bash
# Veil's whole test run (what CI calls): installs what the tests need, builds with ASan+UBSan
# and -Werror, runs every suite through ctest (C++ units, protocol, extension unit, lint,
# end-to-end in headless Chromium), then a short fuzzing pass. Exits non-zero on any failure.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
BUILD_DIR="${VEIL_TEST_BUILD_DIR:-$REPO_ROOT/build-test}"
JOBS="${VEIL_JOBS:-2}"
START=$(date +%s)

step() { printf '\n==> [%ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

PACKAGES=(build-essential cmake ninja-build pkg-config python3 ccache openssl
  libicu-dev nlohmann-json3-dev libsqlitecpp-dev libsqlite3-dev libsodium-dev
  libphonenumber-dev libboost-thread-dev libprotobuf-dev libabsl-dev libsecret-1-dev
  catch2 clang libclang-rt-14-dev chromium)
case "$(dpkg --print-architecture 2>/dev/null || uname -m)" in
  amd64|x86_64) PACKAGES+=(libhyperscan-dev) ;;
  *) PACKAGES+=(libvectorscan-dev) ;;
esac

step "Packages"
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "all present"
  fi
else
  echo "not a Debian system: install the packages listed in installer/test.sh by hand" >&2
fi

step "Node packages (npm ci)"
# The lock file pins everything; playwright-core never downloads a browser (Debian's Chromium is used).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ -d node_modules && node_modules/.package-lock.json -nt package-lock.json ]]; then
  echo "node_modules is up to date"
else
  npm ci --no-audit --no-fund --loglevel=error
fi

step "Configure ($BUILD_DIR: Debug, ASan+UBSan, -Werror)"
cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DVEIL_SANITIZE=ON -DVEIL_WERROR=ON -DVEIL_BUILD_TESTS=ON >/dev/null

step "Build"
cmake --build "$BUILD_DIR" -j "$JOBS"

step "Tests (ctest)"
# ASan: leaks are errors, but Chromium-started hosts must not print to a closed terminal.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$REPO_ROOT/artifacts"
set +e
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" --timeout 900 \
  2>&1 | tee "$REPO_ROOT/artifacts/ctest.log"
ctest_rc=${PIPESTATUS[0]}
set -e
# Repeat ctest's summary line at the end so it is easy to find.
grep -E '^[0-9]+% tests passed' "$REPO_ROOT/artifacts/ctest.log" | tail -n1 > "$REPO_ROOT/artifacts/ctest-summary.txt" || true

fuzz_rc=0
if [[ -x "$REPO_ROOT/fuzz/run.sh" || -f "$REPO_ROOT/fuzz/run.sh" ]]; then
  step "Fuzzing (fuzz/run.sh 60)"
  bash "$REPO_ROOT/fuzz/run.sh" 60 || fuzz_rc=$?
else
  step "Fuzzing: fuzz/run.sh not present, skipped"
fi

step "Done in $(( $(date +%s) - START ))s"
[[ $fuzz_rc -eq 0 ]] || echo "FAILED: fuzz/run.sh exit $fuzz_rc"
[[ $ctest_rc -eq 0 ]] || echo "FAILED: ctest exit $ctest_rc"
# ctest's own summary line closes the output.
cat "$REPO_ROOT/artifacts/ctest-summary.txt" 2>/dev/null || true
if [[ $ctest_rc -ne 0 ]]; then exit "$ctest_rc"; fi
exit "$fuzz_rc"
