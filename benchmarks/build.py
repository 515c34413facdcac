"""Cold build time of the sample document, against pandoc converting the reference Markdown to DOCX;
and what filling the daftar isi with LibreOffice (the default where it is installed) adds.

Both are started as fresh processes, alternately, several times in one run; the ratio of the medians
is what README reports. Usage: python benchmarks/build.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import ROOT, SAMPLE, compare

REFERENCE = ROOT / "tests" / "reference" / "iku_opd_perubahan_2024.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("pandoc tidak terpasang (Debian: apt-get install pandoc); pembanding tidak bisa diukur.")
        return 1
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    with tempfile.TemporaryDirectory() as out:
        commands = {
            "ikudoc build (docx+html)": [sys.executable, "-m", "ikudoc", "build", str(SAMPLE), "-o", out,
                                         "--no-fill-toc"],
            "ikudoc build (docx)": [sys.executable, "-m", "ikudoc", "build", str(SAMPLE), "-o", out,
                                    "--format", "docx", "--no-fill-toc"],
            "ikudoc build (docx+html, daftar isi diisi)": [sys.executable, "-m", "ikudoc", "build", str(SAMPLE),
                                                          "-o", out],
            f"{version} md->docx": [pandoc, str(REFERENCE), "-f", "markdown", "-o", str(Path(out) / "pandoc.docx")],
        }
        print(compare(commands, f"{version} md->docx", args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
