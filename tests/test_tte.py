"""Ready for an electronic signature (TTE, BSrE): a [tte] table puts the standard footnote on every page, and
each signature block reads "Ditandatangani secara elektronik oleh:", the jabatan, the anchor the signing
application looks for (one per block, nowhere else in the PDF's text), then the name, pangkat and NIP,
without room for a wet signature; check refuses an anchor the text already holds."""

from __future__ import annotations

import shutil

import pytest

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from ikudoc.commands.check import check_file
from ikudoc.content.fields import TTE_NOTE
from support import ROOT, SAMPLE, SAMPLE_PK
from support.content_variants import filled, filled_in
from support.document_text import normalise
from support.page_checker import agreement_faults, faults, parts_of, read_pages, report_faults
from support.pdf_pages import page_texts

SIGNED = "Ditandatangani secara elektronik oleh:"


def signed_iku(folder, tte: str = "[tte]\n", edits: tuple[tuple[str, str], ...] = ()):
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / "iku_2024.toml"
    path.write_text(text + "\n" + tte, encoding="utf-8")
    return path


def signed_pk(folder, tte: str = "[tte]\n"):
    path = folder / "pk_2024.toml"
    path.write_text(filled(SAMPLE_PK.read_text(encoding="utf-8")) + "\n" + tte, encoding="utf-8")
    return path


def block_after(lines: list[str], start: int, length: int) -> list[str]:
    return lines[start:start + length]


def test_an_iku_signed_electronically(tmp_path, office):
    content = signed_iku(tmp_path)
    docx, pdf = build_file(content, tmp_path / "build", Options(("docx", "pdf")), office).outputs
    texts = [normalise(text) for text in page_texts(pdf)]
    footnote = normalise(TTE_NOTE)
    assert all(footnote in text for text in texts), "the footnote on every page, the cover's too"
    assert sum(text.count("#") for text in texts) == 2, "one anchor per signature block, none elsewhere"
    lines = [line for page in read_pages(pdf) for line in page.lines]
    kata_pengantar = lines.index(SIGNED)
    assert block_after(lines, kata_pengantar - 2, 8) == [
        "Bandar Lampung,", "Oktober 2024", SIGNED, "KEPALA DINAS,", "#", "Drs. SAMSURIJAL., MM.",
        "Pembina Utama Madya", "NIP. 19670418 199203 1003"]
    lampiran = lines.index(SIGNED, kata_pengantar + 1)
    assert block_after(lines, lampiran - 1, 7) == [
        "Bandar Lampung, Oktober 2024", SIGNED, "KEPALA DINAS,", "#", "Drs. SAMSURIJAL., MM.", "Pembina Utama Madya",
        "NIP. 19670418 199203 1003"]
    assert faults(pdf, parts_of(content)) == []
    assert [page.label for page in read_pages(pdf)][1:4] == ["i", "ii", "1"], "the page numbers are still read"


def test_a_perjanjian_kinerja_signed_electronically_with_its_own_anchor_and_footnote(tmp_path, office):
    (tmp_path / "iku_2024.toml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    note = "Dokumen ini sah (UU ITE Pasal 5 ayat 1) dan ditandatangani secara elektronik."
    content = signed_pk(tmp_path, f'[tte]\njangkar = "$"\ncatatan = "{note}"\n')
    pdf = build_file(content, tmp_path / "build", Options(("pdf",)), office).outputs[0]
    texts = [normalise(text) for text in page_texts(pdf)]
    assert all(note in text for text in texts)
    assert sum(text.count("$") for text in texts) == 4, "each party's block, on the agreement and in its lampiran"
    assert sum(text.count(SIGNED) for text in texts) == 4
    assert agreement_faults(pdf, content) == []


def test_without_tte_nothing_of_it_is_printed(tmp_path, office):
    pdf = build_file(SAMPLE, tmp_path, Options(("pdf",)), office).outputs[0]
    text = " ".join(page_texts(pdf))
    assert SIGNED not in text and "BSrE" not in text and "#" not in text


def test_check_refuses_an_anchor_the_text_holds(tmp_path):
    content = signed_iku(tmp_path, edits=(("Puji syukur", "Puji syukur #1"),))
    problems = [str(p) for p in check_file(content).problems if p.is_error]
    assert len(problems) == 1 and problems[0].endswith(
        'kata_pengantar.isi: teks ini memuat jangkar TTE "#": aplikasi penandatanganan akan menaruh kode QR di sini '
        "juga; hapus karakter itu, atau pilih jangkar lain ([tte] jangkar) [jangkar-dalam-teks]")
    assert check_file(signed_iku(tmp_path, '[tte]\njangkar = "$"\n', (("Puji syukur", "Puji syukur #1"),))
                      ).galat == 0, "another anchor"


def test_check_refuses_an_anchor_the_iku_puts_into_the_agreement(tmp_path):
    signed_iku(tmp_path, tte="", edits=(('nama = "Persentase Koperasi Yang Berkualitas"',
                                         'nama = "Persentase Koperasi Yang Berkualitas $"'),))
    content = signed_pk(tmp_path, '[tte]\njangkar = "$"\n')
    (problem,) = [p for p in check_file(content).problems if p.is_error]
    assert problem.code == "jangkar-dalam-teks" and problem.loc == ("tte", "jangkar")
    assert f"{tmp_path / 'iku_2024.toml'}:" in problem.message


@pytest.mark.parametrize("anchor", ["##", "A", "7", " "])
def test_an_anchor_is_one_mark(tmp_path, capsys, anchor):
    content = signed_iku(tmp_path, f'[tte]\njangkar = "{anchor}"\n')
    assert main(["check", str(content)]) == 1
    err = capsys.readouterr().err
    assert "tte.jangkar: jangkar harus satu karakter tanda, bukan huruf, angka atau spasi" in err


def test_a_laporan_kinerja_signed_electronically_by_its_head_alone(tmp_path, office):
    """The report's kata pengantar carries the anchor; the Perjanjian Kinerja attached to it was signed on its
    own, so its copy in the lampiran carries none (the signing application would put the head's QR code there)."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    filled_in(folder)
    report = folder / "lkjip_2024.toml"
    report.write_text(report.read_text(encoding="utf-8") + "\n[tte]\n", encoding="utf-8")
    pdf = build_file(report, tmp_path / "build", Options(("pdf",), fill_toc=True), office).outputs[0]
    texts = [normalise(text) for text in page_texts(pdf)]
    assert all(normalise(TTE_NOTE) in text for text in texts)
    assert sum(text.count("#") for text in texts) == 1 and sum(text.count(SIGNED) for text in texts) == 1
    lines = [line for page in read_pages(pdf) for line in page.lines]
    signed = lines.index(SIGNED)
    assert block_after(lines, signed, 5) == [SIGNED, "KEPALA DINAS KOPERASI DAN UKM", "PROVINSI LAMPUNG,", "#",
                                             "Drs. SAMSURIJAL., MM."]  # (the jabatan wraps in its column)
    assert report_faults(pdf, report) == []


def test_check_refuses_an_anchor_the_iku_puts_into_the_report(tmp_path, capsys):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    filled_in(folder)
    iku = folder / "iku_2024.toml"
    iku.write_text(iku.read_text(encoding="utf-8").replace('nama = "Persentase Koperasi Yang Berkualitas"',
                                                           'nama = "Persentase Koperasi Yang Berkualitas #1"'),
                   encoding="utf-8")
    report = folder / "lkjip_2024.toml"
    report.write_text(report.read_text(encoding="utf-8").replace('indikator = "Persentase Koperasi Yang Berkualitas"',
                                                                 'indikator = "Persentase Koperasi Yang Berkualitas #1"')
                      + "\n[tte]\n", encoding="utf-8")
    assert main(["check", str(report)]) == 1
    err = capsys.readouterr().err
    assert f'jangkar TTE "#" juga ada di teks dokumen ({iku}:' in err and "[jangkar-dalam-teks]" in err
