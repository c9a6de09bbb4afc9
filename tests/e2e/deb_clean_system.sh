#!/usr/bin/env bash
# Optional: does the Debian package install and work on a clean system? Builds the package with cpack, makes a
# minimal Debian bookworm root with debootstrap (kept in a cache folder between runs, copied fresh for each run),
# installs the package there with apt (so its Depends must name every library the binary needs), then runs
# `paralign --version` (which must report the installed data folder /usr/share/paralign) and aligns a small
# Chinese/English report inside that root.
# Exit 77 (skipped), saying why, when not root, when debootstrap or cpack is missing, when the build is a sanitizer
# build (its binary needs the sanitizer runtime), or when the Debian mirror cannot be reached.
# Usage: tests/e2e/deb_clean_system.sh BUILD_DIR
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "deb_clean_system: skipped: $*"; exit 77; }

[ "$(id -u)" = 0 ] || skip "needs root (chroot and apt inside it)"
command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is not installed (apt-get install debootstrap)"
command -v cpack >/dev/null 2>&1 || skip "cpack is not installed"
command -v dpkg-shlibdeps >/dev/null 2>&1 || skip "dpkg-shlibdeps is not installed (apt-get install dpkg-dev)"
grep -q '^PARALIGN_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null && skip "sanitizer build"
[ -f "$build/CPackConfig.cmake" ] || skip "$build has no CPackConfig.cmake (configure with CMake first)"
mirror=${PARALIGN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=${PARALIGN_DEBIAN_SUITE:-bookworm}
cache=${PARALIGN_CHROOT_CACHE:-/var/cache/paralign-tests/$suite-minbase}

work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-deb.XXXXXX")
root="$work/root"
cleanup() {
  mountpoint -q "$root/proc" 2>/dev/null && umount "$root/proc"
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "deb_clean_system: FAILED: $*"; exit 1; }

# 1. The package, built from this build folder.
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/pkg/paralign_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no paralign_*.deb"
echo "deb_clean_system: package $(basename "$deb")"
dpkg-deb -f "$deb" Depends | sed 's/^/deb_clean_system: Depends: /'

# 2. A clean root: debootstrap once into the cache, then a fresh copy per run.
if [ ! -x "$cache/usr/bin/apt-get" ]; then
  echo "deb_clean_system: making a minimal $suite root in $cache (once; a few minutes)"
  mkdir -p "$(dirname "$cache")"
  rm -rf "$cache.partial"
  if ! debootstrap --variant=minbase "$suite" "$cache.partial" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -5 "$work/debootstrap.log"
    rm -rf "$cache.partial"
    skip "debootstrap could not fetch $suite from $mirror"
  fi
  mv "$cache.partial" "$cache"
fi
cp -a "$cache" "$root"
# Nothing of paralign, ICU, Hunspell or libxml2 may be there before the package brings it.
if chroot "$root" dpkg-query -W -f='${Package}\n' 2>/dev/null | grep -E '^(paralign|libicu[0-9]+|libhunspell|libxml2)$'; then
  fail "the clean root already has the packages listed above"
fi
cp "$deb" "$root/tmp/"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$root/proc"

# 3. Install with apt, which must resolve every dependency the package declares.
if ! chroot "$root" apt-get update -qq >"$work/apt.log" 2>&1; then
  tail -5 "$work/apt.log"
  skip "apt-get update inside the clean root failed (no network to $mirror?)"
fi
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "/tmp/$(basename "$deb")" >"$work/install.log" 2>&1 || { tail -20 "$work/install.log"; fail "apt-get install of the package"; }

# 4. The installed program works: version, data folder, man page, completion, a small alignment.
version=$(chroot "$root" paralign --version 2>&1) || fail "paralign --version: $version"
echo "$version" | sed 's/^/deb_clean_system: /'
echo "$version" | grep -q '^paralign [0-9]' || fail "--version does not start with 'paralign N'"
echo "$version" | grep -qx 'data: /usr/share/paralign' || fail "the installed program does not use /usr/share/paralign"
[ -f "$root/usr/share/man/man1/paralign.1" ] || [ -f "$root/usr/share/man/man1/paralign.1.gz" ] || fail "no man page"
[ -f "$root/usr/share/bash-completion/completions/paralign" ] || fail "no bash completion"
mkdir -p "$root/tmp/report"
cp "$here/corpora/samples/water_report.zh.txt" "$here/corpora/samples/water_report.en.txt" "$root/tmp/report/"
out=$(chroot "$root" paralign align /tmp/report/water_report.zh.txt /tmp/report/water_report.en.txt \
        -o /tmp/report/water.tmx 2>&1) || fail "paralign align inside the clean root: $out"
units=$(grep -c '<tu[ >]' "$root/tmp/report/water.tmx")
[ "$units" -gt 10 ] || fail "the memory made inside the clean root has only $units units"
echo "deb_clean_system: installed on a clean $suite root; --version ok; aligned the sample report into $units units"
exit 0
