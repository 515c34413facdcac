"""Markdown in text fields parses into paragraphs, lists and runs; what the document cannot show is refused."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ikudoc.content import markup
from ikudoc.content.markup import ListBlock, ListReference, MarkupError, Paragraph, Run, Vocabulary
from ikudoc.iku.model import REFERENCES


def parse_text(source: str, vocabulary: Vocabulary = REFERENCES):
    """A text of an IKU (whose references these tests use), parsed afresh: never the cached result of an
    earlier parse, so that a test that changes how Markdown reads sees its own reading."""
    return markup.parse_text.__wrapped__(source, vocabulary)


def parse_inline(source: str, vocabulary: Vocabulary = REFERENCES):
    return markup.parse_inline.__wrapped__(source, vocabulary)


def test_paragraphs_join_their_lines_with_spaces():
    text = parse_text("Kalimat satu.\nKalimat dua.\n\nParagraf dua.")
    assert text.blok == (Paragraph((Run("Kalimat satu. Kalimat dua."),)), Paragraph((Run("Paragraf dua."),)))


def test_bold_and_italic():
    (paragraph,) = parse_text("a **b *c*** d").blok
    assert paragraph.runs == (Run("a "), Run("b ", tebal=True), Run("c", tebal=True, miring=True), Run(" d"))


def test_invisible_trailing_spaces_do_not_break_the_line():
    (paragraph,) = parse_text("Kalimat satu.  \nKalimat dua.").blok
    assert paragraph.runs == (Run("Kalimat satu. Kalimat dua."),)


def test_lists_as_people_type_them():
    blocks = parse_text("Tujuannya adalah :\n1. satu\n2. dua\nParagraf sesudahnya.").blok
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "ListBlock", "Paragraph"]
    assert blocks[1].butir == ((Run("satu"),), (Run("dua"),))
    assert blocks[2].runs == (Run("Paragraf sesudahnya."),)


def test_a_list_item_may_continue_on_an_indented_line():
    (block,) = parse_text("1. satu\n   lanjutan\n2. dua").blok
    assert block.butir[0] == (Run("satu lanjutan"),)


def test_numbered_lettered_and_bulleted_lists():
    blocks = parse_text("Pengantar :\n\n1. satu\n2. dua\n\na. alfa\nb. beta\n\n- butir").blok
    assert blocks[1] == ListBlock("angka", ((Run("satu"),), (Run("dua"),)))
    assert blocks[2] == ListBlock("huruf", ((Run("alfa"),), (Run("beta"),)))
    assert blocks[3] == ListBlock("butir", ((Run("butir"),),))


def test_references_inline_and_as_lists():
    blocks = parse_text("Visi: **{visi}**.\n\n{daftar_sasaran}").blok
    assert blocks[0] == Paragraph((Run("Visi: "), Run(tebal=True, rujukan="visi"), Run(".")))
    assert blocks[1] == ListReference("daftar_sasaran")
    assert parse_text("tanpa rujukan").references() == set()
    assert parse_text("Visi: {visi}.\n\n{daftar_iku}").references() == {"visi", "daftar_iku"}


def test_each_kind_knows_its_own_references():
    memo = Vocabulary(inline=(("nomor", "nomor surat"),), lists=(("daftar_tembusan", "tembusan"),))
    assert parse_text("{daftar_tembusan}", memo).blok == (ListReference("daftar_tembusan"),)
    assert parse_text("Nomor {nomor}.", memo).references() == {"nomor"}
    with pytest.raises(MarkupError, match=r"rujukan \{visi\} tidak dikenal; yang tersedia: \{nomor\}, \{daftar_tembusan\}"):
        parse_text("Visi: {visi}.", memo)
    with pytest.raises(MarkupError, match=r"^rujukan \{visi\} tidak dipakai di sini$"):
        parse_text("Visi: {visi}.", Vocabulary(unknown="rujukan {rujukan} tidak dipakai di sini"))


def test_escaped_brace_html_and_entities_stay_text():
    assert parse_inline(r"\{visi} <b>x</b> & {{ y }} &amp; &#169;").runs == (Run("{visi} <b>x</b> & {{ y }} &amp; &#169;"),)


@pytest.mark.parametrize("source, message", [
    ("# Judul", "judul Markdown (#) tidak didukung"),
    ("> kutipan", "kutipan (>) tidak didukung"),
    ("[tautan](http://contoh)", "tautan [..](..) tidak didukung"),
    ("    kode", "blok kode (baris diawali 4 spasi) tidak didukung di dalam teks dokumen (baris yang diawali 4 spasi"),
    ("1. satu\n    1. dalam", "daftar bertingkat belum didukung"),
    ("1. satu\n  a. dalam\n2. dua", "daftar bertingkat belum didukung; tulis butir daftar tanpa spasi di awal baris"),
    ("Lihat {daftar_iku} di sini.", "{daftar_iku} adalah daftar: tulis sendirian dalam satu paragraf"),
    ("{visii}", "rujukan {visii} tidak dikenal"),
])
def test_unsupported_markdown_is_refused_in_indonesian(source, message):
    with pytest.raises(MarkupError) as error:
        parse_text(source)
    assert message in str(error.value)


def test_inline_field_must_be_one_paragraph():
    with pytest.raises(MarkupError, match="harus satu paragraf saja"):
        parse_inline("satu\n\ndua")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=60))
@example("ii. dua").via("a Roman list item")
@example("IV. empat").via("a Roman list item")
@example("Ir. Budi").via("a title, not a list")
def test_plain_text_taken_without_markdown_reads_as_markdown_would(text):
    """Short plain fields skip Markdown (it is most of the load time): they must come out the same."""
    fast = markup._plain_runs(text)
    if fast is None:
        return
    tree = markup._html_tree(text)
    assert [(el.tag, markup._trimmed(markup._runs(el, REFERENCES)) if el.tag == "p" else None) for el in tree] == (
        [("p", fast)] if fast else [])


def test_an_escaped_angle_bracket_is_text_not_an_autolink():
    (paragraph,) = parse_text("Situs \\<http://contoh.go.id> dan surel \\<iku@contoh.go.id>.").blok
    assert paragraph.runs == (Run("Situs <http://contoh.go.id> dan surel <iku@contoh.go.id>."),)


# Lines as people type them in a content file, for comparing the list processor with fancylists.
# (Not "IV." with one space: fancylists reads "CV. Maju Jaya" as a Roman list, ikudoc as a sentence.)
_MARKERS = ["1.", "2.", "10.", "1)", "#.", "#)", "a.", "b.", "a)", "c)", "h.", "i.", "v.", "z.", "ii.", "iv.", "xxxx.",
            "cv.", "A.", "B)", "I.", "IV)", "dll.", "-", "*", "+"]
_WORDS = ["satu", "dua **tebal**", "*miring* x", "{visi}", "{daftar_iku}", "a & b", "x < y", "\\*bukan\\*", "Kalimat."]
_LINE = st.one_of(
    st.just(""),
    st.builds("".join, st.tuples(st.sampled_from(["", " ", "   ", "    "]), st.sampled_from(_WORDS))),
    st.builds("".join, st.tuples(st.sampled_from(["", "", " ", "   ", "    "]), st.sampled_from(_MARKERS),
                                 st.sampled_from([" ", "  ", "\t"]), st.sampled_from(_WORDS))))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(_LINE, min_size=1, max_size=7).map("\n".join))
@example("h. ha\ni. ii").via("i continues a lettered list")
@example("i. satu\nii. dua").via("i starts a Roman list")
@example("1. satu\n2) dua\n\na. alfa\n- butir").via("each change of marker starts a new list")
@example("1. satu\n #. dua\na. alfa\n#. beta").via("# is the next item of the list it follows")
def test_lists_read_as_pymdownx_fancylists_reads_them(text):
    """ikudoc's own list processor (typed_lists) stands in for pymdownx.fancylists, whose imports cost
    every command ~80 ms: what a content file's lists become, or the refusal, is the same."""
    import markdown
    from markdown.blockprocessors import OListProcessor, UListProcessor

    class WithMarkdownsLists(markup._DocumentMarkdown):
        def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API)
            super().extendMarkdown(md)
            md.parser.blockprocessors.register(OListProcessor(md.parser), "olist", 40)
            md.parser.blockprocessors.register(UListProcessor(md.parser), "ulist", 30)

    def parsed() -> str:
        try:
            return repr(parse_text(text).blok)
        except MarkupError as error:
            return f"MarkupError: {error}"

    ours = parsed()
    fancylists = markdown.Markdown(extensions=[WithMarkdownsLists(), "pymdownx.fancylists"], output_format="xhtml")
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(markup, "_markdown", lambda: fancylists)
        assert ours == parsed()


@pytest.mark.parametrize("text", ["CV. Maju Jaya sebagai mitra.", "DI. Yogyakarta", "IV. empat", "MM. Rahman",
                                  "A. Rahman datang."])
def test_a_sentence_starting_with_a_capital_abbreviation_is_a_sentence(text):
    assert parse_text(text).blok == (Paragraph((Run(text),)),)
    assert parse_text(f"**{text}**").blok == (Paragraph((Run(text, tebal=True),)),), "with Markdown in it too"


@pytest.mark.parametrize("text", ["IV.  empat", "IV) empat", "ii. dua", "i. satu\nii. dua", "A) satu"])
def test_roman_and_capital_lists_are_refused(text):
    with pytest.raises(MarkupError, match="hanya daftar bernomor 1. 2. dan berhuruf a. b. yang didukung"):
        parse_text(text)
