#!/usr/bin/env bash
# A malformed number-format or reference data file (a record with a column too many or too few, as a data folder
# newer or older than the program can have) is reported by `paralign qa` as one line naming the file and line, with
# exit status 2 (a usage or input error), never as an uncaught exception (status 3).
# Usage: tests/e2e/qa_broken_number_data.sh BUILD_DIR
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
paralign="$build/paralign"
[ -x "$paralign" ] || { echo "qa_broken_number_data: $paralign not built"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-brokendata.XXXXXX")
trap 'rm -rf "$work"' EXIT
printf '第1373(2001)号决议。\n' > "$work/doc.zh.txt"
printf 'Resolution 1373 (2001).\n' > "$work/doc.en.txt"
fail=0
# Each data file broken in turn: a number format with a column too many, a reference keyword with one too few.
for broken in "numbers/formats.tsv|fr\tdecimal\tcomma\textra" "references/keywords.tsv|en\tresolution\tbefore"; do
  file=${broken%%|*}
  rm -rf "$work/data"
  cp -r "$root/corpora/data" "$work/data"
  printf "${broken#*|}\n" >> "$work/data/$file"
  line=$(wc -l < "$work/data/$file")
  for cmd in "qa $work/doc.zh.txt $work/doc.en.txt" "qa $work/doc.zh.txt"; do
    PARALIGN_DATA_DIR="$work/data" "$paralign" $cmd > "$work/out.txt" 2> "$work/err.txt"
    status=$?
    if [ "$status" -ne 2 ]; then
      echo "paralign $cmd with a broken $file: exit status $status, expected 2"; cat "$work/err.txt"; fail=1
    fi
    if [ "$(wc -l < "$work/err.txt")" -ne 1 ] || ! grep -q "$file:$line" "$work/err.txt"; then
      echo "paralign $cmd: expected one line naming $file:$line, got:"; cat "$work/err.txt"; fail=1
    fi
  done
done
exit $fail
