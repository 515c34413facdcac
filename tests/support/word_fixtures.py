"""Word IKU documents made the way typists make them, for the import tests: Normal paragraphs, headings
that are bold paragraphs with typed numbers, typed "1." / "a." lists, a signature typed line by line, a
typed daftar isi, and an IKU table with merged header cells. Each is written from a small description
with python-docx, so that a test can say what it puts in and check what comes out."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.shared import Pt


@dataclass
class Row:
    """One indicator row: the sasaran (None: merged with the row above), the cells after it."""

    sasaran: str | None
    indikator: str
    penjelasan: list[str]
    targets: list[str]
    satuan: str = "%"
    sumber: str = "Dinas"


@dataclass
class TableSpec:
    years: list[str]
    groups: list[str]  # target group titles, each over every year
    rows: list[Row]
    repeat_sasaran: bool = False  # the sasaran typed again in each row instead of a merged cell
    split_after: int = 0  # rows after which the table goes on in a second table, its header repeated
    title_row: str = ""  # a row across the whole table above the header
    titles: dict[str, str] = field(default_factory=dict)


def add_text(document, text: str, bold: bool = False, style: str | None = None):
    """A paragraph; **...** and *...* in ``text`` become bold and italic runs."""
    paragraph = document.add_paragraph(style=style)
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if not part:
            continue
        if part.startswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*"):
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part).bold = bold or None
    return paragraph


def _merge_vertically(table, column: int, first: int, last: int, text: str) -> None:
    cell = table.cell(first, column).merge(table.cell(last, column))
    cell.text = text


def add_iku_table(document, spec: TableSpec) -> None:
    if spec.split_after:
        first, rest = spec.rows[:spec.split_after], spec.rows[spec.split_after:]
        _add_table(document, spec, first, 1)
        document.add_paragraph()
        _add_table(document, spec, rest, 1 + len(first), title=False)
    else:
        _add_table(document, spec, spec.rows, 1)


def _add_table(document, spec: TableSpec, rows: list[Row], first_number: int, title: bool = True) -> None:
    titles = {"no": "NO", "sasaran": "SASARAN STRATEGIS", "indikator": "INDIKATOR KINERJA UTAMA",
              "penjelasan": "PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN INDIKATOR, CARA PERHITUNGAN)",
              "satuan": "SAT.", "sumber": "SUMBER DATA", **spec.titles}
    years = len(spec.years)
    width = 4 + years * len(spec.groups) + 2
    table = document.add_table(rows=2 + len(rows), cols=width)
    table.style = "Table Grid"
    if spec.title_row and title:
        above = table.rows[0]._tr
        above.addprevious(copy.deepcopy(above))
        table.cell(0, 0).merge(table.cell(0, width - 1)).text = spec.title_row
        table = _Shifted(table)
    heads = ["no", "sasaran", "indikator", "penjelasan"]
    for index, name in enumerate(heads):
        _merge_vertically(table, index, 0, 1, titles[name])
    for group_index, group in enumerate(spec.groups):
        start = 4 + group_index * years
        merged = table.cell(0, start).merge(table.cell(0, start + years - 1))
        merged.text = group
        for offset, year in enumerate(spec.years):
            table.cell(1, start + offset).text = year
    for offset, name in enumerate(("satuan", "sumber")):
        _merge_vertically(table, width - 2 + offset, 0, 1, titles[name])
    first_of_sasaran = 2
    for number, row in enumerate(rows, first_number):
        at = 2 + number - first_number
        table.cell(at, 0).text = f"{number}."
        if row.sasaran is not None or spec.repeat_sasaran:
            table.cell(at, 1).text = row.sasaran or table.cell(at - 1, 1).text
            first_of_sasaran = at
        elif at > first_of_sasaran:
            _merge_vertically(table, 1, first_of_sasaran, at, table.cell(first_of_sasaran, 1).text)
        table.cell(at, 2).text = row.indikator
        cell = table.cell(at, 3)
        cell.text = row.penjelasan[0]
        for part in row.penjelasan[1:]:
            cell.add_paragraph(part)
        for offset, value in enumerate(row.targets):
            table.cell(at, 4 + offset).text = value
        table.cell(at, width - 2).text = row.satuan
        table.cell(at, width - 1).text = row.sumber


class _Shifted:
    """A table whose rows are counted from the second: the header under a title row."""

    def __init__(self, table) -> None:
        self.table = table

    def cell(self, row: int, column: int):
        return self.table.cell(row + 1, column)


@dataclass
class TypedDocument:
    """A whole IKU as a typist writes it: each line a paragraph, headings bold, numbers typed."""

    cover: list[str]
    pengantar: list[str]
    signature: list[str]
    toc: list[str]
    body: list[str]  # "#BAB ..." a bold heading, "##..." a bold section heading, other lines text
    lampiran: list[str]
    table: TableSpec
    closing: list[str] = field(default_factory=list)
    heading_styles: bool = False  # headings in Word's Heading 1/2 styles instead of bold Normal paragraphs
    plain_table: list[list[str]] | None = None  # instead of ``table``: a grid typed row by row (add_plain_table)

    def save(self, path: Path) -> Path:
        document = docx.Document()
        document.styles["Normal"].font.size = Pt(12)
        for line in self.cover:
            add_text(document, line, bold=True)
        if self.pengantar:
            add_text(document, "KATA PENGANTAR", bold=True)
        for line in self.pengantar + self.signature:
            add_text(document, line)
        if self.toc:
            add_text(document, "DAFTAR ISI", bold=True)
        for line in self.toc:
            add_text(document, line)
        for line in self.body:
            if line.startswith("#") and self.heading_styles:
                level = len(line) - len(line.lstrip("#"))
                document.add_paragraph(line.lstrip("#"), style=f"Heading {level}")
            elif line.startswith("#"):
                add_text(document, line.lstrip("#"), bold=True)
            elif line.startswith("@"):  # an item of Word's own numbered list, its number not typed
                add_text(document, line[1:], style="List Number")
            else:
                add_text(document, line)
        add_text(document, "LAMPIRAN", bold=True)
        for line in self.lampiran:
            add_text(document, line)
        if self.plain_table:
            add_plain_table(document, self.plain_table)
        else:
            add_iku_table(document, self.table)
        for line in self.closing or self.signature:
            add_text(document, line)
        document.save(str(path))
        return path


_ITEM_LINE = re.compile(r"^\s*(?:- )?(?:\d{1,2}|[a-z])\.\s|\t")


def reference_as_typed(markdown: Path, path: Path) -> Path:
    """The official reference text (Markdown with tab-separated table rows) as its typist's Word file:
    each paragraph a Normal paragraph, its lines joined by line breaks, every list item and daftar isi
    line a paragraph of its own, **bold** runs, and the IKU table with its merged header cells."""
    document = docx.Document()
    chunks = re.split(r"\n\s*\n", markdown.read_text(encoding="utf-8"))
    for chunk in chunks:
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("NO\t"):
            _reference_table(document, lines)
        elif any(_ITEM_LINE.match(line) for line in lines):
            for line in lines:
                add_text(document, line.strip())
        else:
            add_text(document, "\n".join(line.strip() for line in lines))
    document.save(str(path))
    return path


def _reference_table(document, lines: list[str]) -> None:
    rows = [line.split("\t") for line in lines]
    width = len(rows[0])
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    header, years = rows[0], rows[1] + [""] * (width - len(rows[1]))
    column = 0
    while column < width:
        end = column
        while end + 1 < width and not header[end + 1] and years[end + 1]:
            end += 1
        if end > column:  # a target group over its years
            table.cell(0, column).merge(table.cell(0, end)).text = header[column]
            for offset in range(column, end + 1):
                table.cell(1, offset).text = years[offset]
        else:
            table.cell(0, column).merge(table.cell(1, column)).text = header[column]
        column = end + 1
    for at, cells in enumerate(rows[2:], 2):
        for column, text in enumerate(cells):
            parts = [p for p in re.split(r"</?p>", text) if p.strip()] or [""]
            cell = table.cell(at, column)
            cell.text = parts[0]
            for part in parts[1:]:
                cell.add_paragraph(part)


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def number_headings_like_word(path: Path, on_paragraphs: bool = False, style: str = "Heading") -> Path:
    """Word's own chapter numbering, as its multilevel list button sets it: a list whose first level
    prints "BAB %1" (I, II, ...) and second "%1.%2", linked to the Heading 1 and Heading 2 styles, or
    (``on_paragraphs``) set on each heading paragraph. The heading paragraphs hold the titles alone.
    With ``style="Normal"``, the chapter level alone is set on the bold Normal paragraphs of the titles."""
    from docx.oxml import parse_xml

    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {_W_NS} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="BAB %1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    if style == "Normal":  # "PENDAHULUAN" typed bold, "BAB I" printed by the list
        numbered = f'<w:numPr {_W_NS}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
        for paragraph in document.paragraphs:
            if paragraph.text in ("PENDAHULUAN", "PENUTUP"):
                paragraph._p.get_or_add_pPr().append(parse_xml(numbered))
        document.save(str(path))
        return path
    for level, name in enumerate(("Heading 1", "Heading 2")):
        numbered = f'<w:numPr {_W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        if on_paragraphs:
            for paragraph in document.paragraphs:
                if paragraph.style.name == name:
                    paragraph._p.get_or_add_pPr().append(parse_xml(numbered))
        else:
            document.styles[name].element.get_or_add_pPr().append(parse_xml(numbered))
    document.save(str(path))
    return path


def add_plain_table(document, rows: list[list[str]]) -> None:
    """A table typed cell by cell, one header row; a row of one text is one cell merged across the table
    (a sasaran set above its indicators)."""
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for at, cells in enumerate(rows):
        if len(cells) == 1:
            table.cell(at, 0).merge(table.cell(at, width - 1)).text = cells[0]
            continue
        for column, text in enumerate(cells):
            table.cell(at, column).text = text


def add_footnote(path: Path, after: str, note: str) -> Path:
    """A footnote, as Word's Insert Footnote makes it: a reference mark after the paragraph starting with
    ``after`` and the note's text in word/footnotes.xml (python-docx cannot add one)."""
    import zipfile

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text.startswith(after))
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    paragraph.add_run()._r.append(reference)
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>').encode()
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.footnotes+xml"/></Types>'))
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(b"</Relationships>", (
        b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'footnotes" Target="footnotes.xml"/></Relationships>'))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def ole_file(stream_name: str, stream: bytes) -> bytes:
    """A minimal OLE2 compound file, as Word 97 and Word's password encryption write them: 512-byte
    sectors, sector 0 the FAT, sector 1 the directory (the root and one stream), the stream from sector 2."""
    import struct

    sectors = max(1, -(-len(stream) // 512))
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)  # minor/major version, byte order, 2^9 sectors
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)  # one FAT sector; directory at sector 1
    struct.pack_into("<III", header, 0x38, 4096, 0xFFFFFFFE, 0)  # no mini stream
    struct.pack_into("<II", header, 0x44, 0xFFFFFFFE, 0)  # no DIFAT sectors
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [2 + i + 1 for i in range(sectors - 1)] + [0xFFFFFFFE]
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + b"\xff" * (512 - 4 * len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        data = bytearray(128)
        data[:len(encoded)] = encoded
        struct.pack_into("<HBB", data, 64, len(encoded), kind, 1)
        struct.pack_into("<III", data, 68, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<II", data, 116, start, size)
        return bytes(data)

    directory = (entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1) + entry(stream_name, 2, 2, len(stream))
                 + b"\0" * 256)
    return bytes(header) + fat_sector + directory + stream.ljust(sectors * 512, b"\0")


def word97_fib(encrypted: bool) -> bytes:
    """The first bytes of a Word 97 WordDocument stream: its FIB, the fEncrypted flag set or not."""
    import struct

    return struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0409, 0, 0x0100 if encrypted else 0) + b"\0" * 4096


_TEXT_BOX = """<w:r {ns} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">
<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300"
 simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2286000" cy="1828800"/>
<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="9" name="Kotak Teks 9"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="1828800"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>
<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape type="#_x0000_t202" style="position:absolute;width:180pt;height:144pt">
<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def add_text_box(path: Path, after: str, lines: list[str]) -> Path:
    """A text box holding ``lines`` (one paragraph each), as Word's Insert > Text Box writes it: DrawingML
    for new readers and the same box in VML for old ones, anchored in an empty paragraph put after the
    paragraph starting with ``after`` (as typists place a signature beside the page's last text)."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text.startswith(after))
    anchor = paragraph.insert_paragraph_before("")
    paragraph._p.addnext(anchor._p)  # after it, not before
    paragraphs = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>" for line in lines)
    anchor._p.append(parse_xml(_TEXT_BOX.format(ns=_W_NS, paragraphs=paragraphs)))
    document.save(str(path))
    return path
