#!/usr/bin/env bash
# batch --learn-lexicon: every document is aligned starting from one lexicon learnt from the whole collection, so
# the memories do not depend on the number of threads, and a run given the kept lexicon (--lexicon FILE) writes the
# same bytes. Misuse and a broken lexicon file are one-line errors with status 2.
# usage: tests/e2e/batch_lexicon.sh BUILD_DIR        (exit 77: skipped)
set -euo pipefail
build=${1:?usage: batch_lexicon.sh BUILD_DIR}
cd "$(dirname "$0")/../.."
source tests/e2e/batch_common.bash
python3 scripts/make-collection.py "$tmp/coll" --mb 0.4 --doc-kb 6 --seed 5 2>/dev/null
"$paralign" batch "$tmp/coll" -o "$tmp/plain" -j 2 --merge --no-qa --date $date --quiet
"$paralign" batch "$tmp/coll" -o "$tmp/j2" -j 2 --merge --no-qa --date $date --quiet --learn-lexicon \
  --lexicon-out "$tmp/lexicon.tsv"
"$paralign" batch "$tmp/coll" -o "$tmp/j1" -j 1 --merge --no-qa --date $date --quiet --learn-lexicon
cmp "$tmp/j1/merged.tmx" "$tmp/j2/merged.tmx" || { echo "FAIL: the learnt lexicon depends on the threads"; exit 1; }
grep -q $'^lexicon\tzh\ten\t' "$tmp/lexicon.tsv" || { echo "FAIL: no zh-en lexicon kept"; exit 1; }
grep -q $'^p\t' "$tmp/lexicon.tsv" || { echo "FAIL: the kept lexicon has no word pairs"; exit 1; }
"$paralign" batch "$tmp/coll" -o "$tmp/kept" -j 2 --merge --no-qa --date $date --quiet --lexicon "$tmp/lexicon.tsv"
cmp "$tmp/j2/merged.tmx" "$tmp/kept/merged.tmx" || { echo "FAIL: the kept lexicon aligns differently"; exit 1; }
if cmp -s "$tmp/plain/merged.tmx" "$tmp/j2/merged.tmx"; then
  echo "FAIL: learning a lexicon changed no sentence pair"; exit 1
fi
# Misuse and a broken lexicon: status 2, one line naming the problem.
st=0; err=$("$paralign" batch "$tmp/coll" -o "$tmp/x" --lexicon-out "$tmp/l2.tsv" 2>&1) || st=$?
[ $st -eq 2 ] && grep -q -- "--learn-lexicon" <<<"$err" || { echo "FAIL: --lexicon-out alone: $st $err"; exit 1; }
printf 'lexicon\tzh\ten\t10\np\t决\tresolution\t2\n' >"$tmp/bad.tsv"
st=0; err=$("$paralign" batch "$tmp/coll" -o "$tmp/y" --lexicon "$tmp/bad.tsv" --quiet 2>&1) || st=$?
[ $st -eq 2 ] && grep -q "bad.tsv:2" <<<"$err" || { echo "FAIL: broken lexicon: $st $err"; exit 1; }
[ "$(wc -l <<<"$err")" -eq 1 ] || { echo "FAIL: more than one line for a broken lexicon: $err"; exit 1; }
echo "batch_lexicon: ok"
