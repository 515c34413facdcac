"""ikudoc: the Indikator Kinerja Utama (IKU OPD) document of an Indonesian regional agency,
built from one TOML content file into DOCX and HTML.

Stages: :mod:`ikudoc.source` (TOML and line numbers) -> :mod:`ikudoc.loader` (validated
:mod:`ikudoc.model`) -> :mod:`ikudoc.context` (what the templates see) -> :mod:`ikudoc.docx_writer`
and :mod:`ikudoc.html_writer`; :mod:`ikudoc.build` ties them together, :mod:`ikudoc.cli` is the command.
"""

from .build import build_file, render
from .loader import load
from .problems import ContentError, Problem

__version__ = "0.1.0"
__all__ = ["ContentError", "Problem", "build_file", "load", "render"]
