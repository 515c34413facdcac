"""What starting a new content file from an existing one shares across kinds: the file read to be
edited (its byte-order mark and line ends kept for the new one), the new file's name, label and date,
the path it names the old one by, the refusal when it cannot be made; and for a yearly document, the
files of a folder by year, a name and a header comment moved to another year."""

from __future__ import annotations

import codecs
import contextlib
import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import IkudocError
from .revision_source import names_revision


class ScaffoldError(IkudocError):
    """The new file or project cannot be made; the message is Indonesian."""


@dataclass(frozen=True)
class NewDocument:
    """A content file ``ikudoc new`` wrote, and what the user does next."""

    path: Path
    asal: Path  # the file it was made from
    label: str
    date: str
    langkah: tuple[str, ...] = field(default=())  # the next steps, one line each
    catatan: tuple[str, ...] = field(default=())  # what the user should know first


def real_date(typed: str) -> bool:
    """2025-03 or 2025-03-17, and a day of the calendar (not 2025-13 or 2025-02-30)."""
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", typed):
        return False
    try:
        datetime.date.fromisoformat(typed if len(typed) == 10 else typed + "-01")
    except ValueError:
        return False
    return True


def label_year(target: Path, date: str) -> str:
    found = re.findall(r"(?<!\d)(20\d\d)(?!\d)", target.stem)
    return found[-1] if found else date[:4]




@dataclass(frozen=True)
class EditedFile:
    """A content file read to start a new one from: its text with "\n" line ends (what tomlkit edits),
    and how the file was written, which the new one keeps: CRLF line ends (Notepad, PowerShell) or LF,
    and the byte-order mark Notepad and PowerShell 5.1 write first."""

    text: str
    newline: str = "\n"
    bom: bool = False

    @classmethod
    def read(cls, path: Path) -> EditedFile:
        """``path`` read as every command reads a content file (UnicodeDecodeError when it is not UTF-8)."""
        from .source import content_text  # (its TOML parsers only when a file is read: not for --help)

        raw = path.read_bytes()
        first_end = raw.find(b"\n")
        newline = "\r\n" if first_end > 0 and raw[first_end - 1:first_end] == b"\r" else "\n"
        return cls(content_text(raw).replace("\r\n", "\n"), newline, raw.startswith(codecs.BOM_UTF8))

    def encoded(self, text: str) -> bytes:
        """``text`` (with "\n" line ends) as the bytes of a file written the way this one was."""
        if self.newline != "\n":
            text = text.replace("\r\n", "\n").replace("\n", self.newline)
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


def path_from(folder: Path, path: Path, flavour=os.path) -> str:
    """How a content file in ``folder`` names ``path``: relative to that folder, with "/" (which Windows
    reads too, and TOML needs no escape for), or, where no relative path leads there (another drive on
    Windows), absolute. ``flavour``: the path rules, os.path (ntpath for Windows' in tests)."""
    try:
        named = flavour.relpath(path, folder)
    except ValueError:  # Windows: C:\ and D:\ have no path between them
        named = flavour.abspath(path)
    return named.replace(flavour.sep, "/") if flavour.sep != "/" else named


def named_from(target: Path, named: str, base: Path) -> str:
    """How the new file ``target`` names the file that ``named`` names from the folder ``base``: relative to
    its own folder; a git revision ("v2024-10:content/iku_2024.toml"), or a file not found, as written."""
    if not names_revision(named) and (base / named).is_file():  # (C:\... is a file, not revision "C")
        return path_from(target.parent, base / named)
    return named


def by_year(folder: Path, marker: str) -> dict[int, Path]:
    """The content files of ``folder`` whose [``marker``] table gives a year (``tahun``), by that year (the
    first by name of two of one year). Only regular files are read: a FIFO there is not waited for."""
    import tomllib

    from .regular_file import NotARegularFile, read_regular
    from .revision_source import CONTENT_LIMIT
    from .source import content_text

    found: dict[int, Path] = {}
    for path in sorted(folder.glob("*.toml")):
        with contextlib.suppress(OSError, NotARegularFile, UnicodeDecodeError, tomllib.TOMLDecodeError):
            table = tomllib.loads(content_text(read_regular(path, CONTENT_LIMIT))).get(marker)
            if isinstance(table, dict) and isinstance(table.get("tahun"), int):
                found.setdefault(table["tahun"], path)
    return found


def header_for_year(text: str, previous: int, year: int) -> str:
    """The file's opening comment (its lines up to the first blank one) speaking of ``year`` where it
    spoke of ``previous`` (and of the year after each: "ikudoc new --pk 2025")."""
    lines = text.split("\n")
    end = next((n for n, line in enumerate(lines) if not line.startswith("#")), len(lines))
    for n in range(end):
        lines[n] = re.sub(r"(?<!\d)\d{4}(?!\d)", lambda found: {
            str(previous): str(year), str(previous + 1): str(year + 1)}.get(found.group(), found.group()), lines[n])
    return "\n".join(lines)


def with_year(stem: str, year: int) -> str:
    """pk_2024 -> pk_2025; a name without a year gets one: pk -> pk_2025."""
    found = list(re.finditer(r"(?<!\d)(19|20|21)\d\d(?!\d)", stem))
    if not found:
        return f"{stem}_{year}"
    last = found[-1]
    return stem[:last.start()] + str(year) + stem[last.end():]


def yearly_file(source: Path, year: int, target: Path | None, date: str | None, usual: str) -> tuple[Path, str]:
    """Where a yearly document (``new --pk`` / ``--lkjip``) of ``year`` from ``source`` goes, and its date:
    ``target``, else ``source``'s name with the year changed; ``date``, else the ``usual`` month ("2025-01").
    Refused when that file exists or the date is not a real one."""
    target = target or source.with_name(with_year(source.stem, year) + source.suffix)
    if target.exists():
        raise ScaffoldError(f"{target} sudah ada; pilih nama lain atau hapus dulu berkas itu")
    date = date or usual
    if not real_date(date):
        raise ScaffoldError(f"tanggal '{date}' bukan tanggal yang ada; tulis {usual} (bulan) atau {usual}-15 "
                            "(tanggal lengkap)")
    # made now, not only when the file is written: the new file is checked naming its IKU from there, and a
    # path through ".." is only read through a folder that exists
    target.parent.mkdir(parents=True, exist_ok=True)
    return target, date
