"""A batch of content files built in one call, per document, against pandoc making docx and html
for each; what filling the daftar isi costs per document in such a batch; and the signed sets of a
batch (each DOCX with its daftar isi filled, and its PDF) against LibreOffice converting the same DOCX
files in one call.

Usage: python benchmarks/batch.py [--files N] [--runs N] [--signed-only]
Targets (issue 11): docx+html <= 0.3x pandoc per document; filling <= 0.3 s more per document.
Target (issue 21): the signed sets <= 1.0x LibreOffice converting the DOCX files in one call.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from timing import REFERENCE, SAMPLE, measure

# Single-line text fields a batch's files word differently.
_FREE_TEXT = re.compile(r'^((?:isi|nama|sumber_data|rumus_perhitungan|makna|alasan_pemilihan|visi|tujuan)'
                        r' = "(?!"").*)"$')


def distinct_copy(sample: str, n: int) -> str:
    """The sample with every paragraph and free text field of its own (a batch is of different agencies'
    files, not one file fifty times: what was parsed or measured for one file is not all there is to
    do for the next)."""
    lines, in_text = [], False
    for line in sample.splitlines():
        if line.count('"""') == 1:
            in_text = not in_text
        elif in_text and line.strip() and not re.fullmatch(r"\{\w+\}", line.strip()):
            line = f"{line} ({n})"
        line = _FREE_TEXT.sub(rf'\1 {n}"', line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--signed-only", action="store_true", help="only the signed sets against LibreOffice")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("pandoc tidak terpasang; pembanding tidak bisa diukur.")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sources = []
        for n in range(args.files):
            sources.append(folder / f"iku_{n:03d}.toml")
            sources[-1].write_text(distinct_copy(SAMPLE.read_text(encoding="utf-8"), n), encoding="utf-8")
        ikudoc = [sys.executable, "-m", "ikudoc", "build", *map(str, sources), "-o", str(folder / "build")]
        signed_sets(ikudoc, folder, args.files, args.runs)
        if args.signed_only:
            return 0
        plain, filled, reference = [], [], []
        measure([*ikudoc, "--no-fill-toc"])  # warm the disk cache and Jinja's template cache
        for _ in range(args.runs):
            plain.append(measure([*ikudoc, "--no-fill-toc"]).cpu / args.files)
            filled.append(measure(ikudoc).cpu / args.files)
            pandoc_cpu = 0.0
            for n in range(args.files):
                pandoc_cpu += measure([pandoc, str(REFERENCE), "-o", str(folder / f"p{n}.docx")]).cpu
                pandoc_cpu += measure([pandoc, str(REFERENCE), "-s", "-o", str(folder / f"p{n}.html")]).cpu
            reference.append(pandoc_cpu / args.files)
    plain_cpu, filled_cpu, pandoc_cpu = map(statistics.median, (plain, filled, reference))
    print(f"{args.files} berkas dalam satu panggilan, detik CPU per dokumen (median {args.runs} kali):")
    print(f"  pandoc docx+html           {pandoc_cpu:6.3f} s")
    print(f"  ikudoc build (docx+html)   {plain_cpu:6.3f} s  {plain_cpu / pandoc_cpu:5.2f}x pandoc")
    print(f"  ikudoc build, daftar isi   {filled_cpu:6.3f} s  +{filled_cpu - plain_cpu:.3f} s per dokumen")
    return 0


def signed_sets(ikudoc: list[str], folder: Path, files: int, runs: int) -> None:
    """``ikudoc build --format docx,pdf`` of the batch against soffice --convert-to pdf of its DOCX files."""
    soffice = shutil.which("soffice")
    if not soffice:
        print("LibreOffice (soffice) tidak terpasang; set bertanda tangan tidak diukur.")
        return
    signed = [*ikudoc, "--format", "docx,pdf"]
    measure(signed)  # the DOCX files LibreOffice converts, and warm caches and profiles
    docx = sorted(str(path) for path in (folder / "build").glob("*.docx"))
    profile = (folder / "profil-lo").as_uri()
    converting = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                  str(folder / "lo"), *docx]
    measure(converting)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(measure(signed))
        theirs.append(measure(converting))
    cpu, wall = (statistics.median(r.cpu for r in ours), statistics.median(r.wall for r in ours))
    lo_cpu, lo_wall = (statistics.median(r.cpu for r in theirs), statistics.median(r.wall for r in theirs))
    print(f"{files} set bertanda tangan (DOCX + daftar isi + PDF) dalam satu panggilan (median {runs} kali):")
    print(f"  soffice --convert-to pdf ({files} DOCX)   CPU {lo_cpu:6.1f} s   nyata {lo_wall:6.1f} s")
    print(f"  ikudoc build --format docx,pdf        CPU {cpu:6.1f} s   nyata {wall:6.1f} s   "
          f"{cpu / lo_cpu:4.2f}x CPU, {wall / lo_wall:4.2f}x nyata")


if __name__ == "__main__":
    sys.exit(main())
