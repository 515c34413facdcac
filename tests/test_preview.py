"""`ikudoc preview` shows the document as it comes out of the printer: the pages of the signed Word file,
which are its PDF's, as PNG files and one contact sheet; without LibreOffice there is nothing to show."""

from __future__ import annotations

import io

from PIL import Image

from ikudoc.cli import main
from ikudoc.render.docx import libreoffice
from support import SAMPLE, require_libreoffice_python


def image(path) -> Image.Image:
    return Image.open(io.BytesIO(path.read_bytes()))


def test_preview_shows_the_pages_as_printed(tmp_path, capsys):
    require_libreoffice_python()
    folder = tmp_path / "pratinjau" / "iku_2024"
    folder.mkdir(parents=True)
    (folder / "halaman-99.png").write_bytes(b"dari ikudoc lama")
    (folder / "docx-01.png").write_bytes(b"nama dari ikudoc lama")
    assert main(["preview", str(SAMPLE), "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    pages = names[:-1]
    assert capsys.readouterr().out == f"ditulis {folder / 'ringkasan.png'} ({len(pages)} halaman di {folder})\n"
    assert names[-1] == "ringkasan.png" and pages == [f"halaman-{n:02d}.png" for n in range(1, 15)]
    cover, lampiran = image(folder / pages[0]), image(folder / pages[-1])
    assert cover.height > cover.width and lampiran.width > lampiran.height
    assert cover.width == round(210 / 25.4 * 100), "100 dpi: the page's text is readable on a screen"
    sheet = image(folder / "ringkasan.png")
    assert sheet.width > 6 * cover.width and sheet.height > 2 * cover.height  # seven pages a row, two rows


def test_preview_without_libreoffice_says_why_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    assert main(["preview", str(SAMPLE), "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("gagal: PDF tidak dibuat: PDF adalah berkas Word seperti dicetak")
    assert not (tmp_path / "pratinjau").exists()
