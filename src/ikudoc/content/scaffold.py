"""What starting a new content file from an existing one shares across kinds: the new file's name,
label and date, and the refusal when it cannot be made."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import IkudocError


class ScaffoldError(IkudocError):
    """The new file or project cannot be made; the message is Indonesian."""


@dataclass(frozen=True)
class NewDocument:
    """A content file ``ikudoc new`` wrote, and what the user does next."""

    path: Path
    asal: Path  # the file it was made from
    label: str
    date: str
    langkah: tuple[str, ...] = field(default=())  # the next steps, one line each
    catatan: tuple[str, ...] = field(default=())  # what the user should know first


def real_date(typed: str) -> bool:
    """2025-03 or 2025-03-17, and a day of the calendar (not 2025-13 or 2025-02-30)."""
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", typed):
        return False
    try:
        datetime.date.fromisoformat(typed if len(typed) == 10 else typed + "-01")
    except ValueError:
        return False
    return True


def label_year(target: Path, date: str) -> str:
    found = re.findall(r"(?<!\d)(20\d\d)(?!\d)", target.stem)
    return found[-1] if found else date[:4]


