"""LibreOffice, a real consumer of the Word file, opens it and prints it as intended."""

from __future__ import annotations

import re

from support.document_text import normalise
from support.pdf_pages import footer, page_sizes, page_texts

A4_PORTRAIT = (595.3, 841.9)


def is_landscape(size):
    return size[0] > size[1]


def test_pdf_has_a_plausible_number_of_pages(sample_pdf):
    assert 8 <= len(page_sizes(sample_pdf)) <= 14


def test_only_the_lampiran_pages_are_landscape(sample_pdf):
    sizes = page_sizes(sample_pdf)
    texts = page_texts(sample_pdf)
    first_lampiran = next(i for i, text in enumerate(texts) if "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH" in text)
    assert not any(is_landscape(s) for s in sizes[:first_lampiran])
    assert all(is_landscape(s) for s in sizes[first_lampiran:])
    for width, height in sizes[:first_lampiran]:
        assert (round(width, 1), round(height, 1)) == A4_PORTRAIT


def test_pages_are_numbered_roman_then_arabic_from_bab_i(sample_pdf):
    texts = page_texts(sample_pdf)
    assert not re.fullmatch(r"[ivx]+|\d+", footer(texts[0])), "the cover has no page number"
    assert [footer(t) for t in texts[1:3]] == ["i", "ii"]
    assert "BAB I PENDAHULUAN" in texts[3]
    assert [footer(t) for t in texts[3:]] == [str(n) for n in range(1, len(texts) - 2)]


def test_lists_are_numbered_and_restart(sample_pdf):
    text = normalise(" ".join(page_texts(sample_pdf)))
    for item in ("1. Untuk memperoleh informasi kinerja", "a. Perencanaan Jangka Menengah",
                 "f. Pemantauan dan penegendalian", "1. Misi-1: Menciptakan", "6. Misi-6: Mewujudkan",
                 "1. Meningkatnya Koperasi Yang Berkualitas", "1. Persentase Koperasi Yang Berkualitas",
                 "1. Melaksanakan sebagian urusan", "19. Pelaksanaan tugas lain"):
        assert item in text


def test_iku_table_header_is_on_every_page_holding_the_table(sample_pdf):
    texts = page_texts(sample_pdf)
    with_rows = [t for t in texts if "Makna Indikator" in t]
    assert with_rows
    for text in with_rows:
        assert "SASARAN" in text and "2021" in text and "SUMBER" in text


def test_pdf_holds_the_targets_and_the_signature(sample_pdf):
    text = normalise(" ".join(page_texts(sample_pdf)))
    assert "5,71" in text and "8,57" in text and "33,54" in text
    assert "Bandar Lampung, Oktober 2024" in text
    assert text.count("NIP. 19670418 199203 1003") == 2
