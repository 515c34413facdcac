"""The OOXML repairs and layout steps of the Word writer, each on a small fragment: what goes in,
and the XML that must come out, compared structurally (canonical XML, not bytes)."""

from __future__ import annotations

from docx.oxml import parse_xml

from ikudoc.render.docx.layout import (
    body_rows,
    fit_table_grid,
    keep_signatures_with_what_they_sign,
    number_toc,
    paginate_rows,
    remove_empty_runs,
    restart_lists,
    scale_table_type,
)
from ikudoc.render.page_setup import Margins, PageSetup, apply_to_docx
from support import canonical

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def xml(text: str):
    """An element from OOXML written without its namespace declaration."""
    return parse_xml(text.replace("<w:body>", f"<w:body {W}>", 1).replace("<w:styles>", f"<w:styles {W}>", 1)
                     .replace("<w:numbering>", f"<w:numbering {W}>", 1).replace("<w:settings>", f"<w:settings {W}>", 1))


def same(element, expected: str) -> bool:
    from lxml import etree

    return canonical(etree.tostring(element)) == canonical(etree.tostring(xml(expected)))


def p(style: str | None = None, text: str = "", keep: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep else "")
    return (f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}"
            f"{f'<w:r><w:t>{text}</w:t></w:r>' if text else ''}</w:p>")


STYLES = """<w:styles>
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Normal"/>
<w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="IsiTabel"><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="KepalaTabel"><w:basedOn w:val="IsiTabel"/></w:style>
<w:style w:type="paragraph" w:styleId="TandaTangan"><w:pPr><w:keepNext/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TandaTanganLampiran"><w:basedOn w:val="TandaTangan"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:pPr><w:tabs><w:tab w:val="right" w:pos="9061"/></w:tabs></w:pPr></w:style>
<w:style w:type="table" w:styleId="TabelIKU"><w:tblPr><w:tblCellMar><w:top w:w="28" w:type="dxa"/>
<w:left w:w="57" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>
</w:tblPr></w:style>
</w:styles>"""


def test_empty_runs_left_by_docxtpl_tags_are_removed():
    body = xml("<w:body><w:p><w:r><w:t/></w:r><w:r><w:t>isi</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t></w:t></w:r>"
               "<w:r><w:tab/></w:r></w:p></w:body>")
    remove_empty_runs(body)
    assert same(body, "<w:body><w:p><w:r><w:t>isi</w:t></w:r><w:r><w:tab/></w:r></w:p></w:body>")


def test_each_run_of_list_paragraphs_restarts_at_one():
    body = xml(f"<w:body>{p('ListNumber', 'a')}{p('ListNumber', 'b')}{p(None, 'antara')}{p('ListNumber', 'c')}</w:body>")
    numbering = xml('<w:numbering><w:abstractNum w:abstractNumId="0"/><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                    "</w:num></w:numbering>")
    restart_lists(body, xml(STYLES), numbering)
    numbers = [p_.xpath("string(w:pPr/w:numPr/w:numId/@w:val)") for p_ in body.iterchildren()]
    assert numbers == ["2", "2", "", "3"]
    for num_id in ("2", "3"):
        num = numbering.xpath(f"w:num[@w:numId='{num_id}']")[0]
        assert num.xpath("string(w:abstractNumId/@w:val)") == "0"
        assert num.xpath("string(w:lvlOverride/w:startOverride/@w:val)") == "1"


def table(*rows: str, style: str = "TabelIKU") -> str:
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="0" w:type="auto"/>'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid>{"".join(rows)}</w:tbl>')


def cell(width: int, *, span: int = 1, text: str = "", style: str = "IsiTabel", merge: str = "") -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    return f"<w:tc><w:tcPr>{merge}{props}</w:tcPr>{p(style, text)}</w:tc>"


SECTION = ('<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
           '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr></w:pPr></w:p>')


def test_grid_fills_the_section_in_the_cells_proportions_and_spans_add_up():
    body = xml(f"<w:body>{table('<w:tr>' + cell(1000, span=2) + '</w:tr>', '<w:tr>' + cell(1000) + cell(3000) + '</w:tr>')}"
               f"{SECTION}</w:body>")
    tbl = body.find("{*}tbl")
    fit_table_grid(tbl)
    assert tbl.xpath("w:tblGrid/w:gridCol/@w:w") == ["3642", "10928"]  # 16838 - 2 x 1134 = 14570, as 1 : 3
    assert tbl.xpath("w:tblPr/w:tblW/@w:w") == ["14570"] and tbl.xpath("w:tblPr/w:tblW/@w:type") == ["dxa"]
    assert tbl.xpath("w:tr/w:tc/w:tcPr/w:tcW/@w:w") == ["14570", "3642", "10928"]


def test_grid_takes_the_fitted_proportions_and_cell_properties_their_schema_order():
    merged = '<w:vMerge w:val="restart"/>'  # docxtpl adds merges at the end of tcPr
    body = xml(f"<w:body>{table('<w:tr>' + cell(500) + cell(500) + '</w:tr>')}{SECTION}</w:body>")
    tbl = body.find("{*}tbl")
    tc_pr = tbl.find(".//{*}tcPr")
    tc_pr.append(xml(merged.replace("<w:vMerge", f"<w:vMerge {W}")))
    fit_table_grid(tbl, [25.0, 75.0])
    assert tbl.xpath("w:tblGrid/w:gridCol/@w:w") == ["3642", "10928"]
    assert [child.tag.rsplit("}")[-1] for child in tc_pr] == ["tcW", "vMerge"]


def test_rows_are_kept_whole_and_with_the_next_as_the_layout_says():
    tbl = xml(table('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell(1, text="NO") + "</w:tr>",
                    '<w:tr><w:trPr><w:cantSplit/></w:trPr>' + cell(1, text="1.") + "</w:tr>",
                    '<w:tr><w:trPr><w:cantSplit/></w:trPr>' + cell(1, text="2.") + "</w:tr>",
                    "<w:tr>" + cell(1, text="3.") + "</w:tr>",
                    "<w:tr>" + cell(1, text="Kota Uji", style="TandaTanganLampiran") + "</w:tr>")
              .replace("<w:tbl>", f"<w:tbl {W}>", 1))
    rows = body_rows(tbl, xml(STYLES))
    assert ["".join(r.xpath(".//w:t/text()")) for r in rows] == ["1.", "2.", "3."]
    paginate_rows(rows, [(True, True), (False, False), (True, False)])
    assert [bool(r.xpath("w:trPr/w:cantSplit")) for r in rows] == [True, False, True]
    assert [bool(r.xpath(".//w:p/w:pPr/w:keepNext")) for r in rows] == [True, False, False]
    paginate_rows(rows[:2], [(True, True)])  # another number of rows: a template of another shape, left alone
    assert not rows[1].xpath("w:trPr/w:cantSplit")


def test_what_a_signature_signs_stays_on_its_page():
    styles = xml(STYLES)
    # A paragraph before the signature block; the block's own paragraphs are kept together by their style.
    body = xml(f"<w:body>{p(None, 'Demikian.')}{p('TandaTangan', 'Kota Uji,')}{p('TandaTangan', 'KEPALA,')}</w:body>")
    keep_signatures_with_what_they_sign(body, styles)
    assert [bool(x.xpath("w:pPr/w:keepNext")) for x in body] == [True, False, False]
    # A signature in the table's last row: the row before it.
    rows = ["<w:tr>" + cell(1, text=n) + "</w:tr>" for n in ("1.", "2.")]
    signature_row = "<w:tr>" + cell(1, text="Kota Uji", style="TandaTanganLampiran") + "</w:tr>"
    body = xml(f"<w:body>{table(*rows, signature_row)}</w:body>")
    keep_signatures_with_what_they_sign(body, styles)
    assert [bool(r.xpath(".//w:keepNext")) for r in body.iter("{*}tr")] == [False, True, False]
    # A signature in the first row of a table of its own: the paragraph before the table.
    body = xml(f"<w:body>{p(None, 'Demikian.')}{table(signature_row)}</w:body>")
    keep_signatures_with_what_they_sign(body, styles)
    assert body.find("{*}p").xpath("w:pPr/w:keepNext") and not body.find("{*}tbl").xpath(".//w:keepNext")
    # A signature after a table: the table's last row.
    body = xml(f"<w:body>{table(*rows)}{p('TandaTanganLampiran', 'Kota Uji')}</w:body>")
    keep_signatures_with_what_they_sign(body, styles)
    assert [bool(r.xpath(".//w:keepNext")) for r in body.iter("{*}tr")] == [False, True]


def test_table_type_and_cell_margins_shrink_with_the_fitted_size():
    styles = xml(STYLES)
    tbl = xml(table("<w:tr>" + cell(1, text="NO", style="KepalaTabel") + cell(1, text="1.") + "</w:tr>",
                    "<w:tr>" + cell(1, text="Kota Uji", style="TandaTanganLampiran") + "</w:tr>")
              .replace("<w:tbl>", f"<w:tbl {W}>", 1))
    scale_table_type(tbl, styles, 7.5 / 9, "TabelIKU")
    sizes = {s.xpath("string(@w:styleId)"): s.xpath("string(w:rPr/w:sz/@w:val)") for s in styles.iter("{*}style")}
    assert sizes["IsiTabel"] == "15" and sizes["KepalaTabel"] == "15" and sizes["Normal"] == ""
    assert sizes["TandaTanganLampiran"] == ""  # the signature row keeps the document's size
    assert tbl.xpath("w:tblPr/w:tblCellMar/*/@w:w") == ["23", "48", "23", "48"]
    assert [c.tag.rsplit("}")[-1] for c in tbl.find("{*}tblPr")][-2:] == ["tblCellMar", "tblLook"]
    untouched = xml(STYLES)
    scale_table_type(tbl, untouched, 1.0, "TabelIKU")
    assert same(untouched, STYLES)


def test_daftar_isi_entries_get_their_page_numbers_and_word_no_prompt():
    entry = '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t>{}</w:t></w:r><w:r><w:tab/></w:r>{}</w:p>'
    body = xml("<w:body>" + entry.format(
        "KATA PENGANTAR", "").replace("<w:r><w:t>", '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
                                      '<w:r><w:instrText> TOC \\o "1-2" </w:instrText></w:r><w:r><w:fldChar '
                                      'w:fldCharType="separate"/></w:r><w:r><w:t>', 1)
        + entry.format("LAMPIRAN", '<w:r><w:fldChar w:fldCharType="end"/></w:r>') + p(None, "BAB I") + "</w:body>")
    settings = xml('<w:settings><w:zoom w:percent="100"/><w:updateFields w:val="true"/></w:settings>')
    number_toc(body, settings, ["i", "9"])
    texts = ["".join(x.xpath(".//w:t/text()")) for x in body]
    assert texts == ["KATA PENGANTARi", "LAMPIRAN9", "BAB I"]
    last = body[1].findall("{*}r")
    assert [r.xpath("string(w:t)") or r[0].tag.rsplit("}")[-1] for r in last] == ["LAMPIRAN", "tab", "9", "fldChar"]
    assert not body.xpath(".//@w:dirty") and same(settings, '<w:settings><w:zoom w:percent="100"/></w:settings>')


def test_paper_and_margins_apply_to_every_section_landscape_turned():
    body = xml('<w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" '
               'w:right="1134" w:bottom="1418" w:left="1701"/></w:sectPr></w:pPr></w:p>'
               '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body>')
    styles = xml(STYLES)
    apply_to_docx(body, styles, PageSetup("F4", Margins(30, 20, 25, 40)))
    assert body.xpath(".//w:pgSz/@w:w") == ["12189", "18709"] and body.xpath(".//w:pgSz/@w:h") == ["18709", "12189"]
    assert body.xpath(".//w:pgMar/@w:left") == ["2268", "2268"] and body.xpath(".//w:pgMar/@w:top") == ["1701"] * 2
    assert styles.xpath("//w:style[@w:styleId='TOC1']//w:tab/@w:pos") == [str(12189 - 2268 - 1134)]
