"""The rules an evaluator of SAKIP documents applies to any document, whatever its kind, and how a kind's
rules report: problems placed on the lines of the content file, warnings that [periksa] abaikan may
acknowledge, a signatory's NIP and pangkat, a phrase typed twice, an empty chapter.

Each kind's checks (iku/checks.py, perjanjian/checks.py) call these with its own content.
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from .fields import Bab, Penandatangan, Periksa, Tte
from .markup import InlineText, ListBlock, Paragraph, Text, plain_text
from .placeholders import PLACEHOLDER
from .problems import ACKNOWLEDGED, UNCHECKED_GUESS, UNFILLED, WARNING, Loc, Problem, format_key_path
from .source import TomlSource, comments

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

    def __init__(self, toml: TomlSource, warning_codes: frozenset[str]):
        self.toml = toml
        self.warning_codes = warning_codes
        self.problems: list[Problem] = []

    def error(self, loc: Loc, message: str, code: str) -> None:
        self.problems.append(Problem(self.toml.path, self.toml.line_of(loc), loc, message, code))

    def warning(self, loc: Loc, message: str, code: str) -> None:
        assert code in self.warning_codes, f"add {code} to the warning codes"  # so that [periksa] abaikan accepts it
        self.problems.append(Problem(self.toml.path, self.toml.line_of(loc), loc, message, code, WARNING))


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


def nip_grouped(digits: str) -> str:
    """18 NIP digits as printed: "19670418 199203 1 003"."""
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


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
    target yang ..."), if any; of equally long ones, the first. A single word counts only when it is a
    word of three letters or more; a phrase never holds a word of punctuation alone."""
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        words = sentence.split()
        bare = [_bare(word) for word in words]
        found: tuple[int, int] | None = None  # (length, start) of the best so far
        start = 0
        for end in [n for n, word in enumerate(bare) if not word] + [len(bare)]:  # stretches of real words
            square = _longest_square(bare, start, end)
            if square and (found is None or (-square[0], square[1]) < (-found[0], found[1])):
                found = square
            start = end + 1
        if found:
            return " ".join(words[found[1]:found[1] + found[0]])
    return None


def _longest_square(words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """(length, start) of the longest phrase of ``words[start:end]`` followed at once by itself, the first
    of the longest; a one-word phrase only of a word of three letters or more.

    Any such square of length L covers a word at a multiple of L; from each such word, how far the text
    agrees with the text L words on, backwards and forwards, says whether a square of length L is there
    and where it starts. Trying every L from the longest down asks n/L words per length, n log n in all
    (checking every pair of equal words, as before, took a minute on a 160 KB sentence)."""
    n = end - start
    if n < 2:
        return None
    seq = words[start:end]
    ids: dict[str, int] = {}
    text = [ids.setdefault(word, len(ids)) for word in seq]  # one number per word: slices compare fast
    for length in range(n // 2, 1, -1):
        for at in range(0, n - length, length):
            ahead = _common_prefix(text, at, at + length, min(length, n - at - length))
            if not ahead:
                continue
            behind = _common_suffix(text, at, at + length, min(length - 1, at))
            if behind + ahead >= length:  # the first found starts before any found from a later word
                return length, start + at - behind
    for at in range(n - 1):
        if seq[at] == seq[at + 1] and len(seq[at]) > 2 and seq[at].isalpha():
            return 1, start + at
    return None


def _common_prefix(text: list[int], a: int, b: int, limit: int) -> int:
    """How many words from ``a`` and from ``b`` agree, at most ``limit``."""
    return _agreeing(lambda low, high: text[a + low:a + high] == text[b + low:b + high], limit)


def _common_suffix(text: list[int], a: int, b: int, limit: int) -> int:
    """How many words just before ``a`` and just before ``b`` agree, at most ``limit``."""
    return _agreeing(lambda low, high: text[a - high:a - low] == text[b - high:b - low], limit)


def _agreeing(agree: Callable[[int, int], bool], limit: int) -> int:
    """The largest n <= ``limit`` for which the words [0, n) agree, ``agree(low, high)`` comparing those in
    [low, high): compared in slices that double in size, then halved where one disagrees."""
    low, step = 0, 1
    while low < limit:
        high = min(limit, low + step)
        if not agree(low, high):
            while high - low > 1:  # the first disagreement is in (low, high]
                middle = (low + high) // 2
                if agree(low, middle):
                    low = middle
                else:
                    high = middle
            return low
        low, step = high, step * 2
    return limit


def text_units(texts: Iterable[tuple[Loc, Text | InlineText]]) -> Iterator[tuple[Loc, str]]:
    """Every paragraph and list item of ``texts``, as plain text, with where its field is written."""
    for loc, text in texts:
        if isinstance(text, InlineText):
            yield loc, plain_text(text.runs)
            continue
        for block in text.blok:
            if isinstance(block, Paragraph):
                yield loc, plain_text(block.runs)
            elif isinstance(block, ListBlock):
                yield from ((loc, plain_text(item)) for item in block.butir)


def no_phrase_typed_twice(report: Report, texts: Iterable[tuple[Loc, Text | InlineText]]) -> None:
    """A warning "frasa-berulang" for each paragraph or list item with a phrase typed twice in a row."""
    for loc, text in text_units(texts):
        if phrase := repeated_phrase(text):
            report.warning(loc, f"frasa \"{phrase}\" tertulis dua kali berturut-turut", "frasa-berulang")


def no_empty_chapter(report: Report, chapters: list[Bab], at: Loc = ("bab",)) -> None:
    """A warning "bab-kosong" for a chapter with neither a text nor sections."""
    for b, bab in enumerate(chapters):
        if bab.isi is None and not bab.bagian:
            report.warning((*at, b), f"BAB \"{bab.judul}\" kosong: tidak punya isi maupun subbab", "bab-kosong")


def anchor_only_where_it_is_signed(report: Report, tte: Tte | None, texts: Iterable[tuple[Loc, str]],
                                   elsewhere: Iterable[tuple[str, str]] = ()) -> None:
    """The TTE anchor must occur nowhere in the document's text (``texts`` of this file by where they are
    written; ``elsewhere``, what other files put in the document, by their place): the signing application
    would put a QR code there too."""
    if tte is None:
        return
    anchor = tte.jangkar
    for loc, text in texts:
        if loc[:1] != ("tte",) and anchor in text:
            report.error(loc, f"teks ini memuat jangkar TTE \"{anchor}\": aplikasi penandatanganan akan menaruh kode "
                         f"QR di sini juga; hapus karakter itu, atau pilih jangkar lain ([tte] jangkar)",
                         "jangkar-dalam-teks")
    for place, text in elsewhere:
        if anchor in text:
            report.error(("tte", "jangkar"), f"jangkar TTE \"{anchor}\" juga ada di teks dokumen ({place}): aplikasi "
                         "penandatanganan akan menaruh kode QR di sana juga; pilih jangkar lain", "jangkar-dalam-teks")




def _excerpt(text: str, limit: int = 60) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit and first == text.strip() else first[:limit].rstrip() + "…"


def placeholders_replaced(report: Report, texts: Iterable[tuple[Loc, str]]) -> None:
    """Every value a scaffold marked for the user (content.fields.PLACEHOLDER) that is still there, as an error:
    «...» is to fill in, «contoh: ...» an example to replace. Nothing marked so may reach a signature."""
    for loc, text in texts:
        for found in PLACEHOLDER.finditer(text):
            shown = _excerpt(found.group(2))
            if found.group(1):
                message = f"nilai contoh \"{shown}\" belum diganti; tulis nilai yang sebenarnya (tanpa « dan »)"
            else:
                message = f"\"{shown}\" belum diisi; ganti teks di antara « dan » dengan isinya"
            report.error(loc, message, UNFILLED)


#: How ``ikudoc import`` marks a guess that must be checked before the document is signed (who signs,
#: which agency): a comment above the key it guessed, which the user deletes once the value is right.
REQUIRED_CHECK = re.compile(r"^#\s*PERIKSA WAJIB\b\s*(?:\((?P<kunci>[^)]*)\))?\s*:\s*(?P<catatan>.*)$")


def no_unchecked_guess(report: Report) -> None:
    """An error "periksa-wajib" for each "# PERIKSA WAJIB:" comment left in the file, on the comment's
    line, naming the key below it (or the key it names in parentheses, at the head of the file)."""
    toml = report.toml
    marked = [(line, found) for line, text in comments(toml) if (found := REQUIRED_CHECK.match(text.strip()))]
    if not marked:
        return
    keys: dict[int, Loc] = {}
    for loc, line in toml.lines.items():  # the key written on each line (the shortest: a table before its items)
        if line not in keys or len(loc) < len(keys[line]):
            keys[line] = loc
    written = sorted(keys)
    for line, found in marked:
        named = found.group("kunci")
        after = bisect.bisect_right(written, line)
        loc = () if named or after == len(written) else keys[written[after]]
        report.problems.append(Problem(
            toml.path, line, loc, f"{named + ': ' if named else ''}tebakan ikudoc import belum diperiksa "
            f"(\"{found.group('catatan').strip()}\"); periksa nilainya, lalu hapus baris komentar \"# PERIKSA WAJIB\" "
            "ini", UNCHECKED_GUESS))
