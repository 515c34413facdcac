"""An OLE2 compound file (a Word 97-2003 .doc, or a .docx Word saved with a password) -> whether it is
protected by a password, which no converter can open.

Word encrypts a .docx into an OLE file holding an ``EncryptedPackage`` stream; it encrypts a .doc in
place and says so in the fEncrypted flag of the WordDocument stream's first bytes (its FIB). Only the
directory and the first sector of that stream are read.
"""

from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_F_ENCRYPTED = 0x0100  # in the FIB's flags at byte 10


def is_password_protected(data: bytes) -> bool:
    if data[:8] != MAGIC or len(data) < 512:
        return False
    if "EncryptedPackage".encode("utf-16-le") in data:
        return True  # the directory entry of an encrypted .docx (a file's own text is not UTF-16 there)
    try:
        start = _stream_start(data, "WordDocument")
        if start is None:
            return False
        flags = struct.unpack_from("<H", data, start + 10)[0]
    except (struct.error, IndexError, ValueError):
        return False
    return bool(flags & _F_ENCRYPTED)


def _stream_start(data: bytes, name: str) -> int | None:
    """Where in ``data`` the stream ``name`` begins (None: no such stream)."""
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END_OF_CHAIN]

    def offset(sector: int) -> int:
        return (sector + 1) * sector_size

    fat: list[int] = []
    for sector in fat_sectors:
        fat += struct.unpack_from(f"<{sector_size // 4}I", data, offset(sector))
    sector = struct.unpack_from("<I", data, 0x30)[0]
    wanted = name.encode("utf-16-le")
    seen: set[int] = set()
    while sector < _END_OF_CHAIN and sector not in seen and sector < len(fat):
        seen.add(sector)
        for entry in range(offset(sector), offset(sector) + sector_size, 128):
            length = struct.unpack_from("<H", data, entry + 64)[0]
            if data[entry:entry + max(0, length - 2)] == wanted:
                return offset(struct.unpack_from("<I", data, entry + 116)[0])
        sector = fat[sector]
    return None
