#!/usr/bin/env bash
# The CLI's sentence alignment is the aligner that align_eval measures: `paralign align --segmented --to beads` on
# each gold set (three Hansard records, one Bible portion; English as the source, as in the gold files) must write
# exactly the beads align_eval finds with its default options, and align_eval's scorer must give them at least the
# strict F1 documented in docs/alignment-accuracy.md (less a small margin). Skipped (77) without ../shared/corpora
# or without the benchmark tools (a build with PARALIGN_BENCH=OFF).
# Usage: tests/e2e/align_gold_cli.sh BUILD_DIR
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
corpora=${PARALIGN_SHARED_CORPORA:-$root/../shared/corpora}
paralign="$build/paralign"
eval_bin="$build/bench/align_eval"
[ -x "$paralign" ] || { echo "align_gold_cli: $paralign not built"; exit 1; }
if [ ! -d "$corpora/hansard-gold" ] || [ ! -d "$corpora/bible-gold" ]; then
  echo "align_gold_cli: skipped: $corpora/hansard-gold or bible-gold is absent"
  exit 77
fi
if [ ! -x "$eval_bin" ]; then
  echo "align_gold_cli: skipped: $eval_bin is not built (benchmarks off)"
  exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-goldcli.XXXXXX")
trap 'rm -rf "$work"' EXIT

status=0
# name  source  target  gold  gold-format  minimum strict F1 (with omissions)  [minimum after merging inside gold
# units, for gold in verses]
check() {
  local name=$1 src=$2 tgt=$3 gold=$4 brackets=$5 min=$6 min_merged=${7:-}
  if ! "$paralign" align --segmented --to beads --src-lang en -q "$src" "$tgt" -o "$work/$name.cli.beads"; then
    echo "align_gold_cli: $name: paralign align failed"; status=1; return
  fi
  local line
  if ! line=$("$eval_bin" $brackets --beads-out "$work/$name.eval.beads" "$src" "$tgt" "$gold"); then
    echo "align_gold_cli: $name: align_eval failed"; status=1; return
  fi
  if ! cmp -s "$work/$name.cli.beads" "$work/$name.eval.beads"; then
    echo "align_gold_cli: $name: the CLI's beads differ from align_eval's:"
    diff "$work/$name.eval.beads" "$work/$name.cli.beads" | head -20
    status=1
  fi
  if ! line=$("$eval_bin" $brackets ${min_merged:+--unit-merge} --score "$work/$name.cli.beads" "$src" "$tgt" "$gold"); then
    echo "align_gold_cli: $name: align_eval cannot score the CLI's beads"; status=1; return
  fi
  local f1
  f1=$(sed -E 's/.*with-omitted P [0-9.]+ R [0-9.]+ F1 ([0-9.]+).*/\1/' <<<"$line")
  echo "align_gold_cli: $name: CLI strict F1 $f1 (minimum $min)"
  if ! awk -v f="$f1" -v m="$min" 'BEGIN { exit !(f >= m) }'; then
    echo "align_gold_cli: $name: F1 $f1 is below $min"; status=1
  fi
  if [ -n "$min_merged" ]; then
    local fm
    fm=$(sed -E 's/.*unit-merged P [0-9.]+ R [0-9.]+ F1 ([0-9.]+).*/\1/' <<<"$line")
    echo "align_gold_cli: $name: CLI strict F1 after merging inside gold units $fm (minimum $min_merged)"
    if ! awk -v f="$fm" -v m="$min_merged" 'BEGIN { exit !(f >= m) }'; then
      echo "align_gold_cli: $name: unit-merged F1 $fm is below $min_merged"; status=1
    fi
  fi
}
h=$corpora/hansard-gold
check h890621 "$h/890621fe.txt" "$h/890621fc.txt" "$h/890621f.gold.align" "" 0.95
check h921008 "$h/921008fe.txt" "$h/921008fc.txt" "$h/921008f.gold.align" "" 0.95
check h930422 "$h/930422fe.txt" "$h/930422fc.txt" "$h/930422f.gold.align" "" 0.97
b=$corpora/bible-gold
check bible001 "$b/001.en" "$b/001.zh" "$b/001.align" --brackets 0.90 0.97
exit $status
