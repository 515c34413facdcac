"""The imported content (dicts in the order of the content file) -> TOML text in the sample's style.

Long texts are written between ``\"\"\"`` as Markdown, one sentence per line; a ``# PERIKSA: ...`` comment
stands above each key the importer was unsure of (notes about a place it did not write go to the head
of the file). Strings are escaped so that any text survives (backslashes, quotes, ``\"\"\"``, control
characters), and the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from ..content.formatting import roman_numeral
from ..content.problems import Loc, format_key_path
from .periksa import Periksa

_RULE = "# " + "-" * 93
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _control(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04X}"


def basic_string(text: str) -> str:
    """A one-line TOML string: a literal '...' when that needs no escape (as the sample writes a text with
    double quotes), else a basic "..." with escapes."""
    if '"' in text and "'" not in text and not _CONTROL.search(text) and "\n" not in text and "\t" not in text:
        return f"'{text}'"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + _CONTROL.sub(_control, escaped) + '"'


def multiline_string(text: str) -> str:
    """A multi-line basic string; no three quotes in a row stay unescaped."""
    escaped = text.replace("\\", "\\\\").replace("\r", "\\r")
    escaped = re.sub(r'"(?=")', '\\\\"', escaped)
    if escaped.endswith('"'):
        escaped = escaped[:-1] + '\\"'
    return '"""\n' + _CONTROL.sub(_control, escaped) + '\n"""'


def value(item) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, Decimal)):
        return str(item)
    if isinstance(item, datetime.date):
        return item.isoformat()
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{k} = {value(v)}" for k, v in item.items()) + " }"
    if isinstance(item, list):
        if not item:
            return "[]"
        if all(isinstance(v, (int, Decimal)) and not isinstance(v, bool) for v in item):  # a band: [143.33, 139.83]
            return "[" + ", ".join(map(str, item)) + "]"
        return "[\n" + "".join(f"  {value(v)},\n" for v in item) + "]"
    return basic_string(str(item))


class _Writer:
    def __init__(self, periksa: Periksa) -> None:
        self.periksa = periksa
        self.lines: list[str] = []
        self.written: set[Loc] = set()

    def notes(self, loc: Loc) -> None:
        for message in self.periksa.at(loc):
            self.lines.append(f"# {marker(self.periksa, loc, message)}: {_one_line(message)}")
        self.written.add(tuple(loc))

    def header(self, name: str, loc: Loc, array: bool = False) -> None:
        self.lines.append("")
        self.notes(loc)
        self.lines.append(f"[[{name}]]" if array else f"[{name}]")

    def pairs(self, table: dict, loc: Loc, markdown: tuple[str, ...] = ()) -> None:
        for key, item in table.items():
            if isinstance(item, dict) and key in ("target", "target_sebelum"):
                continue
            if isinstance(item, list) and item and isinstance(item[0], dict):
                continue
            self.notes((*loc, key))
            text = multiline_string(item) if key in markdown else value(item)
            if key == "tanggal" and isinstance(item, str):
                text += "  # hanya bulan dan tahun yang dicetak; tanggal lengkap: tanggal = 2024-10-15"
            elif key == "tanggal":
                text += "  # tanggal lengkap dicetak; hanya bulan dan tahun: tanggal = \"2024-10\""
            self.lines.append(f"{key} = {text}")


def marker(periksa: Periksa, loc: Loc, message: str) -> str:
    """PERIKSA, or PERIKSA WAJIB for a guess check and build refuse until its comment is deleted."""
    return "PERIKSA WAJIB" if periksa.is_required(loc, message) else "PERIKSA"


def command_word(path: str) -> str:
    """A path as one word of a command to copy: in double quotes when it holds a space or a character a
    shell reads, the quoting both Windows' cmd and POSIX shells understand."""
    return f'"{path}"' if re.search(r"[\s&()';,^|<>]", path) else path


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def write_toml(content: dict, periksa: Periksa, source_name: str, output_name: str) -> str:
    out = _Writer(periksa)
    for name in ("dokumen", "instansi", "penandatangan", "revisi", "kata_pengantar", "rpjmd", "renstra",
                 "organisasi"):
        if name not in content:
            continue
        out.header(name, (name,))
        out.pairs(content[name], (name,), markdown=("isi",))
    for number, bab in enumerate(content["bab"], 1):
        loc = ("bab", number - 1)
        out.lines += ["", _RULE, f"# BAB {roman_numeral(number)}", _RULE]
        out.header("bab", loc, array=True)
        out.pairs(bab, loc, markdown=("isi",))
        for index, bagian in enumerate(bab.get("bagian", [])):
            out.header("bab.bagian", (*loc, "bagian", index), array=True)
            out.pairs(bagian, (*loc, "bagian", index), markdown=("isi",))
    out.lines += ["", _RULE, "# Sasaran strategis dan indikator kinerja utama (tabel lampiran).",
                  "# Daftar sasaran di BAB II dan daftar IKU di BAB III diambil dari sini.", _RULE]
    out.notes(("sasaran",))
    for name in ("tujuan", "sasaran"):  # the tujuan (when the table has them) above their sasaran
        for g_index, group in enumerate(content.get(name, [])):
            out.header(name, (name, g_index), array=True)
            out.pairs(group, (name, g_index))
            for i_index, indikator in enumerate(group["indikator"]):
                loc = (name, g_index, "indikator", i_index)
                out.header(f"{name}.indikator", loc, array=True)
                out.pairs(indikator, loc)
                for key in ("target_sebelum", "target"):
                    if key in indikator:
                        out.header(f"{name}.indikator.{key}", (*loc, key))
                        out.pairs(indikator[key], (*loc, key))
    if content.get("tabel"):
        out.lines += ["", "# Bentuk tabel IKU dokumen asal: kolom dan judulnya."]
        out.header("tabel", ("tabel",))
        out.pairs(content["tabel"], ("tabel",))
    head = [
        f"# {content['dokumen']['judul']} ({content['dokumen']['singkatan']})"
        + (f" {content['dokumen']['perubahan']}" if content["dokumen"].get("perubahan") else ""),
        f"# {content['instansi']['nama_singkat']}.",
        "#",
        f"# Diimpor dengan 'ikudoc import' dari {source_name}. Periksa setiap komentar \"# PERIKSA:\"",
        f"# ({len(periksa)} tempat), lalu jalankan: ikudoc check {command_word(output_name)} dan ikudoc build "
        f"{command_word(output_name)}.",
        *(["# Komentar \"# PERIKSA WAJIB:\" menandai tebakan tentang siapa yang menandatangani atau instansi",
           "# mana: ikudoc check dan build menolak berkas ini sampai setiap komentar itu dihapus, setelah",
           "# nilai di bawahnya diperiksa."] if periksa.required else []),
        "#",
        "# Cara menulis:",
        "# - Teks panjang ditulis di antara \"\"\" ... \"\"\" dalam Markdown: **tebal**, *miring*,",
        "#   paragraf dipisah satu baris kosong; daftar diawali \"1.\" atau \"a.\", satu butir per baris.",
        "# - Satu kalimat per baris: git lalu menunjukkan kalimat mana yang berubah.",
        "# - Nomor BAB, subbab dan butir daftar dibuat otomatis: jangan diketik.",
        "# - {visi}, {tujuan}, {misi_pilihan} dan {daftar_...} diganti isinya dari data di bawah.",
        "# - Angka target ditulis dengan titik desimal tanpa tanda kutip (8.57); dokumen menampilkannya 8,57.",
    ]
    leftover = [(loc, m) for loc, messages in periksa.notes.items() if loc not in out.written for m in messages]
    if leftover:
        head.append("#")
        head += [f"# {marker(periksa, loc, m)} ({format_key_path(loc) or 'umum'}): {_one_line(m)}"
                 for loc, m in leftover]
    return "\n".join(head + out.lines) + "\n"
