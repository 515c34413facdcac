"""What a build can be asked for beyond the content (formats, templates, paper, margins, PDF variant,
filling the daftar isi): the command line's choices, importable without the build machinery."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .page_setup import Margins

FORMATS = ("docx", "html", "pdf")
DEFAULT_FORMATS = ("docx", "html")


@dataclass(frozen=True)
class Options:
    """How to build, beyond the content: what the command line may change."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    templates: Path | None = None
    kertas: str | None = None  # overrides the content's paper
    margin: Margins | None = None  # overrides the content's margins
    pdf_variant: str | None = None  # e.g. "pdf/a-3b"
    fill_toc: bool = False  # fill the Word file's daftar isi with LibreOffice (the command line's default)


DEFAULT_OPTIONS = Options()
