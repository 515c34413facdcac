"""Read a Word file (DOCX; a Word 97 .doc, or HTML named .doc, through LibreOffice) into a flat list of
blocks.

A paragraph becomes a ``Para``: its text with bold and italic runs written as Markdown ``**``/``*``
(the rest of the text escaped so that Markdown keeps it literal), its plain text, its style, whether
it is wholly bold, and the kind and level of Word list it belongs to. A table becomes a ``Grid``: one
row of cells per table row and one cell per grid column, a cell spanning several grid columns repeated
in each, a vertically merged cell repeated in each row it covers (a repeated cell keeps its
``origin``). Layout tables that are not the IKU table (a signature block set in a
one-cell table) are read later as the paragraphs they hold.
"""

from __future__ import annotations

import io
import itertools
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..content.problems import IkudocError, os_reason
from .ole import MAGIC as OLE_MAGIC
from .ole import is_password_protected


class NotAnIku(IkudocError):
    """The file cannot be imported; the message names it and says what was expected."""


ListKind = str  # "angka", "huruf", "butir"; "bab": a level Word prints "BAB %1", a chapter heading


@dataclass(frozen=True)
class Para:
    markdown: str  # inline Markdown: **bold**, *italic*, the rest escaped
    text: str  # plain text, as printed
    style: str
    bold: bool  # every visible character is bold
    numbered: ListKind | None = None  # a paragraph of one of Word's own lists
    level: int = 0  # its level in that list (0: the top)
    image: bool = False  # holds a picture (a cover's coat of arms)
    footnotes: tuple[str, ...] = ()  # the text of the footnotes it refers to (ikudoc's content has none)


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[Para, ...]
    origin: int = 0  # the same for every grid position one merged cell covers

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs).strip()


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[Cell, ...], ...]


Block = Para | Grid


@dataclass(frozen=True)
class WordFile:
    blocks: tuple[Block, ...]
    title: str  # document properties, as ikudoc writes them
    subject: str


def read_word(path: Path) -> WordFile:
    """The blocks of the Word file ``path``; NotAnIku when it is no Word document."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotAnIku(f"{path} tidak bisa dibaca ({os_reason(error)})") from None
    if data[:8] == OLE_MAGIC and is_password_protected(data):
        raise NotAnIku(f"{path} dilindungi kata sandi; buka di Word, hapus kata sandinya (File > Info > Protect "
                       "Document), simpan ulang, lalu impor lagi")
    if data[:8] == OLE_MAGIC:  # OLE2: Word 97-2003 (.doc) or old Excel
        data = _through_libreoffice(path, data, "berformat Word 97-2003 (.doc)", ".doc")
    elif re.search(rb"<(html|!doctype html|body|table)\b", data[:4096], re.IGNORECASE):
        # e-SAKIP applications export "Word" files that are HTML named .doc
        data = _through_libreoffice(path, data, "berisi HTML, bukan Word (seperti ekspor \"Word\" aplikasi e-SAKIP)",
                                    ".html")
    broken = (f"{path} rusak (arsip .docx tidak utuh, mungkin terpotong saat disalin); simpan ulang dari Word "
              "sebagai .docx")
    if data[:4] == b"PK\x03\x04" and not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotAnIku(broken)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotAnIku(f"{path} bukan berkas Word (.docx); yang diharapkan dokumen IKU yang disimpan dari Word, "
                       "WPS atau LibreOffice sebagai .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise NotAnIku(broken) from None
    if "word/document.xml" not in names:
        kind = "lembar kerja Excel" if "xl/workbook.xml" in names else (
            "presentasi PowerPoint" if "ppt/presentation.xml" in names else "arsip zip")
        raise NotAnIku(f"{path} adalah {kind}, bukan dokumen Word; yang diharapkan dokumen IKU dalam .docx")
    return _read_docx(path, data)


def _through_libreoffice(path: Path, data: bytes, what: str, suffix: str) -> bytes:
    """The file converted to DOCX by LibreOffice, which reads what python-docx cannot."""
    from ..render.docx.libreoffice import find_soffice
    from ..render.docx.soffice import run_to_end

    soffice = find_soffice()
    if soffice is None:
        raise NotAnIku(f"{path} {what}; buka di Word atau WPS lalu simpan sebagai .docx (atau pasang LibreOffice "
                       "agar ikudoc bisa mengubahnya sendiri)")
    # (a file LibreOffice still holds is left to the system: the clean-up never fails the import)
    with tempfile.TemporaryDirectory(prefix="ikudoc-impor-", ignore_cleanup_errors=True) as folder:
        source = Path(folder) / f"dokumen{suffix}"
        source.write_bytes(data)
        profile = (Path(folder) / "profil").as_uri()
        run_to_end([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", folder, str(source)], timeout=180)
        converted = Path(folder) / "dokumen.docx"
        if not converted.is_file():
            raise NotAnIku(f"{path} {what} dan LibreOffice tidak bisa mengubahnya; buka di "
                           "Word lalu simpan sebagai .docx")
        return converted.read_bytes()


def _read_docx(path: Path, data: bytes) -> WordFile:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 (python-docx raises many kinds on a damaged package)
        raise NotAnIku(f"{path} rusak atau bukan dokumen Word yang utuh; simpan ulang dari Word sebagai .docx") \
            from None
    numbering = _Numbering(document)
    footnotes = _footnotes(document)
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(_para(item, numbering, footnotes))
        elif isinstance(item, Table):
            blocks.append(_grid(item, numbering, footnotes))
    properties = document.core_properties
    return WordFile(tuple(blocks), properties.title or "", properties.subject or "")


def _footnotes(document) -> dict[str, str]:
    """The text of each footnote by its id (python-docx does not read word/footnotes.xml)."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                return {}
            return {note.get(f"{_W}id"): " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")).strip()
                                                  for p in note.iter(f"{_W}p")).strip()
                    for note in root.iter(f"{_W}footnote")}
    return {}


def _grid(table, numbering, footnotes: dict[str, str]) -> Grid:
    """Every row as one cell per grid column, read from the XML as Word lays it out: a cell spanning
    columns (gridSpan) repeated in each, a vertically merged cell (vMerge) repeated down, the columns a
    row skips (gridBefore/gridAfter, or a row shorter than the grid) as empty cells. python-docx's own
    row.cells refuses such irregular rows, which hand-made tables often have."""
    from docx.table import _Cell

    rows: list[tuple[Cell, ...]] = []
    elements = []  # lxml keeps an element's id only while it is referenced: keep every cell's to the end
    above: dict[int, Cell] = {}  # grid column -> the cell of the row above
    width = len(table._tbl.tblGrid.gridCol_lst)
    empties = itertools.count(-1, -1)  # an origin of its own for each empty place
    for tr in table._tbl.tr_lst:
        cells: list[Cell] = [Cell((), next(empties)) for _ in range(tr.grid_before)]
        for tc in tr.tc_lst:
            column = len(cells)
            if tc.vMerge == "continue" and column in above:
                cell = above[column]
            else:
                elements.append(tc)
                cell = Cell(tuple(_para(p, numbering, footnotes) for p in _Cell(tc, table).paragraphs), id(tc))
            cells.extend([cell] * tc.grid_span)
        cells += [Cell((), next(empties)) for _ in range(width - len(cells))]
        for column, cell in enumerate(cells):
            above[column] = cell
        rows.append(tuple(cells))
    return Grid(tuple(rows))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Numbering:
    """The kind of list (numbers, letters, bullets) of each Word list level, and the levels that number
    chapters ("BAB %1")."""

    def __init__(self, document) -> None:
        self.kinds: dict[tuple[str, str], str] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels = {}
            for level in node.iter(f"{_W}lvl"):
                fmt, text = level.find(f"{_W}numFmt"), level.find(f"{_W}lvlText")
                shown = text.get(f"{_W}val") or "" if text is not None else ""
                levels[level.get(f"{_W}ilvl")] = ("bab" if re.match(r"\s*BAB\b", shown, re.IGNORECASE) else
                                                  fmt.get(f"{_W}val") if fmt is not None else "decimal")
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                for ilvl, fmt in abstract.get(ref.get(f"{_W}val"), {}).items():
                    self.kinds[(num.get(f"{_W}numId"), ilvl)] = fmt

    def kind(self, paragraph) -> tuple[str | None, int]:
        """The kind of list the paragraph is an item of (None: not a list item), and its level (0: top).
        The paragraph's own numbering wins over its style's, each of the two values on its own."""
        num_id = ilvl = None
        elements = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            elements.append(style.element.pPr)
            style = style.base_style
        for ppr in elements:
            found = ppr.find(f"{_W}numPr") if ppr is not None else None
            if found is None:
                continue
            num, level = found.find(f"{_W}numId"), found.find(f"{_W}ilvl")
            num_id = num_id or (num.get(f"{_W}val") if num is not None else None)
            ilvl = ilvl or (level.get(f"{_W}val") if level is not None else None)
        if num_id in (None, "0"):
            return None, 0
        ilvl = ilvl or "0"
        fmt = self.kinds.get((num_id, ilvl), "decimal")
        kind = "bab" if fmt == "bab" else "huruf" if "Letter" in fmt else "butir" if fmt in ("bullet", "none") \
            else "angka"
        return kind, int(ilvl) if ilvl.isdigit() else 0


def _run_look(run) -> tuple[bool, bool]:
    bold, italic = run.bold, run.italic
    style = run.style
    while style is not None and (bold is None or italic is None):
        bold = style.font.bold if bold is None else bold
        italic = style.font.italic if italic is None else italic
        style = style.base_style
    return bool(bold), bool(italic)


def _style_bold(paragraph) -> bool:
    style = paragraph.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


# What Markdown would read as markup in text typed in Word, escaped to stay literal; nothing else is
# escaped, so that a text reads in the content file as it was typed.
_SPECIAL = re.compile(
    r"\\(?=[\\`*_{}\[\]()#+\-.!<>])"  # a backslash that would escape the next character
    r"|[`*]"  # code, emphasis
    r"|(?<!\w)_|_(?!\w)"  # emphasis (an underscore inside a word is text)
    r"|\{(?=[a-z_]+\})"  # a reference {visi}
    r"|\[(?=[^\]]*\][(:\[])"  # a link [..](..), [..]: .., [..][..]
    r"|<(?=[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|[^\s<>@]+@[^\s<>]+>)"  # an autolink <http://..>, <a@b.id>
)


def escape(text: str) -> str:
    return _SPECIAL.sub(lambda match: "\\" + match.group(), text)


def _para(paragraph, numbering: _Numbering, footnotes: dict[str, str]) -> Para:
    pieces: list[tuple[str, bool, bool]] = []
    style_bold = _style_bold(paragraph)
    for item in paragraph.iter_inner_content():
        runs = item.runs if hasattr(item, "runs") and not hasattr(item, "bold") else [item]
        for run in runs:
            text = _run_text(run)
            if text:
                bold, italic = _run_look(run)
                pieces.append((text, bold, italic))
    text = "".join(t for t, _, _ in pieces)
    visible = [(t, b) for t, b, _ in pieces if t.strip()]
    all_bold = bool(visible) and all(b or style_bold for _, b in visible)
    image = bool(paragraph._p.xpath(".//w:drawing | .//w:pict"))
    kind, level = numbering.kind(paragraph)
    notes = tuple(footnotes.get(ref.get(f"{_W}id"), "") for ref in paragraph._p.iter(f"{_W}footnoteReference"))
    return Para(inline_markdown(pieces), text, paragraph.style.name if paragraph.style else "", all_bold,
                kind, level, image, notes)


def _run_text(run) -> str:
    parts = []
    for child in run._r:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def inline_markdown(pieces: list[tuple[str, bool, bool]]) -> str:
    """Runs (text, bold, italic) as one line of Markdown: equal neighbours merged, the spaces at a marked
    stretch's edges kept outside its markers."""
    merged: list[list] = []
    for text, bold, italic in pieces:
        if not text.strip():  # a space takes the look of the text before it
            bold, italic = (merged[-1][1], merged[-1][2]) if merged else (False, False)
        if merged and merged[-1][1:] == [bold, italic]:
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    out = []
    for text, bold, italic in merged:
        mark = ("**" if bold else "") + ("*" if italic else "")
        core = text.strip()
        if not mark or not core:
            out.append(escape(text))
            continue
        lead = text[:len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        out.append(f"{escape(lead)}{mark}{escape(core)}{mark[::-1]}{escape(trail)}")
    return "".join(out)
