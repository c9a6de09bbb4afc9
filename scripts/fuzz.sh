#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cpp, clang, the whole library instrumented) and runs each for a
# given time on its seed corpus. Usage:
#   scripts/fuzz.sh [-s SECONDS] [-b BUILD_DIR] [-j JOBS] [-S SANITIZERS] [-x "LIBFUZZER FLAGS"] [TARGET...]
# (default: 60 s each, every target, built with address,undefined). -S undefined builds a faster variant without
# AddressSanitizer (its own build dir, BUILD_DIR-SANITIZERS) for long campaigns; -x passes flags such as -max_len=2048.
# Seeds are read from tests/fuzz/corpus/NAME/ (NAME is the target without _fuzz) and never written to; inputs
# libFuzzer finds interesting go to BUILD_DIR/corpus/NAME/ so that a later run starts where this one stopped.
# A crash, leak, timeout or out-of-memory stops that target with a non-zero status and leaves the input in
# BUILD_DIR/crashes/NAME/; make it a regression test (a unit test with that input) before fixing it.
# Each run appends "date target seconds executions status" to BUILD_DIR/fuzz-log.tsv: docs/reliability.md adds up
# the executions per target from there.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
build=build-fuzz
jobs=$(nproc 2>/dev/null || echo 2)
sanitizers=address,undefined
extra=()
while getopts "s:b:j:S:x:h" opt; do
  case $opt in
    s) seconds=$OPTARG ;;
    b) build=$OPTARG ;;
    j) jobs=$OPTARG ;;
    S) sanitizers=$OPTARG ;;
    x) read -r -a extra <<<"$OPTARG" ;;
    h) sed -n '2,13p' "$0"; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "$sanitizers" = address,undefined ] || [ "$build" != build-fuzz ] || build="build-fuzz-${sanitizers//,/-}"

command -v clang++ >/dev/null 2>&1 || ./scripts/install-deps.sh clang libclang-rt-14-dev
./scripts/install-deps.sh
# Configured every time (quick): a target added since the last run must be known to the build.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DPARALIGN_FUZZ=ON -DPARALIGN_FUZZ_SANITIZERS="$sanitizers" \
      -DPARALIGN_BENCH=OFF -DBUILD_TESTING=OFF -DPARALIGN_BUILD_CLI=OFF >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/*_fuzz.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
cmake --build "$build" -j "$jobs" --target "${targets[@]}" >"$build/build.log" 2>&1 || {
  tail -30 "$build/build.log"; echo "fuzz: build failed (log: $build/build.log)" >&2; exit 1; }

log="$build/fuzz-log.tsv"
failed=0
for t in "${targets[@]}"; do
  name=${t%_fuzz}
  seeds=tests/fuzz/corpus/$name
  [ -d "$seeds" ] || seeds=tests/fuzz/corpus/${name}_fuzz
  [ -d "$seeds" ] || { echo "fuzz: $t has no seed corpus in tests/fuzz/corpus/$name/" >&2; failed=1; continue; }
  work="$build/corpus/$name"
  crashes="$build/crashes/$name"
  mkdir -p "$work" "$crashes"
  out="$build/$name.log"
  status=0
  # -rss_limit_mb bounds memory (the readers must stay far below it); -timeout flags a hang as a failure.
  "$build/fuzz/$t" "$work" "$seeds" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/" -print_final_stats=1 "${extra[@]}" >"$out" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out" | tail -1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$t" "$seconds" "${execs:-0}" "$status" \
         "$sanitizers" >>"$log"
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "fuzz: $t FAILED after ${execs:-?} executions (status $status); input in $crashes/, log $out" >&2
    grep -m5 -E 'ERROR|SUMMARY|Test unit written' "$out" >&2 || true
  else
    echo "fuzz: $t ok: ${execs:-?} executions in ${seconds} s"
  fi
done
exit $failed
