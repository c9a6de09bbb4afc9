# Shared opening of the batch script tests (tests/e2e/batch_*.sh); sourced, not run (the .bash name keeps it out of
# the script-test glob). Expects $build and the repository root as the working folder; skips (exit 77) without a
# built paralign or without python3 (the collection generator needs it). Sets $paralign, a scratch folder $tmp
# removed on exit, and the fixed creation $date, and defines batch_with_bad_file.
[ -x "$build/paralign" ] || { echo "no $build/paralign: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is absent (the collection generator needs it): skipped"; exit 77; }
paralign=$(cd "$build" && pwd)/paralign
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
date=20260101T000000Z

# A collection made with --bad 1 holds one unreadable file: a batch that runs to its end exits 2 and says which
# file failed.
batch_with_bad_file() {
  local st=0
  "$paralign" batch "$@" || st=$?
  [ $st -eq 2 ] || { echo "FAIL: a batch with a failed file exited $st, not 2: paralign batch $*"; exit 1; }
}
