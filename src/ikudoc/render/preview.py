"""Render printed pages to PNG thumbnails and one contact sheet, for a quick look and for review in
pull requests: the PDF, which is the Word file as LibreOffice prints it, the document that gets signed
(pypdfium2 renders, Pillow composes)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw, ImageFont

DPI = 100  # pages readable on a screen, files still small
COLUMNS = 7
GAP = 16
CAPTION = 40  # px for a section's caption
#: What the contact sheet says its pages are.
TITLE = "Halaman seperti dicetak (berkas Word yang ditandatangani, dan PDF-nya)"


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


def contact_sheet(sections: dict[str, list[Image.Image]]) -> Image.Image:
    """Each section's pages in a grid under its caption, each page with its index (1, 2, ... as in a
    PDF viewer) under it; the sections one below the other."""
    pages = [page for section in sections.values() for page in section]
    cell_w = max(p.width for p in pages)
    cell_h = max(p.height for p in pages) + GAP
    columns = min(COLUMNS, max(len(section) for section in sections.values()))
    heights = [CAPTION + ((len(s) + COLUMNS - 1) // COLUMNS) * (cell_h + GAP) for s in sections.values()]
    sheet = Image.new("RGB", (columns * (cell_w + GAP) + GAP, sum(heights) + GAP), (200, 200, 200))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=CAPTION * 2 // 3)
    top = GAP
    for (caption, section), height in zip(sections.items(), heights, strict=True):
        draw.text((GAP, top), caption, fill=(0, 0, 0), font=font)
        for index, page in enumerate(section):
            x = GAP + (index % COLUMNS) * (cell_w + GAP) + (cell_w - page.width) // 2
            y = top + CAPTION + (index // COLUMNS) * (cell_h + GAP)
            sheet.paste(page, (x, y))
            draw.text((x, y + page.height + 2), str(index + 1), fill=(0, 0, 0))
        top += height
    return sheet


def previews(pdf: bytes) -> dict[str, bytes]:
    """File name -> PNG bytes of the pages of ``pdf``: halaman-01.png ..., and ringkasan.png, the contact sheet."""
    pages = page_images(pdf)
    files = {f"halaman-{number:02d}.png": _png(page) for number, page in enumerate(pages, 1)}
    files["ringkasan.png"] = _png(contact_sheet({TITLE: pages}))
    return files


def stale_pages(folder: Path, current: dict[str, bytes]) -> list[Path]:
    """Thumbnails left from an earlier, longer document (or an earlier ikudoc's names)."""
    return [path for path in folder.glob("*.png") if path.name not in current]
