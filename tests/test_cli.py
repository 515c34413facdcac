"""``ikudoc build``: what it builds by default, what it prints, and how it fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ikudoc.cli import main
from support import ROOT, SAMPLE, posix_only, shown


@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    """A folder with two revisions in content/, as a planning office keeps them."""
    (tmp_path / "content").mkdir()
    shutil.copy(SAMPLE, tmp_path / "content" / "iku_2024.toml")
    shutil.copy(SAMPLE, tmp_path / "content" / "iku_2022.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def test_without_files_builds_every_content_file_into_build(project, capsys):
    status, out, err = run(capsys, "build")
    assert (status, err) == (0, [])
    assert out == [f"ditulis {shown(f'build/iku_{year}.{kind}')}" for year in (2022, 2024) for kind in ("docx", "html")]
    assert sorted(p.name for p in (project / "build").iterdir()) == [
        "iku_2022.docx", "iku_2022.html", "iku_2024.docx", "iku_2024.html"]


def test_format_and_output_folder(project, capsys):
    status, out, _ = run(capsys, "build", "content/iku_2024.toml", "-o", "keluar", "--format", "html")
    assert status == 0
    assert out == [f"ditulis {shown('keluar/iku_2024.html')}"]


def test_unknown_format(project, capsys):
    status, _, err = run(capsys, "build", "--format", "docx,odt")
    assert status == 2
    assert err == ["gagal: '--format': format odt tidak dikenal; pilih dari: docx, html, pdf. Lihat 'ikudoc build --help'."]


def test_no_content_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "build")
    assert status == 1
    assert err == ["gagal: tidak ada berkas konten: content/*.toml kosong. Sebutkan berkasnya: ikudoc build BERKAS.toml"]


def test_a_missing_file_and_a_broken_one_do_not_stop_the_good_one(project, capsys):
    broken = project / "content" / "iku_2022.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("2024 = 8.57", '2024 = "8,57"'), encoding="utf-8")
    status, out, err = run(capsys, "build", "content/iku_2022.toml", "tidak_ada.toml", "content/iku_2024.toml")
    assert status == 1
    assert out == [f"ditulis {shown('build/iku_2024.docx')}", f"ditulis {shown('build/iku_2024.html')}"]
    assert err[1:] == [
        f"{shown('content/iku_2022.toml')}: 1 masalah; dokumen tidak dibangun, hasil lama tidak diubah.",
        "tidak_ada.toml: berkas tidak ditemukan",
        "gagal: 2 dari 3 berkas gagal dibangun.",
    ]
    assert err[0].startswith(f"{shown('content/iku_2022.toml')}:")


def test_own_templates_change_the_look(project, capsys):
    """Someone who changes the font of the Word template's styles changes every build."""
    templates = project / "templat"
    shutil.copytree(ROOT / "templates", templates)
    original = templates / "iku.docx"
    with zipfile.ZipFile(original) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b'w:ascii="Arial"', b'w:ascii="Bookman Old Style"')
    with zipfile.ZipFile(original, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    status, _, _ = run(capsys, "build", "content/iku_2024.toml", "--templates", str(templates), "--format", "docx")
    assert status == 0
    with zipfile.ZipFile(project / "build" / "iku_2024.docx") as built:
        assert b'w:ascii="Bookman Old Style"' in built.read("word/styles.xml")


def test_a_mistyped_template_variable_fails_loudly(project, capsys):
    templates = project / "templat"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "iku.html.j2"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ dokumen.tempat }},", "{{ dokumen.tempta }},"),
                    encoding="utf-8")
    status, _, err = run(capsys, "build", "content/iku_2024.toml", "--templates", str(templates), "--format", "html")
    assert status == 1
    # the first one rendered: the kata pengantar's signature, on two lines
    line = page.read_text(encoding="utf-8").splitlines().index("  <p>{{ dokumen.tempta }},</p>") + 1
    assert err[0] == (f"{shown('content/iku_2024.toml')}: {templates / 'iku.html.j2'}: baris {line}: templat tidak bisa diisi: "
                      "{{ dokumen.tempta }} tidak dikenal")
    assert not (project / "build" / "iku_2024.html").exists()


def test_help_is_in_indonesian(capsys):
    status, out, _ = run(capsys, "build", "--help")
    assert status == 0
    assert out[0] == "Cara pakai: ikudoc build [OPSI] [BERKAS]..."
    assert "Opsi:" in out and any("Tampilkan bantuan ini lalu keluar." in line for line in out)


def test_a_broken_word_template(project, capsys):
    templates = project / "templat"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "iku.docx").write_text("bukan docx", encoding="utf-8")
    status, _, err = run(capsys, "build", "content/iku_2024.toml", "--templates", str(templates))
    assert status == 1
    assert err[0] == (f"{shown('content/iku_2024.toml')}: {templates / 'iku.docx'}: bukan berkas Word (.docx) yang utuh; "
                      "simpan ulang dari Word")


def outputs(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_template_failure_after_valid_content_leaves_the_last_good_outputs(project, capsys):
    assert run(capsys, "build")[0] == 0
    before = outputs(project / "build")
    templates = project / "templat"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "iku.html.j2"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ dokumen.tempat }},", "{{ dokumen.tempat }"),
                    encoding="utf-8")
    status, _, err = run(capsys, "build", "--templates", str(templates))
    assert status == 1
    assert "tag templat rusak baris" in err[0]
    assert outputs(project / "build") == before


def test_when_one_output_cannot_be_written_none_is_replaced(project, capsys):
    assert run(capsys, "build", "content/iku_2024.toml")[0] == 0
    html = project / "build" / "iku_2024.html"
    html.unlink()
    html.mkdir()  # the HTML cannot replace a folder
    before = outputs(project / "build")
    status, out, err = run(capsys, "build", "content/iku_2024.toml")
    assert (status, out) == (1, [])
    assert err[0].startswith(f"{shown('content/iku_2024.toml')}: tidak bisa menulis ")
    assert outputs(project / "build") == before
    assert sorted(p.name for p in (project / "build").iterdir()) == ["iku_2024.docx", "iku_2024.html"]


@posix_only("ulimit")
def test_a_full_disk_names_the_file_and_keeps_the_old_outputs(project, capsys):
    assert run(capsys, "build", "content/iku_2024.toml", "--no-fill-toc")[0] == 0
    before = outputs(project / "build")
    # ulimit -f: the operating system refuses to write past 20 KiB, as a full disk would
    limited = subprocess.run(["bash", "-c", f"ulimit -f 20; exec {sys.executable} -m ikudoc build "
                              "content/iku_2024.toml --no-fill-toc"], capture_output=True, encoding="utf-8")
    assert limited.returncode == 1
    assert limited.stderr.splitlines() == [
        "content/iku_2024.toml: tidak bisa menulis build/iku_2024.html (berkas melebihi ukuran yang diizinkan); "
        "hasil lama tidak diubah.",
        "gagal: 1 dari 1 berkas gagal dibangun."]
    assert outputs(project / "build") == before
    assert sorted(p.name for p in (project / "build").iterdir()) == ["iku_2024.docx", "iku_2024.html"]


@posix_only("modes")
def test_outputs_can_be_read_by_colleagues(project, capsys):
    import os

    old = os.umask(0o022)
    try:
        assert run(capsys, "build", "content/iku_2024.toml")[0] == 0
    finally:
        os.umask(old)
    assert {oct(p.stat().st_mode & 0o777) for p in (project / "build").iterdir()} == {"0o644"}


def test_two_content_files_with_the_same_name_are_not_both_written(project, capsys):
    (project / "lain").mkdir()
    shutil.copy(SAMPLE, project / "lain" / "iku_2024.toml")
    status, out, err = run(capsys, "build", "content/iku_2024.toml", "lain/iku_2024.toml")
    assert status == 1
    assert out == [f"ditulis {shown('build/iku_2024.docx')}", f"ditulis {shown('build/iku_2024.html')}"]
    assert err[0] == (f"{shown('lain/iku_2024.toml')}: hasilnya akan menimpa hasil {shown('content/iku_2024.toml')} "
                      "(nama berkas sama); pakai -o folder lain")


def test_a_folder_is_not_a_content_file(project, capsys):
    status, _, err = run(capsys, "build", "content")
    assert (status, err[0]) == (1, "content: ini folder, bukan berkas konten .toml")


def test_a_projects_own_templates_folder_is_used(project, capsys):
    shutil.copytree(ROOT / "templates", project / "templates")
    css = project / "templates" / "iku.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* gaya dinas sendiri */\n", encoding="utf-8")
    assert run(capsys, "build", "content/iku_2024.toml", "--format", "html")[0] == 0
    assert "/* gaya dinas sendiri */" in (project / "build" / "iku_2024.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["build", "--templates", "tidak_ada"],
     "gagal: '--templates': folder tidak_ada tidak ada. Lihat 'ikudoc build --help'."),
    (["build", "-o"], "gagal: opsi -o perlu diberi nilai. Lihat 'ikudoc --help'."),  # (click names no command)
    (["bangun"], "gagal: perintah 'bangun' tidak dikenal; perintah yang ada: build, check, diff, git-setup, import, "
                 "init, new, preview, schema, watch. Lihat 'ikudoc --help'."),
    (["diff"], "gagal: LAMA belum disebutkan. Lihat 'ikudoc diff --help'."),
])
def test_usage_errors_in_indonesian(project, capsys, args, message):
    status, _, err = run(capsys, *args)
    assert (status, err) == (2, [message])


def test_no_command_shows_the_help(capsys):
    status, out, _ = run(capsys)
    assert status == 0 and out[0] == "Cara pakai: ikudoc [OPSI] PERINTAH [ARGUMEN]..."


def test_the_command_line_loads_only_what_a_command_needs(tmp_path):
    """ikudoc --help and check start fast: no Word, PDF, image, server or TOML-writing library is
    imported for them, nor Jinja for check (the shipped templates need no checking); a Word-only build
    imports no PDF library; an IKU's commands none of the Perjanjian Kinerja's or the importer's
    modules; none imports pymdownx (a test-only reference)."""
    probe = ("import sys, runpy; sys.argv = ['ikudoc'] + sys.argv[1:]\n"
             "try:\n    runpy.run_module('ikudoc', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print(' '.join(sorted(m for m in ('pikepdf', 'pypdfium2', 'watchfiles', 'tomlkit', 'docxtpl', "
             "'docx', 'PIL', 'pydantic', 'pymdownx', 'jinja2', 'ikudoc.perjanjian.model', 'ikudoc.importer') "
             "if m in sys.modules)) or '-', file=sys.stderr)")

    def loaded(*args):
        result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, encoding="utf-8", cwd=ROOT)
        return [name for name in result.stderr.strip().splitlines()[-1].split() if name != "-"]

    assert loaded("--help") == []
    assert set(loaded("check", "content/iku_2024.toml")).isdisjoint(
        {"pikepdf", "pypdfium2", "watchfiles", "tomlkit", "docxtpl", "docx", "pymdownx", "jinja2",
         "ikudoc.perjanjian.model", "ikudoc.importer"})
    assert {"pikepdf", "pypdfium2", "pymdownx"}.isdisjoint(loaded("build", "content/iku_2024.toml", "-o",
                                                                  str(tmp_path), "--format", "docx", "--no-fill-toc"))
