#!/usr/bin/env python3
"""Checks doclint on a real tree: it finishes, and every span it reports
slices the file on disk to exactly the text it says it found.

    python3 scripts/check-spans.py DOCLINT_BINARY TREE

Prints the summary and the number of spans checked; exits 1 on any mismatch.
"""
import json
import subprocess
import sys

binary, tree = sys.argv[1], sys.argv[2]


def run(*args):
    p = subprocess.run([binary, *args], cwd=tree, capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f"doclint {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
    return json.loads(p.stdout)


bad = 0
checked = 0
cache = {}


def data(path):
    if path not in cache:
        with open(f"{tree}/{path}", "rb") as f:
            cache[path] = f.read()
    return cache[path]


def check(path, start, end, expected):
    global bad, checked
    checked += 1
    got = data(path)[start:end].decode("utf-8")
    if got != expected:
        bad += 1
        print(f"MISMATCH {path} {start}..{end}: {got!r} != {expected!r}")


report = run("--format", "json", ".")
for f in report["findings"]:
    if f["found"] is not None:
        check(f["path"], f["span"]["start"], f["span"]["end"], f["found"])
    for e in (f["fix"] or {}).get("edits", []):
        if not 0 <= e["start"] <= e["end"] <= len(data(f["path"])):
            bad += 1
            print(f"EDIT OUT OF BOUNDS {f['path']} {e}")

# Status-code pages, then the per-operation tables of API pages.
for page in run("pages", ".") + run("pages", "--operations", "."):
    def span(s):
        a, b = s.split("..")
        return int(a), int(b)

    for r in page["rows"]:
        check(page["path"], *span(r["code_span"]), r["code_slice"])
        for key in ("reason", "description"):
            c = r[key]
            if c:
                check(page["path"], *span(c["span"]), c["slice"])
                for frag in c["fragments"]:
                    check(page["path"], *span(frag["span"]), frag["slice"])

print("summary:", json.dumps(report["summary"]))
print(f"spans checked: {checked}, mismatches: {bad}")
sys.exit(1 if bad else 0)
