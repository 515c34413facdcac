"""Content files of other shapes than the sample: any number of indicators grouped under sasaran, any
number of target years, with or without a revision, short or long penjelasan texts. The front matter
and chapters are the sample's; only the IKU table differs."""

from __future__ import annotations

from pathlib import Path

from support import SAMPLE

LONG_SENTENCE = ("Indikator ini mengukur capaian program secara berjenjang dari tingkat provinsi sampai "
                 "kabupaten dan kota, dengan verifikasi lapangan setiap triwulan oleh tim teknis dinas. ")


def sasaran_name(number: int) -> str:
    return f"Sasaran Uji {number:02d} Meningkatnya Mutu Layanan Daerah"


def indicator_name(sasaran: int, number: int) -> str:
    return f"Indikator Uji {sasaran:02d}-{number:02d} Persentase Capaian Layanan"


def _targets(years: range, offset: float) -> str:
    return "\n".join(f"{year} = {offset + index * 1.25:.2f}" for index, year in enumerate(years))


def _indicator(sasaran: int, number: int, years: range, revision: bool, sentences: int) -> str:
    penjelasan = (LONG_SENTENCE * sentences).strip()
    block = f'''
[[sasaran.indikator]]
nama = "{indicator_name(sasaran, number)}"
makna = "Makna indikator {sasaran}-{number}. {penjelasan}"
alasan_pemilihan = "Alasan pemilihan {sasaran}-{number}. {penjelasan}"
rumus_perhitungan = "Jumlah capaian dibagi jumlah sasaran dikali 100 persen."
satuan = "%"
sumber_data = "Dinas Uji Provinsi"
'''
    if revision:
        block += f"\n[sasaran.indikator.target_sebelum]\n{_targets(years, 10 + number)}\n"
    return block + f"\n[sasaran.indikator.target]\n{_targets(years, 11 + number)}\n"


FOREWORD_END = "atas perhatiannya diucapkan terimakasih.\n"
FOREWORD_PARAGRAPH = ("Kalimat tambahan kata pengantar yang cukup panjang untuk mengisi halaman pertama dokumen ini "
                      "dengan baik.")


TYPED_SASARAN = "1. Meningkatnya Koperasi Yang Berkualitas\n2. Meningkatnya Usaha Kecil Yang Menjadi Wirausaha\n"


def shaped_content(folder: Path, groups: list[int], years: range = range(2021, 2025), revision: bool = True,
                   sentences: int = 1, paper: str = "A4", foreword: int = 0, name: str = "bentuk.toml") -> Path:
    """A content file whose table has ``len(groups)`` sasaran, the n-th with ``groups[n]`` indicators,
    targets for ``years`` (and "sebelum" targets when ``revision``), and penjelasan texts of
    ``sentences`` long sentences each; the kata pengantar longer by ``foreword`` paragraphs."""
    sample = SAMPLE.read_text(encoding="utf-8")
    front = sample[:sample.index("[[sasaran]]")]
    front = front.replace(FOREWORD_END, FOREWORD_END + f"\n{FOREWORD_PARAGRAPH}\n" * foreword)
    front = front.replace("periode = { awal = 2019, akhir = 2024 }",
                          f"periode = {{ awal = {years.start}, akhir = {years.stop - 1} }}")
    front = front.replace('tempat = "Bandar Lampung"', f'tempat = "Bandar Lampung"\nkertas = "{paper}"')
    front = front.replace(TYPED_SASARAN, "{daftar_sasaran}\n")  # the sample's typed list names its own sasaran
    if not revision:
        front = front.replace('perubahan = "Perubahan 2024"\n', "")
    table = ""
    for s, count in enumerate(groups, 1):
        table += f'[[sasaran]]\nnama = "{sasaran_name(s)}"\n'
        table += "".join(_indicator(s, i, years, revision, sentences) for i in range(1, count + 1)) + "\n"
    path = folder / name
    path.write_text(front + table, encoding="utf-8")
    return path


def spread(indicators: int) -> list[int]:
    """``indicators`` grouped 1, 2, 3, 1, 2, 3 ... under consecutive sasaran (merged cells of every size)."""
    groups, left, size = [], indicators, 1
    while left:
        groups.append(min(size, left))
        left -= groups[-1]
        size = size % 3 + 1
    return groups
