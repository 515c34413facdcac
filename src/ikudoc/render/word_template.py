"""Read the look that every format follows from a Word template (templates/iku.docx, pk.docx): its
font, the type size and cell margins of a table, and the margins of its last (landscape lampiran) page.

The Word template is where an office sets its look in Word or LibreOffice; the HTML, the PDF and
the fitting of tables read these values here instead of keeping copies of them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from .page_setup import TWIPS_PER_MM, WORD_NAMESPACE, Margins

W = f"{{{WORD_NAMESPACE}}}"

#: The paragraph style of a table's body cells, in every template.
TABLE_TEXT_STYLE = "IsiTabel"


@dataclass(frozen=True)
class TemplateLook:
    font: str  # the document's font family, "Arial"
    table_size: float  # pt, a table's body text
    cell_margin: float  # mm, left and right inside a table cell, at table_size
    lampiran_margins: Margins  # mm, of the landscape lampiran page


def read_look(template: Path, table_style: str | None = None) -> TemplateLook:
    """The look of the Word template at ``template``, its table cells those of the table style
    ``table_style`` (Word's defaults without one), read once per file version."""
    stat = template.stat()
    return _read_look(template, stat.st_mtime_ns, stat.st_size, table_style)


@cache
def _read_look(template: Path, _mtime: int, _size: int, table_style: str | None) -> TemplateLook:
    with zipfile.ZipFile(template) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
        document = etree.fromstring(archive.read("word/document.xml"))
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    sections = document.findall(f".//{W}sectPr")
    margins = sections[-1].find(f"{W}pgMar") if sections else None
    return TemplateLook(
        font=(fonts.get(f"{W}ascii") if fonts is not None else None) or "Arial",
        table_size=style_size(styles, TABLE_TEXT_STYLE),
        cell_margin=cell_margins(styles, table_style or "")["left"] / TWIPS_PER_MM,
        lampiran_margins=Margins(*(_mm(margins, side) for side in ("top", "right", "bottom", "left"))),
    )


def style_size(styles, style_id: str) -> float:
    """The font size (pt) a paragraph style gives, following its basedOn chain to the defaults."""
    by_id = {style.get(f"{W}styleId"): style for style in styles.iter(f"{W}style")}
    seen = set()
    while style_id in by_id and style_id not in seen:
        seen.add(style_id)
        size = by_id[style_id].find(f"{W}rPr/{W}sz")
        if size is not None:
            return int(size.get(f"{W}val")) / 2
        based = by_id[style_id].find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    return int(default.get(f"{W}val")) / 2 if default is not None else 10.0


def cell_margins(styles, table_style: str) -> dict[str, int]:
    """The cell margins (twips) by side of the table style ``table_style`` (or of the styles it is based
    on); Word's defaults where none sets them."""
    margins = {"top": 0, "left": 108, "bottom": 0, "right": 108}
    by_id = {style.get(f"{W}styleId"): style for style in styles.iter(f"{W}style")}
    chain = []
    while table_style in by_id and table_style not in chain:
        chain.append(table_style)
        based = by_id[table_style].find(f"{W}basedOn")
        table_style = based.get(f"{W}val") if based is not None else None
    for style_id in reversed(chain):  # the nearest style's margins win
        for side in by_id[style_id].iterfind(f"{W}tblPr/{W}tblCellMar/*"):
            margins[etree.QName(side).localname] = int(side.get(f"{W}w"))
    return margins


def _mm(margins, side: str) -> float:
    return round(int(margins.get(f"{W}{side}")) / TWIPS_PER_MM, 1) if margins is not None else 25.4


def header_widths(template: Path, table_style: str) -> tuple[int, ...]:
    """The widths (twips) of the header cells of the template's table in ``table_style``: its columns'
    proportions, as the template's author set them."""
    stat = template.stat()
    return _header_widths(template, stat.st_mtime_ns, stat.st_size, table_style)


@cache
def _header_widths(template: Path, _mtime: int, _size: int, table_style: str) -> tuple[int, ...]:
    with zipfile.ZipFile(template) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    for table in document.iter(f"{W}tbl"):
        style = table.find(f"{W}tblPr/{W}tblStyle")
        if style is None or style.get(f"{W}val") != table_style:
            continue
        for row in table.iterfind(f"{W}tr"):
            if row.find(f"{W}trPr/{W}tblHeader") is not None:
                return tuple(int(cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for cell in row.iterfind(f"{W}tc"))
    return ()
