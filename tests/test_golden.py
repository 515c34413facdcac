"""The sample's Word parts and HTML, and those of its Perjanjian Kinerja, as ikudoc writes them, equal
reviewed golden files, so that every change of layout shows in review as a diff of tests/golden/. The Word parts are compared as canonical
XML (C14N 2.0: attributes sorted, one element per line), never as bytes.

The LKjIP's Word template is checked the same way against what tests/support/lkjip_template.py makes of
the IKU's and the PK's.

After an intended change: `python -m pytest tests/test_golden.py --accept`, then read `git diff tests/golden`
and look at the pages (`ikudoc preview`) before committing the new goldens."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ikudoc.commands.build import build_file
from ikudoc.render.options import Options
from support import ROOT, canonical, lkjip_template

GOLDEN = Path(__file__).parent / "golden"
WORD_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")


def check(name: str, actual: str, accept: bool, document: str = "iku_2024") -> None:
    golden = GOLDEN / document / name
    if accept:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}: run python -m pytest tests/test_golden.py --accept"
    assert actual == golden.read_text(encoding="utf-8"), \
        f"{name} differs from its golden file; if the change is intended, rerun with --accept and review the diff"


@pytest.mark.parametrize("part", WORD_PARTS)
def test_word_part_equals_its_golden_file(sample_build, part, request):
    with zipfile.ZipFile(sample_build["docx"]) as archive:
        actual = canonical(archive.read(part))
    check(Path(part).name, actual, request.config.getoption("--accept"))


def test_html_equals_its_golden_file(sample_build, request):
    check("iku_2024.html", sample_build["html"].read_text(encoding="utf-8"), request.config.getoption("--accept"))


def test_the_perjanjian_kinerja_equals_its_golden_files(tmp_path, request):
    docx, html = build_file(ROOT / "content" / "pk_2024.toml", tmp_path, Options(("docx", "html"))).outputs
    accept = request.config.getoption("--accept")
    with zipfile.ZipFile(docx) as archive:
        check("document.xml", canonical(archive.read("word/document.xml")), accept, "pk_2024")
        check("styles.xml", canonical(archive.read("word/styles.xml")), accept, "pk_2024")
    check("pk_2024.html", html.read_text(encoding="utf-8"), accept, "pk_2024")


def test_canonical_form_ignores_attribute_order_and_indentation_but_not_text():
    one = b'<w:p xmlns:w="urn:w"><w:r a="1" b="2"><w:t>x</w:t></w:r></w:p>'
    other = b'<w:p xmlns:w="urn:w">\n  <w:r b="2" a="1">\n    <w:t>x</w:t>\n  </w:r>\n</w:p>'
    assert canonical(one) == canonical(other)
    assert canonical(one) != canonical(one.replace(b">x<", b">y<"))


def test_the_report_template_is_made_from_the_iku_and_pk_templates(request):
    """templates/lkjip.docx is what tests/support/lkjip_template.py makes of iku.docx and pk.docx, so that a
    change of the IKU's or the PK's look reaches the report (--accept writes it anew)."""
    if request.config.getoption("--accept"):
        lkjip_template.write()
    made = lkjip_template.made()
    with zipfile.ZipFile(lkjip_template.TARGET) as shipped:
        assert shipped.namelist() == list(made)
        differing = [name for name in made if shipped.read(name) != made[name]]
    assert differing == [], "templates/lkjip.docx is not what its maker makes: rerun with --accept and review"
