"""Adding a kind of document is a folder: a kind declared only here, in the test (a one-page memo with one
model and one template, and no comparison), is registered and then built, checked and watched through
the same commands as the IKU, without a change to any shared module."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import docx
import pytest
from pydantic import Field

from ikudoc import documents
from ikudoc.cli import main
from ikudoc.content.fields import MarkdownText, Model, PlainText, SigningDate
from ikudoc.content.markup import Vocabulary
from ikudoc.content.problems import ContentError
from ikudoc.content.revision_source import ContentRef, file_ref
from ikudoc.content.rules import Report, no_phrase_typed_twice
from ikudoc.content.validate import raise_problems, validate
from ikudoc.render.rendering import Metadata, Rendering
from support import SAMPLE, SAMPLE_PK, shown


class Isi(Model):
    perihal: PlainText = Field(title="Perihal")
    tanggal: SigningDate = Field(title="Tanggal")
    isi: MarkdownText = Field(title="Isi")


class Memo(Model):
    memo: Isi
    tembusan: list[PlainText] = []


REFERENCES = Vocabulary(lists=(("daftar_tembusan", "tembusan"),))


def load(toml, ref):
    model, problems = validate(Memo, toml, ref, REFERENCES)
    raise_problems(problems, ref)
    return model


def check(memo, toml):
    report = Report(toml, frozenset({"frasa-berulang"}))
    no_phrase_typed_twice(report, [(("memo", "isi"), memo.memo.isi)])
    return report.problems


def context(memo, layout):
    page = layout.page("A4")
    paragraphs = ["".join(run.teks for run in block.runs) for block in memo.memo.isi.blok if hasattr(block, "runs")]
    variables = {"perihal": memo.memo.perihal, "tanggal": memo.memo.tanggal.teks, "paragraf": paragraphs,
                 "tembusan": memo.tembusan}
    return Rendering(variables, page, Metadata(memo.memo.perihal, "Memo", "Sekretariat", memo.memo.tanggal.tanggal))


MEMO = documents.DocumentKind(
    key="memo", label="Memo", short="memo", marker="memo", load=load, check=check, context=context,
    word_template="memo.docx", page_template="memo.html.j2", schema_name="memo.schema.json",
    schema_title="Memo (uji)", model=Memo)

MEMO_TOML = '''[memo]
perihal = "Rapat evaluasi IKU"
tanggal = 2024-11-04
isi = """Mohon hadir pada rapat evaluasi.

Terima kasih."""
'''


@pytest.fixture
def memo_project(tmp_path, monkeypatch):
    """A project with one memo and the memo's two templates, the kind registered for the test only."""
    documents.register(MEMO)
    templates = tmp_path / "templat_memo"
    templates.mkdir()
    word = docx.Document()
    word.add_paragraph("MEMO: {{ perihal }}")
    word.add_paragraph("{%p for teks in paragraf %}")
    word.add_paragraph("{{ teks }}")
    word.add_paragraph("{%p endfor %}")
    word.add_paragraph("{{ tanggal }}")
    word.save(templates / "memo.docx")
    (templates / "memo.html.j2").write_text(
        "<!DOCTYPE html><html><head><title>{{ metadata.judul }}</title></head><body><h1>{{ perihal }}</h1>"
        "{% for teks in paragraf %}<p>{{ teks }}</p>{% endfor %}<p>{{ tanggal }}</p></body></html>",
        encoding="utf-8")
    (tmp_path / "memo.toml").write_text(MEMO_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    documents.unregister("memo")


def test_a_kind_registered_by_a_test_is_built_through_ikudoc_build(memo_project, capsys):
    status = main(["build", "memo.toml", "--templates", "templat_memo", "-o", "keluar", "--no-fill-toc"])
    assert status == 0, capsys.readouterr().err
    assert capsys.readouterr().out.splitlines() == [f"ditulis {shown('keluar/memo.docx')}",
                                                    f"ditulis {shown('keluar/memo.html')}"]
    texts = [p.text for p in docx.Document(memo_project / "keluar" / "memo.docx").paragraphs]
    assert texts == ["MEMO: Rapat evaluasi IKU", "Mohon hadir pada rapat evaluasi.", "Terima kasih.",
                     "4 November 2024"]
    with zipfile.ZipFile(memo_project / "keluar" / "memo.docx") as archive:
        assert b"<dc:title>Rapat evaluasi IKU</dc:title>" in archive.read("docProps/core.xml")
    page = (memo_project / "keluar" / "memo.html").read_text(encoding="utf-8")
    assert "<h1>Rapat evaluasi IKU</h1><p>Mohon hadir pada rapat evaluasi.</p>" in page


def test_a_kind_registered_by_a_test_is_checked_by_its_own_rules(memo_project, capsys):
    (memo_project / "memo.toml").write_text(MEMO_TOML.replace("Mohon hadir", "Mohon mohon hadir")
                                            .replace('perihal = "Rapat evaluasi IKU"', "perihal = 3"),
                                            encoding="utf-8")
    assert main(["check", "memo.toml", "--templates", "templat_memo"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "memo.toml:2: memo.perihal: harus berupa teks di antara tanda kutip, bukan angka [harus-teks]"
    (memo_project / "memo.toml").write_text(MEMO_TOML.replace("Mohon hadir", "Mohon mohon hadir"), encoding="utf-8")
    assert main(["check", "memo.toml", "--templates", "templat_memo"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        'memo.toml:4: peringatan: memo.isi: frasa "Mohon" tertulis dua kali berturut-turut [frasa-berulang]']
    assert captured.out.splitlines() == ["memo.toml: 0 galat, 1 peringatan"]


def test_a_kind_registered_by_a_test_is_shown_by_watch(memo_project):
    from ikudoc.commands.watch import Document

    said = []
    document = Document(memo_project / "memo.toml", memo_project / "keluar", memo_project / "templat_memo", said.append)
    document.rebuild()
    assert b"<h1>Rapat evaluasi IKU</h1>" in document.served()
    assert (memo_project / "keluar" / "memo.docx").is_file()
    (memo_project / "memo.toml").write_text(MEMO_TOML.replace("2024-11-04", "2024-13-04"), encoding="utf-8")
    document.rebuild()
    assert b"<h1>Rapat evaluasi IKU</h1>" in document.served(), "the last good memo stays on the page"
    assert any("memo.toml:3" in line for line in said)


def test_a_kind_without_a_comparison_says_so(memo_project, capsys):
    (memo_project / "lain.toml").write_text(MEMO_TOML.replace("evaluasi IKU", "evaluasi PK"), encoding="utf-8")
    assert main(["diff", "memo.toml", "lain.toml"]) == 2
    assert capsys.readouterr().err == "gagal: Memo belum bisa dibandingkan\n"


def test_a_content_file_is_the_kind_its_table_marks():
    assert documents.kind_of({"perjanjian": {}}).key == "pk"
    assert documents.kind_of({"dokumen": {}}).key == "iku", "the first kind is that of a file no table marks"
    assert [kind.key for kind in documents.kinds()][:2] == ["iku", "pk"]
    assert documents.load(file_ref(SAMPLE_PK)).kind.label == "Perjanjian Kinerja"


def test_a_file_of_another_kind_is_refused_where_one_kind_is_needed():
    with pytest.raises(ContentError) as refused:
        documents.load(file_ref(SAMPLE_PK), "iku")
    assert [str(p) for p in refused.value.problems] == [
        f"{SAMPLE_PK}:15: perjanjian: berkas ini Perjanjian Kinerja ([perjanjian]), bukan IKU; sebutkan berkas IKU "
        "[bukan-iku]"]
    with pytest.raises(ContentError) as refused:
        documents.load(ContentRef("iku.toml", SAMPLE.read_bytes(), SAMPLE.parent), "pk")
    assert refused.value.problems[0].message == "berkas ini IKU, bukan Perjanjian Kinerja; sebutkan berkas Perjanjian " \
                                                "Kinerja"


def test_every_kind_says_where_its_parts_are():
    for kind in documents.kinds():
        assert documents.resolved(kind.model).model_json_schema()["type"] == "object"
        assert kind.word_template.endswith(".docx") and kind.page_template.endswith(".html.j2")
        assert all(example.berkas.is_file() for example in kind.examples)
        assert callable(kind.load) and callable(kind.check) and callable(kind.context)


def test_dates_of_the_test_kind_are_the_documents_own():
    assert MEMO.context(load(*_parsed(MEMO_TOML)), _layout()).metadata.tanggal == datetime.date(2024, 11, 4)


def _parsed(text: str):
    from ikudoc.content.source import parse_toml

    ref = ContentRef("memo.toml", text.encode("utf-8"), Path("."))
    return parse_toml(ref.data, Path(ref.label)), ref


def _layout():
    from ikudoc.render.rendering import Layout
    from ikudoc.render.template_files import shipped_templates

    return Layout(shipped_templates() / "iku.docx")
