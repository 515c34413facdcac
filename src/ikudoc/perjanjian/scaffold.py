"""``ikudoc new --pk TAHUN``: next year's Perjanjian Kinerja from the current one, the same parties and
programs, its targets from the IKU for that year (tomlkit keeps the file's comments and key order)."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from .. import documents
from ..content.problems import ContentError
from ..content.regular_file import NotARegularFile, read_regular
from ..content.revision_source import CONTENT_LIMIT, ContentRef, names_revision
from ..content.scaffold import EditedFile, NewDocument, ScaffoldError, path_from, real_date
from ..files import write_atomically


def new_agreement(source: Path, year: int, target: Path | None = None, date: str | None = None,
                  iku: str | None = None) -> NewDocument:
    """Write next year's Perjanjian Kinerja from ``source``: the same parties and programs, the year
    ``year``, a date in January of it (``date`` when given), and the IKU ``iku`` when given (else the
    same one, its path rewritten for the new file's folder). Its header comment follows the year.
    Refused, with nothing written, when the new file would not build (the IKU has no target for that year)."""
    import tomlkit

    target = target or source.with_name(_with_year(source.stem, year) + source.suffix)
    if target.exists():
        raise ScaffoldError(f"{target} sudah ada; pilih nama lain atau hapus dulu berkas itu")
    date = date or f"{year}-01"
    if not real_date(date):
        raise ScaffoldError(f"tanggal '{date}' bukan tanggal yang ada; tulis 2025-01 (bulan) atau 2025-01-15 "
                            "(tanggal lengkap)")
    edited = EditedFile.read(source)  # Notepad's CRLF and byte-order mark stay in the new file
    document = tomlkit.parse(edited.text)
    if "perjanjian" not in document:
        raise ScaffoldError(f"{source} bukan Perjanjian Kinerja (tidak ada [perjanjian]); sebutkan PK yang "
                            "sekarang dengan --from, atau mulai revisi IKU tanpa --pk")
    perjanjian = document["perjanjian"]
    previous = perjanjian.get("tahun")
    named = iku if iku is not None else str(perjanjian.get("iku", ""))
    base = Path.cwd() if iku is not None else source.parent  # --iku is typed from here; the file's own from there
    if not names_revision(named) and (base / named).is_file():  # (C:\... is a file, not revision "C")
        named = path_from(target.parent, base / named)
    perjanjian["iku"] = named
    perjanjian["tahun"] = year
    perjanjian["tanggal"] = date if len(date) == 7 else tomlkit.date(date)
    text = tomlkit.dumps(document)
    if isinstance(previous, int):
        text = _header_for_year(text, previous, year)
    try:
        documents.load(ContentRef(str(target), text.encode("utf-8"), target.parent))
    except ContentError as error:
        raise ScaffoldError(f"{target} tidak ditulis: " + "; ".join(p.message for p in error.problems[:3])
                            + ("; sebutkan IKU yang memuat tahun itu dengan --iku BERKAS" if iku is None else "")
                            ) from None
    write_atomically(target, edited.encoded(text))
    steps = (
        f"perbarui [[program]] dan anggarannya menurut DPA {year}; target {year} diambil dari IKU {named}"
        + (" (revisi git: rujuk revisi IKU yang berlaku tahun ini, atau buat ulang dengan --iku)"
           if names_revision(named) else ""),
        "perbarui tanggal penandatanganan dan [pihak_kedua] bila berganti",
        f"ikudoc check {target}, lalu ikudoc build {target}",
    )
    return NewDocument(target, source, f"Perjanjian Kinerja {year}", date, steps)


def latest_agreement(folder: Path) -> Path:
    """The Perjanjian Kinerja of ``folder`` with the latest year."""
    import tomllib

    from ..content.source import content_text

    found = []
    for path in sorted(folder.glob("*.toml")):
        with contextlib.suppress(OSError, NotARegularFile, UnicodeDecodeError, tomllib.TOMLDecodeError):
            perjanjian = tomllib.loads(content_text(read_regular(path, CONTENT_LIMIT))).get("perjanjian")
            if isinstance(perjanjian, dict) and isinstance(perjanjian.get("tahun"), int):
                found.append((perjanjian["tahun"], path))
    if not found:
        raise ScaffoldError(f"tidak ada Perjanjian Kinerja di {folder}/; sebutkan PK yang sekarang: --from BERKAS")
    return max(found)[1]


def _header_for_year(text: str, previous: int, year: int) -> str:
    """The file's opening comment (its lines up to the first blank one) speaking of ``year`` where it
    spoke of ``previous`` (and of the year after each: "ikudoc new --pk 2025")."""
    lines = text.split("\n")
    end = next((n for n, line in enumerate(lines) if not line.startswith("#")), len(lines))
    for n in range(end):
        lines[n] = re.sub(r"(?<!\d)\d{4}(?!\d)", lambda found: {
            str(previous): str(year), str(previous + 1): str(year + 1)}.get(found.group(), found.group()), lines[n])
    return "\n".join(lines)


def _with_year(stem: str, year: int) -> str:
    """pk_2024 -> pk_2025; a name without a year gets one: pk -> pk_2025."""
    found = list(re.finditer(r"(?<!\d)(19|20|21)\d\d(?!\d)", stem))
    if not found:
        return f"{stem}_{year}"
    last = found[-1]
    return stem[:last.start()] + str(year) + stem[last.end():]
