"""Build a content file into its documents: load, build the context once, render each format,
and write the outputs only when every format rendered.

A failed build leaves the outputs of the previous good build as they were: each output is written
to a temporary file beside it and renamed into place.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from .context import build_context
from .docx_writer import TEMPLATE as DOCX_TEMPLATE
from .docx_writer import render_docx
from .html_writer import TEMPLATE as HTML_TEMPLATE
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


class TemplateFailure(Exception):
    """A template could not be filled (a mistyped variable, a broken tag): the template's fault."""

    def __init__(self, template: Path, error: jinja2.TemplateError):
        self.template = template
        self.error = error
        super().__init__(f"{template}: templat tidak bisa diisi: {_template_message(error)}")


def _template_message(error: jinja2.TemplateError) -> str:
    message = error.message or type(error).__name__
    if match := re.fullmatch(r"'(.+?) object' has no attribute '(.+)'", message):
        return f"{{{{ ... .{match.group(2)} }}}} tidak dikenal: {match.group(1).rsplit('.', 1)[-1]} tidak punya '{match.group(2)}'"
    if match := re.fullmatch(r"'(.+)' is undefined", message):
        return f"variabel '{match.group(1)}' tidak dikenal"
    where = f" (baris {error.lineno})" if isinstance(error, jinja2.TemplateSyntaxError) else ""
    return message + where


def render(konten: Konten, formats: Iterable[str], templates: Path) -> dict[str, bytes]:
    """Every requested format of one document, in memory."""
    context = build_context(konten)
    renderers: dict[str, tuple[str, Callable[[], bytes]]] = {
        "docx": (DOCX_TEMPLATE, lambda: render_docx(context, templates, metadata(konten))),
        "html": (HTML_TEMPLATE, lambda: render_html(context, templates)),
    }
    rendered = {}
    for fmt in formats:
        template, renderer = renderers[fmt]
        try:
            rendered[fmt] = renderer()
        except jinja2.TemplateError as error:
            raise TemplateFailure(templates / template, error) from error
    return rendered


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
