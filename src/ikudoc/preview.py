"""Render a PDF's pages to PNG thumbnails and one contact sheet, for a quick look and for review
in pull requests (pypdfium2 renders, Pillow composes)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

DPI = 60  # thumbnails: legible headings, small files
COLUMNS = 5
GAP = 16


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def page_images(pdf: bytes, dpi: int = DPI) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def contact_sheet(pages: list[Image.Image]) -> Image.Image:
    """All pages in a grid, each with its page index (1, 2, ... as in the PDF viewer) under it."""
    cell_w = max(p.width for p in pages)
    cell_h = max(p.height for p in pages) + GAP
    rows = (len(pages) + COLUMNS - 1) // COLUMNS
    columns = min(COLUMNS, len(pages))
    sheet = Image.new("RGB", (columns * (cell_w + GAP) + GAP, rows * (cell_h + GAP) + GAP), (200, 200, 200))
    draw = ImageDraw.Draw(sheet)
    for index, page in enumerate(pages):
        x = GAP + (index % COLUMNS) * (cell_w + GAP) + (cell_w - page.width) // 2
        y = GAP + (index // COLUMNS) * (cell_h + GAP)
        sheet.paste(page, (x, y))
        draw.text((x, y + page.height + 2), str(index + 1), fill=(0, 0, 0))
    return sheet


def previews(pdf: bytes) -> dict[str, bytes]:
    """File name -> PNG bytes: halaman-01.png ... and ringkasan.png (the contact sheet)."""
    pages = page_images(pdf)
    files = {f"halaman-{number:02d}.png": _png(page) for number, page in enumerate(pages, 1)}
    files["ringkasan.png"] = _png(contact_sheet(pages))
    return files


def stale_pages(folder: Path, current: dict[str, bytes]) -> list[Path]:
    """Thumbnails left from an earlier, longer document."""
    return [path for path in folder.glob("halaman-*.png") if path.name not in current]
