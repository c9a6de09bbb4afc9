#!/usr/bin/env bash
# `paralign qa --json` output validates against docs/qa-report.schema.json: on the seed A/59/181 alone, on the sample
# report in three languages with the sample glossary (terms array filled), and on a TSV pair with planted defects.
# The schema is also shown to reject a broken document, so the validation is not vacuous.
# Exit 77 (skipped) with a message when python3-jsonschema is not installed.
# Usage: tests/e2e/qa_json_schema.sh BUILD_DIR
set -u
build=${1:-build}
paralign="$build/paralign"
here=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$paralign" ] || { echo "qa_json_schema: $paralign not built"; exit 1; }
py=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import jsonschema' >/dev/null 2>&1; then py=$candidate; break; fi
done
if [ -z "$py" ]; then
  echo "qa_json_schema: skipped: python3-jsonschema is not installed (apt-get install python3-jsonschema)"
  exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-schema.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$here"

printf '%s\n' 'zh	en' \
  '截至 2004 年 7 月 15 日，共收到六十二份答复。	As at 15 June 2004, 26 replies had been received.' \
  '见第58/241号决议。	See resolution 58/214.' \
  '会议审议了居间转卖问题。	会议审议了居间转卖问题。' \
  '各国应加强管制（见附件）。	States should strengthen the  controls (see annex.' > "$work/pair.tsv"

run_qa() { "$paralign" qa "$@" >/dev/null 2>"$work/err"; local s=$?; [ $s -le 1 ] || { echo "qa_json_schema: FAIL: paralign qa $* exited $s: $(cat "$work/err")"; exit 1; }; }
run_qa corpora/A_59_181.zh.txt --json "$work/seed.json"
run_qa corpora/samples/water_report.zh.txt corpora/samples/water_report.en.txt corpora/samples/water_report.fr.txt \
  --glossary corpora/data/glossary/un-sample.csv --json "$work/sample.json"
run_qa --tsv "$work/pair.tsv" --json "$work/pair.json"

"$py" - docs/qa-report.schema.json "$work/seed.json" "$work/sample.json" "$work/pair.json" <<'EOF'
import json, sys, copy
import jsonschema
schema = json.load(open(sys.argv[1], encoding='utf-8'))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
v = cls(schema)
docs = {}
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding='utf-8'))
    errors = list(v.iter_errors(doc))
    for e in errors[:5]:
        print(f"qa_json_schema: FAIL: {path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    if errors: sys.exit(1)
    docs[path] = doc
    print(f"qa_json_schema: {path.split('/')[-1]}: valid ({len(doc['findings'])} findings, {len(doc['terms'])} terms)")
pair = docs[sys.argv[4]]
checks = {f['check'] for f in pair['findings']}
if not {'number.mismatch', 'form.untranslated'} <= checks:
    print(f"qa_json_schema: FAIL: the planted defects were not all found: {sorted(checks)}"); sys.exit(1)
if not docs[sys.argv[2]]['findings']:
    print("qa_json_schema: FAIL: the seed alone should report its source variants"); sys.exit(1)
# The schema rejects what it must: a wrong severity, a check id without a family, a missing field.
for mutate in (lambda d: d['findings'][0].__setitem__('severity', 'fatal'),
               lambda d: d['findings'][0].__setitem__('check', 'mismatch'),
               lambda d: d['summary'].pop('errors')):
    bad = copy.deepcopy(pair); mutate(bad)
    if v.is_valid(bad):
        print("qa_json_schema: FAIL: the schema accepted a broken document"); sys.exit(1)
EOF
