"""What a document kind hands the writers: the templates' variables, the page they are laid out on, the
document's properties, and how the Word writer lays out each of its tables. The writers read only
this; they never learn which kind of document they render.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .page_setup import Margins, PageSetup
from .word_template import TemplateLook, read_look


@dataclass(frozen=True)
class Metadata:
    """The document's properties, in Word's file, the PDF and the page's head."""

    judul: str
    subjek: str
    penulis: str
    tanggal: datetime.date  # dates every output, never the clock: equal content gives equal bytes


@dataclass(frozen=True)
class Image:
    """A picture a kind makes for its document (a chart), placed by the templates' ``gambar`` filter as a
    picture file is."""

    data: bytes
    mime: str = "image/png"


@dataclass(frozen=True)
class WordTable:
    """How the DOCX writer lays out the tables drawn in one Word table style (``gaya``) of the template:
    what the template cannot say for each document. A table in a style no plan names fills the text
    width in its template cells' proportions."""

    gaya: str
    lebar: tuple[float, ...] | None = None  # percent of the table's width per grid column; None: the template's
    skala: float = 1.0  # the table's type (its paragraph styles and cell margins) scaled by this
    tinggi_judul: float = 0.0  # mm: the least height of the first header row
    baris: tuple[tuple[bool, bool], ...] | None = None  # per body row: (never split, kept with the next row)


@dataclass(frozen=True)
class Layout:
    """What a kind lays its document out for: the paper and margins asked on the command line (over the
    content's own), and the Word template whose look (font, table type) every format follows."""

    word_template: Path
    kertas: str | None = None
    margin: Margins | None = None

    def page(self, kertas: str, margin: Any = None) -> PageSetup:
        """The page: the command line's paper and margins, else the content's ``kertas`` and ``margin``
        (a model with atas, kanan, bawah, kiri)."""
        content_margin = Margins(margin.atas, margin.kanan, margin.bawah, margin.kiri) if margin else None
        return PageSetup(self.kertas or kertas, self.margin or content_margin)

    def look(self, table_style: str) -> TemplateLook:
        """The Word template's look, its table cells those of ``table_style``."""
        return read_look(self.word_template, table_style)


@dataclass(frozen=True)
class Rendering:
    """A document ready to be written in any format."""

    variables: dict[str, Any]  # what the templates see, besides kertas and metadata
    page: PageSetup
    metadata: Metadata
    word_tables: tuple[WordTable, ...] = ()

    @property
    def template_variables(self) -> dict[str, Any]:
        return {**self.variables, "kertas": self.page, "metadata": self.metadata}
