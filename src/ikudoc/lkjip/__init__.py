"""The Laporan Kinerja Instansi Pemerintah (LKjIP): the yearly performance report (PermenPANRB 53/2014),
what was achieved against what was agreed, from a content file recognised by its [laporan] table; its
indicators, targets and programs come from the IKU and the year's Perjanjian Kinerja, its realisasi and
analysis from the agency. Declared here as a document kind; its modules are imported only for a report."""

from pathlib import Path

from ..documents import DocumentKind, Example, Hook

KIND = DocumentKind(
    key="lkjip",
    label="Laporan Kinerja",
    short="LKjIP",
    marker="laporan",
    load=Hook(f"{__name__}.loader", "load_laporan"),
    check=Hook(f"{__name__}.checks", "check_laporan"),
    context=Hook(f"{__name__}.context", "build_laporan_context"),
    word_template="lkjip.docx",
    page_template="lkjip.html.j2",
    schema_name="laporan.schema.json",
    schema_title="Konten Laporan Kinerja (ikudoc)",
    model=Hook(f"{__name__}.model", "KontenLaporan"),
    compare=Hook(f"{__name__}.diff", "compare_laporan"),
    next_year=Hook(f"{__name__}.scaffold", "new_report"),
    latest=Hook(f"{__name__}.scaffold", "latest_report"),
    examples=(Example("opd", "lkjip_2026.toml", Path(__file__).parents[1] / "contoh" / "lkjip.toml"),),
)
