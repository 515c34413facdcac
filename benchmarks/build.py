"""Cold build of the sample (docx+html, daftar isi not filled) against pandoc making the same two
formats from the reference Markdown; and ikudoc --help and ikudoc check, whose target is absolute.

Usage: python benchmarks/build.py [--runs N]
Targets (issue 11): build <= 3.0x pandoc docx+html; --help and check <= 0.2 s CPU.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import REFERENCE, SAMPLE, compare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("pandoc tidak terpasang (Debian: apt-get install pandoc); pembanding tidak bisa diukur.")
        return 1
    version = subprocess.run([pandoc, "--version"], capture_output=True, encoding="utf-8").stdout.splitlines()[0]
    ikudoc = [sys.executable, "-m", "ikudoc"]
    with tempfile.TemporaryDirectory() as out:
        commands = {
            f"{version} md->docx + md->html": [
                [pandoc, str(REFERENCE), "-f", "markdown", "-o", str(Path(out) / "pandoc.docx")],
                [pandoc, str(REFERENCE), "-f", "markdown", "-s", "-o", str(Path(out) / "pandoc.html")]],
            "ikudoc build (docx+html)": [*ikudoc, "build", str(SAMPLE), "-o", out, "--no-fill-toc"],
            "ikudoc build (docx)": [*ikudoc, "build", str(SAMPLE), "-o", out, "--format", "docx", "--no-fill-toc"],
            "ikudoc --help": [*ikudoc, "--help"],
            "ikudoc check": [*ikudoc, "check", str(SAMPLE)],
            "python -c pass": [sys.executable, "-c", "pass"],
        }
        print(compare(commands, f"{version} md->docx + md->html", args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
