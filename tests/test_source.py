"""Every key path of a content file maps to the line where it is written."""

from __future__ import annotations

import pytest

from ikudoc.content.problems import ContentError
from ikudoc.content.source import read_toml

DOCUMENT = '''\
judul = "x"
[dokumen]
periode = { awal = 2019, akhir = 2024 }
"kunci kutip" = 1
[[sasaran]]
nama = "A"
[[sasaran.indikator]]
nama = "A1"
[sasaran.indikator.target]
2021 = 1
[[sasaran.indikator]]
nama = "A2"
[[sasaran]]
nama = "B"
[[sasaran.indikator]]
nama = "B1"
daftar = [
  "satu",
  # komentar
  "dua",
]
'''


@pytest.fixture()
def source(tmp_path):
    path = tmp_path / "isi.toml"
    path.write_text(DOCUMENT, encoding="utf-8")
    return read_toml(path)


@pytest.mark.parametrize("loc, line", [
    (("judul",), 1),
    (("dokumen",), 2),
    (("dokumen", "periode", "akhir"), 3),
    (("dokumen", "kunci kutip"), 4),
    (("sasaran", 0), 5),
    (("sasaran", 0, "indikator", 0, "nama"), 8),
    (("sasaran", 0, "indikator", 0, "target", "2021"), 10),
    (("sasaran", 0, "indikator", 1, "nama"), 12),
    (("sasaran", 1, "nama"), 14),
    (("sasaran", 1, "indikator", 0, "nama"), 16),
    (("sasaran", 1, "indikator", 0, "daftar", 1), 20),
])
def test_key_paths_map_to_their_lines(source, loc, line):
    assert source.line_of(loc) == line


def test_a_missing_key_is_placed_on_its_table(source):
    assert source.line_of(("sasaran", 1, "indikator", 0, "satuan")) == 15


def test_syntax_error_names_line_and_column_in_indonesian(tmp_path):
    path = tmp_path / "rusak.toml"
    path.write_text('a = "x"\nb = "tidak ditutup\n', encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_toml(path)
    (problem,) = error.value.problems
    assert str(problem) == (f"{path}:2: teks tidak ditutup sebelum akhir baris: tanda kutip penutup tidak "
                            f'ditemukan (teks beberapa baris ditulis di antara """ dan """) (kolom 19) [sintaks-toml]')


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbfa = 1\n")
    assert read_toml(path).data == {"a": 1}
