"""Revisions: ikudoc diff between files and git revisions, the redline page, "sebelum" targets taken
from the replaced revision, git's textconv for Word files, and byte-stable builds."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from ikudoc.iku import diff as iku_diff
from ikudoc.revisions.comparison import Group
from support import ROOT, SAMPLE, shown

GIT_IDENTITY = ["-c", "user.name=Uji", "-c", "user.email=uji@contoh.invalid", "-c", "commit.gpgsign=false"]

# The sample as an imagined earlier revision: an invented test fixture, never shipped as content.
EARLIER = [
    ('perubahan = "Perubahan 2024"', 'perubahan = "Perubahan 2022"'),
    ('tanggal = "2024-10"', 'tanggal = "2022-01"'),
    ("2024 = 8.57", "2024 = 5.71"),
    ('nama = "Persentase Koperasi Yang Berkualitas"', 'nama = "Persentase Koperasi Berkualitas"'),
    ("Misi ke 5 (lima) dari 6 misi", "Misi ke 5 dari 6 misi"),
    ('  "Pelaksanaan kesekretariatan dinas; dan",\n', ""),
]


def edited(*edits: tuple[str, str]) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *GIT_IDENTITY, *args], cwd=repo, check=True, capture_output=True, encoding="utf-8").stdout


@pytest.fixture()
def repo(tmp_path, monkeypatch) -> Path:
    """A planning office's repository: the 2022 revision, tagged, then the 2024 one."""
    (tmp_path / "content").mkdir()
    content = tmp_path / "content" / "iku_2024.toml"
    git(tmp_path, "init", "-q")
    content.write_text(edited(*EARLIER), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "IKU Perubahan 2022")
    git(tmp_path, "tag", "v2022")
    content.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    git(tmp_path, "commit", "-qam", "IKU Perubahan 2024")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def diff(capsys, *args: str) -> tuple[int, str, str]:
    """``ikudoc diff`` as a user runs it: for what it prints and its exit status."""
    status = main(["diff", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def changes(old, new=None) -> list[tuple[str, str, str, str | None, str | None]]:
    """The comparison itself, each change as (group id, kind, where, old, new): what the logic tests read."""
    from ikudoc.commands.diff import comparison

    return [(c.bagian, c.jenis, c.lokasi, c.lama, c.baru) for c in comparison(str(old), new and str(new)).perubahan]


EXPECTED_2022_TO_2024 = """\
Perubahan dari v2022:content/iku_2024.toml ke content/iku_2024.toml

Sampul dan identitas
  Label perubahan: Perubahan 2022 -> Perubahan 2024
  Tanggal: Januari 2022 -> Oktober 2024

BAB II PENGERTIAN INDIKATOR KINERJA UTAMA
  2.2 VISI DAN MISI, paragraf 3:
    … Lampung akan berpedoman pada Misi ke 5 {+(lima) +}dari 6 misi yang telah dijabarkan pada RPJMD Provinsi Lampung Tahun 2019-2024, yaitu {misi_pilihan}

Lampiran: tugas dan fungsi
  Fungsi, butir 18: {+Pelaksanaan kesekretariatan dinas; dan+}

Sasaran dan indikator
  Nama indikator Persentase Koperasi Berkualitas (dianggap indikator yang sama karena namanya mirip):
    Persentase Koperasi {+Yang +}Berkualitas

Target
  Target 2024, Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi): 5,71 -> 8,57 %
"""


def test_diff_between_a_tag_and_the_working_file(repo, capsys):
    status, out, _ = diff(capsys, "v2022", "content/iku_2024.toml")
    assert status == 1
    assert out == EXPECTED_2022_TO_2024


@pytest.mark.parametrize("old, new", [
    ("HEAD~1:content/iku_2024.toml", "HEAD:content/iku_2024.toml"),
    ("HEAD~1", "content/iku_2024.toml"),
    ("v2022", "HEAD"),  # neither names a file: the only content file is meant
])
def test_the_ways_to_name_revisions_agree(repo, capsys, old, new):
    status, out, _ = diff(capsys, old, new)
    assert status == 1
    assert out.splitlines()[2:] == EXPECTED_2022_TO_2024.splitlines()[2:]


def test_diff_between_two_files(repo, capsys):
    (repo / "lama.toml").write_text(edited(*EARLIER), encoding="utf-8")
    status, out, _ = diff(capsys, "lama.toml", "content/iku_2024.toml")
    assert status == 1
    assert out.splitlines()[0] == "Perubahan dari lama.toml ke content/iku_2024.toml"


def test_identical_inputs_exit_zero(repo, capsys):
    status, out, _ = diff(capsys, "HEAD", "content/iku_2024.toml")
    assert status == 0
    assert out == "Perubahan dari HEAD:content/iku_2024.toml ke content/iku_2024.toml: tidak ada perbedaan.\n"


@pytest.mark.parametrize("old, message", [
    ("v2099", "gagal: v2099:content/iku_2024.toml: revisi git 'v2099' tidak ada"),
    ("HEAD:content/tidak_ada.toml", "gagal: HEAD:content/tidak_ada.toml: berkas content/tidak_ada.toml tidak ada di revisi 'HEAD'"),
])
def test_a_revision_that_does_not_exist(repo, capsys, old, message):
    status, out, err = diff(capsys, old, "content/iku_2024.toml")
    assert (status, out) == (2, "")
    assert err.strip() == message


def test_broken_content_is_an_error_not_a_difference(repo, capsys):
    (repo / "rusak.toml").write_text(edited(("2024 = 8.57", '2024 = "8,57"')), encoding="utf-8")
    status, _, err = diff(capsys, "content/iku_2024.toml", "rusak.toml")
    assert status == 2
    assert "[target-teks-angka]" in err and err.strip().endswith("gagal: konten bermasalah; perbandingan tidak dibuat.")


def test_a_renamed_indicator_is_one_rename_not_a_removal_and_an_addition(repo):
    assert [change for change in changes("v2022", "content/iku_2024.toml") if change[0] == "indikator"] == [
        ("indikator", "ganti-nama", "Nama indikator Persentase Koperasi Berkualitas (dianggap indikator yang sama "
         "karena namanya mirip)", "Persentase Koperasi Berkualitas", "Persentase Koperasi Yang Berkualitas")]


def test_indicators_paired_by_code_survive_a_complete_rename(repo):
    (repo / "a.toml").write_text(edited(('nama = "Persentase Koperasi Yang Berkualitas"',
                                         'nama = "Persentase Koperasi Yang Berkualitas"\nkode = "IKU-1"')),
                                 encoding="utf-8")
    (repo / "b.toml").write_text(edited(('nama = "Persentase Koperasi Yang Berkualitas"',
                                         'nama = "Rasio Koperasi Sehat"\nkode = "IKU-1"')), encoding="utf-8")
    assert [change[:3] for change in changes("a.toml", "b.toml") if change[0] == "indikator"] == [
        ("indikator", "ganti-nama", "Nama indikator Persentase Koperasi Yang Berkualitas")], "known by its code"


def test_a_moved_paragraph_is_reported_once(repo, capsys):
    text = SAMPLE.read_text(encoding="utf-8")
    moved = ("Dengan adanya informasi sebagai hasil dari indikator kinerja yang dibuat, organisasi dapat membuat "
             "keputusan yang dapat memperbaiki kegagalan, mempertahankan keberhasilan dan meningkatkan kinerjanya "
             "dimasa yang akan datang.\n\n")
    assert text.count(moved) == 1
    end_of_bab_iii = "dalam lampiran Indikator Kinerja Utama (IKU).\n"
    changed = text.replace(moved, "").replace(end_of_bab_iii, end_of_bab_iii + "\n" + moved.strip() + "\n")
    (repo / "pindah.toml").write_text(changed, encoding="utf-8")
    from ikudoc.commands.diff import comparison

    (moved_change,) = comparison("content/iku_2024.toml", "pindah.toml").perubahan
    assert (moved_change.kelompok, moved_change.jenis, moved_change.lokasi, moved_change.asal) == (
        "BAB III PENETAPAN INDIKATOR KINERJA UTAMA", "pindah", "paragraf 4", "BAB IV PENUTUP, paragraf 2")
    _, out, _ = diff(capsys, "content/iku_2024.toml", "pindah.toml")
    assert ("  paragraf 4 (dipindah dari BAB IV PENUTUP, paragraf 2): "
            "Dengan adanya informasi sebagai hasil dari indikator kinerja yang dibuat, …") in out


def test_one_file_summarises_its_own_revision(capsys):
    status, out, _ = diff(capsys, str(SAMPLE))
    assert status == 1
    assert out.splitlines()[1:] == [
        "", "Target", "  Target 2024, Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi): 5,71 -> 8,57 %",
    ]


def test_json_gives_the_same_changes(repo, capsys):
    status, out, _ = diff(capsys, "v2022", "content/iku_2024.toml", "--format", "json")
    data = json.loads(out)
    assert status == 1 and data["berbeda"] is True
    target = [c for c in data["perubahan"] if c["bagian"] == "target"]  # programs read the id, not the label
    assert target == [{
        "kelompok": "Target", "jenis": "ubah",
        "lokasi": "Target 2024, Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi)",
        "kunci": "sasaran[2].indikator[1].target.2024", "lama": "5,71", "baru": "8,57", "kata": [],
        "satuan": "%", "satuan_lama": None, "asal": None, "bagian": "target",
    }]
    declared = {group.id for group in vars(iku_diff).values() if isinstance(group, Group)}
    assert {c["bagian"] for c in data["perubahan"]} <= {*declared, "bab"}
    assert len(data["perubahan"]) == 6


def test_html_redline_marks_the_changed_target_cell(repo, capsys):
    status, out, _ = diff(capsys, "v2022", "content/iku_2024.toml", "--format", "html", "-o", "merah.html")
    assert (status, out) == (1, "ditulis merah.html\n")
    page = etree.HTML((repo / "merah.html").read_bytes())
    changed = page.xpath("//section[@class='target']//td[contains(@class, 'berubah')]")
    assert [("".join(td.xpath("del/text()")), "".join(td.xpath("ins/text()"))) for td in changed] == [("5,71", "8,57")]
    assert page.xpath("//ins[normalize-space()='(lima)']")
    assert page.xpath("//section[@class='target']//del/text()")[0] == "Persentase Koperasi Berkualitas"


def test_html_redline_default_path(repo, capsys):
    status, out, _ = diff(capsys, str(SAMPLE), "--format", "html")
    assert (status, out) == (1, f"ditulis {shown('build/perubahan_iku_2024.html')}\n")
    assert (repo / "build" / "perubahan_iku_2024.html").is_file()


class TestBeforeTargetsFromTheReplacedRevision:
    """A revision names the one it replaces; its "sebelum" targets then need not be typed twice."""

    @staticmethod
    def without_before_targets(text: str, replaces: str) -> str:
        import re

        text = re.sub(r"\[sasaran\.indikator\.target_sebelum\]\n(\d{4} = [\d.]+\n)+\n", "", text)
        return text.replace("[kata_pengantar]", f'[revisi]\nnomor = 2\nmenggantikan = "{replaces}"\n\n[kata_pengantar]')

    def test_taken_from_a_file(self, tmp_path):
        (tmp_path / "iku_2022.toml").write_text(edited(*EARLIER), encoding="utf-8")
        new = tmp_path / "iku_2024.toml"
        new.write_text(self.without_before_targets(SAMPLE.read_text(encoding="utf-8"), "iku_2022.toml"),
                       encoding="utf-8")
        assert "target_sebelum" not in new.read_text(encoding="utf-8")
        from ikudoc.iku.loader import load

        indicator = load(new).sasaran[1].indikator[0]
        assert {y: str(t.nilai) for y, t in indicator.target_sebelum.items()} == {
            "2021": "2.16", "2022": "3.29", "2023": "4.47", "2024": "5.71"}
        result = build_file(new, tmp_path / "out", Options(("html",)))
        assert "5,71" in result.outputs[0].read_text(encoding="utf-8")

    def test_taken_from_a_git_revision(self, repo, capsys):
        new = repo / "content" / "iku_2024.toml"
        new.write_text(self.without_before_targets(new.read_text(encoding="utf-8"), "v2022:content/iku_2024.toml"),
                       encoding="utf-8")
        status, out, _ = diff(capsys, "content/iku_2024.toml")
        assert status == 1
        assert "Target 2024, Persentase Usaha Kecil Yang Menjadi Wirausaha (Akumulasi): 5,71 -> 8,57 %" in out

    def test_typed_and_replaced_targets_that_disagree(self, tmp_path, capsys):
        earlier = [edit for edit in EARLIER if edit[0] != "2024 = 8.57"] + [("2024 = 8.57", "2024 = 5.5")]
        (tmp_path / "iku_2022.toml").write_text(edited(*earlier), encoding="utf-8")
        new = tmp_path / "iku_2024.toml"
        new.write_text(edited(("[kata_pengantar]", '[revisi]\nmenggantikan = "iku_2022.toml"\n\n[kata_pengantar]')),
                       encoding="utf-8")
        status = main(["build", str(new), "-o", str(tmp_path / "out")])
        err = capsys.readouterr().err.splitlines()
        line = next(n for n, text in enumerate(new.read_text(encoding="utf-8").splitlines(), 1) if text == "2024 = 5.71")
        assert status == 1
        assert err[0] == (f"{new}:{line}: sasaran[2].indikator[1].target_sebelum.2024: target sebelum perubahan 2024 "
                          "ditulis 5.71, tetapi target yang berlaku di revisi yang digantikan "
                          f"({tmp_path / 'iku_2022.toml'}) adalah 5.5; samakan, atau hapus target_sebelum agar "
                          "diambil dari sana [target-sebelum-beda]")

    def test_missing_replaced_revision(self, tmp_path, capsys):
        new = tmp_path / "iku_2024.toml"
        new.write_text(edited(("[kata_pengantar]", '[revisi]\nmenggantikan = "iku_2022.toml"\n\n[kata_pengantar]')),
                       encoding="utf-8")
        assert main(["build", str(new), "-o", str(tmp_path / "out")]) == 1
        err = capsys.readouterr().err.splitlines()
        assert err[0].endswith("revisi.menggantikan: revisi yang digantikan tidak bisa dibaca: berkas iku_2022.toml "
                               "tidak ditemukan [revisi-tidak-ada]")


def test_alasan_perubahan_is_shown_in_the_table(tmp_path):
    content = tmp_path / "iku.toml"
    content.write_text(edited(('sumber_data = "Dinas Koperasi Dan UKM Provinsi Lampung"',
                               'sumber_data = "Dinas Koperasi Dan UKM Provinsi Lampung"\n'
                               'alasan_perubahan = "Target dinaikkan sesuai capaian 2023."')), encoding="utf-8")
    result = build_file(content, tmp_path, Options(("docx", "html")))
    html = result.outputs[1].read_text(encoding="utf-8")
    assert "Alasan Perubahan Target :</span> Target dinaikkan sesuai capaian 2023." in html
    from support.document_text import docx_blocks

    assert "Alasan Perubahan Target : Target dinaikkan sesuai capaian 2023." in docx_blocks(result.outputs[0])


def test_git_setup_shows_word_files_as_text_and_is_idempotent(repo, capsys):
    assert main(["git-setup"]) == 0
    first = capsys.readouterr().out.splitlines()
    assert len(first) == 2 and "ditambah '*.docx diff=ikudoc-docx'" in first[1]
    assert main(["git-setup"]) == 0
    assert capsys.readouterr().out == "repositori sudah siap: git diff berkas .docx menampilkan teksnya\n"
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "*.docx diff=ikudoc-docx\n"

    arsip = repo / "arsip"
    build_file(repo / "content" / "iku_2024.toml", arsip, Options(("docx",)))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "arsip")
    content = repo / "content" / "iku_2024.toml"
    content.write_text(content.read_text(encoding="utf-8").replace("2024 = 8.57", "2024 = 9.1"), encoding="utf-8")
    build_file(content, arsip, Options(("docx",)))
    shown = git(repo, "diff", "arsip/iku_2024.docx")
    assert any(line.startswith("-") and "8,57" in line for line in shown.splitlines())
    assert any(line.startswith("+") and "9,1" in line for line in shown.splitlines())


def test_git_setup_outside_a_repository(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["git-setup"]) == 1
    assert capsys.readouterr().err == f"gagal: {tmp_path} bukan bagian dari repositori git; jalankan 'git init' dulu\n"


def test_builds_a_second_apart_are_byte_identical(tmp_path):
    """Two separate processes, a second apart, with different hash seeds."""
    import os
    import sys

    for run, seed in (("satu", "1"), ("dua", "2")):
        if run == "dua":
            time.sleep(1.1)
        subprocess.run([sys.executable, "-m", "ikudoc", "build", str(SAMPLE), "-o", str(tmp_path / run)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
    for name in ("iku_2024.docx", "iku_2024.html"):
        assert (tmp_path / "satu" / name).read_bytes() == (tmp_path / "dua" / name).read_bytes()


def test_source_date_epoch_sets_the_zip_entry_times(tmp_path, monkeypatch):
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727740800")  # 2024-10-01
    result = build_file(SAMPLE, tmp_path, Options(("docx",)))
    with zipfile.ZipFile(result.outputs[0]) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 10, 1, 0, 0, 0)}


def test_an_unrelated_new_indicator_is_not_taken_for_a_renamed_one(tmp_path):
    """Names that share words ("Persentase ... Yang ...") are not enough to carry official figures over."""
    (tmp_path / "iku_2022.toml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    new = tmp_path / "iku_2024.toml"
    text = TestBeforeTargetsFromTheReplacedRevision.without_before_targets(
        SAMPLE.read_text(encoding="utf-8"), "iku_2022.toml")
    new.write_text(text.replace('nama = "Persentase Koperasi Yang Berkualitas"',
                                'nama = "Persentase UMKM Yang Naik Kelas"'), encoding="utf-8")
    from ikudoc.iku.loader import load

    renamed = load(new).sasaran[0].indikator[0]
    assert renamed.target_sebelum == {}, "no sebelum figures of another indicator"
    html = build_file(new, tmp_path / "out", Options(("html",))).outputs[0].read_text(encoding="utf-8")
    assert html.count('<td class="tahun">-</td>') == 4
    found = [change for change in changes(tmp_path / "iku_2022.toml", new) if change[0] == "indikator"]
    assert [change[1:3] for change in found] == [("tambah", "Indikator ditambah"), ("hapus", "Indikator dihapus")]
    assert found[1][3] == ("Persentase Koperasi Yang Berkualitas (satuan %; target 2021: 33,54; 2022: 34,26; "
                           "2023: 35,22; 2024: 36,18)")
    assert found[0][4].startswith("Persentase UMKM Yang Naik Kelas (satuan %;")


def test_a_paragraph_added_before_an_edited_one_is_shown(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8")
    first = "Dengan ditetapkannya Indikator Kinerja Utama (IKU) Dinas Koperasi dan UKM Provinsi Lampung diharapkan"
    assert text.count(first) == 1
    changed = text.replace(first, "Paragraf baru yang disisipkan.\n\n" + first.replace("diharapkan", "sangat diharapkan"))
    (tmp_path / "baru.toml").write_text(changed, encoding="utf-8")
    _, out, _ = diff(capsys, str(SAMPLE), str(tmp_path / "baru.toml"))
    assert out.splitlines()[2:] == [
        "BAB IV PENUTUP",
        "  paragraf 1: {+Paragraf baru yang disisipkan.+}",
        "  paragraf 2:",
        "    Dengan ditetapkannya Indikator Kinerja Utama (IKU) Dinas Koperasi dan UKM Provinsi Lampung {+sangat +}"
        "diharapkan dapat dijadikan pedoman atau ukuran kinerja pelaksanaan …",
    ]


def test_list_items_swapped_are_moves(tmp_path):
    swapped = edited(("c. Penyusunan dokumen penetapan kinerja\nd. Pelaporan akuntabilitas kinerja",
                      "c. Pelaporan akuntabilitas kinerja\nd. Penyusunan dokumen penetapan kinerja"))
    (tmp_path / "tukar.toml").write_text(swapped, encoding="utf-8")
    assert changes(SAMPLE, tmp_path / "tukar.toml") == [
        ("bab", "pindah", "2.1 PENGERTIAN INDIKATOR KINERJA UTAMA, paragraf 2, butir 3",
         "Pelaporan akuntabilitas kinerja", "Pelaporan akuntabilitas kinerja")]


def test_before_targets_page_setup_and_formatting_are_compared(tmp_path, capsys):
    changed = edited(("2024 = 5.71", "2024 = 5.5"), ('tempat = "Bandar Lampung"', 'tempat = "Bandar Lampung"\n'
                                                     'kertas = "F4"'), ("*outcome*", "outcome"))
    (tmp_path / "ubah.toml").write_text(changed, encoding="utf-8")
    found = changes(SAMPLE, tmp_path / "ubah.toml")
    assert ("sampul", "ubah", "Kertas", "A4", "F4") in found
    assert found[-1] == ("target-sebelum", "ubah", "Target sebelum perubahan 2024, Persentase Usaha Kecil Yang "
                         "Menjadi Wirausaha (Akumulasi)", "5,71", "5,5")
    status, out, _ = diff(capsys, str(SAMPLE), str(tmp_path / "ubah.toml"))
    assert status == 1 and "{+outcome.+}" in out and "[-*outcome*.-]" in out, "a change of italics is a change"


def test_a_rewritten_sentence_reads_as_one_change(tmp_path):
    from ikudoc.revisions.comparison import word_diff

    assert word_diff("Indikator ini dipilih karena", "Mengukur kemajuan dipilih karena") == (
        ("-", "Indikator ini "), ("+", "Mengukur kemajuan "), ("=", "dipilih karena"))


_WORDS = st.lists(st.sampled_from(["Persentase", "capaian", "layanan", "koperasi", "dan", "UMKM", "(%)"]), max_size=9)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_WORDS, _WORDS)
def test_a_word_diff_rebuilds_both_texts(old, new):
    from ikudoc.revisions.comparison import word_diff

    segments = word_diff(" ".join(old), " ".join(new))
    assert "".join(text for op, text in segments if op != "-") == " ".join(new)
    assert "".join(text for op, text in segments if op != "+") == " ".join(old)
    assert all(op != segments[n + 1][0] for n, (op, _) in enumerate(segments[:-1])), "neighbours joined"


@settings(max_examples=500, deadline=None, derandomize=True)
@given(_WORDS, _WORDS)
@example(["kualitas", "tata", "kelola", "koperasi"],
         ["tata", "kelola", "koperasi", "yang", "berkualitas", "dan", "kualitas", "koperasi"])
@example(["Persentase", "Capaian", "Layanan", "1"], ["Persentase", "Capaian", "Pelayanan", "1"])
def test_words_are_aligned_as_difflib_aligns_them(old, new):
    import difflib

    from ikudoc.revisions.comparison import word_opcodes

    assert word_opcodes(old, new) == difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def test_chapters_keep_their_group_when_a_chapter_is_inserted(tmp_path):
    changed = edited(("[[bab]]\njudul = \"PENDAHULUAN\"", '[[bab]]\njudul = "RINGKASAN"\nisi = "Ringkasan."\n\n'
                                                          '[[bab]]\njudul = "PENDAHULUAN"'))
    (tmp_path / "bab.toml").write_text(changed, encoding="utf-8")
    from ikudoc.commands.diff import comparison

    assert changes(SAMPLE, tmp_path / "bab.toml") == [("bab", "tambah", "Teks bab ditambah", None, "Ringkasan.")]
    assert comparison(str(SAMPLE), str(tmp_path / "bab.toml")).perubahan[0].kelompok == "BAB I RINGKASAN"


def test_text_targets_have_no_unit_and_json_keeps_values_apart(tmp_path, capsys):
    (tmp_path / "na.toml").write_text(edited(("2024 = 8.57", '2024 = "N/A"')), encoding="utf-8")
    _, out, _ = diff(capsys, str(SAMPLE), str(tmp_path / "na.toml"))
    assert out.splitlines()[-1].endswith(": 8,57 -> N/A")
    _, out, _ = diff(capsys, str(SAMPLE), str(tmp_path / "na.toml"), "--format", "json")
    change = json.loads(out)["perubahan"][-1]
    assert (change["lama"], change["baru"], change["satuan"]) == ("8,57", "N/A", "%")


@pytest.mark.parametrize("args, message", [
    (["-o", "tidak/ada/folder/x.txt"], "gagal: tidak bisa menulis tidak/ada/folder/x.txt"),
    (["--format", "html", "--templates", "rusak"], "gagal: rusak/perubahan.html.j2: baris 1: templat tidak bisa diisi: "
                                                   "variabel 'tidak_ada' tidak dikenal"),
])
def test_diff_failures_exit_two(repo, capsys, args, message):
    (repo / "rusak").mkdir()
    (repo / "rusak" / "perubahan.html.j2").write_text("{{ tidak_ada }}", encoding="utf-8")
    (repo / "tidak").write_text("sebuah berkas, bukan folder", encoding="utf-8")
    status, _, err = diff(capsys, "v2022", "content/iku_2024.toml", *args)
    assert status == 2 and err.startswith(message)


def test_a_projects_templates_without_the_redline_page_use_the_shipped_one(repo, capsys):
    (repo / "templates").mkdir()
    shutil.copy(ROOT / "templates" / "iku.docx", repo / "templates" / "iku.docx")  # customised Word only
    status, out, _ = diff(capsys, "v2022", "content/iku_2024.toml", "--format", "html")
    assert (status, out) == (1, f"ditulis {shown('build/perubahan_iku_2024.html')}\n")


@pytest.mark.parametrize("old, message", [
    ("tidak_ada.toml", "gagal: berkas tidak_ada.toml tidak ditemukan"),
    ("content", "gagal: content adalah folder; sebutkan berkas kontennya (.toml)"),
    ("HEAD~1:", "gagal: 'HEAD~1:' harus ditulis REVISI:jalur/berkas.toml, misalnya HEAD~1:content/iku_2024.toml"),
])
def test_revision_names_that_are_not(repo, capsys, old, message):
    status, _, err = diff(capsys, old, "HEAD")
    assert (status, err.strip()) == (2, message)


def test_a_bare_revision_from_a_subfolder_names_the_file_as_git_does(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo / "content")
    _, out, _ = diff(capsys, "v2022", "iku_2024.toml")
    assert out.splitlines()[0] == "Perubahan dari v2022:content/iku_2024.toml ke iku_2024.toml"


def test_three_thousand_renamed_indicators_pair_in_linear_time(monkeypatch):
    from ikudoc.iku import revisions
    from ikudoc.iku.model import Indikator, Konten, Sasaran

    def table(names):
        return Konten.model_construct(sasaran=[Sasaran.model_construct(nama=f"Sasaran {s}", indikator=[
            Indikator.model_construct(nama=name, kode=None) for name in names[s * 30:(s + 1) * 30]])
            for s in range(len(names) // 30)])

    old_names = [f"Persentase Koperasi Aktif Kabupaten {n:04d} yang Berkualitas" for n in range(3000)]
    new_names = [name.replace("yang Berkualitas", "yang Sehat dan Berkualitas") for name in old_names]
    compared = []
    real_similarity = revisions.word_similarity
    monkeypatch.setattr(revisions, "word_similarity", lambda a, b: compared.append(1) or real_similarity(a, b))
    pairs = revisions.pair_indicators(table(old_names), table(new_names))
    assert [(p.lama[1].nama, p.baru[1].nama, p.dikenali_dari) for p in pairs] == [
        (old, new, "kemiripan") for old, new in zip(old_names, new_names, strict=True)]
    assert len(compared) <= 2 * 3000, "one comparison per renamed indicator, not one per pair (9 million)"
    compared.clear()
    assert all(p.dikenali_dari == "nama" for p in revisions.pair_indicators(table(old_names), table(old_names)))
    assert compared == []


def _moves_by_definition(changes: list) -> tuple:
    """Collector.finish as first written: every removed paragraph searches the list for its addition."""
    from ikudoc.revisions.comparison import Change

    changes = list(changes)
    for removed in [c for c in changes if c.jenis == "hapus" and c.lama and c.satuan is None]:
        added = next((c for c in changes if c.jenis == "tambah" and c.baru == removed.lama), None)
        if added is not None:
            changes.remove(removed)
            origin = removed.lokasi.removesuffix(" (lama)")
            changes[changes.index(added)] = Change(
                added.kelompok, "pindah", added.lokasi, added.kunci, removed.lama, added.baru,
                asal=origin if removed.kelompok == added.kelompok else f"{removed.kelompok}, {origin}",
                bagian=added.bagian)
    return tuple(changes)


_CHANGE = st.builds(
    lambda kind, group, place, text, unit: (kind, group, f"paragraf {place}" + (" (lama)" if kind == "hapus" else ""),
                                            text, unit),
    st.sampled_from(["hapus", "tambah", "ubah"]), st.sampled_from(["Kata pengantar", "BAB I"]),
    st.integers(1, 4), st.sampled_from(["", "satu", "dua", "tiga"]), st.sampled_from([None, None, "%"]))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_CHANGE, max_size=12))
def test_moved_paragraphs_are_paired_as_first_defined(drawn):
    from ikudoc.revisions.comparison import Change, Collector

    collector = Collector()
    for kind, group, place, text, unit in drawn:
        collector.changes.append(Change(group, kind, place, "kunci", text if kind != "tambah" else None,
                                        text if kind != "hapus" else None, satuan=unit))
    assert collector.finish() == _moves_by_definition(collector.changes)
