"""Shared fixtures: the repository's paths, and the sample document built once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ikudoc.commands.build import Options, build_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "iku_2024.toml"
FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = Path(__file__).parent / "reference" / "iku_opd_perubahan_2024.md"


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true",
                     help="rewrite the golden files under tests/golden from this build (then review: git diff)")


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def require_tool(name: str) -> str:
    """The path of an external program; outside CI a missing one skips the test, in CI it fails it."""
    found = shutil.which(name)
    if found:
        return found
    _missing(f"{name} is not installed (Debian: libreoffice-writer-nogui, poppler-utils); .ci/run installs it")


def _missing(message: str):
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def require_weasyprint() -> None:
    """WeasyPrint needs Pango from the system; without it the PDF tests skip (outside CI)."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        _missing(f"WeasyPrint cannot load its system libraries ({error}); .ci/run installs them")


def require_libreoffice_python() -> None:
    from ikudoc.render.docx import libreoffice

    soffice = require_tool("soffice")
    if libreoffice._uno_python(soffice) is None:
        _missing("no Python can import LibreOffice's uno module (Debian: python3-uno); .ci/run installs it")


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


def docx_to_pdf(source: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (a running LibreOffice is not disturbed)."""
    import subprocess

    soffice = require_tool("soffice")
    profile = (out_dir / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return out_dir / f"{source.stem}.pdf"


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
