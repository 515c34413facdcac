"""How a command tells the user what went wrong, in one place: the problems of a content file one line
each (``path:line: key: message [code]``), then what could not be done because of them, on standard
error; the exit status follows from the error (and, for ``diff``, from the command)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..content.problems import ContentError, FileFailure, IkudocError, Problem

Say = Callable[[str], None]


def show_problems(problems: Iterable[Problem], say: Say) -> None:
    """Every problem a user should see: those [periksa] abaikan acknowledges are counted, not shown."""
    for problem in problems:
        if not problem.is_acknowledged:
            say(str(problem))


#: How many of a draft's unfilled values build lists before it counts the rest (check lists them all).
DRAFT_SHOWN = 3


def warn_draft(source: Path, unfilled: Sequence[Problem], say: Say) -> None:
    """The values a built document still holds in place of its own (scaffold placeholders, examples): a
    draft, which may be looked at but not signed. A fresh project holds dozens: the first few stand for all."""
    show_problems(unfilled[:DRAFT_SHOWN], say)
    if len(unfilled) > DRAFT_SHOWN:
        say(f"{source}: peringatan: dan {len(unfilled) - DRAFT_SHOWN} isian lain belum diisi "
            f"(ikudoc check {source} menampilkan semuanya) [isian-belum-diisi]")
    if unfilled:
        say(f"{source}: dokumen ini masih draf: jangan ditandatangani sebelum semua isian « » diganti.")


def report(error: IkudocError, say: Say) -> None:
    """``error`` as the last words of a command: its problems, then "gagal: ..."."""
    if isinstance(error, ContentError):
        show_problems(error.problems, say)
    say(f"gagal: {error}")


def report_for_file(source: Path, error: IkudocError, say: Say) -> None:
    """``error`` of one file among several: the run goes on with the others, and its old outputs stay."""
    if isinstance(error, ContentError):
        show_problems(error.problems, say)
        say(f"{source}: {len(error.problems)} masalah; dokumen tidak dibangun, hasil lama tidak diubah.")
    elif isinstance(error, FileFailure) and error.path != source:
        say(f"{source}: {error}; hasil lama tidak diubah.")
    else:
        say(f"{source}: {error}")
