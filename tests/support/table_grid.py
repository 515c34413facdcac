"""Read the IKU table of a built DOCX or HTML as a grid of cell texts, the way a reader sees it: one
row per table row, one entry per grid column; a cell covered by a merge from above is "^", one
covered from the left is "<". Both formats give the same grid for the same content."""

from __future__ import annotations

from pathlib import Path

import docx
from lxml import etree

from support.document_text import normalise

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def iku_table(path: Path) -> etree._Element:
    """The IKU table of a Word file: the table of style TabelIKU (the signatures are tables too)."""
    return docx.Document(str(path)).element.body.xpath(".//w:tbl[w:tblPr/w:tblStyle/@w:val='TabelIKU']")[0]


def docx_grid(path: Path) -> list[list[str]]:
    """The IKU table of a Word file, without its signature row (a paragraph styled Tanda Tangan)."""
    table = iku_table(path)
    grid = []
    for row in table.findall(f"{W}tr"):
        if row.xpath(".//w:pStyle[starts-with(@w:val, 'TandaTangan')]"):
            continue
        cells = []
        for cell in row.findall(f"{W}tc"):
            span = cell.find(f"{W}tcPr/{W}gridSpan")
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            text = "^" if merge is not None and merge.get(f"{W}val") in (None, "continue") else normalise(
                " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p")))
            cells += [text] + ["<"] * (int(span.get(f"{W}val")) - 1 if span is not None else 0)
        grid.append(cells)
    return grid


def html_grid(path: Path) -> list[list[str]]:
    """The table of class "iku" of an HTML page."""
    page = etree.HTML(path.read_bytes())
    rows = page.xpath("//table[@class='iku']//tr")
    grid: list[list[str | None]] = [[] for _ in rows]
    for r, row in enumerate(rows):
        column = 0
        for cell in row.xpath("th|td"):
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1
            rowspan, colspan = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            for down in range(rowspan):
                for across in range(colspan):
                    line = grid[r + down]
                    line += [None] * (column + across + 1 - len(line))
                    line[column + across] = ("<" if across else "^" if down else
                                             normalise(" ".join(cell.itertext())))
            column += colspan
    return [[text or "" for text in line] for line in grid]
