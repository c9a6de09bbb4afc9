#!/usr/bin/env bash
# The demo: shows the structure paralign reads in the bundled seed report, then builds the translation memories of
# the sample report (corpora/samples/) into tmx/. The creation date is fixed, so rebuilding gives the same bytes
# (tests/e2e/demo_memories.sh checks it).
#   usage: scripts/demo.sh [BUILD_DIR] [OUT_DIR]      (OUT_DIR defaults to tmx/)
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
out=${2:-tmx}
bin="$build/paralign"
[ -x "$bin" ] || { echo "demo: $bin not found; build first (make build)" >&2; exit 2; }
mkdir -p "$out"
date=20250814T000000Z
samples=corpora/samples

echo "== the seed report: what paralign reads in it"
listing=$("$bin" inspect corpora/A_59_181.zh.txt)
printf '%s\n' "$listing" | sed -n '1,14p'
echo "   ... ($(printf '%s\n' "$listing" | wc -l) lines in all; 'paralign inspect' shows them)"
echo
echo "== the sample report, Chinese-English, sentence by sentence"
"$bin" align "$samples/water_report.zh.txt" "$samples/water_report.en.txt" -o "$out/water_report.zh-en.tmx" \
  --date "$date" --lang-codes zh=zh-CN,en=en-GB
echo
echo "== the same pair as TSV (for a spreadsheet)"
"$bin" align "$samples/water_report.zh.txt" "$samples/water_report.en.txt" -o "$out/water_report.zh-en.tsv" \
  --date "$date" --quiet
echo "   $(wc -l < "$out/water_report.zh-en.tsv") lines in $out/water_report.zh-en.tsv"
echo
echo "== three languages, Chinese pivot, paragraph by paragraph"
"$bin" align "$samples/water_report.zh.txt" "$samples/water_report.en.txt" "$samples/water_report.fr.txt" \
  -o "$out/water_report.zh-en-fr.tmx" --level paragraph --date "$date" --lang-codes zh=zh-CN,en=en-GB,fr=fr-FR
echo
echo "memories written to $out/:"
ls -1 "$out"/water_report.* | sed 's/^/  /'
