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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx.exceptions import InvalidXmlError
from docx.oxml.exceptions import InvalidXmlError as MissingXmlElement
from lxml import etree

from .package import NotAnIku, broken, word_package
from .word_styles import Looks

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
    """The blocks of the Word file ``path``; NotAnIku when it is no Word document, or a damaged one."""
    data = word_package(path)
    try:
        return _read_docx(path, data)
    except (ValueError, InvalidXmlError, MissingXmlElement, etree.LxmlError):
        # an attribute Word's schema does not allow (gridSpan="abc", <w:b w:val="maybe"/>), a missing
        # required element: python-docx cannot read it, and ikudoc will not guess what Word meant
        raise broken(path, "isi XML-nya tidak sah menurut format Word") from None


def _read_docx(path: Path, data: bytes) -> WordFile:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (ValueError, InvalidXmlError, MissingXmlElement, etree.LxmlError):
        raise
    except Exception:  # noqa: BLE001 (python-docx raises many kinds on a damaged package)
        raise NotAnIku(f"{path} rusak atau bukan dokumen Word yang utuh; simpan ulang dari Word sebagai .docx") \
            from None
    reader = _Reader(document)
    try:
        blocks = tuple(reader.story(document.element.body))
    except _Damaged as damage:
        raise broken(path, str(damage)) from None
    except _TooLong as length:
        raise NotAnIku(f"{path} terlalu panjang untuk dokumen IKU ({length}; dokumen IKU berisi beberapa ribu)") \
            from None
    properties = document.core_properties
    return WordFile(blocks, properties.title or "", properties.subject or "")


class _Damaged(Exception):
    """What makes the document's XML unreadable, in Indonesian (a table wider than any Word makes)."""


class _TooLong(Exception):
    """How much more the document holds than an IKU does, in Indonesian."""


#: The widest table row read: Word makes tables of at most 63 columns.
MAX_COLUMNS = 256
#: The most paragraphs with text and tables read from a document: an IKU has a few thousand.
MAX_BLOCKS = 200_000


class _Reader:
    """The blocks of a document's body, in reading order: paragraphs and tables, the content of content
    controls (Word's cover pages are one), and after the paragraph or table a text box is anchored in,
    the text box's own paragraphs and tables (a signature set in a text box)."""

    def __init__(self, document) -> None:
        self.parent = document._body
        self.looks = Looks(document)
        self.footnotes = _footnotes(document)
        self.with_boxes = document.element.body.find(f".//{_W}txbxContent") is not None
        self.count = 0

    def story(self, container) -> Iterator[Block]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in container.iterchildren():
            if child.tag == f"{_W}p" and not _has_content(child):
                yield _EMPTY  # not counted: spacing costs nothing to read
                continue
            if child.tag == f"{_W}p":
                yield _para(Paragraph(child, self.parent), self.looks, self.footnotes)
            elif child.tag == f"{_W}tbl":
                yield _grid(Table(child, self.parent), self.looks, self.footnotes)
            elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
                content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
                if content is not None:
                    yield from self.story(content)
                continue
            else:
                continue
            self.count += 1
            if self.count > MAX_BLOCKS:
                raise _TooLong(f"lebih dari {MAX_BLOCKS:,} paragraf dan tabel".replace(",", "."))
            if self.with_boxes:
                for box in _text_boxes(child):
                    yield from self.story(box)


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(element) -> list:
    """The contents of the text boxes anchored in ``element``, outermost ones only (a text box inside
    another is read with it), each once: Word writes a text box twice, for new and for old readers, the
    second inside mc:Fallback."""
    boxes = []
    for box in element.iter(f"{_W}txbxContent"):
        ancestors = []
        for ancestor in box.iterancestors():
            if ancestor is element:
                break
            ancestors.append(ancestor.tag)
        if _FALLBACK not in ancestors and f"{_W}txbxContent" not in ancestors:
            boxes.append(box)
    return boxes


def _has_content(paragraph) -> bool:
    """Whether a paragraph element holds any text, picture, footnote or text box (most empty paragraphs
    are only spacing, and are read at once)."""
    return next(paragraph.iter(*_CONTENT), None) is not None


def _footnotes(document) -> dict[str, str]:
    """The text of each footnote by its id (python-docx does not read word/footnotes.xml), parsed as
    python-docx parses every part: entities never resolved, nothing fetched."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            try:
                root = etree.fromstring(rel.target_part.blob, SAFE_XML)
            except etree.XMLSyntaxError:
                return {}
            return {note.get(f"{_W}id"): " ".join("".join(_text(t) for t in p.iter(f"{_W}t")).strip()
                                                  for p in note.iter(f"{_W}p")).strip()
                    for note in root.iter(f"{_W}footnote")}
    return {}


#: How the importer parses XML that python-docx does not: no entity resolved, no DTD loaded, nothing
#: fetched from the network, no tree deeper or text longer than libxml2's safe limits.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _text(element) -> str:
    """The text of a w:t element, an entity reference in it kept as typed (&nama;) and never resolved."""
    return "".join(element.itertext())


def _grid(table, looks: Looks, footnotes: dict[str, str]) -> Grid:
    """Every row as one cell per grid column, read from the XML as Word lays it out: a cell spanning
    columns (gridSpan) repeated in each, a vertically merged cell (vMerge) repeated down, the columns a
    row skips (gridBefore/gridAfter, or a row shorter than the grid) as empty cells. python-docx's own
    row.cells refuses such irregular rows, which hand-made tables often have. A row wider than
    MAX_COLUMNS is damage, not a table."""
    from docx.table import _Cell

    rows: list[tuple[Cell, ...]] = []
    elements = []  # lxml keeps an element's id only while it is referenced: keep every cell's to the end
    above: dict[int, Cell] = {}  # grid column -> the cell of the row above
    width = len(table._tbl.tblGrid.gridCol_lst)
    empties = itertools.count(-1, -1)  # an origin of its own for each empty place
    for tr in table._tbl.tr_lst:
        spans = [tr.grid_before, *(tc.grid_span for tc in tr.tc_lst)]
        if max(width, sum(max(span, 0) for span in spans)) > MAX_COLUMNS:
            raise _Damaged(f"tabel dengan lebih dari {MAX_COLUMNS} kolom; Word membuat paling banyak 63")
        cells: list[Cell] = [Cell((), next(empties)) for _ in range(tr.grid_before)]
        for tc in tr.tc_lst:
            column = len(cells)
            if tc.vMerge == "continue" and column in above:
                cell = above[column]
            else:
                elements.append(tc)
                cell = Cell(tuple(_para(p, looks, footnotes) for p in _Cell(tc, table).paragraphs), id(tc))
            cells.extend([cell] * tc.grid_span)
        cells += [Cell((), next(empties)) for _ in range(width - len(cells))]
        for column, cell in enumerate(cells):
            above[column] = cell
        rows.append(tuple(cells))
    return Grid(tuple(rows))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CONTENT = tuple(f"{_W}{tag}" for tag in ("t", "tab", "br", "cr", "noBreakHyphen", "drawing", "pict", "object",
                                          "footnoteReference", "txbxContent", "sym")) + (
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",)
#: A picture in a paragraph (the cover's coat of arms), as DrawingML and VML hold one; not a text box.
_PICTURES = ("{http://schemas.openxmlformats.org/drawingml/2006/main}blip", "{urn:schemas-microsoft-com:vml}imagedata")
_EMPTY = Para("", "", "", False)  # a paragraph of spacing only


# What Markdown would read as markup in text typed in Word, escaped to stay literal; nothing else is
# escaped, so that a text reads in the content file as it was typed.
_SPECIAL = re.compile(
    r"\\(?=[\\`*_{}\[\]()#+\-.!<>])"  # a backslash that would escape the next character
    r"|[`*]"  # code, emphasis
    r"|(?<![^\W_])_|_(?![^\W_])"  # emphasis, strong (only an underscore between two letters is text)
    r"|\{(?=[a-z_]+\})"  # a reference {visi}
    r"|\[(?=[^\]]*\][(:\[])"  # a link [..](..), [..]: .., [..][..]
    r"|<(?=[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|[^\s<>@]+@[^\s<>]+>)"  # an autolink <http://..>, <a@b.id>
)


def escape(text: str) -> str:
    return _SPECIAL.sub(lambda match: "\\" + match.group(), text)


def _para(paragraph, looks: Looks, footnotes: dict[str, str]) -> Para:
    p = paragraph._p
    style_name, style_bold, style_list = looks.paragraph_style(p.style)
    pieces: list[tuple[str, bool, bool]] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if hasattr(item, "runs") and not hasattr(item, "bold") else [item]
        for run in runs:
            text = _run_text(run)
            if text:
                bold, italic = looks.run_look(run)
                pieces.append((text, bold, italic))
    text = "".join(t for t, _, _ in pieces)
    visible = [(t, b) for t, b, _ in pieces if t.strip()]
    all_bold = bool(visible) and all(b or style_bold for _, b in visible)
    image = next(p.iter(*_PICTURES), None) is not None
    kind, level = looks.list_kind(p, style_list)
    notes = tuple(footnotes.get(ref.get(f"{_W}id"), "") for ref in p.iter(f"{_W}footnoteReference"))
    return Para(inline_markdown(pieces), text, style_name, all_bold, kind, level, image, notes)


def _run_text(run) -> str:
    parts = []
    for child in run._r:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(_text(child))
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
