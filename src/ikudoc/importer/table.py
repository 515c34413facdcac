"""The IKU table's grid -> sasaran with their indicators and targets.

The header is one or two rows: column titles, and under a target group ("TARGET ... (SEBELUM
PERUBAHAN)", "(SETELAH PERUBAHAN)", "KONDISI AWAL") its years. A sasaran cell merged down over its
indicators, repeated in each row or left empty under the first is one sasaran. In a "TUJUAN/SASARAN"
column a tujuan is the cell written "Tujuan ...", in bold among plain sasaran, or without an indicator
beside it; the sasaran under it are its own. The penjelasan cell is split into makna / alasan pemilihan
/ rumus perhitungan by its labels, and a provincial cell's tipe perhitungan / penanggung jawab / sumber
data too, whose order becomes [tabel] penjelasan; two or more such columns (DEFINISI OPERASIONAL,
FORMULA PERHITUNGAN) stay columns of their own. Targets written the Indonesian way ("33,54", "1.234,5")
become numbers (33.54, 1234.5), a band "143,33 - 139,83" two of them ([143.33, 139.83]); "N/A", "-",
"60 kali" stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..iku.columns import COLUMNS, DEFAULT_ORDER, REVISED_TARGET_TITLE, TUJUAN_TITLE
from .periksa import Periksa
from .reading import Cell, Grid
from .structure import is_iku_table

_YEAR = re.compile(r"^(?:TAHUN\s+)?((?:19|20|21)\d\d)\s*(?:\*+\)?)?$", re.IGNORECASE)
# (field, how its label is written) in the penjelasan cell.
_LABELS = (
    ("makna", r"Makna(?:\s+Indikator)?|Definisi(?:\s+Operasional)?"),
    ("alasan_pemilihan", r"Alasan\s+Pemilihan(?:\s+Indikator)?"),
    ("rumus_perhitungan", r"Rumus(?:\s+Perhitungan)?|Cara\s+Perhitungan|Metode\s+Perhitungan|Formula(?:si)?"),
    ("alasan_perubahan", r"Alasan\s+Perubahan(?:\s+Target)?"),
    ("kumulatif", r"Tipe\s+Perhitungan|Jenis\s+Perhitungan"),
    ("penanggung_jawab", r"Penanggung\s*Jawab"),
    ("sumber_data", r"Sumber\s+Data"),
)
#: The labelled parts ikudoc's penjelasan cell holds without [tabel] penjelasan, in its order.
_DEFAULT_PARTS = ("makna", "alasan_pemilihan", "rumus_perhitungan", "alasan_perubahan")
_NOT_CUMULATIVE = re.compile(r"(?:non|tidak|bukan)[\s-]*kumulatif", re.IGNORECASE)
_LABEL = re.compile(r"(?:^|(?<=\n))[ \t]*(?P<open>\**)[ \t]*(?:"
                    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _LABELS)
                    + r")[ \t]*(?P<close>\**)[ \t]*:[ \t]*(?P<after>\**)", re.IGNORECASE)
_MERGEABLE = ("satuan", "sumber_data", "penanggung_jawab")  # [tabel] gabung
_SASARAN_PREFIX = re.compile(r"^SASARAN(?:\s+STRATEGIS)?\s*\d*\s*[:.]\s*", re.IGNORECASE)
_TUJUAN_PREFIX = re.compile(r"^TUJUAN(?:\s+\d+)?\s*[:.]\s*", re.IGNORECASE)
_BAND = re.compile(r"(-?[\d.,]+)\s*(?:-|–|—|s\.?\s*d\.?|sampai)\s*(-?[\d.,]+)", re.IGNORECASE)
_PARTS = ("makna", "alasan_pemilihan", "rumus_perhitungan")  # columns a penjelasan cell may be split into
_NIP = re.compile(r"\bNIP\b")


@dataclass
class Column:
    role: str  # a column name of [tabel] kolom, "no", a penjelasan part (makna, ...), "kode", or "" (unknown)
    title: str
    year: str = ""


@dataclass
class TableData:
    sasaran: list[dict] = field(default_factory=list)
    tujuan: list[dict] = field(default_factory=list)  # [[tujuan]], when a TUJUAN/SASARAN column has them
    years: tuple[str, ...] = ()
    revised: bool = False  # targets before and after a revision
    kolom: list[str] | None = None  # [tabel] kolom, when the order is not ikudoc's default
    judul: dict[str, str] = field(default_factory=dict)  # [tabel] judul: titles that are not the default
    gabung: list[str] = field(default_factory=list)  # [tabel] gabung: columns merged over a sasaran's rows
    penjelasan: list[str] = field(default_factory=list)  # the penjelasan cells' labelled parts, in order

    @property
    def indicators(self) -> int:
        return sum(len(group["indikator"]) for group in self.tujuan + self.sasaran)


def _normal(text: str) -> str:
    return " ".join(text.split())  # a column title: any white space is a space


def _kept(text: str) -> str:
    """A cell's text on one line: line breaks, tabs and runs of spaces one space, a no-break space kept."""
    return re.sub(r"[ \t\n\r]+", " ", text).strip(" ")


def _role(title: str) -> str:
    upper = title.upper()
    for role, words in (("no", ("NO", "NO.", "NOMOR")),):
        if upper.strip(" .") in words:
            return role
    for role, keys in (("kondisi_akhir", ("KONDISI AKHIR", "AKHIR PERIODE")),
                       ("penjelasan", ("PENJELASAN",)), ("makna", ("DEFINISI", "MAKNA")),
                       ("alasan_pemilihan", ("ALASAN",)), ("rumus_perhitungan", ("RUMUS", "FORMULA", "PERHITUNGAN")),
                       ("kondisi_awal", ("KONDISI AWAL", "BASELINE")), ("kode", ("KODE",)),
                       ("indikator", ("INDIKATOR",)),  # before sasaran: "Indikator Kinerja Sasaran"
                       ("sasaran", ("SASARAN",)), ("satuan", ("SAT",)),
                       ("sumber_data", ("SUMBER",)), ("penanggung_jawab", ("PENANGGUNG", "PJ")),
                       ("target", ("TARGET",))):
        if any(k in upper for k in keys):
            return role
    return ""


def _columns(grid: Grid) -> tuple[list[Column], int]:
    """The role of every grid column, and how many rows the header takes (a title row across the whole
    table above it, and a row of column numbers under it, count as header)."""
    start = 0
    while start + 1 < len(grid.rows) and len({c.origin for c in grid.rows[start]}) == 1:
        start += 1  # "TABEL INDIKATOR KINERJA UTAMA" across the table
    top = grid.rows[start]
    second = grid.rows[start + 1] if len(grid.rows) > start + 1 else ()
    two = any(_YEAR.match(c.text) and not _YEAR.match(t.text) for c, t in zip(second, top, strict=False))
    columns = []
    for index, cell in enumerate(top):
        title = _normal(cell.text)
        sub = _normal(second[index].text) if two and index < len(second) else ""
        if two and _YEAR.match(sub) and sub != title:
            upper = title.upper()
            role = "target_sebelum" if "SEBELUM" in upper else "kondisi_akhir" if "AKHIR" in upper else (
                "kondisi_awal" if "KONDISI" in upper or "BASELINE" in upper else "target")
            columns.append(Column(role, title, _YEAR.match(sub).group(1)))
        elif _YEAR.match(title):
            columns.append(Column("target", "", _YEAR.match(title).group(1)))
        elif index > 0 and top[index - 1].origin == cell.origin:
            columns.append(Column("", title))  # the same cell spanning one more grid column
        else:
            role = _role(title)
            if role == "target" and "SEBELUM" in title.upper():
                role = "target_sebelum"  # "TARGET SEBELUM PERUBAHAN 2024"
            years = re.findall(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)", title)
            # "TARGET 2025", "Target Tahun 2025": one header row, the year in the title
            year = years[0] if role in ("kondisi_awal", "target", "target_sebelum") and len(years) == 1 else ""
            if year and role != "kondisi_awal":  # ikudoc draws the years under the group's title: "TARGET"
                title = _normal(re.sub(rf"\s*\(?{year}\)?", "", title))
            columns.append(Column(role, title, year))
    indicators = [c for c in columns if c.role == "indikator"]
    if len(indicators) > 1:  # "Indikator Tujuan" beside "Indikator Sasaran": the IKU are the sasaran's
        chosen = next((c for c in indicators if "SASARAN" in c.title.upper()), indicators[-1])
        for column in indicators:
            if column is not chosen:
                column.role = ""
    rows = start + (2 if two else 1)
    if len(grid.rows) > rows and all(re.fullmatch(r"\(?\d{1,2}\)?", c.text.strip()) for c in grid.rows[rows]):
        rows += 1  # a row of column numbers, (1) (2) (3)
    return columns, rows


def parse_number(text: str) -> tuple[int | Decimal | str | list, str | None]:
    """A target as written in the table: a number read the Indonesian way, a band of two ([143.33, 139.83]
    from "143,33 - 139,83"), or the text; and a note when the reading is a guess."""
    typed = _normal(text)
    if band := _BAND.fullmatch(typed):
        bounds = [parse_number(bound) for bound in band.groups()]
        if not any(isinstance(bound, str) for bound, _ in bounds):
            return [bound for bound, _ in bounds], next((note for _, note in bounds if note), None)
    plain = typed.rstrip("%").strip() if re.fullmatch(r"-?[\d.,]+\s*%", typed) else typed
    note = f"target \"{typed}\" ditulis dengan %; dibaca sebagai angka {{angka}}" if plain != typed else None
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", plain):
        value = plain.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+(,\d+)?", plain):
        value = plain.replace(",", ".")
    elif re.fullmatch(r"-?\d+\.\d+", plain):
        value = plain
        note = f"target \"{typed}\" memakai titik; dibaca sebagai desimal {{angka}} (cara Indonesia: koma)"
    else:
        if not typed:
            return "-", "sel target kosong; ditulis \"-\""
        return typed, None
    number: int | Decimal = Decimal(value) if "." in value else int(value)
    return number, note.format(angka=value) if note else None


def _note_kind(note: str) -> str:
    return "persen" if "dengan %" in note else "titik" if "memakai titik" in note else "kosong" if "kosong" in note \
        else note


def _years_note(kind: str, found: list[tuple[str, str, str]]) -> str:
    """One note for the same doubt in several years of an indicator ("75%" in 2025 and 2026)."""
    typed = ", ".join(f'{year}: "{text}"' for year, text, _ in found)
    if kind == "persen":
        return f"target ditulis dengan % ({typed}); dibaca sebagai angka tanpa %"
    if kind == "titik":
        return f"target memakai titik ({typed}); dibaca sebagai desimal (cara Indonesia: koma)"
    if kind == "kosong":
        return f"sel target kosong ({', '.join(year for year, _, _ in found)}); ditulis \"-\""
    return "; ".join(f"{year}: {note}" for year, _, note in found)


def _unit_in_values(values: dict, satuan: str, loc, periksa: Periksa) -> None:
    """ "60 kali" under a satuan "kali": the unit typed again in the targets, which stay text; one note."""
    found = [(year, value, typed.group(1)) for year, value in values.items() if isinstance(value, str)
             and (typed := re.fullmatch(rf"(-?[\d.,]+)\s*{re.escape(satuan)}", value, re.IGNORECASE))]
    if found:
        listed = ", ".join(f'{year}: "{value}"' for year, value, _ in found)
        numbers = ", ".join(number for _, _, number in found)
        periksa.add(loc, f"satuan '{satuan}' tertulis di target ({listed}); tulis {numbers}?")


def _split_penjelasan(markdown: str) -> tuple[dict[str, str], bool]:
    """The parts of a penjelasan cell by their labels; False when it has no labels (all of it is makna)."""
    found = list(_LABEL.finditer(markdown))
    if not found:
        return {"makna": _kept(markdown)}, False
    parts: dict[str, str] = {}
    before = _kept(markdown[:found[0].start()])
    if before:
        parts["makna"] = before
    for index, match in enumerate(found):
        name = next(n for n, _ in _LABELS if match.group(n))
        end = found[index + 1].start() if index + 1 < len(found) else len(markdown)
        # a bold label "**Makna :**" leaves its closing marks after the colon
        opening = match.group("open")
        closing = match.group("close") + match.group("after")
        text = markdown[match.end():end]
        if opening and closing and len(closing) >= len(opening):
            text = closing[len(opening):] + text
        parts[name] = _kept((parts.get(name, "") + " " + text).strip())
    return {k: v for k, v in parts.items() if v}, True


def _cell_text(cell: Cell, markdown: bool) -> str:
    return _kept(" ".join((p.markdown if markdown else p.text) for p in cell.paragraphs))


def _body_rows(grids: list[Grid]) -> list[tuple[Cell, ...]]:
    """The rows under the header of the table and of its continuations (a repeated header skipped)."""
    rows = list(grids[0].rows[_columns(grids[0])[1]:])
    for grid in grids[1:]:
        rows += grid.rows[_columns(grid)[1]:] if is_iku_table(grid) else grid.rows
    return rows


def _across(row) -> str:
    """The text of a row that is one text across the table (a merged cell, or only one cell filled after
    its number), else ""."""
    texts = {_normal(c.text) for c in row if _normal(c.text)}
    if len({c.origin for c in row}) == 1 or (len(texts) == 1 and sum(1 for c in row if c.text.strip()) > 1):
        return texts.pop() if texts else ""
    return ""


def read_table(grids: list[Grid], periksa: Periksa) -> TableData:
    grid = grids[0]
    columns, _ = _columns(grid)
    roles = [c.role for c in columns]
    data = TableData()
    for column in columns:
        if column.role == "" and column.title and not any(c.title == column.title and c.role for c in columns):
            chosen = next((c.title for c in columns if c.role == "indikator"), "")
            periksa.add(("sasaran",), f"kolom tabel \"{column.title}\" tidak diimpor: IKU adalah indikator sasaran "
                        f"(kolom \"{chosen}\")" if "INDIKATOR" in column.title.upper() and chosen else
                        f"kolom tabel \"{column.title}\" tidak dikenali dan tidak diimpor")
    for column in columns:
        if column.role in ("target", "target_sebelum") and not column.year:
            periksa.add(("sasaran",), f"kolom target \"{column.title}\" tidak menyebut satu tahun; targetnya tidak "
                        "diimpor: tulis [sasaran.indikator.target] sendiri")
    target_years = tuple(c.year for c in columns if c.role == "target" and c.year)
    data.years = target_years
    data.revised = any(c.role == "target_sebelum" for c in columns)
    current: dict | None = None
    sasaran_rows = False  # sasaran as rows across the table, above their indicators
    heading: str | None = None  # the last such row, a sasaran once an indicator follows it
    origins: list[dict[str, int]] = []  # per sasaran: the merged cell each mergeable column had, or -1
    is_tujuan = _tujuan_cells(columns, _body_rows(grids))
    for row in _body_rows(grids):
        across = _across(row)
        if across and "sasaran" not in roles and not _NIP.search(across):
            # "SASARAN 1: Meningkatnya ..." across the table, its indicators under it
            if heading is not None:
                periksa.add(("sasaran",), f"baris selebar tabel \"{heading[:60]}\" tanpa indikator di bawahnya tidak "
                            "diimpor")
            heading = across
            continue
        if len({c.origin for c in row}) == 1 or len({c.text for c in row}) == 1:
            continue  # a row across the whole table: the signature, or a blank row
        cells = dict(enumerate(row))
        first = {role: cells[i] for i, role in reversed(list(enumerate(roles))) if role and i in cells}
        name = _cell_text(first["indikator"], False) if "indikator" in first else ""
        if "sasaran" in first and is_tujuan(first["sasaran"], name):
            _read_tujuan(data, _cell_text(first["sasaran"], False), name, first, columns, row, periksa)
            current = None  # the sasaran under it start anew
            continue
        if not name:
            continue
        sasaran = _cell_text(first["sasaran"], False) if "sasaran" in first else ""
        if heading is not None:
            sasaran, heading, sasaran_rows = _SASARAN_PREFIX.sub("", heading).strip() or heading, None, True
        if current is None or (sasaran and sasaran != current["nama"]):
            current = {"nama": sasaran or "-", "indikator": []}
            if data.tujuan:
                current["tujuan"] = data.tujuan[-1]["nama"]
            data.sasaran.append(current)
            origins.append({name: first[name].origin for name in _MERGEABLE if name in first})
        else:
            for column in origins[-1]:
                if first[column].origin != origins[-1][column]:
                    origins[-1][column] = -1
            if not sasaran and not sasaran_rows:
                periksa.add(("sasaran", len(data.sasaran) - 1, "nama"), "sel sasaran kosong; tulis sasarannya")
        loc = ("sasaran", len(data.sasaran) - 1, "indikator", len(current["indikator"]))
        current["indikator"].append(_indicator(name, first, columns, row, loc, periksa, data.penjelasan))
        for footnote in (f for c in {c.origin: c for c in row}.values() for p in c.paragraphs for f in p.footnotes):
            periksa.add(loc, f"catatan kaki di tabel tidak diimpor: \"{footnote}\"")
    if heading is not None:
        periksa.add(("sasaran",), f"baris selebar tabel \"{heading[:60]}\" tanpa indikator di bawahnya tidak diimpor")
    for name in ("sasaran", "indikator"):
        if name not in roles and not (name == "sasaran" and sasaran_rows):
            periksa.add(("sasaran",), f"kolom {name} tidak dikenali di judul tabel IKU")
    if sasaran_rows:
        periksa.add(("sasaran",), "sasaran ditulis sebagai baris selebar tabel di atas indikatornya; ikudoc "
                    "mencetaknya di kolom SASARAN STRATEGIS, digabung untuk indikator-indikatornya")
    if "satuan" not in roles and data.sasaran:
        periksa.add(("sasaran",), "tabel tidak punya kolom satuan: indikator ditulis tanpa satuan (satuannya di "
                    "nama indikator) dan tabel dicetak tanpa kolom SAT.; tulis satuan = \"...\" bila perlu "
                    "(Perjanjian Kinerja mencetaknya di samping target)")
    if len(data.tujuan) == 1:  # every sasaran falls under the only tujuan
        for group in data.sasaran:
            group.pop("tujuan", None)
    data.kolom, data.judul = _table_setup(columns, data, sasaran_rows)
    # [tabel] penjelasan only when the cells hold what ikudoc's does not, or in another order
    if data.penjelasan == [part for part in _DEFAULT_PARTS if part in data.penjelasan]:
        data.penjelasan = []
    data.gabung = [name for name in _MERGEABLE if any(
        len(s["indikator"]) > 1 and seen.get(name, -1) != -1 for s, seen in zip(data.sasaran, origins, strict=True))]
    return data


def _tujuan_cells(columns: list[Column], rows: list[tuple[Cell, ...]]):
    """How a cell of the sasaran column is known for a tujuan's, (cell, indicator name) -> bool: in a
    column titled with TUJUAN, a cell written "Tujuan ...", one without an indicator beside it, or one in
    bold when the sasaran are not."""
    column = next((index for index, c in enumerate(columns) if c.role == "sasaran"), None)
    if column is None or "TUJUAN" not in columns[column].title.upper():
        return lambda cell, name: False
    marked = [_cell_text(row[column], True) for row in rows if column < len(row) and row[column].text.strip()]
    bold = {text for text in marked if re.fullmatch(r"\*\*[^*].*\*\*", text)}
    bold = bold if len(bold) < len(set(marked)) else set()  # a column all in bold says nothing

    def is_tujuan(cell: Cell, name: str) -> bool:
        text = _cell_text(cell, False)
        return bool(text) and (not name or bool(_TUJUAN_PREFIX.match(text)) or _cell_text(cell, True) in bold)
    return is_tujuan


def _read_tujuan(data: TableData, text: str, name: str, first: dict, columns: list[Column], row,
                 periksa: Periksa) -> None:
    """A row of a tujuan: its name (without "Tujuan 1:"), and its indicator when the row has one."""
    nama = _TUJUAN_PREFIX.sub("", text).strip() or text
    if not data.tujuan or data.tujuan[-1]["nama"] != nama:
        data.tujuan.append({"nama": nama, "indikator": []})
    if name:
        indikator = data.tujuan[-1]["indikator"]
        loc = ("tujuan", len(data.tujuan) - 1, "indikator", len(indikator))
        indikator.append(_indicator(name, first, columns, row, loc, periksa, data.penjelasan))


def _filled(role: str, data: TableData) -> bool:
    """Whether some indicator has something for the table column ``role``."""
    indicators = [ind for s in data.tujuan + data.sasaran for ind in s["indikator"]]
    if role == "penjelasan":
        return any(k in ind for ind in indicators for k in (*_PARTS, *data.penjelasan))
    return role in ("sasaran", "indikator") or any(role in ind for ind in indicators)


def _indicator(name: str, first: dict, columns: list[Column], row, loc, periksa: Periksa,
               labelled_parts: list[str]) -> dict:
    """An indicator's fields from its row; the labels its penjelasan cell holds are added to
    ``labelled_parts`` in the order met."""
    ind: dict = {"nama": name}
    if "kode" in first:
        ind["kode"] = _cell_text(first["kode"], False) or None
    for role in ("penjelasan", "makna"):  # a makna column may hold the labelled parts too
        if role in first:
            parts, labelled = _split_penjelasan("\n".join(p.markdown for p in first[role].paragraphs))
            if not labelled and role == "penjelasan" and parts.get("makna"):
                periksa.add((*loc, "makna"), "sel penjelasan tanpa label (Makna Indikator :, Alasan Pemilihan :, "
                            "Rumus Perhitungan :); seluruhnya dimasukkan ke makna")
            ind.update(parts)
            if labelled:
                labelled_parts.extend(part for part in parts if part not in labelled_parts)
    if "kumulatif" in ind:  # "Tipe Perhitungan : Non Kumulatif"
        typed = ind.pop("kumulatif")
        if "kumulatif" in typed.lower():
            ind["kumulatif"] = not _NOT_CUMULATIVE.search(typed)
        else:
            periksa.add(loc, f"tipe perhitungan \"{typed}\" tidak dikenali; tulis kumulatif = true "
                        "atau false")
    for part in ("alasan_pemilihan", "rumus_perhitungan"):
        if part in first and _cell_text(first[part], True):
            ind[part] = _cell_text(first[part], True)
    ind = {k: ind[k] for k in ("nama", "kode", "makna", "alasan_pemilihan", "rumus_perhitungan", "alasan_perubahan",
                               "kumulatif", "penanggung_jawab", "sumber_data") if ind.get(k) not in (None, "")}
    if "satuan" in first:  # (a table without the column has no satuan, noted once)
        ind["satuan"] = _cell_text(first["satuan"], False) or "-"
        if ind["satuan"] == "-":
            periksa.add((*loc, "satuan"), "sel satuan kosong; ditulis \"-\"")
    for key in ("sumber_data", "penanggung_jawab"):
        if key in first and _cell_text(first[key], False):
            ind[key] = _cell_text(first[key], False)
    for role, key in (("kondisi_awal", "kondisi_awal"), ("target_sebelum", "target_sebelum"), ("target", "target")):
        values = {}
        notes: dict[str, list[tuple[str, str, str]]] = {}  # per kind of note: (year, typed, note)
        for column, cell in zip(columns, row, strict=False):
            if column.role == role and column.year:
                value, note = parse_number(cell.text)
                values[column.year] = value
                if note:
                    notes.setdefault(_note_kind(note), []).append((column.year, _kept(cell.text), note))
        for kind, found in notes.items():
            periksa.add((*loc, key), found[0][2] if len(found) == 1 else _years_note(kind, found))
        if role == "target" and ind.get("satuan", "-") != "-":
            _unit_in_values(values, ind["satuan"], (*loc, key), periksa)
        if role == "kondisi_awal" and values:
            year, value = next(iter(values.items()))
            ind["kondisi_awal"] = {"tahun": int(year), "nilai": value}
        elif values:
            ind[key] = values
    if "kondisi_akhir" in first and _cell_text(first["kondisi_akhir"], False) not in ("", "-"):
        ind["kondisi_akhir"] = parse_number(first["kondisi_akhir"].text)[0]
    return ind


def _table_setup(columns: list[Column], data: TableData, sasaran_rows: bool) -> tuple[list[str] | None,
                                                                                     dict[str, str]]:
    """[tabel] kolom and judul that make ikudoc draw the table as the document had it; one column of makna,
    alasan or rumus beside a penjelasan column, or alone, becomes ikudoc's penjelasan column, under its own
    title; two or more without a penjelasan column stay columns of their own; sasaran typed as rows across
    the table become ikudoc's sasaran column, first."""
    order: list[str] = ["sasaran"] if sasaran_rows else []
    titles: dict[str, str] = {}
    parts = [c for c in columns if c.role in ("penjelasan", *_PARTS)]
    if len(parts) > 1 and all(c.role in _PARTS for c in parts):  # DEFINISI OPERASIONAL | FORMULA PERHITUNGAN
        parts = []
    for column in columns:
        role = "penjelasan" if column in parts else column.role  # ikudoc shows the parts in one cell, labelled
        if role in COLUMNS and role not in order and _filled(role, data):
            order.append(role)
            default = REVISED_TARGET_TITLE if role == "target" and data.revised else COLUMNS[role].judul
            if data.tujuan and role == "sasaran":
                default = TUJUAN_TITLE
            if column.title and _normal(column.title).upper() != default.upper() and (
                    role != "penjelasan" or len(parts) < 2):
                titles[role] = _normal(column.title)
    # ikudoc draws its own columns that every table has (sasaran, indikator) when [tabel] kolom does not
    # name the columns: a table without one of them names them
    default_order = [name for name in DEFAULT_ORDER if name in order or name in ("sasaran", "indikator")]
    return (None if order == default_order else order), titles
