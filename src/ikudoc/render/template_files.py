"""Where templates are found: a project's own templates/ folder first, then the ones shipped with
ikudoc, file by file, so that a project that customised only the Word template still gets the
shipped redline page, or a template added by a later ikudoc."""

from __future__ import annotations

import contextlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

PROJECT_TEMPLATES = Path("templates")
#: The page templates' variable, besides the context, holding the CSS font-family of the Word template.
FONT_VARIABLE = "huruf"


def shipped_templates() -> Path:
    """The templates installed with ikudoc (or templates/ of the source checkout it runs from)."""
    packaged = Path(str(resources.files("ikudoc") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def default_templates() -> Path:
    """templates/ of the folder ikudoc runs in when it holds a Word template (a project's own look, edited
    in place); otherwise the shipped templates."""
    return PROJECT_TEMPLATES if any(PROJECT_TEMPLATES.glob("*.docx")) else shipped_templates()


def template_file(templates: Path, name: str) -> Path:
    """``name`` from ``templates``, or the shipped one when that folder has none."""
    own = templates / name
    return own if own.is_file() else shipped_templates() / name


def jinja_loader(templates: Path) -> jinja2.BaseLoader:
    import jinja2

    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(templates), jinja2.FileSystemLoader(shipped_templates())])


@cache
def compiled_templates_cache() -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates on disk (a private folder in the temporary directory, keyed
    by each template's source): a new process skips compiling templates that have not changed. A cache
    that cannot be read or written (a full disk) is only slower, never a failure."""
    import jinja2

    class ForgivingCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            with contextlib.suppress(OSError, EOFError, ValueError):
                super().load_bytecode(bucket)

        def dump_bytecode(self, bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    try:
        return ForgivingCache()
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None
