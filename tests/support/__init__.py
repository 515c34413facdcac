"""What the tests share: the repository's paths, the external tools they need (a missing one skips a test
outside CI and fails it in CI), canonical XML, and a document built in memory through ikudoc's own stages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "content" / "iku_2024.toml"
SAMPLE_PK = ROOT / "content" / "pk_2024.toml"
FIXTURES = ROOT / "tests" / "fixtures"
REFERENCE = ROOT / "tests" / "reference" / "iku_opd_perubahan_2024.md"


def shown(path: str) -> str:
    """A relative path, written with "/", as ikudoc prints a path on this system: build/iku_2024.docx, or
    build\\iku_2024.docx on Windows. (What the user typed, a git revision's path and a glob are printed as
    they are; a path ikudoc made, or read from the command line, the system's way.)"""
    return str(Path(path))


#: Why a test runs on POSIX only (Windows has no such signal, limit or permission bits).
POSIX_ONLY = {
    "SIGINT": "sends SIGINT (Ctrl-C) to another process, which Windows cannot",
    "SIGKILL": "kills a process with SIGKILL mid-write, which Windows has no signal for",
    "ulimit": "limits the file size with ulimit (bash), which Windows has not",
    "modes": "checks POSIX permission bits (umask, 0o644), which Windows files do not have",
    "execv": "a stand-in script becomes another with os.execv, which on Windows starts a new process instead",
}


def posix_only(why: str):
    """A mark that skips the test on Windows, saying why (a key of POSIX_ONLY)."""
    return pytest.mark.skipif(os.name == "nt", reason=POSIX_ONLY[why])


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def missing(message: str):
    """Skip the test for want of a tool, or fail it in CI, where .ci/run installs every tool."""
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def require_tool(name: str) -> str:
    """The path of an external program; outside CI a missing one skips the test, in CI it fails it."""
    found = shutil.which(name)
    if found:
        return found
    missing(f"{name} is not installed (Debian: libreoffice-writer-nogui, poppler-utils); .ci/run installs it")


def require_weasyprint() -> None:
    """WeasyPrint needs Pango from the system; without it the PDF tests skip (outside CI)."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        missing(f"WeasyPrint cannot load its system libraries ({error}); .ci/run installs them")


def require_soffice() -> str:
    """LibreOffice's soffice, found where ikudoc finds it (IKUDOC_SOFFICE, PATH, the Windows registry,
    Program Files); outside CI a missing one skips the test, in CI it fails it."""
    from ikudoc.render.docx.soffice import LibreOfficeUnavailable, find_soffice

    try:
        found = find_soffice()
    except LibreOfficeUnavailable as error:
        missing(str(error))
    if found is None:
        missing("LibreOffice is not installed (Debian: libreoffice-writer-nogui; Windows: libreoffice.org, or "
                "IKUDOC_SOFFICE); .ci/run installs it")
    return found


def require_libreoffice_python() -> None:
    from ikudoc.render.docx.libreoffice import uno_python

    if uno_python(require_soffice()) is None:
        missing("no Python can import LibreOffice's uno module (Debian: python3-uno); .ci/run installs it")


def validator() -> str:
    """Microsoft's Open XML SDK validator (.ci/ooxml_validator.py fetches it; OOXML_VALIDATOR names another)."""
    for candidate in (os.environ.get("OOXML_VALIDATOR"), ROOT / ".ci" / "tools" / "ooxml-validator",
                      shutil.which("ooxml-validator")):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    missing("Microsoft's Open XML SDK validator is not installed: python .ci/ooxml_validator.py")


def word_errors(docx: Path, version: str) -> list[str]:
    """What the validator finds wrong in ``docx`` for Word ``version`` ("Microsoft365", "Office2010")."""
    import json

    result = subprocess.run([validator(), str(docx), version], capture_output=True, text=True, encoding="utf-8",
                            timeout=120)
    report = json.loads(result.stdout)
    return [f"{error.get('path')} {error.get('xPath')}: {error['description']}" for error in report["errors"]]


def docx_to_pdf(source: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (a running LibreOffice is not disturbed)."""
    soffice = require_soffice()
    profile = (out_dir / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return out_dir / f"{source.stem}.pdf"


def canonical(xml: bytes) -> str:
    """XML as C14N 2.0 of its pretty-printed tree: equal documents give equal text, a change a small diff."""
    tree = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
    return canonicalize(etree.tostring(tree, pretty_print=True).decode("utf-8")) + "\n"


def rendering(content: Path, **options):
    """What the writers get for the content file ``content`` (any kind), built with ``options``."""
    from ikudoc import documents
    from ikudoc.commands.build import rendering_of
    from ikudoc.content.revision_source import file_ref
    from ikudoc.render.options import Options

    return rendering_of(documents.load(file_ref(content)), Options(**options))
