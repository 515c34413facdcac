"""Word opens a file only when the children of its property elements come in the order the OOXML schema
(ECMA-376 Part 1, WordprocessingML) gives them; LibreOffice and python-docx forgive an element out of
place, Word reports the file as damaged. Every DOCX ikudoc writes keeps the schema's order, in the
document and in its styles."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from ikudoc.commands.build import build_file
from ikudoc.render.options import Options
from support import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The sequences of the schema (CT_TblPr, CT_TcPr, CT_PPrBase + CT_PPr, CT_RPr, CT_SectPr, CT_Style).
SEQUENCES = {
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
             "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
            "headers cellIns cellDel cellMerge tcPrChange",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
           "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
           "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs "
           "em lang eastAsianLayout specVanish oMath",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
              "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
              "sectPrChange",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
             "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
}


def out_of_order(xml: bytes) -> list[str]:
    """Each element whose children break its schema sequence, with its children's names."""
    found = []
    for name, sequence in SEQUENCES.items():
        order = sequence.split()
        for element in etree.fromstring(xml).iter(W + name):
            children = [etree.QName(child).localname for child in element if etree.QName(child).namespace ==
                        W[1:-1]]
            ranks = [order.index(child) if child in order else -1 for child in children]
            if -1 in ranks or ranks != sorted(ranks):
                found.append(f"{name}: {' '.join(children)}")
    return found


@pytest.mark.parametrize("content", ["iku_2024.toml", "pk_2024.toml"])
def test_every_property_element_follows_the_schema_order(tmp_path, content):
    docx = build_file(ROOT / "content" / content, tmp_path, Options(("docx",))).outputs[0]
    with zipfile.ZipFile(docx) as archive:
        for part in ("word/document.xml", "word/styles.xml"):
            assert out_of_order(archive.read(part)) == [], part


def test_the_order_check_sees_an_element_out_of_place():
    xml = (f'<w:document xmlns:w="{W[1:-1]}"><w:tbl><w:tblPr><w:tblW/><w:tblLayout/><w:tblBorders/></w:tblPr>'
           "</w:tbl></w:document>").encode()
    assert out_of_order(xml) == ["tblPr: tblW tblLayout tblBorders"]
