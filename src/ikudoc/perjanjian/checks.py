"""Check a Perjanjian Kinerja against the rules an evaluator applies to it: the year within the IKU's
period, the signatories as for the IKU, a date that fits the year, and, first of all, targets equal to
the IKU's: a warning when the IKU named has a later revision whose target for the year differs."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..checks import Report, acknowledged, check_signatory
from ..formatting import format_target
from ..loader import load_with_source
from ..model import Konten
from ..problems import IkudocError, Problem
from ..revision_source import ContentRef, file_ref
from ..revisions import pair_indicators, same_target
from ..source import TomlSource
from .loader import PerjanjianKinerja

# A chain of revisions longer than this is a loop written by hand.
LONGEST_CHAIN = 50
#: The codes of the warnings below: the ones [periksa] abaikan may name in a PK.
WARNING_CODES = frozenset({"nip-format", "pk-tanggal", "pk-target-direvisi"})


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
    _targets_still_current(pk, report)
    return acknowledged(pk.konten.periksa, report)


def _targets_still_current(pk: PerjanjianKinerja, report: Report) -> None:
    later = later_revision(pk.iku_ref)
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


def later_revision(ref: ContentRef) -> tuple[str, Konten] | None:
    """The latest revision of the IKU at ``ref``, when there is a later one: for a git revision, the file
    as it is now in the working tree; then the content files of the same folder that replace it
    ([revisi] menggantikan), followed to the last. A later revision that does not load is not one."""
    current: Path | None = None
    if ref.revision is not None:
        path = ref.folder / ref.label.split(":", 1)[1].rsplit("/", 1)[-1]
        if path.is_file() and path.read_bytes() != ref.data:
            current = path
    else:
        current = ref.folder / Path(ref.label).name
    start = current
    for _ in range(LONGEST_CHAIN):
        following = _replaced_by(current) if current is not None else None
        if following is None:
            break
        current = following
    if current is None or (current == start and ref.revision is None):
        return None
    try:
        return _shown(current), load_with_source(file_ref(current))[0]
    except IkudocError:
        return None


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the folder ikudoc runs in, when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _replaced_by(path: Path) -> Path | None:
    """The content file beside ``path`` whose [revisi] menggantikan names it."""
    target = path.resolve()
    for candidate in sorted(path.parent.glob("*.toml")):
        if candidate.resolve() == target:
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError):
            continue
        revisi = data.get("revisi")
        replaced = revisi.get("menggantikan") if isinstance(revisi, dict) else None
        if isinstance(replaced, str) and (path.parent / replaced).resolve() == target:
            return candidate
    return None

