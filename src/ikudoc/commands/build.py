"""Build a content file into its documents: load it as the kind it is, check it, build its context once,
render each format, and write the outputs only when every format rendered (files.write_all: a failed
or killed build never leaves an output missing or half written).
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import documents
from ..content.problems import ContentError, IkudocError, Problem
from ..content.revision_source import file_ref
from ..files import write_all
from ..render.options import DEFAULT_OPTIONS, Options
from ..render.pipeline import render, using_template
from ..render.rendering import Layout, Rendering
from ..render.table_layout import TableTooWide
from ..render.template_files import default_templates, template_file
from .batch import SomeFailed, Unusable, usable
from .report import Say, report_for_file

if TYPE_CHECKING:
    from ..render.docx.libreoffice import Office, Printed


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
    """Render a prepared content file in every format and write them into ``output_dir``, all or none. The
    Word file is made ready to sign by ``office`` (or a LibreOffice of its own) when options ask for it."""
    rendered = render(prepared.rendering, prepared.kind.templates, options)
    if not needs_libreoffice(options):
        return write_finished(prepared, rendered, (), output_dir, options)
    from ..render.docx.libreoffice import Office

    with contextlib.nullcontext(office) if office else Office() as libreoffice:
        printed = print_with(libreoffice, rendered, options)
    return write_finished(prepared, completed(rendered, printed, prepared.rendering, options), printed.catatan,
                          output_dir, options)


def write_finished(prepared: Prepared, finished: dict[str, bytes], notes: tuple[str, ...], output_dir: Path,
                   options: Options) -> BuildResult:
    """Write the formats of ``options`` among ``finished`` into ``output_dir``, all or none."""
    outputs = {fmt: finished[fmt] for fmt in options.formats}
    targets = output_paths(prepared.source, output_dir, outputs)
    write_all({targets[fmt]: data for fmt, data in outputs.items()})
    return BuildResult(prepared.source, tuple(targets.values()), notes, outputs, prepared.rendering)


def needs_libreoffice(options: Options) -> bool:
    """Whether the build asks LibreOffice to number the daftar isi, or to print the PDF."""
    return "pdf" in options.formats or (options.fill_toc and "docx" in options.formats)


def print_with(office: Office, rendered: dict[str, bytes], options: Options) -> Printed:
    """LibreOffice's work on the Word file ``rendered`` holds: its daftar isi numbered and, when a PDF is
    asked for, that very file printed (the PDF is the Word file's pages, its daftar isi numbered too).
    Without LibreOffice a PDF cannot be made (PdfUnavailable); a daftar isi it cannot fill is left for
    Word, with a note."""
    from ..render.docx.libreoffice import FillFailed, LibreOfficeUnavailable, Printed
    from ..render.pdf import PDF_UNAVAILABLE, PdfUnavailable, PrintFailed, export_options

    wants_pdf = "pdf" in options.formats
    try:
        return office.finish(rendered["docx"], True, export_options(options.pdf_variant) if wants_pdf else None)
    except LibreOfficeUnavailable as reason:
        if wants_pdf:
            raise PdfUnavailable(PDF_UNAVAILABLE) from None
        return Printed(rendered["docx"], None, (f"{reason}; --no-fill-toc membangun tanpa mencobanya",))
    except FillFailed as reason:
        if wants_pdf:
            raise PrintFailed(f"PDF tidak dibuat: {reason}") from None
        return Printed(rendered["docx"], None, (str(reason),))


def completed(rendered: dict[str, bytes], printed: Printed, rendering: Rendering, options: Options
              ) -> dict[str, bytes]:
    """The outputs with LibreOffice's work: the numbered Word file, and the PDF made final (page labels, the
    document's properties and date). (Here, not beside LibreOffice's work: pdfium is for one thread.)"""
    from ..render.pdf import finished_pdf

    finished = {**rendered, "docx": printed.docx}
    if "pdf" in options.formats:
        assert printed.pdf is not None
        finished["pdf"] = finished_pdf(printed.pdf, rendering.metadata)
    return finished


def build_files(sources: list[Path], output_dir: Path, options: Options, announce: Say, say: Say,
                note: Callable[[Path, str], None]) -> None:
    """Build every content file of ``sources`` into ``output_dir``, each all or none; a failing one is reported
    (``say``) and the others still built, in order. LibreOffice's work on one file runs while the next one is
    rendered, on up to one LibreOffice per core; each file written is announced ("ditulis ...")."""
    from ..render.docx.libreoffice import Offices
    from ..render.pdf import PdfUnavailable

    libreoffice = needs_libreoffice(options)
    size = min(os.cpu_count() or 1, len(sources)) if libreoffice else 1
    claimed: dict[Path, Path] = {}
    # (source, prepared, rendered, LibreOffice's work to come, or the error that stopped it), in order
    pending: deque = deque()
    failed = 0

    def settle(everything: bool) -> None:
        nonlocal failed
        while pending and (everything or not isinstance(pending[0][3], Future) or pending[0][3].done()
                           or len(pending) > 2 * size):
            source, prepared, rendered, work = pending.popleft()
            try:
                if isinstance(work, IkudocError):
                    raise work
                if work is None:
                    result = write_finished(prepared, rendered, (), output_dir, options)
                else:
                    printed = work.result()
                    result = write_finished(prepared, completed(rendered, printed, prepared.rendering, options),
                                            printed.catatan, output_dir, options)
            except PdfUnavailable:  # the same for every file: stop at once
                raise
            except IkudocError as error:
                report_for_file(source, error, say)
                failed += 1
                continue
            for text in result.catatan:
                note(source, text)
            for output in result.outputs:
                announce(f"ditulis {output}")

    with Offices(size) as offices:
        for source in sources:
            try:
                targets = output_paths(usable(source), output_dir, options.formats).values()
                if clash := [claimed[p] for p in targets if p in claimed]:
                    raise Unusable(f"hasilnya akan menimpa hasil {clash[0]} (nama berkas sama); pakai -o folder lain")
                claimed.update({p: source for p in targets})
                prepared = prepare(source, options)
                rendered = render(prepared.rendering, prepared.kind.templates, options)
            except IkudocError as error:  # said in its turn, after the files before it
                pending.append((source, None, None, error))
                settle(False)
                continue
            work = offices.submit(lambda office, rendered=rendered: print_with(office, rendered, options)) \
                if libreoffice else None
            pending.append((source, prepared, rendered, work))
            settle(False)
        settle(True)
    if failed:
        raise SomeFailed(f"{failed} dari {len(sources)} berkas gagal dibangun.")
