"""The cover, the signature block and the document properties -> [dokumen], [instansi], [penandatangan].

What each cover line says is read by cover.py; what the cover does not say (the government, the agency)
is taken from the lampiran or the signature with a required note ("# PERIKSA WAJIB": check and build
refuse the file until the user has checked the value and deleted the note), as is a signatory that is
not found, or that differs between the kata pengantar and the lampiran.

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
from .cover import Cover, read_cover
from .periksa import Periksa
from .reading import WordFile
from .signature import MONTHS, Signature
from .structure import Parts, one_line

_SMALL_WORDS = {"dan", "yang", "di", "ke", "dari", "untuk", "atau", "pada", "serta", "dengan", "atas", "dalam"}
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
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


def period_of(word: WordFile, cover: Cover, texts: list[str], years: tuple[str, ...], periksa: Periksa) -> dict:
    """[dokumen] periode: from the document properties ikudoc writes, from the cover's period line, or
    guessed (the span the text names most often, else the table's target years), with a note."""
    found = re.search(r"periode ((?:19|20)\d\d)–((?:19|20)\d\d)$", word.subject)
    if found:
        return {"awal": int(found.group(1)), "akhir": int(found.group(2))}
    if cover.periode and cover.periode[0] <= cover.periode[1]:
        return {"awal": cover.periode[0], "akhir": cover.periode[1]}
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
    periksa.add(("dokumen", "tanggal"), f"tanggal penandatanganan tidak terbaca (\"{typed}\"); tanggal ini ditebak: "
                "isi bulan dan tahunnya" if typed else "tanggal penandatanganan tidak ditemukan; tanggal ini ditebak: "
                "isi bulan dan tahunnya", required=True)
    return f"{periode['akhir']:04d}-01"


def front_matter(word: WordFile, parts: Parts, recase: Recaser, texts: list[str], years: tuple[str, ...],
                 periksa: Periksa) -> dict:
    """[dokumen], [instansi] and [penandatangan] as dicts, in the order the content file writes them."""
    cover = read_cover(parts.cover)
    properties = _TITLE.match(word.title)
    judul = " ".join(cover.judul) if cover.judul else "Indikator Kinerja Utama"
    dokumen: dict = {}
    if properties and properties["judul"].upper() == judul.upper():
        dokumen["judul"] = properties["judul"]
        dokumen["singkatan"] = properties["singkatan"]
        if cover.perubahan:
            dokumen["perubahan"] = properties["perubahan"] or cover.perubahan
    else:
        dokumen["judul"] = _recased(recase, judul, ("dokumen", "judul"), periksa)
        if not cover.judul:
            periksa.add(("dokumen", "judul"), "judul dokumen tidak ditemukan di sampul")
        dokumen["singkatan"] = cover.singkatan or "IKU"
        if not cover.singkatan:
            periksa.add(("dokumen", "singkatan"), "singkatan judul (dalam kurung di sampul) tidak ditemukan")
        if cover.perubahan:
            dokumen["perubahan"] = _recased(recase, cover.perubahan, ("dokumen", "perubahan"), periksa)
    dokumen["periode"] = period_of(word, cover, texts, years, periksa)
    if cover.kata_periode:
        dokumen["periode_sampul"] = cover.kata_periode.capitalize()
    else:  # a cover without the period keeps it so; ikudoc's own cover would print "TAHUN ..."
        dokumen["periode_sampul"] = False
        if cover.kata_periode == "":
            periksa.add(("dokumen", "periode"), "sampul menulis tahun periode tanpa kata di depannya; ikudoc mencetak "
                        "periode di sampul bersama katanya: hapus periode_sampul = false untuk mencetak \"TAHUN ...\"")
    for line in cover.dilewati:
        periksa.add(("dokumen",), f"baris sampul \"{line}\" tidak diimpor (sampul ikudoc mencetak judul, periode, "
                    "pemerintah daerah dan instansi)")
    signature = parts.signature = _signature(parts, periksa)  # the one the content keeps
    dokumen["tempat"] = signature.tempat if signature and signature.tempat else "-"
    if dokumen["tempat"] == "-":
        periksa.add(("dokumen", "tempat"), "tempat penandatanganan tidak ditemukan", required=True)
    dokumen["tanggal"] = signing_date(signature, dokumen["periode"], periksa)
    if parts.cover_image:
        periksa.add(("dokumen",), "sampul memuat gambar (lambang daerah); simpan gambarnya sebagai PNG di samping "
                    "berkas ini lalu tulis lambang = \"nama_gambar.png\" di [dokumen]")
    judul_lampiran = list(parts.lampiran_titles)
    if judul_lampiran and judul_lampiran != Dokumen.model_fields["judul_lampiran"].default:
        dokumen["judul_lampiran"] = judul_lampiran
    front = {"dokumen": dokumen, "instansi": instansi_of(cover, properties, parts, signature, recase, periksa),
             "penandatangan": _penandatangan(signature, recase, periksa)}
    if cover.keputusan:
        front["revisi"] = {"keputusan": cover.keputusan}
    return front


def _signature(parts: Parts, periksa: Periksa) -> Signature | None:
    """The one signatory of the content: under the kata pengantar, or under the lampiran's table (where a
    regional head often signs alone); when the two differ, the kata pengantar's, and a required note."""
    first, closing = parts.signature, parts.closing_signature
    if first is None and closing is not None:
        periksa.add(("kata_pengantar", "isi"), "kata pengantar di dokumen tidak bertanda tangan; ikudoc mencetak tanda "
                    f"tangan lampiran ({closing.jabatan}, {closing.nama}) di bawah kata pengantar juga")
        return closing
    if first is not None and closing is not None and (_who(first) != _who(closing)):
        periksa.add(("penandatangan",), f"tanda tangan lampiran ({closing.jabatan}, {closing.nama}) berbeda dengan "
                    f"tanda tangan kata pengantar ({first.jabatan}, {first.nama}); ikudoc mencetak satu penanda tangan "
                    "di keduanya, yang di sini dari kata pengantar", required=True)
    return first


def _who(signature: Signature) -> tuple[str, str]:
    return one_line(signature.jabatan).upper(), re.sub(r"\W", "", signature.nama).upper()


def _who_governs(name: str) -> str:
    return " ".join(name.split()).upper()


def _recased(recase: Recaser, text: str, loc, periksa: Periksa) -> str:
    result, guessed = recase(text)
    if guessed:
        periksa.add(loc, f"ditulis kapital di dokumen (\"{text}\"); huruf besar-kecilnya ditebak")
    return result


def instansi_of(cover: Cover, properties, parts: Parts, signature: Signature | None, recase: Recaser,
                periksa: Periksa) -> dict:
    """[instansi]: the government and the agency as the cover writes them; what the cover does not say is
    taken from the lampiran or the signature, with a required note (a guess about which agency it is)."""
    nama = " ".join(cover.instansi)
    jabatan = one_line(signature.jabatan) if signature else ""
    if not nama and parts.organisasi and _who_governs(parts.organisasi) == _who_governs(cover.pemerintah):
        nama = parts.organisasi  # a government's own IKU: the cover names it once, as the government
    elif not nama and parts.organisasi:
        nama = parts.organisasi
        periksa.add(("instansi", "nama"), "nama instansi tidak tertulis di sampul; diambil dari nama organisasi di "
                    "lampiran", required=True)
    elif not nama and (headed := re.match(r"^KEPALA\s+(.+)$", jabatan, re.IGNORECASE)):
        nama = headed.group(1)
        periksa.add(("instansi", "nama"), f"nama instansi tidak tertulis di sampul maupun lampiran; ditebak dari "
                    f"jabatan penanda tangan (\"{jabatan}\")", required=True)
    elif not nama:
        nama = "-"
        periksa.add(("instansi", "nama"), "nama instansi tidak ditemukan di sampul maupun lampiran; tulis namanya",
                    required=True)
    pemerintah = cover.pemerintah
    if cover.pemerintah_dari == "wilayah":
        periksa.add(("instansi", "pemerintah"), "sampul tidak menulis \"PEMERINTAH ...\"; disusun dari baris "
                    f"wilayah sampul (\"{pemerintah.removeprefix('PEMERINTAH ')}\")")
    elif cover.pemerintah_dari == "nama":
        periksa.add(("instansi", "pemerintah"), "sampul tidak menulis \"PEMERINTAH ...\"; disusun dari wilayah di "
                    f"nama instansi (\"{pemerintah.removeprefix('PEMERINTAH ')}\")")
    elif not pemerintah and (guessed := _government_of(parts.organisasi, jabatan)):
        pemerintah = guessed
        source = "nama organisasi lampiran" if _government_of(parts.organisasi, "") else "jabatan penanda tangan"
        periksa.add(("instansi", "pemerintah"), f"nama pemerintah daerah tidak tertulis di sampul; ditebak dari "
                    f"{source}", required=True)
    elif not pemerintah:
        pemerintah = "-"
        periksa.add(("instansi", "pemerintah"), "nama pemerintah daerah (\"PEMERINTAH ...\") tidak ditemukan; tulis "
                    "namanya", required=True)
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


_HEADS = (("BUPATI", "KABUPATEN"), ("GUBERNUR", "PROVINSI"), ("WALI\\s*KOTA", "KOTA"))


def _government_of(organisasi: str, jabatan: str) -> str:
    """ "PEMERINTAH KABUPATEN CONTOH" from an organisation named with its region ("DINAS KESEHATAN
    KABUPATEN CONTOH") or from a regional head's jabatan ("BUPATI CONTOH"); "" when neither says."""
    for text in (organisasi, jabatan):
        if found := re.search(r"\s((?:PROVINSI|KABUPATEN|KOTA)\s+\S.*)$", one_line(text), re.IGNORECASE):
            return f"PEMERINTAH {found.group(1)}"
    for head, region in _HEADS:
        if found := re.match(rf"^{head}\s+(\S.*)$", one_line(jabatan), re.IGNORECASE):
            return f"PEMERINTAH {region} {found.group(1)}"
    return ""


def _penandatangan(signature: Signature | None, recase: Recaser, periksa: Periksa) -> dict:
    if signature is None:
        periksa.add(("penandatangan",), "blok tanda tangan (tempat, tanggal, jabatan, nama, NIP) tidak ditemukan di "
                    "bawah kata pengantar maupun lampiran; tulis penanda tangannya", required=True)
        return {"jabatan": "-", "nama": "-"}
    result = {"jabatan": _recased(recase, signature.jabatan or "-", ("penandatangan", "jabatan"), periksa),
              "nama": signature.nama or "-"}
    for key in ("jabatan", "nama"):
        if not getattr(signature, key):
            periksa.add(("penandatangan", key), f"{key} penanda tangan tidak terbaca di blok tanda tangan; tulis "
                        f"{key}nya", required=True)
    if signature.pangkat:
        result["pangkat"] = signature.pangkat
    if signature.nip:
        result["nip"] = signature.nip
    return result
