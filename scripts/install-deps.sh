#!/usr/bin/env bash
# Installs the Debian packages paralign needs to build and test, when they are missing.
# Safe to run repeatedly: it does nothing when everything is present. Needs root (or sudo) to install.
set -euo pipefail
packages=(cmake make g++ pkg-config libicu-dev libhunspell-dev hunspell-en-gb hunspell-en-us libxml2-dev
          libxml2-utils libboost-program-options-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
          libzip-dev libpoppler-cpp-dev)
# QA: spelling dictionaries for the other UN target languages; the HTML report's browser test and the JSON schema test.
packages+=(hunspell-fr hunspell-es hunspell-ru chromium python3-jsonschema)
packages+=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "paralign: installing missing Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
