"""Fit a table of sasaran and indicators (sasaran_table) to its page: choose the table's type size and
column widths from what the columns hold (as the kind's column specifications say), and decide which
rows and which sasaran groups are kept on one page.

The narrow columns (NO, the target years, SAT.) are as wide as their widest entry; the text columns
share the rest in the template's proportions, each at least a readable width. When they do not fit
at the template's type size the table's type shrinks, half a point at a time, down to 7 pt; when
they still do not fit, the table cannot be printed on that paper and TableTooWide says what to change.

Row heights are estimated by wrapping the cells' words in the template's font: a row that fits on a
page is never split, and the rows of one sasaran are kept together under one merged cell when they
fit on a page together; otherwise each row names its sasaran, so that no page shows rows without it. A
tujuan's rows are kept on the page of the first rows under it, when they fit there together.
Both writers follow the result: the HTML template through the context, the Word writer through the
table grid, the table styles' size and the rows' pagination properties (a render.WordTable).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..content.problems import Loc
from .fonts import font_files
from .page_setup import PageSetup
from .word_template import TemplateLook

MIN_SIZE = 7.0  # pt: smaller is not readable on paper
SIZE_STEP = 0.5
PT_PER_MM = 72 / 25.4
LINE_HEIGHT = 1.15  # em: single line spacing of Word and LibreOffice (the HTML table uses the same)
PARAGRAPH_GAP = 3.0  # pt after each paragraph in a cell (the template's Isi Tabel: 3 pt)
CELL_PADDING_V = 0.5  # mm above and below a cell's text
SAFETY = 0.9  # of a page's height: what an estimate may fill and still be trusted to fit

SLACK = 0.6  # mm added to every column: the rules between cells, and rounding in Word and LibreOffice

# The text columns share the width in the proportions of their specifications, and hold at least their
# number of average characters per line, their title's longest word, and their own longest word up
# to LONG_WORD characters (a longer one is broken across lines).
LONG_WORD = 20
# The penjelasan cell's labels are the templates'; rows are estimated with one this long per part.
LABEL_ESTIMATE = "Alasan Pemilihan : "
# A signature block (place and date, position, room to sign, name, rank, NIP) is about this tall, in mm:
# what follows a lampiran's table on its last page.
SIGNATURE_HEIGHT = 50.0


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
    tinggi_judul: float = 0.0  # mm the first header row needs: LibreOffice sizes a repeated header that
    #                            has a second row (of years) by its one-line cells, and cuts the titles


@dataclass(frozen=True)
class TablePlan:
    layout: TableLayout
    rows_whole: tuple[bool, ...]  # per row, in table order: it fits on a page and is never split
    sasaran_together: tuple[bool, ...]  # per sasaran: its rows fit on one page together
    with_next: tuple[bool, ...] = ()  # per group: a tujuan kept with the first rows after it


class TextMeasure:
    """Widths of text in a font family, from its font file (or a close estimate without one)."""

    def __init__(self, font: str):
        self.regular, self.bold = _fonts(font)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Points."""
        face = self.bold if bold else self.regular
        if face is None:
            return sum(0.556 if c.isdigit() else 0.6 for c in text) * size * (1.05 if bold else 1)
        return _advance(face, text) / 1000 * size

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


@lru_cache(maxsize=65536)
def _advance(face, text: str) -> float:
    """The advance of ``text`` at 1000 points: the same words are measured in every table and file."""
    return face.getlength(text)


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
    """A grid column, as the fitting sees it."""

    kind: str  # the table column it belongs to: "no", "sasaran", ..., "target"
    title: str = ""  # a narrow column's header cell: "NO", "SAT.", its year
    entries: tuple[tuple[str, Loc | None], ...] = ()  # what a narrow column must hold whole
    text: bool = False  # a text column, sharing the width with the others
    weight: int = 0  # a text column's share of the width


def page_text_size(page: PageSetup, look: TemplateLook, landscape: bool = True) -> tuple[float, float]:
    """Width and height (mm) of the text area of a landscape (lampiran) or portrait page."""
    margins = page.margin or look.lampiran_margins
    width, height = (page.tinggi, page.lebar) if landscape else (page.lebar, page.tinggi)
    return width - margins.kiri - margins.kanan, height - margins.atas - margins.bawah


def fit_table(table, look: TemplateLook, page: PageSetup, landscape: bool = True, following: float = 0.0,
              template_widths: tuple[int, ...] | None = None) -> TablePlan:
    """The layout and pagination of ``table`` (a SasaranTable, read for its columns and cells) on a
    ``landscape`` or portrait page, ``following`` mm of other content after it on its last page; with
    ``template_widths`` its columns keep the template's proportions and its type the template's size."""
    measure = TextMeasure(look.font)
    width, height = page_text_size(page, look, landscape)
    columns = _columns(table)
    if template_widths:
        size = look.table_size
        widths = [w * width / sum(template_widths) for w in template_widths]
    else:
        sizes = [look.table_size - SIZE_STEP * n for n in range(int((look.table_size - MIN_SIZE) / SIZE_STEP) + 1)]
        # Long words are kept whole while the type can shrink; only then broken inside their column.
        found = next(((size, widths) for whole_words in (True, False) for size in sizes
                      if (widths := _widths(columns, table, measure, size, look, width, whole_words)) is not None),
                     None)
        if found is None:
            raise _too_wide(columns, table, measure, look, page, width, landscape)
        size, widths = found
    layout = TableLayout(size, size / look.table_size, tuple(round(100 * w / width, 3) for w in widths),
                         round(_first_header_row(table, widths, measure, size, look), 1))
    return TablePlan(layout, *_pagination(table, widths, measure, size, look, height, following))


def _rows(table):
    """(where the row's indicator is written, or None, row) of every row, in table order: the row's own
    place (sasaran_table.TableRow.letak), else its place in a table of sasaran."""
    for s, sasaran in enumerate(table.sasaran):
        for i, row in enumerate(sasaran.indikator):
            if row.nomor is None:  # a tujuan's name alone: nothing of it is written under a year
                yield None, row
            else:
                yield (row.letak or ("sasaran", s, "indikator", i)), row


def _columns(table) -> list[_Column]:
    columns = [_Column("no", table.judul_no, tuple((f"{row.nomor}." if row.nomor else "", None)
                                                   for _, row in _rows(table)))]
    for index, column in enumerate(table.kolom):
        if column.tahun:
            columns += [_Column(column.nama, year, tuple(
                (row.sel[index].nilai[n] or "-", loc and (*loc, column.nama, *([year] if column.kunci_tahun else [])))
                for loc, row in _rows(table))) for n, year in enumerate(column.tahun)]
        elif column.jenis == "sempit":
            columns.append(_Column(column.nama, column.judul, tuple(
                (_cell_text(row.sel[index]), loc and (*loc, column.nama)) for loc, row in _rows(table))))
        else:
            columns.append(_Column(column.nama, text=True, weight=column.bobot))
    return columns


def _cell_text(cell) -> str:
    """A cell's text, its parts joined (their labels estimated), its values (a narrow column's) as shown."""
    if cell.bagian:
        return " ".join(LABEL_ESTIMATE + "".join(run.teks for run in part.isi) for part in cell.bagian)
    if cell.nilai is not None:
        return " ".join(value or "-" for value in cell.nilai)
    return "".join(run.teks for run in cell.isi)


def _narrow_width(column: _Column, measure: TextMeasure, size: float, padding: float) -> float:
    """Points: the widest entry kept whole (a number; a piece of a text, which breaks between words and
    after - and /) and the title's longest word."""
    widest = max([measure.width(word, size, bold=True) for word in column.title.split()] +
                 [measure.width(piece, size) for text, _ in column.entries for piece in _unbreakable(text)])
    return widest + 2 * padding + SLACK * PT_PER_MM


def _words(text: str) -> list[str]:
    """The pieces a line may not break inside: words, split after their hyphens and slashes."""
    return [piece for word in text.split() for piece in re.split(r"(?<=[-/])", word) if piece]


def _unbreakable(text: str) -> list[str]:
    """The pieces of a narrow cell: a number is kept whole ("1.234,50"), a band breaks only after its dash
    ("143,33 -", "139,83": the templates tie the dash to the first number); a text breaks as words do."""
    if band := re.fullmatch(r"([-+]?[\d.,]+)\s+-\s+([-+]?[\d.,]+)", text.strip()):
        return [f"{band[1]} -", band[2]]
    return [text] if re.fullmatch(r"[-+]?[\d.,]+%?", text.strip()) else _words(text)


def _widths(columns: list[_Column], table, measure: TextMeasure, size: float, look: TemplateLook,
            width_mm: float, whole_words: bool = True) -> list[float] | None:
    """Grid column widths in mm at ``size``, or None when the text columns would be narrower than readable.
    With ``whole_words`` a text column is wide enough for its longest word (up to LONG_WORD characters)."""
    padding = look.cell_margin * PT_PER_MM * size / look.table_size  # cell margins scale with the type
    widths: list[float | None] = [
        None if c.text else _narrow_width(c, measure, size, padding) / PT_PER_MM for c in columns]
    for column in table.kolom:  # the years under a title are together as wide as its longest word
        members = [n for n, c in enumerate(columns) if c.kind == column.nama]
        if column.tahun:
            needed = max(measure.width(w, size, bold=True) for w in column.judul.split()) / PT_PER_MM
            needed += (2 * padding) / PT_PER_MM + SLACK
            missing = needed - sum(widths[n] for n in members)
            for n in members:
                widths[n] += max(0.0, missing) / len(members)
    minimum = _text_minimums(table, measure, size, padding, whole_words)
    room = width_mm - sum(w for w in widths if w is not None)
    flexible = [n for n, c in enumerate(columns) if c.text]
    if room < sum(minimum[columns[n].kind] for n in flexible):
        return None
    # Share the room in proportion to the weights; a column below its minimum gets the minimum.
    fixed_at_minimum: set[int] = set()
    share: dict[int, float] = {}
    while flexible:
        free = [n for n in flexible if n not in fixed_at_minimum]
        left = room - sum(minimum[columns[n].kind] for n in fixed_at_minimum)
        weights = sum(columns[n].weight for n in free)
        share = {n: left * columns[n].weight / weights for n in free}
        below = {n for n in free if share[n] < minimum[columns[n].kind]}
        if not below:
            break
        fixed_at_minimum |= below
    for n in flexible:
        widths[n] = minimum[columns[n].kind] if n in fixed_at_minimum else share[n]
    if not flexible:  # narrow columns only (a table of years, say): they share what is left
        widths = [w * width_mm / sum(widths) for w in widths]
    return [w for w in widths if w is not None]


def _text_minimums(table, measure: TextMeasure, size: float, padding: float, whole_words: bool) -> dict[str, float]:
    """The least width (mm) of each text column: readable lines, its title's longest word, and with
    ``whole_words`` its own longest word (up to LONG_WORD average characters)."""
    average = measure.width("abcdefghijklmnopqrstuvwxyz", size) / 26
    minimum = {}
    for index, column in enumerate(table.kolom):
        if column.jenis != "teks":
            continue
        longest = max((measure.width(w, size) for _, row in _rows(table)
                       for w in _words(_cell_text(row.sel[index]))), default=0) if whole_words else 0
        title_word = max(measure.width(w, size, bold=True) for w in column.judul.split())
        needed = max(column.huruf * average, min(longest, LONG_WORD * average), title_word)
        minimum[column.nama] = (needed + 2 * padding) / PT_PER_MM + SLACK
    return minimum


def _too_wide(columns: list[_Column], table, measure: TextMeasure, look: TemplateLook, page: PageSetup,
              width_mm: float, landscape: bool) -> TableTooWide:
    """What to tell when even the smallest type with long words broken does not fit: the room the narrow
    columns need (naming their widest entry, where it is written) and the text columns' least room."""
    size = MIN_SIZE
    padding = look.cell_margin * PT_PER_MM * size / look.table_size
    narrow = [c for c in columns if not c.text]
    widest_text, widest_loc, widest = "", None, -1.0
    for column in narrow:
        for text, loc in column.entries:
            shown = max((measure.width(piece, size) for piece in _unbreakable(text)), default=0)
            if loc is not None and shown > widest:
                widest_text, widest_loc, widest = text, loc, shown
    narrow_mm = sum(_narrow_width(c, measure, size, padding) for c in narrow) / PT_PER_MM
    text_mm = sum(_text_minimums(table, measure, size, padding, False).values())
    years = sum(1 for c in narrow if c.title.isdigit())
    wider = "" if page.kertas == "F4" else "pakai kertas F4 (kertas = \"F4\" di [dokumen], atau --kertas F4), "
    chosen = f" ({table.pengaturan})" if table.pengaturan else ""
    return TableTooWide(
        f"{table.nama} tidak muat di kertas {page.kertas} {'mendatar' if landscape else 'tegak'} (lebar teks "
        f"{width_mm:.0f} mm), walaupun hurufnya sudah diperkecil sampai {MIN_SIZE:g} pt: {len(narrow)} kolom sempit "
        f"({years} di antaranya kolom tahun; isi terlebar \"{widest_text}\") memerlukan {narrow_mm:.0f} mm, dan kolom "
        f"teks paling sedikit {text_mm:.0f} mm. Kurangi jumlah tahun atau kolom{chosen}, persingkat isi terlebar "
        f"itu, {wider}atau perkecil margin kiri dan kanan",
        widest_loc or ("tabel",),
    )


def _cell_heights(table, widths: list[float], measure: TextMeasure, size: float, look: TemplateLook
                  ) -> list[list[float]]:
    """Estimated height (mm) of every cell of every row, in table order, each as if alone in its row."""
    padding = look.cell_margin * size / look.table_size
    line = LINE_HEIGHT * size
    starts, position = [], 1  # the first grid column of each column (grid column 0 is NO)
    for column in table.kolom:
        starts.append(position)
        position += len(column.tahun) or 1
    inner = [(w - 2 * padding) * PT_PER_MM for w in widths]
    heights = []
    for _, row in _rows(table):
        cells = []
        for index, cell in enumerate(row.sel):
            if cell.bagian:
                points = sum(measure.lines(LABEL_ESTIMATE + "".join(r.teks for r in part.isi),
                                           inner[starts[index]], size) * line + PARAGRAPH_GAP for part in cell.bagian)
            elif cell.nilai is not None:
                points = max(measure.lines(value, inner[starts[index] + n], size) * line
                             for n, value in enumerate(cell.nilai))
            else:
                points = measure.lines(_cell_text(cell), inner[starts[index]], size) * line
            cells.append(points / PT_PER_MM + 2 * CELL_PADDING_V)
        heights.append(cells)
    return heights


def _title_heights(table, widths: list[float], measure: TextMeasure, size: float, look: TemplateLook
                   ) -> list[float]:
    """Estimated height (mm) of each column's title, wrapped across the grid columns it spans."""
    padding = look.cell_margin * size / look.table_size
    line = LINE_HEIGHT * size
    heights = []
    for column in table.kolom:
        span = sum(w for k, w in zip(table.grid, widths, strict=True) if k == column.nama) - 2 * padding
        heights.append(measure.lines(column.judul, span * PT_PER_MM, size, bold=True) * line / PT_PER_MM)
    return heights


def _header_height(table, widths: list[float], measure: TextMeasure, size: float, look: TemplateLook) -> float:
    """Estimated height (mm) of the header rows, repeated on every page."""
    year_row = LINE_HEIGHT * size / PT_PER_MM + 2 * CELL_PADDING_V if table.dua_baris else 0
    titles = _title_heights(table, widths, measure, size, look)
    return max(title + (year_row if column.tahun else 0) for title, column in zip(titles, table.kolom,
                                                                                     strict=True)) + 2 * CELL_PADDING_V


def _first_header_row(table, widths: list[float], measure: TextMeasure, size: float, look: TemplateLook) -> float:
    """Estimated least height (mm) of the first header row: the titles over years, and the titles that
    span both rows less the row of years."""
    if not table.dua_baris:
        return 0.0
    year_row = LINE_HEIGHT * size / PT_PER_MM + 2 * CELL_PADDING_V
    titles = _title_heights(table, widths, measure, size, look)
    return max(title if column.tahun else title - year_row
               for title, column in zip(titles, table.kolom, strict=True)) + 2 * CELL_PADDING_V


def _pagination(table, widths, measure, size, look, page_height, following) -> tuple[
        tuple[bool, ...], tuple[bool, ...], tuple[bool, ...]]:
    """Which rows fit on a page (and are kept whole), which sasaran's rows fit on a page together, and
    which tujuan fit on a page with the first rows after it; the last row, and the last sasaran's rows,
    together with the ``following`` mm after the table.

    Cells that merge down (the sasaran, [tabel] gabung) count for the group of rows they span: a long
    sasaran name over short rows makes the group as tall as the name. A group that is not kept together
    shows its sasaran in every row, so each of its rows counts the name too."""
    room = (page_height - _header_height(table, widths, measure, size, look)) * SAFETY
    cells = iter(_cell_heights(table, widths, measure, size, look))
    merging = [cell.kolom in ("sasaran", *table.gabung) for cell in table.sasaran[0].indikator[0].sel]
    whole, together = [], []
    heights = []  # per group: (the height of its first block, of its last block)
    last = len(table.sasaran) - 1
    for number, sasaran in enumerate(table.sasaran):
        group = [next(cells) for _ in sasaran.indikator]
        own = [max((h for h, merged in zip(row, merging, strict=True) if not merged), default=0) for row in group]
        alone = [max(row) for row in group]  # each row naming its sasaran (and showing its gabung cells)
        spanning = max((max(row[n] for row in group) for n, merged in enumerate(merging) if merged), default=0)
        if number == last:  # the last row shares its page with what follows the table
            own[-1] += following
            alone[-1] += following
        fits_together = len(group) == 1 or max(sum(own), spanning) <= room
        together.append(fits_together)
        whole += [height <= room for height in (own if fits_together and len(group) > 1 else alone)]
        block = max(sum(own), spanning) if fits_together and table.berkelompok else None
        heights.append((block or alone[0], block or alone[-1]))
    with_next = tuple(group.jenis == "tujuan" and number < last and heights[number][1] + heights[number + 1][0] <= room
                      for number, group in enumerate(table.sasaran))
    return tuple(whole), tuple(together), with_next
