"""The document's font for HTML and PDF: the Word template's own, followed by a metric-compatible
font that Debian ships, so that the PDF has the Word file's line breaks on any machine; and the
font files to measure text with when fitting the IKU table."""

from __future__ import annotations

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


def css_font_stack(font: str) -> str:
    """'"Bookman Old Style", "TeX Gyre Bonum", serif' for a CSS font-family."""
    family = [font, *METRIC_COMPATIBLE.get(font, [])]
    generic = "serif" if font in SERIF else "sans-serif"
    return ", ".join(f'"{name}"' for name in family) + f", {generic}"


# Font files (regular, bold) by family: Windows' own names, then the metric-compatible free font.
FONT_FILES = {
    "Arial": [("arial.ttf", "arialbd.ttf"), ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")],
    "Helvetica": [("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")],
    "Times New Roman": [("times.ttf", "timesbd.ttf"), ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf")],
    "Courier New": [("cour.ttf", "courbd.ttf"), ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf")],
    "Bookman Old Style": [("BOOKOS.TTF", "BOOKOSB.TTF"), ("texgyrebonum-regular.otf", "texgyrebonum-bold.otf")],
    "Calibri": [("calibri.ttf", "calibrib.ttf"), ("Carlito-Regular.ttf", "Carlito-Bold.ttf")],
    "Cambria": [("cambria.ttc", "cambriab.ttf"), ("Caladea-Regular.ttf", "Caladea-Bold.ttf")],
}


def font_files(font: str) -> list[tuple[str, str]]:
    """Candidate (regular, bold) font file names for ``font``, best first; Liberation Sans last."""
    return [*FONT_FILES.get(font, []), *FONT_FILES["Helvetica"]]
