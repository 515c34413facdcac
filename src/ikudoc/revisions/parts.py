"""The parts of a document that every kind's comparison goes through the same way: a table's titled
fields (each labelled by its title, content.fields), a list of texts item by item, and the chapters,
section by section.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content.fields import Bab
from ..content.formatting import roman_numeral
from ..content.markup import InlineText, Text
from ..content.problems import format_key_path
from ..content.walk import titled_fields
from .comparison import Collector, Group, TextUnit, marked_text, text_units


def inline(text: InlineText | None) -> str | None:
    """A one-paragraph text as its Markdown, or None."""
    return None if text is None else marked_text(text.runs)


def shown(value: Any) -> str | None:
    """A field's value as the document (or a reader) says it: a period "2019–2024", a date "Oktober 2024",
    a file by its name, "ya"/"tidak"."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Path):
        return value.name
    if hasattr(value, "teks"):  # a period, a date, margins
        return value.teks
    if isinstance(value, (list, tuple)):
        return "; ".join(str(shown(item)) for item in value)
    return str(value)


def compare_fields(out: Collector, group: Group, key: str, old: BaseModel | None, new: BaseModel | None,
                   suffix: str = "", skip: tuple[str, ...] = (), show: Callable[[Any], str | None] = shown,
                   show_new: Callable[[Any], str | None] | None = None, only: tuple[str, ...] = ()) -> None:
    """Every titled field of two versions of one table (either may be missing), in the model's order,
    labelled by its title (and ``suffix``: ", <indicator>"): a text word by word, a list of texts item
    by item, any other value as ``show`` says it (the new one as ``show_new``, when the two tables show
    their values apart: an indicator's number of decimals). ``only`` or ``skip`` choose the fields."""
    if old is None and new is None:
        return
    for name, title in titled_fields(type(new if new is not None else old)):
        if name in skip or (only and name not in only):
            continue
        before = getattr(old, name) if old is not None else None
        after = getattr(new, name) if new is not None else None
        if before == after and not _shown_apart(before):
            continue
        label, at = f"{title}{suffix}", f"{key}.{name}"
        if isinstance(before, InlineText) or isinstance(after, InlineText):
            out.text(group, label, at, inline(before), inline(after))
        elif isinstance(before, Text) or isinstance(after, Text):
            out.units(group, label, at, text_units(before), text_units(after))
        elif _texts(before) or _texts(after):
            compare_list(out, group, label, at, before or [], after or [])
        else:
            out.value(group, label, at, show(before), (show_new or show)(after))


def _shown_apart(value: Any) -> bool:
    """Equal values that may still be shown apart (a target typed 7.2 and 7.20): compared as shown."""
    return hasattr(value, "nilai")


def _texts(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, InlineText) for item in value)


def compare_list(out: Collector, group: Group, label: str, key: str, old: list[InlineText],
                 new: list[InlineText]) -> None:
    """A list of one-paragraph texts, item by item ("Misi, butir 3")."""
    before, after = ([TextUnit(f"butir {n}", marked_text(item.runs)) for n, item in enumerate(items, 1)]
                     for items in (old, new))
    out.units(group, label, key, before, after)


@dataclass(frozen=True)
class _Section:
    chapter: str  # the chapter's title, which names the group
    title: str
    label: str  # "2.3 TUJUAN DAN SASARAN", or "" for the chapter's own text
    key: str
    text: Text | None


def _sections(chapters: list[Bab], at: str) -> list[_Section]:
    sections = []
    for b, bab in enumerate(chapters, 1):
        sections.append(_Section(bab.judul, bab.judul, "", format_key_path((at, b - 1, "isi")), bab.isi))
        sections += [_Section(bab.judul, g.judul, f"{b}.{n} {g.judul}",
                              format_key_path((at, b - 1, "bagian", n - 1, "isi")), g.isi)
                     for n, g in enumerate(bab.bagian, 1)]
    return sections


def compare_chapters(out: Collector, old: list[Bab], new: list[Bab], at: str = "bab") -> None:
    """The chapters written under ``at``, section by section: a chapter is one group ("bab"), named as
    the new document numbers it (or the old one, if it was removed)."""
    groups = {bab.judul: Group("bab", f"BAB {roman_numeral(n)} {bab.judul}") for n, bab in enumerate(old, 1)}
    groups |= {bab.judul: Group("bab", f"BAB {roman_numeral(n)} {bab.judul}") for n, bab in enumerate(new, 1)}
    before, after = _sections(old, at), _sections(new, at)
    titles = difflib.SequenceMatcher(None, [(s.chapter, s.title) for s in before],
                                     [(s.chapter, s.title) for s in after], autojunk=False)
    for _tag, i1, i2, j1, j2 in titles.get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False))  # equal titles, or titles changed in place
        for i, j in pairs:
            was, now = before[i], after[j]
            group = groups[now.chapter]
            if was.title != now.title:
                out.text(group, f"Judul {now.label or group.label}", now.key.rsplit(".", 1)[0] + ".judul",
                         was.title, now.title)
            out.units(group, now.label, now.key, text_units(was.text), text_units(now.text))
        for section in [before[i] for i in range(i1 + len(pairs), i2)]:
            text = "\n".join(u.text for u in text_units(section.text))
            out.add(groups[section.chapter], "hapus", f"{section.label or 'Teks bab'} dihapus", section.key, text,
                    None)
        for section in [after[j] for j in range(j1 + len(pairs), j2)]:
            text = "\n".join(u.text for u in text_units(section.text))
            out.add(groups[section.chapter], "tambah", f"{section.label or 'Teks bab'} ditambah", section.key, None,
                    text)
