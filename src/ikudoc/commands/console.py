"""Where ikudoc's lines go, set up once for every command (cli.main): standard output and error.

On Windows, output that is not a console (redirected to a file, piped to another program, read by git
or Git Bash) is written in the ANSI code page (cp1252) unless told otherwise, which cannot hold "≥" or
"→": the command would stop with UnicodeEncodeError, and JSON would not be UTF-8. So whatever is not a
console gets UTF-8. A console gets what it shows: Windows' own console takes any character; a terminal
in an old code page gets a readable stand-in (">=" for "≥") instead of a crash.

Colours (the word diff of ``ikudoc diff``) only where the console shows them: a terminal, not a pipe or a
file; on Windows a console that reads ANSI codes (Windows 10's, once asked to), never the old cmd.exe,
which would print them as "←[31m". ``NO_COLOR`` (https://no-color.org) turns them off everywhere.
"""

from __future__ import annotations

import codecs
import os
import sys
from typing import TextIO

#: Characters ikudoc prints that an old code page lacks, and what is printed instead.
STAND_INS = {"≥": ">=", "≤": "<=", "→": "->", "←": "<-", "…": "...", "–": "-", "—": "-", "‘": "'", "’": "'",
             "“": '"', "”": '"', "×": "x", "•": "-", "\u00a0": " "}
READABLE = "ikudoc-terbaca"


def _readable(error: UnicodeError) -> tuple[str, int]:
    """An encoding error handler: a stand-in for a character the console cannot show, "?" for others."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    return "".join(STAND_INS.get(character, "?") for character in text), error.end


codecs.register_error(READABLE, _readable)


def prepare_streams(streams: tuple[TextIO | None, ...] | None = None) -> None:
    """Standard output and error (or ``streams``) in UTF-8 where they are not a console; a console keeps
    its encoding and shows a stand-in for what it cannot."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):  # pythonw has none; a test may have its own
            continue
        try:
            if is_console(stream):
                if not _is_utf8(stream.encoding):
                    stream.reconfigure(errors=READABLE)
            elif not _is_utf8(stream.encoding):
                # (a lone surrogate, from a file name in no encoding, is written as \udcxx, not refused)
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
        except (ValueError, OSError):  # a stream already read from, or closed
            continue


def is_console(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False


def colours(stream: TextIO) -> bool:
    """Whether ``stream`` shows ANSI colour codes as colours (and not as characters)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or not is_console(stream):
        return False
    if os.name == "nt":
        return windows_console_reads_ansi(stream, _windows_console())
    return True


#: SetConsoleMode's flag that makes a Windows console read ANSI codes (Windows 10 1511 and later).
ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004


def windows_console_reads_ansi(stream: TextIO, console) -> bool:
    """Whether the Windows console behind ``stream`` reads ANSI codes, after asking it to: ``console``
    gets and sets its mode (GetConsoleMode, SetConsoleMode). An old console refuses the flag."""
    try:
        handle = console.handle(stream)
        mode = console.get_mode(handle)
    except (OSError, ValueError, AttributeError):
        return False
    if mode is None:
        return False
    if mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING:
        return True
    return bool(console.set_mode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING))


class _WindowsConsole:
    """GetConsoleMode and SetConsoleMode of kernel32 (only built on Windows)."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._ctypes, self._wintypes = ctypes, wintypes
        self._kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    def handle(self, stream: TextIO) -> int:
        import msvcrt

        return msvcrt.get_osfhandle(stream.fileno())

    def get_mode(self, handle: int) -> int | None:
        mode = self._wintypes.DWORD()
        if not self._kernel32.GetConsoleMode(handle, self._ctypes.byref(mode)):
            return None
        return mode.value

    def set_mode(self, handle: int, mode: int) -> bool:
        return bool(self._kernel32.SetConsoleMode(handle, mode))


def _windows_console() -> _WindowsConsole:
    return _WindowsConsole()


def _is_utf8(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name == "utf-8"
    except LookupError:
        return False


def write_styled(text: str, colour: bool, stream: TextIO | None = None) -> None:
    """``text`` and a line end on ``stream`` (standard output): with its click.style codes when ``colour``
    (the console reads them: written as they are, not through click's Windows wrapper), else plain."""
    import click

    stream = stream or sys.stdout
    if not colour:
        click.echo(click.unstyle(text), file=stream)
        return
    stream.write(text + "\n")
    stream.flush()
