"""Word opens every DOCX ikudoc writes without repairing it: Microsoft's own Open XML SDK validator finds no
error, for Microsoft 365 and for Office 2010, in every kind of document (IKU, Perjanjian Kinerja), every
shape of table, both papers, with and without a filled daftar isi and an electronic signature; a document
asks Word to update its fields only when it has a daftar isi left to fill; and the shipped templates
themselves open in Word as they are."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from ikudoc.commands.build import Options, build_file
from support import FIXTURES, ROOT, SAMPLE, SAMPLE_PK, word_errors
from support.reports import REPORT, health_report
from support.shapes import shaped_content, spread

VERSIONS = ("Microsoft365", "Office2010")


def with_tte(tmp_path, source):
    path = tmp_path / source.name
    path.write_text(source.read_text(encoding="utf-8") + "\n[tte]\n", encoding="utf-8")
    return path


def with_cover_period(tmp_path, source):
    """The sample whose cover prints its period ("TAHUN 2019–2024"), as an imported cover may."""
    path = tmp_path / source.name
    text = source.read_text(encoding="utf-8")
    assert text.count("periode_sampul = false") == 1  # (the official cover names no period)
    path.write_text(text.replace("periode_sampul = false", 'periode_sampul = "Tahun"'), encoding="utf-8")
    return path


def pk_with_its_iku(tmp_path, tte: bool = False):
    (tmp_path / "iku_2024.toml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return with_tte(tmp_path, SAMPLE_PK) if tte else SAMPLE_PK


DOCUMENTS = {
    "iku": lambda tmp_path: SAMPLE,
    "iku-tte": lambda tmp_path: with_tte(tmp_path, SAMPLE),
    "iku-periode-di-sampul": lambda tmp_path: with_cover_period(tmp_path, SAMPLE),
    "iku-enam-tahun": lambda tmp_path: FIXTURES / "enam_tahun.toml",
    "iku-pemda": lambda tmp_path: FIXTURES / "pemda_lima_tahun.toml",
    "iku-tanpa-target": lambda tmp_path: FIXTURES / "tanpa_target.toml",
    "iku-kondisi-awal": lambda tmp_path: FIXTURES / "kondisi_awal.toml",
    "iku-rentang-turun": lambda tmp_path: FIXTURES / "rentang_turun.toml",
    "iku-tujuan": lambda tmp_path: FIXTURES / "tujuan_kesehatan.toml",
    "iku-penjelasan-berlabel": lambda tmp_path: FIXTURES / "pemprov_penjelasan.toml",
    "iku-dua-puluh-indikator-sepuluh-tahun": lambda tmp_path: shaped_content(tmp_path, spread(20),
                                                                             years=range(2021, 2031)),
    "pk": lambda tmp_path: pk_with_its_iku(tmp_path),
    "pk-tte": lambda tmp_path: pk_with_its_iku(tmp_path, tte=True),
    "lkjip": lambda tmp_path: REPORT,
    "lkjip-kesehatan-tte": lambda tmp_path: with_tte(tmp_path, health_report(tmp_path)),
}


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_word_finds_nothing_to_repair(document, paper, tmp_path, office):
    """On A4 the Word file with its daftar isi filled and the one left for Word to fill, for both versions
    of Word; on F4 (another page setup, other table widths) the filled one for today's Word: each run of
    the validator takes a second."""
    content = DOCUMENTS[document](tmp_path)
    built = [build_file(content, tmp_path / "terisi", Options(("docx",), kertas=paper, fill_toc=True), office)]
    if paper == "A4":
        built.append(build_file(content, tmp_path / "polos", Options(("docx",), kertas=paper)))
    for docx in (result.outputs[0] for result in built):
        for version in VERSIONS if paper == "A4" else VERSIONS[:1]:
            assert word_errors(docx, version) == [], f"{docx.parent.name}, {version}"


def settings(docx) -> bytes:
    with zipfile.ZipFile(docx) as archive:
        return archive.read("word/settings.xml")


def test_word_asks_to_update_fields_only_for_a_daftar_isi_left_to_fill(tmp_path, office):
    plain = build_file(SAMPLE, tmp_path / "polos", Options(("docx",))).outputs[0]
    filled = build_file(SAMPLE, tmp_path / "terisi", Options(("docx",), fill_toc=True), office).outputs[0]
    agreement = build_file(pk_with_its_iku(tmp_path), tmp_path / "pk", Options(("docx",))).outputs[0]
    assert b"w:updateFields" in settings(plain), "Word fills the daftar isi when the file is opened"
    assert b"w:updateFields" not in settings(filled)
    assert b"w:updateFields" not in settings(agreement), "a Perjanjian Kinerja has no field to update"


@pytest.mark.parametrize("template", ["iku.docx", "pk.docx", "lkjip.docx"])
def test_the_shipped_templates_open_in_word_as_they_are(template):
    for version in VERSIONS:
        assert word_errors(ROOT / "templates" / template, version) == []
    # What the validator does not weigh but Word repairs: a table whose rows are wider than its grid, or
    # whose {%tr %} tag rows (one cell each, removed by docxtpl) span less than the grid.
    document = etree.fromstring(zipfile.ZipFile(ROOT / "templates" / template).read("word/document.xml"))
    for table in document.iter(f"{W}tbl"):
        grid = len(table.findall(f"{W}tblGrid/{W}gridCol"))
        spans = [sum(_span(tc) for tc in row.findall(f"{W}tc")) for row in table.findall(f"{W}tr")]
        assert max(spans) == grid
        tag_rows = [row for row in table.findall(f"{W}tr") if "{%tr " in "".join(row.itertext())]
        assert all(_span(row.find(f"{W}tc")) == grid for row in tag_rows)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _span(cell) -> int:
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    return int(span.get(f"{W}val")) if span is not None else 1
