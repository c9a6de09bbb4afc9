#!/usr/bin/env bash
# Keeps the end-to-end benchmark working: scripts/bench-collection.sh on a tiny collection (its figures are not
# checked: tests never time anything). The real figures are in docs/performance.md.
# usage: tests/e2e/batch_bench.sh BUILD_DIR        (exit 77: skipped)
set -euo pipefail
build=${1:?usage: batch_bench.sh BUILD_DIR}
cd "$(dirname "$0")/../.."
[ -x "$build/paralign" ] || { echo "no $build/paralign: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is absent: skipped"; exit 77; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is absent: skipped"; exit 77; }
out=$(scripts/bench-collection.sh "$build" --tiny --jobs 2)
echo "$out"
echo "$out" | grep -Eq '^0\.3 MB( +[0-9.]+){7} +[1-9][0-9]*$' ||
  { echo "FAIL: the benchmark printed no figures for its collection"; exit 1; }
