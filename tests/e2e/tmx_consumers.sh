#!/usr/bin/env bash
# Optional: do real consumers import a memory paralign wrote? Checks OmegaT (console-translate: the memory's exact
# matches must be inserted into target/) and Python's translate-toolkit (every unit read back). Exit 77 (skipped)
# when neither is installed, saying which is missing; a consumer that is missing is skipped, one that fails fails.
# Usage: tests/e2e/tmx_consumers.sh BUILD_DIR
set -u
build=${1:-build}
paralign="$build/paralign"
here=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$paralign" ] || { echo "tmx_consumers: $paralign not built"; exit 1; }

have_omegat=0; have_tt=0
missing=()
if command -v java >/dev/null 2>&1 && [ -f /usr/share/omegat/OmegaT.jar ]; then have_omegat=1; else missing+=("OmegaT (apt-get install omegat)"); fi
# The Debian package installs for the system Python, which may not be the first python3 on PATH.
py=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import translate.storage.tmx' >/dev/null 2>&1; then py=$candidate; break; fi
done
if [ -n "$py" ]; then have_tt=1; else missing+=("translate-toolkit (apt-get install translate-toolkit)"); fi
if [ $have_omegat = 0 ] && [ $have_tt = 0 ]; then
  echo "tmx_consumers: skipped: missing ${missing[*]}"
  exit 77
fi
for m in "${missing[@]}"; do echo "tmx_consumers: $m is missing: that consumer is not checked"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-consumers.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A memory paralign writes: converted from the test memory (inline codes, N-way, mixed-case codes) and merged with
# a plain zh-CN/en-GB memory whose sentences make up the OmegaT source file.
cat > "$work/plain.tsv.tmx" <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="fixture" creationtoolversion="1" segtype="sentence" o-tmf="fixture" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="zh-CN"><seg>本报告总结了联合国在非洲开展的活动。</seg></tuv><tuv xml:lang="en-GB"><seg>The present report summarizes the activities of the United Nations in Africa.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>报告叙述了 2003 年 7 月至 2004 年 7 月期间开展的活动。</seg></tuv><tuv xml:lang="en-GB"><seg>The report describes activities carried out from July 2003 to July 2004.</seg></tuv></tu>
</body></tmx>
TMX
"$paralign" tmx merge -q "$here/tests/fixtures/tmx/inline-codes.tmx" "$work/plain.tsv.tmx" -o "$work/memory.tmx" \
  --srclang zh-CN --date 2026-11-26 || { echo "tmx_consumers: paralign tmx merge failed"; exit 1; }
units=$(grep -c '<tu[ >]' "$work/memory.tmx")
status=0

if [ $have_tt = 1 ]; then
  got=$("$py" - "$work/memory.tmx" <<'PY'
import sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
units = [u for u in store.units if u.source]
print(len(units))
PY
  )
  if [ "$got" = "$units" ]; then
    echo "tmx_consumers: translate-toolkit read all $units units"
  else
    echo "tmx_consumers: FAIL: translate-toolkit read '$got' units of $units"; status=1
  fi
fi

if [ $have_omegat = 1 ]; then
  p="$work/project"
  mkdir -p "$p/source" "$p/target" "$p/tm/auto" "$p/glossary" "$p/omegat" "$work/cfg"
  cp "$work/memory.tmx" "$p/tm/auto/"
  cat > "$p/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0">
  <source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>
  <glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>
  <source_lang>zh-CN</source_lang><target_lang>en-GB</target_lang>
  <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
  <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
  <sentence_seg>true</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags>
</project></omegat>
XML
  printf '本报告总结了联合国在非洲开展的活动。\n\n报告叙述了 2003 年 7 月至 2004 年 7 月期间开展的活动。\n' > "$p/source/report.txt"
  java -jar /usr/share/omegat/OmegaT.jar --config-dir="$work/cfg" --mode=console-translate "$p" \
    > "$work/omegat.out" 2> "$work/omegat.err"
  rc=$?
  if grep -q TF_TM_LOAD_ERROR "$work/omegat.err" "$work/omegat.out"; then
    echo "tmx_consumers: FAIL: OmegaT could not load the memory:"; grep TF_TM_LOAD_ERROR -A3 "$work/omegat.err" | head -8
    status=1
  elif [ $rc != 0 ] || [ ! -f "$p/target/report.txt" ]; then
    echo "tmx_consumers: FAIL: OmegaT exited $rc without a target file"; tail -5 "$work/omegat.err"; status=1
  elif grep -q 'summarizes the activities of the United Nations in Africa' "$p/target/report.txt" &&
       grep -q 'carried out from July 2003 to July 2004' "$p/target/report.txt"; then
    echo "tmx_consumers: OmegaT inserted both exact matches from the memory"
  else
    echo "tmx_consumers: FAIL: OmegaT did not insert the exact matches; target was:"; cat "$p/target/report.txt"
    status=1
  fi
fi
exit $status
