"""Build a content file into its documents: load, build the context once, render each format,
and write the outputs only when every format rendered.

A failed build leaves the outputs of the previous good build as they were: every output is first
written to a temporary file beside its target, and only when all of them are written are they
renamed into place.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import zipfile
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
PROJECT_TEMPLATES = Path("templates")


def default_templates() -> Path:
    """templates/ of the folder ikudoc runs in when it has the Word template (a project's own look,
    edited in place); otherwise the templates shipped with ikudoc."""
    if (PROJECT_TEMPLATES / DOCX_TEMPLATE).is_file():
        return PROJECT_TEMPLATES
    packaged = Path(str(resources.files("ikudoc") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"  # a source checkout without installing


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
    """A template could not be used (missing, broken, a mistyped variable): the template's fault."""

    def __init__(self, template: Path, message: str):
        self.template = template
        super().__init__(f"{template}: {message}")


def _template_message(error: jinja2.TemplateError) -> str:
    message = error.message or type(error).__name__
    if match := re.fullmatch(r"'(.+?) object' has no attribute '(.+)'", message):
        kind = match.group(1).rsplit(".", 1)[-1]
        return f"templat tidak bisa diisi: {{{{ ... .{match.group(2)} }}}} tidak dikenal: {kind} tidak punya " \
               f"'{match.group(2)}'"
    if match := re.fullmatch(r"'(.+)' is undefined", message):
        return f"templat tidak bisa diisi: variabel '{match.group(1)}' tidak dikenal"
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f" baris {error.lineno}" if error.lineno else ""
        return f"tag templat rusak{where}: {message}"
    return f"templat tidak bisa diisi: {message}"


def render(konten: Konten, formats: Iterable[str], templates: Path) -> dict[str, bytes]:
    """Every requested format of one document, in memory."""
    context = build_context(konten)
    renderers: dict[str, tuple[str, Callable[[], bytes]]] = {
        "docx": (DOCX_TEMPLATE, lambda: render_docx(context, templates, metadata(konten))),
        "html": (HTML_TEMPLATE, lambda: render_html(context, templates)),
    }
    rendered = {}
    for fmt in formats:
        name, renderer = renderers[fmt]
        template = templates / name
        if not template.is_file():
            raise TemplateFailure(template, "templat tidak ditemukan")
        try:
            rendered[fmt] = renderer()
        except jinja2.TemplateError as error:
            raise TemplateFailure(template, _template_message(error)) from error
        except (zipfile.BadZipFile, KeyError) as error:
            raise TemplateFailure(template, "bukan berkas Word (.docx) yang utuh; simpan ulang dari Word") from error
    return rendered


def write_all(outputs: dict[Path, bytes]) -> None:
    """Write every file, or none: all are written to temporary files beside their targets first; then
    each target is swapped in, and should one swap fail, the ones already made are undone."""
    mask = os.umask(0)
    os.umask(mask)
    for path in outputs:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "ada folder dengan nama ini", str(path))
    temporaries: dict[Path, Path] = {}
    backups: dict[Path, Path | None] = {}
    try:
        for path, data in outputs.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporaries[path] = Path(name)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(name, 0o666 & ~mask)  # as any file the user saves, not mkstemp's private 0600
        try:
            for path, temporary in temporaries.items():
                backup = None
                if path.exists():
                    backup = temporary.with_suffix(".lama")
                    os.replace(path, backup)
                backups[path] = backup
                os.replace(temporary, path)
        except OSError:
            for path, backup in backups.items():
                if backup is not None:
                    os.replace(backup, path)
                else:
                    path.unlink(missing_ok=True)
            raise
    finally:
        for leftover in [*temporaries.values(), *(b for b in backups.values() if b is not None)]:
            leftover.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    write_all({path: data})


@dataclass(frozen=True)
class BuildResult:
    source: Path
    outputs: tuple[Path, ...]


def output_paths(source: Path, output_dir: Path, formats: Iterable[str]) -> dict[str, Path]:
    return {fmt: output_dir / f"{source.stem}.{fmt}" for fmt in formats}


def build_file(source: Path, output_dir: Path, formats: Iterable[str], templates: Path | None = None) -> BuildResult:
    """Load ``source`` and write one file per format into ``output_dir``; raise ContentError on bad content."""
    konten = load(source)
    rendered = render(konten, formats, templates or default_templates())
    targets = output_paths(source, output_dir, rendered)
    write_all({targets[fmt]: data for fmt, data in rendered.items()})
    return BuildResult(source, tuple(targets.values()))
