"""The built document holds the whole official text of the reference, in order, word for word."""

from __future__ import annotations

import pytest

from support import REFERENCE
from support.document_text import docx_blocks, html_blocks, missing_in_order, reference_blocks


def expected_blocks() -> list[str]:
    """The reference's blocks as they must come out: letter for letter, capitals included."""
    return reference_blocks(REFERENCE)


def test_reference_is_read_whole():
    blocks = reference_blocks(REFERENCE)
    assert blocks[0] == "INDIKATOR KINERJA UTAMA OPD"
    assert "KATA PENGANTAR" in blocks and "NIP. 19670418 199203 1003" == blocks[-1]
    assert not any(block.startswith("I. 1.") for block in blocks), "the hand-typed daftar isi is exempt"
    assert len(blocks) > 150


@pytest.mark.parametrize("fmt, reader", [("docx", docx_blocks), ("html", html_blocks)])
def test_every_reference_block_appears_in_order(sample_build, fmt, reader):
    missing = missing_in_order(expected_blocks(), reader(sample_build[fmt]))
    assert missing == []


@pytest.mark.parametrize("fmt, reader", [("docx", docx_blocks), ("html", html_blocks)])
def test_the_official_capitals_are_kept_where_text_and_table_differ(sample_build, fmt, reader):
    """BAB II lists the sasaran as "... Yang Berkualitas", the lampiran table has "... yang Berkualitas":
    each place prints its own spelling, compared word for word and case included."""
    blocks = reader(sample_build[fmt])
    text_list = blocks.index("Meningkatnya Koperasi Yang Berkualitas")
    assert blocks[text_list + 1] == "Meningkatnya Usaha Kecil Yang Menjadi Wirausaha"
    assert blocks.index("Meningkatnya Koperasi yang Berkualitas") > text_list
    assert "Meningkatnya Usaha Kecil yang menjadi Wirausaha" in blocks
    assert [b for b in expected_blocks() if b.casefold() == "meningkatnya koperasi yang berkualitas"] == [
        "Meningkatnya Koperasi Yang Berkualitas", "Meningkatnya Koperasi yang Berkualitas"]


@pytest.mark.parametrize("fmt, reader", [("docx", docx_blocks), ("html", html_blocks)])
def test_known_typos_of_the_official_text_are_kept(sample_build, fmt, reader):
    text = " ".join(reader(sample_build[fmt]))
    for typo in ("penegendalian", "komperhensif", "pemeriksaan usahan", "menunjukkan target yang harus dicapai "
                 "berdasarkan menunjukkan target yang harus dicapai", "Drs. SAMSURIJAL., MM."):
        assert typo in text


def test_fidelity_check_notices_a_dropped_paragraph(sample_build):
    actual = [b for b in docx_blocks(sample_build["docx"]) if not b.startswith("Misi ini adalah upaya")]
    assert missing_in_order(expected_blocks(), actual) == [
        next(b for b in expected_blocks() if b.startswith("Misi ini adalah upaya"))
    ]


def test_fidelity_check_notices_a_swapped_order(sample_build):
    actual = docx_blocks(sample_build["docx"])
    first = actual.index("KATA PENGANTAR")
    swapped = actual[:first] + actual[first + 1:first + 2] + [actual[first]] + actual[first + 2:]
    assert missing_in_order(expected_blocks(), swapped) != []
