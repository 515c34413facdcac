"""Every bad input found by trying ikudoc as an adversarial user would is answered: a problem line that
names file, line and key (exit 1), or a document that shows the text as typed; never a crash, and the
outputs of the last good build untouched. One test per case; watch, kill -9 and the full disk are in
test_watch.py, test_files.py and test_cli.py."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from ikudoc.cli import main
from ikudoc.render.docx.writer import PROPERTY_LIMIT
from support import SAMPLE
from support.content_variants import line_of, variant
from support.document_text import html_blocks


def run(capsys, *args: str) -> tuple[int, list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "galat tak terduga" not in captured.err
    return status, captured.err.splitlines()


def refused_everywhere(path: Path, tmp_path: Path, capsys) -> list[str]:
    """The problem lines of ``path``, after checking that build, check and diff all refuse it with the
    same first line and that a build leaves the good outputs as they were."""
    out = tmp_path / "out"
    assert run(capsys, "build", str(SAMPLE), "-o", str(out), "--no-fill-toc")[0] == 0
    good = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / f"{SAMPLE.stem}.docx").rename(out / f"{path.stem}.docx")  # as if path had built before
    (out / f"{SAMPLE.stem}.html").rename(out / f"{path.stem}.html")
    status, built = run(capsys, "build", str(path), "-o", str(out), "--no-fill-toc")
    assert status == 1
    assert sorted(p.read_bytes() for p in out.iterdir()) == sorted(good.values())
    status, checked = run(capsys, "check", str(path))
    assert status == 1 and checked[0] == built[0]
    status, compared = run(capsys, "diff", str(SAMPLE), str(path))
    assert status == 2 and built[0] in "\n".join(compared)
    return [line for line in built if line.startswith(f"{path}:") and not line.startswith(f"{path}: ")]


def docx_texts(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# 2. A long title: Word keeps at most 255 characters in the title property.
def test_a_title_of_any_length_builds_and_word_gets_it_cut_at_a_word(tmp_path, capsys):
    long_title = "Indikator Kinerja Utama " + "Perangkat Daerah Provinsi Lampung " * 7
    path = variant(tmp_path, ('judul = "Indikator Kinerja Utama OPD"', f'judul = "{long_title.strip()}"'))
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "out"), "--no-fill-toc")[0] == 0
    with zipfile.ZipFile(tmp_path / "out" / "iku_2024.docx") as archive:
        core = etree.fromstring(archive.read("docProps/core.xml"))
    title = core.find("{http://purl.org/dc/elements/1.1/}title").text
    assert len(title) <= PROPERTY_LIMIT and title.endswith("…") and title.startswith("Indikator Kinerja Utama")
    assert long_title.strip().upper() in docx_texts(tmp_path / "out" / "iku_2024.docx"), "the cover shows it whole"


# 3. Numbers beyond what a table holds, and integers beyond what Python converts.
@pytest.mark.parametrize("typed, said", [
    ("1e25", "26 angka sebelum koma"),
    ("1e308", "309 angka sebelum koma"),
    ("12345678901234567890123456", "26 angka sebelum koma"),
    ("0.000000000001", "12 angka sesudah koma"),
])
def test_a_huge_or_endless_number_is_a_problem_on_its_line(tmp_path, capsys, typed, said):
    path = variant(tmp_path, ("2024 = 8.57", f"2024 = {typed}"))
    assert refused_everywhere(path, tmp_path, capsys) == [
        f"{path}:{line_of(path, f'2024 = {typed}')}: sasaran[2].indikator[1].target.2024: angka target paling "
        f"banyak 15 angka sebelum koma dan 10 sesudahnya; yang tertulis {said} [target-angka-batas]"]


def test_an_integer_of_thousands_of_digits_is_a_problem_on_its_line(tmp_path, capsys):
    digits = "9" * 5000
    path = variant(tmp_path, ("2024 = 8.57", f"2024 = {digits}"))
    assert refused_everywhere(path, tmp_path, capsys) == [
        f"{path}:{line_of(path, '2024 = 999')}: angka ini terlalu panjang untuk dibaca; angka target paling banyak "
        "15 angka sebelum koma [sintaks-toml]"]


# 4. Noncharacters are refused as control characters are, in every kind of field.
@pytest.mark.parametrize("edit, key", [
    (('singkatan = "IKU OPD"', 'singkatan = "IKU \\uFFFE OPD"'), "dokumen.singkatan"),
    (('judul = "Indikator Kinerja Utama OPD"', 'judul = "Indikator \\uFFFF Kinerja"'), "dokumen.judul"),
    (("Puji syukur", "Puji \\uFDD0 syukur"), "kata_pengantar.isi"),
    (('satuan = "%"\nsumber_data = "ODS', 'satuan = "%\\U0010FFFE"\nsumber_data = "ODS'),
     "sasaran[1].indikator[1].satuan"),
])
def test_a_noncharacter_is_a_problem_naming_its_code(tmp_path, capsys, edit, key):
    path = variant(tmp_path, edit)
    code = edit[1].split("\\")[1][1:].lstrip("0").rjust(4, "0")[:6].split('"')[0].split(" ")[0]
    lines = refused_everywhere(path, tmp_path, capsys)
    assert len(lines) == 1 and f": {key}: berisi U+{code.upper()}, kode yang bukan karakter" in lines[0]
    assert lines[0].endswith("hapus kode itu [nonkarakter]")


# 5. An emblem that claims to be a PNG or JPEG but is not a whole one, and one that cannot be read.
@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,  # the PNG magic and nothing after it
    b"\xff\xd8\xff\xe0" + b"\x00" * 100,  # the JPEG magic and nothing after it
    "png-cut",  # a real PNG cut short
])
def test_a_damaged_emblem_is_a_problem_on_its_line(tmp_path, capsys, data):
    from PIL import Image

    if data == "png-cut":
        Image.new("RGB", (40, 40), "red").save(tmp_path / "utuh.png")
        data = (tmp_path / "utuh.png").read_bytes()[:70]
    (tmp_path / "lambang.png").write_bytes(data)
    path = variant(tmp_path, ("# lambang = ", 'lambang = "lambang.png" # '))
    assert refused_everywhere(path, tmp_path, capsys) == [
        f'{path}:{line_of(path, "lambang =")}: dokumen.lambang: berkas "lambang.png" bukan gambar PNG atau JPEG '
        "yang utuh; simpan ulang gambarnya sebagai PNG [gambar-jenis]"]


def test_an_unreadable_emblem_is_a_problem_on_its_line(tmp_path, capsys, monkeypatch):
    from PIL import Image

    Image.new("RGB", (40, 40), "red").save(tmp_path / "lambang.png")
    path = variant(tmp_path, ("# lambang = ", 'lambang = "lambang.png" # '))
    real_open = os.open

    def locked(path, *args, **kwargs):  # as a file another program holds locked (root, running the tests, reads all)
        if Path(path).name == "lambang.png":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", locked)
    status, err = run(capsys, "check", str(path))
    assert status == 1 and err[0] == (
        f'{path}:{line_of(path, "lambang =")}: dokumen.lambang: berkas gambar "lambang.png" tidak bisa dibaca '
        "(tidak diizinkan; berkas atau foldernya terkunci, hanya-baca, atau sedang dibuka program lain) "
        "[gambar-tidak-terbaca]")


# 6. A Markdown link definition would be deleted by Markdown: it is reported, as links are.
def test_a_link_definition_line_is_reported_not_deleted(tmp_path, capsys):
    path = variant(tmp_path, ("Puji syukur", "[Situs resmi]: www.lampungprov.go.id\n\nPuji syukur"))
    lines = refused_everywhere(path, tmp_path, capsys)
    assert len(lines) == 1 and lines[0].endswith(
        ": kata_pengantar.isi: definisi tautan [..]: .. tidak didukung di dalam teks dokumen (Markdown akan "
        "menghapus barisnya); bila maksudnya teks biasa, tulis \\\\[ (garis miring terbalik dua kali di dalam tanda "
        "kutip TOML) [markdown]")
    escaped = variant(tmp_path, ("Puji syukur", "\\\\[Situs resmi]: www.lampungprov.go.id\n\nPuji syukur"))
    assert run(capsys, "build", str(escaped), "-o", str(tmp_path / "ok"), "--no-fill-toc")[0] == 0
    assert "[Situs resmi]: www.lampungprov.go.id" in docx_texts(tmp_path / "ok" / "iku_2024.docx")


# 7. A period typo is a problem, not a table of two billion years.
@pytest.mark.parametrize("period, message", [
    ("{ awal = 2019, akhir = 2024000000 }", "dokumen.periode.akhir: tidak boleh lebih dari 2200 [terlalu-besar]"),
    ("{ awal = 19, akhir = 2024 }", "dokumen.periode.awal: tidak boleh kurang dari 1900 [terlalu-kecil]"),
    ("{ awal = 1990, akhir = 2024 }", "dokumen.periode.akhir: periode paling panjang 30 tahun; 1990–2024 adalah "
                                      "35 tahun [periode]"),
])
def test_a_period_out_of_bounds_is_a_problem(tmp_path, capsys, period, message):
    path = variant(tmp_path, ("periode = { awal = 2019, akhir = 2024 }", f"periode = {period}"))
    status, err = run(capsys, "check", str(path))
    assert status == 1 and err[0] == f"{path}:{line_of(path, 'periode =')}: {message}"


# 9. Files and commands that go wrong say so in Indonesian, with the right exit status.
def test_an_unreadable_content_file_is_named_in_indonesian(tmp_path, capsys):
    folder = tmp_path / "iku_2024.toml"
    folder.mkdir()  # unreadable as a file; root, running the tests, reads any file
    status, err = run(capsys, "build", str(folder))
    assert status == 1 and err[0].startswith(f"{folder}: ") and "bukan berkas" in err[0]


def test_git_setup_explains_a_gitattributes_it_cannot_use(tmp_path, capsys, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    attributes = tmp_path / ".gitattributes"
    attributes.mkdir()
    status, err = run(capsys, "git-setup")
    assert status == 1 and err == [f"gagal: {attributes} adalah folder, padahal git membutuhkan berkas dengan nama "
                                   "itu; pindahkan atau ganti nama folder itu, lalu jalankan lagi"]
    attributes.rmdir()
    attributes.write_bytes("*.txt text\n".encode("utf-16"))  # PowerShell's echo
    status, err = run(capsys, "git-setup")
    assert status == 1 and "tersimpan sebagai UTF-16" in err[0]
    attributes.write_bytes(b"# caf\xe9 (Latin-1)\n*.txt text")
    assert run(capsys, "git-setup")[0] == 0
    assert attributes.read_bytes() == b"# caf\xe9 (Latin-1)\n*.txt text\n*.docx diff=ikudoc-docx\n"


def test_an_unexpected_error_is_one_indonesian_line_with_exit_3(tmp_path, capsys, monkeypatch):
    from ikudoc.commands import build

    def broken(*args, **kwargs):  # a bug anywhere in the build
        raise RuntimeError("contoh")

    monkeypatch.setattr(build, "render", broken)
    assert main(["build", str(SAMPLE), "-o", str(tmp_path), "--no-fill-toc"]) == 3
    assert capsys.readouterr().err == (
        "galat tak terduga (bukan kesalahan isi): RuntimeError: contoh. Jalankan lagi dengan 'ikudoc --debug ...' "
        "lalu laporkan keluarannya kepada pengembang ikudoc.\n")
    monkeypatch.setattr("ikudoc.iku.diff.compare", broken)
    assert main(["diff", str(SAMPLE), str(SAMPLE)]) == 3, "not 1, which would say the files differ"


# 10. Text that looks like syntax to one of our tools is printed as typed.
def test_docxtpl_escapes_in_text_print_as_typed(tmp_path, capsys):
    typed = "{_{ x }_} dan {_% y %_}"
    in_markdown = typed.replace("_", "\\\\_")  # Markdown would read _{ x }_ as italic
    path = variant(tmp_path, ('nama = "Persentase Koperasi Yang Berkualitas"', f'nama = "Persentase {typed}"'),
                   ("Puji syukur", f"**{in_markdown}** Puji syukur"))
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "out"), "--no-fill-toc")[0] == 0
    word = docx_texts(tmp_path / "out" / "iku_2024.docx")
    page = "\n".join(html_blocks(tmp_path / "out" / "iku_2024.html"))
    for shown in (word, page):
        assert f"Persentase {typed}" in shown and f"{typed} Puji syukur" in shown


def test_a_private_use_character_is_kept_and_ampersands_too(tmp_path, capsys):
    path = variant(tmp_path, ("Puji syukur", "Ikon \ue000 & \uf8ff &amp; Puji syukur"))
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "out"), "--no-fill-toc")[0] == 0
    assert "Ikon \ue000 & \uf8ff &amp; Puji syukur" in docx_texts(tmp_path / "out" / "iku_2024.docx")


def test_a_paragraph_starting_with_a_year_is_not_a_list(tmp_path, capsys):
    path = variant(tmp_path, ("Puji syukur", "2024. Tahun ini koperasi tumbuh.\n\nPuji syukur"))
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "out"), "--no-fill-toc")[0] == 0
    paragraphs = docx.Document(str(tmp_path / "out" / "iku_2024.docx")).paragraphs
    year = next(p for p in paragraphs if "Tahun ini koperasi" in p.text)
    assert year.text == "2024. Tahun ini koperasi tumbuh." and year._p.pPr is None  # no list numbering
