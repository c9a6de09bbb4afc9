#!/usr/bin/env bash
# Scores the sentence aligner against the gold alignments in ../shared/corpora (Hansard LegCo records and one Bible
# portion): strict precision/recall/F1, with and without omission beads; for the Bible, whose gold beads are verses,
# also after merging our beads that lie inside one verse ("unit-merged"). See docs/alignment-accuracy.md.
#
#   scripts/eval-gold.sh [BUILD_DIR] [align_eval options, e.g. --dict corpora/data/dict/un-terms.zh-en.tsv]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
eval_bin=$build/bench/align_eval
corpora=${PARALIGN_SHARED_CORPORA:-$root/../shared/corpora}
if [[ ! -x $eval_bin ]]; then echo "eval-gold: build align_eval first (cmake --build $build --target align_eval)" >&2; exit 2; fi
if [[ ! -d $corpora/hansard-gold ]]; then echo "eval-gold: $corpora/hansard-gold is absent, nothing to score" >&2; exit 77; fi
h=$corpora/hansard-gold
for rec in 890621 921008 930422; do
  printf 'hansard %s  ' "$rec"
  "$eval_bin" "$@" "$h/${rec}fe.txt" "$h/${rec}fc.txt" "$h/${rec}f.gold.align"
done
b=$corpora/bible-gold
printf 'bible 001    '
"$eval_bin" --brackets --unit-merge "$@" "$b/001.en" "$b/001.zh" "$b/001.align"
