"""Compare two revisions of a document, of any kind, into a list of changes, grouped and in document
order: the machinery every kind's comparison uses (iku/diff.py, perjanjian/diff.py). Texts are compared
paragraph by paragraph (list items one by one), and within a changed paragraph word by word; a
paragraph that only moved is reported once, as a move.
"""

from __future__ import annotations

import difflib
import re
from collections import deque
from dataclasses import dataclass

from ..content.markup import ListBlock, ListReference, Paragraph, Runs, Text
from ..content.similarity import word_similarity

# Two paragraphs sharing at least this share of their words are one changed paragraph; less similar
# ones are shown as removed and added.
PARAGRAPH_SIMILARITY = 0.5

Segments = tuple[tuple[str, str], ...]  # ("=", same words), ("-", deleted words), ("+", inserted words)


@dataclass(frozen=True)
class Change:
    """One difference, in the document's own words."""

    kelompok: str  # the part of the document: "Target", "BAB II PENGERTIAN ...", ...
    jenis: str  # "ubah", "tambah", "hapus", "ganti-nama", "pindah"
    lokasi: str  # what changed: "Target 2024, Persentase ...", "2.2 VISI DAN MISI, paragraf 4"
    kunci: str  # where it is written in the content file (the new one, or the old one for removals)
    lama: str | None = None  # the old value or text; None when it was added
    baru: str | None = None  # the new value or text; None when it was removed
    kata: Segments = ()  # word-level diff of a changed text
    satuan: str | None = None  # the unit of a target
    satuan_lama: str | None = None  # the old unit, when it changed
    asal: str | None = None  # where a moved paragraph was
    bagian: str = ""  # the group's stable id, for templates and programs: labels may be reworded


@dataclass(frozen=True)
class TargetCell:
    lama: str | None
    baru: str | None

    @property
    def berubah(self) -> bool:
        return self.lama != self.baru


@dataclass(frozen=True)
class TargetRow:
    nama: str
    nama_lama: str | None
    status: str  # "tetap", "tambah", "hapus", "ganti-nama"
    satuan: str
    sel: tuple[TargetCell, ...]


@dataclass(frozen=True)
class Comparison:
    lama: str
    baru: str
    perubahan: tuple[Change, ...]
    tahun: tuple[str, ...] = ()
    target: tuple[TargetRow, ...] = ()
    dokumen: str = "IKU"  # what kind of document was compared: its kind's label

    @property
    def berbeda(self) -> bool:
        return bool(self.perubahan)


def word_diff(old: str, new: str) -> Segments:
    """Segments of equal, deleted and inserted words turning ``old`` into ``new``; neighbouring changed
    words form one segment, each word keeping the space that follows it. The equal and inserted segments
    make ``new``, the equal and deleted ones ``old``."""
    a, b = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    segments: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if text and segments and segments[-1][0] == op:
            segments[-1] = (op, segments[-1][1] + text)
        elif text:
            segments.append((op, text))

    starts = {"-": "", "+": ""}  # the space the next deleted or inserted words start with
    for tag, i1, i2, j1, j2 in word_opcodes([w.strip() for w in a], [w.strip() for w in b]):
        if tag == "equal":
            # Equal words keep the space after them where both texts go on; where one text ends there,
            # the other's space goes to the words it goes on with.
            old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
            old_space, new_space = old_text[len(old_text.rstrip()):], new_text[len(new_text.rstrip()):]
            add("=", new_text if old_space else new_text.rstrip())
            starts = {"-": "" if new_space else old_space, "+": "" if old_space else new_space}
        else:
            add("-", starts["-"] + "".join(a[i1:i2]) if i2 > i1 else "")
            add("+", starts["+"] + "".join(b[j1:j2]) if j2 > j1 else "")
    return tuple(segments)


def word_opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes turning the words ``a`` into ``b``. A renamed indicator (every word once on each
    side, a word or two replaced by words the other side does not have) gets them without difflib: the
    words both ends share, and one change between."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head:len(a) - tail], b[head:len(b) - tail]
    if len(set(a)) < len(a) or len(set(b)) < len(b) or not set(middle_a).isdisjoint(b) \
            or not set(middle_b).isdisjoint(a):
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    opcodes = [("equal", 0, head, 0, head)] if head else []
    if middle_a or middle_b:
        tag = "replace" if middle_a and middle_b else "delete" if middle_a else "insert"
        opcodes.append((tag, head, len(a) - tail, head, len(b) - tail))
    if tail:
        opcodes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return opcodes


def marked_text(runs: Runs) -> str:
    """Runs as their Markdown, so that a change of **bold** or *italic* is a change too."""
    text = ""
    for run in runs:
        piece = "\n" if run.baris_baru else ("{" + run.rujukan + "}" if run.rujukan else run.teks)
        if run.miring:
            piece = f"*{piece}*"
        if run.tebal:
            piece = f"**{piece}**"
        text += piece
    return text


@dataclass(frozen=True)
class TextUnit:
    """A paragraph or a list item of a text, with the words a reader would use to find it."""

    label: str  # "paragraf 3", "paragraf 3, butir 2"
    text: str


def text_units(text: Text | None) -> list[TextUnit]:
    units: list[TextUnit] = []
    paragraph = 0
    for block in (text.blok if text else ()):
        if isinstance(block, Paragraph):
            paragraph += 1
            units.append(TextUnit(f"paragraf {paragraph}", marked_text(block.runs)))
        elif isinstance(block, ListReference):
            units.append(TextUnit(f"daftar sesudah paragraf {paragraph}", "{" + block.nama + "}"))
        elif isinstance(block, ListBlock):
            units += [TextUnit(f"paragraf {paragraph}, butir {n}", marked_text(item))
                      for n, item in enumerate(block.butir, 1)]
    return units


@dataclass(frozen=True)
class Group:
    """A part of a comparison: its id, stable for templates and programs, and its label, in the
    document's words. Each kind declares its own; a chapter is the group "bab", labelled by its title."""

    id: str
    label: str


class Collector:
    """Gathers changes; a paragraph removed in one place and added in another becomes one move."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(self, group: Group, jenis: str, lokasi: str, kunci: str, lama: str | None = None,
            baru: str | None = None, **more) -> None:
        self.changes.append(Change(group.label, jenis, lokasi, kunci, lama, baru, **more, bagian=group.id))

    def value(self, group: Group, label: str, key: str, old, new) -> None:
        if old != new:
            old_text, new_text = (None if v is None else str(v) for v in (old, new))
            kind = "tambah" if old is None else "hapus" if new is None else "ubah"
            self.add(group, kind, label, key, old_text, new_text)

    def text(self, group: Group, label: str, key: str, old: str | None, new: str | None) -> None:
        if old == new:
            return
        if old is None or new is None:
            self.value(group, label, key, old, new)
            return
        self.add(group, "ubah", label, key, old, new, kata=word_diff(old, new))

    def units(self, group: Group, prefix: str, key: str, old: list[TextUnit], new: list[TextUnit]) -> None:
        """The paragraphs and list items of one text, aligned; changed ones compared word by word."""
        labelled = f"{prefix}, " if prefix else ""
        matcher = difflib.SequenceMatcher(None, [u.text for u in old], [u.text for u in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            pairs, last = [], j1 - 1
            for i in range(i1, i2):  # pair similar paragraphs, keeping their order
                match = next((j for j in range(last + 1, j2) if word_similarity(old[i].text, new[j].text)
                              >= PARAGRAPH_SIMILARITY), None)
                if match is not None:
                    pairs.append((i, match))
                    last = match
            paired_old, partner = {i for i, _ in pairs}, {j: i for i, j in pairs}
            for i in range(i1, i2):
                if i not in paired_old:
                    self.add(group, "hapus", f"{labelled}{old[i].label} (lama)", key, old[i].text, None)
            for j in range(j1, j2):  # in the new document's order
                if j in partner:
                    self.text(group, f"{labelled}{new[j].label}", key, old[partner[j]].text, new[j].text)
                else:
                    self.add(group, "tambah", f"{labelled}{new[j].label}", key, None, new[j].text)

    def finish(self) -> tuple[Change, ...]:
        """Pair each removed paragraph with an identical added one: it moved. (Each text is looked up,
        not searched for: two long documents that differ throughout make thousands of each.)"""
        changes = list(self.changes)
        added: dict[str | None, deque[int]] = {}  # text -> the places of its additions, in order
        for place, change in enumerate(changes):
            if change.jenis == "tambah":
                added.setdefault(change.baru, deque()).append(place)
        moved: set[int] = set()
        for place, removed in enumerate(changes):
            if removed.jenis != "hapus" or not removed.lama or removed.satuan is not None \
                    or not added.get(removed.lama):
                continue
            to = added[removed.lama].popleft()
            origin = removed.lokasi.removesuffix(" (lama)")
            arrived = changes[to]
            changes[to] = Change(
                arrived.kelompok, "pindah", arrived.lokasi, arrived.kunci, removed.lama, arrived.baru,
                asal=origin if removed.kelompok == arrived.kelompok else f"{removed.kelompok}, {origin}",
                bagian=arrived.bagian,
            )
            moved.add(place)
        return tuple(change for place, change in enumerate(changes) if place not in moved)
