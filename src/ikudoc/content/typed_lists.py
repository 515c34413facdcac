"""Read the lists of a content file's Markdown into ``<ol>`` and ``<ul>`` elements: numbered ("1." or
"1)", "#." for the next number), lettered ("a." or "a)") and bulleted ("-", "*", "+"), a change of
marker starting a new list.

Python-Markdown itself knows only "1." and bullets, and joins neighbouring lists of any kind into one.
pymdownx.fancylists does what is needed, but importing it (with the YAML and URL libraries it brings)
costs every command about 80 ms of a build's 600, for this one rule; it is kept as the reference the
tests compare this processor with (tests/test_markup.py). Lists other than the ones above are marked
with their HTML type ("A", "i") for the caller to refuse, as fancylists marks them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache

from markdown.blockprocessors import OListProcessor


def _roman(i: str, v: str, x: str, l: str, c: str, d: str, m: str) -> str:  # noqa: E741 (the Roman digits)
    """Roman numbers of two letters or more written with these digits, as fancylists reads them."""
    return (rf"(?=[{i}{v}{x}{l}{c}{d}{m}]{{2}}){m}*"
            rf"(?:{c}[{m}{d}]|{d}(?:{c}{{0,4}}|{c}{{5}}\b)|(?:{c}{{0,9}}|{c}{{10}}\b))"
            rf"(?:{x}[{c}{l}]|{l}(?:{x}{{0,4}}|{x}{{5}}\b)|(?:{x}{{0,9}}|{x}{{10}}\b))"
            rf"(?:{i}[{x}{v}]|{v}(?:{i}{{0,4}}|{i}{{5}}\b)|(?:{i}{{0,9}}|{i}{{10}}\b))")


#: Roman numbers of two letters or more, lower case and capital.
ROMAN, CAPITAL_ROMAN = _roman(*"ivxlcdm"), _roman(*"IVXLCDM")
#: What numbers an ordered list item, before its "." or ")": a number, "#" (the next of the list it is
#: in), a Roman number, a lower-case letter, or a capital letter or Roman number followed by ")" or by
#: "." and two spaces: a sentence starting with an initial or an abbreviation ("A. Rahman", "CV. Maju
#: Jaya", "DI. Yogyakarta") stays a sentence. (fancylists takes "CV. Maju" for a Roman list.)
ORDINAL = rf"(?:\d+|#|{ROMAN}|[a-z]|(?:{CAPITAL_ROMAN}|[A-Z])(?=\)|\.[ ]{{2}}))"
_MARKER = rf"{ORDINAL}[.)]|[*+-]"


class TypedListProcessor(OListProcessor):
    """Replaces Python-Markdown's "olist" and "ulist" processors."""

    def __init__(self, parser) -> None:
        super().__init__(parser)
        self.CHILD_RE, self.INDENT_RE = _patterns(self.tab_length)
        self.RE = self.CHILD_RE

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        sibling = self.lastChild(parent)
        style = _style(self.CHILD_RE.match(lines[0]).group(1), sibling)
        for number, line in enumerate(lines[1:], 1):
            item = self.CHILD_RE.match(line)
            if item and _style(item.group(1), style) != style:
                blocks.insert(0, "\n".join(lines[number:]))  # another list: parsed as a block of its own
                lines = lines[:number]
                break
        items = self.get_items("\n".join(lines))
        if sibling is not None and _list_style(sibling) == style:
            # After a blank line, the same list goes on; its items become paragraphs (Markdown's loose list).
            lst = sibling
            if lst[-1].text:
                paragraph = etree.Element("p")
                paragraph.text, lst[-1].text = lst[-1].text, ""
                lst[-1].insert(0, paragraph)
            last = self.lastChild(lst[-1])
            if last is not None and last.tail:
                paragraph = etree.SubElement(lst[-1], "p")
                paragraph.text, last.tail = last.tail.lstrip(), ""
            self.parser.state.set("looselist")
            self.parser.parseBlocks(etree.SubElement(lst, "li"), [items.pop(0)])
            self.parser.state.reset()
        elif parent.tag in ("ol", "ul"):  # a nested list's first item (refused by the caller)
            lst = parent
        else:
            tag, kind, delimiter = style
            lst = etree.SubElement(parent, tag, {"type": kind, "data-tanda": delimiter} if tag == "ol" else {})
        self.parser.state.set("list")
        for item in items:
            if item.startswith(" " * self.tab_length):
                self.parser.parseBlocks(lst[-1], [item])
            else:
                self.parser.parseBlocks(etree.SubElement(lst, "li"), [item])
        self.parser.state.reset()

    def get_items(self, block: str) -> list[str]:
        items: list[str] = []
        for line in block.split("\n"):
            if item := self.CHILD_RE.match(line):
                items.append(item.group(2))
            elif self.INDENT_RE.match(line) and not items[-1].startswith(" " * self.tab_length):
                items.append(line)
            else:
                items[-1] = f"{items[-1]}\n{line}"
        return items


@cache  # Markdown makes its processors for every instance; the patterns are compiled once
def _patterns(tab_length: int) -> tuple[re.Pattern, re.Pattern]:
    """An item (a list's first or a later one) and an indented item, for Markdown's ``tab_length``."""
    return (re.compile(rf"^[ ]{{0,{tab_length - 1}}}({_MARKER})[ ]+(.*)"),
            re.compile(rf"^[ ]{{{tab_length},{tab_length * 2 - 1}}}(?:{_MARKER})[ ]+.*"))


Style = tuple[str, str, str]  # tag, HTML list type, delimiter


def _style(marker: str, before: Style | etree.Element | None) -> Style:
    """The kind of list ``marker`` makes. "i" continues a lettered list; it starts a Roman one."""
    if marker in "*+-":
        return "ul", "", ""
    number, delimiter = marker[:-1], marker[-1]
    previous = _list_style(before) if isinstance(before, etree.Element) else before
    if number == "#":  # the next item of the list it follows, of its kind
        return ("ol", previous[1], delimiter) if previous and previous[0] == "ol" else ("ol", "1", delimiter)
    if number.isdigit():
        return "ol", "1", delimiter
    if len(number) > 1:
        return "ol", "I" if number.isupper() else "i", delimiter
    if number.isupper():
        return "ol", "A", delimiter
    if number == "i" and previous != ("ol", "a", delimiter):
        return "ol", "i", delimiter
    return "ol", "a", delimiter


def _list_style(element: etree.Element) -> Style | None:
    if element.tag == "ul":
        return "ul", "", ""
    if element.tag == "ol":
        return "ol", element.get("type", "1"), element.get("data-tanda", ".")
    return None
