"""Property: any content made by mutating the sample builds, or fails with exit 1 and FILE:LINE lines
only (tests/fuzz_content.py). A fast profile runs here; benchmarks/fuzz.py runs the long one."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from support.fuzz_content import builds_or_says_where, contents, mutated


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(contents)
def test_a_mutated_sample_builds_or_says_where_it_is_wrong(edits):
    with tempfile.TemporaryDirectory() as folder:
        builds_or_says_where(mutated(edits), Path(folder))
