"""What ``ikudoc import`` does around the pipeline: where the content file goes (content/<name>.toml
unless told), never over an existing file unless asked (--timpa), the file checked with ikudoc's own
loader before it is written, written crash-safe, and a summary of what was found and what to check.

A file that does not pass the loader is still written, since the user's next step is to fix it and
everything recognised is in it; the command then lists the problems and ends with exit status 1, so
that a script does not go on to build it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..content.problems import ContentError, IkudocError, format_key_path
from ..files import write_all
from . import import_word
from .toml_writer import command_word


class ImportRefused(IkudocError):
    """The content file cannot be written where asked, or was written but does not load yet."""


def default_output(document: Path) -> Path:
    return Path("content") / f"{document.stem}.toml"


def run_import(document: Path, output: Path | None, overwrite: bool, say: Callable[[str], None],
               warn: Callable[[str], None]) -> Path:
    from ..content.revision_source import ContentRef
    from ..iku.loader import load_ref

    target = output or default_output(document)
    if target.suffix.lower() != ".toml":
        raise ImportRefused(f"berkas hasil {target} harus berakhiran .toml")
    if target.exists() and not overwrite:
        raise ImportRefused(f"{target} sudah ada; pakai --timpa untuk menimpanya, atau -o untuk nama lain")
    imported = import_word(document, target.as_posix())
    data = imported.text.encode("utf-8")
    problems = []
    try:
        load_ref(ContentRef(str(target), data, target.parent.resolve()))
    except ContentError as error:
        problems = error.problems
    write_all({target: data})
    say(f"ditulis {target} dari {document}")
    say("Ditemukan:")
    for line in imported.found:
        say(f"  - {line}")
    count = len(imported.periksa)
    say(f"Perlu diperiksa: {count} tempat, ditandai \"# PERIKSA:\" di {target}:" if count else
        "Perlu diperiksa: tidak ada tempat yang meragukan.")
    for loc, messages in imported.periksa.notes.items():
        for message in messages:
            required = " (WAJIB)" if imported.periksa.is_required(loc, message) else ""
            say(f"  - {format_key_path(loc) or 'umum'}{required}: {message}")
    if problems:
        for problem in problems:
            warn(str(problem))
        raise ImportRefused(f"{target} ditulis, tetapi belum bisa dibangun: {len(problems)} masalah di atas; "
                            f"perbaiki lalu jalankan ikudoc check {command_word(str(target))}")
    name = command_word(str(target))
    if imported.periksa.required:
        say(f"Langkah berikutnya: periksa setiap tempat WAJIB di atas lalu hapus komentar \"# PERIKSA WAJIB\"-nya "
            f"(sebelum itu check dan build menolak berkas ini), lalu ikudoc check {name} dan ikudoc build {name}.")
        return target
    say(f"Langkah berikutnya: ikudoc check {name}, lalu ikudoc build {name}.")
    return target
