#!/usr/bin/env python3
"""Makes the plain release archive of one target from its wheel, so that the
archive holds exactly the binary the wheel does.

    python3 scripts/release-archive.py WHEEL TARGET OUT_DIR

Writes OUT_DIR/doclint-VERSION-TARGET.tar.gz (.zip for Windows targets),
holding doclint-VERSION-TARGET/doclint (doclint.exe) and README.md, and the
archive's SHA-256 beside it as ARCHIVE.sha256 (`sha256sum -c` reads it).
Prints the archive's path.
"""
import hashlib
import io
import os
import sys
import tarfile
import time
import zipfile

wheel, target, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
windows = "windows" in target

with zipfile.ZipFile(wheel) as whl:
    # doclint-VERSION.data/scripts/doclint[.exe]: maturin's bin bindings.
    scripts = [n for n in whl.namelist() if ".data/scripts/" in n]
    if len(scripts) != 1:
        sys.exit(f"{wheel}: expected one binary in .data/scripts/, found {scripts}")
    binary_name = scripts[0].rsplit("/", 1)[1]
    version = scripts[0].split("/", 1)[0].removeprefix("doclint-").removesuffix(".data")
    binary = whl.read(scripts[0])

readme = open(os.path.join(os.path.dirname(__file__), "..", "README.md"), "rb").read()
name = f"doclint-{version}-{target}"
os.makedirs(out_dir, exist_ok=True)
archive = os.path.join(out_dir, name + (".zip" if windows else ".tar.gz"))
files = [(binary_name, binary, 0o755), ("README.md", readme, 0o644)]

if windows:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, data, mode in files:
            info = zipfile.ZipInfo(f"{name}/{fname}", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
else:
    with tarfile.open(archive, "w:gz") as t:
        for fname, data, mode in files:
            info = tarfile.TarInfo(f"{name}/{fname}")
            info.size, info.mode = len(data), mode
            info.mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
            t.addfile(info, io.BytesIO(data))

digest = hashlib.sha256(open(archive, "rb").read()).hexdigest()
with open(archive + ".sha256", "w", newline="\n") as f:
    f.write(f"{digest}  {os.path.basename(archive)}\n")
print(archive)
