"""The field types every content file is made of, whatever its kind: plain and Markdown texts, targets
(content.targets), dates, periods, margins, signatories, chapters, the [periksa] table (content.walk
goes through them).

Validation is strict (a number is not a text, a table is not a list) and forbids unknown keys, so that
a typo in a key is reported instead of ignored. Every description here is shown to the person editing
the file. A field's ``title`` is its name for a reader: the comparison of two revisions labels it so.
"""

from __future__ import annotations

import datetime
import io
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

# pydantic looks for plugins among the entry points of every installed package when it builds the
# first model, which costs a command tens of milliseconds; ikudoc uses none (a user who wants one
# sets the variable themselves).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import (  # noqa: E402 (after the variable above)
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .markup import NO_REFERENCES, InlineText, MarkupError, Text, parse_inline, parse_text
from .parsing import Parsed as Parsed
from .parsing import plain, require_string
from .parsing import type_name as type_name
from .placeholders import unmarked
from .problems import os_reason
from .regular_file import NotARegularFile, read_regular

# The target types are content.targets'; every kind has found them here, and still does.
from .targets import MAX_DECIMALS as MAX_DECIMALS
from .targets import MAX_WHOLE_DIGITS as MAX_WHOLE_DIGITS
from .targets import RealisasiValue as RealisasiValue
from .targets import Rentang as Rentang
from .targets import Target as Target
from .targets import TargetValue as TargetValue
from .targets import Year as Year
from .targets import parse_target as parse_target

FIRST_YEAR, LAST_YEAR = 1900, 2200  # of a period or a kondisi awal: a year outside them is a typo

def _markdown_field(parse):
    """The validator of a Markdown field: the text parsed, its references those its kind knows (the
    vocabulary the loader puts in the validation context as "rujukan")."""
    def validate(value: Any, info: ValidationInfo):
        try:
            return parse(unmarked(require_string(value)), (info.context or {}).get("rujukan", NO_REFERENCES))
        except MarkupError as exc:
            raise PydanticCustomError("markdown", "{pesan}", {"pesan": str(exc)}) from None

    return validate


PlainText = Annotated[str, AfterValidator(plain)]
"""Text shown as typed, without Markdown."""

MarkdownText = Annotated[Text, Parsed(_markdown_field(parse_text), {
    "type": "string", "minLength": 1, "description": "Teks Markdown: paragraf, **tebal**, *miring*, daftar 1. / a."},
    with_info=True)]
InlineMarkdown = Annotated[InlineText, Parsed(_markdown_field(parse_inline), {
    "type": "string", "minLength": 1, "description": "Teks satu paragraf; boleh **tebal** dan *miring*."},
    with_info=True)]


@dataclass(frozen=True)
class DocumentDate:
    """The signing date: a whole day, or only a month ("Oktober 2024") when the day is left blank."""

    tanggal: datetime.date
    hanya_bulan: bool

    @property
    def teks(self) -> str:
        """As the document prints it under a signature: "Oktober 2024", or "15 Oktober 2024"."""
        from .formatting import format_signing_date  # babel: only where a date is printed

        return format_signing_date(self.tanggal, self.hanya_bulan)


def _document_date(value: Any) -> DocumentDate:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return DocumentDate(value, False)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value.strip()):
        year, month = map(int, value.strip().split("-"))
        if 1 <= month <= 12:
            return DocumentDate(datetime.date(year, month, 1), True)
    raise PydanticCustomError(
        "tanggal",
        "tanggal harus berupa tanggal TOML tanpa kutip (2024-10-15) atau bulan dalam kutip (\"2024-10\")",
    )


def _without_references(text: InlineText) -> InlineText:
    names = text.references()
    if names:
        raise PydanticCustomError(
            "rujukan", "teks ini dirujuk dari teks lain, jadi tidak boleh memakai rujukan sendiri ({{nama}})",
            {"nama": sorted(names)[0]},
        )
    return text


ReferencedText = Annotated[InlineMarkdown, AfterValidator(_without_references)]
"""An inline text that other texts refer to ({visi}): it cannot refer to others in turn."""

SigningDate = Annotated[DocumentDate, Parsed(_document_date, {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": r"^\d{4}-\d{2}$"}]})]


def _existing_file(value: str, info: ValidationInfo) -> Path:
    context = info.context or {}
    path = Path(value)
    resolved = path if path.is_absolute() else context.get("folder", Path(".")) / path
    if context.get("check_files", True) and not resolved.is_file():
        raise PydanticCustomError(
            "berkas-tidak-ada", "berkas gambar \"{berkas}\" tidak ditemukan (dicari di {tempat})",
            {"berkas": value, "tempat": str(resolved)},
        )
    if context.get("check_files", True):
        _check_image(resolved, value)
    return resolved


def _check_image(path: Path, typed: str) -> None:
    """A PNG or JPEG that opens whole in Pillow and that python-docx can place (it reads the header
    itself): a file cut short or only named .png is reported here, at its line, not by the writer."""
    from docx.image.image import Image as DocxImage  # imported only for content that has an image
    from PIL import Image, UnidentifiedImageError

    try:  # (a device or a FIFO named as the emblem is refused unread; an emblem is far below 20 MB)
        data = read_regular(path, 20 << 20)
    except (OSError, NotARegularFile) as error:
        raise PydanticCustomError("gambar-tidak-terbaca", "berkas gambar \"{berkas}\" tidak bisa dibaca ({sebab})", {
            "berkas": typed, "sebab": os_reason(error) if isinstance(error, OSError) else str(error)}) from None
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format
            image.load()
        if kind not in ("PNG", "JPEG"):
            raise UnidentifiedImageError(kind)
        DocxImage.from_blob(data)
    except Exception:  # noqa: BLE001 (Pillow and python-docx raise many kinds on a damaged image)
        raise PydanticCustomError(
            "gambar-jenis", "berkas \"{berkas}\" bukan gambar PNG atau JPEG yang utuh; simpan ulang gambarnya "
            "sebagai PNG", {"berkas": typed}) from None


ImagePath = Annotated[Path, Parsed(lambda v, info: _existing_file(require_string(v), info), {"type": "string"},
                                    with_info=True)]
"""An image file (.png, .jpg) named relative to the content file, which must open whole."""


class Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


PeriodYear = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
LONGEST_PERIOD = 30  # years; a Renstra or RPJMD has 5, a RPJPD 20


class Periode(Model):
    awal: PeriodYear
    """Tahun awal periode Renstra, misalnya 2019."""
    akhir: PeriodYear
    """Tahun akhir periode Renstra, misalnya 2024."""

    @property
    def teks(self) -> str:
        """As the document writes a period: "2019–2024" (an en dash)."""
        return f"{self.awal}–{self.akhir}"

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.akhir < self.awal:
            raise PydanticCustomError("periode", "tahun akhir tidak boleh sebelum tahun awal", {"kunci": "akhir"})
        if self.akhir - self.awal >= LONGEST_PERIOD:
            raise PydanticCustomError(
                "periode", "periode paling panjang {batas} tahun; {awal}–{akhir} adalah {panjang} tahun",
                {"kunci": "akhir", "batas": LONGEST_PERIOD, "awal": self.awal, "akhir": self.akhir,
                 "panjang": self.akhir - self.awal + 1})
        return self


Millimetres = Annotated[float, Field(ge=5, le=60),
                        BeforeValidator(lambda v: float(v) if isinstance(v, Decimal) else v)]


class Margin(Model):
    atas: Millimetres
    """Margin atas dalam milimeter."""
    kanan: Millimetres
    """Margin kanan dalam milimeter."""
    bawah: Millimetres
    """Margin bawah dalam milimeter."""
    kiri: Millimetres
    """Margin kiri dalam milimeter."""

    @property
    def teks(self) -> str:
        return f"atas {self.atas}, kanan {self.kanan}, bawah {self.bawah}, kiri {self.kiri} mm"


class Penandatangan(Model):
    jabatan: PlainText = Field(title="Jabatan")
    """Jabatan penandatangan, misalnya "Kepala Dinas" atau "Gubernur Lampung"."""
    nama: PlainText = Field(title="Nama")
    """Nama lengkap dengan gelar, seperti dicetak."""
    pangkat: PlainText | None = Field(None, title="Pangkat")
    """Pangkat, misalnya "Pembina Utama Madya"; kosongkan untuk kepala daerah (tidak dicetak)."""
    nip: PlainText | None = Field(None, title="NIP")
    """NIP seperti dicetak, misalnya "19670418 199203 1 003"; kosongkan untuk kepala daerah (tidak dicetak)."""


class KataPengantar(Model):
    isi: MarkdownText
    """Isi kata pengantar (Markdown)."""


class Bagian(Model):
    judul: PlainText
    """Judul subbab tanpa nomor; nomornya (1.1, 2.3) dibuat otomatis."""
    isi: MarkdownText
    """Isi subbab (Markdown)."""


class Bab(Model):
    judul: PlainText
    """Judul bab tanpa "BAB I"; nomornya dibuat otomatis."""
    isi: MarkdownText | None = None
    """Teks bab sebelum subbab pertama (Markdown)."""
    bagian: list[Bagian] = []
    """Subbab, berurutan."""


#: The footnote of every page of a document signed electronically (the agencies' decrees' wording).
TTE_NOTE = ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan "
            "oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara")


def _one_character(value: str) -> str:
    if len(value) != 1 or value.isspace() or value.isalnum():
        raise PydanticCustomError(
            "jangkar", "jangkar harus satu karakter tanda, bukan huruf, angka atau spasi, misalnya \"#\" atau "
            "\"$\"; yang tertulis \"{jangkar}\"", {"jangkar": value})
    return value


class Tte(Model):
    """Tanda tangan elektronik (TTE) dengan sertifikat BSrE: setiap halaman memuat catatan kaki TTE, dan setiap
    blok tanda tangan berbunyi "Ditandatangani secara elektronik oleh:", jabatan, jangkar (tempat aplikasi
    penandatanganan menaruh kode QR), lalu nama, tanpa ruang tanda tangan basah."""

    catatan: PlainText = Field(TTE_NOTE, title="Catatan kaki TTE")
    """Catatan kaki di setiap halaman; tanpa ini catatan baku BSrE ("Dokumen ini telah ditandatangani secara
    elektronik ..."). Boleh menyebut UU ITE Pasal 5 ayat 1."""
    jangkar: Annotated[str, AfterValidator(_one_character)] = Field("#", title="Jangkar")
    """Satu karakter yang dicari aplikasi penandatanganan untuk menaruh kode QR ("#", bawaan, atau "$"); tidak
    boleh muncul di teks dokumen lain."""


class Periksa(Model):
    abaikan: list[PlainText] = []
    """Peringatan 'ikudoc check' yang sudah diketahui dan disengaja, misalnya NIP yang ditulis persis seperti
    di naskah resmi: kode peringatan ("nip-format": di mana pun), atau kode dan kunci
    ("frasa-berulang bab[1].bagian[1].isi": hanya di situ). Galat tidak bisa diabaikan."""
