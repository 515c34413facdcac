"""Drive a headless LibreOffice: fill the daftar isi of a built Word file (update every index and
field and save it as Word again, so that page numbers show in Word, LibreOffice and WPS with no
prompt), and print a Word file to PDF as LibreOffice paginates it, for the preview.

LibreOffice is driven through its UNO bridge by its own Python (see uno_update_fields.py), one
LibreOffice for a whole run. A filled daftar isi is checked before it is used: every heading must
still have its entry, with a page number.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import subprocess
import tempfile
import threading
import zipfile
from pathlib import Path

from lxml import etree

from ...content.problems import IkudocError
from ..page_setup import qn
from .layout import toc_paragraphs
from .soffice import SOFFICE_VARIABLE, LibreOfficeUnavailable, ProcessTree, find_soffice, remove_folder, uno_python

SCRIPT = Path(__file__).with_name("uno_update_fields.py")
HEADING_STYLES = ("Heading1", "Heading2")


class FillFailed(IkudocError):
    """LibreOffice ran but its result cannot be trusted; the message is Indonesian."""


def toc_entries(data: bytes) -> list[tuple[str, str]]:
    """(title, page) of every entry in the TOC field of a Word file, in order."""
    entries = []
    for paragraph in toc_paragraphs(_body(data)):
        text = "".join((node.text or "") if node.tag == qn("w:t") else "\t"
                       for node in paragraph.iter(qn("w:t"), qn("w:tab")))
        title, _, page = text.rpartition("\t")
        entries.append((title.strip(), page.strip()))
    return entries


def headings(data: bytes) -> list[str]:
    """The text of every Heading 1 and Heading 2 paragraph of a Word file, in order."""
    found = []
    for paragraph in _body(data).findall(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in HEADING_STYLES:
            found.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip())
    return found


def _body(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(qn("w:body"))


class Office:
    """One headless LibreOffice for a whole run, started at its first use and stopped on close:
    a batch of documents pays for starting it once.

    Its requests raise LibreOfficeUnavailable when LibreOffice (or a Python that drives it) is not
    installed, and FillFailed when it fails or its result cannot be trusted."""

    TIMEOUT = 300  # seconds for one request (a document of hundreds of pages takes a minute)

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._tree: ProcessTree | None = None  # the script and the LibreOffice it started
        self._answers: queue.Queue[str] = queue.Queue()
        self._reader: threading.Thread | None = None
        self._folder: Path | None = None  # its temporary files and LibreOffice's profile
        self._errors = None  # the script's standard error, a file in the folder
        self._unavailable: str | None = None  # why LibreOffice cannot run ("" when it can), once known
        self._command: list[str] = []
        self._serial = 0

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def fill_toc(self, data: bytes) -> bytes:
        """The Word file ``data`` with page numbers in its daftar isi, as LibreOffice paginates it: every
        heading must keep its entry, with a number, or FillFailed says why not. Only the numbers are
        taken from LibreOffice's copy; the file stays ikudoc's own."""
        filled = self._convert(data, "docx", update=True)
        entries = toc_entries(filled)
        expected = headings(data)
        if [title for title, _ in entries] != expected or not all(page for _, page in entries):
            raise FillFailed(f"LibreOffice mengubah daftar isi ({len(entries)} entri, seharusnya {len(expected)} "
                             "dengan nomor halaman); DOCX dibiarkan seperti dibangun")
        from .writer import with_toc_pages  # python-docx and docxtpl, only when filling

        return with_toc_pages(data, [page for _, page in entries])

    def to_pdf(self, data: bytes) -> bytes:
        """The Word file ``data`` as LibreOffice prints it."""
        return self._convert(data, "pdf", update=False)

    def _convert(self, data: bytes, kind: str, update: bool) -> bytes:
        self._start()
        assert self._process is not None and self._process.stdin is not None and self._folder is not None
        self._serial += 1
        source = self._folder / f"masuk-{self._serial}.docx"
        target = source.with_name(f"keluar-{self._serial}.{kind}")
        source.write_bytes(data)
        request = {"masuk": str(source), "perbarui": update, "keluar": [[str(target), kind]]}
        try:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            line = self._answers.get(timeout=self.TIMEOUT)
        except queue.Empty:
            self.close(kill=True)
            raise FillFailed(f"LibreOffice tidak selesai dalam {self.TIMEOUT} detik; DOCX dibiarkan seperti "
                             "dibangun") from None
        except OSError:  # the script is gone: its last words say why
            line = ""
        try:
            if not line:
                reason = self._last_error()
                self.close(kill=True)
                raise FillFailed(f"LibreOffice berhenti ({reason}); DOCX dibiarkan seperti dibangun")
            answer = json.loads(line)
            if "galat" in answer or not target.is_file():
                reason = answer.get("galat", "tanpa keterangan")
                raise FillFailed(f"LibreOffice gagal membuka atau menyimpan berkas ({reason}); DOCX dibiarkan "
                                 "seperti dibangun")
            return target.read_bytes()
        finally:
            for path in (source, target):  # (one LibreOffice still holds is removed with the folder)
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)

    def _start(self) -> None:
        if self._process is not None:
            return
        if self._unavailable is None:
            try:
                soffice = find_soffice()
            except LibreOfficeUnavailable as named_wrongly:
                self._unavailable = str(named_wrongly)
                raise
            python = uno_python(soffice) if soffice else None
            self._unavailable = "" if python else (
                UNAVAILABLE if soffice is None else "Python milik LibreOffice (modul uno; Debian: python3-uno) tidak "
                "ditemukan, jadi daftar isi DOCX belum bernomor halaman")
            self._command = [python, str(SCRIPT), soffice] if python else []
        if self._unavailable:  # found out once, for a whole run
            raise LibreOfficeUnavailable(self._unavailable)
        self._folder = Path(tempfile.mkdtemp(prefix="ikudoc-"))
        self._errors = (self._folder / "galat.txt").open("w+", encoding="utf-8", errors="replace")
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        profile = self._folder / "profil"  # LibreOffice's own settings, gone with the folder
        # A session of its own, so that on close LibreOffice goes too, not only the script driving it.
        self._process = subprocess.Popen([*self._command, str(profile)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._errors, env=env,
                                         encoding="utf-8", start_new_session=True)
        self._tree = ProcessTree(self._process)
        self._reader = threading.Thread(target=self._read_answers, args=(self._process.stdout,), daemon=True)
        self._reader.start()

    def _read_answers(self, stream) -> None:
        with stream:
            for line in stream:
                self._answers.put(line)
        self._answers.put("")  # the script ended: a request waiting for its answer fails at once

    def _last_error(self) -> str:
        """The last line the script wrote on its standard error, or what says there was none."""
        if self._errors is None:
            return "tanpa keterangan"
        self._errors.flush()
        self._errors.seek(0)
        lines = [line.strip() for line in self._errors if line.strip()]
        return lines[-1] if lines else "tanpa keterangan"

    def close(self, kill: bool = False) -> None:
        """Stop LibreOffice (it stops at the end of its input; ``kill``: at once, with every process it
        started) and remove the temporary files. Never fails: a build is not undone by its clean-up."""
        process, self._process = self._process, None
        tree, self._tree = self._tree, None
        if process is not None and tree is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
            try:
                if kill:
                    tree.kill()
                else:
                    process.wait(timeout=60)
                    tree.release()  # a LibreOffice its script could not stop goes too
            except subprocess.TimeoutExpired:
                tree.kill()
        if self._reader is not None:
            self._reader.join(timeout=10)
            self._reader = None
        while not self._answers.empty():  # what a stopped script said last is no answer to the next request
            self._answers.get_nowait()
        if self._errors is not None:
            self._errors.close()
            self._errors = None
        if self._folder is not None:
            remove_folder(self._folder)  # a file still locked is left to the system's temporary folder
            self._folder = None


UNAVAILABLE = ("LibreOffice tidak ditemukan, jadi daftar isi DOCX belum bernomor halaman (Word mengisinya saat "
               "berkas dibuka). Agar terisi, pasang LibreOffice: Debian/Ubuntu 'apt-get install "
               "libreoffice-writer-nogui python3-uno', Windows dan macOS dari libreoffice.org (terpasang di tempat "
               f"lain: sebutkan soffice-nya di variabel lingkungan {SOFFICE_VARIABLE})")
