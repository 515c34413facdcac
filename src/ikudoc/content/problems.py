"""Problems found in a content file, and how they are shown to the user.

Every problem names the file, the line, the key and what was expected, in Indonesian, in the form
``content/iku_2024.toml:42: sasaran[1].nama: tidak boleh kosong [teks-kosong]``.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

#: A position inside the TOML data: table keys (str) and 0-based array indexes (int).
Loc = tuple[str | int, ...]


def format_key_path(loc: Loc) -> str:
    """Show a location the way a TOML editor reads it: ``sasaran[1].indikator[2].satuan`` (1-based)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


WARNING = "peringatan"
ERROR = "galat"
ACKNOWLEDGED = "diabaikan"  # a warning the content acknowledges ([periksa] abaikan): not shown, only counted

#: The code of a placeholder left in place (content.rules.placeholders_replaced).
UNFILLED = "isian-belum-diisi"
#: The code of an import's guess not yet checked (content.rules.no_unchecked_guess).
UNCHECKED_GUESS = "periksa-wajib"
#: What keeps a document a draft: errors for check, which must not pass what is not ready to sign, and
#: warnings for build, since a draft is worth looking at (documents.load_checked).
DRAFT_CODES = frozenset({UNFILLED, UNCHECKED_GUESS})


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file: an error (the document cannot be built) or a warning."""

    path: Path
    line: int | None
    loc: Loc
    message: str
    code: str
    severity: str = ERROR  # or WARNING, or ACKNOWLEDGED

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    @property
    def is_acknowledged(self) -> bool:
        return self.severity == ACKNOWLEDGED

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        key = format_key_path(self.loc)
        severity = f"{WARNING}: " if self.is_warning else ""
        return one_line(f"{where}: {severity}{key + ': ' if key else ''}{self.message} [{self.code}]")


# Characters that end a line for a terminal or str.splitlines: inside a quoted key or value, shown by code.
_LINE_BREAKS = {code: f"U+{code:04X}" for code in (0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)}


def one_line(text: str) -> str:
    """A message on one line, whatever it quotes (a value, a file name with a line break in it): every
    character that ends a line is shown by its code."""
    return text.translate(_LINE_BREAKS)


class IkudocError(Exception):
    """A failure that ikudoc explains in Indonesian: every failure a user can meet is one (content,
    templates, files, LibreOffice, git, the command line), and the command reports it in one place.
    ``exit_code``: 1 when the document cannot be made, 2 when the command line cannot be followed (and
    for every error of ``diff``, as diff(1) does); 3 is for errors that are not ikudoc's."""

    exit_code = 1


class ContentError(IkudocError):
    """A content file could not be used; carries every problem found in it, and what could not be done
    because of them (``consequence``, said after the problems), when the command knows it."""

    def __init__(self, problems: list[Problem], consequence: str | None = None):
        super().__init__(consequence or f"{len(problems)} masalah di isi berkas")
        self.problems = problems
        self.consequence = consequence

    def because(self, consequence: str) -> ContentError:
        """The same problems, and what they stopped."""
        return ContentError(self.problems, consequence)


class FileFailure(IkudocError):
    """A file could not be read or written (``reading`` None: used, when which of the two is not known);
    names it and says why, in Indonesian."""

    def __init__(self, path, error: OSError, reading: bool | None = False):
        reason = os_reason(error)
        hint = "" if reading is not False or error.errno in _REASONS else \
            "; apakah berkasnya sedang dibuka di program lain, atau diska penuh?"
        action = "membaca" if reading else "memakai" if reading is None else "menulis"
        super().__init__(f"tidak bisa {action} {path} ({reason}){hint}")
        self.path = path


#: The operating system's reasons, said in Indonesian (the OS says them in English).
_LOCKED = "tidak diizinkan; berkas atau foldernya terkunci, hanya-baca, atau sedang dibuka program lain"
_REASONS = {getattr(errno, name): reason for name, reason in [
    ("EACCES", _LOCKED), ("EPERM", _LOCKED), ("ENOENT", "tidak ada"), ("EISDIR", "ada folder dengan nama ini"),
    ("ENOTDIR", "salah satu bagian jalurnya bukan folder"), ("ENOSPC", "diska penuh"),
    ("EDQUOT", "kuota diska habis"), ("EFBIG", "berkas melebihi ukuran yang diizinkan"),
    ("EROFS", "diska hanya-baca"), ("ENAMETOOLONG", "nama terlalu panjang"),
    ("EADDRINUSE", "sudah dipakai program lain"),
] if hasattr(errno, name)}


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in Indonesian where the reason is a common one."""
    return _REASONS.get(error.errno) or error.strerror or type(error).__name__


def unexpected_error_message(error: BaseException) -> str:
    """What to say about an error that is not ikudoc's to explain (a bug): one line, in Indonesian."""
    return (f"galat tak terduga (bukan kesalahan isi): {type(error).__name__}: {error}. Jalankan lagi dengan "
            "'ikudoc --debug ...' lalu laporkan keluarannya kepada pengembang ikudoc.")
