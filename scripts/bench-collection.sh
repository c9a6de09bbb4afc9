#!/usr/bin/env bash
# End-to-end benchmark of `paralign batch`: builds synthetic collections (scripts/make-collection.py) of 10 MB and
# 100 MB (and 1 GB with --1gb), aligns each with a merged memory, and reports input MB/s per core, sentence pairs
# per second and peak resident memory (from /usr/bin/time -v). docs/performance.md explains the figures.
#
# usage: scripts/bench-collection.sh BUILD_DIR [--1gb] [--tiny] [--jobs N] [--qa] [--work DIR] [--sizes "10 100"]
#   --tiny    one 0.3 MB collection: the path CI runs to keep this script working (its figures mean nothing)
#   --qa      also run the QA checks over the merged memory (not part of the alignment figures)
#   --work    where collections and outputs go (default: a temporary folder, removed at the end); collections
#             already there are reused
set -euo pipefail
build=${1:?usage: bench-collection.sh BUILD_DIR [--1gb] [--tiny] [--jobs N] [--qa] [--work DIR]}
shift
sizes="10 100"
jobs=$(nproc)
qa=--no-qa
work=""
gen_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --1gb) sizes="$sizes 1000" ;;
    --tiny) sizes="0.3"; gen_args="--doc-kb 5" ;;
    --sizes) sizes="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --qa) qa="" ;;
    --work) work="$2"; shift ;;
    *) echo "bench-collection.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
cd "$(dirname "$0")/.."
paralign="$build/paralign"
[ -x "$paralign" ] || { echo "bench-collection.sh: no $paralign" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-collection.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
printf '%-8s %9s %8s %8s %8s %10s %12s %12s %8s\n' "size" "input MB" "wall s" "cpu s" "MB/s" "MB/s/core" "MB/cpu-s" "peak RSS MB" "pairs/s"
for mb in $sizes; do
  coll="$work/coll-$mb"
  if [ ! -f "$coll/.complete" ]; then
    rm -rf "$coll"
    python3 scripts/make-collection.py "$coll" --mb "$mb" --seed 42 --bad 1 --orphans 1 $gen_args 2>/dev/null
    touch "$coll/.complete"
  fi
  out="$work/out-$mb"
  rm -rf "$out"
  # Exit status 2 is expected: the collection holds one unreadable file (--bad 1), listed as failed.
  status=0
  /usr/bin/time -v -o "$work/time-$mb.txt" "$paralign" batch "$coll" -o "$out" -j "$jobs" --merge $qa \
    --progress none --date 20260101T000000Z 2>"$work/log-$mb.txt" || status=$?
  [ $status -eq 0 ] || [ $status -eq 2 ] || { echo "bench-collection.sh: the $mb MB run exited $status:" >&2; cat "$work/log-$mb.txt" >&2; exit 1; }
  input=$(du -sb --exclude=.complete "$coll" | cut -f1)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time-$mb.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time-$mb.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$mb.txt")
  pairs=$(sed -n 's/.* \([0-9]*\) sentence pairs.*/\1/p' "$work/log-$mb.txt")
  units=$(sed -n 's/.*merged.tmx (\([0-9]*\) units).*/\1/p' "$work/log-$mb.txt")
  awk -v mb="$mb" -v inb="$input" -v w="$wall" -v c="$cpu" -v j="$jobs" -v p="${pairs:-0}" -v r="$rss" 'BEGIN {
    if (w <= 0) w = 0.01
    if (c <= 0) c = 0.01
    printf "%-8s %9.1f %8.2f %8.2f %8.2f %10.2f %12.2f %12.1f %8.0f\n", mb " MB", inb/1e6, w, c, inb/1e6/w, inb/1e6/w/j, inb/1e6/c, r/1024, p/w }'
  grep -q "merged.tmx" "$work/log-$mb.txt" || { echo "bench-collection.sh: the $mb MB run wrote no merged memory:" >&2; cat "$work/log-$mb.txt" >&2; exit 1; }
done
echo "(jobs: $jobs; cores: $(nproc); $(date -u +%Y-%m-%dT%H:%MZ); paralign $("$paralign" --version | head -1 | cut -d' ' -f2))"
