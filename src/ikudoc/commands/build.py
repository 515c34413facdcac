"""Build a content file into its documents: load, build the context once, render each format,
and write the outputs only when every format rendered (files.write_all: a failed or killed build
never leaves an output missing or half written).
"""

from __future__ import annotations

import contextlib
import datetime
import re
import traceback
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from ..content.problems import ContentError, IkudocError, Problem
from ..content.revision_source import file_ref
from ..content.source import TomlSource
from ..files import write_all
from ..iku.checks import check_content
from ..iku.context import build_context
from ..iku.loader import load_document
from ..iku.model import Konten
from ..render.fonts import css_font_stack
from ..render.options import DEFAULT_OPTIONS, Options
from ..render.page_setup import Margins, PageSetup
from ..render.table_layout import TableTooWide
from ..render.template_files import (
    FONT_VARIABLE,
    HTML_TEMPLATE,
    PK_HTML_TEMPLATE,
    PK_WORD_TEMPLATE,
    WORD_TEMPLATE,
    default_templates,
    shipped_templates,
    template_file,
)
from ..render.word_template import AGREEMENT_TABLE_STYLE, header_widths, read_look

if TYPE_CHECKING:
    from ..perjanjian.loader import PerjanjianKinerja
    from ..render.docx.libreoffice import Office

#: What a content file holds: an IKU, or a Perjanjian Kinerja built from one (whose modules are
#: imported only for a PK: the IKU's commands do without them).
Document = Union[Konten, "PerjanjianKinerja"]


def template_names(document: Document) -> tuple[str, str]:
    """The Word and the page template a document is rendered through."""
    if isinstance(document, Konten):
        return WORD_TEMPLATE, HTML_TEMPLATE
    return PK_WORD_TEMPLATE, PK_HTML_TEMPLATE


def check_document(document: Document, toml: TomlSource) -> list[Problem]:
    """The check rules of the document's kind."""
    if isinstance(document, Konten):
        return check_content(document, toml)
    from ..perjanjian.checks import check_perjanjian

    return check_perjanjian(document, toml)


class TemplateFailure(IkudocError):
    """A template could not be used (missing, broken, a mistyped variable): the template's fault."""

    def __init__(self, template: Path, message: str):
        self.template = template
        super().__init__(f"{template}: {message}")


def _template_message(error: Exception, template: Path) -> str:
    """What went wrong in ``template``, at its line where the error shows one (the HTML templates; the
    Word template's lines are those of its XML, not worth showing)."""
    import jinja2  # (imported by the renderer that failed)

    line = _template_line(error, template)
    where = f"baris {line}: " if line else ""
    message = (error.message if isinstance(error, jinja2.TemplateError) else None) or str(error)
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"tag templat rusak{' ' + where.rstrip(': ') if where else ''}: {message}"
    if match := re.fullmatch(r"'(.+?) object' has no attribute '(.+)'", message):
        typed = _expression_at(template, line, match.group(2))
        return f"{where}templat tidak bisa diisi: {{{{ {typed} }}}} tidak dikenal"
    if match := re.fullmatch(r"'(.+)' is undefined", message):
        return f"{where}templat tidak bisa diisi: variabel '{match.group(1)}' tidak dikenal"
    if isinstance(error, jinja2.TemplateError):
        return f"{where}templat tidak bisa diisi: {message}"
    return f"{where}templat tidak bisa diisi: {type(error).__name__}: {message}"


def _template_line(error: Exception, template: Path) -> int | None:
    """The template's line in the traceback: Jinja rewrites a template's frames to its own file and line."""
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.lineno
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
             if Path(frame.filename).name == template.name and frame.filename != "<template>"]
    return lines[-1] if lines else None


def _raised_in_word_template(error: Exception) -> bool:
    """Raised by an expression of the Word template (docxtpl compiles its XML without a file name)."""
    return any(frame.filename == "<template>" for frame in traceback.extract_tb(error.__traceback__))


def _expression_at(template: Path, line: int | None, attribute: str) -> str:
    """The expression that names ``attribute`` on ``line`` ("dokumen.tempta"), else "... .attribute"."""
    if line:
        with contextlib.suppress(OSError, UnicodeDecodeError, IndexError):
            typed = template.read_text(encoding="utf-8").splitlines()[line - 1]
            if found := re.search(rf"[\w.\[\]]+\.{re.escape(attribute)}\b", typed):
                return found.group()
    return f"... .{attribute}"


def page_setup(document: Document, options: Options) -> PageSetup:
    """The paper and margins: the options', else the content's (a PK is printed as its IKU)."""
    dokumen = document.dokumen if isinstance(document, Konten) else document.iku.dokumen
    margin = options.margin or (Margins(**dokumen.margin.model_dump()) if dokumen.margin else None)
    return PageSetup(options.kertas or dokumen.kertas, margin)


def template_context(konten: Document, toml: TomlSource, options: Options = DEFAULT_OPTIONS) -> dict:
    """The templates' variables for ``konten`` built with ``options``; ContentError (with the line of
    the widest target) when the IKU table cannot fit its paper."""
    if not isinstance(konten, Konten):
        from ..perjanjian.context import build_perjanjian_context

        docx_template = template_file(options.templates or default_templates(), PK_WORD_TEMPLATE)
        look, columns = using_template(docx_template, lambda: (read_look(docx_template), header_widths(
            docx_template, AGREEMENT_TABLE_STYLE)))
        return build_perjanjian_context(konten, page_setup(konten, options), look, columns)
    docx_template = template_file(options.templates or default_templates(), WORD_TEMPLATE)
    look = using_template(docx_template, lambda: read_look(docx_template))
    try:
        return build_context(konten, page_setup(konten, options), look)
    except TableTooWide as error:
        raise ContentError([Problem(toml.path, toml.line_of(error.loc), error.loc, str(error),
                                    "tabel-terlalu-lebar")]) from None


def render(konten: Document, toml: TomlSource, options: Options = DEFAULT_OPTIONS, context: dict | None = None
           ) -> dict[str, bytes]:
    """Every requested format of one document, in memory (from ``context`` when it is already made).
    The PDF is printed from the HTML."""
    templates = options.templates or default_templates()
    word_name, html_name = template_names(konten)
    docx_template, html_template = template_file(templates, word_name), template_file(templates, html_name)
    context = context or template_context(konten, toml, options)
    rendered: dict[str, bytes] = {}
    if "docx" in options.formats:
        from ..render.docx.writer import render_docx  # python-docx and docxtpl: only for Word output

        rendered["docx"] = using_template(docx_template, lambda: render_docx(context, docx_template))
    if "html" in options.formats or "pdf" in options.formats:
        from ..render.html import render_html  # Jinja: not for checking a file

        rendered["html"] = using_template(html_template, lambda: render_html(
            context, templates, page_font(templates, word_name), html_name))
    if "pdf" in options.formats:
        signed = datetime.date.fromisoformat(context["metadata"]["tanggal"])
        from ..render.pdf import render_pdf  # WeasyPrint: only for a PDF

        rendered["pdf"] = render_pdf(rendered["html"], signed, options.pdf_variant)
    return {fmt: rendered[fmt] for fmt in options.formats}


def page_font(templates: Path, word_template: str = WORD_TEMPLATE) -> str:
    """The CSS font-family of the page: the Word template's font, so that both look alike."""
    return css_font_stack(read_look(template_file(templates, word_template)).font)


def using_template(template: Path, renderer: Callable):
    """Run ``renderer``, turning what goes wrong with ``template`` (missing, broken, a mistyped
    variable, an error raised by its own code) into a TemplateFailure that names it and its line."""
    if not template.is_file():
        raise TemplateFailure(template, "templat tidak ditemukan")
    try:
        return renderer()
    except IkudocError:
        raise
    except Exception as error:
        if template.suffix == ".docx" and (isinstance(error, zipfile.BadZipFile) or "in the archive" in str(error)):
            raise TemplateFailure(template, "bukan berkas Word (.docx) yang utuh; simpan ulang dari Word") from error
        import jinja2

        if isinstance(error, jinja2.TemplateError) or _template_line(error, template) is not None \
                or _raised_in_word_template(error):
            raise TemplateFailure(template, _template_message(error, template)) from error
        raise


@dataclass(frozen=True)
class BuildResult:
    source: Path
    outputs: tuple[Path, ...]
    catatan: tuple[str, ...] = ()  # what the user should know although the build succeeded
    data: dict[str, bytes] | None = None  # the outputs' bytes, by format
    context: dict | None = None  # the templates' variables the outputs were made from
    templates: tuple[str, str] = (WORD_TEMPLATE, HTML_TEMPLATE)  # the Word and page templates of its kind


def output_paths(source: Path, output_dir: Path, formats: Iterable[str]) -> dict[str, Path]:
    return {fmt: output_dir / f"{source.stem}.{fmt}" for fmt in formats}


def load_checked(source: Path) -> tuple[Document, TomlSource]:
    """Load ``source``, refusing it (ContentError) on a load problem or an error of the check rules."""
    konten, toml = load_document(file_ref(source))
    errors = [problem for problem in check_document(konten, toml) if problem.is_error]
    if errors:
        raise ContentError(errors)
    return konten, toml


def template_variables(konten: Document, toml: TomlSource, options: Options = DEFAULT_OPTIONS) -> set[str]:
    """The names every template can use."""
    return set(template_context(konten, toml, options)) | {FONT_VARIABLE}


def check_templates(templates: Path, provided: set[str], names: tuple[str, str] = (WORD_TEMPLATE, HTML_TEMPLATE)
                    ) -> list[Problem]:
    """Variables the templates ``names`` use that the template context does not provide: a build would
    fail. The templates shipped with ikudoc are checked by its own tests, not at every run."""
    shipped = shipped_templates().resolve()
    problems = []
    for name in names:
        path = template_file(templates, name)
        if path.resolve().parent == shipped:
            continue
        for variable in sorted(_undeclared_variables(templates, name) - provided):
            message = (f"templat memakai variabel '{variable}' yang tidak disediakan ikudoc; yang tersedia: "
                       f"{', '.join(sorted(provided))}")
            problems.append(Problem(path, None, (), message, "templat-variabel"))
    return problems


def _undeclared_variables(templates: Path, name: str) -> set[str]:
    """What the renderer of ``name`` finds undeclared in it (each renderer reads its templates its own way)."""
    if name.endswith(".docx"):
        from ..render.docx import writer as docx_writer

        return docx_writer.undeclared_variables(template_file(templates, name))
    from ..render import html as html_writer

    return html_writer.undeclared_variables(templates, name)


@dataclass(frozen=True)
class Prepared:
    """A content file loaded, checked and turned into its templates' variables: all a build renders from."""

    source: Path
    document: Document
    toml: TomlSource
    context: dict


def prepare(source: Path, options: Options = DEFAULT_OPTIONS) -> Prepared:
    """Load and check ``source`` and build its template context; ContentError on bad content."""
    konten, toml = load_checked(source)
    return Prepared(source, konten, toml, template_context(konten, toml, options))


def build_file(source: Path, output_dir: Path, options: Options = DEFAULT_OPTIONS, office: Office | None = None
               ) -> BuildResult:
    """Load ``source`` and write one file per format into ``output_dir``; raise ContentError on bad content.
    The daftar isi is filled (options.fill_toc) by ``office``, or by a LibreOffice of its own."""
    return write_prepared(prepare(source, options), output_dir, options, office)


def write_prepared(prepared: Prepared, output_dir: Path, options: Options = DEFAULT_OPTIONS,
                   office: Office | None = None) -> BuildResult:
    """Render a prepared content file in every format and write them into ``output_dir``, all or none."""
    rendered = render(prepared.document, prepared.toml, options, prepared.context)
    notes = []
    if options.fill_toc and "docx" in rendered:
        from ..render.docx.libreoffice import FillFailed, LibreOfficeUnavailable, Office  # only to fill the daftar isi

        with contextlib.nullcontext(office) if office else Office() as libreoffice:
            try:
                rendered["docx"] = libreoffice.fill_toc(rendered["docx"])
            except LibreOfficeUnavailable as reason:
                notes.append(f"{reason}; --no-fill-toc membangun tanpa mencobanya")
            except FillFailed as reason:
                notes.append(str(reason))
    targets = output_paths(prepared.source, output_dir, rendered)
    write_all({targets[fmt]: data for fmt, data in rendered.items()})
    return BuildResult(prepared.source, tuple(targets.values()), tuple(notes), rendered, prepared.context,
                       template_names(prepared.document))
