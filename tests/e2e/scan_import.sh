#!/usr/bin/env bash
# Scanned PDFs and page images: read by OCR (tesseract, Swedish model), repaired, parsed. The
# paragraphs and their case numbers of the clean text are found (>= 95 %), the archive records
# the OCR, a second import does not OCR again, and what OCR cannot read is refused by name.
source "$(dirname "$0")/lib.sh"
SCANS="$SRC/tests/data/pdf/scanned"
mkdir -p "$WORK/in"
cp "$SCANS"/*-scan.pdf "$SCANS"/*.png "$WORK/in/"

# Each scan: the paragraphs of its clean text, with their case numbers.
for pdf in "$SCANS"/*-scan.pdf; do
  name=$(basename "$pdf" .pdf)
  expect_status 0 "$KRAFT" parse --json "$SCANS/$name.gold.txt"
  cp "$WORK/out" "$WORK/$name.gold.json"
  expect_status 0 "$KRAFT" parse --json "$pdf"
  cp "$WORK/out" "$WORK/$name.scan.json"
done
python3 - "$WORK" <<'PY' || fail "paragraphs of the scans"
import glob, json, sys
found = total = 0
for gold in sorted(glob.glob(sys.argv[1] + '/*.gold.json')):
    want = {(p['number'], tuple(p['case_numbers'])) for p in json.load(open(gold))['paragraphs']}
    scan = json.load(open(gold.replace('.gold.json', '.scan.json')))
    got = {(p['number'], tuple(p['case_numbers'])) for p in scan['paragraphs']}
    missing = want - got
    if missing: print(gold, 'missing', sorted(missing))
    found += len(want & got); total += len(want)
    # Every paragraph says its page, in order.
    pages = [p['page'] for p in scan['paragraphs']]
    assert all(isinstance(x, int) for x in pages) and pages == sorted(pages), (gold, pages)
print(f'{found}/{total} paragraphs found with their case numbers')
sys.exit(0 if found >= 0.95 * total else 1)
PY

# A folder of scans: imported with OCR, recorded as such; a second import reads nothing again.
expect_status 0 "$KRAFT" import "$WORK/in"
expect_file_contains "$WORK/err" "imported 4, unchanged 0, failed 0"
expect_status 0 "$KRAFT" --json stats
python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["pdf_protocols"] == 3 and s["image_protocols"] == 1, s
assert s["ocr_protocols"] == 4 and s["ocr_pages"] == 14 and s["pages"] == 14, s
' "$WORK/out" || fail "stats: scans and OCR'd pages"
expect_status 0 "$KRAFT" import "$WORK/in"
expect_file_contains "$WORK/err" "imported 0, unchanged 4, failed 0"
# What the OCR read is kept: show --original gives it, with the repairs made.
expect_status 0 "$KRAFT" show --original KS 2026-03-11 §42
expect_file_contains "$WORK/out" "repair edits:"
expect_file_contains "$WORK/out" "Norra"
# The image of one page: the paragraphs on it.
expect_status 0 "$KRAFT" parse --json "$SCANS/nordkommun-ks-2026-03-11-page1.png"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [p["number"] for p in d["paragraphs"]][:2] == [41, 42], d["paragraphs"]
' "$WORK/out" || fail "the page image's paragraphs"

# --ocr never: a scan has no text to read. --ocr always: a born-digital PDF is read by OCR too.
expect_status 1 "$KRAFT" parse --ocr never "$SCANS/nordkommun-ks-2026-03-11-scan.pdf"
expect_file_contains "$WORK/err" "nordkommun-ks-2026-03-11-scan.pdf: PDF has no text layer"
expect_status 1 "$KRAFT" parse --ocr never "$SCANS/nordkommun-ks-2026-03-11-page1.png"
expect_file_contains "$WORK/err" "an image is read only by OCR"
"$SRC/tests/tools/make-pdf" "$SRC/tests/data/pdf/nordkommun-ks-2026-03-11.txt" "$WORK/digital.pdf" \
  --body Kommunstyrelsen --date 2026-03-11
expect_status 0 "$KRAFT" --db "$WORK/always.db" import --ocr always "$WORK/digital.pdf"
[ "$(sqlite3 "$WORK/always.db" "SELECT ocr_pages = pages FROM protocols")" = 1 ] \
  || fail "--ocr always did not OCR every page"

# Images OCR cannot read: too small, or not an image at all behind the magic bytes.
python3 - "$WORK/bad" <<'PY'
import os, struct, sys, zlib
os.makedirs(sys.argv[1], exist_ok=True)
def png(w, h):
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    raw = b''.join(b'\0' + b'\xff' * w for _ in range(h))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
open(sys.argv[1] + '/tiny.png', 'wb').write(png(120, 80))
open(sys.argv[1] + '/huge.png', 'wb').write(png(12000, 12000))  # 144 million pixels
# A page box of 20 metres square: rendered for OCR at what fits kMaxPagePixels, not 300 dpi.
objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 56700 56700] >>']
pdf = bytearray(b'%PDF-1.4\n'); offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf)); pdf += b'%d 0 obj\n' % i + o + b'\nendobj\n'
x = len(pdf)
pdf += b'xref\n0 4\n0000000000 65535 f \n' + b''.join(b'%010d 00000 n \n' % o for o in offs)
pdf += b'trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % x
open(sys.argv[1] + '/../huge-page.pdf', 'wb').write(pdf)
open(sys.argv[1] + '/broken.png', 'wb').write(png(900, 1200)[:60])
PY
expect_status 1 "$KRAFT" --db "$WORK/bad.db" import "$WORK/bad"
expect_file_contains "$WORK/err" "tiny.png: image too small to read (120x80 pixels"
expect_file_contains "$WORK/err" "broken.png: not a readable image"
expect_file_contains "$WORK/err" "huge.png: image too large to read (12000x12000 pixels"
expect_file_contains "$WORK/err" "imported 0, unchanged 0, failed 3"
expect_status 1 "$KRAFT" parse --ocr always "$WORK/huge-page.pdf"
expect_file_contains "$WORK/err" "huge-page.pdf: PDF has no text, and OCR found none"
finish
