"""``ikudoc new --pk TAHUN``: next year's Perjanjian Kinerja from the current one, the same parties and
programs, its targets from the IKU for that year (tomlkit keeps the file's comments and key order)."""

from __future__ import annotations

from pathlib import Path

from .. import documents
from ..content.problems import ContentError
from ..content.revision_source import ContentRef, names_revision
from ..content.scaffold import (
    EditedFile,
    NewDocument,
    ScaffoldError,
    by_year,
    header_for_year,
    named_from,
    yearly_file,
)
from ..files import write_atomically


def new_agreement(source: Path, year: int, target: Path | None = None, date: str | None = None,
                  iku: str | None = None) -> NewDocument:
    """Write next year's Perjanjian Kinerja from ``source``: the same parties and programs, the year
    ``year``, a date in January of it (``date`` when given), and the IKU ``iku`` when given (else the
    same one, its path rewritten for the new file's folder). Its header comment follows the year.
    Refused, with nothing written, when the new file would not build (the IKU has no target for that year)."""
    import tomlkit

    target, date = yearly_file(source, year, target, date, f"{year}-01")
    edited = EditedFile.read(source)  # Notepad's CRLF and byte-order mark stay in the new file
    document = tomlkit.parse(edited.text)
    if "perjanjian" not in document:
        raise ScaffoldError(f"{source} bukan Perjanjian Kinerja (tidak ada [perjanjian]); sebutkan PK yang "
                            "sekarang dengan --from, atau mulai revisi IKU tanpa --pk")
    perjanjian = document["perjanjian"]
    previous = perjanjian.get("tahun")
    # --iku is typed from here; the file's own IKU is named from its folder
    named = (named_from(target, iku, Path.cwd()) if iku is not None
             else named_from(target, str(perjanjian.get("iku", "")), source.parent))
    perjanjian["iku"] = named
    perjanjian["tahun"] = year
    perjanjian["tanggal"] = date if len(date) == 7 else tomlkit.date(date)
    text = tomlkit.dumps(document)
    if isinstance(previous, int):
        text = header_for_year(text, previous, year)
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
    found = by_year(folder, "perjanjian")
    if not found:
        raise ScaffoldError(f"tidak ada Perjanjian Kinerja di {folder}/; sebutkan PK yang sekarang: --from BERKAS")
    return found[max(found)]
