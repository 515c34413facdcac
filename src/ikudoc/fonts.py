"""The document's font for HTML and PDF: the Word template's own, followed by a metric-compatible
font that Debian ships, so that the PDF has the Word file's line breaks on any machine."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Fonts common in Indonesian offices -> free fonts with the same metrics (Debian: fonts-liberation,
# fonts-texgyre, fonts-crosextra-carlito, fonts-crosextra-caladea).
METRIC_COMPATIBLE = {
    "Arial": ["Liberation Sans"],
    "Helvetica": ["Liberation Sans"],
    "Times New Roman": ["Liberation Serif"],
    "Courier New": ["Liberation Mono"],
    "Bookman Old Style": ["TeX Gyre Bonum"],
    "Calibri": ["Carlito"],
    "Cambria": ["Caladea"],
}
SERIF = {"Times New Roman", "Bookman Old Style", "Cambria"}


def word_template_font(template: Path) -> str:
    """The default font of a Word template (its docDefaults), Arial when it names none."""
    with zipfile.ZipFile(template) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    return (fonts.get(f"{W}ascii") if fonts is not None else None) or "Arial"


def css_font_stack(font: str) -> str:
    """'"Bookman Old Style", "TeX Gyre Bonum", serif' for a CSS font-family."""
    family = [font, *METRIC_COMPATIBLE.get(font, [])]
    generic = "serif" if font in SERIF else "sans-serif"
    return ", ".join(f'"{name}"' for name in family) + f", {generic}"
