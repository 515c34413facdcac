"""A signature block -> place, date, jabatan, name, pangkat and NIP; and the end of the kata pengantar ->
its text, its signature block and what follows it.

The block starts at "Place, Month Year" (or "Place," with the date on the next line) or at "Ditetapkan
di : Place" with "Pada tanggal : Date" under it, typed as paragraphs or as the lines of one paragraph
(or in a text box, which the reader puts where it is anchored); then the jabatan (over lines up to the
one ending with a comma), the name, the pangkat and the NIP. A regional head signs without pangkat and
NIP: the block then runs to the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reading import Para


@dataclass
class Signature:
    tempat: str = ""
    tanggal: str = ""
    jabatan: str = ""
    nama: str = ""
    pangkat: str = ""
    nip: str = ""


NIP = re.compile(r"^NIP\s*[.:]?\s*(.*)$", re.IGNORECASE)
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")
DATE = re.compile(r"^(\d{1,2}\s+)?(" + "|".join(MONTHS) + r")\s+(\d{4})$", re.IGNORECASE)
PLACE = re.compile(r"^([A-Z][\w .'-]{1,40}),\s*(.*)$")
_SET_AT = re.compile(r"^(?:Ditetapkan|Dikeluarkan|Dibuat)\s+di\s*:?\s*(?P<tempat>.*)$", re.IGNORECASE)
_SET_ON = re.compile(r"^(?:pada\s+)?tanggal\s*:?\s*(?P<tanggal>.*)$", re.IGNORECASE)
# A first line that ends with a comma but is the jabatan, not a place ("KEPALA DINAS,").
_JABATAN = re.compile(r"^(?:a\.n\.\s*|plt\.?\s*|plh\.?\s*|pj\.?\s*)?(KEPALA|BUPATI|WALI\s*KOTA|WALIKOTA|GUBERNUR|"
                      r"SEKRETARIS|DIREKTUR|CAMAT|INSPEKTUR|PENJABAT|KABAN|LURAH)\b", re.IGNORECASE)
_RULE = re.compile(r"^[\W_]+$")  # a line of underscores or dashes under "Pada tanggal"


def starts_signature(lines: list[str], at: int) -> bool:
    """Whether the signature block starts at line ``at``."""
    line = lines[at].strip()
    if _SET_AT.match(line):
        return True
    place = PLACE.match(line)
    if not place or _JABATAN.match(line):
        return False
    return not place.group(2) or bool(DATE.match(place.group(2).strip()))


def text_and_signature(paras: list[Para]) -> tuple[list[Para], Signature | None, list[str]]:
    """The kata pengantar's paragraphs, the signature block under them: from its first line to the NIP
    line, as paragraphs or as lines of one paragraph, and the texts after the signature (none, unless
    the chapter headings that follow were not recognised)."""
    lines = [p for p in paras if p.text.strip()]

    def has_nip(p: Para) -> bool:
        return any(NIP.match(line.strip()) for line in p.text.split("\n"))

    def is_start(p: Para) -> bool:
        return starts_signature([p.text.strip().split("\n")[0]], 0)

    nip_at = next((i for i, p in enumerate(lines) if has_nip(p)), None)
    if nip_at is None:  # a regional head signs without NIP: the block runs to the end
        nip_at = len(lines) - 1
    place_at = next((i for i in range(max(0, nip_at - 8), nip_at + 1) if is_start(lines[i])), None)
    if place_at is None:
        return lines, None, []
    signature = read_signature([line for p in lines[place_at:nip_at + 1] for line in p.text.split("\n")
                                if line.strip()])
    return lines[:place_at], signature, [p.text.strip() for p in lines[nip_at + 1:]]


def signature_lines(lines: list[str]) -> Signature | None:
    """The signature block among ``lines`` (those under the lampiran's table), with or without a NIP."""
    start = next((i for i in range(len(lines)) if starts_signature(lines, i)), None)
    if start is None:
        return None
    end = next((i for i in range(start, len(lines)) if NIP.match(lines[i].strip())), len(lines) - 1)
    return read_signature(lines[start:end + 1])


def read_signature(lines: list[str]) -> Signature:
    """Place and date, jabatan, name, pangkat, NIP: "Bandar Lampung," / "Oktober 2024" / "KEPALA DINAS," ...,
    or "Ditetapkan di : Bandar Lampung" / "Pada tanggal : 15 Oktober 2024" / "KEPALA DINAS," ..."""
    lines = [line.strip() for line in lines if line.strip() and not _RULE.match(line.strip())]
    set_at = _SET_AT.match(lines[0])
    if set_at:
        signature = Signature(tempat=set_at.group("tempat").strip().rstrip(","))
        rest = lines[1:]
        if rest and (set_on := _SET_ON.match(rest[0])):
            signature.tanggal = set_on.group("tanggal").strip()
            rest = rest[1:]
    else:
        place = PLACE.match(lines[0])
        signature = Signature(tempat=place.group(1).strip(), tanggal=place.group(2).strip())
        rest = lines[1:]
    if not signature.tanggal and rest and DATE.match(rest[0]):
        signature.tanggal = rest.pop(0)
    nip = NIP.match(rest[-1]) if rest else None
    signature.nip = nip.group(1).strip() if nip else ""
    middle = rest[:-1] if nip else rest
    jabatan: list[str] = []  # a long jabatan runs over lines, up to the one ending with a comma
    while middle and (not jabatan or any(line.endswith(",") for line in middle[:2])) \
            and not (jabatan and jabatan[-1].endswith(",")):
        jabatan.append(middle.pop(0))
    signature.jabatan = " ".join(jabatan).rstrip(",").strip()
    if middle:
        signature.nama = middle.pop(0)
    if middle:
        signature.pangkat = " ".join(middle)
    return signature
