#!/usr/bin/env bash
# `cmake --install` into a fresh prefix puts the binary, the man page, the bash completion and the data files in
# their usual places, and the installed binary finds its data beside itself (PREFIX/share/paralign), not in the
# source tree it was built from. Then it aligns the sample report with that data.
# Usage: tests/e2e/install_prefix.sh BUILD_DIR
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "install_prefix: FAILED: $*"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; }
for f in bin/paralign share/man/man1/paralign.1 share/bash-completion/completions/paralign \
         share/paralign/abbreviations/en.txt; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
done
version=$(env -u PARALIGN_DATA_DIR "$prefix/bin/paralign" --version) || fail "paralign --version"
echo "$version" | grep -qx "data: $prefix/share/paralign" || fail "installed binary uses another data folder: $version"

# The installed binary must not depend on the source tree: a memory made with it equals one made by the build.
env -u PARALIGN_DATA_DIR "$prefix/bin/paralign" align --date 20250814T000000Z \
  "$here/corpora/samples/water_report.zh.txt" "$here/corpora/samples/water_report.en.txt" -o "$work/installed.tmx" \
  >/dev/null 2>&1 || fail "installed paralign align"
env -u PARALIGN_DATA_DIR "$build/paralign" align --date 20250814T000000Z \
  "$here/corpora/samples/water_report.zh.txt" "$here/corpora/samples/water_report.en.txt" -o "$work/built.tmx" \
  >/dev/null 2>&1 || fail "build-tree paralign align"
cmp -s "$work/installed.tmx" "$work/built.tmx" || fail "installed and build-tree binaries wrote different memories"
echo "install_prefix: installed under a fresh prefix; data found at $prefix/share/paralign; memories identical"
