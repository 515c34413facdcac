"""Time whole commands as fresh processes, alternately, and report medians and ratios.

Times are CPU seconds (user + system) of the command and the processes it waits for, as the issues
state their targets: on a 2-core machine another job running at the same time changes wall-clock
times, not CPU times. Wall-clock medians are shown beside them."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "iku_2024.toml"
REFERENCE = ROOT / "tests" / "reference" / "iku_opd_perubahan_2024.md"


@dataclass(frozen=True)
class Run:
    cpu: float  # seconds
    wall: float  # seconds
    peak_mib: float  # the largest resident size of any process it waited for
    tree_mib: float = 0.0  # the largest resident size of the command and all it started, together (Linux)


def user_environment() -> dict[str, str]:
    """The environment without PYTHONDONTWRITEBYTECODE: an installed ikudoc runs from compiled bytecode
    (pip compiles it on install), which a shell with that variable set would make it compile again on
    every run, timing Python's compiler instead of ikudoc."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def measure(command: list[str], cwd: Path | None = None, tree: bool = False) -> Run:
    """Run ``command``; with ``tree``, also sample the resident memory of it and every process it starts
    (ikudoc and its LibreOffice together) every 0.1 s."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd,
                               env=user_environment())
    peak = 0
    while tree and process.poll() is None:
        peak = max(peak, _tree_resident(process.pid))
        time.sleep(0.1)
    error = process.communicate()[1]
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, stderr=error)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu, wall, after.ru_maxrss / 1024, peak / 1024)


def _tree_resident(pid: int) -> int:
    """KiB resident in ``pid`` and its descendants (Linux's /proc; 0 elsewhere)."""
    children: dict[int, list[int]] = {}
    sizes: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text(encoding="utf-8", errors="replace")
            fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        except OSError:
            continue
        process = int(status.parent.name)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(process)
        sizes[process] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, waiting = 0, [pid]
    while waiting:
        process = waiting.pop()
        total += sizes.get(process, 0)
        waiting += children.get(process, [])
    return total


def compare(commands: dict[str, list[str] | list[list[str]]], baseline: str, runs: int) -> str:
    """Run every command once to warm up, then ``runs`` rounds; a table of CPU medians and ratios to
    ``baseline``. A command given as a list of commands counts as their sum (pandoc making two formats)."""
    def once(command) -> Run:
        parts = [measure(c) for c in (command if isinstance(command[0], list) else [command])]
        return Run(sum(p.cpu for p in parts), sum(p.wall for p in parts), max(p.peak_mib for p in parts))

    for command in commands.values():
        once(command)
    samples: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(once(command))
    cpu = {name: statistics.median(r.cpu for r in values) for name, values in samples.items()}
    width = max(len(name) for name in commands) + 2
    lines = [f"{os.cpu_count()} inti; {runs} kali; detik CPU (median), waktu nyata (median); rasio CPU terhadap "
             f"{baseline}",
             f"{'perintah':{width}} {'CPU':>7} {'nyata':>8}  rasio"]
    for name, values in samples.items():
        wall = statistics.median(r.wall for r in values)
        lines.append(f"{name:{width}} {cpu[name]:6.2f}s {wall:7.2f}s  {cpu[name] / cpu[baseline]:5.2f}x")
    return "\n".join(lines)
