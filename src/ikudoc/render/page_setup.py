"""Paper size and margins: from the content or the command line, applied alike to the Word sections,
the HTML print stylesheet and the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache  # called for every element the layout repairs look at
def qn(tag: str) -> str:
    """The Clark name lxml uses for "w:pgSz" (as python-docx's qn does, without importing python-docx)."""
    return f"{{{WORD_NAMESPACE}}}{tag.removeprefix('w:')}"


TWIPS_PER_MM = 1440 / 25.4

#: Paper sizes in millimetres (width, height), portrait.
PAPER = {
    "A4": (210.0, 297.0),
    "F4": (215.0, 330.0),  # "Folio", common in Indonesian offices
}


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres, as seen on the page (the same on portrait and landscape pages)."""

    atas: float
    kanan: float
    bawah: float
    kiri: float


@dataclass(frozen=True)
class PageSetup:
    kertas: str  # a key of PAPER
    margin: Margins | None = None  # None: the template's margins

    @property
    def lebar(self) -> float:
        return PAPER[self.kertas][0]

    @property
    def tinggi(self) -> float:
        return PAPER[self.kertas][1]


def _twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def apply_to_docx(body, styles, setup: PageSetup) -> None:
    """Set every section's paper (width and height swapped on landscape sections) and, when given,
    margins; the daftar isi's right-aligned page numbers follow the portrait text width."""
    text_width = None
    for section in body.iter(qn("w:sectPr")):
        size = section.find(qn("w:pgSz"))
        landscape = size.get(qn("w:orient")) == "landscape"
        width, height = (setup.tinggi, setup.lebar) if landscape else (setup.lebar, setup.tinggi)
        size.set(qn("w:w"), _twips(width))
        size.set(qn("w:h"), _twips(height))
        margins = section.find(qn("w:pgMar"))
        if margins is None:  # a section without margins (a template made elsewhere): Word's defaults apply
            margins = section.makeelement(qn("w:pgMar"), {qn(f"w:{side}"): "1440" for side in
                                                          ("top", "right", "bottom", "left")})
            size.addnext(margins)
        if setup.margin is not None:
            for side, value in (("top", setup.margin.atas), ("right", setup.margin.kanan),
                                ("bottom", setup.margin.bawah), ("left", setup.margin.kiri)):
                margins.set(qn(f"w:{side}"), _twips(value))
        if not landscape and text_width is None:
            text_width = int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    if text_width is None:
        return
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:styleId")) in ("TOC1", "TOC2", "TableofFigures"):
            for tab in style.iter(qn("w:tab")):
                if tab.get(qn("w:val")) == "right":
                    tab.set(qn("w:pos"), str(text_width))


def section_text_width(table) -> int | None:
    """The text width (twips) of the section a body-level table sits in: the next sectPr after it."""
    for following in table.itersiblings():
        section = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if following.tag == qn("w:p") else (
            following if following.tag == qn("w:sectPr") else None)
        if section is not None:
            size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
            return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    return None
