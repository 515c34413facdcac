"""Facts written in the text -> the data they belong to, and the text -> its references.

The table gives the sasaran and indicators: a list in the text that names them exactly becomes
``{daftar_sasaran}`` / ``{daftar_iku}``; one spelled with other capitals stays as typed. The text alone
gives the rest: the list introduced by a sentence about misi, strategi or kebijakan becomes [rpjmd] misi
or [renstra] strategi / kebijakan and its reference; the quoted text after "visi ... adalah" or
"tujuan ... adalah" becomes [rpjmd] visi or [renstra] tujuan and ``{visi}`` / ``{tujuan}``; a paragraph
quoting one misi whole becomes ``{misi_pilihan}``. A list or quote that cannot be matched is kept as
written, with a PERIKSA note.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..content.problems import Loc
from .items import Item
from .markdown import inline, sentences
from .periksa import Periksa

_QUOTED = re.compile(r"(\*{0,2})([“\"])[ \t]*(\*{0,2})([^“”\"]+?)(\*{0,2})[ \t]*([”\"])(\*{0,2})")
_MISI_PREFIX = re.compile(r"^\**\s*Misi\s*[-–]?\s*\d+\s*[:.]\s*\**\s*", re.IGNORECASE)


@dataclass
class Facts:
    visi: str | None = None
    misi: list[str] = field(default_factory=list)
    misi_pilihan: int | None = None
    tujuan: str | None = None
    strategi: list[str] = field(default_factory=list)
    kebijakan: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # the references made, in order


def _plain(markdown: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\\(.)", r"\1", markdown.replace("*", ""))).strip()


def _lists(items: list[Item]) -> list[tuple[int, int]]:
    """(start, end) of every run of list items of one kind."""
    runs = []
    index = 0
    while index < len(items):
        if items[index].kind in ("angka", "huruf", "butir"):
            end = index
            while end < len(items) and items[end].kind == items[index].kind:
                end += 1
            runs.append((index, end))
            index = end
        else:
            index += 1
    return runs


def derive(fields: dict[Loc, list[Item]], sasaran: list[str], indikator: list[str], periksa: Periksa) -> Facts:
    """Replace in ``fields`` (text items by the location of their field) the lists and quotes that are
    facts with references; return the facts found."""
    facts = Facts()
    for loc, items in fields.items():
        for start, end in reversed(_lists(items)):
            reference = _list_reference(items, start, end, sasaran, indikator, facts, loc, periksa)
            if reference:
                items[start:end] = [Item("rujukan", "{" + reference + "}", "")]
                facts.references.append(reference)
    for loc, items in fields.items():
        for index, item in enumerate(items):
            if item.kind == "paragraf":
                items[index] = Item("paragraf", _quotes(item.markdown, facts, loc, periksa), item.text)
    if facts.misi:
        _chosen_mission(fields, facts)
    facts.references.sort()
    return facts


def _list_reference(items, start, end, sasaran, indikator, facts: Facts, loc, periksa) -> str | None:
    texts = [_plain(item.markdown) for item in items[start:end]]
    intro = items[start - 1].text if start > 0 and items[start - 1].kind == "paragraf" else ""
    last = sentences(intro)[-1] if intro else ""
    for name, data in (("daftar_sasaran", sasaran), ("daftar_iku", indikator)):
        if data and texts == data:
            return name
        if data and [t.casefold() for t in texts] == [d.casefold() for d in data]:
            # An official text may spell its list otherwise than its table; a reference would print the
            # table's spelling, so the list stays as typed (check warns if it ever drifts from the table).
            return None
    words = re.findall(r"\b(misi|strategi|kebijakan|sasaran|indikator)\b", last.casefold())
    if not words:
        return None
    word = words[0]
    if word in ("sasaran", "indikator"):
        data = [d.casefold() for d in (sasaran if word == "sasaran" else indikator)]
        if len(words) == 1 or words[1] not in ("misi", "strategi", "kebijakan"):
            if not any(difflib.get_close_matches(t.casefold(), data, n=1, cutoff=0.8) for t in texts):
                return None
            periksa.add(loc, f"daftar sesudah \"{last[:50]}\" tampaknya daftar {word}, tetapi tidak sama dengan "
                        "tabel lampiran; dibiarkan seperti tertulis")
            return None
        word = words[1]
    target = {"misi": facts.misi, "strategi": facts.strategi, "kebijakan": facts.kebijakan}[word]
    if target:
        return None
    markdown = [item.markdown for item in items[start:end]]
    if word == "misi":
        markdown = [_MISI_PREFIX.sub("", m) for m in markdown]
    markdown = [inline(m) for m in markdown]
    target.extend(markdown)
    if items[start].kind != "angka":
        periksa.add(loc, f"daftar {word} ditulis dengan huruf/butir; {{daftar_{word}}} mencetaknya bernomor 1., 2.")
    return f"daftar_{word}"


def _quotes(markdown: str, facts: Facts, loc, periksa: Periksa) -> str:
    for match in _QUOTED.finditer(markdown):
        before = markdown[max(0, match.start() - 200):match.start()].casefold()
        spots = {name: before.rfind(name) for name in ("visi", "tujuan")}
        name = max(spots, key=spots.get)
        if spots[name] < 0 or not re.search(r"adalah|yaitu|:", before[spots[name]:]):
            continue
        if getattr(facts, name) is not None or re.search(r"\{\w+\}", match.group(4)):
            continue
        setattr(facts, name, match.group(4).strip())
        facts.references.append(name)
        return markdown[:match.start(4)] + "{" + name + "}" + markdown[match.end(4):]
    return markdown


def _chosen_mission(fields: dict[Loc, list[Item]], facts: Facts) -> None:
    for items in fields.values():
        for index, item in enumerate(items):
            if item.kind != "paragraf":
                continue
            for number, misi in enumerate(facts.misi, 1):
                if len(misi) >= 12 and misi in item.markdown:
                    items[index] = Item("paragraf", item.markdown.replace(misi, "{misi_pilihan}", 1), item.text)
                    facts.misi_pilihan = number
                    facts.references.append("misi_pilihan")
                    return
