"""`ikudoc preview` shows the document that gets signed: the Word file's pages as LibreOffice prints
them, beside ikudoc's PDF, as PNG files and one contact sheet."""

from __future__ import annotations

import io

from PIL import Image

from ikudoc.cli import main
from ikudoc.render.docx import libreoffice
from support import SAMPLE, require_libreoffice_python, require_weasyprint


def image(path) -> Image.Image:
    return Image.open(io.BytesIO(path.read_bytes()))


def test_preview_shows_the_docx_as_libreoffice_prints_it_beside_the_pdf(tmp_path, capsys):
    require_libreoffice_python()
    require_weasyprint()
    folder = tmp_path / "pratinjau" / "iku_2024"
    folder.mkdir(parents=True)
    (folder / "halaman-99.png").write_bytes(b"dari ikudoc lama")
    assert main(["preview", str(SAMPLE), "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    docx_pages = [n for n in names if n.startswith("docx-")]
    pdf_pages = [n for n in names if n.startswith("pdf-")]
    assert capsys.readouterr().out == (f"ditulis {folder / 'ringkasan.png'} ({len(docx_pages)} halaman DOCX, "
                                       f"{len(pdf_pages)} halaman PDF di {folder})\n")
    assert names == docx_pages + pdf_pages + ["ringkasan.png"]
    assert docx_pages == [f"docx-{n:02d}.png" for n in range(1, len(docx_pages) + 1)] and len(docx_pages) >= 10
    for pages in (docx_pages, pdf_pages):
        cover, lampiran = image(folder / pages[0]), image(folder / pages[-1])
        assert cover.height > cover.width and lampiran.width > lampiran.height
    assert (folder / "docx-05.png").read_bytes() != (folder / "pdf-05.png").read_bytes()
    sheet, page = image(folder / "ringkasan.png"), image(folder / "docx-01.png")
    assert sheet.width > 6 * page.width and sheet.height > 4 * page.height  # two renderings, two rows each


def test_preview_without_libreoffice_shows_the_pdf_and_says_why(tmp_path, monkeypatch, capsys):
    require_weasyprint()
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    assert main(["preview", str(SAMPLE), "-o", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{SAMPLE}: catatan: LibreOffice tidak ditemukan")
    assert captured.err.endswith("; pratinjau hanya menampilkan PDF\n") and captured.err.count("\n") == 1
    names = sorted(p.name for p in (tmp_path / "pratinjau" / "iku_2024").iterdir())
    assert names[-1] == "ringkasan.png" and all(n.startswith("pdf-") for n in names[:-1])
