"""Render the template context into a DOCX file through the Word template templates/iku.docx.

docxtpl fills the template; the look (fonts, sizes, spacing, numbering formats, page setup) stays
the template's. Afterwards a few generic OOXML repairs run that a template cannot express:
each list restarts at 1, the table grid follows the cells once the year columns are repeated,
and the ZIP is written with fixed times so that equal input gives equal bytes.
"""

from __future__ import annotations

import datetime
import io
import os
import time
import zipfile
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText

from .markup import Runs
from .page_setup import apply_to_docx, section_text_width

TEMPLATE = "iku.docx"

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
    return text


def _environment(template: DocxTemplate) -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.filters["teks"] = runs_to_richtext
    env.filters["gambar"] = lambda path, width_mm: InlineImage(template, str(path), width=Mm(width_mm))
    return env


def undeclared_variables(path: Path) -> set[str]:
    """The variables the Word template ``path`` uses without defining them: the context must provide them."""
    template = DocxTemplate(path)
    return set(template.get_undeclared_template_variables(_environment(template)))


def render_docx(context: dict, path: Path) -> bytes:
    """Fill the Word template ``path`` with ``context``."""
    template = DocxTemplate(path)
    template.render(context, _environment(template), autoescape=True)

    document = template.docx
    body = document.element.body
    _remove_empty_runs(body)
    _restart_lists(document)
    apply_to_docx(document, context["kertas"])
    for table in body.iter(qn("w:tbl")):
        _fit_table_grid(table)
    _set_properties(document, context["metadata"])

    buffer = io.BytesIO()
    template.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _remove_empty_runs(body) -> None:
    """docxtpl leaves an empty run where each {{r ...}} tag stood; drop them."""
    for run in list(body.iter(qn("w:r"))):
        children = [c for c in run if c.tag != qn("w:rPr")]
        if all(c.tag == qn("w:t") and not c.text for c in children):
            run.getparent().remove(run)


def _list_numbering(document) -> dict[str, str]:
    """Paragraph style id -> the numId its style numbers with."""
    numbering = {}
    for style in document.styles.element.iter(qn("w:style")):
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            numbering[style.get(qn("w:styleId"))] = num_id.get(qn("w:val"))
    return numbering


def _restart_lists(document) -> None:
    """Give each run of consecutive list paragraphs its own numbering instance, starting at 1.

    In Word, paragraphs that share a numbering instance continue one list across the document;
    a Markdown list, or a list in the lampiran, must start again at 1 (or a.)."""
    style_numbering = _list_numbering(document)
    numbering = document.part.numbering_part.element
    abstract_of = {num.numId: num.abstractNumId.val for num in numbering.num_lst}

    def num_id_of(paragraph) -> str | None:
        direct = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if direct is not None:
            return direct.get(qn("w:val"))
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return style_numbering.get(style.get(qn("w:val"))) if style is not None else None

    current: tuple[str, int] | None = None  # (template numId, new numId) of the list being walked
    for element in document.element.body:
        num_id = num_id_of(element) if element.tag == qn("w:p") else None
        if num_id is None or int(num_id) not in abstract_of:
            current = None
            continue
        if current is None or current[0] != num_id:
            num = numbering.add_num(abstract_of[int(num_id)])
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
            current = (num_id, num.numId)
        num_pr = element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = current[1]


# The order OOXML requires inside <w:tcPr>; docxtpl's merge tags append gridSpan/vMerge at the end.
_TCPR_ORDER = [qn(f"w:{name}") for name in (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)]


def _span(cell) -> int:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def _fit_table_grid(table) -> None:
    """Make the grid follow the template's cell widths, scaled to fill the text width of its section.

    A {%tc for %} loop repeats a cell of the template, with its width, once per year: the grid
    must then have as many columns, in the proportions of the cells, filling the page (A4 or F4)."""
    rows = table.findall(qn("w:tr"))
    for cell in table.iter(qn("w:tc")):
        tc_pr = cell.find(qn("w:tcPr"))
        if tc_pr is not None:
            tc_pr[:] = sorted(tc_pr, key=lambda e: _TCPR_ORDER.index(e.tag) if e.tag in _TCPR_ORDER else 99)
    unspanned = [r for r in rows if all(_span(c) == 1 for c in r.findall(qn("w:tc")))]
    if not unspanned:
        return
    model_row = max(unspanned, key=lambda r: len(r.findall(qn("w:tc"))))
    widths = [int(c.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) for c in model_row.findall(qn("w:tc"))]
    grid = table.find(qn("w:tblGrid"))
    total = section_text_width(table) or sum(int(col.get(qn("w:w"))) for col in grid)
    table_width = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    if table_width is not None:
        table_width.set(qn("w:w"), str(total))
        table_width.set(qn("w:type"), "dxa")
    scaled = [round(w * total / sum(widths)) for w in widths]
    scaled[-1] += total - sum(scaled)
    for col in list(grid):
        grid.remove(col)
    for width in scaled:
        col = grid.makeelement(qn("w:gridCol"), {qn("w:w"): str(width)})
        grid.append(col)
    for row in rows:
        column = 0
        for cell in row.findall(qn("w:tc")):
            span = _span(cell)
            tc_w = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if tc_w is not None:
                tc_w.set(qn("w:w"), str(sum(scaled[column:column + span])))
                tc_w.set(qn("w:type"), "dxa")
            column += span


def _set_properties(document, metadata: dict) -> None:
    """Title, author and dates from the content, never from the clock."""
    props = document.core_properties
    moment = datetime.datetime.combine(datetime.date.fromisoformat(metadata["tanggal"]), datetime.time(),
                                       tzinfo=datetime.timezone.utc)
    props.title = metadata["judul"]
    props.subject = metadata["subjek"]
    props.author = metadata["penulis"]
    props.last_modified_by = metadata["penulis"]
    props.language = "id-ID"
    props.created = moment
    props.modified = moment
    props.revision = 1


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
