"""Cold build time of the sample document, against pandoc converting the reference Markdown to DOCX.

Both are started as fresh processes, alternately, several times in one run; the ratio of the medians
is what README reports. Usage: python benchmarks/build.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "iku_2024.toml"
REFERENCE = ROOT / "tests" / "reference" / "iku_opd_perubahan_2024.md"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


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
            "ikudoc build (docx+html)": [sys.executable, "-m", "ikudoc", "build", str(SAMPLE), "-o", out],
            "ikudoc build (docx)": [sys.executable, "-m", "ikudoc", "build", str(SAMPLE), "-o", out, "--format", "docx"],
            f"{version} md->docx": [pandoc, str(REFERENCE), "-f", "markdown", "-o", str(Path(out) / "pandoc.docx")],
        }
        for command in commands.values():  # warm the disk cache, not the processes
            timed(command)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                samples[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    baseline = medians[next(name for name in medians if "pandoc" in name)]
    print(f"{'perintah':40} {'median':>8} {'min':>8}  rasio terhadap pandoc  ({args.runs} kali)")
    for name, values in samples.items():
        print(f"{name:40} {medians[name]:7.2f}s {min(values):7.2f}s  {medians[name] / baseline:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
