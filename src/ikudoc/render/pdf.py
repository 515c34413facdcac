"""Render the document's HTML into a print-ready PDF with WeasyPrint: paged as the Word layout
intends (named pages, roman front matter, landscape lampiran), fonts embedded, page labels that
match the printed page numbers, metadata from the content (title, author, subject, language,
dates), optionally as PDF/A for records offices.

A table cell spanning rows that a page break separates is shown again on the new page: WeasyPrint
leaves it empty there (its issue #833), and a sasaran must be named on every page of its rows.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import gc
import logging
import os
import re

import roman

from ..collector_pause import cycle_collector_paused
from ..content.problems import IkudocError

PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-3u", "pdf/ua-1")
MAX_PASSES = 5  # layouts tried while repeating split cells; each repetition can move later page breaks


class PdfUnavailable(IkudocError):
    """WeasyPrint cannot run on this machine; the message says what to install, in Indonesian."""


@contextlib.contextmanager
def _source_date(date: datetime.date):
    """Font subsetting stamps the embedded fonts with the current time unless SOURCE_DATE_EPOCH is
    set: set it to the document's date (unless the caller chose one) so equal input gives equal bytes."""
    chosen = os.environ.get("SOURCE_DATE_EPOCH")
    if chosen is None:
        moment = datetime.datetime.combine(date, datetime.time(), tzinfo=datetime.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if chosen is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def _weasyprint():
    try:
        import weasyprint  # imported here: it takes a second, and only PDF needs it
    except OSError as error:  # its system libraries (Pango) are missing
        raise PdfUnavailable(
            "PDF tidak bisa dibuat: pustaka Pango tidak ditemukan; di Debian/Ubuntu pasang "
            f"'apt-get install libpango-1.0-0 libpangoft2-1.0-0' ({error})"
        ) from None
    # WeasyPrint reports CSS it ignores through logging; the template's screen-only rules are meant.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint


def render_pdf(html: bytes, date: datetime.date, variant: str | None = None) -> bytes:
    """The PDF of the document page ``html``, dated ``date``."""
    weasyprint = _weasyprint()
    options = {**weasyprint.DEFAULT_OPTIONS, "pdf_variant": variant}
    with _source_date(date), cycle_collector_paused():  # WeasyPrint's boxes: a fifth of a long document's time
        document = lay_out(html.decode("utf-8"), options)
        return document.write_pdf(None, 1, _add_page_labels, **options)


def lay_out(html: str, options: dict | None = None):
    """WeasyPrint's Document of ``html``, with every cell that spans rows split by a page break
    repeated on the page where its rows go on."""
    weasyprint = _weasyprint()
    options = options or weasyprint.DEFAULT_OPTIONS
    document = None
    for attempt in range(1, MAX_PASSES + 1):
        page = weasyprint.HTML(string=html)
        if document is not None:  # the last attempt's pages are let go before the next is laid out
            document = None
            gc.collect()  # (render_pdf pauses the collector, and they hold cycles)
        document = page.render(**options)
        continued = _rows_continuing_a_span(document, page.etree_element)
        if not continued or attempt == MAX_PASSES:
            return document
        html = repeat_spanning_cells(html, continued)


def _tag(element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _rows_continuing_a_span(document, root) -> list[int]:
    """Indexes (among the <tr> under ``root``, in document order) of the rows that begin a page below
    a cell that spans rows from an earlier page."""
    rows = [e for e in root.iter() if _tag(e) == "tr"]
    parent = {id(child): element for element in root.iter() for child in element}
    index = {id(row): n for n, row in enumerate(rows)}
    seen: set[int] = set()
    found = []
    for page in document.pages:
        first = True
        for box in _body_rows(page._page_box):
            number = index.get(id(box.element))
            if number is None:
                continue
            if first and number not in seen and _spanned_from_above(rows[number], parent[id(rows[number])]):
                found.append(number)
            first = False
            seen.add(number)
    return found


def _body_rows(box):
    """Table rows laid out on a page, outside the repeated header and footer groups."""
    for child in getattr(box, "children", ()):
        name = type(child).__name__
        if name == "TableRowGroupBox" and (child.is_header or child.is_footer):
            continue
        if name == "TableRowBox":
            yield child
        else:
            yield from _body_rows(child)


def _spanned_from_above(row, row_group) -> bool:
    group = [r for r in row_group if _tag(r) == "tr"]
    position = group.index(row)
    return any(start < position < start + span for start, _, span, _ in _grid(group))


def _grid(rows: list) -> list[tuple[int, int, int, object]]:
    """(row, column, rowspan, cell) of every cell of a row group, placed as HTML tables place them."""
    taken: set[tuple[int, int]] = set()
    cells = []
    for r, row in enumerate(rows):
        column = 0
        for cell in (c for c in row if _tag(c) in ("td", "th")):
            while (r, column) in taken:
                column += 1
            rowspan, colspan = int(cell.get("rowspan") or 1), int(cell.get("colspan") or 1)
            taken.update((r + i, column + j) for i in range(rowspan) for j in range(colspan))
            cells.append((r, column, rowspan, cell))
            column += colspan
    return cells


def repeat_spanning_cells(html: str, row_numbers: list[int]) -> str:
    """``html`` with each cell that spans into one of the rows ``row_numbers`` (indexes among all
    <tr>, in document order) cut there and repeated in that row, marked class "lanjutan"."""
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    rows = list(tree.iter("tr"))
    for number in sorted(row_numbers):
        row = rows[number]
        group = [r for r in row.getparent() if r.tag == "tr"]
        position = group.index(row)
        for start, column, span, cell in _grid(group):
            if not start < position < start + span:
                continue
            repeated = copy.deepcopy(cell)
            cell.set("rowspan", str(position - start))
            repeated.set("rowspan", str(start + span - position))
            repeated.set("class", f"{repeated.get('class', '')} lanjutan".strip())
            before = sum(1 for r, c, _, _ in _grid(group) if r == position and c < column)
            own = [c for c in row if c.tag in ("td", "th")]
            if before < len(own):
                own[before].addprevious(repeated)
            else:
                row.append(repeated)
    return lxml.html.tostring(tree, doctype="<!DOCTYPE html>", encoding="unicode")


def _add_page_labels(document, pdf) -> None:
    """PDF page labels that match the printed page numbers (i, ii, 1, 2, ...), so that a viewer's
    "page 1" is the page printed 1; an unnumbered first page is labelled "Sampul"."""
    import pydyf

    numbers: list[pydyf.Object] = []
    previous: tuple[str, int] | None = None
    for index, page in enumerate(document.pages):
        printed = _printed_page_number(page._page_box)
        if re.fullmatch(r"\d+", printed):
            style, value = "/D", int(printed)
        elif re.fullmatch(r"[ivxlcdm]+", printed):
            style, value = "/r", roman.fromRoman(printed.upper())
        else:
            style, value = "", 0
        if style and previous == (style, value - 1):
            previous = (style, value)
            continue
        label = pydyf.Dictionary({"S": style, "St": value} if style else
                                 {"P": pydyf.String("Sampul" if index == 0 else "")})
        numbers += [index, label]
        previous = (style, value) if style else None
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array(numbers)})


def _printed_page_number(page_box) -> str:
    """The text of a page's bottom-center margin box, where the template prints the page number."""
    for box in page_box.children:
        if getattr(box, "at_keyword", None) == "@bottom-center":
            return "".join(_texts(box)).strip()
    return ""


def _texts(box):
    if hasattr(box, "text"):
        yield box.text
    for child in getattr(box, "children", ()):
        yield from _texts(child)
