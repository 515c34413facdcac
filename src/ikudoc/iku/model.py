"""The content model of an IKU: what its content file holds, as pydantic models over the shared field
types (content.fields), and the references its texts may use ({visi}, {daftar_sasaran}).

The keys are the document's own Indonesian terms. Every description here is shown to the person
editing the file; every title names the field for a reader (in ``ikudoc diff``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..content.fields import (
    FIRST_YEAR,
    LAST_YEAR,
    Bab,
    ImagePath,
    InlineMarkdown,
    KataPengantar,
    Margin,
    Model,
    Parsed,
    Penandatangan,
    Periksa,
    Periode,
    PlainText,
    ReferencedText,
    SigningDate,
    Target,
    TargetValue,
    Tte,
    Year,
    parse_target,
)
from ..content.markup import Vocabulary
from ..content.problems import Loc

#: The columns of the IKU table, as [tabel] kolom names them (see columns.py).
ColumnName = Literal["sasaran", "indikator", "penjelasan", "makna", "alasan_pemilihan", "rumus_perhitungan", "satuan",
                     "kondisi_awal", "target_sebelum", "target", "kondisi_akhir", "sumber_data", "penanggung_jawab"]
#: The indicator fields the penjelasan cell may hold, each labelled, as [tabel] penjelasan names them.
PenjelasanPart = Literal["makna", "alasan_pemilihan", "rumus_perhitungan", "alasan_perubahan", "kumulatif",
                         "penanggung_jawab", "sumber_data"]
#: Columns whose equal cells may be merged per sasaran ([tabel] gabung), as the sasaran cell is.
MergeableName = Literal["satuan", "sumber_data", "penanggung_jawab"]

#: The references an IKU's texts may use.
REFERENCES = Vocabulary(
    inline=(
        ("visi", "visi RPJMD ([rpjmd] visi)"),
        ("misi_pilihan", "teks misi yang didukung ([rpjmd] misi_pilihan)"),
        ("tujuan", "tujuan ([renstra] tujuan)"),
    ),
    lists=(
        ("daftar_misi", "daftar misi RPJMD ([rpjmd] misi)"),
        ("daftar_tujuan", "daftar tujuan (dari [[tujuan]])"),
        ("daftar_sasaran", "daftar sasaran strategis (dari [[sasaran]])"),
        ("daftar_iku", "daftar indikator kinerja utama (dari [[sasaran.indikator]])"),
        ("daftar_strategi", "daftar strategi ([renstra] strategi)"),
        ("daftar_kebijakan", "daftar kebijakan ([renstra] kebijakan)"),
    ),
)


class Dokumen(Model):
    judul: PlainText = Field(title="Judul")
    """Judul dokumen, misalnya "Indikator Kinerja Utama OPD"."""
    singkatan: PlainText = Field(title="Singkatan")
    """Singkatan judul, misalnya "IKU OPD"."""
    perubahan: PlainText | None = Field(None, title="Label perubahan")
    """Label revisi, misalnya "Perubahan 2024"; kosongkan untuk dokumen awal."""
    periode: Periode = Field(title="Periode")
    """Periode Renstra yang dicakup."""
    periode_sampul: PlainText | Literal[False] = Field("Tahun", title="Periode di sampul")
    """Kata di depan periode pada sampul: sampul mencetak "TAHUN 2026–2030" di bawah judulnya (bawaan
    "Tahun"; misalnya "Periode"). false: sampul tanpa periode, seperti naskah resmi yang sampulnya tidak
    menyebutnya."""
    tempat: PlainText = Field(title="Tempat")
    """Tempat penandatanganan, misalnya "Bandar Lampung"."""
    tanggal: SigningDate = Field(title="Tanggal")
    """Tanggal penandatanganan: 2024-10-15, atau "2024-10" bila hanya bulan dan tahun yang dicetak."""
    lambang: ImagePath | None = Field(None, title="Lambang")
    """Berkas gambar lambang daerah (.png/.jpg) untuk sampul, relatif terhadap berkas konten ini."""
    kertas: Literal["A4", "F4"] = Field("A4", title="Kertas")
    """Ukuran kertas: "A4" (bawaan) atau "F4" (Folio, 215 x 330 mm)."""
    margin: Margin | None = Field(None, title="Margin")
    """Margin halaman dalam milimeter; tanpa ini margin templat Word dan CSS yang dipakai."""
    judul_lampiran: list[PlainText] = Field(["INDIKATOR KINERJA UTAMA (IKU)",
                                             "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH (IKU-OPD)"], min_length=1,
                                            title="Judul lampiran")
    """Baris judul di bawah "LAMPIRAN", misalnya ["INDIKATOR KINERJA UTAMA (IKU)", "INDIKATOR KINERJA UTAMA
    PEMERINTAH DAERAH"]; tanpa ini, judul IKU OPD."""


class Instansi(Model):
    pemerintah: PlainText = Field(title="Pemerintah")
    """Pemerintah daerah, misalnya "Pemerintah Provinsi Lampung"."""
    nama: PlainText = Field(title="Nama instansi")
    """Nama lengkap perangkat daerah, seperti di sampul. Untuk IKU pemerintah daerah sama dengan pemerintah:
    sampul lalu mencetaknya sekali."""
    nama_singkat: PlainText = Field(title="Nama singkat instansi")
    """Nama singkat perangkat daerah, seperti di lampiran ("Dinas Koperasi dan UKM Provinsi Lampung")."""


class Rpjmd(Model):
    visi: ReferencedText = Field(title="Visi")
    """Visi RPJMD; dirujuk dalam teks dengan {visi}."""
    misi: list[ReferencedText] = Field(min_length=1, title="Misi")
    """Misi RPJMD, berurutan; ditampilkan dengan {daftar_misi}."""
    misi_pilihan: int | None = Field(None, title="Misi yang didukung")
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
    tujuan: ReferencedText = Field(title="Tujuan")
    """Tujuan perangkat daerah; dirujuk dalam teks dengan {tujuan}."""
    strategi: list[InlineMarkdown] = Field(min_length=1, title="Strategi")
    """Strategi; ditampilkan dengan {daftar_strategi}."""
    kebijakan: list[InlineMarkdown] = Field(min_length=1, title="Kebijakan")
    """Arah kebijakan; ditampilkan dengan {daftar_kebijakan}."""


class Organisasi(Model):
    tugas: list[InlineMarkdown] = Field(min_length=1, title="Tugas")
    """Tugas perangkat daerah, seperti dalam lampiran."""
    fungsi: list[InlineMarkdown] = Field(min_length=1, title="Fungsi")
    """Fungsi perangkat daerah, seperti dalam lampiran."""


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
    return KondisiAwal(value["tahun"], parse_target(value["nilai"]))


KondisiAwalValue = Annotated[
    KondisiAwal,
    Parsed(_kondisi_awal, {"type": "object", "additionalProperties": False, "required": ["tahun", "nilai"],
                           "properties": {
        "tahun": {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR, "description": "Tahun kondisi awal."},
        "nilai": {"anyOf": [{"type": "number"},
                            {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
                            {"type": "string", "minLength": 1}],
                  "description": "Nilai kondisi awal: angka (9.55), rentang ([143.33, 139.83]) atau teks "
                                 "(\"N/A\")."}}}),
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
    satuan: PlainText | None = Field(None, title="Satuan")
    """Satuan, misalnya "%"; boleh tidak ditulis bila satuannya sudah di nama indikator (tabel tanpa kolom
    SATUAN)."""
    arah: Literal["naik", "turun"] = Field("naik", title="Arah")
    """Arah yang lebih baik: "naik" (bawaan; makin tinggi makin baik) atau "turun" (indeks risiko, angka
    kematian, prevalensi stunting: makin rendah makin baik)."""
    sumber_data: PlainText | None = Field(None, title="Sumber Data")
    """Sumber data."""
    penanggung_jawab: PlainText | None = Field(None, title="Penanggung Jawab")
    """Unit penanggung jawab, misalnya "BAKESBANGPOL" atau "DINKES, RSUD"."""
    kondisi_awal: KondisiAwalValue | None = Field(None, title="Kondisi Awal")
    """Kondisi awal (baseline): { tahun = 2024, nilai = 9.55 }; nilainya boleh rentang seperti target."""
    kondisi_akhir: TargetValue | None = Field(None, title="Kondisi Akhir Periode")
    """Kondisi kinerja pada akhir periode (RPJMD atau Renstra): angka (75.2), rentang ([120.5, 118.0]) atau
    teks; kolom KONDISI AKHIR PERIODE."""
    kumulatif: bool | None = Field(None, title="Kumulatif")
    """Target dihitung kumulatif (tidak boleh turun dari tahun ke tahun, atau naik bila arah = "turun"); tanpa
    ini, nama yang memuat "(Akumulasi)" dianggap kumulatif. Di sel penjelasan ([tabel] penjelasan) tampil
    "Tipe Perhitungan : Kumulatif" atau "Non Kumulatif"."""
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

    def is_cumulative(self) -> bool | None:
        """Whether the targets accumulate: as ``kumulatif`` says, else True when the name says so
        ("(Akumulasi)"), else None (not said: checked and shown as not cumulative)."""
        if self.kumulatif is not None:
            return self.kumulatif
        return True if re.search(r"akumulasi|kumulatif", self.nama, re.IGNORECASE) else None

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
    nomor: Annotated[int, Field(ge=1)] | None = Field(None, title="Nomor revisi")
    """Nomor urut revisi (Perubahan ke-...)."""
    keputusan: PlainText | None = Field(None, title="Keputusan")
    """Nomor keputusan yang menetapkan revisi ini, misalnya "SK/61/V.15/I/2022"; tampil di sampul."""
    menggantikan: PlainText | None = Field(None, title="Menggantikan")
    """Revisi yang diganti: berkas konten ("iku_2022.toml", relatif terhadap berkas ini) atau revisi git
    ("v2022:content/iku_2024.toml"). Target yang berlaku di sana menjadi target sebelum perubahan di sini."""


class Tabel(Model):
    kolom: list[ColumnName] | None = Field(None, min_length=1)
    """Kolom tabel IKU dan urutannya, sesudah kolom NO: sasaran, indikator, penjelasan, makna,
    alasan_pemilihan, rumus_perhitungan, satuan, kondisi_awal, target_sebelum, target, kondisi_akhir,
    sumber_data, penanggung_jawab. Tanpa ini: kolom tabel IKU OPD yang diisi data. Tanpa "sasaran": daftar
    indikator bernomor."""
    judul: dict[ColumnName, PlainText] = {}
    """Judul kolom yang diganti, misalnya { penjelasan = "DEFINISI OPERASIONAL/FORMULASI" }."""
    penjelasan: list[PenjelasanPart] | None = Field(None, min_length=1)
    """Isi sel penjelasan, berurutan, masing-masing dengan labelnya: makna, alasan_pemilihan,
    rumus_perhitungan, alasan_perubahan, kumulatif ("Tipe Perhitungan : Kumulatif / Non Kumulatif"),
    penanggung_jawab, sumber_data. Tanpa ini: makna, alasan pemilihan, rumus perhitungan dan alasan
    perubahan yang tidak punya kolom sendiri."""
    gabung: list[MergeableName] = []
    """Kolom yang selnya digabung bila sama untuk semua indikator satu sasaran: satuan, sumber_data,
    penanggung_jawab."""


class Tujuan(Model):
    nama: PlainText
    """Tujuan; tabel mencetaknya di kolom TUJUAN/SASARAN, di atas sasarannya."""
    indikator: list[Indikator] = []
    """Indikator tujuan ini, bila ada (misalnya Umur Harapan Hidup), dengan isian yang sama dengan indikator
    sasaran; tanpa ini baris tujuan hanya memuat namanya."""


class Sasaran(Model):
    nama: PlainText
    """Sasaran strategis."""
    tujuan: PlainText | None = None
    """Tujuan yang didukung sasaran ini: nama salah satu [[tujuan]]. Bila hanya ada satu tujuan, boleh tidak
    ditulis."""
    indikator: list[Indikator] = Field(min_length=1)
    """Indikator kinerja utama dari sasaran ini, berurutan."""


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
    tujuan: list[Tujuan] = []
    """Tujuan di atas sasaran, bila tabel mencetaknya (kolom TUJUAN/SASARAN); daftarnya {daftar_tujuan}."""
    sasaran: list[Sasaran] = Field(min_length=1)
    """Sasaran strategis dengan indikatornya: sumber tabel IKU, daftar sasaran dan daftar IKU."""
    tabel: Tabel = Tabel()
    """Kolom tabel IKU: pilihan, urutan, judul dan penggabungan sel (untuk bentuk tabel instansi lain)."""
    tte: Tte | None = None
    """Tanda tangan elektronik: catatan kaki TTE di setiap halaman dan jangkar kode QR di blok tanda tangan."""
    periksa: Periksa = Periksa()
    """Aturan 'ikudoc check' untuk berkas ini: peringatan yang diabaikan."""

    def tahun_target(self) -> tuple[str, ...]:
        """The table's target years, in order: every indicator has the same ones (the loader sees to
        it), and none in an IKU without targets."""
        return tuple(sorted(next(self.indicators())[2].target))

    def tujuan_of(self, sasaran: Sasaran) -> int | None:
        """The index of the tujuan ``sasaran`` falls under: the one it names, the only one, or None (no
        tujuan, or one the loader reports as unknown)."""
        names = [tujuan.nama for tujuan in self.tujuan]
        if sasaran.tujuan is None:
            return 0 if len(names) == 1 else None
        return names.index(sasaran.tujuan) if sasaran.tujuan in names else None

    def groups(self) -> list[tuple[Loc, Tujuan | Sasaran]]:
        """The table's groups of rows in order, with where each is written: each tujuan followed by its
        sasaran (in the file's order), or the sasaran when there is no tujuan; a sasaran under no known
        tujuan last."""
        if not self.tujuan:
            return [(("sasaran", s), sasaran) for s, sasaran in enumerate(self.sasaran)]
        under = [self.tujuan_of(sasaran) for sasaran in self.sasaran]
        groups: list[tuple[Loc, Tujuan | Sasaran]] = []
        for t, tujuan in enumerate(self.tujuan):
            groups.append((("tujuan", t), tujuan))
            groups += [(("sasaran", s), sasaran) for s, sasaran in enumerate(self.sasaran) if under[s] == t]
        return groups + [(("sasaran", s), sasaran) for s, sasaran in enumerate(self.sasaran) if under[s] is None]

    def indicators(self) -> Iterator[tuple[Loc, Tujuan | Sasaran, Indikator]]:
        """Every indicator with its sasaran (or tujuan) and where it is written, in table order."""
        for loc, group in self.groups():
            for i, indikator in enumerate(group.indikator):
                yield (*loc, "indikator", i), group, indikator
