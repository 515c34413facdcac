"""Read a TOML content file into plain data, and map every key path of it to its line.

tomllib decides what the data is; tree-sitter's TOML grammar tells where each key and array element
was written, so that a problem found later can name its line.
"""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import tree_sitter
import tree_sitter_toml

from .problems import ContentError, Loc, Problem


@dataclass(frozen=True)
class TomlSource:
    """The parsed data of one content file and the line of every key path in it. Numbers with a
    fraction or an exponent are Decimals, with the digits as typed."""

    path: Path
    text: str
    data: dict
    lines: dict[Loc, int]

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc``, or of its nearest written ancestor (a missing key is reported on its table)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def read_toml(path: Path, shown_as: Path | None = None) -> TomlSource:
    """Parse the file ``path``; raise ContentError with one Indonesian problem when it is not valid TOML."""
    return parse_toml(path.read_bytes(), shown_as or path)


def content_text(raw: bytes) -> str:
    """The text of a content file as every command reads it: UTF-8, without the byte-order mark that
    Notepad and PowerShell 5.1 write first; line ends as written (TOML reads CRLF and LF alike).
    UnicodeDecodeError when it is not UTF-8."""
    return raw.decode("utf-8-sig")


def parse_toml(raw: bytes, shown: Path) -> TomlSource:
    """Parse TOML bytes that came from ``shown`` (a file, or a git revision of one)."""
    try:
        text = content_text(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            [Problem(shown, line, (), "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8", "bukan-utf8")]
        ) from None
    try:
        # Decimal keeps a number as it was typed: 7.20 stays 7.20 (shown "7,20"), not the float 7.2.
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([_syntax_problem(shown, str(exc), text)]) from None
    except ValueError:  # an integer of thousands of digits: Python refuses to convert it
        line = next((n for n, typed in enumerate(text.splitlines(), 1)
                     if re.search(r"=\s*[-+]?[\d_]{1000,}\s*(#.*)?$", typed)), None)
        raise ContentError([Problem(shown, line, (), "angka ini terlalu panjang untuk dibaca; angka target paling "
                                    "banyak 15 angka sebelum koma", "sintaks-toml")]) from None
    return TomlSource(shown, text, data, _key_lines(text.encode("utf-8")))


# tomllib's messages, in Indonesian. Each pattern matches the message without its "(at line ...)" tail;
# "{0}" stands for the pattern's group.
_SYNTAX_MESSAGES: list[tuple[str, str]] = [
    (r"Expected '=' after a key in a key/value pair", "setelah nama kunci harus ada tanda '=' lalu nilainya"),
    (r"Invalid value", "nilai tidak sah: teks harus di antara tanda kutip, angka memakai titik desimal (8.57)"),
    (r"Unterminated string", "teks tidak ditutup: tanda kutip penutup tidak ditemukan"),
    (r"Unclosed array", "daftar [ ... ] tidak ditutup: kurang ']' atau koma di antara butir"),
    (r"Unclosed inline table", "tabel { ... } tidak ditutup: kurang '}' atau koma di antara pasangan"),
    (r"Cannot overwrite a value", "kunci ini sudah diisi sebelumnya; setiap kunci hanya boleh ditulis sekali"),
    (r"Cannot declare (.*) twice", "tabel [{0}] sudah ditulis sebelumnya; setiap tabel hanya boleh ditulis sekali"),
    (r"Duplicate inline table key (.*)", "kunci {0} ditulis dua kali di dalam tabel { ... }"),
    (r"Expected ']' at the end of a table declaration", "judul tabel harus ditutup dengan ']'"),
    (r"Expected ']]' at the end of an array declaration", "judul tabel berulang harus ditutup dengan ']]'"),
    (r"Invalid initial character for a key part",
     "nama kunci tidak sah: pakai huruf, angka, '_' atau '-', atau tulis di antara tanda kutip"),
    (r"Invalid statement", "baris ini bukan 'kunci = nilai' dan bukan judul tabel [ ... ]"),
    (r"Expected newline or end of document after a statement",
     "setelah satu pasangan 'kunci = nilai' harus pindah baris"),
    (r"Invalid date or datetime", "tanggal tidak sah; tulis seperti 2024-10-01"),
    (r"Unescaped '\\' in a string",
     r"garis miring terbalik '\' di dalam teks harus ditulis '\\', atau pakai tanda kutip tunggal '...'"),
    (r"(?:Illegal|Found invalid) character '\\n'",
     'teks tidak ditutup sebelum akhir baris: tanda kutip penutup tidak ditemukan '
     '(teks beberapa baris ditulis di antara """ dan """)'),
    (r"Illegal character (.*)", "karakter {0} tidak boleh ada di sini"),
    (r"Found invalid character (.*)", "karakter {0} tidak boleh ada di sini"),
    (r"Cannot mutate immutable namespace (.*)",
     "tabel [{0}] sudah ditulis lengkap sebagai { ... } dan tidak bisa ditambah"),
    (r"Cannot redefine namespace (.*)", "tabel [{0}] sudah ditulis sebagai tabel berulang [[...]]"),
    (r"Expected \"'\"", "teks tidak ditutup: tanda kutip ' penutup tidak ditemukan di baris ini"),
    (r"Expected (.*)", "seharusnya ada {0} di sini"),
]
TRIPLE_QUOTES = ('"""', "'''")


def _key_name(group: str) -> str:
    """tomllib shows keys as Python tuples, ('bab', 'bagian'): show them as TOML does, bab.bagian."""
    try:
        value = ast.literal_eval(group)
    except (ValueError, SyntaxError):
        return group
    if isinstance(value, tuple):
        return ".".join(value)
    text = str(value)
    # a character tomllib refused: one that cannot be seen (form feed, a line separator) is named by its code
    return f"U+{ord(text):04X}" if len(text) == 1 and not text.isprintable() else text


def _unclosed_multiline_string(lines: list[str]) -> int | None:
    """The line where a triple-quoted text was opened and never closed, if any."""
    opened_at, delimiter = None, None
    for number, line in enumerate(lines, 1):
        i = 0
        while i < len(line):
            if delimiter:
                end = line.find(delimiter, i)
                if end < 0:
                    break
                i, delimiter, opened_at = end + 3, None, None
            elif line.startswith(TRIPLE_QUOTES, i):
                delimiter, opened_at, i = line[i:i + 3], number, i + 3
            elif line[i] in "\"'":  # a one-line text: skip to its closing quote
                close = re.compile(r'"(?:[^"\\]|\\.)*"' if line[i] == '"' else r"'[^']*'").match(line, i)
                i = close.end() if close else len(line)
            elif line[i] == "#":
                break
            else:
                i += 1
    return opened_at


def _syntax_problem(path: Path, message: str, text: str) -> Problem:
    lines = text.splitlines()
    where = re.search(r"\((?:at line (\d+), column (\d+)|at end of document)\)$", message)
    bare = message[: where.start()].strip() if where else message
    line = int(where.group(1)) if where and where.group(1) else max(len(lines), 1)
    column = f" (kolom {where.group(2)})" if where and where.group(2) else ""

    def problem(result: str, at: int | None = None, tail: str | None = None) -> Problem:
        return Problem(path, at or line, (), result + (column if tail is None else tail), "sintaks-toml")

    if bare == "Unterminated string" or bare in (f"Expected {q!r}" for q in TRIPLE_QUOTES):
        opened = _unclosed_multiline_string(lines)
        if opened:
            return problem("teks yang dibuka dengan tiga tanda kutip di baris ini tidak pernah ditutup; "
                           "tutup dengan tanda kutip yang sama di akhir teksnya", opened, "")
    if bare == "Expected \"'\"" and not column:  # tomllib ran to the end looking for the closing '
        line = next((n for n, text in enumerate(lines, 1) if re.search(r"(=|^|,)\s*'[^']*$", text)), line)
    typed = lines[line - 1] if 0 < line <= len(lines) else ""
    if re.match(r"^\s*[^=#]+=\s*[-+]?\d+,\d+\s*(#.*)?$", typed):
        number = typed.split("=", 1)[1].split("#")[0].strip()
        return problem(f"angka memakai titik sebagai pemisah desimal: tulis {number.replace(',', '.')}, "
                       f"bukan {number}", tail="")
    # the same inside { ... } on one line, "realisasi = { 2023 = 35.10, 2024 = 74,13 }" (a comma then a key
    # and "=" is the next pair, not a decimal)
    if inline := re.search(r"([\w\"'.-]+)\s*=\s*([-+]?\d+,\d+)(?![\d.]*\s*=)", typed.split("#")[0]):
        key, number = inline.groups()
        return problem(f"angka memakai titik sebagai pemisah desimal: tulis {key} = {number.replace(',', '.')}, "
                       f"bukan {key} = {number}", tail="")
    for pattern, indonesian in _SYNTAX_MESSAGES:
        found = re.fullmatch(pattern, bare)
        if found:
            result = indonesian.replace("{0}", _key_name(found.group(1))) if found.groups() else indonesian
            break
    else:
        result = f"sintaks TOML tidak sah ({bare})"
    if bare in ("Expected '=' after a key in a key/value pair", "Invalid statement") and len(typed.split()) > 3:
        result += "; baris ini terbaca sebagai kunci: mungkin teks di atasnya belum ditutup"
    return problem(result)


def comments(toml: TomlSource) -> list[tuple[int, str]]:
    """Every comment of the file (not a "#" inside a text), with its line: (line, "# ...")."""
    found: list[tuple[int, str]] = []
    nodes = [_parser().parse(toml.text.encode("utf-8")).root_node]
    while nodes:
        node = nodes.pop()
        if node.type == "comment":
            found.append((node.start_point.row + 1, node.text.decode("utf-8", "replace")))
        nodes.extend(node.children)
    return sorted(found)


@cache
def _parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_toml.language()))


def _key_parts(node: tree_sitter.Node) -> list[str]:
    """The names in a (possibly dotted, possibly quoted) key node."""
    if node.type == "dotted_key":
        return [part for child in node.named_children for part in _key_parts(child)]
    if node.type == "quoted_key":
        return list(tomllib.loads(node.text.decode("utf-8") + " = 0"))
    return [node.text.decode("utf-8")]


def _key_lines(source: bytes) -> dict[Loc, int]:
    """Map each key path of a valid TOML document to the 1-based line where it is written."""
    lines: dict[Loc, int] = {}
    array_lengths: dict[Loc, int] = {}  # [[array of tables]] path -> elements seen so far

    def resolve(parts: list[str]) -> Loc:
        """A header's path, with the index of the latest element of every array of tables on the way."""
        loc: Loc = ()
        for part in parts:
            loc += (part,)
            if loc in array_lengths:
                loc += (array_lengths[loc] - 1,)
        return loc

    def record_value(loc: Loc, node: tree_sitter.Node) -> None:
        if node.type == "inline_table":
            for pair in node.named_children:
                record_pair(loc, pair)
        elif node.type == "array":
            for index, element in enumerate(c for c in node.named_children if c.type != "comment"):
                lines[loc + (index,)] = element.start_point.row + 1
                record_value(loc + (index,), element)

    def record_pair(table: Loc, pair: tree_sitter.Node) -> None:
        if pair.type != "pair":
            return
        key, value = pair.named_children[0], pair.named_children[-1]
        loc = table + tuple(_key_parts(key))
        lines[loc] = pair.start_point.row + 1
        record_value(loc, value)

    table: Loc = ()
    for node in _parser().parse(source).root_node.named_children:
        if node.type == "pair":
            record_pair(table, node)
            continue
        if node.type not in ("table", "table_array_element"):
            continue
        parts = _key_parts(node.named_children[0])
        if node.type == "table":
            table = resolve(parts)
        else:
            table = resolve(parts[:-1]) + (parts[-1],)
            array_lengths[table] = array_lengths.get(table, 0) + 1
            lines.setdefault(table, node.start_point.row + 1)
            table += (array_lengths[table] - 1,)
        lines[table] = node.start_point.row + 1
        for pair in node.named_children[1:]:
            record_pair(table, pair)
    return lines
