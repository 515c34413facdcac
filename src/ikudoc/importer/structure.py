"""Blocks -> the parts of an IKU document.

The cover (everything before KATA PENGANTAR), the kata pengantar with its signature block (signature),
the typed daftar isi (recognised and dropped: ikudoc generates its own), the chapters and their sections
(headings found by their style, numbered by Word or not, or by the numbers typists type: "BAB. I.
PENDAHULUAN", "BAB II" with the title on the next line, "I. 1. Latar Belakang", "2.3 TUJUAN DAN
SASARAN", and "I. PENDAHULUAN" in a document without any BAB; the numbers are dropped), the text as
paragraphs and list items (Word's lists and typed "1." / "a." / "(1)" / "ii." / "- a." ones), and the
lampiran: its titles, organisation name, tugas and fungsi lists and the IKU table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .items import Item, item_of, items_of
from .lampiran import read_lampiran
from .reading import Grid, Para, WordFile, escape
from .signature import Signature, text_and_signature


@dataclass
class Section:
    judul: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Chapter:
    judul: str
    items: list[Item] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class Parts:
    cover: list[str] = field(default_factory=list)
    cover_image: bool = False
    pengantar: list[Item] = field(default_factory=list)
    signature: Signature | None = None  # under the kata pengantar (front: then the one the content keeps)
    closing_signature: Signature | None = None  # under the lampiran's table
    toc_lines: int = 0
    after_signature: list[str] = field(default_factory=list)  # texts under the kata pengantar's signature
    chapters: list[Chapter] = field(default_factory=list)
    lampiran_titles: list[str] = field(default_factory=list)
    organisasi: str = ""
    tugas: list[Item] = field(default_factory=list)
    fungsi: list[Item] = field(default_factory=list)
    tables: list[Grid] = field(default_factory=list)  # the IKU table, and its continuations on later pages
    notes: list[str] = field(default_factory=list)

    @property
    def table(self) -> Grid | None:
        return self.tables[0] if self.tables else None


_BAB = re.compile(r"^BAB\s*\.?\s*([IVXLC]+|\d{1,2})(?![A-Za-z])\s*[.:\-–—]?\s*(.*)$", re.IGNORECASE)
# "I. PENDAHULUAN": a chapter typed without "BAB", accepted only when the document has no BAB heading
_ROMAN_CHAPTER = re.compile(r"^([IVXLC]+)\s*[.)]\s+([A-Z][^a-z]*)$")
_SECTION = re.compile(r"^(?:[IVX]+|\d{1,2})\s*\.\s*(\d{1,2})(?![\d,])(?:\s*\.\s*|\s+)(?!\d{1,2}[\s.])(\S.*)$")
# "1.1.1 Dasar Hukum": ikudoc's headings have two levels
_SUBSECTION = re.compile(r"^(\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2})\.?\s+(\S.*)$")
_LETTERED_SECTION = re.compile(r"^(?:[A-Z]|\d{1,2})\s*[.)]\s+(\S.*)$")
_TOC_LINE = re.compile(r"(\t|\.{3,}|…)\s*([ivxlc]+|\d+)?\s*$|^halaman$", re.IGNORECASE)


def one_line(text: str) -> str:
    """A text's lines joined by one space, runs of spaces and tabs one space; a no-break space is kept."""
    return re.sub(r"[ \t\n\r]+", " ", text).strip(" ")


def key(text: str) -> str:
    """A heading's words, without spaces, punctuation or case: "Kata  Pengantar." -> "KATAPENGANTAR"."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def is_iku_table(grid: Grid) -> bool:
    head = " ".join(cell.text for row in grid.rows[:2] for cell in row).upper()
    return len(grid.rows) >= 2 and "INDIKATOR" in head and ("SASARAN" in head or "TARGET" in head)


def _flatten(word: WordFile) -> list[Para | Grid]:
    """Paragraphs and the IKU table; a layout table (a signature block) becomes the paragraphs it holds."""
    flat: list[Para | Grid] = []
    previous: Para | Grid | None = None  # the last block with text, or table, so far
    for block in word.blocks:
        added = len(flat)
        if isinstance(block, Grid) and isinstance(previous, Grid) and block.rows \
                and len(block.rows[0]) == len(previous.rows[0]):
            flat.append(block)  # the IKU table continued in a table of its own on the next page
        elif isinstance(block, Grid) and not is_iku_table(block):
            seen: set[int] = set()
            for row in block.rows:
                cells = [cell for cell in row if cell.origin not in seen]  # a merged cell once
                seen.update(cell.origin for cell in cells)
                filled = [p for cell in cells for p in cell.paragraphs if p.text.strip()]
                if len(filled) > 1 and all(len(cell.paragraphs) <= 1 for cell in cells):
                    flat.append(_joined(filled))  # "1." | "NAMA ORGANISASI" | ": DINAS ..." is one line
                else:
                    flat.extend(p for cell in cells for p in cell.paragraphs)
        else:
            flat.append(block)
        previous = next((b for b in reversed(flat[added:]) if not isinstance(b, Para) or b.text.strip()), previous)
    return flat


def _joined(paras: list[Para]) -> Para:
    """The one-line cells of a layout table's row as one paragraph."""
    return Para(" ".join(p.markdown.strip() for p in paras), " ".join(p.text.strip() for p in paras), paras[0].style,
                all(p.bold for p in paras))


def split_parts(word: WordFile) -> Parts:
    blocks = _flatten(word)
    parts = Parts()
    keys = [key(b.text) if isinstance(b, Para) else "" for b in blocks]
    roman = _roman_chapters(blocks, keys)
    if "KATAPENGANTAR" in keys:
        start = keys.index("KATAPENGANTAR")
        index = start + 1
    else:  # no kata pengantar: the cover runs to the daftar isi or the first chapter, or (a table only, as
        # e-SAKIP applications export it) to the table: the title lines above it
        start = next((i for i, b in enumerate(blocks) if _ends_front(b, roman)), None)
        if start is None:
            start = next((i for i, b in enumerate(blocks) if isinstance(b, Grid) or _lampiran_start(b)), 0)
        index = start
    parts.cover_image = any(isinstance(b, Para) and b.image for b in blocks[:start])
    parts.cover = [line.strip() for b in blocks[:start] if isinstance(b, Para) for line in b.text.split("\n")
                   if line.strip()]
    pengantar: list[Para] = []
    while "KATAPENGANTAR" in keys and index < len(blocks) and not _ends_front(blocks[index], roman) \
            and not isinstance(blocks[index], Grid) and not _lampiran_start(blocks[index]):
        if isinstance(blocks[index], Para):
            pengantar.append(blocks[index])
        index += 1
    text, parts.signature, parts.after_signature = text_and_signature(pengantar)
    parts.pengantar = items_of(text)
    if parts.after_signature:
        parts.notes.append(f"{len(parts.after_signature)} paragraf sesudah tanda tangan kata pengantar dilewati "
                           f"(mulai \"{parts.after_signature[0][:60]}\"); judul BAB sesudahnya tidak dikenali: "
                           "salin teksnya ke bab yang sesuai")
    if index < len(blocks) and keys[index] == "DAFTARISI":
        end = _toc_end(blocks, index + 1, roman)
        parts.toc_lines = sum(1 for b in blocks[index + 1:end] if isinstance(b, Para) and b.text.strip())
        index = end
    index = _chapters(blocks, index, parts, roman)
    titles = []
    if index < len(blocks) and _lampiran_start(blocks[index]):
        titles = [line.strip() for line in blocks[index].text.split("\n")[1:] if line.strip()]
        index += 1
    lampiran = read_lampiran(blocks[index:], titles)
    parts.lampiran_titles, parts.organisasi = lampiran.titles, lampiran.organisasi
    parts.tugas, parts.fungsi, parts.tables = lampiran.tugas, lampiran.fungsi, lampiran.tables
    parts.closing_signature = lampiran.signature
    parts.notes += lampiran.notes
    return parts


def _roman_chapters(blocks: list, keys: list[str]) -> bool:
    """Whether chapters are typed "I. PENDAHULUAN", without "BAB": when no BAB heading stands outside the
    typed daftar isi (which may well say "BAB I PENDAHULUAN ..... 1" for a chapter typed "I. PENDAHULUAN")."""
    if not any(_chapter_heading(b) is not None for b in blocks):
        return True
    if "DAFTARISI" not in keys:
        return False
    toc = keys.index("DAFTARISI")
    end = _toc_end(blocks, toc + 1, True)
    return not any(_chapter_heading(b) is not None for b in blocks[:toc] + blocks[end:])


def _chapter_key(blocks: list, at: int, roman: bool) -> str:
    """The title of the chapter heading at ``at`` (or on the line after it), as a key."""
    title = _chapter_heading(blocks[at], roman)
    if not title and at + 1 < len(blocks) and isinstance(blocks[at + 1], Para):
        title = blocks[at + 1].text
    return key(re.sub(r"[\s.…]*([ivxlc]+|\d+)?\s*$", "", title or "", flags=re.IGNORECASE))


def _toc_end(blocks: list, start: int, roman: bool) -> int:
    """Where the typed daftar isi that starts at ``start`` ends: where its first chapter's heading comes
    again (a daftar isi may list headings without page numbers), else after its last line ending in a
    tab or a page number."""
    headings = [i for i in range(start, len(blocks)) if _chapter_heading(blocks[i], roman) is not None]
    if headings:
        first = _chapter_key(blocks, headings[0], roman)
        again = next((i for i in headings[1:] if first and _chapter_key(blocks, i, roman) == first), None)
        if again is not None and all(isinstance(b, Para) and len(b.text) < 150 for b in blocks[start:again]):
            return again
    end = start
    while end < len(blocks) and _toc_line(blocks[end]):
        end += 1
    return end


def _ends_front(block, roman: bool) -> bool:
    return isinstance(block, Para) and (key(block.text) == "DAFTARISI" or _chapter_heading(block, roman) is not None)


def _toc_line(block) -> bool:
    if not isinstance(block, Para):
        return False
    text = block.text.strip(" \n")
    return not text.strip() or block.style.lower().startswith("toc") or bool(_TOC_LINE.search(text))


def _chapter_heading(block, roman: bool = False) -> str | None:
    """The title of a chapter heading ("" when it is on the next line), or None. A paragraph of a Word
    list is no heading, unless it has a heading style: then the list is Word's chapter numbering
    ("BAB %1"), and the number is not part of the title. With ``roman`` (a document without any BAB
    heading), a short bold line "I. PENDAHULUAN" is a chapter too."""
    if isinstance(block, Para) and block.numbered == "bab" and block.text.strip():
        return one_line(block.text)  # Word prints "BAB I" before it: any style, the title alone
    if not isinstance(block, Para) or (block.numbered and not block.style.startswith("Heading")):
        return None
    text = one_line(block.text)  # "BAB II" and its title may be one paragraph with a line break
    match = _BAB.match(text)
    if match and len(text) < 150 and (text[:3] == "BAB" or block.bold or block.style.startswith("Heading")):
        return match.group(2).strip(" .")
    if block.style == "Heading 1" and key(text) not in ("KATAPENGANTAR", "DAFTARISI") and not _lampiran_start(block):
        return text
    typed = _ROMAN_CHAPTER.match(text) if roman and (block.bold or block.style.startswith("Heading")) else None
    if typed and len(text) < 80 and not text.endswith((".", ";", ":", ",")):
        return typed.group(2).strip()
    return None


def _section_heading(block: Para) -> str | None:
    text = one_line(block.text)
    if (block.numbered and not block.style.startswith("Heading")) or not text or len(text) > 150:
        return None
    match = _SECTION.match(text)
    if match and (block.bold or text.upper() == text or block.style.startswith("Heading")
                  or not text.endswith((".", ";", ":"))):
        return match.group(2).strip()
    if block.style.startswith("Heading 2"):
        return re.sub(r"^(?:[IVX]+|\d+)(\s*\.\s*\d+)*\s*\.?\s+", "", text) if re.match(r"^[\dIVX]", text) else text
    lettered = _LETTERED_SECTION.match(text)  # "A. Latar Belakang": a short bold line, not a sentence
    if lettered and block.bold and len(text) < 80 and not text.endswith((".", ";", ":", ",")):
        return lettered.group(1)
    return None


def _subsection_heading(block: Para) -> Item | None:
    """A third-level heading "1.1.1 Dasar Hukum" as a bold paragraph: ikudoc has no third level, and
    numbers its headings itself, so a typed number would go wrong when sections move; a note keeps it."""
    text = one_line(block.text)
    match = _SUBSECTION.match(text)
    if not match or block.numbered or len(text) > 100 or text.endswith((".", ";", ":", ",")):
        return None
    note = (f"subjudul tingkat tiga \"{text}\" ditulis sebagai paragraf tebal tanpa nomornya (judul ikudoc hanya "
            "dua tingkat dan bernomor otomatis); tulis nomornya bila perlu")
    return Item("paragraf", f"**{escape(match.group(2))}**", match.group(2), notes=(note,))


def _lampiran_start(block) -> bool:
    return isinstance(block, Para) and bool(re.match(r"^LAMPIRAN\b", block.text.strip())) \
        and len(block.text.strip().split("\n")[0]) < 40 and "\t" not in block.text


def _chapters(blocks: list, index: int, parts: Parts, roman: bool) -> int:
    chapter: Chapter | None = None
    target: list[Item] | None = None
    while index < len(blocks):
        block = blocks[index]
        if _lampiran_start(block) or isinstance(block, Grid):
            return index
        title = _chapter_heading(block, roman)
        if title is not None:
            if not title and index + 1 < len(blocks) and isinstance(blocks[index + 1], Para):
                index += 1
                title = blocks[index].text.strip()
            chapter = Chapter(title)
            parts.chapters.append(chapter)
            target = chapter.items
        elif isinstance(block, Para) and block.text.strip():
            section = _section_heading(block) if chapter else None
            if section is not None:
                chapter.sections.append(Section(section))
                target = chapter.sections[-1].items
            elif target is not None and (subsection := _subsection_heading(block)):
                target.append(subsection)
            elif target is not None:
                target.append(item_of(block, target[-1] if target else None))
            else:
                parts.notes.append(f"teks sebelum BAB pertama dilewati: \"{block.text.strip()[:60]}\"")
        index += 1
    return index
