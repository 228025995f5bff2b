#!/usr/bin/env bash
# Born-digital PDFs: protocols of several layouts, typeset into PDFs with a running header and
# footer, wrapped and hyphenated lines and page breaks inside paragraphs (tests/tools/make-pdf),
# give the same paragraphs, case numbers, decisions and statements as the same protocols' text.
# And bad PDFs are refused with the file's name, without stopping an import.
source "$(dirname "$0")/lib.sh"
MAKE_PDF="$SRC/tests/tools/make-pdf"
COMPARE="$SRC/tests/tools/compare-parses"
mkdir -p "$WORK/pdfs" "$WORK/texts"

# name | source | body | date | width: five municipalities' layouts and the two-column cover.
while IFS='|' read -r name src body date width; do
  "$MAKE_PDF" "$SRC/$src" "$WORK/pdfs/$name.pdf" --body "$body" --date "$date" --width "$width" \
    --typeset "$WORK/texts/$name.txt"
done <<'LIST'
malmo-ks-2026-01-07|samples/malmo-ks-2026-01-07-p16.txt|Kommunstyrelsen|2026-01-07|70
malmo-kf-2026-01-22|samples/malmo-kf-2026-01-22-p8-ocr.txt|Kommunfullmäktige|2026-01-22|70
ostersund-ks-2024-11-04|tests/data/layouts/ostersund-ks-2024-11-04.txt|Kommunstyrelsen|2024-11-04|70
kungsbacka-bnau-2025-09-30|tests/data/ocr/kungsbacka-byggnadsnamndens-au-2025-09-30.gold.txt|Byggnadsnämndens arbetsutskott|2025-09-30|70
solvesborg-von-2024-10-31|tests/data/ocr/02_solvesborg-vard-och-omsorgsnamnden-2024-10-31.gold.txt|Vård- och omsorgsnämnden|2024-10-31|70
alingsas-ks-2026-06-15|tests/data/ocr/04_alingsas-kommunstyrelsen-2026-06-15.gold.txt|Kommunstyrelsen|2026-06-15|70
nordkommun-ks-2026-03-11|tests/data/pdf/nordkommun-ks-2026-03-11.txt|Kommunstyrelsen|2026-03-11|80
LIST

# Parsed one by one: the same facts.
for pdf in "$WORK"/pdfs/*.pdf; do
  name=$(basename "$pdf" .pdf)
  expect_status 0 "$KRAFT" parse --json "$WORK/texts/$name.txt"
  cp "$WORK/out" "$WORK/$name.text.json"
  expect_status 0 "$KRAFT" parse --json "$pdf"
  cp "$WORK/out" "$WORK/$name.pdf.json"
  python3 "$COMPARE" "$WORK/$name.text.json" "$WORK/$name.pdf.json" >"$WORK/compare" \
    || { fail "$name: the PDF parses differently from its text"; head -20 "$WORK/compare" >&2; }
done

# The text kraft reads from a PDF: every word of the protocol as typeset, hyphenated words
# whole again; the template's furniture on the first page only; pages as form feeds.
python3 - "$WORK" "$KRAFT" <<'PY' || fail "the PDFs' text"
import collections, re, subprocess, sys
work, kraft = sys.argv[1], sys.argv[2]
bad = 0
for name in ['nordkommun-ks-2026-03-11', 'ostersund-ks-2024-11-04', 'alingsas-ks-2026-06-15']:
    pdf_text = subprocess.run([kraft, 'repair', f'{work}/pdfs/{name}.pdf'], capture_output=True,
                              text=True, check=True).stdout
    typeset = subprocess.run([kraft, 'repair', f'{work}/texts/{name}.txt'], capture_output=True,
                             text=True, check=True).stdout
    words = lambda t: collections.Counter(re.findall(r'[^\W\d_]+(?:-[^\W\d_]+)*', t))
    missing = words(typeset) - words(pdf_text)
    if missing:
        print(name, 'words lost or split:', dict(list(missing.items())[:10])); bad += 1
    for furniture in ['Justerandes signatur', 'Utdragsbestyrkande', 'Sida 2 (']:
        want = typeset.count(furniture) + (furniture != 'Sida 2 (')  # the first page's
        if pdf_text.count(furniture) != want:
            print(name, furniture, 'appears', pdf_text.count(furniture), 'times, not', want)
            bad += 1
    pages = int(subprocess.run(['python3', '-c', f'import re;d=open("{work}/pdfs/{name}.pdf","rb").read();print(re.search(rb"/Count (\\d+)",d).group(1).decode())'],
                               capture_output=True, text=True).stdout)
    if pdf_text.count('\f') != pages - 1:
        print(name, pdf_text.count('\f'), 'form feeds for', pages, 'pages'); bad += 1
sys.exit(1 if bad else 0)
PY

# The two-column cover: label beside value, the attendance read from it.
expect_status 0 "$KRAFT" repair "$WORK/pdfs/nordkommun-ks-2026-03-11.pdf"
grep -Eq '^Plats och tid +Kommunhuset, sammanträdesrum Ekbacken +Paragrafer +§§ 41-44' "$WORK/out" \
  || fail "the cover's columns are not on one line"
grep -Eq '^§ 42 +KS 2025/412$' "$WORK/out" || fail "a right-aligned case number left its heading's line"
python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))["meeting"]
names = [a["name"] for a in m["attendance"]]
assert "Karin Lindqvist" in names and "Åsa Nyström" in names, names
' "$WORK/nordkommun-ks-2026-03-11.pdf.json" || fail "the cover's attendance"

# A folder of PDFs imports like the folder of their texts.
expect_status 0 "$KRAFT" --db "$WORK/pdf.db" import "$WORK/pdfs"
expect_file_contains "$WORK/err" "imported 7, unchanged 0, failed 0"
expect_status 0 "$KRAFT" --db "$WORK/text.db" import "$WORK/texts"
expect_file_contains "$WORK/err" "imported 7, unchanged 0, failed 0"
for db in pdf text; do
  "$KRAFT" --db "$WORK/$db.db" export >"$WORK/$db.jsonl"
done
python3 - "$WORK/pdf.jsonl" "$WORK/text.jsonl" <<'PY' || fail "the PDF archive differs from the text archive"
import json, sys
def rows(path):
    out = set()
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        out.add((r['body'], r['paragraph'], r['title'], tuple(r['case_numbers']),
                 tuple((s['kind'], tuple(s['parties'])) for s in r['statements'])))
    return out
pdf, text = rows(sys.argv[1]), rows(sys.argv[2])
for r in sorted(map(str, pdf ^ text))[:10]: print(r)
print(len(pdf & text), 'paragraphs the same of', len(pdf | text))
sys.exit(0 if pdf == text else 1)
PY
# Pages: every paragraph of a PDF has one, in order; the text files' have none.
python3 - "$WORK/pdf.jsonl" "$WORK/text.jsonl" <<'PY' || fail "paragraph pages"
import json, sys
pdf = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert all(isinstance(r['page'], int) and r['page'] >= 1 for r in pdf), 'a PDF paragraph without a page'
by_source = {}
for r in pdf: by_source.setdefault(r['source'], []).append((r['paragraph'], r['page']))
for src, ps in by_source.items():
    pages = [p for _, p in sorted(ps)]
    assert pages == sorted(pages), (src, ps)
text = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
assert all(r['page'] is None for r in text), 'a text paragraph with a page'
PY
expect_status 0 "$KRAFT" --db "$WORK/pdf.db" show KS 2026-03-11 §43
grep -Eq 'nordkommun-ks-2026-03-11\.pdf, page [0-9]+' "$WORK/out" || fail "show does not say the page"
expect_status 0 "$KRAFT" --db "$WORK/pdf.db" --json stats
python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["pdf_protocols"] == 7 and s["ocr_protocols"] == 0 and s["pages"] >= 14, s
' "$WORK/out" || fail "stats: PDFs and pages"
[ "$(sqlite3 "$WORK/pdf.db" "SELECT DISTINCT producer FROM protocols")" = "kraft tests/tools/make-pdf" ] \
  || fail "the PDF's producer is not kept"
# Re-importing unchanged PDFs does nothing.
expect_status 0 "$KRAFT" --db "$WORK/pdf.db" import "$WORK/pdfs"
expect_file_contains "$WORK/err" "imported 0, unchanged 7, failed 0"

# Bad PDFs: each refused with its name and why; the good file beside them lands; nothing of
# theirs is stored.
mkdir -p "$WORK/bad"
cp "$WORK/pdfs/ostersund-ks-2024-11-04.pdf" "$WORK/bad/good.pdf"
head -c 900 "$WORK/pdfs/malmo-ks-2026-01-07.pdf" >"$WORK/bad/truncated.pdf"
printf '%%PDF-1.4\nnothing but a header\n' >"$WORK/bad/garbage.pdf"
qpdf --encrypt secret secret 256 -- "$WORK/pdfs/malmo-kf-2026-01-22.pdf" "$WORK/bad/encrypted.pdf"
python3 - "$WORK/bad/no-pages.pdf" <<'PY'
import sys
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [] /Count 0 >>']
data = bytearray(b'%PDF-1.4\n'); offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(data)); data += b'%d 0 obj\n' % i + o + b'\nendobj\n'
x = len(data)
data += b'xref\n0 3\n0000000000 65535 f \n' + b''.join(b'%010d 00000 n \n' % o for o in offs)
data += b'trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % x
open(sys.argv[1], 'wb').write(data)
PY
expect_status 1 "$KRAFT" --db "$WORK/bad.db" import "$WORK/bad"
expect_file_contains "$WORK/err" "encrypted.pdf: encrypted PDF"
expect_file_contains "$WORK/err" "no-pages.pdf: PDF has no pages"
expect_file_contains "$WORK/err" "truncated.pdf: "
expect_file_contains "$WORK/err" "garbage.pdf: not a readable PDF"
expect_file_contains "$WORK/err" "imported 1, unchanged 0, failed 4"
[ "$(sqlite3 "$WORK/bad.db" "SELECT group_concat(source) FROM protocols")" = "$WORK/bad/good.pdf" ] \
  || fail "a refused PDF left rows in the archive"
expect_status 1 "$KRAFT" parse "$WORK/bad/encrypted.pdf"
expect_file_contains "$WORK/err" "kraft: $WORK/bad/encrypted.pdf: encrypted PDF"
finish
