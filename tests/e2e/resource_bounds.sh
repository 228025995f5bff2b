# No input makes parse or repair run longer than linear-ish time or hold unbounded memory:
# pathological inputs are measured against a normal protocol of the same size, in CPU time of the
# same run (noise on a shared machine cancels out), and each against itself at four times the size.
source "$(dirname "$0")/lib.sh"
# Under ASan the allocator's quarantine and shadow memory, not kraft, decide time and memory.
if [ -n "${KRAFT_SANITIZED:-}" ]; then
    echo "skipped: time and memory bounds are measured in the normal build, not under ASan"
    exit 77
fi
python3 - "$KRAFT" "$SRC" "$WORK" <<'PY' || fail "resource bounds"
import os, random, subprocess, sys
kraft, src, work = sys.argv[1:4]
base = open(f"{src}/samples/malmo-ks-2026-01-07-p16.txt", encoding="utf-8").read()
# For repair, a normal input is an OCR'd protocol: against clean text every repair is expensive.
ocr = open(f"{src}/samples/malmo-kf-2026-01-22-p8-ocr.txt", encoding="utf-8").read()
rng = random.Random(1)

def repeat(unit, size):
    return (unit * (size // len(unit) + 1))[:size]

# Each maker returns about `size` bytes of text.
makers = {
    "normal": lambda n: repeat(base, n),
    "normal OCR": lambda n: repeat(ocr, n),
    "one § per line": lambda n: repeat("§ 1\n", n),
    "§ signs only": lambda n: repeat("§" * 999 + "\n", n),
    "random headings": lambda n: "".join(f"§ {rng.randint(1, 99999)} Rubrik\n" for _ in range(n // 16)),
    "references in one sentence": lambda n: "§ 1 Ärende\n" + repeat("Beslut KF 240926 § 189 med reservation (SD) " * 20 + "\n", n),
    "names in one statement": lambda n: "§ 1 Ärende\nReservation\n" + repeat("Anna Andersson (M), " * 40 + "\n", n),
    "appendix announcements": lambda n: "§ 1 Ärende\n" + repeat("Bilaga 1 Reservation (M)\nReservation\n", n),
    "case numbers": lambda n: "§ 1 Ärende\n" + repeat("KS 2026/1 STK-2024-1374 " * 40 + "\n", n),
    "open parentheses": lambda n: repeat("(" * 5000 + "\n", n),
    # OCR symbol readings: every heading's § misread, digits that could be § on every line, and
    # symbols on one long line (each was once a scan of the rest of the line or of every match).
    "misread headings": lambda n: repeat("8 12 Titel\n$ 13 Text\nAnna Berg (5) {M) 101)\n", n),
    "symbols on one line": lambda n: "§ 1 Ärende\n" + repeat("KS $ 45, & 7 och $$ 8-9 ", min(n, 900_000)) + "\n",
    "OCR damage everywhere": lambda n: "§ 1 Ärende\n" + repeat("nimnden f6r beslutat pa {189 1 det mote " * 20 + "\n", n),
    "a word of 900 KB": lambda n: "§ 1 Ärende\n" + "a" * min(n, 900_000) + "\n",
    # 110,000 damaged words on one line: each edit's line and column (found by import and by
    # repair --json) was once counted from the line's start: 31 s.
    "OCR damage on one 900 KB line": lambda n: "§ 1 Ärende\n" + repeat("nimnden ", min(n, 900_000)) + "\n",
}

runs = 0
def run(args, path):
    """CPU seconds and peak RSS (MB) of kraft ARGS PATH ("{db}": a new archive each time)."""
    global runs
    runs += 1
    args = [a.replace("{db}", f"{work}/bounds-{runs}.db") for a in args]
    p = subprocess.Popen([kraft, *args, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

def measure(args, name, size):
    path = f"{work}/{abs(hash(name))}-{size}.txt"
    with open(path, "w", encoding="utf-8") as f:
        f.write(makers[name](size))
    return run(args, path)

failures = []
tiny = f"{work}/tiny.txt"
open(tiny, "w", encoding="utf-8").write("§ 1 Ärende\nText.\n")
for args, normal_kind in ((["parse", "--no-repair"], "normal"), (["repair"], "normal OCR"),
                          (["--json", "repair"], "normal OCR"),
                          (["--db", "{db}", "import", "-q"], "normal")):
    size, budget = 1_000_000, 10
    startup = min(run(args, tiny)[0] for _ in range(3))
    # Floors of 0.1 s: below that, a shared machine's noise decides the ratios. Both sides of a
    # ratio are the best of several runs: a single run of the pathological input against the
    # best of the normal ones read 8.6x and 11.0x for the same build, idle and under ctest -j2.
    normal = max(min(measure(args, normal_kind, size)[0] for _ in range(3)) - startup, 0.1)
    print(f"kraft {' '.join(args)}: startup {startup:.2f} s, {normal_kind} 1 MB {normal:.2f} s")
    for name in makers:
        if name.startswith("normal"):
            continue
        small, rss_small = measure(args, name, size // 4)
        (big, rss), (again, rss_again) = measure(args, name, size), measure(args, name, size)
        big, rss = min(big, again), max(rss, rss_again)
        ratio = (big - startup) / normal
        growth = max(big - startup, 0.01) / max(small - startup, 0.1)
        print(f"  {name:28s} {big:6.2f} s CPU ({ratio:4.1f}x normal), x4 size: x{growth:4.1f} time, {rss:5.0f} MB")
        if ratio > budget:
            failures.append(f"{args[0]} '{name}': {ratio:.1f}x a normal protocol (budget {budget}x)")
        # Linear: x4 the input, about x4 the time; quadratic would be x16. Small times are noise.
        if big - startup > 0.3 and growth > 8:
            failures.append(f"{args[0]} '{name}': x4 input took x{growth:.1f} time")
        if rss > 400:
            failures.append(f"{args[0]} '{name}': {rss:.0f} MB for 1 MB of input")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
finish
