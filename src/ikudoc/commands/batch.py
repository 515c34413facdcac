"""A command over several content files (build, check, preview): which files (those named, or every
content/*.toml), each tried on its own so that one failing file does not stop the others, and what a
run says about its files once, however many share it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..content.problems import IkudocError, os_reason
from ..content.regular_file import describe
from .report import Say, os_failure, report_for_file, unwritable_output

CONTENT_GLOB = "content/*.toml"


class NoContent(IkudocError):
    """There is no content file to work on."""


class Unusable(IkudocError):
    """A content file that is not tried at all (missing, a folder, clashing outputs); says why."""


class SomeFailed(IkudocError):
    """Some files of a run failed; each was reported when it did."""


def content_files(files: tuple[Path, ...], command: str) -> list[Path]:
    """The files named, or every content/*.toml."""
    sources = list(files) or sorted(Path().glob(CONTENT_GLOB))
    if not sources:
        raise NoContent(f"tidak ada berkas konten: {CONTENT_GLOB} kosong. Sebutkan berkasnya: ikudoc {command} "
                        "BERKAS.toml")
    return sources


def usable(source: Path) -> Path:
    """``source``, when it is a regular file: a missing one, a folder, a device or a FIFO (whose reading
    would never end, or block) is refused with why, before anything is read."""
    try:
        mode = source.stat().st_mode
    except FileNotFoundError:
        raise Unusable("berkas tidak ditemukan") from None
    except OSError as error:
        raise Unusable(f"tidak bisa dibaca ({os_reason(error)})") from None
    if kind := describe(mode):
        raise Unusable("ini folder, bukan berkas konten .toml" if kind == "folder" else
                       f"bukan berkas biasa melainkan {kind}; sebutkan berkas konten .toml")
    return source


def for_each(sources: list[Path], work: Callable[[Path], None], failed_to: str, say: Say,
             stop_on: tuple[type[IkudocError], ...] = ()) -> None:
    """``work`` on every content file; a failing one is reported and the others still done (an error of
    ``stop_on``, the same for every file, stops the run at once)."""
    failed = 0
    for source in sources:
        try:
            work(usable(source))
        except stop_on:
            raise
        except IkudocError as error:
            report_for_file(source, error, say)
            failed += 1
        except OSError as error:  # the system refused a file no ikudoc code expected to fail: the others go on
            if unwritable_output(error):
                raise  # nothing more can be said: the run stops, and says why (cli.main)
            report_for_file(source, os_failure(error), say)
            failed += 1
    if failed:
        raise SomeFailed(f"{failed} dari {len(sources)} berkas {failed_to}.")


class Notes:
    """What a run says about its files that is no failure, each note once: a missing LibreOffice would
    otherwise be said again for every file."""

    def __init__(self, say: Say) -> None:
        self.said: set[str] = set()
        self.say = say

    def __call__(self, source: Path, note: str) -> None:
        if note not in self.said:
            self.say(f"{source}: catatan: {note}")
        self.said.add(note)
