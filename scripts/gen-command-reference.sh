#!/usr/bin/env bash
# Writes docs/commands.md, the command reference, from the program's own --help texts, so that the reference and
# the program cannot disagree. tests/e2e/docs_commands.sh fails when docs/commands.md is out of date.
# Usage: scripts/gen-command-reference.sh [BUILD_DIR] [OUT]      (defaults: build, docs/commands.md)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-$here/docs/commands.md}
paralign="$build/paralign"
[ -x "$paralign" ] || { echo "gen-command-reference: $paralign is not built" >&2; exit 1; }
tmp=$(mktemp "${TMPDIR:-/tmp}/paralign-commands.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# Help text does not depend on the user's config file or terminal width.
export XDG_CONFIG_HOME=/nonexistent COLUMNS=80
{
  echo "# paralign command reference"
  echo
  echo "Generated from \`paralign COMMAND --help\` by \`scripts/gen-command-reference.sh\`; do not edit by hand."
  echo "The user guide (\`docs/user-guide.md\`) shows the commands at work; \`man paralign\` has the same in brief."
  echo
  echo "Every command also takes \`--config FILE\` (an INI file with the long option names as keys, e.g."
  echo "\`glossary = un.tbx\`), and reads defaults from \`\$XDG_CONFIG_HOME/paralign/config.ini\` (else"
  echo "\`~/.config/paralign/config.ini\`); options on the command line win, then \`--config\`, then the per-user file."
  echo
  echo "## paralign"
  echo
  echo '```'
  "$paralign" --help
  echo '```'
  for cmd in inspect align qa batch terms "terms extract" tmx "tmx validate" "tmx stats" "tmx merge" "tmx convert"; do
    # shellcheck disable=SC2086
    if text=$("$paralign" $cmd --help 2>&1); then
      echo
      echo "## paralign $cmd"
      echo
      echo '```'
      printf '%s\n' "$text"
      echo '```'
    fi
  done
} >"$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "gen-command-reference: wrote $out"
