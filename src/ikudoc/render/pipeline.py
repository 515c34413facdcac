"""Render a document (a Rendering, from its kind's context builder) in memory through its templates: the
Word template (docxtpl) and the HTML page (Jinja); the PDF is the Word file as LibreOffice prints it
(commands.build, docx.libreoffice). What goes wrong with a template (missing, broken, a mistyped
variable) is said here, naming the template and its line.
"""

from __future__ import annotations

import contextlib
import re
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..content.problems import IkudocError, Problem
from .fonts import css_font_stack
from .options import DEFAULT_OPTIONS, Options
from .rendering import Rendering
from .template_files import FONT_VARIABLE, default_templates, shipped_templates, template_file
from .word_template import read_look


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


def render(rendering: Rendering, names: tuple[str, str], options: Options = DEFAULT_OPTIONS) -> dict[str, bytes]:
    """The Word file and the page of one document, in memory, as ``options`` asks for them, through the Word
    and page templates ``names`` (found in options.templates, else the project's or the shipped ones). A PDF
    is the Word file as LibreOffice prints it: the Word file is made for it too, and printed by the build."""
    templates = options.templates or default_templates()
    word_name, html_name = names
    docx_template, html_template = template_file(templates, word_name), template_file(templates, html_name)
    rendered: dict[str, bytes] = {}
    if "docx" in options.formats or "pdf" in options.formats:
        from .docx.writer import render_docx  # python-docx and docxtpl: only for Word output

        rendered["docx"] = using_template(docx_template, lambda: render_docx(rendering, docx_template))
    if "html" in options.formats:
        from .html import render_html  # Jinja: not for checking a file

        rendered["html"] = using_template(html_template, lambda: render_html(
            rendering.template_variables, templates, page_font(templates, word_name), html_name))
    return rendered


def page_font(templates: Path, word_template: str) -> str:
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


def template_variables(rendering: Rendering) -> set[str]:
    """The names every template of ``rendering`` can use."""
    return set(rendering.template_variables) | {FONT_VARIABLE}


def check_templates(templates: Path, provided: set[str], names: tuple[str, str]) -> list[Problem]:
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
        from .docx import writer as docx_writer

        return docx_writer.undeclared_variables(template_file(templates, name))
    from . import html as html_writer

    return html_writer.undeclared_variables(templates, name)
