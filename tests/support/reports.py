"""Laporan Kinerja fixture projects: the sample report's texts and rules over an IKU of another agency,
with the realisasi and budgets a test gives. The IKU is a Dinas Kesehatan's as published: five years of a
period, indicators higher and lower is better, a text target, years without data ("N/A")."""

from __future__ import annotations

from pathlib import Path

from support import ROOT, SAMPLE
from support.content_variants import filled
from support.shapes import TYPED_SASARAN

REPORT = ROOT / "content" / "lkjip_2024.toml"

#: (sasaran, [(indicator, satuan, arah, {year: target}), ...]) of the health agency's IKU, 2020–2024.
HEALTH_IKU = (
    ("Meningkatnya Derajat Kesehatan Masyarakat", (
        ("Umur Harapan Hidup", "Tahun", "naik",
         {2020: "70.50", 2021: "70.60", 2022: "70.70", 2023: "70.80", 2024: "70.93"}),
        ("Prevalensi Stunting pada Balita", "%", "turun",
         {2020: "26.00", 2021: "24.50", 2022: "23.00", 2023: "21.50", 2024: "20.10"}),
    )),
    ("Meningkatnya Mutu Pelayanan Kesehatan", (
        ("Persentase Fasilitas Kesehatan Terakreditasi", "%", "naik",
         {2020: '"N/A"', 2021: "60", 2022: "70", 2023: "80", 2024: "90"}),
        ("Angka Kematian Ibu", "per 100.000 KH", "turun",
         {2020: "110", 2021: "105", 2022: "100", 2023: "95", 2024: "90"}),
        ("Opini BPK atas Laporan Keuangan Dinas", "Opini", "naik",
         {2020: '"WTP"', 2021: '"WTP"', 2022: '"WTP"', 2023: '"WTP"', 2024: '"WTP"'}),
    )),
)

#: Each indicator's realisasi, 2020–2024, as the agency reports them.
HEALTH_REALISASI = {
    "Umur Harapan Hidup": {2020: "70.65", 2021: "70.72", 2022: "73.67", 2023: "73.93", 2024: "74.13"},
    "Prevalensi Stunting pada Balita": {2020: "27.00", 2021: "24.00", 2022: '"N/A"', 2023: "21.00", 2024: "17.60"},
    "Persentase Fasilitas Kesehatan Terakreditasi": {2020: '"N/A"', 2021: "58", 2022: "72", 2023: "79.5",
                                                     2024: "91.2"},
    "Angka Kematian Ibu": {2020: "112", 2021: "101", 2022: "99", 2023: "96", 2024: "98"},
    "Opini BPK atas Laporan Keuangan Dinas": {2020: '"WTP"', 2021: '"WTP"', 2022: '"WDP"', 2023: '"WTP"',
                                              2024: '"WTP"'},
}

#: The programs, with anggaran and realisasi (no PK: the report gives both).
HEALTH_PROGRAMS = (
    ("Program Pemenuhan Upaya Kesehatan Perorangan dan Masyarakat", 2_150_000_000, 2_043_250_000),
    ("Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", 333_333_333, 111_111_111),
)


def health_iku(folder: Path, paper: str = "A4") -> Path:
    """The health agency's IKU (the sample's front matter and chapters) as ``iku_kesehatan.toml``."""
    sample = SAMPLE.read_text(encoding="utf-8")
    front = sample[:sample.index("[[sasaran]]")]
    front = front.replace("periode = { awal = 2019, akhir = 2024 }", "periode = { awal = 2020, akhir = 2024 }")
    front = front.replace('tempat = "Bandar Lampung"', f'tempat = "Bandar Lampung"\nkertas = "{paper}"')
    front = front.replace('perubahan = "Perubahan 2024"\n', "")
    front = front.replace(TYPED_SASARAN, "{daftar_sasaran}\n")
    table = ""
    for sasaran, indicators in HEALTH_IKU:
        table += f'[[sasaran]]\nnama = "{sasaran}"\n'
        for name, unit, arah, targets in indicators:
            table += (f'\n[[sasaran.indikator]]\nnama = "{name}"\nmakna = "Makna {name}."\n'
                      f'alasan_pemilihan = "Alasan {name}."\nrumus_perhitungan = "Rumus {name}."\n'
                      f'satuan = "{unit}"\narah = "{arah}"\nsumber_data = "Dinas Kesehatan"\n\n'
                      "[sasaran.indikator.target]\n" + "".join(f"{y} = {v}\n" for y, v in targets.items()))
        table += "\n"
    path = folder / "iku_kesehatan.toml"
    path.write_text(front + table, encoding="utf-8")
    return path


def report_text(iku: str = "iku_kesehatan.toml", realisasi: dict | None = None,
                programs=HEALTH_PROGRAMS, laporan: str = "", standar: dict | None = None) -> str:
    """The sample report, filled in, over ``iku`` without a PK: its [[capaian]] from ``realisasi`` (by
    indicator) with a ``standar`` nasional where given, its [[anggaran]] from ``programs``, ``laporan``
    lines added to [laporan]."""
    sample = filled(REPORT.read_text(encoding="utf-8"))
    front = sample[:sample.index("[[capaian]]")]
    front = front.replace('iku = "iku_2024.toml"', f'iku = "{iku}"').replace('pk = "pk_2024.toml"', laporan)
    body = ""
    for name, years in (HEALTH_REALISASI if realisasi is None else realisasi).items():
        written = ", ".join(f"{year} = {value}" for year, value in years.items())
        national = f"standar_nasional = {standar[name]}\n" if standar and name in standar else ""
        body += (f'[[capaian]]\nindikator = "{name}"\nrealisasi = {{ {written} }}\n{national}'
                 f'analisis = """\nAnalisis capaian {name}: penyebab, solusi dan program pendukungnya.\n"""\n\n')
    for name, budget, spent in programs:
        body += f'[[anggaran]]\nprogram = "{name}"\nanggaran = {budget}\nrealisasi = {spent}\n\n'
    return front + body


def health_report(folder: Path, paper: str = "A4", **options) -> Path:
    """The health agency's IKU and its LKjIP 2024 in ``folder``; the report's path."""
    health_iku(folder, paper)
    path = folder / "lkjip_2024.toml"
    path.write_text(report_text(**options), encoding="utf-8")
    return path
