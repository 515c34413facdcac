"""A path the user named -> its bytes, read only when it is a regular file of a bounded size.

A device (``/dev/zero``, or a link to it), a FIFO or a socket is refused before anything is read: a
read of the first would never end and one of the second blocks until some other program writes. The
file is opened without waiting (O_NONBLOCK, so that opening a FIFO does not block either) and asked
what it is through the open handle, so that what is checked is what is read. A file larger than the
caller's limit is refused by its size, before it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import IkudocError


class NotARegularFile(IkudocError):
    """The path is not an ordinary file (a folder, a device, a FIFO) or is too large; says which, in
    Indonesian, without the path (the caller names it)."""


def describe(mode: int) -> str | None:
    """What a file of ``mode`` is, in Indonesian, when it is not a regular file (None when it is)."""
    return None if stat.S_ISREG(mode) else _kind(mode)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "FIFO (pipa bernama)"
    if stat.S_ISSOCK(mode):
        return "soket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "perangkat"
    return "bukan berkas"


def read_regular(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of ``path``; NotARegularFile when it is no regular file or is larger than ``limit``
    bytes; OSError as the system raises it (the caller says it in Indonesian)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as stream:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(f"bukan berkas biasa melainkan {_kind(mode)}; sebutkan berkas yang disimpan di "
                                  "diska")
        size = os.fstat(descriptor).st_size
        if limit is not None and size > limit:
            raise NotARegularFile(f"terlalu besar ({_megabytes(size)}; paling besar {_megabytes(limit)})")
        data = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(data) > limit:  # (it grew while being read)
        raise NotARegularFile(f"terlalu besar (lebih dari {_megabytes(limit)})")
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB".replace(".", ",") if size >= 1 << 20 else f"{size} bita"
