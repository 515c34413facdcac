"""Nothing about the table's shape is fixed: six years, no revision, several indicators under one
sasaran, text targets and a cover emblem all render without touching a template."""

from __future__ import annotations

import zipfile

import docx
from lxml import etree

from support import docx_to_pdf
from support.document_text import html_blocks, normalise
from support.pdf_pages import page_texts
from support.table_grid import iku_table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
YEARS = ["2025", "2026", "2027", "2028", "2029", "2030"]


def cell_text(tc) -> str:
    return "".join(tc.xpath(".//w:t/text()"))


def table_rows(path):
    """The IKU table's rows: two header rows, the data rows, and the signature row."""
    return iku_table(path).findall("w:tr", NS)


def test_header_spans_six_years_and_has_no_revision_columns(six_year_build):
    header, years = table_rows(six_year_build["docx"])[:2]
    texts = [cell_text(tc) for tc in header.findall("w:tc", NS)]
    assert texts == ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA",
                     "PENJELASAN (MAKNA INDIKATOR, ALASAN PEMILIHAN INDIKATOR, CARA PERHITUNGAN)",
                     "TARGET IKU PADA TAHUN", "SAT.", "SUMBER DATA"]
    span = header.findall("w:tc", NS)[4].find("w:tcPr/w:gridSpan", NS)
    assert span.get(f"{{{W}}}val") == "6"
    assert [cell_text(tc) for tc in years.findall("w:tc", NS)][4:10] == YEARS


def test_five_indicators_two_under_one_merged_sasaran(six_year_build):
    data = table_rows(six_year_build["docx"])[2:-1]
    assert len(data) == 5
    sasaran_cells = [row.findall("w:tc", NS)[1] for row in data]
    merges = [cell.find("w:tcPr/w:vMerge", NS) for cell in sasaran_cells]
    values = [m.get(f"{{{W}}}val") if m is not None else None for m in merges]
    assert values == [None, "restart", "continue", None, None]  # a sasaran of one row is a plain cell
    assert cell_text(sasaran_cells[1]) == "Sasaran Kedua Dengan Dua Indikator"
    assert cell_text(sasaran_cells[2]) == ""
    assert [cell_text(row.findall("w:tc", NS)[0]) for row in data] == ["1.", "2.", "3.", "4.", "5."]


def test_targets_are_formatted_the_indonesian_way_and_text_targets_kept(six_year_build):
    data = table_rows(six_year_build["docx"])[2:-1]
    targets = [[cell_text(tc) for tc in row.findall("w:tc", NS)[4:10]] for row in data]
    assert targets[0] == ["10,00", "20,50", "30,00", "40,00", "50,00", "1.234,50"]  # desimal = 2
    assert targets[1] == ["N/A", "2,5", "2,75", "3", "3,25", "3,5"]
    assert targets[2][0] == "-"
    assert targets[3] == ["1", "2,0", "7,20", "7,08", "37,5", "1.000"]  # as typed: 7.20 keeps its zero


def test_grid_has_one_column_per_cell(six_year_build):
    table = iku_table(six_year_build["docx"])
    assert len(table.findall("w:tblGrid/w:gridCol", NS)) == 4 + 6 + 2


def test_html_table_uses_colspan_and_rowspan(six_year_build):
    html = etree.HTML(six_year_build["html"].read_bytes())
    header = html.xpath("//table[@class='iku']/thead/tr[1]/th")
    assert [th.get("colspan") for th in header if "TARGET" in th.text] == ["6"]
    assert html.xpath("//table[@class='iku']/thead/tr[2]/th/text()") == YEARS
    sasaran = html.xpath("//td[@class='sasaran']")
    assert [(td.text, td.get("rowspan")) for td in sasaran] == [
        ("Sasaran Pertama", None), ("Sasaran Kedua Dengan Dua Indikator", "2"), ("Sasaran Ketiga", None),
        ("Sasaran Keempat", None),
    ]
    assert len(html.xpath("//table[@class='iku']/tbody/tr")) == 5


def test_lists_derived_from_the_table(six_year_build):
    text = " ".join(html_blocks(six_year_build["html"]))
    assert "Sasaran yang ingin dicapai: Sasaran Pertama Sasaran Kedua Dengan Dua Indikator Sasaran Ketiga" in text
    assert "Indikator Satu Indikator Dua Indikator Tiga Indikator Empat Indikator Lima" in text


def test_cover_shows_the_emblem(six_year_build):
    with zipfile.ZipFile(six_year_build["docx"]) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
    first_section = docx.Document(str(six_year_build["docx"])).element.body
    drawings = first_section.xpath("./w:p[following-sibling::w:p/w:pPr/w:sectPr]//w:drawing")
    assert drawings, "the emblem sits on the cover"
    assert 'src="data:image/png;base64,' in six_year_build["html"].read_text(encoding="utf-8")


def test_libreoffice_prints_the_six_year_table(six_year_build, tmp_path):
    pdf = docx_to_pdf(six_year_build["docx"], tmp_path)
    text = normalise(" ".join(page_texts(pdf)))
    assert "TARGET IKU PADA TAHUN" in text and "SEBELUM" not in text
    assert all(year in text for year in YEARS)
    assert "N/A" in text and "1.234,50" in text
