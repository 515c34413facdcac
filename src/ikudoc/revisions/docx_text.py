"""Read the text of any DOCX, one paragraph or table row per line: what git's textconv shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph


def docx_lines(path: Path) -> Iterator[str]:
    document = docx.Document(str(path))
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [_Cell(tc, item).text.replace("\n", " / ") for tc in row._tr.tc_lst]
                yield " | ".join(cells)
