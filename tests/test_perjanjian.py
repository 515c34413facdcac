"""The Perjanjian Kinerja: one small content file, its sasaran, indicators and year's targets taken from
the IKU it names (never typed twice), built into DOCX, HTML and PDF, checked, compared, and started
again for the next year."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import lxml.html
import pytest
from docx import Document

from ikudoc.cli import main
from ikudoc.commands.build import build_file
from ikudoc.content.formatting import format_target
from ikudoc.iku.loader import load
from ikudoc.render.options import Options
from support import FIXTURES, ROOT, SAMPLE, docx_to_pdf, require_tool, require_weasyprint, shown
from support.content_variants import filled, line_of, variant
from support.document_text import normalise
from support.page_checker import agreement_faults, read_pages
from support.shapes import sasaran_name, shaped_content, spread

PK = ROOT / "content" / "pk_2024.toml"
# The sample with its example signatory taken as filled in: the checks below are about everything else
# (test_placeholders proves the example itself is refused).
PK_TEXT = filled(PK.read_text(encoding="utf-8"))

# The sample's table: the IKU Perubahan 2024's targets for 2024, with their satuan.
SAMPLE_ROWS = [
    ["1.", "Meningkatnya Koperasi yang Berkualitas", "Persentase Koperasi Yang Berkualitas", "36,18 %"],
    ["2.", "Meningkatnya Usaha Kecil yang menjadi Wirausaha",
     "Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi)", "8,57 %"],
]
PROGRAM_ROWS = [
    ["1.", "Program Pengawasan dan Pemeriksaan Koperasi", "Rp 1.250.000.000", "APBD"],
    ["2.", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", "Rp 2.150.000.000", "APBD"],
    ["JUMLAH", "Rp 3.400.000.000", ""],
]


def run(capsys, *args):
    """Exit status, output lines and error lines; Rupiah's no-break space read as a space."""
    status = main(list(args))
    out, err = (text.replace("\xa0", " ") for text in capsys.readouterr())
    return status, out.splitlines(), err.splitlines()


def project(tmp_path, pk_text=PK_TEXT, iku=SAMPLE, iku_name="iku_2024.toml"):
    """A content folder with an IKU and a PK naming it; returns the PK's path."""
    (tmp_path / iku_name).write_text(iku.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "pk.toml"
    path.write_text(pk_text, encoding="utf-8")
    return path


def edited(*edits: tuple[str, str]) -> str:
    text = PK_TEXT
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def pk_build(tmp_path_factory, office):
    out = tmp_path_factory.mktemp("pk")
    result = build_file(PK, out, Options(("docx", "html", "pdf")), office)
    return {path.suffix[1:]: path for path in result.outputs}


def docx_table_rows(table) -> list[list[str]]:
    """Each row's cells as a reader sees them; a cell merged over rows (or columns) is read once per row."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:  # a horizontally merged cell is one cell
                seen.add(id(cell._tc))
                cells.append(normalise(cell.text))
        rows.append(cells)
    return rows


def html_table_rows(path, css_class) -> list[list[str]]:
    """Each body row's cells; a cell spanning rows is repeated on the rows under it."""
    table = lxml.html.parse(str(path)).getroot().find_class(css_class)[0]
    rows, carried = [], []
    for tr in table.iter("tr"):
        if tr.getparent().tag == "thead":
            continue
        cells = [normalise(td.text_content()) for td in tr.findall("td")]
        spans = [int(td.get("rowspan", 1)) for td in tr.findall("td")]
        if carried and len(cells) < len(carried[0][1]) + 2:
            cells = [c for c in carried[0][1]] + cells
            carried[0] = (carried[0][0] - 1, carried[0][1])
            if carried[0][0] == 0:
                carried.pop(0)
        elif any(span > 1 for span in spans):
            carried = [(max(spans) - 1, cells[:2])]
        rows.append(cells)
    return rows


def expected_rows(iku_path, year: str) -> list[list[str]]:
    """The table the PK must show, read from the IKU itself."""
    iku = load(iku_path)
    rows = []
    for number, sasaran in enumerate(iku.sasaran, 1):
        for indikator in sasaran.indikator:
            target = format_target(indikator.target[year], indikator)
            rows.append([f"{number}.", sasaran.nama, indikator.nama, f"{target} {indikator.satuan}"])
    return rows


def test_the_sample_pk_takes_the_iku_2024_targets_in_every_format(pk_build):
    assert expected_rows(SAMPLE, "2024") == SAMPLE_ROWS
    tables = Document(str(pk_build["docx"])).tables
    target_table, program_table = tables[3], tables[4]
    assert docx_table_rows(target_table) == [["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"], *SAMPLE_ROWS]
    assert docx_table_rows(program_table) == [["NO", "PROGRAM", "ANGGARAN", "KETERANGAN"], *PROGRAM_ROWS]
    assert html_table_rows(pk_build["html"], "target") == SAMPLE_ROWS
    assert html_table_rows(pk_build["html"], "program") == PROGRAM_ROWS
    pdf_text = normalise(subprocess.run([require_tool("pdftotext"), "-layout", str(pk_build["pdf"]), "-"],
                                        capture_output=True, encoding="utf-8", check=True).stdout)
    figures = [row[-1] for row in SAMPLE_ROWS] + [row[-2] for row in PROGRAM_ROWS]  # names wrap in their cells
    assert [figure in pdf_text for figure in figures] == [True] * len(figures)
    assert pdf_text.index("36,18 %") < pdf_text.index("8,57 %") < pdf_text.index("Rp 3.400.000.000")


def test_the_two_signature_blocks_stand_side_by_side_twice(pk_build):
    document = Document(str(pk_build["docx"]))
    first, last = document.tables[2], document.tables[5]
    for table in (first, last):  # pihak kedua left, pihak pertama right; the names on one line below
        assert [[normalise(cell.text) for cell in row.cells] for row in table.rows] == [
            ["PIHAK KEDUA, GUBERNUR LAMPUNG,",
             "Bandar Lampung, 21 Oktober 2024 PIHAK PERTAMA, KEPALA DINAS KOPERASI DAN UKM PROVINSI LAMPUNG,"],
            ["NAMA GUBERNUR LAMPUNG",  # a head of region: no pangkat, no NIP
             "Drs. SAMSURIJAL., MM. Pembina Utama Madya NIP. 19670418 199203 1003"],
        ]
    parties = [[normalise(cell.text) for cell in row.cells] for table in document.tables[:2] for row in table.rows]
    assert parties == [["Nama", ":", "Drs. SAMSURIJAL., MM."],  # the IKU's signatory, with the PK's fuller jabatan
                       ["Jabatan", ":", "Kepala Dinas Koperasi dan UKM Provinsi Lampung"],
                       ["Nama", ":", "NAMA GUBERNUR LAMPUNG"], ["Jabatan", ":", "Gubernur Lampung"]]
    statement = normalise(" ".join(p.text for p in document.paragraphs))
    assert "selanjutnya disebut pihak pertama" in statement and "Pihak kedua akan melakukan supervisi" in statement
    page = lxml.html.parse(str(pk_build["html"])).getroot()
    signatures = [normalise(t.text_content()) for t in page.find_class("tanda-tangan")]
    assert len(signatures) == 2 and all("NAMA GUBERNUR LAMPUNG" in s and "NIP. 19670418 199203 1003" in s
                                        for s in signatures)
    pages = read_pages(pk_build["pdf"])
    assert len(pages) == 2
    for printed in pages:  # each page ends with both blocks: their headings, then their names
        assert printed.lines[-9:] == ["PIHAK KEDUA,", "GUBERNUR LAMPUNG,", "Bandar Lampung, 21 Oktober 2024",
                                      "PIHAK PERTAMA,", "KEPALA DINAS KOPERASI DAN UKM", "PROVINSI LAMPUNG,",
                                      "NAMA GUBERNUR LAMPUNG Drs. SAMSURIJAL., MM.", "Pembina Utama Madya",
                                      "NIP. 19670418 199203 1003"]
        side_by_side = [line.split() for line in printed.layout.splitlines() if "PIHAK KEDUA," in line]
        assert side_by_side == [["PIHAK", "KEDUA,", "PIHAK", "PERTAMA,"]]


def test_the_word_file_prints_on_two_signable_pages_in_libreoffice(pk_build, tmp_path):
    pages = read_pages(docx_to_pdf(pk_build["docx"], tmp_path))
    assert len(pages) == 2
    agreement, lampiran = pages
    assert agreement.lines[0] == "PERJANJIAN KINERJA TAHUN 2024" and lampiran.lines[0] == agreement.lines[0]
    assert "PIHAK PERTAMA," in agreement.text and "Pihak kedua akan melakukan supervisi" in agreement.text
    # the lampiran holds both tables and, after them, the signatures: nothing is alone on a page
    assert lampiran.text.index("TARGET") < lampiran.text.index("JUMLAH") < lampiran.text.index("PIHAK PERTAMA,")
    assert all(not page.overflow for page in pages)


# The second round of agency shapes (test_agencies_round_two) as agreements for 2026: a band of a
# lower-is-better index and falling targets; a tujuan with its own indicator, named under TUJUAN/SASARAN
# as in its IKU, and the satuan of each indicator beside its target.
ROUND_TWO_AGREEMENTS = {
    "rentang_turun": ("SASARAN STRATEGIS", [
        ["1.", "Menurunnya Risiko Bencana", "Indeks Risiko Bencana (indeks)", "139,83 - 136,50"],
        ["1.", "Menurunnya Risiko Bencana", "Jumlah Korban Jiwa Akibat Bencana (jiwa)", "10"],
        ["2.", "Meningkatnya Ketangguhan Desa terhadap Bencana", "Persentase Desa Tangguh Bencana (%)", "30"]]),
    "tujuan_kesehatan": ("TUJUAN/SASARAN", [
        ["1.", "Meningkatnya Kualitas Kesehatan Masyarakat", "Umur Harapan Hidup", "71,50 tahun"],
        ["2.", "Menurunnya Angka Kematian Ibu", "Angka Kematian Ibu", "92 per 100.000 KH"],
        ["3.", "Menurunnya Angka Kematian Bayi", "Angka Kematian Bayi", "8,0 per 1.000 KH"],
        ["4.", "Menurunnya Prevalensi Stunting", "Prevalensi Stunting", "15,5 %"],
        ["5.", "Meningkatnya Cakupan Jaminan Kesehatan", "Cakupan Kepesertaan Jaminan Kesehatan Nasional", "97 %"]]),
}


@pytest.mark.parametrize("shape", ROUND_TWO_AGREEMENTS)
def test_an_agreement_from_the_new_shapes_takes_bands_falling_targets_and_tujuan(tmp_path, capsys, office, shape):
    title, rows = ROUND_TWO_AGREEMENTS[shape]
    pk = project(tmp_path, edited(('iku = "iku_2024.toml"', f'iku = "{shape}.toml"'), ("tahun = 2024", "tahun = 2026"),
                                  ("tanggal = 2024-10-21", "tanggal = 2026-01-15")),
                 iku=FIXTURES / f"{shape}.toml", iku_name=f"{shape}.toml")
    assert run(capsys, "check", str(pk)) == (0, [f"{shown(str(pk))}: 0 galat, 0 peringatan"], [])
    built = {path.suffix[1:]: path for path in build_file(pk, tmp_path / "build", Options(("docx", "html", "pdf")),
                                                            office).outputs}
    assert docx_table_rows(Document(str(built["docx"])).tables[3]) == [["NO", title, "INDIKATOR KINERJA", "TARGET"],
                                                                       *rows]
    assert html_table_rows(built["html"], "target") == rows
    page = lxml.html.parse(str(built["html"])).getroot()
    assert page.find_class("target")[0].xpath(".//th/text()")[1] == title
    # a tujuan's name in bold, as in its IKU's table
    bold = [cell.paragraphs[0].runs[0].bold for cell in Document(str(built["docx"])).tables[3].columns[1].cells[1:]]
    tujuan = [normalise(td.text_content()) for td in page.find_class("tujuan")]
    assert (bold[0], tujuan) == ((True, ["Meningkatnya Kualitas Kesehatan Masyarakat"]) if title == "TUJUAN/SASARAN"
                                 else (None, []))
    assert not any(bold[1:])
    assert agreement_faults(built["pdf"], pk) == []


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_a_long_agreement_keeps_each_sasaran_on_a_page_under_the_repeated_header(tmp_path, paper, office):
    """40 indicators under sasaran of 1, 2 and 3 indicators: the table runs over several pages."""
    shaped_content(tmp_path, spread(40), paper=paper, name="iku_2024.toml")
    pk = tmp_path / "pk.toml"
    pk.write_text(PK_TEXT, encoding="utf-8")
    pdf = build_file(pk, tmp_path / "build", Options(("pdf",)), office).outputs[0]
    assert len(read_pages(pdf)) >= 3 and agreement_faults(pdf, pk) == []


def test_the_page_checker_sees_a_lone_signature_and_a_sasaran_cut_from_its_rows(tmp_path):
    """The checker above is not blind: a PK whose last page holds only the signatures (its page printed by
    WeasyPrint, a test dependency, from a page template made to break there), and a Word file whose rows
    of a sasaran were split from their merged cell (its table not kept by sasaran), are reported."""
    require_weasyprint()
    import weasyprint

    shaped_content(tmp_path, [3] * 14, name="iku_2024.toml")
    pk = tmp_path / "pk.toml"
    pk.write_text(PK_TEXT, encoding="utf-8")
    templates = tmp_path / "templat"
    templates.mkdir()
    page = (ROOT / "templates" / "pk.html.j2").read_text(encoding="utf-8")
    last = page.rindex("{{ tanda_tangan() }}\n</section>")  # the lampiran's signatures, put on a page of their own
    (templates / "pk.html.j2").write_text(page[:last] + '<div style="break-before: page"></div>' + page[last:],
                                          encoding="utf-8")
    without_style(templates, "TabelSasaranPK")  # the target table not kept by sasaran
    docx, html = build_file(pk, tmp_path / "build", Options(("docx", "html"), templates)).outputs
    pdf = tmp_path / "halaman.pdf"
    weasyprint.HTML(filename=str(html)).write_pdf(pdf)
    assert agreement_faults(pdf, pk) == [f"page {len(read_pages(pdf))}: holds only the signature block"]
    found = agreement_faults(docx_to_pdf(docx, tmp_path), pk)
    assert found and all("without the sasaran's name" in fault for fault in found), found


def without_style(templates: Path, style: str) -> None:
    """A copy of the shipped pk.docx in ``templates`` whose tables of ``style`` have the plain PK style."""
    templates.mkdir(exist_ok=True)
    with zipfile.ZipFile(ROOT / "templates" / "pk.docx") as source, \
            zipfile.ZipFile(templates / "pk.docx", "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            copy.writestr(item, data.replace(f'w:val="{style}"'.encode(), b'w:val="TabelPK"')
                          if item.filename == "word/document.xml" else data)


def test_the_total_stays_on_the_page_of_the_last_program(tmp_path):
    """30 indicators and one program: without care, Word puts JUMLAH alone on the next page."""
    shaped_content(tmp_path, [5] * 6, name="iku_2024.toml")
    pk = tmp_path / "pk.toml"
    pk.write_text(PK_TEXT[:PK_TEXT.index('[[program]]\nnama = "Program Pemberdayaan')], encoding="utf-8")
    docx = build_file(pk, tmp_path / "build", Options(("docx",))).outputs[0]
    assert agreement_faults(docx_to_pdf(docx, tmp_path), pk) == []
    without_style(tmp_path / "templat", "TabelProgramPK")  # the program table not kept with its total
    docx = build_file(pk, tmp_path / "lepas", Options(("docx",), tmp_path / "templat")).outputs[0]
    printed = docx_to_pdf(docx, tmp_path / "lepas")
    assert agreement_faults(printed, pk) == [f"page {len(read_pages(printed))}: the total (JUMLAH) apart from its "
                                             "programs"]


def test_a_sasaran_longer_than_a_page_is_named_in_every_row(tmp_path, office):
    shaped_content(tmp_path, [30], name="iku_2024.toml")
    pk = tmp_path / "pk.toml"
    pk.write_text(PK_TEXT, encoding="utf-8")
    docx, html, pdf = build_file(pk, tmp_path / "build", Options(("docx", "html", "pdf")), office).outputs
    rows = docx_table_rows(Document(str(docx)).tables[3])[1:]
    assert len(rows) == 30 and {tuple(row[:2]) for row in rows} == {("1.", sasaran_name(1))}
    assert [row[:2] for row in html_table_rows(html, "target")] == [["1.", sasaran_name(1)]] * 30
    assert agreement_faults(pdf, pk) == []


def test_several_indicators_of_one_sasaran_share_its_merged_cells(tmp_path):
    shutil.copy(FIXTURES / "lambang_contoh.png", tmp_path)  # the IKU's emblem heads its PK too
    pk = project(tmp_path, edited(("tahun = 2024", "tahun = 2026"), ('iku = "iku_2024.toml"', 'iku = "enam.toml"'),
                                  ("tanggal = 2024-10-21", "tanggal = 2026-01-15")),
                 FIXTURES / "enam_tahun.toml", "enam.toml")
    outputs = build_file(pk, tmp_path / "build", Options(("docx", "html"))).outputs
    expected = expected_rows(tmp_path / "enam.toml", "2026")
    assert expected[1][:2] == expected[2][:2] == ["2.", "Sasaran Kedua Dengan Dua Indikator"]
    docx = Document(str(outputs[0]))
    assert docx_table_rows(docx.tables[3])[1:] == expected
    merged = docx.tables[3].rows[3].cells[1]._tc.tcPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}vMerge")
    assert merged is not None  # one cell in Word, continued, not the name typed twice
    assert html_table_rows(outputs[1], "target") == expected
    page = outputs[1].read_text(encoding="utf-8")
    assert "DINAS UJI COBA &amp; CONTOH" in page and '<div class="lambang"><img src="data:image/png' in page
    assert len(docx.inline_shapes) == 1


@pytest.mark.parametrize("pk_edit, message", [
    (('iku = "iku_2024.toml"', 'iku = "tidak_ada.toml"'),
     'perjanjian.iku: IKU yang dirujuk tidak bisa dibaca: berkas tidak_ada.toml tidak ditemukan [iku-tidak-ada]'),
    (("tahun = 2024", "tahun = 2026"),
     "perjanjian.tahun: tahun 2026 tidak ada di target IKU {iku} (2021, 2022, 2023, 2024); pilih "
     "salah satu tahun itu, atau tambahkan targetnya di IKU [pk-tahun-target]"),
    (("anggaran = 1250000000", "anggaran = 1.25e9"),
     "program[1].anggaran: harus berupa bilangan bulat tanpa tanda kutip, bukan angka [harus-bilangan-bulat]"),
    (("anggaran = 1250000000", 'anggaran = "1.250.000.000"'),
     "program[1].anggaran: harus berupa bilangan bulat tanpa tanda kutip, bukan teks: tulis 1250000000, tanpa titik "
     "ribuan [harus-bilangan-bulat]"),
    (("anggaran = 1250000000", 'anggaran = "Rp 1.250.000.000,00"'),
     "program[1].anggaran: harus berupa bilangan bulat tanpa tanda kutip, bukan teks: tulis 1250000000, tanpa titik "
     "ribuan [harus-bilangan-bulat]"),
    (("anggaran = 1250000000", "anggaran = 0"), "program[1].anggaran: tidak boleh kurang dari 1 [terlalu-kecil]"),
    (("anggaran = 1250000000", "anggran = 1250000000"),
     'program[1].anggran: kunci tidak dikenal; maksudnya "anggaran"? Kunci yang boleh di sini: nama, anggaran, '
     "keterangan [kunci-tidak-dikenal]"),
    (('iku = "iku_2024.toml"', 'iku = "pk.toml"'),
     "perjanjian.iku: pk.toml adalah Perjanjian Kinerja, bukan IKU; sebutkan berkas IKU tempat target diambil "
     "[bukan-iku]"),
])
def test_bad_agreements_are_refused_with_their_line(tmp_path, capsys, pk_edit, message):
    pk = project(tmp_path, edited(pk_edit))
    key = message.split(":")[0].split(".")[-1].split("[")[0]
    line = next(n for n, text in enumerate(pk.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith(pk_edit[1].split(" =")[0]) or (key == "anggaran" and text.startswith("anggaran")))
    status, _, err = run(capsys, "build", str(pk), "-o", str(tmp_path / "build"), "--no-fill-toc")
    assert status == 1 and err[0] == f"{pk}:{line}: " + message.format(iku=tmp_path / "iku_2024.toml")
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("pk_edit, message", [
    (('nama = "NAMA GUBERNUR LAMPUNG"', 'nama = "NAMA GUBERNUR LAMPUNG"\nnip = "1967"'),
     "pihak_kedua.nip: NIP harus 18 angka (tertulis 4 angka) [nip-tidak-sah]"),
    (('jabatan = "Kepala Dinas Koperasi dan UKM Provinsi Lampung"',
      'jabatan = "Kepala Dinas Koperasi dan UKM Provinsi Lampung"\npangkat = "Pembina Utama Madia"'),
     'pihak_pertama.pangkat: pangkat "Pembina Utama Madia" tidak dikenal; maksudnya "Pembina Utama Madya"? Pangkat '
     "PNS: Juru Muda ... Pembina Utama [pangkat-tidak-dikenal]"),
])
def test_the_signatories_are_checked_as_for_the_iku(tmp_path, capsys, pk_edit, message):
    pk = project(tmp_path, edited(pk_edit))
    key = message.split(".")[1].split(":")[0]
    status, _, err = run(capsys, "check", str(pk))
    assert (status, err[0]) == (1, f"{pk}:{line_of(pk, key)}: {message}")


def test_a_git_revision_that_does_not_exist_is_named(tmp_path, capsys):
    git = require_tool("git")
    subprocess.run([git, "init", "-q"], cwd=tmp_path, check=True)
    pk = project(tmp_path, edited(('iku = "iku_2024.toml"', 'iku = "v1999:content/iku_2024.toml"')))
    status, _, err = run(capsys, "build", str(pk), "--no-fill-toc", "-o", str(tmp_path / "build"))
    assert (status, err[0]) == (1, f"{pk}:{line_of(pk, 'iku')}: perjanjian.iku: IKU yang dirujuk tidak bisa dibaca: "
                                   "v1999:content/iku_2024.toml: revisi git 'v1999' tidak ada [iku-tidak-ada]")


def test_a_text_target_cannot_be_agreed(tmp_path, capsys):
    iku = variant(tmp_path, ("2024 = 36.18\n\n[[sasaran]]", '2024 = "N/A"\n\n[[sasaran]]'))
    pk = project(tmp_path, iku=iku)
    status, _, err = run(capsys, "build", str(pk), "--no-fill-toc", "-o", str(tmp_path / "build"))
    at = line_of(iku, '2024 = "N/A"')
    assert (status, err[0]) == (1, f'{pk}:{line_of(pk, "tahun")}: perjanjian.tahun: target 2024 indikator '
                                   f'"Persentase Koperasi Yang Berkualitas" ({tmp_path / "iku_2024.toml"}:{at}) berupa '
                                   'teks "N/A"; Perjanjian Kinerja memerlukan target angka [pk-target-teks]')


def test_check_passes_the_filled_in_sample_and_keeps_the_year_in_the_iku_period(tmp_path, capsys):
    assert run(capsys, "check", "--strict", str(project(tmp_path)))[0] == 0
    iku = variant(tmp_path, ("periode = { awal = 2019, akhir = 2024 }", "periode = { awal = 2022, akhir = 2024 }"))
    pk = project(tmp_path, edited(("tahun = 2024", "tahun = 2021"), ("tanggal = 2024-10-21", "tanggal = 2021-01-15")),
                 iku=iku)
    status, _, err = run(capsys, "check", str(pk))
    assert status == 1 and err[0] == (f"{pk}:{line_of(pk, 'tahun')}: perjanjian.tahun: tahun 2021 di luar periode "
                                      f"IKU {tmp_path / 'iku_2024.toml'} (2022–2024) [pk-tahun-periode]")


def test_check_warns_when_a_later_iku_revision_changed_the_agreed_target(tmp_path, capsys, monkeypatch):
    """The case of the sample itself: the PK signed in January took 5,71; the IKU Perubahan of October says 8,57."""
    git = require_tool("git")
    (tmp_path / "content").mkdir()

    def commit(message):
        for args in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message]):
            subprocess.run([git, *args], cwd=tmp_path, check=True, capture_output=True)

    subprocess.run([git, "init", "-q"], cwd=tmp_path, check=True)
    variant(tmp_path / "content", ("2024 = 8.57", "2024 = 5.71"))
    commit("IKU 2024")
    subprocess.run([git, "tag", "v2024-01"], cwd=tmp_path, check=True)
    shutil.copy(SAMPLE, tmp_path / "content" / "iku_2024.toml")
    commit("IKU Perubahan 2024")
    pk = tmp_path / "content" / "pk_2024.toml"
    pk.write_text(edited(('iku = "iku_2024.toml"', 'iku = "v2024-01:content/iku_2024.toml"')), encoding="utf-8")
    status, _, err = run(capsys, "check", str(pk))
    assert status == 0 and err == [
        f"{pk}:{line_of(pk, 'iku')}: peringatan: perjanjian.iku: target PK 2024 5,71, IKU Perubahan 2024 8,57 "
        f"(\"Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi)\", {tmp_path / 'content' / 'iku_2024.toml'}): IKU "
        "yang "
        "dirujuk sudah direvisi; rujuk revisi itu bila Perjanjian Kinerja ikut diubah [pk-target-direvisi]"]
    assert run(capsys, "check", "--strict", str(pk))[0] == 1
    # built from the revision it names: the agreement says what was signed
    outputs = build_file(pk, tmp_path / "build", Options(("html",))).outputs
    assert html_table_rows(outputs[0], "target")[1][3] == "5,71 %"
    # its own revisions compare as files do: a PK read from git reads its IKU from the same revision
    commit("PK 2024")
    pk.write_text(pk.read_text(encoding="utf-8").replace("anggaran = 1250000000", "anggaran = 1350000000"),
                  encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "diff", "HEAD", "content/pk_2024.toml")
    assert status == 1 and out[2:] == [
        "Program dan anggaran",
        "  Anggaran, Program Pengawasan dan Pemeriksaan Koperasi: Rp 1.250.000.000 -> Rp 1.350.000.000",
        "  Jumlah anggaran: Rp 3.400.000.000 -> Rp 3.500.000.000"]


def test_a_later_revision_file_that_replaces_the_named_iku_is_found(tmp_path, capsys):
    variant(tmp_path, ("2024 = 8.57", "2024 = 5.71"))
    revised = SAMPLE.read_text(encoding="utf-8") + '\n[revisi]\nmenggantikan = "iku_2024.toml"\n'
    (tmp_path / "iku_2024_perubahan.toml").write_text(revised, encoding="utf-8")
    pk = tmp_path / "pk.toml"
    pk.write_text(PK_TEXT, encoding="utf-8")
    status, _, err = run(capsys, "check", str(pk))
    assert status == 0 and "target PK 2024 5,71, IKU Perubahan 2024 8,57" in err[0]
    assert err[0].endswith(f"{tmp_path / 'iku_2024_perubahan.toml'}): IKU yang dirujuk sudah direvisi; rujuk revisi itu "
                           "bila Perjanjian Kinerja ikut diubah [pk-target-direvisi]")


def test_a_later_revision_made_by_ikudoc_new_is_found_from_a_git_revision(tmp_path, capsys, monkeypatch):
    """The January IKU, tagged; the Perubahan written beside it by 'ikudoc new', no link between them."""
    git = require_tool("git")
    content = tmp_path / "content"
    content.mkdir()
    variant(content, ("2024 = 8.57", "2024 = 5.71"), ('tanggal = "2024-10"', 'tanggal = "2024-01"'))
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "IKU"],
                 ["tag", "v2024-01"]):
        subprocess.run([git, *args], cwd=tmp_path, check=True, capture_output=True)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "--from", "content/iku_2024.toml", "content/iku_2024_p.toml", "--tanggal", "2024-10",
               "--label", "Perubahan 2024")[0] == 0
    revised = content / "iku_2024_p.toml"
    text = revised.read_text(encoding="utf-8")
    at = text.rindex("2024 = 5.71")  # the target in force; the one before it is now "sebelum perubahan"
    revised.write_text(text[:at] + "2024 = 8.57" + text[at + len("2024 = 5.71"):], encoding="utf-8")
    pk = content / "pk_2024.toml"
    pk.write_text(edited(('iku = "iku_2024.toml"', 'iku = "v2024-01:content/iku_2024.toml"'),
                         ("tanggal = 2024-10-21", "tanggal = 2024-01-15")), encoding="utf-8")
    status, _, err = run(capsys, "check", "content/pk_2024.toml")
    assert status == 0 and err == [
        f"{shown('content/pk_2024.toml')}:{line_of(pk, 'iku')}: peringatan: perjanjian.iku: target PK 2024 5,71, IKU "
        "Perubahan 2024 8,57 (\"Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi)\", "
        f"{shown('content/iku_2024_p.toml')}): IKU yang "
        "dirujuk sudah direvisi; rujuk revisi itu bila Perjanjian Kinerja ikut diubah [pk-target-direvisi]"]


def test_an_agreement_signed_before_its_iku_revision_is_questioned(tmp_path, capsys):
    pk = project(tmp_path, edited(("tanggal = 2024-10-21", "tanggal = 2024-01-15")))
    status, _, err = run(capsys, "check", str(pk))
    assert status == 0 and err == [
        f"{pk}:{line_of(pk, 'tanggal')}: peringatan: perjanjian.tanggal: PK bertanggal 15 Januari 2024, tetapi IKU "
        f"Perubahan 2024 yang menjadi sumber targetnya ({tmp_path / 'iku_2024.toml'}) bertanggal Oktober 2024: targetnya "
        "belum ada saat PK ditandatangani; rujuk revisi IKU yang berlaku saat itu (misalnya revisi git), atau "
        "perbarui tanggal bila ini PK perubahan [pk-iku-lebih-baru]"]


def test_programs_and_parties_that_an_evaluator_would_send_back(tmp_path, capsys):
    pk = project(tmp_path, edited(
        ("anggaran = 2150000000", "anggaran = 2150"),
        ('nama = "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)"',
         'nama = "Program Pengawasan dan Pemeriksaan Koperasi"'),
        ('nama = "NAMA GUBERNUR LAMPUNG"', 'nama = "Drs. SAMSURIJAL., MM."')))
    status, _, err = run(capsys, "check", str(pk))
    second, same = line_of(pk, 'nama = "Program Pengawasan', 2), line_of(pk, 'nama = "Drs.')
    assert status == 1 and err[:3] == [
        f"{pk}:{same}: pihak_kedua.nama: pihak kedua adalah atasan pihak pertama, bukan orang "
        "yang sama (Drs. SAMSURIJAL., MM.) [pk-pihak-sama]",
        f"{pk}:{second}: peringatan: program[2].nama: program \"Program Pengawasan dan Pemeriksaan Koperasi\" sudah "
        "ditulis di program[1]; satu program satu baris, dengan anggarannya dijumlahkan [pk-program-ganda]",
        f"{pk}:{line_of(pk, 'anggaran = 2150')}: peringatan: program[2].anggaran: anggaran Rp 2.150 sangat kecil; "
        "anggaran ditulis dalam rupiah penuh, misalnya 1250000000 untuk Rp 1.250.000.000 [pk-anggaran-kecil]"]


def test_a_single_program_table_is_shown_how_to_write_it(tmp_path, capsys):
    one = PK_TEXT[:PK_TEXT.index('[[program]]\nnama = "Program Pemberdayaan')]
    pk = project(tmp_path, one.replace("[[program]]", "[program]"))
    status, _, err = run(capsys, "check", str(pk))
    assert status == 1 and err[0] == (f"{pk}:{line_of(pk, '[program]')}: program: satu butir program ditulis "
                                      "[[program]] (dua kurung siku), bukan [program] [harus-daftar]")


def test_diff_reports_changed_targets_programs_and_budgets(tmp_path, capsys):
    old = project(tmp_path, edited(("tahun = 2024", "tahun = 2023"), ("tanggal = 2024-10-21", "tanggal = 2023-01-16")))
    new = tmp_path / "pk_baru.toml"
    new.write_text(edited(("anggaran = 1250000000", "anggaran = 1300000000"),
                          ('keterangan = "APBD"\n\n[[program]]', 'keterangan = "APBD"\n\n[[program]]\nnama = "Program '
                           'Baru"\nanggaran = 5000000\n\n[[program]]')), encoding="utf-8")
    status, out, _ = run(capsys, "diff", str(old), str(new))
    assert status == 1 and out == [
        f"Perubahan dari {old} ke {new}", "",
        "Perjanjian", "  Tahun: 2023 -> 2024", "  Tanggal: 16 Januari 2023 -> 21 Oktober 2024", "",
        "Target",
        "  Target 2023 → 2024, Persentase Koperasi Yang Berkualitas: 35,22 -> 36,18 %",
        "  Target 2023 → 2024, Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi): 4,47 -> 8,57 %", "",
        "Program dan anggaran",
        "  Anggaran, Program Pengawasan dan Pemeriksaan Koperasi: Rp 1.250.000.000 -> Rp 1.300.000.000",
        "  Program ditambah: {+Program Baru (Rp 5.000.000)+}",
        "  Jumlah anggaran: Rp 3.400.000.000 -> Rp 3.455.000.000",
    ]
    assert run(capsys, "diff", str(old), str(old))[:2] == (0, [f"Perubahan dari {old} ke {old}: tidak ada perbedaan."])
    status, _, err = run(capsys, "diff", str(old), str(tmp_path / "iku_2024.toml"))
    assert status == 2 and "bukan dokumen sejenis" in err[0]


def test_new_pk_writes_next_years_agreement_from_the_current_one(tmp_path, capsys, monkeypatch):
    (tmp_path / "content").mkdir()
    shutil.copy(SAMPLE, tmp_path / "content")
    (tmp_path / "content" / PK.name).write_text(PK_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "new", "--pk", "2023")
    assert status == 0 and out[0] == (f"ditulis {shown('content/pk_2023.toml')} (Perjanjian Kinerja 2023, tanggal "
                                      f"2023-01, dari {shown('content/pk_2024.toml')})")
    written = (tmp_path / "content" / "pk_2023.toml").read_text(encoding="utf-8").splitlines()
    before = PK_TEXT.splitlines()
    changed = {n: line for n, (line, was) in enumerate(zip(written, before, strict=True)) if line != was}
    assert list(changed.values()) == [  # the opening comment follows the year; the rest is as it was
        "# Perjanjian Kinerja (PK) Tahun 2023",
        "# Sasaran, indikator dan target 2023 diambil dari IKU di bawah (tidak diketik dua kali), begitu pula",
        "# Hasilnya build/pk_2023.docx dan build/pk_2023.html.", "# PK tahun berikutnya: ikudoc new --pk 2024",
        "tahun = 2023", 'tanggal = "2023-01"']
    assert run(capsys, "check", "content/pk_2023.toml")[0] == 0
    status, _, err = run(capsys, "new", "--pk", "2025")
    assert status == 1 and err == [f"gagal: {shown('content/pk_2025.toml')} tidak ditulis: tahun 2025 tidak ada di "
                                   f"target IKU {shown('content/iku_2024.toml')} (2021, 2022, 2023, 2024); pilih salah satu tahun itu, atau "
                                   "tambahkan targetnya di IKU; sebutkan IKU yang memuat tahun itu dengan --iku BERKAS"]
    assert not (tmp_path / "content" / "pk_2025.toml").exists()
    # a new period: its IKU is named, as typed from here, and written relative to the new file
    shaped_content(tmp_path / "content", [1, 2], years=range(2025, 2030), name="iku_2025.toml")
    assert run(capsys, "new", "--pk", "2025", "--iku", "content/iku_2025.toml")[0] == 0
    assert 'iku = "iku_2025.toml"' in (tmp_path / "content" / "pk_2025.toml").read_text(encoding="utf-8")
    assert run(capsys, "check", "content/pk_2025.toml")[:2] == (0, [f"{shown('content/pk_2025.toml')}: 0 galat, "
                                                                    "0 peringatan"])


def test_new_tells_an_iku_from_an_agreement(tmp_path, capsys, monkeypatch):
    project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "--pk", "2023", "--from", "iku_2024.toml")[::2] == (1, [
        "gagal: iku_2024.toml bukan Perjanjian Kinerja (tidak ada [perjanjian]); sebutkan PK yang sekarang dengan "
        "--from, atau mulai revisi IKU tanpa --pk"])
    assert run(capsys, "new", "--from", "pk.toml", "iku_2025.toml")[::2] == (1, [
        "gagal: pk.toml adalah Perjanjian Kinerja, bukan IKU; PK tahun berikutnya dibuat dengan ikudoc new --pk "
        "TAHUN --from pk.toml"])
    assert run(capsys, "new", "--pk", "2023", "--from", "pk.toml", "--label", "x")[0] == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["iku_2024.toml", "pk.toml"]


def test_the_plain_build_builds_the_iku_its_pk_and_its_report(tmp_path, capsys, monkeypatch):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "build", "--no-fill-toc")
    assert status == 0 and out == [f"ditulis {shown(f'build/{name}')}" for name in (
        "iku_2024.docx", "iku_2024.html", "lkjip_2024.docx", "lkjip_2024.html", "pk_2024.docx", "pk_2024.html")]
