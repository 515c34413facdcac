"""The signed set of the sample (ikudoc build --format docx,pdf: the DOCX with its daftar isi filled, and
its PDF, printed by LibreOffice) against LibreOffice alone converting that DOCX to PDF
(soffice --headless --convert-to pdf), both cold processes, alternately, in one run.

Usage: python benchmarks/pdf.py [--runs N]
Target (issue 21): the signed set <= 1.5x LibreOffice alone.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import SAMPLE, compare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    if not soffice:
        print("LibreOffice (soffice) tidak terpasang; pembanding tidak bisa diukur.")
        return 1
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "ikudoc", "build", str(SAMPLE), "-o", out, "--format", "docx"],
                       check=True, capture_output=True)  # the Word file that gets signed, daftar isi filled
        docx = Path(out) / "iku_2024.docx"
        profile = (Path(out) / "profil").as_uri()
        commands = {
            "ikudoc build --format docx,pdf": [sys.executable, "-m", "ikudoc", "build", str(SAMPLE), "-o", out,
                                               "--format", "docx,pdf"],
            "soffice --convert-to pdf (DOCX ikudoc)": [soffice, f"-env:UserInstallation={profile}", "--headless",
                                                       "--convert-to", "pdf", "--outdir", str(Path(out) / "lo"),
                                                       str(docx)],
        }
        # compare() runs each once first: that creates LibreOffice's profile and warms the disk cache.
        print(compare(commands, "soffice --convert-to pdf (DOCX ikudoc)", args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
