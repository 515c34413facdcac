"""Read a printed IKU document (a PDF, through poppler's pdftotext) page by page and report what an
official would send back: a page holding only the signature, a page ending in a heading, a daftar isi
entry without its page number, table rows whose sasaran is not named on their page, a tujuan's row
apart from the first sasaran under it, and text cut at the page edge (a column header of the IKU table missing, or a word running off the paper).

What the document holds (its headings, signature lines, sasaran and indicators, table headers) comes
from its content file, through ikudoc's own model and context, so that the checker knows nothing of
one sample."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from ikudoc.content.fields import TTE_NOTE
from support import rendering, require_tool
from support.document_text import normalise

PAGE_NUMBER = re.compile(r"^(?:[ivxlc]+|\d+)$")
FOOTNOTE = normalise(TTE_NOTE)


@dataclass(frozen=True)
class DocumentParts:
    """What the checker looks for on the pages."""

    toc_entries: tuple[str, ...]  # the titles the daftar isi lists, in order
    headings: tuple[str, ...]  # every text that must not end a page
    signature: str  # the signature block's lines, joined
    sasaran: tuple[tuple[str, tuple[str, ...]], ...]  # each sasaran name with its indicator names
    column_headers: tuple[str, ...]  # what every page of the IKU table shows in its header: titles, years
    table_header: str  # the header's whole text
    tujuan: tuple[tuple[str, str], ...] = ()  # each tujuan of the table with the name of the first group after it


def parts_of(content: Path) -> DocumentParts:
    context = rendering(content).variables
    entries = ["KATA PENGANTAR", "DAFTAR ISI"]
    for bab in context["bab"]:
        entries.append(f"BAB {bab.nomor} {bab.judul}")
        entries.extend(f"{bagian.nomor} {bagian.judul}" for bagian in bab.bagian)
    entries.append("LAMPIRAN")
    signer, dokumen = context["penandatangan"], context["dokumen"]
    signature = [f"{dokumen.tempat}, {dokumen.tanggal}", f"{signer.jabatan.upper()},", signer.nama]
    if context["tte"]:
        signature += ["Ditandatangani secara elektronik oleh:", context["tte"].jangkar]
    signature += [signer.pangkat or "", f"NIP. {signer.nip}" if signer.nip else ""]
    iku = context["iku"]
    if iku.berkelompok:  # each row names its indicator, and its sasaran (or tujuan) where the page needs it
        groups = tuple((s.nama, tuple(i.nama for i in s.indikator if i.nama)) for s in iku.sasaran)
    else:  # a numbered list of indicators: each row is its own
        groups = tuple((i.nama, ()) for s in iku.sasaran for i in s.indikator)
    headers = [iku.judul_no, *(column.judul for column in iku.kolom)]
    headers += [year for column in iku.kolom for year in column.tahun]
    return DocumentParts(
        toc_entries=tuple(entries),
        headings=(*entries, "TUGAS :", "FUNGSI :", "4. INDIKATOR KINERJA UTAMA"),
        signature=normalise(" ".join(signature)),
        sasaran=groups,
        column_headers=tuple(headers),
        table_header=normalise(" ".join([iku.judul_no, *(column.judul for column in iku.kolom),
                                         *(year for column in iku.kolom for year in column.tahun)])),
        tujuan=tuple((group.nama, after.nama) for group, after in zip(iku.sasaran, iku.sasaran[1:], strict=False)
                     if group.jenis == "tujuan" and iku.berkelompok),
    )


@dataclass(frozen=True)
class Page:
    number: int  # 1-based index in the file
    raw: str  # pdftotext -raw: the text of a table cell stays together
    layout: str  # pdftotext -layout: lines as on paper
    overflow: tuple[str, ...]  # words that run past the paper's edge

    @property
    def label(self) -> str:
        """The page number printed at its foot, "" when none."""
        lines = _without_footnote([line for line in (normalise(t) for t in self.raw.splitlines()) if line])
        return lines[-1] if lines and PAGE_NUMBER.fullmatch(lines[-1]) else ""

    @property
    def lines(self) -> list[str]:
        """The page's non-empty lines in reading order, without its page number (the last line)."""
        return _without_page_number(_without_footnote([line for line in (normalise(t) for t in self.raw.splitlines())
                                                       if line]))

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def ending(self) -> str:
        """The last lines on paper, top to bottom, without the page number: what ends the page."""
        lines = _without_page_number(_without_footnote([line for line in (normalise(t) for t in self.layout.splitlines())
                                                        if line]))
        return " ".join(lines[-3:])


def _without_footnote(lines: list[str]) -> list[str]:
    """The page's lines without the TTE footnote at its foot (the standard one, printed on every page of a
    document signed electronically)."""
    while lines and len(lines[-1]) > 12 and lines[-1] in FOOTNOTE:
        lines = lines[:-1]
    return lines


def _without_page_number(lines: list[str]) -> list[str]:
    return lines[:-1] if lines and PAGE_NUMBER.fullmatch(lines[-1]) else lines


def _pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run([require_tool("pdftotext"), *options, str(pdf), "-"], check=True, capture_output=True,
                          encoding="utf-8").stdout


def _overflowing_words(bbox_html: str) -> list[list[str]]:
    """Per page, the words whose box leaves the page (pdftotext drops words wholly outside it)."""
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox_html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        pages.append([
            unescape(word.group(5)) for word in re.finditer(
                r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>', page.group(3))
            if float(word.group(1)) < -1 or float(word.group(2)) < -1 or float(word.group(3)) > width + 1
            or float(word.group(4)) > height + 1
        ])
    return pages


def read_pages(pdf: Path) -> list[Page]:
    raw = _pdftotext(pdf, "-raw").split("\f")[:-1]
    layout = _pdftotext(pdf, "-layout").split("\f")[:-1]
    overflow = _overflowing_words(_pdftotext(pdf, "-bbox"))
    return [Page(n, r, lay, tuple(o)) for n, (r, lay, o) in enumerate(zip(raw, layout, overflow, strict=True), 1)]


def toc_numbers(pages: list[Page]) -> dict[str, str]:
    """Title -> page label of every daftar isi entry that ends in a page number."""
    numbered = {}
    for page in filter(_is_toc, pages):
        text = re.sub(r"\.(?:\s*\.)+", " .... ", page.raw)  # a dot leader, whatever lines it was cut into
        for found in re.finditer(r"^(\S.*?) \.\.\.\. *([ivxlc]+|\d+)$", text, re.MULTILINE):
            numbered[normalise(found.group(1))] = found.group(2)
    return numbered


#: The headings of the pages that list others with their page numbers.
LIST_HEADINGS = ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GRAFIK")


def _is_toc(page: Page) -> bool:
    return any(heading in page.lines[:2] for heading in LIST_HEADINGS)


def _listed_number(pages: list[Page], entry: str) -> str | None:
    """The page number a daftar isi (or daftar tabel, grafik) gives ``entry``, its title found whatever
    lines it was cut into (a long caption wraps, even inside "2021–2024")."""
    pattern = re.compile(r"\s*".join(map(re.escape, entry.replace(" ", ""))) + r"\s*\.\.\.\.\s*([ivxlc]+|\d+)$",
                         re.MULTILINE)
    for page in filter(_is_toc, pages):
        if found := pattern.search(re.sub(r"\.(?:\s*\.)+", " .... ", page.raw)):
            return found.group(1)
    return None


def _names_found(text: str, names: list[str]) -> set[str]:
    """The names that stand in ``text``, longest first, each found occurrence taken out of the text, so
    that a name inside a longer one ("Jumlah Koperasi" in "Jumlah Koperasi Aktif") is not found in it.
    (Not whole words: pdftotext may glue the texts of two neighbouring cells.)"""
    found = set()
    for name in sorted(set(names), key=len, reverse=True):
        if name in text:
            found.add(name)
            text = text.replace(name, "\0")
    return found


def _holds_heading(page: Page, heading: str) -> bool:
    """The daftar isi's own page holds only its own heading; its entries name other pages."""
    return _unspaced(heading) in _unspaced((page.lines[:1] if _is_toc(page) else [page.text])[0])


def _unspaced(text: str) -> str:
    """``text`` without its spaces: a caption cut into lines inside "2021–2024" is still found."""
    return text.replace(" ", "")


def _toc_faults(pages: list[Page], entries: tuple[str, ...] | list[str]) -> list[str]:
    """Each daftar isi entry with its page number, and its heading on that page."""
    found: list[str] = []
    labels = [page.label for page in pages]
    for entry in entries:
        number = _listed_number(pages, entry)
        if number is None:
            found.append(f"daftar isi: '{entry}' has no page number")
        elif labels.count(number) != 1:
            found.append(f"daftar isi: '{entry}' names page {number}, which is not one page of the document")
        elif not _holds_heading(pages[labels.index(number)], entry):
            found.append(f"daftar isi: '{entry}' is not on page {number}")
    return found


def faults(pdf: Path, parts: DocumentParts) -> list[str]:
    """Every fault found, one line each ("page 14: ..."); [] for a document that can be signed."""
    pages = read_pages(pdf)
    found = _toc_faults(pages, parts.toc_entries)
    in_lampiran = False
    for page in pages:
        text, where = page.text, f"page {page.number}"
        if not text:
            found.append(f"{where}: empty page")
            continue
        if all(line in parts.signature or line in parts.table_header for line in page.lines):
            found.append(f"{where}: holds only the signature block")
        for heading in parts.headings:
            if not _is_toc(page) and page.ending.endswith(heading):
                found.append(f"{where}: ends with the heading '{heading}'")
        found += [f"{where}: '{word}' runs off the paper" for word in page.overflow]
        # the IKU table is in the lampiran: indicator names before it are BAB III's list
        in_lampiran = in_lampiran or "LAMPIRAN" in page.lines
        named = _names_found(text, [name for s, indicators in parts.sasaran for name in (s, *indicators)])
        names_here = [(s, [i for i in indicators if i in named]) for s, indicators in parts.sasaran]
        if not (in_lampiran and any(rows for _, rows in names_here)):
            continue
        found += [f"{where}: column header '{h}' missing" for h in parts.column_headers if h not in text]
        found += [f"{where}: rows of '{s}' ({', '.join(rows)}) without the sasaran's name"
                  for s, rows in names_here if rows and s not in named]
        following = pages[page.number].text if page.number < len(pages) else ""
        found += [f"{where}: tujuan '{tujuan}' apart from '{after}', the first sasaran under it, on the next page"
                  for tujuan, after in parts.tujuan if tujuan in named and after not in named
                  and after in _names_found(following, [after])]
    return found


def agreement_faults(pdf: Path, content: Path) -> list[str]:
    """The faults of a printed Perjanjian Kinerja: a page holding only signatures, a page ending with its
    title, words off the paper, and on every page of its target table the column headers and the name of
    each sasaran whose indicators are there."""
    context = rendering(content).variables
    title = f"PERJANJIAN KINERJA TAHUN {context['dokumen'].tahun}"
    signature = set()
    for sebutan, person in (("PIHAK KEDUA,", context["pihak_kedua"]), ("PIHAK PERTAMA,", context["pihak_pertama"])):
        signature |= {sebutan, f"{person.jabatan.upper()},", person.nama, person.pangkat or "",
                      f"NIP. {person.nip}" if person.nip else ""}
    signature.add(f"{context['dokumen'].tempat}, {context['dokumen'].tanggal}")
    if context["tte"]:
        signature |= {"Ditandatangani secara elektronik oleh:", context["tte"].jangkar}
    sasaran = [(s.nama, [i.nama for i in s.indikator]) for s in context["sasaran"]]
    programs = [program.nama for program in context["program"]]
    found = []
    for page in read_pages(pdf):
        where, text = f"page {page.number}", page.text
        if not text:
            found.append(f"{where}: empty page")
            continue
        if all(any(line in part or part in line for part in signature if part) for line in page.lines):
            found.append(f"{where}: holds only the signature block")
        if page.ending.endswith(title) or page.ending.endswith(context["instansi"].pemerintah.upper()):
            found.append(f"{where}: ends with the title")
        found += [f"{where}: '{word}' runs off the paper" for word in page.overflow]
        if "JUMLAH" in page.lines[0].split() or ("JUMLAH" in text and not _names_found(text, programs)):
            found.append(f"{where}: the total (JUMLAH) apart from its programs")
        named = _names_found(text, [name for s, indicators in sasaran for name in (s, *indicators)])
        rows = [(s, [i for i in indicators if i in named]) for s, indicators in sasaran]
        if any(here for _, here in rows):
            found += [f"{where}: column header '{h}' missing" for h in (context["judul_sasaran"], "INDIKATOR KINERJA",
                                                                        "TARGET") if h not in text]
            found += [f"{where}: rows of '{s}' without the sasaran's name" for s, here in rows if here and s not in named]
    return found


def _pages_with_pictures(pdf: Path) -> set[int]:
    listed = subprocess.run([require_tool("pdfimages"), "-list", str(pdf)], check=True, capture_output=True,
                            encoding="utf-8").stdout.splitlines()[2:]
    return {int(line.split()[0]) for line in listed if line.split()[2] == "image"}


#: The average row of a capaian table as pdftotext reads it: its label, then its figures or nothing (the
#: figures on a line of their own), never a sentence of text going on.
_AVERAGE_ROW = re.compile(r"Rata-rata capaian (sasaran|tujuan)( [-\d].*)?$")


def report_faults(pdf: Path, content: Path) -> list[str]:
    """The faults of a printed Laporan Kinerja: a daftar isi entry without its page; a page ending with a
    heading or a caption (what it announces is on the next page); a page holding only a signature block;
    words off the paper; a total (JUMLAH) apart from its programs, an average (Rata-rata capaian) apart from
    its indicators; a chart not on the page of its caption."""
    context = rendering(content).variables
    entries = ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "DAFTAR ISI"]
    entries += [title for title, listed in (("DAFTAR TABEL", context["daftar_tabel"]),
                                            ("DAFTAR GRAFIK", context["daftar_grafik"])) if listed]
    announcing, charts, programs, measured = [], [], [], []
    for bab in context["bab"]:
        entries.append(f"BAB {bab.nomor} {bab.judul}")
        entries.extend(f"{bagian.nomor} {bagian.judul}" for bagian in bab.bagian)
        for block in (*bab.isi, *(block for bagian in bab.bagian for block in bagian.isi)):
            kind = getattr(block, "jenis", None)
            if kind == "judul":
                announcing.append(normalise(block.teks))
            elif kind == "tabel":
                announcing.append(normalise(block.judul))
                if block.gaya == "TabelAnggaranLaporan":
                    programs += [row.sel[1].teks[0] for row in block.baris if not row.jumlah]
                if block.gaya == "TabelCapaianLaporan":
                    measured += [row.sel[1].teks[0] for row in block.baris if not row.jumlah]
            elif kind == "grafik":
                charts.append(normalise(block.judul))
    signer, dokumen = context["penandatangan"], context["dokumen"]
    signature = {f"{dokumen.tempat},", dokumen.tanggal, f"{signer.jabatan.upper()},", signer.nama,
                 signer.pangkat or "", f"NIP. {signer.nip}" if signer.nip else ""}
    captions = [normalise(block.judul) for block in (*context["daftar_tabel"], *context["daftar_grafik"])]
    if context["lampiran"]:
        entries.append("LAMPIRAN")
        attached = context["lampiran"]
        signature |= {"PIHAK PERTAMA,", "PIHAK KEDUA,", f"{attached.tempat}, {attached.tanggal}"}
        for person in (attached.pihak_pertama, attached.pihak_kedua):
            signature |= {f"{person.jabatan.upper()},", person.nama, person.pangkat or "",
                          f"NIP. {person.nip}" if person.nip else ""}
    if context["tte"]:
        signature |= {"Ditandatangani secara elektronik oleh:", context["tte"].jangkar}
    signature = {normalise(part) for part in signature if part}
    pages = read_pages(pdf)
    pictures = _pages_with_pictures(pdf)
    found = _toc_faults(pages, [*entries, *captions])
    for page in pages:
        where, text = f"page {page.number}", page.text
        if not text:
            found.append(f"{where}: empty page")
            continue
        if all(any(line in part or part in line for part in signature) for line in page.lines):
            found.append(f"{where}: holds only a signature block")
        found += [f"{where}: ends with '{title}'" for title in announcing if page.ending.endswith(title)]
        found += [f"{where}: '{word}' runs off the paper" for word in page.overflow]
        if "JUMLAH" in text and programs and not _names_found(text, programs) and "PROGRAM" in text:
            found.append(f"{where}: the total (JUMLAH) apart from its programs")
        average = next((n for n, line in enumerate(page.lines) if _AVERAGE_ROW.match(line)), None)
        if average is not None and not _names_found(" ".join(page.lines[:average]), measured):
            found.append(f"{where}: an average (Rata-rata capaian) apart from its indicators")
    for caption in charts:
        holding = [page.number for page in pages if not _is_toc(page) and _unspaced(caption) in _unspaced(page.text)]
        if len(holding) != 1 or holding[0] not in pictures:
            found.append(f"chart '{caption}' is not on the page of its caption (caption on pages {holding})")
    return found
