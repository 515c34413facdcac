"""Time whole commands as fresh processes, alternately, and report medians and ratios."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "iku_2024.toml"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def compare(commands: dict[str, list[str]], baseline: str, runs: int) -> str:
    """Run every command once to warm up, then ``runs`` rounds; a table of medians and ratios to ``baseline``."""
    for command in commands.values():
        timed(command)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    width = max(len(name) for name in commands) + 2
    lines = [f"{'perintah':{width}} {'median':>8} {'min':>8}  rasio terhadap {baseline} ({runs} kali)"]
    for name, values in samples.items():
        ratio = medians[name] / medians[baseline]
        lines.append(f"{name:{width}} {medians[name]:7.2f}s {min(values):7.2f}s  {ratio:5.2f}x")
    return "\n".join(lines)
