"""Make LibreOffice's print of the Word file the PDF ikudoc publishes: the same pages, with what a reader
and a records office expect of it: page labels that match the printed page numbers (Sampul, i, ii, 1,
2 ...), the document's own properties (title, author = the agency, subject, language), its date instead
of the clock's (equal input gives equal bytes), and nothing else changed. Fonts are embedded by
LibreOffice (all of them for a PDF/A).

The result is final: a document signed electronically (TTE) is signed as this PDF, and any later
change would break the signature.
"""

from __future__ import annotations

import datetime
import io
import re
from typing import TYPE_CHECKING

from ..content.problems import IkudocError

if TYPE_CHECKING:  # (the command line imports this module for its choices: nothing heavy at the top)
    from .rendering import Metadata

#: The PDF variants LibreOffice can print, and its PDF export's settings for each.
PDF_VARIANTS = {
    "pdf/a-1b": {"SelectPdfVersion": 1},
    "pdf/a-2b": {"SelectPdfVersion": 2},
    "pdf/a-3b": {"SelectPdfVersion": 3},
    "pdf/ua-1": {"PDFUACompliance": True, "UseTaggedPDF": True},
}
#: What every PDF is printed with: every font embedded (the standard 14 too), the headings as bookmarks.
PDF_OPTIONS = {"EmbedStandardFonts": True, "ExportBookmarks": True}
#: Where a printed page number is looked for: the bottom of the page, around its middle.
FOOTER_HEIGHT = 0.15  # of the page's height
FOOTER_WIDTH = 0.3  # of the page's width, centred


class PdfUnavailable(IkudocError):
    """No PDF can be printed on this machine; the message says what to install, in Indonesian."""


class PrintFailed(IkudocError):
    """LibreOffice could not print one document; the message says why, in Indonesian."""


PDF_UNAVAILABLE = ("PDF tidak dibuat: PDF adalah berkas Word seperti dicetak LibreOffice, dan LibreOffice belum "
                   "bisa dijalankan; pasang LibreOffice (Debian/Ubuntu 'apt-get install libreoffice-writer-nogui "
                   "python3-uno', Windows dan macOS dari libreoffice.org), atau bangun tanpa pdf di --format")


def export_options(variant: str | None) -> dict:
    """The PDF export's settings for ``variant`` (None: a plain PDF)."""
    return {**PDF_OPTIONS, **PDF_VARIANTS.get(variant or "", {})}


def finished_pdf(printed: bytes, metadata: Metadata) -> bytes:
    """LibreOffice's PDF ``printed`` with page labels, the document's properties and its date."""
    import pikepdf  # (only for a PDF)

    labels = page_labels(printed)
    moment = f"D:{metadata.tanggal:%Y%m%d}000000Z"
    with pikepdf.open(io.BytesIO(printed)) as pdf:
        pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array(_label_entries(labels)))
        pdf.Root.Lang = pikepdf.String("id-ID")
        if "/Metadata" in pdf.Root:  # a PDF/A's metadata must say what its document information says
            stamp = datetime.datetime.combine(metadata.tanggal, datetime.time(), datetime.timezone.utc).isoformat()
            with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
                for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                    if key in xmp:
                        xmp[key] = stamp
                xmp["dc:title"] = metadata.judul
                xmp["dc:description"] = metadata.subjek
                xmp["dc:creator"] = [metadata.penulis]
                xmp["dc:language"] = ["id-ID"]
        for key, value in (("/Title", metadata.judul), ("/Subject", metadata.subjek), ("/Author", metadata.penulis),
                           ("/CreationDate", moment), ("/ModDate", moment)):
            pdf.docinfo[key] = pikepdf.String(value)
        for key in ("/DocChecksum", "/ID"):  # LibreOffice's, of the moment it printed: the saved file's own instead
            if key in pdf.trailer:
                del pdf.trailer[key]
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True)
    return output.getvalue()


def page_labels(pdf: bytes) -> list[tuple[str, int] | None]:
    """The page number printed on every page of ``pdf``: ("r", 2) for "ii", ("D", 3) for "3", None for an
    unnumbered page. A number is what stands alone at the foot of a page, around its middle, and follows
    the page before it (a table cell there that happens to hold a number does not)."""
    import pypdfium2
    import roman

    document = pypdfium2.PdfDocument(pdf)
    labels: list[tuple[str, int] | None] = []
    try:
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage().get_text_bounded(
                left=width * (0.5 - FOOTER_WIDTH / 2), bottom=0, right=width * (0.5 + FOOTER_WIDTH / 2),
                top=height * FOOTER_HEIGHT)
            found = set()
            for word in text.split():
                if re.fullmatch(r"\d{1,5}", word):
                    found.add(("D", int(word)))
                elif re.fullmatch(r"[ivxlcdm]{1,8}", word):
                    try:
                        found.add(("r", roman.fromRoman(word.upper())))
                    except roman.InvalidRomanNumeralError:
                        continue
            labels.append(_likely(found, labels[-1] if labels else None))
    finally:
        document.close()
    return labels


def _likely(found: set[tuple[str, int]], before: tuple[str, int] | None) -> tuple[str, int] | None:
    """The page's number among the numbers ``found`` at its foot: the one after the page before's, else
    the first of a new numbering (1 or i)."""
    following = (before[0], before[1] + 1) if before else None
    for choice in (following, ("D", 1), ("r", 1)):
        if choice in found:
            return choice
    return None


def _label_entries(labels: list[tuple[str, int] | None]) -> list:
    """The /Nums of a PDF's page label tree: a new entry where a numbering starts or a page is unnumbered
    (the first page, unnumbered, is the "Sampul")."""
    import pikepdf

    entries: list = []
    before: tuple[str, int] | None = None
    for index, label in enumerate(labels):
        if label is not None and before is not None and label == (before[0], before[1] + 1):
            before = label
            continue
        if label is None:
            entries += [index, pikepdf.Dictionary(P=pikepdf.String("Sampul" if index == 0 else ""))]
        else:
            entries += [index, pikepdf.Dictionary(S=pikepdf.Name("/" + label[0]), St=label[1])]
        before = label
    return entries
