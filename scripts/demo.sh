#!/usr/bin/env bash
# The demo: reads the bundled seed report and shows its structure.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
"$build/paralign" inspect corpora/A_59_181.zh.txt
