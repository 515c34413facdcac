"""Repair and lay out a rendered Word document where its template cannot say it for each document:
lists restart at 1, tables get a grid that fills their page, a table takes the type size, column
widths and row pagination fitted for it (table_layout), and what a signature signs stays on the
signature's page.

Each function changes the OOXML tree of a python-docx document in place, and is tested on small
fragments.
"""

from __future__ import annotations

from ..page_setup import TWIPS_PER_MM, qn, section_text_width
from ..word_template import cell_margins, style_size

#: Paragraph style of the signature block (and the styles based on it).
SIGNATURE_STYLE = "TandaTangan"


def remove_empty_runs(body) -> None:
    """docxtpl leaves an empty run where each {{r ...}} tag stood; drop them."""
    properties, text = qn("w:rPr"), qn("w:t")
    for run in list(body.iter(qn("w:r"))):
        if all(c.tag == text and not c.text for c in run if c.tag != properties):
            run.getparent().remove(run)


def _style_chain(by_id: dict, style_id: str | None) -> list[str]:
    """``style_id`` and the styles it is based on, nearest first (``by_id``: the styles by their id)."""
    chain = []
    while style_id in by_id and style_id not in chain:
        chain.append(style_id)
        based = by_id[style_id].find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    return chain


_PARAGRAPH_STYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"
_VAL = qn("w:val")


def _paragraph_style(paragraph) -> str | None:
    style = paragraph.find(_PARAGRAPH_STYLE)
    return style.get(_VAL) if style is not None else None


def _list_numbering(styles) -> dict[str, str]:
    """Paragraph style id -> the numId its style numbers with."""
    numbering = {}
    for style in styles.iter(qn("w:style")):
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            numbering[style.get(qn("w:styleId"))] = num_id.get(qn("w:val"))
    return numbering


def restart_lists(body, styles, numbering) -> None:
    """Give each run of consecutive list paragraphs its own numbering instance, starting at 1.

    In Word, paragraphs that share a numbering instance continue one list across the document;
    a Markdown list, or a list in the lampiran, must start again at 1 (or a.)."""
    style_numbering = _list_numbering(styles)
    abstract_of = {num.numId: num.abstractNumId.val for num in numbering.num_lst}

    def num_id_of(paragraph) -> str | None:
        direct = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if direct is not None:
            return direct.get(qn("w:val"))
        return style_numbering.get(_paragraph_style(paragraph))

    current: tuple[str, int] | None = None  # (template numId, new numId) of the list being walked
    for element in body:
        num_id = num_id_of(element) if element.tag == qn("w:p") else None
        if num_id is None or int(num_id) not in abstract_of:
            current = None
            continue
        if current is None or current[0] != num_id:
            num = numbering.add_num(abstract_of[int(num_id)])
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
            current = (num_id, num.numId)
        _number(element.find(qn("w:pPr")), current[1])  # a list paragraph has a pPr: its style or numPr


# What may come before <w:numPr> inside <w:pPr>, in OOXML's order.
_BEFORE_NUMPR = {qn(f"w:{name}") for name in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")}


def _number(p_pr, num_id: int) -> None:
    """Number the paragraph of ``p_pr`` at level 0 of numbering instance ``num_id`` (as python-docx's
    get_or_add_numPr would, which costs a list-heavy document milliseconds in finding the place)."""
    num_pr = p_pr.find(qn("w:numPr"))
    if num_pr is None:
        num_pr = p_pr.makeelement(qn("w:numPr"), {})
        place = next((n for n, child in enumerate(p_pr) if child.tag not in _BEFORE_NUMPR), len(p_pr))
        p_pr.insert(place, num_pr)
    for index, name, value in ((0, "ilvl", 0), (1, "numId", num_id)):
        child = num_pr.find(qn(f"w:{name}"))
        if child is None:
            child = num_pr.makeelement(qn(f"w:{name}"), {})
            num_pr.insert(index, child)
        child.set(qn("w:val"), str(value))


# The order OOXML requires inside <w:tcPr>; docxtpl's merge tags append gridSpan/vMerge at the end.
_TCPR_ORDER = [qn(f"w:{name}") for name in (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)]


def _span(cell) -> int:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def fit_table_grid(table, proportions: list[float] | None = None) -> None:
    """Make the grid fill the text width of the table's section (A4 or F4), its columns in
    ``proportions`` (any unit), or else in the proportions of the template's cells.

    A {%tc for %} loop repeats a cell of the template, with its width, once per year: the grid
    must then have as many columns, and every cell the width of the columns it spans."""
    rows = table.findall(qn("w:tr"))
    for cell in table.iter(qn("w:tc")):
        tc_pr = cell.find(qn("w:tcPr"))
        if tc_pr is not None:
            tc_pr[:] = sorted(tc_pr, key=lambda e: _TCPR_ORDER.index(e.tag) if e.tag in _TCPR_ORDER else 99)
    if proportions is None:
        unspanned = [r for r in rows if all(_span(c) == 1 for c in r.findall(qn("w:tc")))]
        if not unspanned:
            return
        model_row = max(unspanned, key=lambda r: len(r.findall(qn("w:tc"))))
        proportions = [int(c.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
                       for c in model_row.findall(qn("w:tc"))]
    grid = table.find(qn("w:tblGrid"))
    total = section_text_width(table) or sum(int(col.get(qn("w:w"))) for col in grid)
    table_width = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    if table_width is not None:
        table_width.set(qn("w:w"), str(total))
        table_width.set(qn("w:type"), "dxa")
    scaled = [round(w * total / sum(proportions)) for w in proportions]
    scaled[-1] += total - sum(scaled)
    for col in list(grid):
        grid.remove(col)
    for width in scaled:
        grid.append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): str(width)}))
    for row in rows:
        column = 0
        for cell in row.findall(qn("w:tc")):
            span = _span(cell)
            tc_w = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if tc_w is not None:
                tc_w.set(qn("w:w"), str(sum(scaled[column:column + span])))
                tc_w.set(qn("w:type"), "dxa")
            column += span


def table_style(table) -> str | None:
    """The id of the table style ``table`` is drawn in."""
    style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def scale_table_type(table, styles, scale: float, table_style_id: str | None) -> None:
    """Shrink the table's type by ``scale``: the paragraph styles its cells use (which serve only the
    table; a signature row keeps its own) and its cell margins, so that the look stays the template's,
    only smaller (the margins those of its table style ``table_style_id``)."""
    if abs(scale - 1) < 1e-9:
        return
    by_id = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
    used = {_paragraph_style(p) for p in table.iter(qn("w:p"))} - {None} - _signature_styles(styles)
    sizes = {style_id: style_size(styles, style_id) for style_id in used if style_id in by_id}
    for style_id, size in sizes.items():
        r_pr = by_id[style_id].find(qn("w:rPr"))
        if r_pr is None:
            r_pr = by_id[style_id].makeelement(qn("w:rPr"), {})
            by_id[style_id].append(r_pr)
        for tag in ("w:sz", "w:szCs"):
            element = r_pr.find(qn(tag))
            if element is None:
                element = r_pr.makeelement(qn(tag), {})
                r_pr.append(element)
            element.set(qn("w:val"), str(round(size * 2 * scale)))
    tbl_pr = table.find(qn("w:tblPr"))
    existing = tbl_pr.find(qn("w:tblCellMar"))
    if existing is not None:
        tbl_pr.remove(existing)
    margins = tbl_pr.makeelement(qn("w:tblCellMar"), {})
    for side, twips in cell_margins(styles, table_style_id or "").items():
        margins.append(margins.makeelement(qn(f"w:{side}"), {qn("w:w"): str(round(twips * scale)),
                                                              qn("w:type"): "dxa"}))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _signature_styles(styles) -> set[str]:
    by_id = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
    return {style_id for style_id in by_id if SIGNATURE_STYLE in _style_chain(by_id, style_id)}


def body_rows(table, styles) -> list:
    """The rows that hold the table's data: neither the repeated header rows nor a signature row."""
    signature = _signature_styles(styles)
    return [row for row in table.findall(qn("w:tr"))
            if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
            and not any(_paragraph_style(p) in signature for p in row.iter(qn("w:p")))]


def paginate_rows(rows: list, breaks: list[tuple[bool, bool]]) -> None:
    """Set how each row breaks: ``breaks`` holds, for each of ``rows`` in order, (whole: never split
    across pages, with_next: kept on the page of the row after it). Rows of a template that has
    another number of them are left as they are."""
    if len(rows) != len(breaks):
        return
    for row, (whole, with_next) in zip(rows, breaks, strict=True):
        tr_pr = row.find(qn("w:trPr"))
        if tr_pr is None:
            tr_pr = row.makeelement(qn("w:trPr"), {})
            row.find(qn("w:tc")).addprevious(tr_pr)
        cant_split = tr_pr.find(qn("w:cantSplit"))
        if whole and cant_split is None:
            tr_pr.insert(0, tr_pr.makeelement(qn("w:cantSplit"), {}))
        elif not whole and cant_split is not None:
            tr_pr.remove(cant_split)
        if with_next:
            _keep_with_next(row)


def set_least_height(row, millimetres: float) -> None:
    """The row is at least this tall (Word's "at least" row height)."""
    tr_pr = row.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = row.makeelement(qn("w:trPr"), {})
        row.find(qn("w:tc")).addprevious(tr_pr)
    height = tr_pr.find(qn("w:trHeight"))
    if height is None:
        height = tr_pr.makeelement(qn("w:trHeight"), {})
        after = tr_pr.find(qn("w:cantSplit"))
        if after is not None:
            after.addnext(height)
        else:
            tr_pr.insert(0, height)
    height.set(qn("w:val"), str(round(millimetres * TWIPS_PER_MM)))
    height.set(qn("w:hRule"), "atLeast")


def header_rows(table) -> list:
    return [r for r in table.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]


def _keep_with_next(element) -> None:
    """Word keeps a paragraph with the next; a table row whose every paragraph has it, with the next row."""
    paragraphs = [element] if element.tag == qn("w:p") else list(element.iter(qn("w:p")))
    for paragraph in paragraphs:  # as python-docx's keepNext_val = True, without its slow search for the place
        p_pr = paragraph.find(qn("w:pPr"))
        if p_pr is None:
            p_pr = paragraph.makeelement(qn("w:pPr"), {})
            paragraph.insert(0, p_pr)
        keep = p_pr.find(qn("w:keepNext"))
        if keep is None:
            keep = p_pr.makeelement(qn("w:keepNext"), {})
            p_pr.insert(1 if len(p_pr) and p_pr[0].tag == qn("w:pStyle") else 0, keep)
        keep.attrib.pop(_VAL, None)


def keep_signatures_with_what_they_sign(body, styles) -> None:
    """What comes just before a signature block stays on its page: the paragraph before it; for a
    signature in a table row, the row before that row, or what comes before the table when the row is
    its first (a signature alone on a page is the first thing a reviewer sends back).

    The templates put a signature in a table row that cannot split: LibreOffice breaks a chain of
    paragraphs kept with the next when the chain cannot fit on a page, and keeps a table with the
    paragraph after it only by moving the table's whole last page along; a row it keeps whole, and
    rows it keeps together one by one."""
    signature = _signature_styles(styles)
    for paragraph in body.iter(qn("w:p")):
        if _paragraph_style(paragraph) not in signature:
            continue
        previous = _block_before(paragraph)
        if previous is not None and _paragraph_style(previous) in signature:
            continue
        if previous is None and paragraph.getparent().tag == qn("w:tc"):
            row = paragraph.getparent().getparent()
            row_before = next(row.itersiblings(qn("w:tr"), preceding=True), None)
            previous = row_before if row_before is not None else _block_before(row.getparent())
        if previous is None:
            continue
        if previous.tag == qn("w:tbl"):
            previous = previous.findall(qn("w:tr"))[-1]
        _keep_with_next(previous)


def _block_before(element):
    """The paragraph or table just before ``element`` among its siblings, if any."""
    return next((e for e in element.itersiblings(preceding=True) if e.tag in (qn("w:p"), qn("w:tbl"))), None)


def toc_fields(body) -> list[str]:
    """The instructions of the document's TOC fields, in order: its daftar isi (' TOC \\o "1-2" ...'), and
    the lists built from the paragraphs of given styles (a daftar tabel: ' TOC \\t "Judul Tabel,1" ...')."""
    return [text.strip() for paragraph in body.iter(qn("w:p"))
            if (text := "".join(t.text or "" for t in paragraph.iter(qn("w:instrText")))).strip().startswith("TOC")]


def toc_paragraphs(body) -> list:
    """The entry paragraphs of the document's TOC fields (its daftar isi, and a daftar tabel ...), in order."""
    entries, inside = [], False
    for paragraph in body.iter(qn("w:p")):
        instructions = "".join(t.text or "" for t in paragraph.iter(qn("w:instrText")))
        inside = inside or instructions.strip().startswith("TOC")
        if not inside:
            continue
        if "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip():
            entries.append(paragraph)
        if any(c.get(qn("w:fldCharType")) == "end" for c in paragraph.iter(qn("w:fldChar"))):
            inside = False
    return entries


def number_toc(body, settings, pages: list[str]) -> None:
    """Write ``pages`` after the tab of the daftar isi's entries, one each, in order, and take away what
    makes Word ask to update the fields on opening (the field is up to date)."""
    for paragraph, page in zip(toc_paragraphs(body), pages, strict=True):
        tab_run = [run for run in paragraph.findall(qn("w:r")) if run.find(qn("w:tab")) is not None][-1]
        run = tab_run.makeelement(qn("w:r"), {})
        text = run.makeelement(qn("w:t"), {})
        text.text = page
        run.append(text)
        tab_run.addnext(run)
    for field in body.iter(qn("w:fldChar")):
        field.attrib.pop(qn("w:dirty"), None)
    for update in settings.findall(qn("w:updateFields")):
        settings.remove(update)


def ask_word_to_update_fields(body, settings) -> None:
    """Word is asked to update the fields on opening (w:updateFields) exactly when the document has a
    daftar isi to fill: a document without one (a Perjanjian Kinerja) never asks. (A filled daftar isi
    drops the request again: number_toc.)"""
    wanted = bool(toc_paragraphs(body))
    present = settings.findall(qn("w:updateFields"))
    if wanted and not present:
        update = settings.makeelement(qn("w:updateFields"), {qn("w:val"): "true"})
        # After the elements CT_Settings puts before it (zoom ... doNotTrackMoves ... defaultTabStop ...).
        anchor = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
        if anchor is not None:
            anchor.addprevious(update)
        else:
            settings.append(update)
    elif not wanted:
        for update in present:
            settings.remove(update)


# Elements of w:settings that come after w:updateFields in the schema's order (the common ones).
_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")}
