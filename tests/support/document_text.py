"""Read the text of a built DOCX or HTML, and of the reference, the way the fidelity tests compare them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

TOC_STYLES = {"toc 1", "toc 2"}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_blocks(path: Path) -> list[str]:
    """Every paragraph of the body and every table cell, in document order (python-docx).
    The daftar isi's entries are left out: the reference's daftar isi is not compared."""
    document = docx.Document(str(path))
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.style.name not in TOC_STYLES:
                blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                for tc in row._tr.tc_lst:
                    blocks.extend(p.text for p in _Cell(tc, item).paragraphs)
    return [normalise(b) for b in blocks if normalise(b)]


class _HtmlText(HTMLParser):
    BLOCKS = {"p", "li", "td", "th", "h1", "h2", "dt", "dd", "div", "br", "tr", "section", "header", "nav", "ol"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0  # inside <head>, or inside the daftar isi's list
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head" or (tag == "ol" and "daftar-isi" in self.stack):
            self.skip += 1
        self.stack.append("daftar-isi" if "daftar-isi" in (attributes.get("class") or "") else tag)
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
        if tag == "head" or (tag == "ol" and "daftar-isi" in self.stack):
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_blocks(path: Path) -> list[str]:
    parser = _HtmlText()
    parser.feed(path.read_text(encoding="utf-8"))
    return [normalise(b) for b in "".join(parser.parts).split("\n") if normalise(b)]


def reference_blocks(path: Path) -> list[str]:
    """Every heading, paragraph, list item and table cell of the reference, without Markdown marks
    and list numbers (ours are Word's or the browser's numbering, not text), and without its
    hand-typed daftar isi."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("DAFTAR ISI") + 1
    end = lines.index("BAB I PENDAHULUAN")
    blocks = []
    for line in lines[:start] + lines[end:]:
        for cell in line.split("\t"):
            for part in re.split(r"</?p>", cell):
                text = part.replace("*", "").strip()
                text = re.sub(r"^- ", "", text)
                text = re.sub(r"^(\d+|[a-z])\.\s+(?=\S)", "", text)
                if normalise(text):
                    blocks.append(normalise(text))
    return blocks


def missing_in_order(expected: list[str], actual: list[str]) -> list[str]:
    """The expected blocks not found, each after the previous one, in the joined actual text."""
    text = " ".join(actual)
    cursor = 0
    missing = []
    for block in expected:
        found = text.find(block, cursor)
        if found < 0:
            missing.append(block)
        else:
            cursor = found + len(block)
    return missing
