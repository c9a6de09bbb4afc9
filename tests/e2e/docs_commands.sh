#!/usr/bin/env bash
# docs/commands.md must be what scripts/gen-command-reference.sh makes from the program's --help texts now: a
# command or option added without regenerating the reference fails here.
# Usage: tests/e2e/docs_commands.sh BUILD_DIR
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp "${TMPDIR:-/tmp}/paralign-docs.XXXXXX")
trap 'rm -f "$tmp"' EXIT
"$here/scripts/gen-command-reference.sh" "$build" "$tmp" >/dev/null || exit 1
if ! diff -u "$here/docs/commands.md" "$tmp" >"$tmp.diff"; then
  head -40 "$tmp.diff"
  rm -f "$tmp.diff"
  echo "docs_commands: docs/commands.md is out of date: run scripts/gen-command-reference.sh $build"
  exit 1
fi
rm -f "$tmp.diff"
echo "docs_commands: docs/commands.md matches every command's --help"
