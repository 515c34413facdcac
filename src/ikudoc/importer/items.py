"""A paragraph -> a paragraph or a list item of the content's Markdown: Word's own lists, and lists as
typists type them ("1." / "a)" / "(1)" / "- a." / "ii." / "•"), the typed number dropped (ikudoc numbers
its lists itself), a roman number noted (ikudoc's lists are numbered or lettered)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reading import Para

# "1.", "a)", "(1)", "- a.", "iii."
_TYPED_ITEM = re.compile(r"^(\**)\s*(?:[-•–]\s*)?\(?(\d{1,2}|[a-z]|[ivx]{2,5})[.)]\s+(?=\S)")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
_TYPED_BULLET = re.compile(r"^(\**)\s*[-•–▪●]\s+(?=\S)")


@dataclass(frozen=True)
class Item:
    """A paragraph ("paragraf") or a list item ("angka", "huruf", "butir") as inline Markdown."""

    kind: str
    markdown: str
    text: str
    level: int = 0  # of an item of a Word list inside another item (ikudoc's lists have one level)
    footnotes: tuple[str, ...] = ()  # of its paragraph: not kept (ikudoc's content has none), but noted
    roman: bool = False  # typed "i." / "ii.": an "angka" item, as ikudoc's lists have no roman numbers
    notes: tuple[str, ...] = ()  # PERIKSA notes for the text field it is in


def _typed_kind(marker: str, previous: Item | None) -> tuple[str, bool]:
    """The list kind of a typed marker and whether it is roman: "ii", and "i" unless it follows "h." in a
    letter list; "v" and "x" only after a roman item."""
    if marker.isdigit():
        return "angka", False
    after_roman = previous is not None and previous.roman
    after_letter = previous is not None and previous.kind == "huruf"
    if marker in _ROMAN and (len(marker) > 1 or after_roman or (marker == "i" and not after_letter)):
        return "angka", True
    return "huruf", False


def item_of(block: Para, previous: Item | None = None) -> Item:
    """The paragraph as a list item (of a Word list, or typed "1." / "a)" / "(1)" / "ii." / "-") or a
    paragraph; ``previous`` is the item before it, which tells "i." of "h., i." from a roman "i."."""
    markdown, text = block.markdown.strip(), block.text.strip()
    typed = _TYPED_ITEM.match(markdown) if _TYPED_ITEM.match(text) else None
    if block.numbered:  # Word numbers it: a number also typed ("1. 1. ...") is dropped
        if typed:
            markdown, text = typed.group(1) + markdown[typed.end():], _TYPED_ITEM.sub("", text, count=1)
        return Item(block.numbered, markdown, text, block.level, block.footnotes)
    if typed:
        kind, roman = _typed_kind(typed.group(2), previous)
        return Item(kind, typed.group(1) + markdown[typed.end():], _TYPED_ITEM.sub("", text, count=1),
                    footnotes=block.footnotes, roman=roman)
    bullet = _TYPED_BULLET.match(markdown)
    if bullet and _TYPED_BULLET.match(text):
        return Item("butir", bullet.group(1) + markdown[bullet.end():], _TYPED_BULLET.sub("", text, count=1),
                    footnotes=block.footnotes)
    return Item("paragraf", markdown, text, footnotes=block.footnotes)


def items_of(paras: list[Para]) -> list[Item]:
    items: list[Item] = []
    for para in paras:
        items.append(item_of(para, items[-1] if items else None))
    return items
