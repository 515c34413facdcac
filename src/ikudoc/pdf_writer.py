"""Render the document's HTML into a print-ready PDF with WeasyPrint: paged as the Word layout
intends (named pages, roman front matter, landscape lampiran), fonts embedded, metadata from the
content (title, author, subject, language, dates), optionally as PDF/A for records offices."""

from __future__ import annotations

import contextlib
import datetime
import logging
import os

PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-3u", "pdf/ua-1")


class PdfUnavailable(Exception):
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


def render_pdf(html: bytes, date: datetime.date, variant: str | None = None) -> bytes:
    """The PDF of the document page ``html``, dated ``date``."""
    try:
        import weasyprint  # imported here: it takes a second, and only PDF needs it
    except OSError as error:  # its system libraries (Pango) are missing
        raise PdfUnavailable(
            "PDF tidak bisa dibuat: pustaka Pango tidak ditemukan; di Debian/Ubuntu pasang "
            f"'apt-get install libpango-1.0-0 libpangoft2-1.0-0' ({error})"
        ) from None
    # WeasyPrint reports CSS it ignores through logging; the template's screen-only rules are meant.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    with _source_date(date):
        return weasyprint.HTML(string=html.decode("utf-8")).write_pdf(pdf_variant=variant)
