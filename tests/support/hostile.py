"""Word files made to hurt a reader, for the bad-input tests: parts edited in the zip of a small Word file
that python-docx wrote (never by ikudoc's own writer), and a zip whose part inflates past any bound."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def small_docx(path: Path) -> Path:
    """A Word file with a title, one footnote-free paragraph and a small IKU table."""
    document = docx.Document()
    document.add_paragraph("INDIKATOR KINERJA UTAMA")
    document.add_paragraph("Teks biasa.")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ("SASARAN", "INDIKATOR", "SATUAN", "TARGET 2025"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("Meningkatnya A", "Persentase A", "%", "50"), strict=True):
        cell.text = text
    document.save(str(path))
    return path


def edited(source: Path, target: Path, parts: dict[str, Callable[[str], str] | str | bytes]) -> Path:
    """``source`` with parts replaced or added: by a function of the part's old text, by text, or by bytes."""
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    for name, change in parts.items():
        if callable(change):
            files[name] = change(files[name].decode("utf-8")).encode("utf-8")
        else:
            files[name] = change if isinstance(change, bytes) else change.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def with_footnote_xml(source: Path, target: Path, footnotes: str, after: str = "Teks biasa.") -> Path:
    """``source`` with word/footnotes.xml as given, and a reference to footnote 1 after the paragraph
    ``after``; the package's relationships and content types name the part."""
    return edited(source, target, {
        "word/document.xml": lambda xml: xml.replace(
            f"<w:t>{after}</w:t></w:r>", f'<w:t>{after}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>', 1),
        "word/footnotes.xml": footnotes,
        "word/_rels/document.xml.rels": lambda xml: xml.replace("</Relationships>", (
            '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'footnotes" Target="footnotes.xml"/></Relationships>')),
        "[Content_Types].xml": lambda xml: xml.replace("</Types>", (
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.footnotes+xml"/></Types>')),
    })


def inflating(source: Path, target: Path, part: str, size: int) -> Path:
    """``source`` with ``part`` padded to ``size`` bytes of spaces before its end (deflated, a few hundred
    kilobytes on disk), written in chunks so that the test itself holds little of it."""
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            if name != part:
                out.writestr(name, data)
                continue
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with out.open(info, "w", force_zip64=True) as stream:
                head, tail = data.rsplit(b"</w:body>", 1) if b"</w:body>" in data else (data, b"")
                stream.write(head)
                chunk = b" " * (1 << 20)
                for _ in range(size // len(chunk)):
                    stream.write(chunk)
                stream.write(b"</w:body>" + tail)
    return target
