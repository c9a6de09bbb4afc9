#!/usr/bin/env bash
# --shard K/N splits a collection into disjoint shares, and `paralign tmx merge --by-symbol` of the shards' merged
# memories equals a single run's merged memory byte for byte (same --date; otherwise only the creation date
# differs). The manifests add up to the single run's, and the merged memory validates against the TMX 1.4 DTD.
# usage: tests/e2e/batch_shard.sh BUILD_DIR        (exit 77: skipped)
set -euo pipefail
build=${1:?usage: batch_shard.sh BUILD_DIR}
cd "$(dirname "$0")/../.."
source tests/e2e/batch_common.bash
python3 scripts/make-collection.py "$tmp/coll/generated" --mb 0.6 --doc-kb 6 --seed 11 --bad 1 --orphans 1 2>/dev/null
cp -r corpora "$tmp/coll/bundled"
batch_with_bad_file "$tmp/coll" -o "$tmp/single" -j 2 --merge --no-qa --date $date --quiet
n=4
failed_shards=0
for k in $(seq 1 $n); do
  st=0
  "$paralign" batch "$tmp/coll" -o "$tmp/shard-$k" --shard $k/$n -j 1 --merge --no-qa --date $date --quiet || st=$?
  case $st in
    0) ;;
    2) failed_shards=$((failed_shards + 1)) ;;
    *) echo "FAIL: shard $k exited $st"; exit 1 ;;
  esac
done
# Exactly the shard that holds the unreadable file says so by its exit status.
[ $failed_shards -eq 1 ] || { echo "FAIL: $failed_shards shards exited 2; the one bad file is in exactly one"; exit 1; }
"$paralign" tmx merge --by-symbol "$tmp"/shard-*/merged.tmx -o "$tmp/joined.tmx" --date $date --quiet
cmp "$tmp/single/merged.tmx" "$tmp/joined.tmx" || { echo "FAIL: sharded+merged differs from the single run"; exit 1; }
# With different dates only the header's creationdate differs.
"$paralign" tmx merge --by-symbol "$tmp"/shard-*/merged.tmx -o "$tmp/joined2.tmx" --date 20270202T020202Z --quiet
diff <(sed 's/creationdate="[^"]*"//' "$tmp/single/merged.tmx") <(sed 's/creationdate="[^"]*"//' "$tmp/joined2.tmx") >/dev/null ||
  { echo "FAIL: memories differ beyond the creation date"; exit 1; }
# The shards' manifests list every file once, as the single run does.
cmp <(tail -n +2 "$tmp/single/manifest.tsv" | LC_ALL=C sort) <(for k in $(seq 1 $n); do tail -n +2 "$tmp/shard-$k/manifest.tsv"; done | LC_ALL=C sort) ||
  { echo "FAIL: the shards' manifests do not add up to the single run's"; exit 1; }
for k in $(seq 1 $n); do
  [ "$(tail -n +2 "$tmp/shard-$k/manifest.tsv" | wc -l)" -gt 0 ] || echo "note: shard $k got no document"
done
# An input not in symbol order is refused rather than merged out of order.
"$paralign" tmx merge "$tmp/single/memories/A_61_102.tmx" "$tmp/single/memories/A_61_101.tmx" -o "$tmp/desc.tmx" --quiet
if "$paralign" tmx merge --by-symbol "$tmp/desc.tmx" -o "$tmp/bad.tmx" 2>"$tmp/err"; then
  echo "FAIL: --by-symbol accepted an input out of symbol order"; exit 1
fi
grep -q "not in x-symbol order" "$tmp/err" || { echo "FAIL: unexpected message:"; cat "$tmp/err"; exit 1; }
dtd=../shared/standards/tmx14.dtd
if [ -f "$dtd" ] && command -v xmllint >/dev/null; then
  xmllint --noout --dtdvalid "$dtd" "$tmp/joined.tmx" || { echo "FAIL: the merged memory does not validate"; exit 1; }
else
  echo "note: tmx14.dtd or xmllint absent: DTD validation skipped"
fi
grep -c '<tu ' "$tmp/joined.tmx" | xargs echo "batch_shard: ok, units:"
