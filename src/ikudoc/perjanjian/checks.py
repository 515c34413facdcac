"""Check a Perjanjian Kinerja against the rules an evaluator applies to it: the year within the IKU's
period, the signatories as for the IKU, a date that fits the year, and, first of all, targets equal to
the IKU's: a warning when the IKU named has a later revision whose target for the year differs."""

from __future__ import annotations

import contextlib
import datetime
import re
import tomllib
from pathlib import Path

from .. import documents
from ..content.formatting import format_rupiah, format_target
from ..content.problems import IkudocError, Problem
from ..content.regular_file import NotARegularFile, read_regular
from ..content.revision_source import CONTENT_LIMIT, ContentRef, file_ref
from ..content.rules import (
    Report,
    acknowledged,
    anchor_only_where_it_is_signed,
    check_signatory,
    placeholders_replaced,
)
from ..content.source import TomlSource, content_text
from ..content.validate import strings
from ..iku.loader import load_with_source
from ..iku.model import Konten
from ..iku.revisions import pair_indicators, same_target
from .loader import PerjanjianKinerja

#: The codes of the warnings below: the ones [periksa] abaikan may name in a PK.
WARNING_CODES = frozenset({"nip-format", "pk-tanggal", "pk-target-direvisi", "pk-iku-lebih-baru", "pk-program-ganda",
                           "pk-anggaran-kecil"})
# A budget under a million rupiah is a figure typed in thousands or millions, not in rupiah.
SMALLEST_BUDGET = 1_000_000


def check_perjanjian(pk: PerjanjianKinerja, toml: TomlSource) -> list[Problem]:
    """Every rule below, in line order, acknowledged warnings marked ([periksa] abaikan)."""
    report = Report(toml, WARNING_CODES)
    perjanjian = pk.konten.perjanjian
    signed = perjanjian.tanggal.tanggal
    periode = pk.iku.dokumen.periode
    if not periode.awal <= perjanjian.tahun <= periode.akhir:
        report.error(("perjanjian", "tahun"), f"tahun {perjanjian.tahun} di luar periode IKU {pk.iku_ref.label} "
                     f"({periode.teks})", "pk-tahun-periode")
    if signed.year not in (perjanjian.tahun - 1, perjanjian.tahun):
        report.warning(("perjanjian", "tanggal"), f"Perjanjian Kinerja {perjanjian.tahun} ditandatangani pada "
                       f"tahun {signed.year}; biasanya awal tahun {perjanjian.tahun} (atau akhir tahun sebelumnya)",
                       "pk-tanggal")
    if pk.konten.pihak_pertama is not None:
        check_signatory(report, ("pihak_pertama",), pk.konten.pihak_pertama, signed)
    check_signatory(report, ("pihak_kedua",), pk.konten.pihak_kedua, signed)
    if pk.pihak_kedua.nama == pk.pihak_pertama.nama:
        report.error(("pihak_kedua", "nama"), "pihak kedua adalah atasan pihak pertama, bukan orang yang sama "
                     f"({pk.pihak_kedua.nama})", "pk-pihak-sama")
    anchor_only_where_it_is_signed(report, pk.konten.tte, strings(toml.data), (
        (f"{pk.iku_source.path}:{pk.iku_source.line_of(loc)}", text) for loc, text in strings(pk.iku_source.data)
        if shown_in_the_agreement(loc)))
    placeholders_replaced(report, strings(toml.data))
    _programs_are_plausible(pk, report)
    _iku_not_later_than_the_agreement(pk, report)
    _targets_still_current(pk, report)
    return acknowledged(pk.konten.periksa, report)


def shown_in_the_agreement(loc) -> bool:
    """Whether the IKU's text at ``loc`` is printed in its Perjanjian Kinerja: the agency, the signatory,
    the sasaran and indicators with their units."""
    return loc[:1] in (("instansi",), ("penandatangan",)) or (loc[:1] in (("sasaran",), ("tujuan",))
                                                               and loc[-1] in ("nama", "satuan"))


def _programs_are_plausible(pk: PerjanjianKinerja, report: Report) -> None:
    first: dict[str, int] = {}
    for n, program in enumerate(pk.konten.program):
        if program.nama in first:
            report.warning(("program", n, "nama"), f"program \"{program.nama}\" sudah ditulis di "
                           f"program[{first[program.nama] + 1}]; satu program satu baris, dengan anggarannya "
                           "dijumlahkan", "pk-program-ganda")
        first.setdefault(program.nama, n)
        if program.anggaran < SMALLEST_BUDGET:
            report.warning(("program", n, "anggaran"), f"anggaran {format_rupiah(program.anggaran)} sangat kecil; "
                           "anggaran ditulis dalam rupiah penuh, misalnya 1250000000 untuk Rp 1.250.000.000",
                           "pk-anggaran-kecil")


def _targets_still_current(pk: PerjanjianKinerja, report: Report) -> None:
    later = later_revision(pk.iku_ref, pk.iku)
    if later is None:
        return
    label, revised = later
    name = f"IKU {revised.dokumen.perubahan}" if revised.dokumen.perubahan else f"IKU {label}"
    for pair in pair_indicators(pk.iku, revised, renames=False):
        if pair.lama is None or pair.baru is None:
            continue
        (_, was), (_, now) = pair.lama, pair.baru
        old, new = was.target.get(pk.tahun), now.target.get(pk.tahun)
        if old is None or new is None or same_target(old, new):
            continue
        report.warning(("perjanjian", "iku"), f"target PK {pk.tahun} {format_target(old, was)}, {name} "
                       f"{format_target(new, now)} (\"{now.nama}\", {label}): IKU yang dirujuk sudah direvisi; "
                       "rujuk revisi itu bila Perjanjian Kinerja ikut diubah", "pk-target-direvisi")


def _iku_not_later_than_the_agreement(pk: PerjanjianKinerja, report: Report) -> None:
    """A PK signed before the IKU revision it takes its targets from agreed to other targets."""
    signed, dated = pk.konten.perjanjian.tanggal, pk.iku.dokumen.tanggal
    if dated.tanggal <= signed.tanggal:
        return
    revision = f"IKU {pk.iku.dokumen.perubahan}" if pk.iku.dokumen.perubahan else "IKU"
    report.warning(("perjanjian", "tanggal"), f"PK bertanggal {signed.teks}, tetapi {revision} yang menjadi "
                   f"sumber targetnya ({pk.iku_ref.label}) bertanggal {dated.teks}: targetnya belum ada saat PK "
                   "ditandatangani; rujuk revisi IKU yang berlaku saat itu (misalnya revisi git), atau perbarui "
                   "tanggal bila ini PK perubahan", "pk-iku-lebih-baru")


def later_revision(ref: ContentRef, iku: Konten) -> tuple[str, Konten] | None:
    """The latest revision of the IKU ``iku`` read from ``ref``, when there is a later one among the IKU
    files of its folder (as the working tree has them): the files of the same agency and period dated
    later, those that replace it ([revisi] menggantikan), and, for a git revision, the same file as it
    is now when it differs. A later revision that does not load is not one."""
    named = (ref.folder / ref.label.split(":", 1)[1].rsplit("/", 1)[-1]) if ref.revision is not None \
        else ref.folder / Path(ref.label).name
    found = []
    for path in sorted(ref.folder.glob("*.toml")):
        data = _raw(path)
        if data is None or documents.kind_of(data).key != "iku":
            continue
        same_file = path.resolve() == named.resolve()
        if same_file and (ref.revision is None or read_regular(path, CONTENT_LIMIT) == ref.data):
            continue
        if same_file or _replaces(path, data, named) or (_same_document(data, iku)
                                                          and _date(data) > iku.dokumen.tanggal.tanggal):
            found.append((_date(data), path))
    for _, path in sorted(found, key=lambda item: (item[0], str(item[1])), reverse=True):
        try:
            return _shown(path), load_with_source(file_ref(path))[0]
        except IkudocError:
            continue
    return None


def _raw(path: Path) -> dict | None:
    """A content file's data as TOML reads it, or None when it cannot be read."""
    try:
        return tomllib.loads(content_text(read_regular(path, CONTENT_LIMIT)))
    except (OSError, NotARegularFile, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError):
        return None  # (a FIFO among the content files is not waited for)


def _replaces(path: Path, data: dict, named: Path) -> bool:
    revisi = data.get("revisi")
    replaced = revisi.get("menggantikan") if isinstance(revisi, dict) else None
    return isinstance(replaced, str) and (path.parent / replaced).resolve() == named.resolve()


def _same_document(data: dict, iku: Konten) -> bool:
    """An IKU of the same agency for the same period: another revision of ``iku``."""
    instansi, dokumen = data.get("instansi"), data.get("dokumen")
    if not isinstance(instansi, dict) or not isinstance(dokumen, dict) or not isinstance(dokumen.get("periode"),
                                                                                          dict):
        return False
    return instansi.get("nama") == iku.instansi.nama and dokumen["periode"] == {
        "awal": iku.dokumen.periode.awal, "akhir": iku.dokumen.periode.akhir}


def _date(data: dict) -> datetime.date:
    """The signing date a content file gives, as the model reads it; the earliest date when it has none."""
    dokumen = data.get("dokumen")
    typed = dokumen.get("tanggal") if isinstance(dokumen, dict) else None
    if isinstance(typed, datetime.date):
        return typed
    if isinstance(typed, str) and re.fullmatch(r"\d{4}-\d{2}", typed.strip()):
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(typed.strip() + "-01")
    return datetime.date.min


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the folder ikudoc runs in, when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


