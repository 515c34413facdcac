"""Shared fixtures: the sample document built once per test session, one LibreOffice for the tests that
use it, and the --accept flag of the golden files. Paths and helpers are in tests/support."""

from __future__ import annotations

from pathlib import Path

import pytest

from ikudoc.commands.build import build_file
from ikudoc.render.options import Options
from support import FIXTURES, SAMPLE, docx_to_pdf, require_libreoffice_python


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true",
                     help="rewrite the golden files under tests/golden from this build (then review: git diff)")


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> dict[str, Path]:
    """The sample content built into DOCX and HTML: {"docx": path, "html": path}."""
    out = tmp_path_factory.mktemp("sample")
    result = build_file(SAMPLE, out, Options(("docx", "html")))
    return {path.suffix[1:]: path for path in result.outputs}


@pytest.fixture(scope="session")
def six_year_build(tmp_path_factory) -> dict[str, Path]:
    """The six-year fixture built into DOCX and HTML."""
    out = tmp_path_factory.mktemp("six")
    result = build_file(FIXTURES / "enam_tahun.toml", out, Options(("docx", "html")))
    return {path.suffix[1:]: path for path in result.outputs}


@pytest.fixture(scope="session")
def office():
    """One LibreOffice for the tests that fill daftar isi and print Word files with it."""
    from ikudoc.render.docx.libreoffice import Office

    require_libreoffice_python()
    with Office() as running:
        yield running


@pytest.fixture(scope="session")
def sample_pdf(sample_build, tmp_path_factory) -> Path:
    """The sample's DOCX as LibreOffice prints it."""
    return docx_to_pdf(sample_build["docx"], tmp_path_factory.mktemp("sample-pdf"))
