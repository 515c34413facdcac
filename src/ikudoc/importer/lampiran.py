"""The lampiran's blocks -> its title lines, the organisation's name, its tugas and fungsi, the IKU table
(and its continuations on later pages), and the signature under it.

Labels are read as typists number them: "1. NAMA ORGANISASI : ...", "A. NAMA ORGANISASI", "B. TUGAS
POKOK :", "III. FUNGSI", or unnumbered; the lines above the first label are the lampiran's title. The
signature under the table is read whether or not it has a NIP: a regional head (Bupati, Gubernur)
signs without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .items import Item, item_of
from .reading import Grid, Para, escape
from .signature import Signature, signature_lines

_LABEL = re.compile(r"^\s*(?:(?:\d{1,2}|[A-Z]|[IVX]{1,4})\s*[.)]\s*)?(?P<nama>NAMA\s+ORGANISASI|NAMA\s+(?:SKPD|OPD|"
                    r"PERANGKAT\s+DAERAH|INSTANSI)|TUGAS(?:\s+POKOK)?|FUNGSI|INDIKATOR\s+KINERJA\s+UTAMA)\b\s*"
                    r"(?::\s*)?(?P<isi>.*)$", re.DOTALL)


@dataclass
class Lampiran:
    titles: list[str] = field(default_factory=list)
    organisasi: str = ""
    tugas: list[Item] = field(default_factory=list)
    fungsi: list[Item] = field(default_factory=list)
    tables: list[Grid] = field(default_factory=list)
    signature: Signature | None = None
    notes: list[str] = field(default_factory=list)


def read_lampiran(blocks: list[Para | Grid], first_titles: list[str]) -> Lampiran:
    """The lampiran from ``blocks`` (after its "LAMPIRAN" line, whose other lines are ``first_titles``)."""
    lampiran = Lampiran(titles=list(first_titles))
    current: list[Item] | None = None
    labelled = False
    under_table: list[str] = []
    for block in blocks:
        if isinstance(block, Grid):
            if not lampiran.tables or not under_table:
                lampiran.tables.append(block)
            current = None
            continue
        text = block.text.strip()
        if not text:
            continue
        if lampiran.tables:
            under_table += [line.strip() for line in text.split("\n") if line.strip()]
            continue
        label = _LABEL.match(text)
        if label and text.split(":")[0].upper() == text.split(":")[0] \
                and (labelled or not label.group("nama").startswith("INDIKATOR")):
            labelled = True
            name, rest = label.group("nama"), label.group("isi").strip()
            current = lampiran.tugas if name.startswith("TUGAS") else lampiran.fungsi if name == "FUNGSI" else None
            if name.startswith("NAMA"):
                lampiran.organisasi = rest
            elif current is not None and rest:
                current.append(Item("paragraf", escape(rest), rest))
        elif not labelled:
            lampiran.titles += [line.strip() for line in text.split("\n") if line.strip()]
        elif current is not None:
            current.append(item_of(block, current[-1] if current else None))
        else:
            lampiran.notes.append(f"teks lampiran dilewati: \"{text[:60]}\"")
    lampiran.signature = signature_lines(under_table)
    return lampiran
