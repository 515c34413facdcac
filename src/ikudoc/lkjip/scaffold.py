"""``ikudoc new --lkjip TAHUN``: next year's Laporan Kinerja from the current one: every IKU indicator with
its history carried over and the new year's realisasi and analysis left to fill in, every program of that
year's Perjanjian Kinerja (found beside it) with its realisasi to fill in, the texts as they were for the
agency to bring up to date (tomlkit keeps the file's comments and key order)."""

from __future__ import annotations

from pathlib import Path

from .. import documents
from ..content.problems import ContentError
from ..content.revision_source import ContentRef, RevisionError, file_ref, resolve_relative
from ..content.scaffold import (
    EditedFile,
    NewDocument,
    ScaffoldError,
    by_year,
    header_for_year,
    named_from,
    path_from,
    yearly_file,
)
from ..files import write_atomically


def new_report(source: Path, year: int, target: Path | None = None, date: str | None = None,
               iku: str | None = None) -> NewDocument:
    """Write the Laporan Kinerja of ``year`` from ``source`` (see the module). Its date is February of the
    year after (``date`` when given); its IKU ``iku`` when given (a new period's), else the same one; the PK
    is that year's PK beside it, when there is one. Refused, with nothing written, when it would not load
    (the IKU has no target for that year)."""
    import tomlkit

    target, date = yearly_file(source, year, target, date, f"{year + 1}-02")
    current = documents.load(file_ref(source), "lkjip").document
    edited = EditedFile.read(source)
    document = tomlkit.parse(edited.text)
    laporan = document["laporan"]
    previous = laporan.get("tahun")
    laporan["tahun"] = year
    # --iku is typed from here; the file's own IKU is named from its folder
    laporan["iku"] = (named_from(target, iku, Path.cwd()) if iku is not None
                      else named_from(target, str(laporan["iku"]), source.parent))
    laporan["tanggal"] = date if len(date) == 7 else tomlkit.date(date)
    agreement = by_year(source.parent, "perjanjian").get(year)
    if agreement is not None:
        laporan["pk"] = path_from(target.parent, agreement)
    elif "pk" in laporan:
        del laporan["pk"]
    indicators = current.iku
    if iku is not None:  # a new period's IKU: its indicators are reported
        beside = ContentRef(str(target), b"", target.parent)  # the IKU is named relative to the new file
        try:
            indicators = documents.load(resolve_relative(str(laporan["iku"]), beside), "iku").document
        except RevisionError as error:
            raise ScaffoldError(f"IKU {iku} tidak bisa dibaca: {error}") from None
        except ContentError as error:
            raise ScaffoldError(f"IKU {iku} bermasalah: " + "; ".join(p.message for p in error.problems[:3])) from None
    document["capaian"] = _capaian(document.get("capaian", []), indicators, year)
    document["anggaran"] = _programs(document.get("anggaran", []), agreement, year)
    if not document["anggaran"]:
        del document["anggaran"]
    text = tomlkit.dumps(document)
    if isinstance(previous, int):
        text = header_for_year(text, previous, year)
    try:
        documents.load(ContentRef(str(target), text.encode("utf-8"), target.parent))
    except ContentError as error:
        said = "; ".join(p.message for p in error.problems[:3])
        if iku is None and any(p.code == "lkjip-tahun-target" for p in error.problems):
            said += f" (IKU periode baru: ikudoc new --lkjip {year} --iku BERKAS_IKU)"
        raise ScaffoldError(f"{target} tidak ditulis: {said}") from None
    write_atomically(target, edited.encoded(text))
    steps = (
        f"isi realisasi {year} dan analisis setiap indikator di [[capaian]], realisasi anggaran di [[anggaran]] "
        "(isian « »)",
        "perbarui kata pengantar, ikhtisar dan bab-bab untuk tahun " + str(year),
        f"ikudoc check {target}, lalu ikudoc build {target}",
    )
    if agreement is None:
        steps = (f"tidak ada Perjanjian Kinerja {year} di {source.parent}: tulis [laporan] pk bila ada (ikudoc new "
                 f"--pk {year}), atau anggaran setiap program di [[anggaran]]", *steps)
    return NewDocument(target, source, f"Laporan Kinerja {year}", date, steps)


def _capaian(entries, iku, year: int):
    """Every IKU indicator's [[capaian]], its history kept, the new year's realisasi and analysis to fill in."""
    import tomlkit

    written = {str(entry.get("indikator", "")).casefold(): entry for entry in entries}
    result = tomlkit.aot()
    for _, _, indikator in iku.indicators():
        entry = written.get(indikator.nama.casefold()) or (
            written.get(indikator.kode.casefold()) if indikator.kode else None)
        if entry is None:
            entry = tomlkit.table()
            entry["indikator"] = indikator.nama
            entry["realisasi"] = tomlkit.inline_table()
        realisasi = entry["realisasi"]
        for later in [key for key in realisasi if str(key) > str(year)]:  # a report knows no later year
            del realisasi[later]
        if str(year) not in realisasi:
            realisasi[str(year)] = f"«realisasi {year}»"
        entry["analisis"] = tomlkit.string(f"«Tuliskan analisis capaian {year}.»\n", multiline=True)
        result.append(entry)
    return result


def _programs(entries, agreement: Path | None, year: int):
    """The programs of the year's PK (their anggaran is read from it), else the current ones with their
    anggaran to fill in; each with its realisasi to fill in."""
    import tomlkit

    names = [str(entry.get("program", "")) for entry in entries]
    if agreement is not None:
        names = [program.nama for program in documents.load(file_ref(agreement), "pk").document.konten.program]
    result = tomlkit.aot()
    for name in names:
        entry = tomlkit.table()
        entry["program"] = name
        if agreement is None:
            entry["anggaran"] = f"«anggaran {year}»"
        entry["realisasi"] = f"«realisasi anggaran {year}»"
        result.append(entry)
    return result


def latest_report(folder: Path) -> Path:
    """The Laporan Kinerja of ``folder`` with the latest year."""
    found = by_year(folder, "laporan")
    if not found:
        raise ScaffoldError(f"tidak ada Laporan Kinerja di {folder}/; sebutkan LKjIP yang sekarang: --from BERKAS")
    return found[max(found)]
