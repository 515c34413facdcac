"""templates/lkjip.docx, the LKjIP's Word template, is made from templates/iku.docx (its package: styles,
numbering, footers, the daftar isi field, the cover and the signed kata pengantar) and templates/pk.docx (the
attached agreement's styles and signatures), with a body of its own and the report's styles added, so that
the three documents keep one look. test_golden checks that the shipped file is what this makes; after a
change here or in the IKU's or PK's template: python -m pytest tests/test_golden.py --accept, then look at
the pages of a built report."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ikudoc.lkjip.context import (
    ANGGARAN_STYLE,
    CAPAIAN_STYLE,
    PROGRAM_STYLE,
    RENSTRA_STYLE,
    RIWAYAT_STYLE,
    STANDAR_STYLE,
    TARGET_STYLE,
)
from support import ROOT

TEMPLATES = ROOT / "templates"
SOURCE, PK, TARGET = TEMPLATES / "iku.docx", TEMPLATES / "pk.docx", TEMPLATES / "lkjip.docx"


def t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def tag(text: str) -> str:
    return f"<w:p>{t(text)}</w:p>"


def para(style: str, text: str = "", extra: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{t(text) if text else ""}</w:p>'


def cell(width: int, content: str, props: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{props}</w:tcPr>{content}</w:tc>'


GRID = 9  # the widest row of the generic table in the template: its body row, a content cell in three forms
#          (covered by a merged cell, starting one, plain) between the tag cells of their for and if
TAG_CELL_WIDTH = 100
HEAD_SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:vAlign w:val="center"/>'
CELL_STYLE = ("{{ ('JumlahAngkaTabel' if sel.angka else 'JumlahTabel') if baris.jumlah else "
              "('AngkaTabel' if sel.angka else 'IsiTabel') }}")
# each row of a short table (DataTable.utuh) is kept with the next, and the row before a total with the total
# (blocks.totalled): "kept", set for each row where the row starts (BODY_ROW)
KEPT = "{% if kept %}<w:keepNext/>{% endif %}"
BODY_ROW = ("<w:tr>{% set kept = baris.dengan_berikutnya or (t.utuh and not loop.last) %}"
            "<w:trPr><w:cantSplit/></w:trPr>")
CELL_TEXT = (tag("{%p for teks in sel.teks %}")
             + para(CELL_STYLE, "{{ teks }}", KEPT).replace(  # a tujuan's name in bold
                 "<w:r>", "<w:r>{% if sel.tebal %}<w:rPr><w:b/><w:bCs/></w:rPr>{% endif %}")
             + tag("{%p endfor %}"))


#: The daftar tabel and daftar grafik: a title in the daftar isi and a page of their own, each a Word index
#: of the paragraphs in the captions' style (TOC \t), which Word and LibreOffice update as they paginate.
CAPTION_LISTS = (("daftar_tabel", "DAFTAR TABEL", "Judul Tabel"), ("daftar_grafik", "DAFTAR GRAFIK", "Keterangan Grafik"))


def caption_list(variable: str, title: str, style_name: str) -> str:
    return "".join([
        tag(f"{{%p if {variable} %}}"),
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + t(title) + "</w:p>",
        para("LabelHalaman", "Halaman"),
        '<w:p><w:pPr><w:pStyle w:val="TableofFigures"/></w:pPr><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/>'
        f'</w:r><w:r><w:instrText xml:space="preserve"> TOC \\h \\z \\t "{style_name},1" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>',
        tag(f"{{%p for blok in {variable} %}}"),
        '<w:p><w:pPr><w:pStyle w:val="TableofFigures"/></w:pPr>' + t("{{ blok.judul }}") + "<w:r><w:tab/></w:r></w:p>",
        tag("{%p endfor %}"),
        '<w:p><w:pPr><w:pStyle w:val="TableofFigures"/></w:pPr><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        tag("{%p endif %}"),
    ])


def tag_row(text: str) -> str:
    return (f'<w:tr><w:tc><w:tcPr><w:tcW w:w="9071" w:type="dxa"/><w:gridSpan w:val="{GRID}"/></w:tcPr>'
            f"{tag(text)}</w:tc></w:tr>")


TABLE_MACRO = "".join([
    tag("{%p macro tabel(t, jarak=true) %}"),
    tag("{%p if t.judul %}"), para("JudulTabel", "{{ t.judul }}"), tag("{%p endif %}"),
    '<w:tbl><w:tblPr><w:tblStyle w:val="{{ t.gaya }}"/><w:tblW w:w="5000" w:type="pct"/>'
    '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
    'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>',
    "<w:tblGrid>" + "".join('<w:gridCol w:w="3023"/>' for _ in range(GRID)) + "</w:tblGrid>",
    "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    cell(TAG_CELL_WIDTH, para("IsiTabel", "{%tc for judul in t.kolom %}")),
    cell(3023, para("KepalaTabel", "{{ judul }}"), HEAD_SHADE),
    cell(TAG_CELL_WIDTH, para("IsiTabel", "{%tc endfor %}")),
    "</w:tr>",
    tag_row("{%tr for baris in t.baris %}"),
    BODY_ROW,
    cell(TAG_CELL_WIDTH, para("IsiTabel", "{%tc for sel in baris.sel %}")),
    # a cell merged down (a sasaran over its indicators): the first holds the text, those under it are covered
    cell(TAG_CELL_WIDTH, para("IsiTabel", '{%tc if sel.gabung == "lanjut" %}')),
    cell(3023, para(CELL_STYLE, "", KEPT), "<w:vMerge/>"),
    cell(TAG_CELL_WIDTH, para("IsiTabel", '{%tc elif sel.gabung == "mulai" %}')),
    cell(3023, CELL_TEXT, '<w:vMerge w:val="restart"/>'),
    cell(TAG_CELL_WIDTH, para("IsiTabel", "{%tc else %}")),
    cell(3023, CELL_TEXT),
    cell(TAG_CELL_WIDTH, para("IsiTabel", "{%tc endif %}")),
    cell(TAG_CELL_WIDTH, para("IsiTabel", "{%tc endfor %}")),
    "</w:tr>",
    tag_row("{%tr endfor %}"),
    "</w:tbl>",
    # A blank line after a table, only before text: LibreOffice will not carry a heading that follows such a
    # line to the next page with what it heads (the heading and caption styles have room above them).
    tag("{%p if jarak %}"), para("JarakTabel"), tag("{%p endif %}"),
    tag("{%p endmacro %}"),
])

# The blocks ikudoc makes from the data, drawn where the IKU's macro draws a text's blocks.
GENERATED_BLOCKS = "".join([
    tag('{%p elif blok.jenis == "judul" %}'), para("JudulSasaran", "{{ blok.teks }}"),
    tag('{%p elif blok.jenis == "tabel" %}'),
    tag('{{p tabel(blok, loop.nextitem is defined and loop.nextitem.jenis not in ("judul", "tabel", "grafik")) }}'),
    tag('{%p elif blok.jenis == "grafik" %}'), para("Grafik", "{{ blok.gambar|gambar(blok.lebar) }}"),
    para("KeteranganGrafik", "{{ blok.judul }}"),
])

def signer(who: str) -> str:
    """The name, pangkat and NIP of one party of the attached PK, under the room for its signature."""
    return "".join([
        para("TandaTanganPK", "{{ lampiran.%s.nama }}" % who, '<w:spacing w:before="1200"/>').replace(
            "<w:r><w:t", '<w:r><w:rPr><w:rStyle w:val="NamaPenandatangan"/></w:rPr><w:t'),
        tag("{%%p if lampiran.%s.pangkat %%}" % who), para("TandaTanganPK", "{{ lampiran.%s.pangkat }}" % who),
        tag("{%p endif %}"),
        tag("{%%p if lampiran.%s.nip %%}" % who), para("TandaTanganPK", "NIP. {{ lampiran.%s.nip }}" % who),
        tag("{%p endif %}"),
    ])


# The attached PK's signatures, as the PK prints them (templates/pk.docx): the second party left, the first
# right with the place and date, the names on one line. It was signed on its own paper: no TTE anchor here.
PK_SIGNATURE = "".join([
    '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
    '<w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
    '</w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
    'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="4536"/><w:gridCol w:w="4535"/></w:tblGrid>',
    "<w:tr><w:trPr><w:cantSplit/></w:trPr>",
    cell(4536, para("TandaTanganPK", "", '<w:spacing w:before="480"/>') + para("TandaTanganPK", "PIHAK KEDUA,")
         + para("TandaTanganPK", "{{ lampiran.pihak_kedua.jabatan|upper }},")),
    cell(4535, para("TandaTanganPK", "{{ lampiran.tempat }}, {{ lampiran.tanggal }}", '<w:spacing w:before="480"/>')
         + para("TandaTanganPK", "PIHAK PERTAMA,") + para("TandaTanganPK", "{{ lampiran.pihak_pertama.jabatan|upper }},")),
    "</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>",
    cell(4536, signer("pihak_kedua")), cell(4535, signer("pihak_pertama")),
    "</w:tr></w:tbl>",
])

NEW_STYLES = """
<w:style w:type="paragraph" w:customStyle="1" w:styleId="JudulSasaran"><w:name w:val="Judul Sasaran"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="JudulTabel"><w:name w:val="Judul Tabel"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="JumlahTabel"><w:name w:val="Jumlah Tabel"/><w:basedOn w:val="IsiTabel"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="JumlahAngkaTabel"><w:name w:val="Jumlah Angka Tabel"/><w:basedOn w:val="AngkaTabel"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Grafik"><w:name w:val="Grafik"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableofFigures"><w:name w:val="table of figures"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9061"/></w:tabs><w:spacing w:before="0" w:after="80" w:line="240" w:lineRule="auto"/><w:ind w:left="1134" w:hanging="1134"/><w:jc w:val="left"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="KeteranganGrafik"><w:name w:val="Keterangan Grafik"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="60" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
"""
TABLE_STYLES = (TARGET_STYLE, CAPAIAN_STYLE, RIWAYAT_STYLE, RENSTRA_STYLE, STANDAR_STYLE, ANGGARAN_STYLE,
                PROGRAM_STYLE)
PK_STYLES = ("JarakTabel", "TandaTanganPK")


def styles(iku: str, pk: str) -> str:
    table = re.search(r'<w:style w:type="table" w:customStyle="1" w:styleId="TabelIKU">.*?</w:style>', iku, re.S)[0]
    added = NEW_STYLES
    for style_id in TABLE_STYLES:
        name = re.sub(r"(?<!^)([A-Z])", r" \1", style_id)
        added += table.replace('w:styleId="TabelIKU"', f'w:styleId="{style_id}"').replace(
            '<w:name w:val="Tabel IKU"/>', f'<w:name w:val="{name}"/>') + "\n"
    for style_id in PK_STYLES:
        added += re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', pk, re.S)[0] + "\n"
    return iku.replace("</w:styles>", added + "</w:styles>")


def body(iku: str) -> str:
    start = iku.index("<w:body>") + len("<w:body>")
    source = iku[start:]
    # the IKU's macro for a text's blocks, with the generated blocks
    macro_end = source.index(tag("{%p endmacro %}")) + len(tag("{%p endmacro %}"))
    macro = source[:macro_end]
    anchor = tag("{%p else %}")
    assert macro.count(anchor) == 1
    macro = macro.replace(anchor, GENERATED_BLOCKS + anchor)
    macro = macro.replace('<w:r><w:t xml:space="preserve">{%r if blok.asal == "daftar_misi" %}</w:t></w:r>'
                          '<w:r><w:t xml:space="preserve">Misi-{{ loop.index }}: </w:t></w:r>'
                          '<w:r><w:t xml:space="preserve">{%r endif %}</w:t></w:r>', "")
    # the cover's section, the kata pengantar and its signature, as the IKU's
    cover_sect = re.search(r'<w:p><w:pPr><w:pStyle w:val="InstansiSampul"/><w:sectPr>.*?</w:p>', source, re.S)[0]
    government = re.search(r'<w:p><w:r><w:t xml:space="preserve">\{%p if instansi\.pemerintah.*?\{%p endif %\}</w:t>'
                           r'</w:r></w:p>', source, re.S)[0]
    lambang = source[source.index(tag("{%p if dokumen.lambang %}")):source.index(government)]
    signature_start = source.index('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + t("KATA PENGANTAR"))
    signature_end = source.index("</w:tbl>", signature_start) + len("</w:tbl>")
    foreword = source[signature_start:signature_end]
    toc_start = source.index('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + t("DAFTAR ISI"))
    toc_head_end = source.index(tag("{%p for bab in bab %}"), toc_start)
    toc_head = source[toc_start:toc_head_end]
    toc_head = toc_head.replace(
        para("TOC1", "DAFTAR ISI")[:-len("</w:p>")],
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>' + t("IKHTISAR EKSEKUTIF") + "<w:r><w:tab/></w:r></w:p>"
        + '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>' + t("DAFTAR ISI"))
    assert "IKHTISAR EKSEKUTIF" in toc_head
    toc_loop_end = source.index('<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>' + t("LAMPIRAN"))
    toc_loop = source[toc_head_end:toc_loop_end]
    front_sect = re.search(r'<w:p><w:pPr><w:sectPr>(?:(?!</w:sectPr>).)*lowerRoman.*?</w:sectPr></w:pPr></w:p>',
                           source, re.S)[0]
    chapters_start = source.index(tag("{%p for bab in bab %}"), toc_loop_end)
    chapters_end = source.index("<w:p><w:pPr><w:sectPr>", chapters_start)
    chapters = source[chapters_start:chapters_end]
    body_sect = re.search(r'<w:sectPr><w:footerReference w:type="default" r:id="rId5"/><w:pgSz w:w="11906" '
                          r'w:h="16838"/>.*?</w:sectPr>', source[chapters_end:], re.S)[0]
    parts = [
        macro, TABLE_MACRO,
        para("JudulSampul", "LAPORAN KINERJA INSTANSI PEMERINTAH", '<w:spacing w:before="1440"/>'),
        para("JudulSampul", "(LKjIP)"),
        para("JudulSampul", "TAHUN {{ dokumen.tahun }}"),
        lambang, government, cover_sect,
        foreword,
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + t("IKHTISAR EKSEKUTIF") + "</w:p>",
        tag("{{p isi(ikhtisar) }}"),
        toc_head,
        *(tag(f"{{%p if {variable} %}}") + '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>' + t(title)
          + "<w:r><w:tab/></w:r></w:p>" + tag("{%p endif %}") for variable, title, _ in CAPTION_LISTS),
        toc_loop,
        tag("{%p if lampiran %}"),
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>' + t("LAMPIRAN") + "<w:r><w:tab/></w:r></w:p>",
        tag("{%p endif %}"),
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        *(caption_list(*entry) for entry in CAPTION_LISTS),
        front_sect,
        chapters,
        tag("{%p if lampiran %}"),
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + t("LAMPIRAN") + "</w:p>",
        para("SubjudulLampiran", "PERJANJIAN KINERJA TAHUN {{ lampiran.tahun }}"),
        para("SubjudulLampiran", "{{ instansi.nama|upper }}", '<w:spacing w:after="240"/>'),
        tag("{{p tabel(lampiran.target) }}"),
        tag("{{p tabel(lampiran.program) }}"),
        PK_SIGNATURE,
        para("AkhirLampiran"),
        tag("{%p endif %}"),
        body_sect,
    ]
    return iku[:start] + "\n".join(parts) + "</w:body></w:document>"


def made() -> dict[str, bytes]:
    """The parts of lkjip.docx as made from the IKU's and the PK's templates, by name, in package order."""
    with zipfile.ZipFile(PK) as pk_package:
        pk_styles = pk_package.read("word/styles.xml").decode("utf-8")
    parts = {}
    with zipfile.ZipFile(SOURCE) as source:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = body(data.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/styles.xml":
                data = styles(data.decode("utf-8"), pk_styles).encode("utf-8")
            elif info.filename == "docProps/core.xml":
                data = re.sub(rb"<dc:title>.*?</dc:title>", b"<dc:title>Laporan Kinerja</dc:title>", data)
            parts[info.filename] = data
    return parts


def write(target: Path = TARGET) -> None:
    """Write the made template, its parts dated as the IKU template's (a rebuild changes no byte)."""
    parts = made()
    with zipfile.ZipFile(SOURCE) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as written:
        for info in source.infolist():
            written.writestr(info, parts[info.filename])
