"""ikudoc: the SAKIP documents of an Indonesian regional agency (the IKU OPD, the Perjanjian Kinerja),
each built from one TOML content file into DOCX, HTML and PDF.

Stages, lowest first: :mod:`ikudoc.content` (any content file: TOML with its lines, field types,
validation, shared rules, Markdown) -> :mod:`ikudoc.documents` (the kinds of document) -> each kind's
folder (:mod:`ikudoc.iku`, :mod:`ikudoc.perjanjian`: model, loader, checks, context, comparison) ->
:mod:`ikudoc.render` (a context -> DOCX, HTML, PDF, knowing no kind) and :mod:`ikudoc.revisions`
(comparing two revisions) -> :mod:`ikudoc.commands` (what each command does) -> :mod:`ikudoc.cli`.
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
