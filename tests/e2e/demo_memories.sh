#!/usr/bin/env bash
# Rebuilding the demo's memories reproduces tmx/*.tmx byte for byte (the demo fixes the creation date).
# usage: tests/e2e/demo_memories.sh BUILD_DIR        (exit 77: skipped)
set -euo pipefail
build=${1:?usage: demo_memories.sh BUILD_DIR}
cd "$(dirname "$0")/../.."
[ -x "$build/paralign" ] || { echo "no $build/paralign: skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
scripts/demo.sh "$build" "$out" >/dev/null
status=0
shopt -s nullglob
committed=(tmx/*.tmx)
[ ${#committed[@]} -gt 0 ] || { echo "tmx/ holds no memories; run 'make demo' and commit them"; exit 1; }
for f in "${committed[@]}"; do
  name=$(basename "$f")
  if [ ! -f "$out/$name" ]; then
    echo "the demo no longer builds $name"; status=1
  elif ! cmp -s "$f" "$out/$name"; then
    echo "rebuilt $name differs from $f:"; diff "$f" "$out/$name" | head -20; status=1
  fi
done
for f in "$out"/*.tmx; do
  [ -f "tmx/$(basename "$f")" ] || { echo "the demo builds $(basename "$f") but tmx/ does not hold it"; status=1; }
done
exit $status
