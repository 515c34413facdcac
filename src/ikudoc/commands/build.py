"""Build a content file into its documents: load it as the kind it is, check it, build its context once,
render each format, and write the outputs only when every format rendered (files.write_all: a failed
or killed build never leaves an output missing or half written).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import documents
from ..content.problems import ContentError, Problem
from ..content.revision_source import file_ref
from ..files import write_all
from ..render.options import DEFAULT_OPTIONS, Options
from ..render.pipeline import render, using_template
from ..render.rendering import Layout, Rendering
from ..render.table_layout import TableTooWide
from ..render.template_files import default_templates, template_file

if TYPE_CHECKING:
    from ..render.docx.libreoffice import Office


def rendering_of(loaded: documents.Loaded, options: Options = DEFAULT_OPTIONS) -> Rendering:
    """What the writers need of ``loaded``, built by its kind for the paper and templates of ``options``;
    ContentError (on the line of the widest entry) when a table cannot fit its paper."""
    templates = options.templates or default_templates()
    word_template = template_file(templates, loaded.kind.word_template)
    layout = Layout(word_template, options.kertas, options.margin)
    try:
        return using_template(word_template, lambda: loaded.kind.context(loaded.document, layout))
    except TableTooWide as error:
        toml = loaded.toml
        raise ContentError([Problem(toml.path, toml.line_of(error.loc), error.loc, str(error),
                                    "tabel-terlalu-lebar")]) from None


@dataclass(frozen=True)
class BuildResult:
    source: Path
    outputs: tuple[Path, ...]
    catatan: tuple[str, ...] = ()  # what the user should know although the build succeeded
    data: dict[str, bytes] | None = None  # the outputs' bytes, by format
    rendering: Rendering | None = None  # what the outputs were made from


def output_paths(source: Path, output_dir: Path, formats: Iterable[str]) -> dict[str, Path]:
    return {fmt: output_dir / f"{source.stem}.{fmt}" for fmt in formats}


def load_checked(source: Path) -> documents.Loaded:
    """Load ``source``, refusing it (ContentError) on a load problem or an error of its kind's checks."""
    return documents.load_checked(file_ref(source))


@dataclass(frozen=True)
class Prepared:
    """A content file loaded, checked and made ready for the writers: all a build renders from."""

    source: Path
    loaded: documents.Loaded
    rendering: Rendering

    @property
    def kind(self) -> documents.DocumentKind:
        return self.loaded.kind


def prepare(source: Path, options: Options = DEFAULT_OPTIONS) -> Prepared:
    """Load and check ``source`` and build what its writers need; ContentError on bad content."""
    loaded = load_checked(source)
    return Prepared(source, loaded, rendering_of(loaded, options))


def build_file(source: Path, output_dir: Path, options: Options = DEFAULT_OPTIONS, office: Office | None = None
               ) -> BuildResult:
    """Load ``source`` and write one file per format into ``output_dir``; raise ContentError on bad content.
    The daftar isi is filled (options.fill_toc) by ``office``, or by a LibreOffice of its own."""
    return write_prepared(prepare(source, options), output_dir, options, office)


def write_prepared(prepared: Prepared, output_dir: Path, options: Options = DEFAULT_OPTIONS,
                   office: Office | None = None) -> BuildResult:
    """Render a prepared content file in every format and write them into ``output_dir``, all or none."""
    rendered = render(prepared.rendering, prepared.kind.templates, options)
    finished, notes = finish(rendered, prepared.rendering, options, office)
    outputs = {fmt: finished[fmt] for fmt in options.formats}
    targets = output_paths(prepared.source, output_dir, outputs)
    write_all({targets[fmt]: data for fmt, data in outputs.items()})
    return BuildResult(prepared.source, tuple(targets.values()), tuple(notes), outputs, prepared.rendering)


def finish(rendered: dict[str, bytes], rendering: Rendering, options: Options, office: Office | None = None
           ) -> tuple[dict[str, bytes], list[str]]:
    """The Word file made ready to sign by LibreOffice (``office``, or one of its own), from one load of it:
    its daftar isi numbered (options.fill_toc) and, when a PDF is asked for, its pages printed: the PDF is
    the Word file's pages, its daftar isi numbered too. The notes say what the user should know although
    the build goes on (a daftar isi left for Word to fill)."""
    wants_pdf = "pdf" in options.formats
    fill = wants_pdf or (options.fill_toc and "docx" in options.formats)
    if not fill:
        return rendered, []
    from ..render.docx.libreoffice import FillFailed, LibreOfficeUnavailable, Office  # only for LibreOffice's work
    from ..render.pdf import PDF_UNAVAILABLE, PdfUnavailable, PrintFailed, export_options, finished_pdf

    with contextlib.nullcontext(office) if office else Office() as libreoffice:
        try:
            printed = libreoffice.finish(rendered["docx"], True, export_options(options.pdf_variant) if wants_pdf
                                         else None)
        except LibreOfficeUnavailable as reason:
            if wants_pdf:
                raise PdfUnavailable(PDF_UNAVAILABLE) from None
            return rendered, [f"{reason}; --no-fill-toc membangun tanpa mencobanya"]
        except FillFailed as reason:
            if wants_pdf:
                raise PrintFailed(f"PDF tidak dibuat: {reason}") from None
            return rendered, [str(reason)]
    finished = {**rendered, "docx": printed.docx}
    if wants_pdf:
        assert printed.pdf is not None
        finished["pdf"] = finished_pdf(printed.pdf, rendering.metadata)
    return finished, list(printed.catatan)
