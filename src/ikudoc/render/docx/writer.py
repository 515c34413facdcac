"""Render a document (render.Rendering) into a DOCX file through its Word template (templates/iku.docx,
pk.docx, ...).

docxtpl fills the template; the look (fonts, sizes, spacing, numbering formats, page setup) stays
the template's. Afterwards the repairs of docx.layout run that a template cannot express (lists
restart at 1, each table takes the layout its plan gives, a signature stays with what it signs), and
the ZIP is written with fixed times so that equal input gives equal bytes.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
import time
import zipfile
from functools import cache
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText
from lxml import etree
from markupsafe import Markup, escape

from ...content.markup import Runs
from ..page_setup import apply_to_docx
from ..rendering import Image, Metadata, Rendering, WordTable
from ..template_files import compiled_templates_cache
from .layout import (
    ask_word_to_update_fields,
    body_rows,
    fit_table_grid,
    header_rows,
    keep_signatures_with_what_they_sign,
    number_toc,
    paginate_rows,
    remove_empty_runs,
    restart_lists,
    scale_table_type,
    set_least_height,
    table_style,
)

#: The name the Word templates' XML parts are cached under (each part keyed by its own source as well).
CACHE_NAME = "word-template"

# Character styles of the template used for Markdown's **bold** and *italic*.
STRONG_STYLE = "Strong"
EMPHASIS_STYLE = "Emphasis"


def runs_to_richtext(runs: Runs) -> RichText:
    """Runs -> Word runs, bold and italic through the template's Strong and Emphasis styles."""
    text = RichText()
    for run in runs:
        if run.baris_baru:
            text.add("\n")  # docxtpl turns a newline into <w:br/>
        elif run.tebal:
            text.add(run.teks, style=STRONG_STYLE, italic=run.miring)
        else:
            text.add(run.teks, style=EMPHASIS_STYLE if run.miring else None)
    text.xml = _braces_as_references(text.xml)  # the runs' markup has no braces: only the text's
    return text


def _braces_as_references(xml: str) -> str:
    """After rendering, docxtpl turns "{_{" into "{{" (its escape for template authors): braces typed in
    the content are written as character references, which it does not see, so they print as typed."""
    return xml.replace("{", "&#123;").replace("}", "&#125;")


def _content_value(value):
    """Jinja's finalize: every plain value printed into the Word XML, escaped and with its braces kept."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(_braces_as_references(str(escape(value))))
    return value


class _WordEnvironment(jinja2.Environment):
    """docxtpl compiles the Word template's XML with from_string on every render: here each XML source
    is compiled once per process, and read from Jinja's cache on disk when a process saw it before."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.compiled: dict[str, object] = {}  # XML source -> its compiled code

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (Jinja's signature)
        code = self.compiled.get(source)
        if code is None:
            # Each part has its own cache file: keyed by the template's name alone, the parts would
            # overwrite one another's and never be found again.
            part = hashlib.sha1(source.encode("utf-8")).hexdigest()
            bucket = self.bytecode_cache.get_bucket(self, CACHE_NAME, part, source) if self.bytecode_cache \
                else None
            code = bucket.code if bucket else None
            if code is None:
                code = self.compile(source)
                if bucket:
                    bucket.code = code
                    self.bytecode_cache.set_bucket(bucket)
            self.compiled[source] = code
        return (template_class or self.template_class).from_code(self, code, self.make_globals(globals), None)


@cache
def _shared_environment() -> _WordEnvironment:
    env = _WordEnvironment(undefined=jinja2.StrictUndefined, autoescape=True, finalize=_content_value,
                           bytecode_cache=compiled_templates_cache())
    env.filters["teks"] = runs_to_richtext
    return env


def _environment(template: DocxTemplate) -> jinja2.Environment:
    env = _shared_environment()
    # images are placed through the template being rendered (one render at a time per process)
    env.filters["gambar"] = lambda image, width_mm: InlineImage(
        template, io.BytesIO(image.data) if isinstance(image, Image) else str(image), width=Mm(width_mm))
    return env


# What docxtpl's resolve_listing turns into Word's tabs, breaks and paragraphs; it changes nothing else.
_LISTING_CHARACTERS = re.compile("[\t\a\n\f]")


class _WordTemplate(DocxTemplate):
    """docxtpl's template, cleaning each XML part of the Word template for Jinja once per process, and
    skipping its search for tabs and line breaks typed in texts where the rendered part has none (the
    runs' line breaks are Word's own already)."""

    _patched: dict[str, str] = {}  # a part's XML -> the same cleaned for Jinja

    def patch_xml(self, src_xml: str) -> str:
        patched = self._patched.get(src_xml)
        if patched is None:
            if len(self._patched) > 64:  # templates edited under ikudoc watch: forget the old versions
                self._patched.clear()
            patched = self._patched[src_xml] = super().patch_xml(src_xml)
        return patched

    def resolve_listing(self, xml: str) -> str:
        return super().resolve_listing(xml) if _LISTING_CHARACTERS.search(xml) else xml


def undeclared_variables(path: Path) -> set[str]:
    """The variables the Word template ``path`` uses without defining them: the context must provide them."""
    template = _WordTemplate(path)
    return set(template.get_undeclared_template_variables(_environment(template)))


def render_docx(rendering: Rendering, path: Path) -> bytes:
    """Fill the Word template ``path`` with ``rendering``."""
    template = _WordTemplate(path)
    template.render(rendering.template_variables, _environment(template), autoescape=True)

    document = template.docx
    body, styles = document.element.body, document.styles.element
    remove_empty_runs(body)
    restart_lists(body, styles, document.part.numbering_part.element)
    apply_to_docx(body, styles, rendering.page)
    plans = {plan.gaya: plan for plan in rendering.word_tables}
    for table in body.iter(qn("w:tbl")):
        style = table_style(table)
        _lay_out_table(table, styles, style, plans.get(style) if style else None)
    keep_signatures_with_what_they_sign(body, styles)
    ask_word_to_update_fields(body, document.settings.element)
    _set_properties(document, rendering.metadata)

    buffer = io.BytesIO()
    template.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _lay_out_table(table, styles, style: str | None, plan: WordTable | None) -> None:
    """The table's grid fills the text width, in its plan's column widths (else the template's); its
    type takes the plan's scale, its first header row the plan's least height, and its rows the plan's
    pagination."""
    fit_table_grid(table, list(plan.lebar) if plan and plan.lebar else None)
    if plan is None:
        return
    scale_table_type(table, styles, plan.skala, style)
    if plan.tinggi_judul and (headers := header_rows(table)):
        set_least_height(headers[0], plan.tinggi_judul)
    if plan.baris is not None:
        paginate_rows(body_rows(table, styles), list(plan.baris))


def with_toc_pages(data: bytes, pages: list[str]) -> bytes:
    """The Word file ``data`` with ``pages`` as the page numbers of its daftar isi's entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        settings = etree.fromstring(archive.read("word/settings.xml"))
    number_toc(document.find(qn("w:body")), settings, pages)
    return reproducible_zip(data, {
        "word/document.xml": etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True),
        "word/settings.xml": etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True),
    })


def _set_properties(document, metadata: Metadata) -> None:
    """Title, author and dates from the content, never from the clock."""
    props = document.core_properties
    moment = datetime.datetime.combine(metadata.tanggal, datetime.time(), tzinfo=datetime.timezone.utc)
    props.title = _property_text(metadata.judul)
    props.subject = _property_text(metadata.subjek)
    props.author = _property_text(metadata.penulis)
    props.last_modified_by = _property_text(metadata.penulis)
    props.language = "id-ID"
    props.created = moment
    props.modified = moment
    props.revision = 1


def _property_text(text: str) -> str:
    """Word keeps at most 255 characters in a document property: a longer text is cut at a word, with
    an ellipsis (the document itself shows it whole)."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    return text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-") + "…"


PROPERTY_LIMIT = 255


def _entry_time() -> tuple[int, int, int, int, int, int]:
    """ZIP entry time: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return time.gmtime(max(int(epoch), 315532800))[:6]  # ZIP cannot store times before 1980
    return (1980, 1, 1, 0, 0, 0)


def reproducible_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same entries in the same order (some ``replace``d), with a fixed time, so equal input gives
    equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    entry_time = _entry_time()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=entry_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, (replace or {}).get(entry.filename) or source.read(entry.filename))
    return output.getvalue()
