"""ikudoc new starts the next revision from the current one; ikudoc init starts a project for
another agency. Both round-trip: what they write checks clean and builds."""

from __future__ import annotations

import tomllib

import pytest

from ikudoc.cli import main
from ikudoc.commands.build import Options, build_file
from support import SAMPLE, shown
from support.content_variants import filled_in, variant
from support.document_text import docx_blocks


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def test_new_revision_moves_the_targets_to_sebelum_and_keeps_the_file(tmp_path, capsys):
    target = tmp_path / "iku_2025.toml"
    status, out, _ = run(capsys, "new", "--from", str(SAMPLE), str(target), "--tanggal", "2025-03")
    assert status == 0
    assert out[0] == f"ditulis {target} (Perubahan 2025, tanggal 2025-03, dari {SAMPLE})"
    assert out[1] == "Langkah berikutnya:" and len(out) == 7
    old, new = (tomllib.loads(p.read_text(encoding="utf-8")) for p in (SAMPLE, target))
    for s_old, s_new in zip(old["sasaran"], new["sasaran"], strict=True):
        for i_old, i_new in zip(s_old["indikator"], s_new["indikator"], strict=True):
            assert i_new["target_sebelum"] == i_new["target"] == i_old["target"]
    assert new["dokumen"]["perubahan"] == "Perubahan 2025" and new["dokumen"]["tanggal"] == "2025-03"
    old_lines, new_lines = SAMPLE.read_text(encoding="utf-8").splitlines(), target.read_text(encoding="utf-8").splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [n for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=True), 1) if a != b]
    assert len(changed) == 3, "label, date and one sebelum target: comments, order and all else as they were"
    assert build_file(target, tmp_path / "build", Options(("docx",))).outputs
    assert run(capsys, "diff", str(target))[:2] == (0, [f"Perubahan dari {target} (sebelum perubahan) ke {target} "
                                                        "(Perubahan 2025): tidak ada perbedaan."])


def test_new_revision_of_a_revision_with_reasons_and_a_decree(tmp_path, capsys):
    current = variant(tmp_path, (
        "[kata_pengantar]", '[revisi]\nnomor = 2\nkeputusan = "SK/1/2024"\n\n[kata_pengantar]'), (
        'sumber_data = "Dinas Koperasi Dan UKM Provinsi Lampung"',
        'sumber_data = "Dinas Koperasi Dan UKM Provinsi Lampung"\nalasan_perubahan = "Naik."'))
    target = tmp_path / "baru" / "iku_2026.toml"
    assert run(capsys, "new", "--from", str(current), str(target), "--label", "Perubahan Ketiga",
               "--tanggal", "2026-02-10")[0] == 0
    new = tomllib.loads(target.read_text(encoding="utf-8"))
    assert new["revisi"] == {"nomor": 3, "menggantikan": "../iku_2024.toml"}
    assert "alasan_perubahan" not in new["sasaran"][1]["indikator"][0]
    assert str(new["dokumen"]["tanggal"]) == "2026-02-10" and new["dokumen"]["perubahan"] == "Perubahan Ketiga"
    assert run(capsys, "check", str(target))[0] == 0


@pytest.mark.parametrize("typed", ["Maret 2025", "2025-13", "2025-00", "2025-02-30", "2025-3"])
def test_new_refuses_a_date_that_is_not_on_the_calendar_and_writes_nothing(tmp_path, capsys, typed):
    status, _, err = run(capsys, "new", "--from", str(SAMPLE), str(tmp_path / "x.toml"), "--tanggal", typed)
    assert (status, err) == (1, [f"gagal: tanggal '{typed}' bukan tanggal yang ada; tulis 2025-03 (bulan) atau "
                                 "2025-03-17 (tanggal lengkap)"])
    assert not (tmp_path / "x.toml").exists()


def test_new_says_which_signing_date_it_set_when_none_was_given(tmp_path, capsys):
    import datetime

    target = tmp_path / "iku_2025.toml"
    status, out, _ = run(capsys, "new", "--from", str(SAMPLE), str(target))
    month = datetime.date.today().strftime("%Y-%m")
    assert status == 0 and out[1] == (f"Tanggal penandatanganan diisi {month} (bulan ini): ubah [dokumen] tanggal "
                                      "bila lain, atau buat ulang dengan --tanggal.")
    assert tomllib.loads(target.read_text(encoding="utf-8"))["dokumen"]["tanggal"] == month


def test_new_never_overwrites_and_never_copies_a_broken_file(tmp_path, capsys):
    existing = tmp_path / "ada.toml"
    existing.write_text("isi lama", encoding="utf-8")
    status, _, err = run(capsys, "new", "--from", str(SAMPLE), str(existing))
    assert (status, err) == (1, [f"gagal: {existing} sudah ada; pilih nama lain atau hapus dulu berkas itu"])
    assert existing.read_text(encoding="utf-8") == "isi lama"
    broken = variant(tmp_path, ("2024 = 8.57", '2024 = "8,57"'))
    status, _, err = run(capsys, "new", "--from", str(broken), str(tmp_path / "baru.toml"))
    assert status == 1 and err[-1] == f"gagal: {broken} bermasalah; perbaiki dulu sebelum memulai revisi baru."
    assert not (tmp_path / "baru.toml").exists()


def test_init_makes_a_project_that_checks_clean_once_filled_in_and_builds(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "dinas_baru"
    status, out, _ = run(capsys, "init", str(folder))
    assert status == 0 and out[-1].startswith(f"Langkah berikutnya: cd {folder}")
    assert (folder / "content" / "iku.toml").read_text(encoding="utf-8").startswith(
        "#:schema ../schema/ikudoc.schema.json\n# Contoh berkas konten ikudoc")
    assert (folder / "schema" / "ikudoc.schema.json").is_file() and (folder / "templates" / "iku.docx").is_file()
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "/build/\n"
    monkeypatch.chdir(folder)
    filled_in(folder)  # what the user does first (test_placeholders: nothing passes check before)
    assert run(capsys, "check")[:2] == (0, [f"{shown(f'content/{name}.toml')}: 0 galat, 0 peringatan"
                                            for name in ("iku", "lkjip_2026", "pk_2026")])
    assert run(capsys, "build")[:2] == (0, [f"ditulis {shown(f'build/{name}.{suffix}')}" for name in (
        "iku", "lkjip_2026", "pk_2026") for suffix in ("docx", "html")])


def test_init_offers_an_iku_of_a_region_signed_by_its_head(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "provinsi"
    assert run(capsys, "init", str(folder), "--bentuk", "pemda")[0] == 0
    content = (folder / "content" / "iku.toml").read_text(encoding="utf-8")
    assert "Indikator Kinerja Utama Pemerintah Daerah" in content and "\n[tabel]\n" in content
    monkeypatch.chdir(folder)
    filled_in(folder)
    assert run(capsys, "check")[:2] == (0, [f"{shown('content/iku.toml')}: 0 galat, 0 peringatan"])
    assert run(capsys, "build", "--no-fill-toc")[0] == 0
    html = (folder / "build" / "iku.html").read_text(encoding="utf-8")
    assert "PENANGGUNG JAWAB" in html and "KONDISI AWAL" in html and "NIP." not in html
    cover = docx_blocks(folder / "build" / "iku.docx")[:5]  # the government is the agency: printed once
    assert cover == ["INDIKATOR KINERJA UTAMA PEMERINTAH DAERAH", "(IKU PEMDA)", "TAHUN 2025–2029",
                     "PEMERINTAH PROVINSI CONTOH", "KATA PENGANTAR"]


def test_init_here_and_init_without_a_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "init")[1:] == ([], ["gagal: FOLDER belum disebutkan. Lihat 'ikudoc init --help'."])
    status, out, _ = run(capsys, "init", ".")
    assert status == 0 and out[-1].startswith("Langkah berikutnya: sunting content/iku.toml (ganti setiap isian « »")


def test_init_refuses_a_folder_in_use(tmp_path, capsys):
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    status, _, err = run(capsys, "init", str(tmp_path))
    assert (status, err) == (1, [f"gagal: folder {tmp_path} tidak kosong; pilih folder baru"])


@pytest.mark.parametrize("bentuk", ["opd", "pemda"])
def test_the_init_forms_describe_the_round_two_keys_and_their_examples_check_clean(tmp_path, capsys, bentuk):
    """Each key of any agency's table is shown in the form, commented out; taken in as written (the comment
    sign removed), the file still checks clean."""
    folder = tmp_path / bentuk
    assert run(capsys, "init", str(folder), "--bentuk", bentuk)[0] == 0
    path = folder / "content" / "iku.toml"
    text = path.read_text(encoding="utf-8")
    for key in ("# arah = \"turun\"", "# kondisi_akhir = ", "# [[tujuan]]", "{daftar_tujuan}", "rentang"):
        assert key in text, key
    assert ("periode_sampul = false" in text) if bentuk == "opd" else ("kumulatif" in text and "makna," in text)
    taken = text.replace("# arah = ", "arah = ", 1).replace("# kondisi_akhir = ", "kondisi_akhir = ", 1)
    path.write_text(taken.replace("# [[tujuan]]\n# nama = ", "[[tujuan]]\nnama = ", 1), encoding="utf-8")
    filled_in(folder)
    assert run(capsys, "check", str(path))[:2] == (0, [f"{path}: 0 galat, 0 peringatan"])
