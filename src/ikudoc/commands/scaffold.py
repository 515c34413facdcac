"""``ikudoc new`` and ``ikudoc init``: start new content from what exists. ``new`` asks the kind of the
current file to write the next one (a revision of an IKU, next year's Perjanjian Kinerja), after
making sure the current one is sound; ``init`` writes a new project for another agency from the
commented examples every kind ships, its schemas and the templates."""

from __future__ import annotations

import shutil
from pathlib import Path

from .. import documents
from ..content.problems import ContentError
from ..content.revision_source import file_ref
from ..content.scaffold import NewDocument, ScaffoldError
from ..files import write_atomically
from ..render.template_files import shipped_templates
from .schema import SCHEMA_FOLDER, schema_text

CONTENT_FOLDER = Path("content")


def yearly_kinds() -> list[documents.DocumentKind]:
    """The kinds made year by year from the one before (``new --pk``, ``new --lkjip``)."""
    return [kind for kind in documents.kinds() if kind.next_year]


def forms() -> list[str]:
    """The forms of project ``init`` can start (opd, pemda): those some kind has an example for."""
    return sorted({example.bentuk for kind in documents.kinds() for example in kind.examples})


def sound(source: Path, purpose: str) -> documents.Loaded:
    """The current content file, which must build: a broken file is not copied into a new one (its
    problems are shown and the command stops)."""
    try:
        return documents.load_checked(file_ref(source))
    except ContentError as error:
        raise error.because(f"{source} bermasalah; perbaiki dulu sebelum {purpose}.") from None


def new_revision(source: Path, target: Path, label: str | None, date: str | None) -> NewDocument:
    """``ikudoc new BARU --from LAMA``: the next revision of ``source``, written at ``target``."""
    kind = sound(source, "memulai revisi baru").kind
    if kind.revise is None:
        revised = " atau ".join(other.label for other in documents.kinds() if other.revise)
        yearly = f"; {kind.short} tahun berikutnya dibuat dengan ikudoc new --{kind.key} TAHUN --from {source}" \
            if kind.next_year else ""
        raise ScaffoldError(f"{source} adalah {kind.label}, bukan {revised}{yearly}")
    if target.exists():  # (before the new file is made: a kind need not say it)
        raise ScaffoldError(f"{target} sudah ada; pilih nama lain atau hapus dulu berkas itu")
    return kind.revise(source, target, label, date)


def new_for_year(key: str, source: Path | None, year: int, target: Path | None, date: str | None, **more
                 ) -> NewDocument:
    """``ikudoc new --KEY YEAR``: the document of kind ``key`` for ``year`` from ``source`` (by default the
    one of that kind with the latest year in content/)."""
    kind = documents.kind(key)
    source = source or kind.latest(CONTENT_FOLDER)
    sound(source, f"membuat {kind.short} baru")
    return kind.next_year(source, year, target, date, **more)


def init_project(folder: Path, form: str = "opd") -> list[Path]:
    """A new project in ``folder``: the commented example content of the ``form`` of project, of every kind
    that has one, the schemas, the templates, .gitignore."""
    if folder.exists() and any(not entry.name.startswith(".") for entry in folder.iterdir()):
        raise ScaffoldError(f"folder {folder} tidak kosong; pilih folder baru")
    every = list(documents.kinds())
    files = {folder / CONTENT_FOLDER / example.nama: example.berkas.read_bytes()
             for kind in every for example in kind.examples if example.bentuk == form}
    files |= {folder / SCHEMA_FOLDER / kind.schema_name: schema_text(kind).encode("utf-8") for kind in every}
    files[folder / ".gitignore"] = b"/build/\n"
    for path, data in files.items():
        write_atomically(path, data)
    shutil.copytree(shipped_templates(), folder / "templates",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return [*files, folder / "templates"]


def examples_written(folder: Path, written: list[Path]) -> list[tuple[documents.DocumentKind, Path]]:
    """The example content files among ``written``, with their kinds, as paths inside ``folder``."""
    names = {example.nama: kind for kind in documents.kinds() for example in kind.examples}
    content = folder / CONTENT_FOLDER
    return [(names[path.name], path.relative_to(folder)) for path in written
            if path.parent == content and path.name in names]
