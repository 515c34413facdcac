"""Check a validated content model against the rules an evaluator of SAKIP documents applies.

Each rule yields problems with a code: errors stop ``ikudoc build``; warnings are shown by
``ikudoc check`` (and fail it with ``--strict``).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from ..content.formatting import format_number
from ..content.markup import InlineText, ListBlock, Paragraph, Text, plain_text
from ..content.problems import ACKNOWLEDGED, WARNING, Loc, Problem, format_key_path
from ..content.source import TomlSource
from .model import Konten, Penandatangan, Periksa

#: Civil-service ranks (pangkat) and their golongan/ruang.
RANKS = {
    "Juru Muda": "I/a", "Juru Muda Tingkat I": "I/b", "Juru": "I/c", "Juru Tingkat I": "I/d",
    "Pengatur Muda": "II/a", "Pengatur Muda Tingkat I": "II/b", "Pengatur": "II/c", "Pengatur Tingkat I": "II/d",
    "Penata Muda": "III/a", "Penata Muda Tingkat I": "III/b", "Penata": "III/c", "Penata Tingkat I": "III/d",
    "Pembina": "IV/a", "Pembina Tingkat I": "IV/b", "Pembina Utama Muda": "IV/c", "Pembina Utama Madya": "IV/d",
    "Pembina Utama": "IV/e",
}


class Report:
    """Problems of one content file, placed on the lines of its source; ``warning_codes`` are the codes of
    the warnings its rules may give (those [periksa] abaikan accepts)."""

    def __init__(self, toml: TomlSource, warning_codes: frozenset[str] | None = None):
        self.toml = toml
        self.warning_codes = warning_codes or WARNING_CODES
        self.problems: list[Problem] = []

    def error(self, loc: Loc, message: str, code: str) -> None:
        self.problems.append(Problem(self.toml.path, self.toml.line_of(loc), loc, message, code))

    def warning(self, loc: Loc, message: str, code: str) -> None:
        assert code in self.warning_codes, f"add {code} to the warning codes"  # so that [periksa] abaikan accepts it
        self.problems.append(Problem(self.toml.path, self.toml.line_of(loc), loc, message, code, WARNING))


def check_content(konten: Konten, toml: TomlSource) -> list[Problem]:
    """Every rule below, on one document, in line order; the warnings the content acknowledges
    ([periksa] abaikan) marked as such."""
    report = Report(toml)
    for rule in RULES:
        rule(konten, report)
    return acknowledged(konten.periksa, report)


def acknowledged(periksa: Periksa, report: Report) -> list[Problem]:
    """The problems of ``report`` in line order, the warnings named in [periksa] abaikan ("kode" or "kode
    kunci") marked as acknowledged; an entry that names no warning code is an error, one that matches
    nothing a warning (the text it excused has changed)."""
    toml = report.toml
    result = list(report.problems)
    for n, entry in enumerate(periksa.abaikan):
        loc = ("periksa", "abaikan", n)
        code, _, key = entry.partition(" ")
        key = key.strip()
        if code not in report.warning_codes:
            result.append(Problem(toml.path, toml.line_of(loc), loc, f"\"{code}\" bukan kode peringatan; "
                                  f"yang bisa diabaikan: {', '.join(sorted(report.warning_codes))}",
                                  "abaikan-tidak-dikenal"))
            continue
        excused = [i for i, p in enumerate(result) if not p.is_error and p.code == code
                   and (not key or format_key_path(p.loc) == key)]  # two entries may excuse one warning
        for i in excused:
            result[i] = replace(result[i], severity=ACKNOWLEDGED)
        if not excused:
            where = f" di {key}" if key else ""
            result.append(Problem(toml.path, toml.line_of(loc), loc, f"tidak ada peringatan {code}{where} "
                                  "lagi; hapus butir ini", "abaikan-tidak-terpakai", WARNING))
    return sorted(result, key=lambda p: (p.line or 0, p.code))


def _cumulative_targets_do_not_decrease(konten: Konten, report: Report) -> None:
    for loc, _, ind in konten.indicators():
        cumulative = ind.kumulatif if ind.kumulatif is not None else bool(re.search(r"akumulasi|kumulatif",
                                                                                  ind.nama, re.IGNORECASE))
        if not cumulative:
            continue
        for key in ("target_sebelum", "target"):
            targets = getattr(ind, key) or {}
            numbers = [(year, target.angka) for year, target in sorted(targets.items()) if target.angka is not None]
            for (year_before, before), (year, value) in zip(numbers, numbers[1:], strict=False):
                if value < before:
                    report.error(
                        (*loc, key, year),
                        f"indikator kumulatif tidak boleh turun: target {year} ({format_number(value)}) lebih kecil "
                        f"dari target {year_before} ({format_number(before)})",
                        "kumulatif-turun",
                    )


def _targets_cover_the_period(konten: Konten, report: Report) -> None:
    periode = konten.dokumen.periode
    years = {int(year) for _, _, ind in konten.indicators() for year in ind.target}
    if not years:  # an IKU without targets
        return
    period = set(range(periode.awal, periode.akhir + 1))
    span = periode.teks
    if missing := sorted(period - years):
        report.warning(("dokumen", "periode"),
                       f"tahun {', '.join(map(str, missing))} dari periode {span} tidak punya target di tabel IKU",
                       "target-tahun-periode")
    if outside := sorted(years - period):
        report.warning(("dokumen", "periode"),
                       f"target tahun {', '.join(map(str, outside))} berada di luar periode {span}",
                       "target-tahun-periode")


def nip_grouped(digits: str) -> str:
    """18 NIP digits as printed: "19670418 199203 1 003"."""
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _signatory_is_valid(konten: Konten, report: Report) -> None:
    check_signatory(report, ("penandatangan",), konten.penandatangan, konten.dokumen.tanggal.tanggal)


def check_signatory(report: Report, at: Loc, signatory: Penandatangan, signed: datetime.date) -> None:
    """The NIP and pangkat of a signatory written at ``at``, who signs on ``signed``."""
    _nip_is_valid(report, (*at, "nip"), signatory.nip, signed)
    _rank_is_known(report, (*at, "pangkat"), signatory.pangkat)


def _nip_is_valid(report: Report, loc: Loc, nip: str | None, signed: datetime.date) -> None:
    if nip is None:  # a head of region has none
        return
    digits = nip.replace(" ", "")
    if not re.fullmatch(r"\d{18}", digits):
        count = sum(c.isdigit() for c in nip)
        report.error(loc, f"NIP harus 18 angka (tertulis {count} angka" + (" dan tanda lain" if not digits.isdigit()
                                                                           else "") + ")", "nip-tidak-sah")
        return
    try:
        born = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        report.error(loc, f"8 angka pertama NIP ({digits[:8]}) harus tanggal lahir yang sah (tahun, bulan, tanggal)",
                     "nip-tidak-sah")
        return
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12 or not born.year + 17 <= year <= born.year + 50 or (year, month) > (signed.year,
                                                                                                 signed.month):
        report.error(loc, f"angka ke-9 sampai ke-14 NIP ({digits[8:14]}) harus tahun dan bulan pengangkatan CPNS "
                     f"yang masuk akal (usia 17 sampai 50 tahun, sebelum tanggal dokumen)", "nip-tidak-sah")
        return
    if digits[14] not in "12":
        report.error(loc, f"angka ke-15 NIP ({digits[14]}) harus 1 (laki-laki) atau 2 (perempuan)", "nip-tidak-sah")
        return
    if nip != nip_grouped(digits):
        report.warning(loc, f"NIP ditulis \"{nip}\"; penulisan baku: \"{nip_grouped(digits)}\"", "nip-format")


def _normal_rank(text: str) -> str:
    text = re.sub(r"\bTk\.?\s*", "Tingkat ", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip().title()


def _rank_is_known(report: Report, loc: Loc, typed: str | None) -> None:
    if typed is None:
        return
    found = re.fullmatch(r"(.+?)\s*(?:[(,/-]\s*(I{1,3}V?|IV)\s*/\s*([a-e])\s*\)?)?", typed)
    rank = _normal_rank(found.group(1))
    canonical = {name.lower(): name for name in RANKS}
    if rank.lower() not in canonical:
        close = difflib.get_close_matches(rank, RANKS, n=1)
        report.error(loc, f"pangkat \"{typed}\" tidak dikenal" + (f"; maksudnya \"{close[0]}\"?" if close else "")
                     + " Pangkat PNS: Juru Muda ... Pembina Utama", "pangkat-tidak-dikenal")
        return
    golongan = RANKS[canonical[rank.lower()]]
    if found.group(2) and f"{found.group(2)}/{found.group(3)}" != golongan:
        report.error(loc, f"golongan {found.group(2)}/{found.group(3)} tidak sesuai dengan pangkat "
                     f"{canonical[rank.lower()]} ({golongan})", "golongan-tidak-cocok")


def _texts(konten: Konten) -> Iterator[tuple[Loc, str]]:
    """Every paragraph and list item of every text, with where its field is written."""
    def units(text: Text | InlineText | None) -> Iterator[str]:
        if isinstance(text, InlineText):
            yield plain_text(text.runs)
        elif isinstance(text, Text):
            for block in text.blok:
                if isinstance(block, Paragraph):
                    yield plain_text(block.runs)
                elif isinstance(block, ListBlock):
                    yield from (plain_text(item) for item in block.butir)

    fields: list[tuple[Loc, Text | InlineText | None]] = [(("kata_pengantar", "isi"), konten.kata_pengantar.isi)]
    for b, bab in enumerate(konten.bab):
        fields.append((("bab", b, "isi"), bab.isi))
        fields += [(("bab", b, "bagian", g, "isi"), bagian.isi) for g, bagian in enumerate(bab.bagian)]
    fields += [(("rpjmd", "visi"), konten.rpjmd.visi), (("renstra", "tujuan"), konten.renstra.tujuan)]
    for table, key in (("rpjmd", "misi"), ("renstra", "strategi"), ("renstra", "kebijakan"),
                       ("organisasi", "tugas"), ("organisasi", "fungsi")):
        fields += [((table, key, i), text) for i, text in enumerate(getattr(getattr(konten, table), key))]
    for loc, _, ind in konten.indicators():  # every text field the model describes
        fields += [((*loc, key), value) for key, _ in ind.titled_fields()
                   if isinstance(value := getattr(ind, key), InlineText)]
    for loc, text in fields:
        for unit in units(text):
            yield loc, unit


_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
_COMMON_PUNCTUATION = ".,;:!?()[]\"'“”‘’-–—/"


def _bare(word: str) -> str:
    """The word without the punctuation at its ends, in lower case ("(Akumulasi)," -> "akumulasi")."""
    # str.strip removes the usual marks; the pattern, slower, only what strip leaves at an end.
    core = word.strip(_COMMON_PUNCTUATION)
    if not (core[:1].isalnum() and core[-1:].isalnum()):
        core = _EDGE_PUNCTUATION.sub("", word)
    return core.lower()


def repeated_phrase(text: str) -> str | None:
    """The longest run of words typed twice in a row within a sentence ("yang yang", "target yang ...
    target yang ..."), if any; of equally long ones, the first."""
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        words = sentence.split()
        bare = [_bare(word) for word in words]
        # A phrase typed twice starts with a word met again where its copy starts: only the pairs of
        # equal words are tried, not every length at every place.
        places: dict[str, list[int]] = {}
        for place, word in enumerate(bare):
            if word:
                places.setdefault(word, []).append(place)
        found: tuple[int, int] | None = None  # (-length, start) of the best so far
        for same in places.values():
            for n, start in enumerate(same):
                for copy in same[n + 1:]:
                    length = copy - start
                    if (copy + length <= len(bare) and (found is None or (-length, start) < found)
                            and bare[start:copy] == bare[copy:copy + length] and all(bare[start:copy])
                            and (length > 1 or (len(bare[start]) > 2 and bare[start].isalpha()))):
                        found = (-length, start)
        if found:
            return " ".join(words[found[1]:found[1] - found[0]])
    return None


def _no_phrase_typed_twice(konten: Konten, report: Report) -> None:
    for loc, text in _texts(konten):
        if phrase := repeated_phrase(text):
            report.warning(loc, f"frasa \"{phrase}\" tertulis dua kali berturut-turut", "frasa-berulang")


def _no_empty_chapter(konten: Konten, report: Report) -> None:
    for b, bab in enumerate(konten.bab):
        if bab.isi is None and not bab.bagian:
            report.warning(("bab", b), f"BAB \"{bab.judul}\" kosong: tidak punya isi maupun subbab", "bab-kosong")


def _table_is_listed_in_the_text(konten: Konten, report: Report) -> None:
    used = {name for bab in konten.bab for text in (bab.isi, *(g.isi for g in bab.bagian)) if text
            for name in text.references()}
    for name, what in (("daftar_sasaran", "sasaran strategis"), ("daftar_iku", "indikator kinerja utama")):
        if name not in used:
            report.warning(("sasaran", 0), f"{what} dari tabel IKU tidak dicantumkan di bab mana pun; tulis "
                           f"{{{name}}} dalam satu paragraf di bab yang membahasnya", "tabel-tidak-dicantumkan")


#: The codes of the warnings below: the ones [periksa] abaikan may name.
WARNING_CODES = frozenset({"bab-kosong", "frasa-berulang", "nip-format", "tabel-tidak-dicantumkan",
                           "target-tahun-periode"})

RULES: list[Callable[[Konten, Report], None]] = [
    _cumulative_targets_do_not_decrease,
    _targets_cover_the_period,
    _signatory_is_valid,
    _no_phrase_typed_twice,
    _no_empty_chapter,
    _table_is_listed_in_the_text,
]
