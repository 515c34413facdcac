"""Large documents: pairing and diffing 3,000 indicators (and loading a revision that takes its
"sebelum" targets from the one it replaces), beyond the time to parse both files; and the PDF of
1,000 indicators x 20 years, its CPU time and peak memory.

Usage: python benchmarks/large.py [--indicators N] [--pdf-indicators N] [--skip-pdf]
Targets (issue 11): diff and menggantikan < 0.3 s beyond parsing; (issue 21) the PDF <= 60 s, with ikudoc
and its LibreOffice together <= 600 MiB at their peak.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.shapes import shaped_content, spread  # noqa: E402
from timing import measure  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=3000)
    parser.add_argument("--pdf-indicators", type=int, default=1000)
    parser.add_argument("--skip-pdf", action="store_true")
    args = parser.parse_args()
    from ikudoc.content.revision_source import file_ref
    from ikudoc.iku.diff import compare
    from ikudoc.iku.loader import load_ref

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        groups = [30] * (args.indicators // 30)
        old = shaped_content(folder, groups, name="lama.toml")
        new = folder / "baru.toml"
        text = old.read_text(encoding="utf-8").replace("Persentase Capaian Layanan", "Persentase Capaian Pelayanan")
        new.write_text(text.replace("11.", "12.").replace('perubahan = "Perubahan 2024"',
                                                          'perubahan = "Perubahan 2025"'), encoding="utf-8")
        started = cpu()
        before, after = load_ref(file_ref(old)), load_ref(file_ref(new))
        parsed = cpu()
        comparison = compare(before, after, "lama", "baru")
        compared = cpu()
        # the next revision of lama.toml: its "sebelum" targets are taken from lama.toml, not typed
        without_before = re.sub(r"\[sasaran\.indikator\.target_sebelum\]\n(?:\d{4} = [\d.]+\n)+", "",
                                old.read_text(encoding="utf-8"))
        plain = folder / "tanpa_sebelum.toml"
        plain.write_text(without_before, encoding="utf-8")
        replacing = folder / "pengganti.toml"
        replacing.write_text(without_before.replace("[instansi]", '[revisi]\nmenggantikan = "lama.toml"\n\n'
                                                    "[instansi]", 1), encoding="utf-8")
        plain_load = cpu()
        load_ref(file_ref(plain))
        plain_loaded = cpu()
        load_ref(file_ref(replacing))
        replaced = cpu()
        count = len(list(after.indicators()))
        print(f"{count} indikator: membaca dua berkas {parsed - started:.2f} s CPU; diff sesudahnya "
              f"{compared - parsed:.2f} s ({len(comparison.perubahan)} perubahan); memuat dengan menggantikan "
              f"{(replaced - plain_loaded) - (plain_loaded - plain_load):+.2f} s dibanding tanpa")
        if args.skip_pdf:
            return 0
        big = shaped_content(folder, spread(args.pdf_indicators), years=range(2011, 2031), revision=False,
                             name="besar.toml")
        started = time.perf_counter()
        run = measure([sys.executable, "-m", "ikudoc", "build", str(big), "-o", str(folder / "out"),
                       "--format", "pdf"], tree=True)
        print(f"PDF {args.pdf_indicators} indikator x 20 tahun: {run.cpu:.0f} s CPU, {run.wall:.0f} s nyata, "
              f"puncak memori ikudoc + LibreOffice {run.tree_mib:.0f} MiB (proses terbesar {run.peak_mib:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
