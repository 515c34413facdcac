"""Fill the daftar isi of a built Word file with LibreOffice headless: update every index and field
and save it as Word again, so that page numbers show in Word, LibreOffice and WPS with no prompt.

LibreOffice is driven through its UNO bridge by its own Python (see uno_update_fields.py). The
result is checked before it is used: every heading must still have its entry, with a page number.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from .docx_writer import reproducible_zip

SCRIPT = Path(__file__).with_name("uno_update_fields.py")
HEADING_STYLES = ("Heading1", "Heading2")


class LibreOfficeUnavailable(Exception):
    """LibreOffice (or a Python that can drive it) is not installed; the message is Indonesian."""


class FillFailed(Exception):
    """LibreOffice ran but its result cannot be trusted; the message is Indonesian."""


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).is_file():
            return candidate
    return None


def _uno_python(soffice: str) -> str | None:
    """A Python that can import LibreOffice's ``uno`` module."""
    program = Path(soffice).resolve().parent
    for candidate in (program / "python", program / "python.exe", Path("/usr/bin/python3"), Path(sys.executable)):
        if candidate.is_file() and subprocess.run([str(candidate), "-c", "import uno"],
                                                  capture_output=True).returncode == 0:
            return str(candidate)
    return None


def toc_entries(data: bytes) -> list[tuple[str, str]]:
    """(title, page) of every entry in the TOC field of a Word file, in order."""
    body = docx.Document(io.BytesIO(data)).element.body
    entries, inside = [], False
    for paragraph in body.iter(qn("w:p")):
        instructions = "".join(t.text or "" for t in paragraph.iter(qn("w:instrText")))
        inside = inside or instructions.strip().startswith("TOC")
        if not inside:
            continue
        text = "".join((node.text or "") if node.tag == qn("w:t") else "\t"
                       for node in paragraph.iter(qn("w:t"), qn("w:tab")))
        if text.strip():
            title, _, page = text.rpartition("\t")
            entries.append((title.strip(), page.strip()))
        if any(c.get(qn("w:fldCharType")) == "end" for c in paragraph.iter(qn("w:fldChar"))):
            break
    return entries


def headings(data: bytes) -> list[str]:
    """The text of every Heading 1 and Heading 2 paragraph of a Word file, in order."""
    document = docx.Document(io.BytesIO(data))
    return [p.text.strip() for p in document.paragraphs if p.style.style_id in HEADING_STYLES]


def fill_toc(data: bytes) -> bytes:
    """The Word file ``data`` with its daftar isi filled by LibreOffice."""
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeUnavailable("LibreOffice tidak ditemukan, daftar isi tidak diisi; DOCX dibiarkan seperti "
                                     "dibangun (Word mengisinya saat berkas dibuka)")
    python = _uno_python(soffice)
    if python is None:
        raise LibreOfficeUnavailable("Python milik LibreOffice (modul uno; Debian: python3-uno) tidak ditemukan, "
                                     "daftar isi tidak diisi; DOCX dibiarkan seperti dibangun")
    with tempfile.TemporaryDirectory(prefix="ikudoc-") as folder:
        source, target = Path(folder, "dibangun.docx"), Path(folder, "terisi.docx")
        source.write_bytes(data)
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        # A session of its own, so that on a timeout LibreOffice goes too, not only the script driving it.
        run = subprocess.Popen([python, str(SCRIPT), str(source), str(target), soffice], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
        try:
            _, errors = run.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            os.killpg(run.pid, signal.SIGKILL) if hasattr(os, "killpg") else run.kill()
            run.communicate()
            raise FillFailed("LibreOffice tidak selesai dalam 5 menit; daftar isi tidak diisi") from None
        if run.returncode != 0 or not target.is_file():
            last = (errors.strip().splitlines() or ["tanpa keterangan"])[-1]
            raise FillFailed(f"LibreOffice gagal mengisi daftar isi ({last}); DOCX dibiarkan seperti dibangun")
        filled = target.read_bytes()
    entries = toc_entries(filled)
    expected = headings(data)
    if [title for title, _ in entries] != expected or not all(page for _, page in entries):
        raise FillFailed(f"LibreOffice mengubah daftar isi ({len(entries)} entri, seharusnya {len(expected)} "
                         "dengan nomor halaman); DOCX dibiarkan seperti dibangun")
    return _reproducible(filled, data)


def _reproducible(filled: bytes, built: bytes) -> bytes:
    """LibreOffice's file, made byte-stable: the built file's properties (dates from the content, not the
    clock), Word's own bookmark names for LibreOffice's random ones, fixed ZIP times."""
    with zipfile.ZipFile(io.BytesIO(filled)) as archive:
        document = archive.read("word/document.xml")
    with zipfile.ZipFile(io.BytesIO(built)) as archive:
        properties = archive.read("docProps/core.xml")
    document = re.sub(rb"__RefHeading___Toc(\d+)_\d+", rb"_Toc\1", document)
    return reproducible_zip(filled, {"word/document.xml": document, "docProps/core.xml": properties})
