#!/usr/bin/env bash
# Stopping a batch midway (SIGINT, then SIGTERM) leaves no partial memory under a final name, exits non-zero, and
# --resume completes the run: its merged memory equals an uninterrupted run's byte for byte.
# usage: tests/e2e/batch_interrupt.sh BUILD_DIR        (exit 77: skipped)
set -euo pipefail
build=${1:?usage: batch_interrupt.sh BUILD_DIR}
cd "$(dirname "$0")/../.."
source tests/e2e/batch_common.bash
python3 scripts/make-collection.py "$tmp/coll" --mb 2 --doc-kb 8 --seed 3 --bad 1 --orphans 1 2>/dev/null
batch_with_bad_file "$tmp/coll" -o "$tmp/full" -j 2 --merge --no-qa --date $date --quiet

# Every memory under a final name must be whole: well-formed XML, its completion record beside it, and no writer's
# temporary file may remain after a clean stop.
check_outputs() {
  local out=$1 n=0
  for m in "$out"/memories/*.tmx; do
    [ -e "$m" ] || continue
    n=$((n + 1))
    xmllint --noout "$m" 2>/dev/null || { echo "FAIL: $m is not a whole memory"; exit 1; }
    [ -f "$m.json" ] || { echo "FAIL: $m has no completion record"; exit 1; }
  done
  if ls -A "$out" "$out/memories" | grep -q '^\.'; then echo "FAIL: temporary files left in $out"; ls -la "$out/memories"; exit 1; fi
  echo "$n"
}

for sig in INT TERM; do
  out="$tmp/stopped-$sig"
  "$paralign" batch "$tmp/coll" -o "$out" -j 1 --merge --no-qa --date $date --progress lines 2>"$tmp/log-$sig" &
  pid=$!
  # Wait for the second memory to appear, so the stop falls in the middle of the run.
  for _ in $(seq 1 600); do
    [ "$(ls "$out/memories" 2>/dev/null | grep -c '\.tmx$')" -ge 2 ] && break
    sleep 0.05
  done
  kill -$sig $pid
  set +e
  wait $pid
  status=$?
  set -e
  [ $status -ne 0 ] || { echo "FAIL: a batch stopped by SIG$sig exited 0"; cat "$tmp/log-$sig"; exit 1; }
  grep -q "stopped by SIG$sig" "$tmp/log-$sig" || { echo "FAIL: no stop message"; cat "$tmp/log-$sig"; exit 1; }
  [ ! -e "$out/merged.tmx" ] || { echo "FAIL: a stopped batch wrote merged.tmx"; exit 1; }
  done_before=$(check_outputs "$out")
  total=$(ls "$tmp/full/memories" | grep -c '\.tmx$')
  [ "$done_before" -lt "$total" ] || { echo "FAIL: the batch finished before SIG$sig arrived; make the collection larger"; exit 1; }
  grep -q $'\tinterrupted\t' "$out/manifest.tsv" || { echo "FAIL: the manifest does not mark the documents left"; exit 1; }
  echo "SIG$sig: exit $status with $done_before of $total memories written"

  batch_with_bad_file "$tmp/coll" -o "$out" -j 2 --merge --no-qa --date $date --resume 2>"$tmp/resume-$sig"
  grep -q "$done_before already done" "$tmp/resume-$sig" || { echo "FAIL: --resume did not skip the finished documents"; cat "$tmp/resume-$sig"; exit 1; }
  cmp "$tmp/full/merged.tmx" "$out/merged.tmx" || { echo "FAIL: the resumed run's merged memory differs"; exit 1; }
  cmp "$tmp/full/manifest.tsv" <(sed 's/\tresumed\t/\taligned\t/' "$out/manifest.tsv") ||
    { echo "FAIL: the resumed run's manifest differs"; exit 1; }
done

# A run with nothing left to do says so and rewrites nothing.
batch_with_bad_file "$tmp/coll" -o "$tmp/full" -j 2 --merge --no-qa --date $date --resume 2>"$tmp/again"
grep -q "nothing to do" "$tmp/again" || { echo "FAIL: a complete --resume run did not say it had nothing to do"; cat "$tmp/again"; exit 1; }
echo "batch_interrupt: ok"
