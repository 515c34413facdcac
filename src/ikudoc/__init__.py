"""ikudoc: the Indikator Kinerja Utama (IKU OPD) document of an Indonesian regional agency,
built from one TOML content file into DOCX and HTML.

Stages: :mod:`ikudoc.source` (TOML and line numbers) -> :mod:`ikudoc.loader` (validated
:mod:`ikudoc.model`) -> :mod:`ikudoc.context` (what the templates see) -> :mod:`ikudoc.docx_writer`
and :mod:`ikudoc.html_writer`; :mod:`ikudoc.build` ties them together, :mod:`ikudoc.cli` is the command.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
__all__ = ["ContentError", "Problem", "build_file", "load", "render"]

# Imported when first used, so that a command (or a module such as ikudoc.files) pays only for what
# it needs: the build stack takes most of a second to import.
_HOMES = {"build_file": "commands.build", "render": "commands.build", "load": "iku.loader",
          "ContentError": "content.problems", "Problem": "content.problems"}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
