#!/usr/bin/env bash
# A full disk must not cost the user the previous output. On a 64 KiB tmpfs holding an earlier memory, a new
# alignment whose memory does not fit must fail with a one-line error naming the output, exit non-zero, leave the
# earlier memory byte for byte as it was, and leave no temporary file behind. Also: an unwritable folder gives a
# clear error, and an output path equal to an input path is refused before anything is written.
# Exit 77 (skipped) when not root (mounting a tmpfs needs it).
# Usage: tests/e2e/disk_full.sh BUILD_DIR
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")/../.." && pwd)
paralign="$build/paralign"
fail() { echo "disk_full: FAILED: $*"; exit 1; }
[ "$(id -u)" = 0 ] || { echo "disk_full: skipped: needs root to mount a small tmpfs"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-full.XXXXXX")
small="$work/small"
mkdir -p "$small"
cleanup() { mountpoint -q "$small" && umount "$small"; rm -rf "$work"; }
trap cleanup EXIT
mount -t tmpfs -o size=64k tmpfs "$small" || { echo "disk_full: skipped: cannot mount a tmpfs here"; exit 77; }

zh="$here/corpora/samples/water_report.zh.txt"
en="$here/corpora/samples/water_report.en.txt"
fr="$here/corpora/samples/water_report.fr.txt"

# An earlier, small memory (paragraph level, two languages) that fits.
"$paralign" align --level paragraph --date 20250814T000000Z "$zh" "$en" -o "$small/report.tmx" >/dev/null 2>&1 ||
  fail "the small first memory did not fit in 64 KiB; the test needs a smaller one"
cp "$small/report.tmx" "$work/before.tmx"
# Fill the rest of the disk so that nothing larger fits.
dd if=/dev/zero of="$small/filler" bs=1k count=1024 >/dev/null 2>&1 || true

# A larger memory (three languages, sentence level) to the same path: must fail cleanly.
"$paralign" align --date 20250814T000000Z "$zh" "$en" "$fr" -o "$small/report.tmx" >"$work/out" 2>"$work/err"
status=$?
[ $status -ne 0 ] || fail "writing to a full disk reported success"
[ $status -ne 3 ] || fail "a full disk is not an internal error (status 3): $(cat "$work/err")"
lines=$(grep -c . "$work/err")
[ "$lines" -eq 1 ] || fail "expected a one-line error, got $lines lines: $(cat "$work/err")"
grep -q "report.tmx" "$work/err" || fail "the error does not name the output: $(cat "$work/err")"
grep -qiE "space|full" "$work/err" || fail "the error does not say the disk is full: $(cat "$work/err")"
cmp -s "$small/report.tmx" "$work/before.tmx" || fail "the earlier memory was changed"
leftover=$(find "$small" -mindepth 1 ! -name report.tmx ! -name filler)
[ -z "$leftover" ] || fail "temporary files left behind: $leftover"
echo "disk_full: full disk: status $status, message: $(cat "$work/err")"

# An unwritable folder (a read-only remount) gives a clear error too.
rm -f "$small/filler"
mount -o remount,ro "$small" || fail "cannot remount read-only"
"$paralign" align --level paragraph "$zh" "$en" -o "$small/report.tmx" >/dev/null 2>"$work/err"
status=$?
[ $status -ne 0 ] && [ $status -ne 3 ] || fail "writing into a read-only folder: status $status"
[ "$(grep -c . "$work/err")" -eq 1 ] || fail "read-only folder: expected one line: $(cat "$work/err")"
cmp -s "$small/report.tmx" "$work/before.tmx" || fail "the earlier memory was changed by the read-only attempt"
echo "disk_full: read-only folder: status $status, message: $(cat "$work/err")"
mount -o remount,rw "$small"

# The output equal to an input is refused, and the input is untouched.
cp "$en" "$work/en.txt"
cp "$en" "$work/en.before"
"$paralign" align --to tsv "$zh" "$work/en.txt" -o "$work/en.txt" >/dev/null 2>"$work/err"
status=$?
[ $status -eq 2 ] || fail "output = input: expected status 2, got $status: $(cat "$work/err")"
grep -q "overwrite an input" "$work/err" || fail "output = input: refused for another reason: $(cat "$work/err")"
cmp -s "$work/en.txt" "$work/en.before" || fail "output = input: the input was overwritten"
echo "disk_full: output = input refused: $(cat "$work/err")"
exit 0
