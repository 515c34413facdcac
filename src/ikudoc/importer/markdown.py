"""Paragraphs and list items -> the Markdown of a text field, in the style of the sample content file:
one sentence per line, paragraphs apart by a blank line, a list right under its introducing sentence
after a blank line, numbered "1." / "a." / "-" in order, and a derived list as its ``{daftar_...}``
reference alone in its paragraph. What Markdown would read as markup at a line's start is escaped."""

from __future__ import annotations

import re
import string

from ..content.typed_lists import CAPITAL_ROMAN, ROMAN
from .items import Item

#: Words that end with a period without ending a sentence ("Drs. SAMSURIJAL", "No. 9").
ABBREVIATIONS = {"drs", "dr", "ir", "prof", "no", "nomor", "kab", "kec", "kel", "prov", "jl", "dkk", "dll", "dsb",
                 "st", "tbk", "hj", "h", "sdr", "yth", "bpk", "an", "ub", "tgl", "hal", "lamp", "vol", "ds", "kep",
                 "perda", "pergub", "permen", "s", "m", "mm", "se", "sh", "kom", "pd", "sos", "ak", "kes", "ap"}
_SENTENCE_END = re.compile(r"(?<=[.!?])((?:\*{1,3})?[”\"')]?(?:\*{1,3})?)[ \t]+(?=\**[“\"(]?[A-Z0-9])")
_LINE_START = [
    (re.compile(r"^(\d{1,2})([.)])(\s)"), r"\1\\\2\3"),  # "1. " would start a list
    (re.compile(rf"^({ROMAN}|{CAPITAL_ROMAN}|[a-zA-Z])([.)])(\s)"), r"\1\\\2\3"),  # "a. ", "A. ", "iv. "
    (re.compile(r"^([-+>#])"), r"\\\1"),  # "- " a bullet, "> " a quote, "# " a heading
]
LETTERS = string.ascii_lowercase


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, split where a sentence ends and the next begins with a capital or a number."""
    lines: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start:match.start()].rstrip(".!?")
        word = re.split(r"[\s(“\"*]", before)[-1] if before else ""
        bare = word.strip("*")
        if bare.lower() in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()) or "." in bare:
            continue
        lines.append(text[start:match.end(1)].strip())
        start = match.end()
    lines.append(text[start:].strip())
    return [line for line in lines if line]


def escape_line_start(line: str) -> str:
    for pattern, replacement in _LINE_START:
        line = pattern.sub(replacement, line)
    return line


def _one_line(markdown: str) -> str:
    """The text on one line: line breaks, tabs and runs of spaces become one space (ikudoc's Markdown
    prints a tab as spaces, never as a tab); a no-break space is text the typist put there, and stays."""
    return re.sub(r"[ \t\n\r]+", " ", markdown).strip(" ")


def marker(kind: str, number: int) -> str:
    if kind == "huruf":
        return f"{LETTERS[(number - 1) % 26]}."
    if kind == "butir":
        return "-"
    return f"{number}."


def to_markdown(items: list[Item]) -> str:
    chunks: list[str] = []
    index = 0
    while index < len(items):
        item = items[index]
        if item.kind == "paragraf":
            chunks.append("\n".join(escape_line_start(s) for s in sentences(_one_line(item.markdown))))
            index += 1
        elif item.kind == "rujukan":
            chunks.append(item.markdown)
            index += 1
        else:
            lines = []
            kind = item.kind
            while index < len(items) and items[index].kind == kind:
                lines.append(f"{marker(kind, len(lines) + 1)} {escape_line_start(_one_line(items[index].markdown))}")
                index += 1
            chunks.append("\n".join(lines))
    return "\n\n".join(chunks)


def inline(markdown: str) -> str:
    """A one-paragraph field (a list item, a penjelasan part) on one line."""
    return escape_line_start(_one_line(markdown))
