"""No page an official would send back, in the PDF (the Word file as LibreOffice prints it), on A4 and F4,
for the sample and for other shapes of the IKU table: the page checker finds nothing. And the page
checker is shown to find each fault it looks for, on documents made to have it (printed by WeasyPrint,
a test dependency only: it lays out HTML made to hold one fault each)."""

from __future__ import annotations

import dataclasses

import pytest

from ikudoc.commands.build import Options, build_file
from support import FIXTURES, SAMPLE, require_weasyprint
from support.page_checker import DocumentParts, _names_found, faults, parts_of, read_pages
from support.shapes import FOREWORD_PARAGRAPH, shaped_content, spread

SHAPES = {
    "contoh": None,  # the sample as it ships
    "dua-indikator-panjang": {"groups": [2, 1], "sentences": 3},  # two long indicators under one sasaran
    "satu-indikator": {"groups": [1]},
    "tujuh-indikator": {"groups": spread(7)},
    "dua-puluh-indikator": {"groups": spread(20)},
    "sepuluh-tahun-perubahan": {"groups": spread(3), "years": range(2021, 2031)},  # 20 target columns
    # A kata pengantar whose signature would fall alone on the next page.
    "kata-pengantar-panjang": {"groups": [1, 1], "foreword": 7},
}


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("shape", SHAPES)
def test_no_page_an_official_would_send_back(shape, paper, office, tmp_path):
    content = SAMPLE if SHAPES[shape] is None else shaped_content(tmp_path, paper=paper, **SHAPES[shape])
    result = build_file(content, tmp_path / "build", Options(("docx", "pdf"), kertas=paper, fill_toc=True), office)
    assert result.catatan == ()
    assert faults(result.outputs[1], parts_of(content)) == []


@pytest.mark.parametrize("fixture", ["pemda_lima_tahun", "tanpa_target", "kondisi_awal"])
def test_no_page_an_official_would_send_back_in_other_agencies_tables(fixture, office, tmp_path):
    content = FIXTURES / f"{fixture}.toml"
    result = build_file(content, tmp_path, Options(("docx", "pdf"), fill_toc=True), office)
    assert result.catatan == ()
    assert faults(result.outputs[1], parts_of(content)) == []


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("fixture", ["rentang_turun", "tujuan_kesehatan", "pemprov_penjelasan"])
def test_no_page_an_official_would_send_back_in_the_round_two_shapes(fixture, paper, office, tmp_path):
    content = FIXTURES / f"{fixture}.toml"
    result = build_file(content, tmp_path, Options(("docx", "pdf"), kertas=paper, fill_toc=True), office)
    assert result.catatan == ()
    assert faults(result.outputs[1], parts_of(content)) == []


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_no_page_an_official_would_send_back_in_a_numbered_list_of_indicators(paper, office, tmp_path):
    """A table without a sasaran column, long enough to go over pages: each row stands on its own."""
    content = tmp_path / "daftar.toml"
    text = (FIXTURES / "rentang_turun.toml").read_text(encoding="utf-8").split("[[sasaran]]")[0]
    text += '[tabel]\nkolom = ["indikator", "penjelasan", "target", "kondisi_akhir"]\n\n[[sasaran]]\nnama = "Sasaran"\n'
    long = "Penjelasan indikator yang cukup panjang untuk beberapa baris sel tabel daftar. " * 4
    for n in range(1, 19):
        text += (f'\n[[sasaran.indikator]]\nnama = "Indikator Daftar Nomor {n}"\nmakna = "{long}"\narah = "turun"\n'
                 "target = { 2025 = [9, 8], 2026 = [8, 7], 2027 = [7, 6], 2028 = [6, 5], 2029 = [5, 4] }\n"
                 "kondisi_akhir = [5, 4]\n")
    content.write_text(text, encoding="utf-8")
    result = build_file(content, tmp_path / "build", Options(("docx", "pdf"), kertas=paper, fill_toc=True), office)
    assert result.catatan == ()
    assert len([page for page in read_pages(result.outputs[1]) if "Indikator Daftar Nomor" in page.text]) > 2
    assert faults(result.outputs[1], parts_of(content)) == []


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_a_tujuan_of_its_name_alone_is_never_left_at_the_foot_of_a_page(paper, office, tmp_path):
    """Eight tujuan without indicators, each above sasaran with long explanations: some tujuan rows come
    near a page's foot, and must go over with their first sasaran."""
    content = tmp_path / "tujuan.toml"
    text = (FIXTURES / "tujuan_kesehatan.toml").read_text(encoding="utf-8").split("[[tujuan]]")[0]
    long = "Penjelasan definisi operasional yang cukup panjang untuk beberapa baris sel tabel. " * 3
    for t in range(1, 9):
        text += f'[[tujuan]]\nnama = "Tujuan Uji Nomor {t}"\n\n'
    for t in range(1, 9):
        for s in range(1, 3):
            text += (f'[[sasaran]]\nnama = "Sasaran {s} Tujuan {t}"\ntujuan = "Tujuan Uji Nomor {t}"\n\n'
                     f'[[sasaran.indikator]]\nnama = "Indikator {s} Tujuan {t}"\nmakna = "{long}"\n'
                     f'rumus_perhitungan = "Rumus."\nsatuan = "%"\nkondisi_awal = {{ tahun = 2024, nilai = 1 }}\n'
                     "target = { 2025 = 1, 2026 = 2, 2027 = 3, 2028 = 4, 2029 = 5, 2030 = 6 }\n\n")
    content.write_text(text, encoding="utf-8")
    result = build_file(content, tmp_path / "build", Options(("docx", "pdf"), kertas=paper, fill_toc=True), office)
    assert result.catatan == ()
    parts = parts_of(content)
    assert len(parts.tujuan) == 8
    assert faults(result.outputs[1], parts) == []


@pytest.mark.parametrize("paper, paragraphs", [("A4", 7), ("A4", 11), ("F4", 10), ("F4", 15)])
def test_the_kata_pengantar_signature_takes_the_last_paragraph_along(office, tmp_path, paper, paragraphs):
    content = shaped_content(tmp_path, [1, 1], foreword=paragraphs, paper=paper)
    pdf = build_file(content, tmp_path / "build", Options(("docx", "pdf"), fill_toc=True), office).outputs[1]
    pages = read_pages(pdf)
    signed = next(page for page in pages if "KEPALA DINAS," in page.lines)
    assert pages.index(signed) == 2, "the kata pengantar goes on to a second page"
    assert signed.text.startswith(FOREWORD_PARAGRAPH)  # the paragraph before the signature came along
    assert faults(pdf, parts_of(content)) == []


# Documents made to have one fault each, printed by WeasyPrint, against a small document's parts.
PARTS = DocumentParts(
    toc_entries=("BAB I UJI", "BAB II AKHIR"),
    headings=("BAB I UJI", "BAB II AKHIR", "1.1 Bagian Uji"),
    signature="Kota Uji, Maret 2025 KEPALA DINAS, NAMA PEJABAT Pembina NIP. 19800101 200501 1 001",
    sasaran=(("Sasaran Uji Pertama", ("Indikator Uji Satu", "Indikator Uji Dua")),),
    column_headers=("NO", "SASARAN", "INDIKATOR", "PENJELASAN", "2025"),
    table_header="NO SASARAN INDIKATOR PENJELASAN 2025",
)
SIGNATURE = ("<div class=ttd><p>Kota Uji, Maret 2025</p><p>KEPALA DINAS,</p><p>NAMA PEJABAT</p><p>Pembina</p>"
             "<p>NIP. 19800101 200501 1 001</p></div>")
FILLER = "<p>" + "Kalimat pengisi halaman yang cukup panjang untuk beberapa baris. " * 12 + "</p>"


def printed(tmp_path, body: str, css: str = "", toc: tuple[str, str] = ("BAB I UJI ........ 2",
                                                                       "BAB II AKHIR ........ 3")):
    """A PDF of ``body`` after a daftar isi of ``toc`` on the first page, the pages numbered at the foot
    from the second (2, 3, ...)."""
    import weasyprint

    html = (f"<style>@page {{ size: A5; margin: 15mm; @bottom-center {{ content: counter(page) }} }}"
            f"@page :first {{ @bottom-center {{ content: none }} }} .halaman {{ break-before: page }} {css}</style>"
            f"<h1>DAFTAR ISI</h1>{''.join(f'<p>{line}</p>' for line in toc)}{body}")
    pdf = tmp_path / "rusak.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    return pdf


SOUND = f"<h1 class=halaman>BAB I UJI</h1>{FILLER}<h1 class=halaman>BAB II AKHIR</h1><p>Penutup.</p>{SIGNATURE}"


def test_checker_passes_a_sound_small_document(tmp_path):
    require_weasyprint()
    assert faults(printed(tmp_path, SOUND), PARTS) == []


def test_checker_finds_a_page_holding_only_the_signature(tmp_path):
    require_weasyprint()
    pdf = printed(tmp_path, SOUND, css=".ttd { break-before: page }")
    assert faults(pdf, PARTS) == ["page 4: holds only the signature block"]


def test_checker_finds_a_page_ending_in_a_heading(tmp_path):
    require_weasyprint()
    pdf = printed(tmp_path, SOUND.replace(FILLER, f"<p>Awal.</p><h2>1.1 Bagian Uji</h2>{FILLER}"),
                  css="h2 + p { break-before: page }", toc=("BAB I UJI ........ 2", "BAB II AKHIR ........ 4"))
    assert faults(pdf, PARTS) == ["page 2: ends with the heading '1.1 Bagian Uji'"]


@pytest.mark.parametrize("toc, fault", [
    (("BAB I UJI", "BAB II AKHIR ........ 3"), "daftar isi: 'BAB I UJI' has no page number"),
    (("BAB I UJI ........ 2", "BAB II AKHIR ........ 2"), "daftar isi: 'BAB II AKHIR' is not on page 2"),
    (("BAB I UJI ........ 2", "BAB II AKHIR ........ 9"),
     "daftar isi: 'BAB II AKHIR' names page 9, which is not one page of the document"),
])
def test_checker_finds_a_daftar_isi_entry_without_its_page_or_naming_another(tmp_path, toc, fault):
    require_weasyprint()
    assert faults(printed(tmp_path, SOUND, toc=toc), PARTS) == [fault]


def table(rows: str, layout: str = "fixed") -> str:
    """The IKU table as the checker looks for it: after the line LAMPIRAN."""
    return (f"<p>LAMPIRAN</p><table style='border-collapse: collapse; width: 100%; table-layout: {layout}'><colgroup>"
            "<col style='width: 10%'><col style='width: 20%'><col style='width: 20%'><col style='width: 40%'>"
            "<col style='width: 10%'></colgroup><thead><tr><th>NO</th><th>SASARAN</th><th>INDIKATOR</th>"
            f"<th>PENJELASAN</th><th>2025</th></tr></thead><tbody>{rows}</tbody></table>")


def test_checker_finds_rows_whose_sasaran_is_not_named_on_their_page(tmp_path):
    require_weasyprint()
    tall = "Penjelasan yang panjang sekali. " * 10
    rows = (f"<tr><td>1.</td><td rowspan=2>Sasaran Uji Pertama</td><td>Indikator Uji Satu</td><td>{tall}</td>"
            f"<td>1</td></tr><tr><td>2.</td><td>Indikator Uji Dua</td><td>{tall}</td><td>2</td></tr>")
    # WeasyPrint itself, without ikudoc's repeating of split cells: the continued row is left unnamed.
    pdf = printed(tmp_path, f"<h1 class=halaman>BAB I UJI</h1>{table(rows)}<h1 class=halaman>BAB II AKHIR</h1>"
                            f"<p>Penutup.</p>{SIGNATURE}", css="tr { break-inside: avoid }",
                  toc=("BAB I UJI ........ 2", "BAB II AKHIR ........ 4"))
    assert faults(pdf, PARTS) == ["page 3: rows of 'Sasaran Uji Pertama' (Indikator Uji Dua) without the "
                                  "sasaran's name"]


def test_checker_finds_a_tujuan_apart_from_its_first_sasaran(tmp_path):
    require_weasyprint()
    tall = "Penjelasan yang panjang sekali. " * 10
    rows = (f"<tr><td>1.</td><td>Sasaran Uji Pertama</td><td>Indikator Uji Satu</td><td>{tall}</td><td>1</td></tr>"
            "<tr><td></td><td>Tujuan Uji Kedua</td><td></td><td></td><td></td></tr>"
            f"<tr style='break-before: page'><td>2.</td><td>Sasaran Uji Kedua</td><td>Indikator Uji Dua</td>"
            f"<td>{tall}</td><td>2</td></tr>")
    parts = dataclasses.replace(PARTS, sasaran=(("Sasaran Uji Pertama", ("Indikator Uji Satu",)),
                                                ("Tujuan Uji Kedua", ()), ("Sasaran Uji Kedua", ("Indikator Uji Dua",))),
                                tujuan=(("Tujuan Uji Kedua", "Sasaran Uji Kedua"),))
    pdf = printed(tmp_path, f"<h1 class=halaman>BAB I UJI</h1>{table(rows)}<h1 class=halaman>BAB II AKHIR</h1>"
                            f"<p>Penutup.</p>{SIGNATURE}", toc=("BAB I UJI ........ 2", "BAB II AKHIR ........ 4"))
    assert faults(pdf, parts) == ["page 2: tujuan 'Tujuan Uji Kedua' apart from 'Sasaran Uji Kedua', the first "
                                  "sasaran under it, on the next page"]


def test_checker_finds_a_table_cut_at_the_page_edge(tmp_path):
    require_weasyprint()
    wide = "<td style='white-space: nowrap'>" + "SANGAT-LEBAR-" * 12 + "</td>"
    rows = f"<tr><td>1.</td><td>Sasaran Uji Pertama</td><td>Indikator Uji Satu</td>{wide}<td>1</td></tr>"
    pdf = printed(tmp_path, f"<h1 class=halaman>BAB I UJI</h1>{table(rows, 'auto')}<h1 class=halaman>BAB II AKHIR"
                            f"</h1><p>Penutup.</p>{SIGNATURE}")
    found = faults(pdf, PARTS)
    assert "page 2: column header '2025' missing" in found
    assert any(fault.startswith("page 2: '") and fault.endswith("' runs off the paper") for fault in found)


def test_checker_finds_a_repeated_header_that_libreoffice_cut_short(office, tmp_path):
    """Without its least height the first header row of a table with years is cut on later pages."""
    import io
    import re
    import zipfile

    content = shaped_content(tmp_path, spread(3), years=range(2021, 2031))
    built = build_file(content, tmp_path / "build", Options(("docx",)), office).data["docx"]
    with zipfile.ZipFile(io.BytesIO(built)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert b'w:hRule="atLeast"' in parts["word/document.xml"]
    parts["word/document.xml"] = re.sub(rb"<w:trHeight [^>]*/>", b"", parts["word/document.xml"])
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    printed = tmp_path / "terpotong.pdf"
    printed.write_bytes(office.to_pdf(broken.getvalue()))
    found = faults(printed, parts_of(content))
    assert any(re.fullmatch(r"page \d+: column header '.+' missing", fault) for fault in found), found


def test_checker_does_not_find_a_name_inside_a_longer_one():
    text = "1. Koperasi Sehat Jumlah Koperasi Aktif 12 2. Jumlah Koperasi 3"
    names = ["Koperasi Sehat", "Jumlah Koperasi Aktif", "Jumlah Koperasi", "Koperasi Aktif"]
    assert _names_found(text, names) == {"Koperasi Sehat", "Jumlah Koperasi Aktif", "Jumlah Koperasi"}
    assert _names_found("Jumlah Koperasi Aktif", names) == {"Jumlah Koperasi Aktif"}
