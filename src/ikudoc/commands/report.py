"""How a command tells the user what went wrong, in one place: the problems of a content file one line
each (``path:line: key: message [code]``), then what could not be done because of them, on standard
error; the exit status follows from the error (and, for ``diff``, from the command)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..content.problems import UNCHECKED_GUESS, UNFILLED, ContentError, FileFailure, IkudocError, Problem, one_line

Say = Callable[[str], None]


def show_problems(problems: Iterable[Problem], say: Say) -> None:
    """Every problem a user should see: those [periksa] abaikan acknowledges are counted, not shown."""
    for problem in problems:
        if not problem.is_acknowledged:
            say(str(problem))


#: How many of a draft's unfilled values build lists before it counts the rest (check lists them all).
DRAFT_SHOWN = 3


def warn_draft(source: Path, unfilled: Sequence[Problem], say: Say) -> None:
    """What a built document still holds that is not its own (content.rules.DRAFT_CODES: placeholders,
    examples, import's guesses): a draft, to look at but not to sign. A fresh project holds dozens: the
    first few stand for all."""
    show_problems(unfilled[:DRAFT_SHOWN], say)
    if len(unfilled) > DRAFT_SHOWN:
        say(f"{source}: peringatan: dan {len(unfilled) - DRAFT_SHOWN} lagi (ikudoc check {source} menampilkan "
            "semuanya)")
    codes = {problem.code for problem in unfilled}
    todo = [text for code, text in ((UNFILLED, "semua isian « » diganti"),
                                    (UNCHECKED_GUESS, "semua \"# PERIKSA WAJIB\" diperiksa dan dihapus"))
            if code in codes]
    if todo:
        say(f"{source}: dokumen ini masih draf: jangan ditandatangani sebelum {' dan '.join(todo)}.")


def report(error: IkudocError, say: Say) -> None:
    """``error`` as the last words of a command: its problems, then "gagal: ..."."""
    if isinstance(error, ContentError):
        show_problems(error.problems, say)
    say(one_line(f"gagal: {error}"))


def report_for_file(source: Path, error: IkudocError, say: Say) -> None:
    """``error`` of one file among several: the run goes on with the others, and its old outputs stay.
    Each line is one line, whatever the file is named."""
    if isinstance(error, ContentError):
        show_problems(error.problems, say)
        say(one_line(f"{source}: {len(error.problems)} masalah; dokumen tidak dibangun, hasil lama tidak diubah."))
    elif isinstance(error, FileFailure) and error.path != source:
        say(one_line(f"{source}: {error}; hasil lama tidak diubah."))
    else:
        say(one_line(f"{source}: {error}"))



def unwritable_output(error: OSError) -> str | None:
    """The standard output, named as the system knows it, when ``error`` came from writing to it (a full
    disk it is redirected to): an error that names no file. None when it came from elsewhere."""
    if error.filename is not None:
        return None
    frame = error.__traceback__
    while frame is not None:
        code = frame.tb_frame.f_code
        if code.co_name == "echo" and frame.tb_frame.f_globals.get("__name__") == "click.utils":
            try:
                return f"keluaran standar ({os.readlink('/proc/self/fd/1')})"
            except OSError:
                return "keluaran standar"
        frame = frame.tb_next
    return None


def os_failure(error: OSError) -> FileFailure:
    """An error of the system no ikudoc code expected, said in Indonesian with the file it was about: the
    one the system names, the standard output, or, when the system names none, that it named none."""
    output = unwritable_output(error)
    if output:
        return FileFailure(output, error)
    return FileFailure(error.filename or "(berkas yang tidak disebut sistem)", error, reading=None)
