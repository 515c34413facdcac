"""The end of the kata pengantar -> its text, the signature block and what follows it.

The signature runs from a "Place, Month Year" (or "Place,") line to the NIP line, typed as paragraphs or
as the lines of one paragraph: place and date, jabatan (over lines up to the one ending with a comma),
name, pangkat, NIP. A regional head signs without NIP: the block then runs to the end.
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


def text_and_signature(paras: list[Para]) -> tuple[list[Para], Signature | None, list[str]]:
    """The kata pengantar's paragraphs, the signature block under them: from a "Place, Month Year"
    (or "Place,") line to the NIP line, as paragraphs or as lines of one paragraph, and the texts after
    the signature (none, unless the chapter headings that follow were not recognised)."""
    lines = [p for p in paras if p.text.strip()]

    def has_nip(p: Para) -> bool:
        return any(NIP.match(line.strip()) for line in p.text.split("\n"))

    def is_place(p: Para) -> bool:
        place = PLACE.match(p.text.strip().split("\n")[0])
        return bool(place) and (not place.group(2) or bool(DATE.match(place.group(2))))

    nip_at = next((i for i, p in enumerate(lines) if has_nip(p)), None)
    if nip_at is None:  # a regional head signs without NIP: the block runs to the end
        nip_at = len(lines) - 1
    place_at = next((i for i in range(max(0, nip_at - 7), nip_at + 1) if is_place(lines[i])), None)
    if place_at is None:
        return lines, None, []
    signature = read_signature([line for p in lines[place_at:nip_at + 1] for line in p.text.split("\n")
                                if line.strip()])
    return lines[:place_at], signature, [p.text.strip() for p in lines[nip_at + 1:]]


def read_signature(lines: list[str]) -> Signature:
    """Place and date, jabatan, name, pangkat, NIP: "Bandar Lampung," / "Oktober 2024" / "KEPALA DINAS," ..."""
    lines = [line.strip() for line in lines]
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
