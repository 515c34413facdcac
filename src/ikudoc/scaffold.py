"""Start new content: the next revision of a content file (tomlkit keeps its comments and key order),
or a new project for another agency from the commented example shipped with ikudoc."""

from __future__ import annotations

import datetime
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomically
from .problems import IkudocError
from .schema import PK_SCHEMA_NAME, SCHEMA_PATH, schema_text
from .template_files import shipped_templates

#: The commented examples a new project starts from, by the form of IKU document.
EXAMPLES = {
    "opd": Path(__file__).with_name("contoh") / "iku.toml",  # a perangkat daerah's, signed by its head
    "pemda": Path(__file__).with_name("contoh") / "iku_pemda.toml",  # a region's, signed by its elected head
}
#: The Perjanjian Kinerja a perangkat daerah's project starts with, beside its IKU.
PK_EXAMPLE = Path(__file__).with_name("contoh") / "pk.toml"


class ScaffoldError(IkudocError):
    """The new file or project cannot be made; the message is Indonesian."""


@dataclass(frozen=True)
class NewRevision:
    path: Path
    label: str
    date: str


def _label_year(target: Path, date: str) -> str:
    found = re.findall(r"(?<!\d)(20\d\d)(?!\d)", target.stem)
    return found[-1] if found else date[:4]


def new_revision(source: Path, target: Path, label: str | None = None, date: str | None = None,
                 today: datetime.date | None = None) -> NewRevision:
    """Write ``target``: ``source`` with its current targets as the "sebelum perubahan" ones, a new label and
    date, the reasons of the old revision dropped, and [revisi] pointing at ``source``."""
    import tomlkit  # keeps comments and key order; imported only by the commands that write TOML

    if target.exists():
        raise ScaffoldError(f"{target} sudah ada; pilih nama lain atau hapus dulu berkas itu")
    date = date or (today or datetime.date.today()).strftime("%Y-%m")
    if not _real_date(date):
        raise ScaffoldError(f"tanggal '{date}' bukan tanggal yang ada; tulis 2025-03 (bulan) atau 2025-03-17 "
                            "(tanggal lengkap)")
    label = label or f"Perubahan {_label_year(target, date)}"
    document = tomlkit.parse(source.read_text(encoding="utf-8"))
    dokumen = document["dokumen"]
    dokumen["perubahan"] = label
    dokumen["tanggal"] = date if len(date) == 7 else tomlkit.date(date)
    for sasaran in document.get("sasaran", []):
        for indikator in sasaran.get("indikator", []):
            _targets_become_before(indikator)
    if "revisi" in document:
        revisi = document["revisi"]
        if "nomor" in revisi:
            revisi["nomor"] = revisi["nomor"] + 1
        revisi.pop("keputusan", None)  # the decree of the old revision is not this one's
        revisi["menggantikan"] = Path(os.path.relpath(source, target.parent)).as_posix()
    write_atomically(target, tomlkit.dumps(document).encode("utf-8"))
    return NewRevision(target, label, date)


def _real_date(typed: str) -> bool:
    """2025-03 or 2025-03-17, and a day of the calendar (not 2025-13 or 2025-02-30)."""
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", typed):
        return False
    try:
        datetime.date.fromisoformat(typed if len(typed) == 10 else typed + "-01")
    except ValueError:
        return False
    return True


def _targets_become_before(indikator) -> None:
    import tomlkit

    indikator.pop("alasan_perubahan", None)
    if "target" not in indikator:
        return
    if "target_sebelum" not in indikator:
        indikator["target_sebelum"] = tomlkit.table()
    before = indikator["target_sebelum"]
    for year in list(before.keys()):
        del before[year]
    for year, value in indikator["target"].items():
        before[year] = value


def init_project(folder: Path, form: str = "opd") -> list[Path]:
    """A new project in ``folder``: the commented example content of the ``form`` of document (a key of
    EXAMPLES), the templates, the schema, .gitignore."""
    if folder.exists() and any(not entry.name.startswith(".") for entry in folder.iterdir()):
        raise ScaffoldError(f"folder {folder} tidak kosong; pilih folder baru")
    content = folder / "content" / "iku.toml"
    files = {
        content: EXAMPLES[form].read_bytes(),
        **({folder / "content" / "pk_2026.toml": PK_EXAMPLE.read_bytes()} if form == "opd" else {}),
        folder / SCHEMA_PATH: schema_text().encode("utf-8"),
        folder / SCHEMA_PATH.replace("ikudoc.schema.json", PK_SCHEMA_NAME): schema_text("pk").encode("utf-8"),
        folder / ".gitignore": b"/build/\n",
    }
    for path, data in files.items():
        write_atomically(path, data)
    shutil.copytree(shipped_templates(), folder / "templates",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return [*files, folder / "templates"]


def new_agreement(source: Path, year: int, target: Path | None = None, date: str | None = None) -> NewRevision:
    """Write next year's Perjanjian Kinerja from ``source``: the same IKU, parties and programs, the year
    ``year`` and a date in January of it (``date`` when given). Refused, with nothing written, when the
    new file would not build (the IKU has no target for that year)."""
    import tomlkit

    from .loader import load_document
    from .problems import ContentError
    from .revision_source import ContentRef

    target = target or source.with_name(_with_year(source.stem, year) + source.suffix)
    if target.exists():
        raise ScaffoldError(f"{target} sudah ada; pilih nama lain atau hapus dulu berkas itu")
    date = date or f"{year}-01"
    if not _real_date(date):
        raise ScaffoldError(f"tanggal '{date}' bukan tanggal yang ada; tulis 2025-01 (bulan) atau 2025-01-15 "
                            "(tanggal lengkap)")
    document = tomlkit.parse(source.read_text(encoding="utf-8"))
    perjanjian = document["perjanjian"]  # its IKU stays: a new IKU is named by hand, when there is one
    perjanjian["tahun"] = year
    perjanjian["tanggal"] = date if len(date) == 7 else tomlkit.date(date)
    text = tomlkit.dumps(document)
    try:
        load_document(ContentRef(str(target), text.encode("utf-8"), target.parent))
    except ContentError as error:
        raise ScaffoldError(f"{target} tidak ditulis: " + "; ".join(p.message for p in error.problems[:3])) from None
    write_atomically(target, text.encode("utf-8"))
    return NewRevision(target, f"Perjanjian Kinerja {year}", date)


def _with_year(stem: str, year: int) -> str:
    """pk_2024 -> pk_2025; a name without a year gets one: pk -> pk_2025."""
    found = list(re.finditer(r"(?<!\d)(19|20|21)\d\d(?!\d)", stem))
    if not found:
        return f"{stem}_{year}"
    last = found[-1]
    return stem[:last.start()] + str(year) + stem[last.end():]
