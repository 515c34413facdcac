"""Nothing signable from placeholders: every value a scaffold writes for the user to replace is marked
«...» (to fill in) or «contoh: ...» (an example); check refuses each one left, naming file, line and key;
build makes a draft and says what is still to replace; the document prints the text between the marks."""

from __future__ import annotations

import re
import shutil

import pytest

from ikudoc.cli import main
from support import ROOT, SAMPLE
from support.content_variants import filled_in, line_of

SAMPLE_PK = ROOT / "content" / "pk_2024.toml"
MARKED = re.compile(r"«(?:contoh:\s*)?([^«»]*)»")


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def marked_lines(path) -> list[tuple[int, str]]:
    """The line of the key of each placeholder in ``path`` (a problem names a value by its key's line) and
    the text between its marks (its first line); the comments, which explain the marks, hold none."""
    text = re.sub(r"(?m)^#.*$", "", path.read_text(encoding="utf-8"))
    return [(text.count("\n", 0, found.start()) + 1 - text.startswith('"""\n', found.start() - 4),
             found.group(1).strip().splitlines()[0]) for found in MARKED.finditer(text)]


@pytest.fixture
def fresh_project(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "dinas"
    assert run(capsys, "init", str(folder))[0] == 0
    monkeypatch.chdir(folder)
    return folder


def test_check_refuses_every_placeholder_an_init_project_holds_by_file_line_and_key(fresh_project, capsys):
    status, out, err = run(capsys, "check")
    names = ("iku.toml", "lkjip_2026.toml", "pk_2026.toml")
    expected = {name: marked_lines(fresh_project / "content" / name) for name in names}
    # the scaffold marks every value: the agency's, its officials', its targets, its realisasi
    assert len(expected["iku.toml"]) > 30 and len(expected["pk_2026.toml"]) >= 5
    assert len(expected["lkjip_2026.toml"]) >= 10
    assert status == 1 and out == [f"content/{name}: {len(expected[name])} galat, 0 peringatan" for name in names]
    reported = {}
    for line in err[:-1]:
        found = re.fullmatch(r"content/(\S+):(\d+): ([\w.\[\]]+): (?:nilai contoh )?\"(.*?)\" belum (?:diisi|diganti); "
                             r".* \[isian-belum-diisi\]", line)
        assert found, line
        reported.setdefault(found[1], []).append((int(found[2]), found[4].removesuffix("…")))
    assert {name: [line for line, _ in marks] for name, marks in reported.items()} == \
        {name: [line for line, _ in marks] for name, marks in expected.items()}
    assert all(text.startswith(shown) for name in expected  # a long text is shown by its beginning
               for (_, text), (_, shown) in zip(expected[name], reported[name], strict=True))
    assert "content/iku.toml:37: penandatangan.nama: \"NAMA LENGKAP, S.E., M.M.\" belum diisi; ganti teks di antara " \
           "« dan » dengan isinya [isian-belum-diisi]" in err
    assert err[-1] == f"gagal: {sum(map(len, expected.values()))} galat, 0 peringatan."


def test_build_makes_a_draft_says_what_is_left_and_prints_no_marks(fresh_project, capsys):
    status, out, err = run(capsys, "build", "--no-fill-toc")
    assert status == 0 and out == [f"ditulis build/{stem}.{suffix}" for stem in ("iku", "lkjip_2026", "pk_2026")
                                   for suffix in ("docx", "html")]
    iku_left = len(marked_lines(fresh_project / "content" / "iku.toml"))
    assert err[:5] == [
        'content/iku.toml:24: peringatan: dokumen.tempat: "Nama Kota" belum diisi; ganti teks di antara « dan » '
        "dengan isinya [isian-belum-diisi]",
        'content/iku.toml:31: peringatan: instansi.pemerintah: "Pemerintah Provinsi Contoh" belum diisi; ganti teks '
        "di antara « dan » dengan isinya [isian-belum-diisi]",
        'content/iku.toml:32: peringatan: instansi.nama: "Dinas Contoh" belum diisi; ganti teks di antara « dan » '
        "dengan isinya [isian-belum-diisi]",
        f"content/iku.toml: peringatan: dan {iku_left - 3} lagi (ikudoc check content/iku.toml menampilkan semuanya)",
        "content/iku.toml: dokumen ini masih draf: jangan ditandatangani sebelum semua isian « » diganti.",
    ]
    html = (fresh_project / "build" / "iku.html").read_text(encoding="utf-8")
    assert "Nama Kota" in html and "NAMA LENGKAP, S.E., M.M." in html and "«" not in html and "»" not in html


def test_once_filled_in_a_project_checks_clean_and_builds_without_a_word(fresh_project, capsys):
    filled_in(fresh_project)
    assert run(capsys, "check", "--strict")[0] == 0
    status, _, err = run(capsys, "build", "--no-fill-toc")
    assert (status, err) == (0, [])


def test_a_placeholder_over_several_lines_is_named_by_its_first(tmp_path, capsys):
    path = tmp_path / "iku_2024.toml"
    text = SAMPLE.read_text(encoding="utf-8")
    bab = text.index('judul = "PENUTUP"')
    start = text.index('isi = """\n', bab) + len('isi = """\n')
    path.write_text(text[:start] + "«Tuliskan penutup di sini.\nKalimat kedua.»\n" + text[start:], encoding="utf-8")
    status, _, err = run(capsys, "check", str(path))
    key_line = text[:start].count("\n")  # a multi-line value is named by its key's line, as every problem
    assert status == 1 and err[0] == (f'{path}:{key_line}: bab[4].isi: "Tuliskan penutup di sini.…" '
                                      "belum diisi; ganti teks di antara « dan » dengan isinya [isian-belum-diisi]")


def test_the_sample_agreement_builds_with_its_example_signatory_but_is_not_ready_to_sign(tmp_path, capsys):
    shutil.copy(SAMPLE, tmp_path)
    shutil.copy(SAMPLE_PK, tmp_path)
    pk = tmp_path / SAMPLE_PK.name
    status, _, err = run(capsys, "check", str(pk))
    assert status == 1 and err == [
        f'{pk}:{line_of(pk, "nama = ")}: pihak_kedua.nama: nilai contoh "NAMA GUBERNUR LAMPUNG" belum diganti; tulis '
        "nilai yang sebenarnya (tanpa « dan ») [isian-belum-diisi]",
        "gagal: 1 galat, 0 peringatan."]
    status, out, err = run(capsys, "build", "--no-fill-toc", "-o", str(tmp_path / "build"), str(pk))
    assert status == 0 and out == [f"ditulis {tmp_path}/build/pk_2024.docx", f"ditulis {tmp_path}/build/pk_2024.html"]
    assert err[-1] == f"{pk}: dokumen ini masih draf: jangan ditandatangani sebelum semua isian « » diganti."


def test_the_next_revision_of_a_draft_keeps_what_is_still_to_fill(fresh_project, capsys):
    assert run(capsys, "new", "--pk", "2027")[0] == 0
    before, after = (marked_lines(fresh_project / "content" / name) for name in ("pk_2026.toml", "pk_2027.toml"))
    assert [text for _, text in after] == [text for _, text in before]
    assert run(capsys, "check", "content/pk_2027.toml")[0] == 1


def test_a_placeholder_cannot_be_acknowledged_away(tmp_path, capsys):
    shutil.copy(SAMPLE, tmp_path)
    pk = tmp_path / SAMPLE_PK.name
    pk.write_text(SAMPLE_PK.read_text(encoding="utf-8") + '\n[periksa]\nabaikan = ["isian-belum-diisi"]\n',
                  encoding="utf-8")
    status, _, err = run(capsys, "check", str(pk))
    assert status == 1 and any("[isian-belum-diisi]" in line for line in err)
