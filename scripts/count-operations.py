#!/usr/bin/env python3
"""A second, independent reader of per-operation status tables, to check
doclint's count (stdlib only; shares no code or rule with doclint).

    python3 scripts/count-operations.py TREE [DOCLINT_BINARY]

An API page here is a Markdown file with a heading that names status codes
(状态码, 返回值, 返回码, Status Code) after some other table (its request
and response parameters), followed, before the next heading of the same or
a higher level, by tables whose rows start with an HTTP status code. Rows
are counted per table row (HTML `<tr>` or pipe line) whose first cell is a
three-digit code. With the binary, it also runs `doclint pages --operations`
and prints the pages and rows each counted and the files they disagree on.
"""
import html
import json
import os
import re
import subprocess
import sys

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
WORDS = ("状态码", "返回值", "返回码", "Status Code", "Status code", "status code")
CODE = re.compile(r"^\s*(?:HTTP\s*)?([1-5]\d\d)(?![\d.\w])")
TAG = re.compile(r"<[^>]*>")
FENCE = re.compile(r"^\s*(```|~~~)")


def first_cells_html(block):
    """The text of the first cell of every row of the HTML tables in block."""
    out = []
    for tr in re.finditer(r"<tr\b.*?</tr>", block, re.S):
        m = re.search(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", tr.group(0), re.S)
        if m:
            out.append(html.unescape(TAG.sub("", m.group(1))).strip())
    return out


def first_cells_pipe(lines):
    out = []
    for line in lines:
        s = line.strip()
        if not s.startswith("|") or re.fullmatch(r"[|\-: ]+", s):
            continue
        cells = s.strip("|").split("|")
        out.append(cells[0].replace("`", "").replace("*", "").strip())
    return out


def count(path):
    """Rows of per-operation status tables in the file at path (0 if none)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    lines = text.split("\n")
    rows = 0
    seen_table = False
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            i += 1
            continue
        m = HEADING.match(line)
        if m and seen_table and any(w in m.group(2) for w in WORDS):
            level = len(m.group(1))
            j = i + 1
            while j < len(lines):
                h = HEADING.match(lines[j])
                if h and len(h.group(1)) <= level:
                    break
                j += 1
            section = "\n".join(lines[i + 1 : j])
            cells = first_cells_html(section) + first_cells_pipe(lines[i + 1 : j])
            rows += sum(1 for c in cells if CODE.match(c))
            i = j
            continue
        if "<table" in line or re.match(r"^\s*\|[\s:|-]*-[\s:|-]*\|?\s*$", line):
            seen_table = True
        i += 1
    return rows


def main():
    tree = sys.argv[1]
    mine = {}
    for d, _, files in os.walk(tree):
        if "/." in d:
            continue
        for name in files:
            if name.endswith(".md"):
                p = os.path.join(d, name)
                n = count(p)
                if n:
                    mine[os.path.relpath(p, tree)] = n
    print(f"second reader: {len(mine)} API pages, {sum(mine.values())} rows")
    if len(sys.argv) < 3:
        return
    out = subprocess.run(
        [os.path.abspath(sys.argv[2]), "pages", "--operations", "."],
        cwd=tree,
        capture_output=True,
        check=True,
    ).stdout
    theirs = {p["path"]: len(p["rows"]) for p in json.loads(out)}
    print(f"doclint:       {len(theirs)} API pages, {sum(theirs.values())} rows")
    both = set(mine) & set(theirs)
    same = sum(1 for p in both if mine[p] == theirs[p])
    print(f"pages in both: {len(both)}, same row count on {same}")
    print(f"rows on pages in both: second reader {sum(mine[p] for p in both)}, "
          f"doclint {sum(theirs[p] for p in both)}")
    for p in sorted(set(mine) - set(theirs))[:15]:
        print(f"  only second reader: {p} ({mine[p]} rows)")
    for p in sorted(set(theirs) - set(mine))[:15]:
        print(f"  only doclint: {p} ({theirs[p]} rows)")
    for p in sorted(p for p in both if mine[p] != theirs[p])[:15]:
        print(f"  differ: {p}: second reader {mine[p]}, doclint {theirs[p]}")


main()
