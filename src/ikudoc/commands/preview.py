"""``ikudoc preview``: every page of a document as a small PNG, as it comes out of the printer (the Word
file as LibreOffice prints it: the document that gets signed, and its PDF), and one contact sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..files import write_all
from ..render.docx.libreoffice import Office
from ..render.options import Options
from ..render.pipeline import render
from ..render.preview import previews, stale_pages
from .build import completed, prepare, print_with


def preview_file(source: Path, output_dir: Path, options: Options, office: Office,
                 note: Callable[[Path, str], None]) -> tuple[Path, int]:
    """Draw the pages of ``source`` into output_dir/pratinjau/NAME/; the contact sheet's path and the number
    of pages drawn."""
    folder = output_dir / "pratinjau" / source.stem
    prepared = prepare(source, options)
    rendered = render(prepared.rendering, prepared.kind.templates, options)
    printed = print_with(office, rendered, options)
    for text in printed.catatan:
        note(source, text)
    images = previews(completed(rendered, printed, prepared.rendering, options)["pdf"])
    write_all({folder / name: data for name, data in images.items()})
    for stale in stale_pages(folder, images):
        stale.unlink()
    return folder / "ringkasan.png", len(images) - 1
