"""Start new content: the next revision of a content file (tomlkit keeps its comments and key order),
or a new project for another agency from the commented example shipped with ikudoc."""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..content.problems import IkudocError
from ..files import write_atomically
from ..render.template_files import shipped_templates
from .schema import PK_SCHEMA_NAME, SCHEMA_PATH, schema_text

#: The commented examples a new project starts from, by the form of IKU document.
EXAMPLES = {
    "opd": Path(__file__).parents[1] / "contoh" / "iku.toml",  # a perangkat daerah's, signed by its head
    "pemda": Path(__file__).parents[1] / "contoh" / "iku_pemda.toml",  # a region's, signed by its elected head
}
#: The Perjanjian Kinerja a perangkat daerah's project starts with, beside its IKU.
PK_EXAMPLE = Path(__file__).parents[1] / "contoh" / "pk.toml"


class ScaffoldError(IkudocError):
    """The new file or project cannot be made; the message is Indonesian."""


@dataclass(frozen=True)
class NewRevision:
    path: Path
    label: str
    date: str
    iku: str = ""  # of a new Perjanjian Kinerja: the IKU it names, as written


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
    if "perjanjian" in document:
        raise ScaffoldError(f"{source} adalah Perjanjian Kinerja, bukan IKU; PK tahun berikutnya dibuat dengan "
                            f"ikudoc new --pk TAHUN --from {source}")
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


def new_agreement(source: Path, year: int, target: Path | None = None, date: str | None = None,
                  iku: str | None = None) -> NewRevision:
    """Write next year's Perjanjian Kinerja from ``source``: the same parties and programs, the year
    ``year``, a date in January of it (``date`` when given), and the IKU ``iku`` when given (else the
    same one, its path rewritten for the new file's folder). Its header comment follows the year.
    Refused, with nothing written, when the new file would not build (the IKU has no target for that year)."""
    import tomlkit

    from ..content.problems import ContentError
    from ..content.revision_source import ContentRef
    from ..iku.loader import load_document

    target = target or source.with_name(_with_year(source.stem, year) + source.suffix)
    if target.exists():
        raise ScaffoldError(f"{target} sudah ada; pilih nama lain atau hapus dulu berkas itu")
    date = date or f"{year}-01"
    if not _real_date(date):
        raise ScaffoldError(f"tanggal '{date}' bukan tanggal yang ada; tulis 2025-01 (bulan) atau 2025-01-15 "
                            "(tanggal lengkap)")
    document = tomlkit.parse(source.read_text(encoding="utf-8"))
    if "perjanjian" not in document:
        raise ScaffoldError(f"{source} bukan Perjanjian Kinerja (tidak ada [perjanjian]); sebutkan PK yang "
                            "sekarang dengan --from, atau mulai revisi IKU tanpa --pk")
    perjanjian = document["perjanjian"]
    previous = perjanjian.get("tahun")
    named = iku if iku is not None else str(perjanjian.get("iku", ""))
    base = Path.cwd() if iku is not None else source.parent  # --iku is typed from here; the file's own from there
    if ":" not in named and (base / named).is_file():
        named = Path(os.path.relpath(base / named, target.parent)).as_posix()
    perjanjian["iku"] = named
    perjanjian["tahun"] = year
    perjanjian["tanggal"] = date if len(date) == 7 else tomlkit.date(date)
    text = tomlkit.dumps(document)
    if isinstance(previous, int):
        text = _header_for_year(text, previous, year)
    try:
        load_document(ContentRef(str(target), text.encode("utf-8"), target.parent))
    except ContentError as error:
        raise ScaffoldError(f"{target} tidak ditulis: " + "; ".join(p.message for p in error.problems[:3])
                            + ("; sebutkan IKU yang memuat tahun itu dengan --iku BERKAS" if iku is None else "")
                            ) from None
    write_atomically(target, text.encode("utf-8"))
    return NewRevision(target, f"Perjanjian Kinerja {year}", date, named)


def latest_agreement(folder: Path) -> Path:
    """The Perjanjian Kinerja of ``folder`` with the latest year."""
    import tomllib

    found = []
    for path in sorted(folder.glob("*.toml")):
        with contextlib.suppress(OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            perjanjian = tomllib.loads(path.read_text(encoding="utf-8-sig")).get("perjanjian")
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
