"""Problems found in a content file, and how they are shown to the user.

Every problem names the file, the line, the key and what was expected, in Indonesian, in the form
``content/iku_2024.toml:42: sasaran[1].nama: tidak boleh kosong [teks-kosong]``.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file: an error (the document cannot be built) or a warning."""

    path: Path
    line: int | None
    loc: Loc
    message: str
    code: str
    severity: str = "galat"  # or WARNING

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        key = format_key_path(self.loc)
        severity = f"{WARNING}: " if self.is_warning else ""
        return f"{where}: {severity}{key + ': ' if key else ''}{self.message} [{self.code}]"


class ContentError(Exception):
    """A content file could not be loaded; carries every problem found in it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
