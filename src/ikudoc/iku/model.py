"""The content model: what a content file holds, its types and its rules, as pydantic models.

The keys are the document's own Indonesian terms. Validation is strict (a number is not a text, a
table is not a list) and forbids unknown keys, so that a typo in a key is reported instead of ignored.
Every description here is shown to the person editing the file.
"""

from __future__ import annotations

import datetime
import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

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
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from ..content.markup import InlineText, MarkupError, Text, parse_inline, parse_text
from ..content.problems import Loc, os_reason
from .columns import ColumnName, MergeableName

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of every plane): never text,
# and refused by XML, so Word files cannot hold them.
_NONCHARACTER = re.compile("[\ufdd0-\ufdef" + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}"
                                                      for plane in range(17)) + "]")


def _check_characters(text: str) -> str:
    found = _CONTROL.search(text)
    if found:
        raise PydanticCustomError(
            "karakter-kendali", "berisi karakter kendali {kode} yang tidak bisa dicetak; hapus karakter itu",
            {"kode": f"U+{ord(found.group()):04X}"},
        )
    found = _NONCHARACTER.search(text)
    if found:
        raise PydanticCustomError(
            "nonkarakter", "berisi {kode}, kode yang bukan karakter (tidak bisa dicetak atau disimpan di Word); "
            "hapus kode itu", {"kode": f"U+{ord(found.group()):04X}"},
        )
    return text


def _plain(value: str) -> str:
    value = _check_characters(value).strip()
    if not value:
        raise PydanticCustomError("teks-kosong", "tidak boleh kosong")
    return value


def type_name(value: Any) -> str:
    """What a TOML value is, in the words of the error messages."""
    if isinstance(value, bool):
        return "benar/salah (true/false)"
    if isinstance(value, (int, float, Decimal)):
        return "angka"
    if isinstance(value, dict):
        return "tabel"
    if isinstance(value, list):
        return "daftar [ ... ]"
    if isinstance(value, (datetime.date, datetime.time)):
        return "tanggal/waktu"
    return "teks"


def _require_string(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "bukan-teks", "harus berupa teks di antara tanda kutip, bukan {jenis}", {"jenis": type_name(value)}
        )
    return _plain(value)


def _markdown_field(parse):
    def validate(value: Any):
        try:
            return parse(_require_string(value))
        except MarkupError as exc:
            raise PydanticCustomError("markdown", "{pesan}", {"pesan": str(exc)}) from None

    return validate


@dataclass(frozen=True, eq=False)  # hashed by identity (pydantic hashes annotations; a dict is not hashable)
class Parsed:
    """Annotation of a field whose value ``parse`` makes from what is typed (a Markdown text, a target, a
    date), shown in the JSON schema as ``json_schema``: pydantic's PlainValidator and WithJsonSchema,
    without pydantic describing the parsed value's own type, which it would do for every such field
    when the model is built (a sixth of every command's start-up) and which nothing uses."""

    parse: Callable[..., Any]
    json_schema: dict
    with_info: bool = False  # parse(value, info): it needs the validation context

    def __get_pydantic_core_schema__(self, source_type: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        if self.with_info:
            return core_schema.with_info_plain_validator_function(self.parse)
        return core_schema.no_info_plain_validator_function(self.parse)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return dict(self.json_schema)


PlainText = Annotated[str, AfterValidator(_plain)]
"""Text shown as typed, without Markdown."""

MarkdownText = Annotated[Text, Parsed(_markdown_field(parse_text), {
    "type": "string", "minLength": 1, "description": "Teks Markdown: paragraf, **tebal**, *miring*, daftar 1. / a."})]
InlineMarkdown = Annotated[InlineText, Parsed(_markdown_field(parse_inline), {
    "type": "string", "minLength": 1, "description": "Teks satu paragraf; boleh **tebal** dan *miring*."})]

_NUMBER_AS_TEXT = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d+)([.,]\d+)?%?")


@dataclass(frozen=True)
class Target:
    """A target value: a number, with the decimals it was typed with (7.20 is shown 7,20), or a text
    shown as typed ("N/A", "-", "60 kali")."""

    nilai: int | Decimal | str

    @property
    def angka(self) -> int | Decimal | None:
        return None if isinstance(self.nilai, str) else self.nilai


def _target(value: Any) -> Target:
    if isinstance(value, float):  # content read without parse_float=Decimal (tests, tools)
        value = Decimal(repr(value))
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise PydanticCustomError(
            "target-jenis", "target harus berupa angka (8.57) atau teks (\"N/A\"), bukan {jenis}",
            {"jenis": type_name(value)},
        )
    if isinstance(value, str):
        text = _plain(value)
        if _NUMBER_AS_TEXT.fullmatch(text) and "," in text:
            number = text.rstrip("%").replace(".", "").replace(",", ".")
            raise PydanticCustomError(
                "target-teks-angka",
                "target \"{teks}\" ditulis sebagai teks; tulis sebagai angka {angka} "
                "(titik sebagai pemisah desimal, tanpa tanda kutip) agar tampil {teks_id}",
                {"teks": text, "angka": number, "teks_id": number.replace(".", ",")},
            )
        if _NUMBER_AS_TEXT.fullmatch(text):
            raise PydanticCustomError(
                "target-teks-angka",
                "target \"{teks}\" ditulis sebagai teks; tulis angkanya tanpa tanda kutip, dengan titik hanya "
                "sebagai pemisah desimal dan tanpa pemisah ribuan (contoh: 1234 atau 8.57)",
                {"teks": text},
            )
        return Target(text)
    if isinstance(value, Decimal) and not value.is_finite():
        typed = "nan" if value.is_nan() else ("-inf" if value < 0 else "inf")
        raise PydanticCustomError("target-jenis", "target harus angka biasa, bukan {nilai}", {"nilai": typed})
    number = Decimal(value)
    whole_digits = number.adjusted() + 1 if number else 1
    decimals = max(0, -number.as_tuple().exponent)
    if whole_digits > MAX_WHOLE_DIGITS or decimals > MAX_DECIMALS:
        raise PydanticCustomError(
            "target-angka-batas",
            "angka target paling banyak {bulat} angka sebelum koma dan {desimal} sesudahnya; yang tertulis "
            "{tertulis}",
            {"bulat": MAX_WHOLE_DIGITS, "desimal": MAX_DECIMALS, "tertulis": _typed_length(number)},
        )
    return Target(value)


# Beyond these a figure is a typo (1e25, 2024000000000000) and would not fit a table cell anyway.
MAX_WHOLE_DIGITS = 15
FIRST_YEAR, LAST_YEAR = 1900, 2200  # of a period or a kondisi awal: a year outside them is a typo
MAX_DECIMALS = 10


def _typed_length(number: Decimal) -> str:
    if number.adjusted() + 1 > MAX_WHOLE_DIGITS:
        return f"{number.adjusted() + 1} angka sebelum koma"
    return f"{-number.as_tuple().exponent} angka sesudah koma"


TargetValue = Annotated[
    Target,
    Parsed(_target, {
        "anyOf": [{"type": "number"},
                  {"type": "string", "minLength": 1, "not": {"pattern": f"^{_NUMBER_AS_TEXT.pattern}$"}}],
        "description": "Target: angka dengan titik desimal tanpa kutip (8.57), atau teks (\"N/A\", \"-\").",
    }),
]
Year = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]


@dataclass(frozen=True)
class DocumentDate:
    """The signing date: a whole day, or only a month ("Oktober 2024") when the day is left blank."""

    tanggal: datetime.date
    hanya_bulan: bool


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

    try:
        data = path.read_bytes()
    except OSError as error:
        raise PydanticCustomError("gambar-tidak-terbaca", "berkas gambar \"{berkas}\" tidak bisa dibaca ({sebab})",
                                  {"berkas": typed, "sebab": os_reason(error)}) from None
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


class Dokumen(Model):
    judul: PlainText
    """Judul dokumen, misalnya "Indikator Kinerja Utama OPD"."""
    singkatan: PlainText
    """Singkatan judul, misalnya "IKU OPD"."""
    perubahan: PlainText | None = None
    """Label revisi, misalnya "Perubahan 2024"; kosongkan untuk dokumen awal."""
    periode: Periode
    """Periode Renstra yang dicakup."""
    tempat: PlainText
    """Tempat penandatanganan, misalnya "Bandar Lampung"."""
    tanggal: SigningDate
    """Tanggal penandatanganan: 2024-10-15, atau "2024-10" bila hanya bulan dan tahun yang dicetak."""
    lambang: Annotated[Path, Parsed(lambda v, info: _existing_file(_require_string(v), info), {"type": "string"},
                                    with_info=True)] | None = None
    """Berkas gambar lambang daerah (.png/.jpg) untuk sampul, relatif terhadap berkas konten ini."""
    kertas: Literal["A4", "F4"] = "A4"
    """Ukuran kertas: "A4" (bawaan) atau "F4" (Folio, 215 x 330 mm)."""
    margin: Margin | None = None
    """Margin halaman dalam milimeter; tanpa ini margin templat Word dan CSS yang dipakai."""
    judul_lampiran: list[PlainText] = Field(["INDIKATOR KINERJA UTAMA (IKU)",
                                             "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH (IKU-OPD)"], min_length=1)
    """Baris judul di bawah "LAMPIRAN", misalnya ["INDIKATOR KINERJA UTAMA (IKU)", "INDIKATOR KINERJA UTAMA
    PEMERINTAH DAERAH"]; tanpa ini, judul IKU OPD."""


class Instansi(Model):
    pemerintah: PlainText
    """Pemerintah daerah, misalnya "Pemerintah Provinsi Lampung"."""
    nama: PlainText
    """Nama lengkap perangkat daerah, seperti di sampul."""
    nama_singkat: PlainText
    """Nama singkat perangkat daerah, seperti di lampiran ("Dinas Koperasi dan UKM Provinsi Lampung")."""


class Penandatangan(Model):
    jabatan: PlainText
    """Jabatan penandatangan, misalnya "Kepala Dinas" atau "Gubernur Lampung"."""
    nama: PlainText
    """Nama lengkap dengan gelar, seperti dicetak."""
    pangkat: PlainText | None = None
    """Pangkat, misalnya "Pembina Utama Madya"; kosongkan untuk kepala daerah (tidak dicetak)."""
    nip: PlainText | None = None
    """NIP seperti dicetak, misalnya "19670418 199203 1 003"; kosongkan untuk kepala daerah (tidak dicetak)."""


class KataPengantar(Model):
    isi: MarkdownText
    """Isi kata pengantar (Markdown)."""


class Rpjmd(Model):
    visi: ReferencedText
    """Visi RPJMD; dirujuk dalam teks dengan {visi}."""
    misi: list[ReferencedText] = Field(min_length=1)
    """Misi RPJMD, berurutan; ditampilkan dengan {daftar_misi}."""
    misi_pilihan: int | None = None
    """Nomor misi yang didukung perangkat daerah (1 = misi pertama); teksnya dirujuk dengan {misi_pilihan}."""

    @model_validator(mode="after")
    def _chosen_mission_exists(self) -> Rpjmd:
        if self.misi_pilihan is not None and not 1 <= self.misi_pilihan <= len(self.misi):
            raise PydanticCustomError(
                "misi-pilihan", "harus nomor salah satu misi, 1 sampai {jumlah}",
                {"jumlah": len(self.misi), "kunci": "misi_pilihan"},
            )
        return self


class Renstra(Model):
    tujuan: ReferencedText
    """Tujuan perangkat daerah; dirujuk dalam teks dengan {tujuan}."""
    strategi: list[InlineMarkdown] = Field(min_length=1)
    """Strategi; ditampilkan dengan {daftar_strategi}."""
    kebijakan: list[InlineMarkdown] = Field(min_length=1)
    """Arah kebijakan; ditampilkan dengan {daftar_kebijakan}."""


class Organisasi(Model):
    tugas: list[InlineMarkdown] = Field(min_length=1)
    """Tugas perangkat daerah, seperti dalam lampiran."""
    fungsi: list[InlineMarkdown] = Field(min_length=1)
    """Fungsi perangkat daerah, seperti dalam lampiran."""


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


@dataclass(frozen=True)
class Penjelasan:
    """Marks an indicator field as a part of the table's penjelasan cell, shown with its title as label."""


@dataclass(frozen=True)
class KondisiAwal:
    """The baseline: the value an indicator had in the year before its targets."""

    tahun: int
    nilai: Target


def _kondisi_awal(value: Any) -> KondisiAwal:
    if not isinstance(value, dict) or set(value) != {"tahun", "nilai"} or isinstance(value["tahun"], bool) \
            or not isinstance(value["tahun"], int) or not FIRST_YEAR <= value["tahun"] <= LAST_YEAR:
        raise PydanticCustomError(
            "kondisi-awal", "kondisi awal ditulis { tahun = 2024, nilai = 9.55 }: tahun 4 angka, nilai angka atau "
            "teks seperti target, bukan {nilai}", {"nilai": str(value)[:60]})
    return KondisiAwal(value["tahun"], _target(value["nilai"]))


KondisiAwalValue = Annotated[
    KondisiAwal,
    Parsed(_kondisi_awal, {"type": "object", "additionalProperties": False, "required": ["tahun", "nilai"],
                           "properties": {
        "tahun": {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR, "description": "Tahun kondisi awal."},
        "nilai": {"anyOf": [{"type": "number"}, {"type": "string", "minLength": 1}],
                  "description": "Nilai kondisi awal: angka (9.55) atau teks (\"N/A\")."}}}),
]


class Indikator(Model):
    nama: PlainText = Field(title="Indikator")
    """Nama indikator kinerja utama."""
    kode: PlainText | None = Field(None, title="Kode")
    """Kode tetap indikator (misalnya "IKU-2"), agar indikator yang berganti nama tetap dikenali antar revisi."""
    makna: Annotated[InlineMarkdown | None, Penjelasan()] = Field(None, title="Makna Indikator")
    """Makna indikator, atau definisi operasionalnya; tampil di sel penjelasan."""
    alasan_pemilihan: Annotated[InlineMarkdown | None, Penjelasan()] = Field(None, title="Alasan Pemilihan")
    """Alasan pemilihan indikator; tampil di sel penjelasan."""
    rumus_perhitungan: Annotated[InlineMarkdown | None, Penjelasan()] = Field(None, title="Rumus Perhitungan")
    """Rumus atau cara perhitungan (formulasi); tampil di sel penjelasan."""
    satuan: PlainText = Field(title="Satuan")
    """Satuan, misalnya "%"."""
    sumber_data: PlainText | None = Field(None, title="Sumber Data")
    """Sumber data."""
    penanggung_jawab: PlainText | None = Field(None, title="Penanggung Jawab")
    """Unit penanggung jawab, misalnya "BAKESBANGPOL" atau "DINKES, RSUD"."""
    kondisi_awal: KondisiAwalValue | None = Field(None, title="Kondisi Awal")
    """Kondisi awal (baseline): { tahun = 2024, nilai = 9.55 }."""
    kumulatif: bool | None = Field(None, title="Kumulatif")
    """Target dihitung kumulatif (tidak boleh turun dari tahun ke tahun); tanpa ini, nama yang memuat
    "(Akumulasi)" dianggap kumulatif."""
    desimal: Annotated[int, Field(ge=0, le=6)] | None = Field(None, title="Jumlah desimal")
    """Jumlah angka di belakang koma untuk target (35,20); tanpa ini angka tampil seperti ditulis."""
    target: dict[Year, TargetValue] = Field({}, title="Target")
    """Target per tahun yang berlaku (setelah perubahan), satu baris per tahun: 2024 = 8.57. Boleh tidak
    ditulis bila tidak ada indikator yang punya target (tabel tanpa kolom target)."""
    target_sebelum: dict[Year, TargetValue] | None = Field(None, title="Target sebelum perubahan")
    """Target per tahun sebelum perubahan; hanya untuk dokumen perubahan. Tanpa ini, diambil dari revisi
    yang disebut di [revisi] menggantikan."""
    alasan_perubahan: Annotated[InlineMarkdown | None, Penjelasan()] = Field(None, title="Alasan Perubahan Target")
    """Alasan target diubah pada revisi ini; tampil di sel penjelasan tabel IKU."""

    @classmethod
    def penjelasan_fields(cls) -> list[tuple[str, str]]:
        """(field name, label) of the parts of the penjelasan cell, in order."""
        return [(name, field.title or name) for name, field in cls.model_fields.items()
                if any(isinstance(item, Penjelasan) for item in field.metadata)]

    @classmethod
    def titled_fields(cls) -> list[tuple[str, str]]:
        """(field name, its title) of every field a reader sees named: what checks and diff go through."""
        return [(name, field.title) for name, field in cls.model_fields.items() if field.title]

    @model_validator(mode="after")
    def _same_years_before_and_after(self) -> Indikator:
        if self.target_sebelum is not None and sorted(self.target_sebelum) != sorted(self.target):
            raise PydanticCustomError(
                "tahun-target", "tahun target sebelum perubahan ({sebelum}) harus sama dengan tahun target ({setelah})",
                {"sebelum": ", ".join(sorted(self.target_sebelum)), "setelah": ", ".join(sorted(self.target)),
                 "kunci": "target_sebelum"},
            )
        return self


class Revisi(Model):
    nomor: Annotated[int, Field(ge=1)] | None = None
    """Nomor urut revisi (Perubahan ke-...)."""
    keputusan: PlainText | None = None
    """Nomor keputusan yang menetapkan revisi ini, misalnya "SK/61/V.15/I/2022"; tampil di sampul."""
    menggantikan: PlainText | None = None
    """Revisi yang diganti: berkas konten ("iku_2022.toml", relatif terhadap berkas ini) atau revisi git
    ("v2022:content/iku_2024.toml"). Target yang berlaku di sana menjadi target sebelum perubahan di sini."""


class Tabel(Model):
    kolom: list[ColumnName] | None = Field(None, min_length=1)
    """Kolom tabel IKU dan urutannya, sesudah kolom NO: sasaran, indikator, penjelasan, satuan, kondisi_awal,
    target_sebelum, target, sumber_data, penanggung_jawab. Tanpa ini: kolom tabel IKU OPD yang diisi data."""
    judul: dict[ColumnName, PlainText] = {}
    """Judul kolom yang diganti, misalnya { penjelasan = "DEFINISI OPERASIONAL/FORMULASI" }."""
    gabung: list[MergeableName] = []
    """Kolom yang selnya digabung bila sama untuk semua indikator satu sasaran: satuan, sumber_data,
    penanggung_jawab."""


class Sasaran(Model):
    nama: PlainText
    """Sasaran strategis."""
    indikator: list[Indikator] = Field(min_length=1)
    """Indikator kinerja utama dari sasaran ini, berurutan."""


class Periksa(Model):
    abaikan: list[PlainText] = []
    """Peringatan 'ikudoc check' yang sudah diketahui dan disengaja, misalnya NIP yang ditulis persis seperti
    di naskah resmi: kode peringatan ("nip-format": di mana pun), atau kode dan kunci
    ("frasa-berulang bab[1].bagian[1].isi": hanya di situ). Galat tidak bisa diabaikan."""


class Konten(Model):
    """Satu dokumen IKU OPD."""

    dokumen: Dokumen
    """Judul, revisi, periode, tempat dan tanggal penandatanganan, kertas."""
    instansi: Instansi
    """Pemerintah daerah dan perangkat daerah pemilik dokumen."""
    penandatangan: Penandatangan
    """Pejabat yang menandatangani; tampil di bawah kata pengantar dan di akhir lampiran."""
    revisi: Revisi | None = None
    """Revisi ini dan revisi yang digantikannya."""
    kata_pengantar: KataPengantar
    """Kata pengantar."""
    rpjmd: Rpjmd
    """Visi dan misi RPJMD."""
    renstra: Renstra
    """Tujuan, strategi dan kebijakan Renstra perangkat daerah."""
    organisasi: Organisasi
    """Tugas dan fungsi perangkat daerah, untuk lampiran."""
    bab: list[Bab] = Field(min_length=1)
    """Bab-bab dokumen, berurutan (BAB I, BAB II, ...)."""
    sasaran: list[Sasaran] = Field(min_length=1)
    """Sasaran strategis dengan indikatornya: sumber tabel IKU, daftar sasaran dan daftar IKU."""
    tabel: Tabel = Tabel()
    """Kolom tabel IKU: pilihan, urutan, judul dan penggabungan sel (untuk bentuk tabel instansi lain)."""
    periksa: Periksa = Periksa()
    """Aturan 'ikudoc check' untuk berkas ini: peringatan yang diabaikan."""

    def tahun_target(self) -> tuple[str, ...]:
        """The table's target years, in order: every indicator has the same ones (the loader sees to
        it), and none in an IKU without targets."""
        return tuple(sorted(self.sasaran[0].indikator[0].target))

    def indicators(self) -> Iterator[tuple[Loc, Sasaran, Indikator]]:
        """Every indicator with its sasaran and where it is written, in table order."""
        for s, sasaran in enumerate(self.sasaran):
            for i, indikator in enumerate(sasaran.indikator):
                yield ("sasaran", s, "indikator", i), sasaran, indikator
