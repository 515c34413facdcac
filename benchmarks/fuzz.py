"""The long run of the property-based test (tests/test_fuzz.py): content files made by mutating the
sample, each of which must build or fail with exit 1 and FILE:LINE lines only. Prints the number of
examples tried, how many built and how many were refused, and the first failure found (minimised by
hypothesis), if any. Not a speed benchmark: it lives here because it takes an hour, not seconds.

Usage: python benchmarks/fuzz.py [--examples N] [--seed S]
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from support.fuzz_content import builds_or_says_where, contents, mutated  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    outcomes: collections.Counter[str] = collections.Counter()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(contents)
    def property_holds(edits):
        with tempfile.TemporaryDirectory() as folder:
            outcomes[builds_or_says_where(mutated(edits), Path(folder))] += 1

    started = time.perf_counter()
    try:
        property_holds()
        failure = None
    except Exception as error:  # noqa: BLE001 (the falsifying example is the report)
        failure = error
    minutes = (time.perf_counter() - started) / 60
    print(f"{sum(outcomes.values())} contoh dalam {minutes:.0f} menit: {outcomes['ok']} dibangun, "
          f"{outcomes['refused']} ditolak dengan baris FILE:LINE, {1 if failure else 0} gagal")
    if failure:
        print(f"kegagalan pertama: {failure!r}")
        for note in getattr(failure, "__notes__", []):  # hypothesis's falsifying example
            print(note)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
