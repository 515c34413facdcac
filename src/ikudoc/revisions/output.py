"""Show a comparison of two revisions (revisions.comparison): as terminal text, as JSON for tools, or as
a one-file HTML redline page (through templates/perubahan.html.j2) that a head of office can read."""

from __future__ import annotations

import dataclasses
import json
import re
from itertools import groupby
from pathlib import Path

import click

from ..render.html import environment
from .comparison import Change, Comparison, Segments

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


def _styled(text: str, colour: bool, **style) -> str:
    return click.style(text, **style) if colour else text


def render_segments(segments: Segments, colour: bool = False) -> str:
    """Word diff in git's --word-diff style, coloured when ``colour`` (the console shows colours)."""
    parts = []
    for index, (op, text) in enumerate(segments):
        if op == "=":
            parts.append(_shorten(text, keep_start=index > 0, keep_end=index < len(segments) - 1))
        elif op == "-":
            parts.append(_styled(f"[-{text}-]", colour, fg="red"))
        else:
            parts.append(_styled(f"{{+{text}+}}", colour, fg="green"))
    return "".join(parts)


def _excerpt(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def with_unit(value: str | None, unit: str | None) -> str:
    """A target as a reader says it: "8,57 %", a band "143,33 - 139,83 indeks"; a text target ("N/A") has no
    unit."""
    if value is None:
        return "(tidak ada)"
    return f"{value} {unit}" if unit and re.fullmatch(r"[-+]?[\d.,]+(?: - [-+]?[\d.,]+)?", value) else value


def _indented(text: str) -> str:
    return text.replace("\n", "\n      ")


def _change_line(change: Change, colour: bool) -> str:
    if change.kata:
        return f"  {change.lokasi}:\n    {render_segments(change.kata, colour)}"
    if change.jenis == "pindah":
        return f"  {change.lokasi} (dipindah dari {change.asal}): {_excerpt(change.baru or '')}"
    if change.satuan is not None:  # a target
        old = with_unit(change.lama, change.satuan_lama) if change.lama is not None else "(tidak ada)"
        return f"  {change.lokasi}: {old} -> {with_unit(change.baru, change.satuan)}"
    if change.lama is None:
        return f"  {change.lokasi}: " + _styled(f"{{+{_indented(change.baru)}+}}", colour, fg="green")
    if change.baru is None:
        return f"  {change.lokasi}: " + _styled(f"[-{_indented(change.lama)}-]", colour, fg="red")
    return f"  {change.lokasi}: {change.lama} -> {change.baru}"


def as_text(comparison: Comparison, colour: bool = False) -> str:
    """The comparison for a terminal (or a text file); with colour codes only when ``colour``."""
    lines = [f"Perubahan dari {comparison.lama} ke {comparison.baru}"]
    if not comparison.berbeda:
        return lines[0] + ": tidak ada perbedaan."
    for group, changes in groupby(comparison.perubahan, key=lambda c: c.kelompok):
        lines.append("")
        lines.append(_styled(group, colour, bold=True))
        lines.extend(_change_line(change, colour) for change in changes)
    return "\n".join(lines)


def as_json(comparison: Comparison) -> str:
    data = dataclasses.asdict(comparison)
    data["berbeda"] = comparison.berbeda
    for row in data["target"]:
        for cell in row["sel"]:
            cell["berubah"] = cell["lama"] != cell["baru"]
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_html(comparison: Comparison, templates: Path) -> bytes:
    groups = [(group, part, list(changes))
              for (group, part), changes in groupby(comparison.perubahan, key=lambda c: (c.kelompok, c.bagian))]
    env = environment(templates)
    env.filters["dengan_satuan"] = with_unit
    return env.get_template(TEMPLATE).render(perbandingan=comparison, kelompok=groups).encode("utf-8")


def write_comparison(comparison: Comparison, fmt: str, output: Path | None, templates: Path,
                     colour: bool = False) -> Path | str:
    """Show ``comparison`` as ``fmt`` ("text", "json" or "html"): written to ``output`` (the path is
    returned, the file in UTF-8), or returned as text for the terminal (coloured when ``colour``). An HTML
    page always goes to a file: by default build/perubahan_NAME.html, NAME that of the newer content file."""
    from ..files import write_atomically
    from ..render.pipeline import using_template  # the one place that names a template that cannot be used
    from ..render.template_files import template_file

    if fmt == "html":
        target = output or Path("build") / f"perubahan_{Path(comparison.baru.split(':')[-1].split(' (')[0]).stem}.html"
        write_atomically(target, using_template(template_file(templates, TEMPLATE),
                                                lambda: as_html(comparison, templates)))
        return target
    text = as_json(comparison) if fmt == "json" else as_text(comparison, colour and output is None)
    if output is None:
        return text
    write_atomically(output, text.encode("utf-8") + b"\n")
    return output
