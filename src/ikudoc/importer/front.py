"""The cover, the signature block and the document properties -> [dokumen], [instansi], [penandatangan].

Covers and signature blocks are typed in capitals ("PEMERINTAH PROVINSI LAMPUNG", "KEPALA DINAS"): the
content file keeps names as the text writes them, so each is looked up in the body text ("Pemerintah
Provinsi Lampung" appears there) or, failing that, written with initial capitals, abbreviations kept
(a word the body writes in capitals, such as UKM) and a PERIKSA note. A DOCX that ikudoc built carries
the title, label, short name and period in its document properties; they are used when they agree with
the cover.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

from ..iku.model import Dokumen
from .periksa import Periksa
from .reading import WordFile
from .signature import MONTHS, Signature
from .structure import Parts, one_line

_SMALL_WORDS = {"dan", "yang", "di", "ke", "dari", "untuk", "atau", "pada", "serta", "dengan", "atas", "dalam"}
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_DECREE = re.compile(r"^Keputusan\s+Nomor\s*:?\s*(\S.*)$", re.IGNORECASE)  # the decree that set a revision
_TITLE = re.compile(r"^(?P<judul>.+?) \((?P<singkatan>[^()]+)\)(?: (?P<perubahan>.+?))? – (?P<singkat>.+)$")


class Recaser:
    """Writes a text typed in capitals the way the body text writes it; ``abbreviations`` are words kept in
    capitals (those of the title's abbreviation, "IKU OPD")."""

    def __init__(self, corpus: list[str], abbreviations: tuple[str, ...] = ()) -> None:
        self.corpus = " ".join(one_line(text) for text in corpus if re.search("[a-z]", text))
        self.capitals: set[str] = set()  # abbreviations: a word in capitals amid words that are not
        words = [re.sub(r"\W", "", word) for word in self.corpus.split(" ")]
        for index, word in enumerate(words):
            neighbours = [w for w in words[max(0, index - 1):index] + words[index + 1:index + 2] if len(w) > 1]
            if len(word) > 1 and word.isupper() and not any(w.isupper() for w in neighbours):
                self.capitals.add(word)
        self.capitals.update(re.sub(r"\W", "", word) for text in abbreviations for word in text.split())

    def __call__(self, text: str) -> tuple[str, bool]:
        """The text in its usual capitals, and whether that is a guess."""
        text = one_line(text)
        if re.search("[a-z]", text) or not text:
            return text, False
        for found in re.finditer(re.escape(text), self.corpus, re.IGNORECASE):
            if re.search("[a-z]", found.group()):
                return found.group(), False
        words = []
        for index, word in enumerate(text.split(" ")):
            bare = re.sub(r"\W", "", word)
            if bare in self.capitals or not bare.isalpha():
                words.append(word)
            elif index and bare.lower() in _SMALL_WORDS:
                words.append(word.lower())
            else:
                words.append(word[:1] + word[1:].lower())
        return " ".join(words), True


def period_of(word: WordFile, texts: list[str], years: tuple[str, ...], periksa: Periksa) -> dict:
    found = re.search(r"periode ((?:19|20)\d\d)–((?:19|20)\d\d)$", word.subject)
    if found:
        return {"awal": int(found.group(1)), "akhir": int(found.group(2))}
    counts = Counter((int(a), int(b)) for text in texts for a, b in _PERIOD.findall(text) if int(b) > int(a))
    if counts:
        (awal, akhir), _ = counts.most_common(1)[0]
        periksa.add(("dokumen", "periode"), f"periode Renstra ditebak dari teks (\"{awal}–{akhir}\" paling sering "
                    "disebut)")
    elif years := [year for year in years if year.isdigit()]:
        awal, akhir = int(years[0]), int(years[-1])
        periksa.add(("dokumen", "periode"), "periode Renstra tidak disebut di sampul maupun teks; diambil dari tahun "
                    "target tabel")
    else:
        awal = akhir = datetime.date.today().year
        periksa.add(("dokumen", "periode"), "periode Renstra tidak ditemukan; isi tahun awal dan akhirnya")
    return {"awal": awal, "akhir": akhir}


def signing_date(signature: Signature | None, periode: dict, periksa: Periksa) -> str | datetime.date:
    typed = signature.tanggal if signature else ""
    found = re.match(r"^(?:(\d{1,2})\s+)?(\w+)\s+(\d{4})$", typed.strip())
    if found and found.group(2).lower() in MONTHS:
        month = MONTHS.index(found.group(2).lower()) + 1
        year = int(found.group(3))
        if found.group(1):
            try:
                return datetime.date(year, month, int(found.group(1)))
            except ValueError:
                pass
        return f"{year:04d}-{month:02d}"
    periksa.add(("dokumen", "tanggal"), f"tanggal penandatanganan tidak terbaca (\"{typed}\"); isi bulan dan tahunnya")
    return f"{periode['akhir']:04d}-01"


def front_matter(word: WordFile, parts: Parts, recase: Recaser, texts: list[str], years: tuple[str, ...],
                 periksa: Periksa) -> dict:
    """[dokumen], [instansi] and [penandatangan] as dicts, in the order the content file writes them."""
    cover = list(parts.cover)
    properties = _TITLE.match(word.title)
    singkatan = next((line.strip("() ") for line in cover if re.fullmatch(r"\(.+\)", line)), "")
    perubahan = next((line for line in cover if re.match(r"^(PERUBAHAN|REVISI)\b", line, re.IGNORECASE)), None)
    government_at = next((i for i, line in enumerate(cover) if re.match(r"^PEMERINTAH\b", line, re.IGNORECASE)),
                         None)
    decree = next((found for line in cover if (found := _DECREE.match(line))), None)
    title_lines = [line for line in cover[:government_at] if not re.fullmatch(r"\(.+\)", line) and line != perubahan
                   and not re.match(r"^(TAHUN|PERIODE)\b", line, re.IGNORECASE) and not _DECREE.match(line)]
    judul = " ".join(title_lines) if title_lines else "Indikator Kinerja Utama"
    dokumen: dict = {}
    if properties and properties["judul"].upper() == judul.upper():
        dokumen["judul"] = properties["judul"]
        dokumen["singkatan"] = properties["singkatan"]
        if perubahan:
            dokumen["perubahan"] = properties["perubahan"] or perubahan
    else:
        dokumen["judul"] = _recased(recase, judul, ("dokumen", "judul"), periksa)
        if not title_lines:
            periksa.add(("dokumen", "judul"), "judul dokumen tidak ditemukan di sampul")
        dokumen["singkatan"] = singkatan or "IKU"
        if not singkatan:
            periksa.add(("dokumen", "singkatan"), "singkatan judul (dalam kurung di sampul) tidak ditemukan")
        if perubahan:
            dokumen["perubahan"] = _recased(recase, perubahan, ("dokumen", "perubahan"), periksa)
    dokumen["periode"] = period_of(word, texts + cover, years, periksa)  # "TAHUN 2025-2029" on the cover
    signature = parts.signature
    dokumen["tempat"] = signature.tempat if signature and signature.tempat else "-"
    if dokumen["tempat"] == "-":
        periksa.add(("dokumen", "tempat"), "tempat penandatanganan tidak ditemukan")
    dokumen["tanggal"] = signing_date(signature, dokumen["periode"], periksa)
    if parts.cover_image:
        periksa.add(("dokumen",), "sampul memuat gambar (lambang daerah); simpan gambarnya sebagai PNG di samping "
                    "berkas ini lalu tulis lambang = \"nama_gambar.png\" di [dokumen]")
    judul_lampiran = list(parts.lampiran_titles)
    if judul_lampiran and judul_lampiran != Dokumen.model_fields["judul_lampiran"].default:
        dokumen["judul_lampiran"] = judul_lampiran
    front = {"dokumen": dokumen, "instansi": _instansi(cover, government_at, properties, parts, recase, periksa),
             "penandatangan": _penandatangan(signature, recase, periksa)}
    if decree:
        front["revisi"] = {"keputusan": decree.group(1).strip()}
    return front


def _recased(recase: Recaser, text: str, loc, periksa: Periksa) -> str:
    result, guessed = recase(text)
    if guessed:
        periksa.add(loc, f"ditulis kapital di dokumen (\"{text}\"); huruf besar-kecilnya ditebak")
    return result


def _instansi(cover, government_at, properties, parts: Parts, recase: Recaser, periksa: Periksa) -> dict:
    if government_at is None:
        periksa.add(("instansi", "pemerintah"), "nama pemerintah daerah (\"PEMERINTAH ...\") tidak ditemukan di sampul")
        pemerintah, nama = "Pemerintah Daerah", " ".join(cover[-1:]) or "-"
    else:
        pemerintah = cover[government_at]
        nama = " ".join(cover[government_at + 1:]) or parts.organisasi or "-"
    instansi = {"pemerintah": _recased(recase, pemerintah, ("instansi", "pemerintah"), periksa),
                "nama": _recased(recase, nama, ("instansi", "nama"), periksa)}
    if properties:
        instansi["nama_singkat"] = properties["singkat"]
    elif parts.organisasi:
        instansi["nama_singkat"] = _recased(recase, parts.organisasi, ("instansi", "nama_singkat"), periksa)
    else:
        instansi["nama_singkat"] = instansi["nama"]
        periksa.add(("instansi", "nama_singkat"), "nama organisasi lampiran tidak ditemukan; diisi nama lengkap")
    return instansi


def _penandatangan(signature: Signature | None, recase: Recaser, periksa: Periksa) -> dict:
    if signature is None:
        periksa.add(("penandatangan",), "blok tanda tangan (tempat, tanggal, jabatan, nama, NIP) tidak ditemukan")
        return {"jabatan": "-", "nama": "-"}
    result = {"jabatan": _recased(recase, signature.jabatan or "-", ("penandatangan", "jabatan"), periksa),
              "nama": signature.nama or "-"}
    if signature.pangkat:
        result["pangkat"] = signature.pangkat
    if signature.nip:
        result["nip"] = signature.nip
    return result
