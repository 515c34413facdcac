"""The cover's lines -> what each says: the title, its abbreviation, the revision label, the period, the
decree, the regional government and the agency.

Typists lay covers out in many ways: the title with "(IKU)" on its own line or at its end, the period
("TAHUN 2026 – 2030") above or below the agency, "PEMERINTAH KABUPATEN CONTOH" above the agency, or the
agency above its region ("DINAS KESEHATAN" / "KABUPATEN CONTOH"), or no government at all; an e-SAKIP
export has only title lines above its table ("INDIKATOR KINERJA UTAMA DINAS SOSIAL"). Each line is
read for what it is, not for where it stands: the title is the block that starts with "INDIKATOR
KINERJA" (or the first lines, when none does), the agency the lines that start with a kind of agency
(DINAS, BADAN, ...) and the lines that go on from them, the government the "PEMERINTAH ..." line or,
without one, "Pemerintah" and the region ("KABUPATEN CONTOH") written on its own line or at the end of
the agency's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TITLE = re.compile(r"^(INDIKATOR\s+KINERJA|IKU\b)", re.IGNORECASE)
_ABBREVIATION = re.compile(r"^\((?P<singkatan>[^()]{1,40})\)\s*(?P<sisa>.*)$")
_IN_TITLE = re.compile(r"^(?P<judul>.+?)\s*\((?P<singkatan>[^()]{1,40})\)\s*(?P<sisa>.*)$")
_REVISION = re.compile(r"^(PERUBAHAN|REVISI)\b", re.IGNORECASE)
_YEARS = (r"(?P<awal>(?:19|20)\d\d)\s*(?:-|–|—|s\.?\s*[/.]?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
          r"(?P<akhir>(?:19|20)\d\d)")
_WORD = r"(?:PERIODE\s+)?TAHUN|PERIODE"
_PERIOD = re.compile(rf"^(?:(?P<kata>{_WORD}|RENSTRA)\s*:?\s*)?{_YEARS}\s*$", re.IGNORECASE)
_PERIOD_AT_END = re.compile(rf"^(?P<awal_baris>.+?)\s+(?P<periode>(?:{_WORD})\s*:?\s*{_YEARS})\s*$", re.IGNORECASE)
_DECREE = re.compile(r"^Keputusan\s+Nomor\s*:?\s*(\S.*)$", re.IGNORECASE)
# One year, alone or after the word TAHUN or a city ("TAHUN 2024", "BANDAR LAMPUNG, 2024"): no period
_ONE_YEAR = re.compile(r"^(?:(?:TAHUN|PERIODE)\s*:?\s*|[A-Za-z .'-]+,?\s+)?(?:19|20)\d\d$", re.IGNORECASE)
_GOVERNMENT = re.compile(r"^PEMERINTAH\b", re.IGNORECASE)
_REGION = re.compile(r"^(PROVINSI|KABUPATEN|KAB\.|KOTA|KOTAMADYA)\s+\S", re.IGNORECASE)
_REGION_AT_END = re.compile(r"\s(?P<wilayah>(?:PROVINSI|KABUPATEN|KAB\.|KOTA)\s+[^,]+)$", re.IGNORECASE)
_AGENCY = (r"DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|SATUAN|SATPOL|KANTOR|RUMAH\s+SAKIT|RSUD|KECAMATAN|KELURAHAN|BIRO"
           r"|BAGIAN|UPTD?|UNIT")
_AGENCY_START = re.compile(rf"^({_AGENCY})\b", re.IGNORECASE)
_AGENCY_IN_TITLE = re.compile(rf"^(?P<judul>.+?)\s+(?P<instansi>(?:{_AGENCY})\b.*)$", re.IGNORECASE)
_LABELLED_AGENCY = re.compile(r"^(?:PERANGKAT\s+DAERAH|SKPD|OPD|INSTANSI|UNIT\s+KERJA|NAMA\s+(?:SKPD|OPD|INSTANSI|"
                              r"PERANGKAT\s+DAERAH|ORGANISASI))\s*:\s*(?P<instansi>\S.*)$", re.IGNORECASE)


@dataclass
class Cover:
    judul: list[str] = field(default_factory=list)  # the title's lines, as typed
    singkatan: str = ""  # "IKU OPD" of "(IKU OPD)"
    perubahan: str = ""  # "PERUBAHAN 2024"
    periode: tuple[int, int] | None = None
    kata_periode: str | None = None  # the word before the period ("TAHUN"); "" when the years stand alone
    keputusan: str = ""
    pemerintah: str = ""  # "PEMERINTAH KABUPATEN CONTOH", typed, or "PEMERINTAH " and the region
    pemerintah_dari: str = ""  # "" typed on its own line, "wilayah" from a region line, "nama" from the agency's
    instansi: list[str] = field(default_factory=list)  # the agency's lines
    dilewati: list[str] = field(default_factory=list)  # lines that say nothing ikudoc keeps ("TAHUN 2024")


def read_cover(lines: list[str]) -> Cover:
    cover = Cover()
    pieces = _pieces(lines)
    first = next((n for n, (kind, _) in enumerate(pieces) if kind == "judul"), None)
    if first is None and pieces and not pieces[0][0]:
        first = 0  # no line starts the title: the first lines that are nothing else are the title
    end = first
    if first is not None:
        end = first + 1
        while end < len(pieces) and pieces[end][0] in ("", "judul"):
            end += 1
        cover.judul = [text for _, text in pieces[first:end]]
    region = ""
    for n, (kind, text) in enumerate(pieces):
        if first is not None and first <= n < end:
            continue
        if kind == "singkatan" and not cover.singkatan:
            cover.singkatan = text
        elif kind == "perubahan" and not cover.perubahan:
            cover.perubahan = text
        elif kind == "periode" and cover.periode is None:
            found = _PERIOD.match(text)
            cover.periode = int(found.group("awal")), int(found.group("akhir"))
            cover.kata_periode = found.group("kata") or ""
        elif kind == "keputusan" and not cover.keputusan:
            cover.keputusan = _DECREE.match(text).group(1).strip()
        elif kind == "pemerintah" and not cover.pemerintah:
            cover.pemerintah = text
        elif kind == "wilayah" and not region:
            region = text
        elif kind in ("instansi", ""):  # a line that is nothing else goes on from the agency's
            cover.instansi.append(text)
        elif kind == "lain":
            cover.dilewati.append(text)
    if not cover.pemerintah and region:
        cover.pemerintah, cover.pemerintah_dari = f"PEMERINTAH {region}", "wilayah"
    elif not cover.pemerintah and cover.instansi and (found := _REGION_AT_END.search(" ".join(cover.instansi))):
        cover.pemerintah, cover.pemerintah_dari = f"PEMERINTAH {found.group('wilayah')}", "nama"
    return cover


def _pieces(lines: list[str]) -> list[tuple[str, str]]:
    """Each line, or part of a line, with what it is: "judul", "singkatan", "perubahan", "periode",
    "keputusan", "pemerintah", "wilayah", "instansi", or "" (goes on from the line before)."""
    pieces: list[tuple[str, str]] = []
    for line in lines:
        pieces += _split(line.strip())
    return [(kind, text) for kind, text in pieces if text]


def _split(line: str) -> list[tuple[str, str]]:
    if not line:
        return []
    if found := _ABBREVIATION.match(line):
        return [("singkatan", found.group("singkatan").strip()), *_split(found.group("sisa"))]
    if _REVISION.match(line):
        return [("perubahan", line)]
    if _PERIOD.match(line):
        return [("periode", line)]
    if _ONE_YEAR.match(line):
        return [("lain", line)]
    if found := _PERIOD_AT_END.match(line):  # "DINAS SOSIAL TAHUN 2025-2029"
        return [*_split(found.group("awal_baris")), ("periode", found.group("periode"))]
    if _DECREE.match(line):
        return [("keputusan", line)]
    if _GOVERNMENT.match(line):
        return [("pemerintah", line)]
    if found := _LABELLED_AGENCY.match(line):
        return [("instansi", found.group("instansi").strip())]
    if _REGION.match(line):
        return [("wilayah", line)]
    if _AGENCY_START.match(line):
        return [("instansi", line)]
    if _TITLE.match(line):  # the title, and what a typist put on its line after it
        if found := _IN_TITLE.match(line):
            return [("judul", found.group("judul")), ("singkatan", found.group("singkatan").strip()),
                    *_split(found.group("sisa"))]
        if found := _AGENCY_IN_TITLE.match(line):
            return [("judul", found.group("judul")), *_split(found.group("instansi"))]
        return [("judul", line)]
    return [("", line)]
