"""The HTML is one self-contained, semantic page, printable on A4 with a landscape lampiran, and
shows the content's text literally."""

from __future__ import annotations

import re

import docx
from lxml import etree

from support.document_text import docx_blocks, html_blocks


def tree(path):
    return etree.HTML(path.read_bytes())


def test_self_contained(sample_build):
    html = sample_build["html"].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html
    assert "<style>" in html and "@page" in html


def test_semantic_outline(sample_build):
    page = tree(sample_build["html"])
    assert page.xpath("/html/@lang") == ["id"]
    assert page.xpath("//main/section/h1/text()") == [
        "BAB I PENDAHULUAN", "BAB II PENGERTIAN INDIKATOR KINERJA UTAMA", "BAB III PENETAPAN INDIKATOR KINERJA UTAMA",
        "BAB IV PENUTUP",
    ]
    assert page.xpath("//main//h2/text()")[:2] == ["1.1 Latar Belakang", "1.2 Maksud dan Tujuan"]
    assert len(page.xpath("//ol[@type='a']/li")) == 6
    assert page.xpath("//table[@class='iku']/thead/tr[1]/th[@colspan='4']/text()") == [
        "TARGET IKU PADA TAHUN (SEBELUM PERUBAHAN)", "TARGET IKU PADA TAHUN (SETELAH PERUBAHAN)",
    ]


def test_table_of_contents_links_resolve(sample_build):
    page = tree(sample_build["html"])
    links = page.xpath("//nav[@id='daftar-isi']//a/@href")
    assert len(links) == 3 + 4 + 6
    ids = set(page.xpath("//@id"))
    assert all(link.startswith("#") and link[1:] in ids for link in links)


def test_print_css_pages_a4_with_landscape_lampiran(sample_build):
    html = sample_build["html"].read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{\s*size:\s*A4 portrait", html)
    assert re.search(r"@page lampiran\s*\{\s*size:\s*A4 landscape", html)
    assert re.search(r"\.lampiran\s*\{[^}]*page:\s*lampiran", html)


def test_content_is_escaped_never_run_or_expanded(six_year_build):
    html = six_year_build["html"].read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    literal = "Dokumen uji dengan enam tahun target & teks <script>alert(1)</script> {{ x }}."
    assert literal in html_blocks(six_year_build["html"])
    assert "DINAS UJI COBA &amp; CONTOH" in html
    assert literal in docx_blocks(six_year_build["docx"])
    assert "DINAS UJI COBA & CONTOH" in docx_blocks(six_year_build["docx"])


def test_bold_and_italic_in_html(six_year_build, sample_build):
    # The space before a styled run goes inside it: WeasyPrint breaks some lines wrongly otherwise.
    assert "dengan<strong> enam</strong> tahun" in six_year_build["html"].read_text(encoding="utf-8")
    html = sample_build["html"].read_text(encoding="utf-8")
    assert ":“<strong> RAKYAT LAMPUNG BERJAYA</strong> ”." in html
    assert "yang kita sebut<em> outcome</em>." in html


def test_docx_opens_with_literal_markup_characters(six_year_build):
    document = docx.Document(str(six_year_build["docx"]))
    assert any("{{ x }}" in p.text for p in document.paragraphs)
