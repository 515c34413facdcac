"""What Word's styles and lists say about a paragraph or a run: its style's name, whether the style
makes it bold or italic, and the kind and level of the Word list it is an item of.

python-docx finds a paragraph's style by searching every style of the document, each time it is asked
(several milliseconds for a paragraph without a style of its own): a document of thousands of
paragraphs, or one made to be slow, took minutes. Here each style is looked up once, by its id.
"""

from __future__ import annotations

import re
from functools import cache

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Looks:
    """The styles and lists of one document, each looked up once."""

    def __init__(self, document) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self._paragraph, self._character = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
        styles = document.styles
        self._by_id = {(style.type, style.style_id): style for style in styles}
        self._default = {kind: styles.default(kind) for kind in (self._paragraph, self._character)}
        self.kinds = _list_kinds(document)
        self.paragraph_style = cache(self._paragraph_style)
        self.run_style = cache(self._run_style)

    def _paragraph_style(self, style_id: str | None) -> tuple[str, bool, tuple[str | None, str | None]]:
        """The style's name, whether it makes the text bold, and the Word list (numId, ilvl) it sets."""
        style = self._by_id.get((self._paragraph, style_id)) if style_id is not None else None
        style = style or self._default[self._paragraph]
        name = style.name if style is not None else ""
        bold = None
        num_id = ilvl = None
        while style is not None:
            if bold is None:
                bold = style.font.bold
            ppr = style.element.pPr
            found = ppr.find(f"{_W}numPr") if ppr is not None else None
            if found is not None:
                num_id = num_id or _val(found.find(f"{_W}numId"))
                ilvl = ilvl or _val(found.find(f"{_W}ilvl"))
            style = style.base_style
        return name or "", bool(bold), (num_id, ilvl)

    def _run_style(self, style_id: str | None) -> tuple[bool | None, bool | None]:
        style = self._by_id.get((self._character, style_id)) if style_id is not None else None
        style = style or self._default[self._character]
        bold = italic = None
        while style is not None and (bold is None or italic is None):
            bold = style.font.bold if bold is None else bold
            italic = style.font.italic if italic is None else italic
            style = style.base_style
        return bold, italic

    def run_look(self, run) -> tuple[bool, bool]:
        """Whether the run is bold and italic: its own formatting, else its character style's."""
        bold, italic = run.bold, run.italic
        if bold is None or italic is None:
            style_bold, style_italic = self.run_style(run._r.style)
            bold = style_bold if bold is None else bold
            italic = style_italic if italic is None else italic
        return bool(bold), bool(italic)

    def list_kind(self, p, style_list: tuple[str | None, str | None]) -> tuple[str | None, int]:
        """The kind of list the paragraph element ``p`` is an item of (None: not a list item), and its
        level (0: top). The paragraph's own numbering wins over its style's, each value on its own."""
        num_id = ilvl = None
        ppr = p.pPr
        found = ppr.find(f"{_W}numPr") if ppr is not None else None
        if found is not None:
            num_id, ilvl = _val(found.find(f"{_W}numId")), _val(found.find(f"{_W}ilvl"))
        num_id, ilvl = num_id or style_list[0], ilvl or style_list[1]
        if num_id in (None, "0"):
            return None, 0
        ilvl = ilvl or "0"
        fmt = self.kinds.get((num_id, ilvl), "decimal")
        kind = "bab" if fmt == "bab" else "huruf" if "Letter" in fmt else "butir" if fmt in ("bullet", "none") \
            else "angka"
        return kind, int(ilvl) if ilvl.isdigit() else 0


def _val(element) -> str | None:
    return element.get(f"{_W}val") if element is not None else None


def _list_kinds(document) -> dict[tuple[str, str], str]:
    """The number format of each Word list level by (numId, ilvl); "bab" for a level Word prints "BAB %1"."""
    kinds: dict[tuple[str, str], str] = {}
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return kinds
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
                kinds[(num.get(f"{_W}numId"), ilvl)] = fmt
    return kinds
