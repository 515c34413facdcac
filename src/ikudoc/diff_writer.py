"""Show a comparison of two revisions: as terminal text, as JSON for tools, or as a one-file HTML
redline page (through templates/perubahan.html.j2) that a head of office can read."""

from __future__ import annotations

import dataclasses
import json
from itertools import groupby
from pathlib import Path

import click

from .diff import Change, Comparison, Segments
from .html_writer import environment

TEMPLATE = "perubahan.html.j2"
CONTEXT_WORDS = 8  # unchanged words kept on each side of a change in terminal output


def _shorten(text: str, keep_start: bool, keep_end: bool) -> str:
    """Unchanged text around a change: only the words next to it."""
    words = text.split(" ")
    if len(words) <= 2 * CONTEXT_WORDS + 1:
        return text
    head = " ".join(words[:CONTEXT_WORDS]) if keep_start else ""
    tail = " ".join(words[-CONTEXT_WORDS:]) if keep_end else ""
    return f"{head}{' ' if head else ''}…{' ' if tail else ''}{tail}"


def render_segments(segments: Segments) -> str:
    """Word diff in git's --word-diff style, coloured when the terminal supports it."""
    parts = []
    for index, (op, text) in enumerate(segments):
        if op == "=":
            parts.append(_shorten(text, keep_start=index > 0, keep_end=index < len(segments) - 1))
        elif op == "-":
            parts.append(click.style(f"[-{text}-]", fg="red"))
        else:
            parts.append(click.style(f"{{+{text}+}}", fg="green"))
    return "".join(parts)


def _change_line(change: Change) -> str:
    if change.kata:
        return f"  {change.lokasi}:\n    {render_segments(change.kata)}"
    if change.jenis == "pindah":
        return f"  {change.lokasi} (dipindah dari {change.lama}): {change.baru}"
    if change.lama is None:
        return f"  {change.lokasi}: " + click.style(f"{{+{change.baru}+}}", fg="green")
    if change.baru is None:
        return f"  {change.lokasi}: " + click.style(f"[-{change.lama}-]", fg="red")
    return f"  {change.lokasi}: {change.lama} -> {change.baru}"


def as_text(comparison: Comparison) -> str:
    lines = [f"Perubahan dari {comparison.lama} ke {comparison.baru}"]
    if not comparison.berbeda:
        return lines[0] + ": tidak ada perbedaan."
    for group, changes in groupby(comparison.perubahan, key=lambda c: c.kelompok):
        lines.append("")
        lines.append(click.style(group, bold=True))
        lines.extend(_change_line(change) for change in changes)
    return "\n".join(lines)


def as_json(comparison: Comparison) -> str:
    data = dataclasses.asdict(comparison)
    data["berbeda"] = comparison.berbeda
    for row in data["target"]:
        for cell in row["sel"]:
            cell["berubah"] = cell["lama"] != cell["baru"]
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_html(comparison: Comparison, templates: Path) -> bytes:
    groups = [(group, list(changes)) for group, changes in groupby(comparison.perubahan, key=lambda c: c.kelompok)]
    page = environment(templates).get_template(TEMPLATE)
    return page.render(perbandingan=comparison, kelompok=groups).encode("utf-8")
