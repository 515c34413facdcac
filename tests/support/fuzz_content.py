"""Content files made by mutating the sample, for property-based tests: values replaced by text from
every Unicode category (noncharacters and private use included), numbers at the float and integer
limits, values of the wrong type, and lines deleted, doubled or swapped. And the property each must
have: it builds (the DOCX opens in python-docx, the HTML parses), or it fails with exit status 1 and
only FILE:LINE problem lines; never an unexpected error."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx
from hypothesis import strategies as st
from lxml import etree

from ikudoc.cli import main
from support import SAMPLE

SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()
#: Lines holding one value: key = "text", or key = number.
VALUE_LINES = [n for n, line in enumerate(SAMPLE_LINES) if re.match(r'^[\w-]+ = ("[^"]*"|[-\d.e+]+)$', line)]


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (every character TOML cannot hold raw is escaped)."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


# Every category, surrogates excepted (TOML cannot hold them); noncharacters and private use on purpose.
characters = st.one_of(
    st.characters(exclude_categories=("Cs",)),
    st.sampled_from(["\ufffe", "\uffff", "\ufdd0", "\U0010fffe", "\ue000", "\uf8ff", "\u202e", "\u200b", "\x00",
                     "\x1b", "\t", "\n", "&", "<", "{", "}", "{_{", "*", "_", "[", "]:", "#", "`", "\\"]),
)
texts = st.lists(characters, max_size=40).map("".join)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["1e308", "-1e308", "1e-320", "nan", "inf", "-inf", "-0.0", "0.0000000001", "9" * 20,
                     "9" * 5000, "1_000", "0x1F", "1e25", "7.20", "2024000000"]),
    st.floats(allow_nan=False).map(repr).filter(lambda r: "inf" not in r),
)
wrong_types = st.sampled_from(["true", "[]", '["a", 1]', "{}", '{ a = 1 }', "2024-10-15", "12:00:00", '""', "' '",
                               '"""\n"""'])
values = st.one_of(texts.map(toml_string), numbers, wrong_types)


@dataclass(frozen=True)
class Mutation:
    kind: str
    line: int
    value: str = ""
    other: int = 0

    def apply(self, lines: list[str]) -> list[str]:
        lines = list(lines)
        if self.kind == "value":
            key = lines[self.line].split(" = ", 1)[0]
            lines[self.line] = f"{key} = {self.value}"
        elif self.kind == "delete":
            del lines[self.line]
        elif self.kind == "double":
            lines.insert(self.line, lines[self.line])
        elif self.kind == "swap":
            lines[self.line], lines[self.other] = lines[self.other], lines[self.line]
        elif self.kind == "insert":
            lines.insert(self.line, self.value)
        return lines


any_line = st.integers(min_value=0, max_value=len(SAMPLE_LINES) - 1)
mutations = st.one_of(
    st.builds(Mutation, st.just("value"), st.sampled_from(VALUE_LINES), values),
    st.builds(Mutation, st.sampled_from(["delete", "double"]), any_line),
    st.builds(Mutation, st.just("swap"), any_line, st.just(""), any_line),
    st.builds(Mutation, st.just("insert"), any_line,
              st.one_of(texts, st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(
                  ["nama", "target", "2024", "abaikan", "kolom", "lambang", "periode", "[tabel]", "x"]), values))),
)
contents = st.lists(mutations, min_size=1, max_size=4)


def mutated(edits: list[Mutation]) -> str:
    lines = SAMPLE_LINES
    for edit in edits:
        if edit.line < len(lines) and edit.other < len(lines):
            lines = edit.apply(lines)
    return "\n".join(lines) + "\n"


def builds_or_says_where(text: str, folder: Path) -> str:
    """Build ``text``; assert the property; return "ok" or "refused"."""
    path = folder / "iku_fuzz.toml"
    path.write_text(text, encoding="utf-8")
    out = folder / "build"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["build", str(path), "-o", str(out), "--no-fill-toc"])
    err = stderr.getvalue()
    assert status in (0, 1), err
    assert "galat tak terduga" not in err and "Traceback" not in err, err
    if status == 0:
        docx.Document(io.BytesIO((out / "iku_fuzz.docx").read_bytes()))
        etree.fromstring((out / "iku_fuzz.html").read_bytes(), etree.HTMLParser(recover=False))
        return "ok"
    lines = err.splitlines()
    assert lines[-1] == "gagal: 1 dari 1 berkas gagal dibangun.", err
    for line in lines[:-1]:
        assert re.match(rf"{re.escape(str(path))}(:\d+)?: \S", line), line
    return "refused"
