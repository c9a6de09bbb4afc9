#!/usr/bin/env bash
# The HTML QA report in a real browser (headless Chromium): it renders (the screenshot is not blank), document text
# holding <script> and "><img onerror=...> payloads shows as text and runs nothing, the page's own script runs (so
# the check above means something), and the filter by check works inside the page without a server.
# Exit 77 (skipped) with a message when chromium is not installed.
# Usage: tests/e2e/qa_report_browser.sh BUILD_DIR
set -u
build=${1:-build}
paralign="$build/paralign"
[ -x "$paralign" ] || { echo "qa_report_browser: $paralign not built"; exit 1; }
chromium=""
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then chromium=$c; break; fi
done
if [ -z "$chromium" ]; then
  echo "qa_report_browser: skipped: chromium is not installed (apt-get install chromium)"
  exit 77
fi
py=/usr/bin/python3
[ -x "$py" ] || py=python3

work=$(mktemp -d "${TMPDIR:-/tmp}/paralign-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "qa_report_browser: FAIL: $*"; exit 1; }

# A small pair whose texts carry the payloads; each would set the page title to PWNED if it ran. The first two
# targets lose a bracket (so they are shown) and the third is left in Chinese: findings of two checks.
printf '%s\n' \
  'zh	en' \
  '秘书长的报告（A/59/181）<script>document.title="PWNED"</script>	The report of the Secretary-General (A/59/181 <script>document.title="PWNED"</script>' \
  '各国应加强管制（见附件）。	States should strengthen controls (see annex. "><img src=x onerror="document.title='"'"'PWNED'"'"'">' \
  '会议审议了居间转卖问题。	会议审议了居间转卖问题。' > "$work/pair.tsv"
"$paralign" qa --tsv "$work/pair.tsv" --no-spelling --report "$work/report.html" --title 'QA <b>test</b>' >/dev/null \
  || [ $? = 1 ] || fail "paralign qa did not write the report"
[ -s "$work/report.html" ] || fail "no report written"
grep -q '<script>document.title' "$work/report.html" && fail "the <script> payload reached the page unescaped"
grep -q '<img src=x' "$work/report.html" && fail "the <img> payload reached the page unescaped"
grep -q "unsafe-inline" "$work/report.html" && fail "the Content-Security-Policy allows any inline script"

run() {  # run URL extra-args...: chromium with a throwaway profile, no network needed (file://)
  local url=$1; shift
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$work/profile" --virtual-time-budget=3000 "$@" "$url" 2>"$work/chromium.err"
}

# 1. The DOM after scripts ran: the page's script marked <body data-ready>; no payload changed the title.
run "file://$work/report.html" --dump-dom > "$work/dom.html" || fail "chromium --dump-dom failed: $(tail -3 "$work/chromium.err")"
grep -q 'data-ready="1"' "$work/dom.html" || fail "the page's own script did not run (no data-ready): nothing is shown by the payload check"
grep -q 'PWNED' "$work/dom.html" && ! grep -q '<title>QA &lt;b&gt;test&lt;/b&gt;</title>' "$work/dom.html" \
  && fail "a payload ran: the title changed"
grep -q '<title>QA &lt;b&gt;test&lt;/b&gt;</title>' "$work/dom.html" || fail "the title is not the escaped one we set"
# The payload text is shown as text in the findings table.
grep -q '&lt;script&gt;document.title="PWNED"&lt;/script&gt;' "$work/dom.html" || fail "the <script> payload is not shown as text"
grep -q '&lt;img src=x onerror=' "$work/dom.html" || fail "the <img> payload is not shown as text"
# No element was created from the payloads.
"$py" - "$work/dom.html" <<'EOF' || exit 1
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.scripts = 0; self.imgs = 0; self.handlers = []
    def handle_starttag(self, tag, attrs):
        if tag == 'script': self.scripts += 1
        if tag == 'img': self.imgs += 1
        self.handlers += [k for k, v in attrs if k.startswith('on')]
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
if p.scripts != 1 or p.imgs or p.handlers:
    print(f"qa_report_browser: FAIL: {p.scripts} script elements (1 expected), {p.imgs} img, handlers {p.handlers}")
    sys.exit(1)
EOF

# 2. The filter inside the page: opened as report.html#check=form.brackets, only that check's rows stay visible.
run "file://$work/report.html#check=form.brackets" --dump-dom > "$work/filtered.html" || fail "chromium (filtered) failed"
"$py" - "$work/filtered.html" <<'EOF' || exit 1
import sys, re
dom = open(sys.argv[1], encoding='utf-8').read()
rows = re.findall(r'<tr data-check="([^"]+)" data-severity="[^"]+"( class="([^"]*)")?', dom)
shown = [c for c, _, cls in rows if cls != 'hidden']
hidden = [c for c, _, cls in rows if cls == 'hidden']
if not shown or set(shown) != {'form.brackets'} or not hidden:
    print(f"qa_report_browser: FAIL: filter by check: shown {shown}, hidden {hidden}")
    sys.exit(1)
EOF

# 3. A screenshot that is not blank: decode the PNG with zlib alone and count distinct pixel colours.
run "file://$work/report.html" --screenshot="$work/shot.png" --window-size=1200,900 >/dev/null \
  || fail "chromium --screenshot failed: $(tail -3 "$work/chromium.err")"
[ -s "$work/shot.png" ] || fail "no screenshot written"
"$py" - "$work/shot.png" <<'EOF' || exit 1
import sys, struct, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
    if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT': idat += body
bpp = {2: 3, 6: 4}[ctype]
raw, stride = zlib.decompress(idat), w * bpp
prev, colours, i = bytearray(stride), set(), 0
for _ in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp): colours.add(bytes(line[x:x + bpp]))
    prev = line
print(f"qa_report_browser: screenshot {w}x{h}, {len(colours)} distinct colours")
if len(colours) < 10:
    print("qa_report_browser: FAIL: the screenshot is (nearly) blank"); sys.exit(1)
EOF
echo "qa_report_browser: ok (payloads shown as text, none ran; filter by check works; screenshot not blank)"
