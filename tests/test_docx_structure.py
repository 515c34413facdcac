"""The Word file is a real Word document: outline, daftar isi field, page numbering, sections,
lists that restart, a table that repeats its header, and a look that comes from the template."""

from __future__ import annotations

import datetime
import zipfile

import docx
from lxml import etree

from support.table_grid import iku_table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(path, name) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def attr(element, name):
    return element.get(f"{{{W}}}{name}")


def paragraphs_with_style(path, style_name):
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == style_name]


def test_chapters_are_heading_1_and_sections_heading_2(sample_build):
    assert paragraphs_with_style(sample_build["docx"], "Heading 1") == [
        "KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "BAB II PENGERTIAN INDIKATOR KINERJA UTAMA",
        "BAB III PENETAPAN INDIKATOR KINERJA UTAMA", "BAB IV PENUTUP", "LAMPIRAN",
    ]
    assert paragraphs_with_style(sample_build["docx"], "Heading 2") == [
        "1.1 Latar Belakang", "1.2 Maksud dan Tujuan", "2.1 PENGERTIAN INDIKATOR KINERJA UTAMA",
        "2.2 VISI DAN MISI", "2.3 TUJUAN DAN SASARAN", "2.4 STRATEGI DAN KEBIJAKAN",
    ]


def test_daftar_isi_is_a_toc_field_over_the_headings_updated_on_open(sample_build):
    document = part(sample_build["docx"], "word/document.xml")
    instructions = "".join(document.xpath("//w:instrText/text()", namespaces=NS))
    assert 'TOC \\o "1-2"' in instructions
    settings = part(sample_build["docx"], "word/settings.xml")
    assert attr(settings.find("w:updateFields", NS), "val") == "true"
    # Until Word updates it, the field shows the headings (without page numbers).
    entries = paragraphs_with_style(sample_build["docx"], "toc 1") + paragraphs_with_style(sample_build["docx"], "toc 2")
    assert "BAB III PENETAPAN INDIKATOR KINERJA UTAMA\t" in entries and "2.4 STRATEGI DAN KEBIJAKAN\t" in entries


def sections(path):
    return part(path, "word/document.xml").xpath("//w:sectPr", namespaces=NS)


def test_cover_front_matter_body_and_landscape_lampiran_are_sections(sample_build):
    cover, front, body, lampiran = sections(sample_build["docx"])
    assert cover.find("w:pgNumType", NS) is None
    numbering = front.find("w:pgNumType", NS)
    assert (attr(numbering, "fmt"), attr(numbering, "start")) == ("lowerRoman", "1")
    numbering = body.find("w:pgNumType", NS)
    assert (attr(numbering, "fmt"), attr(numbering, "start")) == ("decimal", "1")
    for portrait in (cover, front, body):
        size = portrait.find("w:pgSz", NS)
        assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
    size = lampiran.find("w:pgSz", NS)
    assert (attr(size, "w"), attr(size, "h"), attr(size, "orient")) == ("16838", "11906", "landscape")


def test_page_number_footer_is_not_on_the_cover(sample_build):
    path = sample_build["docx"]
    cover, *numbered = sections(path)
    rels = {rel.rId: rel.target_part for rel in docx.Document(str(path)).part.rels.values()}
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

    def footer_xml(section):
        return rels[section.find("w:footerReference", NS).get(R)].blob.decode()

    assert "PAGE" not in footer_xml(cover)
    assert all("PAGE" in footer_xml(section) for section in numbered)


def list_paragraphs(path):
    """(text, numId, numFmt) of every numbered paragraph of the body."""
    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    abstract = {n.numId: n.abstractNumId.val for n in numbering.num_lst}
    formats = {
        int(attr(a, "abstractNumId")): attr(a.find("w:lvl/w:numFmt", NS), "val")
        for a in numbering.findall("w:abstractNum", NS)
    }
    found = []
    for paragraph in document.paragraphs:
        num_id = paragraph._p.find("w:pPr/w:numPr/w:numId", NS)
        if num_id is not None:
            value = int(attr(num_id, "val"))
            found.append((paragraph.text, value, formats[abstract[value]]))
    return found


def test_every_list_is_a_real_word_list_restarting_at_one(sample_build):
    path = sample_build["docx"]
    items = list_paragraphs(path)
    numbering = docx.Document(str(path)).part.numbering_part.element
    by_text = {text: (num_id, fmt) for text, num_id, fmt in items}
    assert by_text["Perencanaan Jangka Menengah"][1] == "lowerLetter"
    assert by_text["Misi-1: Menciptakan kehidupan yang religius (agamis), berbudaya, aman dan damai."][1] == "decimal"
    lists = {}
    for text, num_id, _ in items:
        lists.setdefault(num_id, []).append(text)
    # BAB I's two aims, the six letters, six misi, two sasaran, five strategi, seven kebijakan,
    # two IKU, one tugas and nineteen fungsi: nine lists, each its own numbering instance.
    assert sorted(len(texts) for texts in lists.values()) == [1, 2, 2, 2, 5, 6, 6, 7, 19]
    for num_id in lists:
        num = next(n for n in numbering.num_lst if n.numId == num_id)
        assert num.xpath("w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_iku_table_header_repeats_and_rows_do_not_split(sample_build):
    rows = iku_table(sample_build["docx"]).findall("w:tr", NS)
    header, data = rows[:2], rows[2:-1]
    assert all(row.find("w:trPr/w:tblHeader", NS) is not None for row in header)
    assert len(data) == 2
    assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in data)


def test_lampiran_signature_is_the_tables_last_row_kept_with_the_row_it_signs(sample_build):
    """LibreOffice keeps a table with the paragraph after it only by moving the table's whole last page;
    a signature row is kept with the row before it, as Word does too."""
    rows = iku_table(sample_build["docx"]).findall("w:tr", NS)
    last_data, signature = rows[-2], rows[-1]
    cell = signature.find("w:tc", NS)
    assert len(signature.findall("w:tc", NS)) == 1 and attr(cell.find("w:tcPr/w:gridSpan", NS), "val") == "14"
    assert [attr(b, "val") for b in cell.find("w:tcPr/w:tcBorders", NS)] == ["nil", "nil", "nil"]
    assert "".join(cell.xpath(".//w:t/text()")).startswith("Bandar Lampung, Oktober 2024KEPALA DINAS,")
    assert signature.find("w:trPr/w:cantSplit", NS) is not None
    assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in last_data.iter(f"{{{W}}}p"))
    assert all(p.find("w:pPr/w:keepNext", NS) is None for p in rows[-3].iter(f"{{{W}}}p"))


def test_target_headers_span_their_years_and_grid_matches_cells(sample_build):
    table = iku_table(sample_build["docx"])
    first_header = table.find("w:tr", NS)
    spans = {
        "".join(tc.xpath(".//w:t/text()")): tc.find("w:tcPr/w:gridSpan", NS)
        for tc in first_header.findall("w:tc", NS)
    }
    assert attr(spans["TARGET IKU PADA TAHUN (SEBELUM PERUBAHAN)"], "val") == "4"
    assert attr(spans["TARGET IKU PADA TAHUN (SETELAH PERUBAHAN)"], "val") == "4"
    columns = table.findall("w:tblGrid/w:gridCol", NS)
    assert len(columns) == 4 + 4 + 4 + 2
    assert sum(int(attr(c, "w")) for c in columns) == int(attr(table.find("w:tblPr/w:tblW", NS), "w"))


def test_table_cell_properties_follow_the_schema_order(sample_build):
    order = ["tcW", "gridSpan", "vMerge", "tcBorders", "shd", "vAlign"]
    for tc_pr in iku_table(sample_build["docx"]).iter(f"{{{W}}}tcPr"):
        names = [etree.QName(child).localname for child in tc_pr]
        assert names == sorted(names, key=order.index)


def test_penjelasan_cell_labels_makna_alasan_and_rumus(sample_build):
    cell = iku_table(sample_build["docx"]).findall("w:tr", NS)[2].findall("w:tc", NS)[3]
    assert ["".join(p.xpath(".//w:t/text()")).split(" :")[0] for p in cell.findall("w:p", NS)] == ["Makna Indikator", "Alasan Pemilihan", "Rumus Perhitungan"]


def test_bold_and_italic_use_the_templates_character_styles(sample_build):
    document = docx.Document(str(sample_build["docx"]))
    runs = {run.text: run.style.name for p in document.paragraphs for run in p.runs}
    assert runs["RAKYAT LAMPUNG BERJAYA"] == "Strong"
    assert runs["outcome"] == "Emphasis"
    assert runs["good governance"] == "Emphasis"


def test_no_direct_font_formatting_in_the_body(sample_build):
    """Fonts and sizes come from the template's styles only, so changing a style in Word changes every build."""
    document = part(sample_build["docx"], "word/document.xml")
    assert document.xpath("//w:body//w:r/w:rPr/w:rFonts | //w:body//w:r/w:rPr/w:sz", namespaces=NS) == []


def test_document_properties_come_from_the_content(sample_build):
    props = docx.Document(str(sample_build["docx"])).core_properties
    assert props.title == "Indikator Kinerja Utama OPD (IKU OPD) Perubahan 2024 – Dinas Koperasi dan UKM Provinsi Lampung"
    assert props.author == "Dinas Koperasi dan UKM Provinsi Lampung"
    assert props.language == "id-ID"
    assert props.created == props.modified == datetime.datetime(2024, 10, 1, tzinfo=datetime.timezone.utc)


def test_building_twice_gives_identical_bytes(tmp_path, sample_build):
    from conftest import SAMPLE
    from ikudoc.commands.build import Options, build_file

    again = build_file(SAMPLE, tmp_path, Options(("docx", "html")))
    for output in again.outputs:
        assert output.read_bytes() == sample_build[output.suffix[1:]].read_bytes()
