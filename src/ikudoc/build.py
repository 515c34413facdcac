"""Build a content file into its documents: load, build the context once, render each format,
and write the outputs only when every format rendered.

A failed build leaves the outputs of the previous good build as they were: each output is written
to a temporary file beside it and renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .context import build_context
from .docx_writer import render_docx
from .html_writer import render_html
from .loader import load
from .model import Konten

FORMATS = ("docx", "html")


def default_templates() -> Path:
    """The templates shipped in the package, or templates/ of the checkout it runs from."""
    packaged = Path(str(resources.files("ikudoc") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def metadata(konten: Konten) -> dict:
    """Document properties, from the content."""
    dokumen = konten.dokumen
    title = f"{dokumen.judul} ({dokumen.singkatan})" + (f" {dokumen.perubahan}" if dokumen.perubahan else "")
    return {
        "judul": title,
        "subjek": f"{dokumen.judul} {konten.instansi.nama_singkat} {dokumen.periode.awal}-{dokumen.periode.akhir}",
        "penulis": konten.instansi.nama_singkat,
        "tanggal": dokumen.tanggal.tanggal,
    }


def render(konten: Konten, formats: Iterable[str], templates: Path) -> dict[str, bytes]:
    """Every requested format of one document, in memory."""
    context = build_context(konten)
    renderers: dict[str, Callable[[], bytes]] = {
        "docx": lambda: render_docx(context, templates, metadata(konten)),
        "html": lambda: render_html(context, templates),
    }
    return {fmt: renderers[fmt]() for fmt in formats}


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class BuildResult:
    source: Path
    outputs: tuple[Path, ...]


def build_file(source: Path, output_dir: Path, formats: Iterable[str], templates: Path | None = None) -> BuildResult:
    """Load ``source`` and write one file per format into ``output_dir``; raise ContentError on bad content."""
    konten = load(source)
    rendered = render(konten, formats, templates or default_templates())
    outputs = []
    for fmt, data in rendered.items():
        target = output_dir / f"{source.stem}.{fmt}"
        write_atomically(target, data)
        outputs.append(target)
    return BuildResult(source, tuple(outputs))
