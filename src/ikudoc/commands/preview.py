"""``ikudoc preview``: every page of a document as a small PNG, the Word file as LibreOffice prints it
(the document that gets signed) beside ikudoc's PDF, and one contact sheet of both."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from ..files import write_all
from ..render.docx.libreoffice import FillFailed, LibreOfficeUnavailable, Office
from ..render.options import Options
from ..render.pipeline import render
from ..render.preview import previews, stale_pages
from .build import prepare


def preview_file(source: Path, output_dir: Path, options: Options, office: Office,
                 note: Callable[[Path, str], None]) -> tuple[Path, dict[str, int]]:
    """Draw the pages of ``source`` into output_dir/pratinjau/NAME/; the contact sheet's path and the pages
    drawn of each rendering ("docx", "pdf")."""
    folder = output_dir / "pratinjau" / source.stem
    prepared = prepare(source, options)
    rendered = render(prepared.rendering, prepared.kind.templates, options)
    printed = {}
    try:
        with contextlib.suppress(FillFailed):  # a daftar isi LibreOffice cannot fill: the pages still show
            rendered["docx"] = office.fill_toc(rendered["docx"])
        printed["docx"] = office.to_pdf(rendered["docx"])
    except (LibreOfficeUnavailable, FillFailed) as reason:
        note(source, f"{reason}; pratinjau hanya menampilkan PDF")
    printed["pdf"] = rendered["pdf"]
    images = previews(printed)
    write_all({folder / name: data for name, data in images.items()})
    for stale in stale_pages(folder, images):
        stale.unlink()
    return folder / "ringkasan.png", {kind: sum(name.startswith(kind) for name in images) for kind in printed}
