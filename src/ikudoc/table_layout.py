"""Fit the IKU table to its landscape page: choose the table's type size and column widths from what
the columns hold, and decide which rows and which sasaran groups are kept on one page.

The narrow columns (NO, the target years, SAT.) are as wide as their widest entry; the text columns
share the rest in the template's proportions, each at least a readable width. When they do not fit
at the template's type size the table's type shrinks, half a point at a time, down to 7 pt; when
they still do not fit, the table cannot be printed on that paper and TableTooWide says what to change.

Row heights are estimated by wrapping the cells' words in the template's font: a row that fits on a
page is never split, and the rows of one sasaran are kept together under one merged cell when they
fit on a page together; otherwise each row names its sasaran, so that no page shows rows without it.
Both writers follow the result: the HTML template through the context, the Word writer through the
table grid, the table styles' size and the rows' pagination properties.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .fonts import font_files
from .page_setup import PageSetup
from .problems import Loc
from .word_template import TemplateLook

MIN_SIZE = 7.0  # pt: smaller is not readable on paper
SIZE_STEP = 0.5
PT_PER_MM = 72 / 25.4
LINE_HEIGHT = 1.15  # em: single line spacing of Word and LibreOffice (the HTML table uses the same)
PARAGRAPH_GAP = 3.0  # pt after each paragraph in a cell (the template's Isi Tabel: 3 pt)
CELL_PADDING_V = 0.5  # mm above and below a cell's text
SAFETY = 0.9  # of a page's height: what an estimate may fill and still be trusted to fit

SLACK = 0.6  # mm added to every column: the rules between cells, and rounding in Word and LibreOffice

# The text columns share the width in the template's proportions, and hold at least this many
# average characters per line, their title's longest word, and their own longest word up to
# LONG_WORD characters (a longer one is broken across lines).
FLEXIBLE = {"sasaran": (1400, 8), "indikator": (1450, 8), "penjelasan": (4600, 18), "sumber_data": (1300, 8)}
LONG_WORD = 16
# The penjelasan cell's labels are the templates'; rows are estimated with one this long per part.
LABEL_ESTIMATE = "Alasan Pemilihan : "
# What follows the table on its last page: the lampiran's signature block (place and date, position,
# room to sign, name, rank, NIP), about this tall in mm.
FOLLOWING_HEIGHT = 50.0


class TableTooWide(Exception):
    """The table cannot fit its page even at the smallest type; ``loc`` is the widest target."""

    def __init__(self, message: str, loc: Loc):
        super().__init__(message)
        self.loc = loc


@dataclass(frozen=True)
class TableLayout:
    ukuran: float  # pt: the table's type size
    skala: float  # ukuran / the template's size: the Word writer scales the table styles by it
    lebar: tuple[float, ...]  # percent of the table's width, per column, left to right


@dataclass(frozen=True)
class TablePlan:
    layout: TableLayout
    rows_whole: tuple[bool, ...]  # per row, in table order: it fits on a page and is never split
    sasaran_together: tuple[bool, ...]  # per sasaran: its rows fit on one page together


class TextMeasure:
    """Widths of text in a font family, from its font file (or a close estimate without one)."""

    def __init__(self, font: str):
        self.regular, self.bold = _fonts(font)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Points."""
        face = self.bold if bold else self.regular
        if face is None:
            return sum(0.556 if c.isdigit() else 0.6 for c in text) * size * (1.05 if bold else 1)
        return face.getlength(text) / 1000 * size

    def lines(self, text: str, width: float, size: float, bold: bool = False) -> int:
        """How many lines ``text`` takes in ``width`` points, words wrapped and long words broken."""
        count, filled = 1, 0.0
        space = self.width(" ", size, bold)
        for word in text.split():
            word_width = self.width(word, size, bold)
            if filled and filled + space + word_width <= width:
                filled += space + word_width
                continue
            if filled:
                count += 1
            extra = max(0, math.ceil(word_width / width) - 1) if width > 0 else 0
            count += extra
            filled = word_width - extra * width
        return count


@cache
def _fonts(font: str):
    from PIL import ImageFont

    for regular, bold in font_files(font):
        try:
            return ImageFont.truetype(regular, 1000), ImageFont.truetype(bold, 1000)
        except OSError:
            continue
    return None, None


@dataclass(frozen=True)
class _Column:
    kind: str  # "no", "sasaran", ..., "target_sebelum", "target"
    title: str = ""  # a narrow column's header cell: "NO", "SAT.", its year
    entries: tuple[tuple[str, Loc | None], ...] = ()  # what a narrow column must hold whole


def page_text_size(page: PageSetup, look: TemplateLook) -> tuple[float, float]:
    """Width and height (mm) of the text area of the landscape lampiran page."""
    margins = page.margin or look.lampiran_margins
    return page.tinggi - margins.kiri - margins.kanan, page.lebar - margins.atas - margins.bawah


def fit_table(table, look: TemplateLook, page: PageSetup) -> TablePlan:
    """The layout and pagination of ``table`` (an IkuTableContext, read for its texts and titles)."""
    measure = TextMeasure(look.font)
    width, height = page_text_size(page, look)
    columns = _columns(table)
    size = look.table_size
    while True:
        widths = _widths(columns, table, measure, size, look, width)
        if widths is not None:
            break
        if size - SIZE_STEP < MIN_SIZE - 1e-9:
            raise _too_wide(columns, table, measure, look, page, width)
        size -= SIZE_STEP
    layout = TableLayout(size, size / look.table_size, tuple(round(100 * w / width, 3) for w in widths))
    return TablePlan(layout, *_pagination(table, widths, measure, size, look, height))


def _columns(table) -> list[_Column]:
    def target_column(kind: str, year: str) -> _Column:
        entries = []
        for s, sasaran in enumerate(table.sasaran):
            for i, ind in enumerate(sasaran.indikator):
                values = ind.target_sebelum if kind == "target_sebelum" else ind.target
                years = table.tahun_sebelum if kind == "target_sebelum" else table.tahun
                entries.append((values[years.index(year)] or "-", ("sasaran", s, "indikator", i, kind, year)))
        return _Column(kind, year, tuple(entries))

    rows = [ind for s in table.sasaran for ind in s.indikator]
    return [
        _Column("no", table.judul["no"], tuple((f"{ind.nomor}.", None) for ind in rows)),
        _Column("sasaran"), _Column("indikator"), _Column("penjelasan"),
        *(target_column("target_sebelum", year) for year in table.tahun_sebelum),
        *(target_column("target", year) for year in table.tahun),
        _Column("satuan", table.judul["satuan"], tuple((word, None) for ind in rows for word in ind.satuan.split())),
        _Column("sumber_data"),
    ]


def _narrow_width(column: _Column, measure: TextMeasure, size: float, padding: float) -> float:
    """Points: the widest entry kept whole (a number, a word of a text) and the title's longest word."""
    widest = max([measure.width(word, size, bold=True) for word in column.title.split()] +
                 [measure.width(word, size) for text, _ in column.entries for word in _unbreakable(text)])
    return widest + 2 * padding + SLACK * PT_PER_MM


def _texts(table, kind: str) -> Iterator[str]:
    """The texts of a text column."""
    for sasaran in table.sasaran:
        if kind == "sasaran":
            yield sasaran.nama
        for ind in sasaran.indikator:
            if kind == "indikator":
                yield ind.nama
            elif kind == "sumber_data":
                yield ind.sumber_data
            elif kind == "penjelasan":
                yield from ("".join(run.teks for run in runs) for runs in _penjelasan(ind))


def _penjelasan(ind) -> list:
    """The parts of a row's penjelasan cell, as runs."""
    parts = [ind.makna, ind.alasan_pemilihan, ind.rumus_perhitungan]
    return parts + [ind.alasan_perubahan] if ind.alasan_perubahan else parts


def _words(text: str) -> list[str]:
    """The pieces a line may not break inside: words, split after their hyphens and slashes."""
    return [piece for word in text.split() for piece in re.split(r"(?<=[-/])", word) if piece]


def _unbreakable(text: str) -> list[str]:
    """A number is kept whole ("1.234,50"); a text target breaks between its words."""
    return [text] if any(c.isdigit() for c in text) and " " not in text.strip() else text.split()


def _widths(columns: list[_Column], table, measure: TextMeasure, size: float, look: TemplateLook,
            width_mm: float) -> list[float] | None:
    """Column widths in mm at ``size``, or None when the text columns would be narrower than readable."""
    padding = look.cell_margin * PT_PER_MM * size / look.table_size  # cell margins scale with the type
    widths: list[float | None] = [
        None if c.kind in FLEXIBLE else _narrow_width(c, measure, size, padding) / PT_PER_MM for c in columns]
    for group in ("target_sebelum", "target"):  # a group's years are as wide as its title's longest word
        members = [n for n, c in enumerate(columns) if c.kind == group]
        if members:
            title = table.judul[group]
            needed = max(measure.width(w, size, bold=True) for w in title.split()) / PT_PER_MM
            needed += (2 * padding) / PT_PER_MM + SLACK
            equal = max(max(widths[n] for n in members), needed / len(members))
            for n in members:
                widths[n] = equal
    average = measure.width("abcdefghijklmnopqrstuvwxyz", size) / 26
    minimum = {}
    for kind, (_, chars) in FLEXIBLE.items():
        longest_word = max((measure.width(w, size) for text in _texts(table, kind) for w in _words(text)), default=0)
        title_word = max(measure.width(w, size, bold=True) for w in table.judul[kind].split())
        needed = max(chars * average, min(longest_word, LONG_WORD * average), title_word)
        minimum[kind] = (needed + 2 * padding) / PT_PER_MM + SLACK
    room = width_mm - sum(w for w in widths if w is not None)
    flexible = [n for n, c in enumerate(columns) if c.kind in FLEXIBLE]
    if room < sum(minimum[columns[n].kind] for n in flexible):
        return None
    # Share the room in proportion to the weights; a column below its minimum gets the minimum.
    fixed_at_minimum: set[int] = set()
    while True:
        free = [n for n in flexible if n not in fixed_at_minimum]
        left = room - sum(minimum[columns[n].kind] for n in fixed_at_minimum)
        weights = sum(FLEXIBLE[columns[n].kind][0] for n in free)
        share = {n: left * FLEXIBLE[columns[n].kind][0] / weights for n in free}
        below = {n for n in free if share[n] < minimum[columns[n].kind]}
        if not below:
            break
        fixed_at_minimum |= below
    for n in flexible:
        widths[n] = minimum[columns[n].kind] if n in fixed_at_minimum else share[n]
    return [w for w in widths if w is not None]


def _too_wide(columns, table, measure, look, page, width_mm) -> TableTooWide:
    size = MIN_SIZE
    padding = look.cell_margin * PT_PER_MM * size / look.table_size
    targets = [c for c in columns if c.kind in ("target_sebelum", "target")]
    widest_text, widest_loc, widest = "", None, -1.0
    for column in targets:
        for text, loc in column.entries:
            shown = max(measure.width(w, size) for w in _unbreakable(text))
            if shown > widest:
                widest_text, widest_loc, widest = text, loc, shown
    years_mm = sum(_narrow_width(c, measure, size, padding) for c in targets) / PT_PER_MM
    paper = f"{page.kertas} mendatar"
    return TableTooWide(
        f"tabel IKU tidak muat di kertas {paper} (lebar teks {width_mm:.0f} mm), walaupun hurufnya sudah "
        f"diperkecil sampai {MIN_SIZE:g} pt: {len(targets)} kolom target (target terlebar \"{widest_text}\") "
        f"memerlukan {years_mm:.0f} mm dan kolom sasaran, indikator, penjelasan dan sumber data tidak lagi "
        "cukup lebar untuk dibaca. Kurangi jumlah tahun target, pakai kertas yang lebih lebar "
        "(kertas = \"F4\" di [dokumen], atau --kertas F4), atau perkecil margin kiri dan kanan",
        widest_loc or ("sasaran", 0, "indikator", 0, "target"),
    )


def _row_heights(table, widths: list[float], measure: TextMeasure, size: float,
                 look: TemplateLook) -> Iterator[float]:
    """Estimated height (mm) of every row, in table order."""
    padding = look.cell_margin * size / look.table_size
    inner = {kind: (w - 2 * padding) * PT_PER_MM for kind, w in zip(table.kolom, widths, strict=True)}
    line = LINE_HEIGHT * size
    for sasaran in table.sasaran:
        for ind in sasaran.indikator:
            penjelasan = sum(
                measure.lines(LABEL_ESTIMATE + "".join(run.teks for run in runs), inner["penjelasan"], size) * line
                + PARAGRAPH_GAP for runs in _penjelasan(ind))
            cells = [penjelasan, measure.lines(ind.nama, inner["indikator"], size) * line,
                     measure.lines(ind.sumber_data, inner["sumber_data"], size) * line]
            if len(sasaran.indikator) == 1:
                cells.append(measure.lines(sasaran.nama, inner["sasaran"], size) * line)
            yield max(cells) / PT_PER_MM + 2 * CELL_PADDING_V


def _header_height(table, widths: list[float], measure: TextMeasure, size: float, look: TemplateLook) -> float:
    """Estimated height (mm) of the two header rows, repeated on every page."""
    padding = look.cell_margin * size / look.table_size
    kinds = table.kolom
    line = LINE_HEIGHT * size
    tallest = 0.0
    for kind in dict.fromkeys(kinds):
        span = sum(w for k, w in zip(kinds, widths, strict=True) if k == kind) - 2 * padding
        lines = measure.lines(table.judul[kind], span * PT_PER_MM, size, bold=True)
        tallest = max(tallest, lines * line + (line if kind.startswith("target") else 0))
    return tallest / PT_PER_MM + 4 * CELL_PADDING_V


def _pagination(table, widths, measure, size, look, page_height) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """Which rows fit on a page (and are kept whole), and which sasaran's rows fit on a page together;
    the last row, and the last sasaran's rows, together with the signature block after the table."""
    room = (page_height - _header_height(table, widths, measure, size, look)) * SAFETY
    heights = list(_row_heights(table, widths, measure, size, look))
    heights[-1] += FOLLOWING_HEIGHT  # the last row shares its page with the signature block
    together, position = [], 0
    for sasaran in table.sasaran:
        own = heights[position:position + len(sasaran.indikator)]
        position += len(own)
        together.append(len(own) == 1 or sum(own) <= room)
    return tuple(height <= room for height in heights), tuple(together)
