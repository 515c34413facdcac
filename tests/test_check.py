"""ikudoc check: the rules of an evaluator of SAKIP documents, each failing and passing once,
with its message word for word; ikudoc build refuses a document with an error."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikudoc.cli import main
from ikudoc.content.rules import repeated_phrase
from support import ROOT, SAMPLE
from support.content_variants import line_of, variant

NIP = 'nip = "19670418 199203 1003"'
PHRASE = "menunjukkan target yang harus dicapai berdasarkan menunjukkan target yang harus dicapai berdasarkan"
PHRASE_FIXED = "menunjukkan target yang harus dicapai berdasarkan"


def check(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    status = main(["check", *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def unacknowledged(tmp_path):
    """The sample without its [periksa] section: its three warnings shown."""
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "iku_2024.toml"
    path.write_text(text[: text.index("\n[periksa]")], encoding="utf-8")
    return path


def problems(path, code: str) -> list[str]:
    """The problems ``ikudoc check`` would show for ``path`` with the code ``code``: the rule's own result,
    each as its line."""
    from ikudoc.commands.check import check_file

    return [str(p) for p in check_file(path).problems if p.code == code and not p.is_acknowledged]


def test_the_sample_acknowledges_its_three_warnings_and_passes_strict(tmp_path, capsys):
    status, out, err = check(capsys, str(SAMPLE), "--strict")
    assert (status, out, err) == (0, [f"{SAMPLE}: 0 galat, 0 peringatan (3 lagi diabaikan sesuai [periksa] abaikan)"],
                                  [])
    path = unacknowledged(tmp_path)
    status, out, err = check(capsys, str(path))
    assert (status, out) == (0, [f"{path}: 0 galat, 3 peringatan"])
    assert [line.rsplit("[", 1)[1] for line in err] == ["target-tahun-periode]", "nip-format]", "frasa-berulang]"]
    status, _, err = check(capsys, str(path), "--strict")
    assert status == 1 and err[-1] == "gagal: 0 galat, 3 peringatan (--strict: peringatan juga gagal)."


def test_an_acknowledgement_with_a_key_excuses_only_that_place(tmp_path, capsys):
    twice = "menunjukkan target yang harus dicapai"
    path = variant(tmp_path, ("Puji syukur", f"Puji syukur {twice} {twice}"))
    status, _, err = check(capsys, str(path), "--strict")
    assert status == 1 and [line.split(": peringatan: ")[1] for line in err[:-1]] == [
        f'kata_pengantar.isi: frasa "{twice}" tertulis dua kali berturut-turut [frasa-berulang]']


@pytest.mark.parametrize("entry, message", [
    ("kumulatif-turun", '"kumulatif-turun" bukan kode peringatan; yang bisa diabaikan: bab-kosong, frasa-berulang, '
                        "judul-lampiran-opd, nip-format, rentang-arah, rentang-sama, tabel-tidak-dicantumkan, "
                        "target-tahun-periode, tujuan-kosong [abaikan-tidak-dikenal]"),
    ("nip-fromat", '"nip-fromat" bukan kode peringatan; yang bisa diabaikan: bab-kosong, frasa-berulang, '
                   "judul-lampiran-opd, nip-format, rentang-arah, rentang-sama, tabel-tidak-dicantumkan, "
                   "target-tahun-periode, tujuan-kosong [abaikan-tidak-dikenal]"),
    ("bab-kosong", "peringatan: periksa.abaikan[4]: tidak ada peringatan bab-kosong lagi; hapus butir ini "
                   "[abaikan-tidak-terpakai]"),
    ("frasa-berulang bab[2].isi", "peringatan: periksa.abaikan[4]: tidak ada peringatan frasa-berulang di "
                                  "bab[2].isi lagi; hapus butir ini [abaikan-tidak-terpakai]"),
])
def test_only_warnings_that_occur_can_be_acknowledged(tmp_path, capsys, entry, message):
    path = variant(tmp_path, ('  "target-tahun-periode",\n]', f'  "target-tahun-periode",\n  "{entry}",\n]'))
    _, _, err = check(capsys, str(path))
    line = line_of(path, f'  "{entry}"')
    assert err[0] == f"{path}:{line}: " + (
        message if message.startswith("peringatan") else f"periksa.abaikan[4]: {message}")


def test_cumulative_targets_must_not_decrease(tmp_path):
    path = variant(tmp_path, ("2024 = 8.57", "2024 = 4"))
    assert problems(path, "kumulatif-turun") == [
        f"{path}:{line_of(path, '2024 = 4')}: sasaran[2].indikator[1].target.2024: indikator kumulatif tidak boleh "
        "turun: target 2024 (4) lebih kecil dari target 2023 (4,47) [kumulatif-turun]"]
    assert problems(SAMPLE, "kumulatif-turun") == []


def test_an_indicator_marked_not_cumulative_may_decrease(tmp_path):
    path = variant(tmp_path, ("2024 = 8.57", "2024 = 4"),
                   ('satuan = "%"\nsumber_data = "Dinas', 'kumulatif = false\nsatuan = "%"\nsumber_data = "Dinas'))
    assert problems(path, "kumulatif-turun") == []


def test_targets_cover_the_period(tmp_path):
    sample = unacknowledged(tmp_path)
    assert problems(sample, "target-tahun-periode") == [
        f"{sample}:{line_of(sample, 'periode =')}: peringatan: dokumen.periode: tahun 2019, 2020 dari periode "
        "2019–2024 tidak punya target di tabel IKU [target-tahun-periode]"]
    path = variant(tmp_path, ("awal = 2019", "awal = 2021"))
    assert problems(path, "target-tahun-periode") == []


@pytest.mark.parametrize("nip, message", [
    ("19670418 199203 100", "NIP harus 18 angka (tertulis 17 angka)"),
    ("19670418 l99203 1003", "NIP harus 18 angka (tertulis 17 angka dan tanda lain)"),
    ("19671318 199203 1003", "8 angka pertama NIP (19671318) harus tanggal lahir yang sah (tahun, bulan, tanggal)"),
    ("19670418 199213 1003", "angka ke-9 sampai ke-14 NIP (199213) harus tahun dan bulan pengangkatan CPNS yang masuk "
                             "akal (usia 17 sampai 50 tahun, sebelum tanggal dokumen)"),
    ("19670418 197003 1003", "angka ke-9 sampai ke-14 NIP (197003) harus tahun dan bulan pengangkatan CPNS yang masuk "
                             "akal (usia 17 sampai 50 tahun, sebelum tanggal dokumen)"),
    ("19670418 199203 3003", "angka ke-15 NIP (3) harus 1 (laki-laki) atau 2 (perempuan)"),
])
def test_nip_must_be_real(tmp_path, capsys, nip, message):
    path = variant(tmp_path, (NIP, f'nip = "{nip}"'))
    assert problems(path, "nip-tidak-sah") == [
        f"{path}:{line_of(path, 'nip =')}: penandatangan.nip: {message} [nip-tidak-sah]"]


def test_nip_is_written_grouped(tmp_path):
    sample = unacknowledged(tmp_path)
    assert problems(sample, "nip-format") == [
        f"{sample}:{line_of(sample, 'nip =')}: peringatan: penandatangan.nip: NIP ditulis \"19670418 199203 1003\"; "
        "penulisan baku: \"19670418 199203 1 003\" [nip-format]"]
    path = variant(tmp_path, (NIP, 'nip = "19670418 199203 1 003"'))
    assert problems(path, "nip-format") == [] and problems(path, "nip-tidak-sah") == []


@pytest.mark.parametrize("rank, code, message", [
    ("Pembina Utama Mada", "pangkat-tidak-dikenal", 'pangkat "Pembina Utama Mada" tidak dikenal; maksudnya "Pembina '
                                                    'Utama Madya"? Pangkat PNS: Juru Muda ... Pembina Utama'),
    ("Kepala Bidang", "pangkat-tidak-dikenal", 'pangkat "Kepala Bidang" tidak dikenal Pangkat PNS: Juru Muda ... '
                                               'Pembina Utama'),
    ("Pembina Utama Madya (IV/c)", "golongan-tidak-cocok",
     "golongan IV/c tidak sesuai dengan pangkat Pembina Utama Madya (IV/d)"),
])
def test_rank_is_a_civil_service_rank(tmp_path, capsys, rank, code, message):
    path = variant(tmp_path, ('pangkat = "Pembina Utama Madya"', f'pangkat = "{rank}"'))
    assert problems(path, code) == [f"{path}:{line_of(path, 'pangkat =')}: penandatangan.pangkat: {message} "
                                            f"[{code}]"]


@pytest.mark.parametrize("rank", ["Pembina Utama Madya", "Pembina Tk. I", "pembina tingkat i (IV/b)", "Penata Muda, III/a"])
def test_rank_spellings_that_are_accepted(tmp_path, capsys, rank):
    path = variant(tmp_path, ('pangkat = "Pembina Utama Madya"', f'pangkat = "{rank}"'))
    assert problems(path, "pangkat-tidak-dikenal") == problems(path, "golongan-tidak-cocok") == []


def test_a_phrase_typed_twice_in_a_row(tmp_path):
    sample = unacknowledged(tmp_path)
    assert problems(sample, "frasa-berulang") == [
        f"{sample}:{line_of(sample, 'isi = ', 2)}: peringatan: bab[1].bagian[1].isi: frasa \"{PHRASE_FIXED}\" tertulis "
        "dua kali berturut-turut [frasa-berulang]"]
    path = variant(tmp_path, (PHRASE, PHRASE_FIXED))
    assert problems(path, "frasa-berulang") == []


@pytest.mark.parametrize("text, phrase", [
    ("program yang yang ditetapkan", "yang"),
    ("dapat kita lihat dengan Indikator Kinerja. Dengan Indikator Kinerja kita", None),  # across two sentences
    ("target 2021 2021 dan a. a.", None),
    ("masing masing", "masing"),
])
def test_repeated_phrase(text, phrase):
    assert repeated_phrase(text) == phrase


def _repeated_phrase_by_definition(text: str) -> str | None:
    """Every length, longest first, at every place: what repeated_phrase finds without trying them all."""
    import re

    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        words = sentence.split()
        bare = [re.sub(r"^\W+|\W+$", "", word).lower() for word in words]
        for length in range(len(words) // 2, 0, -1):
            for start in range(len(words) - 2 * length + 1):
                first, second = bare[start:start + length], bare[start + length:start + 2 * length]
                if first == second and all(first) and (length > 1 or (len(first[0]) > 2 and first[0].isalpha())):
                    return " ".join(words[start:start + length])
    return None


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["yang", "Yang", "target", "a", "2021", "dan,", "-", "x.", "kinerja;", "ke", "(yang),", "«ke»", "_a"]),
                max_size=14).map(" ".join))
def test_repeated_phrase_finds_what_its_definition_finds(text):
    assert repeated_phrase(text) == _repeated_phrase_by_definition(text)


def test_an_empty_chapter(tmp_path):
    path = variant(tmp_path, ('[[bab]]\njudul = "PENUTUP"', '[[bab]]\njudul = "KOSONG"\n\n[[bab]]\njudul = "PENUTUP"'))
    line = line_of(path, 'judul = "KOSONG"') - 1
    assert problems(path, "bab-kosong") == [
        f'{path}:{line}: peringatan: bab[4]: BAB "KOSONG" kosong: tidak punya isi maupun subbab [bab-kosong]']
    assert problems(SAMPLE, "bab-kosong") == []


TYPED_LIST = "1. Meningkatnya Koperasi Yang Berkualitas\n2. Meningkatnya Usaha Kecil Yang Menjadi Wirausaha\n"


def test_the_table_is_listed_in_the_text(tmp_path):
    path = variant(tmp_path, ("adalah :\n\n" + TYPED_LIST, "adalah :\n"))
    assert problems(path, "tabel-tidak-dicantumkan") == [
        f"{path}:{line_of(path, '[[sasaran]]')}: peringatan: sasaran[1]: sasaran strategis dari tabel IKU tidak dicantumkan "
        "di bab mana pun; tulis {daftar_sasaran} dalam satu paragraf di bab yang membahasnya [tabel-tidak-dicantumkan]"]
    assert problems(SAMPLE, "tabel-tidak-dicantumkan") == []  # typed as the official text spells it: capitals aside
    referenced = variant(tmp_path, (TYPED_LIST, "{daftar_sasaran}\n"), name="dirujuk.toml")
    assert problems(referenced, "tabel-tidak-dicantumkan") == []


@pytest.mark.parametrize("typed, differs", [
    ("1. Meningkatnya Koperasi Yang Berkualitas\n2. Meningkatnya Usaha Kecil Yang Menjadi Wirausahawan\n",
     '"Meningkatnya Usaha Kecil Yang Menjadi Wirausahawan" tidak ada di tabel'),
    ("1. Meningkatnya Usaha Kecil Yang Menjadi Wirausaha\n2. Meningkatnya Koperasi Yang Berkualitas\n",
     "butir atau urutannya lain"),
    ("1. Meningkatnya Koperasi Yang Berkualitas\n", "butir atau urutannya lain"),
])
def test_a_typed_list_that_drifted_from_the_table_is_named_where_it_is_typed(tmp_path, typed, differs):
    path = variant(tmp_path, (TYPED_LIST, typed))
    isi = line_of(path, 'judul = "TUJUAN DAN SASARAN"') + 1
    assert problems(path, "tabel-tidak-dicantumkan") == [
        f"{path}:{isi}: peringatan: bab[2].bagian[3].isi: daftar sasaran strategis di teks ini tidak sama dengan tabel "
        f"IKU ({differs}); samakan dengan tabel, atau tulis {{daftar_sasaran}} [tabel-tidak-dicantumkan]"]


def test_a_sasaran_without_indicator(tmp_path):
    path = variant(tmp_path, ('[[sasaran]]\nnama = "Meningkatnya Koperasi yang Berkualitas"',
                              '[[sasaran]]\nnama = "Sasaran Tanpa Indikator"\n\n[[sasaran]]\n'
                              'nama = "Meningkatnya Koperasi yang Berkualitas"'))
    assert problems(path, "sasaran-tanpa-indikator") == [
        f"{path}:{line_of(path, '[[sasaran]]')}: sasaran[1].indikator: sasaran ini belum punya indikator; tambahkan "
        "[[sasaran.indikator]] di bawahnya [sasaran-tanpa-indikator]"]
    assert problems(SAMPLE, "sasaran-tanpa-indikator") == []


def test_template_variables_the_content_does_not_provide(tmp_path, capsys):
    templates = tmp_path / "templat"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "iku.html.j2"
    page.write_text(page.read_text(encoding="utf-8").replace("<main>", "<main>{{ pejabat }}"), encoding="utf-8")
    status, _, err = check(capsys, str(SAMPLE), "--templates", str(templates))
    assert status == 1
    assert err[-2].startswith(f"{page}: templat memakai variabel 'pejabat' yang tidak disediakan ikudoc; yang "
                              "tersedia: bab, dokumen, huruf, iku, instansi,")
    assert problems(SAMPLE, "templat-variabel") == []


def test_the_shipped_templates_use_only_variables_ikudoc_provides(tmp_path, capsys):
    # check skips the shipped templates (these tests vouch for them): a copy is checked like a project's own
    templates = tmp_path / "templat"
    shutil.copytree(ROOT / "templates", templates)
    assert check(capsys, str(SAMPLE), "--templates", str(templates))[0] == 0
    assert problems(SAMPLE, "templat-variabel") == []


def test_build_refuses_a_document_with_an_error(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(SAMPLE), "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    path = variant(tmp_path, ("2024 = 8.57", "2024 = 4"))
    capsys.readouterr()
    assert main(["build", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("[kumulatif-turun]") and "peringatan" not in " ".join(err)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
