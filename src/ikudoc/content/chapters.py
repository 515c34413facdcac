"""Chapters and references as the templates see them, for any kind of document: BAB and subbab numbered
(II, 2.3) with their anchors, and each text's references resolved, ``{visi}`` into the runs of the text it
names and ``{daftar_sasaran}`` into the list it stands for. The kind says what each name stands for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .fields import Bab
from .formatting import roman_numeral
from .markup import Block, InlineText, ListBlock, ListReference, Paragraph, Run, Runs, Text, merge_runs


@dataclass(frozen=True)
class BagianContext:
    nomor: str  # "2.3"
    judul: str
    jangkar: str  # an identifier for links and bookmarks: "bab-2-3"
    isi: tuple[Block, ...]


@dataclass(frozen=True)
class BabContext:
    nomor: str  # "II"
    judul: str
    jangkar: str
    isi: tuple[Block, ...]
    bagian: tuple[BagianContext, ...]


class References:
    """Resolves the references of one document's texts: ``inline`` the texts that inline names stand for,
    ``lists`` the items of the lists that list names stand for, ``parts`` the blocks a name written alone
    in its paragraph is replaced with (a report's generated tables and charts)."""

    def __init__(self, inline: Mapping[str, InlineText], lists: Mapping[str, tuple[Runs, ...]],
                 parts: Mapping[str, tuple[Any, ...]] | None = None):
        self.inline = dict(inline)
        self.lists = dict(lists)
        self.parts = dict(parts or {})

    def runs(self, runs: Runs) -> Runs:
        resolved: list[Run] = []
        for run in runs:
            if run.rujukan is None:
                resolved.append(run)
                continue
            if run.rujukan not in self.inline:
                raise KeyError(run.rujukan)  # prevented by validation: only the kind's names parse
            for inner in self.inline[run.rujukan].runs:  # {visi} inside **...** is bold as a whole
                resolved.append(dataclasses.replace(inner, tebal=inner.tebal or run.tebal,
                                                    miring=inner.miring or run.miring))
        return merge_runs(resolved)

    def blocks(self, text: Text) -> tuple[Block, ...]:
        resolved: list[Block] = []
        for block in text.blok:
            if isinstance(block, ListReference) and block.nama in self.parts:
                resolved.extend(self.parts[block.nama])
            elif isinstance(block, ListReference):
                items = tuple(self.runs(item) for item in self.lists[block.nama])
                resolved.append(ListBlock("angka", items, asal=block.nama))
            elif isinstance(block, Paragraph):
                resolved.append(Paragraph(self.runs(block.runs)))
            else:
                resolved.append(ListBlock(block.jenis, tuple(self.runs(i) for i in block.butir), block.asal))
        return tuple(resolved)


def chapters(bab: list[Bab], references: References) -> tuple[BabContext, ...]:
    """Every chapter, numbered BAB I, II, ... and its sections 1.1, 1.2, ..."""
    return tuple(_chapter(number, chapter, references) for number, chapter in enumerate(bab, 1))


def _chapter(number: int, bab: Bab, references: References) -> BabContext:
    anchor = f"bab-{number}"
    return BabContext(
        nomor=roman_numeral(number),
        judul=bab.judul,
        jangkar=anchor,
        isi=references.blocks(bab.isi) if bab.isi else (),
        bagian=tuple(
            BagianContext(f"{number}.{index}", bagian.judul, f"{anchor}-{index}", references.blocks(bagian.isi))
            for index, bagian in enumerate(bab.bagian, 1)
        ),
    )
