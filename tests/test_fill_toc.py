"""The Word file that gets signed has a daftar isi with page numbers: `ikudoc build` fills it with
LibreOffice by default, one LibreOffice for a whole run, keeps ikudoc's own file (only the numbers
come from LibreOffice), and says in one line when LibreOffice is missing."""

from __future__ import annotations

import io
import os
import subprocess
import time
import zipfile

import pytest

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from ikudoc.render.docx import libreoffice
from ikudoc.render.docx.libreoffice import Office, toc_entries
from support import SAMPLE, posix_only, require_libreoffice_python
from support.page_checker import faults, parts_of
from support.pdf_pages import assert_paged_like_the_word_layout

TITLES = ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "1.1 Latar Belakang", "1.2 Maksud dan Tujuan",
          "BAB II PENGERTIAN INDIKATOR KINERJA UTAMA", "2.1 PENGERTIAN INDIKATOR KINERJA UTAMA", "2.2 VISI DAN MISI",
          "2.3 TUJUAN DAN SASARAN", "2.4 STRATEGI DAN KEBIJAKAN", "BAB III PENETAPAN INDIKATOR KINERJA UTAMA",
          "BAB IV PENUTUP", "LAMPIRAN"]


@pytest.fixture(scope="session")
def filled_docx(tmp_path_factory, office):
    result = build_file(SAMPLE, tmp_path_factory.mktemp("filled"), Options(("docx",), fill_toc=True), office)
    assert result.catatan == ()
    return result.outputs[0]


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_build_fills_the_daftar_isi_by_default(tmp_path, capsys):
    require_libreoffice_python()
    assert main(["build", str(SAMPLE), "-o", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    entries = toc_entries((tmp_path / "iku_2024.docx").read_bytes())
    assert [title for title, _ in entries] == TITLES
    assert entries[0][1] == "i" and entries[2][1] == "1" and all(page for _, page in entries)
    # The field is up to date: Word does not ask to update it on opening.
    files = parts(tmp_path / "iku_2024.docx")
    assert b"updateFields" not in files["word/settings.xml"] and b"w:dirty" not in files["word/document.xml"]


def test_no_fill_toc_leaves_the_field_for_word_to_update(tmp_path, capsys):
    assert main(["build", str(SAMPLE), "-o", str(tmp_path), "--no-fill-toc"]) == 0
    assert capsys.readouterr().err == ""
    entries = toc_entries((tmp_path / "iku_2024.docx").read_bytes())
    assert [title for title, _ in entries] == TITLES and not any(page for _, page in entries)
    assert b'<w:updateFields w:val="true"/>' in parts(tmp_path / "iku_2024.docx")["word/settings.xml"]


def test_filled_docx_is_ikudocs_own_file_with_the_page_numbers_added(filled_docx, tmp_path):
    built = parts(build_file(SAMPLE, tmp_path, Options(("docx",))).outputs[0])
    filled = parts(filled_docx)
    assert filled.keys() == built.keys()
    assert {name for name in built if built[name] != filled[name]} == {"word/document.xml", "word/settings.xml"}
    document = filled["word/document.xml"]
    for _, page in toc_entries(filled_docx.read_bytes()):  # without the added numbers: the built document
        number = f"<w:tab/></w:r><w:r><w:t>{page}</w:t></w:r>".encode()
        assert number in document
        document = document.replace(number, b"<w:tab/></w:r>", 1)
    assert document == built["word/document.xml"].replace(b' w:dirty="true"', b"")


def test_filled_docx_pages_match_the_pdf_libreoffice_prints_from_it(filled_docx, office, tmp_path):
    pdf = tmp_path / "dicetak.pdf"
    pdf.write_bytes(office.to_pdf(filled_docx.read_bytes()))
    assert_paged_like_the_word_layout(pdf)
    assert faults(pdf, parts_of(SAMPLE)) == []


def test_filled_docx_is_reproducible(filled_docx, tmp_path):
    time.sleep(1.1)
    with Office() as another:  # a LibreOffice of its own, which counts its bookmarks anew
        again = build_file(SAMPLE, tmp_path, Options(("docx",), fill_toc=True), another).outputs[0]
    assert again.read_bytes() == filled_docx.read_bytes()


def test_without_libreoffice_one_line_says_so_and_the_field_stays(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    second = tmp_path / "iku_2025.toml"
    second.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", str(SAMPLE), str(second), "-o", str(tmp_path / "a"), "--format", "docx"]) == 0
    err = capsys.readouterr().err
    assert err == (f"{SAMPLE}: catatan: LibreOffice tidak ditemukan, jadi daftar isi DOCX belum bernomor halaman "
                   "(Word mengisinya saat berkas dibuka). Agar terisi, pasang LibreOffice: Debian/Ubuntu 'apt-get "
                   "install libreoffice-writer-nogui python3-uno', Windows dan macOS dari libreoffice.org (terpasang di "
                   "tempat lain: sebutkan soffice-nya di variabel lingkungan IKUDOC_SOFFICE); --no-fill-toc membangun "
                   "tanpa mencobanya\n")
    plain = build_file(SAMPLE, tmp_path / "b", Options(("docx",))).outputs[0]
    assert (tmp_path / "a" / "iku_2024.docx").read_bytes() == plain.read_bytes()


def test_a_batch_is_filled_by_one_libreoffice_per_core_at_most(tmp_path, monkeypatch):
    require_libreoffice_python()
    started = []
    popen = subprocess.Popen

    def counting(args, *rest, **options):
        started.extend(arg for arg in args if str(arg).endswith("uno_worker.py"))
        return popen(args, *rest, **options)

    monkeypatch.setattr(libreoffice.subprocess, "Popen", counting)
    sources = []
    for year in range(2024, 2029):
        sources.append(tmp_path / f"iku_{year}.toml")
        sources[-1].write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", *map(str, sources), "-o", str(tmp_path / "out"), "--format", "docx"]) == 0
    assert 1 <= len(started) <= min(os.cpu_count() or 1, 2), "started once per core, not once per file"
    for source in sources:
        entries = toc_entries((tmp_path / "out" / f"{source.stem}.docx").read_bytes())
        assert all(page for _, page in entries)


def test_a_daftar_isi_libreoffice_changed_is_not_used(tmp_path, monkeypatch, office):
    headings = libreoffice.headings
    monkeypatch.setattr(libreoffice, "headings", lambda data: [*headings(data), "BAB V TIDAK ADA"])
    result = build_file(SAMPLE, tmp_path, Options(("docx",), fill_toc=True), office)
    assert result.catatan == ("LibreOffice mengubah daftar isi (13 entri, seharusnya 14 dengan nomor halaman); "
                              "DOCX dibiarkan seperti dibangun",)
    plain = build_file(SAMPLE, tmp_path / "b", Options(("docx",))).outputs[0]
    assert result.outputs[0].read_bytes() == plain.read_bytes()


def test_the_added_numbers_read_back_as_entries(filled_docx):
    """What Word and LibreOffice show: every entry with its number, read by python-docx."""
    import docx

    document = docx.Document(io.BytesIO(filled_docx.read_bytes()))
    lines = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert lines[0] == "KATA PENGANTAR\ti" and lines[-1].startswith("LAMPIRAN\t")


@posix_only("execv")
@pytest.mark.parametrize("failure, times, message", [
    # A LibreOffice that dies before its first answer is started once more, on a new profile: it dies twice.
    ("sys.stderr.write('Traceback ...\\nRuntimeError: jembatan UNO putus\\n')\nsys.exit(1)", 2,
     "LibreOffice berhenti (RuntimeError: jembatan UNO putus); DOCX dibiarkan seperti dibangun"),
    ("sys.stdin.readline()\ntime.sleep(60)", 1,
     "LibreOffice tidak selesai dalam 1 detik; DOCX dibiarkan seperti dibangun"),
])
def test_a_libreoffice_that_dies_or_hangs_is_a_note_and_the_next_file_gets_a_new_one(tmp_path, monkeypatch, failure,
                                                                                      times, message):
    require_libreoffice_python()
    fake = tmp_path / "uno_gagal.py"  # fails the first ``times`` times it runs, then is the real script
    count = str(tmp_path / "gagal")
    fake.write_text("import os, sys, time\n"
                    f"failed = len(open({count!r}).read()) if os.path.exists({count!r}) else 0\n"
                    f"if failed < {times}:\n    open({count!r}, 'a').write('x')\n"
                    + "".join(f"    {line}\n" for line in failure.splitlines())
                    + f"os.execv(sys.executable, [sys.executable, {str(libreoffice.SCRIPT)!r}, *sys.argv[1:]])\n",
                    encoding="utf-8")
    monkeypatch.setattr(libreoffice, "SCRIPT", fake)
    monkeypatch.setattr(Office, "TIMEOUT", 1)
    plain = build_file(SAMPLE, tmp_path / "polos", Options(("docx",))).outputs[0].read_bytes()
    with Office() as office:
        first = build_file(SAMPLE, tmp_path / "a", Options(("docx",), fill_toc=True), office)
        assert first.catatan == (message,) and first.outputs[0].read_bytes() == plain
        monkeypatch.setattr(Office, "TIMEOUT", 120)
        second = build_file(SAMPLE, tmp_path / "b", Options(("docx",), fill_toc=True), office)
    assert second.catatan == () and all(page for _, page in toc_entries(second.outputs[0].read_bytes()))
