"""Parse the Markdown of text fields into renderer-neutral paragraphs, lists and runs.

Python-Markdown (with typed_lists for "a." lists) does the parsing; raw HTML is switched off so
that a ``<script>`` typed in the content stays text. A reference such as ``{visi}`` names a fact written
elsewhere in the content; ``{daftar_sasaran}`` alone in a paragraph stands for a list derived from it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from .typed_lists import TypedListProcessor


@dataclass(frozen=True)
class Vocabulary:
    """The references a kind's texts may use, each name with what it stands for: inline ones ({visi}, a
    fact written once elsewhere in the content) and lists ({daftar_sasaran}, a list derived from the
    content, written alone in its own paragraph). ``unknown`` is what to say of a name the kind does not
    know, where the usual list of the names it does would not help (a kind with none)."""

    inline: tuple[tuple[str, str], ...] = ()
    lists: tuple[tuple[str, str], ...] = ()
    unknown: str | None = None  # with "{rujukan}" where the reference goes

    @property
    def inline_names(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.inline)

    @property
    def list_names(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.lists)


#: The vocabulary of a text that may use no reference at all.
NO_REFERENCES = Vocabulary()

ListKind = Literal["angka", "huruf", "butir"]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look; ``rujukan`` names an inline reference instead of text."""

    teks: str = ""
    tebal: bool = False
    miring: bool = False
    rujukan: str | None = None
    baris_baru: bool = False


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    jenis: Literal["paragraf"] = "paragraf"


@dataclass(frozen=True)
class ListBlock:
    """A numbered ("angka": 1. 2.), lettered ("huruf": a. b.) or bulleted ("butir") list."""

    jenis: ListKind
    butir: tuple[Runs, ...]
    asal: str | None = None  # the reference a derived list was made from, e.g. "daftar_misi"


@dataclass(frozen=True)
class ListReference:
    """A paragraph that stands for a derived list; the context builder replaces it."""

    nama: str
    jenis: Literal["rujukan"] = "rujukan"


Block = Paragraph | ListBlock | ListReference


@dataclass(frozen=True)
class Text:
    """A block text field: its Markdown source and what it parses to."""

    sumber: str
    blok: tuple[Block, ...]

    def references(self) -> set[str]:
        """The names this text refers to, inline or as lists."""
        names = set()
        for block in self.blok:
            if isinstance(block, ListReference):
                names.add(block.nama)
            else:
                runs = block.runs if isinstance(block, Paragraph) else [r for item in block.butir for r in item]
                names.update(r.rujukan for r in runs if r.rujukan)
        return names


@dataclass(frozen=True)
class InlineText:
    """A one-paragraph text field: its Markdown source and its runs."""

    sumber: str
    runs: Runs

    def references(self) -> set[str]:
        return {r.rujukan for r in self.runs if r.rujukan}


class MarkupError(ValueError):
    """The Markdown uses something the document cannot show; the message is Indonesian."""


class _ReferenceProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's API)
        return etree.Element("rujukan", {"nama": m.group(1)}), m.start(0), m.end(0)


_LIST_ITEM = re.compile(r"^( *)(?:\d{1,2}|[a-z])[.)]\s+\S|^( *)[-*+]\s+\S")
# "2024. Tahun ..." starts a sentence with a year, not item 2024 of a list: Markdown would number it 1.
_NUMBER_NOT_A_MARKER = re.compile(r"^( *)(\d{3,})([.)])(?=\s)")


class _ListsAsTyped(Preprocessor):
    """Read lists the way people type them in a text editor, not only the way Markdown wants them:
    a list may follow its introducing sentence without a blank line, and a line that is not indented
    after a list starts a new paragraph instead of continuing the last item."""

    def run(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        in_list, item_indent = False, 0
        for line in lines:
            line = _NUMBER_NOT_A_MARKER.sub(r"\1\2\\\3", line)
            item = _LIST_ITEM.match(line)
            indent = len(line) - len(line.lstrip(" "))
            if item:
                if in_list and 0 < indent - item_indent < 4:
                    raise MarkupError("daftar bertingkat belum didukung; tulis butir daftar tanpa spasi di awal baris")
                if not in_list and result and result[-1].strip():
                    result.append("")
                in_list, item_indent = True, indent
            elif line.strip() and in_list and indent == 0:
                if result and result[-1].strip():
                    result.append("")
                in_list = False
            result.append(line)
        return result


class _ReferenceDefinitions(ReferenceProcessor):
    """A line such as "[Situs resmi]: www.lampungprov.go.id" is a link definition to Markdown, which
    would delete it: report it, as links are."""

    def run(self, parent, blocks):
        if self.RE.search(blocks[0]):
            raise MarkupError("definisi tautan [..]: .. tidak didukung di dalam teks dokumen (Markdown akan "
                              f"menghapus barisnya); bila maksudnya teks biasa, {_escaped('[')}")
        return False


class _DocumentMarkdown(markdown.Extension):
    """The Markdown dialect of content files."""

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API)
        # Below the backslash escape (180), so that "\{visi}" stays literal text.
        md.inlinePatterns.register(_ReferenceProcessor(r"\{([a-z_]+)\}", md), "rujukan", 175)
        md.preprocessors.register(_ListsAsTyped(md), "daftar", 25)
        md.parser.blockprocessors.register(_ReferenceDefinitions(md.parser), "reference", 15)
        md.parser.blockprocessors.deregister("ulist")
        md.parser.blockprocessors.register(TypedListProcessor(md.parser), "olist", 40)  # in Markdown's place
        md.preprocessors.deregister("html_block")  # raw HTML is text
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        # Two spaces at a line's end are invisible in an editor: they must not break the line.
        md.inlinePatterns.deregister("linebreak")
        # "\<http://...>" is the typed text, not a link: "<" is escaped where Markdown would read an autolink
        md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, "<"]


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_DocumentMarkdown()], output_format="xhtml")


_UNSUPPORTED = {
    "h1": "judul Markdown (#)", "h2": "judul Markdown (##)", "h3": "judul Markdown (###)",
    "h4": "judul Markdown (####)", "h5": "judul Markdown", "h6": "judul Markdown",
    "blockquote": "kutipan (>)", "pre": "blok kode (baris diawali 4 spasi)", "code": "kode (`...`)",
    "hr": "garis pemisah (---)", "a": "tautan [..](..)", "img": "gambar ![..](..)",
}


def _unsupported(element: etree.Element) -> MarkupError:
    what = _UNSUPPORTED.get(element.tag, f"<{element.tag}>")
    hint = " (baris yang diawali 4 spasi atau tab dibaca sebagai kode: hapus spasinya)" if element.tag == "pre" else ""
    return MarkupError(f"{what} tidak didukung di dalam teks dokumen{hint}")


def _runs(element: etree.Element, vocabulary: Vocabulary, tebal: bool = False, miring: bool = False) -> list[Run]:
    """The runs of an inline element: its text, its children, and the text after each child."""
    runs: list[Run] = []

    def add_text(text: str | None) -> None:
        if text:
            # A line break inside a Markdown paragraph is only a space.
            runs.append(Run(re.sub(r"\s*\n\s*", " ", text), tebal, miring))

    add_text(element.text)
    for child in element:
        if child.tag == "strong":
            runs.extend(_runs(child, vocabulary, True, miring))
        elif child.tag == "em":
            runs.extend(_runs(child, vocabulary, tebal, True))
        elif child.tag == "br":
            runs.append(Run(baris_baru=True))
            add_text((child.tail or "").lstrip())
            continue
        elif child.tag == "rujukan":
            name = child.get("nama")
            if name in vocabulary.list_names:
                raise MarkupError(f"{{{name}}} adalah daftar: tulis sendirian dalam satu paragraf")
            if name not in vocabulary.inline_names:
                raise MarkupError(_unknown_reference(name, vocabulary))
            runs.append(Run(tebal=tebal, miring=miring, rujukan=name))
        else:
            raise _unsupported(child)
        add_text(child.tail)
    return runs


def _unknown_reference(name: str, vocabulary: Vocabulary) -> str:
    if vocabulary.unknown is not None:
        return vocabulary.unknown.replace("{rujukan}", f"{{{name}}}")
    known = ", ".join("{" + n + "}" for n, _ in (*vocabulary.inline, *vocabulary.lists))
    return f"rujukan {{{name}}} tidak dikenal; yang tersedia: {known}; untuk kurung kurawal biasa, {_escaped('{')}"


def _escaped(character: str) -> str:
    """How to write a Markdown escape inside a TOML string: there the backslash itself is escaped."""
    return f"tulis \\\\{character} (garis miring terbalik dua kali di dalam tanda kutip TOML)"


def merge_runs(runs: Iterable[Run]) -> Runs:
    """Join neighbouring runs of the same look: "**a** **b**" is one bold run in the document."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last and run.teks and last.teks and (last.tebal, last.miring) == (run.tebal, run.miring) \
                and not (run.rujukan or last.rujukan or run.baris_baru or last.baris_baru):
            merged[-1] = Run(last.teks + run.teks, run.tebal, run.miring)
        else:
            merged.append(run)
    return tuple(merged)


def _trimmed(runs: list[Run]) -> Runs:
    """Drop the spaces Markdown leaves at the edges of a paragraph."""
    if runs and not runs[0].rujukan and not runs[0].baris_baru:
        runs[0] = Run(runs[0].teks.lstrip(), runs[0].tebal, runs[0].miring)
    if runs and not runs[-1].rujukan and not runs[-1].baris_baru:
        runs[-1] = Run(runs[-1].teks.rstrip(), runs[-1].tebal, runs[-1].miring)
    return merge_runs(run for run in runs if run.teks or run.rujukan or run.baris_baru)


def _list_item(item: etree.Element, vocabulary: Vocabulary) -> Runs:
    paragraphs = [child for child in item if child.tag == "p"]
    if not paragraphs:
        return _trimmed(_runs(item, vocabulary))
    if item.text and item.text.strip():
        raise MarkupError("butir daftar tidak boleh dicampur dengan paragraf")
    runs: list[Run] = []
    for child in item:
        if child.tag != "p":
            nested = child.tag in ("ol", "ul")
            raise MarkupError("daftar bertingkat belum didukung") if nested else _unsupported(child)
        if runs:
            runs.append(Run(baris_baru=True))
        runs.extend(_trimmed(_runs(child, vocabulary)))
    return tuple(runs)


def _list(element: etree.Element, vocabulary: Vocabulary) -> ListBlock:
    kind: ListKind = "butir" if element.tag == "ul" else ("huruf" if element.get("type") == "a" else "angka")
    if element.tag == "ol" and element.get("type") not in (None, "1", "a"):
        raise MarkupError("hanya daftar bernomor 1. 2. dan berhuruf a. b. yang didukung")
    items = []
    for item in element:
        if any(child.tag in ("ol", "ul") for child in item):
            raise MarkupError("daftar bertingkat belum didukung")
        items.append(_list_item(item, vocabulary))
    return ListBlock(kind, tuple(items))


# Python-Markdown keeps "&amp;" or "&#169;" typed in the text as entities; the content means them
# literally, so "&" travels through Markdown as a private-use character that the text does not hold,
# and comes back afterwards.
_PRIVATE_USE = range(0xF8FF, 0xE000, -1)


def _html_tree(source: str) -> etree.Element:
    ampersand = next(chr(code) for code in _PRIVATE_USE if chr(code) not in source)
    md = _markdown()
    md.reset()
    tree = etree.fromstring(f"<isi>{md.convert(source.replace('&', ampersand))}</isi>")
    for element in tree.iter():
        element.text = element.text and element.text.replace(ampersand, "&")
        element.tail = element.tail and element.tail.replace(ampersand, "&")
    return tree


# A text without any character Markdown reads (on one line, not starting like a list or a heading) is
# one paragraph of plain text: the common case of names and short fields, taken without Markdown.
_PLAIN = re.compile(r"(?![-+*#>=\s]|\d+[.)]\s|[a-zA-Z]+[.)]\s)[^*_`\[\]{}<>&\\!\t\n\r]*")


def _plain_runs(source: str) -> Runs | None:
    if len(source) > 500 or not _PLAIN.fullmatch(source):
        return None
    text = source.strip()
    return (Run(text),) if text else ()


# Parsed texts are immutable: a text met again (on the next save under ikudoc watch, in another file
# of a batch) is not parsed again.
@lru_cache(maxsize=4096)
def parse_text(source: str, vocabulary: Vocabulary = NO_REFERENCES) -> Text:
    """Parse a block text field (paragraphs and lists), its references those of ``vocabulary``."""
    if (runs := _plain_runs(source)) is not None:
        return Text(source, (Paragraph(runs),) if runs else ())
    blocks: list[Block] = []
    for element in _html_tree(source):
        if element.tag == "p":
            if len(element) == 1 and element[0].tag == "rujukan" and not (element.text or "").strip() \
                    and not (element[0].tail or "").strip():
                name = element[0].get("nama")
                if name in vocabulary.list_names:
                    blocks.append(ListReference(name))
                    continue
            blocks.append(Paragraph(_trimmed(_runs(element, vocabulary))))
        elif element.tag in ("ol", "ul"):
            blocks.append(_list(element, vocabulary))
        else:
            raise _unsupported(element)
    return Text(source, tuple(blocks))


@lru_cache(maxsize=16384)
def parse_inline(source: str, vocabulary: Vocabulary = NO_REFERENCES) -> InlineText:
    """Parse a one-paragraph text field (bold, italic and inline references of ``vocabulary``, no lists)."""
    if (runs := _plain_runs(source)) is not None and runs:
        return InlineText(source, runs)
    tree = _html_tree(source)
    if len(tree) != 1 or tree[0].tag != "p":
        raise MarkupError("harus satu paragraf saja (tanpa daftar atau baris kosong)")
    return InlineText(source, _trimmed(_runs(tree[0], vocabulary)))


def plain_text(runs: Runs) -> str:
    """The text of runs without their looks (references shown as written)."""
    return "".join("\n" if r.baris_baru else ("{" + r.rujukan + "}" if r.rujukan else r.teks) for r in runs)
