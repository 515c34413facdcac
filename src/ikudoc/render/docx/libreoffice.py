"""Drive a headless LibreOffice: fill the daftar isi of a built Word file (update every index and field,
and write the page numbers LibreOffice finds into ikudoc's own file, so that they show in Word,
LibreOffice and WPS with no prompt), and print the Word file to PDF as LibreOffice paginates it: the
PDF is the signed Word file's pages.

LibreOffice is driven through its UNO bridge by its own Python (see uno_worker.py), one
LibreOffice for a whole run. A filled daftar isi is checked before it is used: every heading must
still have its entry, with a page number.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import re
import subprocess
import tempfile
import threading
import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from lxml import etree

from ...content.problems import IkudocError
from ..page_setup import qn
from .layout import toc_fields, toc_paragraphs
from .profiles import forget, profile
from .soffice import SOFFICE_VARIABLE, LibreOfficeUnavailable, ProcessTree, find_soffice, remove_folder, uno_python

SCRIPT = Path(__file__).with_name("uno_worker.py")
T = TypeVar("T")
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
    """What LibreOffice's update of a Word file's TOC fields lists, in order: the text of every Heading 1
    and Heading 2 paragraph (the daftar isi), then for each further field built from paragraph styles
    (TOC \\t "Judul Tabel,1": a daftar tabel) the text of every paragraph in those styles."""
    body = _body(data)
    found = _texts_in_styles(body, set(HEADING_STYLES))
    ids = _style_ids(data) if len(toc_fields(body)) > 1 else {}
    for instruction in toc_fields(body)[1:]:
        listed = re.search(r'\\t\s+"([^"]*)"', instruction)
        names = listed.group(1).split(",")[::2] if listed else []
        found += _texts_in_styles(body, {ids.get(name.strip(), name.strip()) for name in names})
    return found


def _texts_in_styles(body, styles: set[str]) -> list[str]:
    found = []
    for paragraph in body.findall(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in styles:
            found.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip())
    return found


def _style_ids(data: bytes) -> dict[str, str]:
    """Style name -> style id of a Word file's styles ("Judul Tabel" -> "JudulTabel")."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    return {name.get(qn("w:val")): style.get(qn("w:styleId")) for style in styles.iter(qn("w:style"))
            if (name := style.find(qn("w:name"))) is not None}


def _body(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(qn("w:body"))


@dataclass(frozen=True)
class Printed:
    """A Word file finished by LibreOffice."""

    docx: bytes  # the file, its daftar isi numbered when that was asked and could be trusted
    pdf: bytes | None  # its pages as LibreOffice prints them, when asked
    catatan: tuple[str, ...] = ()  # what the user should know: a daftar isi left for Word to fill


class Office:
    """One headless LibreOffice for a whole run, started at its first use and stopped on close: a batch
    of documents pays for starting it once. It runs on a profile kept between runs (profiles.py).

    Its requests raise LibreOfficeUnavailable when LibreOffice (or a Python that drives it) is not
    installed, and FillFailed when it fails or its result cannot be trusted."""

    TIMEOUT = 300  # seconds for one request (a document of hundreds of pages takes a minute)

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._tree: ProcessTree | None = None  # the script and the LibreOffice it started
        self._answers: queue.Queue[str] = queue.Queue()
        self._reader: threading.Thread | None = None
        self._folder: Path | None = None  # the files of the requests
        self._profile: contextlib.ExitStack | None = None
        self._profile_folder: Path | None = None
        self._errors = None  # the script's standard error, a file in the folder
        self._unavailable: str | None = None  # why LibreOffice cannot run ("" when it can), once known
        self._command: list[str] = []
        self._serial = 0
        self._answered = False  # the LibreOffice running now has answered a request

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def finish(self, data: bytes, fill_toc: bool, pdf_options: dict | None = None) -> Printed:
        """The Word file ``data`` made ready to sign: with ``fill_toc`` its daftar isi numbered as LibreOffice
        paginates it (every heading must keep its entry, with a number, or it is left for Word to fill and
        a note says why); with ``pdf_options`` (the PDF export's settings, {} for its defaults) the pages of
        that very file, numbered daftar isi and all, as LibreOffice prints it. Only the numbers are taken
        from LibreOffice; the Word file stays ikudoc's own."""
        notes: tuple[str, ...] = ()
        if fill_toc and toc_paragraphs(_body(data)):  # (a document without a daftar isi has nothing to fill)
            entries, _ = self._request(data, True, None)
            try:
                data = _numbered(data, entries)
            except FillFailed as reason:
                if pdf_options is None:
                    raise
                notes = (str(reason),)
        pdf = self._request(data, False, pdf_options)[1] if pdf_options is not None else None
        return Printed(data, pdf, notes)

    def fill_toc(self, data: bytes) -> bytes:
        """The Word file ``data`` with page numbers in its daftar isi (FillFailed when they cannot be trusted)."""
        return self.finish(data, True).docx

    def to_pdf(self, data: bytes, options: dict | None = None) -> bytes:
        """The Word file ``data`` as LibreOffice prints it."""
        printed = self.finish(data, False, options or {}).pdf
        assert printed is not None
        return printed

    def _request(self, data: bytes, update: bool, pdf_options: dict | None, retried: bool = False
                 ) -> tuple[list[str] | None, bytes | None]:
        self._start()
        assert self._process is not None and self._process.stdin is not None and self._folder is not None
        self._serial += 1
        source = self._folder / f"masuk-{self._serial}.docx"
        target = source.with_name(f"keluar-{self._serial}.pdf")
        source.write_bytes(data)
        request = {"masuk": str(source), "perbarui": update,
                   "pdf": str(target) if pdf_options is not None else None, "pdf_opsi": pdf_options or {}}
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
                fresh = not self._answered
                self.close(kill=True)
                if fresh and not retried and self._profile_folder is not None:
                    # It died before its first answer: perhaps a profile a crash left broken. Once more, anew.
                    forget(self._profile_folder)
                    return self._request(data, update, pdf_options, retried=True)
                raise FillFailed(f"LibreOffice berhenti ({reason}); DOCX dibiarkan seperti dibangun")
            self._answered = True
            answer = json.loads(line)
            if "galat" in answer or (pdf_options is not None and not target.is_file()):
                reason = answer.get("galat", "tanpa keterangan")
                raise FillFailed(f"LibreOffice gagal membuka atau mencetak berkas ({reason}); DOCX dibiarkan "
                                 "seperti dibangun")
            return answer.get("daftar_isi"), target.read_bytes() if pdf_options is not None else None
        finally:
            for path in (source, target):  # (one a stopped LibreOffice still holds goes with the folder)
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)

    def _start(self) -> None:
        if self._process is not None:
            return
        if self._unavailable is None:
            try:
                soffice = find_soffice()
            except LibreOfficeUnavailable as named_wrongly:  # IKUDOC_SOFFICE names no LibreOffice
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
        self._profile = contextlib.ExitStack()
        self._profile_folder = self._profile.enter_context(profile())
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        # A session of its own, so that on close LibreOffice goes too, not only the script driving it.
        self._process = subprocess.Popen([*self._command, str(self._profile_folder)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._errors, env=env, encoding="utf-8",
                                         start_new_session=True)
        self._tree = ProcessTree(self._process)
        self._answered = False
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
        """Stop LibreOffice (it stops at the end of its input; ``kill``: at once) with every process it
        started, let go of its profile and remove the temporary files. Never fails: a build is not undone
        by its clean-up (a file still locked is left to the system's temporary folder)."""
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
        if self._profile is not None:
            self._profile.close()
            self._profile = None
        if self._folder is not None:
            remove_folder(self._folder)
            self._folder = None


class Offices:
    """Up to ``size`` LibreOffices working at once, for a batch: each takes the next document when it is done
    with its last (LibreOffice lays a document out on one core: a machine with more cores finishes a batch
    sooner). Each starts only when a document waits for it."""

    def __init__(self, size: int) -> None:
        self._all = [Office() for _ in range(max(1, size))]
        self._idle: queue.Queue[Office] = queue.Queue()
        for office in self._all:
            self._idle.put(office)
        self._workers = ThreadPoolExecutor(max_workers=len(self._all), thread_name_prefix="libreoffice")

    def __enter__(self) -> Offices:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def submit(self, work: Callable[[Office], T]) -> Future[T]:
        """``work(office)`` on the first LibreOffice free, in the background."""
        def run() -> T:
            office = self._idle.get()
            try:
                return work(office)
            finally:
                self._idle.put(office)

        return self._workers.submit(run)

    def close(self) -> None:
        self._workers.shutdown(wait=True)
        for office in self._all:
            office.close()


def _numbered(data: bytes, entries: list[str] | None) -> bytes:
    """``data`` with the page numbers of ``entries`` (the daftar isi as LibreOffice laid it out, "TITLE\tPAGE"
    a line) in its own daftar isi, after checking that every heading kept its entry, with a number."""
    found = [(title.strip(), page.strip()) for title, _, page in (entry.rpartition("\t") for entry in entries or [])]
    expected = headings(data)
    if [title for title, _ in found] != expected or not all(page for _, page in found):
        raise FillFailed(f"LibreOffice mengubah daftar isi ({len(found)} entri, seharusnya {len(expected)} "
                         "dengan nomor halaman); DOCX dibiarkan seperti dibangun")
    from .writer import with_toc_pages  # python-docx and docxtpl, only when filling

    return with_toc_pages(data, [page for _, page in found])


UNAVAILABLE = ("LibreOffice tidak ditemukan, jadi daftar isi DOCX belum bernomor halaman (Word mengisinya saat "
               "berkas dibuka). Agar terisi, pasang LibreOffice: Debian/Ubuntu 'apt-get install "
               "libreoffice-writer-nogui python3-uno', Windows dan macOS dari libreoffice.org (terpasang di tempat "
               f"lain: sebutkan soffice-nya di variabel lingkungan {SOFFICE_VARIABLE})")
